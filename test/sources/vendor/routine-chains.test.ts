/**
 * A procedure calling a procedure: the callee's parameters receive what the caller passes, so a
 * chain trigger → p1 → p2 → INSERT INTO hist carries the trigger row's number into hist
 * (src/catalog/routine-calls.ts, resolveRoutineCalls). What each product documents:
 * - Oracle: "A procedure invocation is a PL/SQL statement" (`raise_salary(employee_id, amount);`,
 *   PL/SQL Language Reference 23, "Subprogram Invocations",
 *   https://docs.oracle.com/en/database/oracle/oracle-database/23/lnpls/subprogram-invocations.html);
 *   "the actual parameters are evaluated and the result values are assigned to the corresponding
 *   formal parameters" (PL/SQL User's Guide, "Actual versus Formal Parameters"); an OUT parameter
 *   "returns the values to the caller of the subprogram".
 * - SQL Server: "Each time a stored procedure calls another stored procedure … the nesting level is
 *   incremented" (`CREATE PROCEDURE usp_OuterProc AS … EXEC usp_InnerProc;`, "@@NESTLEVEL
 *   (Transact-SQL)", https://learn.microsoft.com/en-us/sql/t-sql/functions/nestlevel-transact-sql);
 *   the result sets of the inner procedure are part of the outer call's output (the page's
 *   example returns both levels' rows).
 * - Db2: "Calling a procedure from an SQL routine, a trigger, or dynamic compound statement"
 *   (https://www.ibm.com/docs/SSEPGG_10.5.0/com.ibm.db2.luw.apdv.routines.doc/doc/t0011377.html);
 *   "The nth value corresponds to the nth parameter" (CALL statement,
 *   https://www.ibm.com/docs/en/db2-for-zos/13.0.0?topic=pl-call-statement).
 * A call that cannot be followed (the callee is not defined, is not read, or hands values back)
 * leaves the caller unanalysed: a warning, and an unknown path when it runs with its owner's rights.
 */
import { describe, expect, it } from 'vitest';
import { oneDatabase, scanFiles } from './scan-files.js';

type Report = Awaited<ReturnType<typeof scanFiles>>;

