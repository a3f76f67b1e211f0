/**
 * Routines of one name with other parameters (overloads), as Db2 and Oracle packages allow them:
 * - Db2 tells functions apart by "the number of parameters … and an ordered list of the types of
 *   the parameters (without regard to any parameters of the types)" (SQL0454N / SQLSTATE 42723,
 *   https://www.ibm.com/support/knowledgecenter/SSEPEK_12.0.0/codes/src/tpc/n454.html): each is a
 *   routine of its own, `GET_NO(VARCHAR)`.
 * - A GRANT, REVOKE or DROP naming one without its signature, where the schema has several, is
 *   refused: "References to a routines without a signature are permitted, but the identified
 *   routine … must be unique in its schema … The statement cannot be processed" (SQL0476N,
 *   SQLSTATE 42725, https://www.ibm.com/support/knowledgecenter/SSEPEK_12.0.0/codes/src/tpc/n476.html);
 *   the signature or the SPECIFIC name names one.
 * - A call is resolved by its number of arguments ("The stored procedure has the same number of
 *   parameters as in the CALL statement", https://www.ibm.com/docs/SSEPEK_12.0.0/apsg/src/tpc/db2z_howdb2determinessp.html),
 *   then by the arguments' types where the columns passed say them; what stays ambiguous is a
 *   located SPIF-ROUTINE-AMBIGUOUS warning, and every candidate is followed.
 */
import { describe, expect, it } from 'vitest';
import { oneDatabase, scanFiles } from './scan-files.js';

type Report = Awaited<ReturnType<typeof scanFiles>>;

const routines = (report: Report) =>
  report.relations
    .filter((r) => r.kind === 'function')
    .map((r) => r.id)
    .sort();
const readers = (report: Report) =>
  report.relations
    .filter((r) => r.kind === 'function')
    .flatMap((r) => r.reachable.map((x) => `${x.principal} ${r.name}`))
    .sort();
const warnings = (report: Report) =>
  report.diagnostics.filter((d) => d.severity === 'warning').map((d) => `${d.code} :${d.line} ${d.message}`);

const DB2 = `CREATE TABLE K.KOJIN (ATENA_NO VARCHAR(15) NOT NULL PRIMARY KEY, SEQ INT, KOJIN_BANGO CHAR(12), SHIMEI VARCHAR(40));
GRANT SELECT ON TABLE K.KOJIN TO USER OWNER1;
CREATE FUNCTION K.GET_NO (P VARCHAR(15)) RETURNS CHAR(12)
LANGUAGE SQL READS SQL DATA
RETURN SELECT KOJIN_BANGO FROM K.KOJIN WHERE ATENA_NO = P;
CREATE FUNCTION K.GET_NO (P INT) RETURNS VARCHAR(40)
LANGUAGE SQL READS SQL DATA SPECIFIC GET_NO_SEQ
RETURN SELECT SHIMEI FROM K.KOJIN WHERE SEQ = P;
`;

