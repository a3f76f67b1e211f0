/**
 * Which principals might read a relation at all — a cheap, conservative pre-filter in front of the
 * exact check (PrincipalAccess.canReadRelation), so explaining blocked relations costs
 * O(grants + candidates) per relation instead of O(principals × columns).
 *
 * An ordinary role reads a column of R only with a SELECT grant on R or one of its columns (outside
 * PostgreSQL also on R's schema `db.*` or database `*.*`) held by a role whose privileges it has,
 * or PUBLIC. Principals that may read without a grant naming R — unrestricted ones, ones acting as
 * no role, ones that can become a superuser, and ones holding a predefined `pg_*` role (such as
 * pg_read_all_data) — are candidates for every relation. The filter may keep a principal that
 * cannot read R (the exact check follows), never drop one that can: test/scale checks this
 * against the exact answer for every principal and relation.
 */
import type { Catalog, RelationId } from '../catalog/model.js';
import { PUBLIC, scopeKey } from '../catalog/privileges.js';
import type { Principal } from '../access/principals.js';
import type { AccessResolver } from '../access/resolver.js';
import { isVendorDialect } from '../dialect.js';
import { nth } from '../indexed.js';

export class ReaderIndex {
  /** Indexes (into principals) of principals that need no grant. */
  private readonly always: number[] = [];
  /** grantee → indexes of principals whose privileges include the grantee's. */
  private readonly byGrantee = new Map<string, number[]>();
  /** scope key → grantees of SELECT on it. */
  private readonly selectGrantees = new Map<string, Set<string>>();
  /** relation → grantees of SELECT on one of its columns. */
  private readonly columnGrantees = new Map<RelationId, Set<string>>();
  /** relation → candidate readers, memoised for the hot path (mightRead). */
  private readonly candidateSets = new Map<RelationId, Set<Principal>>();
  private readonly candidateLists = new Map<RelationId, readonly Principal[]>();

  constructor(
    private readonly catalog: Catalog,
    private readonly principals: Principal[],
    resolver: AccessResolver,
  ) {
    principals.forEach((p, i) => {
      const held = new Set<string>();
      let free = p.kind === 'unrestricted' || p.roles.length === 0;
      for (const role of free ? [] : p.roles) {
        for (const r of role === PUBLIC ? [PUBLIC] : resolver.settableRoles(role)) {
          if (resolver.isSuperuser(r)) free = true;
          for (const g of resolver.privilegeRoles(r)) held.add(g);
        }
      }
      for (const g of held) if (g.startsWith('pg_')) free = true;
      if (free) {
        this.always.push(i);
        return;
      }
      for (const g of held) {
        let list = this.byGrantee.get(g);
        if (!list) this.byGrantee.set(g, (list = []));
        list.push(i);
      }
    });
    for (const g of catalog.grants) {
      // A function is read with EXECUTE on it (scope 'function'), a relation with SELECT.
      // MySQL/MariaDB grant EXECUTE on `db.*` and `*.*` too (kept with SELECT there: only ever more candidates).
      const execute = g.privilege === 'EXECUTE' && ['function', 'schema-tables', 'database'].includes(g.scope.kind);
      if (g.privilege !== 'SELECT' && !execute) continue;
      const [map, key] =
        g.scope.kind === 'column' ? [this.columnGrantees, g.scope.relation] : [this.selectGrantees, scopeKey(g.scope)];
      let set = map.get(key);
      if (!set) map.set(key, (set = new Set()));
      set.add(g.grantee);
    }
  }

  /**
   * False only when the principal certainly reads no column of the relation: a cheap test in
   * front of the exact check when walking the link graph (most edges lead to relations a
   * principal has no grant on).
   */
  mightRead(p: Principal, relationId: RelationId): boolean {
    let set = this.candidateSets.get(relationId);
    if (!set) this.candidateSets.set(relationId, (set = new Set(this.candidates(relationId))));
    return set.has(p);
  }

  /** Principals that might read some column of the relation, in the order they were given (memoised). */
  candidates(relationId: RelationId): readonly Principal[] {
    let list = this.candidateLists.get(relationId);
    if (!list) this.candidateLists.set(relationId, (list = this.pick(relationId)));
    return list;
  }

  private pick(relationId: RelationId): Principal[] {
    const rel = this.catalog.relations.get(relationId);
    if (!rel) return [];
    // Oracle, SQL Server and Db2 read without a grant naming R too (SELECT ANY TABLE, DATAACCESS,
    // fixed database roles, schema owners, logins mapped to users): every principal is a candidate.
    if (isVendorDialect(rel.dialect)) return this.principals;
    const grantees = new Set<string>();
    const add = (set: Set<string> | undefined) => set?.forEach((g) => grantees.add(g));
    add(
      this.selectGrantees.get(scopeKey({ kind: rel.kind === 'function' ? 'function' : 'relation', relation: rel.id })),
    );
    add(this.columnGrantees.get(rel.id));
    if (rel.dialect !== 'postgresql') {
      add(this.selectGrantees.get(scopeKey({ kind: 'schema-tables', database: rel.database, schema: rel.schema })));
      add(this.selectGrantees.get(scopeKey({ kind: 'database', database: rel.database })));
    }
    const picked = new Set<number>(this.always);
    for (const g of grantees) for (const i of this.byGrantee.get(g) ?? []) picked.add(i);
    return [...picked].sort((a, b) => a - b).map((i) => nth(this.principals, i));
  }
}
