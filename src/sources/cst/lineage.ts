/**
 * View column lineage over sql-parser-cst syntax trees (SQLite, BigQuery): for each output
 * column the base columns it carries unchanged, every relation read, every base column read.
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
      const path = namePath(expr);
      // `(SELECT x FROM t WHERE …)` used as a value carries the column it yields.
      const sub = expr.type === 'paren_expr' && expr.expr?.type === 'select_stmt' ? expr.expr : undefined;
      if (!sub) this.expr(expr, scope, local);
      const from = isRef ? this.resolve(path, scope) : sub ? (this.query(sub, scope, local)[0]?.from ?? []) : [];
      const name = alias ?? (isRef ? path.at(-1)! : this.textOf(expr));
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
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) this.expr(n, scope, ctes);
      return;
    }
    switch (node.type) {
      case 'keyword':
      case 'data_type_name':
      case 'all_columns':
        return;
      case 'identifier':
      case 'member_expr':
        this.resolve(namePath(node), scope);
        return;
      case 'func_call':
        this.expr(node.args, scope, ctes);
        this.expr(node.filter, scope, ctes);
        this.expr(node.over, scope, ctes);
        return;
      case 'select_stmt':
      case 'compound_select_stmt':
        this.query(node, scope, ctes);
        return;
      case 'alias':
        this.expr(node.expr, scope, ctes);
        return;
    }
    for (const [k, v] of Object.entries(node))
      if (k !== 'range' && v && typeof v === 'object') this.expr(v, scope, ctes);
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
