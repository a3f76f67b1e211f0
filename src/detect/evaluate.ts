/**
 * Precision and recall of number-column detection on a labelled set of real columns
 * (fixtures/detection-eval/columns.json, kept apart from the rules' own examples). A candidate
 * (要確認) counts as found: it is reported and gates `spif check`, so nothing is silent.
 */
import { classifyColumn, type ColumnClass } from './classify.js';
import { japaneseText } from './context.js';

export interface EvalColumn {
  /** Where the column was seen (repository and path, or the search index id). */
  source: string;
  table: string;
  name: string;
  type?: string;
  comment?: string;
  tableComment?: string;
  siblings?: { name: string; comment?: string }[];
  /** The truth, decided by reading the schema: the column holds the number (or a code in its place), or not. */
  truth: 'number' | 'not';
  kind?: 'individual-number' | 'substitute-code';
  note?: string;
}

export interface EvalResult {
  total: number;
  positives: number;
  truePositives: number;
  falsePositives: EvalColumn[];
  falseNegatives: EvalColumn[];
  /** Found as candidates (counted as found). */
  candidates: number;
  precision: number;
  recall: number;
}

/** The file a column was seen in: its source without the description in brackets. */
function sourceOf(c: EvalColumn): string {
  return c.source.replace(/ \(.*$/, '');
}

function found(c: ColumnClass | undefined): 'number' | 'candidate' | undefined {
  if (!c || 'excludedBy' in c) return undefined;
  return c.candidate ? 'candidate' : 'number';
}

export function evaluateDetection(columns: EvalColumn[]): EvalResult {
  let truePositives = 0;
  let candidates = 0;
  const falsePositives: EvalColumn[] = [];
  const falseNegatives: EvalColumn[] = [];
  for (const column of columns) {
    // The other columns of the same table, for split numbers.
    const siblings =
      column.siblings ??
      columns
        .filter((c) => c.table === column.table && sourceOf(c) === sourceOf(column) && c !== column)
        .map((c) => ({ name: c.name, comment: c.comment }));
    // The rest of the schema: the other columns seen in the same file.
    const japaneseSchema = japaneseText(
      columns
        .filter((c) => sourceOf(c) === sourceOf(column) && c !== column)
        .flatMap((c) => [c.table, c.name, c.comment]),
    );
    const outcome = found(classifyColumn({ ...column, siblings, japaneseSchema }));
    if (outcome === 'candidate') candidates++;
    if (outcome && column.truth === 'number') truePositives++;
    else if (outcome) falsePositives.push(column);
    else if (column.truth === 'number') falseNegatives.push(column);
  }
  const positives = columns.filter((c) => c.truth === 'number').length;
  const predicted = truePositives + falsePositives.length;
  return {
    total: columns.length,
    positives,
    truePositives,
    falsePositives,
    falseNegatives,
    candidates,
    precision: predicted === 0 ? 1 : truePositives / predicted,
    recall: positives === 0 ? 1 : truePositives / positives,
  };
}
