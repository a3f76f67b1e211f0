/**
 * Builds the catalog by applying every source's CatalogOps in order, per database, the way the
 * engine would: names resolved against the current schema, ALTER/RENAME/DROP applied to what
 * exists, privileges kept by PrivilegeState. Problems (an ALTER of an unknown table, …) are
 * located diagnostics; the build never throws for bad input.
 */
import { addStats, type ColumnValueStats } from './column-values.js';
import { pgChooseName, pgDefaultName } from './pg-names.js';
import type { CatalogOp, GrantTarget, NamedConstraint, RoutineKind, RoutineRef } from './ops.js';
import {
  type Catalog,
  type Column,
  type Database,
  type ForeignKey,
  type GrantScope,
  type PrivilegeName,
  ROUTINE_PARAMETER,
  TRIGGER_ROW,
  type CopyKind,
  type CopySource,
  type QualifiedName,
  type Relation,
  type RoutineDefinition,
  type RelationId,
  type SourceLocation,
  type ViewColumn,
  type ViewDefinition,
  defaultSchema,
  relationId,
  relationIdOf,
} from './model.js';
import { type Dialect, isMysqlFamily } from '../dialect.js';
import { type Diagnostic, type Said, coded, listOf, part, reasonOf, said, shortList } from '../diagnostics.js';
import type { CodeOf } from '../diagnostic-codes.js';
import { BOOTSTRAP_OWNER, PUBLIC, PrivilegeState } from './privileges.js';
import type { ResolvedRule } from './product-rules.js';
import { CrossDatabaseState, importOrder, parseConninfo, type RemoteDatabase } from './cross-database.js';
import { PUBLIC_SYNONYM_SCHEMA, Synonyms } from './synonyms.js';
import { nth } from '../indexed.js';
import { counter, type Tick } from '../progress-tick.js';
import { CallFlows, isParameter } from './call-flows.js';
import { passedColumns, resolveCall, resolveRoutineCalls, RoutineIndex } from './routine-calls.js';
import { concreteOrigin, type CreatedRoutine, FunctionWrites, writesWith } from './function-writes.js';

export interface BuildInput {
  database: string;
  dialect: Dialect;
  ops: CatalogOp[];
}

export interface BuildOptions {
  postgresVersion?: number;
  /** How each configured database is reached, for foreign servers and subscriptions (default: by its name). */
  remotes?: RemoteDatabase[];
  /** Progress: ops applied of all inputs' ops. */
  onOps?: Tick;
}

export interface BuildResult {
  catalog: Catalog;
  diagnostics: Diagnostic[];
}

/** Privileges that matter for reading, per kind of object, when ALL is granted. */
const READ_PRIVILEGE: Record<GrantScope['kind'], PrivilegeName> = {
  relation: 'SELECT',
  column: 'SELECT',
  schema: 'USAGE',
  'schema-tables': 'SELECT',
  database: 'CONNECT',
  function: 'EXECUTE',
};

const ACCESS_OPS = new Set<CatalogOp['op']>([
  'create-role',
  'grant',
  'revoke',
  'grant-role',
  'revoke-role',
  'default-privileges',
  'create-policy',
]);

/** ORM model files (Prisma, TypeORM, Drizzle) versus SQL scripts: two descriptions of one database. */
function sourceFamily(at: { file: string } | undefined): 'model' | 'sql' | undefined {
  if (!at) return undefined;
  return /\.(prisma|[cm]?[jt]sx?)$/i.test(at.file) ? 'model' : 'sql';
}

/**
 * pg_catalog's trigger functions: `tsvector_update_trigger[_column]` writes a text-search vector of
 * the row's own columns into that row, `suppress_redundant_updates_trigger` skips unchanged rows.
 */
const BUILTIN_TRIGGER_FUNCTIONS = new Set([
  'tsvector_update_trigger',
  'tsvector_update_trigger_column',
  'suppress_redundant_updates_trigger',
]);

/** Schemas every database has without a source creating them. */
const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema', 'mysql', 'sys', 'performance_schema']);
/** PostgreSQL's system columns, which every table has (PostgreSQL 15 docs, 5.5 System Columns). */
const PG_SYSTEM_COLUMNS = new Set(['tableoid', 'xmin', 'cmin', 'xmax', 'cmax', 'ctid', 'oid']);

export function buildCatalog(inputs: BuildInput[], options: BuildOptions = {}): BuildResult {
  const remotes = options.remotes ?? inputs.map((i) => ({ name: i.database }));
  const builder = new CatalogBuilder(
    inputs.map((i) => i.database),
    options.postgresVersion,
    remotes,
  );
  const total = inputs.reduce((n, i) => n + i.ops.length, 0);
  const applied = counter(total, options.onOps);
  let done = 0;
  for (const input of importOrder(inputs, remotes)) builder.apply(input, () => applied(++done));
  return builder.finish();
}

/** Which names take a made-up PostgreSQL name (pgNameTaken). */
type NameKind = 'constraint' | 'index' | 'key';

/** Key names (`CONSTRAINT k PRIMARY KEY`); `index`: a UNIQUE index's key, which is no constraint. */
interface KeyNames {
  primaryKey?: string;
  unique: { name: string; columns: string[]; index?: true }[];
}

class CatalogBuilder {
  private readonly databases = new Map<string, Database>();
  private readonly relations = new Map<RelationId, Relation>();
  /** Trigger functions: not callable, so not relations; kept for ALTER/DROP and for triggers. */
  private readonly triggerFunctions = new Map<RelationId, Relation>();
  private readonly privileges: PrivilegeState;
  private readonly diagnostics: Diagnostic[] = [];
  private accessControlDeclared = false;
  private readonly writtenNames = new Map<string, string>();
  /** Views with `SELECT *` from an Oracle remote object, expanded once links resolve (expandLinkStars). */
  private readonly linkStars: { view: RelationId; at: number; remote: RelationId; q: QualifiedName }[] = [];
  private readonly productRules: ResolvedRule[] = [];
  /** Oracle package subprograms the specification does not declare: callable only inside the package, no path of their own. */
  private readonly privateSubprograms: RelationId[] = [];
  /** Vendor triggers' procedure calls, qualified where they were read, resolved once every source is (resolveCalls). */
  private readonly calls: { call: Extract<CatalogOp, { op: 'routine-call' }>; db: Database; at: SourceLocation }[] = [];
  /** PostgreSQL routines as created (every version) and triggers, for their writes (resolveFunctionWrites). */
  private readonly pgRoutines: (CreatedRoutine & { db: Database; at: SourceLocation })[] = [];
  private readonly pgTriggers: {
    table: QualifiedName;
    transition: Set<string>;
    fn: RelationId;
    db: Database;
    at: SourceLocation;
  }[] = [];
  private readonly cross = new CrossDatabaseState((code, text) => this.warn(code, text));
  /** Oracle synonyms and Db2 aliases, per database (all files). */
  private readonly synonyms = new Map<string, Synonyms>();
  private crossDeclared = false;
  /** Key names as written (`CONSTRAINT k PRIMARY KEY`), for DROP CONSTRAINT; unset ones get the engine's default. */
  private readonly keyNames = new WeakMap<Relation, KeyNames>();
  /**
   * PostgreSQL CHECK and EXCLUDE constraints (names only: they link nothing), and the table's
   * plain `CREATE INDEX` indexes: their names are taken in the schema, so PostgreSQL numbers a
   * made-up name they hold, and a later DROP or RENAME names them.
   */
  private readonly otherConstraints = new WeakMap<Relation, NamedConstraint[]>();
  private readonly indexes = new WeakMap<Relation, { name: string; key?: string[] }[]>();
  /**
   * PostgreSQL foreign keys declared without a name: the name the server chose when it made them,
   * which stays when the table or a column is renamed.
   */
  private readonly foreignKeyNames = new WeakMap<ForeignKey, string>();
  /**
   * PostgreSQL: the relations that were given each key or foreign-key name, written or chosen
   * (a superset: pgNameTaken checks the relation still holds it in that schema).
   */
  private readonly nameHolders = new Map<string, Set<Relation>>();
  /** Sequences by id: `ALTER TABLE <sequence> OWNER TO` names one (pg_dump writes it for every sequence). */
  private readonly sequences = new Set<RelationId>();
  /** Views (and CREATE TABLE AS) whose column list is not known in full: a `*` over an undefined relation. */
  private readonly incompleteColumns = new Set<RelationId>();
  private lastViewIncomplete = false;
  /**
   * Tables an ORM's models and SQL scripts (the migrations the ORM generated) both define, per
   * database: one info diagnostic says so, instead of a duplicate warning per table.
   */
  private readonly modelAndSql = new Map<string, { ids: Set<RelationId>; files: Set<string>; at: SourceLocation }>();

  // Per-input state.
  private db!: Database;
  private currentSchema?: string;
  private currentRole?: string;
  private sessionRole?: string;
  private at!: SourceLocation;

  constructor(
    private readonly databaseNames: string[],
    postgresVersion?: number,
    private readonly remotes: RemoteDatabase[] = [],
  ) {
    this.privileges = new PrivilegeState(postgresVersion ?? 16);
  }

  apply(input: BuildInput, onOp?: () => void): void {
    this.db = this.database(input.database, input.dialect);
    this.currentSchema = undefined;
    this.currentRole = undefined;
    this.sessionRole = undefined;
    for (const op of input.ops) {
      this.at = op.at;
      if (ACCESS_OPS.has(op.op)) this.accessControlDeclared = true;
      this.applyOp(op);
      onOp?.();
    }
  }

  finish(): BuildResult {
    for (const [database, note] of this.modelAndSql) {
      const kinds = (f: string) => [...note.files].filter((x) => sourceFamily({ file: x }) === f);
      this.diagnostics.push({
        severity: 'info',
        code: 'SPIF-SOURCE-MODEL-AND-SQL',
        ...note.at,
        ...(note.ids.size === 1
          ? said('diag.catalog.modelAndSql.one', database, shortList(kinds('model')), shortList(kinds('sql')))
          : said(
              'diag.catalog.modelAndSql.many',
              database,
              note.ids.size,
              shortList(kinds('model')),
              shortList(kinds('sql')),
            )),
      });
    }
    const crossDatabase = this.crossDeclared
      ? this.cross.resolve(this.relations, this.remotes, this.diagnostics)
      : undefined;
    this.expandLinkStars();
    this.resolvePackages();
    this.resolveCalls();
    for (const id of this.privateSubprograms) {
      this.relations.delete(id);
      this.privileges.clear({ kind: 'function', relation: id });
    }
    this.resolveFunctionWrites();
    const catalog: Catalog = {
      databases: this.databases,
      relations: this.relations,
      roles: new Map([...this.privileges.roles].map(([k, { declared: _d, ...r }]) => [k, r])),
      memberships: [...this.privileges.memberships.values()],
      grants: this.privileges.grants(),
      accessControlDeclared: this.accessControlDeclared,
      productRules: this.productRules,
      ...(crossDatabase ? { crossDatabase } : {}),
      ...(this.writtenNames.size ? { writtenNames: this.writtenNames } : {}),
    };
    return { catalog, diagnostics: this.diagnostics };
  }

  private database(name: string, dialect: Dialect): Database {
    let db = this.databases.get(name);
    if (!db) {
      db = { name, dialect, schemas: new Map() };
      this.databases.set(name, db);
      if (dialect === 'postgresql') {
        // PostgreSQL defaults: CONNECT to PUBLIC on every database; USAGE on `public` to PUBLIC.
        this.privileges.grant({ kind: 'database', database: name }, 'CONNECT', PUBLIC, BOOTSTRAP_OWNER, false);
        this.privileges.grant(
          { kind: 'schema', database: name, schema: 'public' },
          'USAGE',
          PUBLIC,
          BOOTSTRAP_OWNER,
          false,
        );
        this.privileges.grant(
          { kind: 'schema', database: name, schema: 'public' },
          'USAGE',
          BOOTSTRAP_OWNER,
          BOOTSTRAP_OWNER,
          true,
        );
        db.schemas.set('public', { database: name, name: 'public', declared: true });
      }
    }
    return db;
  }

  /** The role creating objects and granting now: SET ROLE, else SET SESSION AUTHORIZATION, else the loading superuser. */
  private actingRole(): string {
    return this.currentRole ?? this.sessionRole ?? BOOTSTRAP_OWNER;
  }

  private warn(code: CodeOf<'warning'>, text: ReturnType<typeof said>): void {
    this.diagnostics.push({ ...coded('warning', code), ...text, ...this.at });
  }

  private resolve(q: QualifiedName): { database: string; schema: string; name: string; id: RelationId } {
    const database = q.database && this.databases.has(q.database) ? q.database : this.db.name;
    const schema =
      q.schema ??
      (q.searchPath && this.onSearchPath(database, q.name, q.searchPath)) ??
      this.currentSchema ??
      defaultSchema(this.db.dialect);
    return { database, schema, name: q.name, id: relationId(database, schema, q.name) };
  }

  /**
   * An unqualified name under a search path: the first schema of the path holding a relation of
   * that name (PostgreSQL 15 docs, 5.9.3 The Schema Search Path), else the first schema written
   * (the name is then undefined there, as it would be when the function runs). `$user` and
   * `pg_temp` are skipped; a path of none of those leaves only pg_catalog, which is searched always.
   */
  private onSearchPath(database: string, name: string, path: string[]): string {
    const schemas = path.filter((s) => s !== '$user' && s !== 'pg_temp' && !s.startsWith('pg_temp_'));
    return (
      schemas.find((s) => this.relations.has(relationId(database, s, name))) ??
      schemas.find((s) => s !== 'pg_catalog') ??
      'pg_catalog'
    );
  }

  private qualify(q: QualifiedName): QualifiedName {
    const r = this.resolve(q);
    return { database: r.database, schema: r.schema, name: r.name };
  }

  private existing(q: QualifiedName, what: string): Relation | undefined {
    const r = this.relations.get(this.resolve(q).id);
    if (!r) this.warn('SPIF-SQL-UNKNOWN-RELATION', said('diag.catalog.unknownRelation', what, this.resolve(q).id));
    return r;
  }

