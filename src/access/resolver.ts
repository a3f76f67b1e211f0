/**
 * "Can role R read column C of relation T?" answered as PostgreSQL answers
 * `SET ROLE R; SELECT C FROM T` (and checked against a real PostgreSQL by the oracle tests,
 * test/oracle): the query reads C when
 * 1. R has USAGE on T's schema (name lookup, as R);
 * 2. every relation of the rewritten query passes its privilege check: T as R, with C selected;
 *    a view's base relations as the view owner (as R for `security_invoker` views), with every
 *    base column the view's query uses selected; a relation passes with table SELECT, or SELECT
 *    on each selected column. A superuser passes every check *it* makes — a view owned by an
 *    ordinary role still checks its base relations as that role;
 * 3. row level security leaves rows in every table of the query (as the role that checks it).
 * Other dialects map onto simpler checks (see docs/access-control.md).
 */
import type { Catalog, Grant, GrantScope, Relation, RelationId } from '../catalog/model.js';
import { BOOTSTRAP_OWNER, PUBLIC, scopeKey } from '../catalog/privileges.js';
import { RoleGraph } from './roles.js';
import { refused, type Reason } from './evidence.js';
import { type ProductAccess, productAccess } from './products/index.js';
import { MysqlAccess } from './mysql.js';
import { usedColumns } from './used-columns.js';
import { isMysqlFamily } from '../dialect.js';

export type BlockControl =
  | 'no-table-privilege'
  | 'no-column-privilege'
  | 'no-schema-usage'
  | 'database-not-connectable'
  | 'row-security-denies'
  | 'view-owner-lacks-privilege'
  | 'no-execute-privilege'
  | 'no-user-mapping'
  | 'remote-access-denied'
  | 'unknown-relation'
  | 'denied' // SQL Server DENY
  | 'masked'; // SQL Server Dynamic Data Masking, Db2 column mask: only a masked value is read

export type AccessVerdict =
  | { allowed: true }
  | {
      allowed: false;
      control: BlockControl;
      at: string;
      detail: string;
      /** The same as data (detail is rendered from it); unset where a product module gives prose only. */ reason?: Reason;
    };

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

/** One permission check of the rewritten query: relation, the role it is checked as, the columns it selects. */
interface PermissionCheck {
  relation: Relation;
  checkAs: string;
  columns: string[];
  /** The view whose owner's rights this check uses, when it is not the caller's. */
  viaView?: Relation;
  /** Looked up by name when the check runs (a function body): needs USAGE on its schema as checkAs. */
  lookup?: boolean;
}

class Resolver implements AccessResolver {
  /** scopeKey → grants */
  private readonly byScope = new Map<string, Grant[]>();
  private readonly graph: RoleGraph;
  private readonly verdictCache = new Map<string, AccessVerdict>();
  private readonly foreignVisiting = new Set<string>();
  /** Oracle, SQL Server and Db2 databases: their own access semantics (products/). */
  private readonly products: Map<string, ProductAccess>;
  /** MySQL and MariaDB: definer/invoker views and routines, roles (mysql.ts). */
  private readonly mysql: MysqlAccess;

  constructor(
    private readonly catalog: Catalog,
    postgresVersion: number,
  ) {
    this.graph = new RoleGraph(catalog, postgresVersion);
    for (const g of catalog.grants) {
      const k = scopeKey(g.scope);
      let list = this.byScope.get(k);
      if (!list) this.byScope.set(k, (list = []));
      list.push(g);
    }
    this.products = productAccess(catalog, this.graph, (scope) => this.byScope.get(scopeKey(scope)) ?? []);
    this.mysql = new MysqlAccess(
      catalog,
      (scope) => this.byScope.get(scopeKey(scope)) ?? [],
      (role) => this.isSuperuser(role),
    );
  }

  isSuperuser(role: string): boolean {
    return this.graph.isSuperuser(role);
  }

  privilegeRoles(role: string): ReadonlySet<string> {
    return new Set([...this.graph.inherited(role), PUBLIC]);
  }

  settableRoles(role: string): ReadonlySet<string> {
    return this.graph.settable(role);
  }

  /** aclmask for one privilege: granted to PUBLIC, to the role, or to a role whose privileges it has. */
  private holds(role: string, scope: GrantScope, privilege: string): boolean {
    for (const g of this.byScope.get(scopeKey(scope)) ?? []) {
      if (g.privilege === privilege && (g.grantee === PUBLIC || this.graph.hasPrivsOf(role, g.grantee))) return true;
    }
    return false;
  }

