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
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // Literal newlines in the text are only its own layout (strings escape theirs): indent them.
  return text === undefined || indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
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
