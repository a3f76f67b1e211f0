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
  /**
   * "Never a silent miss", measured apart: number columns neither detected nor a candidate, and
   * their share of the number columns. With a candidate counting as found this is 1 − recall,
   * stated on its own because it is the promise a PIA author relies on.
   */
  silentMisses: number;
  silentMissRate: number;
  /** Columns reported as definite numbers (no review asked) whose truth is "not": wrong verdicts. */
  falseNumbers: EvalColumn[];
  /** Columns reported as candidates 要確認 whose truth is "not": review work, neither silent nor a wrong verdict. */
  candidatesOnNot: EvalColumn[];
  /** Of the definite numbers reported, the share that are number columns (precision without candidates). */
  numberPrecision: number;
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
  let definite = 0;
  const falseNumbers: EvalColumn[] = [];
  const candidatesOnNot: EvalColumn[] = [];
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
    if (outcome === 'number') definite++;
    if (outcome === 'number' && column.truth === 'not') falseNumbers.push(column);
    if (outcome === 'candidate' && column.truth === 'not') candidatesOnNot.push(column);
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
    silentMisses: falseNegatives.length,
    silentMissRate: positives === 0 ? 0 : falseNegatives.length / positives,
    falseNumbers,
    candidatesOnNot,
    numberPrecision: definite === 0 ? 1 : (definite - falseNumbers.length) / definite,
  };
}