  /**
   * The predefined roles: pg_read_all_data reads every relation and uses every schema;
   * pg_write_all_data also gives schema USAGE (not SELECT). Neither bypasses row security.
   */
  private readsAllData(role: string, forSchemaUsage: boolean): boolean {
    return (
      this.graph.hasPrivsOf(role, 'pg_read_all_data') ||
      (forSchemaUsage && this.graph.hasPrivsOf(role, 'pg_write_all_data'))
    );
  }

  canConnect(role: string, database: string): boolean {
    const db = this.catalog.databases.get(database);
    if (!db || db.dialect !== 'postgresql' || this.isSuperuser(role)) return true;
    return this.holds(role, { kind: 'database', database }, 'CONNECT');
  }

  canSelect(role: string, relation: RelationId, column: string): AccessVerdict {
    const key = `${role}\u0000${relation}\u0000${column}`;
    let v = this.verdictCache.get(key);
    if (!v) {
      v = this.check(role, relation, column);
      this.verdictCache.set(key, v);
    }
    return v;
  }

  private check(role: string, relationId: RelationId, column: string): AccessVerdict {
    const rel = this.catalog.relations.get(relationId);
    const at = `${relationId}.${column}`;
    if (!rel || !rel.columns.some((c) => c.name === column)) {
      return refused('unknown-relation', at, { key: 'undefined', relation: at });
    }
    const product = this.products.get(rel.database);
    if (product) return product.canSelect(role, rel, column);
    if (isMysqlFamily(rel.dialect)) return this.mysql.canSelect(role, rel, column);
    if (rel.dialect !== 'postgresql') return this.checkOtherDialect(rel, role, column);

    // 1. Name lookup: USAGE on the schema, as the caller. A schema the sources never create cannot
    //    be checked: USAGE is assumed (reported as an assumption by the pipeline).
    const schema = this.catalog.databases.get(rel.database)?.schemas.get(rel.schema);
    if (
      schema?.declared &&
      !this.isSuperuser(role) &&
      !this.readsAllData(role, true) &&
      !this.holds(role, { kind: 'schema', database: rel.database, schema: rel.schema }, 'USAGE')
    ) {
      return refused('no-schema-usage', `${rel.database}.${rel.schema}`, {
        key: 'no-schema-usage',
        role,
        schema: rel.schema,
      });
    }

    // 2. Every relation of the rewritten query, in the order the executor checks them.
    const checks: PermissionCheck[] = [];
    this.expand(rel, role, [column], role, checks, new Set());
    for (const c of checks) {
      const v = (c.lookup ? this.checkLookup(c) : ALLOWED).allowed
        ? this.checkPermission(c, role)
        : this.checkLookup(c);
      if (!v.allowed) return v;
    }

    // 2b. Foreign tables: postgres_fdw connects with the user mapping of the role the table is
    //     checked as (a view owner's through a view) and runs the remote query as its remote user.
    for (const c of checks) {
      if (!c.relation.foreign) continue;
      const v = this.checkForeign(c);
      if (!v.allowed) return v;
    }

    // 3. Row level security on every table the query reads.
    for (const c of checks) {
      if (c.relation.kind !== 'table' && !c.relation.view?.materialized) continue;
      const v = this.checkRowSecurity(c.relation, c.checkAs, c.viaView);
      if (!v.allowed) return v;
    }
    return ALLOWED;
  }

  /**
   * The view rewrite: a view's base relations are checked as its owner, or as the caller when the
   * view is security_invoker (even when that view is reached through another view), with every
   * base column the view's query references.
   */
  private expand(
    rel: Relation,
    checkAs: string,
    columns: string[],
    caller: string,
    out: PermissionCheck[],
    visiting: Set<string>,
    viaView?: Relation,
  ): void {
    out.push({ relation: rel, checkAs, columns, viaView });
    const view = rel.view;
    if (!view || view.materialized || visiting.has(rel.id)) return;
    const next = new Set(visiting).add(rel.id);
    const inner = view.securityInvoker ? caller : (rel.owner ?? BOOTSTRAP_OWNER);
    // Inside a SECURITY DEFINER function the current user is its owner: invoker views and
    // functions it reaches check as the owner. Its body's names are looked up when it runs.
    const definerFunction = rel.kind === 'function' && !view.securityInvoker;
    const lookup = rel.kind === 'function' && !rel.routine?.atomic;
    const used = usedColumns(rel);
    for (const [id, cols] of used) {
      const base = this.catalog.relations.get(id);
      if (!base) continue; // an unknown base is reported at build time
      const from = out.length;
      this.expand(
        base,
        inner,
        [...cols].filter((c) => base.columns.some((x) => x.name === c)),
        definerFunction ? inner : caller,
        out,
        next,
        view.securityInvoker ? undefined : rel,
      );
      if (lookup) out[from].lookup = true;
    }
  }

