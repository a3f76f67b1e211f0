/**
 * `--format csv`: （別添2）特定個人情報ファイル記録項目 of every specific file in one table, one row
 * per column, for spreadsheets and scripts. RFC 4180 (CRLF, every field quoted, `"` doubled),
 * UTF-8 with a byte-order mark so Excel reads the Japanese. A field that a spreadsheet would take
 * for a formula (starting with = + - @, tab or CR) gets a leading `'` (OWASP "CSV injection"):
 * names and comments come from the sources and may be hostile.
 */
import type { Report } from './model.js';
import { type Lang, t } from './messages.js';
import type { ScanResult } from './scan-result.js';
import { formFiles } from './hyoukasho.js';
import { cellText } from './spreadsheet-cells.js';

export function renderCsv(report: Report, ctx: { lang: Lang; scan?: ScanResult }): string {
  const files = formFiles(report, ctx.lang, ctx.scan);
  const head = [t(ctx.lang, 'a2.col.file'), ...(files[0]?.annex.head ?? annexHead(ctx.lang))];
  const lines = [head, ...files.flatMap((f) => f.annex.rows.map((r) => [cellText([f.unit.name]), ...r.map(cellText)]))];
  return `\uFEFF${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`;
}

function annexHead(lang: Lang): string[] {
  return (
    [
      'a2.col.no',
      'a2.col.logical',
      'a2.col.physical',
      'a2.col.type',
      'a2.col.category',
      'a2.col.relation',
      'a2.col.note',
    ] as const
  ).map((k) => t(lang, k));
}

export function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
