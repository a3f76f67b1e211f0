/**
 * Catalog ops → a PostgreSQL script: what `spif snapshot` writes so a PIA author can archive
 * exactly what was judged and scan it again offline. Read back by spif's PostgreSQL reader, the
 * script rebuilds the same catalog; it is also loadable into PostgreSQL (foreign keys come after
 * every table, as in pg_dump), given the types and roles it names exist.
 *
 * View queries and policy expressions are written verbatim when the live reader kept them
 * (`definitions`); otherwise a query with the same lineage is written, and said to be one.
 */
import { scanSync } from 'libpg-query';
import type { CatalogOp, GrantTarget, PrivilegeSpec } from '../catalog/ops.js';
import type { ForeignKey, QualifiedName, ViewDefinition } from '../catalog/model.js';
import { definitionKey, type SqlDefinitions } from '../sources/live-postgres/definitions.js';

export interface SnapshotOptions {
  /** Comment lines at the top (where and when the snapshot was taken). */
  header?: string[];
  definitions?: SqlDefinitions;
  /**
   * The server's own name of the database, written in `ON DATABASE` so the script loads into
   * PostgreSQL (ops name the spif database; spif's builder applies either to the script's own).
   */
  serverDatabase?: string;
}

type Op<K extends CatalogOp['op']> = Extract<CatalogOp, { op: K }>;

/** Needs libpg-query loaded (`loadPostgresParser()`): identifiers are quoted by the server's lexer. */
export function writeSnapshotSql(ops: CatalogOp[], options: SnapshotOptions = {}): string {
  return new SnapshotWriter(options).write(ops);
}

class SnapshotWriter {
  private readonly out: string[] = [];
  private readonly kinds = new Map<string, 'TABLE' | 'VIEW' | 'MATERIALIZED VIEW' | 'FOREIGN TABLE'>();
  /** Foreign keys wait until every table exists. */
  private pendingForeignKeys: string[] = [];

  constructor(private readonly options: SnapshotOptions) {}

  write(ops: CatalogOp[]): string {
    for (const line of this.options.header ?? []) this.out.push(`-- ${line}`.trimEnd());
    if (this.options.header?.length) this.out.push('');
    let section = '';
    const scripts = this.options.definitions?.scripts;
    const written = new Set<string>();
    for (const op of ops) {
      // Statements the live reader read as SQL (functions, triggers, partitions): written verbatim, once.
      const script = scripts?.get(op.at.file);
      if (script !== undefined) {
        if (written.has(op.at.file)) continue;
        written.add(op.at.file);
      }
      const next = script !== undefined ? 'as the server printed it' : sectionOf(op);
      if (next !== section) {
        if (section === 'relations') this.flushForeignKeys();
        this.out.push('', `-- ${next}`);
        section = next;
      }
      if (script !== undefined) this.out.push(script.trimEnd());
      else this.op(op);
    }
    this.flushForeignKeys();
    return `${this.out.join('\n').replace(/^\n+/, '')}\n`;
  }

  private flushForeignKeys(): void {
    if (this.pendingForeignKeys.length === 0) return;
    this.out.push('', '-- foreign keys', ...this.pendingForeignKeys);
    this.pendingForeignKeys = [];
  }

