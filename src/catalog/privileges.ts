/**
 * Privilege state as PostgreSQL keeps it: ACL entries (grantee, grantor, privilege, grant option)
 * per object, memberships with their INHERIT/SET/ADMIN options, default privileges. The builder
 * calls it in source order. Only the privileges that decide reading are kept: SELECT on relations
 * and columns, USAGE on schemas, CONNECT on databases (and SELECT at MySQL's `db.*` / `*.*`).
 */
import type { Grant, GrantScope, Membership, PrivilegeName, Role } from './model.js';

/** The role that owns objects created by the loading superuser (no SET ROLE, no OWNER TO). */
export const BOOTSTRAP_OWNER = '';
export const PUBLIC = 'PUBLIC';

export function scopeKey(scope: GrantScope): string {
  switch (scope.kind) {
    case 'relation': return `r:${scope.relation}`;
    case 'column': return `c:${scope.relation}\u0000${scope.column}`;
    case 'schema': return `s:${scope.database}.${scope.schema}`;
    case 'schema-tables': return `t:${scope.database}.${scope.schema}`;
    case 'database': return `d:${scope.database}`;
  }
}

interface AclEntry {
  scope: GrantScope;
  privilege: PrivilegeName;
  grantee: string;
  grantor: string;
  grantOption: boolean;
}

interface DefaultAclEntry {
  forRole: string;
  schema?: string;
  database: string;
  privilege: PrivilegeName;
  grantee: string;
  grantOption: boolean;
  isGrant: boolean;
}

export class PrivilegeState {
  readonly roles = new Map<string, Role & { declared: boolean }>();
  /** key: `${role}\u0000${member}\u0000${grantor}` */
  readonly memberships = new Map<string, Membership>();
  /** scopeKey → entryKey → entry */
  private readonly acl = new Map<string, Map<string, AclEntry>>();
  private readonly defaults: DefaultAclEntry[] = [];

  ensureRole(name: string): void {
    if (!name || name === PUBLIC || name === 'CURRENT_USER' || this.roles.has(name)) return;
    this.roles.set(name, { name, login: false, superuser: false, bypassRls: false, inherit: true, declared: false });
  }

  createRole(r: { name: string; login?: boolean; superuser?: boolean; bypassRls?: boolean; inherit?: boolean }): void {
    this.roles.set(r.name, {
      name: r.name, login: !!r.login, superuser: !!r.superuser, bypassRls: !!r.bypassRls,
      inherit: r.inherit ?? true, declared: true,
    });
  }

  alterRole(name: string, attrs: { login?: boolean; superuser?: boolean; bypassRls?: boolean; inherit?: boolean }): void {
    this.ensureRole(name);
    const r = this.roles.get(name);
    if (!r) return;
    if (attrs.login !== undefined) r.login = attrs.login;
    if (attrs.superuser !== undefined) r.superuser = attrs.superuser;
    if (attrs.bypassRls !== undefined) r.bypassRls = attrs.bypassRls;
    if (attrs.inherit !== undefined) r.inherit = attrs.inherit;
  }

  renameRole(from: string, to: string): void {
    const r = this.roles.get(from);
    if (r) {
      this.roles.delete(from);
      this.roles.set(to, { ...r, name: to });
    }
    const swap = (x: string) => (x === from ? to : x);
    for (const [k, m] of [...this.memberships]) {
      this.memberships.delete(k);
      const n = { ...m, role: swap(m.role), member: swap(m.member), grantor: m.grantor === undefined ? undefined : swap(m.grantor) };
      this.memberships.set(membershipKey(n), n);
    }
    for (const entries of this.acl.values()) {
      for (const [k, e] of [...entries]) {
        if (e.grantee !== from && e.grantor !== from) continue;
        entries.delete(k);
        const n = { ...e, grantee: swap(e.grantee), grantor: swap(e.grantor) };
        entries.set(entryKey(n), n);
      }
    }
    for (const d of this.defaults) {
      d.forRole = swap(d.forRole);
      d.grantee = swap(d.grantee);
    }
  }

  dropRole(name: string): void {
    this.roles.delete(name);
    for (const [k, m] of [...this.memberships]) if (m.role === name || m.member === name) this.memberships.delete(k);
    for (const entries of this.acl.values()) {
      for (const [k, e] of [...entries]) if (e.grantee === name) entries.delete(k);
    }
  }

  grantRole(role: string, member: string, opts: { inherit?: boolean; set?: boolean; admin?: boolean; grantor?: string }): void {
    this.ensureRole(role);
    this.ensureRole(member);
    const grantor = opts.grantor ?? BOOTSTRAP_OWNER;
    const key = membershipKey({ role, member, grantor });
    const existing = this.memberships.get(key);
    if (existing) {
      // Granting again changes only the options that are written.
      if (opts.inherit !== undefined) { existing.inherit = opts.inherit; existing.inheritSpecified = true; }
      if (opts.set !== undefined) existing.set = opts.set;
      if (opts.admin) existing.admin = true;
      return;
    }
    const memberInherits = this.roles.get(member)?.inherit ?? true;
    this.memberships.set(key, {
      role, member, grantor,
      // PostgreSQL 16+: an unspecified INHERIT takes the member's INHERIT attribute at grant time.
      inherit: opts.inherit ?? memberInherits,
      inheritSpecified: opts.inherit !== undefined,
      set: opts.set ?? true,
      admin: !!opts.admin,
    });
  }