  private touchSchema(database: string, schema: string): void {
    const db = this.databases.get(database) ?? this.db;
    if (!db.schemas.has(schema)) db.schemas.set(schema, { database, name: schema, declared: false });
  }

  private applyOp(op: CatalogOp): void {
    switch (op.op) {
      case 'create-schema': {
        // A schema that exists already (e.g. `CREATE SCHEMA IF NOT EXISTS public`) is left as it
        // is: the engine either skips the statement or rejects it, and neither changes the schema.
        if (this.db.schemas.get(op.schema)?.declared) return;
        const owner = op.owner ?? this.actingRole();
        this.db.schemas.set(op.schema, {
          database: this.db.name,
          name: op.schema,
          owner,
          declared: true,
          source: op.at,
        });
        this.privileges.ensureRole(owner);
        this.privileges.createObject({ kind: 'schema', database: this.db.name, schema: op.schema }, owner);
        return;
      }
      case 'use-schema':
        this.currentSchema = op.schema;
        return;
      case 'create-table':
        return this.createTable(op);
      case 'attach-child':
        return this.attachChild(op);
      case 'copy-into':
        return this.copyInto(op);
      case 'run-calls':
        return this.runCalls(op);
      case 'run-body':
        return this.runBody(op);
      case 'routine-call':
        this.calls.push({
          call: {
            ...op,
            names: op.names.map((q) => this.qualify(q)),
            table: this.qualify(op.table),
            args: op.args.map((a) => ({
              ...a,
              from: a.from.map((o) => ({ ...o, relation: this.qualify(o.relation) })),
            })),
          },
          db: this.db,
          at: op.at,
        });
        return;
      case 'create-view':
        return this.createView(op);
      case 'create-function':
        return this.createFunction(op);
      case 'alter-function':
        return this.alterFunction(op);
      case 'create-trigger':
        return this.createTrigger(op);
      case 'written-names':
        for (const [folded, written] of op.names)
          if (!this.writtenNames.has(folded)) this.writtenNames.set(folded, written);
        return;
      case 'create-sequence':
        this.sequences.add(this.resolve(op.name).id);
        return;
      case 'drop-constraint':
        return this.dropConstraint(op);
      case 'rename-constraint': {
        const r = this.existing(op.table, 'RENAME CONSTRAINT');
        if (r) this.renameConstraint(r, op.from, op.to);
        return;
      }
      case 'add-named-constraint': {
        const r = this.existing(op.table, 'ADD CONSTRAINT');
        if (!r) return;
        this.namedConstraints(r).push({ ...op.constraint });
        this.nameKeys(r);
        return;
      }
      case 'create-index':
        return this.createIndex(op);
      case 'drop-index':
        for (const name of op.names) this.dropIndex(name, !!op.ifExists);
        return;
      case 'rename-index':
        return this.renameIndex(op);
      case 'drop-schema':
        return this.dropSchema(op);
      case 'drop-table-object': {
        const r = this.relations.get(this.resolve(op.table).id);
        if (!r) {
          // pg_dump --clean drops triggers and rules before it creates their tables.
          if (!op.ifExists) this.existing(op.table, `DROP ${op.kind.toUpperCase()}`);
          return;
        }
        if (op.kind === 'trigger') this.warn('SPIF-SQL-UNSUPPORTED', said('diag.catalog.dropTrigger', op.name, r.id));
        return; // DROP RULE: CREATE RULE was reported where it stood
      }
      case 'drop-function':
        for (const ref of op.refs) {
          for (const r of this.routines(ref, 'DROP FUNCTION', op.routineKind ?? 'routine', op.ifExists)) {
            this.relations.delete(r.id);
            this.triggerFunctions.delete(r.id);
            this.privileges.clear({ kind: 'function', relation: r.id });
          }
        }
        return;
      case 'add-column': {
        const r = this.existing(op.table, 'ALTER TABLE ADD COLUMN');
        if (r && !r.columns.some((c) => c.name === op.column.name)) r.columns.push({ ...op.column });
        // Without ONLY, ADD COLUMN recurses to partitions and inheritance children.
        if (r && !op.only) {
          for (const child of this.descendants(r)) {
            if (!child.columns.some((c) => c.name === op.column.name)) {
              child.columns.push({
                ...op.column,
                copiedFrom: [
                  {
                    relation: this.qualify({ schema: r.schema, name: r.name }),
                    column: op.column.name,
                    via: child.parents!.find((p) => p.relation === r.id)?.kind ?? 'inherits',
                    at: op.at,
                  },
                ],
              });
            }
          }
        }
        return;
      }
      case 'view-options': {
        const r = this.existing(op.name, 'ALTER VIEW SET');
        if (r?.view) r.view.securityInvoker = op.securityInvoker;
        return;
      }
      case 'drop-column': {
        const r = this.existing(op.table, 'ALTER TABLE DROP COLUMN');
        if (!r) return;
        for (const t of op.only ? [r] : [r, ...this.descendants(r)]) {
          t.columns = t.columns.filter((c) => c.name !== op.column);
          this.privileges.clear({ kind: 'column', relation: t.id, column: op.column });
        }
        return;
      }
      case 'rename-column': {
        const r = this.existing(op.table, 'RENAME COLUMN');
        // An inherited column is renamed in every child too (it is one column).
        const children = r && !op.only ? this.descendants(r) : [];
        this.renameColumn(op.table, op.from, op.to);
        for (const c of children)
          this.renameColumn({ database: c.database, schema: c.schema, name: c.name }, op.from, op.to);
        return;
      }
      case 'add-primary-key': {
        const r = this.existing(op.table, 'ADD PRIMARY KEY');
        if (r) r.primaryKey = op.columns;
        if (r && op.name) this.keysNamed(r).primaryKey = op.name;
        if (r) this.nameKeys(r);
        return;
      }
      case 'add-unique': {
        const r = this.existing(op.table, 'ADD UNIQUE');
        if (r) r.uniqueKeys.push(op.columns);
        if (r && op.name) this.keysNamed(r).unique.push({ name: op.name, columns: op.columns });
        if (r) this.nameKeys(r);
        return;
      }
      case 'add-foreign-key': {
        const r = this.existing(op.table, 'ADD FOREIGN KEY');
        if (r) r.foreignKeys.push({ ...op.foreignKey, references: this.qualify(op.foreignKey.references) });
        if (r) this.nameKeys(r);
        return;
      }
      case 'drop-relation':
        for (const name of op.names) {
          const id = this.resolve(name).id;
          const r = this.relations.get(id);
          if (!r) continue; // DROP … IF EXISTS of something never created is normal in dumps
          // Dropping a partitioned table drops its partitions (PostgreSQL DROP TABLE; children by
          // INHERITS stay: without CASCADE the DROP fails, and it is not emitted then).
          const dropped = [r];
          for (let k = 0; k < dropped.length; k++)
            for (const x of this.relations.values())
              if (
                x.parents?.some((p) => p.relation === nth(dropped, k).id && p.kind === 'partition') &&
                !dropped.includes(x)
              )
                dropped.push(x);
          for (const x of dropped) {
            this.relations.delete(x.id);
            this.privileges.clear({ kind: 'relation', relation: x.id });
            for (const c of x.columns) this.privileges.clear({ kind: 'column', relation: x.id, column: c.name });
          }
        }
        return;
      case 'rename-relation': {
        const r = this.existing(op.from, 'RENAME');
        if (r) this.moveRelation(r, r.schema, op.to);
        return;
      }
      case 'set-schema': {
        const r = this.existing(op.name, 'SET SCHEMA');
        if (r) this.moveRelation(r, op.schema, r.name);
        return;
      }
      case 'set-owner':
        return this.setOwner(op);
      case 'row-security': {
        const r = this.existing(op.table, 'ROW LEVEL SECURITY');
        if (!r) return;
        if (op.enable !== undefined) r.rowSecurity = op.enable;
        if (op.force !== undefined) r.forceRowSecurity = op.force;
        if (op.enable) this.accessControlDeclared = true;
        return;
      }
      case 'create-policy': {
        const r = this.existing(op.table, 'CREATE POLICY');
        if (!r) return;
        const roles = op.policy.roles.map((x) => (x === 'CURRENT_USER' ? this.actingRole() : x));
        roles.forEach((x) => this.privileges.ensureRole(x));
        r.policies.push({ ...op.policy, roles });
        return;
      }
      case 'drop-policy': {
        if (op.ifExists && !this.relations.has(this.resolve(op.table).id)) return;
        const r = this.existing(op.table, 'DROP POLICY');
        if (!r) return;
        if (!op.ifExists && !r.policies.some((p) => p.name === op.name))
          this.warn('SPIF-SQL-REJECTED', said('diag.catalog.noPolicy', 'DROP POLICY', op.name, r.id));
        r.policies = r.policies.filter((p) => p.name !== op.name);
        return;
      }
      case 'alter-policy': {
        const r = this.existing(op.table, 'ALTER POLICY');
        const policy = r?.policies.find((p) => p.name === op.name);
        if (r && !policy) this.warn('SPIF-SQL-REJECTED', said('diag.catalog.noPolicy', 'ALTER POLICY', op.name, r.id));
        if (!policy) return;
        if (op.rename !== undefined) policy.name = op.rename;
        if (op.roles) {
          policy.roles = op.roles.map((x) => (x === 'CURRENT_USER' ? this.actingRole() : x));
          policy.roles.forEach((x) => this.privileges.ensureRole(x));
        }
        if (op.using) Object.assign(policy, op.using);
        return;
      }
      case 'comment-relation': {
        const r = this.existing(op.name, 'COMMENT ON');
        if (r) r.comment = op.text ?? undefined;
        return;
      }
      case 'comment-column': {
        const r = this.existing(op.table, 'COMMENT ON COLUMN');
        const c = r?.columns.find((x) => x.name === op.column);
        if (r && !c) this.warn('SPIF-SQL-UNKNOWN-COLUMN', said('diag.catalog.commentUnknownColumn', r.id, op.column));
        if (c) {
          c.comment = op.text ?? undefined;
          c.commentSource = op.at;
        }
        return;
      }
      case 'column-values': {
        // Rows for a table or column no source defines have nothing to attach to. Those holding valid
        // 個人番号 are a hidden number column, so they are a warning; the others can change no verdict.
        const target = this.resolve(op.table);
        const r = this.relations.get(target.id);
        const unattached = (column: string, stats: ColumnValueStats) => {
          if (stats.kojinBango > 0)
            this.warn(
              'SPIF-DATA-UNATTACHED',
              said(
                r ? 'diag.catalog.unattachedColumn' : 'diag.catalog.unattachedTable',
                `${target.id}${column ? `.${column}` : ''}`,
                String(stats.kojinBango),
                String(stats.values),
              ),
            );
        };
        op.stats.forEach((stats, i) => {
          const c = !r ? undefined : op.columns ? r.columns.find((x) => x.name === op.columns![i]) : r.columns[i];
          if (!c) return unattached(op.columns?.[i] ?? '', stats);
          if (c.values) addStats(c.values, stats);
          else {
            c.values = { ...stats };
            c.valuesSource = op.at;
          }
        });
        return;
      }
      case 'create-role':
        this.privileges.createRole(op);
        for (const parent of op.inRoles ?? [])
          this.privileges.grantRole(parent, op.name, { grantor: this.actingRole() });
        for (const member of op.memberRoles ?? [])
          this.privileges.grantRole(op.name, member, { grantor: this.actingRole() });
        return;
      case 'alter-role':
        if (op.rename) this.renameRole(op.name, op.rename);
        this.privileges.alterRole(op.rename ?? op.name, op);
        return;
      case 'drop-role':
        for (const name of op.names) this.privileges.dropRole(name);
        return;
      case 'grant-role':
        for (const role of op.roles) {
          for (const member of op.members) {
            this.privileges.grantRole(role, this.roleRef(member), {
              inherit: op.inherit,
              set: op.set,
              admin: op.admin,
              grantor: op.grantor ?? this.actingRole(),
            });
          }
        }
        return;
      case 'revoke-role':
        for (const role of op.roles)
          for (const member of op.members)
            this.privileges.revokeRole(role, this.roleRef(member), op.optionOnly, this.actingRole(), op.cascade);
        return;
      case 'grant':
        return this.grantOrRevoke(op, true);
      case 'revoke':
        return this.grantOrRevoke(op, false);
      case 'default-privileges': {
        if (op.objectKind === 'functions') return this.functionDefaults(op);
        const forRoles = op.forRoles.length ? op.forRoles : [this.actingRole()];
        const schemas: (string | undefined)[] = op.schemas.length ? op.schemas : [undefined];
        for (const forRole of forRoles) {
          for (const schema of schemas) {
            for (const p of op.privileges) {
              if (p !== 'SELECT' && p !== 'ALL') continue;
              for (const grantee of op.grantees) {
                this.privileges.addDefault({
                  forRole,
                  schema,
                  database: this.db.name,
                  privilege: 'SELECT',
                  grantee: this.roleRef(grantee),
                  grantOption: op.grantOption,
                  isGrant: op.isGrant,
                });
              }
            }
          }
        }
        return;
      }
      case 'set-role':
        this.currentRole = op.role ?? undefined;
        return;
      case 'set-session-authorization':
        this.sessionRole = op.role ?? undefined;
        this.currentRole = undefined;
        return;
      case 'foreign-server':
        this.crossDeclared = true;
        return this.cross.foreignServer(op, this.db.name, this.actingRole());
      case 'server-usage':
        return this.cross.serverUsage(op, this.db.name, (r) => this.roleRef(r));
      case 'user-mapping':
        this.crossDeclared = true;
        return this.cross.userMapping(op, this.db.name, this.roleRef(op.role));
      case 'foreign-table':
        return this.foreignTable(op);
      case 'import-foreign-schema':
        this.crossDeclared = true;
        return this.importForeignSchema(op);
      case 'dblink': {
        this.crossDeclared = true;
        const caller = [...this.relations.values(), ...this.triggerFunctions.values()].find((r) => r.source === op.at);
        if (caller) this.cross.dblink(caller, op.calls, op.at);
        return;
      }
      case 'publication':
        this.crossDeclared = true;
        return this.cross.publication(op, this.db.name, (q) => this.resolve(q).id);
      case 'subscription':
        this.crossDeclared = true;
        return this.cross.subscription(op, this.db.name, parseConninfo);
      case 'product-rule':
        return this.productRule(op.rule);
      case 'database-link':
        this.crossDeclared = true;
        this.accessControlDeclared = true;
        return this.cross.databaseLink(op, this.db.name, op.owner ?? this.currentSchema);
      case 'remote-relation':
        this.crossDeclared = true;
        return this.remoteRelation(op);
      case 'synonym':
        return this.synonym(op);
    }
  }

