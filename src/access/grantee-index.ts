/**
 * Who holds a privilege on a scope: grantees per (scope, privilege) in nested maps keyed by the
 * catalog's own strings (relation id, database, schema, column). The resolver asks this millions
 * of times on a large estate; a key string built per question (`r:<relation id>`) cost more than
 * the answer, since a fresh string is hashed again on every lookup.
 */
import type { GrantScope, RelationId } from '../catalog/model.js';

type ByPrivilege = Map<string, Set<string>>;

export class GranteeIndex {
  private readonly relation = new Map<RelationId, ByPrivilege>();
  private readonly function = new Map<RelationId, ByPrivilege>();
  private readonly database = new Map<string, ByPrivilege>();
  private readonly column = new Map<RelationId, Map<string, ByPrivilege>>();
  private readonly schema = new Map<string, Map<string, ByPrivilege>>();
  private readonly schemaTables = new Map<string, Map<string, ByPrivilege>>();

  add(scope: GrantScope, privilege: string, grantee: string): void {
    const byPrivilege = this.slot(scope, true)!;
    let grantees = byPrivilege.get(privilege);
    if (!grantees) byPrivilege.set(privilege, (grantees = new Set<string>()));
    grantees.add(grantee);
  }

  /** The grantees of `privilege` on exactly this scope (none: undefined). */
  grantees(scope: GrantScope, privilege: string): ReadonlySet<string> | undefined {
    return this.slot(scope, false)?.get(privilege);
  }

  private slot(scope: GrantScope, create: boolean): ByPrivilege | undefined {
    switch (scope.kind) {
      case 'relation':
        return one(this.relation, scope.relation, create);
      case 'function':
        return one(this.function, scope.relation, create);
      case 'database':
        return one(this.database, scope.database, create);
      case 'column':
        return two(this.column, scope.relation, scope.column, create);
      case 'schema':
        return two(this.schema, scope.database, scope.schema, create);
      case 'schema-tables':
        return two(this.schemaTables, scope.database, scope.schema, create);
    }
  }
}

function one<K>(map: Map<K, ByPrivilege>, key: K, create: boolean): ByPrivilege | undefined {
  let slot = map.get(key);
  if (!slot && create) map.set(key, (slot = new Map<string, Set<string>>()));
  return slot;
}

function two<K>(
  map: Map<K, Map<string, ByPrivilege>>,
  key: K,
  inner: string,
  create: boolean,
): ByPrivilege | undefined {
  let byInner = map.get(key);
  if (!byInner) {
    if (!create) return undefined;
    map.set(key, (byInner = new Map<string, ByPrivilege>()));
  }
  return one(byInner, inner, create);
}
