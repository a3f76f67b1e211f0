/**
 * "Unknown" paths: routes to the number spif cannot follow, reported on every relation they could
 * affect instead of being ignored. Today: a SECURITY DEFINER function or procedure whose body
 * spif could not read (dynamic EXECUTE, a language other than SQL and PL/pgSQL, a parse error).
 * It runs with its owner's rights, so whoever may EXECUTE it may get any column its owner may
 * read: each such relation carries `unknown-path:<function>:<reason>` until a person checks it.
 * An unread SECURITY INVOKER body is no path: it reads with the caller's own rights.
 */
import type { Catalog, Relation, RelationId } from '../catalog/model.js';
import { type DiagnosticText, type Said, part, said } from '../diagnostics.js';
import { PUBLIC } from '../catalog/privileges.js';
import { PrincipalAccess, type Principal } from './principals.js';
import type { AccessResolver } from './resolver.js';

export interface UnknownPath {
  /**
   * function: an unread SECURITY DEFINER body; foreign-table: a foreign table whose remote
   * relation (or remote user) is not known; subscription: a subscription whose publisher is not
   * known; dblink: a dblink call whose database or query is not known; database-link: an Oracle
   * remote object (`t@link`) whose link, database or remote relation is not known.
   */
  kind?: 'function' | 'foreign-table' | 'subscription' | 'dblink' | 'database-link';
  /**
   * The function or procedure (a relation id of kind 'function'), the foreign table or the caller
   * of dblink (relation ids), or the subscription (`database.subscription`, not a relation).
   */
  via: RelationId | string;
  /** Why it cannot be followed, in English (the assumption code's text). */
  reason: string;
  /** The same reason as a catalogue entry, for the reporters to render in the user's language. */
  reasonText?: DiagnosticText;
  /** Principals that may execute it. */
  executors: string[];
  /** Relations its owner may read: what it could hand out. */
  relations: RelationId[];
}

export function findUnknownPaths(catalog: Catalog, resolver: AccessResolver, principals: Principal[]): UnknownPath[] {
  const out: UnknownPath[] = [];
  for (const fn of catalog.relations.values()) {
    const r = fn.routine;
    if (!r || r.analysed || !r.securityDefiner) continue;
    const executors = principals.filter((p) => mayExecute(catalog, resolver, p, fn)).map((p) => p.name);
    if (executors.length === 0) continue;
    // Whose rights it runs with: its owner; SQL Server objects belong to their schema's owner (dbo by default).
    const owner =
      fn.owner ||
      catalog.databases.get(fn.database)?.schemas.get(fn.schema)?.owner ||
      (fn.dialect === 'sqlserver' ? 'dbo' : '');
    const relations = [...catalog.relations.values()]
      .filter(
        (x) =>
          x.kind !== 'function' &&
          x.database === fn.database &&
          x.columns.some((c) => resolver.canSelectAsDefiner(owner, fn.id, x.id, c.name).allowed),
      )
      .map((x) => x.id);
    // A reason a reader gave only in English stays English (no entry to render).
    const reason = r.unanalysedReason ?? said('diag.catalog.bodyNotRead').message;
    const text = r.unanalysedText ?? (r.unanalysedReason === undefined ? part('diag.catalog.bodyNotRead') : undefined);
    out.push({ via: fn.id, reason, ...(text ? { reasonText: text } : {}), executors, relations });
  }
  out.push(...crossDatabasePaths(catalog, resolver, principals));
  return out;
}

/**
 * Links to other databases spif cannot follow: a foreign table whose server matches no configured
 * database (or whose remote relation is missing, or whose user mapping names no remote user), a
 * subscription whose publisher is unknown, a dblink call it cannot resolve. Each relation that may
 * hold what the other database holds carries the path, whatever its own columns look like.
 */
