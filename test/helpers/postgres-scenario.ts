/**
 * A scenario on a real PostgreSQL (PGlite): its statements run one at a time, each behind a
 * savepoint, so one PostgreSQL rejects is undone and the rest still run (spif's side is compared
 * with what is left); `inspect` reads the result, and the whole scenario is rolled back so one
 * server serves every scenario of a file.
 */
import type { PGlite } from '@electric-sql/pglite';

export async function runScenario<T>(pg: PGlite, sql: string, inspect: () => Promise<T>): Promise<T> {
  await pg.exec('BEGIN');
  try {
    for (const stmt of sql.split(/;\n/)) {
      await pg.exec('SAVEPOINT s');
      try {
        await pg.exec(stmt);
        await pg.exec('RELEASE SAVEPOINT s');
      } catch {
        await pg.exec('ROLLBACK TO SAVEPOINT s');
      }
    }
    return await inspect();
  } finally {
    await pg.exec('ROLLBACK');
  }
}
