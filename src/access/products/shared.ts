/** Small pieces the product access modules share. */
import { type Relation, type RelationId, relationIdOf } from '../../catalog/model.js';
import type { ReadAuthority, ResolvedRule } from '../../catalog/product-rules.js';
import { PUBLIC } from '../../catalog/privileges.js';
import type { AccessVerdict } from '../resolver.js';
import { refused } from '../evidence.js';
import type { ProductContext } from './index.js';

export const ALLOWED: AccessVerdict = { allowed: true };

/** Who holds an authority after replaying its GRANTs and REVOKEs in order. */
export function authorityHolders(rules: readonly ResolvedRule[], authority: ReadAuthority): Set<string> {
  const holders = new Set<string>();
  for (const { rule } of rules) {
    if (rule.kind !== 'authority' || rule.authority !== authority) continue;
    for (const p of rule.principals) {
      if (rule.revoke) holders.delete(p);
      else holders.add(p);
    }
  }
  return holders;
}

/** The roles whose privileges `role` uses (itself, the roles granted to it, transitively) and PUBLIC. */
export function privilegeDomain(ctx: ProductContext, role: string): Set<string> {
  return new Set([...ctx.graph.inherited(role), PUBLIC]);
}

/** Whether any role of the domain holds SELECT at this scope. */
export function holdsSelect(
  ctx: ProductContext,
  domain: Set<string>,
  scope: Parameters<ProductContext['grantsAt']>[0],
): boolean {
  return ctx.grantsAt(scope).some((g) => (g.privilege === 'SELECT' || g.privilege === 'ALL') && domain.has(g.grantee));
}

/** Base relations a view reads (resolved ids), with the columns its query uses of each. */
export function viewBases(ctx: ProductContext, view: Relation): Map<RelationId, Set<string>> {
  const used = new Map<RelationId, Set<string>>();
  const def = view.view;
  if (!def) return used;
  const idOf = (q: { database?: string; schema?: string; name: string }) => relationIdOf(q, view);
  const use = (q: { database?: string; schema?: string; name: string }, column?: string) => {
    const id = idOf(q);
    if (!used.has(id)) used.set(id, new Set());
    if (column && column !== '*') used.get(id)!.add(column);
  };
  for (const q of def.reads) use(q);
  for (const src of def.readsColumns) use(src.relation, src.column);
  for (const vc of def.columns) for (const src of vc.from) use(src.relation, src.column);
  for (const id of [...used.keys()]) if (!ctx.catalog.relations.has(id)) used.delete(id);
  return used;
}

/** Whether any role of the domain holds EXECUTE on the routine, its schema or its database. */
export function holdsExecute(ctx: ProductContext, domain: Set<string>, fn: Relation): boolean {
  const scopes: Parameters<ProductContext['grantsAt']>[0][] = [
    { kind: 'function', relation: fn.id },
    { kind: 'schema-tables', database: fn.database, schema: fn.schema },
    { kind: 'database', database: fn.database },
  ];
  return scopes.some((s) =>
    ctx.grantsAt(s).some((g) => (g.privilege === 'EXECUTE' || g.privilege === 'ALL') && domain.has(g.grantee)),
  );
}

/** Refusal of a routine to a role without EXECUTE on it. */
export function noExecute(role: string, fn: Relation): AccessVerdict {
  return refused('no-execute-privilege', fn.id, {
    key: 'no-execute',
    role,
    relation: fn.id,
    routine: fn.routine?.kind ?? 'function',
  });
}

/**
 * A routine's returned column as the body reads it: each base column it carries, checked by
 * `canRead` (as the role the body runs as); the first refusal is the answer.
 */
export function bodyReads(
  ctx: ProductContext,
  fn: Relation,
  column: string,
  canRead: (base: Relation, column: string) => AccessVerdict,
): AccessVerdict {
  const vc = fn.view?.columns.find((c) => c.name === column);
  for (const src of vc?.from ?? []) {
    const base = ctx.catalog.relations.get(relationIdOf(src.relation, fn));
    if (!base || base.id === fn.id) continue;
    const v = canRead(base, src.column);
    if (!v.allowed) return v;
  }
  return ALLOWED;
}
