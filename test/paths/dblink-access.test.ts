/**
 * dblink's remote access, checked against a real PostgreSQL 15 with the dblink extension
 * (Debian's, started by the test; skipped with the reason where it cannot start).
 *
 * What the documentation says, and each scenario asks PostgreSQL as well as spif:
 * - F.12 dblink (https://www.postgresql.org/docs/15/contrib-dblink-function.html): `dblink(connstr,
 *   sql)` runs `sql` in the database `connstr` ("a libpq-style connection info string") names; the
 *   remote session is the user the string names, with that user's privileges there, whoever calls
 *   it; a refused remote query fails the call with an error. Non-superusers must give a password in
 *   the string (dblink_connect: "Only superusers may use dblink_connect to create
 *   non-password-authenticated connections").
 * - libpq 34.1.2 Parameter Key Words (https://www.postgresql.org/docs/15/libpq-connect.html): `user`
 *   "Defaults to be the same as the operating system name of the user running the application": in
 *   dblink the application is the server process, so a string without `user=` does not connect as
 *   the calling role. The last scenario shows it; spif then keeps the call an unknown path.
 * - A function in a view runs as the caller (the view's owner only checks the view's relations:
 *   39.5 Rules and Privileges), but the dblink session is the string's user either way.
 */
import { describe, expect, it } from 'vitest';
import { findUnknownPaths } from '../../src/access/unknown-paths.js';
import { detectColumns } from '../../src/detect/index.js';
import { matchesRef } from '../../src/config/index.js';
import { realPostgresUnavailable } from '../live/real-postgres.js';
import { realPostgresSuite, spifTwoDatabases as spif } from './real-postgres-suite.js';
import { asColumnId, asRelationId } from '../../src/catalog/model.js';

const PW = 'dblink-remote-pw';
const NUMBER = '123456789018';

const JUMIN = `
CREATE ROLE dbl_reader LOGIN PASSWORD '${PW}';
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12), shimei text);
INSERT INTO jumin VALUES ('A1', '${NUMBER}', 'Yamada');
GRANT SELECT (atena_no, shimei) ON jumin TO dbl_reader;
`;

const conn = (port: string, db: string, user = 'dbl_reader', password = PW) =>
  `host=127.0.0.1 port=${port} dbname=${db}${user ? ` user=${user}` : ''} password=${password}`;

const kyufu = (port: string, db: string) => `
CREATE EXTENSION dblink;
CREATE ROLE clerk NOLOGIN;
CREATE VIEW v_bango AS
  SELECT t.atena, t.bango
  FROM dblink('${conn(port, db)}', 'SELECT atena_no, kojin_bango FROM jumin') AS t(atena text, bango char(12));
CREATE VIEW v_shimei AS
  SELECT t.atena, t.namae
  FROM dblink('${conn(port, db)}', 'SELECT atena_no, shimei FROM jumin WHERE shimei IS NOT NULL') AS t(atena text, namae text);
CREATE FUNCTION f_bango() RETURNS TABLE (atena text, bango text) LANGUAGE sql AS $$
  SELECT t.a, t.b FROM dblink('${conn(port, db)}', 'SELECT atena_no, kojin_bango FROM jumin') AS t(a text, b text)
$$;
GRANT SELECT ON v_bango, v_shimei TO clerk;
`;

interface Probe {
  sql: string;
  relation: string;
  column: string;
  /** What the documentation says. */
  reads: boolean;
}

const probe = (relation: string, column: string, reads: boolean, from = relation): Probe => ({
  sql: `SELECT ${column} FROM ${from}`,
  relation: `kyufu.public.${relation}`,
  column,
  reads,
});