  /** CREATE / DROP [PUBLIC] SYNONYM | ALIAS: kept for names of the other files (synonyms.ts). */
  private synonym(op: Extract<CatalogOp, { op: 'synonym' }>): void {
    let table = this.synonyms.get(this.db.name);
    if (!table) {
      table = new Synonyms(this.db.dialect === 'db2' ? PUBLIC_SYNONYM_SCHEMA.db2 : PUBLIC_SYNONYM_SCHEMA.oracle);
      this.synonyms.set(this.db.name, table);
    }
    const schema = op.public ? undefined : this.resolve(op.name).schema;
    if (op.action === 'drop') return table.drop(schema, op.name.name, op.public);
    if (op.target) table.define(schema, op.name.name, this.qualifyKeepingDatabase(op.target), op.public);
  }

  private qualifyKeepingDatabase(q: QualifiedName): QualifiedName {
    const r = this.resolve(q);
    return { schema: r.schema, name: r.name, ...(q.database ? { database: q.database } : {}) };
  }

  /**
   * A name as the database resolves it: the relation of that name, else what a synonym or alias
   * of another file stands for (Oracle, Db2; synonyms.ts). A GRANT on a synonym grants on its object.
   */
  private throughSynonym(q: QualifiedName): QualifiedName {
    const table = this.synonyms.get(this.db.name);
    if (!table?.size) return q;
    const qualified = this.qualifyKeepingDatabase(q);
    return table.resolve(qualified, (x) => this.relations.has(this.resolve(x).id)) ?? q;
  }

  /**
   * `schema.t@link` (Oracle): one local relation per remote object and link, created when first
   * named; its columns are those the sources use, and the remote relation's once it resolves.
   */
  private remoteRelation(op: Extract<CatalogOp, { op: 'remote-relation' }>): void {
    const { id } = this.resolve(op.name);
    let r = this.relations.get(id);
    if (!r) {
      this.createRelation(
        op.name,
        'table',
        this.at,
        op.columns.map((name) => ({ name, source: this.at })),
        {},
      );
      r = this.relations.get(id)!;
      r.foreign = {
        server: op.link,
        via: 'database-link',
        remoteSchema: op.remote.schema ?? '',
        remoteName: op.remote.name,
        columnNames: {},
        linkOwner: op.owner ?? this.resolve(op.name).schema,
      };
      delete r.owner; // a remote object has no local owner
      return;
    }
    if (r.foreign?.via !== 'database-link') return;
    for (const name of op.columns)
      if (!r.columns.some((c) => c.name === name)) r.columns.push({ name, source: this.at });
  }

  /** ALTER DEFAULT PRIVILEGES … ON FUNCTIONS | ROUTINES: EXECUTE for routines created later. */
  private functionDefaults(op: Extract<CatalogOp, { op: 'default-privileges' }>): void {
    const forRoles = op.forRoles.length ? op.forRoles : [this.actingRole()];
    const schemas: (string | undefined)[] = op.schemas.length ? op.schemas : [undefined];
    for (const forRole of forRoles) {
      for (const schema of schemas) {
        if (!op.privileges.some((p) => p === 'EXECUTE' || p === 'ALL')) continue;
        for (const grantee of op.grantees) {
          this.privileges.addDefault({
            objectKind: 'function',
            forRole,
            schema,
            database: this.db.name,
            privilege: 'EXECUTE',
            grantee: this.roleRef(grantee),
            grantOption: op.grantOption,
            isGrant: op.isGrant,
          });
        }
      }
    }
  }

  /** Resolves the names of a product's own access rule; the product's access module reads it. */
  private productRule(rule: CatalogOp & { op: 'product-rule' } extends { rule: infer R } ? R : never): void {
    this.accessControlDeclared = true;
    const resolved: ResolvedRule = { database: this.db.name, rule, at: this.at };
    const table =
      'table' in rule ? rule.table : 'target' in rule && rule.target.kind === 'relation' ? rule.target.name : undefined;
    if (table && rule.kind === 'execute-permission') {
      // a routine, by name: each overload it names gets the rule
      for (const r of this.routines({ name: table }, 'EXECUTE'))
        this.productRules.push({ ...resolved, relation: r.id });
      return;
    }
    if (table) {
      const r = this.existing(this.throughSynonym(table), rule.kind.toUpperCase());
      if (!r) return;
      resolved.relation = r.id;
    }
    if ('target' in rule && rule.target.kind === 'schema') resolved.schema = rule.target.schema;
    for (const p of 'principals' in rule ? rule.principals : []) if (p !== PUBLIC) this.privileges.ensureRole(p);
    this.productRules.push(resolved);
  }

  private roleRef(name: string): string {
    return name === 'CURRENT_USER' ? this.actingRole() : name;
  }

  private createRelation(
    name: QualifiedName,
    kind: 'table' | 'view',
    at: SourceLocation,
    columns: Column[],
    extra: Partial<
      Pick<Relation, 'primaryKey' | 'uniqueKeys' | 'foreignKeys' | 'comment' | 'owner' | 'view' | 'writtenName'>
    > & {
      ifNotExists?: boolean;
      orReplace?: boolean;
    },
  ): void {
    const { database, schema, id } = this.resolve(name);
    const existing = this.relations.get(id);
    if (existing) {
      if (extra.ifNotExists) return;
      if (extra.orReplace && existing.kind === 'view') {
        // CREATE OR REPLACE VIEW keeps owner and privileges; only the definition changes.
        existing.columns = columns;
        existing.view = extra.view;
        return;
      }
      if (sourceFamily(existing.source) !== sourceFamily(at)) {
        // An ORM model and the migration it generated describe one table. The SQL is what runs:
        // its table stays (with its grants, policies and owner), and the model adds only the
        // comments and marks the SQL lacks (Prisma `///`, JSDoc `@spif number`).
        this.noteModelAndSql(id, existing.source, at);
        if (sourceFamily(at) === 'model') {
          for (const c of existing.columns) {
            const model = columns.find((x) => x.name === c.name);
            if (c.comment === undefined && model?.comment !== undefined) {
              c.comment = model.comment;
              c.commentSource = model.commentSource;
            }
            if (c.mark === undefined && model?.mark !== undefined) c.mark = model.mark;
          }
          existing.comment ??= extra.comment;
          return;
        }
        columns = columns.map((c) => {
          const old = existing.columns.find((x) => x.name === c.name);
          if (!old) return c;
          return {
            ...c,
            ...(c.comment === undefined && old.comment !== undefined
              ? { comment: old.comment, commentSource: old.commentSource }
              : {}),
            ...(c.mark === undefined && old.mark !== undefined ? { mark: old.mark } : {}),
          };
        });
        extra = { ...extra, comment: extra.comment ?? existing.comment };
      } else this.warn('SPIF-SQL-DUPLICATE', said('diag.catalog.relationAgain', id));
      this.relations.delete(id);
      this.privileges.clear({ kind: 'relation', relation: id });
      for (const c of existing.columns) this.privileges.clear({ kind: 'column', relation: id, column: c.name });
    }
    this.touchSchema(database, schema);
    const owner = extra.owner ?? this.actingRole();
    this.privileges.ensureRole(owner);
    const relation: Relation = {
      id,
      database,
      schema,
      name: name.name,
      kind,
      dialect: this.db.dialect,
      ...(extra.writtenName ? { writtenName: extra.writtenName } : {}),
      columns: columns.map((c) => ({ ...c })),
      primaryKey: extra.primaryKey,
      uniqueKeys: extra.uniqueKeys ?? [],
      foreignKeys: extra.foreignKeys ?? [],
      owner,
      comment: extra.comment,
      rowSecurity: false,
      forceRowSecurity: false,
      policies: [],
      view: extra.view,
      source: at,
    };
    this.relations.set(id, relation);
    this.applyOwnerDefaults(relation, owner);
  }

  private noteModelAndSql(id: RelationId, earlier: SourceLocation | undefined, later: SourceLocation): void {
    let note = this.modelAndSql.get(this.db.name);
    if (!note) this.modelAndSql.set(this.db.name, (note = { ids: new Set(), files: new Set(), at: later }));
    note.ids.add(id);
    for (const f of [earlier?.file, later.file]) if (f) note.files.add(f);
  }

  /** A new relation's ACL: the owner's own privileges, then ALTER DEFAULT PRIVILEGES for its creator. */
  private applyOwnerDefaults(relation: Relation, owner: string): void {
    const scope: GrantScope = { kind: 'relation', relation: relation.id };
    if (this.db.dialect !== 'postgresql') return;
    this.privileges.createObject(scope, owner, { database: relation.database, schema: relation.schema });
  }

  /**
   * CREATE TABLE, with the columns PostgreSQL gives it from elsewhere:
   * - `PARTITION OF p`: p's columns, primary and unique keys and foreign keys (they are cloned to
   *   every partition) — the table's own column definitions only add constraints;
   * - `INHERITS (p, …)`: each parent's columns first, merged by name, then its own; unique,
   *   primary key and foreign key constraints are *not* inherited (docs 5.10 Inheritance);
   * - `LIKE s INCLUDING …`: s's column definitions where the clause stands; keys with INDEXES,
   *   comments with COMMENTS. The rows are its own, but the column holds the same kind of value.
   */
  private createTable(op: Extract<CatalogOp, { op: 'create-table' }>): void {
    let columns: Column[] = op.columns.map((c) => ({ ...c }));
    let primaryKey = op.primaryKey;
    const uniqueKeys = [...op.uniqueKeys];
    const foreignKeys = op.foreignKeys.map((fk) => ({ ...fk, references: this.qualify(fk.references) }));
    const parents: { relation: RelationId; kind: 'partition' | 'inherits' }[] = [];
    const copy = (src: Relation, c: Column, via: CopyKind): Column => ({
      name: c.name,
      type: c.type,
      source: op.at,
      // Comments are not copied (only LIKE … INCLUDING COMMENTS does): detection follows copiedFrom.
      ...(c.mark ? { mark: c.mark } : {}),
      copiedFrom: [
        { relation: { database: src.database, schema: src.schema, name: src.name }, column: c.name, via, at: op.at },
      ],
    });
    for (const like of [...(op.likes ?? [])].reverse()) {
      const src = this.existing(like.name, 'CREATE TABLE … LIKE');
      if (!src) continue;
      const copied = src.columns.map((c) => ({
        ...copy(src, c, 'like'),
        ...(like.comments && c.comment ? { comment: c.comment, commentSource: c.commentSource } : {}),
      }));
      columns.splice(like.index, 0, ...copied);
      if (like.indexes) {
        if (src.primaryKey && !primaryKey) primaryKey = [...src.primaryKey];
        uniqueKeys.push(...src.uniqueKeys.map((u) => [...u]));
      }
    }
    if (op.partitionOf) {
      const parent = this.existing(op.partitionOf, 'CREATE TABLE … PARTITION OF');
      if (parent) {
        columns = parent.columns.map((c) => copy(parent, c, 'partition'));
        primaryKey ??= parent.primaryKey && [...parent.primaryKey];
        uniqueKeys.push(...parent.uniqueKeys.map((u) => [...u]));
        foreignKeys.push(
          ...parent.foreignKeys.map((fk) => ({
            ...fk,
            columns: [...fk.columns],
            referencedColumns: [...fk.referencedColumns],
          })),
        );
        parents.push({ relation: parent.id, kind: 'partition' });
      }
    }
    for (const p of [...(op.inherits ?? [])].reverse()) {
      const parent = this.existing(p, 'CREATE TABLE … INHERITS');
      if (!parent) continue;
      parents.unshift({ relation: parent.id, kind: 'inherits' });
      const inherited: Column[] = [];
      for (const c of parent.columns) {
        const own = columns.find((x) => x.name === c.name);
        if (own) {
          // A column defined again is merged with the inherited one: still the parent's column.
          own.copiedFrom = [...(own.copiedFrom ?? []), ...copy(parent, c, 'inherits').copiedFrom!];
          columns = columns.filter((x) => x !== own);
          inherited.push(own);
        } else inherited.push(copy(parent, c, 'inherits'));
      }
      columns = [...inherited, ...columns];
    }
    this.createRelation(op.name, 'table', op.at, columns, {
      primaryKey,
      uniqueKeys,
      foreignKeys,
      comment: op.comment,
      owner: op.owner,
      ifNotExists: op.ifNotExists,
      writtenName: op.writtenName,
    });
    const created = this.relations.get(this.resolve(op.name).id);
    if (created && parents.length && created.source === op.at) created.parents = parents;
    // LIKE / PARTITION OF / INHERITS of an undefined or incomplete relation: columns missing.
    const from = [
      ...(op.likes ?? []).map((l) => l.name),
      ...(op.partitionOf ? [op.partitionOf] : []),
      ...(op.inherits ?? []),
    ];
    const incomplete = from.some((q) => {
      const r = this.relations.get(this.resolve(q).id);
      return !r || this.incompleteColumns.has(r.id);
    });
    if (created && created.source === op.at && incomplete) this.incompleteColumns.add(created.id);
    if (created && created.source === op.at && op.keyNames) {
      const names = this.keysNamed(created);
      names.primaryKey = op.keyNames.primaryKey;
      op.keyNames.uniqueKeys.forEach((name, i) => {
        if (name) names.unique.push({ name, columns: nth(op.uniqueKeys, i) });
      });
    }
    if (created && created.source === op.at && op.namedConstraints)
      this.otherConstraints.set(
        created,
        op.namedConstraints.map((c) => ({ ...c })),
      );
    if (created && created.source === op.at && this.dialectOf(created) === 'postgresql') this.collapseKeys(created);
    if (created && created.source === op.at) this.nameKeys(created);
  }

