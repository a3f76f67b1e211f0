/**
 * References to relations and columns in the config: `database.schema.relation[.column]`.
 * A pattern may use `*` for a whole part (one dot-separated segment); nothing else is special,
 * so identifiers with Japanese characters, `@`, `%` or `$` are matched literally.
 */
import { say } from './texts.js';

/** Number of parts in a relation reference and in a column reference. */
export const RELATION_PARTS = 3;
export const COLUMN_PARTS = 4;

/** What each kind of reference looks like, for messages. */
export function refShape(parts: number): string {
  return parts === COLUMN_PARTS ? 'database.schema.relation.column' : 'database.schema.relation';
}

/**
 * Whether `id` matches `pattern`: same number of dot-separated parts, each part equal or `*`.
 * Matching is exact (case-sensitive): ids are already folded the way the dialect folds them.
 */
export function matchesRef(pattern: string, id: string): boolean {
  const want = refParts(pattern);
  const have = refParts(id);
  if (want.length !== have.length) return false;
  return want.every((part, i) => part === '*' || part === have[i]);
}

/**
 * What is wrong with a reference, or undefined when it is well formed.
 * `wildcards: false` is for references that must name exactly one column (links).
 */
export function refProblem(ref: string, parts: number, wildcards: boolean): string | undefined {
  const segments = refParts(ref);
  if (segments.length !== parts) {
    return say('refParts', refShape(parts), parts, segments.length, ref);
  }
  if (segments.some((s) => s.trim() === '')) return say('refEmptyPart', ref, refShape(parts));
  for (const s of segments) {
    if (s.includes('*') && s !== '*') return wildcards ? say('refWildcardPart', s, ref) : say('linkNoWildcard', ref);
    if (s === '*' && !wildcards) return say('linkNoWildcard', ref);
  }
  return undefined;
}

/**
 * The dot-separated parts of an id or pattern. A routine's name is one part up to its closing
 * parenthesis, dots included: an Oracle package subprogram `PKG.NAME(VARCHAR2)`, an argument type
 * `f(public.t)`.
 */
export function refParts(ref: string): string[] {
  const open = ref.indexOf('(');
  if (open < 0) return ref.split('.');
  let depth = 0;
  let close = -1;
  for (let k = open; k < ref.length && close < 0; k++) {
    if (ref[k] === '(') depth++;
    else if (ref[k] === ')' && --depth === 0) close = k;
  }
  const head = ref.slice(0, open).split('.');
  if (close < 0 || head.length < 3) return ref.split('.');
  const [database = '', schema = '', ...name] = head;
  const tail = ref.slice(close + 1);
  return [database, schema, name.join('.') + ref.slice(open, close + 1), ...(tail ? tail.slice(1).split('.') : [])];
}
