/**
 * Evidence as one line of text, shared by the gate's text and Markdown renderers. `style` decides
 * how names are shown (plain for a terminal, code spans for Markdown); labels come from the
 * message catalogue.
 */
import type { Block, PathStep } from '../report/model.js';
import { blockDetail, numberEvidence } from '../report/evidence-text.js';
import { type Lang, diagnosticMessage, t } from '../report/messages.js';
import { escapeMarkdown, markdownCode } from '../report/escape.js';
import { clean } from '../report/text.js';
import type { Evidence, Finding } from './model.js';
import { candidateReason, candidateSettle, evidenceText as detectionEvidence } from '../detect/explain.js';
import { renderText } from '../diagnostic-text/index.js';
import { gt, ruleMessage } from './messages.js';

export interface Style {
  /** A name from the sources or the config. */
  name(s: string): string;
  /** Free text from the sources or the config. */
  text(s: string): string;
}

export const plain: Style = { name: clean, text: clean };

/** Markdown: names in code spans, text with markup escaped; no raw HTML, no cell breaks. */
export const markdown: Style = { name: markdownCode, text: escapeMarkdown };

export function pathText(lang: Lang, style: Style, principal: string, numberColumn: string, path: PathStep[]): string {
  if (path.length === 0) return `${style.name(principal)}: ${t(lang, 'label.directRead')} ${style.name(numberColumn)}`;
  const hops = path.map((s) => `${style.name(s.from)} →(${t(lang, `via.${s.via}`)}) ${style.name(s.to)}`).join(' ⇒ ');
  return `${style.name(principal)}: ${hops} ⇒ ${style.name(numberColumn)}`;
}

export function blockText(lang: Lang, style: Style, b: Block): string {
  const who = b.principal === '*' ? t(lang, 'principal.everyone') : style.name(b.principal);
  return `${who}: ${t(lang, `control.${b.control}`)} — ${t(lang, 'label.blockedAt')} ${style.name(b.at)} (${style.text(blockDetail(lang, b))})`;
}

export function evidenceText(lang: Lang, style: Style, e: Evidence): string {
  switch (e.kind) {
    case 'number-column': {
      const n = e.numberColumn;
      const where = n.source ? ` ${style.text(`${n.source.file}:${n.source.line}`)}` : '';
      return `${t(lang, 'label.numberColumn')}: ${style.name(`${e.relation}.${n.column}`)} — ${t(lang, `kind.${n.kind}`)} (${style.text(numberEvidence(lang, n))}; ${style.text(n.rule)})${where}`;
    }
    case 'candidate-column': {
      const c = e.candidate;
      return (
        `${t(lang, 'label.candidate')}: ${style.name(`${e.relation}.${c.column}`)} — ${t(lang, `kind.${c.kind}`)}? (${style.text(detectionEvidence(lang, c.evidence))}; ${style.text(c.rule)}). ` +
        `${style.text(candidateReason(lang, c).replace(/[.。]$/, ''))}${lang === 'ja' ? '。' : '.'} ${t(lang, 'label.candidateSettle')}: ${style.text(candidateSettle(lang, c))}`
      );
    }
    case 'path':
      return pathText(lang, style, e.principal, e.numberColumn, e.path);
    case 'block':
      return blockText(lang, style, e.block);
    case 'member':
      return `${style.name(e.relation)} — ${t(lang, `classification.${e.classification}`)} (${t(lang, `basis.${e.basis}`)})`;
    case 'files':
      return e.files.length
        ? gt(lang, 'gate.inFiles', e.files.map((f) => style.name(f)).join(', '))
        : gt(lang, 'gate.inNoFile');
    case 'more':
      return `… ${t(lang, 'label.andMore', e.count)}`;
    case 'text':
      // A diagnostic's message in the reader's language when it has an entry; other text as written.
      return style.text((e.entry && lang !== 'en' && renderText(lang, e.entry)) || e.text);
  }
}

/** The finding's headline in the reader's language (the stored `message` is English). */
export function findingHeadline(
  lang: Lang,
  style: Style,
  f: Finding & { before?: { basis: string }; after?: { basis: string }; renamed?: { from: string; to: string } },
): string {
  const basis = (b: { basis: string } | undefined, none: string) =>
    b ? t(lang, `basis.${b.basis}` as 'basis.reachable') : none;
  const rel = f.relation ? style.name(f.relation) : '';
  switch (f.rule) {
    case 'uncovered-specific':
      return ruleMessage(lang, f.rule, rel, basisFromEvidence(lang, f));
    case 'inventory-not-specific':
      return ruleMessage(lang, f.rule, style.name(f.file ?? ''), f.evidence.filter((e) => e.kind === 'member').length);
    case 'undecided-candidate': {
      const c = f.evidence.find((e) => e.kind === 'candidate-column');
      return ruleMessage(
        lang,
        f.rule,
        style.name(c?.kind === 'candidate-column' ? `${c.relation}.${c.candidate.column}` : (f.relation ?? '')),
      );
    }
    case 'error-diagnostic':
    case 'warning-diagnostic':
      return ruleMessage(
        lang,
        f.rule,
        style.name(f.code),
        f.evidence[0]?.kind === 'text'
          ? style.text(
              diagnosticMessage(lang, { code: f.code, message: f.evidence[0].text, text: f.evidence[0].entry }),
            )
          : '',
      );
    case 'suppression-unused': {
      const [what, reason] = f.evidence.map((e) => (e.kind === 'text' ? e.text : ''));
      return ruleMessage(lang, f.rule, style.name(what ?? ''), style.text(reason ?? ''));
    }
    case 'became-specific':
      return ruleMessage(lang, f.rule, rel, basis(f.after, ''), basis(f.before, gt(lang, 'gate.absent')));
    case 'stopped-specific':
      return ruleMessage(lang, f.rule, rel, basis(f.after, gt(lang, 'gate.removed')), basis(f.before, ''));
    case 'path-added':
    case 'path-removed':
      return ruleMessage(lang, f.rule, rel, style.name(f.principal ?? ''));
    case 'block-added':
    case 'block-removed': {
      const b = f.evidence.find((e) => e.kind === 'block');
      return b?.kind === 'block'
        ? ruleMessage(
            lang,
            f.rule,
            rel,
            style.name(b.block.principal),
            t(lang, `control.${b.block.control}`),
            style.name(b.block.at),
          )
        : style.text(f.message);
    }
    case 'number-column-added':
    case 'number-column-removed': {
      const n = f.evidence.find((e) => e.kind === 'number-column');
      return n?.kind === 'number-column'
        ? ruleMessage(
            lang,
            f.rule,
            style.name(`${n.relation}.${n.numberColumn.column}`),
            t(lang, `kind.${n.numberColumn.kind}`),
          )
        : style.text(f.message);
    }
    case 'file-became-specific':
    case 'file-stopped-specific':
      return ruleMessage(lang, f.rule, style.name(f.file ?? ''));
    case 'database-renamed':
      return ruleMessage(lang, f.rule, style.name(f.renamed?.from ?? ''), style.name(f.renamed?.to ?? ''));
    default:
      return style.text(f.message);
  }
}

function basisFromEvidence(lang: Lang, f: Finding): string {
  const hasNumber = f.evidence.some((e) => e.kind === 'number-column');
  return t(lang, hasNumber ? 'basis.holds-number' : 'basis.reachable');
}

export function levelLabel(lang: Lang, level: Finding['level']): string {
  return gt(lang, `gate.level.${level}`);
}
