/**
 * The Oracle, SQL Server and Db2 readers speak through the message catalogue
 * (src/diagnostic-text/vendor.ts): a project whose three databases make them warn, fail and inform
 * is scanned through the bin. Under --lang en every message is the English the readers wrote
 * before they were converted (listed here as the bin printed them then); under --lang ja each is
 * Japanese, in the JSON's entry and in the text report. `VendorContext.warn / info / error` take
 * only a catalogue entry, so no English-only message can come back (the type checker refuses it).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../../src/report/messages.js';
import { runBin } from '../../helpers/bin.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const CONFIG = `version: 1
databases:
  - name: ora
    dialect: oracle
    sources: ["ora/*.sql"]
  - name: mss
    dialect: sqlserver
    sources: ["mss/*.sql"]
  - name: db2
    dialect: db2
    sources: ["db2/*.sql"]
`;

const FILES: Record<string, string> = {
  'ora/schema.sql':
    "CREATE TABLE person (id NUMBER PRIMARY KEY, kojin_bango CHAR(12));\nCREATE TABLE hist (id NUMBER, v CHAR(12));\nCREATE TABLE broken (id NUMBER,, v CHAR(12));\nCREATE ROLE secure_role IDENTIFIED BY pw;\nGRANT FLY ON person TO secure_role;\nCREATE VIEW v_star AS SELECT * FROM elsewhere;\nINSERT ALL INTO hist (v) VALUES (kojin_bango) SELECT kojin_bango FROM person;\nCREATE OR REPLACE PROCEDURE dyn (p_no IN VARCHAR2) AS\nBEGIN\n  EXECUTE IMMEDIATE 'INSERT INTO hist (v) VALUES (:1)' USING p_no;\nEND;\n/\nCREATE OR REPLACE PROCEDURE relay (p_no IN VARCHAR2) AS\nBEGIN\n  send_out(p_no);\nEND;\n/\nCREATE OR REPLACE TRIGGER trg AFTER INSERT ON person FOR EACH ROW\nBEGIN\n  FOR r IN (SELECT 1 FROM dual) LOOP NULL; END LOOP;\n  dyn(:NEW.kojin_bango);\nEND;\n/\nBEGIN\n  EXECUTE IMMEDIATE 'GRANT SELECT ON person TO PUBLIC';\nEND;\n/\nBEGIN\n  DBMS_RLS.ADD_POLICY(object_name => v_name, policy_name => 'p', policy_function => 'f');\nEND;\n/\n",
  'mss/schema.sql':
    "CREATE TABLE dbo.person (id INT PRIMARY KEY, kojin_bango CHAR(12));\nGO\nCREATE TABLE dbo.hist (id INT, v CHAR(12));\nGO\nEXEC ('SELECT 1');\nGO\nEXEC sp_addrolemember N'db_datareader';\nGO\nMERGE INTO dbo.hist AS t USING (SELECT id, kojin_bango FROM dbo.person) AS s (i, k) ON t.id = s.i\nWHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.i, s.k);\nGO\nCREATE PROCEDURE dbo.p WITH EXECUTE AS OWNER AS EXEC sp_executesql N'SELECT 1';\nGO\nGRANT SELECT ON dbo.person TO;\nGO\n",
  'db2/schema.sql':
    'CREATE TABLE person (id INT NOT NULL PRIMARY KEY, kojin_bango CHAR(12));\nCREATE TABLE hist (id INT, v CHAR(12));\nGRANT FLY ON TABLE person TO USER app;\nUPDATE hist SET (id, v) = (SELECT id, kojin_bango FROM person WHERE person.id = hist.id);\nCREATE PROCEDURE p (IN x INT) LANGUAGE SQL\nBEGIN\n  DECLARE c CURSOR FOR SELECT kojin_bango FROM person;\nEND;\n',
};

/** What the bin printed for this project before the vendor readers were converted (`code file:line message`). */
const ENGLISH = [
  'SPIF-SQL-SYNTAX db2/schema.sql:3 FLY is not a table privilege at the end of the statement',
  'SPIF-SQL-UNSUPPORTED db2/schema.sql:4 UPDATE … SET (a, b) = (SELECT …) is not read: the values it copies are not followed',
  "SPIF-FUNCTION-UNANALYSED db2/schema.sql:5 procedure db2.main.P(INTEGER): the procedure body is not read: a cursor in the body is not followed (static SQL runs with its package owner's (the definer's) authorization); as it runs with other rights than the caller's it is an unknown path to every relation its owner may read",
  "SPIF-SQL-DYNAMIC mss/schema.sql:5 EXEC ('…') runs SQL built at run time, which spif cannot read",
  'SPIF-SQL-SYNTAX mss/schema.sql:7 sp_addrolemember needs a role and a member at the end of the statement',
  'SPIF-SQL-UNSUPPORTED mss/schema.sql:9 a MERGE whose source renames its columns (USING … AS s (a, b)) is not read: the values it copies are not followed',
  "SPIF-FUNCTION-UNANALYSED mss/schema.sql:12 procedure mss.dbo.p(): the procedure body is not read: sp_executesql (dynamic SQL) is not followed (EXECUTE AS OWNER); as it runs with other rights than the caller's it is an unknown path to every relation its owner may read",
  'SPIF-SQL-SYNTAX mss/schema.sql:14 expected a principal at the end of the statement',
  'SPIF-SQL-SYNTAX ora/schema.sql:3 expected a column name, found ,',
  'SPIF-ORACLE-SECURE-ROLE ora/schema.sql:4 role SECURE_ROLE is password- or package-protected: a user can enable it only with SET ROLE … IDENTIFIED BY (or the package); spif treats it as one the user may enable',
  'SPIF-SQL-SYNTAX ora/schema.sql:5 FLY is not an object privilege at the end of the statement',
  "SPIF-VIEW-UNDEFINED-BASE ora/schema.sql:6 view ora.main.V_STAR reads ora.main.ELSEWHERE, which no source defines: its columns are read by the base columns' names only; add the source that creates ELSEWHERE",
  'SPIF-SQL-UNSUPPORTED ora/schema.sql:6 view selects * from ELSEWHERE, not declared earlier in this file: its columns are unknown',
  'SPIF-SQL-UNSUPPORTED ora/schema.sql:7 a multitable INSERT ALL | FIRST is not read: the values it copies are not followed',
  "SPIF-FUNCTION-UNANALYSED ora/schema.sql:8 procedure ora.main.DYN(): the procedure body is not read: EXECUTE IMMEDIATE of dynamic SQL is not followed (definer's rights (AUTHID DEFINER, the default)); as it runs with other rights than the caller's it is an unknown path to every relation its owner may read",
  "SPIF-FUNCTION-UNANALYSED ora/schema.sql:13 procedure ora.main.RELAY(): the procedure body is not read: it calls SEND_OUT (passing P_NO), which is not defined in the sources: what it does with them is not known (definer's rights (AUTHID DEFINER, the default)); as it runs with other rights than the caller's it is an unknown path to every relation its owner may read",
  "SPIF-FUNCTION-UNANALYSED ora/schema.sql:18 trigger TRG on person: the body's FOR statement is not read; the values it copies are not followed",
  "SPIF-FUNCTION-UNANALYSED ora/schema.sql:18 trigger TRG on ora.main.PERSON passes PERSON.KOJIN_BANGO to ora.main.DYN(), whose body was not read (the procedure body is not read: EXECUTE IMMEDIATE of dynamic SQL is not followed (definer's rights (AUTHID DEFINER, the default))): the tables it writes them into are not known",
  'SPIF-SQL-DYNAMIC ora/schema.sql:25 EXECUTE IMMEDIATE runs SQL built at run time, which spif cannot read: GRANTs or policies it creates are not known',
  'SPIF-SQL-UNSUPPORTED ora/schema.sql:29 DBMS_RLS.ADD_POLICY: object_name is not a literal string, so the table it protects is unknown',
];

