/**
 * Column lineage of a view's query (libpg-query AST): which base columns each output column
 * carries, which relations and columns the query reads. A derived value (cast, function of a
 * column, CASE, COALESCE) is treated as carrying its source columns: rules.md counts a derived
 * column as the same value, and an encrypted or transformed number is still the number.
 */
import { dblinkRelation, type QualifiedName, type ViewDefinition } from '../../catalog/model.js';
import { nth } from '../../indexed.js';

type Node = Record<string, any>;
type ColumnSource = { relation: QualifiedName; column: string };

/** A FROM-clause entry visible by an alias. */
export type ScopeEntry =
  | { kind: 'relation'; name: QualifiedName }
  | {
      kind: 'derived';
      columns: Map<string, ColumnSource[]>;
      order: string[];
      /**
       * A FROM subquery's or CTE's output names, when certain: its own names, and the relations
       * whose `*` it selects (the builder knows their columns). Unset: not checked.
       */
      shape?: DerivedShape;
    };

export interface DerivedShape {
  /** The alias or CTE name the query names it by. */
  alias: string;
  names: string[];
  stars: QualifiedName[];
}

export interface Scope {
  entries: Map<string, ScopeEntry>;
  /** A FROM item the lineage does not name columns for (a function, TABLESAMPLE …): unqualified names may be its. */
  opaque?: boolean;
  /** CTEs visible by name. */
  ctes: Map<string, ScopeEntry>;
  /** The enclosing query, for correlated references. */
  parent?: Scope;
}

export interface SelectLineage {
  columns: { name: string; from: ColumnSource[] }[];
  reads: QualifiedName[];
  readsColumns: ColumnSource[];
  /** Its output names are not all known (VALUES, `*` over a function or an unchecked subquery). */
  incomplete?: boolean;
}

/**
 * A column a view's query names, with the relations that must have it: `h.col` names h; an
 * unqualified `col` names every relation in scope (innermost query outwards). The builder, which
 * knows the relations' columns, reports one none of them has: PostgreSQL refuses such a view
 * ("column h.nope does not exist"). Only written where the candidates are certain.
 */
export interface ColumnRefSite {
  candidates: QualifiedName[];
  /** FROM subqueries and CTEs in scope that may have the column (their output names). */
  derived?: DerivedShape[];
  column: string;
  qualified: boolean;
  /** Byte offset in the statement (libpg-query's `location`). */
  location: number;
}

const NON_CARRYING_FUNCTIONS = new Set(['count', 'exists']);

/** Where column references are being recorded: the list, and whether unqualified names can be checked here. */
let refSink: { refs: ColumnRefSite[]; unqualified: boolean } | undefined;

export function viewLineage(
  query: Node,
  securityInvoker: boolean,
  columnAliases?: string[],
  refs?: ColumnRefSite[],
): ViewDefinition {
  const saved = refSink;
  refSink = refs ? { refs, unqualified: true } : undefined;
  let lineage: SelectLineage;
  try {
    lineage = selectLineage(query, { entries: new Map(), ctes: new Map() });
  } finally {
    refSink = saved;
  }
  const columns = lineage.columns.map((c, i) => ({ name: columnAliases?.[i] ?? c.name, from: dedupe(c.from) }));
  return {
    securityInvoker,
    columns,
    reads: dedupeNames(lineage.reads),
    readsColumns: dedupe(lineage.readsColumns),
  };
}

