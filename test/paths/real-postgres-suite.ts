/**
 * One real PostgreSQL for a describe block (test/live/real-postgres.ts starts it): started before
 * its tests with the given server settings, stopped after them. While it runs, PGPASSWORD holds
 * its password, because pg (and libpq inside the server, for dblink and postgres_fdw) take the
 * password from there when a connection string has none.
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type RealPostgres, startRealPostgres } from '../live/real-postgres.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { buildCatalog } from '../../src/catalog/build.js';
import { postgresqlReader } from '../../src/sources/postgresql/reader.js';

export interface RealPostgresSuite {
  /** The running server (set once beforeAll has run). */
  readonly server: RealPostgres;
  /** A new, unconnected client of one of its databases. */
  readonly client: (database?: string) => pg.Client;
  /** Runs each script in its database, in order, on a connection of its own. */
  readonly runScripts: (scripts: [database: string, sql: string][]) => Promise<void>;
}

export function realPostgresSuite(settings: string[] = []): RealPostgresSuite {
  let server: RealPostgres | undefined;
  const saved = process.env.PGPASSWORD;
  beforeAll(async () => {
    server = await startRealPostgres(settings);
    process.env.PGPASSWORD = server.password;
  }, 60_000);
  afterAll(() => {
    server?.stop();
    if (saved === undefined) delete process.env.PGPASSWORD;
    else process.env.PGPASSWORD = saved;
  });
  const suite: RealPostgresSuite = {
    get server() {
      if (!server) throw new Error('the real PostgreSQL is not started yet (use it inside a test)');
      return server;
    },
    client: (database = 'postgres') =>
      new pg.Client({ connectionString: suite.server.url(database), password: suite.server.password }),
    runScripts: async (scripts) => {
      for (const [database, sql] of scripts) {
        const c = suite.client(database);
        await c.connect();
        try {
          await c.query(sql);
        } finally {
          await c.end();
        }
      }
    },
  };
  return suite;
}

/** The spif side: both databases through the real reader and builder; the remote matched by connection dbname. */
export async function spifTwoDatabases(remoteSql: string, localSql: string, remoteDbname: string) {
  const read = async (path: string, text: string) => postgresqlReader.read({ path, text }, { dialect: 'postgresql' });
  const remote = await read('jumin.sql', remoteSql);
  const local = await read('kyufu.sql', localSql);
  const built = buildCatalog(
    [
      { database: 'kyufu', dialect: 'postgresql', ops: local.ops },
      { database: 'jumin', dialect: 'postgresql', ops: remote.ops },
    ],
    { postgresVersion: 150000, remotes: [{ name: 'kyufu' }, { name: 'jumin', dbname: remoteDbname }] },
  );
  const resolver = createAccessResolver(built.catalog, { postgresVersion: 150000 });
  return { ...built, resolver, diagnostics: [...remote.diagnostics, ...local.diagnostics, ...built.diagnostics] };
}
