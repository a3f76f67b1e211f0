/**
 * Trailing column comments: the 論理名 (logical name) Japanese vendor DDL writes after a column,
 * on the column's own line —
 *
 *     KJN_NO      CHAR(12)     NOT NULL,  /* 個人番号 *\/
 *     mynumber    VARCHAR(12),            -- マイナンバー用のカラム
 *     KJN_NO      CHAR(12)  /* 個人番号 *\/ ,
 *
 * is that column's comment, for number detection and for the 評価書 record items. A comment the
 * dialect declares (`COMMENT ON COLUMN`, MySQL `COMMENT '…'`, BigQuery `OPTIONS(description=…)`)
 * wins: readers only use the trailing comment for a column that has no declared one.
 *
 * Shared by every SQL reader; it works from the statement text and the offsets of the column
 * names only, so a reader needs no particular parser:
 *
 *     const found = trailingColumnComments(fileText, columns.map((c) => ({ offset: c.nameOffset })), {
 *       syntax: COMMENT_SYNTAX.postgresql, from: statementStart,
 *     });
 *     found.forEach((c, i) => { if (c && !columns[i].comment) columns[i].comment = c.text; });
 *
 * The rule (docs/parsers.md, "Trailing column comments"): the element list is split at its
 * top-level commas; a comment belongs to a column when it lies inside the column's definition, or
 * after it (before or after its comma) on the line where the definition ends. A comment on a line
 * of its own is not attached to any column — above a column it is as often a heading for a group of
 * columns (`-- 住所情報`) as the next column's name, so attaching it would guess. A comment after the
 * comma on a line where the next element starts (`a INT, /* x *\/ b INT`) is ambiguous and ignored.
 */
import { nth } from '../indexed.js';

/** How a dialect writes comments and the strings a comment marker may hide in. */
export interface CommentSyntax {
  /** `#` starts a line comment (MySQL, MariaDB, BigQuery). */
  hashLineComments?: boolean;
  /** `--` starts a comment only when followed by whitespace or the end (MySQL, MariaDB). */
  dashDashNeedsSpace?: boolean;
  /** `/*! … *\/` and `/*M! … *\/` are code the server runs, not comments (MySQL, MariaDB). */
  versionComments?: boolean;
  /** `/* /* … *\/ *\/` nests (PostgreSQL, Db2). */
  nestedBlockComments?: boolean;
  /** Backslash escapes the next character inside '…' and "…" (MySQL default mode, BigQuery). */
  backslashEscapes?: boolean;
  /** `$tag$ … $tag$` strings (PostgreSQL). */
  dollarQuotes?: boolean;
  /** `[name]` is a quoted identifier (SQL Server, SQLite). */
  bracketIdentifiers?: boolean;
  /** `'''…'''` and `"""…"""` strings (BigQuery). */
  tripleQuotes?: boolean;
}

/** The comment syntax of each SQL dialect spif reads (and of the ones readers may add). */
export const COMMENT_SYNTAX = {
  postgresql: { nestedBlockComments: true, dollarQuotes: true },
  mysql: { hashLineComments: true, dashDashNeedsSpace: true, versionComments: true, backslashEscapes: true },
  sqlite: { bracketIdentifiers: true },
  bigquery: { hashLineComments: true, backslashEscapes: true, tripleQuotes: true },
  /** Oracle: `--`, `/* *\/`, no nesting, no backslash escapes. */
  oracle: {},
  sqlserver: { nestedBlockComments: true, bracketIdentifiers: true },
  db2: { nestedBlockComments: true },
} as const satisfies Record<string, CommentSyntax>;

export interface ColumnAt {
  /** Offset in the text of the column definition's first character (its name). */
  offset: number;
}

export interface TrailingComment {
  /** The comment's text, markers and surrounding space removed; several comments joined by a space. */
  text: string;
  /** Offset in the text of the (first) comment's marker. */
  offset: number;
}

export interface TrailingCommentOptions {
  syntax: CommentSyntax;
  /**
   * Offset where scanning starts: the statement's first character (outside any string or
   * comment). Defaults to 0 (the text is the statement).
   */
  from?: number;
}

interface Comment {
  start: number;
  end: number;
  body: string;
}
interface Element {
  /** First and last code character (not comments, not the separating comma). */
  first: number;
  last: number;
  comments: Comment[];
  /** Offset of the comma ending the element, or of the list's closing parenthesis. */
  end: number;
}

/**
 * For each column (in the order given), its trailing comment, or undefined. Columns must be
 * elements of one parenthesised list (one CREATE TABLE); offsets outside it get undefined.
 */
export function trailingColumnComments(
  text: string,
  columns: readonly ColumnAt[],
  options: TrailingCommentOptions,
): (TrailingComment | undefined)[] {
  const out: (TrailingComment | undefined)[] = columns.map(() => undefined);
  if (columns.length === 0) return out;
  const firstColumn = Math.min(...columns.map((c) => c.offset));
  const elements = elementList(text, options.from ?? 0, firstColumn, options.syntax);
  if (!elements) return out;
  columns.forEach((c, i) => {
    const k = elements.findIndex((e) => e.first <= c.offset && c.offset <= e.last);
    if (k < 0) return;
    const own = ownComments(text, elements, k);
    if (own.length === 0) return;
    const body = own
      .map((x) => x.body)
      .filter((b) => b.length > 0)
      .join(' ');
    if (body) out[i] = { text: body, offset: nth(own, 0).start };
  });
  return out;
}

