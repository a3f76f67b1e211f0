/** Rendering `spif explain`: one readable chain per principal, then the change that stops it. */
import type { DisplayNames } from '../report/display-names.js';
import { asWritten } from './render.js';
import { crossRouteText } from '../access/cross-routes.js';
import pc from 'picocolors';
import { type Lang, assumptionText, t } from '../report/messages.js';
import { type Style, blockText, evidenceText, markdown, pathText, plain } from './format.js';
import type { ExplainResult, PrincipalExplanation, Suggestion } from './model.js';
import { gt } from './messages.js';
import { nth } from '../indexed.js';

export const EXPLAIN_FORMATS = ['text', 'json', 'markdown'] as const;

function suggestionHeadline(lang: Lang, style: Style, s: Suggestion): string {
  const [relation, column] = [s.target.split('.').slice(0, 3).join('.'), s.target.split('.').slice(3).join('.')];
  switch (s.kind) {
    case 'revoke-column':
      return gt(lang, 'gate.suggest.revoke-column', style.name(s.target), style.name(s.grantee ?? ''));
    case 'revoke-table':
      return gt(
        lang,
        'gate.suggest.revoke-table',
        style.name(relation),
        style.name(s.grantee ?? ''),
        style.name(column),
      );
    case 'revoke-schema':
      return gt(
        lang,
        'gate.suggest.revoke-schema',
        style.name(s.target.split('.').slice(0, 2).join('.')),
        style.name(s.grantee ?? ''),
        style.name(s.target),
      );
    case 'revoke-execute':
      return gt(lang, 'gate.suggest.revoke-execute', style.name(relation), style.name(s.grantee ?? ''));
    case 'drop-user-mapping':
      return gt(
        lang,
        'gate.suggest.drop-user-mapping',
        style.name(relation),
        style.name(s.grantee ?? ''),
        style.name(s.server ?? ''),
      );
    case 'revoke-remote':
      return gt(
        lang,
        'gate.suggest.revoke-remote',
        style.name(s.target),
        style.name(s.grantee ?? ''),
        style.name(nth(s.target.split('.'), 0)),
      );
    case 'remove-connect':
      return gt(lang, 'gate.suggest.remove-connect', style.name(s.target), style.name(s.grantee ?? ''));
    default:
      return style.text(s.summary);
  }
}

function suggestionFacts(lang: Lang, s: Suggestion): string {
  const facts = [
    gt(lang, s.verified ? 'gate.explain.verified' : 'gate.explain.unverified'),
    gt(lang, s.columnsLost === 1 ? 'gate.explain.columnLost' : 'gate.explain.columnsLost', s.columnsLost),
  ];
  if (s.alsoAffects.length) facts.push(gt(lang, 'gate.explain.alsoAffects', s.alsoAffects.join(', ')));
  return facts.join(lang === 'ja' ? '、' : '; ');
}

function status(lang: Lang, p: PrincipalExplanation): string {
  switch (p.status) {
    case 'reaches':
      return gt(lang, 'gate.explain.reaches');
    case 'blocked':
      return gt(lang, 'gate.explain.blocked');
    case 'cannot-read':
      return gt(lang, 'gate.explain.cannotRead');
    case 'no-path':
      return gt(lang, 'gate.explain.noPath');
  }
}

function noteText(lang: Lang, note: string): string {
  if (note === gt('en', 'gate.explain.unrestricted')) return gt(lang, 'gate.explain.unrestricted');
  if (note === gt('en', 'gate.explain.noSuggestion')) return gt(lang, 'gate.explain.noSuggestion');
  return note;
}

/** Suggestions for a remove-connect carry the principal as grantee for rendering. */
function withPrincipal(p: PrincipalExplanation, s: Suggestion): Suggestion {
  return s.kind === 'remove-connect' ? { ...s, grantee: p.principal } : s;
}