  /** A name in a function body, looked up when it runs: USAGE on the relation's schema as the role running it. */
  private checkLookup(c: PermissionCheck): AccessVerdict {
    const rel = c.relation;
    const schema = this.catalog.databases.get(rel.database)?.schemas.get(rel.schema);
    if (!schema?.declared || this.isSuperuser(c.checkAs) || this.readsAllData(c.checkAs, true)) return ALLOWED;
    if (this.holds(c.checkAs, { kind: 'schema', database: rel.database, schema: rel.schema }, 'USAGE')) return ALLOWED;
    return refused('no-schema-usage', `${rel.database}.${rel.schema}`, {
      key: 'lookup-no-schema-usage',
      role: c.checkAs,
      ...(c.viaView ? { via: c.viaView.id } : {}),
      schema: rel.schema,
      relation: rel.id,
    });
  }

  /** A function or procedure: EXECUTE, granted to PUBLIC by default (docs 5.8 Privileges); pg_read_all_data gives none. */
  private checkExecute(c: PermissionCheck): AccessVerdict {
    const { relation: rel, checkAs } = c;
    if (this.isSuperuser(checkAs) || this.holds(checkAs, { kind: 'function', relation: rel.id }, 'EXECUTE'))
      return ALLOWED;
    return refused(c.viaView ? 'view-owner-lacks-privilege' : 'no-execute-privilege', rel.id, {
      key: 'no-execute',
      role: checkAs,
      ...(c.viaView ? { via: c.viaView.id } : {}),
      relation: rel.id,
      routine: rel.routine?.kind ?? 'function',
    });
  }

  /** ExecCheckOneRelPerms for SELECT: table SELECT, else SELECT on each selected column (any, if none). */
  private checkPermission(c: PermissionCheck, caller: string): AccessVerdict {
    const { relation: rel, checkAs, columns } = c;
    if (rel.kind === 'function') return this.checkExecute(c);
    if (this.isSuperuser(checkAs) || this.readsAllData(checkAs, false)) return ALLOWED;
    if (this.holds(checkAs, { kind: 'relation', relation: rel.id }, 'SELECT')) return ALLOWED;
    const colOk = (name: string) => this.holds(checkAs, { kind: 'column', relation: rel.id, column: name }, 'SELECT');
    const missing = columns.length
      ? columns.filter((x) => !colOk(x))
      : rel.columns.some((x) => colOk(x.name))
        ? []
        : ['*'];
    if (missing.length === 0) return ALLOWED;
    const someColumn = rel.columns.some((x) => colOk(x.name));
    const control: BlockControl = c.viaView
      ? 'view-owner-lacks-privilege'
      : someColumn
        ? 'no-column-privilege'
        : 'no-table-privilege';
    const at = someColumn && missing[0] !== '*' ? `${rel.id}.${missing[0]}` : rel.id;
    void caller;
    return refused(control, at, {
      key: someColumn ? 'some-columns' : 'no-select',
      role: checkAs,
      ...(c.viaView ? { via: c.viaView.id } : {}),
      relation: rel.id,
      ...(someColumn ? { columns: missing } : {}),
    });
  }

