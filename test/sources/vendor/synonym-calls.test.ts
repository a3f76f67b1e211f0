/**
 * Oracle synonyms of procedures and packages: a called name and a GRANT EXECUTE may name the
 * routine through a synonym created in another file.
 * - Name resolution ("How Oracle Database Resolves Schema Object References", SQL Language
 *   Reference, https://docs.oracle.com/cd/B14117_01/server.101/b10759/sql_elements009.htm): Oracle
 *   first looks in the current schema's namespace (tables, views, procedures, packages and private
 *   synonyms share it), and "if the object is a private synonym, then Oracle finds the object for
 *   which the synonym stands"; only when nothing there has the name does it look at public synonyms.
 *   For `a.b`, the first piece `a` is looked up the same way (an object of the current schema, a
 *   public synonym, then a schema: Administrator's Guide, "Managing Object Name Resolution").
 * - CREATE SYNONYM: "Oracle Database uses a public synonym only if the object is not prefaced by a
 *   schema and is not followed by a database link".
 * - GRANT: "Synonym privileges are the same as the privileges for the base object. Granting a
 *   privilege on a synonym is equivalent to granting the privilege on the base object" (SQL
 *   Reference, GRANT, object privileges).
 */
import { describe, expect, it } from 'vitest';
import { scanFiles } from './scan-files.js';

type Report = Awaited<ReturnType<typeof scanFiles>>;

const CONFIG = `version: 1\ndialect: oracle\ndatabases:\n  - name: db\n    sources: ["db/*.sql"]\n`;

const holders = (report: Report) =>
  report.relations
    .filter((r) => r.kind === 'table' && r.numberColumns.length && r.name !== 'PERSON')
    .map((r) => `${r.schema}.${r.name}.${r.numberColumns.map((c) => c.column).join(',')}`)
    .sort();
const warnings = (report: Report) =>
  report.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`);

const OWNER_FILE = `CREATE USER owner IDENTIFIED BY x;
CREATE USER app IDENTIFIED BY x;
CREATE TABLE owner.person (id NUMBER PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE owner.hist (id NUMBER, v CHAR(12));
CREATE TABLE owner.audit_log (id NUMBER, no_copy CHAR(12));
CREATE TABLE owner.other (id NUMBER, v CHAR(12));
CREATE OR REPLACE PROCEDURE owner.log_number (p_no IN VARCHAR2) AS
BEGIN
  INSERT INTO owner.hist (v) VALUES (p_no);
END;
/
CREATE OR REPLACE PROCEDURE owner.log_other (p_no IN VARCHAR2) AS
BEGIN
  INSERT INTO owner.other (v) VALUES (p_no);
END;
/
CREATE OR REPLACE PACKAGE owner.pkg_audit AS
  PROCEDURE write_row (p_no IN VARCHAR2);
END pkg_audit;
/
CREATE OR REPLACE PACKAGE BODY owner.pkg_audit AS
  PROCEDURE write_row (p_no IN VARCHAR2) IS
  BEGIN
    INSERT INTO owner.audit_log (no_copy) VALUES (p_no);
  END write_row;
END pkg_audit;
/
`;

describe('Oracle: a called name through synonyms of another file', () => {
  it('private synonym, public synonym of a package (`audit.write_row`), private before public; public only for a bare name', async () => {
    const report = await scanFiles({
      'spif.config.yaml': CONFIG,
      'db/01_owner.sql': OWNER_FILE,
      'db/02_synonyms.sql': `CREATE SYNONYM app.log_no FOR owner.log_number;
CREATE PUBLIC SYNONYM log_no FOR owner.log_other;
CREATE PUBLIC SYNONYM audit FOR owner.pkg_audit;
CREATE PUBLIC SYNONYM pub_log FOR owner.log_number;
`,
      'db/03_app.sql': `ALTER SESSION SET CURRENT_SCHEMA = app;
CREATE OR REPLACE PROCEDURE relay (p_no IN VARCHAR2) AS
BEGIN
  audit.write_row(p_no);
END;
/
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON owner.person FOR EACH ROW
BEGIN
  log_no(:NEW.kojin_bango);
  relay(:NEW.kojin_bango);
  owner.pub_log(:NEW.kojin_bango);
END;
/
`,
    });
    // LOG_NO is app's private synonym (owner.log_number → HIST), not the public one (→ OTHER);
    // owner.pub_log is schema-qualified, so the public synonym PUB_LOG does not stand for it
    expect(holders(report)).toEqual(['OWNER.AUDIT_LOG.NO_COPY', 'OWNER.HIST.V']);
    expect(warnings(report)).toEqual([
      expect.stringMatching(
        /^SPIF-FUNCTION-UNANALYSED db\/03_app\.sql:7 trigger TRG on db\.OWNER\.PERSON passes PERSON\.KOJIN_BANGO to db\.OWNER\.PUB_LOG, which is not defined/,
      ),
    ]);
  });
});

describe('Oracle: EXECUTE granted through a synonym of a routine', () => {
  const unread = `CREATE OR REPLACE PROCEDURE owner.get_no (p_id IN NUMBER) AS
BEGIN
  EXECUTE IMMEDIATE 'SELECT kojin_bango FROM owner.person WHERE id = :1' USING p_id;
END;
/
`;
  const paths = (report: Report) =>
    report.relations.find((r) => r.name === 'PERSON')!.assumptions.filter((a) => a.startsWith('unknown-path:'));

  it.each([
    ['a private synonym', 'CREATE SYNONYM owner.gn FOR owner.get_no;', 'GRANT EXECUTE ON owner.gn TO app;'],
    ['a public synonym', 'CREATE PUBLIC SYNONYM gn FOR owner.get_no;', 'GRANT EXECUTE ON gn TO app;'],
    ['a synonym of a package', 'CREATE PUBLIC SYNONYM audit FOR owner.pkg_audit;', 'GRANT EXECUTE ON audit TO app;'],
  ])('%s in another file grants on its routine', async (what, synonym, grant) => {
    const pkg = what.includes('package');
    const report = await scanFiles({
      'spif.config.yaml': CONFIG,
      'db/01_owner.sql': pkg
        ? OWNER_FILE.replace(
            'INSERT INTO owner.audit_log (no_copy) VALUES (p_no);',
            "EXECUTE IMMEDIATE 'SELECT 1 FROM dual';",
          )
        : OWNER_FILE + unread,
      'db/02_synonyms.sql': `${synonym}\n`,
      'db/03_grants.sql': `${grant}\n`,
    });
    expect(warnings(report).filter((w) => w.includes('SPIF-SQL-UNKNOWN-RELATION'))).toEqual([]);
    expect(paths(report)).toEqual([
      expect.stringMatching(
        pkg
          ? /^unknown-path:db\.OWNER\.PKG_AUDIT\.WRITE_ROW\(VARCHAR2\):.*:APP$/
          : /^unknown-path:db\.OWNER\.GET_NO\(\):.*:APP$/,
      ),
    ]);
  });

  it('without the synonym the GRANT names nothing: a located warning, no path', async () => {
    const report = await scanFiles({
      'spif.config.yaml': CONFIG,
      'db/01_owner.sql': OWNER_FILE + unread,
      'db/03_grants.sql': 'GRANT EXECUTE ON gn TO app;\n',
    });
    expect(warnings(report).filter((w) => w.includes('SPIF-SQL-UNKNOWN-RELATION'))).toEqual([
      expect.stringMatching(/^SPIF-SQL-UNKNOWN-RELATION db\/03_grants\.sql:1 /),
    ]);
    expect(paths(report)).toEqual([]);
  });
});
