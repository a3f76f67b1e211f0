/**
 * MERGE in the vendor dialects copies what its actions write (src/sources/vendor/merge.ts), in a
 * script, a routine body and a trigger body:
 * - Oracle: "Use the MERGE statement to select rows from one or more sources for update or
 *   insertion into a table or view" — `WHEN MATCHED THEN UPDATE SET column = expr`, `WHEN NOT
 *   MATCHED THEN INSERT (column) VALUES (expr)` (SQL Language Reference 19c, MERGE,
 *   https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/MERGE.html);
 * - SQL Server: "Runs insert, update, or delete operations on a target table from the results of a
 *   join with a source table"; `WHEN NOT MATCHED [BY TARGET] THEN INSERT`, `WHEN NOT MATCHED BY
 *   SOURCE THEN UPDATE` ("MERGE (Transact-SQL)",
 *   https://learn.microsoft.com/en-us/sql/t-sql/statements/merge-transact-sql);
 * - Db2: "The MERGE statement updates a target … using data from a source (result of a table
 *   reference)"; `WHEN MATCHED THEN UPDATE SET`, `WHEN NOT MATCHED THEN INSERT … VALUES`, `ELSE
 *   IGNORE` (Db2 11.5, MERGE statement, https://www.ibm.com/docs/en/db2/11.5?topic=statements-merge).
 */
import { describe, expect, it } from 'vitest';
import { oneDatabase, scanFiles } from './scan-files.js';

type Report = Awaited<ReturnType<typeof scanFiles>>;

/** Relations holding a copy of the number, with the evidence's kind (`HIST.V:merge`). */
const holders = (report: Report) =>
  report.relations
    .filter((r) => r.kind === 'table' && r.numberColumns.length && !/^person$/i.test(r.name))
    .map((r) => {
      const how = (c: (typeof r.numberColumns)[number]) =>
        /\((insert-select|update|merge|trigger);/.exec(JSON.stringify(c.evidence))?.[1] ?? c.rule;
      return `${r.name}.${r.numberColumns.map((c) => `${c.column}:${how(c)}`).join(',')}`;
    })
    .sort();
const warnings = (report: Report) =>
  report.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`);

const TABLES = `CREATE TABLE person (id INT PRIMARY KEY, kojin_bango CHAR(12), memo VARCHAR(20));
CREATE TABLE hist (id INT, v CHAR(12), note VARCHAR(20));
CREATE TABLE h2 (id INT, w CHAR(12));
CREATE TABLE h3 (id INT, x CHAR(12));
`;

describe('MERGE in a script', () => {
  it('Oracle: UPDATE SET from the source, INSERT (cols) VALUES from a subquery source; a literal copies nothing', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${TABLES}MERGE INTO hist h
USING (SELECT id, kojin_bango FROM person) p
ON (h.id = p.id)
WHEN MATCHED THEN UPDATE SET h.v = p.kojin_bango, note = CASE WHEN p.id > 0 THEN 'x' ELSE 'y' END
  DELETE WHERE h.id < 0
WHEN NOT MATCHED THEN INSERT (id, v) VALUES (p.id, p.kojin_bango) WHERE p.id > 0;
MERGE INTO h2 USING person ON (h2.id = person.id)
WHEN NOT MATCHED THEN INSERT VALUES (person.id, person.kojin_bango);
MERGE INTO h3 USING person ON (h3.id = person.id)
WHEN MATCHED THEN UPDATE SET x = 'constant';
`,
    });
    expect(warnings(report)).toEqual([]);
    expect(holders(report)).toEqual(['H2.W:merge', 'HIST.V:merge']);
  });

  it('SQL Server: MERGE … WITH (HOLDLOCK) AS t USING … AS s, NOT MATCHED BY TARGET / BY SOURCE, OUTPUT', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${TABLES}GO
MERGE dbo.hist WITH (HOLDLOCK) AS t
USING dbo.person AS s
ON t.id = s.id
WHEN MATCHED AND t.v IS NULL THEN UPDATE SET t.v = s.kojin_bango
WHEN NOT MATCHED BY TARGET THEN INSERT (id, note) VALUES (s.id, s.memo)
WHEN NOT MATCHED BY SOURCE THEN DELETE
OUTPUT $action, inserted.id;
GO
MERGE INTO dbo.h2 AS t USING (SELECT id, kojin_bango FROM dbo.person) AS s (i, k) ON t.id = s.i
WHEN NOT MATCHED THEN INSERT (id, w) VALUES (s.i, s.k);
GO
`,
    });
    // the source's renamed columns (AS s (i, k)) are not mapped: a located warning, not a guess
    expect(warnings(report)).toEqual([
      expect.stringMatching(/^SPIF-SQL-UNSUPPORTED db\/a\.sql:14 a MERGE whose source renames its columns/),
    ]);
    expect(holders(report)).toEqual(['hist.v:merge']);
  });

  it('Db2: MERGE INTO t AS a USING (fullselect) AS s ON … ELSE IGNORE; UPDATE SET (a, b) = (…) is a located warning', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${TABLES}MERGE INTO hist AS h
USING (SELECT id, kojin_bango FROM person) AS s
ON h.id = s.id
WHEN MATCHED THEN UPDATE SET v = s.kojin_bango
WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.kojin_bango)
ELSE IGNORE;
MERGE INTO h2 AS t USING person AS s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET (id, w) = (s.id, s.kojin_bango);
`,
    });
    expect(warnings(report)).toEqual([
      expect.stringMatching(/^SPIF-SQL-UNSUPPORTED db\/a\.sql:11 MERGE … UPDATE SET \(a, b\) = \(…\) is not read/),
    ]);
    expect(holders(report)).toEqual(['HIST.V:merge']);
  });
});

