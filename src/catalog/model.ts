/**
 * The dialect-neutral catalog: what every source reader produces (through CatalogOps) and what
 * every later stage reads. Identifiers here are already folded for their dialect.
 */
import type { ColumnValueStats } from './column-values.js';
import type { ResolvedRule } from './product-rules.js';
import type { Dialect } from '../dialect.js';
import type { DiagnosticText, Said, TextArg } from '../diagnostics.js';

/** A place in a source file. `line` and `column` are 1-based; `column` counts characters. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

declare const relationIdBrand: unique symbol;
declare const columnIdBrand: unique symbol;
/**
 * `database.schema.relation`, built only by `relationId()` (or read back from spif's own output
 * with `asRelationId()`), so a relation id cannot be confused with a written name, a column id or
 * a hub node. At run time it is a plain string: JSON and Map keys are unchanged.
 */
export type RelationId = string & { readonly [relationIdBrand]: true };
/** `database.schema.relation.column`, built only by `columnId()` (or `asColumnId()`). */
export type ColumnId = string & { readonly [columnIdBrand]: true };

export type PrivilegeName =
  | 'SELECT'
  | 'INSERT'
  | 'UPDATE'
  | 'DELETE'
  | 'TRUNCATE'
  | 'REFERENCES'
  | 'TRIGGER'
  | 'USAGE'
  | 'CREATE'
  | 'CONNECT'
  | 'TEMPORARY'
  | 'EXECUTE'
  | 'ALL';

export interface Column {
  name: string;
  /**
   * The name as written, where the dialect keeps the case but compares names case-insensitively
   * (SQL Server under its default `_CI_` collations): `name` is the lower-cased form spif matches on.
   */
  writtenName?: string;
  type?: string;
  comment?: string;
  source?: SourceLocation;
  commentSource?: SourceLocation;
  /** An explicit mark from the source itself (e.g. an ORM doc tag `@spif number`). */
  mark?: 'individual-number' | 'substitute-code';
  /** Counts of the column's values in data rows of the sources (COPY, INSERT … VALUES): counts only, never values. */
  values?: ColumnValueStats;
  /** Where those rows were read (the first data statement). */
  valuesSource?: SourceLocation;
  /** A function's input parameter (a value the caller passes in), not a column it returns. */
  parameter?: boolean;
  /**
   * Columns whose values this column holds: a partition's or inheritance child's column is its
   * parent's, `LIKE` copies the definition, `INSERT … SELECT` and triggers copy values. Number
   * detection follows it, and the link graph joins the two columns (`copy`).
   */
  copiedFrom?: CopySource[];
}

/**
 * How a column came to hold another column's values. `foreign-table`: a postgres_fdw foreign
 * table's column reads the remote column; `replication`: a logical-replication subscriber's
 * table receives the publisher's rows (src/catalog/cross-database.ts).
 */
export type CopyKind =
  | 'partition'
  | 'inherits'
  | 'like'
  | 'insert-select'
  | 'update'
  | 'merge'
  | 'trigger'
  | 'foreign-table'
  | 'replication';

export interface CopySource {
  relation: QualifiedName;
  column: string;
  via: CopyKind;
  /** The statement that made the copy. */
  at?: SourceLocation;
}

export interface ForeignKey {
  name?: string;
  columns: string[];
  /** Referenced relation, as written (schema may be missing: resolved at build time). */
  references: QualifiedName;
  referencedColumns: string[];
  source?: SourceLocation;
}

/** A name as written in a source, folded, not yet resolved to a database. */
export interface QualifiedName {
  /** Only set when the source names a database explicitly (e.g. BigQuery project.dataset.table). */
  database?: string;
  schema?: string;
  name: string;
  /**
   * A name in a PostgreSQL function body run with a `SET search_path` (of the function, or earlier
   * in a PL/pgSQL body): without a schema, it is the first schema of the path that has it.
   */
  searchPath?: string[];
}

/** Where a view column's value comes from: base columns, resolved to relation ids at build time. */
export interface ViewColumn {
  name: string;
  /**
   * Base columns whose value this column carries: a plain reference, or a value derived from them
   * (a cast, a function, concatenation, arithmetic, a CASE result, an aggregate; not a count or a
   * comparison: src/sources/lineage-carry.ts).
   */
  from: { relation: QualifiedName; column: string }[];
}