  private op(op: CatalogOp): void {
    switch (op.op) {
      case 'create-role':
        return this.createRole(op);
      case 'grant-role':
        return this.grantRole(op);
      case 'create-schema':
        return this.line(`CREATE SCHEMA ${ident(op.schema)}${op.owner ? ` AUTHORIZATION ${role(op.owner)}` : ''};`);
      case 'create-table':
        return this.createTable(op);
      case 'create-view':
        return this.createView(op);
      case 'comment-relation':
        return this.line(`COMMENT ON ${this.kindOf(op.name)} ${name(op.name)} IS ${literal(op.text)};`);
      case 'comment-column':
        return this.line(`COMMENT ON COLUMN ${name(op.table)}.${ident(op.column)} IS ${literal(op.text)};`);
      case 'set-owner':
        if (op.kind === 'schema') return this.line(`ALTER SCHEMA ${ident(op.name.name)} OWNER TO ${role(op.owner)};`);
        return this.line(`ALTER ${this.kindOf(op.name)} ${name(op.name)} OWNER TO ${role(op.owner)};`);
      case 'row-security': {
        if (op.enable !== undefined)
          this.line(`ALTER TABLE ${name(op.table)} ${op.enable ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY;`);
        if (op.force !== undefined)
          this.line(`ALTER TABLE ${name(op.table)} ${op.force ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY;`);
        return;
      }
      case 'create-policy':
        return this.createPolicy(op);
      case 'grant':
      case 'revoke':
        return this.privileges(op);
      case 'add-column':
        return this.line(
          `ALTER TABLE ${name(op.table)} ADD COLUMN ${ident(op.column.name)} ${op.column.type ?? 'text'};`,
        );
      case 'add-primary-key':
        return this.line(`ALTER TABLE ${name(op.table)} ADD PRIMARY KEY (${idents(op.columns)});`);
      case 'add-unique':
        return this.line(`ALTER TABLE ${name(op.table)} ADD UNIQUE (${idents(op.columns)});`);
      case 'add-foreign-key':
        this.pendingForeignKeys.push(foreignKeySql(op.table, op.foreignKey));
        return;
      case 'alter-role':
        return this.line(`ALTER ROLE ${role(op.name)}${roleAttributes(op)};`);
      default:
        // Ops the live reader never produces (renames, drops, MySQL scopes…): say so, do not guess.
        return this.line(`-- not written: ${op.op} ${JSON.stringify(withoutLocation(op))}`);
    }
  }

  private line(sql: string): void {
    this.out.push(sql);
  }

  private kindOf(n: QualifiedName): string {
    return this.kinds.get(key(n)) ?? 'TABLE';
  }

  private createRole(op: Op<'create-role'>): void {
    this.line(`CREATE ROLE ${role(op.name)}${roleAttributes(op)};`);
    for (const r of op.inRoles ?? []) this.line(`GRANT ${role(r)} TO ${role(op.name)};`);
    for (const m of op.memberRoles ?? []) this.line(`GRANT ${role(op.name)} TO ${role(m)};`);
  }

  private grantRole(op: Op<'grant-role'>): void {
    const options: string[] = [];
    if (op.admin) options.push('ADMIN OPTION');
    // INHERIT/SET options exist since PostgreSQL 16; an older server's membership has neither.
    if (op.inherit !== undefined) options.push(`INHERIT ${op.inherit ? 'TRUE' : 'FALSE'}`);
    if (op.set !== undefined) options.push(`SET ${op.set ? 'TRUE' : 'FALSE'}`);
    const tail = options.length ? ` WITH ${options.join(', ')}` : '';
    this.asGrantor(op.grantor, `GRANT ${op.roles.map(role).join(', ')} TO ${op.members.map(role).join(', ')}${tail};`);
  }

  private createTable(op: Op<'create-table'>): void {
    this.kinds.set(key(op.name), 'TABLE');
    const lines = op.columns.map((c) => `  ${ident(c.name)} ${c.type ?? 'text'}`);
    if (op.primaryKey) lines.push(`  PRIMARY KEY (${idents(op.primaryKey)})`);
    for (const u of op.uniqueKeys) lines.push(`  UNIQUE (${idents(u)})`);
    const partitionKey = this.options.definitions?.partitionKeys.get(
      definitionKey(op.name.schema ?? 'public', op.name.name),
    );
    const partitioned = partitionKey ? ` PARTITION BY ${partitionKey}` : '';
    this.line(`CREATE TABLE ${name(op.name)} (\n${lines.join(',\n')}\n)${partitioned};`);
    for (const fk of op.foreignKeys) this.pendingForeignKeys.push(foreignKeySql(op.name, fk));
    if (op.comment !== undefined) this.line(`COMMENT ON TABLE ${name(op.name)} IS ${literal(op.comment)};`);
    if (op.owner) this.line(`ALTER TABLE ${name(op.name)} OWNER TO ${role(op.owner)};`);
  }

