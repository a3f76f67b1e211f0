/**
 * The smallest access change that stops a principal reaching the number from a relation.
 *
 * Candidates are single changes on the principal's current path: take away its SELECT on one
 * column of the path (the number column, or a link column of any hop) from every grant that
 * gives it, keeping every other column it could read; or remove a database of the path from the
 * principal's `connects`. Each candidate is applied to a copy of the catalog (or principal), and
 * reachability is run again: a candidate is *verified* when the relation no longer reaches the
 * number for that principal by any path. The smallest is the verified one that takes the fewest
 * columns away from the principal.
 */
import {
  asRelationId,
  type Catalog,
  columnId,
  type Grant,
  type Relation,
  type RelationId,
  relationIdOf,
} from '../catalog/model.js';
import { PUBLIC } from '../catalog/privileges.js';
import { isMysqlFamily } from '../dialect.js';
import type { Principal } from '../access/principals.js';
import type { AccessResolver } from '../access/resolver.js';
import { Analysis, scenario, type Scenario } from '../classify/analysis.js';
import type { PrincipalAccess } from '../access/principals.js';
import type { NumberColumnHit } from '../detect/index.js';
import type { LinkGraph } from '../graph/links.js';
import { isHub } from '../graph/links.js';
import type { PathStep } from '../report/model.js';
import type { Suggestion } from './model.js';
import { gt } from './messages.js';
import { nth } from '../indexed.js';

export interface ChangeContext {
  catalog: Catalog;
  graph: LinkGraph;
  numbersByRelation: ReadonlyMap<RelationId, NumberColumnHit[]>;
  principals: Principal[];
  postgresVersion: number;
}

/** The context with the analysis's own access (a bare context gets a fresh scenario of its catalog). */
interface Context extends ChangeContext {
  current: Scenario & { resolver: AccessResolver };
  /** The same question on a changed catalog. */
  after(catalog: Catalog): Scenario;
}

function contextOf(ctx: ChangeContext | Analysis): Context {
  if (ctx instanceof Analysis) {
    return {
      catalog: ctx.catalog,
      graph: ctx.graph,
      numbersByRelation: ctx.numbersByRelation,
      principals: ctx.principals.principals,
      postgresVersion: ctx.config.postgresVersion,
      current: { access: ctx.access, reach: (p) => ctx.reach(p), resolver: ctx.resolver },
      after: (catalog) => ctx.scenario(catalog),
    };
  }
  return {
    ...ctx,
    current: scenario(ctx.catalog, ctx.graph, ctx.numbersByRelation, ctx.postgresVersion),
    after: (catalog) => scenario(catalog, ctx.graph, ctx.numbersByRelation, ctx.postgresVersion),
  };
}

interface Candidate {
  kind: Suggestion['kind'];
  target: string;
  grantee?: string;
  server?: string;
  catalog: Catalog;
  principal: Principal;
  sql?: string;
  config?: string;
  summary: string;
}

const KIND_ORDER: Suggestion['kind'][] = [
  'revoke-execute',
  'drop-user-mapping',
  'revoke-remote',
  'revoke-column',
  'revoke-table',
  'revoke-schema',
  'revoke-membership',
  'remove-connect',
];

/** Splits `db.schema.relation.column` into relation id and column (relation ids have 3 parts). */
/** A column id of a path or suggestion target (`database.schema.relation.column`), split after its relation. */
function splitColumn(columnId: string): { relation: RelationId; column: string } {
  const parts = columnId.split('.');
  return { relation: asRelationId(parts.slice(0, 3).join('.')), column: parts.slice(3).join('.') };
}