export interface ViewDefinition {
  securityInvoker: boolean;
  /** A materialized view stores its rows: it is read with its own privileges only. */
  materialized?: boolean;
  columns: ViewColumn[];
  /** Every relation the view reads (FROM clause, joins, subqueries). */
  reads: QualifiedName[];
  /** Base columns read anywhere in the query (select list, join conditions, filters). */
  readsColumns: { relation: QualifiedName; column: string }[];
}

export interface Policy {
  name: string;
  permissive: boolean;
  /** 'all' | 'select' | 'insert' | 'update' | 'delete' */
  command: string;
  /** Role names, or 'PUBLIC'. Empty means PUBLIC. */
  roles: string[];
  /** USING expression is the constant false (no row passes). */
  usingFalse: boolean;
  /** USING expression is the constant true or absent. */
  usingTrue: boolean;
  usingText?: string;
  source?: SourceLocation;
}

/**
 * A function or procedure (PostgreSQL CREATE FUNCTION / PROCEDURE, MySQL stored routines). In the
 * catalog it is a relation of kind 'function': its columns are the values it returns (and its
 * parameters, carrying the base columns they are compared with), its `view` the lineage of its
 * body. Reading it takes EXECUTE; its body reads as its owner (SECURITY DEFINER) or as the caller.
 */
/** The row a trigger fires for (`NEW`/`OLD`), as a relation name the builder replaces with the trigger's table. */
export const TRIGGER_ROW = '#trigger-row';

/**
 * A vendor routine's parameter as an origin in what its body writes (`INSERT … VALUES (p_no)`):
 * the column is the parameter's name, replaced by the caller's argument where a trigger calls the
 * routine (catalog/build.ts, routine-call); in a MySQL/MariaDB routine, by each CALL's
 * argument (catalog/call-flows.ts).
 */
export const ROUTINE_PARAMETER = '#parameter';

/** A MySQL/MariaDB `CALL r(args)` in a body: each argument's lineage, by position. */
export interface CallSite {
  routine: QualifiedName;
  args: { relation: QualifiedName; column: string }[][];
}

/**
 * The column naming "what the routine of call `call` sets in its `arg`-th parameter": the value a
 * variable holds after being passed as an OUT/INOUT argument. The builder resolves it (an IN
 * parameter sets nothing).
 */
export function callArgumentColumn(call: number, arg: number): string {
  return `#call:${call}:${arg}`;
}

/**
 * The relation name a `dblink(…) AS t(cols)` FROM entry has in a view's lineage: no relation has
 * it; the builder maps its columns to the remote query's once the connection resolves.
 */
export function dblinkRelation(location: number): string {
  return `#dblink@${location}`;
}

/** A vendor routine body's call of a procedure (`p2(x)`, `EXEC dbo.p2 @x`, `CALL p2(x)`). */
export interface VendorCall {
  /** What the written name may denote, in the order the product looks (as the op `routine-call`'s). */
  names: QualifiedName[];
  /** The name as written (`dbo.p2`), for the report. */
  written: string;
  /** The first name's first part was written without a schema (a public synonym may stand for it). */
  bare?: boolean;
  args: { name?: string; from: ViewColumn['from'] }[];
  /** A function named in an expression: its returned value is used (a name no routine has is a built-in). */
  value?: true;
}

