/**
 * `--format mermaid`: the link graph as a Mermaid flowchart (also embedded in the Markdown report).
 * Nodes get internal ids (`n0`…); names from the sources appear only in quoted labels, written
 * with Mermaid entity codes (escape.ts), so no name can close a label or start a directive.
 */
import type { Report } from './model.js';
import type { Lang } from './messages.js';
import type { ScanResult } from './scan-result.js';
import { mermaidLabel } from './escape.js';
import { type GraphView, buildGraphView, edgeLines, edgeStyle, nodeLines, nodeStyle } from './graph-model.js';

export function renderMermaid(report: Report, ctx: { lang: Lang; scan?: ScanResult }): string {
  // No header here: Mermaid reads directives (%%{…}%%) even inside comments, so no text from the
  // sources (file names) may stand outside a label. The graph's reader sees the summary elsewhere.
  return graphToMermaid(buildGraphView(report, ctx.scan), ctx.lang);
}

/** Lines joined by a Mermaid line break; each line escaped on its own. */
function labelOf(lines: string[]): string {
  return `"${lines.map((l) => mermaidLabel(l).slice(1, -1)).join('<br/>')}"`;
}

export function graphToMermaid(view: GraphView, lang: Lang): string {
  const out: string[] = ['flowchart LR'];
  const byKey = new Map(view.nodes.map((n) => [n.key, n]));
  const node = (key: string) => {
    const n = byKey.get(key)!;
    const text = labelOf(nodeLines(n, lang));
    return n.kind === 'hub' ? `${n.key}((${text}))` : n.kind === 'view' ? `${n.key}[/${text}/]` : `${n.key}[${text}]`;
  };
  view.databases.forEach((db, i) => {
    out.push(`  subgraph db${i}[${mermaidLabel(db.name)}]`);
    for (const k of db.nodes) out.push(`    ${node(k)}`);
    out.push('  end');
  });
  for (const n of view.nodes) if (n.database === undefined) out.push(`  ${node(n.key)}`);
  const linkStyles: string[] = [];
  view.edges.forEach((e, i) => {
    const s = edgeStyle(e);
    out.push(`  ${e.from} ${s.dashed ? '-.-' : '---'}|${labelOf(edgeLines(e, lang))}| ${e.to}`);
    if (e.state !== 'open')
      linkStyles.push(
        `  linkStyle ${i} stroke:${s.color},stroke-width:${s.width}px${s.dashed ? ',stroke-dasharray:5 4' : ''}`,
      );
  });
  out.push(...linkStyles);
  // One class per look, so the picture keys match the legend.
  const classes = new Map<string, string[]>();
  for (const n of view.nodes) {
    const name = n.kind === 'hub' ? 'hub' : (n.basis ?? 'unlinked');
    classes.set(name, [...(classes.get(name) ?? []), n.key]);
  }
  for (const [name, keys] of classes) {
    const s = nodeStyle(view.nodes.find((n) => n.key === keys[0])!);
    out.push(`  classDef ${cssName(name)} fill:${s.fill},stroke:${s.stroke},stroke-width:${s.strokeWidth}px`);
    out.push(`  class ${keys.join(',')} ${cssName(name)}`);
  }
  return `${out.join('\n')}\n`;
}

function cssName(basis: string): string {
  return basis.replace(/-/g, '_');
}
