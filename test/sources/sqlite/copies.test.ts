/**
 * Copies in SQLite scripts, checked on the real SQLite (Debian's sqlite3 shell; skipped with a
 * message where it is not installed): `INSERT … SELECT` and `WITH … INSERT` ("the rows returned by
 * the SELECT", SQLite INSERT), `UPDATE … SET c = (SELECT …)` and `UPDATE … FROM` (SQLite UPDATE,
 * 2.2 UPDATE FROM), `CREATE TABLE … AS SELECT` and triggers whose bodies write `NEW.col` / `OLD.col`
 * (SQLite CREATE TRIGGER) put the number into their target columns, whatever those are called. A
 * dump's `INSERT … VALUES` of literals copies nothing. spif must mark exactly the columns SQLite fills.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import { bigqueryReader } from '../../../src/sources/bigquery/reader.js';
import { sqliteReader } from '../../../src/sources/sqlite/reader.js';
import type { ReadResult } from '../../../src/sources/types.js';

const NUMBER = '123456789018';

const SCHEMA = `CREATE TABLE jumin (atena_no TEXT PRIMARY KEY, kojin_bango TEXT, shimei TEXT);
CREATE TABLE rireki (atena TEXT, kyu TEXT);
CREATE TABLE hikae (atena TEXT, atai TEXT);
CREATE TRIGGER jumin_au AFTER UPDATE ON jumin BEGIN
  INSERT INTO rireki (atena, kyu) VALUES (OLD.atena_no, OLD.kojin_bango);
  UPDATE hikae SET atai = NEW.kojin_bango WHERE atena = NEW.atena_no;
  DELETE FROM hikae WHERE atena IS NULL;
END;
INSERT INTO jumin VALUES ('A1', '${NUMBER}', 'select * from x');
INSERT INTO hikae VALUES ('A1', NULL);
CREATE TABLE ikou (atena TEXT, bango TEXT, namae TEXT);
INSERT INTO ikou (atena, bango, namae) SELECT atena_no, kojin_bango, shimei FROM jumin;
CREATE TABLE cte_ikou (a TEXT, b TEXT);
WITH s AS (SELECT atena_no, kojin_bango FROM jumin) INSERT INTO cte_ikou SELECT * FROM s;
CREATE TABLE hosei (atena TEXT, kakunin TEXT, memo TEXT);
INSERT INTO hosei VALUES ('A1', NULL, 'select later');
UPDATE hosei SET kakunin = (SELECT j.kojin_bango FROM jumin j WHERE j.atena_no = hosei.atena), memo = 'done';
CREATE TABLE fukusei (atena TEXT, atai TEXT);
INSERT INTO fukusei VALUES ('A1', NULL);
UPDATE fukusei SET atai = j.kojin_bango FROM jumin AS j WHERE j.atena_no = fukusei.atena;
CREATE TABLE snapshot AS SELECT atena_no AS atena, kojin_bango AS kb FROM jumin;
UPDATE jumin SET shimei = 'Suzuki';
`;

const sqlite3 = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
const skipped = sqlite3.status === 0 ? undefined : 'the sqlite3 shell is not installed (Debian package sqlite3)';

function spifCopies(sql: string): { columns: string[]; diagnostics: string[] } {
  const read = sqliteReader.read({ path: 'schema.sql', text: sql }, { dialect: 'sqlite' }) as ReadResult;
  const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'sqlite', ops: read.ops }]);
  const columns: string[] = [];
  for (const r of catalog.relations.values())
    for (const c of r.columns) {
      const sources = [...(c.copiedFrom ?? []), ...(r.view?.columns.find((v) => v.name === c.name)?.from ?? [])];
      if (r.name !== 'jumin' && sources.some((s) => s.relation.name === 'jumin' && s.column === 'kojin_bango'))
        columns.push(`${r.name}.${c.name}`);
    }
  return {
    columns: columns.sort(),
    diagnostics: [...read.diagnostics, ...diagnostics].filter((d) => d.severity !== 'info').map((d) => d.message),
  };
}

/** The columns that hold the number after SQLite has run the script. */
function sqliteHolding(sql: string): string[] {
  const run = (query: string) =>
    execFileSync('sqlite3', [':memory:'], { input: `${sql}\n${query}\n`, encoding: 'utf8' })
      .trim()
      .split('\n');
  const tables = run(`SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'jumin';`);
  const out: string[] = [];
  for (const t of tables) {
    const cols = run(`SELECT name FROM pragma_table_info('${t}');`);
    const counts = run(cols.map((c) => `SELECT count(*) FROM "${t}" WHERE "${c}" = '${NUMBER}';`).join('\n'));
    cols.forEach((c, i) => {
      if (Number(counts[i]) > 0) out.push(`${t}.${c}`);
    });
  }
  return out.sort();
}

