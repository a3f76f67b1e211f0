/**
 * Catalog rows → the catalog ops a DDL reader would have produced for the same database, so one
 * builder and one access resolver serve both. The guiding question for every choice here: "what
 * would a DDL script that rebuilds this state say?" (pg_dump's question too):
 * - objects owned by the bootstrap superuser (oid 10, the role that ran initdb) carry no owner,
 *   as a script run by that superuser would not name one;
 * - a NULL ACL is the default and says nothing; a non-NULL ACL is written as REVOKEs of what the
 *   default holds and it lacks, then GRANTs of what it holds beyond the default;
 * - grantors are named only when they differ from the object's owner (grant-option chains), as
 *   the server records the owner as grantor of everything the owner or a superuser granted.
 */
import { parseSync } from 'libpg-query';
import type { CatalogOp, GrantTarget, PrivilegeSpec } from '../../catalog/ops.js';
import { pgDefaultName } from '../../catalog/pg-names.js';
import type {
  Column,
  ForeignKey,
  PrivilegeName,
  QualifiedName,
  SourceLocation,
  ViewDefinition,
} from '../../catalog/model.js';
import { type Diagnostic, said, shortList } from '../../diagnostics.js';
import { viewLineage } from '../postgresql/lineage.js';
import { readPostgresSql } from '../postgresql/reader.js';
import { aclChanges, decodeAcl, type AclItem } from './acl.js';
import { definitionKey, emptyDefinitions, type SqlDefinitions } from './definitions.js';
import type { CatalogRows, ColumnRow, FunctionRow, RelationRow, RoleRow } from './queries.js';
import { quoteIdent } from './quote.js';
import { capture, nth } from '../../indexed.js';

/** The role created by initdb (BOOTSTRAP_SUPERUSERID in PostgreSQL's sources). */
export const BOOTSTRAP_SUPERUSER_OID = 10;

export interface OpsContext {
  /** Shown as the `file` of every op, without secrets: the redacted URL. */
  origin: string;
  /** The spif database these rows belong to (grants ON DATABASE name it). */
  database: string;
}

type OpBody = CatalogOp extends infer T ? (T extends CatalogOp ? Omit<T, 'at'> : never) : never;

const POLICY_COMMANDS: Record<string, string> = { r: 'select', a: 'insert', w: 'update', d: 'delete', '*': 'all' };

export interface LiveOps {
  ops: CatalogOp[];
  diagnostics: Diagnostic[];
  definitions: SqlDefinitions;
}

export function catalogRowsToOps(rows: CatalogRows, ctx: OpsContext): LiveOps {
  return new OpsBuilder(rows, ctx).build();
}

