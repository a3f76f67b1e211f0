/**
 * Values with the check digit beyond pg_dump (rule data-check-digit), through the real bin:
 * mysqldump extended inserts, a SQLite `.dump`, Oracle and SQL Server INSERT scripts, and seed
 * CSV / JSON files beside a schema in a repository-like layout (db/seeds, fixtures), scanned from
 * a subfolder. 法人番号 are told apart; only counts leave the readers, so no value appears in any
 * output format.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSeedDataPath, seedTableName } from '../../src/sources/seed-data/paths.js';
import { insertRows } from '../../src/sources/data-rows/insert-rows.js';
import { runBin } from '../helpers/bin.js';
import { nth } from '../../src/indexed.js';

/** The check digit of 11 digits by the 総務省令's formula (written out independently of the code). */
function withCheckDigit(eleven: string): string {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = [...eleven].reduce((acc, d, i) => acc + Number(d) * nth(weights, i), 0);
  const r = sum % 11;
  return eleven + String(r <= 1 ? 0 : 11 - r);
}

/** A 法人番号: check digit 9 − (Σ P_n·Q_n mod 9), Q_n alternating 1, 2 from the right, put first. */
function hojin(twelve: string): string {
  const sum = [...twelve].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 2), 0);
  return String(9 - (sum % 9)) + twelve;
}

const numbers = fc.sample(fc.stringMatching(/^\d{11}$/), { numRuns: 8, seed: 21 }).map(withCheckDigit);
const corporate = fc.sample(fc.stringMatching(/^\d{12}$/), { numRuns: 4, seed: 22 }).map(hojin);

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-rows-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function scan(args: string[], cwd: string, lang = 'C'): Promise<string> {
  return (await runBin(['scan', ...args], cwd, { LANG: lang })).stdout;
}

interface Rel {
  name: string;
  numberColumns: { column: string; rule: string; evidence: string }[];
  candidates?: { column: string; rule: string }[];
}

function relation(report: { relations: Rel[] }, name: string): Rel {
  const r = report.relations.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!r) throw new Error(`no relation ${name} in ${report.relations.map((x) => x.name).join(', ')}`);
  return r;
}

/** Every format, so a value could not hide in one of them. */
async function allFormats(args: string[], cwd: string): Promise<{ report: { relations: Rel[] }; outputs: string[] }> {
  const outputs: string[] = [];
  for (const format of ['json', 'text', 'sarif', 'markdown', 'html'])
    outputs.push(await scan([...args, '--format', format], cwd));
  return { report: JSON.parse(nth(outputs, 0)), outputs };
}

function expectNoValue(outputs: string[]): void {
  for (const value of [...numbers, ...corporate]) for (const text of outputs) expect(text.includes(value)).toBe(false);
}

