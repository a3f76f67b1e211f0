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
 * - `MERGE`: each `UPDATE SET` / `INSERT … VALUES` action copies what its expressions read from
 *   the source and target rows (merge.ts).
 * Every query is read by the view reader (view-query.ts). What a statement copies but this module
 * cannot read — Oracle multitable `INSERT ALL | FIRST`, `INSERT … EXEC`, `UPDATE … SET
 * (a, b) = (SELECT …)`, a query the parser rejects — is a located warning: never silently skipped.
 */
import type { QualifiedName, ViewColumn } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { Cursor } from './cursor.js';
import { foldIdent, lex, type Token } from './lexer.js';
import { readTriggerBody } from './routine-body.js';
import { readMerge, tokensText } from './merge.js';
import { bareCall, calleeNames } from './routine-op.js';
import { type DiagnosticText, part, said, type TextArg } from '../../diagnostics.js';
import { queryLineage } from './view-query.js';
import { nth } from '../../indexed.js';

/** The copy a write statement makes, or [] when it copies nothing from other rows. */
export function readVendorWrite(c: Cursor, first: string): CatalogOp[] {
  if (first === 'INSERT') return insert(c);
  if (first === 'UPDATE') return update(c);
  if (first === 'SELECT' && c.ctx.dialect === 'sqlserver') return selectInto(c);
  if (first === 'MERGE') return merge(c);
  return [];
}

function hasWord(tokens: Token[], word: string): boolean {
  return tokens.some((t) => t.kind === 'word' && t.upper === word);
}

function insert(c: Cursor): CatalogOp[] {
  if (!hasWord(c.tokens, 'SELECT') && !hasWord(c.tokens, 'EXEC') && !hasWord(c.tokens, 'EXECUTE')) return [];
  c.i = 1;
  if (c.is('ALL') || c.is('FIRST')) return unread(c, part('diag.vendor.write.insertAll'));
  c.accept('INTO');
  const table = c.relationName();
  if (c.isIdent() && !['SELECT', 'WITH', 'VALUES', 'EXEC', 'EXECUTE', 'DEFAULT', 'OUTPUT'].includes(c.peek()!.upper))
    c.next(); // Oracle: INSERT INTO t alias
  let columns: string[] | undefined;
  if (c.is('(') && !c.is('SELECT', 1) && !c.is('WITH', 1)) columns = c.identList();
  if (c.is('OUTPUT')) c.skipUntil('SELECT', 'WITH', 'VALUES', 'EXEC', 'EXECUTE');
  if (c.is('EXEC') || c.is('EXECUTE')) return unread(c, part('diag.vendor.write.insertExec'));
  if (c.is('VALUES')) return unread(c, part('diag.vendor.write.insertValuesSubquery'));
  const query = c.tokens.slice(c.i);
  return copy(c, table, columns, query, 'insert-select');
}

function update(c: Cursor): CatalogOp[] {
  c.i = 1;
  const nameStart = c.i;
  const table = c.relationName();
  if (c.isIdent() && c.peek()!.upper !== 'SET') c.next(); // alias
  const target = c.textBetween(nameStart, c.i);
  c.expect('SET');
  if (c.is('(')) return unread(c, part('diag.vendor.write.updateSetList'));
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
  return viaText(c, table, columns, `SELECT ${exprs.join(', ')} FROM ${over}`, 'update');
}

/** `MERGE INTO t USING s ON … WHEN [NOT] MATCHED THEN UPDATE SET … | INSERT … VALUES …`: each action a copy (merge.ts). */
function merge(c: Cursor): CatalogOp[] {
  const m = readMerge(c);
  if (!m.ok) return unread(c, m.what);
  return m.actions.flatMap((a) =>
    viaText(
      c,
      m.table,
      a.columns,
      `SELECT ${a.values.map((v) => tokensText(c.ctx.text, v)).join(', ')} FROM ${a.over}`,
      'merge',
    ),
  );
}

/** A copy whose query is written here (a SELECT over an UPDATE's expressions). */
function viaText(
  c: Cursor,
  table: QualifiedName,
  columns: string[] | undefined,
  text: string,
  via: 'insert-select' | 'update' | 'merge',
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
  if (!outcome.ok) return unread(c, part('diag.vendor.write.selectInto', outcome.message));
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
  via: 'insert-select' | 'update' | 'merge',
  text = c.ctx.text,
): CatalogOp[] {
  const outcome = queryLineage(text, query, c.ctx.dialect, c.ctx.state);
  if (!outcome.ok) return unread(c, part('diag.vendor.write.query', outcome.message));
  const values: ViewColumn[] = outcome.lineage.columns;
  if (!values.some((v) => v.from.length)) return [];
  return [{ op: 'copy-into', at: c.at, table, ...(columns ? { columns } : {}), values, via }];
}

function unread(c: Cursor, what: DiagnosticText): CatalogOp[] {
  c.ctx.warn(said('diag.vendor.writeUnread', what), c.stmt.start);
  return [];
}

/**
 * Where a trigger's body starts, after its head: T-SQL's `AS` (not `EXECUTE AS`); PL/SQL's
 * `DECLARE`, `BEGIN`, `CALL` or `COMPOUND TRIGGER`; Db2's triggered action (`BEGIN ATOMIC`, or one
 * statement) after `REFERENCING …`, `FOR EACH ROW`, `MODE DB2SQL` and `WHEN (…)`.
 */
