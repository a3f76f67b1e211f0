/**
 * `--format html`: one self-contained file — the PIA document (same content as the Markdown
 * report), a searchable and sortable table of every relation, and the link graph drawn as SVG by
 * Graphviz (WASM, @viz-js/viz) at report time.
 *
 * Nothing is fetched: styles, script and SVG are inline, and a Content-Security-Policy
 * (`default-src 'none'`, the one script allowed by its hash) makes sure of it. Every source string
 * is escaped (escape.ts); the CSP is a second wall should an escape ever be missed.
 */
import { createHash } from 'node:crypto';
import { instance } from '@viz-js/viz';
import type { Report } from './model.js';
import { type Lang, t } from './messages.js';
import type { ScanResult } from '../pipeline.js';
import { escapeHtml } from './escape.js';
import type { DocBlock, Text } from './pia-document.js';
import { buildHyoukashoDocument } from './hyoukasho.js';
import { buildGraphView } from './graph-model.js';
import { graphToDot } from './dot.js';
import { FORM_STYLE, formHtml, formToc } from './pia-html.js';

export interface HtmlContext { lang: Lang; scan?: ScanResult }

export async function renderHtml(report: Report, ctx: HtmlContext): Promise<string> {
  const view = buildGraphView(report, ctx.scan);
  const svg = await dotToSvg(graphToDot(view, ctx.lang));
  return htmlDocument(report, ctx, svg, view.omitted);
}

/** Graphviz SVG, trimmed to the `<svg>` element (no XML prolog, DOCTYPE or comments). */
export async function dotToSvg(dot: string): Promise<string> {
  const viz = await instance();
  const svg = viz.renderString(dot, { format: 'svg', engine: 'dot' });
  return svg.slice(svg.indexOf('<svg')).replace(/<!--[\s\S]*?-->/g, '').replace('<svg ', '<svg role="img" ');
}

export function htmlDocument(report: Report, ctx: HtmlContext, svg: string, omitted: number): string {
  const { lang } = ctx;
  const doc = buildHyoukashoDocument(report, lang, ctx.scan);
  const body: string[] = [];
  const toc: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'form') toc.push(...formToc(b.blocks));
    if (b.kind === 'heading' && b.level === 2 && b.anchor) toc.push(`<li><a href="#${b.anchor}">${inline(b.text)}</a></li>`);
    body.push(block(b, lang, svg, omitted));
  }
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${sha256(SCRIPT)}'`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="spif ${escapeHtml(report.tool.version)}">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}${FORM_STYLE}</style>
</head>
<body>
<nav><ul>${toc.join('')}</ul></nav>
<main>
${body.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function block(b: DocBlock, lang: Lang, svg: string, omitted: number): string {
  switch (b.kind) {
    case 'heading': return `<h${b.level}${b.anchor ? ` id="${b.anchor}"` : ''}>${inline(b.text)}</h${b.level}>`;
    case 'paragraph': return `<p>${inline(b.text)}</p>`;
    case 'list': return `<ul>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
    case 'table': return b.role === 'relations' ? relationsTable(b, lang) : table(b.head, b.rows);
    case 'form': return formHtml(b.blocks);
    case 'graph': {
      const note = omitted ? `<p>${escapeHtml(t(lang, 'doc.graph.omitted', omitted))}</p>` : '';
      return `${note}<figure id="graph-figure"><div class="graph">${svg}</div></figure>`;
    }
  }
}

function table(head: string[], rows: Text[][], attrs = ''): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table${attrs}><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

/** The table of every relation: a filter box, and headings that sort (see SCRIPT). */
function relationsTable(b: Extract<DocBlock, { kind: 'table' }>, lang: Lang): string {
  const th = b.head.map((h) => `<th scope="col"><button type="button">${escapeHtml(h)}</button></th>`).join('');
  const tr = b.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n');
  const template = t(lang, 'doc.shown', '{0}', '{1}');
  return `<div class="filter"><label>${escapeHtml(t(lang, 'doc.search'))} <input id="relation-search" type="search" placeholder="${escapeHtml(t(lang, 'doc.search.placeholder'))}"></label>
<span id="relation-count" data-template="${escapeHtml(template)}"></span> <small>${escapeHtml(t(lang, 'doc.sort.hint'))}</small></div>
<table id="relations"><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

function inline(text: Text): string {
  return text.map((x) => (typeof x === 'string' ? escapeHtml(x) : 'code' in x ? `<code>${escapeHtml(x.code)}</code>` : `<strong>${escapeHtml(x.strong)}</strong>`)).join('');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

const STYLE = `
:root { --red: #c62828; --orange: #ef6c00; --grey: #757575; font-family: system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif; }
body { margin: 0; display: flex; line-height: 1.55; color: #212121; }
nav { position: sticky; top: 0; align-self: flex-start; max-height: 100vh; overflow: auto; min-width: 12em; max-width: 18em; padding: 1em; background: #fafafa; border-right: 1px solid #e0e0e0; font-size: .9em; }
nav ul { list-style: none; padding: 0; margin: 0; } nav li { margin: .3em 0; } nav a { color: #37474f; text-decoration: none; }
main { padding: 1em 2em 4em; max-width: 90em; min-width: 0; flex: 1; }
h1 { font-size: 1.6em; } h2 { border-bottom: 2px solid #eceff1; padding-bottom: .2em; margin-top: 2em; } h3 { margin-top: 1.6em; }
table { border-collapse: collapse; margin: .6em 0; font-size: .9em; }
th, td { border: 1px solid #e0e0e0; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
th button { font: inherit; font-weight: 600; border: 0; background: none; cursor: pointer; padding: 0; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .92em; background: #f5f5f5; padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
.filter { margin: .6em 0; } .filter input { font: inherit; padding: .2em .4em; min-width: 22em; }
#relation-count { color: var(--grey); margin-left: 1em; }
.graph { overflow: auto; border: 1px solid #e0e0e0; padding: .5em; background: #fff; }
.graph svg { max-width: 100%; height: auto; }
figure { margin: 0; }
`;

/** The page's only script. It reads the table, never source text as code: names stay DOM text. */
const SCRIPT = `
(() => {
  const table = document.getElementById('relations');
  const input = document.getElementById('relation-search');
  const count = document.getElementById('relation-count');
  if (!table || !input || !count) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const norm = (s) => s.normalize('NFKC').toLowerCase();
  const text = new Map(rows.map((r) => [r, norm(r.textContent || '')]));
  const update = () => {
    const terms = norm(input.value).split(/\\s+/).filter(Boolean);
    let shown = 0;
    for (const r of rows) {
      const ok = terms.every((term) => text.get(r).includes(term));
      r.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = (count.dataset.template || '').replace('{0}', String(shown)).replace('{1}', String(rows.length));
  };
  input.addEventListener('input', update);
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, i) => {
    th.querySelector('button').addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach((h) => h.removeAttribute('aria-sort'));
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (r) => r.cells[i].textContent || '';
      const sorted = Array.from(body.rows).sort((a, b) => key(a).localeCompare(key(b), undefined, { numeric: true }) * (ascending ? 1 : -1));
      for (const r of sorted) body.appendChild(r);
    });
  });
  update();
})();
`;
