/**
 * Statements of a vendor script, the way its own tool runs them:
 * - Oracle (SQL*Plus, SQL Developer, Data Pump `SQLFILE`): `;` ends a SQL statement; a PL/SQL
 *   unit (CREATE PROCEDURE/FUNCTION/PACKAGE/TRIGGER/TYPE, anonymous BEGIN/DECLARE blocks) ends at
 *   a line holding only `/`, which also runs the statement before it; SQL*Plus commands (PROMPT,
 *   SET, SPOOL, CONNECT, EXEC …) end at the end of their line.
 * - SQL Server (sqlcmd, SSMS "Generate Scripts"): `GO` on a line of its own ends a batch; inside
 *   a batch statements end at `;` or where the next statement starts on a new line (T-SQL needs
 *   no terminator); CREATE PROCEDURE/FUNCTION/TRIGGER take the whole batch.
 * - Db2 (CLP, db2look): `;` by default; `--#SET TERMINATOR x` changes it; compound statements
 *   (BEGIN … END) keep their inner `;`.
 */
import type { Comment, Token } from './lexer.js';
import type { VendorDialect } from '../../dialect.js';
import { capture, nth } from '../../indexed.js';

export interface Statement {
  tokens: Token[];
  /** Offset of the first token in the file. */
  start: number;
  end: number;
  /** A block (PL/SQL unit, BEGIN … END) that runs to the end of the file without its terminator. */
  unterminatedBlock?: 'plsql' | 'begin';
}

const PLSQL_UNIT = new Set(['PROCEDURE', 'FUNCTION', 'PACKAGE', 'TRIGGER', 'TYPE', 'LIBRARY', 'JAVA']);
const SQLPLUS_LINE = new Set([
  'PROMPT',
  'REM',
  'REMARK',
  'SPOOL',
  'CONNECT',
  'CONN',
  'WHENEVER',
  'DEFINE',
  'UNDEFINE',
  'COLUMN',
  'COL',
  'TTITLE',
  'BTITLE',
  'SHOW',
  'EXIT',
  'QUIT',
  'PAUSE',
  'ACCEPT',
  'HOST',
  'EXEC',
  'EXECUTE',
  'SET',
  'VARIABLE',
  'VAR',
  'PRINT',
]);
/** Words that start a T-SQL statement on a new line. SELECT and WITH are left out: they continue a CREATE VIEW. */
const TSQL_START = new Set([
  'CREATE',
  'ALTER',
  'DROP',
  'GRANT',
  'DENY',
  'REVOKE',
  'EXEC',
  'EXECUTE',
  'SET',
  'USE',
  'INSERT',
  'UPDATE',
  'DELETE',
  'PRINT',
  'DECLARE',
  'IF',
  'TRUNCATE',
  'RAISERROR',
  'THROW',
  'COMMIT',
  'ROLLBACK',
]);
const TSQL_BATCH_UNIT = new Set(['PROCEDURE', 'PROC', 'FUNCTION', 'TRIGGER']);

export function splitStatements(
  tokens: Token[],
  comments: Comment[],
  text: string,
  dialect: VendorDialect,
): Statement[] {
  if (dialect === 'sqlserver') return splitTsql(tokens);
  if (dialect === 'oracle') return splitOracle(tokens, text);
  return splitDb2(tokens, comments);
}

function make(tokens: Token[], from: number, to: number): Statement | undefined {
  if (to <= from) return undefined;
  const list = tokens.slice(from, to);
  return { tokens: list, start: nth(list, 0).start, end: nth(list, list.length - 1).end };
}

/** Whether token i is a `/` alone on its line (the SQL*Plus "run" command). */
function isSlashLine(tokens: Token[], i: number, text: string): boolean {
  const t = nth(tokens, i);
  if (t.kind !== 'punct' || t.value !== '/' || !t.lineStart) return false;
  const nl = text.indexOf('\n', t.end);
  const rest = text.slice(t.end, nl < 0 ? text.length : nl);
  return rest.trim() === '' || /^\s*(--|\/\*)/.test(rest);
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl;
}