export function suggestAccessChanges(
  context: ChangeContext | Analysis,
  p: Principal,
  relation: RelationId,
  path: PathStep[],
  numberColumn: string,
  max = 3,
): Suggestion[] {
  const ctx = contextOf(context);
  const access = ctx.current.access;
  const columns = new Set<string>([numberColumn]);
  for (const s of path) {
    for (const c of [s.from, s.to]) if (!isHub(c)) columns.add(c);
  }
  const candidates: Candidate[] = [];
  for (const c of columns) candidates.push(...revokeCandidates(ctx, access, p, c));
  const databases = new Set([...columns].map((c) => nth(c.split('.'), 0)));
  if (p.kind === 'system') for (const db of [...databases].sort()) candidates.push(connectCandidate(ctx, p, db));

  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const cand of candidates) {
    const key = `${cand.kind}\u0000${cand.sql ?? cand.config}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A fresh scenario even on an unchanged catalog: the candidate principal (other connects) keeps its own name.
    const what = ctx.after(cand.catalog);
    const after = what.access;
    const verified = !what.reach(cand.principal).reached.has(relation);
    out.push({
      kind: cand.kind,
      summary: cand.summary,
      target: cand.target,
      ...(cand.sql ? { sql: cand.sql } : {}),
      ...(cand.config ? { config: cand.config } : {}),
      ...(cand.grantee ? { grantee: cand.grantee } : {}),
      ...(cand.server ? { server: cand.server } : {}),
      columnsLost: columnsLost(ctx.catalog, access, p, after, cand.principal),
      verified,
      alsoAffects: alsoAffected(ctx, access, after, p, cand),
    });
  }
  // Ties: taking the number itself away comes first — it names the root, not one of the routes.
  const isNumber = (s: Suggestion) =>
    Number(ctx.numbersByRelation.get(splitColumn(s.target).relation)?.some((h) => h.columnId === s.target) ?? false);
  out.sort(
    (a, b) =>
      Number(b.verified) - Number(a.verified) ||
      a.columnsLost - b.columnsLost ||
      isNumber(b) - isNumber(a) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.summary.localeCompare(b.summary),
  );
  return out.slice(0, max);
}

/** The roles whose grants the principal uses: what it acts as, what it may SET ROLE to, what those inherit. */
function rolesUsed(ctx: Context, p: Principal): Set<string> {
  const resolver = ctx.current.resolver;
  const out = new Set<string>();
  for (const role of p.roles) {
    if (role === PUBLIC) {
      out.add(PUBLIC);
      continue;
    }
    for (const r of resolver.settableRoles(role)) for (const x of resolver.privilegeRoles(r)) out.add(x);
  }
  return out;
}

function grantGives(g: Grant, rel: Relation, column: string): boolean {
  if (g.privilege !== 'SELECT') return false;
  const s = g.scope;
  switch (s.kind) {
    case 'relation':
      return s.relation === rel.id;
    case 'column':
      return s.relation === rel.id && s.column === column;
    case 'schema-tables':
      return s.database === rel.database && s.schema === rel.schema;
    case 'database':
      return rel.dialect !== 'postgresql' && s.database === rel.database;
    default:
      return false;
  }
}

function revokeCandidates(ctx: Context, access: PrincipalAccess, p: Principal, columnId: string): Candidate[] {
  const { relation, column } = splitColumn(columnId);
  const rel = ctx.catalog.relations.get(relation);
  if (!rel || p.roles.length === 0 || !access.canRead(p, relation, column).allowed) return [];
  if (rel.kind === 'function') return revokeExecuteCandidates(ctx, p, rel, columnId);
  const roles = rolesUsed(ctx, p);
  const viaForeign = rel.foreign
    ? foreignCandidates(ctx, access, p, rel, column, columnId, roles)
    : dblinkCandidates(ctx, access, p, rel, column);
  const giving = ctx.catalog.grants.filter((g) => roles.has(g.grantee) && grantGives(g, rel, column));
  if (giving.length === 0) return viaForeign;
  const grantees = [...new Set(giving.map((g) => g.grantee))].sort();
  // Take away this column only: every other column (and relation) the grants covered stays granted.
  const kept: Grant[] = [];
  const sql: string[] = [];
  for (const g of giving) {
    const others = rel.columns.map((c) => c.name).filter((c) => c !== column);
    if (g.scope.kind === 'column') {
      sql.push(`REVOKE SELECT (${ident(rel, column)}) ON ${qualified(rel)} FROM ${roleName(rel, g.grantee)};`);
      continue;
    }
    const widerRelations: Relation[] =
      g.scope.kind === 'relation'
        ? []
        : [...ctx.catalog.relations.values()]
            .filter(
              (r) =>
                r.id !== rel.id &&
                r.database === rel.database &&
                (g.scope.kind === 'database' || r.schema === rel.schema),
            )
            .sort((a, b) => a.id.localeCompare(b.id));
    const on =
      g.scope.kind === 'relation'
        ? qualified(rel)
        : g.scope.kind === 'schema-tables'
          ? `${quote(rel, rel.schema)}.*`
          : '*.*';
    sql.push(`REVOKE SELECT ON ${on} FROM ${roleName(rel, g.grantee)};`);
    for (const r of widerRelations) {
      kept.push({ ...g, scope: { kind: 'relation', relation: r.id } });
      sql.push(`GRANT SELECT ON ${qualified(r)} TO ${roleName(rel, g.grantee)};`);
    }
    for (const c of others) kept.push({ ...g, scope: { kind: 'column', relation: rel.id, column: c } });
    if (others.length)
      sql.push(
        `GRANT SELECT (${others.map((c) => ident(rel, c)).join(', ')}) ON ${qualified(rel)} TO ${roleName(rel, g.grantee)};`,
      );
  }
  const catalog: Catalog = {
    ...ctx.catalog,
    grants: [...ctx.catalog.grants.filter((g) => !giving.includes(g)), ...kept],
  };
  const kind: Suggestion['kind'] = giving.some((g) => g.scope.kind === 'schema-tables' || g.scope.kind === 'database')
    ? 'revoke-schema'
    : giving.some((g) => g.scope.kind === 'relation')
      ? 'revoke-table'
      : 'revoke-column';
  const who = grantees.join(', ');
  const summary =
    kind === 'revoke-column'
      ? gt('en', 'gate.suggest.revoke-column', columnId, who)
      : kind === 'revoke-table'
        ? gt('en', 'gate.suggest.revoke-table', relation, who, column)
        : gt('en', 'gate.suggest.revoke-schema', `${rel.database}.${rel.schema}`, who, columnId);
  return [{ kind, target: columnId, grantee: who, catalog, principal: p, sql: sql.join('\n'), summary }, ...viaForeign];
}

/**
 * A foreign table on the path (postgres_fdw): drop the user mappings the principal's roles read
 * through (their own, or PUBLIC's), or take the column away from the remote user in the remote
 * database; both are checked by running reachability again like every other candidate.
 */
function foreignCandidates(
  ctx: Context,
  access: PrincipalAccess,
  p: Principal,
  rel: Relation,
  column: string,
  columnId: string,
  roles: Set<string>,
): Candidate[] {
  const f = rel.foreign!;
  const cross = ctx.catalog.crossDatabase;
  if (!cross) return [];
  const mappings = cross.userMappings.filter(
    (m) => m.database === rel.database && m.server === f.server && (m.role === PUBLIC || roles.has(m.role)),
  );
  if (mappings.length === 0) return [];
  const out: Candidate[] = [];
  const who = [...new Set(mappings.map((m) => m.role))].sort().join(', ');
  out.push({
    kind: 'drop-user-mapping',
    target: columnId,
    grantee: who,
    server: f.server,
    catalog: {
      ...ctx.catalog,
      crossDatabase: { ...cross, userMappings: cross.userMappings.filter((m) => !mappings.includes(m)) },
    },
    principal: p,
    sql: mappings
      .map((m) => `DROP USER MAPPING FOR ${roleName(rel, m.role)} SERVER ${quote(rel, f.server)};`)
      .join('\n'),
    summary: gt('en', 'gate.suggest.drop-user-mapping', rel.id, who, f.server),
  });
  if (!f.remote) return out;
  const remoteColumn = `${f.remote}.${f.columnNames[column] ?? column}`;
  for (const user of [...new Set(mappings.map((m) => m.user).filter((u): u is string => u !== undefined))].sort())
    out.push(...remoteRevokes(ctx, access, p, user, remoteColumn));
  return out;
}

/** In the remote database, take the column away from the user a foreign table or dblink call connects as. */
function remoteRevokes(
  ctx: Context,
  access: PrincipalAccess,
  p: Principal,
  user: string,
  remoteColumn: string,
): Candidate[] {
  const remoteUser: Principal = { name: `#remote:${user}`, kind: 'role', roles: [user] };
  const out: Candidate[] = [];
  for (const c of revokeCandidates(ctx, access, remoteUser, remoteColumn)) {
    if (c.kind === 'drop-user-mapping' || c.kind === 'revoke-remote') continue;
    out.push({
      ...c,
      kind: 'revoke-remote',
      target: remoteColumn,
      principal: p,
      sql: `-- in database ${remoteColumn.split('.')[0]}\n${c.sql ?? ''}`,
      summary: gt('en', 'gate.suggest.revoke-remote', remoteColumn, c.grantee ?? user, nth(remoteColumn.split('.'), 0)),
    });
  }
  return out;
}

