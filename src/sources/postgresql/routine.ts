/**
 * What a function or procedure body reads and returns, read with PostgreSQL's own parsers:
 * libpg-query's `parse` for SQL-language bodies and `parsePlPgSQL` (the PL/pgSQL compiler's
 * parser) for PL/pgSQL, whose embedded queries and expressions are parsed again as SQL.
 *
 * The result is a view-like lineage: each value the routine returns carries the base columns it
 * comes from (through variables, `SELECT … INTO`, `RETURN`, `RETURN QUERY`, `RETURN NEXT`, OUT
 * parameters), every relation and column the body reads is listed, and each input parameter
 * carries the base columns it is compared with (`WHERE atena = p_atena`): a caller who has an
 * 宛名番号 gets what the function returns for it. Assignments are collected flow-insensitively
 * (a variable carries everything ever assigned to it), which can only over-state what is returned.
 *
 * A body that cannot be read this way (dynamic `EXECUTE`, another language, a parse error) is
 * returned as unanalysed with the reason: the catalog reports it, it is never taken as harmless.
 */
import { parsePlPgSQLSync, parseSync } from 'libpg-query';
import { type QualifiedName, ROUTINE_PARAMETER, TRIGGER_ROW, type ViewColumn } from '../../catalog/model.js';
import { dedupe, type Scope, type ScopeEntry, type SelectLineage, selectLineage, VARIABLES } from './lineage.js';
import { nth } from '../../indexed.js';
import { type DiagnosticText, type Said, part, said } from '../../diagnostics.js';
import { parserText } from '../guard.js';
import { mergeCopies, mergeReads } from './merge.js';

type Node = Record<string, any>;
type ColumnSource = { relation: QualifiedName; column: string };

export interface RoutineParameter {
  name?: string;
  type: string;
  mode: 'in' | 'out' | 'inout' | 'variadic' | 'table';
}

export interface RoutineBody {
  analysed: boolean;
  reason?: Said;
  /** Output columns, in order: named by OUT/TABLE parameters or the function name; `*` when a row type is returned unnamed. */
  outputs: ViewColumn[];
  /** Input parameters with the base columns they are compared with. */
  parameters: ViewColumn[];
  reads: QualifiedName[];
  readsColumns: ColumnSource[];
  /**
   * INSERT, UPDATE and MERGE the body makes: copies whenever it runs (`NEW.x` is the relation
   * `#trigger-row`, the trigger's table; an input parameter is `#parameter.name`, what a caller
   * passes, and also carries the columns it is compared with).
   */
  writes: RoutineWrite[];
  /** Calls of other functions and procedures with arguments that carry values, for their writes of parameters. */
  calls: RoutineCall[];
}

export interface RoutineWrite {
  table: QualifiedName;
  columns?: string[];
  values: ViewColumn[];
  via: 'insert-select' | 'update' | 'merge';
}

/** `f(a, b)` / `CALL p(a, b)` in a body: what each argument carries, by position. */
export interface RoutineCall {
  name: QualifiedName;
  args: ColumnSource[][];
}

export interface RoutineSignature {
  name: string;
  parameters: RoutineParameter[];
  /** Return type name (`text`, `void`, `trigger`, a table name…); undefined for procedures. */
  returnType?: string;
  returnsSet: boolean;
  language: string;
  /** The function's statement text: parsePlPgSQL compiles the whole CREATE FUNCTION. */
  statementText?: string;
  /** SQL body as a string (`AS '…'`), or the parsed BEGIN ATOMIC statements. */
  body?: string;
  atomicBody?: Node[];
  /** `SET search_path = a, b` of the function: set while it runs (PostgreSQL 15 docs, CREATE FUNCTION). */
  searchPath?: string[];
}

const SCALAR_TYPES = new Set([
  'text',
  'varchar',
  'bpchar',
  'char',
  'int2',
  'int4',
  'int8',
  'integer',
  'bigint',
  'smallint',
  'numeric',
  'float4',
  'float8',
  'bool',
  'boolean',
  'date',
  'timestamp',
  'timestamptz',
  'time',
  'timetz',
  'interval',
  'uuid',
  'bytea',
  'json',
  'jsonb',
  'name',
  'oid',
  'inet',
  'cidr',
  'money',
  'xml',
  'citext',
]);

