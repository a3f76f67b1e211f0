/**
 * spif's MySQL-family access model against a real MariaDB (Debian's mariadb-server, started by
 * this test in a temp folder on a private socket; skipped with a message where it cannot start).
 *
 * Named scenarios: each probe carries what the manuals say, and both spif and MariaDB must agree
 * with it —
 * - "For a stored routine or view … [SQL SECURITY] DEFINER or INVOKER … If the definition omits the
 *   SQL SECURITY characteristic, the default is definer context. … The invoker must have appropriate
 *   privileges to reference the object (for example, EXECUTE to call a stored procedure or SELECT to
 *   select from a view), but during object execution, invoker privileges are ignored and only the
 *   DEFINER account privileges matter." (MySQL 8.0 Reference Manual, 27.6 Stored Object Access
 *   Control, https://dev.mysql.com/doc/refman/8.0/en/stored-objects-security.html)
 * - "An object that executes in invoker security context can execute only operations for which the
 *   invoker has privileges." (same page)
 * - MariaDB: "SET ROLE … enables a role, along with all of its associated permissions, for the
 *   current session"; a role granted to a role comes with it (MariaDB KB: SET ROLE, Roles Overview);
 *   a DEFINER may be a role (MariaDB KB: CREATE VIEW).
 * Generated cases: test/mariadb/cases.ts; `npm run test:mariadb -- --cases N` runs any number.
 */
import { describe, expect, it } from 'vitest';
import { mariaDbForFile } from './server.js';
import { formatDisagreement, generateCase, runCase, spifSide, type MariaCase } from './cases.js';
import { nth } from '../../src/indexed.js';
import { asRelationId } from '../../src/catalog/model.js';

const SAMPLE_SEED = 1;
const SAMPLE_CASES = 40;

const mariaDb = mariaDbForFile('test/mariadb');

const DB = 'kyufu';
const T = (name: string) => `default.${DB}.${name}`;

interface Scenario {
  name: string;
  sql: string;
  /** account (user name, host %), relation, column, MariaDB SQL, what the manual says. */
  probes: [account: string, relation: string, column: string, sql: string, reads: boolean][];
  roles?: Record<string, string[]>;
}

const BASE = `CREATE DATABASE ${DB};
USE ${DB};
CREATE TABLE jumin (id INT PRIMARY KEY, kojin_bango CHAR(12), shimei VARCHAR(20));
INSERT INTO jumin VALUES (1, '123456789012', 'x');
CREATE USER 'app'@'%';
CREATE USER 'owner1'@'%';
CREATE USER 'weak'@'%';
GRANT SELECT ON ${DB}.jumin TO 'owner1'@'%';
`;

const sel = (rel: string, col: string) => `SELECT COUNT(${col}) INTO @x FROM ${DB}.${rel}`;

