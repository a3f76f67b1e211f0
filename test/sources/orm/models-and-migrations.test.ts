/**
 * An ORM's models beside the SQL migrations it generated (Prisma `schema.prisma` +
 * `migrations/<timestamp>_<name>/migration.sql`, Drizzle schema files + a drizzle-kit folder), scanned
 * through the real bin as a new user would, with neither --dialect nor a config:
 * - each table is one table, not a duplicate warning per table: the SQL is applied in its own
 *   order and the models add only the comments and marks the SQL lacks, with one info;
 * - the dialect is the one the project records (drizzle-kit's journal, Prisma's datasource);
 * - a partial or expression unique index is no key and no warning.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN as bin } from '../../helpers/bin.js';
import { nth } from '../../../src/indexed.js';

const repo = path.resolve(__dirname, '../../..');
const fixtures = path.join(repo, 'fixtures/orm');

interface Json {
  relations: { id: string; classification: string; numberColumns?: { column: string }[] }[];
  diagnostics: { severity: string; code: string; file?: string; message: string }[];
}

function scan(dir: string): Json {
  const r = spawnSync(process.execPath, [bin, 'scan', dir, '--format', 'json'], {
    cwd: fixtures,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  return JSON.parse(r.stdout) as Json;
}

const codes = (j: Json) => j.diagnostics.map((d) => `${d.severity}:${d.code}`).sort();

describe('ORM models and the migrations they generated', () => {
  it('Prisma: one table each, the migrations in order, the model’s /// comment kept', () => {
    const json = scan('prisma-migrations');
    // The second migration drops Resident_pkey before the third creates the foreign key that
    // references it: no rejection, because the models (which hold that key) come after the SQL.
    expect(codes(json)).toEqual(['info:SPIF-SOURCE-MODEL-AND-SQL']);
    expect(nth(json.diagnostics, 0).message).toContain('2 tables are defined both by ORM models');
    const resident = json.relations.find((r) => r.id === 'default.public.Resident')!;
    expect(resident.classification).toBe('specific');
    expect(resident.numberColumns?.map((c) => c.column)).toEqual(['kojinNo']);
  });

  it('Drizzle with a sqlite journal: read as sqlite, one table each, the partial expression index quiet', () => {
    const json = scan('drizzle-sqlite');
    expect(codes(json)).toEqual([
      'info:SPIF-SOURCE-DIALECT-RECORDED',
      'info:SPIF-SOURCE-MODEL-AND-SQL',
      'info:SPIF-SOURCE-ORDER',
    ]);
    const dialect = json.diagnostics.find((d) => d.code === 'SPIF-SOURCE-DIALECT-RECORDED')!;
    expect(dialect.file).toBe(path.join('drizzle-sqlite', 'drizzle', 'meta', '_journal.json'));
    expect(dialect.message).toContain('read as sqlite');
    const jumin = json.relations.find((r) => r.id === 'default.main.jumin')!;
    expect(jumin.numberColumns?.map((c) => c.column)).toEqual(['kojin_bango']);
  });
});