/** Relations holding a copy of the number, with how (`HIST.V:trigger`). */
const holders = (report: Report) =>
  report.relations
    .filter((r) => r.kind === 'table' && r.numberColumns.length && !/^person$/i.test(r.name))
    .map((r) => {
      const how = (c: (typeof r.numberColumns)[number]) =>
        /\((insert-select|update|trigger);/.exec(JSON.stringify(c.evidence))?.[1] ?? c.rule;
      return `${r.name}.${r.numberColumns.map((c) => `${c.column}:${how(c)}`).join(',')}`;
    })
    .sort();
const warnings = (report: Report) =>
  report.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`);
const unknownPaths = (report: Report, name: RegExp) =>
  report.relations.find((r) => name.test(r.name))!.assumptions.filter((a) => a.startsWith('unknown-path:'));

const TABLES = `CREATE TABLE person (id INT PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE hist (id INT, v CHAR(12));
CREATE TABLE audit_log (id INT, no_copy CHAR(12));
`;

describe('Oracle: PL/SQL procedures calling procedures', () => {
  it('trigger → p1 → p2 → INSERT, the callee created in a later file; a value p1 selects is a copy at p2; a cycle ends', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/01_tables.sql': TABLES,
      'db/02_p1.sql': `CREATE OR REPLACE PROCEDURE p1 (p_id IN NUMBER, p_no IN VARCHAR2) AS
  v_no CHAR(12);
BEGIN
  v_no := p_no;
  p2(p_id, v_no);
END;
/
CREATE OR REPLACE PROCEDURE archive (p_id IN NUMBER) AS
  v CHAR(12);
BEGIN
  SELECT kojin_bango INTO v FROM person WHERE id = p_id;
  keep(p_id => p_id, p_no => v);
END;
/
CREATE OR REPLACE PROCEDURE ping (p_no IN VARCHAR2, p_n IN NUMBER) AS
BEGIN
  IF p_n > 0 THEN
    pong(p_no, p_n - 1);
  END IF;
END;
/
CREATE OR REPLACE PROCEDURE pong (p_no IN VARCHAR2, p_n IN NUMBER) AS
BEGIN
  ping(p_no, p_n);
END;
/
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
BEGIN
  p1(:NEW.id, :NEW.kojin_bango);
  ping(:NEW.kojin_bango, 3);
END;
/
`,
      'db/03_p2.sql': `CREATE OR REPLACE PROCEDURE p2 (p_id IN NUMBER, p_no IN VARCHAR2) AS
BEGIN
  INSERT INTO hist (id, v) VALUES (p_id, p_no);
END;
/
CREATE OR REPLACE PROCEDURE keep (p_id IN NUMBER, p_no IN VARCHAR2) AS
BEGIN
  INSERT INTO audit_log (id, no_copy) VALUES (p_id, p_no);
END;
/
`,
    });
    expect(warnings(report)).toEqual([]);
    // HIST.V: the trigger's row through p1 then p2; AUDIT_LOG.NO_COPY: what archive selects, written by keep
    expect(holders(report)).toEqual(['AUDIT_LOG.NO_COPY:insert-select', 'HIST.V:trigger']);
  });

  it('an undefined callee, an unread one and an OUT parameter leave the caller unanalysed: warnings, and an unknown path for definer’s rights', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${TABLES}CREATE USER app IDENTIFIED BY x;
CREATE OR REPLACE PROCEDURE p1 (p_id IN NUMBER, p_no IN VARCHAR2) AS
BEGIN
  send_out(p_no);
END;
/
CREATE OR REPLACE PROCEDURE dyn (p_no IN VARCHAR2) AS
BEGIN
  EXECUTE IMMEDIATE 'INSERT INTO hist (v) VALUES (:1)' USING p_no;
END;
/
CREATE OR REPLACE PROCEDURE p3 (p_no IN VARCHAR2) AS
BEGIN
  dyn(p_no);
END;
/
CREATE OR REPLACE PROCEDURE get_no (p_id IN NUMBER, p_no OUT VARCHAR2) AS
BEGIN
  SELECT kojin_bango INTO p_no FROM person WHERE id = p_id;
END;
/
CREATE OR REPLACE PROCEDURE p4 (p_id IN NUMBER) AS
  v CHAR(12);
BEGIN
  get_no(p_id, v);
  INSERT INTO hist (id, v) VALUES (p_id, v);
END;
/
GRANT EXECUTE ON p4 TO app;
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
BEGIN
  p1(:NEW.id, :NEW.kojin_bango);
END;
/
`,
    });
    const w = warnings(report);
    expect(w).toEqual([
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:5 procedure db\.main\.P1\(\): the procedure body is not read: it calls SEND_OUT \(passing P_NO\), which is not defined in the sources/,
      ),
      expect.stringMatching(/^SPIF-FUNCTION-UNANALYSED db\/a\.sql:10 procedure db\.main\.DYN\(\): .*EXECUTE IMMEDIATE/),
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:15 procedure db\.main\.P3\(\): the procedure body is not read: it calls DYN \(passing P_NO\), and db\.main\.DYN\(\) was not read/,
      ),
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:25 procedure db\.main\.P4\(\): the procedure body is not read: it calls GET_NO, which hands back values \(GET_NO\(\)\.P_NO/,
      ),
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:33 trigger TRG on db\.main\.PERSON passes PERSON\.ID, PERSON\.KOJIN_BANGO to db\.main\.P1\(\), whose body was not read \(the procedure body is not read: it calls SEND_OUT/,
      ),
    ]);
    // p4 runs with its owner's rights and app may EXECUTE it: what it reads is an unknown path
    expect(unknownPaths(report, /^PERSON$/)).toEqual([
      expect.stringMatching(/^unknown-path:db\.main\.P4\(\):the procedure body is not read — it calls GET_NO.*:APP$/),
    ]);
    expect(holders(report)).toEqual([]);
  });
});