/**
 * A view or function column filled by `dblink(…) AS t(cols)` that spif checks (its connection's
 * user): in the remote database, take each remote column it carries away from that user. The
 * call then fails (F.12 dblink), which reachability run again confirms.
 */
function dblinkCandidates(
  ctx: Context,
  access: PrincipalAccess,
  p: Principal,
  rel: Relation,
  column: string,
): Candidate[] {
  const calls = (ctx.catalog.crossDatabase?.dblinks ?? []).filter((d) => d.relation === rel.id && d.remoteAccess);
  if (calls.length === 0) return [];
  const c = rel.columns.find((x) => x.name === column);
  const out: Candidate[] = [];
  for (const d of calls) {
    // The remote user: the connection string's, or through a foreign server each running role's user mapping.
    const users = new Set<string>();
    for (const role of p.roles) {
      const session = ctx.current.resolver.dblinkSession(d, ctx.current.resolver.dblinkRunner(rel, role));
      if (session && 'user' in session) users.add(session.user);
    }
    for (const src of c?.copiedFrom ?? []) {
      if (src.via !== 'foreign-table' || src.relation.database !== d.remoteDatabase) continue;
      const remoteColumn = columnId(relationIdOf(src.relation), src.column);
      for (const user of [...users].sort()) out.push(...remoteRevokes(ctx, access, p, user, remoteColumn));
    }
  }
  return out;
}

