/**
 * `--format html`: one self-contained file that stays quick at 20,000 tables — an explorer.
 *
 * - 概要 (overview): every database and named file (評価書のファイル) with its judgement;
 * - テーブル・ビュー: every relation, searchable, filterable, 50 rows a page;
 * - for a chosen relation or file: its paths to the number and the controls that stop each user,
 *   drawn on demand with cytoscape.js and listed as text;
 * - 評価書の下書き: the PIA document (pia-document.ts, the same content as the Markdown report),
 *   inserted when its tab is opened or the page is printed (A4);
 * - 診断: the diagnostics.
 *
 * Nothing is laid out at report time (Graphviz over the whole graph took 24 s at 2,000 tables and
 * did not finish at 20,000): the report is packed as data (html-data.ts) and the page draws only
 * what is asked for. Nothing is fetched: cytoscape.js and the explorer script are inline and
 * allowed by their hashes under `default-src 'none'`. Every source string is escaped (escape.ts)
 * or reaches the DOM as text only; the CSP is a second wall.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Report } from './model.js';
import { CONTROLS } from './model.js';
import { type Lang, type MessageKey, t } from './messages.js';
import type { ScanResult } from '../pipeline.js';
import { escapeHtml } from './escape.js';
import type { DocBlock, TableRole, Text } from './pia-document.js';
import { buildHyoukashoDocument } from './hyoukasho.js';
import { FORM_STYLE, formHtml, formToc, inline } from './pia-html.js';
import { longList, longTable, shownLength } from './html-long-blocks.js';
import { declaredOnlyBlocks } from './graph-model.js';
import { BASES, CLASSES, KINDS, NUMBER_KINDS, SEVERITIES, VIAS, jsonForScriptBlock, packReport } from './html-data.js';
import { EXPLORER_SCRIPT } from './html-explorer.js';

export interface HtmlContext {
  lang: Lang;
  scan?: ScanResult;
}

export async function renderHtml(report: Report, ctx: HtmlContext): Promise<string> {
  return htmlDocument(report, ctx);
}

let cytoscapeSource: string | undefined;
/** cytoscape.js, minified, as the package ships it (its MIT notice stays at the top). */
function cytoscapeScript(): string {
  cytoscapeSource ??= fs.readFileSync(
    createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js'),
    'utf8',
  );
  return cytoscapeSource;
}

