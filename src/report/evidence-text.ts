/**
 * Evidence in the reader's language. A block's sentence is built from its structured fields
 * (principal, control, where), never from the English `detail`, which JSON keeps as it is. The
 * number-column evidence is written by detection from templates (src/detect/explain.ts), which
 * render it in Japanese too; anything else is shown as written.
 */
import type { Block, NumberColumnReport } from './model.js';
import { evidenceText } from '../detect/explain.js';
import { type Lang, type MessageKey, t } from './messages.js';

export function blockDetail(lang: Lang, b: Block): string {
  if (lang === 'en') return b.detail;
  const who = b.principal === '*' ? t(lang, 'principal.everyone') : b.principal;
  return t(lang, `evidence.block.${b.control}` as MessageKey, who, b.at);
}

/** A number column's evidence in the reader's language (the templates live in src/detect/explain.ts). */
export function numberEvidence(lang: Lang, n: Pick<NumberColumnReport, 'evidence' | 'rule'>): string {
  return evidenceText(lang, n.evidence ?? n.rule);
}