/** Output column names the caller sees, or undefined when they come from a row type (`RETURNS SETOF t`). */
function declaredOutputs(sig: RoutineSignature, isProcedure: boolean): string[] | undefined {
  const outs = sig.parameters.filter((p) => p.mode === 'out' || p.mode === 'inout' || p.mode === 'table');
  if (outs.length) return outs.map((p, i) => p.name ?? `column${i + 1}`);
  if (isProcedure) return [];
  const t = sig.returnType ?? 'void';
  if (t === 'void' || t === 'trigger' || t === 'event_trigger') return [];
  // A scalar result is one column named after the function (as `SELECT f(x)` names it).
  if (SCALAR_TYPES.has(t) || t.endsWith('[]')) return [sig.name];
  return undefined; // a row type (table, composite, record): names from the body
}

export function analyseRoutine(sig: RoutineSignature, isProcedure: boolean): RoutineBody {
  const names = declaredOutputs(sig, isProcedure);
  const inputs = sig.parameters.filter((p) => p.mode === 'in' || p.mode === 'inout' || p.mode === 'variadic');
  const empty = (reason: Said): RoutineBody => ({
    analysed: false,
    reason,
    outputs: (names ?? []).map((name) => ({ name, from: [] })),
    parameters: inputs.map((p, i) => ({ name: p.name ?? `$${i + 1}`, from: [] })),
    reads: [],
    readsColumns: [],
    writes: [],
    calls: [],
  });
  const lang = sig.language.toLowerCase();
  // "It is not currently possible to write a trigger function in the plain SQL function language"
  // (docs 39.1): PostgreSQL rejects the CREATE FUNCTION, so no trigger can run it.
  if (lang === 'sql' && (sig.returnType === 'trigger' || sig.returnType === 'event_trigger'))
    return empty(said('diag.pg.routine.sqlTrigger'));
  try {
    if (lang === 'sql') return sqlBody(sig, names, inputs) ?? empty(said('diag.pg.routine.sqlUnparsed'));
    if (lang === 'plpgsql') return plpgsqlBody(sig, names, inputs);
  } catch (e) {
    return empty(said('diag.pg.routine.unreadable', parserText((e as Error).message)));
  }
  return empty(said('diag.pg.routine.language', sig.language));
}

// ---------------------------------------------------------------------------------------------
// Collecting lineage

/**
 * The search paths a statement may run with: `undefined` is the caller's (names resolve in the
 * schema current at CREATE FUNCTION). More than one after a branch that sets it on one side only.
 */
export type SearchPaths = (string[] | undefined)[];

export function unionPaths(list: SearchPaths): SearchPaths {
  const seen = new Map<string, string[] | undefined>();
  for (const p of list) seen.set(p ? JSON.stringify(p) : '', p);
  return [...seen.values()];
}

class Collector {
  readonly reads: QualifiedName[] = [];
  readonly readsColumns: ColumnSource[] = [];
  readonly paramSources = new Map<string, ColumnSource[]>();
  readonly writes: RoutineWrite[] = [];
  readonly calls: RoutineCall[] = [];
  /** The search paths the next statement runs with. */
  paths: SearchPaths = [undefined];
  /**
   * How an in-body `SET search_path` acts on the statements after it. PL/pgSQL prepares each
   * query when it first runs (PostgreSQL 15 docs, 43.11.2 Plan Caching), so they see the new path.
   * A SQL-language body is parsed whole before any of it runs (docs 38.5 Query Language (SQL)
   * Functions, note), so up to PostgreSQL 17 they do not; PostgreSQL 18 (PGlite) parses each
   * statement when it is reached, so they do: names after it are resolved under both.
   */
  constructor(
    readonly paramNames: string[],
    readonly inBodySet: 'replaces' | 'adds' = 'replaces',
  ) {}

  /** selectLineage with every unqualified relation name stamped with the search paths in effect. */
  sel(node: Node, outer: Scope): SelectLineage {
    const l = selectLineage(node, outer);
    return {
      columns: l.columns.map((c) => ({ name: c.name, from: dedupe(c.from.flatMap((x) => this.stampSource(x))) })),
      reads: l.reads.flatMap((q) => this.stamp(q)),
      readsColumns: l.readsColumns.flatMap((x) => this.stampSource(x)),
    };
  }

  /**
   * Names this body already resolved (a variable's or record's sources keep the path of the
   * statement that assigned them): not stamped again by a later statement's path.
   */
  private readonly stamped = new WeakSet<QualifiedName>();

  stamp(q: QualifiedName): QualifiedName[] {
    if (q.schema || this.stamped.has(q) || q.name === TRIGGER_ROW) return [q];
    return this.paths.map((p) => {
      const out = p ? { ...q, searchPath: p } : q;
      this.stamped.add(out);
      return out;
    });
  }

  private stampSource(x: ColumnSource): ColumnSource[] {
    return this.stamp(x.relation).map((relation) => ({ relation, column: x.column }));
  }

