/**
 * Classify one column from its name and comment: is it the 個人番号, a substitute code, something
 * about the number (vetoed), or unrelated? Pure: no catalog, no config.
 */
import { EXCLUSION_RULES, type ExclusionRule } from './exclusions.js';
import { commentSegments, glosses, nameSegments, type Segment } from './normalise.js';
import { NUMBER_RULES, type NumberKind, type NumberRule, type RuleTarget } from './rules.js';

export type ColumnClass =
  | { kind: NumberKind; rule: string; evidence: string }
  | { excludedBy: string };

/** What the rules found in one name or one comment. */
interface TextFindings {
  /** The first number rule that matched and was not vetoed. */
  hit?: NumberRule;
  /** A number rule matched somewhere (vetoed or not). */
  mentioned: boolean;
  /** Exclusions that vetoed a mention, or that apply to text not mentioning the number. */
  vetoes: ExclusionRule[];
}

/** English text: romanised words anywhere in it are not its head ("AES encrypted, stored as text type"). */
const ENGLISH = /^[a-z0-9_]*$/;

function vetoOf(tail: string, segment: Segment, target: RuleTarget, mentioned: boolean): ExclusionRule | undefined {
  // A comment that does not name the number says what the column is by its head: the end of a
  // Japanese phrase (read as a tail), the front of an English one (read by `wholeComment`).
  const readTail = mentioned || target === 'name' || !ENGLISH.test(segment.text);
  return EXCLUSION_RULES.find((rule) => (mentioned || rule.standalone) && (
    (readTail && rule.tail?.test(tail))
    || (target === 'name' && rule.wholeName?.test(segment.whole))
    || (target === 'comment' && rule.wholeComment?.test(segment.whole))
    || rule.wholeText?.test(segment.whole)));
}

function analyse(text: string, target: RuleTarget): TextFindings {
  const segments = target === 'name' ? nameSegments(text) : commentSegments(text);
  const rules = NUMBER_RULES.filter((rule) => rule.target === target);
  const findings: TextFindings = { mentioned: false, vetoes: [] };
  const unmentioned: Segment[] = [];
  for (const segment of segments) {
    const match = rules.map((rule) => ({ rule, m: rule.pattern.exec(segment.text) })).find(({ m }) => m !== null);
    if (!match?.m) {
      unmentioned.push(segment);
      continue;
    }
    findings.mentioned = true;
    const tail = segment.text.slice(match.m.index + match.m[0].length);
    const veto = vetoOf(tail, segment, target, true);
    if (veto) findings.vetoes.push(veto);
    else findings.hit ??= match.rule;
  }
  // An aside that is itself a name of the number glosses the text before it: `12桁の番号（個人番号）`.
  // Only a bare name (nothing after the mention) counts: `住民票コード（個人番号の生成元）` does not.
  if (!findings.mentioned) {
    for (const gloss of glosses(text, target)) {
      const rule = rules.find((r) => {
        const m = r.pattern.exec(gloss);
        return m !== null && m.index + m[0].length === gloss.length;
      });
      if (!rule) continue;
      findings.mentioned = true;
      const veto = vetoOf('', { text: gloss, whole: segments[0]?.whole ?? gloss }, target, true);
      if (veto) findings.vetoes.push(veto);
      else findings.hit ??= rule;
    }
  }
  // Text that does not name the number can still say what the column is (a name `kofu_date`,
  // a comment `交付日`). A comment part beside one that names the number is only detail.
  if (target === 'name' || !findings.mentioned) {
    for (const segment of unmentioned) {
      const veto = vetoOf(segment.text, segment, target, false);
      if (veto) findings.vetoes.push(veto);
    }
  }
  return findings;
}

/**
 * Classify a column by its name and comment.
 * - a hit: the column is the number (`kind`), with the rule and the text that showed it;
 * - `excludedBy`: the number is mentioned, but an exclusion says the column is about it;
 * - `undefined`: the number is not mentioned.
 * Any veto, in the name or the comment, wins over any mention: `kojin_bango_flg` commented
 * `個人番号` is a flag with a loose comment, and `kojin_bango` commented `交付日` is a date.
 */
export function classifyColumnName(name: string, comment?: string): ColumnClass | undefined {
  const byName = analyse(name, 'name');
  const byComment = comment !== undefined && comment.trim() !== '' ? analyse(comment, 'comment') : undefined;
  if (!byName.mentioned && !byComment?.mentioned) return undefined;
  const veto = byName.vetoes[0] ?? byComment?.vetoes[0];
  if (veto) return { excludedBy: veto.id };
  if (byName.hit) return { kind: byName.hit.kind, rule: byName.hit.id, evidence: `column name '${name}'` };
  if (byComment?.hit) return { kind: byComment.hit.kind, rule: byComment.hit.id, evidence: `comment '${comment}'` };
  return undefined;
}
