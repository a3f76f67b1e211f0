/**
 * Which columns of which base relations a view or routine body uses: what a privilege check on the
 * view's definer (or invoker) must cover. Shared by the PostgreSQL resolver and the MySQL rules.
 */
import { type Relation, type RelationId, relationIdOf } from '../catalog/model.js';

export function usedColumns(rel: Relation): Map<RelationId, Set<string>> {
  const view = rel.view!;
  const used = new Map<RelationId, Set<string>>();
  const idOf = (q: { database?: string; schema?: string; name: string }) => relationIdOf(q, rel);
  for (const q of view.reads) if (!used.has(idOf(q))) used.set(idOf(q), new Set());
  const use = (q: { database?: string; schema?: string; name: string }, column: string) => {
    const id = idOf(q);
    if (!used.has(id)) used.set(id, new Set());
    if (column !== '*') used.get(id)!.add(column);
  };
  for (const src of view.readsColumns) use(src.relation, src.column);
  // `SELECT *` was expanded when the view was created: its columns are the view's own lineage.
  for (const vc of view.columns) for (const src of vc.from) use(src.relation, src.column);
  return used;
}