/** A function on the path: REVOKE EXECUTE from the grantees that give it to the principal (PUBLIC by default). */
function revokeExecuteCandidates(ctx: Context, p: Principal, rel: Relation, columnId: string): Candidate[] {
  if (rel.dialect !== 'postgresql') return revokeExecuteMysql(ctx, p, rel, columnId);
  const roles = rolesUsed(ctx, p);
  const giving = ctx.catalog.grants.filter(
    (g) =>
      g.privilege === 'EXECUTE' && g.scope.kind === 'function' && g.scope.relation === rel.id && roles.has(g.grantee),
  );
  if (giving.length === 0) return [];
  const grantees = [...new Set(giving.map((g) => g.grantee))].sort();
  const what = rel.routine?.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION';
  const name = rel.name.slice(0, rel.name.indexOf('('));
  const signature = `${quote(rel, rel.schema)}.${quote(rel, name)}(${rel.routine?.argTypes.join(', ') ?? ''})`;
  const sql = grantees.map((g) => `REVOKE EXECUTE ON ${what} ${signature} FROM ${roleName(rel, g)};`).join('\n');
  const catalog: Catalog = { ...ctx.catalog, grants: ctx.catalog.grants.filter((g) => !giving.includes(g)) };
  const who = grantees.join(', ');
  return [
    {
      kind: 'revoke-execute',
      target: columnId,
      grantee: who,
      catalog,
      principal: p,
      sql,
      summary: gt('en', 'gate.suggest.revoke-execute', rel.id, who),
    },
  ];
}

/**
 * A MySQL/MariaDB routine on the path: `REVOKE EXECUTE ON PROCEDURE db.p FROM account` (no
 * argument list: MySQL has no overloading; MySQL 8.0 Reference Manual, GRANT "Stored Routine
 * Privileges"). EXECUTE held at `db.*` is revoked there and granted again on the database's other
 * routines, so only this routine is taken away; EXECUTE held globally (`*.*`) gets no suggestion
 * here (revoking it reaches every database).
 */
