/**
 * Principals: who uses the files. Declared systems (config `principals`), SQL roles, PUBLIC, or —
 * when nothing declares access control — one unrestricted principal. Owners and superusers are
 * administrators: reported, not used to classify (unless a declared system acts as them).
 */
import type { Catalog, RelationId } from '../catalog/model.js';
import { BOOTSTRAP_OWNER, PUBLIC } from '../catalog/privileges.js';
import type { AccessResolver, AccessVerdict } from './resolver.js';
import { refused } from './evidence.js';
import { nth } from '../indexed.js';

const READABLE: AccessVerdict = { allowed: true };

export type PrincipalKind = 'system' | 'role' | 'public' | 'unrestricted';

export interface Principal {
  name: string;
  kind: PrincipalKind;
  /** SQL roles the principal acts as (for a role principal: itself). Empty: reads everything it connects to. */
  roles: string[];
  /** Databases it can connect to; undefined: any (subject to CONNECT privileges of its roles). */
  connects?: string[];
  description?: string;
  /** The roles as the config wrote them, where spif matched them otherwise (SQL Server's folded names). */
  writtenRoles?: string[];
}

export interface Administrator {
  name: string;
  /** db_owner: a member (directly or through roles) of SQL Server's fixed role db_owner. */
  reason: 'owner' | 'superuser' | 'db_owner';
}

export interface DeclaredPrincipal {
  name: string;
  connects?: string[];
  roles?: string[];
  description?: string;
}

export interface PrincipalSet {
  principals: Principal[];
  administrators: Administrator[];
  assumptions: string[];
}

export const UNRESTRICTED = '(unrestricted)';

export function resolvePrincipals(catalog: Catalog, given: DeclaredPrincipal[]): PrincipalSet {
  const assumptions: string[] = [];
  const declared = foldSqlServerRoles(catalog, given);
  if (!catalog.accessControlDeclared && declared.length === 0) {
    assumptions.push('no-access-control-declared');
    return {
      principals: [{ name: UNRESTRICTED, kind: 'unrestricted', roles: [] }],
      administrators: [],
      assumptions,
    };
  }
  const owners = new Set<string>();
  for (const r of catalog.relations.values()) if (r.owner && r.owner !== BOOTSTRAP_OWNER) owners.add(r.owner);
  // SQL Server: a schema's owner owns every object in it that has no owner of its own, and
  // db_owner's members may do anything in the database (Microsoft Learn, "Ownership and user-schema
  // separation", "Database-level roles"): administrators, as owners and superusers are.
  const dbOwners = new Set<string>();
  for (const db of catalog.databases.values()) {
    if (db.dialect !== 'sqlserver') continue;
    for (const s of db.schemas.values()) if (s.owner && s.owner !== BOOTSTRAP_OWNER) owners.add(s.owner);
    dbOwners.add('db_owner');
  }
  if (dbOwners.size) {
    // members of db_owner, through nested roles
    for (let changed = true; changed;) {
      changed = false;
      for (const m of catalog.memberships)
        if (dbOwners.has(m.role) && !dbOwners.has(m.member)) {
          dbOwners.add(m.member);
          changed = true;
        }
    }
  }
  const administrators: Administrator[] = [];
  for (const role of catalog.roles.values()) {
    if (role.superuser) administrators.push({ name: role.name, reason: 'superuser' });
    else if (owners.has(role.name)) administrators.push({ name: role.name, reason: 'owner' });
    else if (dbOwners.has(role.name)) administrators.push({ name: role.name, reason: 'db_owner' });
  }
  const claimed = new Set(declared.flatMap((p) => p.roles ?? []));
  // SQL Server: a principal may name a login; the users created FOR that login are claimed with it.
  const loginUsers = (catalog.productRules ?? []).flatMap(({ rule }) => (rule.kind === 'login-user' ? [rule] : []));
  for (const { user, login } of loginUsers) if (claimed.has(login)) claimed.add(user);
  const logins = new Set(loginUsers.map((l) => l.login));
  const principals: Principal[] = declared.map((p, i) => ({
    name: p.name,
    kind: 'system',
    roles: p.roles ?? [],
    connects: p.connects,
    description: p.description,
    ...(p.roles !== given[i]?.roles && given[i]?.roles ? { writtenRoles: given[i].roles } : {}),
  }));
  const adminNames = new Set(administrators.map((a) => a.name));
  const named = roleNames(catalog);
  for (const name of [...named].sort((a, b) => a.localeCompare(b))) {
    if (claimed.has(name) || adminNames.has(name)) continue;
    principals.push({ name, kind: 'role', roles: [name] });
  }
  // PUBLIC exists in PostgreSQL, MariaDB (10.11+), Oracle, SQL Server (`public`) and Db2; MySQL and the others have no such grantee.
  const hasPublic = [...catalog.databases.values()].some((d) =>
    ['postgresql', 'mariadb', 'oracle', 'sqlserver', 'db2'].includes(d.dialect),
  );
  if (catalog.accessControlDeclared && hasPublic) principals.push({ name: PUBLIC, kind: 'public', roles: [PUBLIC] });
  for (const p of declared) {
    for (const r of p.roles ?? []) {
      if (!named.has(r) && !logins.has(r)) assumptions.push(`principal-role-undefined:${p.name}:${r}`);
    }
  }
  return { principals, administrators, assumptions };
}

