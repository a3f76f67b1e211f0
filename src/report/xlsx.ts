/**
 * `--format xlsx`: the 評価書's section Ⅱ and 別添2 as an Excel workbook (exceljs): one sheet
 * 「Ⅱ 特定個人情報ファイルの概要」 with every file's items in the form's order, then one sheet per
 * specific file with its （別添2）特定個人情報ファイル記録項目. Cells hold plain strings (never
 * formulas), so a hostile name stays text.
 */
// exceljs is loaded only when a workbook is asked for: every other run keeps its start-up time.
import type ExcelJS from 'exceljs';
import type { Report } from './model.js';
import { type Lang, t } from './messages.js';
import type { ScanResult } from './scan-result.js';
import { formFiles } from './hyoukasho.js';
import { readingLines } from './reading.js';
import { cellText, sectionRows } from './spreadsheet-cells.js';

export async function renderXlsx(report: Report, ctx: { lang: Lang; scan?: ScanResult }): Promise<Uint8Array> {
  const { lang } = ctx;
  const files = formFiles(report, lang, ctx.scan);
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = `spif ${report.tool.version}`;
  // A fixed date: the same scan gives the same workbook properties.
  book.created = book.modified = new Date(Date.UTC(2000, 0, 1));
  // The header every format carries (what was read, which config) in the workbook's properties
  // (説明 / Description): the sheets stay the form's own tables.
  book.description = readingLines(report, lang).join('\n');
  const names = new Set<string>();

  const summary = book.addWorksheet(sheetName(t(lang, 'f2.heading'), names));
  summary.columns = [
    { header: t(lang, 'a2.col.file'), width: 24 },
    { header: t(lang, 'form.col.item'), width: 28 },
    { header: t(lang, 'form.col.entry'), width: 70 },
    { header: t(lang, 'form.col.basis'), width: 60 },
  ];
  for (const f of files) for (const r of sectionRows(f.section)) summary.addRow([cellText([f.unit.name]), ...r]);
  styleSheet(summary);

  for (const [i, f] of files.entries()) {
    const name = cellText([f.unit.name]);
    const sheet = book.addWorksheet(sheetName(`(${i + 1}) ${name}`, names));
    sheet.addRow([`${t(lang, 'a2.heading')} — ${name}`]).font = { bold: true };
    const head = sheet.addRow(f.annex.head);
    head.font = { bold: true };
    for (const r of f.annex.rows) sheet.addRow(r.map((c, j) => (j === 0 ? Number(cellText(c)) : cellText(c))));
    sheet.columns.forEach((c, j) => {
      c.width = [6, 24, 24, 16, 30, 30, 40][j] ?? 20;
    });
    sheet.views = [{ state: 'frozen', ySplit: 2 }];
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function styleSheet(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
}

/** Excel's rules: at most 31 characters, none of \ / ? * [ ] :, no ' first or last, unique ignoring case. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const fix = (s: string) => s.replace(/^'|'$/g, '_');
  const base = fix(wanted.replace(/[\\/?*[\]:]/g, '_').slice(0, 31)) || 'sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${fix(base.slice(0, 31 - String(n).length - 1))}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}
