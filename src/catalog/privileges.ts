/**
 * Privilege state as PostgreSQL keeps it, replayed statement by statement: an ACL per object
 * (relation, column, schema, database) made of items (grantee, grantor, privileges, grant
 * options), role memberships with their INHERIT/SET/ADMIN options and grantor, and default
 * privileges. The algorithms follow PostgreSQL's own (src/backend/utils/adt/acl.c,
 * catalog/aclchk.c, commands/user.c): acldefault, aclupdate with recursive revoke,
 * select_best_grantor, aclnewowner, SetDefaultACL, select_best_admin and plan_recursive_revoke.
 * That is what makes "who may read" exact after GRANT … WITH GRANT OPTION chains, REVOKE …
 * CASCADE, owner changes and grants issued by non-superusers.
 *
 * MySQL/MariaDB scopes (`db.*`, `*.*`) use the simple `grant`/`revoke` entry points.
 */
import type { Grant, GrantScope, Membership, PrivilegeName, Role } from './model.js';
import { nth } from '../indexed.js';

/** The loading superuser (the session that runs the scripts) and the bootstrap superuser. */
export const BOOTSTRAP_OWNER = '';
export const PUBLIC = 'PUBLIC';

export function scopeKey(scope: GrantScope): string {
  switch (scope.kind) {
    case 'relation':
      return `r:${scope.relation}`;
    case 'column':
      return `c:${scope.relation}\u0000${scope.column}`;
    case 'schema':
      return `s:${scope.database}.${scope.schema}`;
    case 'schema-tables':
      return `t:${scope.database}.${scope.schema}`;
    case 'database':
      return `d:${scope.database}`;
    case 'function':
      return `f:${scope.relation}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Privilege bits (PostgreSQL's AclMode values).

const P = {
  INSERT: 1 << 0,
  SELECT: 1 << 1,
  UPDATE: 1 << 2,
  DELETE: 1 << 3,
  TRUNCATE: 1 << 4,
  REFERENCES: 1 << 5,
  TRIGGER: 1 << 6,
  EXECUTE: 1 << 7,
  USAGE: 1 << 8,
  CREATE: 1 << 9,
  TEMPORARY: 1 << 10,
  CONNECT: 1 << 11,
  MAINTAIN: 1 << 14,
} as const;

/** ALL for each kind of object. MAINTAIN exists from PostgreSQL 17. */
function allRights(kind: GrantScope['kind'], version: number): number {
  switch (kind) {
    case 'relation':
    case 'schema-tables':
      return (
        P.INSERT |
        P.SELECT |
        P.UPDATE |
        P.DELETE |
        P.TRUNCATE |
        P.REFERENCES |
        P.TRIGGER |
        (version >= 17 ? P.MAINTAIN : 0)
      );
    case 'column':
      return P.INSERT | P.SELECT | P.UPDATE | P.REFERENCES;
    case 'schema':
      return P.USAGE | P.CREATE;
    case 'database':
      return P.CREATE | P.TEMPORARY | P.CONNECT;
    case 'function':
      return P.EXECUTE;
  }
}

function privilegeBits(name: string, kind: GrantScope['kind'], version: number): number {
  const n = name.toUpperCase();
  if (n === 'ALL' || n === 'ALL PRIVILEGES') return allRights(kind, version);
  if (n === 'TEMP') return P.TEMPORARY;
  return (P as Record<string, number>)[n] ?? 0;
}

const BIT_NAMES = Object.entries(P) as [PrivilegeName, number][];
/** The privileges the catalog reports (the ones that decide reading). */
const READ_BITS: Record<GrantScope['kind'], number> = {
  relation: P.SELECT,
  column: P.SELECT,
  schema: P.USAGE,
  // MySQL/MariaDB `db.*` and `*.*` also carry EXECUTE on routines (PostgreSQL has none there).
  'schema-tables': P.SELECT | P.EXECUTE,
  database: P.CONNECT | P.SELECT | P.EXECUTE,
  function: P.EXECUTE,
};

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/** One ACL item: what `grantee` got from `grantor`. `goptions` ⊆ `privs`. */
export interface AclItem {
  grantee: string;
  grantor: string;
  privs: number;
  goptions: number;
}

interface AclObject {
  kind: GrantScope['kind'];
  scope: GrantScope;
  /** Undefined for columns (their owner is the relation's) and for MySQL scopes. */
  owner?: string;
  /** null: never granted or revoked, i.e. the built-in default (acldefault). */
  acl: AclItem[] | null;
}

/** The legacy entry shape (kept for callers that list entries). */
export interface AclEntry {
  scope: GrantScope;
  privilege: PrivilegeName;
  grantee: string;
  grantor: string;
  grantOption: boolean;
}

interface DefaultAclEntry {
  /** ON TABLES (relations) or ON FUNCTIONS (functions and procedures: the same default ACL). */
  objectKind?: 'relation' | 'function';
  forRole: string;
  schema?: string;
  database: string;
  privilege: PrivilegeName;
  grantee: string;
  grantOption: boolean;
  isGrant: boolean;
}

/** What a GRANT/REVOKE statement asks for, for the PostgreSQL path. */
export interface PgGrantRequest {
  objects: { scope: GrantScope; owner?: string; columns?: string[] }[];
  privileges: { privilege: string; columns?: string[] }[];
  grantees: string[];
  isGrant: boolean;
  /** GRANT … WITH GRANT OPTION, or REVOKE GRANT OPTION FOR. */
  grantOption: boolean;
  cascade: boolean;
  /** The role running the statement (SET ROLE), BOOTSTRAP_OWNER for the loading superuser. */
  acting: string;
  /** An explicit grantor (GRANTED BY, or a catalog dump's recorded grantor): used as is. */
  grantor?: string;
}

export type RoleState = Role & { declared: boolean };

export class PrivilegeState {
  readonly roles = new Map<string, RoleState>();
  /** key: `${role}\u0000${member}\u0000${grantor}` — PostgreSQL 16 keeps one row per grantor. */
  readonly memberships = new Map<string, Membership>();
  private readonly objects = new Map<string, AclObject>();
  /** ALTER DEFAULT PRIVILEGES: `${database}\u0000${forRole}\u0000${schema ?? ''}` → the stored ACL. */
  private readonly defaultAcls = new Map<string, AclItem[]>();
  /** Role creation order: PostgreSQL walks memberships in role OID order. */
  private readonly roleOrder = new Map<string, number>();
  private nextOid = 1;
  /** inheritedRoles() results; cleared whenever roles or memberships change. */
  private readonly inheritCache = new Map<string, string[]>();

  constructor(readonly postgresVersion = 16) {}

  // -------------------------------------------------------------------------------------------
  // Roles and memberships

  private assignOid(name: string): void {
    if (!this.roleOrder.has(name)) this.roleOrder.set(name, this.nextOid++);
  }

  ensureRole(name: string): void {
    if (!name || name === PUBLIC || name === 'CURRENT_USER' || this.roles.has(name)) return;
    this.assignOid(name);
    this.roles.set(name, { name, login: false, superuser: false, bypassRls: false, inherit: true, declared: false });
  }

  createRole(r: { name: string; login?: boolean; superuser?: boolean; bypassRls?: boolean; inherit?: boolean }): void {
    this.inheritCache.clear();
    this.assignOid(r.name);
    this.roles.set(r.name, {
      name: r.name,
      login: !!r.login,
      superuser: !!r.superuser,
      bypassRls: !!r.bypassRls,
      inherit: r.inherit ?? true,
      declared: true,
    });
  }

  alterRole(
    name: string,
    attrs: { login?: boolean; superuser?: boolean; bypassRls?: boolean; inherit?: boolean },
  ): void {
    this.inheritCache.clear();
    this.ensureRole(name);
    const r = this.roles.get(name);
    if (!r) return;
    if (attrs.login !== undefined) r.login = attrs.login;
    if (attrs.superuser !== undefined) r.superuser = attrs.superuser;
    if (attrs.bypassRls !== undefined) r.bypassRls = attrs.bypassRls;
    if (attrs.inherit !== undefined) r.inherit = attrs.inherit;
  }

  renameRole(from: string, to: string): void {
    this.inheritCache.clear();
    const r = this.roles.get(from);
    if (r) {
      this.roles.delete(from);
      this.roles.set(to, { ...r, name: to });
    }
    const oid = this.roleOrder.get(from);
    if (oid !== undefined) {
      this.roleOrder.delete(from);
      this.roleOrder.set(to, oid);
    }
    const swap = (x: string) => (x === from ? to : x);
    for (const [k, m] of [...this.memberships]) {
      this.memberships.delete(k);
      const n = {
        ...m,
        role: swap(m.role),
        member: swap(m.member),
        grantor: m.grantor === undefined ? undefined : swap(m.grantor),
      };
      this.memberships.set(membershipKey(n), n);
    }
    for (const o of this.objects.values()) {
      if (o.owner === from) o.owner = to;
      for (const item of o.acl ?? []) {
        item.grantee = swap(item.grantee);
        item.grantor = swap(item.grantor);
      }
    }
    for (const [k, acl] of [...this.defaultAcls]) {
      for (const item of acl) {
        item.grantee = swap(item.grantee);
        item.grantor = swap(item.grantor);
      }
      const { database: db, forRole, schema, kind } = parseDefaultKey(k);
      if (forRole === from) {
        this.defaultAcls.delete(k);
        this.defaultAcls.set(defaultKey(db, to, schema, kind), acl);
      }
    }
  }

  /** DROP ROLE. PostgreSQL refuses while the role owns objects or holds privileges; memberships go with it. */
  dropRole(name: string): void {
    this.inheritCache.clear();
    this.roles.delete(name);
    for (const [k, m] of [...this.memberships]) if (m.role === name || m.member === name) this.memberships.delete(k);
    for (const o of this.objects.values()) {
      if (o.acl) o.acl = o.acl.filter((e) => e.grantee !== name);
    }
  }

  isSuperuser(role: string): boolean {
    return role === BOOTSTRAP_OWNER || !!this.roles.get(role)?.superuser;
  }

  /** Membership rows where `member` is the member, in the order PostgreSQL walks them (role OID, grantor OID). */
  private rowsOfMember(member: string): Membership[] {
    const order = (r: string | undefined) =>
      r === undefined || r === BOOTSTRAP_OWNER ? 0 : (this.roleOrder.get(r) ?? Number.MAX_SAFE_INTEGER);
    return [...this.memberships.values()]
      .filter((m) => m.member === member)
      .sort((a, b) => order(a.role) - order(b.role) || order(a.grantor) - order(b.grantor));
  }

  /**
   * roles_is_member_of(role, ROLERECURSE_PRIVS): the role itself, then every role whose privileges
   * it inherits, breadth first. With `adminOf`, also the first role on the way that holds ADMIN
   * OPTION on it (select_best_admin).
   */
  inheritedRoles(role: string, adminOf?: string): { roles: string[]; admin?: string } {
    const cached = adminOf === undefined ? this.inheritCache.get(role) : undefined;
    if (cached) return { roles: cached };
    const roles = [role];
    let admin: string | undefined;
    for (let i = 0; i < roles.length; i++) {
      const r = nth(roles, i);
      if (this.postgresVersion < 16 && !(this.roles.get(r)?.inherit ?? true)) continue;
      for (const m of this.rowsOfMember(r)) {
        if (adminOf !== undefined && m.role === adminOf && m.admin && admin === undefined) admin = r;
        if (this.postgresVersion >= 16 && !m.inherit) continue;
        if (!roles.includes(m.role)) roles.push(m.role);
      }
    }
    if (adminOf === undefined) this.inheritCache.set(role, roles);
    return { roles, admin };
  }

  /** has_privs_of_role: a superuser has the privileges of every role. */
  hasPrivsOfRole(member: string, role: string): boolean {
    if (member === role || this.isSuperuser(member)) return true;
    return this.inheritedRoles(member).roles.includes(role);
  }

  /** The grantor PostgreSQL records for GRANT/REVOKE role run by `acting` (check_role_grantor). */
  private roleGrantor(acting: string, role: string): string {
    if (this.isSuperuser(acting)) return BOOTSTRAP_OWNER;
    if (acting === role) return acting;
    return this.inheritedRoles(acting, role).admin ?? acting;
  }

  /**
   * GRANT role TO member. `grantor` is the role running the statement (or GRANTED BY); the row is
   * recorded under the grantor PostgreSQL would pick. An existing row from the same grantor only
   * has the options that are written changed.
   */
  grantRole(
    role: string,
    member: string,
    opts: { inherit?: boolean; set?: boolean; admin?: boolean; grantor?: string },
  ): void {
    this.inheritCache.clear();
    this.ensureRole(role);
    this.ensureRole(member);
    const grantor =
      this.postgresVersion >= 16 ? this.roleGrantor(opts.grantor ?? BOOTSTRAP_OWNER, role) : BOOTSTRAP_OWNER;
    const key = membershipKey({ role, member, grantor });
    const existing = this.memberships.get(key);
    if (existing) {
      if (opts.inherit !== undefined) {
        existing.inherit = opts.inherit;
        existing.inheritSpecified = true;
      }
      if (opts.set !== undefined) existing.set = opts.set;
      if (opts.admin !== undefined) existing.admin = opts.admin;
      return;
    }
    const memberInherits = this.roles.get(member)?.inherit ?? true;
    this.memberships.set(key, {
      role,
      member,
      grantor,
      // PostgreSQL 16+: an unspecified INHERIT takes the member's INHERIT attribute at grant time.
      inherit: opts.inherit ?? memberInherits,
      inheritSpecified: opts.inherit !== undefined,
      set: opts.set ?? true,
      admin: !!opts.admin,
    });
  }

  /**
   * REVOKE [option FOR] role FROM member, run by `acting`: PostgreSQL 16 removes the row granted by
   * the grantor it picks for `acting`; losing ADMIN OPTION takes the grants the member made with it
   * (CASCADE; without CASCADE the engine refuses, so such a statement never ran).
   */
  revokeRole(
    role: string,
    member: string,
    optionOnly?: 'inherit' | 'set' | 'admin',
    acting: string = BOOTSTRAP_OWNER,
    _cascade = false,
  ): void {
    this.inheritCache.clear();
    if (this.postgresVersion < 16) {
      // One row per (role, member) before 16: REVOKE removes it whoever granted it.
      for (const [k, m] of [...this.memberships]) {
        if (m.role !== role || m.member !== member) continue;
        if (!optionOnly) this.memberships.delete(k);
        else if (optionOnly === 'inherit') {
          m.inherit = false;
          m.inheritSpecified = true;
        } else if (optionOnly === 'set') m.set = false;
        else m.admin = false;
      }
      return;
    }
    const grantor = this.roleGrantor(acting, role);
    const rows = [...this.memberships.values()].filter((m) => m.role === role);
    const target = rows.find((m) => m.member === member && (m.grantor ?? BOOTSTRAP_OWNER) === grantor);
    if (!target) return; // "has not been granted membership … by …": a warning, nothing changes
    if (optionOnly === 'inherit') {
      target.inherit = false;
      target.inheritSpecified = true;
      return;
    }
    if (optionOnly === 'set') {
      target.set = false;
      return;
    }
    const actions = new Map<Membership, 'delete' | 'remove-admin'>();
    const plan = (row: Membership, adminOnly: boolean) => {
      if (actions.get(row) === 'delete') return;
      if (actions.get(row) === 'remove-admin' && adminOnly) return;
      if (!adminOnly) {
        actions.set(row, 'delete');
        if (!row.admin) return;
      } else {
        if (!row.admin) return;
        actions.set(row, 'remove-admin');
      }
      const stillAdmin = rows.some((o) => o.member === row.member && o.admin && !actions.has(o));
      if (stillAdmin) return;
      for (const o of rows) if (o.grantor === row.member && actions.get(o) !== 'delete') plan(o, false);
    };
    plan(target, optionOnly === 'admin');
    for (const [row, action] of actions) {
      if (action === 'delete') this.memberships.delete(membershipKey(row));
      else row.admin = false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Objects and their ACLs

  private object(scope: GrantScope): AclObject {
    const key = scopeKey(scope);
    let o = this.objects.get(key);
    if (!o) {
      o = { kind: scope.kind, scope, acl: scope.kind === 'column' || scope.kind === 'schema-tables' ? [] : null };
      this.objects.set(key, o);
    }
    return o;
  }

  private ownerOf(o: AclObject): string {
    if (o.scope.kind === 'column')
      return this.objects.get(scopeKey({ kind: 'relation', relation: o.scope.relation }))?.owner ?? BOOTSTRAP_OWNER;
    return o.owner ?? BOOTSTRAP_OWNER;
  }

  /**
   * acldefault: the owner holds everything (with grant option); columns start empty; PUBLIC may
   * connect to databases and EXECUTE functions and procedures ("PostgreSQL grants … EXECUTE
   * privilege for functions and procedures" to PUBLIC by default: docs, 5.8 Privileges).
   */
  private aclDefault(kind: GrantScope['kind'], owner: string): AclItem[] {
    if (kind === 'column' || kind === 'schema-tables') return [];
    const all = allRights(kind, this.postgresVersion);
    const items: AclItem[] = [{ grantee: owner, grantor: owner, privs: all, goptions: all }];
    if (kind === 'database')
      items.unshift({ grantee: PUBLIC, grantor: owner, privs: P.CONNECT | P.TEMPORARY, goptions: 0 });
    if (kind === 'function') items.unshift({ grantee: PUBLIC, grantor: owner, privs: P.EXECUTE, goptions: 0 });
    return items;
  }

  private effectiveAcl(o: AclObject): AclItem[] {
    if (!o.acl) o.acl = this.aclDefault(o.kind, this.ownerOf(o));
    return o.acl;
  }

  /**
   * A new object owned by `owner`. Relations get the creator's default privileges (ALTER DEFAULT
   * PRIVILEGES … ON TABLES, which covers views too) for their schema.
   */
  createObject(scope: GrantScope, owner: string, where?: { database: string; schema: string }): void {
    const o: AclObject = { kind: scope.kind, scope, owner, acl: null };
    this.objects.set(scopeKey(scope), o);
    if ((scope.kind === 'relation' || scope.kind === 'function') && where)
      o.acl = this.userDefaultAcl(where.database, where.schema, owner, scope.kind);
  }

  /** A MySQL/MariaDB routine: nobody holds EXECUTE on it until granted (its definer neither). */
  createObjectWithoutDefaults(scope: GrantScope, owner: string): void {
    this.objects.set(scopeKey(scope), { kind: scope.kind, scope, owner, acl: [] });
  }

  /** get_user_default_acl: the global entry (or the built-in default) merged with the schema's entry. */
  private userDefaultAcl(
    database: string,
    schema: string,
    owner: string,
    kind: 'relation' | 'function' = 'relation',
  ): AclItem[] | null {
    const global = this.defaultAcls.get(defaultKey(database, owner, undefined, kind));
    const perSchema = this.defaultAcls.get(defaultKey(database, owner, schema, kind));
    if (!global && !perSchema) return null;
    let acl = cloneAcl(global ?? this.aclDefault(kind, owner));
    for (const item of perSchema ?? []) acl = this.aclUpdate(acl, { ...item }, 'add', owner, false).acl;
    return acl;
  }

  /** ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT|REVOKE privilege ON TABLES. */
  addDefault(d: DefaultAclEntry): void {
    const kind = d.objectKind ?? 'relation';
    const key = defaultKey(d.database, d.forRole, d.schema, kind);
    // A global entry replaces the built-in default; a per-schema entry only adds to it.
    const old = this.defaultAcls.get(key) ?? (d.schema === undefined ? this.aclDefault(kind, d.forRole) : []);
    const bits = privilegeBits(d.privilege, kind, this.postgresVersion);
    const item: AclItem = {
      grantee: d.grantee,
      grantor: d.forRole,
      privs: d.isGrant || !d.grantOption ? bits : 0,
      goptions: !d.isGrant || d.grantOption ? bits : 0,
    };
    const acl = this.aclUpdate(cloneAcl(old), item, d.isGrant ? 'add' : 'del', d.forRole, true).acl;
    const isDefault = d.schema === undefined ? aclEqual(acl, this.aclDefault(kind, d.forRole)) : acl.length === 0;
    if (isDefault) this.defaultAcls.delete(key);
    else this.defaultAcls.set(key, acl);
  }

  /** Kept for callers of v1: the default entries are folded into stored ACLs now. */
  defaultsFor(_database: string, _schema: string, _creator: string): DefaultAclEntry[] {
    return [];
  }

  /**
   * aclupdate: add or remove privilege bits of one (grantee, grantor) item. Losing grant options
   * revokes what the grantee granted with them (recursive_revoke); `blocked` reports the dependent
   * grants that make a RESTRICT revoke fail.
   */
  private aclUpdate(
    acl: AclItem[],
    mod: AclItem,
    mode: 'add' | 'del',
    owner: string,
    cascade: boolean,
  ): { acl: AclItem[]; blocked: boolean } {
    const out = cloneAcl(acl);
    let i = out.findIndex((e) => e.grantee === mod.grantee && e.grantor === mod.grantor);
    if (i < 0) {
      out.push({ grantee: mod.grantee, grantor: mod.grantor, privs: 0, goptions: 0 });
      i = out.length - 1;
    }
    const item = nth(out, i);
    const oldGoptions = item.goptions;
    if (mode === 'add') {
      item.privs |= mod.privs | mod.goptions;
      item.goptions |= mod.goptions;
    } else {
      item.privs &= ~mod.privs;
      item.goptions &= ~(mod.goptions | mod.privs);
    }
    item.goptions &= item.privs;
    if (item.privs === 0 && item.goptions === 0) out.splice(i, 1);
    const lost = oldGoptions & ~item.goptions;
    if (lost && mod.grantee !== PUBLIC) return this.recursiveRevoke(out, mod.grantee, lost, owner, cascade);
    return { acl: out, blocked: false };
  }

  private recursiveRevoke(
    acl: AclItem[],
    grantee: string,
    revoke: number,
    owner: string,
    cascade: boolean,
  ): { acl: AclItem[]; blocked: boolean } {
    // The owner can never truly lose grant options.
    if (grantee === owner) return { acl, blocked: false };
    // The grantee may still hold the options through another grantor or a role it inherits.
    revoke &= ~this.aclMask(acl, grantee, owner, 0, revoke).goptions;
    if (!revoke) return { acl, blocked: false };
    for (;;) {
      const dependent = acl.find((e) => e.grantor === grantee && (e.privs & revoke) !== 0);
      if (!dependent) return { acl, blocked: false };
      if (!cascade) return { acl, blocked: true };
      const r = this.aclUpdate(
        acl,
        { grantee: dependent.grantee, grantor: grantee, privs: revoke, goptions: revoke },
        'del',
        owner,
        cascade,
      );
      acl = r.acl;
    }
  }

  /** aclmask: privileges and grant options `role` has in an ACL, directly, via PUBLIC or inherited roles. */
  aclMask(
    acl: AclItem[],
    role: string,
    owner: string,
    privMask: number,
    goptMask: number,
  ): { privs: number; goptions: number } {
    let privs = 0;
    let goptions = 0;
    // The owner (and whoever has the owner's privileges) implicitly holds every grant option.
    if (goptMask && this.hasPrivsOfRole(role, owner)) goptions = goptMask;
    for (const e of acl) {
      if (e.grantee === PUBLIC || e.grantee === role || this.hasPrivsOfRole(role, e.grantee)) {
        privs |= e.privs & privMask;
        goptions |= e.goptions & goptMask;
      }
    }
    return { privs, goptions };
  }

  /**
   * select_best_grantor: a superuser or the owner grants as the owner; anyone else as the role it
   * inherits from that holds the needed grant options directly (else the one holding most of them).
   */
  private bestGrantor(
    acting: string,
    needed: number,
    acl: AclItem[],
    owner: string,
  ): { grantor: string; goptions: number } {
    if (acting === owner || this.isSuperuser(acting)) return { grantor: owner, goptions: needed };
    let best = { grantor: acting, goptions: 0 };
    let bestCount = 0;
    for (const r of this.inheritedRoles(acting).roles) {
      let g = r === owner ? needed : 0;
      for (const e of acl) if (e.grantee === r) g |= e.goptions & needed;
      if (g === needed) return { grantor: r, goptions: g };
      if (g && popcount(g) > bestCount) {
        best = { grantor: r, goptions: g };
        bestCount = popcount(g);
      }
    }
    return best;
  }

  /**
   * GRANT/REVOKE on relations, columns, schemas and databases, as ExecGrant_Relation /
   * ExecGrant_Attribute / ExecGrant_common do it. Returns the object of each REVOKE that PostgreSQL
   * would refuse ("dependent privileges exist": the statement then changes nothing).
   */
  pgGrantOrRevoke(req: PgGrantRequest): string[] {
    const problems: string[] = [];
    for (const obj of req.objects) {
      const kind = obj.scope.kind;
      const o = this.objects.get(scopeKey(obj.scope)) ?? this.registerExisting(obj.scope, obj.owner);
      const owner = this.ownerOf(o);
      let whole = 0;
      const columnPrivs = new Map<string, number>();
      for (const p of req.privileges) {
        if (p.columns && kind === 'relation') {
          const bits = privilegeBits(p.privilege, 'column', this.postgresVersion);
          for (const c of p.columns) columnPrivs.set(c, (columnPrivs.get(c) ?? 0) | bits);
        } else {
          whole |= privilegeBits(p.privilege, kind, this.postgresVersion);
        }
      }
      const before = new Map<string, AclItem[] | null>();
      const snapshot = (key: string) => {
        if (!before.has(key))
          before.set(
            key,
            this.objects.get(key)?.acl ? cloneAcl(this.objects.get(key)!.acl!) : (this.objects.get(key)?.acl ?? null),
          );
      };
      let blocked = false;
      if (whole) {
        snapshot(scopeKey(obj.scope));
        const acl = this.effectiveAcl(o);
        const { grantor, goptions } =
          req.grantor !== undefined
            ? { grantor: req.grantor, goptions: whole }
            : this.bestGrantor(req.acting, whole, acl, owner);
        const rights = whole & goptions; // what this grantor may grant or revoke
        if (rights) {
          const r = this.mergeGrant(acl, req, rights, grantor, owner);
          o.acl = r.acl;
          blocked ||= r.blocked;
          // A table-level REVOKE also takes the same privileges away on every column.
          if (!req.isGrant && kind === 'relation') {
            const colBits = rights & allRights('column', this.postgresVersion);
            if (colBits) for (const c of obj.columns ?? []) columnPrivs.set(c, (columnPrivs.get(c) ?? 0) | colBits);
          }
        }
      }
      if (kind === 'relation' && obj.scope.kind === 'relation') {
        for (const [column, bits] of columnPrivs) {
          const colScope: GrantScope = { kind: 'column', relation: obj.scope.relation, column };
          snapshot(scopeKey(colScope));
          const co = this.object(colScope);
          const colAcl = this.effectiveAcl(co);
          // The grantor is picked from the table's and the column's ACL together.
          const merged = [...this.effectiveAcl(o), ...colAcl];
          const { grantor, goptions } =
            req.grantor !== undefined
              ? { grantor: req.grantor, goptions: bits }
              : this.bestGrantor(req.acting, bits, merged, owner);
          const rights = bits & goptions;
          if (!rights) continue;
          const r = this.mergeGrant(colAcl, req, rights, grantor, owner);
          co.acl = r.acl;
          blocked ||= r.blocked;
        }
      }
      if (blocked) {
        // The engine refuses the whole statement: put every ACL it touched back.
        for (const [key, acl] of before) {
          const x = this.objects.get(key);
          if (x) x.acl = acl;
        }
        problems.push(describeScope(obj.scope));
      }
    }
    return problems;
  }

  private registerExisting(scope: GrantScope, owner?: string): AclObject {
    const o = this.object(scope);
    if (owner !== undefined && o.owner === undefined) o.owner = owner;
    return o;
  }

  /** merge_acl_with_grant for every grantee. */
  private mergeGrant(
    acl: AclItem[],
    req: PgGrantRequest,
    rights: number,
    grantor: string,
    owner: string,
  ): { acl: AclItem[]; blocked: boolean } {
    let blocked = false;
    for (const grantee of req.grantees) {
      const item: AclItem = {
        grantee,
        grantor,
        privs: req.isGrant || !req.grantOption ? rights : 0,
        goptions: !req.isGrant || req.grantOption ? rights : 0,
      };
      const r = this.aclUpdate(acl, item, req.isGrant ? 'add' : 'del', owner, req.cascade);
      if (r.blocked) blocked = true;
      else acl = r.acl;
    }
    return { acl, blocked };
  }

  /** Simple GRANT for scopes outside PostgreSQL's object model (MySQL `db.*`, `*.*`) and built-in defaults. */
  grant(scope: GrantScope, privilege: PrivilegeName, grantee: string, grantor: string, grantOption: boolean): void {
    this.ensureRole(grantee);
    const o = this.object(scope);
    const bits = privilegeBits(privilege, scope.kind, this.postgresVersion) || READ_BITS[scope.kind];
    o.acl = this.aclUpdate(
      this.effectiveAcl(o),
      { grantee, grantor, privs: bits, goptions: grantOption ? bits : 0 },
      'add',
      this.ownerOf(o),
      false,
    ).acl;
  }

  /**
   * Simple REVOKE (MySQL scopes): removes the privilege `grantee` got from `grantor` (any grantor when
   * undefined). Returns the dependent grants that block a RESTRICT revoke (empty when it applied).
   */
  revoke(
    scope: GrantScope,
    privilege: PrivilegeName,
    grantee: string,
    grantor: string | undefined,
    grantOptionOnly: boolean,
    cascade: boolean,
  ): AclEntry[] {
    const o = this.objects.get(scopeKey(scope));
    if (!o?.acl) return [];
    const bits = privilegeBits(privilege, scope.kind, this.postgresVersion) || READ_BITS[scope.kind];
    const before = cloneAcl(o.acl);
    for (const e of before.filter((x) => x.grantee === grantee && (grantor === undefined || x.grantor === grantor))) {
      const r = this.aclUpdate(
        o.acl,
        { grantee, grantor: e.grantor, privs: grantOptionOnly ? 0 : bits, goptions: bits },
        'del',
        this.ownerOf(o),
        cascade,
      );
      if (r.blocked) {
        o.acl = before;
        return before.filter((x) => x.grantor === grantee).map((x) => toEntry(scope, x, privilege));
      }
      o.acl = r.acl;
    }
    return [];
  }

  /** Whether `role` holds the grant option (directly) for privilege on scope. */
  hasGrantOption(scope: GrantScope, privilege: PrivilegeName, role: string): boolean {
    const o = this.objects.get(scopeKey(scope));
    if (!o) return false;
    const bits = privilegeBits(privilege, scope.kind, this.postgresVersion);
    return this.effectiveAcl(o).some((e) => e.grantee === role && (e.goptions & bits) !== 0);
  }

  entriesOf(scope: GrantScope): AclEntry[] {
    const o = this.objects.get(scopeKey(scope));
    if (!o) return [];
    return this.effectiveAcl(o).flatMap((e) =>
      BIT_NAMES.filter(([, b]) => e.privs & b).map(([name]) => toEntry(scope, e, name)),
    );
  }

  /** Drops every entry of a scope (object dropped). */
  clear(scope: GrantScope): void {
    this.objects.delete(scopeKey(scope));
  }

  /** Gives `to` the privileges of `from` (an Oracle package's EXECUTE is its subprograms'). */
  share(from: GrantScope, to: GrantScope): void {
    const o = this.objects.get(scopeKey(from));
    if (!o) return;
    this.objects.set(scopeKey(to), { ...o, scope: to, ...(o.acl ? { acl: cloneAcl(o.acl) } : {}) });
  }

  /** Moves an object to a new scope (renamed): ACLs follow objects, not names. */
  move(from: GrantScope, to: GrantScope): void {
    const o = this.objects.get(scopeKey(from));
    if (!o) return;
    this.objects.delete(scopeKey(from));
    this.objects.set(scopeKey(to), { ...o, scope: to });
  }

  /** ALTER … OWNER TO (aclnewowner): the old owner's items, as grantee and grantor, pass to the new owner. */
  changeOwner(scope: GrantScope, from: string, to: string): void {
    const o = this.object(scope);
    if (o.acl) {
      const items: AclItem[] = [];
      for (const e of o.acl) {
        const n = { ...e, grantee: e.grantee === from ? to : e.grantee, grantor: e.grantor === from ? to : e.grantor };
        const dup = items.find((x) => x.grantee === n.grantee && x.grantor === n.grantor);
        if (dup) {
          dup.privs |= n.privs;
          dup.goptions |= n.goptions;
        } else items.push(n);
      }
      o.acl = items;
    }
    if (scope.kind !== 'column') o.owner = to;
  }

  /** Final state, for the catalog: the privileges that decide reading, one Grant per item. */
  grants(): Grant[] {
    const out: Grant[] = [];
    for (const o of this.objects.values()) {
      const bits = READ_BITS[o.kind];
      for (const e of this.effectiveAcl(o)) {
        for (const [name, b] of BIT_NAMES) {
          if (!(bits & b) || !(e.privs & b)) continue;
          out.push({
            scope: o.scope,
            privilege: name,
            grantee: e.grantee,
            grantor: e.grantor,
            grantOption: (e.goptions & b) !== 0,
          });
        }
      }
    }
    return out;
  }

  /** Role creation order, for callers that need PostgreSQL's walk order. */
  roleOid(name: string): number | undefined {
    return this.roleOrder.get(name);
  }
}

function membershipKey(m: { role: string; member: string; grantor?: string }): string {
  return `${m.role}\u0000${m.member}\u0000${m.grantor ?? ''}`;
}

function defaultKey(
  database: string,
  forRole: string,
  schema: string | undefined,
  kind: 'relation' | 'function' = 'relation',
): string {
  return `${database}\u0000${forRole}\u0000${schema ?? ''}${kind === 'function' ? '\u0000f' : ''}`;
}

/** The parts of a defaultKey() key. */
function parseDefaultKey(key: string): {
  database: string;
  forRole: string;
  schema: string | undefined;
  kind: 'relation' | 'function';
} {
  const parts = key.split('\u0000');
  return {
    database: nth(parts, 0),
    forRole: nth(parts, 1),
    schema: nth(parts, 2) || undefined,
    kind: parts[3] === 'f' ? 'function' : 'relation',
  };
}

function cloneAcl(acl: AclItem[]): AclItem[] {
  return acl.map((e) => ({ ...e }));
}

function aclEqual(a: AclItem[], b: AclItem[]): boolean {
  const key = (x: AclItem) => `${x.grantee}\u0000${x.grantor}\u0000${x.privs}\u0000${x.goptions}`;
  const ka = a.map(key).sort();
  const kb = b.map(key).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

function toEntry(scope: GrantScope, e: AclItem, privilege: PrivilegeName): AclEntry {
  const b = (P as Record<string, number>)[privilege] ?? 0;
  return { scope, privilege, grantee: e.grantee, grantor: e.grantor, grantOption: (e.goptions & b) !== 0 };
}

function describeScope(scope: GrantScope): string {
  switch (scope.kind) {
    case 'relation':
      return scope.relation;
    case 'column':
      return `${scope.relation}.${scope.column}`;
    case 'schema':
      return `schema ${scope.schema}`;
    case 'schema-tables':
      return `${scope.schema}.*`;
    case 'database':
      return `database ${scope.database}`;
    case 'function':
      return `function ${scope.relation}`;
  }
}
