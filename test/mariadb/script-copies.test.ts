/**
 * Copies made by a MySQL/MariaDB script outside any routine, checked on a real MariaDB server
 * (started by the test on a private socket; skipped with a message where it cannot start):
 * `INSERT … SELECT` ("inserts rows selected from another table", MySQL 8.0 Reference Manual
 * 15.2.7.1 INSERT … SELECT Statement), `REPLACE … SELECT` (15.2.12) and `UPDATE … SET c = (SELECT …)`
 * put the selected values into the target columns, so a table filled that way holds the number
 * whatever its column is called; so does a multiple-table UPDATE into the columns its SET names. A
 * dump's `INSERT … VALUES` of literals copies nothing.
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
import { nth } from '../../src/indexed.js';

const NUMBER = '123456789018';

const SCHEMA = `CREATE DATABASE shichoson;
USE shichoson;
CREATE TABLE jumin (atena_no VARCHAR(15) PRIMARY KEY, kojin_bango CHAR(12), shimei VARCHAR(50));
INSERT INTO jumin VALUES ('A1', '${NUMBER}', 'select * from x');
CREATE TABLE ikou (atena VARCHAR(15), atai CHAR(12), namae VARCHAR(50));
INSERT INTO ikou (atena, atai, namae) SELECT atena_no, kojin_bango, shimei FROM jumin;
CREATE TABLE okikae (atena VARCHAR(15) PRIMARY KEY, bango CHAR(12));
REPLACE INTO okikae SELECT atena_no, kojin_bango FROM jumin;
CREATE TABLE hosei (atena VARCHAR(15), kakunin CHAR(12), memo VARCHAR(20));
INSERT INTO hosei VALUES ('A1', NULL, 'select later');
UPDATE hosei SET kakunin = (SELECT j.kojin_bango FROM jumin j WHERE j.atena_no = hosei.atena), memo = 'done' WHERE atena = 'A1';
`;

const TABLES: Record<string, string[]> = {
  ikou: ['atena', 'atai', 'namae'],
  okikae: ['atena', 'bango'],
  hosei: ['atena', 'kakunin', 'memo'],
};

const mariaDb = mariaDbForFile('test/mariadb/script-copies');

function read(sql: string): { copies: string[]; diagnostics: ReadResult['diagnostics'] } {
  const r = mysqlReader.read({ path: 'schema.sql', text: sql }, { dialect: 'mariadb' }) as ReadResult;
  const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'mariadb', ops: r.ops }]);
  const copies: string[] = [];
  for (const rel of catalog.relations.values())
    for (const c of rel.columns)
      if (c.copiedFrom?.some((s) => s.relation.name === 'jumin' && s.column === 'kojin_bango'))
        copies.push(`${rel.name}.${c.name}`);
  return { copies: copies.sort(), diagnostics: [...r.diagnostics, ...diagnostics] };
}

describe('MySQL/MariaDB scripts that copy the number outside routines', () => {
  it('spif marks exactly the columns MariaDB fills with the number', async () => {
    const spif = read(SCHEMA);
    expect(spif.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(spif.copies).toEqual(['hosei.kakunin', 'ikou.atai', 'okikae.bango']);
    const server = mariaDb.server;
    if (!server) return void console.warn(`MariaDB side skipped (${mariaDb.skipped})`);
    await server.exec(SCHEMA);
    const holding: string[] = [];
    for (const [table, columns] of Object.entries(TABLES))
      for (const c of columns) {
        const n = await server.exec(`SELECT COUNT(*) FROM shichoson.${table} WHERE ${c} = '${NUMBER}';`);
        if (Number(n.trim()) > 0) holding.push(`${table}.${c}`);
      }
    expect(spif.copies).toEqual(holding.sort());
  });

  it('the real bin reports the filled tables as holding the number, with the statement kind as evidence', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-mysql-script-copy-'));
    fs.writeFileSync(path.join(dir, 'schema.sql'), SCHEMA);
    const r = runBinSync(['scan', 'schema.sql', '--dialect', 'mariadb', '--format', 'json'], dir, { LANG: 'C' });
    const json = JSON.parse(r.stdout) as {
      relations: { id: string; numberColumns?: { column: string; evidence: string }[] }[];
    };
    const of = (t: string) => json.relations.find((x) => x.id === `default.shichoson.${t}`)!;
    expect(of('ikou').numberColumns?.map((c) => [c.column, c.evidence.includes('insert-select')])).toEqual([
      ['atai', true],
    ]);
    expect(of('hosei').numberColumns?.map((c) => [c.column, c.evidence.includes('update')])).toEqual([
      ['kakunin', true],
    ]);
  });

  it('a view column that is a scalar subquery carries the column it yields, as MariaDB returns it', async () => {
    const sql = `${SCHEMA}CREATE VIEW v_hosei AS SELECT h.atena, (SELECT j.kojin_bango FROM jumin j WHERE j.atena_no = h.atena) AS kb FROM hosei h;\n`;
    const r = mysqlReader.read({ path: 'schema.sql', text: sql }, { dialect: 'mariadb' }) as ReadResult;
    const { catalog } = buildCatalog([{ database: 'default', dialect: 'mariadb', ops: r.ops }]);
    const view = [...catalog.relations.values()].find((x) => x.name === 'v_hosei')!;
    expect(view.view?.columns.map((c) => [c.name, c.from.map((o) => `${o.relation.name}.${o.column}`)])).toEqual([
      ['atena', ['hosei.atena']],
      ['kb', ['jumin.kojin_bango']],
    ]);
    const server = mariaDb.server;
    if (!server) return void console.warn(`MariaDB side skipped (${mariaDb.skipped})`);
    await server.exec(`DROP DATABASE IF EXISTS shichoson;\n${sql}`);
    expect((await server.exec(`SELECT kb FROM shichoson.v_hosei;`)).trim()).toBe(NUMBER);
  });

  it('a multiple-table UPDATE copies into the table each SET names: spif marks what MariaDB fills', async () => {
    // MariaDB Knowledge Base, UPDATE: "For the multiple-table syntax, UPDATE updates rows in each
    // table named in table_references that satisfy the conditions"; each SET names its table's column.
    const sql = `CREATE DATABASE shichoson;
USE shichoson;
CREATE TABLE jumin (atena_no VARCHAR(15) PRIMARY KEY, kojin_bango CHAR(12), shimei VARCHAR(50));
INSERT INTO jumin VALUES ('A1', '${NUMBER}', 'x');
CREATE TABLE hikae (atena VARCHAR(15), atai CHAR(12), memo VARCHAR(20));
INSERT INTO hikae VALUES ('A1', NULL, NULL);
CREATE TABLE kanri (atena VARCHAR(15), saishin CHAR(12), biko CHAR(12));
INSERT INTO kanri VALUES ('A1', NULL, NULL);
CREATE TABLE tsuchi (atena VARCHAR(15), bango CHAR(12));
INSERT INTO tsuchi VALUES ('A1', NULL);
UPDATE hikae JOIN jumin ON jumin.atena_no = hikae.atena SET hikae.atai = jumin.kojin_bango, hikae.memo = 'done';
UPDATE kanri AS k, jumin j SET k.saishin = CONCAT('', j.kojin_bango), k.biko = j.shimei WHERE j.atena_no = k.atena;
UPDATE tsuchi t INNER JOIN jumin j ON j.atena_no = t.atena SET bango = j.kojin_bango;
`;
    const tables: Record<string, string[]> = {
      hikae: ['atena', 'atai', 'memo'],
      kanri: ['atena', 'saishin', 'biko'],
      tsuchi: ['atena', 'bango'],
    };
    const spif = read(sql);
    expect(spif.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(spif.copies).toEqual(['hikae.atai', 'kanri.saishin', 'tsuchi.bango']);
    const server = mariaDb.server;
    if (!server) return void console.warn(`MariaDB side skipped (${mariaDb.skipped})`);
    await server.exec(`DROP DATABASE IF EXISTS shichoson;\n${sql}`);
    const holding: string[] = [];
    for (const [table, columns] of Object.entries(tables))
      for (const c of columns) {
        const n = await server.exec(`SELECT COUNT(*) FROM shichoson.${table} WHERE ${c} = '${NUMBER}';`);
        if (Number(n.trim()) > 0) holding.push(`${table}.${c}`);
      }
    expect(spif.copies).toEqual(holding.sort());
  });

  it('an UPDATE of table references without SET (MariaDB refuses it) is a located warning', () => {
    const sql = `CREATE TABLE jumin (atena_no VARCHAR(15), kojin_bango CHAR(12));
CREATE TABLE hikae (atena VARCHAR(15), atai CHAR(12));

UPDATE hikae JOIN jumin ON jumin.atena_no = hikae.atena;
`;
    const r = read(sql);
    expect(r.copies).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      ['SPIF-SQL-UNSUPPORTED', 'warning', 4, 1],
    ]);
    expect(nth(r.diagnostics, 0).message).toContain('multiple-table UPDATE');
  });
});
