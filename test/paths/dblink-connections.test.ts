/**
 * How a dblink call connects, checked against a real PostgreSQL 15 with dblink (Debian's, started
 * by the test; skipped with the reason where it cannot start). PostgreSQL 15 docs, F.12 dblink:
 * - dblink_connect (https://www.postgresql.org/docs/15/contrib-dblink-connect.html): "The connection
 *   string may also be the name of an existing foreign server. It is recommended to use the
 *   foreign-data wrapper dblink_fdw when defining the foreign server"; the remote user and password
 *   then come from the user mapping (CREATE USER MAPPING) of the role running the call, or PUBLIC's.
 *   "Only superusers may use dblink_connect to create non-password-authenticated connections. If
 *   non-superusers need this capability, use dblink_connect_u instead."
 * - dblink (contrib-dblink-function.html): "connname: Name of the connection to use; omit this
 *   parameter to use the unnamed connection"; "connstr: A connection info string, as previously
 *   described for dblink_connect".
 * - A function in a view runs as the caller ("Functions called in the view are treated the same as
 *   if they had been called directly from the query using the view", CREATE VIEW), so the caller's
 *   user mapping and superuser status decide.
 * What the server answers is asserted first; spif's verdict must equal it.
 */
import { describe, expect, it } from 'vitest';
import { realPostgresUnavailable } from '../live/real-postgres.js';
import { realPostgresSuite, spifTwoDatabases as spif } from './real-postgres-suite.js';
import { asRelationId } from '../../src/catalog/model.js';

const PW = 'dblink-conn-pw';

const JUMIN = `
CREATE ROLE dbl_reader LOGIN PASSWORD '${PW}';
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12));
INSERT INTO jumin VALUES ('A1', '123456789018');
GRANT SELECT ON jumin TO dbl_reader;
`;

const local = (port: string, db: string) => {
  const at = `host=127.0.0.1 port=${port} dbname=${db} user=dbl_reader`;
  return `
CREATE EXTENSION dblink;
CREATE ROLE clerk NOLOGIN;
CREATE ROLE clerk_nomap NOLOGIN;
CREATE ROLE clerk_nopw NOLOGIN;
CREATE ROLE clerk_nousage NOLOGIN;
CREATE ROLE kanri SUPERUSER NOLOGIN;
CREATE SERVER jumin_srv FOREIGN DATA WRAPPER dblink_fdw OPTIONS (host '127.0.0.1', port '${port}', dbname '${db}');
CREATE USER MAPPING FOR clerk SERVER jumin_srv OPTIONS (user 'dbl_reader', password '${PW}');
CREATE USER MAPPING FOR clerk_nopw SERVER jumin_srv OPTIONS (user 'dbl_reader');
CREATE USER MAPPING FOR clerk_nousage SERVER jumin_srv OPTIONS (user 'dbl_reader', password '${PW}');
GRANT USAGE ON FOREIGN SERVER jumin_srv TO clerk, clerk_nomap, clerk_nopw;
CREATE VIEW v_pw AS
  SELECT t.bango FROM dblink('${at} password=${PW}', 'SELECT kojin_bango FROM jumin') AS t(bango char(12));
CREATE VIEW v_nopw AS
  SELECT t.bango FROM dblink('${at}', 'SELECT kojin_bango FROM jumin') AS t(bango char(12));
CREATE VIEW v_srv AS
  SELECT t.bango FROM dblink('jumin_srv', 'SELECT kojin_bango FROM jumin') AS t(bango char(12));
CREATE FUNCTION f_named() RETURNS TABLE (bango text) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dblink_connect('c1', '${at} password=${PW}');
  RETURN QUERY SELECT t.b::text FROM dblink('c1', 'SELECT kojin_bango FROM jumin') AS t(b char(12));
  PERFORM dblink_disconnect('c1');
END $$;
CREATE FUNCTION f_named_nopw() RETURNS TABLE (bango text) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dblink_connect('c2', '${at}');
  RETURN QUERY SELECT t.b::text FROM dblink('c2', 'SELECT kojin_bango FROM jumin') AS t(b char(12));
END $$;
GRANT SELECT ON v_pw, v_nopw, v_srv TO clerk, clerk_nomap, clerk_nopw, clerk_nousage;
`;
};