const SCENARIOS: { name: string; remote?: string; probes: Probe[] }[] = [
  {
    name: "the connection user's column grants decide: the call reading kojin_bango fails, the one reading shimei runs",
    probes: [
      probe('v_bango', 'bango', false),
      probe('v_bango', 'atena', false),
      probe('v_shimei', 'namae', true),
      probe('f_bango()', 'bango', false),
    ],
  },
  {
    name: 'a table grant to the connection user opens the number through the view and the function',
    remote: 'GRANT SELECT ON jumin TO dbl_reader;',
    probes: [probe('v_bango', 'bango', true), probe('f_bango()', 'bango', true)],
  },
  {
    // The change `spif explain v_bango` proposes in the remote database (test/gate/explain-cross-database.test.ts),
    // applied after a table grant: the number's call fails, the other columns' still runs.
    name: "explain's remote change (revoke the table, grant the other columns back) stops the number's call only",
    remote:
      'GRANT SELECT ON jumin TO dbl_reader;\nREVOKE SELECT ON public.jumin FROM dbl_reader;\nGRANT SELECT (atena_no, shimei) ON public.jumin TO dbl_reader;',
    probes: [probe('v_bango', 'bango', false), probe('f_bango()', 'bango', false), probe('v_shimei', 'namae', true)],
  },
  {
    name: 'REVOKE CONNECT on the remote database from PUBLIC stops every call',
    remote: 'GRANT SELECT ON jumin TO dbl_reader; REVOKE CONNECT ON DATABASE {db} FROM PUBLIC;',
    probes: [probe('v_bango', 'bango', false), probe('v_shimei', 'namae', false)],
  },
];

const unavailable = realPostgresUnavailable();