describe('Oracle: a package subprogram calling a standalone procedure', () => {
  it('pkg.relay → p2 → INSERT is followed; a call of an undefined one leaves that subprogram unanalysed', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${TABLES}CREATE OR REPLACE PACKAGE pkg AS
  PROCEDURE relay (p_no IN VARCHAR2);
  PROCEDURE lost (p_no IN VARCHAR2);
END pkg;
/
CREATE OR REPLACE PACKAGE BODY pkg AS
  PROCEDURE relay (p_no IN VARCHAR2) IS
  BEGIN
    p2(1, p_no);
  END relay;
  PROCEDURE lost (p_no IN VARCHAR2) IS
  BEGIN
    nowhere(p_no);
  END lost;
END pkg;
/
CREATE OR REPLACE PROCEDURE p2 (p_id IN NUMBER, p_no IN VARCHAR2) AS
BEGIN
  INSERT INTO hist (id, v) VALUES (p_id, p_no);
END;
/
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
BEGIN
  pkg.relay(:NEW.kojin_bango);
END;
/
`,
    });
    expect(warnings(report)).toEqual([
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:\d+ procedure db\.main\.PKG\.LOST\(VARCHAR2\): the procedure body is not read: it calls NOWHERE \(passing P_NO\), which is not defined/,
      ),
    ]);
    expect(holders(report)).toEqual(['HIST.V:trigger']);
  });
});

describe('Oracle: subprograms of one package calling each other', () => {
  // PL/SQL Language Reference, "Package Body": items declared only in the body are private, usable
  // only inside it; a subprogram invokes another by its name ("Subprogram Invocations").
  it('a public subprogram calling a private one that writes its parameter; a package variable still leaves the subprogram unanalysed', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${TABLES}CREATE OR REPLACE PACKAGE pkg AS
  PROCEDURE record_no (p_no IN VARCHAR2);
  PROCEDURE keep_last (p_no IN VARCHAR2);
END pkg;
/
CREATE OR REPLACE PACKAGE BODY pkg AS
  g_last CHAR(12);
  PROCEDURE write_hist (p_no IN VARCHAR2) IS
  BEGIN
    INSERT INTO hist (v) VALUES (p_no);
  END write_hist;
  PROCEDURE record_no (p_no IN VARCHAR2) IS
  BEGIN
    write_hist(p_no);
  END record_no;
  PROCEDURE keep_last (p_no IN VARCHAR2) IS
  BEGIN
    g_last := p_no;
  END keep_last;
END pkg;
/
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
BEGIN
  pkg.record_no(:NEW.kojin_bango);
END;
/
`,
    });
    expect(warnings(report)).toEqual([
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:\d+ procedure db\.main\.PKG\.KEEP_LAST\(VARCHAR2\): the procedure body is not read: it uses g_last, declared in package PKG/,
      ),
    ]);
    expect(holders(report)).toEqual(['HIST.V:trigger']);
    // the private subprogram is no relation of its own
    expect(report.relations.map((r) => r.name)).not.toContain('PKG.WRITE_HIST(VARCHAR2)');
  });
});

