/**
 * Links between databases, resolved against the configured databases once every database is
 * built: postgres_fdw foreign servers, user mappings and foreign tables, and logical replication
 * (publications and subscriptions).
 *
 * - A foreign table's column holds the remote column it reads (`copiedFrom`, via
 *   `foreign-table`): reading it runs `SELECT <remote columns> FROM <remote relation>` on the
 *   server's database as the user mapping's remote user (PostgreSQL 15 docs F.38 postgres_fdw;
 *   the access side is in access/resolver.ts).
 * - A subscriber's table with the published table's schema-qualified name receives its rows, so
 *   its columns hold the publisher's (via `replication`); a publication's column list limits which
 *   (docs 31.4 Column Lists).
 * A server, subscription or dblink call that matches no configured database is reported (a
 * located warning) and its relations carry an "unknown" path (access/unknown-paths.ts).
 */
import { type Diagnostic, type Said, coded, listOf, part, said } from '../diagnostics.js';

/** A reason as an argument of another message: its entry (unknown when none is set). */
const reasonText = (r: Said | undefined) => r?.text ?? part('diag.catalog.unknown');
import type { CodeOf } from '../diagnostic-codes.js';
import type { CatalogOp } from './ops.js';
import type {
  CrossDatabase,
  DatabaseLink,
  DblinkUse,
  ForeignServer,
  Publication,
  QualifiedName,
  Relation,
  RelationId,
  SourceLocation,
  Subscription,
  UserMapping,
} from './model.js';
import { dblinkRelation, relationId } from './model.js';
import { capture, nth } from '../indexed.js';

/** How a configured database is reached (config `databases[].connection`, else its url, else its name as dbname). */
export interface RemoteDatabase {
  name: string;
  dbname?: string;
  host?: string;
  port?: string;
  /** Other names that reach it: TNS aliases, Oracle database link names (config `databases[].aliases`). */
  aliases?: string[];
}

type Op<K extends CatalogOp['op']> = Extract<CatalogOp, { op: K }>;

/** Which configured database a libpq connection (server options, conninfo) reaches. */
export function matchDatabase(
  conn: Record<string, string>,
  remotes: RemoteDatabase[],
): { database: string } | { reason: Said } {
  const dbname = conn.dbname;
  if (!dbname) return { reason: said('diag.cross.reason.noDbname') };
  const sameHost = (r: RemoteDatabase) =>
    (!r.host || !conn.host || r.host.toLowerCase() === conn.host.toLowerCase()) &&
    (!r.port || !conn.port || r.port === conn.port);
  const where = conn.host
    ? part('diag.cross.reason.dbnameOnHost', dbname, `${conn.host}${conn.port ? `:${conn.port}` : ''}`)
    : part('diag.cross.reason.dbname', dbname);
  const matches = remotes.filter((r) => (r.dbname ?? r.name) === dbname && sameHost(r));
  if (matches.length === 1) return { database: nth(matches, 0).name };
  if (matches.length > 1)
    return {
      reason: said('diag.cross.reason.severalDatabases', where, listOf(matches.map((m) => m.name))),
    };
  return { reason: said('diag.cross.reason.noDatabase', where) };
}

const key = (database: string, name: string) => `${database}\u0000${name}`;

/** What CREATE SERVER / USER MAPPING / PUBLICATION / SUBSCRIPTION declared, applied in source order. */
export class CrossDatabaseState {
  readonly servers = new Map<string, ForeignServer>();
  readonly userMappings: UserMapping[] = [];
  readonly publications = new Map<string, Publication>();
  readonly subscriptions = new Map<string, Subscription>();
  readonly dblinks: DblinkUse[] = [];
  readonly links: DatabaseLink[] = [];

  constructor(private readonly warn: (code: CodeOf<'warning'>, text: Said) => void) {}

  dblink(caller: Relation, calls: Extract<CatalogOp, { op: 'dblink' }>['calls'], at: SourceLocation): void {
    for (const c of calls) {
      const use: DblinkUse = {
        relation: caller.id,
        database: caller.database,
        ...(c.conninfo !== undefined ? { conninfo: c.conninfo } : {}),
        ...(c.sql !== undefined ? { sql: c.sql } : {}),
        ...(c.reads ? { reads: c.reads } : {}),
        ...(c.location !== undefined && c.columns ? { location: c.location } : {}),
        ...(c.connection !== undefined ? { connection: c.connection } : {}),
        ...(c.unsafe ? { unsafe: true } : {}),
        source: at,
      };
      if (c.remoteReads) this.dblinkReads.set(use, c.remoteReads);
      this.dblinks.push(use);
      if (c.location !== undefined && c.columns && c.remoteColumns)
        this.dblinkColumns.set(use, { location: c.location, columns: c.columns, remote: c.remoteColumns });
    }
  }

