/**
 * "Can role R read column C of relation T?" answered as PostgreSQL answers `SET ROLE R; SELECT C
 * FROM T`: privileges of R and of the roles it inherits from (and PUBLIC), schema USAGE, column
 * grants, views checked with the owner's rights (or the caller's for security_invoker), and row
 * level security that leaves no row. Other dialects map onto the same checks (see docs/access-control.md).
 */
import type { Catalog, Grant, GrantScope, Membership, Relation, RelationId, Role } from '../catalog/model.js';
import { BOOTSTRAP_OWNER, PUBLIC, scopeKey } from '../catalog/privileges.js';

export type BlockControl =
  | 'no-table-privilege'
  | 'no-column-privilege'
  | 'no-schema-usage'
  | 'database-not-connectable'
  | 'row-security-denies'
  | 'view-owner-lacks-privilege'
  | 'unknown-relation';

export type AccessVerdict =
  | { allowed: true }
  | { allowed: false; control: BlockControl; at: string; detail: string };

export interface AccessResolverOptions {
  /** 16+ (default): INHERIT is a property of each membership grant; 15: of the member role. */
  postgresVersion?: number;
}

export interface AccessResolver {
  /** Session semantics: R logged in as itself, with inherited privileges, no SET ROLE. */
  canSelect(role: string, relation: RelationId, column: string): AccessVerdict;
  canConnect(role: string, database: string): boolean;
  /** Roles whose privileges R uses without SET ROLE (itself, inherited roles, PUBLIC). */
  privilegeRoles(role: string): ReadonlySet<string>;
  /** Roles R may become by SET ROLE (itself included). */
  settableRoles(role: string): ReadonlySet<string>;
  isSuperuser(role: string): boolean;
}

const ALLOWED: AccessVerdict = { allowed: true };

export function createAccessResolver(catalog: Catalog, options: AccessResolverOptions = {}): AccessResolver {
  return new Resolver(catalog, options.postgresVersion ?? 16);
}

class Resolver implements AccessResolver {
  /** scopeKey → grants (SELECT/USAGE/CONNECT only) */
  private readonly byScope = new Map<string, Grant[]>();
  /** member → memberships where it is the member */
  private readonly memberOf = new Map<string, Membership[]>();
  private readonly inheritCache = new Map<string, Set<string>>();
  private readonly setCache = new Map<string, Set<string>>();
  private readonly verdictCache = new Map<string, AccessVerdict>();

  constructor(private readonly catalog: Catalog, private readonly postgresVersion: number) {
    for (const g of catalog.grants) {
      const k = scopeKey(g.scope);
      let list = this.byScope.get(k);
      if (!list) this.byScope.set(k, (list = []));
      list.push(g);
    }
    for (const m of catalog.memberships) {
      let list = this.memberOf.get(m.member);
      if (!list) this.memberOf.set(m.member, (list = []));
      list.push(m);
    }
  }

  private role(name: string): Role | undefined {
    return this.catalog.roles.get(name);
  }

  isSuperuser(role: string): boolean {
    return role === BOOTSTRAP_OWNER || !!this.role(role)?.superuser;
  }

  privilegeRoles(role: string): ReadonlySet<string> {
    let set = this.inheritCache.get(role);
    if (set) return set;
    set = new Set([role, PUBLIC]);
    const stack = [role];
    while (stack.length) {
      const r = stack.pop()!;
      for (const m of this.memberOf.get(r) ?? []) {
        // PostgreSQL 15 reads the member's INHERIT attribute; 16+ the option of each grant.
        const inherits = this.postgresVersion >= 16 ? m.inherit : this.role(r)?.inherit ?? true;
        if (inherits && !set.has(m.role)) {
          set.add(m.role);
          stack.push(m.role);
        }
      }
    }
    this.inheritCache.set(role, set);
    return set;
  }

  settableRoles(role: string): ReadonlySet<string> {
    let set = this.setCache.get(role);
    if (set) return set;
    set = new Set([role]);
    const stack = [role];
    while (stack.length) {
      const r = stack.pop()!;
      for (const m of this.memberOf.get(r) ?? []) {
        const can = this.postgresVersion >= 16 ? m.set : true;
        if (can && !set.has(m.role)) {
          set.add(m.role);
          stack.push(m.role);
        }
      }
    }
    this.setCache.set(role, set);
    return set;
  }

  private holds(roles: ReadonlySet<string>, scope: GrantScope, privilege: string): boolean {
    for (const g of this.byScope.get(scopeKey(scope)) ?? []) {
      if (g.privilege === privilege && roles.has(g.grantee)) return true;
    }
    return false;
  }

  canConnect(role: string, database: string): boolean {
    const db = this.catalog.databases.get(database);
    if (!db || db.dialect !== 'postgresql' || this.isSuperuser(role)) return true;
    return this.holds(this.privilegeRoles(role), { kind: 'database', database }, 'CONNECT');
  }

  canSelect(role: string, relation: RelationId, column: string): AccessVerdict {
    const key = `${role}\u0000${relation}\u0000${column}`;
    let v = this.verdictCache.get(key);
    if (!v) {
      v = this.check(role, relation, column, new Set());
      this.verdictCache.set(key, v);
    }
    return v;
  }