function splitOracle(tokens: Token[], text: string): Statement[] {
  const out: Statement[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = nth(tokens, i);
    if (first.kind === 'punct' && (first.value === ';' || isSlashLine(tokens, i, text))) {
      i++;
      continue;
    }
    const words = leading(tokens, i, 6);
    const plsql =
      words[0] === 'DECLARE' ||
      words[0] === 'BEGIN' ||
      (words[0] === 'CREATE' &&
        words.slice(1, 5).some((w) => PLSQL_UNIT.has(w)) &&
        !words.slice(1, 5).includes('SYNONYM'));
    let j = i;
    if (plsql) {
      while (j < tokens.length && !isSlashLine(tokens, j, text)) j++;
      const unit = make(tokens, i, j);
      if (
        unit &&
        j >= tokens.length &&
        !/^END\b[^;]*;?$|END\s*;\s*$/i.test(text.slice(unit.start, unit.end).slice(-40).trim())
      ) {
        unit.unterminatedBlock = 'plsql';
      }
      push(out, unit);
      i = j + 1;
      continue;
    }
    // `@script`, `SET DEFINE OFF`, `PROMPT …`, `EXEC pkg.proc(…)`: SQL*Plus, to the end of the line
    // (SET ROLE / SET TRANSACTION are SQL and end at `;`, which is on the same line in practice).
    if (first.value === '@' || (first.kind === 'word' && SQLPLUS_LINE.has(first.upper) && first.lineStart)) {
      let end = lineEnd(text, first.start);
      // A line ending in `-` continues the SQL*Plus command on the next line.
      while (/-\s*$/.test(text.slice(first.start, end)) && end < text.length) end = lineEnd(text, end + 1);
      while (j < tokens.length && nth(tokens, j).start < end && nth(tokens, j).value !== ';') j++;
      push(out, make(tokens, i, j));
      i = j < tokens.length && nth(tokens, j).value === ';' ? j + 1 : j;
      continue;
    }
    while (j < tokens.length && nth(tokens, j).value !== ';' && !isSlashLine(tokens, j, text)) j++;
    push(out, make(tokens, i, j));
    i = j + 1;
  }
  return out;
}

function splitTsql(tokens: Token[]): Statement[] {
  const out: Statement[] = [];
  let batchStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const go = t && t.kind === 'word' && t.upper === 'GO' && t.lineStart;
    if (t && !go) continue;
    splitBatch(tokens, batchStart, i, out);
    if (go) {
      // `GO 5` repeats the batch; the count belongs to GO
      if (tokens[i + 1]?.kind === 'number' && !nth(tokens, i + 1).lineStart) i++;
      batchStart = i + 1;
    }
  }
  return out;
}

function splitBatch(tokens: Token[], from: number, to: number, out: Statement[]): void {
  let i = from;
  while (i < to) {
    if (nth(tokens, i).value === ';') {
      i++;
      continue;
    }
    const words = leading(tokens, i, 4);
    const unit =
      (words[0] === 'CREATE' || words[0] === 'ALTER') &&
      (TSQL_BATCH_UNIT.has(nth(words, 1)) || (words[1] === 'OR' && TSQL_BATCH_UNIT.has(nth(words, 3))));
    if (unit) {
      push(out, make(tokens, i, to));
      return;
    }
    const view = words.includes('VIEW') && (words[0] === 'CREATE' || words[0] === 'ALTER');
    let depth = 0;
    let block = 0;
    let j = i;
    for (; j < to; j++) {
      const t = nth(tokens, j);
      if (t.value === '(') depth++;
      else if (t.value === ')') depth--;
      else if (t.kind === 'word') {
        if (t.upper === 'BEGIN' || t.upper === 'CASE') block++;
        else if (t.upper === 'END' && block > 0) block--;
      }
      if (depth > 0 || block > 0) continue;
      if (t.value === ';') break;
      if (j > i && !view && t.lineStart && t.kind === 'word' && TSQL_START.has(t.upper) && !continues(tokens, j)) break;
    }
    push(out, make(tokens, i, j));
    i = j;
  }
}