  /** Every remote column a call's constant SELECT reads, as written. */
  private readonly dblinkReads = new Map<DblinkUse, { relation: QualifiedName; column: string }[]>();

  /** `dblink(…) AS t(cols)` in a view: t's columns and the remote query's output columns, by position. */
  private readonly dblinkColumns = new Map<
    DblinkUse,
    { location: number; columns: string[]; remote: { relation: QualifiedName; column: string }[][] }
  >();

  /**
   * The caller view's columns over `dblink(…) AS t(cols)` hold what the remote query's columns
   * carry, position by position ("the column definition list … must match the actual columns
   * returned by the remote query", F.12 dblink): a copy between databases, like a foreign table's.
   */
  private dblinkLineage(d: DblinkUse, database: string, relations: Map<RelationId, Relation>): void {
    const mapping = this.dblinkColumns.get(d);
    const caller = relations.get(d.relation);
    if (!mapping || !caller?.view) return;
    const name = dblinkRelation(mapping.location);
    for (const vc of caller.view.columns) {
      const column = caller.columns.find((c) => c.name === vc.name);
      if (!column) continue;
      for (const f of vc.from) {
        if (f.relation.name !== name) continue;
        for (const src of mapping.remote[mapping.columns.indexOf(f.column)] ?? []) {
          const remote = relations.get(relationId(database, src.relation.schema ?? 'public', src.relation.name));
          if (!remote?.columns.some((c) => c.name === src.column)) continue;
          const from = { database: remote.database, schema: remote.schema, name: remote.name };
          if (
            column.copiedFrom?.some(
              (x) => x.via === 'foreign-table' && x.column === src.column && x.relation.name === from.name,
            )
          )
            continue;
          column.copiedFrom = [
            ...(column.copiedFrom ?? []),
            { relation: from, column: src.column, via: 'foreign-table', ...(d.source ? { at: d.source } : {}) },
          ];
        }
      }
    }
  }

  /** CREATE / DROP [PUBLIC] DATABASE LINK (Oracle): a later CREATE of the same name replaces it. */
  databaseLink(op: Op<'database-link'>, database: string, owner: string | undefined): void {
    const same = (l: DatabaseLink) =>
      l.database === database &&
      sameLinkName(l.name, op.name) &&
      l.public === op.public &&
      (op.public || l.owner === owner);
    for (let i = this.links.length - 1; i >= 0; i--) if (same(nth(this.links, i))) this.links.splice(i, 1);
    if (op.action === 'drop') return;
    this.links.push({
      database,
      name: op.name,
      public: op.public,
      ...(!op.public && owner ? { owner } : {}),
      connect: op.connect,
      ...(op.user ? { user: op.user } : {}),
      ...(op.using !== undefined ? { using: op.using } : {}),
      source: op.at,
    });
  }

  /**
   * The link a name `x@link` in an object of schema `owner` uses: the owner's private link of
   * that name, else the public one (Oracle looks in the referencing schema first, then PUBLIC).
   */
  link(database: string, owner: string, name: string): DatabaseLink | undefined {
    const candidates = this.links.filter((l) => l.database === database && sameLinkName(l.name, name));
    return (
      candidates.find((l) => !l.public && l.owner === owner) ??
      candidates.find((l) => !l.public && l.owner === undefined) ??
      candidates.find((l) => l.public)
    );
  }

  server(database: string, name: string): ForeignServer | undefined {
    return this.servers.get(key(database, name));
  }

  foreignServer(op: Op<'foreign-server'>, database: string, owner: string): void {
    const k = key(database, op.name);
    const existing = this.servers.get(k);
    if (op.action === 'drop') {
      this.servers.delete(k);
      for (let i = this.userMappings.length - 1; i >= 0; i--) {
        const m = this.userMappings[i];
        if (m && m.database === database && m.server === op.name) this.userMappings.splice(i, 1);
      }
      return;
    }
    if (op.action === 'create') {
      if (existing && op.ifNotExists) return;
      const options: Record<string, string> = {};
      for (const o of op.options) if (o.value !== undefined) options[o.name] = o.value;
      this.servers.set(k, { database, name: op.name, wrapper: op.wrapper ?? '', options, owner, source: op.at });
      return;
    }
    if (!existing) return this.warn('SPIF-SQL-UNKNOWN-OBJECT', said('diag.cross.unknownServer', op.name));
    for (const o of op.options) {
      if (o.action === 'drop') delete existing.options[o.name];
      else if (o.value !== undefined) existing.options[o.name] = o.value;
    }
  }