/** Comments that belong to element k: inside it, or after it on the line where it ends. */
function ownComments(text: string, elements: Element[], k: number): Comment[] {
  const e = nth(elements, k);
  const next = elements[k + 1];
  const lineEnd = nextNewline(text, e.last);
  return e.comments.filter((c) => {
    if (c.start < e.last) return true; // inside the definition
    if (c.start > lineEnd) return false; // on a later line: a heading or the next column's
    // After the comma, on a line where the next element starts: ambiguous.
    if (c.start > e.end && next && next.first <= nextNewline(text, c.start) && next.first > c.start) return false;
    return true;
  });
}

function nextNewline(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/**
 * Lexes from `from`; the list is the innermost parenthesis open at `inside`. Returns its
 * elements (split at its top-level commas) with the comments of each, or undefined when `inside`
 * is not within a parenthesised list. A comment after an element's comma is kept with that
 * element (ownComments decides); one before the first element is dropped.
 */
function elementList(text: string, from: number, inside: number, syntax: CommentSyntax): Element[] | undefined {
  const opens: number[] = [];
  let listDepth = -1;
  const elements: Element[] = [];
  let current: Element | undefined;
  let pending: Comment[] = [];
  const code = (start: number, end: number) => {
    if (listDepth < 0) return;
    if (!current) {
      current = { first: start, last: end - 1, comments: [], end: -1 };
      // Comments between the previous element's comma and this one stay with the previous.
      if (elements.length) nth(elements, elements.length - 1).comments.push(...pending);
      pending = [];
    } else {
      current.comments.push(...pending);
      pending = [];
      current.last = end - 1;
    }
  };
  const close = (at: number) => {
    if (current) {
      current.comments.push(...pending);
      pending = [];
      current.end = at;
      elements.push(current);
      current = undefined;
    }
  };
  let i = from;
  const n = text.length;
  while (i < n) {
    if (listDepth < 0 && i >= inside) {
      if (opens.length === 0) return undefined;
      listDepth = opens.length;
    }
    const ch = text[i];
    const next = text[i + 1];
    // Comments
    if (ch === '-' && next === '-' && (!syntax.dashDashNeedsSpace || i + 2 >= n || /\s/.test(nth(text, i + 2)))) {
      const end = nextNewline(text, i);
      pending.push({ start: i, end, body: text.slice(i + 2, end).trim() });
      i = end;
      continue;
    }
    if (ch === '#' && syntax.hashLineComments) {
      const end = nextNewline(text, i);
      pending.push({ start: i, end, body: text.slice(i + 1, end).trim() });
      i = end;
      continue;
    }
    if (ch === '/' && next === '*') {
      if (syntax.versionComments && (text[i + 2] === '!' || (text[i + 2] === 'M' && text[i + 3] === '!'))) {
        // Executed code: its content is lexed as code, its closing `*/` skipped below.
        i += text[i + 2] === '!' ? 3 : 4;
        while (i < n && /[0-9]/.test(nth(text, i))) i++;
        continue;
      }
      const end = blockCommentEnd(text, i, syntax.nestedBlockComments ?? false);
      pending.push({
        start: i,
        end,
        body: text.slice(i + 2, Math.max(i + 2, end - 2)).replace(/^[\s*]+|[\s*]+$/g, ''),
      });
      i = end;
      continue;
    }
    if (syntax.versionComments && ch === '*' && next === '/') {
      i += 2;
      continue;
    }
    if (/\s/.test(ch ?? '')) {
      i++;
      continue;
    }
    // Strings and quoted identifiers
    const quoted = quotedEnd(text, i, syntax);
    if (quoted !== undefined) {
      code(i, quoted);
      i = quoted;
      continue;
    }
    if (ch === '(') {
      opens.push(i);
      code(i, i + 1);
      i++;
      continue;
    }
    if (ch === ')') {
      if (listDepth >= 0 && opens.length === listDepth) {
        close(i);
        return elements;
      }
      opens.pop();
      code(i, i + 1);
      i++;
      continue;
    }
    if (ch === ',' && listDepth >= 0 && opens.length === listDepth) {
      close(i);
      i++;
      continue;
    }
    if (ch === ';' && opens.length === 0) break;
    let j = i + 1;
    if (/[\p{L}\p{N}_$]/u.test(ch ?? '')) while (j < n && /[\p{L}\p{N}_$]/u.test(nth(text, j))) j++;
    code(i, j);
    i = j;
  }
  close(n);
  return listDepth >= 0 ? elements : undefined;
}

function blockCommentEnd(text: string, start: number, nested: boolean): number {
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    if (text[i] === '/' && text[i + 1] === '*') {
      if (depth > 0 && !nested) continue;
      depth++;
      i++;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** End offset (exclusive) of a string or quoted identifier starting at i, or undefined. */
function quotedEnd(text: string, i: number, syntax: CommentSyntax): number | undefined {
  const ch = text[i];
  if (syntax.dollarQuotes && ch === '$') {
    const tag = /^\$[A-Za-z_\p{L}]*\$/u.exec(text.slice(i, i + 64));
    if (tag) {
      const end = text.indexOf(tag[0], i + tag[0].length);
      return end < 0 ? text.length : end + tag[0].length;
    }
    return undefined;
  }
  if (syntax.bracketIdentifiers && ch === '[') {
    const end = text.indexOf(']', i + 1);
    return end < 0 ? text.length : end + 1;
  }
  if (ch !== "'" && ch !== '"' && ch !== '`') return undefined;
  if (syntax.tripleQuotes && text.startsWith(ch.repeat(3), i) && ch !== '`') {
    const end = text.indexOf(ch.repeat(3), i + 3);
    return end < 0 ? text.length : end + 3;
  }
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\' && syntax.backslashEscapes && ch !== '`') j++;
    else if (text[j] === ch) {
      if (text[j + 1] === ch) j++;
      else return j + 1;
    }
  }
  return text.length;
}