  /**
   * PostgreSQL's CREATE TABLE makes one index for keys over the same columns in the same order: the
   * primary key wins over a unique key, and the first name written is kept (transformIndexConstraints;
   * `a int PRIMARY KEY, CONSTRAINT u UNIQUE (a)` is the primary key `u`, checked on PGlite).
   */
  private collapseKeys(r: Relation): void {
    const names = this.keysNamed(r);
    const same = (a: string[]) => (b: string[]) => a.join('\0') === b.join('\0');
    const pk = r.primaryKey;
    if (pk) {
      names.primaryKey ??= names.unique.find((u) => same(pk)(u.columns))?.name;
      r.uniqueKeys = r.uniqueKeys.filter((cols) => !same(pk)(cols));
      names.unique = names.unique.filter((u) => !same(pk)(u.columns));
    }
    r.uniqueKeys = r.uniqueKeys.filter((cols, i) => r.uniqueKeys.findIndex(same(cols)) === i);
    names.unique = names.unique.filter((u, i) => names.unique.findIndex((v) => same(u.columns)(v.columns)) === i);
  }

  /**
   * PostgreSQL names a key or foreign key declared without a name when it makes it
   * (`<table>_pkey`, `<table>_<columns>_key`, `<table>_<columns>_fkey`, cut to 63 bytes, numbered
   * `…_key1` when taken in the schema), and that name stays through later renames.
   */
  private nameKeys(r: Relation): void {
    if (this.dialectOf(r) !== 'postgresql') return;
    const names = this.keysNamed(r);
    for (const name of this.constraintNames(r)) this.holdName(r, name);
    // a key's index is a relation too: its name must be free among relations and constraints
    const choose = (columns: string[] | undefined, label: string, taken: NameKind) => {
      const name = pgChooseName(r.name, columns, label, (n) => this.pgNameTaken(r, n, taken));
      this.holdName(r, name);
      return name;
    };
    const others = this.otherConstraints.get(r) ?? [];
    // CHECK constraints are named as the table is made, before its keys' indexes (DefineRelation)
    for (const c of others) if (!c.name && c.label === 'check') c.name = choose(c.columns, 'check', 'constraint');
    if (r.primaryKey && names.primaryKey === undefined) names.primaryKey = choose(undefined, 'pkey', 'key');
    // one name per key: a key added twice over the same columns is two constraints
    const unnamed = [...names.unique];
    for (const cols of r.uniqueKeys) {
      const i = unnamed.findIndex((u) => u.columns.join('\0') === cols.join('\0'));
      if (i >= 0) unnamed.splice(i, 1);
      else names.unique.push({ name: choose(cols, 'key', 'key'), columns: cols });
    }
    for (const c of others) if (!c.name) c.name = choose(c.columns, c.label, 'key');
    for (const fk of r.foreignKeys)
      if (!fk.name && !this.foreignKeyNames.has(fk))
        this.foreignKeyNames.set(fk, choose(fk.columns, 'fkey', 'constraint'));
  }

  /** The constraint names of a relation: keys, foreign keys, CHECK and EXCLUDE (PostgreSQL's pg_constraint). */
  private constraintNames(r: Relation): string[] {
    const names = this.keyNames.get(r);
    return [
      ...(names?.primaryKey ? [names.primaryKey] : []),
      ...(names?.unique ?? []).filter((u) => !u.index).map((u) => u.name),
      ...r.foreignKeys.flatMap((fk) => fk.name ?? this.foreignKeyNames.get(fk) ?? []),
      ...(this.otherConstraints.get(r) ?? []).flatMap((c) => c.name ?? []),
    ];
  }

  /** The index names of a relation: its keys' and EXCLUDE constraints' indexes and its CREATE INDEX ones (pg_class). */
  private indexNames(r: Relation): string[] {
    const names = this.keyNames.get(r);
    return [
      ...(names?.primaryKey ? [names.primaryKey] : []),
      ...(names?.unique ?? []).map((u) => u.name),
      ...(this.otherConstraints.get(r) ?? []).flatMap((c) => (c.label === 'excl' && c.name) || []),
      ...(this.indexes.get(r) ?? []).map((i) => i.name),
    ];
  }

  private namedConstraints(r: Relation): NamedConstraint[] {
    let list = this.otherConstraints.get(r);
    if (!list) this.otherConstraints.set(r, (list = []));
    return list;
  }

  private holdName(r: Relation, name: string): void {
    let holders = this.nameHolders.get(name);
    if (!holders) this.nameHolders.set(name, (holders = new Set()));
    holders.add(r);
  }

  /**
   * Whether PostgreSQL would find `name` taken in r's schema (NameKind says by what): a
   * constraint's name (ChooseConstraintName: CHECK, foreign key) by any constraint; a plain
   * index's (ChooseRelationName) by any relation, sequence or index; a key's or EXCLUDE
   * constraint's, which is both, by either.
   */
  private pgNameTaken(r: Relation, name: string, kind: NameKind): boolean {
    const id = relationId(r.database, r.schema, name);
    if (kind !== 'constraint' && (this.relations.has(id) || this.sequences.has(id))) return true;
    return (
      this.holderOf(r.database, r.schema, name, (h) => [
        ...(kind !== 'index' ? this.constraintNames(h) : []),
        ...(kind !== 'constraint' ? this.indexNames(h) : []),
      ]) !== undefined
    );
  }

  /** The relation of that schema that holds `name` among the names `of` gives. */
  private holderOf(
    database: string,
    schema: string,
    name: string,
    of: (h: Relation) => string[],
  ): Relation | undefined {
    for (const h of this.nameHolders.get(name) ?? [])
      if (h.database === database && h.schema === schema && this.relations.get(h.id) === h && of(h).includes(name))
        return h;
    return undefined;
  }

  /**
   * PostgreSQL CREATE [UNIQUE] INDEX: the name written, or `<table>_<columns>_idx` numbered as the
   * server numbers it (ChooseIndexName). A UNIQUE index over plain columns without WHERE is a
   * unique key of the table (a foreign key may reference it; DROP INDEX removes it).
   */
  private createIndex(op: Extract<CatalogOp, { op: 'create-index' }>): void {
    const r = this.existing(op.table, 'CREATE INDEX');
    if (!r) return;
    if (op.ifNotExists && op.name && this.pgNameTaken(r, op.name, 'index')) return;
    const name = op.name ?? pgChooseName(r.name, op.columns, 'idx', (n) => this.pgNameTaken(r, n, 'index'));
    this.holdName(r, name);
    let list = this.indexes.get(r);
    if (!list) this.indexes.set(r, (list = []));
    const key = op.key && r.kind === 'table' ? [...op.key] : undefined;
    list.push({ name, ...(key ? { key } : {}) });
    if (key) {
      r.uniqueKeys.push(key);
      this.keysNamed(r).unique.push({ name, columns: key, index: true });
    }
  }

  /** The CREATE INDEX index `q` names, with its table, resolved in its schema as the server resolves a relation. */
  private indexNamed(q: QualifiedName): { table?: Relation; keyTable?: Relation; name: string } {
    const { database, schema, name } = this.resolve(q);
    const table = this.holderOf(database, schema, name, (h) => (this.indexes.get(h) ?? []).map((i) => i.name));
    const keyTable = table ? undefined : this.holderOf(database, schema, name, (h) => this.indexNames(h));
    return { table, keyTable, name };
  }

  private dropIndex(q: QualifiedName, ifExists: boolean): void {
    const { table, keyTable, name } = this.indexNamed(q);
    if (keyTable) {
      this.warn('SPIF-SQL-REJECTED', said('diag.catalog.dropConstraintIndex', name, keyTable.id));
      return;
    }
    if (!table) {
      if (!ifExists) this.warn('SPIF-SQL-UNKNOWN-RELATION', said('diag.catalog.unknownIndex', 'DROP INDEX', name));
      return;
    }
    const list = this.indexes.get(table) ?? [];
    const i = list.findIndex((x) => x.name === name);
    const [dropped] = list.splice(i, 1);
    if (!dropped?.key) return;
    const names = this.keysNamed(table);
    names.unique = names.unique.filter((u) => !(u.index && u.name === name));
    const at = table.uniqueKeys.findIndex((cols) => cols.join('\0') === dropped.key!.join('\0'));
    if (at >= 0) table.uniqueKeys.splice(at, 1);
  }

  /** ALTER INDEX i RENAME TO j; a key's or EXCLUDE constraint's index renames the constraint with it (as PostgreSQL does). */
  private renameIndex(op: Extract<CatalogOp, { op: 'rename-index' }>): void {
    const { table, keyTable, name } = this.indexNamed(op.name);
    if (keyTable) return this.renameConstraint(keyTable, name, op.to);
    if (!table) {
      if (!op.ifExists) this.warn('SPIF-SQL-UNKNOWN-RELATION', said('diag.catalog.unknownIndex', 'ALTER INDEX', name));
      return;
    }
    for (const i of this.indexes.get(table) ?? []) if (i.name === name) i.name = op.to;
    for (const u of this.keysNamed(table).unique) if (u.index && u.name === name) u.name = op.to;
    this.holdName(table, op.to);
  }

  private renameConstraint(r: Relation, from: string, to: string): void {
    const fk = r.foreignKeys.find((k) => this.foreignKeyName(r, k) === from);
    if (fk) fk.name = to;
    const names = this.keysNamed(r);
    if (this.primaryKeyName(r) === from) names.primaryKey = to;
    const unique = this.uniqueKeyNamed(r, from);
    if (unique) {
      names.unique = names.unique.filter((u) => u.index || u.name !== from);
      names.unique.push({ name: to, columns: unique });
    }
    for (const c of this.otherConstraints.get(r) ?? []) if (c.name === from) c.name = to;
    this.holdName(r, to);
  }

  private keysNamed(r: Relation): KeyNames {
    let names = this.keyNames.get(r);
    if (!names) this.keyNames.set(r, (names = { unique: [] }));
    return names;
  }

  /**
   * The primary key's name: as written, else PostgreSQL's `<table>_pkey` (MySQL's is always PRIMARY).
   * PostgreSQL's made-up names are cut to 63 bytes as the server cuts them (pg-names.ts).
   */
  private primaryKeyName(r: Relation): string | undefined {
    if (!r.primaryKey) return undefined;
    return (
      this.keyNames.get(r)?.primaryKey ??
      (this.dialectOf(r) === 'postgresql' ? pgDefaultName(r.name, undefined, 'pkey') : 'PRIMARY')
    );
  }

  /** The columns of the unique key of that name: as written, else the engine's default name. */
  private uniqueKeyNamed(r: Relation, name: string): string[] | undefined {
    const named = this.keyNames.get(r)?.unique ?? [];
    const hit = named.find((u) => u.name === name && !u.index);
    if (hit) return hit.columns;
    const pg = this.dialectOf(r) === 'postgresql';
    return r.uniqueKeys.find(
      (cols) =>
        !named.some((u) => u.columns.join('\0') === cols.join('\0')) &&
        // PostgreSQL: `<table>_<columns>_key`; MySQL: the first column's name.
        (pg ? pgDefaultName(r.name, cols, 'key') : cols[0]) === name,
    );
  }

  /** A foreign key's name: as written, else `<table>_<columns>_fkey` (PostgreSQL) or `<table>_ibfk_<n>` (MySQL). */
  private foreignKeyName(r: Relation, fk: ForeignKey): string {
    if (fk.name) return fk.name;
    if (this.dialectOf(r) === 'postgresql')
      return this.foreignKeyNames.get(fk) ?? pgDefaultName(r.name, fk.columns, 'fkey');
    return `${r.name}_ibfk_${r.foreignKeys.filter((k) => !k.name).indexOf(fk) + 1}`;
  }

  private dialectOf(r: Relation): Dialect {
    return this.databases.get(r.database)?.dialect ?? this.db.dialect;
  }

  /**
   * DROP CONSTRAINT / DROP FOREIGN KEY / DROP PRIMARY KEY / DROP INDEX: the key or foreign key of
   * that name goes. A PostgreSQL name that is no key or foreign key is a CHECK, EXCLUDE or NOT NULL
   * constraint, and a MySQL index name that is no unique key a plain index: neither links tables.
   */
  /**
   * Oracle `SELECT * FROM t@link` in a view: the remote relation's columns, now that the link is
   * resolved (cross-database.ts fills them from the configured remote database), in the view at
   * the `*`'s place; a link that does not resolve leaves them unknown, said on the view.
   */
  private expandLinkStars(): void {
    for (const { view, at, remote, q } of [...this.linkStars].reverse()) {
      const v = this.relations.get(view);
      const r = this.relations.get(remote);
      if (!v?.view || !r) continue;
      if (r.columns.length === 0) {
        this.incompleteColumns.add(view);
        this.diagnostics.push({
          ...coded('warning', 'SPIF-DBLINK-UNRESOLVED'),
          ...said('diag.catalog.viewStarRemote', view, remote),
          ...v.source,
        });
        continue;
      }
      const cols = r.columns.filter((c) => !c.parameter);
      v.view.columns.splice(at, 0, ...cols.map((c) => ({ name: c.name, from: [{ relation: q, column: c.name }] })));
      v.columns.splice(
        at,
        0,
        ...cols.map((c) => ({ name: c.name, ...(c.type ? { type: c.type } : {}), source: v.source })),
      );
    }
  }

