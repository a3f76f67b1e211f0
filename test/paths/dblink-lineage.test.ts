/**
 * A view over `dblink('conn', 'SELECT …') AS t(cols)`: its columns hold the remote query's
 * columns, position by position ("the column definition list … must match the actual columns
 * returned by the remote query", PostgreSQL 15 docs F.12 dblink). Checked on a real PostgreSQL 15
 * with the dblink extension (Debian's, started by the test; skipped with the reason where it cannot
 * start): the view is queried and the column that comes out holding the number must be the one spif
 * marks as a cross-database copy of the remote number column. The access itself, as the user the
 * connection string names, is checked (test/paths/dblink-access.test.ts): no warning is left.
 */
import { describe, expect, it } from 'vitest';
import { postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { buildCatalog } from '../../src/catalog/build.js';
import { detectColumns } from '../../src/detect/index.js';
import { matchesRef } from '../../src/config/index.js';
import { realPostgresUnavailable } from '../live/real-postgres.js';
import { realPostgresSuite } from './real-postgres-suite.js';
import { asColumnId } from '../../src/catalog/model.js';

const NUMBER = '123456789018';
const REMOTE = `CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12), shimei text);
INSERT INTO jumin VALUES ('A1', '${NUMBER}', 'Yamada');
`;
const local = (port: number, db: string) => `CREATE EXTENSION dblink;
CREATE VIEW v_renkei AS
  SELECT t.atena, t.namae, t.bango
  FROM dblink('host=127.0.0.1 port=${port} dbname=${db} user=postgres', 'SELECT atena_no, shimei, kojin_bango FROM jumin')
       AS t(atena text, namae text, bango char(12));
`;

const unavailable = realPostgresUnavailable();

describe.skipIf(unavailable !== undefined)(
  `dblink(…) AS t(cols) in a view, on a real PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    const suite = realPostgresSuite();
    const client = suite.client;

    it('the view column PostgreSQL fills with the number is the one spif marks as the remote number', async () => {
      const root = client();
      await root.connect();
      let holding: string[] = [];
      const localSql = local(suite.server.port, 'jumin_prod').replace(
        'user=postgres',
        `user=postgres password=${suite.server.password}`,
      );
      try {
        await root.query('CREATE DATABASE jumin_prod');
        await root.query('CREATE DATABASE kyufu');
        await suite.runScripts([
          ['jumin_prod', REMOTE],
          ['kyufu', localSql],
        ]);
        const c = client('kyufu');
        await c.connect();
        try {
          const row = (await c.query('SELECT * FROM v_renkei')).rows[0] as Record<string, string>;
          holding = Object.keys(row).filter((k) => row[k] === NUMBER);
        } finally {
          await c.end();
        }
      } finally {
        await root.end();
      }
      expect(holding).toEqual(['bango']);

      const read = (path: string, text: string) => postgresqlReader.read({ path, text }, { dialect: 'postgresql' });
      const remote = await read('jumin.sql', REMOTE);
      const loc = await read('kyufu.sql', local(suite.server.port, 'jumin_prod'));
      const built = buildCatalog(
        [
          { database: 'kyufu', dialect: 'postgresql', ops: loc.ops },
          { database: 'jumin', dialect: 'postgresql', ops: remote.ops },
        ],
        { remotes: [{ name: 'kyufu' }, { name: 'jumin', dbname: 'jumin_prod', host: '127.0.0.1' }] },
      );
      const diagnostics = [...remote.diagnostics, ...loc.diagnostics, ...built.diagnostics].filter(
        (d) => d.severity !== 'info',
      );
      // The call names its user (postgres) and a constant query on a defined table: checked, not warned.
      expect(diagnostics.map((d) => d.code)).toEqual([]);
      expect(built.catalog.crossDatabase?.dblinks[0]).toMatchObject({
        remoteDatabase: 'jumin',
        remoteAccess: { user: 'postgres' },
      });
      const { numbers } = detectColumns(built.catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
      const spif = ['atena', 'namae', 'bango'].filter((c) => numbers.has(asColumnId(`kyufu.public.v_renkei.${c}`)));
      expect(spif).toEqual(holding);
      expect(numbers.get(asColumnId('kyufu.public.v_renkei.bango'))?.evidence).toContain(
        'jumin.public.jumin.kojin_bango',
      );
    }, 60_000);
  },
);
