/**
 * Evidence in the reader's language, one renderer for every format. A block's sentence is rendered
 * from its data: the reason (which check refused, as which role, through which view) by
 * access/evidence.ts's ja/en templates — the same words `detail` holds in English — or, for
 * prose-only evidence (some product modules give no reason data), from its control and place.
 * Never from the English `detail` text. The number-column evidence is still a string from
 * detection: its usual shapes are rendered in Japanese here, anything else is shown as written.
 */
import { reasonText } from '../access/evidence.js';
import { blockReason } from '../classify/blocks.js';
import type { Block, NumberColumnReport } from './model.js';
import { type Lang, type MessageKey, t } from './messages.js';

export function blockDetail(lang: Lang, b: Block): string {
  const reason = blockReason(b);
  if (reason) return reasonText(lang, reason);
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
