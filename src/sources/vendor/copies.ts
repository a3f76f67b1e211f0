/**
 * Writes that copy values in an Oracle, SQL Server or Db2 script: the target columns hold what they
 * copy, whatever they are called (evidence `insert-select` / `update`), as PostgreSQL's and MySQL's
 * readers read the same statements.
 * - `INSERT INTO t [(cols)] SELECT …` / `WITH … SELECT …` (Oracle SQL Language Reference, INSERT
 *   "subquery"; Transact-SQL INSERT; Db2 INSERT "fullselect");
 * - `UPDATE t [alias] SET c = expr, … [FROM …] [WHERE …]`: each expression, a scalar subquery or
 *   (SQL Server `UPDATE … FROM`) a column of the FROM list, is what c holds;
 * - SQL Server `SELECT … INTO new_table FROM …` creates new_table with the selected columns
 *   ("SELECT - INTO Clause (Transact-SQL)").
 * Every query is read by the view reader (view-query.ts). What a statement copies but this module
 * cannot read — `MERGE`, Oracle multitable `INSERT ALL | FIRST`, `INSERT … EXEC`, `UPDATE … SET
 * (a, b) = (SELECT …)`, a query the parser rejects — is a located warning: never silently skipped.
 */
import type { QualifiedName, ViewColumn } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { Cursor } from './cursor.js';
import { lex, type Token } from './lexer.js';
import { queryLineage } from './view-query.js';
import { nth } from '../../indexed.js';

/** The copy a write statement makes, or [] when it copies nothing from other rows. */
export function readVendorWrite(c: Cursor, first: string): CatalogOp[] {
  if (first === 'INSERT') return insert(c);
  if (first === 'UPDATE') return update(c);
  if (first === 'SELECT' && c.ctx.dialect === 'sqlserver') return selectInto(c);
  if (first === 'MERGE') return unread(c, 'MERGE');
  return [];
}

function hasWord(tokens: Token[], word: string): boolean {
  return tokens.some((t) => t.kind === 'word' && t.upper === word);
}

/**
 * In a trigger body: the FROM items that name the row the trigger fires for (Oracle `NEW` / `OLD`
 * after their `:` is dropped, Db2's REFERENCING names), and the rewrite of SQL Server's `inserted` /
 * `deleted` pseudo-tables to the trigger's table.
 */
interface TriggerRow {
  from: string;
  rewrite(text: string): string;
}

function insert(c: Cursor, row?: TriggerRow): CatalogOp[] {
  if (!row && !hasWord(c.tokens, 'SELECT') && !hasWord(c.tokens, 'EXEC') && !hasWord(c.tokens, 'EXECUTE')) return [];
  c.i = 1;
  if (c.is('ALL') || c.is('FIRST')) return unread(c, 'a multitable INSERT ALL | FIRST');
  c.accept('INTO');
  const table = c.relationName();
  if (c.isIdent() && !['SELECT', 'WITH', 'VALUES', 'EXEC', 'EXECUTE', 'DEFAULT', 'OUTPUT'].includes(c.peek()!.upper))
    c.next(); // Oracle: INSERT INTO t alias
  let columns: string[] | undefined;
  if (c.is('(') && !c.is('SELECT', 1) && !c.is('WITH', 1)) columns = c.identList();
  if (c.is('OUTPUT')) c.skipUntil('SELECT', 'WITH', 'VALUES', 'EXEC', 'EXECUTE');
  if (c.is('EXEC') || c.is('EXECUTE')) return unread(c, 'INSERT … EXEC (the rows a procedure returns)');
  if (c.is('VALUES')) {
    if (!row) return unread(c, 'INSERT … VALUES with a subquery');
    // `VALUES (:NEW.a, :OLD.b)`: the values of the row the trigger fires for.
    c.next();
    const open = c.i;
    c.skipParens();
    if (!c.done) return unread(c, 'INSERT … VALUES of several rows in a trigger body');
    const values = row.rewrite(c.textBetween(open + 1, c.i - 1));
    return viaText(c, table, columns, `SELECT ${values}${row.from ? ` FROM ${row.from}` : ''}`, 'trigger');
  }
  if (row) return viaText(c, table, columns, row.rewrite(c.textBetween(c.i, c.tokens.length)), 'trigger');
  const query = c.tokens.slice(c.i);
  return copy(c, table, columns, query, 'insert-select');
}

