/**
 * Functions and procedures as paths to the number, checked against a real PostgreSQL (PGlite).
 *
 * Each scenario is run in PostgreSQL and read by spif; for every probe, PostgreSQL's answer
 * (`SET ROLE r; SELECT …` succeeds, or fails with 42501) must equal spif's verdict, and both must
 * equal what the PostgreSQL documentation says:
 * - "PostgreSQL grants privileges on some types of objects to PUBLIC by default when the objects
 *   are created. … EXECUTE privilege for functions and procedures" (docs 5.8 Privileges).
 * - "SECURITY DEFINER specifies that the function is to be executed with the privileges of the
 *   user that owns it"; SECURITY INVOKER (the default) "with the privileges of the user that calls
 *   it" (CREATE FUNCTION).
 * - ALTER DEFAULT PRIVILEGES … ON FUNCTIONS applies to functions and procedures created later by
 *   that role ("ROUTINES … is considered an equivalent of FUNCTIONS", ALTER DEFAULT PRIVILEGES).
 * - GRANT … ON ALL FUNCTIONS IN SCHEMA covers functions but not procedures; ALL ROUTINES covers
 *   both (GRANT).
 * - ALTER FUNCTION … OWNER TO: a definer function then runs as the new owner (ALTER FUNCTION).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSpif } from '../oracle/spif-side.js';
import { BIN } from '../helpers/bin.js';
import { asRelationId } from '../../src/catalog/model.js';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '../..');

const BASE = `
CREATE ROLE app_kyufu LOGIN;
CREATE ROLE clerk NOLOGIN;
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12), shimei text);
INSERT INTO jumin VALUES ('A1', '123456789012', 'X');
GRANT SELECT (atena_no, shimei) ON jumin TO app_kyufu;
`;

interface Probe {
  role: string;
  /** What PostgreSQL runs as the role. */
  sql: string;
  /** What spif is asked: relation id and column. */
  relation: string;
  column: string;
  /** What the documentation says. */
  reads: boolean;
}

interface Scenario {
  name: string;
  sql: string;
  probes: Probe[];
}

const fn = (sig: string) => `default.public.${sig}`;

