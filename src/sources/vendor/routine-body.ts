/**
 * What an Oracle, SQL Server or Db2 routine body reads and hands back, read by tokens: the common
 * shapes of a vendor's stored routines — result sets, `SELECT … INTO` variables, a RETURN value,
 * an OUT parameter — each query's lineage taken by the view reader (view-query.ts). Variables are
 * followed flow-insensitively (a variable carries every value ever assigned to it; every branch of
 * IF / CASE-less conditions and loops is taken), which can only over-state what is returned.
 * INSERT and UPDATE are writes: what they copy from other rows is a copy as in a script, and what
 * they copy from a parameter is kept for a trigger that calls the routine (catalog/routine-calls.ts).
 * A call of a procedure is kept with what its arguments carry, followed when the catalog is built
 * (catalog/routine-calls.ts); a MERGE is its actions' writes (merge.ts). Any other statement (a cursor loop or FETCH, dynamic SQL, a
 * query the parser rejects) leaves the routine unanalysed with that statement as the reason: an
 * explicit unknown path, never a guess. A trigger body is read the same way, with its fired-for
 * row (readTriggerBody), past what it cannot read (each problem named).
 * What each product hands back:
 * - SQL Server: every `SELECT` without assignment is a result set to the caller; `RETURN (SELECT …)`
 *   of an inline table-valued function its rows; `RETURN @v` a scalar function's value; `@p …
 *   OUTPUT` parameters ("CREATE PROCEDURE (Transact-SQL)", "CREATE FUNCTION (Transact-SQL)",
 *   https://learn.microsoft.com/sql/t-sql/statements/create-procedure-transact-sql).
 * - Oracle: `RETURN expr` of a function, OUT / IN OUT parameters, and `OPEN c FOR SELECT …` of a
 *   REF CURSOR handed out (PL/SQL Language Reference 19c, "SELECT INTO Statement", "OPEN FOR
 *   Statement", "RETURN Statement").
 * - Db2: `DECLARE c CURSOR WITH RETURN FOR SELECT …` result sets, `RETURN` of a function (a
 *   fullselect for a table function), OUT / INOUT parameters (Db2 11.5, "DECLARE CURSOR
 *   statement", "RETURN statement" in SQL PL).
 */
import { ROUTINE_PARAMETER, type ViewColumn } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { dedupeOrigins, originKey, type Origin } from '../lineage-scope.js';
import { Cursor } from './cursor.js';
import { part, type Said, said } from '../../diagnostics.js';
import { type MergeRead, readMerge, tokensText } from './merge.js';
import { foldIdent, lex, type Token } from './lexer.js';
import { type QueryNames, queryLineage } from './view-query.js';
import type { QualifiedName } from '../../catalog/model.js';
import { nth } from '../../indexed.js';

export interface BodyRead {
  /** What the caller receives: result-set columns, the RETURN value, OUT parameters. */
  outputs: ViewColumn[];
  /**
   * Input parameters, each with the base columns the body compares it with (`WHERE atena_no =
   * @atena`): a caller who holds such a value gets the rows it selects, so the routine links them.
   */
  parameters: ViewColumn[];
  reads: QualifiedName[];
  readsColumns: Origin[];
  /** The parameters' types, in order: an overload's signature (`VARCHAR2`, `KOJIN.ATENA_NO%TYPE`). */
  argTypes: string[];
  /** Every parameter's (folded) name, in order. */
  parameterNames: string[];
  /** INSERT / UPDATE the body makes; a parameter's value is the origin `#parameter`.name. */
  writes: BodyWrite[];
  /**
   * Procedures the body calls, with what each argument carries: resolved when the catalog is built
   * (catalog/routine-calls.ts), for a trigger and for a routine alike.
   */
  calls: BodyCall[];
  /** Set when the body was not (fully) read: why (the problems of a trigger body, joined). */
  reason?: Said;
}

export interface BodyWrite {
  table: QualifiedName;
  columns?: string[];
  values: ViewColumn[];
  via: 'insert-select' | 'update' | 'merge';
}

export interface BodyCall {
  /** The routine's name parts as written, folded (`PKG`, `P`). */
  parts: string[];
  /** Each argument: its parameter's name when passed by name (`p => x`, `@p = x`), and what it carries. */
  args: { name?: string; from: Origin[] }[];
  /** A function named in an expression (`v := get_no(p)`): what it returns is used, not followed. */
  value?: true;
}

/**
 * A trigger's fired-for row: the trigger's table, and the names that denote its row in the body
 * (folded): Oracle `NEW` / `OLD` or the REFERENCING names, Db2's REFERENCING names, SQL Server's
 * `inserted` / `deleted` pseudo-tables.
 */
export interface TriggerRow {
  table: QualifiedName;
  names: string[];
}

export interface BodyOptions {
  /**
   * Names declared around the routine that the body may use (an Oracle package's variables,
   * cursors and other subprograms): state or code set elsewhere, not followed here.
   */
  outer?: ReadonlySet<string>;
  /** The package the routine belongs to, for the reason. */
  package?: string;
  /**
   * The package's subprograms (an Oracle package body's, private ones too) and the package's
   * name parts (`[schema,] PKG`): a call statement naming one is a call of `PKG.NAME` ("Package
   * Body": its subprograms may call each other, private ones included).
   */
  siblings?: { names: ReadonlySet<string>; prefix: string[] };
  /** A trigger body: its row, and reading goes on past what it cannot read (every problem is named). */
  row?: TriggerRow;
}

interface Param {
  name: string;
  out: boolean;
  /** The caller passes a value in (IN, IN OUT; SQL Server's OUTPUT parameters are both). */
  in: boolean;
}

/** T-SQL, SQL PL and PL/SQL statements that start a new statement where no `;` ends the last. */
const TSQL_STARTS = new Set([
  'SELECT',
  'SET',
  'DECLARE',
  'IF',
  'ELSE',
  'WHILE',
  'RETURN',
  'BEGIN',
  'END',
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'EXEC',
  'EXECUTE',
  'PRINT',
  'RAISERROR',
  'THROW',
  'TRUNCATE',
  'OPEN',
  'FETCH',
  'CLOSE',
  'DEALLOCATE',
]);
const JOINS_A_QUERY = new Set(['UNION', 'ALL', 'EXCEPT', 'INTERSECT', 'MINUS', '(', 'DISTINCT']);
/** Session options inside a body that change no data a caller sees. */
const QUIET_SET = new Set([
  'NOCOUNT',
  'XACT_ABORT',
  'ANSI_NULLS',
  'QUOTED_IDENTIFIER',
  'ANSI_WARNINGS',
  'ARITHABORT',
  'ROWCOUNT',
  'TRANSACTION',
  'DATEFORMAT',
  'LOCK_TIMEOUT',
  'DEADLOCK_PRIORITY',
]);

