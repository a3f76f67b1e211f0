/**
 * Splits a MySQL/MariaDB script into statements the way the `mysql`/`mariadb` client does:
 * respecting quotes, backticks, comments, `DELIMITER` and version comments (`/*!50001 … *\/`).
 *
 * We split ourselves (rather than hand the whole file to a parser) so that one bad statement
 * never loses the rest of the file, and so that dump data (`INSERT INTO … VALUES …`) is skipped
 * without being parsed.
 *
 * Each statement keeps its offsets in the file. Its text is the file slice with comments and
 * version-comment markers replaced by spaces, so an offset in the text is the same offset in
 * the file.
 */
import type { Dialect } from '../../dialect.js';

export interface SplitStatement {
  /** Offset of the statement's first character of code in the file. */
  start: number;
  /** Offset just past the statement (where its delimiter starts). */
  end: number;
  /** The statement text, comments blanked out, same length as `end - start`. */
  text(): string;
  /** Offset of a quote that is never closed (the statement then runs to the end of the file). */
  unterminatedQuote?: number;
  /** Offset of a `/*` that is never closed (the rest of the file is inside the comment). */
  unterminatedComment?: number;
}

/**
 * Whether a version comment's content runs on the server the dialect names.
 * - `/*!NNNNN … *\/` runs on MySQL whose version ≥ NNNNN (any 5-digit version: we assume a
 *   current server). MariaDB runs it too, except the numbers 50700–99999, which it reserves for
 *   MySQL-only features (its dumps write `/*!80001 …*\/` for MySQL next to `/*M!100005 …*\/`).
 * - `/*M!NNNNNN … *\/` runs on MariaDB only; 999999 (the dump's "sandbox mode" line) never runs.
 */
export function versionCommentRuns(dialect: Dialect, mariadbOnly: boolean, version: number | undefined): boolean {
  const isMariadb = dialect === 'mariadb';
  if (mariadbOnly) return isMariadb && (version === undefined || version < 999999);
  if (version === undefined) return true;
  if (isMariadb) return version < 50700 || version > 99999;
  return version <= 99999;
}

const SPACE = 32;
const NL = 10;

function isSpace(c: number): boolean {
  return c === SPACE || c === NL || c === 9 || c === 13 || c === 12 || c === 11;
}

export function splitStatements(src: string, dialect: Dialect): SplitStatement[] {
  const out: SplitStatement[] = [];
  const n = src.length;
  let delimiter = ';';
  let stmtStart = -1;
  /** [from, to) ranges inside the current statement to blank out. */
  let blanks: [number, number][] = [];
  /** Inside an executed version comment: its closing `*\/` is blanked, its content is code. */
  let inVersionComment = false;
  let i = 0;

  let unterminatedQuote: number | undefined;
  let unterminatedComment: number | undefined;
  const finish = (end: number): void => {
    if (stmtStart >= 0) {
      const start = stmtStart;
      const ranges = blanks.filter(([, to]) => to > start);
      const stmt: SplitStatement = { start, end, text: () => blankText(src, start, end, ranges) };
      if (unterminatedQuote !== undefined) stmt.unterminatedQuote = unterminatedQuote;
      if (unterminatedComment !== undefined) stmt.unterminatedComment = unterminatedComment;
      out.push(stmt);
    }
    stmtStart = -1;
    blanks = [];
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    // `DELIMITER x` is a client command, recognised where a statement would start.
    if (stmtStart < 0 && (c === 68 || c === 100) && /^delimiter[ \t]/i.test(src.slice(i, i + 10))) {
      const eol = lineEnd(src, i);
      const arg = src
        .slice(i + 10, eol)
        .trim()
        .split(/\s+/)[0];
      if (arg) delimiter = arg;
      i = eol;
      continue;
    }
    // Quoted strings and identifiers.
    if (c === 39 || c === 34 || c === 96) {
      if (stmtStart < 0) stmtStart = i;
      const close = skipQuoted(src, i, c);
      if (close >= n && src.charCodeAt(n - 1) !== c) unterminatedQuote = i;
      i = close;
      continue;
    }
    // Comments: `# …`, `-- …`, `/* … */`, and version comments `/*!NNNNN …*/`, `/*M!NNNNNN …*/`.
    if (c === 35 || (c === 45 && src.charCodeAt(i + 1) === 45 && (i + 2 >= n || src.charCodeAt(i + 2) <= SPACE))) {
      const eol = lineEnd(src, i);
      blanks.push([i, eol]);
      i = eol;
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 42) {
      const bang = src.charCodeAt(i + 2) === 33;
      const mBang = src.charCodeAt(i + 2) === 77 && src.charCodeAt(i + 3) === 33;
      if ((bang || mBang) && !inVersionComment) {
        let j = i + (bang ? 3 : 4);
        let digits = '';
        while (j < n && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) digits += src[j++];
        const version = digits ? Number(digits) : undefined;
        if (versionCommentRuns(dialect, mBang, version)) {
          blanks.push([i, j]);
          inVersionComment = true;
          i = j;
          continue;
        }
      }
      const close = src.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      if (close < 0) {
        // Swallows the rest of the file: a statement of its own, so that it is reported.
        if (stmtStart < 0) stmtStart = i;
        unterminatedComment = i;
      }
      blanks.push([i, end]);
      i = end;
      continue;
    }
    if (inVersionComment && c === 42 && src.charCodeAt(i + 1) === 47) {
      blanks.push([i, i + 2]);
      inVersionComment = false;
      i += 2;
      continue;
    }
    if (c === delimiter.charCodeAt(0) && src.startsWith(delimiter, i)) {
      finish(i);
      i += delimiter.length;
      continue;
    }
    if (stmtStart < 0) stmtStart = i;
    i++;
  }
  finish(n);
  return out;
}

function lineEnd(src: string, i: number): number {
  const eol = src.indexOf('\n', i);
  return eol < 0 ? src.length : eol;
}

/** Offset just past the closing quote; `''`/`\\'` escapes in strings, doubled backticks. */
function skipQuoted(src: string, i: number, quote: number): number {
  const n = src.length;
  let j = i + 1;
  while (j < n) {
    const c = src.charCodeAt(j);
    if (c === 92 && quote !== 96) {
      j += 2;
      continue;
    }
    if (c === quote) {
      if (src.charCodeAt(j + 1) === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return n;
}

function blankText(src: string, start: number, end: number, ranges: [number, number][]): string {
  if (ranges.length === 0) return src.slice(start, end);
  let out = '';
  let pos = start;
  for (const [from, to] of ranges) {
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b <= a) continue;
    out += src.slice(pos, a) + src.slice(a, b).replace(/[^\n]/g, ' ');
    pos = b;
  }
  return out + src.slice(pos, end);
}
