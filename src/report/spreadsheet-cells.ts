/**
 * Plain cell text for spreadsheet formats (csv, xlsx): a document `Text` flattened to one line,
 * control characters made visible (escape.ts), so a name from the sources cannot break a row.
 */
import { oneLine, stripControls } from './escape.js';
import type { DocBlock, Text } from './pia-document.js';

export function cellText(text: Text): string {
  return stripControls(
    oneLine(text.map((x) => (typeof x === 'string' ? x : 'code' in x ? x.code : x.strong)).join('')),
  );
}

/**
 * Section Ⅱ of one file as rows [項目, 記載内容, 根拠]: each form table row as it is, headings
 * and paragraphs as a row of their own, list items under the heading they follow.
 */
export function sectionRows(blocks: DocBlock[]): string[][] {
  const rows: string[][] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') rows.push([cellText(b.text), '', '']);
    else if (b.kind === 'paragraph') rows.push(['', cellText(b.text), '']);
    else if (b.kind === 'list') for (const i of b.items) rows.push(['', cellText(i), '']);
    else if (b.kind === 'table') {
      for (const r of b.rows) {
        const cells = r.map(cellText);
        // 主な記録項目 rows are [区分, box and item, basis]: the same three columns.
        rows.push([cells[0] ?? '', cells[1] ?? '', cells.slice(2).join(' ')]);
      }
    }
  }
  return rows;
}
