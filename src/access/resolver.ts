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
import type { Catalog, DblinkUse, Grant, GrantScope, Relation, RelationId } from '../catalog/model.js';
import { GranteeIndex } from './grantee-index.js';
import { dblinkRelation } from '../catalog/model.js';
import { BOOTSTRAP_OWNER, PUBLIC, scopeKey } from '../catalog/privileges.js';
import { RoleGraph } from './roles.js';
import { refused, type Reason } from './evidence.js';
import { type ProductAccess, productAccess } from './products/index.js';
import { MysqlAccess } from './mysql.js';
import { usedColumns } from './used-columns.js';
import { isMysqlFamily } from '../dialect.js';
import { dependencyOrder } from '../graph/algorithms.js';

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
  /** Whether the product takes EXECUTE on a routine away from R whatever R is granted (SQL Server's DENY). */
  executeDenied(role: string, routine: RelationId): boolean;
  /**
   * What `owner` may read from inside the definer's rights routine `routine`: its session rights
   * (canSelect), except where the product narrows them there (Oracle disables roles).
   */
  canSelectAsDefiner(owner: string, routine: RelationId, relation: RelationId, column: string): AccessVerdict;
  /** A checked dblink call run as `runner`: its remote user, or dblink's refusal before any remote check. */
  dblinkSession(d: DblinkUse, runner: string): { user: string } | { refused: Reason } | undefined;
  /** The role a dblink call in `rel` runs as when `caller` reads it (a definer function's owner, else the caller). */
  dblinkRunner(rel: Relation, caller: string): string;
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

type Denied = Extract<AccessVerdict, { allowed: false }>;

/** A query's (or a subtree's) first refusal in each phase of the checks, in the executor's order. */
interface FirstRefusals {
  permission?: Denied;
  foreign?: Denied;
  rowSecurity?: Denied;
}

/** Each phase's first refusal: the earlier one's, else the later one's. */
function merge(a: FirstRefusals, b: FirstRefusals): FirstRefusals {
  if ((a.permission || !b.permission) && (a.foreign || !b.foreign) && (a.rowSecurity || !b.rowSecurity)) return a;
  return {
    ...((a.permission ?? b.permission) ? { permission: a.permission ?? b.permission } : {}),
    ...((a.foreign ?? b.foreign) ? { foreign: a.foreign ?? b.foreign } : {}),
    ...((a.rowSecurity ?? b.rowSecurity) ? { rowSecurity: a.rowSecurity ?? b.rowSecurity } : {}),
  };
}

/** rewrite()'s explicit stack: one relation of the query, its base checks still to visit. */
interface Frame {
  check: PermissionCheck;
  caller: string;
  key: string;
  first: FirstRefusals;
  children: { check: PermissionCheck; caller: string }[];
  next: number;
  /** The subtree met a view already on its path (a view depending on itself): not memoised. */
  cut: boolean;
  /** This frame's relation is on the path (removed when the frame is done). */
  onPath?: boolean;
}

class Resolver implements AccessResolver {
  /** scopeKey → grants */
  private readonly byScope = new Map<string, Grant[]>();
  private readonly graph: RoleGraph;
  /** role → relation → column → verdict: nested maps of the catalog's own strings (no key is built per question). */
  private readonly verdictCache = new Map<string, Map<RelationId, Map<string, AccessVerdict>>>();
  /** The same, asked inside a foreign table's remote check (the foreign tables being visited are part of the key). */
  private readonly visitingCache = new Map<string, AccessVerdict>();
  /** scope → privilege → grantees: holds() asks a set instead of walking every grant on the scope. */
  private readonly granteesOf = new GranteeIndex();
  /** relation → column → grantees of SELECT on that column: a refusal asks about every column of its table. */
  private readonly columnSelect = new Map<RelationId, Map<string, Set<string>>>();
  private readonly foreignVisiting = new Set<string>();
  /** rewrite(): a subtree's memo key → its first refusals (see rewrite for what the key holds). */
  private readonly rewriteMemo = new Map<string, FirstRefusals>();
  private readonly usedColumnsCache = new Map<RelationId, Map<RelationId, Set<string>>>();
  /** relation → whether its checks' subtree depends on the caller (callerMatters). */
  private readonly callerMattersCache = new Map<RelationId, boolean>();
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
      this.granteesOf.add(g.scope, g.privilege, g.grantee);
      if (g.scope.kind === 'column' && g.privilege === 'SELECT') {
        let columns = this.columnSelect.get(g.scope.relation);
        if (!columns) this.columnSelect.set(g.scope.relation, (columns = new Map<string, Set<string>>()));
        let holders = columns.get(g.scope.column);
        if (!holders) columns.set(g.scope.column, (holders = new Set<string>()));
        holders.add(g.grantee);
      }
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

