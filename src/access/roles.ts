/**
 * Role membership as PostgreSQL walks it for one session: whose privileges a role uses without
 * SET ROLE (has_privs_of_role), and which roles it may SET ROLE to (member_can_set_role).
 *
 * PostgreSQL 16+: each membership grant carries its own INHERIT and SET options (an unspecified
 * INHERIT took the member's INHERIT attribute *when the grant was made*; that is resolved by the
 * catalog builder). PostgreSQL 15 and older: a membership is inherited when the member role has
 * the INHERIT attribute *now*, and every membership allows SET ROLE.
 */
import type { Catalog, Membership } from '../catalog/model.js';
import { BOOTSTRAP_OWNER } from '../catalog/privileges.js';

export class RoleGraph {
  private readonly memberOf = new Map<string, Membership[]>();
  private readonly inheritCache = new Map<string, Set<string>>();
  private readonly setCache = new Map<string, Set<string>>();

  constructor(
    private readonly catalog: Catalog,
    readonly postgresVersion: number,
  ) {
    for (const m of catalog.memberships) {
      let list = this.memberOf.get(m.member);
      if (!list) this.memberOf.set(m.member, (list = []));
      list.push(m);
    }
  }

  isSuperuser(role: string): boolean {
    return role === BOOTSTRAP_OWNER || !!this.catalog.roles.get(role)?.superuser;
  }

  bypassesRowSecurity(role: string): boolean {
    return this.isSuperuser(role) || !!this.catalog.roles.get(role)?.bypassRls;
  }

  /** roles_is_member_of(role, ROLERECURSE_PRIVS): the role and every role whose privileges it inherits. */
  inherited(role: string): ReadonlySet<string> {
    let set = this.inheritCache.get(role);
    if (set) return set;
    set = new Set([role]);
    const queue = [role];
    while (queue.length) {
      const r = queue.shift()!;
      // PostgreSQL 15: a NOINHERIT role passes on nothing, whatever the grants say.
      if (this.postgresVersion < 16 && !(this.catalog.roles.get(r)?.inherit ?? true)) continue;
      for (const m of this.memberOf.get(r) ?? []) {
        if (this.postgresVersion >= 16 && !m.inherit) continue;
        if (!set.has(m.role)) {
          set.add(m.role);
          queue.push(m.role);
        }
      }
    }
    this.inheritCache.set(role, set);
    return set;
  }

  /** has_privs_of_role: a superuser has the privileges of every role. */
  hasPrivsOf(member: string, role: string): boolean {
    return member === role || this.isSuperuser(member) || this.inherited(member).has(role);
  }

  /** member_can_set_role, for every target: the roles `role` may SET ROLE to (itself included). */
  settable(role: string): ReadonlySet<string> {
    let set = this.setCache.get(role);
    if (set) return set;
    if (this.isSuperuser(role)) {
      set = new Set([role, ...this.catalog.roles.keys()]);
    } else {
      set = new Set([role]);
      const queue = [role];
      while (queue.length) {
        const r = queue.shift()!;
        for (const m of this.memberOf.get(r) ?? []) {
          if (this.postgresVersion >= 16 && !m.set) continue;
          if (!set.has(m.role)) {
            set.add(m.role);
            queue.push(m.role);
          }
        }
      }
    }
    this.setCache.set(role, set);
    return set;
  }
}
