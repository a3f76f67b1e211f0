/**
 * The JSON report, written piece by piece. `JSON.stringify(report, null, 2)` builds one string,
 * and V8 refuses a string above ~512 M characters ("Invalid string length"): at 50,000 tables and
 * 500 principals the report's evidence is larger than that. These pieces are the same text —
 * their concatenation is byte for byte `JSON.stringify(value, null, 2)` — made per top-level key
 * and per element of each top-level array (a relation, a file, a diagnostic), so no piece is
 * larger than one element's own JSON.
 */

const STEP = '  ';

/** `JSON.stringify(value, null, 2)` (which must not be undefined) followed by a newline, in pieces. */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* pieces(value, '', 2);
  yield '\n';
}

/** What JSON.stringify writes for a value, `undefined` for one it leaves out (undefined, a function, a symbol). */
function leaf(value: unknown, indent: string): string | undefined {
  if (indent === '' || value === null || typeof value !== 'object') return JSON.stringify(value, null, 2);
  // An object at this indent is what JSON.stringify writes for it nested that deep: inside one
  // array per level, whose brackets are cut off again (no second pass over the text to indent it).
  const levels = indent.length / STEP.length;
  let wrapped: unknown = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  return text.slice(opening(levels).length, text.length - closing(levels).length);
}

/** The text before the innermost element of `levels` nested one-element arrays, and after it. */
const openings: string[] = [];
const closings: string[] = [];
function opening(levels: number): string {
  let s = openings[levels];
  if (s === undefined) {
    s = '';
    for (let i = 0; i < levels; i++) s += `${STEP.repeat(i)}[\n`;
    openings[levels] = s += STEP.repeat(levels);
  }
  return s;
}
function closing(levels: number): string {
  let s = closings[levels];
  if (s === undefined) {
    s = '';
    for (let i = levels - 1; i >= 0; i--) s += `\n${STEP.repeat(i)}]`;
    closings[levels] = s;
  }
  return s;
}

function* pieces(raw: unknown, indent: string, depth: number): Generator<string> {
  const value =
    raw !== null && typeof raw === 'object' && typeof (raw as { toJSON?: unknown }).toJSON === 'function'
      ? (raw as { toJSON: (key: string) => unknown }).toJSON('')
      : raw;
  if (depth === 0 || value === null || typeof value !== 'object') {
    yield leaf(value, indent) ?? 'null';
    return;
  }
  const inner = indent + STEP;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : ''}\n${inner}`;
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* pieces(item, inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* pieces(item, inner, depth - 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}