  private createView(op: Op<'create-view'>): void {
    const kept = this.options.definitions?.views.get(definitionKey(op.name.schema ?? 'public', op.name.name));
    const materialized =
      kept?.materialized ?? (op.view as ViewDefinition & { materialized?: boolean }).materialized === true;
    this.kinds.set(key(op.name), materialized ? 'MATERIALIZED VIEW' : 'VIEW');
    const columns = `(${idents(op.view.columns.map((c) => c.name))})`;
    const body = kept ? kept.sql.trim().replace(/;\s*$/, '') : lineageQuery(op.view);
    if (!kept) this.line('-- the original query was not kept: a query with the same column lineage');
    if (materialized) {
      this.line(`CREATE MATERIALIZED VIEW ${name(op.name)} ${columns} AS\n${body}\nWITH NO DATA;`);
    } else {
      const security = op.view.securityInvoker ? ' WITH (security_invoker = true)' : '';
      this.line(`CREATE VIEW ${name(op.name)} ${columns}${security} AS\n${body};`);
    }
    if (op.owner) this.line(`ALTER ${this.kindOf(op.name)} ${name(op.name)} OWNER TO ${role(op.owner)};`);
  }

  private createPolicy(op: Op<'create-policy'>): void {
    const p = op.policy;
    const kept = this.options.definitions?.policies.get(
      definitionKey(op.table.schema ?? 'public', op.table.name, p.name),
    );
    let using: string | null;
    if (kept) using = kept.using;
    else if (p.usingFalse) using = 'false';
    else if (p.usingTrue) using = null;
    else using = p.usingText ?? 'NULL IS NULL /* expression not kept */';
    const roles = p.roles.length ? p.roles.map(role).join(', ') : 'PUBLIC';
    const parts = [
      `CREATE POLICY ${ident(p.name)} ON ${name(op.table)}`,
      `AS ${p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'}`,
      `FOR ${p.command.toUpperCase()}`,
      `TO ${roles}`,
    ];
    if (using !== null) parts.push(`USING (${using})`);
    if (kept?.withCheck) parts.push(`WITH CHECK (${kept.withCheck})`);
    this.line(`${parts.join(' ')};`);
  }

  private privileges(op: Op<'grant'> | Op<'revoke'>): void {
    const target = targetSql(
      op.target.kind === 'database' && this.options.serverDatabase
        ? { kind: 'database', database: this.options.serverDatabase }
        : op.target,
    );
    if (!target) return this.line(`-- not written: ${op.op} ${JSON.stringify(withoutLocation(op))}`);
    const privileges = op.privileges.map(privilegeSql).join(', ');
    const grantees = op.grantees.map(role).join(', ');
    const statement =
      op.op === 'grant'
        ? `GRANT ${privileges} ON ${target} TO ${grantees}${op.grantOption ? ' WITH GRANT OPTION' : ''};`
        : `REVOKE ${op.grantOptionOnly ? 'GRANT OPTION FOR ' : ''}${privileges} ON ${target} FROM ${grantees}${op.cascade ? ' CASCADE' : ''};`;
    this.asGrantor(op.grantor, statement);
  }

  /**
   * A grant made by someone other than the owner (through a grant option) is replayed as that
   * role, as pg_dump does: PostgreSQL accepts GRANTED BY only for the current role.
   */
  private asGrantor(grantor: string | undefined, statement: string): void {
    if (!grantor) return this.line(statement);
    this.line(`SET ROLE ${role(grantor)};`);
    this.line(statement);
    this.line('RESET ROLE;');
  }
}

function sectionOf(op: CatalogOp): string {
  switch (op.op) {
    case 'create-role':
    case 'alter-role':
    case 'grant-role':
      return 'roles and memberships';
    case 'create-schema':
      return 'schemas';
    case 'set-owner':
      return 'owners';
    case 'row-security':
    case 'create-policy':
      return 'row level security';
    case 'grant':
    case 'revoke':
      return 'privileges';
    default:
      return 'relations';
  }
}

function roleAttributes(op: { login?: boolean; superuser?: boolean; bypassRls?: boolean; inherit?: boolean }): string {
  const attrs: string[] = [];
  if (op.login !== undefined) attrs.push(op.login ? 'LOGIN' : 'NOLOGIN');
  if (op.superuser !== undefined) attrs.push(op.superuser ? 'SUPERUSER' : 'NOSUPERUSER');
  if (op.inherit !== undefined) attrs.push(op.inherit ? 'INHERIT' : 'NOINHERIT');
  if (op.bypassRls !== undefined) attrs.push(op.bypassRls ? 'BYPASSRLS' : 'NOBYPASSRLS');
  return attrs.length ? ` WITH ${attrs.join(' ')}` : '';
}