function bodyStart(c: Cursor): number {
  const dialect = c.ctx.dialect;
  const starts =
    dialect === 'oracle'
      ? ['DECLARE', 'BEGIN', 'CALL', 'COMPOUND']
      : ['BEGIN', 'INSERT', 'UPDATE', 'DELETE', 'CALL', 'SET', 'SIGNAL', 'MERGE', 'DECLARE', 'IF', 'VALUES', 'WHILE'];
  let depth = 0;
  for (let k = c.i; k < c.tokens.length; k++) {
    const t = nth(c.tokens, k);
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    if (depth > 0 || t.kind !== 'word') continue;
    if (dialect === 'sqlserver') {
      if (t.upper === 'AS' && c.tokens[k - 1]?.upper !== 'EXECUTE') return k + 1;
    } else if (starts.includes(t.upper)) return k;
  }
  return c.tokens.length;
}

/**
 * `CREATE [OR REPLACE | OR ALTER] TRIGGER name … ON t … body`: the body is read as a routine body
 * is (routine-body.ts), the fired-for row being t's: Oracle `:NEW.col` / `:OLD.col` (or the
 * REFERENCING names; PL/SQL Language Reference, "Correlation Names and Pseudorecords"), Db2's
 * REFERENCING NEW AS n / OLD AS o names (Db2 11.5 CREATE TRIGGER), SQL Server's `inserted` /
 * `deleted` pseudo-tables, which have t's columns ("Use the inserted and deleted tables").
 * Each INSERT or UPDATE copies what it writes (through local variables too); each call of a
 * procedure passes its arguments to the procedure's parameters (a `routine-call`, resolved by
 * the builder). A trigger on DATABASE / SCHEMA / ALL SERVER fires on statements, not rows:
 * nothing to copy. What the body does that is not read (a MERGE, dynamic SQL, a cursor loop) is
 * a warning on the trigger (SPIF-FUNCTION-UNANALYSED): what it copies is not followed.
 */
export function readVendorTrigger(c: Cursor): CatalogOp[] {
  const dialect = c.ctx.dialect;
  c.i = c.tokens.findIndex((t) => t.kind === 'word' && t.upper === 'TRIGGER') + 1;
  const trigger = c.nameParts().join('.');
  c.skipUntil('ON');
  if (!c.accept('ON') || c.is('DATABASE') || c.is('SCHEMA') || c.is('ALL')) return [];
  const tableStart = c.i;
  const table = c.relationName();
  const tableText = c.textBetween(tableStart, c.i);
  const names = dialect === 'sqlserver' ? ['inserted', 'deleted'] : rowNames(c);
  const from = bodyStart(c);
  if (c.tokens[from]?.upper === 'COMPOUND') {
    c.ctx.warn(said('diag.vendor.triggerCompound', trigger, tableText), c.stmt.start, 'SPIF-FUNCTION-UNANALYSED');
    return [];
  }
  const warnings = c.ctx.diagnostics.length;
  const body = readTriggerBody(c, from, { table, names });
  const problems: TextArg[] = body.reason ? [body.reason.text] : [];
  // A write inside the body that could not be read warns as the trigger's, not as a script statement.
  for (const d of c.ctx.diagnostics.splice(warnings))
    problems.push(d.text?.key === 'diag.vendor.writeUnread' ? nth(d.text.args, 0) : (d.text ?? d.message));
  if (problems.length)
    c.ctx.warn(
      said('diag.vendor.triggerProblems', trigger, tableText, part('diag.list.semi', ...problems)),
      c.stmt.start,
      'SPIF-FUNCTION-UNANALYSED',
    );
  const ops: CatalogOp[] = body.writes.map((w) => ({
    op: 'copy-into',
    at: c.at,
    table: w.table,
    ...(w.columns ? { columns: w.columns } : {}),
    values: w.values,
    via: 'trigger',
  }));
  for (const call of body.calls) {
    if (!call.value && !call.args.some((a) => a.from.length)) continue; // passes none of the row's values
    ops.push({
      op: 'routine-call',
      at: c.at,
      names: calleeNames(c, call.parts),
      ...(bareCall(c, call.parts) ? { bare: true } : {}),
      args: call.args,
      ...(call.value ? { value: true as const } : {}),
      caller: trigger,
      table,
    });
  }
  return ops;
}

/** Oracle's NEW / OLD, and the REFERENCING names (`REFERENCING NEW AS n OLD AS o`; NEW TABLE / OLD TABLE are statement triggers' and not read). */
function rowNames(c: Cursor): string[] {
  const aliases: { new?: string; old?: string } = c.ctx.dialect === 'oracle' ? { new: 'NEW', old: 'OLD' } : {};
  for (let k = c.i; k < c.tokens.length; k++) {
    const w = nth(c.tokens, k).upper;
    if (['BEGIN', 'DECLARE', 'INSERT', 'UPDATE', 'CALL'].includes(w)) break;
    if ((w === 'NEW' || w === 'OLD') && c.tokens[k + 1]?.upper !== 'TABLE') {
      let j = k + 1;
      if (c.tokens[j]?.upper === 'ROW') j++;
      if (c.tokens[j]?.upper === 'AS') j++;
      const alias = c.tokens[j];
      if (alias && (alias.kind === 'word' || alias.kind === 'ident') && alias.upper !== 'FOR')
        aliases[w === 'NEW' ? 'new' : 'old'] = foldIdent(alias, c.ctx.dialect);
    }
  }
  return [aliases.new, aliases.old].filter((a): a is string => !!a);
}
