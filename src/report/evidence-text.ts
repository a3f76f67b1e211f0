/**
 * Evidence in the reader's language. A block's sentence is built from its structured fields
 * (principal, control, where), never from the English `detail`, which JSON keeps as it is. The
 * number-column evidence is still a string from detection: its usual shapes are rendered in
 * Japanese here, anything else is shown as written (until detection's evidence is structured).
 */
import type { Block, NumberColumnReport } from './model.js';
import { type Lang, type MessageKey, t } from './messages.js';

export function blockDetail(lang: Lang, b: Block): string {
  if (lang === 'en') return b.detail;
  const who = b.principal === '*' ? t(lang, 'principal.everyone') : b.principal;
  return t(lang, `evidence.block.${b.control}` as MessageKey, who, b.at);
}

const NUMBER_EVIDENCE: [RegExp, MessageKey][] = [
  [/^column name '(.*)'$/s, 'evidence.number.name'],
  [/^comment '(.*)'$/s, 'evidence.number.comment'],
  [/^carries '(.*)' \((.*)\)$/s, 'evidence.number.carries'],
  [/^numberColumns\.include '(.*)'$/s, 'evidence.number.include'],
  [/^numberColumns\.substitute '(.*)'$/s, 'evidence.number.substitute'],
  [/^marked '(.*)' in the source$/s, 'evidence.number.mark'],
];

export function numberEvidence(lang: Lang, n: Pick<NumberColumnReport, 'evidence' | 'rule'>): string {
  const text = n.evidence ?? n.rule;
  if (lang === 'en') return text;
  for (const [pattern, key] of NUMBER_EVIDENCE) {
    const m = pattern.exec(text);
    if (m) return t(lang, key, ...m.slice(1));
  }
  return text;
}
