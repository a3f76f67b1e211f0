/**
 * Turning what goes wrong with a live server into one clear sentence: what spif tried, what the
 * server (or the network) said, and what to do. Messages never carry the password.
 */
import { UserError } from '../../diagnostics.js';
import { describeServer, redactUrl, scrubSecrets } from './url.js';

interface PgLikeError {
  code?: string;
  message?: string;
  errno?: number;
  syscall?: string;
  hostname?: string;
}

/** SQLSTATE classes and network error codes spif explains. */
export function liveReadError(error: unknown, url: string, stage: 'connect' | 'read', what?: string): UserError {
  const e = (error ?? {}) as PgLikeError;
  const server = describeServer(url);
  const where = `${server.host}:${server.port}`;
  const shown = redactUrl(url);
  const said = scrubSecrets(String(e.message ?? error), url);
  const fail = (message: string, ...details: string[]) =>
    new UserError(
      scrubSecrets(message, url),
      details.map((d) => scrubSecrets(d, url)),
    );

  switch (e.code) {
    case 'ECONNREFUSED':
      return fail(
        `cannot reach the PostgreSQL server at ${where}: connection refused (is it running, and listening on that port?)`,
        `while reading ${shown}`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail(`cannot reach the PostgreSQL server: host '${server.host}' was not found`, `while reading ${shown}`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return fail(`cannot reach the PostgreSQL server at ${where}: ${e.code}`, `while reading ${shown}`);
    case '28P01':
      return fail(
        `PostgreSQL at ${where} refused the password for user '${server.user ?? '?'}' (28P01)`,
        'spif takes the password from the URL, else PGPASSWORD, else the password file (PGPASSFILE or ~/.pgpass); prefer the last two: URLs end up in shell history and logs',
      );
    case '28000':
      return fail(
        `PostgreSQL at ${where} refused the connection for user '${server.user ?? '?'}': ${said} (28000)`,
        "the server's pg_hba.conf has no entry that admits this user, host and database",
      );
    case '3D000':
      return fail(`PostgreSQL at ${where} has no database '${server.database}' (3D000)`);
    case '42501':
      return fail(
        `the role spif connected as may not read ${what ?? 'the system catalogs'}: ${said} (42501)`,
        'spif needs SELECT on the pg_catalog tables (granted to PUBLIC by default); ask the DBA to restore it or connect as a role that has it',
      );
    case '57014':
      return fail(
        `reading ${shown} took longer than the statement timeout and was cancelled (57014)`,
        'raise it with --statement-timeout, or scan when the server is less busy',
      );
    case '55P03':
      return fail(`reading ${shown} waited too long for a lock on ${what ?? 'a catalog object'} (55P03)`);
  }
  if (/timeout/i.test(said) && stage === 'connect') {
    return fail(`cannot reach the PostgreSQL server at ${where}: the connection timed out`, `while reading ${shown}`);
  }
  if (/password must be a string|SASL|no password/i.test(said)) {
    return fail(
      `PostgreSQL at ${where} asks for a password and none was given`,
      'set PGPASSWORD, or add a line to ~/.pgpass (host:port:database:user:password)',
    );
  }
  const prefix =
    stage === 'connect' ? `cannot connect to ${shown}` : `reading ${what ?? 'the catalogs'} from ${shown} failed`;
  return fail(`${prefix}: ${said}${e.code ? ` (${e.code})` : ''}`);
}
