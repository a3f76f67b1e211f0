/**
 * The second MySQL/MariaDB parser: statements node-sql-parser rejects although the server
 * accepts them are read by sql-parser-cst (or, for harmless attributes, parsed again with them
 * blanked). fixtures/mysql/ec-install.sql reproduces each construct met in real install scripts
 * and dumps (EC-CUBE, sakila, Shopware: docs/parsers.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogOp } from '../../../src/catalog/ops.js';
import { mysqlReader } from '../../../src/sources/mysql/reader.js';
import type { ReadResult } from '../../../src/sources/types.js';
import { blankForCst } from '../../../src/sources/mysql/cst-fallback.js';
import { ops } from './helpers.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/mysql/ec-install.sql');
const text = readFileSync(FIXTURE, 'utf8');

describe.each(['mysql', 'mariadb'] as const)('%s: statements node-sql-parser rejects', (dialect) => {
  const r = mysqlReader.read({ path: 'ec-install.sql', text }, { dialect }) as ReadResult;
  const table = (name: string) =>
    r.ops.find((o) => o.op === 'create-table' && o.name.name === name) as Extract<CatalogOp, { op: 'create-table' }>;
  const view = (name: string) =>
    r.ops.find((o) => o.op === 'create-view' && o.name.name === name) as Extract<CatalogOp, { op: 'create-view' }>;

  it('columns named rank and status (words node-sql-parser reserves), with their trailing comments', () => {
    const t = table('dtb_customer');
    expect(t.columns.map((c) => [c.name, c.type, c.comment])).toEqual([
      ['customer_id', 'int', undefined],
      ['name01', 'text', '姓'],
      ['kjn_no', 'char(12)', '個人番号'],
      ['rank', 'int', '会員ランク'],
      ['status', 'smallint', undefined],
      ['del_flg', 'smallint', undefined],
    ]);
    expect(t.primaryKey).toEqual(['customer_id']);
    expect(t.columns.find((c) => c.name === 'rank')?.source).toEqual({ file: 'ec-install.sql', line: 7, column: 5 });
  });

  it('a BINARY column attribute and a named PRIMARY KEY, after table options', () => {
    const t = table('dtb_member');
    expect(t.columns.map((c) => c.name)).toEqual(['member_id', 'login_id', 'password']);
    expect(t.primaryKey).toEqual(['member_id']);
  });

  it('a view with charset introducers and GROUP_CONCAT … SEPARATOR keeps its lineage and definer rights', () => {
    const v = view('v_customer_list');
    expect(v.view.columns.map((c) => [c.name, c.from.map((f) => `${f.relation.name}.${f.column}`)])).toEqual([
      ['id', ['dtb_customer.customer_id']],
      // CONCAT and GROUP_CONCAT carry their values; IF's condition only chooses (as a CASE's does).
      ['name', ['dtb_customer.name01']],
      ['bango', ['dtb_customer.kjn_no']],
      ['orders', ['dtb_order.order_id']],
      ['notes', []],
    ]);
    expect(v.view.securityInvoker).toBe(false); // MySQL's default SQL SECURITY DEFINER
  });

  it('a UNION view over rank', () => {
    expect(view('v_ranked').view.columns.map((c) => c.name)).toEqual(['customer_id', 'rank']);
  });

  it('every table and view is read, and ALTER TABLE … ADD (a, b), which both parsers reject, too', () => {
    expect(r.ops.filter((o) => o.op === 'create-table' || o.op === 'create-view').length).toBe(5);
    expect(r.diagnostics).toEqual([]);
    const added = r.ops.filter((o) => o.op === 'add-column' && o.at.line === 27);
    expect(added.map((o) => (o.op === 'add-column' ? o.column.name : ''))).toEqual(['order_kjn_no', 'memo']);
  });
});

describe('MySQL fallback details', () => {
  it('ALTER TABLE … RENAME AS db.t moves the table (sql-parser-cst)', () => {
    expect(ops('CREATE TABLE t (a int);\nALTER TABLE t RENAME AS db2.t2;').slice(1)).toEqual([
      { op: 'rename-relation', from: { schema: 'main', name: 't' }, to: 't2' },
      { op: 'set-schema', name: { schema: 'main', name: 't2' }, schema: 'db2' },
    ]);
  });

  it('blanks only what says nothing about columns, keys and comments, keeping offsets', () => {
    const sql =
      "CREATE TABLE `t` (\n  `a` varchar(3) CHARACTER SET utf8 COLLATE utf8_bin DEFAULT 'CHARSET x',\n  `b` varchar(9) BINARY,\n  UNIQUE KEY `ux` (`a`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8 COMMENT='表'";
    const out = blankForCst(sql);
    expect(out.length).toBe(sql.length);
    expect(out.replace(/\s+/g, ' ')).toBe(
      "CREATE TABLE `t` ( `a` varchar(3) DEFAULT 'CHARSET x', `b` varchar(9) , UNIQUE KEY (`a`) ) COMMENT='表'",
    );
  });

  it('a table read by the fallback is known to later statements (SELECT * expands)', () => {
    const read = ops('CREATE TABLE t (rank int, status int);\nCREATE VIEW v AS SELECT * FROM t;');
    expect((read[1] as { view: { columns: { name: string }[] } }).view.columns.map((c) => c.name)).toEqual([
      'rank',
      'status',
    ]);
  });
});