  /** `SET [LOCAL] search_path …` / `SELECT set_config('search_path', …)`: true when stmt is one. */
  private setsSearchPath(stmt: Node): boolean {
    const change = searchPathChange(stmt);
    if (!change) return false;
    this.paths = this.inBodySet === 'replaces' ? [change.path] : unionPaths([...this.paths, change.path]);
    return true;
  }

  add(l: SelectLineage): void {
    this.reads.push(...l.reads);
    this.readsColumns.push(...l.readsColumns);
  }

  /** Lineage of one statement (SELECT, or the query inside INSERT/UPDATE/DELETE … RETURNING). */
  statement(stmt: Node, outer: Scope): SelectLineage | undefined {
    const kind = nth(Object.keys(stmt), 0); // a parse node has exactly one key, its kind
    const s = stmt[kind];
    if (this.setsSearchPath(stmt)) return undefined;
    this.parameters(stmt, outer);
    this.callsIn(stmt, outer);
    if (kind === 'SelectStmt') {
      const l = this.sel(s, outer);
      this.add(l);
      return l;
    }
    if (kind === 'InsertStmt' || kind === 'UpdateStmt' || kind === 'DeleteStmt') {
      if (s.selectStmt) this.add(this.sel(s.selectStmt, outer));
      if (kind === 'InsertStmt' && s.selectStmt?.SelectStmt) {
        const sel = s.selectStmt.SelectStmt;
        // VALUES (…): each row's expressions, as a select list (lineage reads no FROM for it).
        const rows: Node[][] = sel.valuesLists?.map((l: Node) => l.List?.items ?? []) ?? [];
        const values = rows.length
          ? rows
              .map((row) => this.sel({ targetList: row.map((val) => ({ ResTarget: { val } })) }, outer).columns)
              .reduce((acc, cols) => acc.map((c, i) => ({ name: c.name, from: [...c.from, ...(cols[i]?.from ?? [])] })))
          : this.sel(sel, outer).columns;
        const columns = (s.cols ?? []).map((c: Node) => c.ResTarget?.name).filter(Boolean);
        if (values.some((v) => v.from.length)) {
          this.writes.push({
            table: nth(this.stamp(rangeName(s.relation)), 0),
            ...(columns.length ? { columns } : {}),
            values,
            via: 'insert-select',
          });
        }
      }
      if (kind === 'UpdateStmt') this.updateWrite(s, outer);
      const from = [{ RangeVar: s.relation }, ...(s.fromClause ?? []), ...(s.usingClause ?? [])];
      const returning = returningList(s);
      const synthetic = { targetList: returning, fromClause: from, whereClause: s.whereClause };
      const l = this.sel(synthetic, outer);
      if (kind !== 'InsertStmt') this.add(l);
      return returning.length ? l : undefined;
    }
    if (kind === 'MergeStmt') {
      // Each action writes into the target (merge.ts); PostgreSQL 17's RETURNING returns target and source columns.
      const reads = mergeReads(s);
      this.add(this.sel(reads, outer));
      const table = nth(this.stamp(rangeName(s.relation)), 0);
      for (const m of mergeCopies(s)) {
        const l = this.sel(m.select, outer);
        this.add(l);
        if (l.columns.some((v) => v.from.length))
          this.writes.push({ table, ...(m.columns ? { columns: m.columns } : {}), values: l.columns, via: 'merge' });
      }
      const returning = returningList(s);
      if (!returning.length) return undefined;
      return this.sel({ ...reads.SelectStmt, targetList: returning, whereClause: undefined }, outer);
    }
    return undefined;
  }

  /**
   * `UPDATE t SET col = expr [FROM …]`: col now holds what expr carries (a trigger's `NEW.x`, a
   * column of the FROM list, a subquery's result). `SET (a, b) = (SELECT …)` assigns by position.
   */
  private updateWrite(s: Node, outer: Scope): void {
    const from = [{ RangeVar: s.relation }, ...(s.fromClause ?? [])];
    const columns: string[] = [];
    const targets: Node[] = [];
    for (const t of s.targetList ?? []) {
      const rt = t.ResTarget;
      if (!rt?.name) continue;
      let val = rt.val;
      // SET (a, b) = (SELECT x, y …): each column gets its position of the row.
      if (val?.MultiAssignRef) {
        const src = val.MultiAssignRef.source;
        const i = (val.MultiAssignRef.colno ?? 1) - 1;
        const sel = src?.SubLink?.subselect;
        val = sel ? { SubLink: { ...src.SubLink, subselect: pickTarget(sel, i) } } : src?.RowExpr?.args?.[i];
      }
      columns.push(rt.name);
      targets.push({ ResTarget: { val } });
    }
    if (!columns.length) return;
    const values = this.sel({ targetList: targets, fromClause: from }, outer).columns;
    if (values.some((v) => v.from.length)) {
      this.writes.push({
        table: nth(this.stamp(rangeName(s.relation)), 0),
        columns,
        values,
        via: 'update',
      });
    }
  }

