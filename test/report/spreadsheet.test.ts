/**
 * `--format xlsx` and `--format csv`: 別添2 (and, in the workbook, section Ⅱ) of the sample, read
 * back the way a PIA author's spreadsheet would read them — the xlsx with exceljs itself, the CSV
 * field by field — and through the real bin into a file and a pipe.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/pipeline.js';
import { renderOutput } from '../../src/report/formats.js';
import { formUnits, recordList } from '../../src/report/hyoukasho.js';
import { field } from '../../src/report/csv.js';
import { sheetName } from '../../src/report/xlsx.js';
import { BIN } from '../helpers/bin.js';
import { nth } from '../../src/indexed.js';

const run = promisify(execFile);
let result: ScanResult;

beforeAll(async () => {
  result = await scan({ paths: ['fixtures/insurer'] });
});

async function workbook(bytes: Uint8Array | string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes as Uint8Array) as unknown as ArrayBuffer);
  return book;
}
const values = (row: ExcelJS.Row) =>
  (row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : v));

/** RFC 4180 fields of one CSV text (quoted fields, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') throw new Error(`unquoted field at ${i}`);
    let j = i + 1;
    let value = '';
    for (;;) {
      const q = text.indexOf('"', j);
      if (text[q + 1] === '"') {
        value += text.slice(j, q + 1);
        j = q + 2;
        continue;
      }
      value += text.slice(j, q);
      j = q + 1;
      break;
    }
    row.push(value);
    if (text.startsWith('\r\n', j)) {
      rows.push(row);
      row = [];
      j += 2;
    } else if (text[j] === ',') j++;
    i = j;
  }
  return rows;
}

describe('xlsx', () => {
  it('is a workbook with a sheet for section Ⅱ and one per specific file', async () => {
    const book = await workbook(await renderOutput('xlsx', result.report, { lang: 'ja', color: false, scan: result }));
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Ⅱ 特定個人情報ファイルの概要',
      '(1) 個人番号管理ファイル',
      '(2) 被保険者資格ファイル',
      '(3) 中間サーバー連携ファイル',
    ]);
    // The header every format carries, in the workbook's properties (issue 19.1).
    expect(book.description).toMatch(/文を読み取り\n設定ファイル: .*spif\.config\.yaml$/);
    const two = nth(book.worksheets, 0);
    expect(values(two.getRow(1))).toEqual(['ファイル名', '項目', '記載内容', '根拠（spif）']);
    const rows = two
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    const item = (file: string, name: string) => rows.find((r) => r[0] === file && r[1] === name);
    expect(item('個人番号管理ファイル', '②対象となる本人の数')?.[2]).toMatch(/^［10万人以上100万人未満］/);
    expect(item('個人番号管理ファイル', '⑥事務担当部署')?.[2]).toBe('保険年金課');
    expect(item('被保険者資格ファイル', '識別情報')?.[2]).toBe('☑ 個人番号');
    expect(
      rows.filter(
        (r) =>
          r[0] === '中間サーバー連携ファイル' && ['識別情報', '連絡先等情報', '業務関係情報'].includes(r[1] as string),
      ),
    ).toHaveLength(19);
  });
  it('has every column of the file in its 別添2 sheet, with 論理名, type and category', async () => {
    const book = await workbook(await renderOutput('xlsx', result.report, { lang: 'ja', color: false, scan: result }));
    const sheet = book.getWorksheet('(2) 被保険者資格ファイル')!;
    expect(sheet.getCell('A1').value).toBe('（別添2）特定個人情報ファイル記録項目 — 被保険者資格ファイル');
    expect(values(sheet.getRow(2))).toEqual([
      '番号',
      '項目名（論理名）',
      '列名（物理名）',
      '型',
      '記録項目の区分',
      'テーブル・ビュー',
      '備考',
    ]);
    const list = recordList(nth(formUnits(result.report, result), 1), result);
    expect(sheet.rowCount).toBe(2 + list.rows.length);
    expect(values(sheet.getRow(3))).toEqual([
      1,
      '被保険者番号',
      'hihokensha_no',
      'character varying(8)',
      'その他識別情報（内部番号）',
      'shikaku.hihokensha',
      '',
    ]);
    expect(sheet.getCell('A3').type).toBe(ExcelJS.ValueType.Number);
  });
  it('keeps hostile names as text, never formulas', async () => {
    const r = await scan({ paths: ['fixtures/malicious'] });
    const book = await workbook(await renderOutput('xlsx', r.report, { lang: 'en', color: false, scan: r }));
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => row.eachCell((c) => expect(c.type, c.text).not.toBe(ExcelJS.ValueType.Formula)));
    expect(book.worksheets.length).toBeGreaterThan(1);
  });
  it("sheet names follow Excel's rules", () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?[e]', taken)).toBe('a_b_c_d__e_');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31);
    expect(sheetName('X'.repeat(40), taken)).toBe(`${'X'.repeat(29)}~2`);
    expect(sheetName(`${'y'.repeat(30)}'z`, taken)).toBe(`${'y'.repeat(30)}_`);
  });
});

describe('csv', () => {
  it('is 別添2 of every specific file, RFC 4180 with a BOM, one row per column', async () => {
    const csv = (await renderOutput('csv', result.report, { lang: 'ja', color: false, scan: result })) as string;
    expect(csv.startsWith('\uFEFF"ファイル名","番号","項目名（論理名）"')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const specific = formUnits(result.report, result).filter((u) => u.classification === 'specific');
    expect(rows.length - 1).toBe(specific.reduce((n, u) => n + recordList(u, result).rows.length, 0));
    expect(rows).toContainEqual([
      '中間サーバー連携ファイル',
      '3',
      '機関別符号',
      'kikanbetsu_fugo',
      'character varying(64)',
      '個人番号対応符号',
      'chukan.fugo_kanri',
      '',
    ]);
    expect(new Set(rows.slice(1).map((r) => r.length))).toEqual(new Set([8]));
  });
  it('quotes every field and defuses what a spreadsheet would run as a formula', () => {
    expect(field('a "b", c')).toBe('"a ""b"", c"');
    expect(field('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    for (const s of ['+1', '-1', '@SUM(A1)']) expect(field(s).startsWith('"\'')).toBe(true);
    expect(field('宛名番号')).toBe('"宛名番号"');
  });
});

describe('through the real bin', () => {
  it('writes the workbook to --out and to a pipe, byte for byte a zip; csv in a C locale is Japanese', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-xlsx-'));
    const out = path.join(dir, 'hyoka.xlsx');
    const env = { ...process.env, LANG: 'C', NO_COLOR: '1' };
    await run(process.execPath, [BIN, 'scan', 'fixtures/insurer', '--format', 'xlsx', '--out', out], { env });
    const file = fs.readFileSync(out);
    expect(file.subarray(0, 2).toString()).toBe('PK');
    expect((await workbook(file)).worksheets).toHaveLength(4);
    const piped = await run(process.execPath, [BIN, 'scan', 'fixtures/insurer', '--format', 'xlsx'], {
      env,
      encoding: 'buffer',
      maxBuffer: 1 << 24,
    });
    expect((await workbook(piped.stdout as unknown as Buffer)).worksheets).toHaveLength(4);
    const csv = await run(process.execPath, [BIN, 'scan', 'fixtures/insurer', '--format', 'csv'], { env });
    expect(csv.stdout).toContain('"個人番号管理ファイル","2","個人番号","kojin_bango"');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