  private dropConstraint(op: Extract<CatalogOp, { op: 'drop-constraint' }>): void {
    if (op.ifExists && !this.relations.has(this.resolve(op.table).id)) return; // pg_dump --clean
    const r = this.existing(op.table, 'DROP CONSTRAINT');
    if (!r) return;
    const names = this.keysNamed(r);
    if (op.kind === 'primary-key' || (op.kind === undefined && op.name === this.primaryKeyName(r))) {
      if (r.primaryKey && !this.dropDependents(r, r.primaryKey, op)) return;
      r.primaryKey = undefined;
      names.primaryKey = undefined;
      return;
    }
    if (op.kind !== 'unique') {
      const fk = r.foreignKeys.find((k) => this.foreignKeyName(r, k) === op.name);
      if (fk) {
        r.foreignKeys = r.foreignKeys.filter((k) => k !== fk);
        return;
      }
      if (op.kind === 'foreign-key') {
        this.warn('SPIF-SQL-UNKNOWN-CONSTRAINT', said('diag.catalog.dropForeignKey', String(op.name), r.id, r.name));
        return;
      }
    }
    const unique = op.name === undefined ? undefined : this.uniqueKeyNamed(r, op.name);
    if (unique) {
      if (!this.dropDependents(r, unique, op)) return;
      const key = unique.join('\0');
      const i = r.uniqueKeys.findIndex((cols) => cols.join('\0') === key);
      if (i >= 0) r.uniqueKeys.splice(i, 1);
      names.unique = names.unique.filter((u) => u.name !== op.name);
      return;
    }
    if (this.dialectOf(r) !== 'postgresql' || op.name === undefined) return; // MySQL: a plain index or CHECK
    const others = this.otherConstraints.get(r) ?? [];
    const other = others.findIndex((c) => c.name === op.name);
    if (other >= 0) {
      others.splice(other, 1);
      return;
    }
    // No constraint spif read has that name (a NOT NULL one, or one the sources never created):
    // said, and the keys stay (a link they imply may be over-stated, never lost).
    if (!op.missingOk)
      this.warn('SPIF-SQL-UNKNOWN-CONSTRAINT', said('diag.catalog.dropUnknownConstraint', op.name, r.id));
  }

  /**
   * A PostgreSQL foreign key depends on the unique index of the columns it references: dropping
   * that key fails ("other objects depend on it") unless CASCADE, which drops those foreign keys.
   * Returns whether the key may go.
   */
  private dropDependents(r: Relation, key: string[], op: Extract<CatalogOp, { op: 'drop-constraint' }>): boolean {
    if (this.dialectOf(r) !== 'postgresql') return true;
    const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
    const dependents: { on: Relation; fk: ForeignKey }[] = [];
    for (const other of this.relations.values())
      for (const fk of other.foreignKeys) {
        if (this.relations.get(this.resolve(fk.references).id) !== r) continue;
        if (sameSet(fk.referencedColumns.length ? fk.referencedColumns : (r.primaryKey ?? []), key))
          dependents.push({ on: other, fk });
      }
    if (!dependents.length) return true;
    if (!op.cascade) {
      this.warn(
        'SPIF-SQL-REJECTED',
        said(
          'diag.catalog.dropKeyDependents',
          op.name ?? '',
          r.id,
          listOf(dependents.map((d) => this.foreignKeyName(d.on, d.fk))),
        ),
      );
      return false;
    }
    for (const d of dependents) d.on.foreignKeys = d.on.foreignKeys.filter((k) => k !== d.fk);
    return true;
  }

  /** DROP SCHEMA: PostgreSQL refuses a schema that holds objects unless CASCADE, which drops them too. */
  private dropSchema(op: Extract<CatalogOp, { op: 'drop-schema' }>): void {
    for (const schema of op.schemas) {
      if (!this.db.schemas.get(schema)?.declared) {
        const held = [...this.relations.values()].some((r) => r.database === this.db.name && r.schema === schema);
        if (!held) {
          if (!op.ifExists) this.warn('SPIF-SQL-UNKNOWN-SCHEMA', said('diag.catalog.dropSchemaUnknown', schema));
          continue;
        }
      }
      const inside = [...this.relations.values(), ...this.triggerFunctions.values()].filter(
        (r) => r.database === this.db.name && r.schema === schema,
      );
      if (inside.length && !op.cascade) {
        this.warn('SPIF-SQL-REJECTED', said('diag.catalog.dropSchemaNotEmpty', schema, inside.length));
        continue;
      }
      for (const r of inside) {
        this.relations.delete(r.id);
        this.triggerFunctions.delete(r.id);
        this.privileges.clear({ kind: r.routine ? 'function' : 'relation', relation: r.id });
        for (const c of r.columns) this.privileges.clear({ kind: 'column', relation: r.id, column: c.name });
      }
      this.db.schemas.delete(schema);
      this.privileges.clear({ kind: 'schema', database: this.db.name, schema });
    }
  }

  /** CREATE FOREIGN TABLE's SERVER and OPTIONS: postgres_fdw reads schema_name.table_name (default: its own names). */
  private foreignTable(op: Extract<CatalogOp, { op: 'foreign-table' }>): void {
    this.crossDeclared = true;
    const r = this.existing(op.table, 'CREATE FOREIGN TABLE');
    if (!r || r.source !== op.at) return;
    r.foreign = {
      server: op.server,
      remoteSchema: op.options.schema_name ?? r.schema,
      remoteName: op.options.table_name ?? r.name,
      columnNames: { ...op.columnNames },
    };
  }

  /**
   * IMPORT FOREIGN SCHEMA: a foreign table in the local schema for each table, view, materialized
   * view and foreign table of the remote schema (or those LIMIT TO names, or all but EXCEPT),
   * with the remote columns (PostgreSQL 15 docs, IMPORT FOREIGN SCHEMA; F.38.5 postgres_fdw).
   */
  private importForeignSchema(op: Extract<CatalogOp, { op: 'import-foreign-schema' }>): void {
    const server = this.cross.server(this.db.name, op.server);
    const target = server && CrossDatabaseState.serverTarget(server, this.remotes);
    if (!server || !target || !('database' in target)) {
      const why = !server ? part('diag.catalog.serverNotCreated', op.server) : (target as { reason: Said }).reason.text;
      this.warn(
        'SPIF-FDW-UNRESOLVED',
        said('diag.catalog.importForeignSchemaUnresolved', op.remoteSchema, op.server, op.localSchema, why),
      );
      return;
    }
    const remote = [...this.relations.values()].filter(
      (r) =>
        r.database === target.database &&
        r.schema === op.remoteSchema &&
        r.kind !== 'function' &&
        (!op.limitTo || op.limitTo.includes(r.name)) &&
        !op.except?.includes(r.name),
    );
    if (remote.length === 0)
      this.warn(
        'SPIF-FDW-UNRESOLVED',
        said('diag.catalog.importForeignSchemaEmpty', op.remoteSchema, op.server, target.database),
      );
    for (const r of remote) {
      const name: QualifiedName = { schema: op.localSchema, name: r.name };
      this.createRelation(
        name,
        'table',
        this.at,
        r.columns.filter((c) => !c.parameter).map((c) => ({ name: c.name, type: c.type, source: this.at })),
        {},
      );
      const created = this.relations.get(this.resolve(name).id);
      if (created?.source === this.at)
        created.foreign = { server: op.server, remoteSchema: r.schema, remoteName: r.name, columnNames: {} };
      if (created && this.incompleteColumns.has(r.id)) this.incompleteColumns.add(created.id);
    }
  }

  /** Partitions and inheritance children of r, at every depth. */
  private descendants(r: Relation): Relation[] {
    const out: Relation[] = [];
    const queue = [r.id];
    for (let i = 0; i < queue.length; i++) {
      for (const x of this.relations.values()) {
        if (x.parents?.some((p) => p.relation === queue[i]) && !out.includes(x)) {
          out.push(x);
          queue.push(x.id);
        }
      }
    }
    return out;
  }

  /** ATTACH PARTITION / INHERIT: the child's columns of the parent's names are the parent's; DETACH / NO INHERIT undo it. */
  private attachChild(op: Extract<CatalogOp, { op: 'attach-child' }>): void {
    const parent = this.existing(op.parent, op.kind === 'partition' ? 'ATTACH PARTITION' : 'INHERIT');
    const child = this.existing(op.child, op.kind === 'partition' ? 'ATTACH PARTITION' : 'INHERIT');
    if (!parent || !child) return;
    const from = { database: parent.database, schema: parent.schema, name: parent.name };
    const same = (s: CopySource) =>
      s.via === op.kind &&
      relationId(s.relation.database ?? '', s.relation.schema ?? '', s.relation.name) === parent.id;
    if (op.detach) {
      child.parents = child.parents?.filter((p) => p.relation !== parent.id);
      for (const c of child.columns) c.copiedFrom = c.copiedFrom?.filter((s) => !same(s));
      return;
    }
    child.parents = [
      ...(child.parents ?? []).filter((p) => p.relation !== parent.id),
      { relation: parent.id, kind: op.kind },
    ];
    for (const c of child.columns) {
      if (!parent.columns.some((p) => p.name === c.name) || c.copiedFrom?.some(same)) continue;
      c.copiedFrom = [...(c.copiedFrom ?? []), { relation: from, column: c.name, via: op.kind, at: op.at }];
    }
    // An attached partition gets the parent's foreign keys (they are cloned); inheritance gets none.
    if (op.kind === 'partition') {
      for (const fk of parent.foreignKeys) {
        if (!child.foreignKeys.some((x) => x.columns.join() === fk.columns.join())) child.foreignKeys.push({ ...fk });
      }
    }
  }

  /**
   * A trigger whose function INSERTs `NEW.kojin_bango` into a history or audit table: that table's
   * column holds the trigger table's number, whatever it is called.
   */
  private createTrigger(op: Extract<CatalogOp, { op: 'create-trigger' }>): void {
    const table = this.existing(op.table, 'CREATE TRIGGER');
    // PostgreSQL's own trigger functions (pg_catalog, found first on every search path): they
    // change only the row they fire on, in the same table, and copy nothing elsewhere.
    const fnName = op.function.name;
    if (
      this.db.dialect === 'postgresql' &&
      (!fnName.schema || fnName.schema === 'pg_catalog') &&
      !fnName.database &&
      BUILTIN_TRIGGER_FUNCTIONS.has(fnName.name)
    )
      return;
    const [fn] = this.routines(op.function, 'CREATE TRIGGER');
    if (!table || !fn?.routine) return;
    if (!fn.routine.analysed) {
      this.warn(
        'SPIF-FUNCTION-UNANALYSED',
        said(
          'diag.catalog.triggerUnanalysed',
          table.id,
          fn.id,
          fn.routine.unanalysedText ?? fn.routine.unanalysedReason ?? part('diag.catalog.unknown'),
        ),
      );
    }
    const row: QualifiedName = { database: table.database, schema: table.schema, name: table.name };
    // NEW/OLD, and a statement trigger's transition tables (unqualified names), are the table's rows.
    const transition = new Set(op.transitionTables ?? []);
    if (this.db.dialect === 'postgresql')
      this.pgTriggers.push({ table: row, transition, fn: fn.id, db: this.db, at: op.at });
    const isRow = (q: QualifiedName) => q.name === TRIGGER_ROW || (!q.schema && !q.database && transition.has(q.name));
    for (const w of fn.routine.writes ?? []) {
      const values = w.values.map((v) => ({
        ...v,
        from: v.from.map((f) => (isRow(f.relation) ? { ...f, relation: row } : f)),
      }));
      this.copyInto({ op: 'copy-into', at: op.at, table: w.table, columns: w.columns, values, via: 'trigger' });
    }
  }

  /** INSERT … SELECT (or a trigger's INSERT): the target columns hold the selected values. */
  private copyInto(op: Extract<CatalogOp, { op: 'copy-into' }>): void {
    const target = this.existing(
      op.table,
      op.via === 'update' ? 'UPDATE' : op.via === 'merge' ? 'MERGE' : 'INSERT … SELECT',
    );
    if (!target) return;
    const { view } = this.resolveView(
      { securityInvoker: false, columns: op.values, reads: [], readsColumns: [] },
      op.table,
      op.at,
    );
    const names = op.columns ?? target.columns.map((c) => c.name);
    view.columns.forEach((vc, i) => {
      const column = target.columns.find((c) => c.name === names[i]);
      if (!column) return;
      for (const src of vc.from) {
        const known = column.copiedFrom?.some(
          (s) =>
            s.column === src.column &&
            s.relation.name === src.relation.name &&
            s.relation.schema === src.relation.schema &&
            s.relation.database === src.relation.database,
        );
        if (!known)
          column.copiedFrom = [
            ...(column.copiedFrom ?? []),
            { relation: src.relation, column: src.column, via: op.via, at: op.at },
          ];
      }
    });
  }

  private createView(op: Extract<CatalogOp, { op: 'create-view' }>): void {
    if (this.refusedColumn(op)) return;
    const { view, columns } = this.resolveView(op.view, op.name, op.at, true, op.readsAt);
    const { id } = this.resolve(op.name);
    if (this.lastViewIncomplete) this.incompleteColumns.add(id);
    else this.incompleteColumns.delete(id);
    this.createRelation(op.name, op.relationKind ?? 'view', op.at, columns, {
      view,
      owner: op.owner,
      orReplace: op.orReplace,
    });
  }

  /**
   * A view (or CREATE TABLE AS / MATERIALIZED VIEW) naming a column none of its candidate bases
   * has: PostgreSQL refuses the statement ("column h.nope does not exist"), so the relation is not
   * created, and the error is located at the column. Checked only where every candidate is
   * defined by SQL with its full column list (not a model, not a view over an undefined `*`), the
   * name is no system column, and `h.f` is not attribute notation for a function `f(h)`
   * (PostgreSQL 15 docs, 8.16.5 "Using Composite Types in Queries" / 38.5.8).
   */
  private refusedColumn(op: Extract<CatalogOp, { op: 'create-view' }>): boolean {
    if (this.db.dialect !== 'postgresql') return false;
    for (const ref of op.columnRefs ?? []) {
      const derived = ref.derived ?? [];
      // A subquery's or CTE's own output names have no system columns: only base relations do.
      if (PG_SYSTEM_COLUMNS.has(ref.column) && ref.candidates.length) continue;
      if (derived.some((d) => d.names.includes(ref.column))) continue;
      // Relations named directly, and those whose `*` a subquery or CTE selects.
      const named = [...ref.candidates, ...derived.flatMap((d) => d.stars)];
      const bases = named.map((c) => this.relations.get(this.resolve(this.throughSynonym(c)).id));
      const checkable = bases.every(
        (b) => b && b.kind !== 'function' && sourceFamily(b.source) === 'sql' && !this.incompleteColumns.has(b.id),
      );
      if (!checkable || bases.some((b) => b!.columns.some((c) => c.name === ref.column && !c.parameter))) continue;
      if (ref.qualified && this.isFunctionName(ref.column)) continue;
      const what =
        op.relationKind === 'table'
          ? 'CREATE TABLE AS'
          : op.view.materialized
            ? 'CREATE MATERIALIZED VIEW'
            : 'CREATE VIEW';
      const written = ref.qualified ? `${derived[0]?.alias ?? nth(ref.candidates, 0).name}.${ref.column}` : ref.column;
      const has = [...bases.map((b) => b!.id), ...derived.map((d) => d.alias)].join(', ');
      this.diagnostics.push({
        ...coded('error', 'SPIF-VIEW-UNKNOWN-COLUMN'),
        ...said('diag.catalog.viewUnknownColumn', what, this.resolve(op.name).id, written, has, ref.column),
        ...ref.at,
      });
      return true;
    }
    return false;
  }

