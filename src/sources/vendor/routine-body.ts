/**
 * What an Oracle, SQL Server or Db2 routine body reads and hands back, read by tokens: the common
 * shapes of a vendor's stored routines — result sets, `SELECT … INTO` variables, a RETURN value,
 * an OUT parameter — each query's lineage taken by the view reader (view-query.ts). Variables are
 * followed flow-insensitively (a variable carries every value ever assigned to it), which can only
 * over-state what is returned. Any other statement (a loop, a condition, a write, a cursor FETCH,
 * dynamic SQL, a call of another routine, a query the parser rejects) leaves the routine
 * unanalysed with that statement as the reason: an explicit unknown path, never a guess.
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
import type { ViewColumn } from '../../catalog/model.js';
import { dedupeOrigins, originKey, type Origin } from '../lineage-scope.js';
import type { Cursor } from './cursor.js';
import { foldIdent, type Token } from './lexer.js';
import { queryLineage } from './view-query.js';
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
  /** Set when the body was not (fully) read: why. */
  reason?: string;
}

export interface BodyOptions {
  /**
   * Names declared around the routine that the body may use (an Oracle package's variables,
   * cursors and other subprograms): state or code set elsewhere, not followed here.
   */
  outer?: ReadonlySet<string>;
  /** The package the routine belongs to, for the reason. */
  package?: string;
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
  private reason?: string;

  constructor(
    private readonly c: Cursor,
    private readonly name: string,
    private readonly kind: 'function' | 'procedure',
    private readonly options: BodyOptions,
  ) {
    this.toks = c.tokens;
    this.dialect = c.ctx.dialect;
  }

  read(): BodyRead {
    const start = this.head();
    if (start !== undefined && !this.reason) this.outerNames(start);
    if (start !== undefined && !this.reason) this.body(start);
    for (const p of this.params) if (p.out) this.output(p.name, this.vars.get(p.name) ?? []);
    const inputs = this.params.filter((p) => p.in && !this.outputs.has(p.name));
    return {
      outputs: [...this.outputs].map(([n, from]) => ({ name: n, from: dedupeOrigins(from) })),
      parameters: inputs.map((p) => ({ name: p.name, from: dedupeOrigins(this.compared.get(p.name) ?? []) })),
      reads: [...this.reads.values()],
      readsColumns: [...this.readsColumns.values()],
      argTypes: this.argTypes,
      ...(this.reason ? { reason: this.reason } : {}),
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
      return this.fail(
        `it uses ${t.value}, declared in package ${this.options.package ?? ''} outside this subprogram (a package variable, cursor or subprogram), which is not followed`,
      );
    }
  }

