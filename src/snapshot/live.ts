/** `spif snapshot`: read a live PostgreSQL and write what was read as one PostgreSQL script. */
import type { Diagnostic } from '../diagnostics.js';
import { readLivePostgres, redactUrl } from '../sources/live-postgres/index.js';
import { VERSION } from '../version.js';
import { writeSnapshotSql } from './write-ddl.js';

export interface LiveSnapshotOptions {
  /** The spif database name the script stands for (default `default`). */
  database?: string;
  statementTimeoutMs?: number;
  role?: string;
  /** When the snapshot was taken (tests pass a fixed one). */
  now?: Date;
}

export async function snapshotLive(
  url: string,
  options: LiveSnapshotOptions = {},
): Promise<{ sql: string; diagnostics: Diagnostic[] }> {
  const database = options.database ?? 'default';
  const read = await readLivePostgres(url, {
    database,
    statementTimeoutMs: options.statementTimeoutMs,
    role: options.role,
  });
  const header = [
    `spif ${VERSION} snapshot of ${redactUrl(url)}`,
    `server: PostgreSQL ${read.server.versionText}, database ${read.server.database}, read as ${read.server.user}`,
    `taken: ${(options.now ?? new Date()).toISOString()}`,
    `spif database: ${database}`,
    '',
    'What spif read from the catalogs, as DDL and grants. Scan it offline with',
    `  spif scan ${database === 'default' ? 'this-file.sql' : `(a config whose database '${database}' lists this file)`}`,
    'Objects owned by the bootstrap superuser carry no OWNER TO; default privileges are not repeated.',
  ];
  return {
    sql: writeSnapshotSql(read.ops, { header, definitions: read.definitions, serverDatabase: read.server.database }),
    diagnostics: read.diagnostics,
  };
}