/** `… ELSE`/`IF … EXEC`: a word that continues the statement before it despite starting a line. */
function continues(tokens: Token[], j: number): boolean {
  const prev = nth(tokens, j - 1);
  // `ALTER TABLE t ADD CONSTRAINT … ON DELETE\nCASCADE`, `GRANT …\nTO x`: a dangling keyword
  return prev.kind === 'word' && ['ON', 'TO', 'FROM', 'AS', 'AND', 'OR', 'WITH', 'FOR'].includes(prev.upper);
}

function splitDb2(tokens: Token[], comments: Comment[]): Statement[] {
  const out: Statement[] = [];
  // `--#SET TERMINATOR @` comments, in file order: from that offset on, the terminator changes.
  const switches = comments
    .map((c) => ({ at: c.start, m: /^#SET\s+TERMINATOR\s+(\S+)/i.exec(c.text.trim()) }))
    .filter((s) => s.m)
    .map((s) => ({ at: s.at, terminator: capture(s.m!, 1) }));
  const terminatorAt = (offset: number) => {
    let t = ';';
    for (const s of switches) if (s.at < offset) t = s.terminator;
    return t;
  };
  let i = 0;
  while (i < tokens.length) {
    const terminator = terminatorAt(nth(tokens, i).start);
    if (nth(tokens, i).value === terminator) {
      i++;
      continue;
    }
    const words = leading(tokens, i, 5);
    const compound =
      words[0] === 'BEGIN' ||
      (words[0] === 'CREATE' &&
        words.slice(1, 5).some((w) => w === 'PROCEDURE' || w === 'FUNCTION' || w === 'TRIGGER'));
    let block = 0;
    let j = i;
    for (; j < tokens.length; j++) {
      const t = nth(tokens, j);
      if (terminator === ';' && compound && t.kind === 'word') {
        if (t.upper === 'BEGIN' || t.upper === 'CASE') block++;
        else if (t.upper === 'END') {
          const next = tokens[j + 1]?.upper;
          if (!['IF', 'LOOP', 'WHILE', 'FOR', 'REPEAT'].includes(next ?? '')) block = Math.max(0, block - 1);
        }
      }
      if (
        block === 0 &&
        (t.value === terminator ||
          (terminator.length > 1 && t.value === terminator[0] && matches(tokens, j, terminator)))
      )
        break;
    }
    const stmt = make(tokens, i, j);
    if (stmt && block > 0 && j >= tokens.length) stmt.unterminatedBlock = 'begin';
    push(out, stmt);
    i = j + Math.max(1, terminator.length > 1 ? terminatorLength(tokens, j, terminator) : 1);
  }
  return out;
}

/** Multi-character terminators (`--#SET TERMINATOR !!`) come out of the lexer as several punct tokens. */
function matches(tokens: Token[], j: number, terminator: string): boolean {
  return (
    tokens
      .slice(j, j + terminator.length)
      .map((t) => t.value)
      .join('') === terminator
  );
}
function terminatorLength(tokens: Token[], j: number, terminator: string): number {
  return matches(tokens, j, terminator) ? terminator.length : 1;
}

function push(out: Statement[], s: Statement | undefined): void {
  if (s) out.push(s);
}

/** Upper-cased leading words from token i (non-words as their character). */
export function leading(tokens: Token[], i: number, count: number): string[] {
  return tokens
    .slice(i, i + count)
    .map((t) => (t.kind === 'word' ? t.upper : t.kind === 'punct' ? t.value : `\u0000${t.kind}`));
}