  executeDenied(role: string, routine: RelationId): boolean {
    const fn = this.catalog.relations.get(routine);
    return !!fn && !!this.products.get(fn.database)?.executeDenied?.(role, fn);
  }

  canSelectAsDefiner(owner: string, routine: RelationId, relation: RelationId, column: string): AccessVerdict {
    const fn = this.catalog.relations.get(routine);
    const rel = this.catalog.relations.get(relation);
    const product = fn && this.products.get(fn.database);
    if (!fn || !rel || !product?.canSelectAsDefiner || !rel.columns.some((c) => c.name === column))
      return this.canSelect(owner, relation, column);
    const v = product.canSelectAsDefiner(owner, fn, rel, column);
    return v.allowed && rel.dialect === 'oracle' ? this.checkLinks(owner, rel, column) : v;
  }

  privilegeRoles(role: string): ReadonlySet<string> {
    return new Set([...this.graph.inherited(role), PUBLIC]);
  }

  settableRoles(role: string): ReadonlySet<string> {
    return this.graph.settable(role);
  }

  /** aclmask for one privilege: granted to PUBLIC, to the role, or to a role whose privileges it has. */
  private holds(role: string, scope: GrantScope, privilege: string): boolean {
    return this.heldThrough(role, this.granteesOf.grantees(scope, privilege));
  }

