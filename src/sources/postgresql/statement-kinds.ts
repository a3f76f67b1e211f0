/**
 * What the PostgreSQL reader does not model, as data: each statement kind (libpg-query node type),
 * ALTER TABLE subcommand and object kind listed here is passed over quietly, with the reason it
 * cannot change who reads which column. Anything the reader neither models nor lists here is a
 * located SPIF-SQL-UNSUPPORTED warning (issue 12.4: nothing is skipped without a reason).
 *
 * docs/parsers.md carries these tables as rendered by renderStatementKindsMarkdown();
 * test/sources/postgresql/statement-kinds.test.ts fails when they differ (`npm run docs:parsers`
 * rewrites the section).
 */

/** Statement node types the reader passes over, and why none can change a verdict. */
export const IRRELEVANT_STATEMENTS: Readonly<Record<string, string>> = {
  VariableShowStmt: 'SHOW reads a setting',
  TransactionStmt: 'BEGIN/COMMIT/ROLLBACK/SAVEPOINT: a script is read as if it all committed',
  LockStmt: 'a lock lasts only for the transaction',
  DeleteStmt: 'removes rows; no column, key, owner or privilege changes',
  TruncateStmt: 'removes rows; no column, key, owner or privilege changes',
  CreateSeqStmt:
    'a sequence holds a counter, not column values (its name is kept so `ALTER TABLE <sequence>` is recognised)',
  AlterSeqStmt: 'a counter’s settings; `OWNED BY` ties its lifetime to a column and grants nothing',
  ReindexStmt: 'rebuilds an index',
  ClusterStmt: 'reorders a table’s rows on disk',
  VacuumStmt: 'VACUUM and ANALYZE: maintenance and planner statistics',
  CheckPointStmt: 'maintenance',
  CreateExtensionStmt:
    'installs PostgreSQL or contrib code (pgcrypto, postgis, …); its own objects are not part of the schema read',
  AlterExtensionStmt: 'updates an extension',
  AlterExtensionContentsStmt: 'moves an object in or out of an extension’s membership; the object itself is unchanged',
  CreateEnumStmt: 'a type describes values and holds no rows',
  AlterEnumStmt: 'a type describes values and holds no rows',
  CompositeTypeStmt: 'a type describes values and holds no rows',
  CreateRangeStmt: 'a type describes values and holds no rows',
  AlterTypeStmt: 'a type describes values and holds no rows',
  CreateDomainStmt: 'a domain is a type with constraints; it holds no rows',
  AlterDomainStmt: 'a domain is a type with constraints; it holds no rows',
  DefineStmt:
    'CREATE AGGREGATE / OPERATOR / TYPE / COLLATION / TEXT SEARCH …: code and rules applied to values the caller passes; nothing is read from a table',
  CreateCastStmt: 'a conversion between types',
  CreateOpClassStmt: 'index support for a type',
  CreateOpFamilyStmt: 'index support for a type',
  AlterOpFamilyStmt: 'index support for a type',
  AlterOperatorStmt: 'an operator’s planner properties',
  CreateConversionStmt: 'an encoding conversion',
  CreateTransformStmt: 'how a type is passed to a procedural language',
  CreatePLangStmt: 'makes a procedural language available; routines written in it are read where they are created',
  CreateFdwStmt: 'a foreign-data wrapper is handler code; the servers and foreign tables that use it are reported',
  AlterFdwStmt: 'a foreign-data wrapper is handler code; the servers and foreign tables that use it are reported',
  CreateAmStmt: 'an index or table access method (storage code)',
  AlterTSDictionaryStmt: 'full-text search configuration',
  AlterTSConfigurationStmt: 'full-text search configuration',
  AlterCollationStmt: 'refreshes a collation’s version',
  CreateStatsStmt: 'planner statistics; pg_stats_ext shows them only to roles that can read the table',
  AlterStatsStmt: 'planner statistics',
  CreateEventTrigStmt: 'runs on DDL commands of a session, not on rows; its function is read where it is created',
  AlterEventTrigStmt: 'enables or disables an event trigger',
  CreatedbStmt: 'databases are declared in spif.config.yaml (`databases:`), not by the scripts',
  AlterDatabaseStmt: 'database settings (connection limit, template, tablespace)',
  AlterDatabaseSetStmt: 'default settings for sessions of a database',
  AlterDatabaseRefreshCollStmt: 'refreshes a collation version',
  DropdbStmt: 'databases are declared in spif.config.yaml, not by the scripts',
  AlterRoleSetStmt: 'default settings for a role’s sessions (search_path, work_mem…); privileges are unchanged',
  AlterSystemStmt: 'server configuration',
  CreateTableSpaceStmt: 'where files are stored on disk',
  DropTableSpaceStmt: 'where files are stored on disk',
  AlterTableSpaceOptionsStmt: 'where files are stored on disk',
  AlterTableMoveAllStmt: 'moves files to another tablespace',
  AlterObjectDependsStmt: 'marks an object as depending on an extension',
  RefreshMatViewStmt: 'recomputes a materialized view’s rows from its (already read) query',
  SecLabelStmt:
    'SECURITY LABEL is read only by label providers such as sepgsql; spif models PostgreSQL’s own privileges',
  NotifyStmt: 'asynchronous notification',
  ListenStmt: 'asynchronous notification',
  UnlistenStmt: 'asynchronous notification',
  DiscardStmt: 'resets session state',
  ExplainStmt: 'shows a query plan',
  PrepareStmt: 'prepares a query; nothing is created',
  ExecuteStmt: 'runs a prepared query',
  DeallocateStmt: 'forgets a prepared query',
  DeclareCursorStmt: 'a cursor over a query',
  FetchStmt: 'reads from a cursor',
  ClosePortalStmt: 'closes a cursor',
  ConstraintsSetStmt: 'SET CONSTRAINTS: when constraints are checked',
  LoadStmt: 'loads a shared library',
};

