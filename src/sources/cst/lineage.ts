/**
 * View column lineage over sql-parser-cst syntax trees (SQLite, BigQuery): for each output
 * column the base columns it carries (derived values included: src/sources/lineage-carry.ts),
 * every relation read, every base column read.
 * The same rules as the MySQL reader (src/sources/mysql/view.ts), on a different tree.
 */
import type { QualifiedName, ViewColumn } from '../../catalog/model.js';
import {
  type Origin,
  type Scope,
  type Source,
  dedupeOrigins,
  originKey,
  originsIn,
  resolveBare,
} from '../lineage-scope.js';
import { nth } from '../../indexed.js';
import {
  NON_CARRYING_FUNCTIONS,
  argumentParts,
  PREDICATE_OPERATORS,
  PREDICATE_PREFIXES,
  type Part,
  operatorText,
} from '../lineage-carry.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- CST nodes are walked generically */

export interface LineageNames {
  foldColumn(name: string): string;
  qualify(path: string[]): QualifiedName;
  /** Columns of a relation declared earlier in the same file. */
  columnsOf(q: QualifiedName): string[] | undefined;
}

/** `a`, `a.b`, `` `p.d.t` `` → name path. */
export function namePath(node: any): string[] {
  if (!node) return [];
  if (node.type === 'identifier') return [node.name];
  if (node.type === 'member_expr') return [...namePath(node.object), ...namePath(node.property)];
  if (node.type === 'bigquery_quoted_member_expr') return namePath(node.expr);
  return [];
}

export class CstLineage {
  private readonly readSet = new Map<string, QualifiedName>();
  private readonly columnSet = new Map<string, Origin>();
  /** Relations selected with `*` whose columns are unknown. */
  readonly unknownStars: string[] = [];

  constructor(
    private readonly names: LineageNames,
    private readonly text: string,
  ) {}

  reads(): QualifiedName[] {
    return [...this.readSet.values()];
  }
  readsColumns(): Origin[] {
    return [...this.columnSet.values()];
  }

  query(node: any, parent: Scope | undefined, ctes: Map<string, Source>): ViewColumn[] {
    if (!node) return [];
    if (node.type === 'paren_expr') return this.query(node.expr, parent, ctes);
    if (node.type === 'compound_select_stmt') {
      const left = this.query(node.left, parent, ctes);
      const right = this.query(node.right, parent, ctes);
      return left.map((c, i) => ({ name: c.name, from: dedupeOrigins([...c.from, ...(right[i]?.from ?? [])]) }));
    }
    if (node.type !== 'select_stmt') return [];
    const clauses: any[] = node.clauses ?? [];
    const local = new Map(ctes);
    const withClause = clauses.find((c) => c.type === 'with_clause');
    for (const cte of withClause?.tables?.items ?? []) {
      const name = namePath(cte.table)[0];
      let cols = this.query(cte.expr, parent, local);
      const declared = cte.columns?.expr?.items;
      if (Array.isArray(declared))
        cols = cols.map((c, i) => ({ ...c, name: this.names.foldColumn(namePath(declared[i])[0] ?? c.name) }));
      if (name) local.set(name, { kind: 'derived', columns: cols });
    }
    const scope: Scope = { entries: [], parent };
    const conditions: any[] = [];
    const from = clauses.find((c) => c.type === 'from_clause');
    if (from) this.from(from.expr, scope, local, conditions);
    for (const c of conditions) this.expr(c, scope, local);
    for (const c of clauses) {
      if (c.type !== 'select_clause' && c.type !== 'from_clause' && c.type !== 'with_clause')
        this.expr(c, scope, local);
    }
    const select = clauses.find((c) => c.type === 'select_clause');
    const out: ViewColumn[] = [];
    for (const item of select?.columns?.items ?? []) {
      const expr = item.type === 'alias' ? item.expr : item;
      if (expr.type === 'all_columns') {
        out.push(...this.star(undefined, scope));
        continue;
      }
      if (expr.type === 'member_expr' && expr.property?.type === 'all_columns') {
        out.push(...this.star(namePath(expr.object).at(-1), scope));
        continue;
      }
      const alias = item.type === 'alias' ? namePath(item.alias)[0] : undefined;
      const isRef = expr.type === 'identifier' || expr.type === 'member_expr';
      const from = this.value(expr, scope, local);
      const name = alias ?? (isRef ? namePath(expr).at(-1)! : this.textOf(expr));
      out.push({ name: this.names.foldColumn(name), from });
    }
    return out;
  }

  private from(node: any, scope: Scope, ctes: Map<string, Source>, conditions: any[]): void {
    if (!node) return;
    if (node.type === 'join_expr') {
      this.from(node.left, scope, ctes, conditions);
      this.from(node.right, scope, ctes, conditions);
      if (node.specification) conditions.push(node.specification);
      return;
    }
    let alias: string | undefined;
    let expr = node;
    if (node.type === 'alias') {
      alias = namePath(node.alias)[0];
      expr = node.expr;
    }
    if (expr.type === 'paren_expr' && expr.expr?.type !== 'join_expr') {
      scope.entries.push([alias ?? '', { kind: 'derived', columns: this.query(expr.expr, scope.parent, ctes) }]);
      return;
    }
    if (expr.type === 'paren_expr') return this.from(expr.expr, scope, ctes, conditions);
    const path = namePath(expr);
    if (path.length === 0) {
      this.expr(expr, scope, ctes); // table functions, UNNEST(…): read their arguments
      return;
    }
    const cte = path.length === 1 ? ctes.get(nth(path, 0)) : undefined;
    if (cte) {
      scope.entries.push([alias ?? nth(path, 0), cte]);
      return;
    }
    const relation = this.names.qualify(path);
    this.readSet.set(`${relation.schema}.${relation.name}`, relation);
    scope.entries.push([alias ?? relation.name, { kind: 'base', relation, columns: this.names.columnsOf(relation) }]);
  }

