/**
 * Small helpers to write rule patterns over canonical text (see normalise.ts), where ASCII words
 * are separated by `_` and Japanese text has no separators.
 */

/** Not preceded by an ASCII letter or digit: the start of a romanised word. */
export const WORD_START = '(?<![a-z0-9])';
/** Not followed by an ASCII letter or digit: the end of a romanised word. */
export const WORD_END = '(?![a-z0-9])';

/** Any of these romanised words, as whole words (`date` matches `kofu_date`, not `update`). */
export function words(...alternatives: string[]): string {
  return `${WORD_START}(?:${alternatives.join('|')})${WORD_END}`;
}

/** Any of these romanised words at the start of a word, open-ended (`kofu` matches `kofubi`). */
export function wordStarts(...alternatives: string[]): string {
  return `${WORD_START}(?:${alternatives.join('|')})`;
}

/** Any of these Japanese terms, as written. */
export function terms(...alternatives: string[]): string {
  return `(?:${alternatives.join('|')})`;
}

/** A regular expression that matches when any of the parts matches. */
export function anyOf(...parts: string[]): RegExp {
  return new RegExp(parts.join('|'), 'u');
}
