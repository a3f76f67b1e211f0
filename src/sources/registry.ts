/**
 * Which reader takes which file. SQL files go to the reader of their database's dialect; ORM
 * models are recognised by file name or content (model-files.ts) and their readers are loaded
 * only when such a file is found, so a SQL-only scan never loads ts-morph.
 * To add a source kind, add its reader here.
 */
import { type Dialect, isMysqlFamily } from '../dialect.js';
import type { ReadContext, SourceReader, SourceText } from './types.js';
import { postgresqlReader } from './postgresql/reader.js';
import { isDrizzleFile, isPrismaFile, isTypeOrmFile } from './model-files.js';
import { isSeedDataPath } from './seed-data/paths.js';

const SQL_FILE = /\.(sql|ddl)$/i;

/** SQL readers by dialect. Readers other than PostgreSQL's load their parser on first use. */
export const SQL_READERS: Partial<Record<Dialect, SourceReader>> = {
  postgresql: postgresqlReader,
  mysql: lazyReader(
    'mysql',
    (path, _t, ctx) => isMysqlFamily(ctx.dialect) && SQL_FILE.test(path),
    async () => (await import('./mysql/reader.js')).mysqlReader,
  ),
  sqlite: lazyReader(
    'sqlite',
    (path, _t, ctx) => ctx.dialect === 'sqlite' && SQL_FILE.test(path),
    async () => (await import('./sqlite/reader.js')).sqliteReader,
  ),
  bigquery: lazyReader(
    'bigquery',
    (path, _t, ctx) => ctx.dialect === 'bigquery' && SQL_FILE.test(path),
    async () => (await import('./bigquery/reader.js')).bigqueryReader,
  ),
  oracle: lazyReader(
    'oracle',
    (path, _t, ctx) => ctx.dialect === 'oracle' && SQL_FILE.test(path),
    async () => (await import('./oracle/reader.js')).oracleReader,
  ),
  sqlserver: lazyReader(
    'sqlserver',
    (path, _t, ctx) => ctx.dialect === 'sqlserver' && SQL_FILE.test(path),
    async () => (await import('./sqlserver/reader.js')).sqlServerReader,
  ),
  db2: lazyReader(
    'db2',
    (path, _t, ctx) => ctx.dialect === 'db2' && SQL_FILE.test(path),
    async () => (await import('./db2/reader.js')).db2Reader,
  ),
};
SQL_READERS.mariadb = SQL_READERS.mysql;

/**
 * A reader whose module is imported on first use. `batch` readers read all of a database's files
 * at once (ORM models refer to each other across files); the others one file at a time.
 */
function lazyReader(
  name: string,
  accepts: SourceReader['accepts'],
  load: () => Promise<SourceReader>,
  batch = false,
): SourceReader {
  let loaded: Promise<SourceReader> | undefined;
  const get = () => (loaded ??= load());
  const reader: SourceReader = {
    name,
    accepts,
    read: async (source: SourceText, ctx: ReadContext) => (await get()).read(source, ctx),
  };
  if (!batch) return reader;
  return {
    ...reader,
    readProject: async (sources: SourceText[], ctx: ReadContext) => {
      const loadedReader = await get();
      return loadedReader.readProject
        ? loadedReader.readProject(sources, ctx)
        : mergeReads(await Promise.all(sources.map(async (s) => loadedReader.read(s, ctx))));
    },
  };
}

function mergeReads(results: Awaited<ReturnType<SourceReader['read']>>[]) {
  return { ops: results.flatMap((r) => r.ops), diagnostics: results.flatMap((r) => r.diagnostics) };
}

/** Readers that are not tied to a SQL dialect (ORM models); they read a database's files at once. */
export const MODEL_READERS: SourceReader[] = [
  lazyReader('typeorm', isTypeOrmFile, async () => (await import('./typeorm/reader.js')).typeOrmReader, true),
  lazyReader('drizzle', isDrizzleFile, async () => (await import('./drizzle/reader.js')).drizzleReader, true),
  lazyReader(
    'prisma',
    (path) => isPrismaFile(path),
    async () => (await import('./prisma/reader.js')).prismaReader,
    true,
  ),
];

/** Seed data beside the schema (seeds/*.csv, fixtures/*.json): read for check-digit counts only. */
const SEED_DATA_READER = lazyReader(
  'seed-data',
  (path) => isSeedDataPath(path),
  async () => (await import('./seed-data/reader.js')).seedDataReader,
);

/** File endings worth opening when a directory is scanned. */
export const SOURCE_EXTENSIONS = ['sql', 'ddl', 'pgsql', 'psql', 'prisma', 'ts', 'mts', 'cts'];

export function readerFor(path: string, text: string, dialect: Dialect): SourceReader | undefined {
  const sql = SQL_READERS[dialect];
  if (sql?.accepts(path, text, { dialect })) return sql;
  return (
    MODEL_READERS.find((r) => r.accepts(path, text, { dialect })) ??
    (isSeedDataPath(path) ? SEED_DATA_READER : undefined)
  );
}
