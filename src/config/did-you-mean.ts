/** "Did you mean …?" suggestions for misspelt keys and names. */
import { nth } from '../indexed.js';

/** Edit distance (insertions, deletions, substitutions) between two strings, by code point. */
export function levenshtein(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min(nth(prev, j) + 1, nth(row, j - 1) + 1, nth(prev, j - 1) + cost);
    }
    prev = row;
  }
  return nth(prev, t.length);
}

/** Case and separators ignored, so `infer_links`, `InferLinks` and `inferlinks` meet `inferLinks`. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The candidate the user most likely meant, or undefined when none is close. Close means equal
 * after normalising, or within one edit per three characters (at least one).
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(input);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const d = normalise(candidate) === wanted ? 0 : levenshtein(wanted, normalise(candidate));
    const allowed = Math.max(1, Math.floor(Math.max([...input].length, [...candidate].length) / 3));
    if (d <= allowed && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean 'x'?` or the empty string. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const hit = closest(input, candidates);
  return hit === undefined ? '' : `; did you mean '${hit}'?`;
}