export function htmlDocument(report: Report, ctx: HtmlContext): string {
  const { lang } = ctx;
  const L = (key: MessageKey, ...args: (string | number)[]) => t(lang, key, ...args);
  const declaredOnly = ctx.scan ? declaredOnlyBlocks(report, ctx.scan) : [];
  const doc = buildHyoukashoDocument(report, lang, ctx.scan);
  const data = jsonForScriptBlock(packReport(report, declaredOnly, lang));
  const labels = jsonForScriptBlock(explorerLabels(lang));
  const documentHtml = jsonForScriptBlock(documentOrNotice(renderDocument(doc.blocks, lang), lang));
  const libs = cytoscapeScript();
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${sha256(libs)}' '${sha256(EXPLORER_SCRIPT)}'`;
  const s = report.summary;
  const tab = (name: string, label: string) =>
    `<button type="button" role="tab" id="tab-${name}" data-tab="${name}" aria-controls="panel-${name}" aria-selected="false">${escapeHtml(label)}</button>`;
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
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p id="summary">${escapeHtml(L('label.summary', s.relations, s.specific, s.notSpecific))}${escapeHtml(L('doc.sep.clause'))}${escapeHtml(L('label.diagnosticsSummary', s.errors, s.warnings))} <small>${escapeHtml(L('doc.generated', report.tool.version))}</small></p>
<div role="tablist">${tab('overview', L('html.tab.overview'))}${tab('relations', L('html.tab.relations'))}${tab('document', L('html.tab.document'))}${tab('diagnostics', `${L('section.diagnostics')} (${s.errors + s.warnings})`)}</div>
</header>
<main>
<section id="panel-overview" role="tabpanel" aria-labelledby="tab-overview" hidden>
<p>${escapeHtml(L('html.overview.hint'))}</p>
<h2>${escapeHtml(L('section.databases'))}</h2>
<table class="overview"><thead><tr><th scope="col">${escapeHtml(L('doc.field.database'))}</th><th scope="col">${escapeHtml(L('doc.field.judgement'))}</th><th scope="col">${escapeHtml(L('html.col.specificOfAll'))}</th></tr></thead><tbody id="overview-databases"></tbody></table>
<div id="overview-files-section"><h2>${escapeHtml(L('section.files'))}</h2>
<table class="overview"><thead><tr><th scope="col">${escapeHtml(L('doc.field.fileName'))}</th><th scope="col">${escapeHtml(L('doc.field.judgement'))}</th><th scope="col">${escapeHtml(L('html.col.specificOfAll'))}</th></tr></thead><tbody id="overview-files"></tbody></table></div>
</section>
<section id="panel-relations" role="tabpanel" aria-labelledby="tab-relations" hidden>
<div class="controls"><label>${escapeHtml(L('doc.search'))} <input id="relation-search" type="search" placeholder="${escapeHtml(L('doc.search.placeholder'))}"></label>
<label>${escapeHtml(L('doc.field.judgement'))} <select id="relation-class"><option value="">${escapeHtml(L('html.filter.all'))}</option><option value="specific">${escapeHtml(L('classification.specific'))}</option><option value="not-specific">${escapeHtml(L('classification.not-specific'))}</option>${BASES.map((b, i) => `<option value="${i}">${escapeHtml(L(`basis.${b}`))}</option>`).join('')}</select></label>
<span id="relation-count"></span> <span id="relation-scope"></span></div>
<table id="relations"><thead><tr>${[L('doc.col.relation'), L('doc.col.kind'), L('doc.field.judgement'), L('doc.col.basis'), L('doc.col.numberColumns'), L('doc.col.file'), L('doc.col.source')].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody id="relations-body"></tbody></table>
<div class="pager"><button type="button" id="page-prev">${escapeHtml(L('html.prev'))}</button> <span id="page-label"></span> <button type="button" id="page-next">${escapeHtml(L('html.next'))}</button></div>
<article id="detail" hidden></article>
</section>
<section id="panel-document" role="tabpanel" aria-labelledby="tab-document" hidden><div id="document-body"></div></section>
<section id="panel-diagnostics" role="tabpanel" aria-labelledby="tab-diagnostics" hidden>
<table><thead><tr>${[L('doc.col.severity'), L('doc.col.code'), L('doc.col.location'), L('doc.col.message')].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody id="diagnostics-body"></tbody></table>
</section>
</main>
<script type="application/json" id="spif-data">${data}</script>
<script type="application/json" id="spif-labels">${labels}</script>
<script type="application/json" id="spif-document">${documentHtml}</script>
<script>${libs}</script>
<script>${EXPLORER_SCRIPT}</script>
</body>
</html>
`;
}

/** Every label the script shows, in the report's language (from the one catalogue). */
function explorerLabels(lang: Lang) {
  const L = (key: MessageKey, ...args: (string | number)[]) => t(lang, key, ...args);
  return {
    kind: KINDS.map((k) => L(`doc.kind.${k}`)),
    cls: CLASSES.map((c) => L(`classification.${c}`)),
    basis: BASES.map((b) => L(`basis.${b}`)),
    basisExplain: BASES.map((b) => L(`basis.explain.${b}`)),
    via: VIAS.map((v) => L(`via.${v}`)),
    control: CONTROLS.map((c) => L(`control.${c}`)),
    numberKind: NUMBER_KINDS.map((k) => L(`kind.${k}`)),
    severity: SEVERITIES.map((x) => (x === 'info' ? L('label.severity.info') : L(`gate.level.${x}`))),
    ui: {
      shown: L('doc.shown', '{0}', '{1}'),
      page: L('html.page', '{0}', '{1}', '{2}'),
      database: L('doc.field.database'),
      file: L('doc.col.file'),
      clear: L('html.clear'),
      reaches: L('doc.result.reaches'),
      directRead: L('label.directRead'),
      blocked: L('doc.result.blocked'),
      declaredOnly: L('doc.result.declaredOnly'),
      everyone: L('principal.everyone'),
      noAccess: L('doc.access.none'),
      accessHead: [L('doc.col.principal'), L('doc.col.relation'), L('doc.col.result'), L('doc.col.detail')],
      numberColumns: L('doc.col.numberColumns'),
      suppressed: L('label.suppressed'),
      fileMembers: L('html.file.members', '{0}', '{1}'),
      graphLabel: L('doc.section.graph'),
      legend: L('html.graph.legend'),
      graphText: L('html.graph.text'),
      truncated: L('html.graph.truncated', '{0}', '{1}'),
      andMore: L('label.andMore', '{0}'),
    },
  };
}

/**
 * Above this size the 評価書 document is not embedded (at 20,000 tables it is ~140 MB, and a page
 * that large is not usable): the tab says so and how to get it. The explorer holds all the data.
 */
export const MAX_DOCUMENT_BYTES = 8_000_000;

function documentOrNotice(html: string, lang: Lang): string {
  if (shownLength(html) <= MAX_DOCUMENT_BYTES) return html;
  return `<p class="notice">${escapeHtml(t(lang, 'html.document.tooLarge', (html.length / 1e6).toFixed(0), (MAX_DOCUMENT_BYTES / 1e6).toFixed(0)))}</p>`;
}

/** The 評価書 document as HTML; the explorer replaces its relation list and whole-graph picture. */
function renderDocument(blocks: DocBlock[], lang: Lang): string {
  const toc: string[] = [];
  const body: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading' && b.level === 1) continue; // the page header has the title
    if (b.kind === 'form') toc.push(...formToc(b.blocks));
    if (b.kind === 'heading' && b.level === 2 && b.anchor)
      toc.push(`<li><a href="#${b.anchor}">${inline(b.text)}</a></li>`);
    body.push(block(b, lang));
  }
  return `<nav class="toc"><ul>${toc.join('')}</ul></nav>\n${body.join('\n')}`;
}

function block(b: DocBlock, lang: Lang): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}${b.anchor ? ` id="${b.anchor}"` : ''}>${inline(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.text)}</p>`;
    case 'list':
      return longList(b.items.map(inline), b.role, lang);
    case 'table':
      return b.role === 'relations'
        ? `<p>${escapeHtml(t(lang, 'html.document.seeExplorer'))}</p>`
        : table(b.head, b.rows, b.role, lang);
    case 'form':
      return formHtml(b.blocks, lang);
    case 'graph':
      return `<p>${escapeHtml(t(lang, 'html.document.seeExplorer'))}</p>`;
  }
}

function table(head: string[], rows: Text[][], role: TableRole | undefined, lang: Lang): string {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  return longTable(
    (shown) => `<table><thead><tr>${th}</tr></thead><tbody>\n${shown.join('\n')}\n</tbody></table>`,
    (r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`,
    rows,
    role,
    lang,
  );
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}

/*
 * Japanese is never broken inside a word: Chromium's `word-break: auto-phrase` (BudouX phrases,
 * with lang="ja"), else `keep-all`; long identifiers may still wrap anywhere so nothing overflows.
 */
const STYLE = `
:root { --red: #c62828; --orange: #ef6c00; --grey: #757575; font-family: system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", "IPAGothic", sans-serif; }
body { margin: 0; line-height: 1.6; color: #212121; word-break: keep-all; overflow-wrap: break-word; line-break: strict; }
@supports (word-break: auto-phrase) { body { word-break: auto-phrase; } }
header { padding: .8em 2em 0; border-bottom: 1px solid #e0e0e0; background: #fafafa; position: sticky; top: 0; z-index: 2; }
header h1 { font-size: 1.4em; margin: 0 0 .2em; } #summary { margin: 0 0 .6em; } #summary small { color: var(--grey); display: block; }
[role=tablist] button { font: inherit; border: 1px solid #e0e0e0; border-bottom: 0; background: #eceff1; padding: .35em 1em; margin-right: .2em; cursor: pointer; border-radius: 4px 4px 0 0; }
[role=tablist] button[aria-selected=true] { background: #fff; font-weight: 600; }
main { padding: 1em 2em 4em; max-width: 100em; }
h2 { border-bottom: 2px solid #eceff1; padding-bottom: .2em; margin-top: 1.4em; font-size: 1.25em; } h3 { margin-top: 1.4em; }
table { border-collapse: collapse; margin: .6em 0; font-size: .9em; }
th, td { border: 1px solid #e0e0e0; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #f5f5f5; } td.num { text-align: right; white-space: nowrap; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .92em; background: #f5f5f5; padding: 0 .2em; border-radius: 3px; word-break: normal; overflow-wrap: anywhere; }
button.link { font: inherit; color: #0d47a1; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; text-decoration: underline; word-break: normal; overflow-wrap: anywhere; }
table.access td:nth-child(3) { white-space: nowrap; }
.cls-0 > td:nth-child(3), td.cls-0, strong.cls-0 { color: var(--red); font-weight: 600; }
.controls { margin: .6em 0; display: flex; gap: 1em; flex-wrap: wrap; align-items: center; } .controls input { font: inherit; padding: .2em .4em; min-width: 22em; } select { font: inherit; }
#relation-count, #page-label { color: var(--grey); }
.pager button { font: inherit; }
#detail { margin-top: 1.5em; border-top: 3px solid #1565c0; padding-top: .5em; scroll-margin-top: 10em; }
#graph { width: 100%; height: 480px; border: 1px solid #e0e0e0; background: #fff; }
figure { margin: .6em 0; } figcaption { font-size: .85em; color: #455a64; margin-top: .3em; }
#graph-edges { font-size: .85em; }
p.more { color: var(--grey); font-size: .9em; } .long-table .pager { margin: .2em 0 1em; }
.notice { border-left: 4px solid var(--orange); background: #fff8e1; padding: .6em 1em; }
tr.blocked td:nth-child(3) { color: var(--orange); } tr.reaches td:nth-child(3) { color: var(--red); }
.toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3em 1.2em; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.45; }
  header { position: static; background: none; border: 0; padding: 0; }
  [role=tablist], .controls, .pager, #panel-overview, #panel-relations, #panel-diagnostics, .toc { display: none !important; }
  #panel-document { display: block !important; }
  main { padding: 0; max-width: none; }
  table { width: 100%; font-size: 8.5pt; } tr, img { break-inside: avoid; } thead { display: table-header-group; }
  h2, h3, h4 { break-after: avoid; } h2 { break-before: page; } h2:first-of-type { break-before: auto; }
  code { background: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