  private check(role: string, relationId: RelationId, column: string, visiting: Set<string>): AccessVerdict {
    const rel = this.catalog.relations.get(relationId);
    const at = `${relationId}.${column}`;
    if (!rel || !rel.columns.some((c) => c.name === column)) {
      return { allowed: false, control: 'unknown-relation', at, detail: `${at} is not defined` };
    }
    if (this.isSuperuser(role)) return ALLOWED;
    const roles = this.privilegeRoles(role);

    if (rel.dialect === 'postgresql') {
      const schema = this.catalog.databases.get(rel.database)?.schemas.get(rel.schema);
      // A schema the sources never create cannot be checked: USAGE is assumed (reported as an assumption).
      if (schema?.declared && !this.holds(roles, { kind: 'schema', database: rel.database, schema: rel.schema }, 'USAGE')) {
        return { allowed: false, control: 'no-schema-usage', at: `${rel.database}.${rel.schema}`, detail: `${role} has no USAGE on schema ${rel.schema}` };
      }
    }

    const tableGrant = this.holds(roles, { kind: 'relation', relation: rel.id }, 'SELECT')
      || this.holds(roles, { kind: 'schema-tables', database: rel.database, schema: rel.schema }, 'SELECT')
      || (rel.dialect !== 'postgresql' && this.holds(roles, { kind: 'database', database: rel.database }, 'SELECT'));
    if (!tableGrant && !this.holds(roles, { kind: 'column', relation: rel.id, column }, 'SELECT')) {
      const someColumn = rel.columns.some((c) => this.holds(roles, { kind: 'column', relation: rel.id, column: c.name }, 'SELECT'));
      return someColumn
        ? { allowed: false, control: 'no-column-privilege', at, detail: `${role} may SELECT other columns of ${rel.id} but not ${column}` }
        : { allowed: false, control: 'no-table-privilege', at: rel.id, detail: `${role} has no SELECT on ${rel.id}` };
    }

    if (rel.view && !rel.view.materialized) {
      const viewVerdict = this.checkViewBase(rel, role, column, visiting);
      if (!viewVerdict.allowed) return viewVerdict;
    }
    return this.checkRowSecurity(rel, role, roles);
  }

  /** A view reads its base relations with its owner's rights, or the caller's when security_invoker. */
  private checkViewBase(view: Relation, role: string, column: string, visiting: Set<string>): AccessVerdict {
    if (visiting.has(view.id)) return ALLOWED; // a cycle can't be created in the engine; don't loop
    const next = new Set(visiting).add(view.id);
    const checkAs = view.view!.securityInvoker ? role : view.owner ?? BOOTSTRAP_OWNER;
    const vc = view.view!.columns.find((c) => c.name === column);
    // The engine checks every base column the view's query uses, whichever view column is selected.
    const needed = view.view!.readsColumns.length ? view.view!.readsColumns : vc?.from ?? [];
    for (const src of needed) {
      const baseId = `${src.relation.database}.${src.relation.schema}.${src.relation.name}`;
      if (!this.catalog.relations.has(baseId)) continue; // unknown base: reported at build time
      const v = this.check(checkAs, baseId, src.column, next);
      if (!v.allowed) {
        return v.control === 'row-security-denies'
          ? v
          : { allowed: false, control: view.view!.securityInvoker ? v.control : 'view-owner-lacks-privilege', at: v.at, detail: view.view!.securityInvoker ? v.detail : `view ${view.id} is read with its owner's rights: ${v.detail}` };
      }
    }
    // Base tables under row security filter the view's rows too (as the checking role).
    for (const q of view.view!.reads) {
      const base = this.catalog.relations.get(`${q.database}.${q.schema}.${q.name}`);
      if (!base || base.kind !== 'table') continue;
      const v = this.checkRowSecurity(base, checkAs, this.privilegeRoles(checkAs));
      if (!v.allowed) return v;
    }
    return ALLOWED;
  }

  private checkRowSecurity(rel: Relation, role: string, roles: ReadonlySet<string>): AccessVerdict {
    if (!rel.rowSecurity || rel.dialect !== 'postgresql') return ALLOWED;
    if (this.isSuperuser(role) || this.role(role)?.bypassRls) return ALLOWED;
    const owns = rel.owner !== undefined && roles.has(rel.owner);
    if (owns && !rel.forceRowSecurity) return ALLOWED;
    const applies = (p: { roles: string[]; command: string }) =>
      (p.command === 'all' || p.command === 'select') && p.roles.some((r) => r === PUBLIC || roles.has(r));
    const permissive = rel.policies.filter((p) => p.permissive && applies(p));
    const restrictive = rel.policies.filter((p) => !p.permissive && applies(p));
    const at = rel.id;
    if (permissive.length === 0) {
      return { allowed: false, control: 'row-security-denies', at, detail: `row level security on ${rel.id} has no policy for ${role}: no row is visible` };
    }
    if (permissive.every((p) => p.usingFalse)) {
      return { allowed: false, control: 'row-security-denies', at, detail: `every policy on ${rel.id} that applies to ${role} is USING (false)` };
    }
    const denying = restrictive.find((p) => p.usingFalse);
    if (denying) {
      return { allowed: false, control: 'row-security-denies', at, detail: `restrictive policy ${denying.name} on ${rel.id} is USING (false)` };
    }
    return ALLOWED;
  }
}
