/**
 * Copies inside MySQL/MariaDB triggers and stored routines, checked on a real MariaDB server
 * (started by the test on a private socket; skipped with a message where it cannot start):
 * - a trigger's `NEW.col` / `OLD.col` are the columns of the row it fires for ("NEW.col_name" /
 *   "OLD.col_name", MySQL 8.0 Reference Manual 25.3.1 Trigger Syntax and Examples; MariaDB
 *   CREATE TRIGGER), so `INSERT INTO rireki … VALUES (OLD.kojin_bango)` makes rireki hold the number;
 * - an `INSERT … SELECT`, `INSERT … SET` or `UPDATE … SET` in a procedure puts what it selects into
 *   the target columns when the procedure runs; a multiple-table UPDATE ("updates rows in each
 *   table named in table_references", MariaDB Knowledge Base, UPDATE) into the column each SET names.
 * After the script, the rows are written (INSERT, UPDATE, CALL) and MariaDB is asked which columns
 * hold the number's value; spif's catalog must mark exactly those columns as copies of
 * jumin.kojin_bango, and the bin must report their tables as specific.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build.js';
import { mysqlReader } from '../../src/sources/mysql/reader.js';
import type { ReadResult } from '../../src/sources/types.js';
import { runBinSync } from '../helpers/bin.js';
import { mariaDbForFile } from './server.js';

const NUMBER = '123456789018';

const SCHEMA = `CREATE DATABASE shichoson;
USE shichoson;
CREATE TABLE jumin (atena_no VARCHAR(15) PRIMARY KEY, kojin_bango CHAR(12), shimei VARCHAR(50));
CREATE TABLE jumin_rireki (rireki_id INT AUTO_INCREMENT PRIMARY KEY, atena VARCHAR(15), kyu_no CHAR(12), kyu_shimei VARCHAR(50));
CREATE TABLE kansa (kansa_id INT AUTO_INCREMENT PRIMARY KEY, memo CHAR(12), sousa VARCHAR(10));
CREATE TABLE hikae (hikae_id INT PRIMARY KEY, atai CHAR(12));
CREATE TABLE kakunin (kakunin_id INT AUTO_INCREMENT PRIMARY KEY, atena VARCHAR(15), bango CHAR(12));
CREATE TABLE meibo (meibo_id INT AUTO_INCREMENT PRIMARY KEY, namae VARCHAR(50));
CREATE TABLE shokai (atena VARCHAR(15) PRIMARY KEY, kekka CHAR(12), namae VARCHAR(50));
CREATE TABLE tsuchi (tsuchi_id INT PRIMARY KEY, atena VARCHAR(15), saki CHAR(12));
INSERT INTO hikae VALUES (1, NULL);
INSERT INTO shokai VALUES ('A1', NULL, NULL);
INSERT INTO tsuchi VALUES (1, 'A1', NULL);
DELIMITER //
CREATE TRIGGER jumin_au AFTER UPDATE ON jumin FOR EACH ROW
BEGIN
  INSERT INTO jumin_rireki (atena, kyu_no, kyu_shimei) VALUES (OLD.atena_no, OLD.kojin_bango, OLD.shimei);
END//
CREATE TRIGGER jumin_ai AFTER INSERT ON jumin FOR EACH ROW
BEGIN
  DECLARE v CHAR(12);
  SET v = NEW.kojin_bango;
  INSERT INTO kansa SET memo = v, sousa = 'insert';
  UPDATE hikae SET atai = v WHERE hikae_id = 1;
  UPDATE tsuchi t, shokai s SET t.saki = NEW.kojin_bango, s.namae = NEW.shimei WHERE t.atena = s.atena;
END//
CREATE TRIGGER jumin_bi BEFORE INSERT ON jumin FOR EACH ROW INSERT INTO meibo (namae) VALUES (NEW.shimei)//
CREATE PROCEDURE utsusu(IN p_atena VARCHAR(15))
BEGIN
  INSERT INTO kakunin (atena, bango) SELECT atena_no, kojin_bango FROM jumin WHERE atena_no = p_atena;
  UPDATE shokai JOIN jumin j ON j.atena_no = shokai.atena SET shokai.kekka = j.kojin_bango WHERE j.atena_no = p_atena;
END//
DELIMITER ;
`;

const WRITES = `USE shichoson;
INSERT INTO jumin VALUES ('A1', '${NUMBER}', 'Yamada');
UPDATE jumin SET shimei = 'Suzuki' WHERE atena_no = 'A1';
CALL utsusu('A1');
`;

const TABLES: Record<string, string[]> = {
  jumin_rireki: ['atena', 'kyu_no', 'kyu_shimei'],
  kansa: ['memo', 'sousa'],
  hikae: ['atai'],
  kakunin: ['atena', 'bango'],
  meibo: ['namae'],
  shokai: ['kekka', 'namae'],
  tsuchi: ['atena', 'saki'],
};

const mariaDb = mariaDbForFile('test/mariadb/trigger-copies');

/** The columns spif says hold jumin.kojin_bango's values (copiedFrom). */
function spifCopies(sql: string): string[] {
  const read = mysqlReader.read({ path: 'schema.sql', text: sql }, { dialect: 'mariadb' }) as ReadResult;
  const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'mariadb', ops: read.ops }]);
  expect([...read.diagnostics, ...diagnostics].filter((d) => d.severity !== 'info')).toEqual([]);
  const out: string[] = [];
  for (const r of catalog.relations.values())
    for (const c of r.columns)
      if (c.copiedFrom?.some((s) => s.relation.name === 'jumin' && s.column === 'kojin_bango'))
        out.push(`${r.name}.${c.name}`);
  return out.sort();
}