describe('a function named in an expression', () => {
  // "A function invocation is an expression" (`new_salary := get_salary(employee_id);`, PL/SQL
  // Language Reference 23, "Subprogram Invocations"): the variable holds what the function returns,
  // which is not followed here — said on the caller, never dropped. Built-in functions (NVL, SUBSTR,
  // TO_CHAR) are no routine of the sources and say nothing.
  it('Oracle: v := get_no(p) leaves the procedure unanalysed, a trigger gets a warning; NVL / SUBSTR / a constant function say nothing', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${TABLES}CREATE OR REPLACE FUNCTION get_no (p_id IN NUMBER) RETURN VARCHAR2 AS
  v CHAR(12);
BEGIN
  SELECT kojin_bango INTO v FROM person WHERE id = p_id;
  RETURN v;
END;
/
CREATE OR REPLACE FUNCTION label (p_id IN NUMBER) RETURN VARCHAR2 AS
BEGIN
  RETURN 'x';
END;
/
CREATE OR REPLACE PROCEDURE p (p_id IN NUMBER) AS
  v CHAR(12);
BEGIN
  v := get_no(p_id);
  INSERT INTO hist (id, v) VALUES (p_id, v);
END;
/
CREATE OR REPLACE PROCEDURE q (p_id IN NUMBER, p_no IN VARCHAR2) AS
  v CHAR(12);
BEGIN
  v := NVL(SUBSTR(p_no, 1, 12), label(p_id));
  INSERT INTO audit_log (id, no_copy) VALUES (p_id, v);
END;
/
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
DECLARE
  v CHAR(12);
BEGIN
  v := get_no(:NEW.id);
  INSERT INTO hist (id, v) VALUES (:NEW.id, v);
  q(:NEW.id, :NEW.kojin_bango);
END;
/
`,
    });
    expect(warnings(report)).toEqual([
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:16 procedure db\.main\.P\(\): the procedure body is not read: it calls GET_NO, which hands back values \(GET_NO\(\)\.GET_NO/,
      ),
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:30 trigger TRG on db\.main\.PERSON calls db\.main\.GET_NO, which hands back values \(GET_NO\(\)\.GET_NO/,
      ),
    ]);
    // q passes p_no through NVL / SUBSTR: the trigger's number reaches AUDIT_LOG
    expect(holders(report)).toEqual(['AUDIT_LOG.NO_COPY:trigger']);
  });
});

describe('SQL Server: EXEC of a procedure inside a procedure', () => {
  it('trigger → dbo.p1 → EXEC dbo.p2 @x by name and position; a result set of the callee leaves the caller unanalysed', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${TABLES}GO
CREATE PROCEDURE dbo.p1 @Id INT, @No CHAR(12)
AS
BEGIN
  SET NOCOUNT ON;
  DECLARE @x CHAR(12) = @No;
  EXEC dbo.p2 @Id, @x;
  EXECUTE dbo.p2 @No = @x, @Id = @Id;
END
GO
CREATE PROCEDURE dbo.p2 @Id INT, @No CHAR(12)
AS
  INSERT INTO dbo.hist (id, v) VALUES (@Id, @No)
GO
CREATE PROCEDURE dbo.rows @Id INT
AS
  SELECT kojin_bango FROM dbo.person WHERE id = @Id
GO
CREATE PROCEDURE dbo.outer_rows @Id INT
AS
  EXEC dbo.rows @Id
GO
CREATE TRIGGER dbo.trg ON dbo.person AFTER INSERT AS
BEGIN
  DECLARE @v CHAR(12), @i INT
  SELECT @v = kojin_bango, @i = id FROM inserted
  EXEC dbo.p1 @i, @v
END
GO
`,
    });
    expect(warnings(report)).toEqual([
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/a\.sql:22 procedure db\.dbo\.outer_rows\(\): the procedure body is not read: it calls dbo\.rows, which hands back values \(rows\(\)\.kojin_bango/,
      ),
    ]);
    expect(holders(report)).toEqual(['hist.v:trigger']);
  });
});

describe('Db2: CALL inside an SQL procedure', () => {
  it('trigger → CALL p1(n.kojin_bango) → CALL p2(p) → INSERT', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${TABLES}CREATE PROCEDURE p2 (IN p_id INT, IN p_no CHAR(12))
LANGUAGE SQL
BEGIN
  INSERT INTO hist (id, v) VALUES (p_id, p_no);
END;
CREATE PROCEDURE p1 (IN p_id INT, IN p_no CHAR(12))
LANGUAGE SQL
BEGIN
  DECLARE v CHAR(12);
  SET v = p_no;
  CALL p2(p_id, v);
END;
CREATE TRIGGER trg AFTER INSERT ON person REFERENCING NEW AS n FOR EACH ROW MODE DB2SQL
CALL p1(n.id, n.kojin_bango);
`,
    });
    expect(warnings(report)).toEqual([]);
    expect(holders(report)).toEqual(['HIST.V:trigger']);
  });
});
