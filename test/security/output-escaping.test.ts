/**
 * Terminal escape sequences in names, comments and config names (fixtures/hostile/names) reach no
 * output raw, in every registered format, and the text report on a terminal (colour on) carries
 * only spif's own colour codes. Format-specific breakouts (HTML, Markdown cells, DOT, Mermaid,
 * SARIF links) are tested in test/report/malicious.test.ts and html-browser.test.ts.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBinSync } from '../helpers/bin.js';
import { scan, type ScanResult } from '../../src/pipeline.js';
import ExcelJS from 'exceljs';
import { formatNames, renderOutput, renderReport } from '../../src/report/formats.js';
import { nth } from '../../src/indexed.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO, 'fixtures/hostile/names');
/** C0 (but tab and line feed), DEL, C1, and the bidi overrides/isolates. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const C0 = /[\u0000-\u0008\u000b-\u001f\u007f]/;
/** The colour codes picocolors writes: SGR only. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

let result: ScanResult;
beforeAll(async () => {
  result = await scan({ paths: ['.'], cwd: FIXTURE, jobs: 1 });
});

it('the fixture really carries the escape sequences (table, columns, comment, role, principal, file)', () => {
  expect(result.report.relations.map((r) => r.name)).toEqual(['clear\u001b[2J\u001b[Hscreen']);
  const columns = nth(result.report.relations, 0).columns!.map((c) => c.name);
  expect(columns).toContain('title\u001b]0;pwned\u0007col');
  expect(columns).toContain('c1\u009b31mred');
  expect(columns).toContain('rlo\u202etxt.exe');
  expect(result.report.principals.map((p) => p.name)).toContain('system\u001b[2Jwipe');
  expect(result.report.files.map((f) => f.name)).toEqual(['ファイル\u001b]0;title\u0007']);
});

describe.each(formatNames().filter((f) => f !== 'json'))('format %s', (format) => {
  it('has no raw control or bidi character from a name', async () => {
    const rendered = await renderOutput(format, result.report, { lang: 'en', color: false, scan: result });
    // csv ends its rows with CRLF (RFC 4180); the workbook is read back cell by cell, sheet names too.
    const out =
      typeof rendered === 'string'
        ? format === 'csv'
          ? rendered.replace(/\r\n/g, '\n')
          : rendered
        : await workbookText(rendered);
    const found = out.match(CONTROL);
    expect(found && `U+${found[0].charCodeAt(0).toString(16)} at ${found.index}`).toBeNull();
  });
});

async function workbookText(bytes: Uint8Array): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const parts: string[] = [];
  for (const sheet of book.worksheets) {
    parts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((c) => parts.push(c.text)));
  }
  expect(parts.length).toBeGreaterThan(10);
  return parts.join('\n');
}

describe('format text on a terminal (colour on)', () => {
  it('carries only colour codes; names show their escapes as \\uXXXX', async () => {
    const out = await renderReport('text', result.report, { lang: 'ja', color: true, scan: result });
    expect(out).toMatch(SGR);
    expect(out.replace(SGR, '')).not.toMatch(CONTROL);
    expect(out).toContain('clear\\u001b[2J\\u001b[Hscreen');
    expect(out).toContain('system\\u001b[2Jwipe');
  });
});

describe('format json', () => {
  // C1 controls and bidi overrides stay raw in JSON (valid JSON, and the exact data); a consumer
  // that prints names must escape them, as spif's own formats do. See docs/security.md.
  it('escapes every C0 control and keeps the names exactly (it is data)', async () => {
    const out = await renderReport('json', result.report, { lang: 'en', color: false, scan: result });
    expect(out).not.toMatch(C0); // JSON.stringify writes \u001b
    expect(JSON.parse(out).relations[0].name).toBe('clear\u001b[2J\u001b[Hscreen');
  });
});

describe('the real bin', () => {
  it('prints no raw escape sequence on stdout or stderr (text report)', () => {
    const r = runBinSync(['scan', '.', '--format', 'text', '--jobs', '1'], FIXTURE, { FORCE_COLOR: '1' });
    expect(r.status).toBe(0);
    expect(r.stdout.replace(SGR, '')).not.toMatch(CONTROL);
    expect(r.stderr.replace(SGR, '')).not.toMatch(CONTROL);
    expect(r.stdout).toContain('clear\\u001b[2J');
  });
});
