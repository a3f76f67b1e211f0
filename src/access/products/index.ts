/**
 * Access semantics of the products whose rules differ from PostgreSQL's, one module each, chosen
 * by the database's dialect behind the resolver's one `canSelect` question:
 * - oracle.ts: object privileges to users, roles and PUBLIC; no column SELECT; schema = owner;
 *   SELECT ANY TABLE; VPD policies (row filters and column masking) as assumptions.
 * - sqlserver.ts: GRANT/DENY/REVOKE with DENY's precedence and its column-level exception,
 *   schema and database scopes, fixed database roles, ownership chaining, Dynamic Data Masking.
 * - db2.ts: privileges to users, groups and roles, PUBLIC, DATAACCESS, RCAC masks and permissions.
 */
import {
  type Catalog,
  type ColumnId,
  columnId,
  type Grant,
  type GrantScope,
  type Relation,
  type RelationId,
  relationIdOf,
} from '../../catalog/model.js';
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
  /**
   * What `owner` may read inside the definer's rights routine `routine` when this differs from
   * its session's rights (Oracle disables roles there); the resolver's canSelect otherwise.
   */
  canSelectAsDefiner?(owner: string, routine: Relation, relation: Relation, column: string): AccessVerdict;
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
  if (rules.length === 0 && relation.dialect !== 'oracle') return [];
  const reads = readsThroughViews(catalog, relation);
  const out = new Set<string>(linkUserAssumptions(catalog, reads));
  let carried: Set<string> | undefined;
  for (const { rule, relation: id } of rules) {
    if (!id || !reads.has(id)) continue;
    if (
      rule.kind === 'mask' &&
      id !== relation.id &&
      !(carried ??= carriedColumns(catalog, relation)).has(columnId(id, rule.column))
    )
      continue;
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

/**
 * Oracle: a connected-user link (no CONNECT TO) logs on to the remote database as the user who
 * is connected, and a CONNECT TO CURRENT_USER link as the current user ("If you omit this clause,
 * then the database link uses the user name and password of each user who is connected to the
 * database. This is called a connected user database link"; CURRENT_USER "creates a current user
 * database link", which needs a global user: SQL Language Reference 19c, CREATE DATABASE LINK,
 * https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/CREATE-DATABASE-LINK.html).
 * spif checks the remote side as the user of the same name there: an assumption the verdict states.
 */
function linkUserAssumptions(catalog: Catalog, reads: Set<RelationId>): string[] {
  const out: string[] = [];
  for (const id of reads) {
    const link = catalog.relations.get(id)?.foreign?.link;
    if (link && link.connect !== 'fixed') out.push(`database-link-same-user:${link.name}:${link.connect}`);
  }
  return out;
}

/** The relation and every relation its view reads, through views of views. */
function readsThroughViews(catalog: Catalog, relation: Relation): Set<RelationId> {
  const reads = new Set<RelationId>([relation.id]);
  const queue = [relation];
  while (queue.length) {
    const r = queue.shift()!;
    for (const q of r.view?.reads ?? []) {
      const id = relationIdOf(q, r);
      const base = catalog.relations.get(id);
      if (base && !reads.has(id)) {
        reads.add(id);
        queue.push(base);
      }
    }
  }
  return reads;
}

/** Base columns (`relation.column`) whose values a view's columns carry, through views of views. */
function carriedColumns(catalog: Catalog, relation: Relation): Set<ColumnId> {
  const out = new Set<ColumnId>();
  const walk = (r: Relation, column: string, depth: number) => {
    const vc = r.view?.columns.find((c) => c.name === column);
    if (!vc || depth > 64) return;
    for (const src of vc.from) {
      const id = relationIdOf(src.relation, r);
      out.add(columnId(id, src.column));
      const base = catalog.relations.get(id);
      if (base?.view) walk(base, src.column, depth + 1);
    }
  };
  for (const c of relation.view?.columns ?? []) walk(relation, c.name, 0);
  return out;
}