  revokeRole(role: string, member: string, optionOnly?: 'inherit' | 'set' | 'admin'): void {
    for (const [k, m] of [...this.memberships]) {
      if (m.role !== role || m.member !== member) continue;
      if (!optionOnly) this.memberships.delete(k);
      else if (optionOnly === 'inherit') { m.inherit = false; m.inheritSpecified = true; }
      else if (optionOnly === 'set') m.set = false;
      else m.admin = false;
    }
  }

  grant(scope: GrantScope, privilege: PrivilegeName, grantee: string, grantor: string, grantOption: boolean): void {
    this.ensureRole(grantee);
    const key = scopeKey(scope);
    let entries = this.acl.get(key);
    if (!entries) this.acl.set(key, (entries = new Map()));
    const e: AclEntry = { scope, privilege, grantee, grantor, grantOption };
    const k = entryKey(e);
    const old = entries.get(k);
    entries.set(k, { ...e, grantOption: grantOption || !!old?.grantOption });
  }

  /**
   * REVOKE of `privilege` on `scope` from `grantee`, as granted by `grantor` (undefined: any
   * grantor). Returns the dependent grants that block a RESTRICT revoke (empty when it applied).
   */
  revoke(scope: GrantScope, privilege: PrivilegeName, grantee: string, grantor: string | undefined, grantOptionOnly: boolean, cascade: boolean): AclEntry[] {
    const entries = this.acl.get(scopeKey(scope));
    if (!entries) return [];
    const targets = [...entries.values()].filter(
      (e) => e.privilege === privilege && e.grantee === grantee && (grantor === undefined || e.grantor === grantor),
    );
    if (targets.length === 0) return [];
    // Grants the grantee made with the option it loses depend on it.
    const remainingOption = [...entries.values()].some(
      (e) => e.privilege === privilege && e.grantee === grantee && e.grantOption && !targets.includes(e),
    );
    const dependents = remainingOption || grantee === PUBLIC
      ? []
      : [...entries.values()].filter((e) => e.privilege === privilege && e.grantor === grantee);
    if (dependents.length && !cascade) return dependents;
    for (const t of targets) {
      if (grantOptionOnly) t.grantOption = false;
      else entries.delete(entryKey(t));
    }
    for (const d of dependents) this.revoke(scope, privilege, d.grantee, grantee, false, true);
    return [];
  }

  /** Whether `role` holds the grant option (directly) for privilege on scope. */
  hasGrantOption(scope: GrantScope, privilege: PrivilegeName, role: string): boolean {
    const entries = this.acl.get(scopeKey(scope));
    if (!entries) return false;
    for (const e of entries.values()) if (e.privilege === privilege && e.grantee === role && e.grantOption) return true;
    return false;
  }

  entriesOf(scope: GrantScope): AclEntry[] {
    return [...(this.acl.get(scopeKey(scope))?.values() ?? [])];
  }

  /** Drops every entry of a scope (object dropped). */
  clear(scope: GrantScope): void {
    this.acl.delete(scopeKey(scope));
  }

  /** Moves entries to a new scope (object renamed). */
  move(from: GrantScope, to: GrantScope): void {
    const entries = this.acl.get(scopeKey(from));
    if (!entries) return;
    this.acl.delete(scopeKey(from));
    const moved = new Map<string, AclEntry>();
    for (const e of entries.values()) {
      const n = { ...e, scope: to };
      moved.set(entryKey(n), n);
    }
    this.acl.set(scopeKey(to), moved);
  }

  /** ALTER … OWNER TO: the old owner's entries (as grantee and grantor) pass to the new owner. */
  changeOwner(scope: GrantScope, from: string, to: string): void {
    const entries = this.acl.get(scopeKey(scope));
    if (!entries) return;
    for (const [k, e] of [...entries]) {
      if (e.grantee !== from && e.grantor !== from) continue;
      entries.delete(k);
      const n = { ...e, grantee: e.grantee === from ? to : e.grantee, grantor: e.grantor === from ? to : e.grantor };
      const nk = entryKey(n);
      const old = entries.get(nk);
      entries.set(nk, { ...n, grantOption: n.grantOption || !!old?.grantOption });
    }
  }

  addDefault(d: DefaultAclEntry): void {
    this.defaults.push(d);
  }

  /** ALTER DEFAULT PRIVILEGES entries that apply to a table created by `creator` in schema. */
  defaultsFor(database: string, schema: string, creator: string): DefaultAclEntry[] {
    return this.defaults.filter((d) => d.database === database && d.forRole === creator && (d.schema === undefined || d.schema === schema));
  }

  /** Final state, for the catalog. */
  grants(): Grant[] {
    const out: Grant[] = [];
    for (const entries of this.acl.values()) {
      for (const e of entries.values()) {
        out.push({ scope: e.scope, privilege: e.privilege, grantee: e.grantee, grantor: e.grantor, grantOption: e.grantOption });
      }
    }
    return out;
  }
}

function membershipKey(m: { role: string; member: string; grantor?: string }): string {
  return `${m.role}\u0000${m.member}\u0000${m.grantor ?? ''}`;
}

function entryKey(e: { privilege: string; grantee: string; grantor: string }): string {
  return `${e.privilege}\u0000${e.grantee}\u0000${e.grantor}`;
}
