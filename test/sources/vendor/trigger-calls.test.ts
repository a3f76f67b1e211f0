/**
 * A vendor trigger that hands the fired-for row to a procedure, which writes it into another
 * table: that table holds the number (src/sources/vendor/routine-body.ts reads the procedure's
 * writes of its parameters, src/catalog/routine-calls.ts gives each parameter what the trigger
 * passes). What each product documents:
 * - Oracle: a trigger body is a PL/SQL block or a CALL (`{ pl/sql_block | call_procedure_statement }`,
 *   SQL Reference, CREATE TRIGGER, https://docs.oracle.com/cd/B13789_01/server.101/b10759/img_text/create_trigger.htm),
 *   whose arguments may be the correlation names (`CALL salaryCheck(:new.job, :old.salary, …)`,
 *   https://download.oracle.com/otn_hosted_doc/jdeveloper/1012/db/jdb_p_invoke_stored_procs_w_plsql.html);
 *   actual parameters bind by position or by name (`formal => actual`, PL/SQL Language Reference,
 *   "Subprogram Parameters"); `a.b(…)` names package a's subprogram b.
 * - SQL Server: `EXECUTE my_proc @second = 2, @first = 1` binds by name in any order, `EXECUTE
 *   my_proc 1, 2` by position ("Specifying a Parameter Name",
 *   https://learn.microsoft.com/en-us/previous-versions/sql/sql-server-2008/ms177436(v=sql.100)).
 * - Db2: a trigger may CALL a procedure ("Calling a procedure from an SQL routine, a trigger, or
 *   dynamic compound statement", https://www.ibm.com/docs/SSEPGG_10.5.0/com.ibm.db2.luw.apdv.routines.doc/doc/t0011377.html);
 *   "The nth value corresponds to the nth parameter" (CALL statement,
 *   https://www.ibm.com/docs/en/db2-for-zos/13.0.0?topic=pl-call-statement); REFERENCING NEW AS n
 *   names the row (transition variables).
 * A callee that is not defined, not read, or takes other arguments is a warning on the trigger
 * naming the columns it passes: never silently lost.
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

const TABLES = `CREATE TABLE person (id INT PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE hist (id INT, v CHAR(12));
CREATE TABLE audit_log (id INT, no_copy CHAR(12));
CREATE TABLE memo (id INT, note CHAR(12));
`;

describe('Oracle: a trigger passing :NEW to a procedure', () => {
  it('positional, named and package calls, and a CALL body; the procedure may come after the trigger', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/01_tables.sql': TABLES,
      'db/02_triggers.sql': `CREATE OR REPLACE TRIGGER trg_ins AFTER INSERT ON person FOR EACH ROW
BEGIN
  IF INSERTING THEN
    log_no(:NEW.id, :NEW.kojin_bango);
  END IF;
  pkg_audit.write_row(p_no => :NEW.kojin_bango, p_id => :NEW.id);
  log_note(:NEW.id, 'inserted');
END;
/
CREATE OR REPLACE TRIGGER trg_upd AFTER UPDATE ON person FOR EACH ROW
CALL log_no(:OLD.id, :OLD.kojin_bango)
/
`,
      'db/03_procs.sql': `CREATE OR REPLACE PROCEDURE log_no (p_id IN NUMBER, p_no IN VARCHAR2) AS
  v_no CHAR(12);
BEGIN
  v_no := p_no;
  INSERT INTO hist (id, v) VALUES (p_id, v_no);
END;
/
CREATE OR REPLACE PROCEDURE log_note (p_id IN NUMBER, p_text IN VARCHAR2) AS
BEGIN
  INSERT INTO memo (id, note) VALUES (p_id, p_text);
END;
/
CREATE OR REPLACE PACKAGE pkg_audit AS
  PROCEDURE write_row (p_id IN NUMBER, p_no IN VARCHAR2);
END pkg_audit;
/
CREATE OR REPLACE PACKAGE BODY pkg_audit AS
  PROCEDURE write_row (p_id IN NUMBER, p_no IN VARCHAR2) IS
  BEGIN
    UPDATE audit_log SET no_copy = p_no WHERE id = p_id;
  END write_row;
END pkg_audit;
/
`,
    });
    expect(warnings(report)).toEqual([]);
    // MEMO.NOTE receives only the literal 'inserted': no number
    expect(holders(report)).toEqual(['AUDIT_LOG.NO_COPY:trigger', 'HIST.V:trigger']);
  });

  it('an undefined procedure, one whose body is not read, and a call with other arguments are warnings naming what is passed', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${TABLES}CREATE OR REPLACE PROCEDURE dyn_log (p_no IN VARCHAR2) AS
BEGIN
  EXECUTE IMMEDIATE 'INSERT INTO hist (v) VALUES (:1)' USING p_no;
END;
/
CREATE OR REPLACE PROCEDURE two_args (p_id IN NUMBER, p_no IN VARCHAR2) AS
BEGIN
  INSERT INTO hist (id, v) VALUES (p_id, p_no);
END;
/
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
BEGIN
  send_out(:NEW.kojin_bango);
  dyn_log(:NEW.kojin_bango);
  two_args(:NEW.id, :NEW.kojin_bango, 'x');
  send_out(1);
END;
/
`,
    });
    const w = warnings(report);
    expect(w.filter((m) => m.includes('SPIF-FUNCTION-UNANALYSED db/a.sql:15 trigger TRG'))).toEqual([
      expect.stringMatching(/passes PERSON\.KOJIN_BANGO to db\.main\.SEND_OUT, which is not defined in the sources/),
      expect.stringMatching(
        /passes PERSON\.KOJIN_BANGO to db\.main\.DYN_LOG\(\), whose body was not read \(.*EXECUTE IMMEDIATE/,
      ),
      expect.stringMatching(
        /passes PERSON\.ID, PERSON\.KOJIN_BANGO to db\.main\.TWO_ARGS, but no routine of that name takes these 3 argument/,
      ),
    ]);
    // a call passing only a constant (send_out(1)) says nothing more; nothing was copied
    expect(holders(report)).toEqual([]);
  });
});

describe('SQL Server: a trigger passing values from inserted to a procedure', () => {
  it('EXEC by name and by position, through variables set from inserted', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${TABLES}GO
CREATE PROCEDURE dbo.LogNo @Id INT, @No CHAR(12)
AS
BEGIN
  SET NOCOUNT ON;
  DECLARE @x CHAR(12);
  SET @x = @No;
  INSERT INTO dbo.hist (id, v) VALUES (@Id, @x);
END
GO
CREATE PROCEDURE dbo.AuditNo @No CHAR(12), @Id INT
AS
  UPDATE dbo.audit_log SET no_copy = @No WHERE id = @Id
GO
CREATE TRIGGER dbo.trg ON dbo.person AFTER INSERT, UPDATE AS
BEGIN
  SET NOCOUNT ON
  DECLARE @v CHAR(12), @i INT
  SELECT @v = kojin_bango, @i = id FROM inserted
  IF @v IS NOT NULL
    EXEC dbo.LogNo @No = @v, @Id = @i
  EXECUTE dbo.AuditNo @v, @i
  EXEC dbo.LogNote @i
END
GO
`,
    });
    // LogNote is not in the sources: what it is given (the id) is named, not dropped
    expect(warnings(report)).toEqual([
      expect.stringMatching(
        /:19 trigger dbo\.trg on db\.dbo\.person passes person\.id to db\.dbo\.lognote, which is not defined/,
      ),
    ]);
    expect(holders(report)).toEqual(['audit_log.no_copy:trigger', 'hist.v:trigger']);
  });
});

describe('Db2: a trigger passing transition variables to a procedure', () => {
  it('CALL p(N.id, N.kojin_bango) with the procedure passing the parameter through SET v = p', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${TABLES}CREATE PROCEDURE log_no (IN p_id INT, IN p_no CHAR(12))
LANGUAGE SQL
BEGIN
  DECLARE v CHAR(12);
  SET v = p_no;
  INSERT INTO hist (id, v) VALUES (p_id, v);
END;
CREATE TRIGGER trg AFTER INSERT ON person REFERENCING NEW AS n FOR EACH ROW MODE DB2SQL
BEGIN ATOMIC
  CALL log_no(n.id, n.kojin_bango);
END;
CREATE TRIGGER trg2 AFTER UPDATE ON person REFERENCING OLD AS o FOR EACH ROW
CALL undefined_proc(o.kojin_bango);
`,
    });
    expect(warnings(report)).toEqual([
      expect.stringMatching(
        /trigger TRG2 on db\.main\.PERSON passes PERSON\.KOJIN_BANGO to db\.main\.UNDEFINED_PROC, which is not defined/,
      ),
    ]);
    expect(holders(report)).toEqual(['HIST.V:trigger']);
  });
});

describe('a procedure that copies from a table itself', () => {
  it.each(['oracle', 'db2'])(
    '%s: INSERT … SELECT and SELECT … INTO v in a procedure body copy when it runs',
    async (dialect) => {
      const report = await scanFiles({
        'spif.config.yaml': oneDatabase(dialect),
        'db/a.sql': `${TABLES}CREATE PROCEDURE archive (IN p_id INT)
LANGUAGE SQL
BEGIN
  DECLARE v CHAR(12);
  INSERT INTO hist (id, v) SELECT id, kojin_bango FROM person WHERE id = p_id;
  SELECT kojin_bango INTO v FROM person WHERE id = p_id;
  UPDATE audit_log SET no_copy = v WHERE id = p_id;
END;
${dialect === 'oracle' ? '/\n' : ''}`.replace(
          '(IN p_id INT)\nLANGUAGE SQL\nBEGIN\n  DECLARE v CHAR(12);',
          dialect === 'oracle'
            ? '(p_id IN NUMBER) AS\n  v CHAR(12);\nBEGIN'
            : '(IN p_id INT)\nLANGUAGE SQL\nBEGIN\n  DECLARE v CHAR(12);',
        ),
      });
      expect(warnings(report)).toEqual([]);
      const up = dialect === 'oracle' || dialect === 'db2';
      expect(holders(report)).toEqual(up ? ['AUDIT_LOG.NO_COPY:update', 'HIST.V:insert-select'] : []);
    },
  );
});
