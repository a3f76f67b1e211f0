import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CatalogOp } from '../../../src/catalog/ops.js';
import { mysqlReader } from '../../../src/sources/mysql/reader.js';
import { decodeSource } from '../../../src/sources/text.js';
import type { ReadResult } from '../../../src/sources/types.js';
import { read, strip } from './helpers.js';
import { nth } from '../../../src/indexed.js';

const fixture = (name: string) => `fixtures/mysql/${name}`;
const readFixture = (name: string, dialect: 'mysql' | 'mariadb'): ReadResult =>
  mysqlReader.read({ path: fixture(name), text: readFileSync(fixture(name), 'utf8') }, { dialect }) as ReadResult;
const only = <K extends CatalogOp['op']>(ops: CatalogOp[], op: K) =>
  ops.filter((o): o is Extract<CatalogOp, { op: K }> => o.op === op);

describe('real mariadb-dump output (MariaDB 10.11)', () => {
  const { ops, diagnostics } = readFixture('mariadb-dump.sql', 'mariadb');

  it('reads with no diagnostics at all', () => {
    expect(diagnostics).toEqual([]);
  });

  it('yields every table with its Japanese column comments and keys', () => {
    const tables = only(ops, 'create-table');
    expect(tables.map((t) => `${t.name.schema}.${t.name.name}`)).toEqual([
      'iryo_hoken.bango_kakunin',
      'iryo_hoken.hihokensha',
      'iryo_hoken.kyufu_kiroku',
      'iryo_hoken.setai',
      'chukan.kikanbetsu_fugo',
    ]);
    const hihokensha = nth(tables, 1);
    expect(hihokensha.comment).toBe('被保険者台帳（特定個人情報）');
    expect(hihokensha.columns.find((c) => c.name === 'kojin_bango')).toEqual({
      name: 'kojin_bango',
      type: 'char(12)',
      comment: '個人番号',
      source: { file: fixture('mariadb-dump.sql'), line: 61, column: 3 },
      commentSource: { file: fixture('mariadb-dump.sql'), line: 61, column: 39 },
    });
    expect(hihokensha.primaryKey).toEqual(['hihokensha_no']);
    expect(hihokensha.uniqueKeys).toEqual([['kojin_bango']]);
    expect(hihokensha.foreignKeys.map((f) => [f.name, f.columns, f.references.name])).toEqual([
      ['fk_hihokensha_setai', ['setai_no'], 'setai'],
    ]);
    expect(nth(tables, 4).columns.map((c) => c.comment)).toEqual([undefined, '被保険者番号', '機関別符号']);
  });

  it('unwraps the /*!50001 … */ views: stand-in first, then the real definition with definer and lineage', () => {
    const views = only(ops, 'create-view');
    expect(views.map((v) => [v.name.name, v.view.securityInvoker, v.owner])).toEqual([
      ['v_hihokensha_bango', false, undefined],
      ['v_kyufu_gaiyo', false, undefined],
      ['v_hihokensha_bango', true, 'root@localhost'],
      ['v_kyufu_gaiyo', false, 'root@localhost'],
    ]);
    expect(nth(views, 2).view.columns).toEqual([
      {
        name: 'hihokensha_no',
        from: [{ relation: { schema: 'iryo_hoken', name: 'hihokensha' }, column: 'hihokensha_no' }],
      },
      { name: 'bango', from: [{ relation: { schema: 'iryo_hoken', name: 'hihokensha' }, column: 'kojin_bango' }] },
    ]);
    expect(nth(views, 2).at).toEqual({ file: fixture('mariadb-dump.sql'), line: 275, column: 10 });
  });

  it('skips data, locks, SET and triggers without ops; reads the procedure as a routine; INSERT rows give check-digit counts only', () => {
    const kinds = new Set(ops.map((o) => o.op));
    expect([...kinds].sort()).toEqual([
      'column-values',
      'create-function',
      'create-schema',
      'create-table',
      'create-view',
      'drop-function', // the dump's DROP PROCEDURE IF EXISTS: the builder is quiet when it drops nothing
      'drop-relation',
      'use-schema',
    ]);
    expect(only(ops, 'drop-function').every((d) => d.ifExists)).toBe(true);
    // SUM(…) is an expression: the procedure returns no column unchanged (test/mariadb covers routines).
    expect(only(ops, 'create-function').map((f) => [f.name.name, f.owner, f.routine.analysed])).toEqual([
      ['p_kyufu_goukei', 'root@localhost', true],
    ]);
  });
});

