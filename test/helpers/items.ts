/**
 * The first `n` items of a result the test expects to hold at least that many, for
 * `const [a, b] = firstItems(found, 2)`: fewer items fail the test here, by name, instead of a
 * later `undefined` read (noUncheckedIndexedAccess).
 */
export function firstItems<T>(items: readonly T[], n: 1): [T];
export function firstItems<T>(items: readonly T[], n: 2): [T, T];
export function firstItems<T>(items: readonly T[], n: 3): [T, T, T];
export function firstItems<T>(items: readonly T[], n: 4): [T, T, T, T];
export function firstItems<T>(items: readonly T[], n: number): T[] {
  if (items.length < n) throw new Error(`expected at least ${n} items, got ${items.length}`);
  return items.slice(0, n);
}