  /** GRANT / REVOKE USAGE ON FOREIGN SERVER (grant options are not kept: they give nothing dblink checks). */
  serverUsage(op: Op<'server-usage'>, database: string, roleRef: (role: string) => string): void {
    for (const name of op.servers) {
      const server = this.server(database, name);
      if (!server) {
        this.warn('SPIF-SQL-UNKNOWN-OBJECT', said('diag.cross.unknownServer', name));
        continue;
      }
      const grantees = op.grantees.map(roleRef);
      const kept = (server.usage ?? []).filter((g) => !grantees.includes(g));
      server.usage = op.action === 'grant' ? [...kept, ...grantees] : kept;
    }
  }

  /** CREATE / ALTER / DROP USER MAPPING: one mapping per (server, role); `role` is already resolved (CURRENT_USER). */
  userMapping(op: Op<'user-mapping'>, database: string, role: string): void {
    const i = this.userMappings.findIndex((m) => m.database === database && m.server === op.server && m.role === role);
    if (op.action === 'drop') {
      if (i >= 0) this.userMappings.splice(i, 1);
      return;
    }
    const current = i >= 0 ? this.userMappings[i] : undefined;
    let user = op.action === 'alter' ? current?.user : undefined;
    let password = op.action === 'alter' ? !!current?.password : false;
    for (const o of op.options) {
      if (o.name === 'password') password = o.action !== 'drop';
      if (o.name !== 'user') continue;
      user = o.action === 'drop' ? undefined : o.value;
    }
    const mapping: UserMapping = {
      database,
      server: op.server,
      role,
      ...(user !== undefined ? { user } : {}),
      ...(password ? { password } : {}),
      source: op.at,
    };
    if (i >= 0) this.userMappings[i] = mapping;
    else this.userMappings.push(mapping);
  }

  publication(op: Op<'publication'>, database: string, qualify: (q: QualifiedName) => RelationId): void {
    const k = key(database, op.name);
    if (op.action === 'drop') {
      this.publications.delete(k);
      return;
    }
    const tables = op.tables.map((t) => ({ relation: qualify(t.name), ...(t.columns ? { columns: t.columns } : {}) }));
    const existing = this.publications.get(k);
    if (op.action === 'create' || !existing) {
      if (op.action !== 'create') this.warn('SPIF-SQL-UNKNOWN-OBJECT', said('diag.cross.unknownPublication', op.name));
      this.publications.set(k, {
        database,
        name: op.name,
        allTables: !!op.allTables,
        tables,
        schemas: [...op.schemas],
        source: op.at,
      });
      return;
    }
    if (op.action === 'set') {
      existing.tables = tables;
      existing.schemas = [...op.schemas];
    } else if (op.action === 'add') {
      existing.tables.push(...tables);
      existing.schemas.push(...op.schemas);
    } else {
      const dropped = new Set(tables.map((t) => t.relation));
      existing.tables = existing.tables.filter((t) => !dropped.has(t.relation));
      existing.schemas = existing.schemas.filter((s) => !op.schemas.includes(s));
    }
  }

  subscription(op: Op<'subscription'>, database: string, parse: (conninfo: string) => Record<string, string>): void {
    const k = key(database, op.name);
    const existing = this.subscriptions.get(k);
    if (op.action === 'drop') {
      this.subscriptions.delete(k);
      return;
    }
    if (op.action === 'create') {
      this.subscriptions.set(k, {
        database,
        name: op.name,
        conninfo: parse(op.conninfo ?? ''),
        publications: [...op.publications],
        source: op.at,
      });
      return;
    }
    if (!existing) return this.warn('SPIF-SQL-UNKNOWN-OBJECT', said('diag.cross.unknownSubscription', op.name));
    if (op.action === 'connection') existing.conninfo = parse(op.conninfo ?? '');
    else if (op.action === 'set-publication') existing.publications = [...op.publications];
    else if (op.action === 'add-publication') existing.publications.push(...op.publications);
    else existing.publications = existing.publications.filter((p) => !op.publications.includes(p));
  }

