/**
 * Reads by index where the caller has already proven the index in range (a loop bound, a length
 * check, a mandatory regex group). With `noUncheckedIndexedAccess` every `xs[i]` is `T | undefined`;
 * these say "this cannot miss" once, and if it ever does (a broken invariant, not bad input) they
 * throw an internal error at the read instead of letting `undefined` travel on.
 */

/** `items[i]` for an index known to be in range. */
export function nth<T>(items: ArrayLike<T>, i: number): T {
  if (!Number.isInteger(i) || i < 0 || i >= items.length) {
    throw new Error(`internal error: index ${i} outside 0..${items.length - 1}`);
  }
  return items[i] as T; // in range, so a T (noUncheckedIndexedAccess types the read T | undefined)
}

/** Capture group `n` of a successful match, for a group the pattern always fills. */
export function capture(match: RegExpMatchArray | RegExpExecArray, n: number): string {
  const value = match[n];
  if (value === undefined)
    throw new Error(`internal error: regex group ${n} did not take part in the match ${JSON.stringify(match[0])}`);
  return value;
}