describe('MERGE in a routine or trigger body', () => {
  it('Oracle: an upsert USING dual with the parameters, called from a trigger, and a trigger MERGE from :NEW', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('oracle'),
      'db/a.sql': `${TABLES}CREATE OR REPLACE PROCEDURE upsert_no (p_id IN NUMBER, p_no IN VARCHAR2) AS
BEGIN
  MERGE INTO hist h USING dual ON (h.id = p_id)
  WHEN MATCHED THEN UPDATE SET h.v = p_no
  WHEN NOT MATCHED THEN INSERT (id, v) VALUES (p_id, p_no);
END;
/
CREATE OR REPLACE PROCEDURE copy_all AS
BEGIN
  MERGE INTO h3 t USING person s ON (t.id = s.id)
  WHEN NOT MATCHED THEN INSERT (id, x) VALUES (s.id, s.kojin_bango);
END;
/
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
BEGIN
  upsert_no(:NEW.id, :NEW.kojin_bango);
  MERGE INTO h2 USING dual ON (h2.id = :NEW.id)
  WHEN NOT MATCHED THEN INSERT (id, w) VALUES (:NEW.id, :NEW.kojin_bango);
END;
/
`,
    });
    expect(warnings(report)).toEqual([]);
    expect(holders(report)).toEqual(['H2.W:trigger', 'H3.X:merge', 'HIST.V:trigger']);
  });

  it('SQL Server: a procedure’s MERGE of @parameters, called by a trigger', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('sqlserver'),
      'db/a.sql': `${TABLES}GO
CREATE PROCEDURE dbo.upsert_no @Id INT, @No CHAR(12)
AS
  MERGE dbo.hist AS t USING (SELECT @Id AS id, @No AS no) AS s ON t.id = s.id
  WHEN MATCHED THEN UPDATE SET v = @No
  WHEN NOT MATCHED THEN INSERT (id, v) VALUES (@Id, @No);
GO
CREATE TRIGGER dbo.trg ON dbo.person AFTER INSERT AS
BEGIN
  DECLARE @v CHAR(12), @i INT
  SELECT @v = kojin_bango, @i = id FROM inserted
  EXEC dbo.upsert_no @i, @v
END
GO
`,
    });
    expect(warnings(report)).toEqual([]);
    expect(holders(report)).toEqual(['hist.v:trigger']);
  });
});