/**
 * Reads the routine whose CREATE statement the cursor holds (the head: parameters, RETURN(S),
 * options, then the body). `name` is the routine's folded name: a function's value is the column
 * of that name, as for the other dialects' readers.
 */
export function readRoutineBody(
  c: Cursor,
  name: string,
  kind: 'function' | 'procedure',
  options: BodyOptions = {},
): BodyRead {
  const reader = new BodyReader(c, name, kind, options);
  return reader.read();
}

/**
 * Reads a trigger's body, from its first token (`DECLARE`, `BEGIN`, `CALL`, or a single
 * statement): its writes and calls carry the fired-for row's columns.
 */
export function readTriggerBody(c: Cursor, from: number, row: TriggerRow): BodyRead {
  return new BodyReader(c, '', 'procedure', { row }).readFrom(from);
}

/** Statements that change no value spif follows and hand nothing back (errors, exits, messages). */
const QUIET_STATEMENTS = new Set([
  'EXIT',
  'CONTINUE',
  'RAISE',
  'SIGNAL',
  'RESIGNAL',
  'LEAVE',
  'ITERATE',
  'GOTO',
  'PRINT',
  'RAISERROR',
  'THROW',
  'DELETE',
  'TRUNCATE',
]);
/**
 * Control flow, read flow-insensitively (every branch and iteration is taken): the condition
 * hands no value on. PL/SQL `IF … THEN`, `ELSIF`, `ELSE`, `LOOP`, `WHILE … LOOP`, `EXCEPTION WHEN
 * … THEN`; SQL PL `ELSEIF`, `WHILE … DO`; T-SQL `IF cond stmt`, `ELSE`, `WHILE cond stmt`.
 */
const CONTROL = new Set(['IF', 'ELSIF', 'ELSEIF', 'ELSE', 'LOOP', 'WHILE', 'WHEN', 'EXCEPTION', 'REPEAT', 'UNTIL']);
/** Words after which (PL/SQL, SQL PL) a statement starts: the control statement's head ends there. */
const HEAD_ENDS = new Set(['THEN', 'ELSE', 'LOOP', 'DO', 'REPEAT']);

class BodyReader {
  private readonly toks: Token[];
  private readonly dialect;
  private readonly vars = new Map<string, Origin[]>();
  private readonly outputs = new Map<string, Origin[]>();
  private readonly reads = new Map<string, QualifiedName>();
  private readonly readsColumns = new Map<string, Origin>();
  private params: Param[] = [];
  private readonly argTypes: string[] = [];
  /** Input parameter → the base columns it is compared with. */
  private readonly compared = new Map<string, Origin[]>();
  private reason?: Said;
  private readonly problems: Said[] = [];
  private readonly writes: BodyWrite[] = [];
  private readonly calls: BodyCall[] = [];
  private readonly names: QueryNames;

  constructor(
    private readonly c: Cursor,
    private readonly name: string,
    private readonly kind: 'function' | 'procedure',
    private readonly options: BodyOptions,
  ) {
    this.toks = c.tokens;
    this.dialect = c.ctx.dialect;
    const row = options.row;
    this.names = {
      value: (qualifier, column) => {
        if (qualifier !== undefined)
          return row && this.dialect !== 'sqlserver' && row.names.includes(qualifier)
            ? [{ relation: row.table, column }]
            : undefined;
        // a T-SQL `@v` is spelt `_v` in the parsed text (blankVariables)
        const v = this.dialect === 'sqlserver' && column.startsWith('_') ? `@${column.slice(1)}` : column;
        return this.vars.get(v);
      },
      relation: (name) =>
        row && this.dialect === 'sqlserver' && row.names.includes(name.toLowerCase()) ? row.table : undefined,
    };
  }

  read(): BodyRead {
    const start = this.head();
    if (start !== undefined && !this.reason) this.outerNames(start);
    if (start !== undefined && !this.reason) this.body(start);
    return this.result();
  }

  readFrom(from: number): BodyRead {
    this.body(from, this.dialect === 'oracle' && this.word(from) === 'DECLARE');
    return this.result();
  }

  private result(): BodyRead {
    for (const p of this.params) if (p.out) this.output(p.name, this.vars.get(p.name) ?? []);
    const inputs = this.params.filter((p) => p.in && !this.outputs.has(p.name));
    const problems = [...new Map(this.problems.map((p) => [p.message, p])).values()];
    const reason =
      this.reason ??
      (problems.length === 1
        ? problems[0]
        : problems.length
          ? said('diag.list.semi', ...problems.map((p) => p.text))
          : undefined);
    // What the caller receives carries no parameter: the caller's own value comes back.
    const own = (from: Origin[]) => dedupeOrigins(from).filter((o) => o.relation.name !== ROUTINE_PARAMETER);
    return {
      outputs: [...this.outputs].map(([n, from]) => ({ name: n, from: own(from) })),
      parameters: inputs.map((p) => ({ name: p.name, from: dedupeOrigins(this.compared.get(p.name) ?? []) })),
      reads: [...this.reads.values()],
      readsColumns: [...this.readsColumns.values()],
      argTypes: this.argTypes,
      parameterNames: this.params.map((p) => p.name),
      writes: this.writes,
      calls: this.calls,
      ...(reason ? { reason } : {}),
    };
  }

  /** A name of the package around the body (not a parameter, not `x.name`): its value is set elsewhere. */
  private outerNames(from: number): void {
    const outer = this.options.outer;
    if (!outer?.size) return;
    const own = new Set(this.params.map((p) => p.name));
    for (let k = from; k < this.toks.length; k++) {
      const t = nth(this.toks, k);
      const n = this.ident(t);
      if (n === undefined || own.has(n) || !outer.has(n) || this.toks[k - 1]?.value === '.') continue;
      if (this.options.siblings?.names.has(n) && this.startsCall(k)) continue; // followed as a call
      return this.fail(said('diag.vendor.body.outerName', t.value, this.options.package ?? ''));
    }
  }

  /** Token k starts a call statement: after `;`, BEGIN, THEN, ELSE or LOOP, followed by `(` or `;`. */
  private startsCall(k: number): boolean {
    const before = this.word(k - 1);
    const after = this.toks[k + 1]?.value;
    return ['BEGIN', 'THEN', 'ELSE', 'LOOP', ';'].includes(before ?? '') && (after === '(' || after === ';');
  }

