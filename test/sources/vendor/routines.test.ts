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
import { describe, expect, it } from 'vitest';
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
      'CREATE PROCEDURE dbo.get_bango @atena nvarchar(15) AS SELECT kojin_bango FROM dbo.kojin WHERE atena_no = @atena;\nGO\nGRANT EXECUTE ON OBJECT::dbo.get_bango TO app;\nGO\n',
    );
    expect(unknownPaths(report, 'kojin')).toEqual([
      "unknown-path:db.dbo.get_bango():the procedure body is not read (EXECUTE AS CALLER, with ownership chaining — the owner's objects it reads are not checked for the caller):app",
    ]);
  });

  it('EXECUTE on the schema (GRANT EXECUTE ON SCHEMA::) reaches its procedures; EXECUTE AS names whose rights', async () => {
    const report = await scanWith(
      'CREATE OR ALTER PROCEDURE dbo.p WITH EXECUTE AS OWNER AS SELECT 1;\nGO\nGRANT EXECUTE ON SCHEMA::dbo TO app;\nGO\n',
    );
    expect(unknownPaths(report, 'kojin')).toEqual([
      'unknown-path:db.dbo.p():the procedure body is not read (EXECUTE AS OWNER):app',
    ]);
  });

  it('no EXECUTE, or EXECUTE revoked: no one runs it, no path', async () => {
    const none = await scanWith('CREATE PROCEDURE dbo.p AS SELECT 1;\nGO\n');
    expect(unknownPaths(none, 'kojin')).toEqual([]);
    const revoked = await scanWith(
      'CREATE PROCEDURE dbo.p AS SELECT 1;\nGO\nGRANT EXECUTE ON dbo.p TO app;\nGO\nREVOKE EXECUTE ON dbo.p FROM app;\nGO\n',
    );
    expect(unknownPaths(revoked, 'kojin')).toEqual([]);
  });

  // "DENY Object Permissions (Transact-SQL)": a DENY to the user, to a role it belongs to or to
  // public takes precedence over every GRANT, and does not apply to the object's owner (dbo).
  // https://learn.microsoft.com/sql/t-sql/statements/deny-object-permissions-transact-sql
  const proc = 'CREATE PROCEDURE dbo.p AS SELECT kojin_bango FROM dbo.kojin;\nGO\n';
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
  SELECT KOJIN_BANGO INTO B FROM K.KOJIN WHERE ATENA_NO = P;
END;
GRANT EXECUTE ON PROCEDURE K.GET_BANGO TO USER APP;
`;
    const report = await scanFiles({ 'spif.config.yaml': oneDatabase('db2'), 'db/a.sql': tables + body });
    expect(unknownPaths(report, 'KOJIN')).toEqual([
      "unknown-path:db.K.GET_BANGO():the procedure body is not read (static SQL runs with its package owner's (the definer's) authorization):APP",
    ]);
    const revoked = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${tables}${body}REVOKE EXECUTE ON PROCEDURE K.GET_BANGO FROM USER APP;\n`,
    });
    expect(unknownPaths(revoked, 'KOJIN')).toEqual([]);
  });
});