export function renderExplain(
  result: ExplainResult,
  format: string,
  options: { lang: Lang; color?: boolean; names?: DisplayNames },
): string {
  const { lang } = options;
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const md = format === 'markdown';
  const names = options.names;
  // principals and roles as written (the ids in every line are rewritten at the end: asWritten)
  const base = md ? markdown : plain;
  const style = names?.any
    ? { name: (x: string) => base.name(names.role(x)), text: (x: string) => base.text(x) }
    : base;
  /** Bare column and user names of this relation's lines (a quoted column, a suggested GRANT), as written. */
  const words = (text: string) => (names?.any ? names.words(text, result.relation) : text);
  const c = pc.createColors(!md && !!options.color);
  const out: string[] = [];
  const head = `${style.name(result.relation)} — ${t(lang, `classification.${result.classification}`)} (${t(lang, `basis.${result.basis}` as 'basis.reachable')})`;
  out.push(
    md ? `## ${gt(lang, 'gate.explain.title')}` : c.bold(gt(lang, 'gate.explain.title')),
    md ? '' : '',
    md ? `**${head}**` : c.bold(head),
  );
  for (const n of result.numberColumns)
    out.push(
      `${md ? '- ' : '  '}${words(evidenceText(lang, style, { kind: 'number-column', relation: result.relation, numberColumn: n }))}`,
    );
  // What the verdict rests on (a link spif cannot follow, an unread function …), as the scan says it.
  for (const a of result.assumptions ?? [])
    if (a !== 'no-access-control-declared')
      out.push(
        `${md ? '- ' : '  '}${t(lang, 'section.assumptions')}: ${style.text(names ? names.assumption(lang, a) : assumptionText(lang, a))}`,
      );
  if (result.suppressed)
    out.push(
      `${md ? '- 🔕 ' : '  '}${t(lang, 'label.suppressed')} — ${gt(lang, 'gate.reason')}: ${style.text(result.suppressed.reason)}`,
    );
  out.push('');
  const ind = (n: number) => (md ? `${'  '.repeat(n)}- ` : '  '.repeat(n + 1));
  for (const p of result.principals) {
    const mark =
      p.status === 'reaches'
        ? md
          ? '🔴'
          : c.red('●')
        : p.status === 'blocked'
          ? md
            ? '🟢'
            : c.green('○')
          : md
            ? '⚪'
            : c.dim('·');
    out.push(
      `${md ? '- ' : ''}${mark} ${md ? `**${style.name(p.principal)}**` : c.bold(style.name(p.principal))} (${t(lang, `principal.${p.kind}` as 'principal.system')}): ${status(lang, p)}`,
    );
    if (p.path && p.numberColumn) out.push(`${ind(1)}${pathText(lang, style, p.principal, p.numberColumn, p.path)}`);
    for (const r of p.through ?? []) out.push(`${ind(1)}${style.text(crossRouteText(lang, r))}`);
    for (const b of p.blocks ?? []) out.push(`${ind(1)}${blockText(lang, style, b)}`);
    const [best, ...others] = (p.suggestions ?? []).map((s) => withPrincipal(p, s));
    if (best) {
      out.push(
        `${ind(1)}${md ? '**' : ''}${gt(lang, 'gate.explain.suggest')}${md ? '**' : ''}: ${words(suggestionHeadline(lang, style, best))}`,
      );
      const written = best.sql ?? best.config;
      const code = written && best.sql ? words(written) : written;
      if (code) {
        if (md)
          out.push(
            '',
            '    ```' + (best.sql ? 'sql' : 'yaml'),
            ...code.split('\n').map((l) => `    ${l}`),
            '    ```',
            '',
          );
        else out.push(...code.split('\n').map((l) => `${ind(2)}${c.cyan(plain.text(l))}`));
      }
      out.push(`${ind(2)}${suggestionFacts(lang, best)}`);
      if (others.length) {
        out.push(`${ind(1)}${gt(lang, 'gate.explain.alternatives')}:`);
        for (const s of others)
          out.push(`${ind(2)}${words(suggestionHeadline(lang, style, s))} — ${suggestionFacts(lang, s)}`);
      }
    }
    if (p.note) out.push(`${ind(1)}${c.yellow(noteText(lang, p.note))}`);
  }
  return asWritten(out, options.names);
}
