/**
 * The dialect a project says it uses, for a scan given neither `--dialect` nor a config: the
 * migration tool's own record of it, beside the files it generated.
 * - drizzle-kit: `"dialect"` in `meta/_journal.json` (`sqlite`, `turso`, `mysql`, `postgresql`, …);
 * - Prisma: `provider` of the `datasource` block in a `.prisma` file, or `migration_lock.toml`.
 * Only a single, unambiguous answer is used; several different ones leave the default.
 */
import path from 'node:path';
import type { Dialect } from '../dialect.js';
import type { SourceTree } from './tree.js';
import { capture } from '../indexed.js';

const NAMES: Record<string, Dialect> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  pg: 'postgresql',
  cockroachdb: 'postgresql',
  mysql: 'mysql',
  singlestore: 'mysql',
  mariadb: 'mariadb',
  sqlite: 'sqlite',
  turso: 'sqlite',
  libsql: 'sqlite',
  sqlserver: 'sqlserver',
};

export interface DialectHint {
  dialect: Dialect;
  /** The file that says so. */
  file: string;
}

function text(tree: SourceTree, file: string): string | undefined {
  try {
    return tree.kind(file) === 'file' ? Buffer.from(tree.read(file)).toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}

export function dialectHint(files: string[], tree: SourceTree): DialectHint | undefined {
  const hints: DialectHint[] = [];
  const dirs = new Set(files.map((f) => path.dirname(f)));
  for (const dir of dirs) {
    const journal = path.join(dir, 'meta', '_journal.json');
    const j = text(tree, journal);
    if (j) {
      try {
        const recorded = (JSON.parse(j) as { dialect?: unknown }).dialect;
        const d = typeof recorded === 'string' ? NAMES[recorded.toLowerCase()] : undefined;
        if (d) hints.push({ dialect: d, file: journal });
      } catch {
        // an unreadable journal says nothing
      }
    }
    // Prisma: migrations/migration_lock.toml, beside the <timestamp>_<name>/ folders.
    for (const lock of [path.join(dir, 'migration_lock.toml'), path.join(path.dirname(dir), 'migration_lock.toml')]) {
      const m = /^\s*provider\s*=\s*"([a-z]+)"/m.exec(text(tree, lock) ?? '');
      const d = m ? NAMES[capture(m, 1)] : undefined;
      if (d) hints.push({ dialect: d, file: lock });
    }
  }
  for (const f of files.filter((x) => x.endsWith('.prisma'))) {
    const block = /datasource\s+\w+\s*\{([^}]*)\}/.exec(text(tree, f) ?? '');
    const m = block && /provider\s*=\s*"([a-z]+)"/.exec(capture(block, 1));
    const d = m ? NAMES[capture(m, 1)] : undefined;
    if (d) hints.push({ dialect: d, file: f });
  }
  const found = new Set(hints.map((h) => h.dialect));
  return found.size === 1 ? hints[0] : undefined;
}