function update(c: Cursor, row?: TriggerRow): CatalogOp[] {
  c.i = 1;
  const nameStart = c.i;
  const table = c.relationName();
  if (c.isIdent() && c.peek()!.upper !== 'SET') c.next(); // alias
  const target = c.textBetween(nameStart, c.i);
  c.expect('SET');
  if (c.is('(')) return unread(c, 'UPDATE … SET (a, b) = (SELECT …)');
  const columns: string[] = [];
  const exprs: string[] = [];
  for (;;) {
    const parts = c.nameParts(); // `c`, or SQL Server `t.c`
    columns.push(nth(parts, parts.length - 1));
    c.expect('=');
    const from = c.i;
    c.skipUntil(',', 'FROM', 'WHERE', 'OUTPUT', 'OPTION');
    exprs.push(c.textBetween(from, c.i));
    if (!c.accept(',')) break;
  }
  let over = target;
  if (c.is('FROM')) {
    const from = c.i + 1;
    c.skipUntil('WHERE', 'OPTION');
    over = c.textBetween(from, c.i); // SQL Server: the FROM list names the target too
  }
  if (row)
    return viaText(
      c,
      table,
      columns,
      row.rewrite(`SELECT ${exprs.join(', ')} FROM ${[over, row.from].filter(Boolean).join(', ')}`),
      'trigger',
    );
  return viaText(c, table, columns, `SELECT ${exprs.join(', ')} FROM ${over}`, 'update');
}

/** A copy whose query is written here (a SELECT over an UPDATE's expressions, a trigger's row). */
function viaText(
  c: Cursor,
  table: QualifiedName,
  columns: string[] | undefined,
  text: string,
  via: 'insert-select' | 'update' | 'trigger',
): CatalogOp[] {
  return copy(c, table, columns, lex(text, c.ctx.dialect).tokens, via, text);
}

/** SQL Server `SELECT cols INTO new FROM …`: a new table whose columns carry the query's. */
function selectInto(c: Cursor): CatalogOp[] {
  let depth = 0;
  let into = -1;
  c.tokens.forEach((t, k) => {
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && into < 0 && t.kind === 'word' && t.upper === 'INTO') into = k;
  });
  if (into < 0) return [];
  c.i = into + 1;
  const name = c.relationName();
  if (name.name.startsWith('#')) return []; // a temporary table lasts for the session
  // The query without `INTO name`, offsets kept: the view reader reads it as any SELECT.
  const stmt = c.ctx.text.slice(c.stmt.start, nth(c.tokens, c.tokens.length - 1).end);
  const a = nth(c.tokens, into).start - c.stmt.start;
  const b = nth(c.tokens, c.i - 1).end - c.stmt.start;
  const text = stmt.slice(0, a) + ' '.repeat(b - a) + stmt.slice(b);
  const outcome = queryLineage(text, lex(text, c.ctx.dialect).tokens, c.ctx.dialect, c.ctx.state);
  if (!outcome.ok) return unread(c, `SELECT … INTO (${outcome.message})`);
  const { columns, reads, readsColumns } = outcome.lineage;
  c.ctx.state.relations.set(c.ctx.state.key(name), { kind: 'table', columns: columns.map((x) => x.name) });
  return [
    {
      op: 'create-view',
      at: c.at,
      name,
      view: { securityInvoker: false, columns, reads, readsColumns },
      relationKind: 'table',
    },
  ];
}

function copy(
  c: Cursor,
  table: QualifiedName,
  columns: string[] | undefined,
  query: Token[],
  via: 'insert-select' | 'update' | 'trigger',
  text = c.ctx.text,
): CatalogOp[] {
  const outcome = queryLineage(text, query, c.ctx.dialect, c.ctx.state);
  if (!outcome.ok) return unread(c, `its query (${outcome.message})`);
  const values: ViewColumn[] = outcome.lineage.columns;
  if (!values.some((v) => v.from.length)) return [];
  return [{ op: 'copy-into', at: c.at, table, ...(columns ? { columns } : {}), values, via }];
}

function unread(c: Cursor, what: string): CatalogOp[] {
  c.ctx.warn(`${what} is not read: the values it copies are not followed`, c.stmt.start);
  return [];
}

/** Statement words a T-SQL trigger body may start a statement with at the start of a line, with no `;`. */
const TSQL_STATEMENT = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'IF',
  'ELSE',
  'BEGIN',
  'END',
  'DECLARE',
  'SET',
  'RETURN',
  'PRINT',
  'RAISERROR',
  'THROW',
  'COMMIT',
  'ROLLBACK',
  'EXEC',
  'EXECUTE',
  'WHILE',
]);

/**
 * `CREATE [OR REPLACE | OR ALTER] TRIGGER name … ON t … body`: each INSERT or UPDATE of the body
 * copies what it writes when the trigger fires, the fired-for row being t's: Oracle `:NEW.col` /
 * `:OLD.col` (or the REFERENCING names; PL/SQL Language Reference, "Correlation Names and
 * Pseudorecords"), Db2's REFERENCING NEW AS n / OLD AS o names (Db2 11.5 CREATE TRIGGER), SQL
 * Server's `inserted` / `deleted` pseudo-tables, which have t's columns ("Use the inserted and
 * deleted tables"). A trigger on DATABASE / SCHEMA / ALL SERVER fires on statements, not rows:
 * nothing to copy. A MERGE, dynamic SQL or a write this reader cannot read is a warning on the
 * trigger (SPIF-FUNCTION-UNANALYSED): what it copies is not followed.
 */