/** ALTER TABLE subcommands that change nothing spif models. */
export const IRRELEVANT_ALTER_TABLE: Readonly<Record<string, string>> = {
  AT_AlterColumnType: 'a column’s type; the column keeps its name and values',
  AT_ColumnDefault: 'a default value (pg_dump: `SET DEFAULT nextval(…)`)',
  AT_CookedColumnDefault: 'a default value',
  AT_SetNotNull: 'a NOT NULL constraint',
  AT_DropNotNull: 'a NOT NULL constraint',
  AT_SetExpression: 'a generated column’s expression',
  AT_DropExpression: 'a generated column’s expression',
  AT_AddIdentity: 'an identity column’s sequence',
  AT_SetIdentity: 'an identity column’s sequence',
  AT_DropIdentity: 'an identity column’s sequence',
  AT_SetStatistics: 'planner statistics',
  AT_SetStorage: 'how values are stored on disk',
  AT_SetCompression: 'how values are stored on disk',
  AT_SetOptions: 'planner options of a column',
  AT_ResetOptions: 'planner options of a column',
  AT_SetRelOptions: 'storage parameters (`security_invoker` of a view is read)',
  AT_ResetRelOptions: 'storage parameters (`security_invoker` of a view is read)',
  AT_ReplaceRelOptions: 'storage parameters',
  AT_ClusterOn: 'row order on disk',
  AT_DropCluster: 'row order on disk',
  AT_ReplicaIdentity: 'which columns logical decoding logs for UPDATE/DELETE',
  AT_SetLogged: 'write-ahead logging of the table',
  AT_SetUnLogged: 'write-ahead logging of the table',
  AT_SetTableSpace: 'where files are stored on disk',
  AT_SetAccessMethod: 'the table’s storage code',
  AT_AddIndex: 'an index (a key added this way is read as ADD CONSTRAINT)',
  AT_ValidateConstraint: 'checks existing rows against a constraint already read',
  AT_AlterConstraint: 'DEFERRABLE / INITIALLY: when a constraint is checked',
  AT_EnableTrig: 'enables a trigger; a trigger’s copies are read where it is created, enabled or not',
  AT_DisableTrig: 'disables a trigger; its copies are kept (conservative)',
  AT_EnableAlwaysTrig: 'enables a trigger; a trigger’s copies are read where it is created, enabled or not',
  AT_EnableReplicaTrig: 'enables a trigger; a trigger’s copies are read where it is created, enabled or not',
  AT_EnableTrigAll: 'enables triggers; their copies are read where they are created',
  AT_DisableTrigAll: 'disables triggers; their copies are kept (conservative)',
  AT_EnableTrigUser: 'enables triggers; their copies are read where they are created',
  AT_DisableTrigUser: 'disables triggers; their copies are kept (conservative)',
  AT_GenericOptions: 'foreign table options (server-side names)',
  AT_AlterColumnGenericOptions: 'foreign table column options',
};

/**
 * Object kinds whose CREATE, DROP, OWNER TO, RENAME, SET SCHEMA, COMMENT ON and GRANT change
 * nothing spif models. Tables, views, columns, schemas, routines, roles, policies and databases
 * are modelled; the kinds absent from both lists (foreign servers, publications, rules, large
 * objects, …) are reported.
 */