function revokeExecuteMysql(ctx: Context, p: Principal, rel: Relation, columnId: string): Candidate[] {
  const roles = rolesUsed(ctx, p);
  const giving = ctx.catalog.grants.filter(
    (g) =>
      g.privilege === 'EXECUTE' &&
      roles.has(g.grantee) &&
      ((g.scope.kind === 'function' && g.scope.relation === rel.id) ||
        (g.scope.kind === 'schema-tables' && g.scope.database === rel.database && g.scope.schema === rel.schema)),
  );
  if (giving.length === 0) return [];
  const routine = (r: Relation) =>
    `${r.routine?.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${quote(r, r.schema)}.${quote(r, r.name.slice(0, r.name.indexOf('(')))}`;
  const others = [...ctx.catalog.relations.values()].filter(
    (r) => r.kind === 'function' && r.id !== rel.id && r.database === rel.database && r.schema === rel.schema,
  );
  const sql: string[] = [];
  const added: Grant[] = [];
  for (const g of giving) {
    const who = roleName(rel, g.grantee);
    if (g.scope.kind === 'function') {
      sql.push(`REVOKE EXECUTE ON ${routine(rel)} FROM ${who};`);
      continue;
    }
    sql.push(`REVOKE EXECUTE ON ${quote(rel, rel.schema)}.* FROM ${who};`);
    for (const o of others) {
      sql.push(`GRANT EXECUTE ON ${routine(o)} TO ${who};`);
      added.push({ ...g, scope: { kind: 'function', relation: o.id } });
    }
  }
  const grantees = [...new Set(giving.map((g) => g.grantee))].sort().join(', ');
  const catalog: Catalog = {
    ...ctx.catalog,
    grants: [...ctx.catalog.grants.filter((g) => !giving.includes(g)), ...added],
  };
  return [
    {
      kind: 'revoke-execute',
      target: columnId,
      grantee: grantees,
      catalog,
      principal: p,
      sql: sql.join('\n'),
      summary: gt('en', 'gate.suggest.revoke-execute', rel.id, grantees),
    },
  ];
}

function connectCandidate(ctx: ChangeContext, p: Principal, database: string): Candidate {
  const all = p.connects ?? [...ctx.catalog.databases.keys()].sort();
  const principal: Principal = { ...p, connects: all.filter((d) => d !== database) };
  return {
    kind: 'remove-connect',
    target: database,
    catalog: ctx.catalog,
    principal,
    config: `principals:\n  - name: ${p.name}\n    connects: [${principal.connects!.join(', ')}]`,
    summary: gt('en', 'gate.suggest.remove-connect', database, p.name),
  };
}

/** Columns the principal could read before the change and cannot after. */
function columnsLost(
  catalog: Catalog,
  before: PrincipalAccess,
  p: Principal,
  after: PrincipalAccess,
  p2: Principal,
): number {
  let n = 0;
  for (const rel of catalog.relations.values()) {
    for (const c of rel.columns) {
      if (c.parameter) continue; // a function's input, not something it hands out
      if (before.canRead(p, rel.id, c.name).allowed && !after.canRead(p2, rel.id, c.name).allowed) n++;
    }
  }
  return n;
}

/** Other principals that lose the target column (or database) with the change. */
function alsoAffected(
  ctx: ChangeContext,
  before: PrincipalAccess,
  after: PrincipalAccess,
  p: Principal,
  cand: Candidate,
): string[] {
  if (cand.kind === 'remove-connect') return [];
  const { relation, column } = splitColumn(cand.target);
  return ctx.principals
    .filter(
      (o) =>
        o.name !== p.name && before.canRead(o, relation, column).allowed && !after.canRead(o, relation, column).allowed,
    )
    .map((o) => o.name);
}

const SIMPLE = /^[a-z_][a-z0-9_$]*$/;

function quote(rel: Relation, name: string): string {
  if (rel.dialect === 'postgresql') return SIMPLE.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function ident(rel: Relation, column: string): string {
  return quote(rel, column);
}

function qualified(rel: Relation): string {
  return `${quote(rel, rel.schema)}.${quote(rel, rel.name)}`;
}

function roleName(rel: Relation, role: string): string {
  if (role === PUBLIC) return 'PUBLIC';
  // A MySQL account `user@host` is written 'user'@'host'.
  const at = role.lastIndexOf('@');
  if (isMysqlFamily(rel.dialect) && at > 0)
    return `'${role.slice(0, at).replace(/'/g, "''")}'@'${role.slice(at + 1).replace(/'/g, "''")}'`;
  return quote(rel, role);
}
