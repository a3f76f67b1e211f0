/**
 * Writes that copy the number in Oracle, SQL Server and Db2 scripts (src/sources/vendor/copies.ts),
 * through the real pipeline, laid out like a vendor export (DDL and data-migration scripts in
 * order). The target columns hold what the statement copies, whatever they are called:
 * - INSERT … SELECT: Oracle SQL Language Reference 19c, INSERT ("subquery … the rows returned by
 *   the subquery"); Transact-SQL INSERT ("INSERT … SELECT"); Db2 11.5 INSERT ("fullselect");
 * - UPDATE … SET c = (scalar subquery) in all three, and SQL Server UPDATE … FROM ("UPDATE
 *   (Transact-SQL)", FROM table_source);
 * - SQL Server SELECT … INTO creates a new table of the selected columns ("SELECT - INTO Clause
 *   (Transact-SQL)"); `#name` is a temporary table, dropped with the session.
 * Statements that copy but are not read are located warnings, never silence.
 */
import { describe, expect, it } from 'vitest';
import { oneDatabase, scanFiles } from './scan-files.js';
import { nth } from '../../../src/indexed.js';

type Report = Awaited<ReturnType<typeof scanFiles>>;

const holders = (report: Report) =>
  report.relations
    .filter((r) => r.numberColumns.length && !/^person$/i.test(r.name))
    .map((r) => {
      const how = (c: (typeof r.numberColumns)[number]) =>
        /\((insert-select|update|trigger);/.exec(JSON.stringify(c.evidence))?.[1] ?? c.rule;
      return `${r.name}.${r.numberColumns.map((c) => `${c.column}:${how(c)}`).join(',')}`;
    })
    .sort();

const DDL = `CREATE TABLE person (id INT PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE archive (id INT, val CHAR(12));
CREATE TABLE hist (id INT, v2 CHAR(12));
CREATE TABLE h3 (id INT, v3 CHAR(12));
`;
const DML = `INSERT INTO archive (id, val) SELECT id, kojin_bango FROM person;
UPDATE hist SET v2 = (SELECT kojin_bango FROM person WHERE person.id = hist.id);
INSERT INTO h3 VALUES (1, 'select');
UPDATE h3 SET v3 = 'y' WHERE id = 1;
`;

describe.each(['oracle', 'db2'])('%s scripts that copy the number', (dialect) => {
  it('INSERT … SELECT and UPDATE … SET (SELECT …) fill their target columns; literal rows copy nothing', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase(dialect),
      'db/01_ddl.sql': DDL,
      'db/02_ikou.sql': DML,
    });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(holders(report)).toEqual(['ARCHIVE.VAL:insert-select', 'HIST.V2:update']);
  });
});