const SCENARIOS: Scenario[] = [
  {
    name: 'a DEFINER view reads with its definer’s rights; an INVOKER view needs the caller’s own SELECT on the base table (issue 14.7)',
    sql: `CREATE DEFINER='owner1'@'%' SQL SECURITY DEFINER VIEW v_def AS SELECT id, kojin_bango FROM jumin;
CREATE DEFINER='owner1'@'%' SQL SECURITY INVOKER VIEW v_inv AS SELECT id, kojin_bango FROM jumin;
CREATE DEFINER='weak'@'%' VIEW v_weak AS SELECT id, kojin_bango FROM jumin;
GRANT SELECT ON ${DB}.v_def TO 'app'@'%';
GRANT SELECT ON ${DB}.v_inv TO 'app'@'%';
GRANT SELECT ON ${DB}.v_weak TO 'app'@'%';`,
    probes: [
      ['app', T('v_def'), 'kojin_bango', sel('v_def', 'kojin_bango'), true],
      ['app', T('v_inv'), 'kojin_bango', sel('v_inv', 'kojin_bango'), false],
      // The default is DEFINER, and a definer without SELECT on the base table makes the view fail.
      ['app', T('v_weak'), 'kojin_bango', sel('v_weak', 'kojin_bango'), false],
      ['app', T('jumin'), 'kojin_bango', sel('jumin', 'kojin_bango'), false],
    ],
  },
  {
    name: 'a column grant on the view limits the caller to those view columns',
    sql: `CREATE DEFINER='owner1'@'%' VIEW v AS SELECT id, kojin_bango, shimei FROM jumin;
GRANT SELECT (id, shimei) ON ${DB}.v TO 'app'@'%';`,
    probes: [
      ['app', T('v'), 'shimei', sel('v', 'shimei'), true],
      ['app', T('v'), 'kojin_bango', sel('v', 'kojin_bango'), false],
    ],
  },
  {
    name: 'an INVOKER view inside a DEFINER view is checked as the outer view’s definer',
    sql: `CREATE DEFINER='owner1'@'%' SQL SECURITY INVOKER VIEW inner_v AS SELECT kojin_bango FROM jumin;
CREATE DEFINER='owner1'@'%' SQL SECURITY DEFINER VIEW outer_v AS SELECT kojin_bango FROM inner_v;
GRANT SELECT ON ${DB}.outer_v TO 'app'@'%';
GRANT SELECT ON ${DB}.inner_v TO 'owner1'@'%';`,
    probes: [['app', T('outer_v'), 'kojin_bango', sel('outer_v', 'kojin_bango'), true]],
  },
  {
    name: 'a DEFINER procedure hands the number to whoever may EXECUTE it (the definer needs EXECUTE too); an INVOKER one does not',
    sql: `GRANT EXECUTE ON ${DB}.* TO 'owner1'@'%';
DELIMITER //
CREATE DEFINER='owner1'@'%' PROCEDURE get_bango(IN p INT) SQL SECURITY DEFINER
BEGIN
  DECLARE v CHAR(12);
  SELECT kojin_bango INTO v FROM jumin WHERE id = p;
  SELECT v AS bango;
END//
CREATE DEFINER='owner1'@'%' PROCEDURE get_inv(IN p INT) SQL SECURITY INVOKER SELECT kojin_bango FROM jumin WHERE id = p//
CREATE DEFINER='weak'@'%' FUNCTION f_weak(p INT) RETURNS CHAR(12) READS SQL DATA RETURN (SELECT kojin_bango FROM jumin WHERE id = p)//
DELIMITER ;
GRANT EXECUTE ON PROCEDURE ${DB}.get_bango TO 'app'@'%';
GRANT EXECUTE ON PROCEDURE ${DB}.get_inv TO 'app'@'%';
GRANT EXECUTE ON FUNCTION ${DB}.f_weak TO 'app'@'%';
GRANT SELECT (id) ON ${DB}.jumin TO 'app'@'%';`,
    probes: [
      ['app', T('get_bango()'), 'bango', `CALL ${DB}.get_bango(1)`, true],
      ['app', T('get_inv()'), 'kojin_bango', `CALL ${DB}.get_inv(1)`, false],
      ['app', T('f_weak()'), 'f_weak', `SELECT ${DB}.f_weak(1) INTO @x`, false],
      ['weak', T('get_bango()'), 'bango', `CALL ${DB}.get_bango(1)`, false],
    ],
  },
  {
    name: 'a granted role counts once SET ROLE enables it; roles granted to it come along; a role may be the DEFINER',
    sql: `CREATE ROLE clerk;
CREATE ROLE reader;
GRANT SELECT (kojin_bango) ON ${DB}.jumin TO reader;
GRANT reader TO clerk;
GRANT clerk TO 'app'@'%';
CREATE DEFINER=reader VIEW v_role AS SELECT kojin_bango FROM jumin;
GRANT SELECT ON ${DB}.v_role TO 'weak'@'%';`,
    roles: { app: ['clerk'] },
    probes: [
      ['app', T('jumin'), 'kojin_bango', sel('jumin', 'kojin_bango'), true],
      ['app', T('jumin'), 'shimei', sel('jumin', 'shimei'), false],
      ['weak', T('v_role'), 'kojin_bango', sel('v_role', 'kojin_bango'), true],
    ],
  },
  {
    name: 'MariaDB 10.11 PUBLIC: a grant to PUBLIC reaches every account',
    sql: `CREATE DEFINER='owner1'@'%' VIEW v_pub AS SELECT kojin_bango FROM jumin;
GRANT SELECT ON ${DB}.v_pub TO PUBLIC;`,
    probes: [['weak', T('v_pub'), 'kojin_bango', sel('v_pub', 'kojin_bango'), true]],
  },
];

