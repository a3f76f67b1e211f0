/**
 * Long tables and lists in the HTML 評価書 (pia-document.ts TableRole). Markdown writes every row;
 * a page cannot: at 20,000 tables the evidence tables alone are tens of MB and they repeat, per
 * relation, what the explorer shows on demand. So HTML keeps the first rows of an `evidence` table
 * or list and says where the rest are, and pages 別添2 (`record-items`, the form's own content):
 * its first page is in the document, the other rows wait as JSON beside it (escaped as in
 * html-data.ts, never run) until "show the next rows" or printing asks for them.
 */
import { escapeHtml } from './escape.js';
import { jsonForScriptBlock } from './html-data.js';
import { type Lang, t } from './messages.js';
import type { TableRole, Text } from './pia-document.js';

/** Rows of an evidence table (or items of an evidence list) kept in the HTML document. */
export const EVIDENCE_ROWS = 50;
/** Rows of 別添2 per page. */
export const RECORD_PAGE = 100;

/** One inline of a waiting row: a string-table index (plain text), `-index - 1` (code), or `[index]` (strong). */
type PackedInline = number | [number];
/** Rows of 別添2 waiting in the page: each string once, cells as their inlines. */
interface PackedRows {
  s: string[];
  rows: PackedInline[][][];
}

/**
 * A `<table>` shortened or paged by its role. `table` writes the table around row HTML, `row`
 * one row; the waiting rows of 別添2 are data, built in the page with textContent like the
 * explorer's own tables.
 */
export function longTable(
  table: (rowsHtml: string[]) => string,
  row: (cells: Text[]) => string,
  rows: Text[][],
  role: TableRole | undefined,
  lang: Lang,
): string {
  if (role === 'evidence' && rows.length > EVIDENCE_ROWS) {
    const note = t(lang, 'html.document.moreInExplorer', EVIDENCE_ROWS, rows.length);
    return `${table(rows.slice(0, EVIDENCE_ROWS).map(row))}\n<p class="more"><a href="#relations">${escapeHtml(note)}</a></p>`;
  }
  if (role === 'record-items' && rows.length > RECORD_PAGE) {
    const shown = t(lang, 'html.document.rowsShown', '{0}', rows.length);
    return (
      `<div class="long-table" data-shown="${RECORD_PAGE}" data-page="${RECORD_PAGE}" data-label="${escapeHtml(shown)}">` +
      `${table(rows.slice(0, RECORD_PAGE).map(row))}\n` +
      `<script type="application/json" class="rows">${jsonForScriptBlock(packRows(rows.slice(RECORD_PAGE)))}</script>\n` +
      `<p class="pager"><button type="button" class="more-rows">${escapeHtml(t(lang, 'html.document.moreRows', RECORD_PAGE))}</button> ` +
      `<button type="button" class="all-rows">${escapeHtml(t(lang, 'html.document.allRows'))}</button> ` +
      `<span class="rows-shown">${escapeHtml(shown.replace('{0}', String(RECORD_PAGE)))}</span></p></div>`
    );
  }
  return table(rows.map(row));
}

function packRows(rows: Text[][]): PackedRows {
  const s: string[] = [];
  const index = new Map<string, number>();
  const ref = (x: string): number => {
    let i = index.get(x);
    if (i === undefined) {
      i = s.length;
      s.push(x);
      index.set(x, i);
    }
    return i;
  };
  const packInline = (x: Text[number]): PackedInline =>
    typeof x === 'string' ? ref(x) : 'code' in x ? -ref(x.code) - 1 : [ref(x.strong)];
  return { s, rows: rows.map((r) => r.map((cell) => cell.map(packInline))) };
}

/** A `<ul>` from its items' HTML, shortened when it is evidence. */
export function longList(items: string[], role: 'evidence' | undefined, lang: Lang): string {
  const list = (xs: string[]) => `<ul>${xs.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  if (role !== 'evidence' || items.length <= EVIDENCE_ROWS) return list(items);
  const note = t(lang, 'html.document.moreItemsInExplorer', EVIDENCE_ROWS, items.length);
  return `${list(items.slice(0, EVIDENCE_ROWS))}\n<p class="more"><a href="#relations">${escapeHtml(note)}</a></p>`;
}

/** What the size limit counts: the document without its waiting 別添2 rows. */
export function shownLength(html: string): number {
  let length = html.length;
  for (const m of html.matchAll(/<script type="application\/json" class="rows">([\s\S]*?)<\/script>/g))
    length -= m[0].length;
  return length;
}