  /**
   * Calls in the statement whose arguments carry values: `SELECT f(x) FROM t` (and PERFORM,
   * `v := f(x)`), `VALUES (f(x))`, `CALL p(x)`. Each argument is read over its query's FROM list;
   * a call nested in another's arguments is a call of its own. Built-in functions are among them:
   * the builder follows only calls of routines the sources define.
   */
  private callsIn(stmt: Node, outer: Scope): void {
    const call = stmt.CallStmt?.funccall;
    if (call) this.call(call, {}, outer);
    const selects = selectsIn(stmt);
    for (const sel of selects) {
      if (sel.op && sel.op !== 'SETOP_NONE') continue; // its arms are selects of their own
      const found: Node[] = [];
      const find = (n: any): void => {
        if (!n || typeof n !== 'object') return;
        if (Array.isArray(n)) return n.forEach(find);
        if (n.SelectStmt || n.SubLink) return; // visited as selects of their own
        if (n.FuncCall?.args?.length) found.push(n.FuncCall);
        for (const k of Object.keys(n)) find(n[k]);
      };
      find(sel.targetList);
      find(sel.whereClause);
      find(sel.valuesLists);
      for (const f of found) this.call(f, sel, outer);
    }
  }

  private call(f: Node, sel: Node, outer: Scope): void {
    const args: Node[] = (f.args ?? []).filter((a: Node) => !a.NamedArgExpr);
    if (!args.length || args.length !== (f.args ?? []).length) return; // named arguments: not bound here
    const l = this.sel(
      {
        targetList: args.map((val) => ({ ResTarget: { val } })),
        fromClause: sel.fromClause,
        withClause: sel.withClause,
        op: 'SETOP_NONE',
      },
      outer,
    );
    const values = l.columns.map((c) => c.from);
    if (values.some((v) => v.length))
      this.calls.push({ name: nth(this.stamp(functionName(f.funcname ?? [])), 0), args: values });
  }

  /** `col = param` anywhere in the statement: the parameter carries the column's value. */
  private parameters(stmt: Node, outer: Scope): void {
    if (this.paramNames.length === 0) return;
    const selects = selectsIn(stmt);
    const merge = stmt.MergeStmt;
    if (merge) selects.push(mergeReads(merge).SelectStmt);
    const top = stmt.UpdateStmt ?? stmt.DeleteStmt;
    if (top)
      selects.push({
        targetList: [],
        fromClause: [{ RangeVar: top.relation }, ...(top.fromClause ?? []), ...(top.usingClause ?? [])],
        whereClause: top.whereClause,
      });
    for (const sel of selects) {
      const pairs: { param: string; other: Node }[] = [];
      const find = (n: any): void => {
        if (!n || typeof n !== 'object') return;
        if (Array.isArray(n)) return n.forEach(find);
        if (n.SelectStmt || n.SubLink) return; // their own selects are visited separately
        const e = n.A_Expr;
        if (e && e.kind === 'AEXPR_OP' && e.name?.[0]?.String?.sval === '=') {
          const l = this.paramOf(e.lexpr);
          const r = this.paramOf(e.rexpr);
          if (l && !r && e.rexpr?.ColumnRef) pairs.push({ param: l, other: e.rexpr });
          if (r && !l && e.lexpr?.ColumnRef) pairs.push({ param: r, other: e.lexpr });
        }
        for (const k of Object.keys(n)) find(n[k]);
      };
      find(sel.whereClause);
      for (const f of sel.fromClause ?? []) find(f);
      if (!pairs.length) continue;
      const l = this.sel(
        {
          ...sel,
          op: 'SETOP_NONE',
          targetList: pairs.map((p) => ({ ResTarget: { val: p.other } })),
          sortClause: undefined,
        },
        outer,
      );
      pairs.forEach((p, i) => {
        const list = this.paramSources.get(p.param) ?? [];
        list.push(...(l.columns[i]?.from ?? []));
        this.paramSources.set(p.param, list);
      });
    }
  }

  private paramOf(n: Node | undefined): string | undefined {
    if (n?.ParamRef) return this.paramNames[n.ParamRef.number - 1];
    const fields = n?.ColumnRef?.fields;
    if (fields?.length === 1 && fields[0].String && this.paramNames.includes(fields[0].String.sval))
      return fields[0].String.sval;
    return undefined;
  }
}