function foreignKeySql(table: QualifiedName, fk: ForeignKey): string {
  const constraint = fk.name ? `CONSTRAINT ${ident(fk.name)} ` : '';
  return `ALTER TABLE ${name(table)} ADD ${constraint}FOREIGN KEY (${idents(fk.columns)}) REFERENCES ${name(fk.references)} (${idents(fk.referencedColumns)});`;
}

function targetSql(t: GrantTarget): string | undefined {
  switch (t.kind) {
    case 'relations':
      return `TABLE ${t.names.map(name).join(', ')}`;
    case 'all-tables-in-schema':
      return `ALL TABLES IN SCHEMA ${t.schemas.map(ident).join(', ')}`;
    case 'schemas':
      return `SCHEMA ${t.schemas.map(ident).join(', ')}`;
    case 'database':
      return t.database ? `DATABASE ${ident(t.database)}` : undefined;
    default:
      return undefined; // MySQL `db.*` has no PostgreSQL spelling
  }
}

function privilegeSql(p: PrivilegeSpec): string {
  const word = p.privilege === 'ALL' ? 'ALL PRIVILEGES' : p.privilege;
  return p.columns?.length ? `${word} (${idents(p.columns)})` : word;
}

/**
 * A query with the given lineage, for a view whose text was not kept: each column carries its
 * sources (through COALESCE when several), every read relation is in FROM, and columns read
 * elsewhere appear in WHERE.
 */
function lineageQuery(view: ViewDefinition): string {
  const aliases = new Map<string, string>();
  const alias = (q: QualifiedName) => {
    const k = key(q);
    if (!aliases.has(k)) aliases.set(k, `r${aliases.size + 1}`);
    return aliases.get(k)!;
  };
  for (const r of view.reads) alias(r);
  const ref = (s: { relation: QualifiedName; column: string }) =>
    `${alias(s.relation)}.${s.column === '*' ? '*' : ident(s.column)}`;
  const select = view.columns.map((c) => {
    const from = c.from.map(ref);
    const value = from.length === 0 ? 'NULL' : from.length === 1 ? from[0] : `COALESCE(${from.join(', ')})`;
    return from.length === 1 && c.from[0]?.column === '*' ? value : `${value} AS ${ident(c.name)}`;
  });
  const selected = new Set(view.columns.flatMap((c) => c.from.map(ref)));
  const filters = view.readsColumns
    .map(ref)
    .filter((r) => !selected.has(r))
    .map((r) => `${r} IS NOT NULL`);
  const fromList = [...aliases].map(([k, a]) => `${name(JSON.parse(k) as QualifiedName)} ${a}`);
  return `SELECT ${select.join(', ') || 'NULL'}${fromList.length ? `\nFROM ${fromList.join(', ')}` : ''}${filters.length ? `\nWHERE ${filters.join(' OR ')}` : ''}`;
}

function key(n: QualifiedName): string {
  return JSON.stringify({
    ...(n.database ? { database: n.database } : {}),
    schema: n.schema ?? 'public',
    name: n.name,
  });
}

function withoutLocation(op: CatalogOp): Omit<CatalogOp, 'at'> {
  const { at: _at, ...rest } = op;
  return rest;
}

/** `"Name"` only when needed: not a plain lower-case identifier, or a keyword the lexer reserves. */
export function ident(id: string): string {
  if (/^[a-z_][a-z0-9_$]*$/.test(id)) {
    const tokens = scanSync(id).tokens;
    if (tokens.length === 1 && tokens[0]?.keywordName === 'NO_KEYWORD') return id;
  }
  return `"${id.replace(/"/g, '""')}"`;
}

function role(r: string): string {
  return r === 'PUBLIC' ? 'PUBLIC' : r === 'CURRENT_USER' ? 'CURRENT_USER' : ident(r);
}

function idents(ids: string[]): string {
  return ids.map(ident).join(', ');
}

function name(n: QualifiedName): string {
  return [n.database, n.schema, n.name]
    .filter((x): x is string => !!x)
    .map(ident)
    .join('.');
}

function literal(text: string | null): string {
  return text === null ? 'NULL' : `'${text.replace(/'/g, "''")}'`;
}
