/**
 * Counts of a column's values in the data a source held (COPY, INSERT … VALUES, a live sample):
 * the catalog keeps and adds them up; detect/check-digit.ts tallies and judges them. Only counts
 * ever reach the catalog, never the values.
 */

/** Counts of one column's values in the data read (COPY, INSERT … VALUES). */
export interface ColumnValueStats {
  /** Values that are not NULL or empty. */
  values: number;
  /** Values of exactly 12 digits (spaces and hyphens between groups allowed). */
  twelveDigits: number;
  /** …of which the check digit is a valid 個人番号 check digit. */
  kojinBango: number;
  /** Values of exactly 13 digits with a valid 法人番号 check digit. */
  hojinBango: number;
}

export function addStats(into: ColumnValueStats, more: ColumnValueStats): void {
  into.values += more.values;
  into.twelveDigits += more.twelveDigits;
  into.kojinBango += more.kojinBango;
  into.hojinBango += more.hojinBango;
}