const SCENARIOS: Scenario[] = [
  {
    name: 'a SECURITY DEFINER SQL function is executable by PUBLIC by default and reads as its owner',
    sql: `CREATE FUNCTION get_bango(p_atena text) RETURNS text LANGUAGE sql SECURITY DEFINER
            AS $$ SELECT kojin_bango FROM jumin WHERE atena_no = p_atena $$;`,
    probes: [
      {
        role: 'app_kyufu',
        sql: "SELECT get_bango('A1')",
        relation: fn('get_bango(text)'),
        column: 'get_bango',
        reads: true,
      },
      {
        role: 'clerk',
        sql: "SELECT get_bango('A1')",
        relation: fn('get_bango(text)'),
        column: 'get_bango',
        reads: true,
      },
      {
        role: 'app_kyufu',
        sql: 'SELECT kojin_bango FROM jumin',
        relation: 'default.public.jumin',
        column: 'kojin_bango',
        reads: false,
      },
    ],
  },
  {
    name: 'REVOKE EXECUTE … FROM PUBLIC closes it; GRANT EXECUTE to one role opens it for that role only',
    sql: `CREATE FUNCTION get_bango(p_atena text) RETURNS text LANGUAGE sql SECURITY DEFINER
            AS $$ SELECT kojin_bango FROM jumin WHERE atena_no = p_atena $$;
          REVOKE EXECUTE ON FUNCTION get_bango(text) FROM PUBLIC;
          GRANT EXECUTE ON FUNCTION get_bango TO clerk;`,
    probes: [
      {
        role: 'app_kyufu',
        sql: "SELECT get_bango('A1')",
        relation: fn('get_bango(text)'),
        column: 'get_bango',
        reads: false,
      },
      {
        role: 'clerk',
        sql: "SELECT get_bango('A1')",
        relation: fn('get_bango(text)'),
        column: 'get_bango',
        reads: true,
      },
    ],
  },
  {
    name: "a SECURITY INVOKER function reads with the caller's privileges",
    sql: `CREATE FUNCTION get_bango(p_atena text) RETURNS text LANGUAGE plpgsql
            AS $$ DECLARE v text; BEGIN SELECT kojin_bango INTO v FROM jumin WHERE atena_no = p_atena; RETURN v; END $$;
          CREATE FUNCTION get_name(p_atena text) RETURNS text LANGUAGE sql
            AS $$ SELECT shimei FROM jumin WHERE atena_no = p_atena $$;`,
    probes: [
      {
        role: 'app_kyufu',
        sql: "SELECT get_bango('A1')",
        relation: fn('get_bango(text)'),
        column: 'get_bango',
        reads: false,
      },
      {
        role: 'app_kyufu',
        sql: "SELECT get_name('A1')",
        relation: fn('get_name(text)'),
        column: 'get_name',
        reads: true,
      },
    ],
  },
  {
    name: 'ALTER FUNCTION … SECURITY DEFINER and OWNER TO: the body then runs as the new owner',
    sql: `CREATE ROLE owner_ok; CREATE ROLE owner_none;
          GRANT SELECT ON jumin TO owner_ok;
          CREATE FUNCTION a(p_atena text) RETURNS text LANGUAGE sql AS $$ SELECT kojin_bango FROM jumin WHERE atena_no = p_atena $$;
          ALTER FUNCTION a(text) SECURITY DEFINER;
          ALTER FUNCTION a(text) OWNER TO owner_ok;
          CREATE FUNCTION b(p_atena text) RETURNS text LANGUAGE sql SECURITY DEFINER AS $$ SELECT kojin_bango FROM jumin WHERE atena_no = p_atena $$;
          ALTER FUNCTION b OWNER TO owner_none;`,
    probes: [
      { role: 'app_kyufu', sql: "SELECT a('A1')", relation: fn('a(text)'), column: 'a', reads: true },
      { role: 'app_kyufu', sql: "SELECT b('A1')", relation: fn('b(text)'), column: 'b', reads: false },
    ],
  },
  {
    name: 'ALTER DEFAULT PRIVILEGES … REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC applies to later functions and procedures',
    sql: `CREATE FUNCTION before_defaults() RETURNS TABLE(n text) LANGUAGE sql SECURITY DEFINER AS $$ SELECT kojin_bango FROM jumin $$;
          ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
          ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON ROUTINES TO clerk;
          CREATE FUNCTION after_defaults() RETURNS TABLE(n text) LANGUAGE sql SECURITY DEFINER AS $$ SELECT kojin_bango FROM jumin $$;`,
    probes: [
      {
        role: 'app_kyufu',
        sql: 'SELECT n FROM before_defaults()',
        relation: fn('before_defaults()'),
        column: 'n',
        reads: true,
      },
      {
        role: 'app_kyufu',
        sql: 'SELECT n FROM after_defaults()',
        relation: fn('after_defaults()'),
        column: 'n',
        reads: false,
      },
      {
        role: 'clerk',
        sql: 'SELECT n FROM after_defaults()',
        relation: fn('after_defaults()'),
        column: 'n',
        reads: true,
      },
    ],
  },
  {
    name: 'GRANT ON ALL FUNCTIONS IN SCHEMA skips procedures; ALL ROUTINES covers them',
    sql: `CREATE FUNCTION f1() RETURNS TABLE(n text) LANGUAGE sql SECURITY DEFINER AS $$ SELECT kojin_bango FROM jumin $$;
          CREATE PROCEDURE p1(INOUT n text) LANGUAGE sql SECURITY DEFINER AS $$ SELECT kojin_bango FROM jumin $$;
          REVOKE EXECUTE ON ALL ROUTINES IN SCHEMA public FROM PUBLIC;
          GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO app_kyufu;`,
    probes: [
      { role: 'app_kyufu', sql: 'SELECT n FROM f1()', relation: fn('f1()'), column: 'n', reads: true },
      { role: 'app_kyufu', sql: 'CALL p1(NULL)', relation: fn('p1(text)'), column: 'n', reads: false },
      { role: 'clerk', sql: 'SELECT n FROM f1()', relation: fn('f1()'), column: 'n', reads: false },
    ],
  },
  {
    name: 'a definer function reads tables in a schema its owner may not use: denied when it runs',
    sql: `CREATE ROLE fn_owner;
          CREATE SCHEMA hidden; CREATE TABLE hidden.t (kojin_bango text); INSERT INTO hidden.t VALUES ('x');
          GRANT SELECT ON hidden.t TO fn_owner;
          GRANT CREATE ON SCHEMA public TO fn_owner;
          SET ROLE fn_owner;
          CREATE FUNCTION peek() RETURNS TABLE(kojin_bango text) LANGUAGE plpgsql SECURITY DEFINER
            AS $$ BEGIN RETURN QUERY SELECT h.kojin_bango FROM hidden.t h; END $$;
          RESET ROLE;`,
    probes: [
      {
        role: 'app_kyufu',
        sql: 'SELECT kojin_bango FROM peek()',
        relation: fn('peek()'),
        column: 'kojin_bango',
        reads: false,
      },
    ],
  },
];

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
});
afterAll(async () => {
  await pg?.close();
});

async function pgReads(sql: string, role: string): Promise<boolean> {
  await pg.exec('SAVEPOINT probe');
  try {
    await pg.exec(`SET ROLE ${role}`);
    await pg.query(sql);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code !== '42501') throw e;
    return false;
  } finally {
    await pg.exec('ROLLBACK TO SAVEPOINT probe');
    await pg.exec('RESET ROLE');
  }
}