export function selectLineage(node: Node, outer: Scope): SelectLineage {
  const select: Node = node.SelectStmt ?? node;
  if (select.op && select.op !== 'SETOP_NONE') {
    const left = selectLineage(select.larg, outer);
    const right = selectLineage(select.rarg, outer);
    return {
      columns: left.columns.map((c, i) => ({ name: c.name, from: [...c.from, ...(right.columns[i]?.from ?? [])] })),
      reads: [...left.reads, ...right.reads],
      readsColumns: [...left.readsColumns, ...right.readsColumns],
      ...(left.incomplete || right.incomplete ? { incomplete: true } : {}),
    };
  }
  const scope: Scope = {
    entries: new Map(),
    ctes: new Map(outer.ctes),
    parent: outer.entries.size || outer.parent ? outer : undefined,
  };
  const reads: QualifiedName[] = [];
  const readsColumns: ColumnSource[] = [];

  for (const cte of select.withClause?.ctes ?? []) {
    const c = cte.CommonTableExpr;
    if (!c) continue;
    const sub = selectLineage(c.ctequery, { entries: new Map(), ctes: scope.ctes, parent: scope.parent });
    reads.push(...sub.reads);
    readsColumns.push(...sub.readsColumns);
    const aliases: string[] | undefined = c.aliascolnames?.map((s: Node) => s.String?.sval);
    // A data-modifying CTE (`WITH d AS (DELETE … RETURNING …)`) is not a select: its names are not known here.
    scope.ctes.set(c.ctename, derivedEntry(sub, aliases, c.ctequery?.SelectStmt ? c.ctename : undefined));
  }
  for (const item of select.fromClause ?? []) addFromItem(item, scope, reads, readsColumns);

  const columns: { name: string; from: ColumnSource[] }[] = [];
  let incomplete = !!select.valuesLists;
  for (const target of select.targetList ?? []) {
    const rt = target.ResTarget;
    if (!rt) continue;
    const ref = rt.val?.ColumnRef;
    if (ref && ref.fields?.some((f: Node) => f.A_Star)) {
      const star = expandStar(ref.fields, scope);
      columns.push(...star.columns);
      incomplete ||= star.incomplete;
      continue;
    }
    const from = valueSources(rt.val, scope, reads, readsColumns);
    columns.push({ name: rt.name ?? defaultName(rt.val), from });
  }
  // Every other clause is read too (join conditions, filters, grouping): columns used there are read.
  for (const key of ['whereClause', 'havingClause', 'groupClause', 'sortClause', 'distinctClause']) {
    if (!select[key]) continue;
    // ORDER BY / GROUP BY / DISTINCT ON may name an output column instead of an input one.
    const outputNames = key === 'groupClause' || key === 'sortClause' || key === 'distinctClause';
    withUnqualifiedChecks(!outputNames, () => valueSources(select[key], scope, reads, readsColumns));
  }
  for (const vals of select.valuesLists ?? []) valueSources(vals, scope, reads, readsColumns);
  return { columns, reads, readsColumns, ...(incomplete ? { incomplete } : {}) };
}

function addFromItem(item: Node, scope: Scope, reads: QualifiedName[], readsColumns: ColumnSource[]): void {
  if (item.RangeVar) {
    const rv = item.RangeVar;
    const cte = !rv.schemaname ? scope.ctes.get(rv.relname) : undefined;
    const alias = rv.alias?.aliasname ?? rv.relname;
    if (cte) {
      scope.entries.set(alias, cte);
      return;
    }
    const name: QualifiedName = {
      name: rv.relname,
      ...(rv.schemaname ? { schema: rv.schemaname } : {}),
      ...(rv.catalogname ? { database: rv.catalogname } : {}),
    };
    reads.push(name);
    scope.entries.set(alias, { kind: 'relation', name });
  } else if (item.JoinExpr) {
    const j = item.JoinExpr;
    addFromItem(j.larg, scope, reads, readsColumns);
    addFromItem(j.rarg, scope, reads, readsColumns);
    if (j.quals) valueSources(j.quals, scope, reads, readsColumns);
    for (const u of j.usingClause ?? []) {
      const col = u.String?.sval;
      if (col) readsColumns.push(...resolveColumn([col], scope));
    }
  } else if (item.RangeSubselect) {
    const rs = item.RangeSubselect;
    // A FROM subquery sees its siblings only when LATERAL.
    const sub = selectLineage(
      rs.subquery,
      rs.lateral ? scope : { entries: new Map(), ctes: scope.ctes, parent: scope.parent },
    );
    reads.push(...sub.reads);
    readsColumns.push(...sub.readsColumns);
    const aliases: string[] | undefined = rs.alias?.colnames?.map((s: Node) => s.String?.sval);
    if (rs.alias?.aliasname) scope.entries.set(rs.alias.aliasname, derivedEntry(sub, aliases, rs.alias.aliasname));
    else scope.opaque = true; // PostgreSQL 16 allows a subquery without alias: its columns are still in scope
  } else if (item.RangeFunction) {
    // Set-returning functions: read their arguments.
    valueSources(item.RangeFunction, scope, reads, readsColumns);
    const call = item.RangeFunction.functions?.[0]?.List?.items?.[0]?.FuncCall;
    const alias = item.RangeFunction.alias?.aliasname;
    if (alias && item.RangeFunction.coldeflist && dblinkName(call)) {
      // `dblink(conn, sql) AS t(cols)`: t's columns are the remote query's, joined by the builder.
      // A derived entry, so that `t.*` expands to the column definition list's names.
      const name = { name: dblinkRelation(call.location) };
      const names: string[] = item.RangeFunction.coldeflist.map((d: Node) => d.ColumnDef?.colname ?? '');
      scope.entries.set(alias, {
        kind: 'derived',
        columns: new Map(names.map((column) => [column, [{ relation: name, column }]])),
        order: names,
        shape: { alias, names, stars: [] },
      });
    } else scope.opaque = true;
  } else {
    scope.opaque = true;
  }
}