  private fail(why: string): void {
    this.reason ??= why;
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
        this.fail('an external routine: its code is not in the sources');
        return undefined;
      }
      if (this.dialect === 'sqlserver' && w === 'AS' && this.word(k - 1) !== 'EXECUTE' && this.word(k - 1) !== 'EXEC')
        return k + 1;
      if (this.dialect === 'oracle' && (w === 'IS' || w === 'AS')) {
        if (this.word(k + 1) === 'LANGUAGE' || this.word(k + 1) === 'EXTERNAL') {
          this.fail('a call specification (AS LANGUAGE C | JAVA): its code is not in the sources');
          return undefined;
        }
        return k + 1;
      }
      if (this.dialect === 'db2') {
        if (w === 'BEGIN' || (w === 'RETURN' && this.word(k - 1) !== 'NULL')) return k;
        if (this.toks[k + 1]?.value === ':' && this.word(k + 2) === 'BEGIN') return k + 2; // label: BEGIN
      }
    }
    this.fail('the body was not found');
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
    this.vars.set(name, []);
  }

  /** The statements of the body, from `from` to the end of the CREATE. */
  private body(from: number): void {
    // PL/SQL: what comes between IS/AS and the first BEGIN is the declare section
    let declaring = this.dialect === 'oracle';
    for (const stmt of this.statements(from)) {
      if (this.reason) return;
      if (declaring && stmt[0]?.upper === 'BEGIN') declaring = false;
      if (declaring) this.declare(stmt);
      else this.statement(stmt);
    }
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
      const top = depth === 0 && caseDepth === 0;
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
        !(w === 'SET' && cur[0]?.upper === 'UPDATE');
      if (block || tsqlStart) push();
      cur.push(t);
      if (block) {
        // `BEGIN TRY`, `END CATCH`, `END name` / `END P1` (a label): one statement with the word after it
        const next = this.toks[k + 1];
        const after = this.toks[k + 2];
        if (next && (next.kind === 'word' || next.kind === 'ident') && !TSQL_STARTS.has(next.upper)) {
          const label = w === 'END' && (!after || after.value === ';');
          if (['TRY', 'CATCH', 'TRAN', 'TRANSACTION'].includes(next.upper) || label) {
            cur.push(next);
            k++;
          }
        }
        push();
      }
    }
    push();
    return out;
  }

  private statement(stmt: Token[]): void {
    const w = stmt[0]?.upper ?? '';
    const w1 = stmt[1]?.upper ?? '';
    if (w === 'BEGIN' || w === 'END' || (w === 'NULL' && stmt.length === 1)) return;
    if (w === 'COMMIT' || w === 'ROLLBACK' || w === 'PRAGMA') return; // no value a caller receives
    if (this.dialect === 'sqlserver' && w === 'SET' && QUIET_SET.has(w1)) return;
    if (w === 'SELECT' || w === 'WITH') return this.select(stmt);
    if (w === 'RETURN') return this.return(stmt);
    if (w === 'SET' && this.dialect !== 'oracle') return this.assign(stmt.slice(1));
    if (this.dialect === 'oracle' && stmt[1]?.value === ':' && stmt[2]?.value === '=') return this.assign(stmt);
    if (w === 'OPEN' && this.dialect === 'oracle' && stmt[2]?.upper === 'FOR') return this.resultSet(stmt.slice(3));
    if (w === 'OPEN' && this.dialect === 'db2' && stmt.length === 2) return; // a cursor declared WITH RETURN
    if (w === 'DECLARE') return this.declare(stmt);
    if (w === 'EXEC' || w === 'EXECUTE' || w === 'CALL')
      return this.fail(`${nth(stmt, 0).value} in the body (a call, or dynamic SQL) is not followed`);
    this.fail(`the body's ${nth(stmt, 0).value} statement is not read`);
  }

  /** `DECLARE @v T [= expr]`, Db2 `DECLARE v T [DEFAULT expr]`, `DECLARE c CURSOR WITH RETURN FOR SELECT …`, PL/SQL `v T := expr`. */
  private declare(stmt: Token[]): void {
    if (stmt[0]?.upper === 'PRAGMA') return;
    if (['PROCEDURE', 'FUNCTION', 'TYPE', 'SUBTYPE'].includes(stmt[0]?.upper ?? ''))
      return this.fail(`a ${nth(stmt, 0).value} declared in the body is not read`);
    const body = nth(stmt, 0).upper === 'DECLARE' ? stmt.slice(1) : stmt;
    const cursorAt = body.findIndex((t) => t.upper === 'CURSOR');
    if (cursorAt >= 0) {
      const forAt = body.findIndex((t) => t.upper === 'FOR');
      const returned = body.slice(cursorAt, forAt).some((t) => t.upper === 'RETURN');
      if (this.dialect === 'db2' && returned && forAt > 0) return this.resultSet(body.slice(forAt + 1));
      return this.fail('a cursor in the body is not followed');
    }
    if (body.some((t) => t.upper === 'SELECT')) {
      const eq = body.findIndex((t) => t.value === '=' || t.upper === 'DEFAULT');
      if (eq > 0)
        return this.assign([nth(body, 0), { ...nth(body, eq), value: '=', upper: '=' }, ...body.slice(eq + 1)]);
      return this.fail('a declaration with a query is not read');
    }
    const name = this.ident(body[0]);
    if (name) this.vars.set(name, this.vars.get(name) ?? []);
  }

  /** `v = expr` / `v := expr` (tokens from the variable). */
  private assign(stmt: Token[]): void {
    const name = this.ident(stmt[0]);
    let k = 1;
    if (stmt[k]?.value === ':') k++;
    if (stmt[k]?.value !== '=' || !name) return this.fail('an assignment in the body is not read');
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
        this.fail('an expression with a query inside is not read');
        return [];
      }
      const cols = this.query(inner);
      if (!cols) return [];
      out.push(...(cols[0]?.from ?? []));
      return out;
    }
    for (const t of expr) {
      const v = this.ident(t);
      if (v !== undefined && this.vars.has(v)) out.push(...this.vars.get(v)!);
    }
    return out;
  }

  private addVar(name: string, from: Origin[]): void {
    this.vars.set(name, [...(this.vars.get(name) ?? []), ...from]);
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
      if (this.topLevelIndex(stmt, 'INTO') >= 0) return this.fail('SELECT … INTO a table in the body is not read');
      return this.resultSet(stmt);
    }
    const into = this.topLevelIndex(stmt, 'INTO');
    if (into < 0) {
      if (this.dialect === 'db2') return this.resultSet(stmt); // Db2: a SELECT in a procedure body without INTO is not valid; read as rows
      return this.fail('a SELECT without INTO in a PL/SQL body is not read');
    }
    const fromAt = this.topLevelIndex(stmt, 'FROM');
    const end = fromAt > into ? fromAt : stmt.length;
    const targets = stmt
      .slice(into + 1, end)
      .filter((t) => t.value !== ',')
      .map((t) => this.ident(t));
    if (targets.some((t) => t === undefined)) return this.fail('SELECT … INTO with a target spif cannot name');
    // the query without its INTO list (Oracle `BULK COLLECT INTO` too)
    const bulk = stmt[into - 2]?.upper === 'BULK' ? 2 : 0;
    const query = [...stmt.slice(0, into - bulk), ...stmt.slice(end)];
    const cols = this.query(query, stmt.slice(into - bulk, end));
    if (!cols) return;
    targets.forEach((v, i) => this.addVar(v!, cols[i]?.from ?? []));
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
    const text = this.blankVariables(tokens, dropped);
    const outcome = queryLineage(text, tokens, this.dialect, this.c.ctx.state);
    if (!outcome.ok) {
      this.fail(`a query in the body could not be read (${outcome.message})`);
      return undefined;
    }
    const { lineage } = outcome;
    if (lineage.links.length) {
      this.fail('a query in the body reads a remote object (t@link)');
      return undefined;
    }
    if (lineage.unknownStar.length) {
      this.fail(
        `a query in the body selects * from ${[...new Set(lineage.unknownStar)].join(', ')}, whose columns are not known here`,
      );
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
  private blankVariables(tokens: Token[], dropped: Token[]): string {
    const text = this.c.ctx.text;
    const edits: { t: Token; by: string }[] = dropped.map((t) => ({ t, by: ' '.repeat(t.end - t.start) }));
    if (this.dialect === 'sqlserver')
      for (const t of tokens)
        if (t.kind === 'word' && t.value.startsWith('@')) edits.push({ t, by: `_${t.value.slice(1)}` });
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