export interface RoutineDefinition {
  kind: 'function' | 'procedure';
  securityDefiner: boolean;
  language: string;
  /** Input argument types, as in the signature (`get_number(text)`). */
  argTypes: string[];
  /**
   * Whether the body was read. An unread body of a SECURITY DEFINER routine is an "unknown" path
   * on every relation its owner may read (never ignored).
   */
  analysed: boolean;
  /** Why the body was not read, in English (the JSON and the access evidence). */
  unanalysedReason?: string;
  /** The same reason as a catalogue entry, for reports in the user's language. */
  unanalysedText?: DiagnosticText;
  /**
   * SQL Server `EXECUTE AS OWNER | SELF | 'user'`: the body's permissions are checked as the
   * routine's owner (the user named, for 'user'), not as the caller through ownership chaining.
   */
  executeAsOwner?: boolean;
  /** Body parsed at creation (SQL-standard `BEGIN ATOMIC`): names were looked up then, not at call time. */
  atomic?: boolean;
  /** `RETURNS trigger`: runs only from triggers, so it is no path of its own (kept out of the relations). */
  trigger?: boolean;
  /**
   * Oracle: the package this routine is a subprogram of (its relation is `PKG.NAME(types)`).
   * EXECUTE is the package's; `rightsFromSpec`: its AUTHID was not in the body's file, and is the
   * specification's (resolved when the catalog is built).
   */
  package?: string;
  rightsFromSpec?: boolean;
  /**
   * Oracle: a package specification (relation `PKG()`), with the subprograms it declares (the
   * public ones) and where its rights come from, in words. It stands for the package only while
   * no body is read: then it is the unread routine, else it gives way to the subprograms.
   */
  packageSpec?: { members: string[]; rights: string };
  /**
   * What the body INSERTs: a trigger function's copies (relation `#trigger-row` is the row it fires
   * for); a vendor routine's writes of its parameters (relation `#parameter`), which carry what a
   * trigger passes to it.
   */
  writes?: {
    table: QualifiedName;
    columns?: string[];
    values: ViewColumn[];
    /** The statement that writes (a copy made whenever the routine runs). */
    via?: 'insert-select' | 'update' | 'merge';
  }[];
  /**
   * PostgreSQL, as read: the calls in the body whose arguments carry values (`f(NEW.x)`, `CALL
   * p(v)`), by name, each argument's lineage by position. The builder makes the callee's writes
   * of its parameters copies of what is passed (builtins and undefined names are not followed).
   */
  functionCalls?: { name: QualifiedName; args: ViewColumn['from'][] }[];
  /**
   * Oracle, SQL Server, Db2: the procedures the body calls, with what each argument carries (a
   * parameter of this routine is relation `#parameter`); followed when the catalog is built
   * (routine-calls.ts), the callee's writes of its parameters becoming this routine's.
   */
  vendorCalls?: VendorCall[];
  /** Oracle, SQL Server, Db2: where the body's rights come from, in words, for a reason given once the catalog is built. */
  rights?: TextArg;
  /** Db2 `SPECIFIC name`: how GRANT, REVOKE and DROP SPECIFIC name this overload. */
  specificName?: string;
  /** Vendor routines: every parameter's name (folded), in order, for the arguments of a call. */
  parameters?: string[];
  /** MySQL/MariaDB: the parameters in order with their modes, to match a CALL's arguments. */
  parameterModes?: { name: string; mode: 'in' | 'out' | 'inout' }[];
  /** MySQL/MariaDB, as read: the CALLs of the body (their results are resolved by the builder). */
  calls?: CallSite[];
  /** MySQL/MariaDB, once built: output column → the parameters whose values it returns. */
  parameterFlows?: Record<string, string[]>;
}

export interface Relation {
  id: RelationId;
  database: string;
  schema: string;
  name: string;
  kind: 'table' | 'view' | 'function';
  dialect: Dialect;
  /** The name as written (see Column.writtenName). */
  writtenName?: string;
  columns: Column[];
  primaryKey?: string[];
  uniqueKeys: string[][];
  foreignKeys: ForeignKey[];
  owner?: string;
  comment?: string;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  policies: Policy[];
  view?: ViewDefinition;
  /** Set for kind 'function'. */
  routine?: RoutineDefinition;
  /** Set for a foreign table (CREATE FOREIGN TABLE, IMPORT FOREIGN SCHEMA). */
  foreign?: ForeignTableDefinition;
  /** Partition parent / inheritance parents: reading a parent reads this relation's rows, with the parent's privileges. */
  parents?: { relation: RelationId; kind: 'partition' | 'inherits' }[];
  source: SourceLocation;
}

/**
 * A foreign table (postgres_fdw): reading it runs `SELECT <remote columns> FROM <remote relation>`
 * on the server's database, connected as the user its user mapping names (PostgreSQL 15 docs,
 * F.38 postgres_fdw; CREATE USER MAPPING).
 */
export interface ForeignTableDefinition {
  /** The foreign server, or the Oracle database link (`via: 'database-link'`). */
  server: string;
  /** Set for an object named through an Oracle database link (`t@link`, or a synonym for one). */
  via?: 'database-link';
  /** The schema of the object that names the link (whose private link is looked up first). */
  linkOwner?: string;
  /** The database link it is read through, once found (set at the end of the build). */
  link?: Pick<DatabaseLink, 'name' | 'public' | 'owner' | 'connect' | 'user'>;
  /** OPTIONS (schema_name, table_name): postgres_fdw defaults them to the foreign table's own names. */
  remoteSchema: string;
  remoteName: string;
  /** Local column → remote column (`OPTIONS (column_name …)`); other columns keep their names. */
  columnNames: Record<string, string>;
  /** Resolved at the end of the build: the remote relation, or why it is not known. */
  remote?: RelationId;
  unresolved?: Said;
}