  private fail(why: Said): void {
    if (this.options.row) this.problems.push(why);
    else this.reason ??= why;
  }

  private word(k: number): string | undefined {
    const t = this.toks[k];
    return t && (t.kind === 'word' || t.kind === 'punct') ? t.upper : undefined;
  }

  private ident(t: Token | undefined): string | undefined {
    return t && (t.kind === 'word' || t.kind === 'ident') ? foldIdent(t, this.dialect) : undefined;
  }

  /** Parameters and options; the index of the body's first token. */
  private head(): number | undefined {
    let k = this.c.i; // just after the routine's name
    if (this.toks[k]?.value === '(') k = this.paramList(k);
    else if (this.dialect === 'sqlserver') k = this.tsqlParams(k);
    let depth = 0;
    for (; k < this.toks.length; k++) {
      const t = nth(this.toks, k);
      if (t.kind === 'punct' && t.value === '(') depth++;
      if (t.kind === 'punct' && t.value === ')') depth--;
      if (depth > 0) continue;
      const w = this.word(k);
      if (w === 'EXTERNAL' || (w === 'LANGUAGE' && !['SQL', 'PLSQL'].includes(this.word(k + 1) ?? ''))) {
        this.fail(said('diag.vendor.body.external'));
        return undefined;
      }
      if (this.dialect === 'sqlserver' && w === 'AS' && this.word(k - 1) !== 'EXECUTE' && this.word(k - 1) !== 'EXEC')
        return k + 1;
      if (this.dialect === 'oracle' && (w === 'IS' || w === 'AS')) {
        if (this.word(k + 1) === 'LANGUAGE' || this.word(k + 1) === 'EXTERNAL') {
          this.fail(said('diag.vendor.body.callSpec'));
          return undefined;
        }
        return k + 1;
      }
      if (this.dialect === 'db2') {
        if (w === 'BEGIN' || (w === 'RETURN' && this.word(k - 1) !== 'NULL')) return k;
        if (this.toks[k + 1]?.value === ':' && this.word(k + 2) === 'BEGIN') return k + 2; // label: BEGIN
      }
    }
    this.fail(said('diag.vendor.body.notFound'));
    return undefined;
  }

  /** `(a IN T, b OUT T)` (Oracle), `(IN a T, OUT b T)` (Db2), `(@a T OUTPUT)` (SQL Server functions). */
  private paramList(open: number): number {
    let k = open + 1;
    let depth = 1;
    let item: Token[] = [];
    const flush = () => {
      if (item.length) this.param(item);
      item = [];
    };
    for (; k < this.toks.length && depth > 0; k++) {
      const t = nth(this.toks, k);
      if (t.kind === 'punct' && t.value === '(') depth++;
      if (t.kind === 'punct' && t.value === ')' && --depth === 0) break;
      if (depth === 1 && t.kind === 'punct' && t.value === ',') flush();
      else item.push(t);
    }
    flush();
    return k + 1;
  }

  /** SQL Server procedure parameters are not parenthesised: `@a T, @b T OUTPUT` up to WITH / AS / FOR. */
  private tsqlParams(k: number): number {
    let item: Token[] = [];
    let depth = 0;
    for (; k < this.toks.length; k++) {
      const t = nth(this.toks, k);
      if (t.value === '(') depth++;
      if (t.value === ')') depth--;
      if (depth === 0 && ['AS', 'WITH', 'FOR'].includes(this.word(k) ?? '')) break;
      if (depth === 0 && t.value === ',') {
        this.param(item);
        item = [];
      } else item.push(t);
    }
    if (item.length) this.param(item);
    return k;
  }

  private param(item: Token[]): void {
    const words = item.map((t) => (t.kind === 'word' ? t.upper : ''));
    const modeFirst = ['IN', 'OUT', 'INOUT'].includes(words[0] ?? '');
    const nameTok = modeFirst ? item[1] : item[0];
    const name = this.ident(nameTok);
    if (!name) return;
    this.argTypes.push(paramType(item.slice(modeFirst ? 2 : 1)));
    const out =
      words.includes('OUT') || words.includes('OUTPUT') || words.includes('INOUT')
        ? !(this.dialect === 'sqlserver' && words.includes('READONLY'))
        : false;
    const pureOut =
      (words.includes('OUT') && !words.includes('IN') && this.dialect !== 'sqlserver') || words[0] === 'OUT';
    this.params.push({ name, out, in: !pureOut });
    // an input parameter carries what the caller passes: written by the body, it is the caller's value
    this.vars.set(name, pureOut ? [] : [{ relation: { name: ROUTINE_PARAMETER }, column: name }]);
  }

  /** The statements of the body, from `from` to the end of the CREATE. */
  private body(from: number, declares = this.dialect === 'oracle'): void {
    const statements = this.statements(from);
    // Read again while a variable gained a value (one assigned after its use, in a loop), at most
    // four times: each pass starts from what the variables held after the last.
    for (let pass = 0; pass < 4; pass++) {
      const before = this.varSizes();
      if (pass > 0) {
        this.writes.length = 0;
        this.calls.length = 0;
        this.problems.length = 0;
        this.outputs.clear();
      }
      // PL/SQL: what comes between IS/AS (a trigger's DECLARE) and the first BEGIN is the declare section
      let declaring = declares;
      for (const stmt of statements) {
        if (this.reason) return;
        if (declaring && stmt[0]?.upper === 'BEGIN') declaring = false;
        if (declaring) this.declare(stmt);
        else this.statement(stmt);
      }
      if (this.varSizes() === before) return;
    }
  }

  private varSizes(): string {
    return [...this.vars].map(([k, v]) => `${k}:${v.length}`).join(',');
  }