  /**
   * A foreign table read through postgres_fdw (PostgreSQL 15 docs F.38; CREATE USER MAPPING):
   * the user mapping is the one for the checking role itself, else for PUBLIC (role membership does
   * not count: GetUserMapping looks up the role's own OID, then PUBLIC); without one the query
   * fails, for superusers too. The remote query `SELECT <columns> FROM <remote relation>` then runs
   * in the remote database as the mapping's remote user, with that user's privileges there. A
   * remote that is not resolved (or a mapping without a user) is an unknown path, reported apart.
   */
  private checkForeign(c: PermissionCheck): AccessVerdict {
    const rel = c.relation;
    const f = rel.foreign!;
    const mappings = this.catalog.crossDatabase?.userMappings ?? [];
    const mapping =
      mappings.find((m) => m.database === rel.database && m.server === f.server && m.role === c.checkAs) ??
      mappings.find((m) => m.database === rel.database && m.server === f.server && m.role === PUBLIC);
    const base = { role: c.checkAs, ...(c.viaView ? { via: c.viaView.id } : {}), relation: rel.id, server: f.server };
    if (!mapping) return refused('no-user-mapping', rel.id, { key: 'no-user-mapping', ...base });
    if (!f.remote || mapping.user === undefined) return ALLOWED;
    const remote = this.catalog.relations.get(f.remote);
    if (!remote) return ALLOWED;
    const user = mapping.user;
    const denied = (reason: Reason, at: string) =>
      refused('remote-access-denied', at, {
        key: 'remote-denied',
        role: user,
        via: rel.id,
        relation: remote.id,
        server: f.server,
        remote: reason,
      });
    if (!this.canConnect(user, remote.database))
      return denied({ key: 'not-connectable', principal: user, database: remote.database }, remote.database);
    const key = `${rel.id}\u0000${user}`;
    if (this.foreignVisiting.has(key)) return ALLOWED; // a loop of foreign tables: reported by the query, not here
    this.foreignVisiting.add(key);
    try {
      const columns = c.columns.length ? c.columns : rel.columns.map((x) => x.name);
      let anyAllowed = false;
      let first: AccessVerdict | undefined;
      for (const column of columns) {
        const v = this.canSelect(user, remote.id, f.columnNames[column] ?? column);
        if (v.allowed) anyAllowed = true;
        else first ??= v;
        if (!v.allowed && c.columns.length)
          return v.reason
            ? denied(v.reason, v.at)
            : refused('remote-access-denied', v.at, {
                key: 'remote-denied',
                role: user,
                via: rel.id,
                relation: remote.id,
                server: f.server,
              });
      }
      // No column selected (`SELECT count(*)`): the remote query reads no column, any readable one does.
      if (!anyAllowed && first && !first.allowed) return first.reason ? denied(first.reason, first.at) : first;
      return ALLOWED;
    } finally {
      this.foreignVisiting.delete(key);
    }
  }

  /** check_enable_rls + the policies PostgreSQL would add for SELECT. */
  private checkRowSecurity(rel: Relation, role: string, viaView?: Relation): AccessVerdict {
    if (!rel.rowSecurity) return ALLOWED;
    if (this.graph.bypassesRowSecurity(role)) return ALLOWED;
    const owns = this.graph.hasPrivsOf(role, rel.owner ?? BOOTSTRAP_OWNER);
    if (owns && !rel.forceRowSecurity) return ALLOWED;
    const applies = (p: { roles: string[]; command: string }) =>
      (p.command === 'all' || p.command === 'select') &&
      p.roles.some((r) => r === PUBLIC || this.graph.hasPrivsOf(role, r));
    const permissive = rel.policies.filter((p) => p.permissive && applies(p));
    const restrictive = rel.policies.filter((p) => !p.permissive && applies(p));
    const base = { role, relation: rel.id, ...(viaView ? { via: viaView.id } : {}) };
    if (permissive.length === 0) return refused('row-security-denies', rel.id, { key: 'rls-no-policy', ...base });
    // A policy whose USING is not a constant is assumed to let rows through.
    if (permissive.every((p) => p.usingFalse))
      return refused('row-security-denies', rel.id, { key: 'rls-all-false', ...base });
    const denying = restrictive.find((p) => p.usingFalse);
    if (denying)
      return refused('row-security-denies', rel.id, { key: 'rls-restrictive-false', ...base, policy: denying.name });
    return ALLOWED;
  }

  /** SQLite, BigQuery: table, column, `db.*` and `*.*` grants to the role or its roles. */
  private checkOtherDialect(rel: Relation, role: string, column: string): AccessVerdict {
    if (this.isSuperuser(role)) return ALLOWED;
    const roles = this.privilegeRoles(role);
    const holds = (scope: GrantScope) =>
      (this.byScope.get(scopeKey(scope)) ?? []).some((g) => g.privilege === 'SELECT' && roles.has(g.grantee));
    const tableGrant =
      holds({ kind: 'relation', relation: rel.id }) ||
      holds({ kind: 'schema-tables', database: rel.database, schema: rel.schema }) ||
      holds({ kind: 'database', database: rel.database });
    if (tableGrant || holds({ kind: 'column', relation: rel.id, column })) return ALLOWED;
    const someColumn = rel.columns.some((c) => holds({ kind: 'column', relation: rel.id, column: c.name }));
    return someColumn
      ? refused('no-column-privilege', `${rel.id}.${column}`, {
          key: 'other-columns',
          role,
          relation: rel.id,
          columns: [column],
        })
      : refused('no-table-privilege', rel.id, { key: 'no-select', role, relation: rel.id });
  }
}