interface Probe {
  role: string;
  relation: string;
  column: string;
  /** What the documentation says. */
  reads: boolean;
  /** The refusal spif must name. */
  key?: string;
}

const PROBES: Probe[] = [
  { role: 'clerk', relation: 'v_pw', column: 'bango', reads: true },
  { role: 'clerk', relation: 'v_nopw', column: 'bango', reads: false, key: 'dblink-password-required' },
  { role: 'clerk', relation: 'v_srv', column: 'bango', reads: true },
  { role: 'clerk_nomap', relation: 'v_srv', column: 'bango', reads: false, key: 'dblink-no-user-mapping' },
  { role: 'clerk_nopw', relation: 'v_srv', column: 'bango', reads: false, key: 'dblink-password-required' },
  { role: 'clerk_nousage', relation: 'v_srv', column: 'bango', reads: false, key: 'dblink-no-server-usage' },
  { role: 'clerk', relation: 'f_named()', column: 'bango', reads: true },
  { role: 'clerk', relation: 'f_named_nopw()', column: 'bango', reads: false, key: 'dblink-password-required' },
];

const unavailable = realPostgresUnavailable();

describe.skipIf(unavailable !== undefined)(
  `dblink connections on a real PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    const suite = realPostgresSuite();

    it('a server name, a named connection and the password rule: spif refuses what PostgreSQL refuses', async () => {
      const port = new URL(suite.server.url()).port;
      const localSql = local(port, 'jumin_c');
      const root = suite.client();
      await root.connect();
      const answers: { probe: string; reads: boolean; error?: string }[] = [];
      try {
        await root.query('CREATE DATABASE jumin_c');
        await root.query('CREATE DATABASE kyufu_c');
        await suite.runScripts([
          ['jumin_c', JUMIN],
          ['kyufu_c', localSql],
        ]);
        const c = suite.client('kyufu_c');
        await c.connect();
        try {
          for (const p of PROBES) {
            await c.query(`SET ROLE ${p.role}`);
            const got = await c.query(`SELECT ${p.column} FROM ${p.relation}`).then(
              (r) => ({ reads: r.rows.length > 0 }),
              (e: Error) => ({ reads: false, error: e.message }),
            );
            answers.push({ probe: `${p.role}: ${p.relation}`, ...got });
            await c.query('RESET ROLE');
          }
        } finally {
          await c.end();
        }
      } finally {
        await root.query('DROP DATABASE IF EXISTS kyufu_c WITH (FORCE)');
        await root.query('DROP DATABASE IF EXISTS jumin_c WITH (FORCE)');
        for (const r of (await root.query(`SELECT rolname FROM pg_roles WHERE oid >= 16384`)).rows)
          await root.query(`DROP ROLE IF EXISTS "${r.rolname}"`);
        await root.end();
      }
      // PostgreSQL's answers, as the documentation says, with its own words for each refusal.
      expect(answers.map((a) => a.reads)).toEqual(PROBES.map((p) => p.reads));
      const error = (role: string, relation: string) =>
        answers.find((a) => a.probe === `${role}: ${relation}`)?.error ?? '';
      expect(error('clerk', 'v_nopw')).toMatch(/password is required/);
      expect(error('clerk_nomap', 'v_srv')).toMatch(/user mapping not found/);
      expect(error('clerk_nopw', 'v_srv')).toMatch(/password is required/);
      expect(error('clerk_nousage', 'v_srv')).toMatch(/permission denied for foreign server jumin_srv/);
      expect(error('clerk', 'f_named_nopw()')).toMatch(/password is required/);

      const side = await spif(JUMIN, localSql, 'jumin_c');
      expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      for (const p of PROBES) {
        const v = side.resolver.canSelect(p.role, asRelationId(`kyufu.public.${p.relation}`), p.column);
        expect({ probe: `${p.role}: ${p.relation}`, reads: v.allowed }).toEqual({
          probe: `${p.role}: ${p.relation}`,
          reads: p.reads,
        });
        if (p.key && !v.allowed) expect(v.reason?.key).toBe(p.key);
      }
      // A superuser passes dblink's password rule (the remote user's grants still decide; whether
      // the remote server then asks for a password is its pg_hba.conf, which no source says).
      expect(side.resolver.canSelect('kanri', asRelationId('kyufu.public.v_nopw'), 'bango').allowed).toBe(true);
    });
  },
);