  /**
   * Splits at `;`, and (T-SQL, where `;` is optional) before a word that starts a statement;
   * `BEGIN` and `END [label]` (not a CASE's END) are statements of their own.
   */
  private statements(from: number): Token[][] {
    const out: Token[][] = [];
    let cur: Token[] = [];
    let depth = 0;
    let caseDepth = 0;
    const push = () => {
      if (cur.length) out.push(cur);
      cur = [];
    };
    for (let k = from; k < this.toks.length; k++) {
      const t = nth(this.toks, k);
      const w = this.word(k);
      if (t.kind === 'punct' && t.value === '(') depth++;
      if (t.kind === 'punct' && t.value === ')') depth--;
      // a MERGE's WHEN … THEN INSERT / UPDATE clauses are part of it, to its `;`
      const top = depth === 0 && caseDepth === 0 && cur[0]?.upper !== 'MERGE';
      if (depth === 0 && w === ';') {
        push();
        continue;
      }
      if (depth === 0 && w === 'CASE') caseDepth++;
      else if (depth === 0 && w === 'END' && caseDepth > 0) {
        caseDepth--;
        cur.push(t);
        continue;
      }
      const block = top && t.kind === 'word' && (w === 'BEGIN' || w === 'END');
      const tsqlStart =
        top &&
        t.kind === 'word' &&
        this.dialect === 'sqlserver' &&
        TSQL_STARTS.has(w ?? '') &&
        !(w === 'SELECT' && JOINS_A_QUERY.has(cur.at(-1)?.upper ?? '')) &&
        // `INSERT INTO t (…)` then `SELECT …` / `EXEC p` on the next line: one statement
        !(
          ['SELECT', 'WITH', 'EXEC', 'EXECUTE'].includes(w ?? '') &&
          cur[0]?.upper === 'INSERT' &&
          !['VALUES', 'SELECT', 'EXEC', 'EXECUTE', 'DEFAULT'].some((x) => this.hasWord(cur, x))
        ) &&
        !(w === 'SET' && cur[0]?.upper === 'UPDATE');
      if (block || tsqlStart) push();
      cur.push(t);
      if (block) {
        // `BEGIN TRY`, `END CATCH`, `END name` / `END P1` (a label): one statement with the word after it
        const next = this.toks[k + 1];
        const after = this.toks[k + 2];
        if (next && (next.kind === 'word' || next.kind === 'ident') && !TSQL_STARTS.has(next.upper)) {
          const label = w === 'END' && (!after || after.value === ';');
          if (['TRY', 'CATCH', 'TRAN', 'TRANSACTION', 'ATOMIC'].includes(next.upper) || label) {
            cur.push(next);
            k++;
          } else if (next.upper === 'NOT' && after?.upper === 'ATOMIC') {
            cur.push(next, after); // Db2 BEGIN NOT ATOMIC
            k += 2;
          }
        }
        push();
      } else if (top && t.kind === 'word' && this.dialect !== 'sqlserver' && HEAD_ENDS.has(w ?? '')) push();
    }
    push();
    return out;
  }

  private hasWord(tokens: Token[], word: string): boolean {
    return tokens.some((t) => t.kind === 'word' && t.upper === word);
  }

  private statement(stmt: Token[]): void {
    const w = stmt[0]?.upper ?? '';
    const w1 = stmt[1]?.upper ?? '';
    if (w === 'BEGIN' || w === 'END' || (w === 'NULL' && stmt.length === 1)) return;
    if (w === 'COMMIT' || w === 'ROLLBACK' || w === 'PRAGMA' || w === 'SAVEPOINT') return; // no value a caller receives
    if (this.dialect === 'sqlserver' && w === 'SET' && QUIET_SET.has(w1)) return;
    if (CONTROL.has(w) || QUIET_STATEMENTS.has(w)) return;
    if (w === 'SELECT' || w === 'WITH') return this.select(stmt);
    if (w === 'RETURN') return this.return(stmt);
    const row = this.rowColumn(stmt, w === 'SET' ? 1 : 0);
    if (row && (w === 'SET' || this.dialect === 'oracle')) return this.rowAssign(stmt, row);
    if (w === 'SET' && this.dialect !== 'oracle') return this.assign(stmt.slice(1));
    if (this.dialect === 'oracle' && stmt[1]?.value === ':' && stmt[2]?.value === '=') return this.assign(stmt);
    if (w === 'INSERT') return this.insert(stmt);
    if (w === 'UPDATE') return this.update(stmt);
    if (w === 'MERGE') return this.merge(stmt);
    if (w === 'OPEN' && this.dialect === 'oracle' && stmt[2]?.upper === 'FOR') return this.resultSet(stmt.slice(3));
    if (w === 'OPEN' && this.dialect === 'db2' && stmt.length === 2) return; // a cursor declared WITH RETURN
    if (w === 'DECLARE') return this.declare(stmt);
    if (w === 'EXEC' || w === 'EXECUTE' || w === 'CALL') return this.call(stmt, 1);
    if (this.dialect === 'oracle' && isCallStatement(stmt)) return this.call(stmt, 0);
    this.fail(said('diag.vendor.body.statement', nth(stmt, 0).value));
  }

  /**
   * The trigger row's column a statement assigns from token `k`: Oracle `:NEW.c := …` (and `SELECT
   * … INTO :NEW.c`), Db2 `SET N.c = …` (a BEFORE trigger changing the row it inserts).
   */
  private rowColumn(stmt: Token[], k: number): { column: string; next: number } | undefined {
    const row = this.options.row;
    if (!row || this.dialect === 'sqlserver') return undefined;
    if (this.dialect === 'oracle' && stmt[k]?.value === ':') k++;
    const name = this.ident(stmt[k]);
    if (name === undefined || !row.names.includes(name) || stmt[k + 1]?.value !== '.') return undefined;
    const column = this.ident(stmt[k + 2]);
    return column === undefined ? undefined : { column, next: k + 3 };
  }

  /** `:NEW.c := expr` / `SET N.c = expr`: the trigger's table's column c holds what expr carries. */
  private rowAssign(stmt: Token[], at: { column: string; next: number }): void {
    let k = at.next;
    if (stmt[k]?.value === ':') k++;
    if (stmt[k]?.value !== '=') return this.fail(said('diag.vendor.body.assignment'));
    this.rowWrite(at.column, this.expression(stmt.slice(k + 1)));
  }

  private rowWrite(column: string, from: Origin[]): void {
    const row = this.options.row;
    if (row) this.write(row.table, [column], [{ name: column, from }], 'update');
  }

  private write(
    table: QualifiedName,
    columns: string[] | undefined,
    values: ViewColumn[],
    via: BodyWrite['via'],
  ): void {
    // `#t` (T-SQL temporary table) and `@t` (table variable) last for the session or the batch
    if (table.name.startsWith('#') || table.name.startsWith('@')) return;
    if (!values.some((v) => v.from.length)) return;
    this.writes.push({ table, ...(columns ? { columns } : {}), values, via });
  }

  /** A cursor over part of the routine's statement (`tokens` from its tokens). */
  private sub(tokens: Token[]): Cursor {
    return new Cursor({ tokens, start: nth(tokens, 0).start, end: nth(tokens, tokens.length - 1).end }, this.c.ctx);
  }

