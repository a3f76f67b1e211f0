/**
 * Statements that link a PostgreSQL database to another one, read into catalog ops
 * (src/catalog/cross-database.ts resolves them against the configured databases):
 * - postgres_fdw: CREATE / ALTER / DROP SERVER, USER MAPPING, the SERVER and OPTIONS of
 *   CREATE FOREIGN TABLE (per-column `column_name`), IMPORT FOREIGN SCHEMA;
 * - logical replication: CREATE / ALTER / DROP PUBLICATION and SUBSCRIPTION.
 * Semantics: PostgreSQL 15 docs, F.38 postgres_fdw, CREATE SERVER, CREATE USER MAPPING,
 * IMPORT FOREIGN SCHEMA, 31 Logical Replication, CREATE PUBLICATION / SUBSCRIPTION.
 */
import type { CatalogOp, OptionChange } from '../../catalog/ops.js';
import type { QualifiedName } from '../../catalog/model.js';

import { selectLineage } from './lineage.js';
import { nth } from '../../indexed.js';

type Node = Record<string, any>;
/** An op without its location (the reader adds it). */
export type CrossDatabaseOp = Record<string, unknown> & { op: string };

const STATEMENTS = new Set([
  'CreateForeignServerStmt',
  'AlterForeignServerStmt',
  'CreateUserMappingStmt',
  'AlterUserMappingStmt',
  'DropUserMappingStmt',
  'ImportForeignSchemaStmt',
  'CreatePublicationStmt',
  'AlterPublicationStmt',
  'CreateSubscriptionStmt',
  'AlterSubscriptionStmt',
  'DropSubscriptionStmt',
]);

export function isCrossDatabaseStatement(kind: string): boolean {
  return STATEMENTS.has(kind);
}

/** DROP SERVER / PUBLICATION (DropStmt kinds). */
export function crossDatabaseDrop(s: Node): CrossDatabaseOp[] | undefined {
  const names = (s.objects ?? []).map((o: Node) => o.String?.sval).filter(Boolean) as string[];
  if (s.removeType === 'OBJECT_FOREIGN_SERVER')
    return names.map((name) => ({ op: 'foreign-server', action: 'drop', name, options: [] }));
  if (s.removeType === 'OBJECT_PUBLICATION')
    return names.map((name) => ({ op: 'publication', action: 'drop', name, tables: [], schemas: [] }));
  return undefined;
}

