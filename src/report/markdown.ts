/**
 * `--format markdown`: the PIA document (pia-document.ts) as GitHub-flavoured Markdown, for
 * pasting into a 評価書 draft, with the link graph as an embedded Mermaid block. Every piece of
 * source text goes through escape.ts: a name cannot split a table cell, open a code span, or
 * inject HTML.
 */
import type { Report } from './model.js';
import type { Lang } from './messages.js';
import type { ScanResult } from './scan-result.js';
import { escapeMarkdown, markdownCode } from './escape.js';
import type { DocBlock, Text } from './pia-document.js';
import { buildHyoukashoDocument } from './hyoukasho.js';
import { buildGraphView } from './graph-model.js';
import { graphToMermaid } from './mermaid.js';
import { t } from './messages.js';

export function renderMarkdown(report: Report, ctx: { lang: Lang; scan?: ScanResult }): string {
  const doc = buildHyoukashoDocument(report, ctx.lang, ctx.scan);
  const out: string[] = [];
  for (const b of doc.blocks) out.push(block(b, report, ctx), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function block(b: DocBlock, report: Report, ctx: { lang: Lang; scan?: ScanResult }): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${inline(b.text)}`;
    case 'paragraph':
      return inline(b.text);
    case 'list':
      return b.items.map((i) => `- ${inline(i)}`).join('\n');
    case 'table': {
      const head = `| ${b.head.map(escapeMarkdown).join(' | ')} |`;
      const rule = `| ${b.head.map(() => '---').join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${r.map((c) => inline(c) || ' ').join(' | ')} |`);
      return [head, rule, ...rows].join('\n');
    }
    case 'form':
      return b.blocks.map((x) => block(x, report, ctx)).join('\n\n');
    case 'graph': {
      const view = buildGraphView(report, ctx.scan);
      const note = view.omitted ? `${escapeMarkdown(t(ctx.lang, 'doc.graph.omitted', view.omitted))}\n\n` : '';
      return `${note}\`\`\`mermaid\n${graphToMermaid(view, ctx.lang)}\`\`\``;
    }
  }
}

function inline(text: Text): string {
  return text
    .map((x) =>
      typeof x === 'string'
        ? escapeMarkdown(x)
        : 'code' in x
          ? markdownCode(x.code)
          : `**${escapeMarkdown(x.strong)}**`,
    )
    .join('');
}