  /**
   * `INSERT [INTO] t [alias] [(cols)] {VALUES (…)[, (…)] | SELECT … | WITH …}` (PL/SQL "INSERT
   * Statement", Transact-SQL INSERT, Db2 INSERT): the target columns hold the values.
   */
  private insert(stmt: Token[]): void {
    const c = this.sub(stmt);
    c.i = 1;
    try {
      c.accept('INTO');
      if (c.is('ALL') || c.is('FIRST'))
        return this.fail(said('diag.vendor.body.notRead', part('diag.vendor.write.insertAll')));
      const table = c.relationName();
      if (c.lastLink) return this.fail(said('diag.vendor.body.notFollowed', part('diag.vendor.body.insertRemote')));
      if (
        c.isIdent() &&
        !['SELECT', 'WITH', 'VALUES', 'EXEC', 'EXECUTE', 'DEFAULT', 'OUTPUT'].includes(c.peek()!.upper)
      )
        c.next(); // Oracle: INSERT INTO t alias
      let columns: string[] | undefined;
      if (c.is('(') && !c.is('SELECT', 1) && !c.is('WITH', 1)) columns = c.identList();
      if (c.is('OUTPUT')) c.skipUntil('SELECT', 'WITH', 'VALUES', 'EXEC', 'EXECUTE');
      if (c.is('EXEC') || c.is('EXECUTE'))
        return this.fail(said('diag.vendor.body.notFollowed', part('diag.vendor.write.insertExec')));
      if (c.is('DEFAULT')) return;
      if (c.accept('VALUES')) {
        const values: ViewColumn[] = [];
        while (c.is('(')) {
          const open = c.i;
          c.skipParens();
          splitTopLevel(stmt.slice(open + 1, c.i - 1)).forEach((item, i) => {
            values[i] = {
              name: columns?.[i] ?? `EXPR_${i + 1}`,
              from: dedupeOrigins([...(values[i]?.from ?? []), ...this.expression(item)]),
            };
          });
          if (!c.accept(',')) break;
        }
        return this.write(table, columns, values, 'insert-select');
      }
      if (!c.is('SELECT') && !c.is('WITH') && !c.is('('))
        return this.fail(said('diag.vendor.body.notRead', part('diag.vendor.body.an.insert')));
      const cols = this.query(stmt.slice(c.i));
      if (cols) this.write(table, columns, cols, 'insert-select');
    } catch {
      this.fail(said('diag.vendor.body.couldNotRead', part('diag.vendor.body.an.insert')));
    }
  }

  /**
   * `UPDATE t [alias] SET c = expr, … [FROM …] [WHERE …]`: each c holds what its expression carries,
   * read as `SELECT expr, … FROM <the FROM list, else t>` (a T-SQL FROM list names the rows read).
   */
  private update(stmt: Token[]): void {
    const c = this.sub(stmt);
    c.i = 1;
    try {
      const nameStart = c.i;
      const table = c.relationName();
      if (c.isIdent() && c.peek()!.upper !== 'SET') c.next(); // alias
      const target = c.textBetween(nameStart, c.i);
      c.expect('SET');
      if (c.is('(')) return this.fail(said('diag.vendor.body.notRead', part('diag.vendor.write.updateSetList')));
      const columns: string[] = [];
      const exprs: string[] = [];
      for (;;) {
        const parts = c.nameParts();
        columns.push(nth(parts, parts.length - 1));
        c.expect('=');
        const from = c.i;
        c.skipUntil(',', 'FROM', 'WHERE', 'OUTPUT', 'OPTION', 'RETURNING');
        exprs.push(c.textBetween(from, c.i));
        if (!c.accept(',')) break;
      }
      let over = target;
      if (c.is('FROM')) {
        const from = c.i + 1;
        c.skipUntil('WHERE', 'OPTION');
        over = c.textBetween(from, c.i);
      }
      const cols = this.textQuery(`SELECT ${exprs.join(', ')} FROM ${over}`);
      if (cols)
        this.write(
          table,
          columns,
          cols.map((v, i) => ({ ...v, name: nth(columns, i) })),
          'update',
        );
    } catch {
      this.fail(said('diag.vendor.body.couldNotRead', part('diag.vendor.body.an.update')));
    }
  }

  /**
   * `MERGE INTO t USING s ON … WHEN … THEN UPDATE SET … | INSERT … VALUES …` (merge.ts): each
   * action writes what its expressions carry — the source's and target's columns, and the body's
   * variables, parameters and trigger row (an Oracle upsert `USING dual … VALUES (p_id, p_no)`).
   */
  private merge(stmt: Token[]): void {
    let m: MergeRead;
    try {
      m = readMerge(this.sub(stmt));
    } catch {
      return this.fail(said('diag.vendor.body.couldNotRead', part('diag.vendor.body.a.merge')));
    }
    if (!m.ok) return this.fail(said('diag.vendor.body.notRead', m.what));
    const text = this.c.ctx.text;
    for (const a of m.actions) {
      const cols = this.textQuery(`SELECT ${a.values.map((v) => tokensText(text, v)).join(', ')} FROM ${a.over}`);
      if (!cols) return;
      const values = a.values.map((v, i) => ({
        name: a.columns?.[i] ?? `EXPR_${i + 1}`,
        from: dedupeOrigins([...(cols[i]?.from ?? []), ...this.expression(v)]),
      }));
      this.write(m.table, a.columns, values, 'merge');
    }
  }

