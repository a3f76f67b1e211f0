/**
 * Access semantics of the products whose rules differ from PostgreSQL's, one module each, chosen
 * by the database's dialect behind the resolver's one `canSelect` question:
 * - oracle.ts: object privileges to users, roles and PUBLIC; no column SELECT; schema = owner;
 *   SELECT ANY TABLE; VPD policies (row filters and column masking) as assumptions.
 * - sqlserver.ts: GRANT/DENY/REVOKE with DENY's precedence and its column-level exception,
 *   schema and database scopes, fixed database roles, ownership chaining, Dynamic Data Masking.
 * - db2.ts: privileges to users, groups and roles, PUBLIC, DATAACCESS, RCAC masks and permissions.
 */
import type { Catalog, Grant, GrantScope, Relation } from '../../catalog/model.js';
import type { Dialect } from '../../dialect.js';
import type { ResolvedRule } from '../../catalog/product-rules.js';
import type { AccessVerdict } from '../resolver.js';
import type { RoleGraph } from '../roles.js';
import { db2Access } from './db2.js';
import { oracleAccess } from './oracle.js';
import { sqlServerAccess } from './sqlserver.js';

export interface ProductContext {
  catalog: Catalog;
  graph: RoleGraph;
  /** Grants recorded for one scope (relation, column, schema-tables, database). */
  grantsAt(scope: GrantScope): readonly Grant[];
  /** The product rules of one database, in source order. */
  rules: readonly ResolvedRule[];
}

export interface ProductAccess {
  canSelect(role: string, relation: Relation, column: string): AccessVerdict;
  /** Whether a product rule takes EXECUTE on the routine away from R whatever R is granted (SQL Server's DENY). */
  executeDenied?(role: string, routine: Relation): boolean;
}

type Factory = (ctx: ProductContext) => ProductAccess;

const PRODUCTS: Partial<Record<Dialect, Factory>> = {
  oracle: oracleAccess,
  sqlserver: sqlServerAccess,
  db2: db2Access,
};

/** One access module per product database in the catalog, by database name. */
export function productAccess(
  catalog: Catalog,
  graph: RoleGraph,
  grantsAt: ProductContext['grantsAt'],
): Map<string, ProductAccess> {
  const out = new Map<string, ProductAccess>();
  for (const db of catalog.databases.values()) {
    const factory = PRODUCTS[db.dialect];
    if (!factory) continue;
    const rules = (catalog.productRules ?? []).filter((r) => r.database === db.name);
    out.set(db.name, factory({ catalog, graph, grantsAt, rules }));
  }
  return out;
}

/**
 * What a product's documentation leaves open for a relation, as assumption codes for the report
 * (rendered by report/messages.ts): VPD policies, masks and row filters whose predicate spif
 * cannot evaluate, on the relation or on a relation its view reads.
 */
export function productAssumptions(catalog: Catalog, relation: Relation): string[] {
  const rules = catalog.productRules ?? [];
  if (rules.length === 0) return [];
  const reads = new Set<string>([relation.id]);
  const queue = [relation];
  while (queue.length) {
    const r = queue.shift()!;
    for (const q of r.view?.reads ?? []) {
      const id = `${q.database ?? r.database}.${q.schema ?? r.schema}.${q.name}`;
      const base = catalog.relations.get(id);
      if (base && !reads.has(id)) {
        reads.add(id);
        queue.push(base);
      }
    }
  }
  const out = new Set<string>();
  const carried = carriedColumns(catalog, relation);
  for (const { rule, relation: id } of rules) {
    if (!id || !reads.has(id)) continue;
    if (rule.kind === 'mask' && id !== relation.id && !carried.has(`${id}.${rule.column}`)) continue;
    if (rule.kind === 'row-filter' && rule.enabled && !rule.drop)
      out.add(`row-filter-unevaluated:${rule.product}:${rule.name}:${id}`);
    if (rule.kind === 'mask' && !rule.drop) {
      out.add(
        rule.product === 'vpd-column'
          ? `vpd-column-mask-unevaluated:${rule.name ?? ''}:${id}.${rule.column}`
          : `mask-inference:${id}.${rule.column}`,
      );
    }
  }
  return [...out].sort();
}

/** Base columns (`relation.column`) whose values a view's columns carry, through views of views. */
function carriedColumns(catalog: Catalog, relation: Relation): Set<string> {
  const out = new Set<string>();
  const walk = (r: Relation, column: string, depth: number) => {
    const vc = r.view?.columns.find((c) => c.name === column);
    if (!vc || depth > 64) return;
    for (const src of vc.from) {
      const id = `${src.relation.database ?? r.database}.${src.relation.schema ?? r.schema}.${src.relation.name}`;
      out.add(`${id}.${src.column}`);
      const base = catalog.relations.get(id);
      if (base?.view) walk(base, src.column, depth + 1);
    }
  };
  for (const c of relation.view?.columns ?? []) walk(relation, c.name, 0);
  return out;
}