function finish(
  c: Collector,
  names: string[] | undefined,
  resultColumns: ViewColumn[][],
  inputs: RoutineParameter[],
): RoutineBody {
  // A parameter's own origin stays only where the body writes it (or passes it on): there it is
  // what the caller passes, and also what the parameter is compared with.
  const notParameter = (o: ColumnSource) => o.relation.name !== ROUTINE_PARAMETER;
  const compared = (o: ColumnSource): ColumnSource[] =>
    notParameter(o) ? [o] : [o, ...(c.paramSources.get(o.column) ?? []).filter(notParameter)];
  for (const list of resultColumns) for (const col of list) col.from = col.from.filter(notParameter);
  let outputs: ViewColumn[];
  if (names) {
    outputs = names.map((name, i) => ({
      name,
      from: resultColumns.flatMap((cols) =>
        names.length === 1 && cols.length > 1 ? cols.flatMap((x) => x.from) : (cols[i]?.from ?? []),
      ),
    }));
  } else {
    // A row type: the names come from the result itself (or `*` of a table, expanded by the builder).
    outputs = (resultColumns[0] ?? []).map((col, i) => ({
      name: col.name,
      from: resultColumns.flatMap((cols) => cols[i]?.from ?? []),
    }));
  }
  for (const o of outputs) o.from = dedupe(o.from);
  return {
    analysed: true,
    outputs,
    parameters: inputs.map((p, i) => {
      const name = p.name ?? `$${i + 1}`;
      return { name, from: dedupe((c.paramSources.get(name) ?? []).filter(notParameter)) };
    }),
    reads: c.reads,
    readsColumns: c.readsColumns.filter(notParameter),
    writes: c.writes.map((w) => ({
      ...w,
      values: w.values.map((v) => ({ ...v, from: dedupe(v.from.flatMap(compared)) })),
    })),
    calls: c.calls.map((k) => ({ ...k, args: k.args.map((a) => dedupe(a.flatMap(compared))) })),
  };
}

/** Each input parameter (by name and as `$n`) as an origin: the value a caller passes. */
function parameterOrigins(inputs: RoutineParameter[]): Map<string, ColumnSource[]> {
  const out = new Map<string, ColumnSource[]>();
  inputs.forEach((p, i) => {
    const name = p.name ?? `$${i + 1}`;
    const origin = [{ relation: { name: ROUTINE_PARAMETER }, column: name }];
    out.set(`$${i + 1}`, origin);
    if (p.name) out.set(p.name, origin);
  });
  return out;
}

/**
 * A script's `SELECT … f(col) … FROM t` or `CALL p(col)`: the calls it makes now, with what each
 * argument carries (a callee's writes of its parameters are then copies of those columns).
 */
export function scriptCalls(stmt: Node): RoutineCall[] {
  const c = new Collector([]);
  c.statement(stmt, { entries: new Map(), ctes: new Map() });
  return c.calls;
}

// ---------------------------------------------------------------------------------------------
// SQL-language bodies

function sqlBody(
  sig: RoutineSignature,
  names: string[] | undefined,
  inputs: RoutineParameter[],
): RoutineBody | undefined {
  let stmts: Node[];
  if (sig.atomicBody) stmts = sig.atomicBody;
  else if (sig.body !== undefined) stmts = (parseSync(sig.body).stmts ?? []).map((s: Node) => s.stmt);
  else return undefined;
  const c = new Collector(
    inputs.map((p, i) => p.name ?? `$${i + 1}`),
    'adds',
  );
  // A BEGIN ATOMIC body was parsed at CREATE, with the session's path: the SET clause does not apply.
  if (!sig.atomicBody) c.paths = [sig.searchPath];
  const params = parameterOrigins(inputs);
  const outer: Scope = {
    entries: new Map([[VARIABLES, { kind: 'derived', columns: params, order: [...params.keys()] }]]),
    ctes: new Map(),
  };
  let last: SelectLineage | undefined;
  for (const stmt of stmts) last = c.statement(stmt, outer) ?? last;
  // The result of a SQL function is its last statement's.
  return finish(c, names, last ? [last.columns] : [], inputs);
}

// ---------------------------------------------------------------------------------------------
// PL/pgSQL bodies