describe('functions and procedures against PostgreSQL (PGlite)', () => {
  for (const s of SCENARIOS) {
    it(s.name, async () => {
      await pg.exec('BEGIN');
      try {
        await pg.exec(BASE + s.sql);
        const spif = await runSpif(BASE + s.sql);
        for (const p of s.probes) {
          const postgres = await pgReads(p.sql, p.role);
          const verdict = spif.resolver.canSelect(p.role, asRelationId(p.relation), p.column);
          expect({ probe: `${p.role}: ${p.sql}`, postgres }).toEqual({
            probe: `${p.role}: ${p.sql}`,
            postgres: p.reads,
          });
          expect({
            probe: `${p.role}: ${p.sql}`,
            spif: verdict.allowed,
            detail: verdict.allowed ? '' : verdict.detail,
          }).toMatchObject({ probe: `${p.role}: ${p.sql}`, spif: postgres });
        }
      } finally {
        await pg.exec('ROLLBACK');
      }
    });
  }
});

describe('a SECURITY DEFINER function in a migration folder, through the real bin', () => {
  const fixture = 'fixtures/paths/definer-function';
  const spif = async (args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      cwd: repo,
      env: { ...process.env, LANG: 'C', NO_COLOR: '1' },
    });

  it('reports the table joined by 宛名番号 as reaching the number through the function, naming it', async () => {
    const { stdout } = await spif(['scan', fixture, '--format', 'json']);
    const report = JSON.parse(stdout);
    const kyufu = report.relations.find((r: { id: string }) => r.id === 'default.public.kyufu');
    expect(kyufu.classification).toBe('specific');
    const reach = kyufu.reachable.find((r: { principal: string }) => r.principal === 'app_kyufu');
    expect(reach.numberColumn).toBe('default.public.lookup_bango(text).lookup_bango');
    expect(reach.path.map((s: { to: string }) => s.to)).toContain('default.public.lookup_bango(text).p_atena');
    const fnReport = report.relations.find((r: { id: string }) => r.id === 'default.public.lookup_bango(text)');
    expect(fnReport.kind).toBe('function');
    expect(fnReport.reachable.map((r: { principal: string }) => r.principal).sort()).toEqual(
      ['PUBLIC', 'app_kyufu'].sort(),
    );
  });

  it("explain's smallest change is REVOKE EXECUTE ON FUNCTION … FROM PUBLIC, verified", async () => {
    const { stdout } = await spif(['explain', 'kyufu', fixture, '--format', 'json']);
    const result = JSON.parse(stdout);
    const app = result.principals.find((p: { principal: string }) => p.principal === 'app_kyufu');
    expect(app.status).toBe('reaches');
    expect(app.suggestions[0]).toMatchObject({
      kind: 'revoke-execute',
      verified: true,
      sql: 'REVOKE EXECUTE ON FUNCTION public.lookup_bango(text) FROM PUBLIC;',
    });
  });

  it('the same schema with REVOKE EXECUTE … FROM PUBLIC: the table is access-controlled again', async () => {
    const sql = `${BASE}
      CREATE TABLE kyufu (kyufu_id int PRIMARY KEY, atena_no text REFERENCES jumin (atena_no));
      GRANT SELECT ON kyufu TO app_kyufu;
      CREATE FUNCTION lookup_bango(p_atena text) RETURNS text LANGUAGE sql SECURITY DEFINER
        AS $$ SELECT kojin_bango FROM jumin WHERE atena_no = p_atena $$;
      REVOKE ALL ON FUNCTION lookup_bango(text) FROM PUBLIC;`;
    const side = await runSpif(sql);
    expect(side.resolver.canSelect('app_kyufu', asRelationId(fn('lookup_bango(text)')), 'lookup_bango')).toMatchObject({
      allowed: false,
      control: 'no-execute-privilege',
    });
  });
});

describe('bodies spif cannot read are unknown paths, never ignored', () => {
  it('dynamic EXECUTE in a SECURITY DEFINER function: a located warning and an unknown-path assumption on what its owner reads', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-fn-'));
    fs.writeFileSync(
      path.join(dir, 'schema.sql'),
      `${BASE}
CREATE FUNCTION any_column(t text, c text) RETURNS SETOF text LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  RETURN QUERY EXECUTE format('SELECT %I::text FROM %I', c, t);
END $$;
CREATE FUNCTION py_lookup(a text) RETURNS text LANGUAGE plpython3u SECURITY INVOKER AS 'return a';
`,
    );
    const { stdout } = await run(process.execPath, [BIN, 'scan', dir, '--format', 'json'], {
      env: { ...process.env, LANG: 'C' },
    });
    const report = JSON.parse(stdout);
    const warning = report.diagnostics.find((d: { code: string }) => d.code === 'SPIF-FUNCTION-UNANALYSED');
    expect(warning).toMatchObject({ line: 8, column: 1 }); // BASE takes lines 1–7
    expect(warning.message).toMatch(/any_column\(text, text\).*dynamic SQL/);
    const jumin = report.relations.find((r: { id: string }) => r.id === 'default.public.jumin');
    expect(
      jumin.assumptions.some((a: string) => a.startsWith('unknown-path:default.public.any_column(text, text):')),
    ).toBe(true);
    // An unread SECURITY INVOKER body runs with the caller's own rights: reported, but no path.
    expect(report.diagnostics.some((d: { message: string }) => /py_lookup\(text\).*plpython3u/.test(d.message))).toBe(
      true,
    );
    expect(jumin.assumptions.some((a: string) => a.includes('py_lookup'))).toBe(false);
  });
});
