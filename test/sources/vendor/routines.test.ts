/**
 * Stored routines of SQL Server and Db2 with their rights (src/sources/vendor/routine.ts), through
 * the real pipeline; Oracle's are the rule fixture fixtures/rules/vendor-routines. Bodies are not
 * read, so a routine that runs with other rights than the caller's is an explicit unknown path
 * (`unknown-path:…`) for whoever may execute it. Documentation:
 * - SQL Server: Microsoft Learn, "Ownership Chains" (https://learn.microsoft.com/sql/relational-databases/security/ownership-chains)
 *   and "EXECUTE AS Clause (Transact-SQL)" (https://learn.microsoft.com/sql/t-sql/statements/execute-as-clause-transact-sql);
 *   "GRANT Object Permissions", "GRANT Schema Permissions" for EXECUTE.
 * - Db2 11.5: "Authorization IDs and routines" / "GRANT (routine, method or module privileges)"
 *   (https://www.ibm.com/docs/en/db2/11.5?topic=statements-grant-routine-method-module-privileges).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../../helpers/bin.js';
import { oneDatabase, scanFiles } from './scan-files.js';

const unknownPaths = (report: Awaited<ReturnType<typeof scanFiles>>, name: string) =>
  report.relations.find((r) => r.name === name)!.assumptions.filter((a) => a.startsWith('unknown-path:'));

describe('SQL Server procedures and functions', () => {
  const tables = `CREATE USER app WITHOUT LOGIN;
GO
CREATE TABLE dbo.kojin (atena_no nvarchar(15) PRIMARY KEY, kojin_bango nchar(12));
GO
`;
  const scanWith = (extra: string) =>
    scanFiles({ 'spif.config.yaml': oneDatabase('sqlserver'), 'db/a.sql': `${tables}${extra}` });

  it('a procedure the caller may EXECUTE reads the owner’s tables through ownership chaining: an unknown path', async () => {
    const report = await scanWith(
      "CREATE PROCEDURE dbo.get_bango @atena nvarchar(15) AS EXEC sp_executesql N'SELECT kojin_bango FROM dbo.kojin WHERE atena_no = @a', N'@a nvarchar(15)', @atena;\nGO\nGRANT EXECUTE ON OBJECT::dbo.get_bango TO app;\nGO\n",
    );
    expect(unknownPaths(report, 'kojin')).toEqual([
      "unknown-path:db.dbo.get_bango():the procedure body is not read — sp_executesql (dynamic SQL) is not followed (EXECUTE AS CALLER, with ownership chaining — the owner's objects it reads are not checked for the caller):app",
    ]);
  });

  it('EXECUTE on the schema (GRANT EXECUTE ON SCHEMA::) reaches its procedures; EXECUTE AS names whose rights', async () => {
    const report = await scanWith(
      "CREATE OR ALTER PROCEDURE dbo.p WITH EXECUTE AS OWNER AS EXEC('SELECT 1');\nGO\nGRANT EXECUTE ON SCHEMA::dbo TO app;\nGO\n",
    );
    expect(unknownPaths(report, 'kojin')).toEqual([
      'unknown-path:db.dbo.p():the procedure body is not read — EXEC of dynamic SQL is not followed (EXECUTE AS OWNER):app',
    ]);
  });

  it('no EXECUTE, or EXECUTE revoked: no one runs it, no path', async () => {
    const none = await scanWith("CREATE PROCEDURE dbo.p AS EXEC('SELECT 1');\nGO\n");
    expect(unknownPaths(none, 'kojin')).toEqual([]);
    const revoked = await scanWith(
      "CREATE PROCEDURE dbo.p AS EXEC('SELECT 1');\nGO\nGRANT EXECUTE ON dbo.p TO app;\nGO\nREVOKE EXECUTE ON dbo.p FROM app;\nGO\n",
    );
    expect(unknownPaths(revoked, 'kojin')).toEqual([]);
  });

  // "DENY Object Permissions (Transact-SQL)": a DENY to the user, to a role it belongs to or to
  // public takes precedence over every GRANT, and does not apply to the object's owner (dbo).
  // https://learn.microsoft.com/sql/t-sql/statements/deny-object-permissions-transact-sql
  const proc = "CREATE PROCEDURE dbo.p AS EXEC('SELECT kojin_bango FROM dbo.kojin');\nGO\n";
  const withRole = 'CREATE ROLE kyufu;\nGO\nALTER ROLE kyufu ADD MEMBER app;\nGO\n';
  const executors = async (extra: string) => {
    const paths = unknownPaths(await scanWith(`${proc}${extra}`), 'kojin');
    return paths.map((p) => p.split(':').pop());
  };

  it('DENY EXECUTE to a role the user belongs to wins over the GRANT to the user', async () => {
    expect(await executors(`${withRole}GRANT EXECUTE ON dbo.p TO app;\nGO\n`)).toEqual(['app']);
    expect(
      await executors(`${withRole}GRANT EXECUTE ON dbo.p TO app;\nGO\nDENY EXECUTE ON dbo.p TO kyufu;\nGO\n`),
    ).toEqual([]);
  });

  it('DENY EXECUTE on the schema wins over the GRANT on the procedure; DENY to public over everyone', async () => {
    expect(
      await executors(`GRANT EXECUTE ON OBJECT::dbo.p TO app;\nGO\nDENY EXECUTE ON SCHEMA::dbo TO app;\nGO\n`),
    ).toEqual([]);
    expect(await executors(`GRANT EXECUTE ON dbo.p TO app;\nGO\nDENY EXECUTE ON dbo.p TO public;\nGO\n`)).toEqual([]);
  });

  it('a later GRANT to the same principal replaces its DENY; REVOKE removes the DENY', async () => {
    expect(
      await executors(`${withRole}DENY EXECUTE ON dbo.p TO kyufu;\nGO\nGRANT EXECUTE ON dbo.p TO kyufu;\nGO\n`),
    ).toEqual(['app, kyufu']);
    expect(
      await executors(
        `${withRole}GRANT EXECUTE ON dbo.p TO app;\nGO\nDENY EXECUTE ON dbo.p TO kyufu;\nGO\nREVOKE EXECUTE ON dbo.p FROM kyufu;\nGO\n`,
      ),
    ).toEqual(['app']);
  });
});

describe('Db2 routines', () => {
  const tables = `CREATE TABLE K.KOJIN (ATENA_NO VARCHAR(15) NOT NULL PRIMARY KEY, KOJIN_BANGO CHAR(12));
GRANT SELECT ON TABLE K.KOJIN TO USER OWNER1;
`;
  it('a procedure runs its static SQL as the definer: EXECUTE makes it an unknown path; REVOKE ends it', async () => {
    const body = `CREATE OR REPLACE PROCEDURE K.GET_BANGO (IN P VARCHAR(15), OUT B CHAR(12))
LANGUAGE SQL
BEGIN
  CALL K.AUDIT_LOG(P);
  SELECT KOJIN_BANGO INTO B FROM K.KOJIN WHERE ATENA_NO = P;
END;
GRANT EXECUTE ON PROCEDURE K.GET_BANGO TO USER APP;
`;
    const report = await scanFiles({ 'spif.config.yaml': oneDatabase('db2'), 'db/a.sql': tables + body });
    expect(unknownPaths(report, 'KOJIN')).toEqual([
      "unknown-path:db.K.GET_BANGO(VARCHAR, CHAR):the procedure body is not read — it calls K.AUDIT_LOG (passing P), which is not defined in the sources — what it does with them is not known (static SQL runs with its package owner's (the definer's) authorization):APP",
    ]);
    const revoked = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${tables}${body}REVOKE EXECUTE ON PROCEDURE K.GET_BANGO FROM USER APP;\n`,
    });
    expect(unknownPaths(revoked, 'KOJIN')).toEqual([]);
  });
});

/**
 * Bodies read (src/sources/vendor/routine-body.ts): what a routine hands back — result sets, a
 * RETURN value, OUT parameters — carries the columns its queries read, and whoever may EXECUTE it
 * reads them with the rights the body runs with. Documentation:
 * - SQL Server: "CREATE PROCEDURE (Transact-SQL)" (result sets, OUTPUT parameters) and "Ownership
 *   Chains" (https://learn.microsoft.com/sql/relational-databases/security/ownership-chains): "When an
 *   object is accessed through a chain, SQL Server first compares the owner of the object to the
 *   owner of the calling object … If the owners are the same, permissions on the referenced object
 *   are not evaluated"; "EXECUTE AS Clause (Transact-SQL)" for OWNER.
 * - Oracle: PL/SQL Language Reference 19c, "SELECT INTO Statement", "RETURN Statement" and
 *   "Invoker's Rights and Definer's Rights (AUTHID Property)" (https://docs.oracle.com/en/database/oracle/oracle-database/19/lnpls/invokers-rights-and-definers-rights-authid-property.html).
 * - Db2 11.5: "DECLARE CURSOR statement" (WITH RETURN: the result set goes to the caller) and
 *   "Authorization IDs and routines" (static SQL runs as the package owner).
 */