/** CREATE SERVER … FOREIGN DATA WRAPPER w OPTIONS (…), as altered. */
export interface ForeignServer {
  database: string;
  name: string;
  wrapper: string;
  options: Record<string, string>;
  owner?: string;
  source?: SourceLocation;
  /** The configured database it connects to (set at the end of the build), or why none. */
  remoteDatabase?: string;
  unresolved?: Said;
  /** Roles granted USAGE on it (PUBLIC has none by default: docs 5.8 Privileges); its owner has it too. */
  usage?: string[];
}

/** CREATE USER MAPPING FOR role SERVER s OPTIONS (user …): `role` is a role name or PUBLIC. */
export interface UserMapping {
  database: string;
  server: string;
  role: string;
  /** The remote user (`user` option); unset: libpq's default, the local role name is not used. */
  user?: string;
  /** It has a `password` option (what dblink requires of a non-superuser). */
  password?: boolean;
  source?: SourceLocation;
}

/** CREATE PUBLICATION (publisher side of logical replication). */
export interface Publication {
  database: string;
  name: string;
  allTables: boolean;
  /** FOR TABLE t (cols): columns undefined = every column. */
  tables: { relation: RelationId; columns?: string[] }[];
  /** FOR TABLES IN SCHEMA s */
  schemas: string[];
  source?: SourceLocation;
}

/** CREATE SUBSCRIPTION s CONNECTION '…' PUBLICATION p, …: the subscriber's same-named tables get the rows. */
export interface Subscription {
  database: string;
  name: string;
  conninfo: Record<string, string>;
  publications: string[];
  source?: SourceLocation;
  /** The configured publisher database (set at the end of the build), or why none. */
  publisher?: string;
  unresolved?: Said;
}

/** A `dblink(conn, sql)` call in a view or function: a query run in another database. */
export interface DblinkUse {
  /** The view or function that calls it. */
  relation: RelationId;
  /** Its database (a server name in conninfo is looked up there). */
  database: string;
  conninfo?: string;
  sql?: string;
  /** Relations the constant query reads, as written. */
  reads?: QualifiedName[];
  source?: SourceLocation;
  /** The database it reaches (set at the end of the build), or why none. */
  remoteDatabase?: string;
  unresolved?: Said;
  /** Remote relations its SQL reads (resolved ids). */
  remoteRelations?: RelationId[];
  /** `dblink(…) AS t(cols)`: the call's location, the name `dblinkRelation(location)` its caller's lineage uses. */
  location?: number;
  /**
   * A call spif checks (set at the end of the build): its connection names a configured database
   * and a user (`user=`), and its constant SELECT reads only relations defined there. Reading the
   * caller's columns it fills then needs that user's privileges on these remote columns (an
   * empty list: some column of the relation).
   */
  remoteAccess?: {
    /** The connection string's `user=`; unset when `server` is: each running role's user mapping names it. */
    user?: string;
    /**
     * A foreign server's name as the connection (F.12 dblink_connect: "the name of an existing
     * foreign server"): its options and the user mapping of the role running the call, or PUBLIC's.
     */
    server?: string;
    reads: { relation: RelationId; columns: string[] }[];
  };
  /** The connection string has `password=` (a server's: per user mapping). dblink refuses a non-superuser without one. */
  password?: boolean;
  /** Opened by `dblink_connect_u`: any role may connect without a password. */
  unsafe?: boolean;
  /** The connection a `dblink_connect` in the same body opened ('' the unnamed one). */
  connection?: string;
}

/**
 * Oracle `CREATE [PUBLIC] DATABASE LINK` (SQL Language Reference, CREATE DATABASE LINK): a private
 * link is usable by its owner only (and by the owner's stored objects), a public one by every user.
 * The remote session is the fixed user (CONNECT TO user), the current user (CONNECT TO
 * CURRENT_USER: a stored object's owner, else the session user) or the connected user (no CONNECT
 * TO: the session user), per the Administrator's Guide, "Users of Database Links".
 */
export interface DatabaseLink {
  database: string;
  name: string;
  public: boolean;
  /** The schema that owns a private link (the user who created it). */
  owner?: string;
  connect: 'fixed' | 'current-user' | 'connected-user';
  /** The fixed user. */
  user?: string;
  /** The connect string (a TNS alias, Easy Connect `host:port/service`, or a descriptor). */
  using?: string;
  source?: SourceLocation;
  /** The configured database it reaches (set at the end of the build), or why none. */
  remoteDatabase?: string;
  unresolved?: Said;
}

