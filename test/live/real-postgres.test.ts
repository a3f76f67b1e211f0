/**
 * The construct cases (cases.ts) against a real PostgreSQL server from the machine's own
 * installation (PostgreSQL 15 on Debian 12: memberships without INHERIT/SET options, the
 * pre-16 catalogs), where one is installed; skipped, with the reason, elsewhere. Each case runs in
 * its own database; roles are dropped between cases (they are cluster-wide).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CASES } from './cases.js';
import { comparable, ddlCatalog, liveCatalog } from './equality.js';
import { type RealPostgres, realPostgresUnavailable, startRealPostgres } from './real-postgres.js';

const unavailable = realPostgresUnavailable();

describe.skipIf(unavailable !== undefined)(
  `live read = DDL read on a real PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let server: RealPostgres;
    let version = 0;
    const saved = process.env.PGPASSWORD;
    const admin = () => new pg.Client({ connectionString: server.url(), password: server.password });

    beforeAll(async () => {
      server = await startRealPostgres();
      process.env.PGPASSWORD = server.password;
      const c = admin();
      await c.connect();
      version = Number((await c.query(`select current_setting('server_version_num') v`)).rows[0].v);
      await c.end();
    });
    afterAll(() => {
      server?.stop();
      if (saved === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = saved;
    });

    CASES.forEach((c, i) => {
      test(c.name, async (ctx) => {
        if (c.minVersion && version < c.minVersion) ctx.skip();
        const database = `case_${i}`;
        const sql = c.sql.replace(/DATABASE postgres\b/g, `DATABASE ${database}`);
        const root = admin();
        await root.connect();
        try {
          await root.query(`CREATE DATABASE ${database}`);
          const db = new pg.Client({ connectionString: server.url(database), password: server.password });
          await db.connect();
          try {
            await db.query(sql);
          } finally {
            await db.end();
          }
          const live = await liveCatalog(server.url(database));
          c.check(live);
          expect(comparable(live)).toEqual(comparable(await ddlCatalog(sql)));
        } finally {
          await root.query(`DROP DATABASE IF EXISTS ${database}`);
          const roles = (await root.query(`select rolname from pg_roles where oid >= 16384`)).rows.map(
            (r) => r.rolname as string,
          );
          for (const r of roles) await root.query(`DROP ROLE "${r}"`);
          await root.end();
        }
      });
    });
  },
);