function plpgsqlBody(sig: RoutineSignature, names: string[] | undefined, inputs: RoutineParameter[]): RoutineBody {
  if (!sig.statementText) throw new Error('the statement text is not available');
  const parsed = parsePlPgSQLSync(sig.statementText) as unknown as Node;
  const fn = parsed.plpgsql_funcs?.[0]?.PLpgSQL_function;
  if (!fn) throw new Error('PL/pgSQL parser returned no function');
  const datums: Node[] = fn.datums ?? [];
  const c = new Collector(inputs.map((p, i) => p.name ?? `$${i + 1}`));
  /** Branches that may run (or not, `exhaustive` false): the path after is any branch's. */
  const branch = (bodies: (Node[] | undefined)[], exhaustive: boolean): void => {
    const before = c.paths;
    const ends: SearchPaths = exhaustive ? [] : [...before];
    for (const b of bodies) {
      c.paths = before;
      visit(b);
      ends.push(...c.paths);
    }
    c.paths = unionPaths(ends);
  };
  /** A loop body runs zero or more times: a second run sees the path the first left. */
  const loop = (body: Node[] | undefined): void => {
    const before = c.paths;
    visit(body);
    const after = unionPaths([...before, ...c.paths]);
    if (after.length !== before.length) {
      c.paths = after;
      visit(body);
    }
    c.paths = unionPaths([...after, ...c.paths]);
  };
  let visit: (list: Node[] | undefined) => void = () => {};
  // Variables: scalars are columns of one derived scope entry; records are entries of their own.
  const scalars = parameterOrigins(inputs);
  const records = new Map<string, ScopeEntry>();
  if (sig.returnType === 'trigger') {
    // NEW and OLD are the row the trigger fires for.
    records.set('new', { kind: 'relation', name: { name: TRIGGER_ROW } });
    records.set('old', { kind: 'relation', name: { name: TRIGGER_ROW } });
  }
  const nameOf = (dno: number): string | undefined =>
    datums[dno]?.PLpgSQL_var?.refname ?? datums[dno]?.PLpgSQL_rec?.refname;
  const varsScope = (): Scope => ({
    entries: new Map<string, ScopeEntry>([
      [VARIABLES, { kind: 'derived', columns: scalars, order: [...scalars.keys()] }],
      ...records,
    ]),
    ctes: new Map(),
  });
  const assign = (dno: number | undefined, cols: ViewColumn[]) => {
    if (dno === undefined) return;
    const d = datums[dno];
    if (d?.PLpgSQL_var) {
      const list = scalars.get(d.PLpgSQL_var.refname) ?? [];
      list.push(...cols.flatMap((x) => x.from));
      scalars.set(d.PLpgSQL_var.refname, list);
    } else if (d?.PLpgSQL_row) {
      (d.PLpgSQL_row.fields ?? []).forEach((f: Node, i: number) => assign(f.varno, cols[i] ? [cols[i]] : []));
    } else if (d?.PLpgSQL_rec) {
      records.set(d.PLpgSQL_rec.refname, recordEntry(cols));
    } else if (d?.PLpgSQL_recfield) {
      const parent = nameOf(d.PLpgSQL_recfield.recparentno);
      if (parent) records.set(parent, recordEntry(cols));
    }
  };
  /** SELECT … INTO / FOR … IN: a row target (a list of variables), a record or a variable. */
  const assignTarget = (t: Node | undefined, cols: ViewColumn[]) => {
    if (t?.PLpgSQL_row)
      (t.PLpgSQL_row.fields ?? []).forEach((f: Node, i: number) => assign(f.varno, cols[i] ? [cols[i]] : []));
    else if (t?.PLpgSQL_rec) assign(t.PLpgSQL_rec.dno, cols);
    else if (t?.PLpgSQL_var)
      assign(
        datums.findIndex((d) => d.PLpgSQL_var?.refname === t.PLpgSQL_var.refname),
        cols,
      );
  };
  const results: ViewColumn[][] = [];
  const dynamic = new Map<string, DiagnosticText>();
  const dyn = (t: DiagnosticText): void => void dynamic.set(JSON.stringify(t), t);
  const query = (e: Node | undefined): SelectLineage | undefined => {
    const x = e?.PLpgSQL_expr;
    if (!x?.query) return undefined;
    let text: string = x.query;
    if (x.parseMode === 3 || x.parseMode === 4 || x.parseMode === 5) text = `SELECT ${text.replace(/^[^:=]*:?=/, '')}`;
    else if (x.parseMode !== 0) text = `SELECT ${text}`;
    const stmts = (parseSync(text).stmts ?? []).map((s: Node) => s.stmt);
    let out: SelectLineage | undefined;
    for (const s of stmts) out = c.statement(s, varsScope()) ?? out;
    return out;
  };
  const retvar = (dno: number | undefined): ViewColumn[] => {
    if (dno === undefined) return [];
    const d = datums[dno];
    if (d?.PLpgSQL_var) return [{ name: d.PLpgSQL_var.refname, from: scalars.get(d.PLpgSQL_var.refname) ?? [] }];
    if (d?.PLpgSQL_row) return (d.PLpgSQL_row.fields ?? []).flatMap((f: Node) => retvar(f.varno));
    if (d?.PLpgSQL_rec) {
      const entry = records.get(d.PLpgSQL_rec.refname);
      if (entry?.kind === 'derived') return entry.order.map((n) => ({ name: n, from: entry.columns.get(n) ?? [] }));
      if (entry?.kind === 'relation') return [{ name: '*', from: [{ relation: entry.name, column: '*' }] }];
    }
    return [];
  };
  // Two passes: a variable assigned after it is used (in a loop) still carries its value.
  for (let pass = 0; pass < 2; pass++) {
    results.length = 0;
    c.paths = [sig.searchPath];
    visit = (list: Node[] | undefined): void => {
      for (const node of list ?? []) {
        const kind = nth(Object.keys(node), 0);
        const s = node[kind];
        switch (kind) {
          case 'PLpgSQL_stmt_block': {
            // A handler runs after the block's subtransaction is rolled back, SET included.
            const before = c.paths;
            visit(s.body);
            const handlers = (s.exceptions?.PLpgSQL_exception_block?.exc_list ?? []).map(
              (ex: Node) => ex.PLpgSQL_exception?.action,
            );
            if (handlers.length) {
              const end = c.paths;
              c.paths = before;
              branch(handlers, true);
              c.paths = unionPaths([...end, ...c.paths]);
            }
            break;
          }
          case 'PLpgSQL_stmt_assign':
            assign(s.varno, query(s.expr)?.columns ?? []);
            break;
          case 'PLpgSQL_stmt_execsql': {
            const l = query(s.sqlstmt);
            if (s.into) assignTarget(s.target, l?.columns ?? []);
            break;
          }
          case 'PLpgSQL_stmt_return':
            if (s.expr) results.push(query(s.expr)?.columns ?? []);
            else if (s.retvarno !== undefined) results.push(retvar(s.retvarno));
            break;
          case 'PLpgSQL_stmt_return_next':
            if (s.expr) results.push(query(s.expr)?.columns ?? []);
            else if (s.retvarno !== undefined) results.push(retvar(s.retvarno));
            break;
          case 'PLpgSQL_stmt_return_query':
            if (s.dynquery) dyn(part('diag.pg.routine.dynamic.returnQuery', s.lineno));
            else results.push(query(s.query)?.columns ?? []);
            break;
          case 'PLpgSQL_stmt_fors':
          case 'PLpgSQL_stmt_forc': {
            const l = query(s.query);
            assignTarget(s.var, l?.columns ?? []);
            loop(s.body);
            break;
          }
          case 'PLpgSQL_stmt_dynexecute':
          case 'PLpgSQL_stmt_dynfors':
            dyn(part('diag.pg.routine.dynamic.execute', s.lineno));
            loop(s.body);
            break;
          case 'PLpgSQL_stmt_open':
            if (s.dynquery) dyn(part('diag.pg.routine.dynamic.open', s.lineno));
            else query(s.query);
            break;
          case 'PLpgSQL_stmt_if':
            query(s.cond);
            for (const e of s.elsif_list ?? []) query(e.PLpgSQL_if_elsif?.cond);
            branch(
              [s.then_body, ...(s.elsif_list ?? []).map((e: Node) => e.PLpgSQL_if_elsif?.stmts), s.else_body],
              !!s.else_body,
            );
            break;
          case 'PLpgSQL_stmt_case':
            query(s.t_expr);
            for (const w of s.case_when_list ?? []) query(w.PLpgSQL_case_when?.expr);
            // Without ELSE, no matching WHEN raises CASE_NOT_FOUND: some branch always ran.
            branch([...(s.case_when_list ?? []).map((w: Node) => w.PLpgSQL_case_when?.stmts), s.else_stmts], true);
            break;
          case 'PLpgSQL_stmt_loop':
          case 'PLpgSQL_stmt_while':
            query(s.cond);
            loop(s.body);
            break;
          case 'PLpgSQL_stmt_fori':
            query(s.lower);
            query(s.upper);
            query(s.step);
            loop(s.body);
            break;
          case 'PLpgSQL_stmt_foreach_a':
            query(s.expr);
            loop(s.body);
            break;
          case 'PLpgSQL_stmt_perform':
          case 'PLpgSQL_stmt_call':
            query(s.expr);
            break;
          default:
            // RAISE, GET DIAGNOSTICS, EXIT, NULL, COMMIT…: any expression they hold is read.
            for (const v of Object.values(s ?? {})) if ((v as Node)?.PLpgSQL_expr) query(v as Node);
            for (const p of (s?.params ?? []) as Node[]) query(p);
        }
      }
    };
    visit([fn.action]);
  }
  if (dynamic.size) {
    return {
      ...finish(c, names, results, inputs),
      analysed: false,
      reason: said('diag.pg.routine.dynamic', part('diag.list.semi', ...dynamic.values())),
    };
  }
  // OUT parameters are returned by their final values.
  if (names && sig.parameters.some((p) => p.mode === 'out' || p.mode === 'inout')) {
    const outVars = sig.parameters.filter((p) => p.mode === 'out' || p.mode === 'inout' || p.mode === 'table');
    results.push(outVars.map((p, i) => ({ name: p.name ?? `column${i + 1}`, from: scalars.get(p.name ?? '') ?? [] })));
  }
  return finish(c, names, results, inputs);
}