function crossDatabasePaths(catalog: Catalog, resolver: AccessResolver, principals: Principal[]): UnknownPath[] {
  const cross = catalog.crossDatabase;
  if (!cross) return [];
  const access = new PrincipalAccess(catalog, resolver);
  const readers = (ids: RelationId[]) =>
    principals.filter((p) => ids.some((id) => access.canReadRelation(p, id))).map((p) => p.name);
  const out: UnknownPath[] = [];
  for (const r of catalog.relations.values()) {
    const f = r.foreign;
    if (!f) continue;
    let reason: Said | undefined = f.unresolved;
    if (f.via === 'database-link') {
      if (!reason) continue;
      // The remote object and the views that read it directly may hold what the other database holds.
      const viewIds = [...catalog.relations.values()]
        .filter((v) => v.view?.reads.some((q) => (q.schema ?? v.schema) === r.schema && q.name === r.name))
        .map((v) => v.id);
      const ids = [r.id, ...viewIds];
      out.push({ kind: 'database-link', via: r.id, ...reasonOf(reason), executors: readers(ids), relations: ids });
      continue;
    }
    if (!reason && f.remote) {
      const users = cross.userMappings.filter((m) => m.database === r.database && m.server === f.server);
      if (users.some((m) => m.user === undefined)) reason = said('diag.cross.reason.mappingNoUser', f.server);
    }
    if (!reason) continue;
    out.push({ kind: 'foreign-table', via: r.id, ...reasonOf(reason), executors: readers([r.id]), relations: [r.id] });
  }
  for (const s of cross.subscriptions) {
    if (!s.unresolved) continue;
    const tables = [...catalog.relations.values()]
      .filter((x) => x.database === s.database && x.kind === 'table' && !x.view && !x.foreign)
      .map((x) => x.id);
    out.push({
      kind: 'subscription',
      via: `${s.database}.${s.name}`,
      ...reasonOf(said('diag.cross.reason.publisher', s.unresolved.text)),
      executors: readers(tables),
      relations: tables,
    });
  }
  for (const d of cross.dblinks) {
    if (!d.unresolved) continue;
    out.push({
      kind: 'dblink',
      via: d.relation,
      ...reasonOf(d.unresolved),
      executors: readers([d.relation]),
      relations: [d.relation, ...(d.remoteRelations ?? [])],
    });
  }
  return out;
}

const reasonOf = (s: Said) => ({ reason: s.message, reasonText: s.text });

/** The reason as it stands in an assumption code (':' would end the field). */
const codeReason = (reason: string) => reason.replace(/:/g, ' —');

/**
 * Each reason of `paths` as it stands in their assumption codes, with its catalogue entry: what a
 * report renders in the user's language (Report.reasonTexts).
 */
export function unknownPathReasons(paths: UnknownPath[]): Map<string, DiagnosticText> {
  return new Map(paths.flatMap((p) => (p.reasonText ? [[codeReason(p.reason), p.reasonText] as const] : [])));
}

/**
 * The assumption codes per relation (`unknown-path:<function>:<reason>:<executors>`, or
 * `cross-database-unknown:<kind>:<via>:<reason>:<readers>`; ':' in the reason is replaced).
 */
export function unknownPathAssumptions(paths: UnknownPath[]): Map<RelationId, string[]> {
  const out = new Map<RelationId, string[]>();
  for (const p of paths) {
    const reason = codeReason(p.reason);
    const code =
      p.kind && p.kind !== 'function'
        ? `cross-database-unknown:${p.kind}:${p.via}:${reason}:${p.executors.join(', ')}`
        : `unknown-path:${p.via}:${reason}:${p.executors.join(', ')}`;
    for (const id of p.relations) {
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(code);
    }
  }
  return out;
}

function mayExecute(catalog: Catalog, resolver: AccessResolver, p: Principal, fn: Relation): boolean {
  if (p.kind === 'unrestricted' || p.roles.length === 0) return true;
  // MySQL/MariaDB also grant EXECUTE per database (`db.*`) and globally (`*.*`).
  const granted = new Set(
    catalog.grants
      .filter(
        (g) =>
          g.privilege === 'EXECUTE' &&
          ((g.scope.kind === 'function' && g.scope.relation === fn.id) ||
            (g.scope.kind === 'schema-tables' && g.scope.database === fn.database && g.scope.schema === fn.schema) ||
            (g.scope.kind === 'database' && g.scope.database === fn.database && fn.dialect !== 'postgresql')),
      )
      .map((g) => g.grantee),
  );
  return p.roles.some((role) => {
    const roles = role === PUBLIC ? [PUBLIC] : [...resolver.settableRoles(role)];
    return roles.some(
      (r) =>
        resolver.isSuperuser(r) ||
        (!resolver.executeDenied(r, fn.id) &&
          (granted.has(PUBLIC) || [...resolver.privilegeRoles(r)].some((x) => granted.has(x)))),
    );
  });
}
