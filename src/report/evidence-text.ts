/**
 * Evidence in the reader's language, one renderer for every format. A block's sentence is rendered
 * from its data: the reason (which check refused, as which role, through which view) by
 * access/evidence.ts's ja/en templates — the same words `detail` holds in English — or, for
 * prose-only evidence (some product modules give no reason data), from its control and place.
 * Never from the English `detail` text. The number-column evidence is written by detection from
 * templates (src/detect/explain.ts), which render it in Japanese too; anything else is shown as written.
 */
import { reasonText } from '../access/evidence.js';
import { blockReason } from '../classify/blocks.js';
import type { Block, NumberColumnReport } from './model.js';
import { evidenceText } from '../detect/explain.js';
import { type Lang, type MessageKey, t } from './messages.js';

export function blockDetail(lang: Lang, b: Block): string {
  const reason = blockReason(b);
  if (reason) return reasonText(lang, reason);
  if (lang === 'en') return b.detail;
  const who = b.principal === '*' ? t(lang, 'principal.everyone') : b.principal;
  return t(lang, `evidence.block.${b.control}` as MessageKey, who, b.at);
}

/** A number column's evidence in the reader's language (the templates live in src/detect/explain.ts). */
export function numberEvidence(lang: Lang, n: Pick<NumberColumnReport, 'evidence' | 'rule'>): string {
  return evidenceText(lang, n.evidence ?? n.rule);
}