describe('SQL Server scripts that copy the number', () => {
  it('INSERT … SELECT, UPDATE … SET (SELECT …), UPDATE … FROM and SELECT … INTO fill their targets; #temp is not a table', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/01_ddl.sql': DDL,
      'db/02_ikou.sql': `${DML}UPDATE h3 SET v3 = p.kojin_bango FROM h3 JOIN person p ON p.id = h3.id;
SELECT id, kojin_bango AS kb INTO bk FROM person;
SELECT * INTO #work FROM person;
`,
    });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(holders(report)).toEqual([
      'archive.val:insert-select',
      'bk.kb:view-lineage',
      'h3.v3:update',
      'hist.v2:update',
    ]);
    expect(report.relations.map((r) => r.name)).not.toContain('#work');
  });

  it('writes it cannot read are located warnings: INSERT … EXEC, Oracle INSERT ALL, UPDATE … SET (a, b) = (SELECT …)', async () => {
    const mssql = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${DDL}INSERT INTO archive (id, val) EXEC dbo.get_rows;\n`,
    });
    const ora = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${DDL}INSERT ALL INTO archive VALUES (id, kojin_bango) SELECT id, kojin_bango FROM person;
UPDATE hist h SET (id, v2) = (SELECT id, kojin_bango FROM person p WHERE p.id = h.id);
`,
    });
    const warned = (r: Report) =>
      r.diagnostics
        .filter((d) => d.severity === 'warning')
        .map((d) => [d.code, d.line, /^\S+ \S+/.exec(d.message)?.[0]]);
    expect(warned(mssql)).toEqual([['SPIF-SQL-UNSUPPORTED', 5, 'INSERT …']]);
    expect(warned(ora)).toEqual([
      ['SPIF-SQL-UNSUPPORTED', 5, 'a multitable'],
      ['SPIF-SQL-UNSUPPORTED', 6, 'UPDATE …'],
    ]);
  });

  it('a view column that is a scalar subquery carries the column it yields', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${DDL}GO
CREATE VIEW v_hist AS SELECT h.id, (SELECT p.kojin_bango FROM person p WHERE p.id = h.id) AS kb FROM hist h;
GO
`,
    });
    expect(holders(report)).toContain('v_hist.kb:view-lineage');
  });
});

describe('triggers that copy the number into history and audit tables', () => {
  const tables = `CREATE TABLE person (id INT PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE hist (id INT, v CHAR(12));
CREATE TABLE h2 (id INT, w CHAR(12));
`;
  it('Oracle: :OLD / :NEW in VALUES and SET, and REFERENCING names, are the fired-for row', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${tables}CREATE OR REPLACE TRIGGER trg_person_au
AFTER UPDATE OF kojin_bango ON person
FOR EACH ROW
BEGIN
  INSERT INTO hist (id, v) VALUES (:OLD.id, :OLD.kojin_bango);
END;
/
CREATE OR REPLACE TRIGGER trg_person_ai
AFTER INSERT ON person REFERENCING NEW AS nw
FOR EACH ROW
BEGIN
  UPDATE h2 SET w = :nw.kojin_bango WHERE id = :nw.id;
END;
/
`,
    });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(holders(report)).toEqual(['H2.W:trigger', 'HIST.V:trigger']);
  });

  it('Db2: REFERENCING OLD AS o NEW AS n … BEGIN ATOMIC', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${tables}CREATE TRIGGER trg AFTER UPDATE ON person REFERENCING OLD AS o NEW AS n FOR EACH ROW MODE DB2SQL
BEGIN ATOMIC
  INSERT INTO hist (id, v) VALUES (o.id, o.kojin_bango);
  UPDATE h2 SET w = n.kojin_bango WHERE id = n.id;
END;
`,
    });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(holders(report)).toEqual(['H2.W:trigger', 'HIST.V:trigger']);
  });

  it('SQL Server: the inserted / deleted pseudo-tables have the trigger table’s columns; a DDL trigger copies nothing', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${tables}GO
CREATE TRIGGER trg ON dbo.person AFTER UPDATE AS
BEGIN
  SET NOCOUNT ON
  INSERT INTO hist (id, v)
  SELECT d.id, d.kojin_bango FROM deleted d
  UPDATE h2 SET w = i.kojin_bango FROM h2 JOIN inserted i ON i.id = h2.id
END
GO
CREATE TRIGGER ddl_log ON DATABASE FOR CREATE_TABLE AS INSERT INTO hist (id) VALUES (1)
GO
`,
    });
    expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(holders(report)).toEqual(['h2.w:trigger', 'hist.v:trigger']);
  });

  it('a trigger body with dynamic SQL is a warning on the trigger, with what was not read; its MERGE is read', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${tables}CREATE OR REPLACE TRIGGER trg AFTER UPDATE ON person FOR EACH ROW
BEGIN
  EXECUTE IMMEDIATE 'INSERT INTO hist VALUES (:1, :2)' USING :OLD.id, :OLD.kojin_bango;
  MERGE INTO h2 USING dual ON (h2.id = :NEW.id) WHEN MATCHED THEN UPDATE SET w = :NEW.kojin_bango;
END;
/
`,
    });
    const warned = report.diagnostics.filter((d) => d.severity === 'warning');
    expect(warned.map((d) => [d.code, d.line])).toEqual([['SPIF-FUNCTION-UNANALYSED', 4]]);
    expect(nth(warned, 0).message).toContain('EXECUTE IMMEDIATE of dynamic SQL is not followed; the values');
    expect(nth(warned, 0).message).not.toContain('MERGE');
    // the MERGE's UPDATE SET w = :NEW.kojin_bango (merge.test.ts)
    expect(holders(report)).toEqual(['H2.W:trigger']);
  });
});

/**
 * A value a trigger body passes through a local variable is followed into the writes that use it
 * (flow-insensitively: a variable carries every value assigned to it). The assignments, as each
 * product documents them: PL/SQL Language Reference 19c, "Assignment Statement" (`v := expr`, also
 * in a declaration) and "SELECT INTO Statement"; Transact-SQL "SET @local_variable", "SELECT
 * @local_variable", "DECLARE @local_variable" (`= value`); Db2 11.5 SQL PL "SET variable
 * statement" and "DECLARE … DEFAULT".
 */
describe('a trigger body that passes the row through a local variable', () => {
  const tables = `CREATE TABLE person (id INT PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE hist (id INT, v CHAR(12));
CREATE TABLE h2 (id INT, w CHAR(12));
CREATE TABLE h3 (id INT, x CHAR(12));
`;
  const warnings = (report: Report) => report.diagnostics.filter((d) => d.severity === 'warning');

  it('Oracle: `v := :NEW.x`, a declaration with `:=` and `SELECT … INTO v` carry the row into the INSERT', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${tables}CREATE OR REPLACE TRIGGER trg_a AFTER INSERT ON person FOR EACH ROW
DECLARE
  v_now DATE := SYSDATE;
  v_b CHAR(12) := :NEW.kojin_bango;
  v CHAR(12);
BEGIN
  v := v_b;
  IF v IS NOT NULL THEN
    INSERT INTO hist (id, v) VALUES (:NEW.id, v);
  END IF;
END;
/
CREATE OR REPLACE TRIGGER trg_b AFTER UPDATE ON person FOR EACH ROW
DECLARE
  w CHAR(12);
BEGIN
  SELECT kojin_bango INTO w FROM person WHERE id = :NEW.id;
  INSERT INTO h2 (id, w) VALUES (:NEW.id, w);
END;
/
CREATE OR REPLACE TRIGGER trg_c AFTER UPDATE ON person FOR EACH ROW
DECLARE
  n DATE;
BEGIN
  n := SYSDATE;
  INSERT INTO h3 (id, x) VALUES (:NEW.id, TO_CHAR(n));
END;
/
`,
    });
    expect(warnings(report)).toEqual([]);
    // a SYSDATE variable carries nothing: h3 holds no number
    expect(holders(report)).toEqual(['H2.W:trigger', 'HIST.V:trigger']);
  });

  it('SQL Server: `SELECT @v = … FROM inserted`, `SET @v = (SELECT …)` and `DECLARE @v … = …`', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${tables}GO
CREATE TRIGGER trg ON dbo.person AFTER INSERT AS
BEGIN
  SET NOCOUNT ON
  DECLARE @v CHAR(12)
  SELECT @v = kojin_bango FROM inserted
  INSERT INTO hist (id, v) VALUES (1, @v)
END
GO
CREATE TRIGGER trg2 ON dbo.person AFTER UPDATE AS
BEGIN
  DECLARE @w CHAR(12) = (SELECT kojin_bango FROM deleted)
  INSERT INTO h2 (id, w) VALUES (2, @w)
  DECLARE @x CHAR(12)
  SET @x = (SELECT TOP 1 kojin_bango FROM inserted)
  UPDATE h3 SET x = @x WHERE id = 3
END
GO
`,
    });
    expect(warnings(report)).toEqual([]);
    expect(holders(report)).toEqual(['h2.w:trigger', 'h3.x:trigger', 'hist.v:trigger']);
  });

  it('Db2: `SET v = n.x` and `DECLARE v … DEFAULT n.x`; a constant default says nothing', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${tables}CREATE TRIGGER trg AFTER INSERT ON person REFERENCING NEW AS n FOR EACH ROW
BEGIN ATOMIC
  DECLARE v CHAR(12) DEFAULT NULL;
  DECLARE d CHAR(12) DEFAULT 'x';
  SET v = n.kojin_bango;
  INSERT INTO hist (id, v) VALUES (n.id, v);
  INSERT INTO h3 (id, x) VALUES (n.id, d);
END;
`,
    });
    expect(warnings(report)).toEqual([]);
    expect(holders(report)).toEqual(['HIST.V:trigger']);
  });

  it('a value assigned after its use in a loop reaches the write; INSERT … SELECT :NEW.x FROM dual carries the row', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${tables}CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
DECLARE
  prev CHAR(12);
  cur CHAR(12);
  i NUMBER := 0;
BEGIN
  WHILE i < 2 LOOP
    INSERT INTO hist (id, v) VALUES (:NEW.id, prev);
    prev := cur;
    cur := :NEW.kojin_bango;
    i := i + 1;
  END LOOP;
  INSERT INTO h2 (id, w) SELECT :NEW.id, UPPER(:NEW.kojin_bango) FROM dual;
END;
/
`,
    });
    expect(warnings(report)).toEqual([]);
    expect(holders(report)).toEqual(['H2.W:trigger', 'HIST.V:trigger']);
  });

  it('what the body does that is not read is still named on the trigger, and the writes it reads still copy', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${tables}CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
BEGIN
  FOR r IN (SELECT kojin_bango FROM person) LOOP
    INSERT INTO h2 (id, w) VALUES (1, r.kojin_bango);
  END LOOP;
  INSERT INTO hist (id, v) VALUES (:NEW.id, :NEW.kojin_bango);
END;
/
`,
    });
    expect(warnings(report).map((d) => [d.code, d.line])).toEqual([['SPIF-FUNCTION-UNANALYSED', 5]]);
    expect(nth(warnings(report), 0).message).toContain("the body's FOR statement is not read");
    expect(holders(report)).toEqual(['HIST.V:trigger']);
  });
});
