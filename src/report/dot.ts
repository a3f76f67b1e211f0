/**
 * `--format dot`: the link graph as Graphviz DOT (undirected: a join works both ways). Nodes are
 * written under internal ids (`n0`…); every name from the sources appears only inside a quoted,
 * escaped label. The HTML report renders this same text to SVG.
 */
import type { Report } from './model.js';
import { readingLines } from './reading.js';
import { visible } from '../visible.js';
import type { Lang } from './messages.js';
import type { ScanResult } from './scan-result.js';
import { dotLines, dotString } from './escape.js';
import { type GraphView, buildGraphView, edgeLines, edgeStyle, nodeLines, nodeStyle } from './graph-model.js';

export function renderDot(report: Report, ctx: { lang: Lang; scan?: ScanResult }): string {
  // What was read and which config, as comments (no name can end one: visible() shows line breaks).
  const head = readingLines(report, ctx.lang)
    .map((l) => `// ${visible(l)}\n`)
    .join('');
  return head + graphToDot(buildGraphView(report, ctx.scan), ctx.lang);
}

export function graphToDot(view: GraphView, lang: Lang): string {
  const out: string[] = [];
  out.push('graph spif {');
  out.push('  graph [rankdir=LR, fontname="sans-serif", fontsize=11, nodesep=0.3, ranksep=0.9, newrank=true];');
  out.push('  node [shape=box, style="rounded,filled", fontname="sans-serif", fontsize=10];');
  out.push('  edge [fontname="sans-serif", fontsize=8];');
  const byKey = new Map(view.nodes.map((n) => [n.key, n]));
  const node = (key: string) => {
    const n = byKey.get(key)!;
    const s = nodeStyle(n);
    const shape = n.kind === 'hub' ? ', shape=ellipse' : n.kind === 'view' ? ', style="rounded,filled,dashed"' : '';
    const lines = nodeLines(n, lang);
    return `${n.key} [label=${dotLines(lines)}, width=${minWidth(lines).toFixed(2)}, tooltip=${dotString(n.title)}, fillcolor="${s.fill}", color="${s.stroke}", penwidth=${s.strokeWidth}${shape}];`;
  };
  view.databases.forEach((db, i) => {
    out.push(`  subgraph cluster_${i} {`);
    out.push(
      `    label=${dotString(db.name)}; style="rounded"; color="${db.classification === 'specific' ? '#c62828' : '#9e9e9e'}";`,
    );
    for (const k of db.nodes) out.push(`    ${node(k)}`);
    out.push('  }');
  });
  for (const n of view.nodes) if (n.database === undefined) out.push(`  ${node(n.key)}`);
  for (const e of view.edges) {
    const s = edgeStyle(e);
    out.push(
      `  ${e.from} -- ${e.to} [label=${dotLines(edgeLines(e, lang))}, color="${s.color}", fontcolor="${s.color}", penwidth=${s.width}${s.dashed ? ', style=dashed' : ''}];`,
    );
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}

/**
 * Graphviz (in WASM, without fonts) underestimates the width of Japanese text, so a node's minimum
 * width is set from our own estimate at fontsize 10: wide (CJK) characters ≈ 1 em, others ≈ ½ em.
 */
function minWidth(lines: string[]): number {
  const em = 10 / 72; // inches
  const widest = Math.max(
    ...lines.map((l) =>
      [...l].reduce(
        (w, ch) =>
          w +
          (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
            ? 1
            : 0.55),
        0,
      ),
    ),
  );
  return widest * em + 0.3;
}