function dblinkName(call: Node | undefined): boolean {
  return call?.funcname?.map((x: Node) => x.String?.sval).pop() === 'dblink';
}

function withUnqualifiedChecks(on: boolean, run: () => void): void {
  if (!refSink) return run();
  const saved = refSink.unqualified;
  refSink.unqualified = saved && on;
  try {
    run();
  } finally {
    refSink.unqualified = saved;
  }
}

/** Records a column reference whose candidate relations are certain (see ColumnRefSite). */
function recordRef(fields: string[], scope: Scope, location: unknown): void {
  if (!refSink || typeof location !== 'number') return;
  if (fields.length === 2) {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const entry = s.entries.get(nth(fields, 0));
      if (!entry) continue;
      if (entry.kind === 'relation')
        refSink.refs.push({ candidates: [entry.name], column: nth(fields, 1), qualified: true, location });
      else if (entry.shape)
        refSink.refs.push({
          candidates: [],
          derived: [entry.shape],
          column: nth(fields, 1),
          qualified: true,
          location,
        });
      return;
    }
    return;
  }
  if (fields.length !== 1 || !refSink.unqualified) return;
  const candidates: QualifiedName[] = [];
  const derived: DerivedShape[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    if (s.opaque) return;
    for (const [alias, entry] of s.entries) {
      // A bare alias is a whole-row reference (`SELECT h FROM h`); a subquery whose names are not known answers itself.
      if (alias === fields[0]) return;
      if (entry.kind === 'relation') candidates.push(entry.name);
      else if (entry.shape) derived.push(entry.shape);
      else return;
    }
  }
  if (candidates.length || derived.length)
    refSink.refs.push({
      candidates,
      ...(derived.length ? { derived } : {}),
      column: nth(fields, 0),
      qualified: false,
      location,
    });
}

/**
 * A FROM subquery or CTE as a scope entry. Its shape (the names a reference may use) is kept when
 * every name is certain: no VALUES list or `*` of something unnamed, no default name spif does not
 * derive as PostgreSQL does (`?column?`), and each `*` one relation's (column aliases rename by
 * position, so a `*` under an alias list leaves it unchecked).
 */
function derivedEntry(sub: SelectLineage, aliases?: string[], alias?: string): ScopeEntry {
  const columns = new Map<string, ColumnSource[]>();
  const order: string[] = [];
  const names: string[] = [];
  const stars: QualifiedName[] = [];
  let certain = alias !== undefined && !sub.incomplete;
  sub.columns.forEach((c, i) => {
    const name = aliases?.[i] ?? c.name;
    columns.set(name, c.from);
    order.push(name);
    if (name === '*') {
      const star = c.from.length === 1 && c.from[0]?.column === '*' ? c.from[0].relation : undefined;
      if (!star || aliases?.length) certain = false;
      else stars.push(star);
    } else if (name === '?column?') certain = false;
    else names.push(name);
  });
  return { kind: 'derived', columns, order, ...(certain ? { shape: { alias: alias!, names, stars } } : {}) };
}