export function readVendorTrigger(c: Cursor): CatalogOp[] {
  const dialect = c.ctx.dialect;
  c.i = c.tokens.findIndex((t) => t.kind === 'word' && t.upper === 'TRIGGER') + 1;
  const trigger = c.nameParts().join('.');
  c.skipUntil('ON');
  if (!c.accept('ON') || c.is('DATABASE') || c.is('SCHEMA') || c.is('ALL')) return [];
  const tableStart = c.i;
  c.relationName();
  const tableText = c.textBetween(tableStart, c.i);
  const aliases = { new: dialect === 'oracle' ? 'NEW' : undefined, old: dialect === 'oracle' ? 'OLD' : undefined } as {
    new?: string;
    old?: string;
  };
  let bodyStart = c.i;
  if (dialect === 'sqlserver') {
    c.skipUntil('AS');
    bodyStart = c.i + 1;
  } else {
    // REFERENCING [NEW [ROW] [AS] n] [OLD [ROW] [AS] o] (NEW TABLE / OLD TABLE: statement triggers, not read)
    for (let k = c.i; k < c.tokens.length; k++) {
      const w = nth(c.tokens, k).upper;
      if (w === 'BEGIN' || w === 'DECLARE' || w === 'INSERT' || w === 'UPDATE') break;
      if ((w === 'NEW' || w === 'OLD') && c.tokens[k + 1]?.upper !== 'TABLE') {
        let j = k + 1;
        if (c.tokens[j]?.upper === 'ROW') j++;
        if (c.tokens[j]?.upper === 'AS') j++;
        const alias = c.tokens[j];
        if (alias && (alias.kind === 'word' || alias.kind === 'ident') && alias.upper !== 'FOR')
          aliases[w === 'NEW' ? 'new' : 'old'] = alias.upper;
      }
    }
  }
  const body = c.tokens.slice(bodyStart);
  const names = [aliases.new, aliases.old].filter((a): a is string => !!a);
  const row: TriggerRow =
    dialect === 'sqlserver'
      ? { from: '', rewrite: (t) => t.replace(/\b(inserted|deleted)\b/gi, tableText) }
      : {
          from: names.map((a) => `${tableText} SPIF_ROW_${a}`).join(', '),
          rewrite: (t) =>
            names.length
              ? t.replace(
                  new RegExp(`:?\\b(${names.join('|')})\\s*\\.`, 'gi'),
                  (_m, a: string) => `SPIF_ROW_${a.toUpperCase()}.`,
                )
              : t,
        };
  const ops: CatalogOp[] = [];
  const problems: string[] = [];
  const warnings = c.ctx.diagnostics.length;
  for (let k = 0; k < body.length; k++) {
    const t = nth(body, k);
    const assigned = assignment(body, k, dialect);
    if (assigned !== undefined) {
      // What a local variable is given from the row or a query is not followed into the writes
      // that use it (flow of values through variables is not modelled in trigger bodies): say so.
      const rest = body.slice(k, statementEnd(body, k + 1, dialect));
      if (rest.some((x, j) => carriesData(rest, j, names, dialect)))
        problems.push(`a value passed through the variable ${assigned}`);
    }
    if (t.kind !== 'word') continue;
    const prev = body[k - 1]?.upper;
    if ((t.upper === 'EXECUTE' && body[k + 1]?.upper === 'IMMEDIATE') || t.upper === 'SP_EXECUTESQL')
      problems.push('dynamic SQL');
    if (t.upper === 'MERGE') problems.push('a MERGE');
    if ((t.upper !== 'INSERT' && t.upper !== 'UPDATE') || prev === 'FOR' || prev === 'OF' || prev === 'IF') continue;
    const end = statementEnd(body, k + 1, dialect);
    const tokens = body.slice(k, end);
    const sub = new Cursor({ tokens, start: nth(tokens, 0).start, end: nth(tokens, tokens.length - 1).end }, c.ctx);
    try {
      ops.push(...(t.upper === 'INSERT' ? insert(sub, row) : update(sub, row)));
    } catch {
      problems.push(`an ${t.upper} it cannot read`);
    }
    k = body[end]?.value === ';' ? end : end - 1; // a T-SQL statement word ending it starts the next
  }
  // A write inside the body that could not be read warns as the trigger's, not as a script statement.
  const own = c.ctx.diagnostics.splice(warnings);
  for (const d of own) problems.push(d.message.replace(/: the values it copies are not followed$/, ''));
  if (problems.length)
    c.ctx.warn(
      `trigger ${trigger} on ${tableText}: ${[...new Set(problems)].join('; ')} in its body is not read; the values it copies are not followed`,
      c.stmt.start,
      'SPIF-FUNCTION-UNANALYSED',
    );
  return ops;
}