/**
 * SQL Server compares user and role names case-insensitively (the default collation; "Database
 * Identifiers", https://learn.microsoft.com/sql/relational-databases/databases/database-identifiers),
 * and the catalog holds them folded to lower case: a config's `roles: [KyufuApp]` names the user
 * `CREATE USER [KyufuApp]` made, so it is matched the same way (only where no role has the exact name).
 */
function foldSqlServerRoles(catalog: Catalog, declared: DeclaredPrincipal[]): DeclaredPrincipal[] {
  if (![...catalog.databases.values()].some((d) => d.dialect === 'sqlserver')) return declared;
  const known = roleNames(catalog);
  for (const { rule } of catalog.productRules ?? []) if (rule.kind === 'login-user') known.add(rule.login);
  const fold = (r: string) => (known.has(r) || !known.has(r.toLowerCase()) ? r : r.toLowerCase());
  return declared.map((p) => (p.roles?.some((r) => fold(r) !== r) ? { ...p, roles: p.roles.map(fold) } : p));
}

/**
 * Every SQL role the sources name: created ones, and grantees and members that are only
 * referenced (a pg_dump without its globals grants to roles it never creates).
 */
function roleNames(catalog: Catalog): Set<string> {
  const names = new Set(catalog.roles.keys());
  for (const g of catalog.grants) names.add(g.grantee);
  for (const m of catalog.memberships) names.add(m.role).add(m.member);
  names.delete(PUBLIC);
  names.delete(BOOTSTRAP_OWNER);
  return names;
}

/** Reading and connecting, per principal, on top of the per-role resolver. */
export class PrincipalAccess {
  /**
   * principal → which columns it reads, as two bitsets over every column of the catalog (known,
   * readable): classification asks millions of times, and a bit per column is far smaller than a
   * verdict per (principal, relation, column). Refusals are asked again of the resolver (which
   * caches them per role) when their evidence is wanted.
   */
  private readonly bits = new Map<string, { known: Uint32Array; yes: Uint32Array }>();
  /** relation → the bit of its first column, and each column's position; built on first use. */
  private columnBits?: Map<RelationId, { base: number; at: Map<string, number> }>;
  private columnCount = 0;
  private readonly connectCache = new Map<string, Map<string, boolean>>();
  /**
   * The refusals of the principal asked last, by column bit: blocked evidence asks the same
   * refusal at every step of a walk, and a principal's walks run one after another, so one
   * principal's refusals are kept at a time (memory O(columns), not O(principals × columns)).
   */
  private refusals?: { of: Principal; byBit: Map<number, AccessVerdict> };

  constructor(
    private readonly catalog: Catalog,
    private readonly resolver: AccessResolver,
  ) {}

  canConnect(p: Principal, database: string): boolean {
    let byDb = this.connectCache.get(p.name);
    if (!byDb) this.connectCache.set(p.name, (byDb = new Map<string, boolean>()));
    let ok = byDb.get(database);
    if (ok === undefined) byDb.set(database, (ok = this.connects(p, database)));
    return ok;
  }