class OpsBuilder {
  private readonly ops: CatalogOp[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly definitions = emptyDefinitions();
  private readonly roles: Map<number, RoleRow>;
  private readonly relations: Map<number, RelationRow>;
  private readonly columns = new Map<number, ColumnRow[]>();
  private readonly functions: FunctionRow[] = [];
  /** Roles a grant, membership or policy names (the bootstrap superuser is declared only then). */
  private readonly named = new Set<string>();

  constructor(
    private readonly rows: CatalogRows,
    private readonly ctx: OpsContext,
  ) {
    this.roles = new Map(rows.roles.map((r) => [r.oid, r]));
    const skipped: string[] = [];
    this.relations = new Map();
    for (const r of rows.relations) {
      // Objects of extensions (PostGIS's spatial_ref_sys…) are not the application's schema.
      if (r.extension) skipped.push(`${r.schema}.${r.name} (${r.extension})`);
      else this.relations.set(r.oid, r);
    }
    for (const f of rows.functions) {
      if (f.extension) skipped.push(`${f.schema}.${f.name}() (${f.extension})`);
      else this.functions.push(f);
    }
    if (skipped.length) {
      this.diagnostics.push({
        severity: 'info',
        code: 'SPIF-LIVE-SKIPPED',
        file: ctx.origin,
        ...said('diag.live.extensionsSkipped', skipped.length, shortList(skipped, 5)),
      });
    }
    for (const c of rows.columns) {
      if (!this.relations.has(c.relation)) continue;
      const list = this.columns.get(c.relation) ?? [];
      list.push(c);
      this.columns.set(c.relation, list);
    }
  }

  build(): LiveOps {
    this.memberships();
    this.schemas();
    const tables = [...this.relations.values()].filter((r) => !isView(r));
    for (const t of tables) this.table(t);
    this.inheritance();
    for (const v of this.viewsInDependencyOrder()) this.view(v);
    for (const r of this.relations.values()) this.ownerAndRowSecurity(r);
    this.policies();
    this.databaseAcl();
    this.schemaAcls();
    for (const r of this.relations.values()) this.relationAcl(r);
    for (const f of this.functions) this.routine(f);
    this.triggers();
    // Roles come first in the script; which ones depends on what the rest named.
    this.ops.unshift(...this.roleOps());
    return { ops: this.ops, diagnostics: this.diagnostics, definitions: this.definitions };
  }

  // ── where ───────────────────────────────────────────────────────────────────────────────────

  private at(fragment?: string): SourceLocation {
    return { file: fragment ? `${this.ctx.origin}#${fragment}` : this.ctx.origin, line: 1, column: 1 };
  }

  private emit(body: OpBody, fragment?: string, into: CatalogOp[] = this.ops): void {
    const op = { ...body, at: this.at(fragment) };
    // Keep ops free of `undefined` members: they compare and serialise cleanly.
    for (const [k, v] of Object.entries(op)) if (v === undefined) delete (op as Record<string, unknown>)[k];
    into.push(op);
  }

  // ── roles ───────────────────────────────────────────────────────────────────────────────────

  private roleName(oid: number): string {
    if (oid === 0) return 'PUBLIC';
    return this.roles.get(oid)?.name ?? `oid:${oid}`;
  }

  /** The owner as a script would name it: nobody, when it is the bootstrap superuser. */
  private ownerName(oid: number): string | undefined {
    return oid === BOOTSTRAP_SUPERUSER_OID ? undefined : this.roleName(oid);
  }

  private roleOps(): CatalogOp[] {
    const out: CatalogOp[] = [];
    for (const r of this.rows.roles) {
      if (isPredefinedRole(r.name)) continue;
      if (r.oid === BOOTSTRAP_SUPERUSER_OID && !this.named.has(r.name)) continue;
      this.emit(
        {
          op: 'create-role',
          name: r.name,
          login: r.login,
          superuser: r.superuser,
          bypassRls: r.bypassRls,
          inherit: r.inherit,
        },
        `role:${r.name}`,
        out,
      );
    }
    return out;
  }

  private memberships(): void {
    const pg16 = this.rows.server.version >= 160000;
    for (const m of this.rows.memberships) {
      const member = this.roleName(m.member);
      // Memberships among predefined roles (pg_monitor ⊃ pg_read_all_stats…) are the server's own.
      if (isPredefinedRole(member) || m.member === BOOTSTRAP_SUPERUSER_OID) continue;
      const role = this.roleName(m.role);
      this.named.add(role);
      this.named.add(member);
      const grantor = m.grantor === BOOTSTRAP_SUPERUSER_OID || m.grantor === 0 ? undefined : this.roleName(m.grantor);
      // Options are written only where they differ from what `GRANT role TO member` gives (as a
      // script would): INHERIT follows the member's attribute, SET is on, ADMIN is off. Before
      // PostgreSQL 16 a membership has no INHERIT/SET options of its own.
      const memberInherits = this.roles.get(m.member)?.inherit ?? true;
      this.emit(
        {
          op: 'grant-role',
          roles: [role],
          members: [member],
          admin: m.admin ? true : undefined,
          inherit: pg16 && m.inherit !== null && m.inherit !== memberInherits ? m.inherit : undefined,
          set: pg16 && m.set === false ? false : undefined,
          grantor,
        },
        `role:${member}`,
      );
    }
  }

  // ── schemas ─────────────────────────────────────────────────────────────────────────────────

  private schemas(): void {
    for (const s of this.rows.schemas) {
      if (s.extension) continue;
      if (s.name === 'public') {
        // initdb creates it: a script never does; only a changed owner is news.
        if (s.owner !== this.publicSchemaInitialOwner())
          this.emit(
            { op: 'set-owner', name: { name: 'public' }, owner: this.roleName(s.owner), kind: 'schema' },
            'public',
          );
        continue;
      }
      this.emit({ op: 'create-schema', schema: s.name, owner: this.ownerName(s.owner) }, s.name);
    }
  }

  /** PostgreSQL 15 gave `public` to pg_database_owner; before, the bootstrap superuser owned it. */
  private publicSchemaInitialOwner(): number {
    if (this.rows.server.version < 150000) return BOOTSTRAP_SUPERUSER_OID;
    return this.rows.roles.find((r) => r.name === 'pg_database_owner')?.oid ?? BOOTSTRAP_SUPERUSER_OID;
  }

  /**
   * What the DDL path reads from statements, the live path reads from the same statements: SQL
   * the server prints (pg_get_functiondef, pg_get_triggerdef, partition bounds) or that a script
   * rebuilding this state would hold, read by the PostgreSQL reader. Its ops are located in
   * `<url>#<where>`, and the text is kept for `spif snapshot`.
   */
  private script(where: string, sql: string): void {
    const path = this.at(where).file;
    const read = readPostgresSql({ path, text: sql });
    this.ops.push(...read.ops);
    this.diagnostics.push(...read.diagnostics);
    this.definitions.scripts.set(path, sql);
  }

  // ── partitions and inheritance, functions, triggers ──────────────────────────────────────────

  /** Children after every table: `ATTACH PARTITION … FOR VALUES …` and `INHERIT`, as pg_dump writes them. */
  private inheritance(): void {
    for (const i of this.rows.inherits) {
      const child = this.relations.get(i.child);
      const parent = this.relations.get(i.parent);
      if (!child || !parent) continue;
      const sql = i.partition
        ? `ALTER TABLE ${quotedName(parent)} ATTACH PARTITION ${quotedName(child)} ${i.bound ?? 'DEFAULT'};`
        : `ALTER TABLE ${quotedName(child)} INHERIT ${quotedName(parent)};`;
      this.script(`${fragment(child)}:parent:${fragment(parent)}`, sql);
    }
  }

  /**
   * A function or procedure: its definition, its owner, and its EXECUTE privileges written as the
   * GRANTs and REVOKEs that turn the default (PUBLIC may execute) into what the server holds.
   */
  private routine(f: FunctionRow): void {
    const kind = f.kind === 'p' ? 'PROCEDURE' : 'FUNCTION';
    const signature = `${quoteIdent(f.schema)}.${quoteIdent(f.name)}(${f.arguments})`;
    const lines = [`${f.definition.trimEnd()};`];
    const owner = this.ownerName(f.owner);
    if (owner) {
      this.named.add(owner);
      lines.push(`ALTER ${kind} ${signature} OWNER TO ${quoteIdent(owner)};`);
    }
    const name = (oid: number) => this.roleName(oid);
    const { grants, revokes } = aclChanges(
      f.acl === null ? null : decodeAcl(f.acl, name),
      decodeAcl(f.defaultAcl, name),
    );
    const grantee = (g: string) => (g === 'PUBLIC' ? 'PUBLIC' : quoteIdent(g));
    for (const r of revokes)
      lines.push(
        `REVOKE ${r.grantOption ? 'GRANT OPTION FOR ' : ''}${r.privilege} ON ${kind} ${signature} FROM ${grantee(r.grantee)};`,
      );
    for (const g of grants) {
      this.named.add(g.grantee);
      lines.push(
        `GRANT ${g.privilege} ON ${kind} ${signature} TO ${grantee(g.grantee)}${g.grantOption ? ' WITH GRANT OPTION' : ''};`,
      );
    }
    this.script(`function:${f.schema}.${f.name}(${f.arguments})`, `${lines.join('\n')}\n`);
  }

  private triggers(): void {
    for (const t of this.rows.triggers) {
      const r = this.relations.get(t.relation);
      if (r) this.script(`${fragment(r)}:trigger:${t.name}`, `${t.definition};\n`);
    }
  }

  // ── relations ───────────────────────────────────────────────────────────────────────────────

  private table(r: RelationRow): void {
    const cols = this.columns.get(r.oid) ?? [];
    const byNum = new Map(cols.map((c) => [c.position, c.name]));
    const names = (nums: number[] | null) => (nums ?? []).map((n) => byNum.get(n) ?? `#${n}`);
    const columns: Column[] = cols.map((c) => ({
      name: c.name,
      type: columnType(c),
      source: this.at(`${r.schema}.${r.name}.${c.name}`),
    }));
    let primaryKey: string[] | undefined;
    const uniqueKeys: string[][] = [];
    const foreignKeys: ForeignKey[] = [];
    for (const k of this.rows.constraints) {
      if (k.relation !== r.oid) continue;
      if (k.type === 'p') primaryKey = names(k.columns);
      else if (k.type === 'u') uniqueKeys.push(names(k.columns));
      else if (k.type === 'f' && k.referenced !== null) {
        const target = this.relations.get(k.referenced) ?? this.rows.relations.find((x) => x.oid === k.referenced);
        if (!target) continue;
        const targetCols = new Map((this.columns.get(target.oid) ?? []).map((c) => [c.position, c.name]));
        const columns = names(k.columns);
        foreignKeys.push({
          // A name PostgreSQL made up (`<table>_<columns>_fkey`) was not written in any script.
          name: k.name === pgDefaultName(r.name, columns, 'fkey') ? undefined : k.name,
          columns,
          references: { schema: target.schema, name: target.name },
          referencedColumns: (k.referencedColumns ?? []).map((n) => targetCols.get(n) ?? `#${n}`),
          source: this.at(`${r.schema}.${r.name}`),
        });
      }
    }
    const name = qualified(r);
    if (r.partitionKey) this.definitions.partitionKeys.set(definitionKey(r.schema, r.name), r.partitionKey);
    this.emit({ op: 'create-table', name, columns, primaryKey, uniqueKeys, foreignKeys }, fragment(r));
    this.comments(r, cols);
  }

  private view(r: RelationRow): void {
    const cols = this.columns.get(r.oid) ?? [];
    const securityInvoker = (r.options ?? []).some((o) => /^security_invoker=(true|on|yes|1)$/i.test(o));
    const view = this.lineage(
      r,
      securityInvoker,
      cols.map((c) => c.name),
    );
    if (r.viewDefinition) {
      this.definitions.views.set(definitionKey(r.schema, r.name), {
        sql: r.viewDefinition,
        materialized: r.kind === 'm',
        securityInvoker,
      });
    }
    const name = qualified(r);
    if (r.kind === 'm') {
      // A materialized view holds a copy of the values: the PostgreSQL reader marks it the same way.
      this.emit({ op: 'create-view', name, view: { ...view, materialized: true } }, fragment(r));
    } else {
      this.emit({ op: 'create-view', name, view }, fragment(r));
    }
    this.comments(r, cols);
  }

  /** The view's query as the server prints it (names schema-qualified: search_path is empty). */
  private lineage(r: RelationRow, securityInvoker: boolean, columnNames: string[]): ViewDefinition {
    const empty: ViewDefinition = {
      securityInvoker,
      columns: columnNames.map((n) => ({ name: n, from: [] })),
      reads: [],
      readsColumns: [],
    };
    if (!r.viewDefinition) return empty;
    try {
      const parsed = parseSync(r.viewDefinition) as { stmts?: { stmt: Record<string, unknown> }[] };
      const stmt = parsed.stmts?.[0]?.stmt;
      if (!stmt) return empty;
      return viewLineage(stmt, securityInvoker, columnNames);
    } catch (e) {
      this.diagnostics.push({
        severity: 'warning',
        code: 'SPIF-SQL-UNSUPPORTED',
        file: this.at(fragment(r)).file,
        line: 1,
        column: 1,
        ...said('diag.live.viewUnparsed', `${r.schema}.${r.name}`, (e as Error).message),
      });
      return empty;
    }
  }

  private comments(r: RelationRow, cols: ColumnRow[]): void {
    const name = qualified(r);
    if (r.comment !== null) this.emit({ op: 'comment-relation', name, text: r.comment }, fragment(r));
    for (const c of cols) {
      if (c.comment !== null)
        this.emit({ op: 'comment-column', table: name, column: c.name, text: c.comment }, `${fragment(r)}.${c.name}`);
    }
  }

  /** Views after the relations they read, so a builder resolving lineage eagerly finds them. */
  private viewsInDependencyOrder(): RelationRow[] {
    const views = [...this.relations.values()].filter(isView);
    const byName = new Map(views.map((v) => [`${v.schema}.${v.name}`, v]));
    const deps = new Map<RelationRow, RelationRow[]>();
    for (const v of views) {
      const reads = (v.viewDefinition?.match(/\b[\w$"]+\.[\w$"]+/g) ?? []).map((s) => s.replace(/"/g, ''));
      deps.set(
        v,
        reads.map((n) => byName.get(n)).filter((d): d is RelationRow => !!d && d !== v),
      );
    }
    const done = new Set<RelationRow>();
    const out: RelationRow[] = [];
    const visit = (v: RelationRow, stack: Set<RelationRow>) => {
      if (done.has(v) || stack.has(v)) return;
      stack.add(v);
      for (const d of deps.get(v) ?? []) visit(d, stack);
      stack.delete(v);
      done.add(v);
      out.push(v);
    };
    for (const v of views) visit(v, new Set());
    return out;
  }

  private ownerAndRowSecurity(r: RelationRow): void {
    const name = qualified(r);
    const owner = this.ownerName(r.owner);
    if (owner) this.emit({ op: 'set-owner', name, owner, kind: 'relation' }, fragment(r));
    if (r.rowSecurity) this.emit({ op: 'row-security', table: name, enable: true }, fragment(r));
    if (r.forceRowSecurity) this.emit({ op: 'row-security', table: name, force: true }, fragment(r));
  }

  private policies(): void {
    for (const p of this.rows.policies) {
      const r = this.relations.get(p.relation);
      if (!r) continue;
      const roles = p.roles.length === 0 || p.roles.includes(0) ? ['PUBLIC'] : p.roles.map((o) => this.roleName(o));
      for (const role of roles) this.named.add(role);
      const constant = constantBoolean(p.using);
      this.definitions.policies.set(definitionKey(r.schema, r.name, p.name), {
        using: p.using,
        withCheck: p.withCheck,
      });
      const at = this.at(`${fragment(r)}:policy:${p.name}`);
      this.emit(
        {
          op: 'create-policy',
          table: qualified(r),
          policy: {
            name: p.name,
            permissive: p.permissive,
            command: POLICY_COMMANDS[p.command] ?? 'all',
            roles,
            usingFalse: constant === false,
            usingTrue: p.using === null || constant === true,
            source: at,
          },
        },
        `${fragment(r)}:policy:${p.name}`,
      );
    }
  }

  // ── privileges ──────────────────────────────────────────────────────────────────────────────

  private databaseAcl(): void {
    const d = this.rows.database;
    if (!d) return;
    this.aclOps(d.acl, d.defaultAcl, [], d.owner, { kind: 'database', database: this.ctx.database }, undefined);
  }

  private schemaAcls(): void {
    for (const s of this.rows.schemas) {
      if (s.extension) continue;
      const extraDefaults = s.name === 'public' ? this.publicSchemaPublicDefaults(s.owner) : [];
      this.aclOps(s.acl, s.defaultAcl, extraDefaults, s.owner, { kind: 'schemas', schemas: [s.name] }, s.name);
    }
  }

  /** initdb grants PUBLIC USAGE on `public` (and CREATE before PostgreSQL 15). */
  private publicSchemaPublicDefaults(owner: number): AclItem[] {
    const grantor = this.roleName(owner);
    const privileges: PrivilegeName[] = this.rows.server.version < 150000 ? ['USAGE', 'CREATE'] : ['USAGE'];
    return privileges.map((privilege) => ({ grantee: 'PUBLIC', privilege, grantOption: false, grantor }));
  }

  private relationAcl(r: RelationRow): void {
    const name = qualified(r);
    this.aclOps(r.acl, r.defaultAcl, [], r.owner, { kind: 'relations', names: [name] }, fragment(r));
    this.columnAcls(r);
  }

  private aclOps(
    acl: CatalogRows['database']['acl'],
    defaultAcl: CatalogRows['database']['defaultAcl'],
    extraDefaults: AclItem[],
    owner: number,
    target: GrantTarget,
    where: string | undefined,
  ): void {
    const name = (oid: number) => this.roleName(oid);
    const defaults = [...decodeAcl(defaultAcl, name), ...extraDefaults];
    const { grants, revokes } = aclChanges(acl === null ? null : decodeAcl(acl, name), defaults);
    const ownerName = this.roleName(owner);
    for (const group of groupBy(revokes, (i) => `${i.grantee}\u0000${i.grantOption}`)) {
      this.emit(
        {
          op: 'revoke',
          privileges: group.map((i) => ({ privilege: i.privilege })),
          target,
          grantees: [nth(group, 0).grantee],
          grantOptionOnly: nth(group, 0).grantOption,
          cascade: false,
        },
        where,
      );
    }
    for (const group of groupBy(grants, (i) => `${i.grantee}\u0000${i.grantOption}\u0000${i.grantor}`)) {
      const g = nth(group, 0);
      this.named.add(g.grantee);
      this.emit(
        {
          op: 'grant',
          privileges: group.map((i) => ({ privilege: i.privilege })),
          target,
          grantees: [g.grantee],
          grantOption: g.grantOption,
          grantor: g.grantor === ownerName ? undefined : g.grantor,
        },
        where,
      );
    }
  }

  /** Column privileges: one GRANT per grantee, each privilege with its columns. */
  private columnAcls(r: RelationRow): void {
    const ownerName = this.roleName(r.owner);
    const items: (AclItem & { column: string })[] = [];
    for (const c of this.columns.get(r.oid) ?? []) {
      if (!c.acl) continue;
      for (const item of decodeAcl(c.acl, (o) => this.roleName(o))) items.push({ ...item, column: c.name });
    }
    for (const group of groupBy(items, (i) => `${i.grantee}\u0000${i.grantOption}\u0000${i.grantor}`)) {
      const g = nth(group, 0);
      this.named.add(g.grantee);
      const privileges: PrivilegeSpec[] = [];
      for (const same of groupBy(group, (i) => i.privilege)) {
        privileges.push({ privilege: nth(same, 0).privilege, columns: same.map((i) => i.column) });
      }
      this.emit(
        {
          op: 'grant',
          privileges,
          target: { kind: 'relations', names: [qualified(r)] },
          grantees: [g.grantee],
          grantOption: g.grantOption,
          grantor: g.grantor === ownerName ? undefined : g.grantor,
        },
        fragment(r),
      );
    }
  }
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────

function isView(r: RelationRow): boolean {
  return r.kind === 'v' || r.kind === 'm';
}

/** pg_signal_backend, pg_read_all_data…: created by initdb, reserved names. */
function isPredefinedRole(name: string): boolean {
  return name.startsWith('pg_');
}

function qualified(r: RelationRow): QualifiedName {
  return { schema: r.schema, name: r.name };
}

function quotedName(r: RelationRow): string {
  return `${quoteIdent(r.schema)}.${quoteIdent(r.name)}`;
}

function fragment(r: RelationRow): string {
  return `${r.schema}.${r.name}`;
}

/**
 * A column type written as the PostgreSQL reader writes a parsed type name: the internal name
 * (`int4`, `varchar`, `timestamptz`), its modifiers, `[]` for arrays; a serial column (an integer
 * whose default draws from a sequence it owns) as `serial`/`bigserial`/`smallserial`.
 */
export function columnType(c: Pick<ColumnRow, 'typeName' | 'typeSchema' | 'formatted' | 'isArray' | 'serial'>): string {
  const SERIAL: Record<string, string> = { int4: 'serial', int8: 'bigserial', int2: 'smallserial' };
  let base = c.typeSchema === 'pg_catalog' || c.typeSchema === 'public' ? c.typeName : `${c.typeSchema}.${c.typeName}`;
  const serial = SERIAL[c.typeName];
  if (c.serial && !c.isArray && serial) return serial;
  const mods = /\(([^()]*)\)/.exec(c.formatted);
  if (mods) base += `(${capture(mods, 1).replace(/\s+/g, '')})`;
  return c.isArray ? `${base}[]` : base;
}

/** `true` / `false` (possibly parenthesised, possibly cast) as pg_get_expr prints constants. */
export function constantBoolean(expr: string | null): boolean | undefined {
  if (expr === null) return undefined;
  let s = expr.trim().toLowerCase();
  while (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  s = s.replace(/::boolean$/, '');
  if (s === 'true' || s === "'t'" || s === "'true'") return true;
  if (s === 'false' || s === "'f'" || s === "'false'") return false;
  return undefined;
}

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}
