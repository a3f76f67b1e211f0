/**
 * MySQL 8 and MariaDB access: "can account A read column C of relation T?" as the server answers
 * `SELECT C FROM T` (or `CALL`/`SELECT f()` for a stored routine), checked against a real MariaDB
 * by test/mariadb. The rules, each from the manuals (docs/access-control.md cites them):
 *
 * - A privilege holds when granted at the global (`*.*`), database (`db.*`), table or column level
 *   to the account, to an active role, or (MariaDB 10.11+) to PUBLIC. EXECUTE on a routine is
 *   granted globally, per database or on the routine (`GRANT EXECUTE ON PROCEDURE db.p`).
 * - A view needs SELECT on the view (or on the selected view column) as the caller. Its base
 *   relations are checked, with every column the view's query uses, as its DEFINER under
 *   `SQL SECURITY DEFINER` (the default) and as the caller under `INVOKER`; inside a definer view
 *   "the caller" of an inner invoker view is that definer (MySQL 8.0 §27.6 Stored Object Access
 *   Control; MariaDB CREATE VIEW).
 * - A stored routine needs EXECUTE as the caller; in definer context the server also checks the
 *   definer's EXECUTE on it (MariaDB refuses with "execute command denied to user '<definer>'":
 *   observed, and pinned by test/mariadb). Its body then reads as the definer or the caller.
 * - Roles: a granted role is not active until SET ROLE (or as a default role, or with
 *   `activate_all_roles_on_login`), but the account may always activate it: spif counts what the
 *   account could read after SET ROLE. MySQL activates any set of granted roles at once
 *   (`SET ROLE ALL`), and the roles granted to an active role are active too; MariaDB activates one
 *   role at a time (`SET ROLE r`, with the roles granted to r). A definer's roles: MySQL applies
 *   the definer's default roles (all granted roles with `activate_all_roles_on_login`); MariaDB
 *   applies none (a DEFINER may name a role itself, whose privileges are then used).
 * - A definer the sources say nothing about (no grant, no role, not created) is typically the
 *   administrator who loaded the dump (`root@localhost`): assumed to read everything, and reported
 *   as the assumption `mysql-definer-assumed:<definer>` on the view or routine (definerAssumptions).
 */
import type { Catalog, Grant, GrantScope, Membership, Relation, RelationId } from '../catalog/model.js';
import { BOOTSTRAP_OWNER, PUBLIC } from '../catalog/privileges.js';
import { refused } from './evidence.js';
import { usedColumns } from './used-columns.js';
import type { AccessVerdict, BlockControl } from './resolver.js';

const ALLOWED: AccessVerdict = { allowed: true };

/** Whose privileges a check uses: a set of grantees, named (for evidence) by the account. */
interface Context {
  account: string;
  grantees: ReadonlySet<string>;
  /** Reads everything (the loading administrator, or an unknown definer). */
  all: boolean;
}

export class MysqlAccess {
  private readonly memberOf = new Map<string, Membership[]>();
  private readonly known: ReadonlySet<string>;

  constructor(
    private readonly catalog: Catalog,
    private readonly grantsOn: (scope: GrantScope) => readonly Grant[],
    private readonly isSuperuser: (role: string) => boolean,
  ) {
    for (const m of catalog.memberships) {
      let list = this.memberOf.get(m.member);
      if (!list) this.memberOf.set(m.member, (list = []));
      list.push(m);
    }
    this.known = knownAccounts(catalog);
  }

  /** An account the sources declare something about (else, as a definer, assumed to read everything). */
  isKnown(account: string): boolean {
    return this.known.has(account);
  }

  canSelect(role: string, rel: Relation, column: string): AccessVerdict {
    let first: AccessVerdict | undefined;
    for (const ctx of this.sessions(role, rel)) {
      const v = this.read(ctx, rel, [column], new Set(), undefined);
      if (v.allowed) return v;
      first ??= v;
    }
    return first!;
  }

  /** The privilege sets `role` can have in one session: after SET ROLE ALL (MySQL) or SET ROLE r (MariaDB). */
  private sessions(role: string, rel: Relation): Context[] {
    if (this.isSuperuser(role)) return [{ account: role, grantees: new Set([role]), all: true }];
    const mariadb = rel.dialect === 'mariadb';
    const base = mariadb ? [role, PUBLIC] : [role];
    const direct = (this.memberOf.get(role) ?? []).map((m) => m.role);
    const isRole = !this.catalog.roles.get(role)?.login;
    if (!mariadb || isRole || direct.length === 0)
      return [{ account: role, grantees: this.closure(base, direct), all: false }];
    return [
      { account: role, grantees: new Set(base), all: false },
      ...direct.map((r) => ({ account: role, grantees: this.closure(base, [r]), all: false })),
    ];
  }

  /** The grantees `start` plus the roles `active` and every role granted to them (roles nest). */
  private closure(start: string[], active: string[]): Set<string> {
    const set = new Set(start);
    const queue = [...active];
    while (queue.length) {
      const r = queue.shift()!;
      if (set.has(r)) continue;
      set.add(r);
      for (const m of this.memberOf.get(r) ?? []) queue.push(m.role);
    }
    return set;
  }

