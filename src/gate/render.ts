/**
 * Rendering the gate's results: text for a terminal, Markdown for a pull-request comment, JSON and
 * SARIF for machines. Every format shows every finding, and every suppressed one with its reason.
 */
import type { DisplayNames } from '../report/display-names.js';
import pc from 'picocolors';
import { readingLines } from '../report/reading.js';
import { type Lang, t } from '../report/messages.js';
import { escapeMarkdown } from '../report/escape.js';
import { type Style, evidenceText, findingHeadline, levelLabel, markdown, plain } from './format.js';
import type { Change, CheckResult, DiffResult, Finding } from './model.js';
import { gt } from './messages.js';
import { renderSarif } from './sarif.js';

export interface GateRenderOptions {
  lang: Lang;
  color?: boolean;
  /** Config file (relative), the SARIF location of findings without one. */
  configFile?: string;
  /** `--quiet`: text and Markdown list only what fails (or is an error); counts stay complete. */
  quiet?: boolean;
  /** Names as the sources wrote them (SQL Server), for text and Markdown; JSON and SARIF keep the ids. */
  names?: DisplayNames;
}

/** The lines of a text or Markdown page with every relation and column id as written. */
export function asWritten(out: string[], names: DisplayNames | undefined): string {
  return `${(names?.any ? out.map((l) => names.line(l)) : out).join('\n')}\n`;
}

/** What `--max-warnings` counts: findings that are warnings and neither fail nor are suppressed. */
export function warningCount(findings: Finding[]): number {
  return counts(findings).warnings;
}

function listed(findings: Finding[], options: GateRenderOptions): Finding[] {
  return options.quiet ? findings.filter((f) => f.fails || (f.level === 'error' && !f.suppressed)) : findings;
}

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export const DIFF_FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;

type Colors = ReturnType<typeof pc.createColors>;

function counts(findings: Finding[]): { failing: number; warnings: number; suppressed: number } {
  return {
    failing: findings.filter((f) => f.fails).length,
    warnings: findings.filter((f) => !f.fails && !f.suppressed && f.level === 'warning').length,
    suppressed: findings.filter((f) => f.suppressed).length,
  };
}

function where(f: Finding): string {
  return f.location ? `${f.location.file}:${f.location.line}` : '';
}

function findingTextLines(f: Finding, lang: Lang, c: Colors): string[] {
  const mark = f.suppressed ? c.dim('○') : f.fails ? c.red('✗') : f.level === 'note' ? c.dim('·') : c.yellow('!');
  const level = f.fails
    ? c.red(levelLabel(lang, f.level))
    : f.level === 'warning'
      ? c.yellow(levelLabel(lang, f.level))
      : c.dim(levelLabel(lang, f.level));
  const loc = where(f) ? ` ${c.dim(plain.text(where(f)))}` : '';
  const lines = [`${mark} ${level} ${c.dim(f.code)}${loc}`, `    ${findingHeadline(lang, plain, f)}`];
  for (const e of f.evidence) lines.push(`      ${evidenceText(lang, plain, e)}`);
  if (f.suppressed)
    lines.push(
      `      ${c.yellow(`${t(lang, 'label.suppressed')} — ${gt(lang, 'gate.reason')}: ${plain.text(f.suppressed.reason)}`)}`,
    );
  return lines;
}

function findingMarkdownLines(f: Finding, lang: Lang): string[] {
  const mark = f.suppressed ? '🔕' : f.fails ? '❌' : f.level === 'note' ? 'ℹ️' : '⚠️';
  const loc = where(f) ? ` — ${markdown.name(where(f))}` : '';
  const lines = [
    `- ${mark} **${levelLabel(lang, f.level)}** ${markdown.name(f.code)} ${findingHeadline(lang, markdown, f)}${loc}`,
  ];
  for (const e of f.evidence) lines.push(`  - ${evidenceText(lang, markdown, e)}`);
  if (f.suppressed)
    lines.push(
      `  - 🔕 **${t(lang, 'label.suppressed')}** — ${gt(lang, 'gate.reason')}: ${escapeMarkdown(f.suppressed.reason)}`,
    );
  return lines;
}