  /**
   * A call: PL/SQL `p(args);` / `pkg.p(args);` and `CALL p(args)` (a trigger's CALL body), Db2
   * `CALL p(args)`, T-SQL `EXEC[UTE] [@rc =] p args`. Arguments by position or by name (`p => x`,
   * `@p = x`). The call is followed when the catalog is built (catalog/routine-calls.ts): the
   * procedure's parameters receive what the arguments carry, whether a trigger or a routine calls.
   */
  private call(stmt: Token[], k: number): void {
    const what = nth(stmt, 0).value;
    const dynamic = nth(stmt, 0).upper === 'EXECUTE' && stmt[1]?.upper === 'IMMEDIATE';
    if (dynamic || stmt[k]?.value === '(' || stmt[k]?.kind === 'string')
      return this.fail(said('diag.vendor.body.dynamic', dynamic ? 'EXECUTE IMMEDIATE' : what));
    if (this.dialect === 'sqlserver' && stmt[k]?.value.startsWith('@') && stmt[k + 1]?.value === '=') k += 2; // EXEC @rc = p
    const parts: string[] = [];
    for (;;) {
      const name = this.ident(stmt[k]);
      if (name === undefined) break;
      parts.push(name);
      k++;
      if (stmt[k]?.value !== '.') break;
      k++;
    }
    if (!parts.length) return this.fail(said('diag.vendor.body.unnamedCall', what));
    const siblings = this.options.siblings;
    if (siblings && parts.length === 1 && siblings.names.has(nth(parts, 0))) parts.unshift(...siblings.prefix);
    const first = nth(parts, 0).toUpperCase();
    const last = nth(parts, parts.length - 1).toUpperCase();
    if (first === 'DBMS_SQL' || last === 'SP_EXECUTESQL')
      return this.fail(said('diag.vendor.body.dynamicCall', parts.join('.')));
    // Oracle-supplied packages (DBMS_OUTPUT, UTL_…) and RAISE_APPLICATION_ERROR write no application table
    if (this.dialect === 'oracle' && (/^(DBMS_|UTL_|SYS$)/.test(first) || last === 'RAISE_APPLICATION_ERROR')) return;
    let args = stmt.slice(k);
    if (this.dialect !== 'sqlserver' && args[0]?.value === '(' && args.at(-1)?.value === ')') args = args.slice(1, -1);
    this.calls.push({ parts, args: splitTopLevel(args).map((a) => this.argument(a)) });
  }

  /** `expr`, `name => expr` (PL/SQL, SQL PL), `@p = expr [OUTPUT]` (T-SQL). */
  private argument(a: Token[]): { name?: string; from: Origin[] } {
    let name: string | undefined;
    let expr = a;
    if (a[1]?.value === '=' && a[2]?.value === '>') {
      name = this.ident(a[0]);
      expr = a.slice(3);
    } else if (this.dialect === 'sqlserver' && a[0]?.value.startsWith('@') && a[1]?.value === '=') {
      name = this.ident(a[0]);
      expr = a.slice(2);
    }
    if (this.dialect === 'sqlserver') expr = expr.filter((t) => t.upper !== 'OUTPUT' && t.upper !== 'OUT');
    return { ...(name !== undefined ? { name } : {}), from: this.expression(expr) };
  }

  /** `DECLARE @v T [= expr]`, Db2 `DECLARE v T [DEFAULT expr]`, `DECLARE c CURSOR WITH RETURN FOR SELECT …`, PL/SQL `v T := expr`. */
  private declare(stmt: Token[]): void {
    if (stmt[0]?.upper === 'PRAGMA') return;
    if (['PROCEDURE', 'FUNCTION', 'TYPE', 'SUBTYPE'].includes(stmt[0]?.upper ?? ''))
      return this.fail(said('diag.vendor.body.nested', nth(stmt, 0).value));
    const body = nth(stmt, 0).upper === 'DECLARE' ? stmt.slice(1) : stmt;
    const cursorAt = body.findIndex((t) => t.upper === 'CURSOR');
    if (cursorAt >= 0) {
      const forAt = body.findIndex((t) => t.upper === 'FOR');
      const returned = body.slice(cursorAt, forAt).some((t) => t.upper === 'RETURN');
      if (this.dialect === 'db2' && returned && forAt > 0) return this.resultSet(body.slice(forAt + 1));
      return this.fail(said('diag.vendor.body.notFollowed', part('diag.vendor.body.a.cursor')));
    }
    if (body.some((t) => t.upper === 'SELECT')) {
      const eq = body.findIndex((t) => t.value === '=' || t.upper === 'DEFAULT');
      if (eq > 0)
        return this.assign([nth(body, 0), { ...nth(body, eq), value: '=', upper: '=' }, ...body.slice(eq + 1)]);
      return this.fail(said('diag.vendor.body.declareQuery'));
    }
    const name = this.ident(body[0]);
    if (!name) return;
    this.vars.set(name, this.vars.get(name) ?? []);
    // `v T := expr` / `v T DEFAULT expr` (PL/SQL, SQL PL), `@v T = expr` (T-SQL): the initial value
    const init = body.findIndex(
      (t, k) => (t.value === ':' && body[k + 1]?.value === '=') || t.upper === 'DEFAULT' || t.value === '=',
    );
    if (init > 0) this.addVar(name, this.expression(body.slice(body[init]?.value === ':' ? init + 2 : init + 1)));
  }

  /** `v = expr` / `v := expr` (tokens from the variable). */
  private assign(stmt: Token[]): void {
    const name = this.ident(stmt[0]);
    let k = 1;
    if (stmt[k]?.value === ':') k++;
    if (stmt[k]?.value !== '=' || !name) return this.fail(said('diag.vendor.body.assignment'));
    const expr = stmt.slice(k + 1);
    this.addVar(name, this.expression(expr));
  }

  /** What an expression carries: the variables it names, and the column of a scalar subquery. */
  private expression(expr: Token[]): Origin[] {
    if (!expr.length) return [];
    const selectAt = expr.findIndex((t) => t.upper === 'SELECT');
    const out: Origin[] = [];
    if (selectAt >= 0) {
      // `(SELECT col FROM …)`: the column it yields
      let inner = expr;
      while (inner[0]?.value === '(' && inner.at(-1)?.value === ')') inner = inner.slice(1, -1);
      if (inner[0]?.upper !== 'SELECT' && inner[0]?.upper !== 'WITH') {
        this.fail(said('diag.vendor.body.expressionQuery'));
        return [];
      }
      const cols = this.query(inner);
      if (!cols) return [];
      out.push(...(cols[0]?.from ?? []));
      return out;
    }
    const row = this.options.row;
    this.functionUses(expr);
    for (let j = 0; j < expr.length; j++) {
      const v = this.ident(expr[j]);
      if (v === undefined) continue;
      const column = expr[j + 1]?.value === '.' ? this.ident(expr[j + 2]) : undefined;
      if (row && this.dialect !== 'sqlserver' && row.names.includes(v) && column !== undefined) {
        out.push({ relation: row.table, column }); // `:NEW.c`, `N.c`: the fired-for row's column
        j += 2;
        continue;
      }
      if (this.vars.has(v)) out.push(...this.vars.get(v)!);
    }
    return out;
  }

