/**
 * The SQL Server reader and SQL Server's access semantics: an SSMS "Generate Scripts" export
 * (fixtures/sqlserver, one file UTF-16 as SSMS writes it by default) and small scripts, each rule
 * with the Microsoft Learn page it comes from.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/pipeline.js';
import { sqlServerReader } from '../../../src/sources/sqlserver/reader.js';
import { oneDatabase, scanFiles } from '../vendor/scan-files.js';
import { nth } from '../../../src/indexed.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/sqlserver');

describe('SSMS export fixture (fixtures/sqlserver)', async () => {
  const { report } = await scan({ paths: [FIXTURE], jobs: 1 });
  const rel = (id: string) => report.relations.find((r) => r.id === id)!;

  it('reads the UTF-16 SSMS script without a diagnostic: GO batches, [dbo].[T], ON [PRIMARY], IDENTITY, WITH CHECK ADD', () => {
    expect(report.diagnostics).toEqual([]);
    expect(report.relations.map((r) => r.id).sort()).toEqual([
      'bango.dbo.kojinbango',
      'bango.dbo.shokailog',
      'kyufu.dbo.kyufu',
      'kyufu.dbo.vkyufu',
    ]);
    expect(rel('bango.dbo.shokailog').classification).toBe('specific'); // the FK from WITH CHECK ADD CONSTRAINT
  });

  it('takes the column 論理名 from MS_Description (sp_addextendedproperty) and finds the number by it', () => {
    const k = rel('bango.dbo.kojinbango');
    expect(k.comment).toBe('個人番号管理');
    expect(k.columns?.find((c) => c.name === 'myno')).toEqual({
      name: 'myno',
      writtenName: 'MyNo',
      type: 'char(12)',
      comment: '個人番号',
    });
    // `ALTER TABLE … ADD DEFAULT (sysdatetime()) FOR [KoshinDate]` adds no column
    expect(k.columns?.map((c) => c.name)).toEqual(['atenano', 'myno', 'kakunindate', 'koshindate']);
    expect(k.numberColumns.map((n) => n.column)).toEqual(['myno']);
  });

  it('a masked number column is not read without UNMASK, through a login mapped to another user name per database (Dynamic Data Masking; CREATE USER … FOR LOGIN)', () => {
    const v = rel('kyufu.dbo.vkyufu');
    expect(v.classification).toBe('not-specific');
    expect(v.blocked).toContainEqual(
      expect.objectContaining({ principal: 'kyufu-system', control: 'masked', at: 'bango.dbo.kojinbango.myno' }),
    );
    expect(rel('bango.dbo.kojinbango').assumptions).toContain('mask-inference:bango.dbo.kojinbango.myno');
  });

  it('ownership chaining: SELECT on a dbo view reads its dbo table without a grant on the table (Ownership Chains)', () => {
    expect(rel('kyufu.dbo.vkyufu').blocked.some((b) => b.at === 'kyufu.dbo.kyufu')).toBe(false);
    expect(rel('kyufu.dbo.kyufu').blocked).toContainEqual(
      expect.objectContaining({ principal: '*', control: 'no-table-privilege' }),
    );
  });
});

describe('SQL Server permission rules on small scripts', () => {
  const tables = `
CREATE TABLE dbo.Kojin (AtenaNo varchar(15) PRIMARY KEY, KojinBango char(12));
GO
CREATE TABLE dbo.Tsuchi (TsuchiId int, AtenaNo varchar(15) REFERENCES dbo.Kojin (AtenaNo));
GO
CREATE USER app WITHOUT LOGIN;
CREATE ROLE clerks;
ALTER ROLE clerks ADD MEMBER app;
GRANT SELECT ON dbo.Tsuchi TO app;
GO
`;
  const tsuchi = async (extra: string) => {
    const report = await scanFiles({ 'spif.config.yaml': oneDatabase('sqlserver'), 'db/a.sql': tables + extra });
    expect(report.diagnostics).toEqual([]);
    return report.relations.find((r) => r.name === 'tsuchi')!;
  };

  it('a GRANT to a role reaches its members (ALTER ROLE … ADD MEMBER)', async () => {
    expect((await tsuchi('GRANT SELECT ON dbo.Kojin TO clerks;')).classification).toBe('specific');
  });

  it('DENY to the user wins over a GRANT to its role (DENY: "takes precedence over all permissions")', async () => {
    const t = await tsuchi('GRANT SELECT ON dbo.Kojin TO clerks;\nDENY SELECT ON dbo.Kojin TO app;');
    expect(t.classification).toBe('not-specific');
    expect(t.blocked).toContainEqual(
      expect.objectContaining({ principal: 'app', control: 'denied', at: 'db.dbo.kojin' }),
    );
  });

  it('DENY on the schema wins over a GRANT on the table (Permissions hierarchy)', async () => {
    // app may no longer read dbo.Tsuchi itself: nobody reads it
    const t = await tsuchi('GRANT SELECT ON dbo.Kojin TO app;\nDENY SELECT ON SCHEMA::dbo TO clerks;');
    expect(t.classification).toBe('not-specific');
    expect(t.blocked).toEqual([expect.objectContaining({ principal: '*' })]);
  });

  it('a column-level GRANT is not overridden by a table-level DENY (DENY Object Permissions, Caution)', async () => {
    expect(
      (await tsuchi('DENY SELECT ON dbo.Kojin TO app;\nGRANT SELECT ON dbo.Kojin (AtenaNo, KojinBango) TO app;'))
        .classification,
    ).toBe('specific');
  });

  it('a column-level DENY after a table GRANT stops that column only', async () => {
    const t = await tsuchi('GRANT SELECT ON dbo.Kojin TO app;\nDENY SELECT ON dbo.Kojin (KojinBango) TO app;');
    expect(t.blocked).toContainEqual(
      expect.objectContaining({ principal: 'app', control: 'denied', at: 'db.dbo.kojin.kojinbango' }),
    );
  });

  it('a later table-level GRANT replaces the column-level DENY (order effect; assumption in docs/access-control.md)', async () => {
    expect(
      (await tsuchi('DENY SELECT ON dbo.Kojin (KojinBango) TO app;\nGRANT SELECT ON dbo.Kojin TO app;')).classification,
    ).toBe('specific');
  });

  it('REVOKE removes a DENY as it removes a GRANT (REVOKE)', async () => {
    expect(
      (
        await tsuchi(
          'GRANT SELECT ON dbo.Kojin TO clerks;\nDENY SELECT ON dbo.Kojin TO app;\nREVOKE SELECT ON dbo.Kojin FROM app;',
        )
      ).classification,
    ).toBe('specific');
  });

  it('GRANT SELECT ON SCHEMA:: reads every table of the schema (GRANT Schema Permissions)', async () => {
    expect((await tsuchi('GRANT SELECT ON SCHEMA::dbo TO clerks;')).classification).toBe('specific');
  });

  it('db_datareader reads every table; db_denydatareader denies them all (Database-level roles)', async () => {
    const reach = async (script: string) =>
      (await tsuchi(script)).reachable.map((r) => r.principal).filter((p) => p === 'app' || p === 'clerks');
    expect(await reach("EXEC sp_addrolemember N'db_datareader', N'app';")).toEqual(['app']);
    // app is a member of clerks: DENY through db_denydatareader wins (the role db_datareader itself
    // is still a principal that reads: a member not denied would)
    expect(
      await reach("EXEC sp_addrolemember N'db_datareader', N'app';\nALTER ROLE db_denydatareader ADD MEMBER clerks;"),
    ).toEqual([]);
  });

  it('a GRANT to public reaches every user (public database role)', async () => {
    expect((await tsuchi('GRANT SELECT ON dbo.Kojin TO public;')).classification).toBe('specific');
  });

  it('a broken ownership chain checks the caller on the base table (Ownership Chains)', async () => {
    const script = `${tables}CREATE SCHEMA sec AUTHORIZATION secowner;
GO
CREATE TABLE sec.Bango (AtenaNo varchar(15), KojinBango char(12));
GO
CREATE VIEW dbo.vBango AS SELECT b.AtenaNo, b.KojinBango FROM sec.Bango AS b;
GO
GRANT SELECT ON dbo.vBango TO app;
GO
`;
    const report = await scanFiles({ 'spif.config.yaml': oneDatabase('sqlserver'), 'db/a.sql': script });
    expect(report.diagnostics).toEqual([]);
    // the view exposes the number, but app cannot read it through the broken chain
    expect(report.relations.find((r) => r.name === 'vbango')!.reachable.map((x) => x.principal)).not.toContain('app');
    const granted = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${script}GRANT SELECT ON sec.Bango TO app;\n`,
    });
    expect(granted.relations.find((r) => r.name === 'vbango')!.reachable.map((x) => x.principal)).toContain('app');
  });

  it('a security policy FILTER predicate is an assumption, not a block (CREATE SECURITY POLICY)', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${tables}GRANT SELECT ON dbo.Kojin TO app;\nGO\nCREATE SECURITY POLICY sec.KojinFilter ADD FILTER PREDICATE sec.fn_tanto(AtenaNo) ON dbo.Kojin WITH (STATE = ON);`,
    });
    expect(report.relations.find((r) => r.name === 'tsuchi')!.classification).toBe('specific');
    expect(report.relations.find((r) => r.name === 'kojin')!.assumptions).toContain(
      'row-filter-unevaluated:mssql-security-policy:sec.kojinfilter:db.dbo.kojin',
    );
  });

  it('UNMASK lets a user read a masked column (Dynamic Data Masking, "Permissions")', async () => {
    const masked =
      'GRANT SELECT ON dbo.Kojin TO app;\nALTER TABLE dbo.Kojin ALTER COLUMN KojinBango ADD MASKED WITH (FUNCTION = \'partial(0,"XXXXXXXX",4)\');';
    expect((await tsuchi(masked)).blocked).toContainEqual(expect.objectContaining({ control: 'masked' }));
    expect((await tsuchi(`${masked}\nGRANT UNMASK TO clerks;`)).classification).toBe('specific');
  });
});

describe('SQL Server reader', () => {
  const read = (text: string) => sqlServerReader.read({ path: 'x.sql', text }, { dialect: 'sqlserver' });

  it('splits statements without semicolons inside one GO batch', async () => {
    const r = await read(
      'CREATE TABLE dbo.A (ID int)\nCREATE TABLE dbo.B (ID int)\nGRANT SELECT ON dbo.A TO u\nGO 2\n',
    );
    expect(r.diagnostics).toEqual([]);
    // written-names: `A`, `B` and `ID` as written, for display (the catalog folds them)
    expect(r.ops.map((o) => o.op)).toEqual(['create-table', 'create-table', 'product-rule', 'grant', 'written-names']);
  });

  it('reads positional sp_addextendedproperty arguments (AdventureWorks style)', async () => {
    const r = await read(
      "EXEC sp_addextendedproperty N'MS_Description', N'個人番号', 'SCHEMA', N'dbo', 'TABLE', N'Kojin', 'COLUMN', N'MyNo'",
    );
    expect(r.ops).toEqual([
      expect.objectContaining({
        op: 'comment-column',
        table: { schema: 'dbo', name: 'kojin' },
        column: 'myno',
        text: '個人番号',
      }),
    ]);
  });

  it('reports dynamic SQL; reads an EXECUTE grant as one (the routine is an unknown path: test/sources/vendor/routines.test.ts)', async () => {
    const r = await read(
      "EXEC sp_executesql N'GRANT SELECT ON dbo.A TO u'\nGO\nGRANT EXECUTE ON dbo.uspGetBango TO app\nGO\n",
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(['SPIF-SQL-DYNAMIC']);
    expect(r.ops).toContainEqual(
      expect.objectContaining({ op: 'grant', privileges: [{ privilege: 'EXECUTE' }], grantees: ['app'] }),
    );
  });

  it('reads a procedure for its rights only, and passes over triggers and session settings without a word', async () => {
    const r = await read(
      'SET NOCOUNT ON\nGO\nCREATE PROCEDURE dbo.p AS\nBEGIN\n  SELECT 1\n  UPDATE dbo.A SET x = 1\nEND\nGO\nCREATE TRIGGER dbo.t ON dbo.A AFTER INSERT AS SELECT 1\nGO\n',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.ops.map((o) => o.op).filter((o) => o !== 'written-names')).toEqual(['create-function']);
  });
});

describe('SQL Server administrators', () => {
  it('a schema owner and the members of db_owner (also through a role) are administrators, not principals (Ownership and user-schema separation; Database-level roles)', async () => {
    // https://learn.microsoft.com/sql/relational-databases/security/authentication-access/ownership-and-user-schema-separation
    // https://learn.microsoft.com/sql/relational-databases/security/authentication-access/database-level-roles
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `CREATE USER kyufu_owner WITHOUT LOGIN;
GO
CREATE USER ops WITHOUT LOGIN;
GO
CREATE USER dba WITHOUT LOGIN;
GO
CREATE USER app WITHOUT LOGIN;
GO
CREATE ROLE admins;
GO
CREATE SCHEMA kyufu AUTHORIZATION kyufu_owner;
GO
CREATE TABLE kyufu.kojin (atena_no nvarchar(15) PRIMARY KEY, kojin_bango nchar(12));
GO
ALTER ROLE db_owner ADD MEMBER ops;
GO
ALTER ROLE admins ADD MEMBER dba;
GO
EXEC sp_addrolemember N'db_owner', N'admins';
GO
GRANT SELECT ON kyufu.kojin TO app;
GO
`,
    });
    expect(report.diagnostics).toEqual([]);
    const admins = report.principals.filter((p) => p.kind === 'administrator').map((p) => [p.name, p.reason]);
    expect(admins.sort()).toEqual([
      ['admins', 'db_owner'],
      ['db_owner', 'db_owner'],
      ['dba', 'db_owner'],
      ['kyufu_owner', 'owner'],
      ['ops', 'db_owner'],
    ]);
    expect(nth(report.relations, 0).reachable.map((r) => r.principal)).toEqual(['app']);
  });
});
