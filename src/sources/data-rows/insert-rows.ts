/**
 * Data rows of `INSERT … VALUES` statements in any dialect's script — mysqldump extended
 * inserts, SQLite `.dump` output, Oracle / SQL Server / Db2 INSERT scripts — for number
 * detection by check digit (src/detect/check-digit.ts). Each value is tallied and dropped as it
 * is read: only counts leave this module, so no value reaches the catalog, the parse cache, a
 * report or a log.
 *
 * Why a small scanner and not the dialects' parsers: the rows are the largest part of a dump
 * (an extended insert is often megabytes), only constants matter, and building a parser's AST
 * for every row would hold every value in memory at once. The scanner knows quotes, comments,
 * identifiers and parentheses; anything that is not a plain constant (a function call, an
 * expression, a bind variable) counts as no value.
 */
import { emptyStats, tally, type ColumnValueStats } from '../../detect/check-digit.js';
import { nth } from '../../indexed.js';

/** One part of a name as written: `dbo`, `[Person]`, `"t"`, `` `t` ``. */
export interface NamePart {
  text: string;
  /** Written in quotes or brackets (the dialect decides how that folds). */
  quoted: boolean;
}

export interface InsertRows {
  /** The target's name parts (`db.t` → two parts). */
  table: NamePart[];
  /** The column list, if the statement has one; else the values are in the table's column order. */
  columns?: NamePart[];
  /** Counts per position in the row. */
  stats: ColumnValueStats[];
  /** Rows read. */
  rows: number;
}

export interface InsertDialect {
  /** `\'` and `\\` escape inside strings (MySQL, MariaDB by default); elsewhere a backslash is a character. */
  backslashEscapes: boolean;
  /** `#` starts a comment (MySQL). */
  hashComments?: boolean;
}

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'ident'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'punct'; text: string };

/** The statement's tokens, lazily: a dump's insert is scanned once, front to back. */
function* scan(sql: string, d: InsertDialect): Generator<Token> {
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = nth(sql, i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
    } else if ((c === '-' && sql[i + 1] === '-') || (c === '#' && d.hashComments)) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'") {
      let text = '';
      i++;
      while (i < n) {
        const ch = sql[i];
        if (ch === '\\' && d.backslashEscapes && i + 1 < n) {
          const next = sql[i + 1];
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next === '0' ? '\0' : next;
          i += 2;
        } else if (ch === "'") {
          if (sql[i + 1] === "'") {
            text += "'";
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          text += ch;
          i++;
        }
      }
      yield { kind: 'string', text };
    } else if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      let text = '';
      i++;
      while (i < n) {
        if (sql[i] === close) {
          if (sql[i + 1] === close && close !== ']') {
            text += close;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += sql[i++];
      }
      yield { kind: 'ident', text };
    } else if (c >= '0' && c <= '9') {
      const m = /^[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?/.exec(sql.slice(i, i + 64))!;
      i += m[0].length;
      yield { kind: 'number', text: m[0] };
    } else if (/[A-Za-z_$@\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$@#\u0080-\uffff]/.test(nth(sql, j))) j++;
      const word = sql.slice(i, j);
      i = j;
      // String introducers and prefixes: N'…' (national), E'…' (escapes), _utf8mb4'…' (MySQL charset).
      if (sql[i] === "'" && /^(?:n|e|_[a-z0-9]+)$/i.test(word)) continue;
      // X'…' and B'…' are binary literals: their text is not a number.
      if (sql[i] === "'" && /^[xb]$/i.test(word)) {
        const end = sql.indexOf("'", i + 1);
        i = end === -1 ? n : end + 1;
        yield { kind: 'punct', text: 'binary' };
        continue;
      }
      yield { kind: 'word', text: word };
    } else {
      i++;
      yield { kind: 'punct', text: c };
    }
  }
}

function nameOf(t: Token | undefined): NamePart | undefined {
  if (!t) return undefined;
  if (t.kind === 'ident') return { text: t.text, quoted: true };
  if (t.kind === 'word') return { text: t.text, quoted: false };
  return undefined;
}

const MODIFIERS = new Set([
  'low_priority',
  'delayed',
  'high_priority',
  'ignore',
  'or',
  'replace',
  'rollback',
  'abort',
  'fail',
]);

/**
 * The counts of an `INSERT|REPLACE … VALUES` statement, or undefined when it has no VALUES rows
 * (`INSERT … SELECT`, `INSERT ALL`, a statement that is not an insert).
 */
export function insertRows(sql: string, dialect: InsertDialect): InsertRows | undefined {
  const tokens = scan(sql, dialect);
  const next = () => tokens.next().value as Token | undefined;
  let t = next();
  if (!t || t.kind !== 'word' || !/^(?:insert|replace)$/i.test(t.text)) return undefined;
  t = next();
  // INSERT OR REPLACE (SQLite), INSERT IGNORE / LOW_PRIORITY (MySQL)
  while (t?.kind === 'word' && MODIFIERS.has(t.text.toLowerCase())) t = next();
  if (t?.kind === 'word' && t.text.toLowerCase() === 'all') return undefined;
  if (t?.kind === 'word' && t.text.toLowerCase() === 'into') t = next();
  const table: NamePart[] = [];
  for (let part = nameOf(t); part; part = nameOf(t)) {
    table.push(part);
    t = next();
    if (t?.kind === 'punct' && t.text === '.') t = next();
    else break;
  }
  if (table.length === 0) return undefined;
  let columns: NamePart[] | undefined;
  if (t?.kind === 'punct' && t.text === '(') {
    // One name per comma-separated entry; `t.col` (Db2 and Oracle allow it) keeps its last part.
    columns = [];
    let last: NamePart | undefined;
    for (t = next(); t && !(t.kind === 'punct' && t.text === ')'); t = next()) {
      if (t.kind === 'punct' && t.text === ',') {
        if (last) columns.push(last);
        last = undefined;
      } else last = nameOf(t) ?? last;
    }
    if (last) columns.push(last);
    t = next();
  }
  if (!(t?.kind === 'word' && /^values?$/i.test(t.text))) return undefined;
  const stats: ColumnValueStats[] = [];
  let rows = 0;
  for (t = next(); t; t = next()) {
    if (t.kind === 'punct' && t.text === ',') continue;
    if (!(t.kind === 'punct' && t.text === '(')) break; // ON DUPLICATE KEY …, RETURNING …, ;
    rows++;
    let position = 0;
    let depth = 1;
    let items: Token[] = [];
    const close = () => {
      stats[position] ??= emptyStats();
      tally(nth(stats, position), constant(items));
      position++;
      items = [];
    };
    for (t = next(); t && depth > 0; t = depth > 0 ? next() : t) {
      if (t.kind === 'punct' && t.text === '(') depth++;
      else if (t.kind === 'punct' && t.text === ')') {
        depth--;
        if (depth === 0) {
          close();
          break;
        }
      } else if (t.kind === 'punct' && t.text === ',' && depth === 1) {
        close();
        continue;
      }
      items.push(t);
    }
  }
  return rows === 0 ? undefined : { table, ...(columns ? { columns } : {}), stats, rows };
}

/** The text of a value that is a plain constant (`'x'`, `123`), undefined for NULL and expressions. */
function constant(items: Token[]): string | undefined {
  const [item] = items;
  if (items.length !== 1 || !item) return undefined;
  if (item.kind === 'string' || item.kind === 'number') return item.text;
  return undefined;
}