  /** Which configured database a server reaches (postgres_fdw only), resolved before the build (IMPORT FOREIGN SCHEMA needs it). */
  static serverTarget(
    server: Pick<ForeignServer, 'wrapper' | 'options'>,
    remotes: RemoteDatabase[],
  ): { database: string } | { reason: Said } {
    if (server.wrapper !== 'postgres_fdw')
      return {
        reason: said('diag.cross.reason.wrapper', server.wrapper || part('diag.cross.reason.noWrapper')),
      };
    return matchDatabase(server.options, remotes);
  }

  /**
   * At the end of the build: servers and subscriptions to databases, foreign tables to remote
   * relations, and the copies (`copiedFrom`) both make.
   */
  resolve(relations: Map<RelationId, Relation>, remotes: RemoteDatabase[], diagnostics: Diagnostic[]): CrossDatabase {
    const warnAt = (at: SourceLocation | undefined, code: CodeOf<'warning'>, text: Said) =>
      diagnostics.push({ ...coded('warning', code), ...text, ...(at ?? {}) });
    for (const s of this.servers.values()) {
      const target = CrossDatabaseState.serverTarget(s, remotes);
      if ('database' in target) s.remoteDatabase = target.database;
      else s.unresolved = target.reason;
    }
    for (const l of this.links) {
      const target = matchLink(l, remotes);
      if ('database' in target) l.remoteDatabase = target.database;
      else l.unresolved = target.reason;
    }
    const unresolvedTables = new Map<ForeignServer, Relation[]>();
    const unresolvedLinks = new Map<DatabaseLink, Relation[]>();
    for (const r of relations.values()) {
      const f = r.foreign;
      if (!f) continue;
      if (f.via === 'database-link') {
        this.resolveLinkRelation(r, relations, unresolvedLinks, warnAt);
        continue;
      }
      const server = this.server(r.database, f.server);
      if (!server) {
        f.unresolved = said('diag.cross.reason.serverNotCreated', f.server);
        warnAt(r.source, 'SPIF-FDW-UNRESOLVED', said('diag.cross.foreignTableUnresolved', r.id, f.unresolved.text));
        continue;
      }
      if (!server.remoteDatabase) {
        f.unresolved = said('diag.cross.reason.server', server.name, reasonText(server.unresolved));
        unresolvedTables.set(server, [...(unresolvedTables.get(server) ?? []), r]);
        continue;
      }
      const remoteId = relationId(server.remoteDatabase, f.remoteSchema, f.remoteName);
      const remote = relations.get(remoteId);
      if (!remote) {
        f.unresolved = said('diag.cross.reason.remoteNotDefined', remoteId);
        warnAt(r.source, 'SPIF-FDW-UNRESOLVED', said('diag.cross.foreignTableUnresolved', r.id, f.unresolved.text));
        continue;
      }
      f.remote = remoteId;
      for (const c of r.columns) {
        const name = f.columnNames[c.name] ?? c.name;
        if (!remote.columns.some((x) => x.name === name)) {
          warnAt(
            r.source,
            'SPIF-FDW-UNRESOLVED',
            said('diag.cross.foreignColumnMissing', r.id, c.name, remoteId, name),
          );
          continue;
        }
        const from = { database: remote.database, schema: remote.schema, name: remote.name };
        if (!c.copiedFrom?.some((x) => x.via === 'foreign-table'))
          c.copiedFrom = [
            ...(c.copiedFrom ?? []),
            { relation: from, column: name, via: 'foreign-table', at: r.source },
          ];
      }
    }
    for (const [server, tables] of unresolvedTables) {
      warnAt(
        server.source,
        'SPIF-FDW-UNRESOLVED',
        said(
          'diag.cross.serverUnresolved',
          `${server.database}.${server.name}`,
          reasonText(server.unresolved),
          listOf(tables.map((t) => t.id)),
        ),
      );
    }
    for (const [link, tables] of unresolvedLinks) {
      warnAt(
        link.source,
        'SPIF-DBLINK-UNRESOLVED',
        said('diag.cross.linkUnresolved', link.name, reasonText(link.unresolved), listOf(tables.map((t) => t.id))),
      );
    }
    for (const sub of this.subscriptions.values()) this.resolveSubscription(sub, relations, remotes, warnAt);
    for (const d of this.dblinks) this.resolveDblink(d, relations, remotes, warnAt);
    return {
      servers: [...this.servers.values()],
      userMappings: this.userMappings,
      publications: [...this.publications.values()],
      subscriptions: [...this.subscriptions.values()],
      dblinks: this.dblinks.filter((d) => relations.has(d.relation)),
      links: this.links,
    };
  }

