/** Small pieces the product access modules share. */
import type { Relation } from '../../catalog/model.js';
import type { ReadAuthority, ResolvedRule } from '../../catalog/product-rules.js';
import { PUBLIC } from '../../catalog/privileges.js';
import type { AccessVerdict } from '../resolver.js';
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
export function viewBases(ctx: ProductContext, view: Relation): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const def = view.view;
  if (!def) return used;
  const idOf = (q: { database?: string; schema?: string; name: string }) =>
    `${q.database ?? view.database}.${q.schema ?? view.schema}.${q.name}`;
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