describe('MySQL/MariaDB triggers and routines that copy the number', () => {
  it('spif marks exactly the columns MariaDB fills with the number', async () => {
    const spif = spifCopies(SCHEMA);
    expect(spif).toEqual([
      'hikae.atai',
      'jumin_rireki.kyu_no',
      'kakunin.bango',
      'kansa.memo',
      'shokai.kekka',
      'tsuchi.saki',
    ]);
    const server = mariaDb.server;
    if (!server) return void console.warn(`MariaDB side skipped (${mariaDb.skipped})`);
    await server.exec(SCHEMA);
    await server.exec(WRITES);
    const holding: string[] = [];
    for (const [table, columns] of Object.entries(TABLES)) {
      for (const c of columns) {
        const n = await server.exec(`SELECT COUNT(*) FROM shichoson.${table} WHERE ${c} = '${NUMBER}';`);
        if (Number(n.trim()) > 0) holding.push(`${table}.${c}`);
      }
    }
    expect(spif).toEqual(holding.sort());
  });

  it('the real bin reports the history, audit and copy tables as holding the number, through the trigger', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-mysql-trigger-'));
    fs.writeFileSync(path.join(dir, 'schema.sql'), SCHEMA);
    const r = runBinSync(['scan', 'schema.sql', '--dialect', 'mariadb', '--format', 'json'], dir, { LANG: 'C' });
    const json = JSON.parse(r.stdout) as {
      relations: { id: string; classification: string; numberColumns?: { column: string; evidence: string }[] }[];
    };
    const of = (t: string) => json.relations.find((x) => x.id === `default.shichoson.${t}`)!;
    expect(of('jumin_rireki').numberColumns?.map((c) => c.column)).toEqual(['kyu_no']);
    expect(of('jumin_rireki').numberColumns?.[0]?.evidence).toContain('trigger');
    expect(of('kakunin').numberColumns?.[0]?.evidence).toContain('insert-select');
    // meibo holds a copy of shimei only: no number column of its own.
    expect(of('meibo').numberColumns ?? []).toEqual([]);
  });

  it('a trigger body spif cannot read is a located warning, not silence', () => {
    const sql = `CREATE TABLE jumin (atena_no VARCHAR(15), kojin_bango CHAR(12));
DELIMITER //
CREATE TRIGGER t1 AFTER INSERT ON jumin FOR EACH ROW
BEGIN
  PREPARE s FROM 'INSERT INTO x VALUES (1)';
END//
DELIMITER ;
`;
    const read = mysqlReader.read({ path: 'schema.sql', text: sql }, { dialect: 'mysql' }) as ReadResult;
    expect(read.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-FUNCTION-UNANALYSED', 3]]);
  });
});
