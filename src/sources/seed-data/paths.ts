/**
 * Which files are seed data (by path alone, so discovery needs no parser) and which table a
 * seed file fills.
 */
import path from 'node:path';
import { nth } from '../../indexed.js';

/** Folders that hold seed or fixture data, by convention (Rails, Laravel, Knex, Django, Prisma, Sequelize). */
const SEED_FOLDER = /^(?:seeds?|seeders?|seed[-_]?data|fixtures?)$/i;
export const SEED_FILE = /\.(csv|tsv|json)$/i;

/**
 * Whether a path is seed data spif reads: a CSV/TSV/JSON file directly in a seed or fixture folder
 * (`seeds/users.csv`, `db/seeds/users.json`, `fixtures/users.csv`), or named *seed* (`users.seed.json`).
 * Only the file's own folder counts, so a scan under some `fixtures/` tree does not take every JSON in it.
 */
export function isSeedDataPath(file: string): boolean {
  if (!SEED_FILE.test(file)) return false;
  const parts = file.split(/[\\/]/);
  const base = nth(parts, parts.length - 1);
  const folder = parts[parts.length - 2] ?? '';
  return SEED_FOLDER.test(folder) || /(?:^|[._-])seeds?(?:[._-]|$)/i.test(base);
}

/** The table a seed file is for: `001_users.csv`, `users.seed.json`, `seed_users.csv` → `users`. */
export function seedTableName(file: string): string {
  return path
    .basename(file)
    .replace(SEED_FILE, '')
    .replace(/^\d+[-_.]/, '')
    .replace(/(?:^seeds?[-_.]|[-_.]seeds?$)/i, '');
}
