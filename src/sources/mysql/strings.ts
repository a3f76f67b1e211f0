/** MySQL string literals: quotes and backslash escapes (the default SQL mode). */
import { nth } from '../../indexed.js';

const ESCAPES: Record<string, string> = {
  '0': '\0',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\x1a',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/**
 * The value of a quoted literal as written (`'it''s'`, `"a\"b"`), or of its inside when the
 * quotes are already gone (node-sql-parser hands comment text over without unescaping).
 * `\%` and `\_` keep their backslash, as MySQL does.
 */
export function unquoteString(raw: string, quote?: string): string {
  let body = raw;
  let q = quote;
  if (q === undefined && raw.length >= 2 && (raw[0] === "'" || raw[0] === '"') && raw.endsWith(raw[0])) {
    q = raw[0];
    body = raw.slice(1, -1);
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      const e = nth(body, ++i);
      out += ESCAPES[e] ?? (e === '%' || e === '_' ? `\\${e}` : e);
    } else if (q !== undefined && c === q && body[i + 1] === q) {
      out += c;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}