  private expr(node: any, scope: Scope, ctes: Map<string, Source>): void {
    this.value(node, scope, ctes);
  }

  /**
   * The base columns a value expression carries (src/sources/lineage-carry.ts: a derived value
   * carries its sources, a predicate or count carries nothing); every column it names is read.
   */
  private value(node: any, scope: Scope, ctes: Map<string, Source>): Origin[] {
    const out: Origin[] = [];
    const visit = (n: any, carrying: boolean): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) {
        for (const x of n) visit(x, carrying);
        return;
      }
      switch (n.type) {
        case 'keyword':
        case 'data_type_name':
        case 'all_columns':
          return;
        case 'identifier':
        case 'member_expr': {
          const found = this.resolve(namePath(n), scope);
          if (carrying) out.push(...found);
          return;
        }
        case 'select_stmt':
        case 'compound_select_stmt': {
          // `(SELECT x FROM t WHERE …)` used as a value carries the column it yields.
          const cols = this.query(n, scope, ctes);
          if (carrying) out.push(...(cols[0]?.from ?? []));
          return;
        }
      }
      for (const part of cstParts(n)) visit(part.node, carrying && part.carries);
    };
    visit(node, true);
    return dedupeOrigins(out);
  }

  /**
   * `col`, `t.col`, `ds.t.col`: the qualifier is the last path element that names a FROM entry;
   * with none, the first element is a column (`col.field` reads a BigQuery STRUCT field).
   */
  private resolve(path: string[], scope: Scope): Origin[] {
    let found: Origin[] | undefined;
    for (let k = path.length - 2; k >= 0 && !found; k--) {
      const entry = this.alias(nth(path, k), scope);
      if (entry) found = originsIn(entry, this.names.foldColumn(nth(path, k + 1))) ?? [];
    }
    found ??= path.length ? resolveBare(this.names.foldColumn(nth(path, 0)), scope) : [];
    for (const o of found) this.columnSet.set(originKey(o), o);
    return found;
  }

  private alias(name: string, scope: Scope): Source | undefined {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const e = s.entries.find(([a]) => a === name || a.toLowerCase() === name.toLowerCase());
      if (e) return e[1];
    }
    return undefined;
  }

  private star(qualifier: string | undefined, scope: Scope): ViewColumn[] {
    const out: ViewColumn[] = [];
    for (const [alias, src] of scope.entries) {
      if (qualifier !== undefined && alias !== qualifier) continue;
      if (src.kind === 'derived') out.push(...src.columns);
      else if (src.columns) {
        for (const c of src.columns) {
          const o = { relation: src.relation, column: c };
          this.columnSet.set(originKey(o), o);
          out.push({ name: c, from: [o] });
        }
      } else this.unknownStars.push(src.relation.name);
    }
    return out;
  }

  private textOf(node: any): string {
    const r = node.range as [number, number] | undefined;
    return r ? this.text.slice(r[0], r[1]) : 'expr';
  }
}

/** The parts of a sql-parser-cst expression node (names and subqueries are the caller's); see lineage-carry.ts. */
function cstParts(node: any): Part[] {
  switch (node.type) {
    case 'binary_expr': {
      const op = operatorText(node.operator);
      // `x COLLATE nocase`: the value is x's; the collation is a name, not a column.
      if (op === 'COLLATE') return [{ node: node.left, carries: true }];
      const carries = !PREDICATE_OPERATORS.has(op);
      return [
        { node: node.left, carries },
        { node: node.right, carries },
      ];
    }
    case 'prefix_op_expr':
      return [{ node: node.expr, carries: !PREDICATE_PREFIXES.has(operatorText(node.operator)) }];
    case 'postfix_op_expr': // ISNULL, NOTNULL, NOT NULL
    case 'between_expr':
      return Object.entries(node)
        .filter(([k, v]) => k !== 'range' && v && typeof v === 'object')
        .map(([, v]) => ({ node: v, carries: false }));
    case 'func_call': {
      const name = (namePath(node.name).at(-1) ?? '').toLowerCase();
      const carries = !NON_CARRYING_FUNCTIONS.has(name);
      const inner = node.args?.type === 'paren_expr' ? node.args.expr : undefined;
      // STRING_AGG(x, ',' ORDER BY y LIMIT n): the arguments are the value, ORDER BY only orders it.
      const args: Part[] =
        inner?.type === 'func_args'
          ? [
              ...(Array.isArray(inner.args?.items)
                ? argumentParts(name, inner.args.items, carries)
                : [{ node: inner.args, carries }]),
              { node: inner.orderBy, carries: false },
              { node: inner.limit, carries: false },
            ]
          : [{ node: node.args, carries }];
      return [...args, { node: node.filter, carries: false }, { node: node.over, carries: false }];
    }
    case 'case_expr':
      return [
        { node: node.expr, carries: false },
        ...(Array.isArray(node.clauses) ? node.clauses : []).flatMap((arm: any) => [
          { node: arm?.condition, carries: false },
          { node: arm?.result, carries: true },
        ]),
      ];
    case 'alias':
      return [{ node: node.expr, carries: true }];
    default:
      return Object.entries(node)
        .filter(([k, v]) => k !== 'range' && v && typeof v === 'object')
        .map(([, v]) => ({ node: v, carries: true }));
  }
}