/** Links between databases: foreign servers, user mappings, publications, subscriptions, dblink calls, database links. */
export interface CrossDatabase {
  servers: ForeignServer[];
  userMappings: UserMapping[];
  publications: Publication[];
  subscriptions: Subscription[];
  dblinks: DblinkUse[];
  /** Oracle database links. */
  links: DatabaseLink[];
}

/** A privilege on an object. Column grants carry the column; schema-wide/global scopes model MySQL. */
export type GrantScope =
  | { kind: 'relation'; relation: RelationId }
  | { kind: 'column'; relation: RelationId; column: string }
  | { kind: 'schema'; database: string; schema: string } // PG schema privileges (USAGE)
  | { kind: 'schema-tables'; database: string; schema: string } // MySQL `db.*`
  | { kind: 'database'; database: string } // PG CONNECT, MySQL `*.*`
  | { kind: 'function'; relation: RelationId }; // EXECUTE on a function or procedure

export interface Grant {
  scope: GrantScope;
  privilege: PrivilegeName;
  grantee: string; // role name or 'PUBLIC'
  grantor?: string;
  grantOption: boolean;
  source?: SourceLocation;
}

export interface Role {
  name: string;
  login: boolean;
  superuser: boolean;
  bypassRls: boolean;
  /** The role attribute INHERIT (PostgreSQL ≤ 15 semantics; default for new grants in 16+). */
  inherit: boolean;
  source?: SourceLocation;
}

/** `GRANT role TO member` */
export interface Membership {
  role: string;
  member: string;
  inherit: boolean;
  set: boolean;
  admin: boolean;
  grantor?: string;
  /** Whether WITH INHERIT was written (PostgreSQL 15 ignores the option and reads the member's attribute). */
  inheritSpecified?: boolean;
  source?: SourceLocation;
}

export interface SchemaInfo {
  database: string;
  name: string;
  owner?: string;
  /** Created in the sources (else only referenced: USAGE then is an assumption). */
  declared: boolean;
  source?: SourceLocation;
}

export interface Database {
  name: string;
  dialect: Dialect;
  schemas: Map<string, SchemaInfo>;
}

export interface Catalog {
  databases: Map<string, Database>;
  relations: Map<RelationId, Relation>;
  roles: Map<string, Role>;
  memberships: Membership[];
  grants: Grant[];
  /** Whether the sources declared any access control (roles, grants, policies, memberships). */
  accessControlDeclared: boolean;
  /** Access rules of one product (DENY, masks, row filters, authorities…), in source order. */
  productRules?: ResolvedRule[];
  /** Foreign servers, user mappings, publications, subscriptions, dblink calls (PostgreSQL). */
  crossDatabase?: CrossDatabase;
  /**
   * SQL Server: identifiers (schemas, relations, columns, users and roles) as the sources first
   * wrote them, by the folded name the catalog uses; for display only, never for matching.
   */
  writtenNames?: Map<string, string>;
}

export function relationId(database: string, schema: string, name: string): RelationId {
  return `${database}.${schema}.${name}` as RelationId;
}

/**
 * The id of a name: its own database and schema, else those of `within` (the relation or function
 * the name is written in). Names in a built catalog are resolved, so they need no `within`.
 */
export function relationIdOf(q: QualifiedName, within?: { database: string; schema: string }): RelationId {
  return relationId(String(q.database ?? within?.database), String(q.schema ?? within?.schema), q.name);
}

export function columnId(relation: RelationId, column: string): ColumnId {
  return `${relation}.${column}` as ColumnId;
}

/**
 * An id spif itself wrote earlier (a baseline report, a JSON path, a graph node known to be a
 * relation): trusted as it is, never a name the user wrote (explain resolves those).
 */
export function asRelationId(id: string): RelationId {
  return id as RelationId;
}

/** A column id spif itself wrote earlier (see asRelationId). */
export function asColumnId(id: string): ColumnId {
  return id as ColumnId;
}

/**
 * A column id (or a config `links` entry, `database.schema.relation.column`) split at its last
 * dot: its relation id and its column.
 */
export function splitColumnId(id: string): { relation: RelationId; column: string } {
  const i = id.lastIndexOf('.');
  return { relation: id.slice(0, i) as RelationId, column: id.slice(i + 1) };
}

/** The schema a dialect puts unqualified names in. */
export function defaultSchema(dialect: Dialect): string {
  if (dialect === 'sqlserver') return 'dbo'; // a user's DEFAULT_SCHEMA unless set otherwise
  return dialect === 'postgresql' ? 'public' : 'main';
}