function scenarioCase(s: Scenario, i: number): MariaCase {
  // Each scenario in a database and with accounts of its own.
  const p = `s${i}_`;
  const rename = (sql: string) =>
    sql
      .replace(new RegExp(`\\b${DB}\\b`, 'g'), `${p}${DB}`)
      .replace(/'(app|owner1|weak)'/g, `'${p}$1'`)
      .replace(/\b(clerk|reader)\b/g, `${p}$1`);
  const accounts = [...new Set(s.probes.map(([a]) => a))];
  return {
    name: s.name,
    sql: rename(BASE + s.sql + '\n'),
    accounts: accounts.map((a) => `${p}${a}`),
    roles: new Map(accounts.map((a) => [`${p}${a}`, (s.roles?.[a] ?? []).map((r) => `${p}${r}`)])),
    targets: s.probes.map(([, relation, column, sql]) => ({
      relation: rename(relation),
      column,
      sql: rename(sql),
    })),
  };
}

describe('MySQL-family access semantics (documented), spif and MariaDB', () => {
  SCENARIOS.forEach((s, i) => {
    it(s.name, async () => {
      const c = scenarioCase(s, i);
      const spif = spifSide(c.sql);
      expect(spif.errors).toEqual([]);
      const said = s.probes.map(([account, , , , reads], k) => ({
        probe: `${account} ${nth(c.targets, k).relation}.${nth(c.targets, k).column}`,
        reads,
      }));
      const spifSays = s.probes.map(([account], k) => ({
        probe: nth(said, k).probe,
        reads: spif.resolver.canSelect(
          `s${i}_${account}@%`,
          asRelationId(nth(c.targets, k).relation),
          nth(c.targets, k).column,
        ).allowed,
      }));
      expect(spifSays).toEqual(said);
      const server = mariaDb.server;
      if (!server) return void console.warn(`${s.name}: MariaDB side skipped (${mariaDb.skipped})`);
      const report = await runCase(server, c);
      expect(report.disagreements.map(formatDisagreement)).toEqual([]);
      expect(report.comparisons).toBe(s.probes.length * c.accounts.length);
    });
  });
});

describe('generated MySQL-family schemas: spif agrees with MariaDB', () => {
  it(`${SAMPLE_CASES} cases (seed ${SAMPLE_SEED}): views, routines, roles, column and db grants`, async () => {
    const server = mariaDb.server;
    if (!server) return void console.warn(`generated sample skipped: ${mariaDb.skipped}`);
    const problems: string[] = [];
    let comparisons = 0;
    let readable = 0;
    for (let i = 0; i < SAMPLE_CASES; i++) {
      const c = generateCase(SAMPLE_SEED, i);
      const r = await runCase(server, c);
      comparisons += r.comparisons;
      readable += r.readable;
      for (const e of r.errors) problems.push(`${c.name}: spif error ${e}`);
      for (const d of r.disagreements) problems.push(`${c.name}: ${formatDisagreement(d)}\n${c.sql}`);
    }
    expect(problems).toEqual([]);
    // The sample exercises both outcomes, many times.
    expect(comparisons).toBeGreaterThan(1500);
    expect(readable).toBeGreaterThan(200);
    expect(comparisons - readable).toBeGreaterThan(200);
  }, 180_000);
});
