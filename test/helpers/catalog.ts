/** Builds a catalog from PostgreSQL text through the real reader and builder. */
import { buildCatalog } from '../../src/catalog/build.js';
import type { Dialect } from '../../src/dialect.js';
import { loadPostgresParser, readPostgresSql } from '../../src/sources/postgresql/reader.js';

export async function catalogFromSql(databases: Record<string, string> | string, dialect: Dialect = 'postgresql') {
  await loadPostgresParser();
  const dbs = typeof databases === 'string' ? { default: databases } : databases;
  const inputs = Object.entries(dbs).map(([database, text]) => {
    const read = readPostgresSql({ path: `${database}.sql`, text });
    if (read.diagnostics.length) throw new Error(`unexpected diagnostics: ${JSON.stringify(read.diagnostics)}`);
    return { database, dialect, ops: read.ops };
  });
  return buildCatalog(inputs);
}