  /** Whether some function of that name exists (any schema, any arguments): `h.f` may call it. */
  private isFunctionName(name: string): boolean {
    return [...this.relations.values(), ...this.triggerFunctions.values()].some(
      (r) => r.routine && r.database === this.db.name && r.name.slice(0, r.name.indexOf('(')) === name,
    );
  }

  private resolveView(
    opView: ViewDefinition,
    opName: QualifiedName,
    at: SourceLocation,
    isView = false,
    readsAt: { relation: QualifiedName; at: SourceLocation }[] = [],
  ): { view: ViewDefinition; columns: Column[] } {
    const op = { view: opView, name: opName, at };
    this.lastViewIncomplete = false;
    // Resolve lineage now: `*` expands to the base columns as they are at CREATE VIEW time, and an
    // unqualified column belongs to the FROM entry that has it.
    const resolvedColumns: { name: string; from: { relation: QualifiedName; column: string }[] }[] = [];
    const resolveSource = (src: { relation: QualifiedName; column: string }) => {
      const q = this.qualify(this.throughSynonym(src.relation));
      const base = this.relations.get(this.resolve(q).id);
      return { q, base };
    };
    for (const col of op.view.columns) {
      if (col.name === '*' && col.from.length > 0 && col.from.every((f) => f.column === '*')) {
        // `*` (in each branch of a UNION): the base columns by position, as the engine expands it.
        const bases = col.from.map((f) => resolveSource(f));
        const remote = bases.length === 1 ? nth(bases, 0).base : undefined;
        if (remote?.foreign?.via === 'database-link' && remote.columns.length === 0) {
          // `SELECT *` from `t@link`: the remote table's columns, once the link resolves (finish)
          this.linkStars.push({
            view: this.resolve(opName).id,
            at: resolvedColumns.length,
            remote: remote.id,
            q: nth(bases, 0).q,
          });
          continue;
        }
        const missing = bases.find((b) => !b.base);
        if (missing || bases.some((b) => this.incompleteColumns.has(b.base!.id))) this.lastViewIncomplete = true;
        if (missing) {
          this.warn(
            'SPIF-SQL-UNKNOWN-RELATION',
            said('diag.catalog.viewStarUnknown', this.resolve(op.name).id, this.resolve(missing.q).id),
          );
          continue;
        }
        // A routine's `*` (a MySQL CALL: its result sets) is what it returns, not its parameters.
        const returned = (r: Relation) => r.columns.filter((c) => !c.parameter);
        returned(nth(bases, 0).base!).forEach((c, i) => {
          resolvedColumns.push({
            name: c.name,
            from: bases.flatMap(({ q, base }) => {
              const same = returned(base!)[i];
              return same ? [{ relation: q, column: same.name }] : [];
            }),
          });
        });
        continue;
      }
      const from = col.from
        .map(resolveSource.bind(this))
        .map(({ q, base }, i) => ({ q, base, column: nth(col.from, i).column }))
        // Unqualified names were offered to every FROM entry: keep the entries that have the column.
        .filter(({ base, column }) => !base || base.columns.some((c) => c.name === column) || col.from.length === 1)
        .map(({ q, column }) => ({ relation: q, column }));
      resolvedColumns.push({ name: col.name, from });
    }
    // A selected column is read too (`SELECT *` leaves the expanded columns out of the parse).
    const readsColumns = uniqueSources([
      ...op.view.readsColumns
        .map((src) => ({ ...resolveSource(src), column: src.column }))
        .filter(({ base, column }) => !base || base.columns.some((c) => c.name === column))
        .map(({ q, column }) => ({ relation: q, column })),
      ...resolvedColumns.flatMap((c) => c.from),
    ]);
    // Only a view's FROM names relations that must exist when it is created: a function's body names
    // are looked up when it runs, and a trigger's transition tables (REFERENCING NEW TABLE AS) are no
    // relations at all.
    const reads = op.view.reads.map((q) => this.throughSynonym(q));
    if (isView)
      this.warnUndefinedBases(
        reads,
        op.name,
        resolvedColumns,
        readsAt.map((r) => ({ ...r, relation: this.throughSynonym(r.relation) })),
      );
    const view = {
      ...op.view,
      columns: resolvedColumns,
      reads: reads.map((q) => this.qualify(q)),
      readsColumns,
    };
    const columns: Column[] = resolvedColumns.map((c) => ({ name: c.name, source: op.at }));
    return { view, columns };
  }