const STATEMENT_BOUNDARY = new Set([';', 'BEGIN', 'DECLARE', 'THEN', 'ELSE', 'LOOP', 'IS', 'AS']);

/** The index just past the statement that starts before `from`: its `;`, or (T-SQL) the next statement word at a line start. */
function statementEnd(body: Token[], from: number, dialect: string): number {
  let end = from;
  let depth = 0;
  for (; end < body.length; end++) {
    const x = nth(body, end);
    if (x.kind === 'punct' && x.value === '(') depth++;
    else if (x.kind === 'punct' && x.value === ')') depth--;
    else if (depth === 0 && x.kind === 'punct' && x.value === ';') break;
    else if (depth === 0 && dialect === 'sqlserver' && x.lineStart && x.kind === 'word' && TSQL_STATEMENT.has(x.upper))
      break;
    if (depth < 0) break;
  }
  return end;
}

/**
 * The variable a statement starting at `k` assigns, as written, or undefined: PL/SQL `v := …`
 * (PL/SQL Language Reference, "Assignment Statement"), `SET v = …` / `SET @v = …` (Db2 SQL PL
 * "SET variable"; T-SQL "SET @local_variable"), `SELECT … INTO v` (PL/SQL "SELECT INTO
 * Statement"; Db2 "SELECT INTO"), T-SQL `SELECT @v = …` ("SELECT @local_variable"), a T-SQL
 * `DECLARE @v T = …` / Db2 `DECLARE v T DEFAULT …`, and `FETCH … INTO v`.
 */
function assignment(body: Token[], k: number, dialect: string): string | undefined {
  const t = nth(body, k);
  const next = body[k + 1];
  const isName = (x: Token | undefined) => x?.kind === 'word' || x?.kind === 'ident';
  if (t.value === ':' && next?.value === '=' && dialect !== 'sqlserver') {
    // `v := …`, `:NEW.c := …`, or a declaration `v CHAR(12) := …`: the name starting the statement
    let j = k - 1;
    while (j > 0 && !STATEMENT_BOUNDARY.has(nth(body, j - 1).upper)) j--;
    const target = body.slice(j, k);
    return target[0]?.value === ':' ? target.map((x) => x.value).join('') : (target[0]?.value ?? '?');
  }
  if (t.kind !== 'word') return undefined;
  if (t.upper === 'SET' && isName(next) && next!.upper !== 'NOCOUNT') {
    let j = k + 2;
    while (body[j]?.value === '.' && isName(body[j + 1])) j += 2;
    if (body[j]?.value === '=' || (dialect === 'sqlserver' && body[j + 1]?.value === '=')) return next!.value;
  }
  if (t.upper === 'SELECT' && dialect === 'sqlserver' && next?.value.startsWith('@') && body[k + 2]?.value === '=')
    return next.value;
  if (t.upper === 'DECLARE' && isName(next)) {
    const end = statementEnd(body, k + 1, dialect);
    if (body.slice(k, end).some((x) => x.value === '=' || x.upper === 'DEFAULT')) return next!.value;
  }
  if ((t.upper === 'SELECT' || t.upper === 'FETCH') && dialect !== 'sqlserver') {
    const end = statementEnd(body, k + 1, dialect);
    let depth = 0;
    for (let j = k + 1; j < end; j++) {
      const x = nth(body, j);
      if (x.value === '(') depth++;
      else if (x.value === ')') depth--;
      else if (depth === 0 && x.kind === 'word' && x.upper === 'INTO' && isName(body[j + 1]))
        return nth(body, j + 1).value;
    }
  }
  if (t.upper === 'FETCH' && dialect === 'sqlserver') {
    const into = body.findIndex((x, j) => j > k && x.upper === 'INTO');
    if (into > 0 && body[into + 1]) return nth(body, into + 1).value;
  }
  return undefined;
}

/** Whether the token at `j` names the fired-for row (`:NEW.x`, a REFERENCING name, `inserted`) or starts a query or fetch. */
function carriesData(tokens: Token[], j: number, rowNames: string[], dialect: string): boolean {
  const x = nth(tokens, j);
  if (x.kind !== 'word' && x.kind !== 'ident') return false;
  if (x.upper === 'SELECT' || x.upper === 'FETCH') return true;
  if (dialect === 'sqlserver') return x.upper === 'INSERTED' || x.upper === 'DELETED';
  return rowNames.includes(x.upper) && tokens[j + 1]?.value === '.';
}