/** RETURNING's list: libpg-query 18 (PostgreSQL 18's parser) puts it in `returningClause.exprs`. */
function returningList(s: Node): Node[] {
  return s.returningClause?.exprs ?? s.returningList ?? [];
}

/** A called function's name: `[schema.]name` (a catalog-qualified call keeps its last two parts). */
function functionName(items: Node[]): QualifiedName {
  const parts: string[] = items.map((x) => x.String?.sval ?? '');
  const name = parts.pop() ?? '';
  const schema = parts.pop();
  return { name, ...(schema ? { schema } : {}) };
}

function rangeName(rv: Node): QualifiedName {
  return { name: rv.relname, ...(rv.schemaname ? { schema: rv.schemaname } : {}) };
}

/**
 * A statement that sets search_path: `SET [LOCAL] search_path = a, b` (each value one schema, as
 * written), `RESET` / `SET … TO DEFAULT` (the caller's again), or
 * `SELECT set_config('search_path', 'a, b', is_local)` with a constant (split as the server does).
 */
export function searchPathChange(stmt: Node): { path: string[] | undefined } | undefined {
  const v = stmt.VariableSetStmt;
  if (v?.name === 'search_path') {
    if (v.kind === 'VAR_SET_VALUE') return { path: (v.args ?? []).map((a: Node) => a.A_Const?.sval?.sval ?? '') };
    if (v.kind === 'VAR_SET_DEFAULT' || v.kind === 'VAR_RESET') return { path: undefined };
    return undefined;
  }
  const sel = stmt.SelectStmt;
  if (!sel || sel.fromClause || sel.targetList?.length !== 1) return undefined;
  const call = sel.targetList[0].ResTarget?.val?.FuncCall;
  const fname = (call?.funcname ?? []).map((x: Node) => x.String?.sval).pop();
  if (fname !== 'set_config') return undefined;
  const [name, value] = (call.args ?? []).map((a: Node) => a.A_Const?.sval?.sval);
  if (name !== 'search_path' || typeof value !== 'string') return undefined;
  return { path: splitSearchPath(value) };
}

