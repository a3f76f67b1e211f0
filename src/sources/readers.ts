/**
 * The reader table (issue 13.4): one row per reader, which the registry (registry.ts: which
 * reader takes a file), the worker pool (worker.ts: which readers parse on worker threads) and
 * discovery (discover.ts, through SOURCE_EXTENSIONS: which files a directory scan opens) all read.
 * A reader's module is loaded only when a file it takes is found, so a SQL-only scan never loads
 * ts-morph. To add a reader, add its row here (and its folder beside the others).
 */
import { DIALECTS, type Dialect } from '../dialect.js';
import type { CatalogOp } from '../catalog/ops.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceReader } from './types.js';

export interface ReaderRow {
  name: string;
  /** The dialects whose databases it reads: one SQL dialect family, or every dialect (ORM models, seed data). */
  dialects: readonly Dialect[];
  /** File endings a directory scan opens for it (seed data is found by folder and name instead: seed-data/paths.ts). */
  extensions: readonly string[];
  /**
   * `file`: one file at a time; `project`: all of a database's files at once (ORM models refer to
   * each other across files); `server`: a live database, read over a connection (`databases[].url`).
   */
  mode: 'file' | 'project' | 'server';
  /** Parsed on worker threads when there is enough text (parallel.ts). */
  pooled: boolean;
  /** The reader of a `file` or `project` row. */
  load?: () => Promise<SourceReader>;
  /** The reader of a `server` row: reads a live database over its connection string. */
  loadServer?: () => Promise<ServerReader>;
}

/** A live database's reader (`mode: 'server'`): the ops a rebuilding script would hold, and what it noticed. */
export interface ServerReader {
  read(
    url: string,
    options: { database: string; sample?: number },
  ): Promise<{ ops: CatalogOp[]; diagnostics: Diagnostic[] }>;
}

const SQL = ['sql', 'ddl'] as const;
const TS = ['ts', 'mts', 'cts'] as const;

export const READERS: readonly ReaderRow[] = [
  {
    name: 'postgresql',
    dialects: ['postgresql'],
    extensions: [...SQL, 'pgsql', 'psql'],
    mode: 'file',
    pooled: true,
    load: async () => (await import('./postgresql/reader.js')).postgresqlReader,
  },
  {
    name: 'mysql',
    dialects: ['mysql', 'mariadb'],
    extensions: SQL,
    mode: 'file',
    pooled: true,
    load: async () => (await import('./mysql/reader.js')).mysqlReader,
  },
  {
    name: 'sqlite',
    dialects: ['sqlite'],
    extensions: SQL,
    mode: 'file',
    pooled: false,
    load: async () => (await import('./sqlite/reader.js')).sqliteReader,
  },
  {
    name: 'bigquery',
    dialects: ['bigquery'],
    extensions: SQL,
    mode: 'file',
    pooled: false,
    load: async () => (await import('./bigquery/reader.js')).bigqueryReader,
  },
  {
    name: 'oracle',
    dialects: ['oracle'],
    extensions: SQL,
    mode: 'file',
    pooled: false,
    load: async () => (await import('./oracle/reader.js')).oracleReader,
  },
  {
    name: 'sqlserver',
    dialects: ['sqlserver'],
    extensions: SQL,
    mode: 'file',
    pooled: false,
    load: async () => (await import('./sqlserver/reader.js')).sqlServerReader,
  },
  {
    name: 'db2',
    dialects: ['db2'],
    extensions: SQL,
    mode: 'file',
    pooled: false,
    load: async () => (await import('./db2/reader.js')).db2Reader,
  },
  {
    name: 'typeorm',
    dialects: DIALECTS,
    extensions: TS,
    mode: 'project',
    pooled: false,
    load: async () => (await import('./typeorm/reader.js')).typeOrmReader,
  },
  {
    name: 'drizzle',
    dialects: DIALECTS,
    extensions: TS,
    mode: 'project',
    pooled: false,
    load: async () => (await import('./drizzle/reader.js')).drizzleReader,
  },
  {
    name: 'prisma',
    dialects: DIALECTS,
    extensions: ['prisma'],
    mode: 'project',
    pooled: false,
    load: async () => (await import('./prisma/reader.js')).prismaReader,
  },
  {
    name: 'seed-data',
    dialects: DIALECTS,
    extensions: [],
    mode: 'file',
    pooled: false,
    load: async () => (await import('./seed-data/reader.js')).seedDataReader,
  },
  {
    name: 'live-postgresql',
    dialects: ['postgresql'],
    extensions: [],
    mode: 'server',
    pooled: false,
    loadServer: async () => ({ read: (await import('./live-postgres/index.js')).readLivePostgres }),
  },
];

/** The server reader for a dialect's live databases (only PostgreSQL has one: `url` is PostgreSQL-only in the config). */
export async function serverReader(dialect: Dialect): Promise<ServerReader> {
  const row =
    READERS.find((r) => r.mode === 'server' && r.dialects.includes(dialect)) ??
    READERS.find((r) => r.mode === 'server');
  if (!row?.loadServer) throw new Error(`no server reader for ${dialect}`);
  return row.loadServer();
}
