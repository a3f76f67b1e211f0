/**
 * postgres_fdw foreign tables as paths to the number across databases, checked against a real
 * PostgreSQL 15 (Debian's, started by the test; skipped with the reason where it cannot start).
 *
 * Each scenario creates two databases on one server, `jumin_<n>` (the remote: the number table)
 * and `kyufu_<n>` (the local side: server, user mappings, foreign tables), runs the same SQL in
 * PostgreSQL and in spif, and compares every probe: PostgreSQL's answer (`SET ROLE r; SELECT …`
 * succeeds, or fails) must equal spif's verdict, and both what the PostgreSQL 15 documentation says:
 * - F.38 postgres_fdw: a foreign table's `schema_name` / `table_name` options name the remote
 *   relation ("defaults to the foreign table's own"); a column's `column_name` the remote column.
 *   The remote query runs as the user its user mapping names, with that user's privileges.
 * - CREATE USER MAPPING: "the mapping for the current user … or PUBLIC"; a mapping is per role,
 *   not inherited through membership; a foreign table read through a view uses the view owner's
 *   mapping (as the view owner's privileges check the table; pgsql-bugs 8095.1563679637).
 * - IMPORT FOREIGN SCHEMA … LIMIT TO creates foreign tables for the listed remote tables only.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../src/detect/index.js';
import { matchesRef } from '../../src/config/index.js';
import { realPostgresUnavailable } from '../live/real-postgres.js';
import { realPostgresSuite, spifTwoDatabases as spif } from './real-postgres-suite.js';
import { BIN } from '../helpers/bin.js';
import { nth } from '../../src/indexed.js';
import { asColumnId, asRelationId } from '../../src/catalog/model.js';

const PW = 'fdw-remote-pw';
const run = promisify(execFile);
const repo = path.resolve(__dirname, '../..');
const spifBin = (...args: string[]) =>
  run(process.execPath, [BIN, ...args], {
    cwd: repo,
    env: { ...process.env, LANG: 'C' },
  });

const JUMIN = `
CREATE ROLE fdw_reader LOGIN PASSWORD '${PW}';
CREATE TABLE jumin_kihon (atena_no text PRIMARY KEY, kojin_bango char(12), shimei text);
INSERT INTO jumin_kihon VALUES ('A1', '123456789018', 'X');
GRANT SELECT (atena_no, shimei) ON jumin_kihon TO fdw_reader;
`;

const server = (port: string, db: string) => `
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE SERVER jumin_srv FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '${port}', dbname '${db}');
CREATE ROLE app_kyufu NOLOGIN;
CREATE ROLE app_madoguchi NOLOGIN;
CREATE FOREIGN TABLE jumin_ft (atena_no text, bango char(12) OPTIONS (column_name 'kojin_bango'), shimei text)
  SERVER jumin_srv OPTIONS (schema_name 'public', table_name 'jumin_kihon');
GRANT SELECT ON jumin_ft TO app_kyufu, app_madoguchi;
`;

interface Probe {
  role: string;
  sql: string;
  relation: string;
  column: string;
  /** What the documentation says. */
  reads: boolean;
}

interface Scenario {
  name: string;
  remote?: string;
  local: string;
  probes: Probe[];
}

const ft = (column: string, role: string, reads: boolean): Probe => ({
  role,
  sql: `SELECT ${column} FROM jumin_ft`,
  relation: 'kyufu.public.jumin_ft',
  column,
  reads,
});

