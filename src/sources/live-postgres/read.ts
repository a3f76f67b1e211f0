/**
 * Reading a live PostgreSQL database: connect, read the catalogs in one read-only transaction,
 * disconnect, and hand back the catalog ops a DDL reader would have produced for the same
 * database. spif never writes: the transaction is READ ONLY and is rolled back, and every
 * statement it sends is a SELECT on the catalogs (see queries.ts).
 */
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import type { CatalogOp } from '../../catalog/ops.js';
import type { Diagnostic } from '../../diagnostics.js';
import { loadPostgresParser } from '../postgresql/reader.js';
import type { SqlDefinitions } from './definitions.js';
import { liveReadError } from './errors.js';
import { passwordFromEnvironment } from './password.js';
import { CatalogQueryError, fetchCatalog, type CatalogRows } from './queries.js';
import { catalogRowsToOps } from './to-ops.js';
import { sampleColumns, type ColumnSample } from './sample.js';
import { describeServer, redactUrl } from './url.js';
import { quoteIdent } from './quote.js';
import { nth } from '../../indexed.js';

export interface LiveReadOptions {
  /** The spif database these relations belong to (from the config, else `default`). */
  database: string;
  /** Cancel any catalog query that runs longer (default 30 s). */
  statementTimeoutMs?: number;
  /** Give up connecting after this long (default 10 s). */
  connectTimeoutMs?: number;
  /** Read as this role (`SET ROLE`), like pg_dump's --role: log in as one user, read as another. */
  role?: string;
  /** `--sample N`: read at most N values of each candidate column, counts only (sample.ts). */
  sample?: number;
}

export interface LiveReadResult {
  ops: CatalogOp[];
  diagnostics: Diagnostic[];
  /** View queries and policy expressions as the server printed them (for `spif snapshot`). */
  definitions: SqlDefinitions;
  /** What was read: server version, its database name, the role spif read as. */
  server: { version: number; versionText: string; database: string; user: string };
}

const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export async function readLivePostgres(url: string, options: LiveReadOptions): Promise<LiveReadResult> {
  const rows = await readCatalogRows(url, options);
  await loadPostgresParser();
  const { ops, diagnostics, definitions } = catalogRowsToOps(rows, {
    origin: redactUrl(url),
    database: options.database,
  });
  const at = { file: redactUrl(url), line: 1, column: 1 };
  for (const s of rows.samples ?? []) {
    ops.push({
      op: 'column-values',
      at,
      table: { schema: s.schema, name: s.table },
      columns: [s.column],
      stats: [s.stats],
    });
  }
  for (const d of rows.sampleDiagnostics ?? []) diagnostics.push({ ...d, file: at.file });
  const { version, versionText, database, currentUser } = rows.server;
  return { ops, diagnostics, definitions, server: { version, versionText, database, user: currentUser } };
}

/** Connects, reads every catalog query in one READ ONLY transaction, rolls back, disconnects. */
export async function readCatalogRows(
  url: string,
  options: Omit<LiveReadOptions, 'database'>,
): Promise<CatalogRows & { samples?: ColumnSample[]; sampleDiagnostics?: Diagnostic[] }> {
  const client = new pg.Client(clientConfig(url, options));
  // A connection dropped mid-read surfaces as an 'error' event; the pending query rejects too.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw liveReadError(e, url, 'connect');
  }
  const timeout = Math.max(1, Math.floor(options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS));
  try {
    // REPEATABLE READ: every query sees the same snapshot, so the pieces fit together.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${timeout}`);
    await client.query(`SET LOCAL lock_timeout = ${timeout}`);
    // An empty search_path makes pg_get_viewdef/pg_get_expr qualify every relation name.
    await client.query(`SET LOCAL search_path = ''`);
    if (options.role) await client.query(`SET LOCAL ROLE ${quoteIdent(options.role)}`);
    const version = Number(
      nth((await client.query<{ v: string }>(`select current_setting('server_version_num') as v`)).rows, 0).v,
    );
    if (version < 100000) {
      throw Object.assign(
        new Error(`PostgreSQL ${Math.floor(version / 10000)} is older than spif supports (10 or later)`),
        { code: 'SPIF-VERSION' },
      );
    }
    const rows = await fetchCatalog(client);
    if (!options.sample) return rows;
    // Same transaction and snapshot: the values counted are those of the catalog just read.
    const sampleDiagnostics: Diagnostic[] = [];
    return {
      ...rows,
      samples: await sampleColumns(client, rows, options.sample, sampleDiagnostics),
      sampleDiagnostics,
    };
  } catch (e) {
    if (e instanceof CatalogQueryError) throw liveReadError(e.cause, url, 'read', catalogNamed(e.query));
    throw liveReadError(e, url, 'read');
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    await client.end().catch(() => {});
  }
}

function catalogNamed(query: string): string {
  const catalogs: Record<string, string> = {
    roles: 'pg_roles',
    memberships: 'pg_auth_members',
    schemas: 'pg_namespace',
    database: 'pg_database',
    relations: 'pg_class',
    columns: 'pg_attribute',
    constraints: 'pg_constraint',
    policies: 'pg_policy',
  };
  return catalogs[query] ? `${catalogs[query]} (${query})` : query;
}

function clientConfig(url: string, options: Omit<LiveReadOptions, 'database'>): pg.ClientConfig {
  const parsed = parseConnectionString(url.trim()) as Record<string, unknown>;
  const server = describeServer(url);
  const fromUrl = typeof parsed.password === 'string' && parsed.password !== '' ? parsed.password : undefined;
  const config: Record<string, unknown> = { ...parsed };
  for (const [k, v] of Object.entries(config)) if (v === null || v === '') delete config[k];
  return {
    ...(config as pg.ClientConfig),
    // Asked only when the server wants a password: URL, then PGPASSWORD, then the password file.
    // (pg treats an undefined answer as "no password", which its typings do not admit.)
    password: (async () =>
      fromUrl ??
      passwordFromEnvironment({
        host: server.host,
        port: server.port,
        database: server.database,
        user: server.user ?? process.env.USER ?? '',
      })) as () => Promise<string>,
    application_name: 'spif',
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
  };
}