describe('SQLite scripts and triggers that copy the number', () => {
  it('spif marks exactly the columns SQLite fills with the number', () => {
    const spif = spifCopies(SCHEMA);
    expect(spif.diagnostics).toEqual([]);
    expect(spif.columns).toEqual([
      'cte_ikou.b',
      'fukusei.atai',
      'hikae.atai',
      'hosei.kakunin',
      'ikou.bango',
      'rireki.kyu',
      'snapshot.kb',
    ]);
    if (skipped) return void console.warn(`SQLite side skipped (${skipped})`);
    expect(spif.columns).toEqual(sqliteHolding(SCHEMA));
  });

  it('BigQuery MERGE copies into its target (GoogleSQL DML, MERGE statement; no BigQuery server here)', () => {
    // "When the column names of the target table are omitted, all columns in the target table are
    // included in ascending order based on their ordinal positions"; "ROW can be used to include
    // all the columns of the source in the ascending sequence of their ordinal positions".
    const sql = `CREATE TABLE ds.jumin (id INT64, kojin_bango STRING, shimei STRING);
CREATE TABLE ds.hikae (id INT64, atai STRING, memo STRING);
CREATE TABLE ds.zenbu (id INT64, kb STRING, namae STRING);
CREATE TABLE ds.narabi (a INT64, b STRING, c STRING);
CREATE TABLE ds.kesu (id INT64, x STRING);
MERGE ds.hikae h USING ds.jumin j ON h.id = j.id
  WHEN MATCHED THEN UPDATE SET atai = j.kojin_bango, memo = 'u'
  WHEN NOT MATCHED BY TARGET THEN INSERT (id, memo) VALUES (id, shimei);
MERGE ds.zenbu z USING (SELECT id, kojin_bango, shimei FROM ds.jumin) s ON z.id = s.id
  WHEN NOT MATCHED THEN INSERT ROW;
MERGE ds.narabi n USING ds.jumin j ON FALSE
  WHEN NOT MATCHED THEN INSERT VALUES (j.id, j.shimei, j.kojin_bango);
MERGE ds.kesu k USING ds.jumin j ON k.id = j.id
  WHEN MATCHED THEN DELETE;
CREATE PROCEDURE ds.p() BEGIN
  IF TRUE THEN
    MERGE ds.kesu k USING ds.jumin j ON k.id = j.id WHEN MATCHED THEN UPDATE SET x = j.kojin_bango;
  END IF;
END;
`;
    const read = bigqueryReader.read({ path: 'bq.sql', text: sql }, { dialect: 'bigquery' }) as ReadResult;
    expect(read.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const { catalog } = buildCatalog([{ database: 'default', dialect: 'bigquery', ops: read.ops }]);
    const holding: string[] = [];
    for (const r of catalog.relations.values())
      for (const c of r.columns)
        if (c.copiedFrom?.some((x) => x.relation.name === 'jumin' && x.column === 'kojin_bango' && x.via === 'merge'))
          holding.push(`${r.name}.${c.name}`);
    expect(holding.sort()).toEqual(['hikae.atai', 'kesu.x', 'narabi.c', 'zenbu.kb']);
  });
});
