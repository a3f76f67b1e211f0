/**
 * The Db2 reader and Db2's access semantics: a db2look export (fixtures/db2) and small scripts,
 * each rule with the IBM Db2 11.5 documentation page it comes from.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskAudience } from '../../../src/access/products/db2.js';
import { scan } from '../../../src/pipeline.js';
import { db2Reader } from '../../../src/sources/db2/reader.js';
import { oneDatabase, scanFiles } from '../vendor/scan-files.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/db2');

describe('db2look export fixture (fixtures/db2)', async () => {
  const { report } = await scan({ paths: [FIXTURE], jobs: 1 });
  const rel = (name: string) => report.relations.find((r) => r.id === `kokuho.KOKUHO.${name}`)!;

  it('reads the db2look file without a diagnostic: IN tablespace, WITH DEFAULT, OCTETS, identity, ENFORCED keys', () => {
    expect(report.diagnostics).toEqual([]);
    expect(rel('KOJIN').columns).toEqual([
      { name: 'ATENA_NO', type: 'VARCHAR(15 OCTETS)' },
      { name: 'KOJIN_BANGO', type: 'CHAR(12 OCTETS)', comment: '個人番号' },
      { name: 'SHIMEI', type: 'VARGRAPHIC(60 CODEUNITS16)' },
      { name: 'KOSHIN_TS', type: 'TIMESTAMP' },
    ]);
  });

  it('an activated column mask hides the number from IDs it does not name (CREATE MASK; ALTER TABLE ACTIVATE COLUMN ACCESS CONTROL)', () => {
    const t = rel('TSUCHI');
    expect(t.classification).toBe('not-specific');
    expect(t.blocked).toContainEqual(
      expect.objectContaining({
        principal: 'madoguchi-system',
        control: 'masked',
        at: 'kokuho.KOKUHO.KOJIN.KOJIN_BANGO',
      }),
    );
  });

  it('the role the mask names sees the value, also through a role granted to a user (GRANT (role))', () => {
    expect(
      rel('HIHOKENSHA')
        .reachable.map((r) => r.principal)
        .sort(),
    ).toEqual(['BANGO_TANTO', 'TANAKA']);
  });
});

describe('Db2 access rules on small scripts', () => {
  const tables = `
CREATE TABLE K.KOJIN (ATENA_NO VARCHAR(15) NOT NULL PRIMARY KEY, KOJIN_BANGO CHAR(12));
CREATE TABLE K.TSUCHI (TSUCHI_ID INTEGER, ATENA_NO VARCHAR(15) REFERENCES K.KOJIN (ATENA_NO));
GRANT SELECT ON TABLE K.TSUCHI TO USER APP;
`;
  const tsuchi = async (extra: string) => {
    const report = await scanFiles({ 'spif.config.yaml': oneDatabase('db2'), 'db/a.sql': tables + extra });
    expect(report.diagnostics).toEqual([]);
    return report.relations.find((r) => r.name === 'TSUCHI')!;
  };

  it('without a privilege on KOJIN the link is access-controlled', async () => {
    expect((await tsuchi('')).classification).toBe('not-specific');
  });

  it('a grant to PUBLIC reaches every ID (GRANT (table privileges), PUBLIC)', async () => {
    expect((await tsuchi('GRANT SELECT ON K.KOJIN TO PUBLIC;')).classification).toBe('specific');
  });

  it('CONTROL implies SELECT (GRANT (table privileges), CONTROL)', async () => {
    expect((await tsuchi('GRANT CONTROL ON TABLE K.KOJIN TO USER APP;')).classification).toBe('specific');
  });

  it('DATAACCESS reads every table; DBADM includes it unless WITHOUT DATAACCESS (GRANT (database authorities))', async () => {
    expect((await tsuchi('GRANT DATAACCESS ON DATABASE TO USER APP;')).classification).toBe('specific');
    expect((await tsuchi('GRANT DBADM ON DATABASE TO USER APP;')).classification).toBe('specific');
    expect((await tsuchi('GRANT DBADM WITHOUT DATAACCESS ON DATABASE TO USER APP;')).classification).toBe(
      'not-specific',
    );
  });

  it('row access control with no enabled permission hides every row (ALTER TABLE ACTIVATE ROW ACCESS CONTROL: default permission 1=0)', async () => {
    const t = await tsuchi('GRANT SELECT ON K.KOJIN TO PUBLIC;\nALTER TABLE K.KOJIN ACTIVATE ROW ACCESS CONTROL;');
    expect(t.classification).toBe('not-specific');
    expect(t.blocked).toContainEqual(expect.objectContaining({ principal: 'APP', control: 'row-security-denies' }));
  });

  it('an enabled permission lets rows through as an assumption (CREATE PERMISSION)', async () => {
    const report = await scanFiles({
      'spif.config.yaml': oneDatabase('db2'),
      'db/a.sql': `${tables}GRANT SELECT ON K.KOJIN TO PUBLIC;\nCREATE PERMISSION K.P1 ON K.KOJIN FOR ROWS WHERE VERIFY_ROLE_FOR_USER(SESSION_USER, 'R1') = 1 ENFORCED FOR ALL ACCESS ENABLE;\nALTER TABLE K.KOJIN ACTIVATE ROW ACCESS CONTROL;`,
    });
    expect(report.relations.find((r) => r.name === 'TSUCHI')!.classification).toBe('specific');
    expect(report.relations.find((r) => r.name === 'KOJIN')!.assumptions).toContain(
      'row-filter-unevaluated:db2-permission:K.P1:db.K.KOJIN',
    );
  });

  it('a mask is not in force before ACTIVATE COLUMN ACCESS CONTROL, nor when created DISABLE (CREATE MASK, default DISABLE)', async () => {
    const mask =
      "CREATE MASK K.M ON K.KOJIN FOR COLUMN KOJIN_BANGO RETURN CASE WHEN SESSION_USER = 'BOSS' THEN KOJIN_BANGO ELSE NULL END ENABLE;";
    expect((await tsuchi(`GRANT SELECT ON K.KOJIN TO USER APP;\n${mask}`)).classification).toBe('specific');
    expect(
      (
        await tsuchi(
          `GRANT SELECT ON K.KOJIN TO USER APP;\n${mask}\nALTER TABLE K.KOJIN ACTIVATE COLUMN ACCESS CONTROL;`,
        )
      ).classification,
    ).toBe('not-specific');
    expect(
      (
        await tsuchi(
          `GRANT SELECT ON K.KOJIN TO USER APP;\n${mask.replace(' ENABLE;', ';')}\nALTER TABLE K.KOJIN ACTIVATE COLUMN ACCESS CONTROL;`,
        )
      ).classification,
    ).toBe('specific');
  });

  it('a GRANT on an alias grants on its table (CREATE ALIAS)', async () => {
    expect(
      (await tsuchi('CREATE ALIAS K.KJ FOR TABLE K.KOJIN;\nGRANT SELECT ON TABLE K.KJ TO USER APP;')).classification,
    ).toBe('specific');
  });

  it('an alias of another file, and a PUBLIC alias, still grant on the table (CREATE ALIAS; src/catalog/synonyms.ts)', async () => {
    const across = async (b: string) => {
      const report = await scanFiles({
        'spif.config.yaml': oneDatabase('db2'),
        'db/a.sql': `${tables}CREATE ALIAS K.KJ FOR TABLE K.KOJIN;\nCREATE PUBLIC ALIAS PKJ FOR TABLE K.KOJIN;\n`,
        'db/b.sql': b,
      });
      expect(report.diagnostics).toEqual([]);
      return report.relations.find((r) => r.name === 'TSUCHI')!.classification;
    };
    expect(await across('GRANT SELECT ON TABLE K.KJ TO USER APP;')).toBe('specific');
    expect(await across('SET SCHEMA APPS;\nGRANT SELECT ON TABLE PKJ TO USER APP;')).toBe('specific');
    expect(await across('GRANT SELECT ON TABLE K.TSUCHI TO USER OTHER;')).toBe('not-specific');
  });

  it('SET SCHEMA places unqualified names', async () => {
    const r = await db2Reader.read(
      { path: 'x.sql', text: 'SET SCHEMA KOKUHO;\nCREATE TABLE T (A INT);' },
      { dialect: 'db2' },
    );
    expect((r.ops[1] as { name: unknown }).name).toEqual({ name: 'T', schema: 'KOKUHO' });
  });

  it('reads compound statements under --#SET TERMINATOR without splitting them', async () => {
    const r = await db2Reader.read(
      {
        path: 'x.sql',
        text: '--#SET TERMINATOR @\nCREATE PROCEDURE P() BEGIN UPDATE T SET A = 1; DELETE FROM T; END@\nCREATE TABLE U (A INT)@\n',
      },
      { dialect: 'db2' },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.ops.map((o) => o.op)).toEqual(['create-function', 'create-table']);
  });
});

describe('Db2 mask audience', () => {
  it('reads VERIFY_ROLE_FOR_USER / VERIFY_GROUP_FOR_USER / SESSION_USER conditions, and nothing else', () => {
    expect(
      maskAudience(
        "CASE WHEN VERIFY_ROLE_FOR_USER(SESSION_USER, 'A', 'B') = 1 OR SESSION_USER = 'C' THEN X ELSE NULL END",
        'X',
      ),
    ).toEqual(new Set(['A', 'B', 'C']));
    expect(maskAudience("CASE WHEN VERIFY_GROUP_FOR_USER(SESSION_USER, 'G') = 1 THEN \"X\" ELSE 'x' END", 'X')).toEqual(
      new Set(['G']),
    );
    expect(maskAudience("CASE WHEN CURRENT DATE > '2026-01-01' THEN X ELSE NULL END", 'X')).toBeUndefined();
    expect(maskAudience("CASE WHEN SESSION_USER = 'C' THEN 'XXXX' ELSE X END", 'X')).toBeUndefined();
  });
});