export function renderCheck(result: CheckResult, format: string, options: GateRenderOptions): string {
  const { lang } = options;
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'sarif') return renderSarif(result.findings, { configFile: options.configFile });
  const n = counts(result.findings);
  const verdict = gt(lang, result.passed ? 'gate.passed' : 'gate.failed');
  const strict = result.strict ? ` (${gt(lang, 'gate.strict')})` : '';
  const s = result.summary;
  if (format === 'markdown') {
    const out = [
      `## ${result.passed ? '✅' : '❌'} ${gt(lang, 'gate.check.title')}: ${verdict}${strict}`,
      '',
      `${t(lang, 'label.summary', s.relations, s.specific, s.relations - s.specific)} · ${gt(lang, 'gate.findingsSummary', n.failing, n.warnings, n.suppressed)}`,
      '',
      ...readingLines(result, lang).map((l) => `- ${escapeMarkdown(l)}`),
      '',
    ];
    if (!result.inventoryDeclared) out.push(`> ${gt(lang, 'gate.noInventory')}`, '');
    if (result.findings.length === 0) out.push(gt(lang, 'gate.noFindings'));
    for (const f of listed(result.findings, options)) out.push(...findingMarkdownLines(f, lang));
    if (result.inventory.length) {
      out.push('', `### ${gt(lang, 'gate.inventory')}`, '');
      for (const f of result.inventory)
        out.push(
          `- ${f.classification === 'specific' ? '●' : '○'} ${markdown.name(f.name)} — ${t(lang, `classification.${f.classification}`)} (${t(lang, 'label.relationCount', f.relations.length)})`,
        );
    }
    return asWritten(out, options.names);
  }
  const c = pc.createColors(!!options.color);
  const out = [
    c.bold(`${gt(lang, 'gate.check.title')} — ${result.passed ? c.green(verdict) : c.red(verdict)}${strict}`),
    `${t(lang, 'label.summary', s.relations, s.specific, s.relations - s.specific)}${lang === 'ja' ? '、' : '; '}${gt(lang, 'gate.findingsSummary', n.failing, n.warnings, n.suppressed)}`,
    ...readingLines(result, lang).map((l) => c.dim(plain.text(l))),
  ];
  if (!result.inventoryDeclared) out.push(c.yellow(gt(lang, 'gate.noInventory')));
  out.push('');
  if (result.findings.length === 0) out.push(gt(lang, 'gate.noFindings'));
  for (const f of listed(result.findings, options)) out.push(...findingTextLines(f, lang, c));
  if (result.inventory.length) {
    out.push('', c.bold(`■ ${gt(lang, 'gate.inventory')}`));
    for (const f of result.inventory)
      out.push(
        `  ${f.classification === 'specific' ? c.red('●') : c.green('○')} ${plain.name(f.name)}  ${t(lang, `classification.${f.classification}`)}  (${t(lang, 'label.relationCount', f.relations.length)})`,
      );
  }
  return asWritten(out, options.names);
}

/** Changes grouped by what they are about: a relation, a named file, or the whole scan. */
function groups(changes: Change[]): [string, Change[]][] {
  const map = new Map<string, Change[]>();
  for (const ch of changes) {
    const key = ch.relation ?? (ch.file ? `file:${ch.file}` : '');
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(ch);
  }
  return [...map];
}

function subjectOf(key: string, style: Style): string {
  return key.startsWith('file:') ? style.name(key.slice(5)) : key ? style.name(key) : '';
}

export function renderDiff(result: DiffResult, format: string, options: GateRenderOptions): string {
  const { lang } = options;
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'sarif') return renderSarif(result.changes, { configFile: options.configFile });
  const n = counts(result.changes);
  const verdict = gt(lang, result.passed ? 'gate.passed' : 'gate.failed');
  const baseName = `${result.base.ref} (${result.base.commit.slice(0, 7)})`;
  const specifics = `${result.base.summary.specific} → ${result.head.summary.specific}`;
  const failOn = result.failOn.length ? result.failOn.join(', ') : t(lang, 'label.none');
  if (format === 'markdown') {
    const out = [
      '<!-- spif-diff -->',
      `## ${result.passed ? '✅' : '❌'} ${gt(lang, 'gate.diff.title')}: ${verdict}`,
      '',
      `${gt(lang, 'gate.base')} ${markdown.name(baseName)} → ${gt(lang, 'gate.head')} · ${t(lang, 'section.specific')}: ${specifics} · ${gt(lang, 'gate.changesSummary', result.changes.length, n.failing, n.suppressed)} · ${gt(lang, 'gate.failOn')}: ${markdown.name(failOn)}`,
      '',
    ];
    for (const note of result.notes) out.push(`> ${escapeMarkdown(note)}`, '');
    if (result.changes.length === 0) out.push(gt(lang, 'gate.noChanges'));
    for (const [key, list] of groups(listed(result.changes, options) as Change[])) {
      if (key) out.push(`### ${subjectOf(key, markdown)}`, '');
      for (const ch of list) out.push(...findingMarkdownLines(ch, lang));
      out.push('');
    }
    return asWritten(out.join('\n').trimEnd().split('\n'), options.names);
  }
  const c = pc.createColors(!!options.color);
  const out = [
    c.bold(`${gt(lang, 'gate.diff.title')} — ${result.passed ? c.green(verdict) : c.red(verdict)}`),
    [
      `${gt(lang, 'gate.base')} ${plain.name(baseName)} → ${gt(lang, 'gate.head')}`,
      `${t(lang, 'section.specific')}: ${specifics}`,
      gt(lang, 'gate.changesSummary', result.changes.length, n.failing, n.suppressed),
      `${gt(lang, 'gate.failOn')}: ${failOn}`,
    ].join(lang === 'ja' ? '、' : '; '),
  ];
  for (const note of result.notes) out.push(c.yellow(plain.text(note)));
  out.push('');
  if (result.changes.length === 0) out.push(gt(lang, 'gate.noChanges'));
  for (const [key, list] of groups(listed(result.changes, options) as Change[])) {
    if (key) out.push(c.bold(`■ ${subjectOf(key, plain)}`));
    for (const ch of list) out.push(...findingTextLines(ch, lang, c).map((l) => `  ${l}`));
  }
  return asWritten(out, options.names);
}