  /** Whether one of these grantees' grants reaches the role: PUBLIC, itself, or a role whose privileges it has. */
  private heldThrough(role: string, grantees: ReadonlySet<string> | undefined): boolean {
    if (!grantees) return false;
    if (grantees.has(PUBLIC) || grantees.has(role) || this.isSuperuser(role)) return true;
    // has_privs_of_role for some grantee: walk the smaller of the two sets.
    const inherited = this.graph.inherited(role);
    if (inherited.size < grantees.size) {
      for (const r of inherited) if (grantees.has(r)) return true;
    } else {
      for (const g of grantees) if (inherited.has(g)) return true;
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
    // Inside a foreign table's remote check the answer depends on the foreign tables being
    // visited (a loop is cut as allowed): part of the key, so it never answers a later question.
    if (this.foreignVisiting.size) {
      const key = `${role}\u0000${relation}\u0000${column}\u0000${[...this.foreignVisiting].join('\u0001')}`;
      let v = this.visitingCache.get(key);
      if (!v) this.visitingCache.set(key, (v = this.check(role, relation, column)));
      return v;
    }
    let byRelation = this.verdictCache.get(role);
    if (!byRelation) this.verdictCache.set(role, (byRelation = new Map<RelationId, Map<string, AccessVerdict>>()));
    let byColumn = byRelation.get(relation);
    if (!byColumn) byRelation.set(relation, (byColumn = new Map<string, AccessVerdict>()));
    let v = byColumn.get(column);
    if (!v) byColumn.set(column, (v = this.check(role, relation, column)));
    return v;
  }

  private check(role: string, relationId: RelationId, column: string): AccessVerdict {
    const rel = this.catalog.relations.get(relationId);
    const at = `${relationId}.${column}`;
    if (!rel || !rel.columns.some((c) => c.name === column)) {
      return refused('unknown-relation', at, { key: 'undefined', relation: at });
    }
    const product = this.products.get(rel.database);
    if (product) {
      const v = product.canSelect(role, rel, column);
      return v.allowed && rel.dialect === 'oracle' ? this.checkLinks(role, rel, column) : v;
    }
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

    // 2. Every relation of the rewritten query, in the order the executor checks them (the first
    //    refusal is the answer); 2b. then the foreign tables of the query; 3. then row security.
    const first = this.rewrite(rel, role, [column]);
    return first.permission ?? first.foreign ?? first.rowSecurity ?? ALLOWED;
  }

  /**
   * The view rewrite of `SELECT columns FROM rel` checked as `checkAs`: a view's base relations
   * are checked as its owner, or as the caller when the view is security_invoker (even when that
   * view is reached through another view), with every base column the view's query references.
   * The query's checks form a tree (a view's checks below it, in the executor's order); the
   * answer is, per phase, the first refusal in that order:
   *
   * 1. the permission check of every relation (schema USAGE first for a name a function body
   *    looks up when it runs);
   * 2. postgres_fdw's checks for every foreign table (its user mapping, the remote privileges) —
   *    checked as the role the table is checked as (a view owner's through a view);
   * 3. row level security on every table.
   *
   * Each subtree's first refusals are memoised, so a stack of n views costs n subtrees, not n²
   * checks. The memo key is every input of a subtree's answer: the relation, the role it is
   * checked as, the columns selected, the caller (what an invoker view below checks as), the view
   * whose owner's rights it uses, whether its name is looked up when a function runs, and the
   * foreign tables being visited (checkForeign's loop cut answers "allowed" inside a loop). A
   * subtree cut by a view that depends on itself depends on the views above it and is not
   * memoised. An explicit stack: a 20,000-deep stack of views is a loop, not a recursion.
   */
  private rewrite(top: Relation, role: string, columns: string[]): FirstRefusals {
    const foreign = this.foreignVisiting.size ? [...this.foreignVisiting].join('\u0001') : '';
    /** Relations on the current path from the top: a view met again is checked but not expanded. */
    const path = new Set<string>();
    const enter = (c: PermissionCheck, caller: string, key: string): Frame => {
      const frame: Frame = {
        check: c,
        caller,
        key,
        first: this.ownRefusals(c, caller),
        children: [],
        next: 0,
        cut: false,
      };
      const view = c.relation.view;
      if (!view || view.materialized) return frame;
      if (path.has(c.relation.id)) {
        frame.cut = true;
        return frame;
      }
      frame.children = this.baseChecks(c.relation, caller);
      path.add(c.relation.id);
      frame.onPath = true;
      return frame;
    };
    const stack: Frame[] = [];
    let done: { first: FirstRefusals; cut: boolean } | undefined;
    const memoOrEnter = (c: PermissionCheck, caller: string): void => {
      // A relation with no subtree and no remote side (a table, a materialized view) answers
      // with its own checks, which read nothing the key adds: no memo entry.
      if ((!c.relation.view || c.relation.view.materialized) && !c.relation.foreign) {
        done = { first: this.ownRefusals(c, caller), cut: false };
        return;
      }
      const key = [
        c.relation.id,
        c.checkAs,
        c.columns.join('\u0001'),
        // Most subtrees never read the caller: one memo entry for every caller (see callerMatters).
        this.callerMatters(c.relation) ? caller : '',
        c.viaView?.id ?? '',
        c.lookup ? 1 : 0,
        foreign,
      ].join('\u0000');
      const known = this.rewriteMemo.get(key);
      if (known) done = { first: known, cut: false };
      else stack.push(enter(c, caller, key));
    };
    memoOrEnter({ relation: top, checkAs: role, columns }, role);
    for (;;) {
      if (done) {
        const parent = stack[stack.length - 1];
        if (!parent) return done.first;
        parent.first = merge(parent.first, done.first);
        parent.cut ||= done.cut;
        done = undefined;
      }
      const frame = stack[stack.length - 1];
      if (!frame) throw new Error('internal error: the rewrite walk lost its frame');
      const child = frame.children[frame.next];
      if (child) {
        frame.next++;
        memoOrEnter(child.check, child.caller);
        continue;
      }
      stack.pop();
      if (frame.onPath) path.delete(frame.check.relation.id);
      if (!frame.cut) this.rewriteMemo.set(frame.key, frame.first);
      done = { first: frame.first, cut: frame.cut };
    }
  }

  /** One relation's own checks of the three phases (its view's base relations are checked below it). */
  private ownRefusals(c: PermissionCheck, caller: string): FirstRefusals {
    const lookup = c.lookup ? this.checkLookup(c) : ALLOWED;
    const permission = lookup.allowed ? this.checkPermission(c) : lookup;
    const foreign = c.relation.foreign ? this.checkForeign(c) : c.relation.view ? this.checkDblink(c, caller) : ALLOWED;
    const rowSecurity =
      c.relation.kind === 'table' || c.relation.view?.materialized
        ? this.checkRowSecurity(c.relation, c.checkAs, c.viaView)
        : ALLOWED;
    return {
      ...(permission.allowed ? {} : { permission }),
      ...(foreign.allowed ? {} : { foreign }),
      ...(rowSecurity.allowed ? {} : { rowSecurity }),
    };
  }

  /**
   * The checks a view's (or function body's) query adds: each base relation, as the view owner
   * (as the caller for security_invoker), with the base columns the query uses. Inside a SECURITY
   * DEFINER function the current user is its owner: invoker views and functions it reaches check
   * as the owner. Its body's names are looked up when it runs.
   */
  private baseChecks(rel: Relation, caller: string): { check: PermissionCheck; caller: string }[] {
    const view = rel.view!;
    const inner = view.securityInvoker ? caller : (rel.owner ?? BOOTSTRAP_OWNER);
    const definerFunction = rel.kind === 'function' && !view.securityInvoker;
    const lookup = rel.kind === 'function' && !rel.routine?.atomic;
    const out: { check: PermissionCheck; caller: string }[] = [];
    for (const [id, cols] of this.usedColumnsOf(rel)) {
      const base = this.catalog.relations.get(id);
      if (!base) continue; // an unknown base is reported at build time
      const names = new Set(base.columns.map((x) => x.name));
      out.push({
        check: {
          relation: base,
          checkAs: inner,
          columns: [...cols].filter((c) => names.has(c)),
          ...(view.securityInvoker ? {} : { viaView: rel }),
          ...(lookup ? { lookup: true } : {}),
        },
        caller: definerFunction ? inner : caller,
      });
    }
    return out;
  }

  /**
   * Whether a relation's subtree of checks reads the caller: only an invoker view or function
   * checks its bases as the caller, and a definer view passes the caller on to its bases; a table,
   * a materialized view and a definer function's body never read it. Then the caller is left out
   * of rewrite()'s memo key. Post-order over the view dependencies (iterative); a view on a
   * dependency cycle counts as reading the caller (only ever one more memo entry, never a wrong one).
   */
  private callerMatters(rel: Relation): boolean {
    const known = this.callerMattersCache.get(rel.id);
    if (known !== undefined) return known;
    const expands = (r: Relation) => !!r.view && !r.view.materialized;
    const bases = (r: Relation): Relation[] =>
      expands(r) && !this.callerMattersCache.has(r.id)
        ? [...this.usedColumnsOf(r).keys()].flatMap((id) => this.catalog.relations.get(id) ?? [])
        : [];
    for (const r of dependencyOrder([rel], bases)) {
      if (this.callerMattersCache.has(r.id)) continue;
      const view = r.view;
      // A view's dblink call runs as the caller (dblinkRunner): its user mapping and password rule read it.
      const callsDblink = (this.catalog.crossDatabase?.dblinks ?? []).some(
        (d) => d.relation === r.id && d.remoteAccess,
      );
      const matters =
        !!view &&
        expands(r) &&
        (view.securityInvoker ||
          (r.kind !== 'function' && (callsDblink || bases(r).some((b) => this.callerMattersCache.get(b.id) ?? true))));
      this.callerMattersCache.set(r.id, matters);
    }
    return this.callerMattersCache.get(rel.id)!;
  }

  private usedColumnsOf(rel: Relation): Map<RelationId, Set<string>> {
    let used = this.usedColumnsCache.get(rel.id);
    if (!used) this.usedColumnsCache.set(rel.id, (used = usedColumns(rel)));
    return used;
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
  private checkPermission(c: PermissionCheck): AccessVerdict {
    const { relation: rel, checkAs, columns } = c;
    if (rel.kind === 'function') return this.checkExecute(c);
    if (this.isSuperuser(checkAs) || this.readsAllData(checkAs, false)) return ALLOWED;
    if (this.holds(checkAs, { kind: 'relation', relation: rel.id }, 'SELECT')) return ALLOWED;
    const granted = this.columnSelect.get(rel.id);
    const colOk = (name: string) => !!granted && this.heldThrough(checkAs, granted.get(name));
    const missing = columns.length
      ? columns.filter((x) => !colOk(x))
      : rel.columns.some((x) => colOk(x.name))
        ? []
        : ['*'];
    if (missing.length === 0) return ALLOWED;
    const someColumn = !!granted && rel.columns.some((x) => colOk(x.name));
    const control: BlockControl = c.viaView
      ? 'view-owner-lacks-privilege'
      : someColumn
        ? 'no-column-privilege'
        : 'no-table-privilege';
    const at = someColumn && missing[0] !== '*' ? `${rel.id}.${missing[0]}` : rel.id;
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

  /** relation → its dblink calls spif checks (catalog/cross-database.ts `remoteAccess`). */
  private dblinkCache?: Map<RelationId, DblinkUse[]>;

  /**
   * `dblink(conn, 'SELECT …') AS t(cols)` in a view or function (PostgreSQL 15 docs F.12 dblink):
   * the query runs in the remote database as the user the connection string names, with that
   * user's privileges there, whoever reads the caller; a refusal there fails the call with an
   * error. A column of the caller is refused when every value it carries comes from such calls
   * and each of them is refused (a column also fed by a local table, or by a call that succeeds,
   * is left to those: a call in a branch that does not run refuses nothing). Calls spif cannot
   * check are unknown paths, reported apart (unknown-paths.ts).
   */
  private checkDblink(c: PermissionCheck, caller: string): AccessVerdict {
    if (!this.dblinkCache) {
      this.dblinkCache = new Map();
      for (const d of this.catalog.crossDatabase?.dblinks ?? []) {
        if (!d.remoteAccess || d.location === undefined) continue;
        const list = this.dblinkCache.get(d.relation) ?? [];
        this.dblinkCache.set(d.relation, [...list, d]);
      }
    }
    const uses = this.dblinkCache.get(c.relation.id);
    if (!uses || c.columns.length === 0) return ALLOWED;
    const view = c.relation.view!;
    for (const column of c.columns) {
      const from = view.columns.find((x) => x.name === column)?.from ?? [];
      if (from.length === 0) continue;
      let first: AccessVerdict | undefined;
      for (const src of from) {
        const calls = uses.filter((d) => src.relation.name === dblinkRelation(d.location!));
        if (calls.length === 0) {
          first = undefined; // a value from elsewhere: not refused here
          break;
        }
        const refusals = calls.map((d) => this.checkDblinkCall(c.relation, d, this.dblinkRunner(c.relation, caller)));
        if (refusals.some((v) => v.allowed)) {
          first = undefined;
          break;
        }
        first ??= refusals[0];
      }
      if (first && !first.allowed) return first;
    }
    return ALLOWED;
  }

  /**
   * The role a dblink call runs as, which dblink's own checks see (superuser(), the user mapping):
   * a SECURITY DEFINER function's owner; otherwise the caller, in a view too ("Functions called in
   * the view are treated the same as if they had been called directly from the query using the
   * view", CREATE VIEW).
   */
  dblinkRunner(rel: Relation, caller: string): string {
    return rel.kind === 'function' && !rel.view?.securityInvoker ? (rel.owner ?? BOOTSTRAP_OWNER) : caller;
  }

  /**
   * The remote user of a checked call as `runner`, its password, or the refusal before any remote
   * check: through a foreign server, the runner's user mapping or PUBLIC's ("user mapping not
   * found" without either); then dblink's password rule (F.12 dblink_connect: "Only superusers may
   * use dblink_connect to create non-password-authenticated connections. If non-superusers need
   * this capability, use dblink_connect_u instead"; dblink() applies the same check to the string
   * it connects with). Measured on PostgreSQL 15: "password is required … Non-superusers must
   * provide a password in the connection string" (test/paths/dblink-connections.test.ts).
   */
  dblinkSession(d: DblinkUse, runner: string): { user: string } | { refused: Reason } | undefined {
    const access = d.remoteAccess;
    if (!access) return undefined;
    let user = access.user;
    let password = !!d.password;
    if (access.server) {
      const maps = (this.catalog.crossDatabase?.userMappings ?? []).filter(
        (m) => m.database === d.database && m.server === access.server,
      );
      const m = maps.find((x) => x.role === runner) ?? maps.find((x) => x.role === PUBLIC);
      if (!m)
        return { refused: { key: 'dblink-no-user-mapping', role: runner, via: d.relation, server: access.server } };
      // "user must have usage on the server" (dblink's get_connect_string, after the mapping lookup).
      const server = this.catalog.crossDatabase?.servers.find(
        (x) => x.database === d.database && x.name === access.server,
      );
      const roles = this.privilegeRoles(runner);
      const usage =
        this.isSuperuser(runner) ||
        (server?.owner !== undefined && roles.has(server.owner)) ||
        (server?.usage ?? []).some((g) => g === PUBLIC || roles.has(g));
      if (!usage)
        return { refused: { key: 'dblink-no-server-usage', role: runner, via: d.relation, server: access.server } };
      user = m.user;
      password = !!m.password;
    }
    if (!password && !d.unsafe && !this.isSuperuser(runner))
      return {
        refused: {
          key: 'dblink-password-required',
          role: runner,
          via: d.relation,
          ...(access.server ? { server: access.server } : {}),
        },
      };
    return user === undefined ? undefined : { user };
  }

  /** One call's remote query, as its connection's user: CONNECT on the remote database, SELECT on each column it reads. */
  private checkDblinkCall(caller: Relation, d: DblinkUse, runner: string): AccessVerdict {
    const access = d.remoteAccess!;
    const session = this.dblinkSession(d, runner);
    if (!session) return ALLOWED;
    if ('refused' in session)
      return refused(
        // The connection is never opened: no mapping, no USAGE on the server, or no password.
        session.refused.key === 'dblink-no-user-mapping' ? 'no-user-mapping' : 'remote-access-denied',
        caller.id,
        session.refused,
      );
    const user = session.user;
    const denied = (at: string, relation: string, reason?: Reason) =>
      refused('remote-access-denied', at, {
        key: 'dblink-remote-denied',
        role: user,
        via: caller.id,
        relation,
        database: d.remoteDatabase,
        ...(reason ? { remote: reason } : {}),
      });
    if (!this.canConnect(user, d.remoteDatabase!))
      return denied(d.remoteDatabase!, d.remoteDatabase!, {
        key: 'not-connectable',
        principal: user,
        database: d.remoteDatabase,
      });
    const key = `dblink\u0000${caller.id}\u0000${d.location}\u0000${user}`;
    if (this.foreignVisiting.has(key)) return ALLOWED; // a loop through other databases: cut, as for foreign tables
    this.foreignVisiting.add(key);
    try {
      for (const r of access.reads) {
        const remote = this.catalog.relations.get(r.relation);
        if (!remote) continue;
        if (r.columns.length === 0) {
          // `SELECT count(*) FROM t`: SELECT on some column of t will do.
          const verdicts = remote.columns.map((x) => this.canSelect(user, remote.id, x.name));
          const no = verdicts.find((v) => !v.allowed);
          if (no && !no.allowed && !verdicts.some((v) => v.allowed)) return denied(no.at, remote.id, no.reason);
          continue;
        }
        for (const column of r.columns) {
          const v = this.canSelect(user, remote.id, column);
          if (!v.allowed) return denied(v.at, remote.id, v.reason);
        }
      }
      return ALLOWED;
    } finally {
      this.foreignVisiting.delete(key);
    }
  }

  /**
   * Oracle database links on the query's path: the relation itself when it is a remote object
   * (`t@link`, a synonym for one), or one its view reads (views of views too). The remote query
   * runs in the link's database as the link's remote user (Administrator's Guide, "Users of
   * Database Links"): the fixed user (CONNECT TO user); for CONNECT TO CURRENT_USER, the owner of
   * the view it is read through (a view runs with its owner's rights), else the session user; for
   * a connected-user link, the session user. That user's privileges there decide. An unresolved
   * link or remote is an unknown path, reported apart (unknown-paths.ts).
   */
  private checkLinks(role: string, rel: Relation, column: string): AccessVerdict {
    const reached: { relation: Relation; columns: string[]; view?: Relation }[] = [];
    const walk = (r: Relation, columns: string[], view: Relation | undefined, seen: Set<string>) => {
      if (r.foreign?.via === 'database-link') {
        reached.push({ relation: r, columns, ...(view ? { view } : {}) });
        return;
      }
      if (!r.view || seen.has(r.id)) return;
      seen.add(r.id);
      for (const [id, cols] of usedColumns(r)) {
        const base = this.catalog.relations.get(id);
        if (base) walk(base, [...cols], r, seen);
      }
    };
    walk(rel, [column], undefined, new Set());
    for (const { relation: r, columns, view } of reached) {
      const f = r.foreign!;
      const link = f.link;
      if (!link || !f.remote) continue;
      const remote = this.catalog.relations.get(f.remote);
      if (!remote) continue;
      const user =
        link.connect === 'fixed' && link.user
          ? link.user
          : link.connect === 'current-user' && view
            ? (view.owner ?? view.schema)
            : role;
      const key = `${r.id}\u0000${user}`;
      if (this.foreignVisiting.has(key)) continue;
      this.foreignVisiting.add(key);
      try {
        const cols = columns.filter((c) => remote.columns.some((x) => x.name === c));
        for (const c of cols.length ? cols : remote.columns.slice(0, 1).map((x) => x.name)) {
          const v = this.canSelect(user, remote.id, c);
          if (v.allowed) continue;
          return refused('remote-access-denied', v.at, {
            key: 'link-remote-denied',
            role: user,
            via: view?.id ?? r.id,
            relation: remote.id,
            server: link.name,
            ...(v.reason ? { remote: v.reason } : {}),
          });
        }
      } finally {
        this.foreignVisiting.delete(key);
      }
    }
    return ALLOWED;
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
