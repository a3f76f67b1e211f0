/**
 * Check digits of the 個人番号 and the 法人番号, and the counts a source reader keeps of a
 * column's values. Only counts ever leave a reader: the values themselves are read, tallied and
 * dropped (never stored in the catalog, the parse cache, a report or a log).
 *
 * - 個人番号: 12 digits, the last a check digit (番号法施行令 第8条; the formula is in the
 *   総務省令 it refers to): with P_n the n-th of the 11 digits counted from the right and
 *   Q_n = n + 1 (1 ≤ n ≤ 6), n − 5 (7 ≤ n ≤ 11), the check digit is 11 − (Σ P_n·Q_n mod 11),
 *   or 0 when the remainder is 0 or 1.
 * - 法人番号: 13 digits, the *first* a check digit: with P_n the n-th of the other 12 digits
 *   counted from the right and Q_n = 1 (n odd), 2 (n even), it is 9 − (Σ P_n·Q_n mod 9).
 */
import type { ColumnValueStats } from '../catalog/column-values.js';

export type { ColumnValueStats } from '../catalog/column-values.js';
import { evidence } from './explain.js';

export function emptyStats(): ColumnValueStats {
  return { values: 0, twelveDigits: 0, kojinBango: 0, hojinBango: 0 };
}

/** The digits of a value written as a number, `1234 5678 9012` and `1234-5678-9012` included. */
function digitsOf(value: string): string | undefined {
  const t = value.normalize('NFKC').trim();
  return /^\d[\d -]*\d$/.test(t) ? t.replace(/[ -]/g, '') : undefined;
}

export function isKojinBango(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(digits[11 - n]);
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return Number(digits[11]) === (r <= 1 ? 0 : 11 - r);
}

export function isHojinBango(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(digits[13 - n]) * (n % 2 === 1 ? 1 : 2);
  return Number(digits[0]) === 9 - (sum % 9);
}

/** Adds one value (NULL: `undefined`) to a column's counts. */
export function tally(stats: ColumnValueStats, value: string | undefined): void {
  if (value === undefined || value.trim() === '') return;
  stats.values++;
  const digits = digitsOf(value);
  if (!digits) return;
  if (digits.length === 12) {
    stats.twelveDigits++;
    if (isKojinBango(digits)) stats.kojinBango++;
  } else if (digits.length === 13 && isHojinBango(digits)) stats.hojinBango++;
}

/**
 * About 1 in 11 random 12-digit strings passes the check digit, so a column is read as the
 * number only from at least MIN_VALID valid values that are nearly all of its 12-digit values
 * (chance: (1/11)^3 < 0.001) and at least half of all its values. Fewer valid values make it a
 * candidate, never silence.
 */
export const MIN_VALID = 3;
export const MIN_SHARE_OF_TWELVE = 0.9;
export const MIN_SHARE_OF_VALUES = 0.5;

export type ValueVerdict = 'number' | 'candidate' | 'corporate' | undefined;

export function judgeValues(s: ColumnValueStats | undefined): ValueVerdict {
  if (!s || s.values === 0) return undefined;
  if (
    s.kojinBango >= MIN_VALID &&
    s.kojinBango >= MIN_SHARE_OF_TWELVE * s.twelveDigits &&
    s.kojinBango >= MIN_SHARE_OF_VALUES * s.values
  ) {
    return 'number';
  }
  if (s.hojinBango >= MIN_VALID && s.hojinBango >= MIN_SHARE_OF_VALUES * s.values) return 'corporate';
  if (
    s.kojinBango > 0 &&
    s.kojinBango >= MIN_SHARE_OF_TWELVE * s.twelveDigits &&
    s.kojinBango >= MIN_SHARE_OF_VALUES * s.values
  )
    return 'candidate';
  return undefined;
}

/** Counts, for evidence (never values): `data rows: 4 of 4 values are …`. */
export function statsText(s: ColumnValueStats, at?: string): string {
  const params = { valid: s.kojinBango, values: s.values, hojin: s.hojinBango, at: at ?? '' };
  if (at !== undefined) return evidence('en', s.hojinBango ? 'data-rows-hojin-at' : 'data-rows-at', params);
  return evidence('en', s.hojinBango ? 'data-rows-hojin' : 'data-rows', params);
}