/** All base columns a value expression reads; also records them (and sublink reads) as read. */
function valueSources(
  value: Node | undefined,
  scope: Scope,
  reads: QualifiedName[],
  readsColumns: ColumnSource[],
): ColumnSource[] {
  const out: ColumnSource[] = [];
  const visit = (n: any, carrying: boolean): void => {
    if (n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) visit(x, carrying);
      return;
    }
    if (n.ColumnRef) {
      const fields = (n.ColumnRef.fields ?? []).map((f: Node) => f.String?.sval).filter(Boolean);
      if (fields.length === (n.ColumnRef.fields ?? []).length) recordRef(fields, scope, n.ColumnRef.location);
      const found = resolveColumn(fields, scope);
      readsColumns.push(...found);
      if (carrying) out.push(...found);
      return;
    }
    if (n.ParamRef) {
      // `$1` in a routine body: the parameter (an entry of the variables' scope).
      if (carrying) out.push(...variable(scope, `$${n.ParamRef.number}`));
      return;
    }
    if (n.SubLink) {
      const sub = selectLineage(n.SubLink.subselect, scope);
      reads.push(...sub.reads);
      readsColumns.push(...sub.readsColumns);
      // A scalar subquery's value is its single output column.
      if (carrying && n.SubLink.subLinkType === 'EXPR_SUBLINK') out.push(...(sub.columns[0]?.from ?? []));
      if (n.SubLink.testexpr) visit(n.SubLink.testexpr, false);
      return;
    }
    if (n.FuncCall) {
      const fname = n.FuncCall.funcname?.map((s: Node) => s.String?.sval).pop();
      const carries = carrying && !NON_CARRYING_FUNCTIONS.has(fname);
      visit(n.FuncCall.args, carries);
      visit(n.FuncCall.agg_filter, false);
      visit(n.FuncCall.agg_order, false);
      // A window's PARTITION BY / ORDER BY columns are read, not carried.
      visit(n.FuncCall.over, false);
      return;
    }
    if (n.A_Expr?.kind === 'AEXPR_NULLIF') {
      // NULLIF(a, b) "returns a null value if value1 equals value2; otherwise it returns value1"
      // (PostgreSQL 16 docs, 9.18.3): a's value, b only compared.
      visit(n.A_Expr.lexpr, carrying);
      visit(n.A_Expr.rexpr, false);
      return;
    }
    if (n.A_Expr) {
      const op = n.A_Expr.name?.map((s: Node) => s.String?.sval).join('');
      // Comparisons yield booleans, not the compared value.
      const carries =
        carrying &&
        !['=', '<>', '!=', '<', '>', '<=', '>=', '~~', '!~~', '~~*'].includes(op) &&
        n.A_Expr.kind === 'AEXPR_OP';
      visit(n.A_Expr.lexpr, carries);
      visit(n.A_Expr.rexpr, carries);
      return;
    }
    if (n.NullTest || n.BooleanTest) {
      visit(n.NullTest ?? n.BooleanTest, false);
      return;
    }
    if (n.CaseExpr) {
      visit(n.CaseExpr.arg, false);
      for (const w of n.CaseExpr.args ?? []) {
        visit(w.CaseWhen?.expr, false);
        visit(w.CaseWhen?.result, carrying);
      }
      visit(n.CaseExpr.defresult, carrying);
      return;
    }
    for (const key of Object.keys(n)) if (key !== 'location') visit(n[key], carrying);
  };
  visit(value, true);
  return out;
}