  /**
   * An object named through a database link: the link it uses, its database, and the remote
   * relation, whose columns its columns read (`copiedFrom`, via `foreign-table`). An unqualified
   * remote name is in the schema of the user the link connects as: the fixed user, else the
   * referencing object's owner (an assumption for connected-user links: docs/access-control.md).
   */
  private resolveLinkRelation(
    r: Relation,
    relations: Map<RelationId, Relation>,
    unresolved: Map<DatabaseLink, Relation[]>,
    warnAt: (at: SourceLocation | undefined, code: CodeOf<'warning'>, text: Said) => void,
  ): void {
    const f = r.foreign!;
    const owner = f.linkOwner ?? r.schema;
    const link = this.link(r.database, owner, f.server);
    if (!link) {
      f.unresolved = said('diag.cross.reason.linkNotCreated', f.server, owner);
      warnAt(r.source, 'SPIF-DBLINK-UNRESOLVED', said('diag.cross.remoteUnresolved', r.id, f.unresolved.text));
      return;
    }
    f.link = {
      name: link.name,
      public: link.public,
      connect: link.connect,
      ...(link.owner ? { owner: link.owner } : {}),
      ...(link.user ? { user: link.user } : {}),
    };
    if (!link.remoteDatabase) {
      f.unresolved = said('diag.cross.reason.link', link.name, reasonText(link.unresolved));
      unresolved.set(link, [...(unresolved.get(link) ?? []), r]);
      return;
    }
    if (!f.remoteSchema) f.remoteSchema = link.connect === 'fixed' && link.user ? link.user : owner;
    const remoteId = relationId(link.remoteDatabase, f.remoteSchema, f.remoteName);
    const remote = relations.get(remoteId);
    if (!remote) {
      f.unresolved = said('diag.cross.reason.remoteNotDefined', remoteId);
      warnAt(r.source, 'SPIF-DBLINK-UNRESOLVED', said('diag.cross.remoteUnresolved', r.id, f.unresolved.text));
      return;
    }
    f.remote = remoteId;
    const from = { database: remote.database, schema: remote.schema, name: remote.name };
    for (const rc of remote.columns) {
      if (rc.parameter) continue;
      if (!r.columns.some((c) => c.name === rc.name))
        r.columns.push({ name: rc.name, ...(rc.type ? { type: rc.type } : {}), source: r.source });
    }
    for (const c of r.columns) {
      if (!remote.columns.some((x) => x.name === c.name)) {
        warnAt(r.source, 'SPIF-DBLINK-UNRESOLVED', said('diag.cross.remoteColumnMissing', r.id, c.name, remoteId));
        continue;
      }
      if (!c.copiedFrom?.some((x) => x.via === 'foreign-table'))
        c.copiedFrom = [
          ...(c.copiedFrom ?? []),
          { relation: from, column: c.name, via: 'foreign-table', at: r.source },
        ];
    }
  }