/** A search_path string as the server splits it (SplitIdentifierString): folded unless quoted. */
export function splitSearchPath(value: string): string[] {
  return value
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => (x.startsWith('"') ? x.slice(1, -1).replace(/""/g, '"') : x.toLowerCase()));
}

/** A subquery keeping only its i-th output (for `SET (a, b) = (SELECT …)`). */
function pickTarget(sel: Node, i: number): Node {
  const s = sel.SelectStmt ?? sel;
  return { SelectStmt: { ...s, targetList: (s.targetList ?? []).slice(i, i + 1) } };
}

/** A record variable: `SELECT * FROM t` makes it t's row (its fields are t's columns). */
function recordEntry(cols: ViewColumn[]): ScopeEntry {
  const only = cols.length === 1 ? cols[0] : undefined;
  const star = only?.name === '*' && only.from.length === 1 ? nth(only.from, 0).relation : undefined;
  if (star) return { kind: 'relation', name: star };
  return { kind: 'derived', columns: new Map(cols.map((x) => [x.name, x.from])), order: cols.map((x) => x.name) };
}

/** Every SELECT in a statement (its subqueries and set-operation arms too), outermost first. */
function selectsIn(stmt: Node): Node[] {
  const selects: Node[] = [];
  const walk = (n: any): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    if (n.SelectStmt) selects.push(n.SelectStmt);
    for (const k of Object.keys(n)) walk(n[k]);
  };
  walk(stmt);
  return selects;
}
