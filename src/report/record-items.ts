/**
 * 主な記録項目: a proposal, per file, of the 評価書's record-item categories, each with the columns
 * behind it. Number columns come from detection (個人番号 / 個人番号対応符号); every other column
 * is read by the rules in record-items-rules.ts. Columns no rule claims are listed as
 * unclassified for the author to decide — the proposal never guesses.
 */
import { canonical } from '../detect/normalise.js';
import type { RelationReport } from './model.js';
import {
  RECORD_ITEM_CATEGORIES,
  RECORD_ITEM_GROUPS,
  RECORD_ITEM_RULES,
  type RecordItemCategory,
  type RecordItemGroup,
  type RecordItemRule,
} from './record-items-rules.js';

export { RECORD_ITEM_CATEGORIES, RECORD_ITEM_GROUPS, type RecordItemCategory, type RecordItemGroup };

export interface ColumnCategory {
  category: RecordItemCategory;
  /** Rule id, or `number-detection` for the number columns. */
  rule: string;
  /** What the rule read: the column name or its comment. */
  evidence: string;
}

export interface RecordItemColumn extends ColumnCategory {
  relation: string;
  column: string;
}

export interface RecordItemProposal {
  /** Every category of the form, in the form's order; `columns` empty when none was found. */
  categories: { category: RecordItemCategory; group: RecordItemGroup; columns: RecordItemColumn[] }[];
  unclassified: { relation: string; column: string; comment?: string }[];
}

const COMMENT_RULES = RECORD_ITEM_RULES.filter((r) => r.target === 'comment');
const NAME_RULES = RECORD_ITEM_RULES.filter((r) => r.target === 'name');

/** The category of one ordinary (non-number) column: its comment first, then its name. */
export function classifyColumn(name: string, comment?: string): ColumnCategory | undefined {
  const byComment = comment ? firstHit(COMMENT_RULES, comment) : undefined;
  if (byComment) return { category: byComment.category, rule: byComment.id, evidence: comment! };
  const byName = firstHit(NAME_RULES, name);
  return byName ? { category: byName.category, rule: byName.id, evidence: name } : undefined;
}

function firstHit(rules: readonly RecordItemRule[], text: string): RecordItemRule | undefined {
  const c = canonical(text);
  return rules.find((r) => r.pattern.test(c));
}

export function groupOf(category: RecordItemCategory): RecordItemGroup {
  for (const [group, members] of Object.entries(RECORD_ITEM_GROUPS)) {
    if ((members as readonly string[]).includes(category)) return group as RecordItemGroup;
  }
  throw new Error(`category ${category} is in no group`);
}

export function proposeRecordItems(relations: RelationReport[]): RecordItemProposal {
  const byCategory = new Map<RecordItemCategory, RecordItemColumn[]>(RECORD_ITEM_CATEGORIES.map((c) => [c, []]));
  const unclassified: RecordItemProposal['unclassified'] = [];
  for (const r of relations) {
    const numbers = new Map(r.numberColumns.map((n) => [n.column, n]));
    for (const col of r.columns ?? []) {
      const number = numbers.get(col.name);
      const found: ColumnCategory | undefined = number
        ? {
            category: number.kind === 'individual-number' ? 'individual-number' : 'substitute-code',
            rule: 'number-detection',
            evidence: number.evidence ?? number.rule,
          }
        : classifyColumn(col.name, col.comment);
      if (found) byCategory.get(found.category)!.push({ relation: r.id, column: col.name, ...found });
      else unclassified.push({ relation: r.id, column: col.name, ...(col.comment ? { comment: col.comment } : {}) });
    }
  }
  return {
    categories: RECORD_ITEM_CATEGORIES.map((category) => ({
      category,
      group: groupOf(category),
      columns: byCategory.get(category)!,
    })),
    unclassified,
  };
}