describe('real mariadb-dump --system=users output', () => {
  const { ops, diagnostics } = readFixture('mariadb-users.sql', 'mariadb');

  it('reads with no errors or warnings (CURRENT_USER of the import role is info)', () => {
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('yields users, roles, role grants, default roles and column grants', () => {
    expect(only(ops, 'create-role').map((r) => `${r.name}${r.login ? '' : ' (role)'}`)).toEqual([
      'mariadb.sys@localhost',
      'root@localhost',
      'mysql@localhost',
      'kyufu_app@10.0.0.%',
      'madoguchi@%',
      'bango_admin@localhost',
      'chukan_renkei@192.168.1.10',
      'mariadb_dump_import_role@% (role)',
      'r_bango_admin@% (role)',
      'r_bango_admin@% (role)',
      'r_kyufu_read@% (role)',
    ]);
    const app = only(ops, 'grant-role').filter((g) => g.members[0] === 'kyufu_app@10.0.0.%');
    expect(app.map((g) => [g.roles, g.inherit, g.set])).toEqual([
      [['r_kyufu_read@%'], false, true],
      [['r_kyufu_read@%'], true, true],
    ]);
    expect(
      only(ops, 'grant').find((g) => g.grantees[0] === 'madoguchi@%' && nth(g.privileges, 0).privilege === 'SELECT'),
    ).toMatchObject({
      privileges: [
        { privilege: 'SELECT', columns: ['shimei_kana', 'hihokensha_no', 'shimei'] },
        { privilege: 'UPDATE', columns: ['shimei_kana'] },
      ],
      target: { kind: 'relations', names: [{ schema: 'iryo_hoken', name: 'hihokensha' }] },
    });
    expect(
      only(ops, 'grant').find((g) => g.grantees[0] === 'r_bango_admin@%' && g.target.kind === 'schema-tables'),
    ).toMatchObject({
      target: { kind: 'schema-tables', schema: 'iryo_hoken' },
      grantOption: true,
    });
    expect(only(ops, 'drop-role')).toMatchObject([{ names: ['mariadb_dump_import_role@%'] }]);
    // `GRANT SELECT, DELETE ON mysql.global_priv TO mariadb.sys@localhost`: a system schema, skipped
    expect(
      only(ops, 'grant')
        .filter((g) => g.grantees[0] === 'mariadb.sys@localhost')
        .map((g) => g.target.kind),
    ).toEqual(['database']);
  });
});

describe('hand-written MySQL 8 dump (mysqldump 8.0 format)', () => {
  it('reads cleanly as mysql, with /*!80016 */, /*!80023 INVISIBLE */ and the /*!50001 */ view', () => {
    const { ops, diagnostics } = readFixture('mysql8-dump.sql', 'mysql');
    expect(diagnostics).toEqual([]);
    expect(only(ops, 'create-table').map((t) => t.name.name)).toEqual(['jukyusha', 'kyufu_meisai']);
    expect(nth(only(ops, 'create-table'), 0).columns.map((c) => c.name)).toContain('biko');
    const view = only(ops, 'create-view').at(-1)!;
    expect(view.owner).toBe('kyufu_owner@%');
    expect(view.view.columns.map((c) => [c.name, c.from.map((f) => f.column)])).toEqual([
      ['hihokensha_no', ['hihokensha_no']],
      ['shimei', ['shimei']],
      ['kyufu_gaku', ['kyufu_gaku']], // sum(m.kyufu_gaku) carries its values
    ]);
    expect(only(ops, 'grant-role').map((g) => [g.roles[0], g.members[0], g.inherit])).toEqual([
      ['r_kyufu_read@%', 'madoguchi@%', true],
      ['r_kyufu_read@%', 'kyufu_app@10.0.0.%', false],
      ['r_kyufu_read@%', 'madoguchi@%', true],
      ['r_kyufu_read@%', 'kyufu_app@10.0.0.%', true],
    ]);
    expect(only(ops, 'revoke')).toHaveLength(1);
  });
});

describe('errors and unsupported statements', () => {
  it('a broken statement in the middle costs only itself: one located error, the rest is read', () => {
    const sql =
      'CREATE TABLE a (x int);\nCREATE TABLE b (y int,, z int);\nCREATE TABLE c (z int);\nGRANT SELECT ON c TO u;';
    const r = read(sql);
    expect(r.ops.map((o) => o.op)).toEqual(['create-table', 'create-table', 'grant']);
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'SPIF-SQL-SYNTAX',
        message: expect.any(String),
        // The parser's own words as an argument of the entry (issue 19.4: rendered in Japanese).
        text: { key: 'diag.mysql.couldNotParseBoth', args: ['unexpected ","'] },
        file: 'db/schema.sql',
        line: 2,
        column: 23,
      },
    ]);
  });

  it('an unterminated quote swallows the rest: still one located error', () => {
    const r = read("CREATE TABLE a (x int COMMENT 'oops);\nCREATE TABLE b (y int);");
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'error',
      line: 1,
      column: 31,
      message: expect.stringContaining('unterminated'),
    });
  });

  it('a statement that parses but is not read is a located warning', () => {
    const r = read(
      'USE a;\n  CREATE TABLE t (a int);\nOPTIMIZE TABLE t;\nALTER TABLE t RENAME AS other.t;\nREVOKE ALL PRIVILEGES, GRANT OPTION FROM u;',
    );
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column])).toEqual([
      ['warning', 'SPIF-SQL-UNSUPPORTED', 5, 1],
    ]);
    // `RENAME AS db.t`: node-sql-parser rejects it, the second parser (sql-parser-cst) reads it.
    expect(
      r.ops.map(strip).filter((o) => ['rename-relation', 'set-schema'].includes((o as { op: string }).op)),
    ).toEqual([{ op: 'set-schema', name: { schema: 'a', name: 't' }, schema: 'other' }]);
  });

  it('Shift_JIS input decoded with decodeSource reads the same', () => {
    const text = readFileSync(fixture('mariadb-dump.sql'), 'utf8');
    const decoded = decodeSource(iconv.encode(text, 'cp932'));
    expect(decoded.encoding).toBe('cp932');
    const a = mysqlReader.read({ path: 'x.sql', text }, { dialect: 'mariadb' }) as ReadResult;
    const b = mysqlReader.read({ path: 'x.sql', text: decoded.text }, { dialect: 'mariadb' }) as ReadResult;
    expect(b.diagnostics).toEqual([]);
    expect(b.ops).toEqual(a.ops);
  });
});