  /**
   * `f(args)` / `pkg.f(args)` in an expression: kept as a call whose value is used. A name the
   * catalog has no routine of (a built-in function: NVL, SUBSTR, TO_CHAR …) is passed over when the
   * catalog is built; a user routine's returned value is not followed there, and says so.
   */
  private functionUses(expr: Token[]): void {
    for (let j = 0; j < expr.length; j++) {
      if (expr[j - 1]?.value === '.' || this.ident(expr[j]) === undefined) continue;
      let k = j;
      const parts = [this.ident(nth(expr, k))!];
      if (expr[k + 1]?.value === '.' && this.ident(expr[k + 2]) !== undefined && expr[k + 3]?.value === '(') {
        parts.push(this.ident(nth(expr, k + 2))!);
        k += 2;
      }
      if (expr[k + 1]?.value !== '(') continue;
      let depth = 0;
      let end = k + 1;
      for (; end < expr.length; end++) {
        if (nth(expr, end).value === '(') depth++;
        if (nth(expr, end).value === ')' && --depth === 0) break;
      }
      const inner = expr.slice(k + 2, end);
      const args = inner.length ? splitTopLevel(inner).map((a) => ({ from: this.expression(a) })) : [];
      this.calls.push({ parts, args, value: true });
      j = k + 1;
    }
  }

  private addVar(name: string, from: Origin[]): void {
    this.vars.set(name, dedupeOrigins([...(this.vars.get(name) ?? []), ...from]));
  }

  private output(name: string, from: Origin[]): void {
    this.outputs.set(name, [...(this.outputs.get(name) ?? []), ...from]);
  }

  /** `RETURN`, `RETURN expr`, `RETURN (SELECT …)` / `RETURN SELECT …` (a table function's rows). */
  private return(stmt: Token[]): void {
    const expr = stmt.slice(1);
    if (!expr.length) return;
    let inner = expr;
    while (inner[0]?.value === '(' && inner.at(-1)?.value === ')') inner = inner.slice(1, -1);
    const rows = inner[0]?.upper === 'SELECT' || inner[0]?.upper === 'WITH';
    const tableFunction = this.kind === 'function' && rows && this.returnsTable();
    if (tableFunction) return this.resultSet(inner);
    if (this.kind === 'procedure') return; // a procedure's RETURN n is its status code
    this.output(this.name, this.expression(expr));
  }

  /** `RETURNS TABLE` (SQL Server inline, Db2 table function). */
  private returnsTable(): boolean {
    return this.toks.some((t, k) => t.upper === 'RETURNS' && this.word(k + 1) === 'TABLE');
  }

  /** `SELECT …`: a result set, or (with `@v =` items or `INTO v, …`) an assignment. */
  private select(stmt: Token[]): void {
    if (this.dialect === 'sqlserver') {
      const second = stmt[1];
      if (second?.kind === 'word' && second.value.startsWith('@') && stmt[2]?.value === '=')
        return this.selectAssign(stmt);
      if (this.topLevelIndex(stmt, 'INTO') >= 0)
        return this.fail(said('diag.vendor.body.notRead', part('diag.vendor.body.selectIntoTable')));
      return this.resultSet(stmt);
    }
    const into = this.topLevelIndex(stmt, 'INTO');
    if (into < 0) {
      if (this.dialect === 'db2') return this.resultSet(stmt); // Db2: a SELECT in a procedure body without INTO is not valid; read as rows
      return this.fail(said('diag.vendor.body.selectWithoutInto'));
    }
    const fromAt = this.topLevelIndex(stmt, 'FROM');
    const end = fromAt > into ? fromAt : stmt.length;
    // each target: a variable, or (a trigger) the row's column `:NEW.c`
    const targets = splitTopLevel(stmt.slice(into + 1, end)).map((t) => {
      const row = this.rowColumn(t, 0);
      if (row && row.next === t.length) return { row: row.column };
      return t.length === 1 ? this.ident(t[0]) : undefined;
    });
    if (targets.some((t) => t === undefined)) return this.fail(said('diag.vendor.body.selectIntoTarget'));
    // the query without its INTO list (Oracle `BULK COLLECT INTO` too)
    const bulk = stmt[into - 2]?.upper === 'BULK' ? 2 : 0;
    const query = [...stmt.slice(0, into - bulk), ...stmt.slice(end)];
    const cols = this.query(query, stmt.slice(into - bulk, end));
    if (!cols) return;
    targets.forEach((v, i) =>
      typeof v === 'object' ? this.rowWrite(v.row, cols[i]?.from ?? []) : this.addVar(v!, cols[i]?.from ?? []),
    );
  }

  /** T-SQL `SELECT @a = x, @b = y FROM …`: the items without their `@v =`, each to its variable. */
  private selectAssign(stmt: Token[]): void {
    const targets: string[] = [];
    const kept: Token[] = [nth(stmt, 0)];
    const dropped: Token[] = [];
    let depth = 0;
    for (let k = 1; k < stmt.length; k++) {
      const t = nth(stmt, k);
      if (t.value === '(') depth++;
      if (t.value === ')') depth--;
      const itemStart = depth === 0 && (k === 1 || stmt[k - 1]?.value === ',');
      if (itemStart && t.value.startsWith('@') && stmt[k + 1]?.value === '=') {
        targets.push(t.value.toLowerCase());
        dropped.push(t, nth(stmt, k + 1));
        k++;
        continue;
      }
      kept.push(t);
    }
    const cols = this.query(kept, dropped);
    if (!cols) return;
    targets.forEach((v, i) => this.addVar(v, cols[i]?.from ?? []));
  }

  private resultSet(query: Token[]): void {
    const cols = this.query(query);
    if (!cols) return;
    for (const col of cols) this.output(col.name, col.from);
  }

  private topLevelIndex(stmt: Token[], word: string): number {
    let depth = 0;
    for (let k = 0; k < stmt.length; k++) {
      const t = nth(stmt, k);
      if (t.value === '(') depth++;
      if (t.value === ')') depth--;
      if (depth === 0 && t.kind === 'word' && t.upper === word) return k;
    }
    return -1;
  }

  /** One query's columns (undefined, with the reason set, when it cannot be read); `dropped`: tokens left out of it (an INTO list). */
  private query(tokens: Token[], dropped: Token[] = []): ViewColumn[] | undefined {
    // Variables in the query (`WHERE atena_no = @atena`, `= p_atena`) are values, not columns:
    // T-SQL's `@v` is blanked for the parser; a PL/SQL name the parser takes for a column of no
    // relation carries nothing.
    return this.lineage(this.blankVariables(this.c.ctx.text, tokens, dropped), tokens);
  }

  /** A query spif writes from the body's text (an UPDATE's expressions over its rows). */
  private textQuery(text: string): ViewColumn[] | undefined {
    const tokens = lex(text, this.dialect).tokens;
    return this.lineage(this.blankVariables(text, tokens, []), tokens);
  }

