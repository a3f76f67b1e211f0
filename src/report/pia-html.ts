/**
 * The 評価書 part of the HTML report: the form's sections (hyoukasho.ts) as one `<section
 * id="hyoukasho">`, with their own style. The page shell (html.ts) includes it; it owns nothing
 * else of the page. Every source string goes through escapeHtml.
 */
import { escapeHtml } from './escape.js';
import { longList, longTable } from './html-long-blocks.js';
import type { Lang } from './messages.js';
import type { DocBlock, Text } from './pia-document.js';

export function formHtml(blocks: DocBlock[], lang: Lang): string {
  return `<section id="hyoukasho" class="hyoukasho">\n${blocks.map((b) => block(b, lang)).join('\n')}\n</section>`;
}

/** Table-of-contents entries for the form's level-2 headings. */
export function formToc(blocks: DocBlock[]): string[] {
  return blocks.flatMap((b) =>
    b.kind === 'heading' && b.level === 2 && b.anchor ? [`<li><a href="#${b.anchor}">${inline(b.text)}</a></li>`] : [],
  );
}

function block(b: DocBlock, lang: Lang): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}${b.anchor ? ` id="${b.anchor}"` : ''}>${inline(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.text)}</p>`;
    case 'list':
      return longList(b.items.map(inline), b.role, lang);
    case 'table': {
      const th = b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
      // The first column of a form table names the form's item: a row heading.
      return longTable(
        (shown) => `<table class="form"><thead><tr>${th}</tr></thead><tbody>\n${shown.join('\n')}\n</tbody></table>`,
        (r) =>
          `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${inline(c)}</th>` : `<td>${inline(c)}</td>`)).join('')}</tr>`,
        b.rows,
        b.role,
        lang,
      );
    }
    case 'form':
      return formHtml(b.blocks, lang);
    case 'graph':
      return '';
  }
}

/** Inline text as HTML: every source string escaped. */
export function inline(text: Text): string {
  return text
    .map((x) =>
      typeof x === 'string'
        ? escapeHtml(x)
        : 'code' in x
          ? `<code>${escapeHtml(x.code)}</code>`
          : `<strong>${escapeHtml(x.strong)}</strong>`,
    )
    .join('');
}

export const FORM_STYLE = `
.hyoukasho table.form { width: 100%; }
.hyoukasho table.form tbody th { background: #f1f8e9; font-weight: 600; white-space: nowrap; width: 14em; }
.hyoukasho table.form td:last-child { color: #546e7a; font-size: .92em; }
.hyoukasho h3 { border-left: 4px solid #558b2f; padding-left: .4em; }
@media print { nav { display: none; } .hyoukasho table.form tbody th { white-space: normal; } }
`;
