/**
 * One tokenizer for the three vendor dialects (Oracle Database, SQL Server, Db2), over a whole
 * file: quoted identifiers (`"X"`, and SQL Server's `[X]`), strings (`'…'`, `N'…'`, Oracle's
 * `q'[…]'`), `--` and `/* *\/` comments (kept aside, for 論理名 in trailing comments and for
 * locating), numbers, words and punctuation. Identifiers are folded here, once, the way the
 * product folds them: Oracle and Db2 upper-case an unquoted name and keep a quoted one as written;
 * SQL Server compares names case-insensitively (the default collations are _CI_), so spif
 * lower-cases both.
 */
import type { VendorDialect } from '../../dialect.js';
import { nth } from '../../indexed.js';

type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Word: as written. ident: unquoted. string: unescaped. punct: the characters. */
  value: string;
  /** Upper-cased value (keywords are matched on this). */
  upper: string;
  start: number;
  end: number;
  /** The token starts a line (only whitespace before it on its line). */
  lineStart: boolean;
}

export interface Comment {
  start: number;
  end: number;
  text: string;
}

export interface Lexed {
  tokens: Token[];
  comments: Comment[];
  /** Offset of an unterminated string, quoted identifier or comment (everything after it is swallowed). */
  unterminated?: number;
}

/** `@` starts T-SQL variables; in Oracle it marks a database link (`t@link`), in Db2 scripts it is the usual `--#SET TERMINATOR @`. */
const WORD: Record<VendorDialect, RegExp> = {
  sqlserver: /[A-Za-z0-9_$#@\u0080-\uffff]/,
  oracle: /[A-Za-z0-9_$#\u0080-\uffff]/,
  db2: /[A-Za-z0-9_$#\u0080-\uffff]/,
};

export function lex(text: string, dialect: VendorDialect): Lexed {
  const word = WORD[dialect];
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  const n = text.length;
  let i = 0;
  let lineStart = true;
  let unterminated: number | undefined;
  const push = (kind: TokenKind, value: string, start: number, end: number) => {
    tokens.push({ kind, value, upper: value.toUpperCase(), start, end, lineStart });
    lineStart = false;
  };
  while (i < n) {
    const ch = nth(text, i);
    if (ch === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\u3000' || ch === '\ufeff') {
      i++;
      continue;
    }
    const start = i;
    if (ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      const end = nl < 0 ? n : nl;
      comments.push({ start, end, text: text.slice(i + 2, end) });
      i = end;
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        unterminated ??= start;
        comments.push({ start, end: n, text: text.slice(i + 2) });
        i = n;
        continue;
      }
      comments.push({ start, end: close + 2, text: text.slice(i + 2, close) });
      i = close + 2;
      continue;
    }
    // Oracle's alternative quoting: q'[…]', q'{…}', q'<…>', q'(…)', q'!…!'
    if (
      (ch === 'q' || ch === 'Q' || ((ch === 'n' || ch === 'N') && /[qQ]/.test(text[i + 1] ?? ''))) &&
      dialect === 'oracle'
    ) {
      const qAt = ch === 'q' || ch === 'Q' ? i : i + 1;
      if (text[qAt + 1] === "'" && qAt + 2 < n) {
        const open = nth(text, qAt + 2);
        const close = ({ '[': ']', '{': '}', '<': '>', '(': ')' } as Record<string, string>)[open] ?? open;
        const endAt = text.indexOf(`${close}'`, qAt + 3);
        if (endAt < 0) {
          unterminated ??= start;
          i = n;
          continue;
        }
        push('string', text.slice(qAt + 3, endAt), start, endAt + 2);
        i = endAt + 2;
        continue;
      }
    }
    if (ch === "'" || ((ch === 'N' || ch === 'n') && text[i + 1] === "'")) {
      let j = ch === "'" ? i + 1 : i + 2;
      let value = '';
      for (;;) {
        if (j >= n) {
          unterminated ??= start;
          break;
        }
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      i = Math.min(j + 1, n);
      push('string', value, start, i);
      continue;
    }
    if (ch === '"' || (ch === '[' && dialect === 'sqlserver')) {
      const close = ch === '"' ? '"' : ']';
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= n) {
          unterminated ??= start;
          break;
        }
        if (text[j] === close) {
          if (text[j + 1] === close) {
            value += close;
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      i = Math.min(j + 1, n);
      push('ident', value, start, i);
      continue;
    }
    if (word.test(ch)) {
      let j = i + 1;
      while (j < n && word.test(nth(text, j))) j++;
      const v = text.slice(i, j);
      i = j;
      push(/^[0-9]/.test(v) ? 'number' : 'word', v, start, i);
      continue;
    }
    if (ch === ':' && text[i + 1] === ':') {
      i += 2;
      push('punct', '::', start, i);
      continue;
    }
    i++;
    push('punct', ch, start, i);
  }
  return { tokens, comments, unterminated };
}

/** An identifier as the product stores it: see the file comment. */
export function foldIdent(t: Token, dialect: VendorDialect): string {
  if (dialect === 'sqlserver') return t.value.toLowerCase();
  return t.kind === 'ident' ? t.value : t.value.toUpperCase();
}

/** A name given as a string (sp_addextendedproperty's @level1name, DBMS_RLS's object_name). */
export function foldStringName(value: string, dialect: VendorDialect): string {
  if (dialect === 'sqlserver') return value.toLowerCase();
  // Oracle/Db2 store the string as given; a lower-case string names a quoted lower-case object,
  // but in practice tools pass unquoted names in any case: DBMS_RLS upper-cases them.
  return /^[A-Za-z_][A-Za-z0-9_$#]*$/.test(value) ? value.toUpperCase() : value;
}
