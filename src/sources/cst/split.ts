/**
 * Splits SQLite and BigQuery scripts into statements, so one bad statement costs only itself.
 * Respects quotes ('…', "…", `…`, SQLite [..], BigQuery '''…''' / """…""" and backslash
 * escapes), comments (--, /* *\/, BigQuery #), and BEGIN … END / CASE … END blocks (SQLite
 * trigger bodies, BigQuery scripting) whose inner `;` do not end the statement.
 */
import type { CstScriptDialectName } from '../../dialect.js';
import { nth } from '../../indexed.js';

export interface CstStatement {
  start: number;
  end: number;
  text: string;
  /** Offset of a `/*` that is never closed: the rest of the file is inside it. */
  unterminatedComment?: number;
  /** Offset of a quote that is never closed: the rest of the file is inside it. */
  unterminatedQuote?: number;
  /** Offset of a BEGIN/CASE block that is never closed by END: the rest of the file is inside it. */
  unterminatedBlock?: number;
}

export function splitScript(src: string, dialect: CstScriptDialectName): CstStatement[] {
  const out: CstStatement[] = [];
  const n = src.length;
  const bigquery = dialect === 'bigquery';
  let start = -1;
  let depth = 0;
  let i = 0;
  let prevWord = '';
  let unterminatedComment: number | undefined;
  let unterminatedQuote: number | undefined;
  let blockStart: number | undefined;
  const finish = (end: number) => {
    if (start >= 0) {
      out.push({
        start,
        end,
        text: src.slice(start, end),
        ...(unterminatedComment !== undefined && { unterminatedComment }),
        ...(unterminatedQuote !== undefined && { unterminatedQuote }),
        // Only the end of the file can end a statement inside an open block.
        ...(depth > 0 && end === n && blockStart !== undefined && { unterminatedBlock: blockStart }),
      });
    }
    start = -1;
    depth = 0;
    blockStart = undefined;
    prevWord = '';
  };
  while (i < n) {
    const c = nth(src, i);
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if ((c === '-' && src[i + 1] === '-') || (bigquery && c === '#')) {
      const eol = src.indexOf('\n', i);
      i = eol < 0 ? n : eol;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) {
        // Swallows the rest of the file: a statement of its own, so that it is reported.
        if (start < 0) start = i;
        unterminatedComment = i;
      }
      i = close < 0 ? n : close + 2;
      continue;
    }
    if (start < 0) start = i;
    if (c === "'" || c === '"' || c === '`' || (c === '[' && !bigquery)) {
      const close = skipQuoted(src, i, bigquery);
      if (close >= n && !closesAtEnd(src, i, bigquery)) unterminatedQuote = i;
      i = close;
      continue;
    }
    if (c === ';' && depth === 0) {
      finish(i);
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(nth(src, j))) j++;
      const word = src.slice(i, j).toUpperCase();
      if (word === 'CASE' || (word === 'BEGIN' && isBlockBegin(src, j))) {
        if (depth === 0) blockStart = i;
        depth++;
      } else if (
        word === 'END' &&
        depth > 0 &&
        prevWord !== '.' &&
        !/^\s*(IF|LOOP|WHILE|REPEAT|FOR)\b/i.test(src.slice(j, j + 12))
      )
        depth--;
      prevWord = word;
      i = j;
      continue;
    }
    prevWord = c;
    i++;
  }
  finish(n);
  return out;
}

/** `BEGIN;` / `BEGIN TRANSACTION` start a transaction, not a block. */
function isBlockBegin(src: string, after: number): boolean {
  const rest = /^\s*([A-Za-z]*|;|$)/.exec(src.slice(after, after + 30));
  const next = (rest?.[1] ?? '').toUpperCase();
  return !(next === ';' || next === '' || ['TRANSACTION', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE'].includes(next));
}

/** Whether the quote opened at `i` is closed by the last character(s) of the file. */
function closesAtEnd(src: string, i: number, bigquery: boolean): boolean {
  const q = nth(src, i);
  const close = q === '[' ? ']' : q;
  if (bigquery && (q === "'" || q === '"') && src.startsWith(q.repeat(3), i))
    return src.length >= i + 6 && src.endsWith(q.repeat(3));
  return src.length > i + 1 && src.endsWith(close);
}

function skipQuoted(src: string, i: number, bigquery: boolean): number {
  const q = src[i];
  const close = q === '[' ? ']' : q;
  if (bigquery && (q === "'" || q === '"') && src.startsWith(q.repeat(3), i)) {
    const end = src.indexOf(q.repeat(3), i + 3);
    return end < 0 ? src.length : end + 3;
  }
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (bigquery && c === '\\') j += 2;
    else if (c === close && !bigquery && src[j + 1] === close && q !== '[') j += 2;
    else if (c === close) return j + 1;
    else j++;
  }
  return src.length;
}