  /** The definer's privileges while a definer view or routine runs. */
  private definer(rel: Relation): Context {
    const d = rel.owner ?? BOOTSTRAP_OWNER;
    if (d === BOOTSTRAP_OWNER || this.isSuperuser(d) || !this.isKnown(d))
      return { account: d, grantees: new Set([d]), all: true };
    if (rel.dialect === 'mariadb') {
      // No default role in definer context; a role named as DEFINER brings its own roles.
      const isRole = !this.catalog.roles.get(d)?.login;
      return {
        account: d,
        grantees: this.closure([d, PUBLIC], isRole ? (this.memberOf.get(d) ?? []).map((m) => m.role) : []),
        all: false,
      };
    }
    // MySQL: the definer's default roles (inherit: default role or activate_all_roles_on_login).
    const defaults = (this.memberOf.get(d) ?? []).filter((m) => m.inherit).map((m) => m.role);
    return { account: d, grantees: this.closure([d], defaults), all: false };
  }

  private holds(ctx: Context, scopes: GrantScope[], privilege: 'SELECT' | 'EXECUTE'): boolean {
    if (ctx.all) return true;
    return scopes.some((s) => this.grantsOn(s).some((g) => g.privilege === privilege && ctx.grantees.has(g.grantee)));
  }

  private levels(rel: Relation): GrantScope[] {
    return [
      { kind: 'database', database: rel.database },
      { kind: 'schema-tables', database: rel.database, schema: rel.schema },
    ];
  }

  /** Reads `columns` of `rel` in `ctx`; `via`: the definer view or routine whose rights ctx is. */
  private read(
    ctx: Context,
    rel: Relation,
    columns: string[],
    visiting: Set<RelationId>,
    via?: Relation,
  ): AccessVerdict {
    const own = this.privilege(ctx, rel, columns, via);
    if (!own.allowed) return own;
    const view = rel.view;
    if (!view || view.materialized || visiting.has(rel.id)) return ALLOWED;
    const next = new Set(visiting).add(rel.id);
    // A routine run by its own definer switches no security context: the session (with its active
    // role) goes on (observed in MariaDB: test/mariadb).
    const sameAccount = rel.kind === 'function' && (rel.owner ?? BOOTSTRAP_OWNER) === ctx.account;
    const inner = view.securityInvoker || sameAccount ? ctx : this.definer(rel);
    const innerVia = view.securityInvoker ? via : rel;
    if (rel.kind === 'function' && !view.securityInvoker) {
      // Definer context: the definer must hold EXECUTE on the routine too.
      const again = this.privilege(inner, rel, [], rel);
      if (!again.allowed) return again;
    }
    for (const [id, cols] of usedColumns(rel)) {
      const base = this.catalog.relations.get(id);
      if (!base) continue; // an unknown base is reported at build time
      const v = this.read(
        inner,
        base,
        [...cols].filter((c) => base.columns.some((x) => x.name === c)),
        next,
        innerVia,
      );
      if (!v.allowed) return v;
    }
    return ALLOWED;
  }

  /** The privilege check on `rel` itself: EXECUTE for a routine, SELECT (table or every column) otherwise. */
  private privilege(ctx: Context, rel: Relation, columns: string[], via?: Relation): AccessVerdict {
    const levels = this.levels(rel);
    const viaPart = via ? { via: via.id } : {};
    if (rel.kind === 'function') {
      if (this.holds(ctx, [...levels, { kind: 'function', relation: rel.id }], 'EXECUTE')) return ALLOWED;
      return refused(via ? 'view-owner-lacks-privilege' : 'no-execute-privilege', rel.id, {
        key: 'no-execute',
        role: ctx.account,
        ...viaPart,
        relation: rel.id,
        routine: rel.routine?.kind ?? 'function',
      });
    }
    if (this.holds(ctx, [...levels, { kind: 'relation', relation: rel.id }], 'SELECT')) return ALLOWED;
    const colOk = (c: string) => this.holds(ctx, [{ kind: 'column', relation: rel.id, column: c }], 'SELECT');
    const someColumn = rel.columns.some((c) => colOk(c.name));
    const missing = columns.length ? columns.filter((c) => !colOk(c)) : someColumn ? [] : ['*'];
    if (missing.length === 0) return ALLOWED;
    const control: BlockControl = via
      ? 'view-owner-lacks-privilege'
      : someColumn
        ? 'no-column-privilege'
        : 'no-table-privilege';
    return refused(control, someColumn && missing[0] !== '*' ? `${rel.id}.${missing[0]}` : rel.id, {
      key: someColumn ? (via ? 'some-columns' : 'other-columns') : 'no-select',
      role: ctx.account,
      ...viaPart,
      relation: rel.id,
      ...(someColumn ? { columns: missing } : {}),
    });
  }
}

/**
 * `mysql-definer-assumed:<definer>` on a MySQL/MariaDB view or routine whose DEFINER the sources
 * declare nothing about: its reads were taken as allowed (see the module comment).
 */
export function definerAssumptions(catalog: Catalog, rel: Relation): string[] {
  if (rel.dialect !== 'mysql' && rel.dialect !== 'mariadb') return [];
  if (!rel.view || rel.view.securityInvoker || rel.view.materialized) return [];
  const d = rel.owner ?? BOOTSTRAP_OWNER;
  if (d === BOOTSTRAP_OWNER || knownAccounts(catalog).has(d) || catalog.roles.get(d)?.superuser) return [];
  return [`mysql-definer-assumed:${d}`];
}

const knownCache = new WeakMap<Catalog, Set<string>>();

/** Accounts the sources declare something about: created users, grantees, role members. */
function knownAccounts(catalog: Catalog): Set<string> {
  let known = knownCache.get(catalog);
  if (known) return known;
  known = new Set<string>();
  for (const m of catalog.memberships) known.add(m.member);
  for (const g of catalog.grants) known.add(g.grantee);
  for (const r of catalog.roles.values()) if (r.login) known.add(r.name);
  knownCache.set(catalog, known);
  return known;
}