describe('routine bodies read', () => {
  const relation = (report: Awaited<ReturnType<typeof scanFiles>>, name: string) =>
    report.relations.find((r) => r.name === name)!;
  const readers = (report: Awaited<ReturnType<typeof scanFiles>>, name: string) =>
    relation(report, name).reachable.map((x) => `${x.principal} ${x.numberColumn}`);
  const unanalysed = (report: Awaited<ReturnType<typeof scanFiles>>) =>
    report.diagnostics.filter((d) => d.code === 'SPIF-FUNCTION-UNANALYSED');

  const sqlServer = (extra: string) =>
    scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `CREATE USER app WITHOUT LOGIN;
GO
CREATE TABLE dbo.kojin (atena_no nvarchar(15) PRIMARY KEY, kojin_bango nchar(12));
GO
${extra}`,
    });
  const getBango = `CREATE PROCEDURE dbo.get_bango @atena nvarchar(15), @found int OUTPUT
AS
BEGIN
  SET NOCOUNT ON;
  DECLARE @n int
  SELECT @n = COUNT(*) FROM dbo.kojin WHERE atena_no = @atena
  SET @found = @n
  SELECT k.kojin_bango AS bango FROM dbo.kojin AS k WHERE k.atena_no = @atena
  RETURN 0
END
GO
`;

  it('SQL Server: a result set carries the column it selects; EXECUTE reads it through the unbroken chain', async () => {
    const report = await sqlServer(`${getBango}GRANT EXECUTE ON dbo.get_bango TO app;\nGO\n`);
    expect(unanalysed(report)).toEqual([]);
    const fn = relation(report, 'get_bango()');
    // what it returns, then the input parameter (compared with atena_no: it links that column)
    expect(fn.columns!.map((c) => c.name)).toEqual(['bango', '@found', '@atena']);
    expect(fn.basis).toBe('holds-number');
    expect(readers(report, 'get_bango()')).toContain('app db.dbo.get_bango().bango');
    // app has no SELECT on the table: only the procedure hands the number out, and no unknown path is left
    expect(readers(report, 'kojin')).not.toContainEqual(expect.stringMatching(/^app /));
    expect(unknownPaths(report, 'kojin')).toEqual([]);
  });

  it('SQL Server: without EXECUTE nobody reads the result; a broken chain checks the caller, EXECUTE AS OWNER the owner', async () => {
    const none = await sqlServer(getBango);
    expect(readers(none, 'get_bango()')).not.toContainEqual(expect.stringMatching(/^app /));
    const otherOwner = `CREATE USER bango_owner WITHOUT LOGIN;
GO
CREATE SCHEMA bango AUTHORIZATION bango_owner;
GO
CREATE TABLE bango.kojin2 (atena_no nvarchar(15) PRIMARY KEY, kojin_bango nchar(12));
GO
`;
    const proc = (rights: string) =>
      `CREATE PROCEDURE dbo.p ${rights}AS SELECT kojin_bango FROM bango.kojin2;\nGO\nGRANT EXECUTE ON dbo.p TO app;\nGO\n`;
    const broken = await sqlServer(otherOwner + proc(''));
    expect(readers(broken, 'p()')).not.toContainEqual(expect.stringMatching(/^app /));
    const asOwner = await sqlServer(otherOwner + proc('WITH EXECUTE AS OWNER '));
    // dbo owns the procedure; as dbo (the database owner) the body reads bango.kojin2
    expect(readers(asOwner, 'p()')).toContain('app db.dbo.p().kojin_bango');
  });

  const oracle = (authid: string) =>
    scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `CREATE TABLE BANGO.KOJIN (ATENA_NO VARCHAR2(15) PRIMARY KEY, KOJIN_BANGO CHAR(12));
CREATE OR REPLACE FUNCTION BANGO.GET_BANGO (P_ATENA IN VARCHAR2) RETURN CHAR ${authid}IS
  V_BANGO CHAR(12);
BEGIN
  SELECT KOJIN_BANGO INTO V_BANGO FROM BANGO.KOJIN WHERE ATENA_NO = P_ATENA;
  RETURN V_BANGO;
END GET_BANGO;
/
GRANT EXECUTE ON BANGO.GET_BANGO TO APP;
`,
    });

  it('Oracle: SELECT INTO and RETURN carry the column; definer rights read it, invoker rights need the caller’s SELECT', async () => {
    const definer = await oracle('');
    expect(unanalysed(definer)).toEqual([]);
    expect(relation(definer, 'GET_BANGO()').columns!.map((c) => c.name)).toEqual(['GET_BANGO', 'P_ATENA']);
    expect(readers(definer, 'GET_BANGO()')).toContain('APP db.BANGO.GET_BANGO().GET_BANGO');
    const invoker = await oracle('AUTHID CURRENT_USER ');
    expect(readers(invoker, 'GET_BANGO()')).not.toContainEqual(expect.stringMatching(/^APP /));
  });

  it('Db2: a cursor WITH RETURN and an OUT parameter are what the caller receives, read as the definer', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `CREATE TABLE K.KOJIN (ATENA_NO VARCHAR(15) NOT NULL PRIMARY KEY, KOJIN_BANGO CHAR(12));
CREATE PROCEDURE K.LIST_BANGO (IN P VARCHAR(15), OUT B CHAR(12))
LANGUAGE SQL
DYNAMIC RESULT SETS 1
P1: BEGIN
  DECLARE C1 CURSOR WITH RETURN TO CALLER FOR SELECT ATENA_NO, KOJIN_BANGO FROM K.KOJIN;
  SELECT KOJIN_BANGO INTO B FROM K.KOJIN WHERE ATENA_NO = P;
  OPEN C1;
END P1;
GRANT EXECUTE ON PROCEDURE K.LIST_BANGO TO USER APP;
`,
    });
    expect(unanalysed(report)).toEqual([]);
    expect(relation(report, 'LIST_BANGO(VARCHAR, CHAR)').columns!.map((c) => c.name)).toEqual([
      'ATENA_NO',
      'KOJIN_BANGO',
      'B',
      'P',
    ]);
    // B holds what SELECT … INTO B read: the number, as the result set's KOJIN_BANGO does
    expect(relation(report, 'LIST_BANGO(VARCHAR, CHAR)').numberColumns.map((n) => n.column)).toEqual([
      'KOJIN_BANGO',
      'B',
    ]);
    expect(readers(report, 'LIST_BANGO(VARCHAR, CHAR)')).toEqual(['APP db.K.LIST_BANGO(VARCHAR, CHAR).KOJIN_BANGO']);
  });

  /**
   * Roles are disabled inside a definer's rights unit and enabled in an invoker's rights one:
   * "Within a definer's rights subprogram, all roles are disabled. Roles are not used for
   * privilege checking … Within an invoker's rights subprogram, roles are enabled"
   * (Object-Relational Developer's Guide, "Roles with Invoker's Rights Subprograms",
   * https://docs.oracle.com/en/database/oracle/oracle-database/26/adobj/roles-with-invokers-rights-subprograms.html);
   * "The privileges of the procedure's definer must be granted directly to the procedure owner,
   * not granted through roles" (Security Guide 19c, "How Procedure Privileges Affect Definer's
   * Rights", https://docs.oracle.com/en/database/oracle/oracle-database/19/dbseg/how-procedure-privileges-affect-definers-rights.html).
   */
  const throughRole = (authid: string, grants: string, body?: string) =>
    scanFiles({ 'spif.config.yaml': oneDatabase('oracle'), 'db/a.sql': ORACLE_THROUGH_ROLE(authid, grants, body) });
  const ORACLE_THROUGH_ROLE = (
    authid: string,
    grants: string,
    body = 'SELECT KOJIN_BANGO INTO V_BANGO FROM BANGO.KOJIN WHERE ATENA_NO = P_ATENA;',
  ) => `CREATE TABLE BANGO.KOJIN (ATENA_NO VARCHAR2(15) PRIMARY KEY, KOJIN_BANGO CHAR(12));
CREATE ROLE BANGO_READER;
GRANT SELECT ON BANGO.KOJIN TO BANGO_READER;
GRANT BANGO_READER TO SVC;
CREATE OR REPLACE FUNCTION SVC.GET_BANGO (P_ATENA IN VARCHAR2) RETURN CHAR ${authid}IS
  V_BANGO CHAR(12);
BEGIN
  ${body}
  RETURN V_BANGO;
END GET_BANGO;
/
GRANT EXECUTE ON SVC.GET_BANGO TO APP;
${grants}`;

  it('Oracle: a definer’s rights function whose owner holds SELECT only through a role reads nothing; granted directly it does', async () => {
    const viaRole = await throughRole('', '');
    expect(readers(viaRole, 'GET_BANGO()')).not.toContainEqual(expect.stringMatching(/^APP /));
    // why, as `spif explain` tells it (APP reads no column of it, so the scan lists no block)
    const dir = mkdtempSync(path.join(tmpdir(), 'spif-definer-'));
    try {
      mkdirSync(path.join(dir, 'db'));
      writeFileSync(path.join(dir, 'spif.config.yaml'), oneDatabase('oracle'));
      writeFileSync(path.join(dir, 'db', 'a.sql'), ORACLE_THROUGH_ROLE('', ''));
      const explain = await runBin(['explain', 'db.SVC.GET_BANGO()', '.', '--lang', 'en'], dir);
      expect(explain.stdout).toContain(
        "APP: no table privilege — blocked at db.BANGO.KOJIN (db.SVC.GET_BANGO() runs with its owner SVC's rights (definer's rights), where roles are disabled: SVC holds SELECT on db.BANGO.KOJIN only through a role)",
      );
      const ja = await runBin(['explain', 'db.SVC.GET_BANGO()', '.', '--lang', 'ja'], dir);
      expect(ja.stdout).toContain(
        'db.SVC.GET_BANGO() は所有者 SVC の権限（定義者権限）で実行され、そこではロールが無効になる',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const direct = await throughRole('', 'GRANT SELECT ON BANGO.KOJIN TO SVC;\n');
    expect(readers(direct, 'GET_BANGO()')).toContain('APP db.SVC.GET_BANGO().GET_BANGO');
    // a grant to PUBLIC is no role's: the definer has it
    const pub = await throughRole('', 'GRANT SELECT ON BANGO.KOJIN TO PUBLIC;\n');
    expect(readers(pub, 'GET_BANGO()')).toContain('APP db.SVC.GET_BANGO().GET_BANGO');
  });

  it('Oracle: an invoker’s rights function reads with the caller’s enabled roles', async () => {
    const noRole = await throughRole('AUTHID CURRENT_USER ', '');
    expect(readers(noRole, 'GET_BANGO()')).not.toContainEqual(expect.stringMatching(/^APP /));
    const withRole = await throughRole('AUTHID CURRENT_USER ', 'GRANT BANGO_READER TO APP;\n');
    expect(readers(withRole, 'GET_BANGO()')).toContain('APP db.SVC.GET_BANGO().GET_BANGO');
  });

  it('Oracle: an unread definer’s rights body is an unknown path only on what its owner holds directly', async () => {
    const dynamic =
      "EXECUTE IMMEDIATE 'SELECT KOJIN_BANGO FROM BANGO.KOJIN WHERE ATENA_NO = :1' INTO V_BANGO USING P_ATENA;";
    const viaRole = await throughRole('', '', dynamic);
    expect(unanalysed(viaRole)).toHaveLength(1);
    expect(unknownPaths(viaRole, 'KOJIN')).toEqual([]);
    const direct = await throughRole('', 'GRANT SELECT ON BANGO.KOJIN TO SVC;\n', dynamic);
    expect(unknownPaths(direct, 'KOJIN')).toEqual([
      expect.stringMatching(/^unknown-path:db\.SVC\.GET_BANGO\(\):.*:APP$/),
    ]);
  });

  /**
   * Oracle packages (PL/SQL Language Reference 19c, "PL/SQL Packages": "CREATE PACKAGE Statement",
   * "CREATE PACKAGE BODY Statement"; https://docs.oracle.com/en/database/oracle/oracle-database/19/lnpls/plsql-packages.html):
   * each subprogram of the body is read on its own; overloads ("Overloaded Subprograms": same
   * name, different formal parameters) are told apart by their parameter types; EXECUTE is
   * granted on the package; the AUTHID is the specification's; items declared only in the body
   * are private to it.
   */
  const PKG_SPEC = (
    authid: string,
  ) => `CREATE TABLE JUMIN.KOJIN (ATENA_NO VARCHAR2(15) PRIMARY KEY, SHIMEI VARCHAR2(100), KOJIN_BANGO CHAR(12));
CREATE OR REPLACE EDITIONABLE PACKAGE "JUMIN"."PKG_BANGO" ${authid}AS
  FUNCTION GET_BANGO (P_ATENA IN VARCHAR2) RETURN CHAR;
  FUNCTION GET_BANGO (P_ID IN NUMBER, P_KUBUN IN VARCHAR2) RETURN VARCHAR2;
  FUNCTION COUNT_CALLS RETURN NUMBER;
END PKG_BANGO;
/
GRANT EXECUTE ON JUMIN.PKG_BANGO TO APP;
`;
  const PKG_BODY = `CREATE OR REPLACE PACKAGE BODY "JUMIN"."PKG_BANGO" AS
  G_CALLS NUMBER := 0;

  FUNCTION GET_BANGO (P_ATENA IN VARCHAR2) RETURN CHAR IS
    V_BANGO CHAR(12);
  BEGIN
    SELECT KOJIN_BANGO INTO V_BANGO FROM JUMIN.KOJIN WHERE ATENA_NO = P_ATENA;
    RETURN V_BANGO;
  END GET_BANGO;

  FUNCTION GET_BANGO (P_ID IN NUMBER, P_KUBUN IN VARCHAR2) RETURN VARCHAR2 IS
    V_SHIMEI VARCHAR2(100);
  BEGIN
    FOR R IN (SELECT SHIMEI FROM JUMIN.KOJIN) LOOP
      V_SHIMEI := R.SHIMEI;
    END LOOP;
    SELECT SHIMEI INTO V_SHIMEI FROM JUMIN.KOJIN WHERE ATENA_NO = P_KUBUN;
    RETURN V_SHIMEI;
  END GET_BANGO;

  FUNCTION COUNT_CALLS RETURN NUMBER IS
  BEGIN
    RETURN G_CALLS;
  END;

  PROCEDURE LOG_BANGO (P_ATENA IN VARCHAR2, P_BANGO OUT CHAR) IS
  BEGIN
    SELECT KOJIN_BANGO INTO P_BANGO FROM JUMIN.KOJIN WHERE ATENA_NO = P_ATENA;
  END LOG_BANGO;
END PKG_BANGO;
/
`;
  const pkgConfig = `${oneDatabase('oracle')}files:\n  - name: 住民ファイル\n    relations: ["db.JUMIN.*"]\n`;
  const routinesOf = (report: Awaited<ReturnType<typeof scanFiles>>) =>
    report.relations.filter((r) => r.kind === 'function').map((r) => r.id);

  it('Oracle package body: each subprogram and each overload is a routine of its own, with the package’s EXECUTE', async () => {
    // the body's file comes first: the specification's AUTHID and EXECUTE still reach its subprograms
    const report = await scanFiles({
      'spif.config.yaml': pkgConfig,
      'db/a_body.sql': PKG_BODY,
      'db/b_spec.sql': PKG_SPEC(''),
    });
    // LOG_BANGO is declared only in the body: private, no routine of its own; the specification gives way to the subprograms
    expect(routinesOf(report).sort()).toEqual([
      'db.JUMIN.PKG_BANGO.COUNT_CALLS()',
      'db.JUMIN.PKG_BANGO.GET_BANGO(NUMBER, VARCHAR2)',
      'db.JUMIN.PKG_BANGO.GET_BANGO(VARCHAR2)',
    ]);
    // the overload on VARCHAR2 returns the number to APP (EXECUTE on the package, definer's rights)
    expect(readers(report, 'PKG_BANGO.GET_BANGO(VARCHAR2)')).toEqual([
      'APP db.JUMIN.PKG_BANGO.GET_BANGO(VARCHAR2).GET_BANGO',
    ]);
    // the other one has a cursor FOR loop: not read, and named as the reason; its own unknown path
    expect(
      unanalysed(report)
        .map((d) => d.message)
        .sort(),
    ).toEqual([
      expect.stringMatching(
        /^function db\.JUMIN\.PKG_BANGO\.COUNT_CALLS\(\): .*uses G_CALLS, declared in package PKG_BANGO outside this subprogram/,
      ),
      expect.stringMatching(
        /^function db\.JUMIN\.PKG_BANGO\.GET_BANGO\(NUMBER, VARCHAR2\): the function body is not read: the body's FOR statement is not read/,
      ),
    ]);
    expect(
      unknownPaths(report, 'KOJIN')
        .map((a) => a.split(':')[1])
        .sort(),
    ).toEqual(['db.JUMIN.PKG_BANGO.COUNT_CALLS()', 'db.JUMIN.PKG_BANGO.GET_BANGO(NUMBER, VARCHAR2)']);
    // a config pattern's relation part is the whole subprogram name, dots included
    expect(report.files[0]!.relations).toContain('db.JUMIN.PKG_BANGO.GET_BANGO(VARCHAR2)');
  });

  it('Oracle package: AUTHID CURRENT_USER on the specification makes every subprogram read as its caller', async () => {
    const report = await scanFiles({
      'spif.config.yaml': pkgConfig,
      'db/a_body.sql': PKG_BODY,
      'db/b_spec.sql': PKG_SPEC('AUTHID CURRENT_USER '),
    });
    expect(readers(report, 'PKG_BANGO.GET_BANGO(VARCHAR2)')).toEqual([]);
    // an unread invoker's rights body is no path
    expect(unknownPaths(report, 'KOJIN')).toEqual([]);
  });

  it('Oracle package: REVOKE EXECUTE on the package takes it from every subprogram; without a body the specification is the unread routine', async () => {
    const revoked = await scanFiles({
      'spif.config.yaml': pkgConfig,
      'db/a.sql': `${PKG_SPEC('')}${PKG_BODY}REVOKE EXECUTE ON JUMIN.PKG_BANGO FROM APP;\n`,
    });
    expect(readers(revoked, 'PKG_BANGO.GET_BANGO(VARCHAR2)')).toEqual([]);
    expect(unknownPaths(revoked, 'KOJIN')).toEqual([]);
    const specOnly = await scanFiles({ 'spif.config.yaml': pkgConfig, 'db/a.sql': PKG_SPEC('') });
    expect(routinesOf(specOnly)).toEqual(['db.JUMIN.PKG_BANGO()']);
    expect(unanalysed(specOnly).map((d) => d.message)).toEqual([
      expect.stringContaining('the package body is not in the sources'),
    ]);
    expect(unknownPaths(specOnly, 'KOJIN')).toEqual([
      expect.stringMatching(/^unknown-path:db\.JUMIN\.PKG_BANGO\(\):.*:APP$/),
    ]);
  });
});