describe('INSERT rows of other dialects through the real bin', () => {
  it('mysqldump: an extended insert makes the column a number column; 法人番号 are told apart', async () => {
    const dir = tree({
      'dump.sql': [
        '-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)',
        '/*!40101 SET NAMES utf8mb4 */;',
        'DROP TABLE IF EXISTS `m_kojin`;',
        'CREATE TABLE `m_kojin` (`id` int NOT NULL, `memo` varchar(40), `c07` varchar(20), `torihikisaki` varchar(13), PRIMARY KEY (`id`));',
        'LOCK TABLES `m_kojin` WRITE;',
        `INSERT INTO \`m_kojin\` VALUES ${numbers
          .slice(0, 5)
          .map((n, i) => `(${i},'it\\'s row ${i}','${n}','${corporate[i % 4]}')`)
          .join(',')};`,
        'UNLOCK TABLES;',
      ].join('\n'),
    });
    const { report, outputs } = await allFormats([dir, '--dialect', 'mysql'], dir);
    const r = relation(report, 'm_kojin');
    expect(r.numberColumns).toEqual([
      expect.objectContaining({
        column: 'c07',
        rule: 'data-check-digit',
        evidence: expect.stringMatching(/^data rows: 5 of 5 values .*\(rows from .*dump\.sql:6\)$/),
      }),
    ]);
    expect(r.candidates ?? []).toEqual([]);
    expectNoValue(outputs);
  });

  it('SQLite .dump: INSERT INTO "t" VALUES(…) rows are counted', async () => {
    const dir = tree({
      'app.sql': [
        'PRAGMA foreign_keys=OFF;',
        'BEGIN TRANSACTION;',
        'CREATE TABLE person (id INTEGER PRIMARY KEY, note TEXT, ref TEXT);',
        ...numbers.slice(0, 4).map((n, i) => `INSERT INTO "person" VALUES(${i},'x','${n}');`),
        'COMMIT;',
      ].join('\n'),
    });
    const { report, outputs } = await allFormats([dir, '--dialect', 'sqlite'], dir);
    expect(relation(report, 'person').numberColumns).toEqual([
      expect.objectContaining({ column: 'ref', rule: 'data-check-digit' }),
    ]);
    expectNoValue(outputs);
  });

  it('Oracle and SQL Server INSERT scripts, with column lists, N-strings and GO batches', async () => {
    const oracle = tree({
      'install.sql': [
        'CREATE TABLE HR.PERSON (ID NUMBER(10), NOTE VARCHAR2(40), REF_CD VARCHAR2(20));',
        ...numbers.slice(0, 3).map((n, i) => `INSERT INTO HR.PERSON (ID, REF_CD) VALUES (${i}, '${n}');`),
        'COMMIT;',
      ].join('\n'),
    });
    const o = await allFormats([oracle, '--dialect', 'oracle'], oracle);
    expect(relation(o.report, 'PERSON').numberColumns).toEqual([
      expect.objectContaining({ column: 'REF_CD', rule: 'data-check-digit' }),
    ]);
    expectNoValue(o.outputs);

    const sqlserver = tree({
      'data.sql': [
        'CREATE TABLE [dbo].[Person] ([Id] int NOT NULL, [RefCd] nvarchar(20) NULL)',
        'GO',
        `INSERT [dbo].[Person] ([Id], [RefCd]) VALUES ${numbers
          .slice(0, 3)
          .map((n, i) => `(${i}, N'${n}')`)
          .join(', ')}`,
        'GO',
      ].join('\r\n'),
    });
    const s = await allFormats([sqlserver, '--dialect', 'sqlserver'], sqlserver);
    expect(relation(s.report, 'person').numberColumns).toEqual([
      expect.objectContaining({ column: 'refcd', rule: 'data-check-digit' }),
    ]);
    expectNoValue(s.outputs);
  });
});

describe('seed CSV and JSON beside the schema through the real bin', () => {
  const layout = () =>
    tree({
      'app/db/schema.sql': [
        'CREATE TABLE users (id integer, name text, ref_no varchar(20), corp_no varchar(13));',
        'CREATE TABLE staff (id integer, code varchar(20));',
        'CREATE TABLE app_person (id integer, key_value varchar(20));',
      ].join('\n'),
      'app/db/seeds/001_users.csv': [
        'id,name,ref_no,corp_no',
        ...numbers.slice(0, 4).map((n, i) => `${i},"Name, ${i}",${n},${corporate[i]}`),
      ].join('\r\n'),
      'app/fixtures/staff.json': JSON.stringify(numbers.slice(4, 7).map((n, i) => ({ id: i, code: n }))),
      'app/fixtures/people.json': JSON.stringify(
        numbers.slice(0, 3).map((n, i) => ({ model: 'app.person', pk: i, fields: { key_value: n } })),
      ),
      'app/fixtures/broken.json': '[{"id": 1,',
      'app/package.json': JSON.stringify({ name: 'not-seed-data' }),
    });

  it('finds the number columns from their values, run from a subfolder; 法人番号 and non-seed JSON are left alone', async () => {
    const dir = layout();
    const cwd = path.join(dir, 'app/db');
    const { report, outputs } = await allFormats(['..'], cwd);
    expect(relation(report, 'users').numberColumns).toEqual([
      expect.objectContaining({
        column: 'ref_no',
        rule: 'data-check-digit',
        evidence: expect.stringMatching(/^data rows: 4 of 4 values .*\(rows from .*001_users\.csv:1\)$/),
      }),
    ]);
    expect(relation(report, 'staff').numberColumns).toEqual([
      expect.objectContaining({ column: 'code', rule: 'data-check-digit' }),
    ]);
    expect(relation(report, 'app_person').numberColumns).toEqual([
      expect.objectContaining({ column: 'key_value', rule: 'data-check-digit' }),
    ]);
    expectNoValue(outputs);
    // The broken fixture is a located diagnostic, not a silent skip.
    const diagnostics = (
      JSON.parse(nth(outputs, 0)) as { diagnostics: { code: string; file?: string; line?: number }[] }
    ).diagnostics;
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ code: 'SPIF-SEED-PARSE', file: expect.stringContaining('broken.json') }),
    );
  });

  it('rows with valid 個人番号 for a table or column no source defines are a located warning, not dropped silently', async () => {
    const dir = tree({
      'db/schema.sql': 'CREATE TABLE staff (id integer, name text);',
      'db/seeds/kojin.csv': ['id,bango', ...numbers.slice(0, 4).map((n, i) => `${i},${n}`)].join('\n'),
      'db/seeds/staff.csv': ['id,name,extra', ...numbers.slice(4, 7).map((n, i) => `${i},n${i},${n}`)].join('\n'),
      'db/seeds/plain.csv': ['id,note', '1,x', '2,y'].join('\n'),
    });
    const { outputs } = await allFormats(['.'], dir);
    const diagnostics = (
      JSON.parse(nth(outputs, 0)) as {
        diagnostics: { code: string; severity: string; message: string; file?: string }[];
      }
    ).diagnostics.filter((d) => d.code === 'SPIF-DATA-UNATTACHED');
    expect(diagnostics.map((d) => [d.severity, d.file, d.message])).toEqual([
      [
        'warning',
        'db/seeds/kojin.csv',
        'data rows for default.public.kojin.bango: 4 of 4 values have a valid 個人番号 check digit, but no scanned source defines the table',
      ],
      [
        'warning',
        'db/seeds/staff.csv',
        'data rows for default.public.staff.extra: 3 of 3 values have a valid 個人番号 check digit, but no scanned source defines the column',
      ],
    ]);
    expectNoValue(outputs);
    const ja = await scan(['.', '--lang', 'ja'], dir, 'ja_JP.UTF-8');
    expect(ja).toContain(
      'default.public.kojin.bango のデータ行: 値 4 件のうち 4 件が検査用数字の正しい個人番号だが、そのテーブルを定義するソースをスキャンしていない',
    );
  });

  it('in a Japanese locale the evidence is Japanese', async () => {
    const dir = layout();
    const text = await scan([dir, '--format', 'text', '--lang', 'ja'], dir, 'ja_JP.UTF-8');
    expect(text).toMatch(/データ行: 値 4 件のうち 4 件が検査用数字の正しい12桁の個人番号/);
  });
});

describe('the pieces', () => {
  it('names seed files by their folder or name, and their table by the file name', () => {
    expect(isSeedDataPath('db/seeds/users.csv')).toBe(true);
    expect(isSeedDataPath('fixtures/people.json')).toBe(true);
    expect(isSeedDataPath('data/users.seed.json')).toBe(true);
    expect(isSeedDataPath('package.json')).toBe(false);
    expect(isSeedDataPath('src/seeds.ts')).toBe(false);
    expect(seedTableName('db/seeds/001_users.csv')).toBe('users');
    expect(seedTableName('data/users.seed.json')).toBe('users');
    expect(seedTableName('seed_orders.csv')).toBe('orders');
  });

  it('reads constants only: NULL, expressions and binary literals are no value; INSERT … SELECT has no rows', () => {
    const r = insertRows(`INSERT INTO t (a, b, c) VALUES ('${numbers[0]}', NULL, CONCAT('1', '2')), (X'00', 5, '')`, {
      backslashEscapes: true,
    })!;
    expect(r.columns?.map((c) => c.text)).toEqual(['a', 'b', 'c']);
    expect(r.rows).toBe(2);
    expect(r.stats.map((s) => [s.values, s.kojinBango])).toEqual([
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(insertRows('INSERT INTO t SELECT * FROM u', { backslashEscapes: false })).toBeUndefined();
  });
});