const SCENARIOS: Scenario[] = [
  {
    name: "the remote user's column grants decide: fdw_reader may read shimei but not kojin_bango",
    local: `CREATE USER MAPPING FOR app_kyufu SERVER jumin_srv OPTIONS (user 'fdw_reader', password '${PW}');`,
    probes: [ft('shimei', 'app_kyufu', true), ft('bango', 'app_kyufu', false)],
  },
  {
    name: 'a table grant to the remote user opens the number through the foreign table',
    remote: 'GRANT SELECT ON jumin_kihon TO fdw_reader;',
    local: `CREATE USER MAPPING FOR app_kyufu SERVER jumin_srv OPTIONS (user 'fdw_reader', password '${PW}');`,
    probes: [ft('bango', 'app_kyufu', true), ft('bango', 'app_madoguchi', false)],
  },
  {
    name: 'a mapping is per role: a member of the mapped role has none; a PUBLIC mapping serves every role',
    remote: 'GRANT SELECT ON jumin_kihon TO fdw_reader;',
    local: `CREATE USER MAPPING FOR app_kyufu SERVER jumin_srv OPTIONS (user 'fdw_reader', password '${PW}');
CREATE ROLE app_member NOLOGIN IN ROLE app_kyufu;
CREATE ROLE app_other NOLOGIN;
GRANT SELECT ON jumin_ft TO app_other;`,
    probes: [ft('bango', 'app_member', false), ft('bango', 'app_other', false)],
  },
  {
    name: 'CREATE USER MAPPING FOR PUBLIC, then DROP USER MAPPING FOR the role keeps PUBLIC',
    remote: 'GRANT SELECT ON jumin_kihon TO fdw_reader;',
    local: `CREATE USER MAPPING FOR PUBLIC SERVER jumin_srv OPTIONS (user 'fdw_reader', password '${PW}');
CREATE USER MAPPING FOR app_kyufu SERVER jumin_srv OPTIONS (user 'nobody_remote', password 'x');
DROP USER MAPPING FOR app_kyufu SERVER jumin_srv;`,
    probes: [ft('bango', 'app_madoguchi', true), ft('bango', 'app_kyufu', true)],
  },
  {
    name: "a view over the foreign table uses its owner's mapping, not the caller's",
    remote: 'GRANT SELECT ON jumin_kihon TO fdw_reader;',
    local: `CREATE ROLE view_owner NOLOGIN;
CREATE ROLE clerk NOLOGIN;
GRANT SELECT ON jumin_ft TO view_owner;
CREATE USER MAPPING FOR view_owner SERVER jumin_srv OPTIONS (user 'fdw_reader', password '${PW}');
CREATE VIEW jumin_v AS SELECT atena_no, bango FROM jumin_ft;
ALTER VIEW jumin_v OWNER TO view_owner;
GRANT SELECT ON jumin_v TO clerk;`,
    probes: [
      {
        role: 'clerk',
        sql: 'SELECT bango FROM jumin_v',
        relation: 'kyufu.public.jumin_v',
        column: 'bango',
        reads: true,
      },
      ft('bango', 'clerk', false),
    ],
  },
  {
    name: 'IMPORT FOREIGN SCHEMA … LIMIT TO creates the listed foreign tables with the remote columns',
    remote: 'GRANT SELECT ON jumin_kihon TO fdw_reader; CREATE TABLE other_t (x text);',
    local: `CREATE SCHEMA imp;
CREATE USER MAPPING FOR CURRENT_USER SERVER jumin_srv OPTIONS (user 'fdw_reader', password '${PW}');
IMPORT FOREIGN SCHEMA public LIMIT TO (jumin_kihon) FROM SERVER jumin_srv INTO imp;
CREATE USER MAPPING FOR app_kyufu SERVER jumin_srv OPTIONS (user 'fdw_reader', password '${PW}');
GRANT USAGE ON SCHEMA imp TO app_kyufu;
GRANT SELECT ON ALL TABLES IN SCHEMA imp TO app_kyufu;`,
    probes: [
      {
        role: 'app_kyufu',
        sql: 'SELECT kojin_bango FROM imp.jumin_kihon',
        relation: 'kyufu.imp.jumin_kihon',
        column: 'kojin_bango',
        reads: true,
      },
    ],
  },
];

const unavailable = realPostgresUnavailable();