  private lineage(text: string, tokens: Token[]): ViewColumn[] | undefined {
    const outcome = queryLineage(text, tokens, this.dialect, this.c.ctx.state, this.names);
    if (!outcome.ok) {
      this.fail(said('diag.vendor.body.query', outcome.message));
      return undefined;
    }
    const { lineage } = outcome;
    if (lineage.links.length) {
      this.fail(said('diag.vendor.body.queryRemote'));
      return undefined;
    }
    if (lineage.unknownStar.length) {
      this.fail(said('diag.vendor.body.queryStar', [...new Set(lineage.unknownStar)].join(', ')));
      return undefined;
    }
    for (const q of lineage.reads) this.reads.set(`${q.database ?? ''}.${q.schema ?? ''}.${q.name}`, q);
    for (const [param, column] of this.comparisons(tokens)) {
      const bases = lineage.readsColumns.filter((o) => o.column === column);
      this.compared.set(param, [...(this.compared.get(param) ?? []), ...bases]);
    }
    for (const o of lineage.readsColumns) this.readsColumns.set(originKey(o), o);
    return lineage.columns.map((col) => {
      // a selected variable carries what it holds
      const v = this.vars.get(col.name) ?? this.vars.get(`@${col.name.slice(1)}`);
      return v && col.from.length === 0 ? { name: col.name, from: v } : col;
    });
  }

  /** `column = param` / `param = column` in a query: the parameter and the column's (folded) name. */
  private comparisons(tokens: Token[]): [string, string][] {
    const inputs = new Set(this.params.filter((p) => p.in).map((p) => p.name));
    const out: [string, string][] = [];
    tokens.forEach((t, k) => {
      if (t.kind !== 'punct' || t.value !== '=') return;
      const left = this.ident(tokens[k - 1]);
      const right = this.ident(tokens[k + 1]);
      if (right !== undefined && inputs.has(right) && left !== undefined && !inputs.has(left)) out.push([right, left]);
      else if (left !== undefined && inputs.has(left) && right !== undefined && !inputs.has(right)) {
        if (tokens[k + 2]?.value !== '.') out.push([left, right]);
        else {
          const column = this.ident(tokens[k + 3]);
          if (column !== undefined) out.push([left, column]);
        }
      }
    });
    return out;
  }

  /**
   * The file's text (same length, so offsets hold) with each T-SQL `@variable` of `tokens` spelt
   * `_variable`, a name no relation has, and the `dropped` tokens blanked.
   */
  private blankVariables(text: string, tokens: Token[], dropped: Token[]): string {
    const edits: { t: Token; by: string }[] = dropped.map((t) => ({ t, by: ' '.repeat(t.end - t.start) }));
    if (this.dialect === 'sqlserver')
      for (const t of tokens)
        if (t.kind === 'word' && t.value.startsWith('@')) edits.push({ t, by: `_${t.value.slice(1)}` });
    // Oracle `:NEW.c`: the `:` blanked, `NEW.c` is the row's column (QueryNames.value)
    const row = this.options.row;
    if (row && this.dialect === 'oracle')
      tokens.forEach((t, k) => {
        const name = this.ident(tokens[k + 1]);
        if (t.value === ':' && name !== undefined && row.names.includes(name) && tokens[k + 2]?.value === '.')
          edits.push({ t, by: ' ' });
      });
    if (!edits.length) return text;
    edits.sort((a, b) => a.t.start - b.t.start);
    const parts: string[] = [];
    let at = 0;
    for (const { t, by } of edits) {
      parts.push(text.slice(at, t.start), by);
      at = t.end;
    }
    parts.push(text.slice(at));
    return parts.join('');
  }
}

/** A parameter's type as written, upper-cased, without its mode or default: `VARCHAR2`, `T.C%TYPE`, `VARCHAR(15)`. */
function paramType(tokens: Token[]): string {
  const MODES = new Set(['IN', 'OUT', 'INOUT', 'NOCOPY', 'OUTPUT', 'READONLY']);
  let out = '';
  let prevWord = false;
  for (const [k, t] of tokens.entries()) {
    if (t.kind === 'word' && (t.upper === 'DEFAULT' || t.upper === 'NULL')) break;
    if (t.value === ':' && tokens[k + 1]?.value === '=') break;
    if (t.value === '=') break; // T-SQL `@p int = 0`
    if (t.kind === 'word' && MODES.has(t.upper)) continue;
    const isWord = t.kind === 'word' || t.kind === 'ident';
    out += (isWord && prevWord ? ' ' : '') + (isWord ? t.value.toUpperCase() : t.value);
    prevWord = isWord;
  }
  return out;
}

/** Items of a list at depth 0, split at its commas. */
function splitTopLevel(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    if (depth === 0 && t.kind === 'punct' && t.value === ',') {
      out.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A PL/SQL procedure call statement: `name[.name…]` with nothing after it but one `( … )`. */
function isCallStatement(stmt: Token[]): boolean {
  let k = 0;
  const isName = (t: Token | undefined) => t?.kind === 'word' || t?.kind === 'ident';
  if (!isName(stmt[0])) return false;
  while (stmt[k + 1]?.value === '.' && isName(stmt[k + 2])) k += 2;
  k++;
  if (k === stmt.length) return true;
  if (stmt[k]?.value !== '(' || stmt.at(-1)?.value !== ')') return false;
  let depth = 0;
  for (let j = k; j < stmt.length; j++) {
    if (nth(stmt, j).value === '(') depth++;
    if (nth(stmt, j).value === ')' && --depth === 0) return j === stmt.length - 1;
  }
  return false;
}

/**
 * What a routine body writes from other rows (`INSERT INTO hist SELECT kojin_bango FROM kojin`,
 * `UPDATE … SET c = v` with v selected from a table): once it runs, the target columns hold those
 * values, as the same statement in a script (copies.ts). A parameter's value is the caller's: it
 * is followed where a trigger passes the row (the routine's `writes`), not here.
 */
export function writeCopies(c: Cursor, body: BodyRead): CatalogOp[] {
  if (body.reason) return [];
  const ops: CatalogOp[] = [];
  for (const w of body.writes) {
    const values = w.values.map((v) => ({ ...v, from: v.from.filter((o) => o.relation.name !== ROUTINE_PARAMETER) }));
    if (!values.some((v) => v.from.length)) continue;
    ops.push({
      op: 'copy-into',
      at: c.at,
      table: w.table,
      ...(w.columns ? { columns: w.columns } : {}),
      values,
      via: w.via,
    });
  }
  return ops;
}