export const OBJECTS_WITHOUT_ACCESS: Readonly<Record<string, string>> = {
  OBJECT_INDEX:
    'an index holds no values users read: a query through it still needs the table’s privileges (CREATE, DROP and RENAME are read for its name and, for a UNIQUE index, its key)',
  OBJECT_SEQUENCE: 'a sequence holds a counter, not column values; its privileges allow nextval/currval only',
  OBJECT_TYPE: 'a type describes values and holds no rows; USAGE on it reads nothing',
  OBJECT_DOMAIN: 'a domain is a type with constraints; it holds no rows',
  OBJECT_DOMCONSTRAINT: 'a domain’s constraint',
  OBJECT_ATTRIBUTE: 'an attribute of a composite type, which holds no rows',
  OBJECT_EXTENSION: 'an extension’s own objects are not part of the schema read',
  OBJECT_COLLATION: 'text ordering rules',
  OBJECT_CONVERSION: 'an encoding conversion',
  OBJECT_TSCONFIGURATION: 'full-text search configuration',
  OBJECT_TSDICTIONARY: 'full-text search configuration',
  OBJECT_TSPARSER: 'full-text search configuration',
  OBJECT_TSTEMPLATE: 'full-text search configuration',
  OBJECT_OPERATOR: 'an operator is code applied to values the caller passes',
  OBJECT_OPCLASS: 'index support for a type',
  OBJECT_OPFAMILY: 'index support for a type',
  OBJECT_AMOP: 'index support for a type',
  OBJECT_AMPROC: 'index support for a type',
  OBJECT_ACCESS_METHOD: 'storage code',
  OBJECT_CAST: 'a conversion between types',
  OBJECT_TRANSFORM: 'how a type is passed to a procedural language',
  OBJECT_LANGUAGE: 'which languages routines can be written in, not what they read',
  OBJECT_TABLESPACE: 'where files are stored on disk',
  OBJECT_STATISTIC_EXT: 'planner statistics; pg_stats_ext shows them only to roles that can read the table',
  OBJECT_EVENT_TRIGGER: 'runs on DDL commands, not on rows',
  OBJECT_PARAMETER_ACL: 'who may change a server setting',
  OBJECT_TABCONSTRAINT:
    'a constraint’s comment or name: keys and foreign keys are matched by name when dropped (renames are followed)',
  OBJECT_TRIGGER: 'a trigger’s comment or name does not change what its function copies',
  OBJECT_DEFAULT: 'a column default',
};

/**
 * Object kinds spif reports where they are created (not modelled); a DROP of one, without CASCADE,
 * removes only what was never modelled, so it is quiet. (pg_dump --clean writes one for each.)
 */
export const DROPS_OF_REPORTED: Readonly<Record<string, string>> = {
  OBJECT_FDW: 'without CASCADE PostgreSQL refuses to drop a wrapper a server uses',
  OBJECT_LARGEOBJECT: 'large objects are not modelled (their owners and grants are reported)',
};

export const STATEMENT_KINDS_BEGIN =
  '<!-- pg-statement-kinds:begin (generated by renderStatementKindsMarkdown() in src/sources/postgresql/statement-kinds.ts) -->';
export const STATEMENT_KINDS_END = '<!-- pg-statement-kinds:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(head: string, rows: Readonly<Record<string, string>>, label: (key: string) => string): string {
  const lines = [`| ${head} | why it cannot change who reads which column |`, '| --- | --- |'];
  const sorted = Object.entries(rows).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, why] of sorted) lines.push(`| ${label(key)} | ${cell(why)} |`);
  return lines.join('\n');
}

/** The section of docs/parsers.md listing what the PostgreSQL reader passes over, and why. */
export function renderStatementKindsMarkdown(): string {
  return [
    STATEMENT_KINDS_BEGIN,
    '',
    'Statements (libpg-query node types) passed over quietly:',
    '',
    table('statement', IRRELEVANT_STATEMENTS, (k) => `\`${k}\``),
    '',
    '`ALTER TABLE` subcommands passed over quietly:',
    '',
    table('subcommand', IRRELEVANT_ALTER_TABLE, (k) => `\`${k.replace(/^AT_/, '')}\``),
    '',
    'Object kinds whose `DROP`, `OWNER TO`, `RENAME`, `SET SCHEMA`, `COMMENT ON`, `GRANT` and `ALTER` are passed over quietly:',
    '',
    table('object', OBJECTS_WITHOUT_ACCESS, (k) => `\`${k.replace(/^OBJECT_/, '')}\``),
    '',
    '`DROP` (without `CASCADE`) of these object kinds, whose creation is reported, is passed over quietly:',
    '',
    table('object', DROPS_OF_REPORTED, (k) => `\`${k.replace(/^OBJECT_/, '')}\``),
    '',
    STATEMENT_KINDS_END,
  ].join('\n');
}