describe.skipIf(unavailable !== undefined)(
  `postgres_fdw on a real PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    const suite = realPostgresSuite();
    const client = suite.client;
    const port = () => new URL(suite.server.url()).port;

    SCENARIOS.forEach((s, i) => {
      it(s.name, async () => {
        const remoteDb = `jumin_${i}`;
        const localDb = `kyufu_${i}`;
        const remoteSql = JUMIN + (s.remote ?? '');
        const localSql = server(port(), remoteDb) + s.local;
        const root = client();
        await root.connect();
        const answers: boolean[] = [];
        try {
          await root.query(`CREATE DATABASE ${remoteDb}`);
          await root.query(`CREATE DATABASE ${localDb}`);
          await suite.runScripts([
            [remoteDb, remoteSql],
            [localDb, localSql],
          ]);
          const c = client(localDb);
          await c.connect();
          try {
            for (const p of s.probes) {
              await c.query(`SET ROLE ${p.role}`);
              answers.push(
                await c.query(p.sql).then(
                  () => true,
                  () => false,
                ),
              );
              await c.query('RESET ROLE');
            }
          } finally {
            await c.end();
          }
        } finally {
          await root.query(`DROP DATABASE IF EXISTS ${localDb} WITH (FORCE)`);
          await root.query(`DROP DATABASE IF EXISTS ${remoteDb} WITH (FORCE)`);
          const roles = (await root.query(`select rolname from pg_roles where oid >= 16384`)).rows;
          for (const r of roles) await root.query(`DROP ROLE IF EXISTS "${r.rolname}"`);
          await root.end();
        }
        const side = await spif(remoteSql, localSql, remoteDb);
        expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
        const verdicts = s.probes.map(
          (p) => side.resolver.canSelect(p.role, asRelationId(p.relation), p.column).allowed,
        );
        expect(answers).toEqual(s.probes.map((p) => p.reads));
        expect(verdicts).toEqual(answers);
      });
    });
  },
);

describe('foreign tables in the catalog (no server needed)', () => {
  it('a foreign column holds the remote number column, and the refusal names the remote check', async () => {
    const side = await spif(
      JUMIN,
      server('5432', 'jumin') +
        `CREATE USER MAPPING FOR app_kyufu SERVER jumin_srv OPTIONS (user 'fdw_reader', password '${PW}');`,
      'jumin',
    );
    const { numbers } = detectColumns(side.catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
    expect(numbers.get(asColumnId('kyufu.public.jumin_ft.bango'))).toMatchObject({ rule: 'copy-lineage' });
    expect(numbers.get(asColumnId('kyufu.public.jumin_ft.bango'))?.evidence).toContain(
      'jumin.public.jumin_kihon.kojin_bango',
    );
    const v = side.resolver.canSelect('app_kyufu', asRelationId('kyufu.public.jumin_ft'), 'bango');
    expect(v).toMatchObject({
      allowed: false,
      control: 'remote-access-denied',
      reason: {
        key: 'remote-denied',
        role: 'fdw_reader',
        via: 'kyufu.public.jumin_ft',
        relation: 'jumin.public.jumin_kihon',
        server: 'jumin_srv',
        remote: { key: 'some-columns', columns: ['kojin_bango'] },
      },
    });
    const none = side.resolver.canSelect('app_madoguchi', asRelationId('kyufu.public.jumin_ft'), 'bango');
    expect(none).toMatchObject({ allowed: false, control: 'no-user-mapping', reason: { server: 'jumin_srv' } });
  });

  it('a server that matches no configured database is reported, and its foreign tables are unresolved', async () => {
    const side = await spif(JUMIN, server('5432', 'elsewhere'), 'jumin');
    const warning = side.diagnostics.find((d) => d.code === 'SPIF-FDW-UNRESOLVED');
    expect(warning?.message).toContain("dbname 'elsewhere'");
    expect(warning?.message).toContain('kyufu.public.jumin_ft');
    expect(warning?.line).toBe(3);
    expect(side.catalog.relations.get(asRelationId('kyufu.public.jumin_ft'))?.foreign?.unresolved?.message).toContain(
      'matches no configured',
    );
  });

  it('dblink in a view and in a PL/pgSQL function: checked as its user when it resolves, else a located warning and an unknown path', async () => {
    // F.12 dblink: dblink(connstr, sql) runs sql in the database connstr names, as the user it
    // names; the caller's database checks nothing of it. The view's call resolves (jumin, as
    // fdw_reader): spif checks it (dblink-access.test.ts). The function's names no configured database.
    const local = `CREATE EXTENSION dblink;
CREATE VIEW jumin_dbl AS SELECT * FROM dblink('dbname=jumin user=fdw_reader password=x', 'SELECT atena_no, kojin_bango FROM jumin_kihon') AS t(atena_no text, bango text);
CREATE FUNCTION get_no(p text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  SELECT b INTO r FROM dblink('dbname=elsewhere', 'SELECT kojin_bango FROM public.jumin_kihon') AS t(b text);
  RETURN r;
END $$;
GRANT SELECT ON jumin_dbl TO PUBLIC;`;
    const side = await spif(JUMIN, local, 'jumin');
    const warnings = side.diagnostics.filter((d) => d.code === 'SPIF-DBLINK');
    expect(warnings.map((w) => w.line)).toEqual([3]);
    expect(nth(warnings, 0).message).toContain("dbname 'elsewhere' matches no configured database");
    // `t.*` expands to the column definition list: the view's bango holds the remote number, and
    // fdw_reader's column grants refuse the call.
    const { numbers } = detectColumns(side.catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
    expect(numbers.get(asColumnId('kyufu.public.jumin_dbl.bango'))?.evidence).toContain(
      'jumin.public.jumin_kihon.kojin_bango',
    );
    expect(side.resolver.canSelect('PUBLIC', asRelationId('kyufu.public.jumin_dbl'), 'bango')).toMatchObject({
      allowed: false,
      reason: { key: 'dblink-remote-denied', role: 'fdw_reader' },
    });
    const { findUnknownPaths } = await import('../../src/access/unknown-paths.js');
    const paths = findUnknownPaths(side.catalog, side.resolver, [
      { name: 'PUBLIC', kind: 'public', roles: ['PUBLIC'] },
    ]);
    const dbl = paths.filter((p) => p.kind === 'dblink');
    expect(dbl.map((p) => p.relations)).toEqual([['kyufu.public.get_no(text)']]);
  });

  it('the real bin on a two-database repository: the foreign table holds the number, explain drops the mapping or revokes remotely', async () => {
    const fixture = 'fixtures/paths/foreign-table';
    const report = JSON.parse((await spifBin('scan', fixture, '--format', 'json')).stdout);
    expect(report.diagnostics).toEqual([]);
    const ft = report.relations.find((r: { id: string }) => r.id === 'kyufu.public.jumin_ft');
    expect(ft.basis).toBe('holds-number');
    expect(ft.numberColumns[0].evidence).toContain("'jumin.public.jumin_kihon.kojin_bango' (foreign-table");
    expect(ft.reachable.map((r: { principal: string }) => r.principal)).toEqual(['kyufu-system']);
    const explained = JSON.parse(
      (await spifBin('explain', 'kyufu.public.kyufu_kekka', fixture, '--format', 'json')).stdout,
    );
    const kyufu = explained.principals.find((p: { principal: string }) => p.principal === 'kyufu-system');
    const kinds = kyufu.suggestions.map((s: { kind: string; verified: boolean }) => [s.kind, s.verified]);
    expect(kinds).toContainEqual(['revoke-remote', true]);
    expect(kyufu.through).toEqual([
      {
        kind: 'foreign-table',
        relation: 'kyufu.public.jumin_ft',
        server: 'jumin_srv',
        role: 'app_kyufu',
        mapping: 'app_kyufu',
        remoteUser: 'fdw_reader',
        remote: 'jumin.public.jumin_kihon',
      },
    ]);
    const madoguchi = explained.principals.find((p: { principal: string }) => p.principal === 'madoguchi-system');
    expect(madoguchi.status).toBe('blocked');
    expect(madoguchi.blocks[0]).toMatchObject({
      control: 'no-user-mapping',
      role: 'app_madoguchi',
      reason: { key: 'no-user-mapping', server: 'jumin_srv' },
    });
    const mapping = (await spifBin('explain', 'kyufu.public.jumin_ft', fixture, '--format', 'json')).stdout;
    expect(JSON.parse(mapping).principals[0].suggestions).toContainEqual(
      expect.objectContaining({
        kind: 'drop-user-mapping',
        verified: true,
        sql: 'DROP USER MAPPING FOR app_kyufu SERVER jumin_srv;',
      }),
    );
  });
});