describe('Db2 overloads (same name, other parameter types)', () => {
  it('each overload is a routine of its own; a GRANT naming the name alone is refused (SQLSTATE 42725), by signature or SPECIFIC name it applies', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${DB2}GRANT EXECUTE ON FUNCTION K.GET_NO TO USER APP;
GRANT EXECUTE ON FUNCTION K.GET_NO (CHARACTER VARYING(15)) TO USER APP_NO;
GRANT EXECUTE ON SPECIFIC FUNCTION K.GET_NO_SEQ TO USER APP_NAME;
`,
    });
    expect(routines(report)).toEqual(['db.K.GET_NO(INTEGER)', 'db.K.GET_NO(VARCHAR)']);
    expect(warnings(report)).toEqual([
      expect.stringMatching(
        /^SPIF-ROUTINE-AMBIGUOUS :9 GRANT\/REVOKE: db\.K\.GET_NO is named without its parameter types.*\(GET_NO\(VARCHAR\), GET_NO\(INTEGER\)\).*42725/,
      ),
    ]);
    // APP got nothing; APP_NO the overload returning the number; APP_NAME (SPECIFIC) the other
    expect(readers(report)).toEqual(['APP_NO GET_NO(VARCHAR)']);
    const names = report.relations.find((r) => r.name === 'GET_NO(INTEGER)')!;
    expect(names.numberColumns).toEqual([]);
  });

  it('DROP FUNCTION by the name alone is refused; by signature it drops that overload only', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${DB2}DROP FUNCTION K.GET_NO;
DROP FUNCTION K.GET_NO (INTEGER);
`,
    });
    expect(warnings(report)).toEqual([
      expect.stringMatching(/^SPIF-ROUTINE-AMBIGUOUS :9 DROP FUNCTION: db\.K\.GET_NO/),
    ]);
    expect(routines(report)).toEqual(['db.K.GET_NO(VARCHAR)']);
  });

  it('a unique name needs no signature: GRANT applies', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${DB2.split('CREATE FUNCTION K.GET_NO (P INT)')[0]}GRANT EXECUTE ON FUNCTION K.GET_NO TO USER APP;\n`,
    });
    expect(warnings(report)).toEqual([]);
    expect(readers(report)).toEqual(['APP GET_NO(VARCHAR)']);
  });
});

describe('a trigger calling an overloaded procedure', () => {
  const tables = `CREATE TABLE person (id INT PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE hist (id INT, v CHAR(12));
CREATE TABLE memo (id INT, n INT);
`;
  it('Db2: the procedure with as many parameters as the CALL has arguments', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${tables}CREATE PROCEDURE log_row (IN p_no CHAR(12))
LANGUAGE SQL
BEGIN
  INSERT INTO hist (id, v) VALUES (0, p_no);
END;
CREATE PROCEDURE log_row (IN p_id INT, IN p_no CHAR(12))
LANGUAGE SQL
BEGIN
  INSERT INTO memo (id, n) VALUES (p_id, p_id);
END;
CREATE TRIGGER trg AFTER INSERT ON person REFERENCING NEW AS n FOR EACH ROW
CALL log_row(n.kojin_bango);
`,
    });
    expect(warnings(report)).toEqual([]);
    expect(report.relations.find((r) => r.name === 'HIST')!.numberColumns.map((c) => c.column)).toEqual(['V']);
    expect(report.relations.find((r) => r.name === 'MEMO')!.numberColumns).toEqual([]);
  });

  it('Oracle package: the overload whose parameter type fits the column passed; same-family overloads are ambiguous, and both are followed', async () => {
    const pkg = (second: string) => `${tables}CREATE TABLE memo2 (id INT, t CHAR(12));
CREATE OR REPLACE PACKAGE pkg AS
  PROCEDURE w (p IN VARCHAR2);
  PROCEDURE w (p IN ${second});
END pkg;
/
CREATE OR REPLACE PACKAGE BODY pkg AS
  PROCEDURE w (p IN VARCHAR2) IS
  BEGIN
    INSERT INTO hist (id, v) VALUES (0, p);
  END w;
  PROCEDURE w (p IN ${second}) IS
  BEGIN
    INSERT INTO memo2 (id, t) VALUES (1, p);
  END w;
END pkg;
/
CREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW
BEGIN
  pkg.w(:NEW.kojin_bango);
END;
/
`;
    const typed = await scanFiles({ 'spif.config.yaml': oneDatabase('oracle'), 'db/a.sql': pkg('NUMBER') });
    expect(warnings(typed)).toEqual([]);
    const holders = (r: Report) =>
      r.relations
        .filter((x) => x.kind === 'table' && x.name !== 'PERSON' && x.numberColumns.length)
        .map((x) => x.name)
        .sort();
    expect(holders(typed)).toEqual(['HIST']);
    const same = await scanFiles({ 'spif.config.yaml': oneDatabase('oracle'), 'db/a.sql': pkg('CHAR') });
    expect(warnings(same)).toEqual([
      expect.stringMatching(
        /^SPIF-ROUTINE-AMBIGUOUS :\d+ trigger TRG on db\.main\.PERSON passes PERSON\.KOJIN_BANGO to db\.main\.PKG\.W, which more than one routine of that name could take \(PKG\.W\(VARCHAR2\), PKG\.W\(CHAR\)\)/,
      ),
    ]);
    expect(holders(same)).toEqual(['HIST', 'MEMO2']);
  });
});