  /**
   * A view over a relation no source defines (issue 12.9): one located warning per missing base.
   * Its columns keep the base columns' names in their lineage, so detection still reads
   * `SELECT kojin_bango AS bango FROM missing_t` as a number column (src/detect/detect.ts).
   * System catalogs (pg_catalog, information_schema, MySQL's mysql/sys/performance_schema) exist
   * in every database and are not warned about.
   */
  private warnUndefinedBases(
    reads: QualifiedName[],
    view: QualifiedName,
    columns: { name: string; from: { relation: QualifiedName; column: string }[] }[],
    readsAt: { relation: QualifiedName; at: SourceLocation }[],
  ): void {
    const seen = new Set<string>();
    for (const q of reads) {
      const { id, schema, name } = this.resolve(q);
      if (seen.has(id) || this.relations.has(id) || SYSTEM_SCHEMAS.has(schema.toLowerCase())) continue;
      if (!q.schema && /^pg_/.test(name) && this.db.dialect === 'postgresql') continue; // pg_catalog is searched first
      seen.add(id);
      const carried = columns
        .flatMap((c) =>
          c.from
            .filter((f) => this.resolve(f.relation).id === id)
            .map((f) => (f.column === c.name ? c.name : `${f.column} → ${c.name}`)),
        )
        .filter((x) => x !== '*');
      // Located at the FROM entry that names the relation, where the reader knows it.
      const at = readsAt.find((r) => this.resolve(r.relation).id === id)?.at ?? this.at;
      this.diagnostics.push({
        severity: 'warning',
        code: 'SPIF-VIEW-UNDEFINED-BASE',
        ...(carried.length
          ? said('diag.catalog.viewUndefinedBaseColumns', this.resolve(view).id, id, name, listOf(carried))
          : said('diag.catalog.viewUndefinedBase', this.resolve(view).id, id, name)),
        ...at,
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Functions and procedures: relations of kind 'function' (see RoutineDefinition).

  private routineId(
    q: QualifiedName,
    argTypes: string[],
  ): { database: string; schema: string; name: string; id: RelationId } {
    const r = this.resolve(q);
    const name = `${q.name}(${argTypes.join(', ')})`;
    return { database: r.database, schema: r.schema, name, id: relationId(r.database, r.schema, name) };
  }

  /** The routines a reference names: exact signature, or every routine of that name when no arguments are written. */
  private routines(ref: RoutineRef, what: string, kind: RoutineKind = 'routine', ifExists = false): Relation[] {
    const { database, schema } = this.resolve(ref.name);
    const named = (name: string, database: string, schema: string) =>
      [...this.relations.values(), ...this.triggerFunctions.values()].filter(
        (r) =>
          r.routine &&
          r.database === database &&
          r.schema === schema &&
          (ref.specific
            ? r.routine.specificName === ref.specific
            : r.name.slice(0, r.name.indexOf('(')) === name || (!ref.argTypes && r.routine.package === name)) && // an Oracle package: its subprograms
          (!ref.argTypes || r.routine.argTypes.join(',') === ref.argTypes.join(',')) &&
          (kind === 'routine' || r.routine.kind === kind),
      );
    let found = named(ref.name.name, database, schema);
    const via = found.length || ref.specific ? undefined : this.routineSynonym(ref.name);
    if (via) found = named(via.name, via.database, via.schema);
    if (this.db.dialect === 'db2' && !ref.argTypes && !ref.specific && found.length > 1) {
      // Db2 refuses a routine named without its signature when the name is not unique in its
      // schema (SQL0476N, SQLSTATE 42725): the statement is not processed.
      this.warn(
        'SPIF-ROUTINE-AMBIGUOUS',
        said(
          'diag.catalog.routineAmbiguous',
          what,
          `${database}.${schema}.${ref.name.name}`,
          found.map((r) => r.name).join(', '),
        ),
      );
      return [];
    }
    if (found.length === 0 && !ifExists) {
      this.warn(
        'SPIF-SQL-UNKNOWN-RELATION',
        said(
          'diag.catalog.unknownFunction',
          what,
          `${database}.${schema}.${ref.name.name}${ref.argTypes ? `(${ref.argTypes.join(', ')})` : ''}`,
        ),
      );
    }
    return found;
  }

  /**
   * Oracle: the procedure, function or package an object name stands for through a synonym of
   * another file (SQL Language Reference, GRANT: "Granting a privilege on a synonym is equivalent to
   * granting the privilege on the base object"), when no object has that name.
   */
  private routineSynonym(q: QualifiedName): { database: string; schema: string; name: string } | undefined {
    const table = this.synonyms.get(this.db.name);
    if (this.db.dialect !== 'oracle' || !table?.size) return undefined;
    const isObject = (x: QualifiedName) => {
      const { database, schema, name } = this.resolve(x);
      if (this.relations.has(relationId(database, schema, name))) return true;
      for (const r of this.relations.values())
        if (
          r.routine &&
          r.database === database &&
          r.schema === schema &&
          (r.name.startsWith(`${name}(`) || r.routine.package === name)
        )
          return true;
      return false;
    };
    const target = table.resolve(this.qualifyKeepingDatabase(q), isObject);
    return target ? this.resolve(target) : undefined;
  }

  /** A MySQL routine's CALLs: what each callee is, once earlier sources are built. */
  private callFlows(calls: NonNullable<RoutineDefinition['calls']>): CallFlows {
    return new CallFlows(
      {
        callee: (q) => this.relations.get(this.routineId(q, []).id),
        qualify: (q) => this.qualify(q),
      },
      calls,
    );
  }

  /** A MySQL trigger body's writes and CALLs: copies, through what each callee does with its arguments. */
  private runCalls(op: Extract<CatalogOp, { op: 'run-calls' }>): void {
    const flows = this.callFlows(op.calls);
    for (const q of flows.undefinedCallees()) this.routines({ name: q }, 'CALL');
    for (const w of flows.writes(op.writes).concrete)
      this.copyInto({ op: 'copy-into', at: op.at, table: w.table, columns: w.columns, values: w.values, via: op.via });
  }

  /**
   * A MySQL routine as read: its CALLs resolved (catalog/call-flows.ts), what it returns from its
   * own parameters kept apart (`parameterFlows`), and its writes split into copies made now and
   * writes of its parameters, made copies at each CALL.
   */
  private withCallFlows(op: Extract<CatalogOp, { op: 'create-function' }>): {
    op: Extract<CatalogOp, { op: 'create-function' }>;
    flows: CallFlows;
    copies: Extract<CatalogOp, { op: 'copy-into' }>[];
  } {
    const flows = this.callFlows(op.routine.calls ?? []);
    const parameterFlows: Record<string, string[]> = {};
    const columns = op.view.columns.map((c) => {
      const from = flows.resolve(c.from, 'through');
      const params = from.filter(isParameter).map((o) => o.column);
      if (params.length) parameterFlows[c.name] = [...new Set(params)];
      return { name: c.name, from: from.filter((o) => !isParameter(o)) };
    });
    const { concrete, parametric } = flows.writes(op.routine.writes ?? []);
    const copies = concrete.map((w) => ({
      op: 'copy-into' as const,
      at: op.at,
      table: w.table,
      ...(w.columns ? { columns: w.columns } : {}),
      values: w.values,
      via: 'insert-select' as const,
    }));
    const undefinedCallee = flows.undefinedCallees()[0];
    const routine: RoutineDefinition = { ...op.routine, writes: parametric, parameterFlows };
    delete routine.calls;
    if (undefinedCallee && routine.analysed) {
      const r = this.resolve(undefinedCallee);
      Object.assign(routine, {
        analysed: false,
        ...reasonOf(said('diag.catalog.callsUndefined', `${r.schema}.${r.name}`)),
      });
    }
    return { op: { ...op, routine, view: { ...op.view, columns } }, flows, copies };
  }

  /** A callee's result set or OUT parameter that returns its parameters carries what the CALL passes. */
  private addReturnedArguments(view: ViewDefinition, flows: CallFlows, parameterFlows: Record<string, string[]>): void {
    for (const c of view.columns) {
      const extra = c.from.flatMap((f) => flows.returned(f));
      if (!extra.length) continue;
      const params = extra.filter(isParameter).map((o) => o.column);
      if (params.length) parameterFlows[c.name] = [...new Set([...(parameterFlows[c.name] ?? []), ...params])];
      const known = new Set(c.from.map((f) => `${f.relation.schema}.${f.relation.name}.${f.column}`));
      for (const o of extra.filter((x) => !isParameter(x))) {
        const q = { relation: this.qualify(o.relation), column: o.column };
        const key = `${q.relation.schema}.${q.relation.name}.${q.column}`;
        if (known.has(key)) continue;
        known.add(key);
        c.from.push(q);
      }
    }
  }

  private createFunction(op: Extract<CatalogOp, { op: 'create-function' }>): void {
    const mysql = op.routine.parameterModes ? this.withCallFlows(op) : undefined;
    if (mysql) op = mysql.op;
    const { database, schema, name, id } = this.routineId(op.name, op.routine.argTypes);
    if (op.routine.parameters && (op.routine.writes || op.routine.vendorCalls)) {
      // A routine's writes and calls name tables as its file does: qualified here, for its callers.
      const own = (q: QualifiedName) => (this.keepsName(op, q) ? q : this.qualify(q));
      const origins = (from: ViewColumn['from']) => from.map((o) => ({ ...o, relation: own(o.relation) }));
      op = {
        ...op,
        routine: {
          ...op.routine,
          ...(op.routine.writes
            ? {
                writes: op.routine.writes.map((w) => ({
                  ...w,
                  table: this.qualify(w.table),
                  values: w.values.map((v) => ({ ...v, from: origins(v.from) })),
                })),
              }
            : {}),
          ...(op.routine.vendorCalls
            ? {
                vendorCalls: op.routine.vendorCalls.map((call) => ({
                  ...call,
                  names: call.names.map((q) => this.qualify(q)),
                  args: call.args.map((a) => ({ ...a, from: origins(a.from) })),
                })),
              }
            : {}),
        },
      };
    }
    if (this.db.dialect === 'postgresql') op = this.qualifyFunctionCalls(op);
    const resolved = this.resolveView(op.view, op.name, op.at);
    if (mysql) this.addReturnedArguments(resolved.view, mysql.flows, op.routine.parameterFlows!);
    this.storeFunction(op, { database, schema, name, id }, resolved);
    if (this.db.dialect === 'postgresql')
      this.pgRoutines.push({ id, database, schema, name: op.name.name, routine: op.routine, db: this.db, at: op.at });
    for (const c of mysql?.copies ?? []) this.copyInto(c);
  }

  private storeFunction(
    op: Extract<CatalogOp, { op: 'create-function' }>,
    { database, schema, name, id }: { database: string; schema: string; name: string; id: RelationId },
    resolved: { view: ViewDefinition; columns: Column[] },
  ): void {
    // A MySQL CALL of a routine not defined before: what it returns is not known.
    const callee = op.view.columns
      .flatMap((c) => (c.name === '*' ? c.from : []))
      .find(
        (f) => f.column === '*' && f.relation.name.endsWith('()') && !this.relations.has(this.resolve(f.relation).id),
      );
    if (callee && op.routine.analysed) {
      const r = this.resolve(callee.relation);
      op = {
        ...op,
        routine: {
          ...op.routine,
          analysed: false,
          ...reasonOf(said('diag.catalog.callsUndefined', `${r.schema}.${r.name.slice(0, -2)}`)),
        },
      };
    }
    // Output columns keep their declared names (a `*` of a row type was expanded by resolveView).
    const params = new Set(op.columns.filter((c) => c.parameter).map((c) => c.name));
    const columns: Column[] = resolved.columns.map((c) => ({
      ...c,
      ...(params.has(c.name) ? { parameter: true } : {}),
    }));
    if (!op.routine.analysed) this.warnUnanalysed(op.routine, id, this.db.dialect);
    const store = op.routine.trigger ? this.triggerFunctions : this.relations;
    const existing = store.get(id);
    if (existing?.routine && op.orReplace) {
      // CREATE OR REPLACE keeps owner and privileges; definition and SECURITY change.
      existing.columns = columns;
      existing.view = resolved.view;
      existing.routine = op.routine;
      return;
    }
    if (existing) {
      this.warn('SPIF-SQL-DUPLICATE', said('diag.catalog.functionAgain', id));
      store.delete(id);
      this.privileges.clear({ kind: 'function', relation: id });
    }
    this.touchSchema(database, schema);
    const owner = op.owner ?? this.actingRole();
    this.privileges.ensureRole(owner);
    store.set(id, {
      id,
      database,
      schema,
      name,
      kind: 'function',
      dialect: this.db.dialect,
      columns,
      uniqueKeys: [],
      foreignKeys: [],
      owner,
      rowSecurity: false,
      forceRowSecurity: false,
      policies: [],
      view: resolved.view,
      routine: op.routine,
      source: op.at,
    });
    if (this.db.dialect === 'postgresql')
      this.privileges.createObject({ kind: 'function', relation: id }, owner, { database, schema });
    else this.privileges.createObjectWithoutDefaults({ kind: 'function', relation: id }, owner);
  }

  private warnUnanalysed(routine: RoutineDefinition, id: RelationId, dialect: Dialect): void {
    this.warn(
      'SPIF-FUNCTION-UNANALYSED',
      said(
        routine.trigger
          ? 'diag.catalog.routineUnanalysedTrigger'
          : !routine.securityDefiner
            ? 'diag.catalog.routineUnanalysed'
            : dialect === 'postgresql' || isMysqlFamily(dialect)
              ? 'diag.catalog.routineUnanalysedDefiner'
              : 'diag.catalog.routineUnanalysedOtherRights',
        part(`diag.catalog.routine.${routine.kind}`),
        id,
        routine.unanalysedText ?? routine.unanalysedReason ?? part('diag.catalog.bodyNotRead'),
      ),
    );
  }

  /**
   * Oracle packages, once every file is read (specification and body may be in different files):
   * a subprogram takes the specification's AUTHID when its file did not have it, and the
   * package's EXECUTE (granted on the package, the one object); one the specification does not
   * declare is private, callable only inside the package ("Package Body"), so no path of its
   * own. A specification whose body was read gives way to its subprograms; one without a body is
   * the unread routine (an unknown path when it runs with its owner's rights).
   */
  /**
   * Names a routine's writes keep unqualified: a parameter, the trigger row, and in a trigger
   * function a bare name, which may be a transition table (`REFERENCING NEW TABLE AS n`) of the
   * trigger that runs it (replaced, or else qualified, per trigger).
   */
  private keepsName(op: Extract<CatalogOp, { op: 'create-function' }>, q: QualifiedName): boolean {
    if (q.name === ROUTINE_PARAMETER || q.name === TRIGGER_ROW) return true;
    return !!op.routine.trigger && !q.schema && !q.database && !q.searchPath;
  }

  /**
   * A PostgreSQL body's calls, qualified where it is created: a name with a schema or the body's
   * search path keeps it (routines are looked up by name, catalog/function-writes.ts), else the
   * schema current now; arguments' columns as its writes'.
   */
  private qualifyFunctionCalls(op: Extract<CatalogOp, { op: 'create-function' }>): typeof op {
    const calls = op.routine.functionCalls;
    if (!calls) return op;
    const own = (q: QualifiedName) => (this.keepsName(op, q) ? q : this.qualify(q));
    const name = (q: QualifiedName) => {
      const database = this.resolve(q).database;
      return q.schema || q.searchPath ? { ...q, database } : this.qualify(q);
    };
    const functionCalls = calls.map((c) => ({
      name: name(c.name),
      args: c.args.map((a) => a.map((o) => ({ ...o, relation: own(o.relation) }))),
    }));
    return { ...op, routine: { ...op.routine, functionCalls } };
  }

  /** A script's DO block or calls: a body run now, whose writes (its callees' too) are copies. */
  private runBody(op: Extract<CatalogOp, { op: 'run-body' }>): void {
    const routine: RoutineDefinition = {
      kind: 'procedure',
      securityDefiner: false,
      language: 'plpgsql',
      argTypes: [],
      analysed: true,
      parameters: [],
      writes: op.writes,
      functionCalls: op.calls,
    };
    const fake: Extract<CatalogOp, { op: 'create-function' }> = {
      op: 'create-function',
      at: op.at,
      name: { name: '#script' },
      columns: [],
      routine,
      view: { securityInvoker: true, columns: [], reads: [], readsColumns: [] },
    };
    const own = (q: QualifiedName) => (this.keepsName(fake, q) ? q : this.qualify(q));
    const qualified = this.qualifyFunctionCalls({
      ...fake,
      routine: {
        ...routine,
        writes: op.writes.map((w) => ({
          ...w,
          table: this.qualify(w.table),
          values: w.values.map((v) => ({ ...v, from: v.from.map((o) => ({ ...o, relation: own(o.relation) })) })),
        })),
      },
    });
    const id = `#script@${op.at.file}:${op.at.line}:${this.pgRoutines.length}`;
    const { database, schema } = this.resolve({ name: '#script' });
    this.pgRoutines.push({ id, database, schema, name: '#script', routine: qualified.routine, db: this.db, at: op.at });
  }

  /**
   * What PostgreSQL routines write when they run, their callees' writes included
   * (catalog/function-writes.ts): a function or procedure's writes of base columns are copies
   * (it may be called: docs/access-control.md#copies); a trigger's, with the trigger row being its
   * table. Once every source is read: a body names tables created after it (pg_dump writes
   * functions first), and PL/pgSQL looks them up when it runs.
   */
  private resolveFunctionWrites(): void {
    if (!this.pgRoutines.length) return;
    const writes = new FunctionWrites(this.pgRoutines);
    for (const r of this.pgRoutines) {
      if (r.routine.trigger) continue;
      this.db = r.db;
      this.currentSchema = undefined;
      this.at = r.at;
      const copies = writesWith(writes.writes(r.id), (o) => concreteOrigin(o) && o.relation.name !== TRIGGER_ROW);
      for (const w of copies)
        this.copyInto({
          op: 'copy-into',
          at: r.at,
          table: w.table,
          columns: w.columns,
          values: w.values,
          via: w.via ?? 'insert-select',
        });
    }
    for (const t of this.pgTriggers) {
      this.db = t.db;
      this.currentSchema = undefined;
      this.at = t.at;
      const isRow = (q: QualifiedName) =>
        q.name === TRIGGER_ROW || (!q.schema && !q.database && t.transition.has(q.name));
      const row = (o: ViewColumn['from'][number]) => (isRow(o.relation) ? { ...o, relation: t.table } : o);
      for (const w of writesWith(writes.writes(t.fn), concreteOrigin)) {
        const values = w.values.map((v) => ({ ...v, from: v.from.map(row) }));
        this.copyInto({ op: 'copy-into', at: t.at, table: w.table, columns: w.columns, values, via: 'trigger' });
      }
    }
  }

  /** Each trigger's calls: the procedure's writes of its parameters copy what the trigger passes. */
  private resolveCalls(): void {
    const index = new RoutineIndex(this.relations, (db) =>
      this.databases.get(db)?.dialect === 'oracle' ? this.synonyms.get(db) : undefined,
    );
    const chains = resolveRoutineCalls(index);
    const within = (r: Relation) => {
      this.db = this.databases.get(r.database) ?? this.db;
      this.currentSchema = undefined;
      this.at = r.source;
    };
    for (const { caller } of chains.unanalysed) {
      within(caller);
      this.warnUnanalysed(caller.routine!, caller.id, caller.dialect);
    }
    for (const { caller, write } of chains.copies) {
      within(caller);
      this.copyInto({ op: 'copy-into', at: caller.source, ...write, via: write.via ?? 'insert-select' });
    }
    for (const { call, db, at } of this.calls) {
      this.db = db;
      this.currentSchema = undefined;
      this.at = at;
      const passed = passedColumns(call).join(', ');
      const table = relationIdOf(call.table);
      const r = resolveCall(call, index);
      // the routine found, by its name without the signature; else the last reading of the name
      // (Oracle `a.b`: schema a's b, after package a's b)
      const found = r.kind === 'resolved' ? r.callees[0] : r.kind === 'no-match' ? r.candidates[0] : undefined;
      const callee = found
        ? relationId(found.database, found.schema, found.name.slice(0, found.name.indexOf('(')))
        : relationIdOf(nth(call.names, call.names.length - 1));
      if (r.kind === 'undefined' && call.value) continue; // a built-in function in an expression
      if (r.kind === 'undefined')
        this.warn(
          'SPIF-FUNCTION-UNANALYSED',
          said('diag.catalog.triggerCallUndefined', call.caller, table, passed, callee),
        );
      else if (r.kind === 'no-match')
        this.warn(
          'SPIF-FUNCTION-UNANALYSED',
          said('diag.catalog.triggerCallNoMatch', call.caller, table, passed, callee, call.args.length),
        );
      else if (r.kind === 'unanalysed')
        this.warn(
          'SPIF-FUNCTION-UNANALYSED',
          said(
            'diag.catalog.triggerCallUnanalysed',
            call.caller,
            table,
            passed,
            r.callee.id,
            r.callee.routine?.unanalysedText ?? r.callee.routine?.unanalysedReason ?? part('diag.catalog.bodyNotRead'),
          ),
        );
      else {
        if (r.ambiguous)
          this.warn(
            'SPIF-ROUTINE-AMBIGUOUS',
            said(
              'diag.catalog.triggerCallAmbiguous',
              call.caller,
              table,
              passed,
              callee,
              r.callees.map((c) => c.name).join(', '),
            ),
          );
        if (r.handsBack.length)
          this.warn(
            'SPIF-FUNCTION-UNANALYSED',
            said('diag.vendor.triggerCallHandsBack', call.caller, table, callee, r.handsBack.join(', ')),
          );
        for (const w of r.writes)
          this.copyInto({ op: 'copy-into', at, table: w.table, columns: w.columns, values: w.values, via: 'trigger' });
      }
    }
  }

  private resolvePackages(): void {
    const bodies = new Map<string, Relation[]>();
    for (const r of this.relations.values()) {
      if (!r.routine?.package) continue;
      const key = relationId(r.database, r.schema, `${r.routine.package}()`);
      bodies.set(key, [...(bodies.get(key) ?? []), r]);
    }
    for (const spec of [...this.relations.values()]) {
      const declared = spec.routine?.packageSpec;
      if (!spec.routine || !declared) continue;
      const members = bodies.get(spec.id) ?? [];
      bodies.delete(spec.id);
      if (members.length === 0) {
        spec.routine = {
          ...spec.routine,
          analysed: false,
          ...reasonOf(said('diag.vendor.packageBodyMissing', spec.routine.rights ?? declared.rights)),
        };
        this.at = spec.source;
        this.warnUnanalysed(spec.routine, spec.id, spec.dialect);
        continue;
      }
      for (const m of members) {
        const name = m.name.slice(spec.name.length - 1, m.name.indexOf('('));
        if (!declared.members.includes(name)) {
          this.privateSubprograms.push(m.id); // dropped once the calls of its package's subprograms are followed
          continue;
        }
        if (m.routine?.rightsFromSpec) {
          const { rightsFromSpec: _r, ...routine } = m.routine;
          m.routine = { ...routine, securityDefiner: spec.routine.securityDefiner };
          if (m.view) m.view = { ...m.view, securityInvoker: !spec.routine.securityDefiner };
        }
        this.privileges.share({ kind: 'function', relation: spec.id }, { kind: 'function', relation: m.id });
      }
      this.relations.delete(spec.id);
      this.privileges.clear({ kind: 'function', relation: spec.id });
    }
  }

  private alterFunction(op: Extract<CatalogOp, { op: 'alter-function' }>): void {
    for (const r of this.routines(op.ref, 'ALTER FUNCTION')) {
      if (op.securityDefiner !== undefined) {
        r.routine!.securityDefiner = op.securityDefiner;
        if (r.view) r.view.securityInvoker = !op.securityDefiner;
      }
      if (op.owner !== undefined) {
        this.privileges.ensureRole(op.owner);
        this.privileges.changeOwner({ kind: 'function', relation: r.id }, r.owner ?? BOOTSTRAP_OWNER, op.owner);
        r.owner = op.owner;
      }
      if (op.rename !== undefined || op.schema !== undefined) {
        const schema = op.schema ?? r.schema;
        const name = `${op.rename ?? r.name.slice(0, r.name.indexOf('('))}${r.name.slice(r.name.indexOf('('))}`;
        const newId = relationId(r.database, schema, name);
        const store = r.routine?.trigger ? this.triggerFunctions : this.relations;
        store.delete(r.id);
        this.privileges.move({ kind: 'function', relation: r.id }, { kind: 'function', relation: newId });
        Object.assign(r, { id: newId, schema, name });
        this.touchSchema(r.database, schema);
        store.set(newId, r);
      }
    }
  }

  private moveRelation(r: Relation, schema: string, name: string): void {
    const oldId = r.id;
    const newId = relationId(r.database, schema, name);
    if (oldId === newId) return;
    this.relations.delete(oldId);
    r.id = newId;
    r.schema = schema;
    r.name = name;
    this.touchSchema(r.database, schema);
    this.relations.set(newId, r);
    this.privileges.move({ kind: 'relation', relation: oldId }, { kind: 'relation', relation: newId });
    for (const c of r.columns) {
      this.privileges.move(
        { kind: 'column', relation: oldId, column: c.name },
        { kind: 'column', relation: newId, column: c.name },
      );
    }
    // Foreign keys and views refer to the relation itself (by OID in the engine), so they follow it.
    const same = (q: QualifiedName) => relationId(q.database ?? '', q.schema ?? '', q.name) === oldId;
    const renamed = (q: QualifiedName): QualifiedName => (same(q) ? { database: r.database, schema, name } : q);
    for (const other of this.relations.values()) {
      for (const fk of other.foreignKeys) fk.references = renamed(fk.references);
      for (const c of other.columns)
        if (c.copiedFrom) c.copiedFrom = c.copiedFrom.map((s) => ({ ...s, relation: renamed(s.relation) }));
      if (other.parents)
        other.parents = other.parents.map((p) => (p.relation === oldId ? { ...p, relation: newId } : p));
      if (other.view) {
        other.view.reads = other.view.reads.map(renamed);
        other.view.readsColumns = other.view.readsColumns.map((c) => ({ ...c, relation: renamed(c.relation) }));
        for (const vc of other.view.columns) vc.from = vc.from.map((f) => ({ ...f, relation: renamed(f.relation) }));
      }
    }
  }

  private renameColumn(table: QualifiedName, from: string, to: string): void {
    const r = this.existing(table, 'RENAME COLUMN');
    if (!r) return;
    const c = r.columns.find((x) => x.name === from);
    if (!c) {
      this.warn('SPIF-SQL-UNKNOWN-COLUMN', said('diag.catalog.renameUnknownColumn', r.id, from));
      return;
    }
    c.name = to;
    // ALTER VIEW … RENAME COLUMN: the view's own output column is renamed, its lineage kept.
    const viewColumn = r.view?.columns.find((x) => x.name === from);
    if (viewColumn) viewColumn.name = to;
    this.privileges.move(
      { kind: 'column', relation: r.id, column: from },
      { kind: 'column', relation: r.id, column: to },
    );
    const swap = (cols: string[]) => cols.map((x) => (x === from ? to : x));
    if (r.primaryKey) r.primaryKey = swap(r.primaryKey);
    r.uniqueKeys = r.uniqueKeys.map(swap);
    for (const u of this.keyNames.get(r)?.unique ?? []) u.columns = swap(u.columns);
    for (const fk of r.foreignKeys) fk.columns = swap(fk.columns);
    const isR = (q: QualifiedName) => relationId(q.database ?? '', q.schema ?? '', q.name) === r.id;
    for (const other of this.relations.values()) {
      for (const fk of other.foreignKeys) if (isR(fk.references)) fk.referencedColumns = swap(fk.referencedColumns);
      for (const oc of other.columns)
        if (oc.copiedFrom)
          oc.copiedFrom = oc.copiedFrom.map((s) => (isR(s.relation) && s.column === from ? { ...s, column: to } : s));
      if (other.view) {
        // A view keeps its own column names; its lineage follows the renamed base column.
        for (const vc of other.view.columns)
          vc.from = vc.from.map((f) => (isR(f.relation) && f.column === from ? { ...f, column: to } : f));
        other.view.readsColumns = other.view.readsColumns.map((f) =>
          isR(f.relation) && f.column === from ? { ...f, column: to } : f,
        );
      }
    }
  }

  private renameRole(from: string, to: string): void {
    this.privileges.renameRole(from, to);
    for (const r of this.relations.values()) {
      if (r.owner === from) r.owner = to;
      for (const p of r.policies) p.roles = p.roles.map((x) => (x === from ? to : x));
    }
    for (const db of this.databases.values()) for (const s of db.schemas.values()) if (s.owner === from) s.owner = to;
  }

  private setOwner(op: Extract<CatalogOp, { op: 'set-owner' }>): void {
    this.privileges.ensureRole(op.owner);
    if (op.kind === 'schema') {
      const s = this.db.schemas.get(op.name.name);
      if (!s) return this.warn('SPIF-SQL-UNKNOWN-SCHEMA', said('diag.catalog.alterSchemaOwnerUnknown', op.name.name));
      const scope: GrantScope = { kind: 'schema', database: this.db.name, schema: s.name };
      this.privileges.changeOwner(scope, s.owner ?? BOOTSTRAP_OWNER, op.owner);
      s.owner = op.owner;
      return;
    }
    if (!this.relations.has(this.resolve(op.name).id) && this.sequences.has(this.resolve(op.name).id)) return;
    const r = this.existing(op.name, 'OWNER TO');
    if (!r) return;
    const old = r.owner ?? BOOTSTRAP_OWNER;
    this.privileges.changeOwner({ kind: 'relation', relation: r.id }, old, op.owner);
    for (const c of r.columns)
      this.privileges.changeOwner({ kind: 'column', relation: r.id, column: c.name }, old, op.owner);
    r.owner = op.owner;
  }

  private grantOrRevoke(op: Extract<CatalogOp, { op: 'grant' | 'revoke' }>, isGrant: boolean): void {
    const scopes = this.scopesOf(op.target);
    if (this.db.dialect === 'postgresql') {
      // PostgreSQL's own ACL algorithms (grantor choice, grant options, CASCADE): see privileges.ts.
      const problems = this.privileges.pgGrantOrRevoke({
        objects: scopes.map(({ scope, owner }) => ({
          scope,
          owner,
          columns:
            scope.kind === 'relation' ? this.relations.get(scope.relation)?.columns.map((c) => c.name) : undefined,
        })),
        privileges: op.privileges,
        grantees: op.grantees.map((g) => this.roleRef(g)),
        isGrant,
        grantOption: isGrant
          ? (op as { grantOption: boolean }).grantOption
          : (op as { grantOptionOnly: boolean }).grantOptionOnly,
        cascade: !isGrant && (op as { cascade: boolean }).cascade,
        acting: this.actingRole(),
        grantor: op.grantor,
      });
      for (const scope of problems)
        this.warn('SPIF-SQL-REVOKE-RESTRICTED', said('diag.catalog.revokeDependents', scope));
      return;
    }
    for (const { scope, owner } of scopes) {
      // MySQL's `*.*` carries table privileges; PostgreSQL's ON DATABASE carries CONNECT.
      const readPrivilege =
        scope.kind === 'database' && (this.db.dialect as string) !== 'postgresql'
          ? 'SELECT'
          : READ_PRIVILEGE[scope.kind];
      // MySQL/MariaDB `db.*` and `*.*`, SQL Server `SCHEMA::` and the database also carry EXECUTE on their routines.
      const readPrivileges: PrivilegeName[] =
        (scope.kind === 'schema-tables' || scope.kind === 'database') &&
        (isMysqlFamily(this.db.dialect) || this.db.dialect === 'sqlserver')
          ? ['SELECT', 'EXECUTE']
          : [readPrivilege];
      for (const spec of op.privileges.flatMap((p) =>
        p.privilege === 'ALL' ? readPrivileges.map((privilege) => ({ ...p, privilege })) : [p],
      )) {
        const privilege = spec.privilege;
        if (!readPrivileges.includes(privilege)) continue; // INSERT, UPDATE…: not about reading
        const targets: GrantScope[] =
          spec.columns && scope.kind === 'relation'
            ? spec.columns.map((column) => ({ kind: 'column', relation: scope.relation, column }))
            : [scope];
        // A superuser (or the owner) grants as the owner; anyone else grants as itself.
        const acting = op.grantor ?? this.actingRole();
        const grantor = acting === BOOTSTRAP_OWNER || acting === owner ? (owner ?? BOOTSTRAP_OWNER) : acting;
        for (const target of targets) {
          for (const grantee of op.grantees.map((g) => this.roleRef(g))) {
            if (isGrant) {
              this.privileges.grant(target, privilege, grantee, grantor, (op as { grantOption: boolean }).grantOption);
              continue;
            }
            const rv = op as Extract<CatalogOp, { op: 'revoke' }>;
            const blocked = this.revokeOne(target, privilege, grantee, grantor, rv.grantOptionOnly, rv.cascade);
            // A table-level REVOKE also takes away the same privilege on every column.
            if (!blocked && target.kind === 'relation') {
              const r = this.relations.get(target.relation);
              for (const c of r?.columns ?? []) {
                this.revokeOne(
                  { kind: 'column', relation: target.relation, column: c.name },
                  privilege,
                  grantee,
                  grantor,
                  rv.grantOptionOnly,
                  rv.cascade,
                );
              }
            }
          }
        }
      }
    }
  }

  private revokeOne(
    scope: GrantScope,
    privilege: PrivilegeName,
    grantee: string,
    grantor: string,
    optionOnly: boolean,
    cascade: boolean,
  ): boolean {
    const dependents = this.privileges.revoke(scope, privilege, grantee, grantor, optionOnly, cascade);
    if (dependents.length) {
      this.warn(
        'SPIF-SQL-REVOKE-RESTRICTED',
        said('diag.catalog.revokeGrantedOn', grantee, privilege, listOf(dependents.map((d) => d.grantee))),
      );
      return true;
    }
    return false;
  }

  private scopesOf(target: GrantTarget): { scope: GrantScope; owner?: string }[] {
    switch (target.kind) {
      case 'relations':
        return target.names.flatMap((n) => {
          const r = this.existing(this.throughSynonym(n), 'GRANT/REVOKE');
          return r ? [{ scope: { kind: 'relation', relation: r.id }, owner: r.owner }] : [];
        });
      case 'all-tables-in-schema':
        return target.schemas.flatMap((schema) =>
          [...this.relations.values()]
            .filter((r) => r.database === this.db.name && r.schema === schema && r.kind !== 'function')
            .map((r) => ({ scope: { kind: 'relation', relation: r.id }, owner: r.owner })),
        );
      case 'schemas':
        return target.schemas.map((schema) => {
          this.touchSchema(this.db.name, schema);
          return {
            scope: { kind: 'schema', database: this.db.name, schema },
            owner: this.db.schemas.get(schema)?.owner,
          };
        });
      case 'schema-tables':
        this.touchSchema(this.db.name, target.schema);
        return [{ scope: { kind: 'schema-tables', database: this.db.name, schema: target.schema } }];
      case 'database': {
        const name = target.database && this.databaseNames.includes(target.database) ? target.database : this.db.name;
        return [{ scope: { kind: 'database', database: name } }];
      }
      case 'routines':
        return target.refs
          .flatMap((ref) => this.routines(ref, 'GRANT/REVOKE', target.routineKind))
          .map((r) => ({ scope: { kind: 'function', relation: r.id }, owner: r.owner }));
      case 'all-routines-in-schema':
        // ALL FUNCTIONS covers functions (not procedures), ALL PROCEDURES procedures, ALL ROUTINES both.
        return target.schemas.flatMap((schema) =>
          [...this.relations.values()]
            .filter(
              (r) =>
                r.routine &&
                r.database === this.db.name &&
                r.schema === schema &&
                (target.routineKind === 'routine' || r.routine.kind === target.routineKind),
            )
            .map((r) => ({ scope: { kind: 'function', relation: r.id }, owner: r.owner })),
        );
    }
  }
}

function uniqueSources(
  list: { relation: QualifiedName; column: string }[],
): { relation: QualifiedName; column: string }[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = `${x.relation.database}.${x.relation.schema}.${x.relation.name}.${x.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
