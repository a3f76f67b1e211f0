/**
 * Which reader takes which file. SQL files go to the reader of their database's dialect; ORM
 * models are recognised by file name or content. To add a source kind, add its reader here.
 */
import type { Dialect } from '../catalog/model.js';
import type { SourceReader } from './types.js';
import { postgresqlReader } from './postgresql/reader.js';
import { mysqlReader } from './mysql/reader.js';
import { sqliteReader } from './sqlite/reader.js';
import { bigqueryReader } from './bigquery/reader.js';
import { typeOrmReader } from './typeorm/reader.js';

/** SQL readers by dialect; a dialect without its own reader is reported when its files are read. */
export const SQL_READERS: Partial<Record<Dialect, SourceReader>> = {
  postgresql: postgresqlReader,
  mysql: mysqlReader,
  mariadb: mysqlReader,
  sqlite: sqliteReader,
  bigquery: bigqueryReader,
};

/** Readers that are not tied to a SQL dialect (ORM models). */
export const MODEL_READERS: SourceReader[] = [typeOrmReader];

/** File endings worth opening when a directory is scanned. */
export const SOURCE_EXTENSIONS = ['sql', 'ddl', 'pgsql', 'psql', 'prisma', 'ts', 'mts', 'cts'];

export function readerFor(path: string, text: string, dialect: Dialect): SourceReader | undefined {
  const sql = SQL_READERS[dialect];
  if (sql?.accepts(path, text, { dialect })) return sql;
  return MODEL_READERS.find((r) => r.accepts(path, text, { dialect }));
}