type Diag = { code: string; message: string; text?: { key: string; args: unknown[] }; file?: string; line?: number };

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spif-vendor-texts-'));
  writeFileSync(path.join(dir, 'spif.config.yaml'), CONFIG);
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('the vendor readers in both languages', () => {
  const dir = project();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--lang en: the exact English messages as before; each has its catalogue entry', async () => {
    const json = await runBin(['scan', '.', '--format', 'json', '--lang', 'en'], dir);
    expect(json.stdout, json.stderr).not.toBe('');
    const diagnostics = JSON.parse(json.stdout).diagnostics as Diag[];
    expect(diagnostics.map((d) => `${d.code} ${d.file}:${d.line} ${d.message}`)).toEqual(ENGLISH);
    for (const d of diagnostics) {
      expect(d.text, `${d.code} ${d.message}`).toBeDefined();
      expect(diagnosticMessage('en', d as Parameters<typeof diagnosticMessage>[1])).toBe(d.message);
    }
    const text = await runBin(['scan', '.', '--lang', 'en'], dir);
    expect(text.stdout).toContain('EXECUTE IMMEDIATE runs SQL built at run time, which spif cannot read');
    expect(text.stdout).toContain('expected a column name, found ,');
  });

  it('--lang ja: every vendor message is Japanese, in the JSON entry and the text report', async () => {
    const json = await runBin(['scan', '.', '--format', 'json', '--lang', 'ja'], dir);
    const diagnostics = JSON.parse(json.stdout).diagnostics as Diag[];
    expect(diagnostics.length).toBe(ENGLISH.length);
    for (const d of diagnostics) {
      expect(d.message, d.code).not.toMatch(JAPANESE); // the JSON's message stays English
      const ja = diagnosticMessage('ja', d as Parameters<typeof diagnosticMessage>[1]);
      expect(ja, d.message).toMatch(JAPANESE);
      expect(ja).not.toBe(d.message);
    }
    const text = await runBin(['scan', '.', '--lang', 'ja'], dir);
    expect(text.stdout).toContain('列名 が必要（, があった）');
    expect(text.stdout).toContain('FLY はオブジェクト権限ではない（文の終わりに達した）');
    expect(text.stdout).toContain('sp_addrolemember にはロールとメンバーが必要');
    expect(text.stdout).toContain('複数テーブルへの INSERT ALL | FIRST を読んでいないため、複写する値は追跡しない');
    expect(text.stdout).toContain(
      'プロシージャの本体を読めていない: 本体のカーソルは追跡しない（静的 SQL はパッケージ所有者（定義者）の権限で実行される）',
    );
    expect(text.stdout).toContain('SEND_OUT を呼び出す（P_NO を渡す）が、SEND_OUT はソースで定義されていない');
    expect(text.stdout).toContain('person のトリガー TRG: 本体の FOR 文を読んでいない。複写する値は追跡しない');
    expect(text.stdout).toContain('ロール SECURE_ROLE はパスワード又はパッケージで保護されており');
    const diagnosticLines = text.stdout.split('\n').filter((l) => / SPIF-[A-Z-]+ /.test(l));
    expect(diagnosticLines.length).toBe(ENGLISH.length);
    for (const l of diagnosticLines)
      expect(l).not.toMatch(/is not read|not followed|cannot read|at the end of the statement|, found |expected a /);
  });
});
