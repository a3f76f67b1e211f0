/**
 * A small MySQL tokenizer for one statement (comments already blanked by the splitter). Used to
 * classify statements by their leading keywords, and by the account-statement reader.
 */
import { unquoteString } from './strings.js';
import { nth } from '../../indexed.js';

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Words: as written; quoted identifiers and strings: unquoted and unescaped; punct: the char. */
  value: string;
  /** Upper-cased value of a word (keywords are matched on this). */
  upper: string;
  start: number;
  end: number;
}

const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;

export function* tokens(text: string): Generator<Token> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = nth(text, i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === "'" || ch === '"' || ch === '`') {
      let j = i + 1;
      while (j < n) {
        if (text[j] === '\\' && ch !== '`') j += 2;
        else if (text[j] === ch && text[j + 1] === ch) j += 2;
        else if (text[j] === ch) break;
        else j++;
      }
      const raw = text.slice(i, Math.min(j + 1, n));
      i = j + 1;
      if (ch === '`') {
        const v = raw.slice(1, -1).replace(/``/g, '`');
        yield { kind: 'ident', value: v, upper: v.toUpperCase(), start, end: i };
      } else {
        const v = unquoteString(raw);
        yield { kind: 'string', value: v, upper: v.toUpperCase(), start, end: i };
      }
      continue;
    }
    if (WORD.test(ch)) {
      let j = i + 1;
      while (j < n && WORD.test(nth(text, j))) j++;
      const v = text.slice(i, j);
      i = j;
      const kind: TokenKind = /^[0-9]+$/.test(v) ? 'number' : 'word';
      yield { kind, value: v, upper: v.toUpperCase(), start, end: i };
      continue;
    }
    i++;
    yield { kind: 'punct', value: ch, upper: ch, start, end: i };
  }
}
