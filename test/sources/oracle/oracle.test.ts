/**
 * The Oracle reader and Oracle's access semantics, on an export laid out as SQL Developer writes
 * it (fixtures/oracle-db) and on small scripts. Each expectation cites the Oracle documentation
 * its rule comes from (also in the fixture's comments).
 */
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/pipeline.js';
import { oracleReader } from '../../../src/sources/oracle/reader.js';
import { oneDatabase, scanFiles } from '../vendor/scan-files.js';
import { nth } from '../../../src/indexed.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/oracle-db');

async function read(text: string) {
  return oracleReader.read({ path: 'x.sql', text }, { dialect: 'oracle' });
}

describe('Oracle export fixture (fixtures/oracle-db)', async () => {
  const { report } = await scan({ paths: [FIXTURE], jobs: 1 });
  const rel = (name: string) => report.relations.find((r) => r.id === `jumin.JUMIN.${name}`)!;

  it('reads the SQL Developer export: upper-case names, storage clauses passed over, comments attached', () => {
    expect(report.relations.map((r) => r.id).sort()).toEqual([
      'jumin.JUMIN.JUKYUSHA',
      'jumin.JUMIN.KOJIN',
      'jumin.JUMIN.TSUCHI',
      'jumin.JUMIN.V_KOJIN_MADOGUCHI',
    ]);
    expect(rel('KOJIN').columns).toEqual([
      { name: 'ATENA_NO', type: 'VARCHAR2(15 BYTE)', comment: '宛名番号' },
      { name: 'KOJIN_BANGO', type: 'CHAR(12 BYTE)', comment: '個人番号' },
      { name: 'SHIMEI', type: 'NVARCHAR2(60)', comment: '氏名' },
      { name: 'KOSHIN_DATE', type: 'DATE' },
    ]);
    expect(rel('KOJIN').comment).toBe('個人番号管理');
  });

  it('reports only the column-level SELECT grant, which Oracle rejects (SQL Language Reference, GRANT)', () => {
    expect(report.diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line} ${d.code}`)).toEqual([
      '02_security.sql:13 SPIF-ORACLE-COLUMN-SELECT',
    ]);
  });

  it('a role outside DEFAULT ROLE still reaches the number, since SET ROLE enables it (ALTER USER, DEFAULT ROLE clause)', () => {
    expect(rel('JUKYUSHA').classification).toBe('specific');
    expect(rel('JUKYUSHA').reachable.map((r) => r.principal)).toContain('APP_BANGO');
  });

  it('no column SELECT in Oracle: the failed column grant gives APP_MADOGUCHI nothing of KOJIN', () => {
    const v = rel('V_KOJIN_MADOGUCHI');
    expect(v.classification).toBe('not-specific');
    expect(v.blocked).toContainEqual(
      expect.objectContaining({ principal: 'APP_MADOGUCHI', control: 'no-table-privilege', at: 'jumin.JUMIN.KOJIN' }),
    );
  });

  it('a GRANT on a public synonym grants on its table; the synonym itself grants nothing (CREATE SYNONYM)', () => {
    const t = rel('TSUCHI');
    expect(t.classification).toBe('not-specific');
    // APP_TSUCHI reads TSUCHI (through the synonym grant) and is stopped at KOJIN
    expect(t.blocked).toContainEqual(expect.objectContaining({ principal: 'APP_TSUCHI', at: 'jumin.JUMIN.KOJIN' }));
  });

  it('a VPD column-masking policy is an assumption on the table, not on a view that does not carry the column (DBMS_RLS.ADD_POLICY)', () => {
    expect(rel('KOJIN').assumptions).toEqual([
      'vpd-column-mask-unevaluated:KOJIN_BANGO_MASK:jumin.JUMIN.KOJIN.KOJIN_BANGO',
    ]);
    expect(rel('V_KOJIN_MADOGUCHI').assumptions).toEqual([]);
  });
});

describe('Oracle access rules on small scripts', () => {
  const tables = `
CREATE TABLE JUMIN.KOJIN (ATENA_NO VARCHAR2(15) PRIMARY KEY, KOJIN_BANGO CHAR(12));
CREATE TABLE JUMIN.TSUCHI (TSUCHI_ID NUMBER, ATENA_NO VARCHAR2(15) REFERENCES JUMIN.KOJIN (ATENA_NO));
CREATE USER APP_TSUCHI IDENTIFIED BY x;
GRANT SELECT ON JUMIN.TSUCHI TO APP_TSUCHI;
`;
  const tsuchi = async (extra: string) => {
    const report = await scanFiles({ 'spif.config.yaml': oneDatabase('oracle'), 'db/a.sql': tables + extra });
    expect(report.diagnostics).toEqual([]);
    return report.relations.find((r) => r.name === 'TSUCHI')!;
  };

  it('without a grant on KOJIN the link is access-controlled', async () => {
    expect((await tsuchi('')).classification).toBe('not-specific');
  });

  it('SELECT ANY TABLE reads every table (Security Guide, "Managing System Privileges")', async () => {
    expect((await tsuchi('GRANT SELECT ANY TABLE TO APP_TSUCHI;')).classification).toBe('specific');
  });

  it('a grant to PUBLIC reaches every user (GRANT, "PUBLIC")', async () => {
    expect((await tsuchi('GRANT SELECT ON JUMIN.KOJIN TO PUBLIC;')).classification).toBe('specific');
  });

  it('roles nest: a role granted to a role passes its privileges on (GRANT, "Granting a Role to a Role")', async () => {
    expect(
      (
        await tsuchi(
          'CREATE ROLE R1;\nCREATE ROLE R2;\nGRANT SELECT ON JUMIN.KOJIN TO R1;\nGRANT R1 TO R2;\nGRANT R2 TO APP_TSUCHI;',
        )
      ).classification,
    ).toBe('specific');
  });

  it('REVOKE takes the privilege away again (REVOKE)', async () => {
    expect(
      (await tsuchi('GRANT SELECT ON JUMIN.KOJIN TO APP_TSUCHI;\nREVOKE SELECT ON JUMIN.KOJIN FROM APP_TSUCHI;'))
        .classification,
    ).toBe('not-specific');
  });

  it('the schema\'s user owns its objects: an administrator, not a principal that classifies (Database Concepts, "Schema Objects")', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${tables}CREATE USER JUMIN IDENTIFIED BY x;`,
    });
    expect(report.principals).toContainEqual(
      expect.objectContaining({ name: 'JUMIN', kind: 'administrator', reason: 'owner' }),
    );
    expect(report.relations.find((r) => r.name === 'TSUCHI')!.classification).toBe('not-specific');
  });

  it("a view is read with its owner's rights: SELECT on the view is enough (definer's rights)", async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${tables}CREATE VIEW JUMIN.V_BANGO AS SELECT K.ATENA_NO, K.KOJIN_BANGO FROM JUMIN.KOJIN K;\nGRANT SELECT ON JUMIN.V_BANGO TO APP_TSUCHI;`,
    });
    const v = report.relations.find((r) => r.name === 'V_BANGO')!;
    expect(v.classification).toBe('specific');
    expect(v.reachable.map((r) => r.principal)).toContain('APP_TSUCHI');
  });
});

describe('Oracle reader', () => {
  it('splits SQL*Plus scripts: `/` ends PL/SQL units, PROMPT/SET/SPOOL lines are not statements', async () => {
    const r = await read(`prompt Creating table A
set define off
spool x.log
create table A (ID number(10), N varchar2(10));
create or replace procedure P as
begin
  update A set N = 'x';
end;
/
create table B (ID number);
/
spool off
`);
    expect(r.diagnostics).toEqual([]);
    expect(
      r.ops.filter((o) => o.op === 'create-table').map((o) => (o as { name: { name: string } }).name.name),
    ).toEqual(['A', 'B']);
  });

  it('folds unquoted names to upper case and keeps quoted ones (SQL Language Reference, "Database Object Names")', async () => {
    const r = await read('create table jumin.kojin ("atena_no" varchar2(15), Kojin_Bango char(12));');
    const op = r.ops[0] as { name: { schema: string; name: string }; columns: { name: string }[] };
    expect(op.name).toEqual({ schema: 'JUMIN', name: 'KOJIN' });
    expect(op.columns.map((c) => c.name)).toEqual(['atena_no', 'KOJIN_BANGO']);
  });

  it('attaches a 論理名 written after a column (the shared trailing-comment rule); COMMENT ON wins', async () => {
    const r = await read(
      "CREATE TABLE T (\n  KJN_NO CHAR(12) NOT NULL, -- 個人番号\n  ATENA VARCHAR2(15) /* 宛名番号 */\n);\nCOMMENT ON COLUMN T.ATENA IS 'あて名番号';",
    );
    const op = r.ops[0] as { columns: { name: string; comment?: string }[] };
    expect(op.columns.map((c) => [c.name, c.comment])).toEqual([
      ['KJN_NO', '個人番号'],
      ['ATENA', '宛名番号'],
    ]);
    expect(r.ops[1]).toMatchObject({ op: 'comment-column', column: 'ATENA', text: 'あて名番号' });
  });

  it('ALTER SESSION SET CURRENT_SCHEMA places unqualified names', async () => {
    const r = await read('ALTER SESSION SET CURRENT_SCHEMA = JUMIN;\nCREATE TABLE T (A NUMBER);');
    expect((r.ops[1] as { name: unknown }).name).toEqual({ name: 'T', schema: 'JUMIN' });
  });

  it('reads DBMS_RLS.ADD_POLICY with positional arguments and SQL*Plus EXEC', async () => {
    const r = await read("EXEC DBMS_RLS.ADD_POLICY('JUMIN', 'KOJIN', 'P1', 'SEC', 'F', 'SELECT');");
    expect(r.ops).toHaveLength(1);
    expect(r.ops[0]).toMatchObject({
      op: 'product-rule',
      rule: { kind: 'row-filter', name: 'P1', product: 'vpd', table: { name: 'KOJIN', schema: 'JUMIN' } },
    });
  });

  it('warns when a PL/SQL block without its closing `/` swallows the rest of the file', async () => {
    const r = await read('BEGIN\n  NULL;\nEND;\nCREATE TABLE T (A NUMBER);\n');
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-SQL-UNTERMINATED', 1]]);
  });

  it('reads a database link as a cross-database link, quietly (CREATE DATABASE LINK; test/sources/oracle/database-links.test.ts)', async () => {
    const r = await read(
      "CREATE PUBLIC DATABASE LINK BANGO_LINK CONNECT TO BANGO_READER IDENTIFIED BY x USING 'bangodb';",
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.ops[0]).toMatchObject({
      op: 'database-link',
      name: 'BANGO_LINK',
      public: true,
      connect: 'fixed',
      user: 'BANGO_READER',
      using: 'bangodb',
    });
  });

  it('reports a statement kind it does not model, and dynamic SQL, instead of skipping them', async () => {
    const r = await read(
      "CREATE MATERIALIZED ZONEMAP Z ON T (A);\nBEGIN EXECUTE IMMEDIATE 'GRANT SELECT ON T TO U'; END;\n/\n",
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SPIF-SQL-UNSUPPORTED', 'SPIF-SQL-DYNAMIC']);
  });

  it('locates a syntax error and goes on with the next statement', async () => {
    const r = await read('CREATE TABLE A (ID NUMBER;\nCREATE TABLE B (ID NUMBER);');
    expect(r.diagnostics.at(0)).toMatchObject({ severity: 'error', code: 'SPIF-SQL-SYNTAX', line: 1 });
    expect(r.ops.some((o) => o.op === 'create-table' && o.name.name === 'B')).toBe(true);
  });

  it('reads a Shift_JIS (CP932) export through the real pipeline', async () => {
    const sql =
      "CREATE TABLE JUMIN.KOJIN (ATENA_NO VARCHAR2(15), BANGO CHAR(12));\nCOMMENT ON COLUMN JUMIN.KOJIN.BANGO IS '個人番号';\n";
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': iconv.encode(sql, 'cp932'),
    });
    expect(nth(report.relations, 0).columns?.[1]).toEqual({ name: 'BANGO', type: 'CHAR(12)', comment: '個人番号' });
    expect(nth(report.relations, 0).classification).toBe('specific');
  });
});