export function crossDatabaseOps(kind: string, s: Node): CrossDatabaseOp[] {
  switch (kind) {
    case 'CreateForeignServerStmt':
      return [
        {
          op: 'foreign-server',
          action: 'create',
          name: s.servername,
          wrapper: s.fdwname,
          options: optionChanges(s.options),
          ...(s.if_not_exists ? { ifNotExists: true } : {}),
        },
      ];
    case 'AlterForeignServerStmt':
      return [{ op: 'foreign-server', action: 'alter', name: s.servername, options: optionChanges(s.options) }];
    case 'CreateUserMappingStmt':
    case 'AlterUserMappingStmt':
    case 'DropUserMappingStmt':
      return [
        {
          op: 'user-mapping',
          action: kind === 'CreateUserMappingStmt' ? 'create' : kind === 'AlterUserMappingStmt' ? 'alter' : 'drop',
          role: mappingRole(s.user),
          server: s.servername,
          options: optionChanges(s.options),
        },
      ];
    case 'ImportForeignSchemaStmt': {
      const list = (s.table_list ?? []).map((t: Node) => t.RangeVar?.relname).filter(Boolean);
      return [
        {
          op: 'import-foreign-schema',
          server: s.server_name,
          remoteSchema: s.remote_schema,
          localSchema: s.local_schema,
          ...(s.list_type === 'FDW_IMPORT_SCHEMA_LIMIT_TO' ? { limitTo: list } : {}),
          ...(s.list_type === 'FDW_IMPORT_SCHEMA_EXCEPT' ? { except: list } : {}),
        },
      ];
    }
    case 'CreatePublicationStmt':
    case 'AlterPublicationStmt': {
      const action =
        kind === 'CreatePublicationStmt'
          ? 'create'
          : s.action === 'AP_SetObjects'
            ? 'set'
            : s.action === 'AP_DropObjects'
              ? 'drop-objects'
              : 'add';
      const tables: { name: QualifiedName; columns?: string[] }[] = [];
      const schemas: string[] = [];
      for (const o of s.pubobjects ?? []) {
        const spec = o.PublicationObjSpec;
        if (spec?.pubobjtype === 'PUBLICATIONOBJ_TABLE' && spec.pubtable?.relation) {
          const rv = spec.pubtable.relation;
          const columns = (spec.pubtable.columns ?? []).map((c: Node) => c.String?.sval).filter(Boolean);
          tables.push({
            name: { name: rv.relname, ...(rv.schemaname ? { schema: rv.schemaname } : {}) },
            ...(columns.length ? { columns } : {}),
          });
        } else if (spec?.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_SCHEMA' && spec.name) schemas.push(spec.name);
        else if (spec?.pubobjtype === 'PUBLICATIONOBJ_TABLES_IN_CUR_SCHEMA') schemas.push('public');
        else if (spec?.pubobjtype === 'PUBLICATIONOBJ_CONTINUATION' && spec.name) {
          // `FOR TABLE a, b`: later names continue the list kind before them (PostgreSQL's grammar).
          tables.push({ name: { name: spec.name } });
        }
      }
      if (kind === 'AlterPublicationStmt' && !s.pubobjects?.length) return [];
      return [{ op: 'publication', action, name: s.pubname, allTables: !!s.for_all_tables, tables, schemas }];
    }
    case 'CreateSubscriptionStmt':
      return [
        {
          op: 'subscription',
          action: 'create',
          name: s.subname,
          conninfo: s.conninfo,
          publications: strings(s.publication),
        },
      ];
    case 'AlterSubscriptionStmt': {
      const map: Record<string, string> = {
        ALTER_SUBSCRIPTION_SET_PUBLICATION: 'set-publication',
        ALTER_SUBSCRIPTION_ADD_PUBLICATION: 'add-publication',
        ALTER_SUBSCRIPTION_DROP_PUBLICATION: 'drop-publication',
        ALTER_SUBSCRIPTION_CONNECTION: 'connection',
      };
      const action = map[s.kind];
      if (!action) return []; // ENABLE, DISABLE, REFRESH, SKIP, OPTIONS: the tables it copies stay the same
      return [
        {
          op: 'subscription',
          action,
          name: s.subname,
          ...(s.conninfo ? { conninfo: s.conninfo } : {}),
          publications: strings(s.publication),
        },
      ];
    }
    case 'DropSubscriptionStmt':
      return [{ op: 'subscription', action: 'drop', name: s.subname, publications: [] }];
  }
  return [];
}

/** The SERVER and OPTIONS of CREATE FOREIGN TABLE: table options and each column's `column_name`. */
export function foreignTableOp(s: Node, table: QualifiedName): CrossDatabaseOp {
  const columnNames: Record<string, string> = {};
  for (const elt of s.base?.tableElts ?? []) {
    const col = elt.ColumnDef;
    if (!col) continue;
    const name = optionChanges(col.fdwoptions).find((o) => o.name === 'column_name')?.value;
    if (name !== undefined) columnNames[col.colname] = name;
  }
  const options: Record<string, string> = {};
  for (const o of optionChanges(s.options)) if (o.value !== undefined) options[o.name] = o.value;
  return { op: 'foreign-table', table, server: s.servername, options, columnNames };
}

function optionChanges(list: Node[] | undefined): OptionChange[] {
  return (list ?? []).map((d: Node) => {
    const e = d.DefElem;
    const action = e.defaction === 'DEFELEM_SET' ? 'set' : e.defaction === 'DEFELEM_DROP' ? 'drop' : 'add';
    const value = e.arg?.String?.sval ?? (e.arg?.Integer ? String(e.arg.Integer.ival) : undefined);
    return { name: e.defname, action, ...(value !== undefined ? { value } : {}) };
  });
}

function mappingRole(spec: Node | undefined): string {
  switch (spec?.roletype) {
    case 'ROLESPEC_PUBLIC':
      return 'PUBLIC';
    case 'ROLESPEC_CURRENT_USER':
    case 'ROLESPEC_CURRENT_ROLE':
    case 'ROLESPEC_SESSION_USER':
      return 'CURRENT_USER';
    default:
      return spec?.rolename ?? 'PUBLIC';
  }
}

function strings(list: Node[] | undefined): string[] {
  return (list ?? []).map((x: Node) => x.String?.sval).filter(Boolean);
}

/**
 * A `dblink(…)` call found in a view's query or a function's body: the connection argument (a
 * libpq string or a foreign server's name) and the query, when constants; the relations the query
 * reads; for `AS t(cols)`, the column list and the remote query's output lineage.
 */
export type DblinkCall = Extract<CatalogOp, { op: 'dblink' }>['calls'][number];

const DBLINK_FUNCTIONS = new Set(['dblink', 'dblink_exec', 'dblink_open', 'dblink_send_query']);

/**
 * dblink calls anywhere in a parsed tree (a view's query, a SQL body, PL/pgSQL's embedded
 * queries, handed in as parse trees). `parse` parses the constant query so its relations are known.
 */
export function findDblinkCalls(tree: unknown, parse: (sql: string) => Node[] | undefined): DblinkCall[] {
  const out: DblinkCall[] = [];
  /** `dblink_connect[_u]([name,] connstr)` with constants: the connection a later call names (the unnamed one under ''). */
  const opened = new Map<string, { connstr?: string; unsafe: boolean }>();
  const constant = (a: Node | undefined) => a?.A_Const?.sval?.sval as string | undefined;
  const unnamed = new WeakSet<DblinkCall>();
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    const n = x as Node;
    const f = n.FuncCall;
    const name = f?.funcname?.map((x: Node) => x.String?.sval).pop();
    if (f && (name === 'dblink_connect' || name === 'dblink_connect_u')) {
      const args: Node[] = f.args ?? [];
      const conn = args.length >= 2 ? constant(args[0]) : '';
      if (conn !== undefined) {
        // The same name opened twice (or once with a value spif cannot read): which one a call uses is not known.
        const connstr = constant(args[args.length - 1]);
        opened.set(
          conn,
          opened.has(conn)
            ? { unsafe: false }
            : { ...(connstr !== undefined ? { connstr } : {}), unsafe: name === 'dblink_connect_u' },
        );
      }
    }
    if (f && DBLINK_FUNCTIONS.has(name)) {
      const args: Node[] = f.args ?? [];
      // dblink(sql) alone uses the unnamed connection opened by dblink_connect: its target is unknown.
      const conninfo = args.length >= 2 ? constant(args[0]) : undefined;
      const sql = constant(args.length >= 2 ? args[1] : args[0]);
      const call: DblinkCall = {
        ...(conninfo !== undefined ? { conninfo } : {}),
        ...(sql !== undefined ? { sql } : {}),
      };
      if (sql !== undefined) {
        const stmts = parse(sql);
        if (stmts) call.reads = relationsRead(stmts);
        if (stmts?.length === 1 && nth(stmts, 0).SelectStmt) {
          const remote = selectLineage(nth(stmts, 0), { entries: new Map(), ctes: new Map() });
          call.remoteColumns = remote.columns.map((c) => c.from);
          call.remoteReads = [...remote.readsColumns, ...remote.columns.flatMap((c) => c.from)];
        }
      }
      if (typeof f.location === 'number') call.location = f.location;
      if (args.length < 2) unnamed.add(call);
      out.push(call);
    }
    for (const k of Object.keys(n)) walk(n[k]);
    const rf = n.RangeFunction;
    if (rf?.coldeflist) {
      // After its call was walked: the column definition list names the call's columns.
      const inner = rf.functions?.[0]?.List?.items?.[0]?.FuncCall;
      const found = out.find((c) => c.location === inner?.location);
      if (found) found.columns = rf.coldeflist.map((d: Node) => d.ColumnDef?.colname ?? '');
    }
  };
  walk(tree);
  // dblink('name', …) / dblink(sql) after dblink_connect in the same body: the connection it opened
  // ("connname: Name of the connection to use; omit this parameter to use the unnamed connection").
  for (const call of out) {
    const key = unnamed.has(call) ? '' : call.conninfo;
    const conn = key !== undefined ? opened.get(key) : undefined;
    if (!conn) continue;
    call.connection = key;
    if (conn.connstr !== undefined) call.conninfo = conn.connstr;
    else delete call.conninfo;
    if (conn.unsafe) call.unsafe = true;
  }
  return out;
}

function relationsRead(tree: unknown): QualifiedName[] {
  const out: QualifiedName[] = [];
  const walk = (x: unknown): void => {
    if (!x || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(walk);
    const n = x as Node;
    if (n.RangeVar?.relname)
      out.push({ name: n.RangeVar.relname, ...(n.RangeVar.schemaname ? { schema: n.RangeVar.schemaname } : {}) });
    for (const k of Object.keys(n)) walk(n[k]);
  };
  walk(tree);
  return out;
}