  /**
   * A dblink call runs its query in another database as the user its connection string names
   * (F.12 dblink), outside every privilege check of the caller's database: always an unknown path
   * on the caller and on the remote relations the query reads, with its database when it resolves.
   */
  private resolveDblink(
    d: DblinkUse,
    relations: Map<RelationId, Relation>,
    remotes: RemoteDatabase[],
    warnAt: (at: SourceLocation | undefined, code: CodeOf<'warning'>, text: Said) => void,
  ): void {
    if (!relations.has(d.relation)) return;
    let target: { database: string } | { reason: Said };
    if (d.conninfo === undefined) target = { reason: said('diag.cross.reason.dblinkNotConstant') };
    else if (/=|^postgres(ql)?:\/\//i.test(d.conninfo)) target = matchDatabase(parseConninfo(d.conninfo), remotes);
    else {
      // A foreign server's name: dblink uses its options (dblink_fdw's, the wrapper its docs
      // recommend, or postgres_fdw's) and the running role's user mapping.
      const s = this.server(d.database, d.conninfo);
      const dblinkFdw = s?.wrapper === 'dblink_fdw' ? matchDatabase(s.options, remotes) : undefined;
      target =
        dblinkFdw && 'database' in dblinkFdw
          ? dblinkFdw
          : s?.remoteDatabase
            ? { database: s.remoteDatabase }
            : {
                reason: s
                  ? said(
                      'diag.cross.reason.server',
                      s.name,
                      reasonText(dblinkFdw && 'reason' in dblinkFdw ? dblinkFdw.reason : s.unresolved),
                    )
                  : d.connection !== undefined
                    ? said('diag.cross.reason.dblinkConnectServer', d.conninfo)
                    : said('diag.cross.reason.dblinkUnknownName', d.conninfo),
              };
    }
    const queryText =
      d.sql === undefined ? part('diag.cross.dblinkQueryNotConstant') : `'${d.sql.replace(/\s+/g, ' ').slice(0, 80)}'`;
    if ('database' in target) {
      d.remoteDatabase = target.database;
      d.remoteRelations = (d.reads ?? [])
        .map((q) => relationId(target.database, q.schema ?? 'public', q.name))
        .filter((id) => relations.has(id));
      this.dblinkLineage(d, target.database, relations);
      const unchecked = this.dblinkAccess(d, target.database, relations);
      if (unchecked === undefined) return; // checked as the connection's user (access/resolver.ts)
      d.unresolved = said('diag.cross.reason.dblinkUnchecked', queryText, target.database, unchecked.text);
      warnAt(
        d.source,
        'SPIF-DBLINK',
        said('diag.cross.dblinkUnchecked', d.relation, queryText, target.database, unchecked.text),
      );
      return;
    }
    d.unresolved = said('diag.cross.reason.dblinkUnknownDatabase', queryText, target.reason.text);
    warnAt(
      d.source,
      'SPIF-DBLINK',
      said('diag.cross.dblinkUnknownDatabase', d.relation, queryText, target.reason.text),
    );
  }

  /**
   * Whether a resolved call's access can be checked, and what it reads: the remote session is the
   * user its connection string names (`user=`, F.12 dblink: "a libpq-style connection info
   * string"). Without one libpq connects as the server process's PGUSER or operating-system user
   * (34.1.2 Parameter Key Words, `user`), which no source says; a foreign server's name takes the
   * running role's user mapping (or PUBLIC's), looked up when access is checked (access/resolver.ts).
   * Returns why not, or sets `remoteAccess`.
   */
  private dblinkAccess(d: DblinkUse, database: string, relations: Map<RelationId, Relation>): Said | undefined {
    if (d.conninfo === undefined) return said('diag.cross.reason.connectionNotConstant');
    const conn = /=|^postgres(ql)?:\/\//i.test(d.conninfo) ? parseConninfo(d.conninfo) : undefined;
    let who: { user: string } | { server: string };
    if (!conn) {
      // A foreign server: get_connect_string() joins its options and the running role's user mapping.
      const mappings = this.userMappings.filter((m) => m.database === d.database && m.server === d.conninfo);
      if (mappings.some((m) => m.user === undefined)) return said('diag.cross.reason.mappingNoUserLibpq', d.conninfo);
      who = { server: d.conninfo };
    } else {
      if (!conn.user) return said('diag.cross.reason.connNoUser');
      who = { user: conn.user };
      if (conn.password !== undefined) d.password = true;
    }
    const reads = this.dblinkReads.get(d);
    if (d.sql === undefined || !reads || !d.reads?.length) return said('diag.cross.reason.queryNotConstant');
    const mapping = this.dblinkColumns.get(d);
    if (d.location === undefined || !mapping) return said('diag.cross.reason.notAsColumns');
    const name = dblinkRelation(mapping.location);
    const caller = relations.get(d.relation);
    const unmapped = caller?.view?.columns.some((vc) =>
      vc.from.some((f) => f.relation.name === name && !mapping.columns.includes(f.column)),
    );
    if (unmapped || mapping.remote.length !== mapping.columns.length)
      return said('diag.cross.reason.columnListMismatch');
    const byRelation = new Map<RelationId, Set<string>>();
    for (const q of d.reads) {
      const id = relationId(database, q.schema ?? 'public', q.name);
      if (!relations.has(id)) return said('diag.cross.reason.readsUndefined', id);
      if (!byRelation.has(id)) byRelation.set(id, new Set());
    }
    for (const r of reads) {
      const id = relationId(database, r.relation.schema ?? 'public', r.relation.name);
      const columns = byRelation.get(id);
      if (!columns) continue;
      // `SELECT *` reads every column the relation has.
      for (const c of r.column === '*' ? (relations.get(id)?.columns ?? []).map((x) => x.name) : [r.column])
        columns.add(c);
    }
    d.remoteAccess = {
      ...who,
      reads: [...byRelation].map(([relation, columns]) => ({ relation, columns: [...columns] })),
    };
    return undefined;
  }

  /** The publisher's published tables (column lists kept) flow into the subscriber's tables of the same schema and name. */
  private resolveSubscription(
    sub: Subscription,
    relations: Map<RelationId, Relation>,
    remotes: RemoteDatabase[],
    warnAt: (at: SourceLocation | undefined, code: CodeOf<'warning'>, text: Said) => void,
  ): void {
    const target = matchDatabase(sub.conninfo, remotes);
    if (!('database' in target)) {
      sub.unresolved = target.reason;
      warnAt(
        sub.source,
        'SPIF-REPLICATION-UNRESOLVED',
        said('diag.cross.publisherUnknown', sub.name, target.reason.text, sub.database),
      );
      return;
    }
    sub.publisher = target.database;
    for (const name of sub.publications) {
      const pub = this.publications.get(key(target.database, name));
      if (!pub) {
        warnAt(
          sub.source,
          'SPIF-REPLICATION-UNRESOLVED',
          said('diag.cross.publicationMissing', sub.name, name, target.database),
        );
        continue;
      }
      for (const { table, columns } of publishedTables(pub, relations)) {
        const local = relations.get(relationId(sub.database, table.schema, table.name));
        if (!local) {
          // PostgreSQL stops the subscription's table sync with an error when the table is missing.
          warnAt(
            sub.source,
            'SPIF-REPLICATION-UNRESOLVED',
            said('diag.cross.replicaMissing', sub.name, table.id, `${sub.database}.${table.schema}.${table.name}`),
          );
          continue;
        }
        const from = { database: table.database, schema: table.schema, name: table.name };
        for (const column of columns ?? table.columns.map((c) => c.name)) {
          const c = local.columns.find((x) => x.name === column);
          if (!c || c.copiedFrom?.some((x) => x.via === 'replication' && x.relation.database === table.database))
            continue;
          c.copiedFrom = [...(c.copiedFrom ?? []), { relation: from, column, via: 'replication', at: sub.source }];
        }
      }
    }
  }
}

/** Oracle link names compare without case; `HQ` also names `HQ.ACME.COM` (the domain is appended to a bare name). */
function sameLinkName(a: string, b: string): boolean {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x === y || x.split('.')[0] === y || y.split('.')[0] === x;
}

/**
 * The host, port and service an Oracle connect string names: Easy Connect
 * (`[//]host[:port][/service]`) or a connect descriptor (`(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=p))
 * (CONNECT_DATA=(SERVICE_NAME=s)))`, SID too). A bare word is a net service name (a TNS alias).
 */
export function parseConnectString(text: string): { alias?: string; host?: string; port?: string; dbname?: string } {
  const t = text.trim();
  if (t.startsWith('(')) {
    const get = (k: string) => new RegExp(`\\(\\s*${k}\\s*=\\s*([^)\\s]+)\\s*\\)`, 'i').exec(t)?.[1];
    const host = get('HOST');
    const port = get('PORT');
    const dbname = get('SERVICE_NAME') ?? get('SID');
    return { ...(host ? { host } : {}), ...(port ? { port } : {}), ...(dbname ? { dbname } : {}) };
  }
  if (!/[/:]/.test(t)) return { alias: t };
  const m = /^(?:[a-z]+:\/\/)?(?:\/\/)?([^:/\s]+)(?::(\d+))?(?:\/([^:/?\s]+))?/i.exec(t);
  if (!m) return {};
  return { host: m[1], ...(m[2] ? { port: m[2] } : {}), ...(m[3] ? { dbname: m[3] } : {}) };
}

/**
 * Which configured database an Oracle database link reaches: a database whose `aliases` list its
 * connect string or its name, else the service (or TNS alias) its connect string names, matched
 * like a server's dbname (`connection.dbname`, else the database's name; host and port when both
 * sides give them). Without USING, Oracle uses the link's name as the net service name.
 */
export function matchLink(
  link: Pick<DatabaseLink, 'name' | 'using'>,
  remotes: RemoteDatabase[],
): { database: string } | { reason: Said } {
  const eq = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();
  const names = [...new Set([link.using, link.name, link.name.split('.')[0]].filter((x): x is string => !!x))];
  for (const n of names) {
    const m = remotes.filter((r) => r.aliases?.some((a) => eq(a, n)));
    if (m.length === 1) return { database: nth(m, 0).name };
    if (m.length > 1) return { reason: said('diag.cross.reason.linkAlias', n, listOf(m.map((x) => x.name))) };
  }
  const conn = parseConnectString(link.using ?? nth(link.name.split('.'), 0));
  const service = conn.dbname ?? conn.alias;
  const what =
    link.using !== undefined ? part('diag.cross.reason.connectString', link.using) : part('diag.cross.reason.linkName');
  if (service) {
    const sameHost = (r: RemoteDatabase) =>
      (!r.host || !conn.host || eq(r.host, conn.host)) && (!r.port || !conn.port || r.port === conn.port);
    const m = remotes.filter((r) => eq(r.dbname ?? r.name, service) && sameHost(r));
    if (m.length === 1) return { database: nth(m, 0).name };
    if (m.length > 1) return { reason: said('diag.cross.reason.severalDatabases', what, listOf(m.map((x) => x.name))) };
  }
  return { reason: said('diag.cross.reason.noLinkDatabase', what) };
}

/** FOR ALL TABLES / TABLES IN SCHEMA / TABLE t (cols): ordinary tables only (views and foreign tables are not published). */
function publishedTables(
  pub: Publication,
  relations: Map<RelationId, Relation>,
): { table: Relation; columns?: string[] }[] {
  const out: { table: Relation; columns?: string[] }[] = [];
  const isTable = (r: Relation) => r.kind === 'table' && !r.view && !r.foreign && r.database === pub.database;
  for (const r of relations.values()) {
    if (!isTable(r)) continue;
    if (pub.allTables || pub.schemas.includes(r.schema)) {
      out.push({ table: r });
      continue;
    }
    const listed = pub.tables.find((t) => t.relation === r.id);
    if (listed) out.push({ table: r, ...(listed.columns ? { columns: listed.columns } : {}) });
  }
  return out;
}

/**
 * Inputs in an order where a database is built before the databases that IMPORT FOREIGN SCHEMA
 * from it (the import copies its relations when it runs). Otherwise the configured order stays.
 */
export function importOrder<T extends { database: string; ops: CatalogOp[] }>(
  inputs: T[],
  remotes: RemoteDatabase[],
): T[] {
  const needs = new Map<string, Set<string>>();
  for (const input of inputs) {
    const servers = new Map<string, Pick<ForeignServer, 'wrapper' | 'options'>>();
    for (const op of input.ops) {
      if (op.op === 'foreign-server' && op.action === 'create') {
        const options: Record<string, string> = {};
        for (const o of op.options) if (o.value !== undefined) options[o.name] = o.value;
        servers.set(op.name, { wrapper: op.wrapper ?? '', options });
      } else if (op.op === 'import-foreign-schema') {
        const s = servers.get(op.server);
        const target = s && CrossDatabaseState.serverTarget(s, remotes);
        if (target && 'database' in target && target.database !== input.database) {
          needs.set(input.database, (needs.get(input.database) ?? new Set()).add(target.database));
        }
      }
    }
  }
  if (needs.size === 0) return inputs;
  const out: T[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (input: T) => {
    if (placed.has(input.database) || visiting.has(input.database)) return;
    visiting.add(input.database);
    for (const dep of needs.get(input.database) ?? []) {
      const d = inputs.find((i) => i.database === dep);
      if (d) place(d);
    }
    placed.add(input.database);
    out.push(input);
  };
  inputs.forEach(place);
  return out;
}

/**
 * A libpq connection string (`host=h dbname=d user=u`, or a postgres:// URI) as key/values.
 * Quoted values ('…' with \\' and \\\\) are read as libpq reads them (PostgreSQL 15 docs 34.1.1).
 */
export function parseConninfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const t = text.trim();
  if (/^postgres(ql)?:\/\//i.test(t)) {
    try {
      const url = new URL(t);
      if (url.hostname) out.host = decodeURIComponent(url.hostname);
      if (url.port) out.port = url.port;
      if (url.username) out.user = decodeURIComponent(url.username);
      const db = decodeURIComponent(url.pathname.replace(/^\//, ''));
      if (db) out.dbname = db;
      for (const [k, v] of url.searchParams) out[k] = v;
    } catch {
      // not a URI after all: nothing known
    }
    return out;
  }
  const re = /\s*([A-Za-z_]+)\s*=\s*(?:'((?:\\.|[^'\\])*)'|(\S*))/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    out[capture(m, 1).toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : capture(m, 3);
    if (re.lastIndex >= t.length) break;
  }
  return out;
}