  private connects(p: Principal, database: string): boolean {
    if (p.kind === 'unrestricted') return true;
    if (p.connects && !p.connects.includes(database)) return false;
    if (p.roles.length === 0) return true;
    return p.roles.some((r) =>
      r === PUBLIC ? this.resolver.canConnect(PUBLIC, database) : this.resolver.canConnect(r, database),
    );
  }

  /** The column's bit, or undefined for a column the catalog does not have. */
  private bitOf(relation: RelationId, column: string): number | undefined {
    if (!this.columnBits) {
      this.columnBits = new Map();
      for (const rel of this.catalog.relations.values()) {
        const at = new Map<string, number>();
        rel.columns.forEach((c, i) => {
          if (!at.has(c.name)) at.set(c.name, i);
        });
        this.columnBits.set(rel.id, { base: this.columnCount, at });
        this.columnCount += rel.columns.length;
      }
    }
    const rel = this.columnBits.get(relation);
    const i = rel?.at.get(column);
    return i === undefined ? undefined : rel!.base + i;
  }

  private bitsOf(p: Principal): { known: Uint32Array; yes: Uint32Array } {
    let set = this.bits.get(p.name);
    if (!set) {
      const words = (this.columnCount + 31) >>> 5;
      this.bits.set(p.name, (set = { known: new Uint32Array(words), yes: new Uint32Array(words) }));
    }
    return set;
  }

  /** Whether p can SELECT the column (canRead(…).allowed, remembered as one bit). */
  reads(p: Principal, relation: RelationId, column: string): boolean {
    const bit = this.bitOf(relation, column);
    if (bit === undefined) return this.verdict(p, relation, column).allowed;
    const set = this.bitsOf(p);
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if (nth(set.known, word) & mask) return (nth(set.yes, word) & mask) !== 0;
    return this.remember(set, word, mask, this.verdict(p, relation, column)).allowed;
  }

  /** Whether p can SELECT the column: as any role it acts as, or may SET ROLE to. */
  canRead(p: Principal, relation: RelationId, column: string): AccessVerdict {
    const bit = this.bitOf(relation, column);
    if (bit === undefined) return this.verdict(p, relation, column);
    // A column known readable needs no verdict; a refusal is asked again for its evidence.
    const set = this.bitsOf(p);
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if (nth(set.yes, word) & mask) return READABLE;
    if (this.refusals?.of !== p) this.refusals = { of: p, byBit: new Map() };
    let v = this.refusals.byBit.get(bit);
    if (!v) this.refusals.byBit.set(bit, (v = this.remember(set, word, mask, this.verdict(p, relation, column))));
    return v;
  }

  private remember(
    set: { known: Uint32Array; yes: Uint32Array },
    word: number,
    mask: number,
    v: AccessVerdict,
  ): AccessVerdict {
    set.known[word] = nth(set.known, word) | mask;
    if (v.allowed) set.yes[word] = nth(set.yes, word) | mask;
    return v;
  }

  private verdict(p: Principal, relation: RelationId, column: string): AccessVerdict {
    const rel = this.catalog.relations.get(relation);
    if (!rel) return refused('unknown-relation', relation, { key: 'undefined', relation });
    if (p.kind === 'unrestricted') return READABLE;
    if (!this.canConnect(p, rel.database)) {
      return refused('database-not-connectable', rel.database, {
        key: 'not-connectable',
        principal: p.name,
        database: rel.database,
      });
    }
    if (p.roles.length === 0) return READABLE;
    let first: AccessVerdict | undefined;
    for (const role of p.roles) {
      const candidates = role === PUBLIC ? [PUBLIC] : this.resolver.settableRoles(role);
      for (const r of candidates) {
        const verdict = this.resolver.canSelect(r, relation, column);
        if (verdict.allowed) return verdict;
        first ??= verdict;
      }
    }
    return first ?? refused('no-table-privilege', relation, { key: 'no-role', principal: p.name });
  }

  canReadRelation(p: Principal, relation: RelationId): boolean {
    const rel = this.catalog.relations.get(relation);
    return !!rel && rel.columns.some((c) => this.reads(p, relation, c.name));
  }
}