describe.skipIf(unavailable !== undefined)(
  `dblink access on a real PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    const suite = realPostgresSuite();
    const client = suite.client;
    const port = () => new URL(suite.server.url()).port;

    const withDatabases = async <T>(
      i: number,
      remoteSql: string,
      localSql: string,
      body: (local: ReturnType<typeof client>) => Promise<T>,
    ): Promise<T> => {
      const root = client();
      await root.connect();
      try {
        await root.query(`CREATE DATABASE jumin_${i}`);
        await root.query(`CREATE DATABASE kyufu_${i}`);
        await suite.runScripts([
          [`jumin_${i}`, remoteSql],
          [`kyufu_${i}`, localSql],
        ]);
        const c = client(`kyufu_${i}`);
        await c.connect();
        try {
          return await body(c);
        } finally {
          await c.end();
        }
      } finally {
        await root.query(`DROP DATABASE IF EXISTS kyufu_${i} WITH (FORCE)`);
        await root.query(`DROP DATABASE IF EXISTS jumin_${i} WITH (FORCE)`);
        for (const r of (await root.query(`SELECT rolname FROM pg_roles WHERE oid >= 16384`)).rows)
          await root.query(`DROP ROLE IF EXISTS "${r.rolname}"`);
        await root.end();
      }
    };

    SCENARIOS.forEach((s, i) => {
      it(s.name, async () => {
        const remoteDb = `jumin_${i}`;
        const remoteSql = JUMIN + (s.remote ?? '').replace('{db}', remoteDb);
        const localSql = kyufu(port(), remoteDb) + 'GRANT EXECUTE ON FUNCTION f_bango() TO clerk;';
        const answers = await withDatabases(i, remoteSql, localSql, async (c) => {
          const out: boolean[] = [];
          for (const p of s.probes) {
            await c.query('SET ROLE clerk');
            out.push(
              await c.query(p.sql).then(
                (r) => r.rows.length > 0,
                () => false,
              ),
            );
            await c.query('RESET ROLE');
          }
          return out;
        });
        expect(answers).toEqual(s.probes.map((p) => p.reads));

        const side = await spif(remoteSql, localSql, remoteDb);
        // Every call names its user and a constant query on defined relations: nothing is left unchecked.
        expect(side.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual([]);
        const verdicts = s.probes.map(
          (p) => side.resolver.canSelect('clerk', asRelationId(p.relation), p.column).allowed,
        );
        expect(verdicts).toEqual(answers);
      });
    });

    it("a connection string without user= connects as the server's own operating-system user, not the caller: an unknown path", async () => {
      const i = SCENARIOS.length;
      const remoteDb = `jumin_${i}`;
      // The password is the bootstrap superuser's: the only one the default user can log in with.
      const noUser = conn(port(), remoteDb, '', suite.server.password);
      const localSql = `CREATE EXTENSION dblink;
CREATE ROLE clerk NOLOGIN;
CREATE VIEW v_who AS SELECT t.who FROM dblink('${noUser}', 'SELECT current_user::text') AS t(who text);
CREATE VIEW v_nouser AS SELECT t.bango FROM dblink('${noUser}', 'SELECT kojin_bango FROM jumin') AS t(bango char(12));
GRANT SELECT ON v_who TO clerk;`;
      const [who, bootstrap] = await withDatabases(i, JUMIN, localSql, async (c) => {
        const boot = (await c.query('SELECT rolname FROM pg_roles WHERE oid = 10')).rows[0].rolname as string;
        await c.query('SET ROLE clerk');
        const w = (await c.query('SELECT who FROM v_who')).rows[0].who as string;
        await c.query('RESET ROLE');
        return [w, boot];
      });
      expect(who).not.toBe('clerk');
      expect(who).toBe(bootstrap); // the server runs as the OS user initdb named the bootstrap superuser after

      const side = await spif(JUMIN, localSql, remoteDb);
      const warnings = side.diagnostics.filter((d) => d.code === 'SPIF-DBLINK');
      expect(warnings.map((w) => w.line)).toEqual([3, 4]);
      expect(warnings[1]?.message).toContain('names no user');
      const paths = findUnknownPaths(side.catalog, side.resolver, [
        { name: 'clerk', kind: 'role', roles: ['clerk'] },
      ]).filter((p) => p.kind === 'dblink');
      expect(paths.map((p) => p.relations)).toContainEqual(['kyufu.public.v_nouser', 'jumin.public.jumin']);
    });
  },
);

describe('dblink access in the catalog (no server needed)', () => {
  it('a refused call names the connection user, the remote database and the remote refusal; the number column still links', async () => {
    const side = await spif(JUMIN, kyufu('5432', 'jumin'), 'jumin');
    expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const { numbers } = detectColumns(side.catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
    expect(numbers.get(asColumnId('kyufu.public.v_bango.bango'))?.evidence).toContain('jumin.public.jumin.kojin_bango');
    expect(numbers.get(asColumnId('kyufu.public.f_bango().bango'))?.evidence).toContain(
      'jumin.public.jumin.kojin_bango',
    );
    expect(side.resolver.canSelect('clerk', asRelationId('kyufu.public.v_bango'), 'bango')).toMatchObject({
      allowed: false,
      control: 'remote-access-denied',
      reason: {
        key: 'dblink-remote-denied',
        role: 'dbl_reader',
        via: 'kyufu.public.v_bango',
        relation: 'jumin.public.jumin',
        database: 'jumin',
        remote: { key: 'some-columns', columns: ['kojin_bango'] },
      },
    });
    // The WHERE column counts: shimei is granted, so v_shimei's call runs.
    expect(side.resolver.canSelect('clerk', asRelationId('kyufu.public.v_shimei'), 'namae').allowed).toBe(true);
    const access = side.catalog.crossDatabase?.dblinks.find(
      (d) => d.relation === 'kyufu.public.v_shimei',
    )?.remoteAccess;
    expect(access?.user).toBe('dbl_reader');
    expect(access?.reads.map((r) => [r.relation, [...r.columns].sort()])).toEqual([
      ['jumin.public.jumin', ['atena_no', 'shimei']],
    ]);
  });

  it('a column fed by a local table as well as by a refused call is not refused (the local value is checked on its own)', async () => {
    const local = `CREATE EXTENSION dblink;
CREATE ROLE clerk NOLOGIN;
CREATE TABLE local_t (bango char(12));
CREATE VIEW v_mixed AS
  SELECT bango FROM local_t
  UNION ALL
  SELECT t.bango FROM dblink('dbname=jumin user=dbl_reader password=x', 'SELECT kojin_bango FROM jumin') AS t(bango char(12));
GRANT SELECT ON v_mixed TO clerk;`;
    const side = await spif(JUMIN, local, 'jumin');
    expect(side.resolver.canSelect('clerk', asRelationId('kyufu.public.v_mixed'), 'bango').allowed).toBe(true);
  });
});