function resolveColumn(fields: string[], scope: Scope): ColumnSource[] {
  if (fields.length === 0) return [];
  if (fields.length >= 2) {
    // alias.column or schema.table.column: the alias is the second-to-last field; the innermost
    // query that has the alias wins.
    const column = nth(fields, fields.length - 1);
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const entry = s.entries.get(nth(fields, fields.length - 2));
      if (entry) return entryColumn(entry, column);
    }
    return [];
  }
  // Unqualified: any FROM entry of the innermost query with entries may hold it. Relations are
  // filtered by the builder, which knows their columns; derived entries answer exactly. Where only
  // relations may hold it, a routine's variable or parameter of that name may be meant instead
  // (PL/pgSQL refuses the ambiguity by default, 43.11.1; a SQL function's column wins, 38.5.1): both.
  const column = nth(fields, 0);
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const out: ColumnSource[] = [];
    let exact = false;
    for (const entry of new Set(s.entries.values())) {
      const found = entryColumn(entry, column);
      if (found.length && entry.kind === 'derived') exact = true;
      out.push(...found);
    }
    if (out.length) return exact ? out : [...out, ...variable(s.parent, column)];
  }
  return [];
}

/**
 * The scope entry holding a routine body's variables and parameters (derived: it answers exactly).
 * Its name cannot be an SQL alias.
 */
export const VARIABLES = '#vars';

function variable(scope: Scope | undefined, column: string): ColumnSource[] {
  for (let s = scope; s; s = s.parent) {
    const vars = s.entries.get(VARIABLES);
    if (vars?.kind === 'derived') return vars.columns.get(column) ?? [];
  }
  return [];
}

function entryColumn(entry: ScopeEntry, column: string): ColumnSource[] {
  if (entry.kind === 'relation') return [{ relation: entry.name, column }];
  return entry.columns.get(column) ?? [];
}

function expandStar(
  fields: Node[],
  scope: Scope,
): { columns: { name: string; from: ColumnSource[] }[]; incomplete: boolean } {
  const qualifier = fields.length >= 2 ? nth(fields, fields.length - 2).String?.sval : undefined;
  const entries = qualifier
    ? ([scope.entries.get(qualifier)].filter(Boolean) as ScopeEntry[])
    : [...new Set(scope.entries.values())];
  const out: { name: string; from: ColumnSource[] }[] = [];
  // An unnamed FROM item (a function) adds columns `*` does not list here.
  let incomplete = !qualifier && !!scope.opaque;
  for (const entry of entries) {
    if (entry.kind === 'relation') {
      out.push({ name: '*', from: [{ relation: entry.name, column: '*' }] });
      continue;
    }
    if (!entry.shape) incomplete = true;
    // Each `*` of the entry is its own relation's (the name map keeps one of them only).
    let star = 0;
    for (const name of entry.order) {
      const relation = name === '*' ? entry.shape?.stars[star++] : undefined;
      out.push({ name, from: relation ? [{ relation, column: '*' }] : (entry.columns.get(name) ?? []) });
    }
  }
  return { columns: out, incomplete };
}

function defaultName(val: Node | undefined): string {
  if (!val) return '?column?';
  if (val.ColumnRef) {
    const last = val.ColumnRef.fields?.[val.ColumnRef.fields.length - 1];
    return last?.String?.sval ?? '?column?';
  }
  if (val.TypeCast) return defaultName(val.TypeCast.arg);
  if (val.FuncCall) return val.FuncCall.funcname?.map((s: Node) => s.String?.sval).pop() ?? '?column?';
  if (val.A_Indirection) {
    const last = val.A_Indirection.indirection?.[val.A_Indirection.indirection.length - 1];
    return last?.String?.sval ?? '?column?';
  }
  return '?column?';
}

/** Each base column once (the first occurrence kept). */
export function dedupe(list: ColumnSource[]): ColumnSource[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.relation.database ?? ''}.${c.relation.schema ?? ''}.${c.relation.name}.${c.column}.${c.relation.searchPath?.join(',') ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function dedupeNames(list: QualifiedName[]): QualifiedName[] {
  const seen = new Set<string>();
  return list.filter((q) => {
    const k = `${q.database ?? ''}.${q.schema ?? ''}.${q.name}.${q.searchPath?.join(',') ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
