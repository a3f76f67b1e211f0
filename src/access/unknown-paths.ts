/**
 * "Unknown" paths: routes to the number spif cannot follow, reported on every relation they could
 * affect instead of being ignored. Today: a SECURITY DEFINER function or procedure whose body
 * spif could not read (dynamic EXECUTE, a language other than SQL and PL/pgSQL, a parse error).
 * It runs with its owner's rights, so whoever may EXECUTE it may get any column its owner may
 * read: each such relation carries `unknown-path:<function>:<reason>` until a person checks it.
 * An unread SECURITY INVOKER body is no path: it reads with the caller's own rights.
 */
import type { Catalog, Relation, RelationId } from '../catalog/model.js';
import { PUBLIC } from '../catalog/privileges.js';
import type { Principal } from './principals.js';
import type { AccessResolver } from './resolver.js';

export interface UnknownPath {
  /** The function or procedure (a relation id of kind 'function'). */
  via: RelationId;
  reason: string;
  /** Principals that may execute it. */
  executors: string[];
  /** Relations its owner may read: what it could hand out. */
  relations: RelationId[];
}

export function findUnknownPaths(catalog: Catalog, resolver: AccessResolver, principals: Principal[]): UnknownPath[] {
  const out: UnknownPath[] = [];
  for (const fn of catalog.relations.values()) {
    const r = fn.routine;
    if (!r || r.analysed || !r.securityDefiner) continue;
    const executors = principals.filter((p) => mayExecute(catalog, resolver, p, fn)).map((p) => p.name);
    if (executors.length === 0) continue;
    const owner = fn.owner ?? '';
    const relations = [...catalog.relations.values()]
      .filter(
        (x) =>
          x.kind !== 'function' &&
          x.database === fn.database &&
          x.columns.some((c) => resolver.canSelect(owner, x.id, c.name).allowed),
      )
      .map((x) => x.id);
    out.push({ via: fn.id, reason: r.unanalysedReason ?? 'its body was not read', executors, relations });
  }
  return out;
}

/** The assumption codes per relation (`unknown-path:<function>:<reason>`; ':' in the reason is replaced). */
export function unknownPathAssumptions(paths: UnknownPath[]): Map<RelationId, string[]> {
  const out = new Map<RelationId, string[]>();
  for (const p of paths) {
    const code = `unknown-path:${p.via}:${p.reason.replace(/:/g, ' —')}:${p.executors.join(', ')}`;
    for (const id of p.relations) {
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(code);
    }
  }
  return out;
}

function mayExecute(catalog: Catalog, resolver: AccessResolver, p: Principal, fn: Relation): boolean {
  if (p.kind === 'unrestricted' || p.roles.length === 0) return true;
  // MySQL/MariaDB also grant EXECUTE per database (`db.*`) and globally (`*.*`).
  const granted = new Set(
    catalog.grants
      .filter(
        (g) =>
          g.privilege === 'EXECUTE' &&
          ((g.scope.kind === 'function' && g.scope.relation === fn.id) ||
            (g.scope.kind === 'schema-tables' && g.scope.database === fn.database && g.scope.schema === fn.schema) ||
            (g.scope.kind === 'database' && g.scope.database === fn.database && fn.dialect !== 'postgresql')),
      )
      .map((g) => g.grantee),
  );
  return p.roles.some((role) => {
    const roles = role === PUBLIC ? [PUBLIC] : [...resolver.settableRoles(role)];
    return roles.some(
      (r) =>
        resolver.isSuperuser(r) || granted.has(PUBLIC) || [...resolver.privilegeRoles(r)].some((x) => granted.has(x)),
    );
  });
}
