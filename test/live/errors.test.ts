/**
 * What the user sees when a live read cannot happen: one clear UserError (no stack trace, exit 2
 * in the CLI) naming the cause, and never the password. Unreachable servers and missing catalog
 * privileges are tested on PGlite; refused passwords, missing databases and the statement
 * timeout need a real server's authentication and timers, so they run where PostgreSQL is
 * installed (test/live/real-postgres.ts) and are skipped, with the reason, elsewhere.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UserError } from '../../src/diagnostics.js';
import { type MessageKey, t } from '../../src/report/messages.js';
import { readLivePostgres } from '../../src/sources/live-postgres/index.js';
import { isLiveUrl, redactUrl } from '../../src/sources/live-postgres/url.js';
import { lookupPgpass } from '../../src/sources/live-postgres/password.js';
import { closeTemplate, startPgliteServer } from './pglite-server.js';
import { type RealPostgres, realPostgresUnavailable, startRealPostgres } from './real-postgres.js';

const SECRET = 's3cret-Passw0rd';

async function failure(url: string, options: Partial<Parameters<typeof readLivePostgres>[1]> = {}): Promise<UserError> {
  try {
    await readLivePostgres(url, { database: 'kyufu', ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const err = e as UserError;
    const shown = [err.message, ...err.details].join('\n');
    expect(shown).not.toContain(SECRET);
    return err;
  }
  throw new Error(`reading ${url} did not fail`);
}

/** The error as the CLI prints it under --lang ja: its entry, then its details. */
function japanese(err: UserError): string {
  expect(err.text, err.message).toBeDefined();
  return [t('ja', err.text!.key as MessageKey, ...err.text!.args), ...(err.detailsIn?.('ja') ?? [])].join('\n');
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

afterAll(closeTemplate);

describe('URLs', () => {
  test('live URLs are recognised and shown without their secrets', () => {
    expect(isLiveUrl('postgres://app@db:5432/kyufu')).toBe(true);
    expect(isLiveUrl('postgresql://db/kyufu')).toBe(true);
    expect(isLiveUrl('db/kyufu/001.sql')).toBe(false);
    expect(redactUrl(`postgres://app:${SECRET}@db:5432/kyufu?sslmode=require&password=${SECRET}`)).toBe(
      'postgres://app@db:5432/kyufu?sslmode=require',
    );
    expect(redactUrl(`postgres://app:${SECRET}@[bad`)).not.toContain(SECRET);
  });

  test('.pgpass lines match host, port, database and user, with * and escapes', () => {
    const file = ['# comment', 'other:5432:*:app:nope', 'db:5432:kyufu:app:pa\\:ss', '*:*:*:*:fallback'].join('\n');
    expect(lookupPgpass(file, { host: 'db', port: '5432', database: 'kyufu', user: 'app' })).toBe('pa:ss');
    expect(lookupPgpass(file, { host: 'db', port: '5433', database: 'kyufu', user: 'app' })).toBe('fallback');
  });
});

describe('errors on PGlite', () => {
  test('unreachable server: connection refused, password not shown', async () => {
    const port = await closedPort();
    const err = await failure(`postgres://app:${SECRET}@127.0.0.1:${port}/kyufu`);
    expect(err.message).toBe(
      `cannot reach the PostgreSQL server at 127.0.0.1:${port}: connection refused (is it running, and listening on that port?)`,
    );
    expect(err.details.join('\n')).toContain(`postgres://app@127.0.0.1:${port}/kyufu`);
    expect(japanese(err)).toBe(
      `127.0.0.1:${port} の PostgreSQL サーバーに接続できない: 接続を拒否された（起動していて、そのポートで待ち受けているか）\n` +
        `読み込んでいたもの: postgres://app@127.0.0.1:${port}/kyufu`,
    );
  });

  test('a role that may not read a catalog: names the catalog, returns nothing', async () => {
    const server = await startPgliteServer(`
      CREATE TABLE t (a int);
      CREATE ROLE limited;
      REVOKE SELECT ON pg_catalog.pg_policy FROM PUBLIC;`);
    try {
      const err = await failure(server.url, { role: 'limited' });
      expect(err.message).toMatch(
        /^the role spif connected as may not read pg_policy \(policies\): permission denied for table pg_policy \(42501\)$/,
      );
      // The server's own words stay as it wrote them; spif's are Japanese.
      expect(japanese(err)).toMatch(
        /^spif が接続したロールは pg_policy \(policies\) を読めない: permission denied for table pg_policy（42501）\nspif には pg_catalog のテーブルの SELECT 権限が要る/,
      );
      // The same server read as the superuser works: the failure was the role's.
      const ok = await readLivePostgres(server.url, { database: 'kyufu' });
      expect(ok.ops.some((o) => o.op === 'create-table')).toBe(true);
    } finally {
      await server.stop();
    }
  });
});

const unavailable = realPostgresUnavailable();

describe.skipIf(unavailable !== undefined)(
  `errors on a real PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let pg: RealPostgres;
    const saved = process.env.PGPASSWORD;
    beforeAll(async () => {
      pg = await startRealPostgres();
    });
    afterAll(() => {
      pg?.stop();
      if (saved === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = saved;
    });

    test('wrong password: 28P01, password not shown', async () => {
      delete process.env.PGPASSWORD;
      const err = await failure(pg.url().replace('postgres@', `postgres:${SECRET}@`));
      expect(err.message).toMatch(
        /^PostgreSQL at 127\.0\.0\.1:\d+ refused the password for user 'postgres' \(28P01\)$/,
      );
      expect(japanese(err)).toMatch(
        /^127\.0\.0\.1:\d+ の PostgreSQL がユーザー 'postgres' のパスワードを拒否した（28P01）\n/,
      );
      expect(japanese(err)).not.toContain(SECRET);
    });

    test('no password anywhere', async () => {
      delete process.env.PGPASSWORD;
      const err = await failure(pg.url(), { connectTimeoutMs: 5000 });
      expect(err.message).toMatch(/asks for a password and none was given/);
    });

    test('password from PGPASSWORD; missing database', async () => {
      process.env.PGPASSWORD = pg.password;
      const err = await failure(pg.url('no_such_db'));
      expect(err.message).toMatch(/has no database 'no_such_db' \(3D000\)/);
      expect(japanese(err)).toMatch(/の PostgreSQL にデータベース 'no_such_db' がない（3D000）$/);
      const ok = await readLivePostgres(pg.url(), { database: 'kyufu' });
      expect(ok.server.version).toBeGreaterThanOrEqual(100000);
    });

    test('statement timeout', async () => {
      process.env.PGPASSWORD = pg.password;
      const err = await failure(pg.url(), { statementTimeoutMs: 1 });
      expect(err.message).toMatch(/took longer than the statement timeout and was cancelled \(57014\)/);
    });
  },
);
