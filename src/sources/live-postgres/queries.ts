/**
 * The catalog queries, run inside one read-only transaction. Each returns plain rows; turning
 * them into catalog ops is `to-ops.ts`'s job. ACLs are exploded by the server (`aclexplode`), so
 * spif never parses the aclitem text format; NULL ACLs (the built-in defaults) come back as null
 * together with the server's own `acldefault()` for the object, so the two can be compared.
 */
import type { ClientBase } from 'pg';

/** One exploded aclitem: `[grantor oid, grantee oid (0 = PUBLIC), privilege, grantable]`. */
export type AclEntry = [number, number, string, boolean];

export interface AclPair {
  /** The object's ACL, or null when it is the built-in default. */
  acl: AclEntry[] | null;
  /** What the default would be (the owner's privileges, plus PUBLIC's for databases). */
  defaultAcl: AclEntry[];
}

export interface ServerRow {
  version: number;
  versionText: string;
  database: string;
  currentUser: string;
}
export interface RoleRow {
  oid: number;
  name: string;
  superuser: boolean;
  inherit: boolean;
  login: boolean;
  bypassRls: boolean;
}
export interface MembershipRow {
  role: number;
  member: number;
  grantor: number;
  admin: boolean;
  inherit: boolean | null;
  set: boolean | null;
}
export interface SchemaRow extends AclPair {
  oid: number;
  name: string;
  owner: number;
  extension: string | null;
}
export interface DatabaseRow extends AclPair {
  name: string;
  owner: number;
}
export interface RelationRow extends AclPair {
  oid: number;
  schema: string;
  name: string;
  /** r table, p partitioned table, f foreign table, v view, m materialized view */
  kind: 'r' | 'p' | 'f' | 'v' | 'm';
  owner: number;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  options: string[] | null;
  comment: string | null;
  viewDefinition: string | null;
  partition: boolean;
  /** A partitioned table's `LIST (nendo)` (pg_get_partkeydef). */
  partitionKey: string | null;
  extension: string | null;
}
export interface ColumnRow {
  relation: number;
  position: number;
  name: string;
  typeName: string;
  typeSchema: string;
  /** format_type() output, for the type modifiers in it. */
  formatted: string;
  isArray: boolean;
  serial: boolean;
  comment: string | null;
  acl: AclEntry[] | null;
}
export interface ConstraintRow {
  oid: number;
  relation: number;
  name: string;
  type: 'p' | 'u' | 'f';
  columns: number[];
  referenced: number | null;
  referencedColumns: number[] | null;
}
export interface PolicyRow {
  relation: number;
  name: string;
  permissive: boolean;
  command: string;
  roles: number[];
  using: string | null;
  withCheck: string | null;
}

/** A child of a partitioned or inheritance parent (pg_inherits), with its partition bound. */
export interface InheritRow {
  child: number;
  parent: number;
  partition: boolean;
  /** `FOR VALUES …` / `DEFAULT` (pg_get_expr of relpartbound), for partitions. */
  bound: string | null;
}
/** A function or procedure, with its whole CREATE statement as the server prints it. */
export interface FunctionRow extends AclPair {
  oid: number;
  schema: string;
  name: string;
  kind: 'f' | 'p';
  owner: number;
  /** pg_get_functiondef: `CREATE OR REPLACE FUNCTION …` with its body. */
  definition: string;
  /** The argument types that name it in GRANT and ALTER (oidvectortypes of proargtypes). */
  arguments: string;
  extension: string | null;
}
/** A user trigger, as `CREATE TRIGGER …` (pg_get_triggerdef). */
export interface TriggerRow {
  relation: number;
  name: string;
  definition: string;
}

export interface CatalogRows {
  server: ServerRow;
  roles: RoleRow[];
  memberships: MembershipRow[];
  schemas: SchemaRow[];
  database: DatabaseRow;
  relations: RelationRow[];
  columns: ColumnRow[];
  constraints: ConstraintRow[];
  policies: PolicyRow[];
  inherits: InheritRow[];
  functions: FunctionRow[];
  triggers: TriggerRow[];
}

/** Which catalog each query reads: named in the error when the role may not read it. */
export type CatalogQueryName = keyof Omit<CatalogRows, 'server'> | 'server';

const explode = (acl: string) =>
  `(select json_agg(json_build_array(a.grantor::bigint, a.grantee::bigint, a.privilege_type, a.is_grantable)) from aclexplode(${acl}) a)`;

const USER_SCHEMA = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_)'`;

const extensionOf = (
  catalog: string,
  oid: string,
) => `(select e.extname from pg_depend d join pg_extension e on e.oid = d.refobjid
   where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.refclassid = 'pg_extension'::regclass and d.deptype = 'e' limit 1)`;

export const QUERIES: Record<Exclude<CatalogQueryName, 'server'>, (version: number) => string> = {
  roles: () => `select oid::bigint as oid, rolname as name, rolsuper as superuser, rolinherit as inherit,
      rolcanlogin as login, rolbypassrls as "bypassRls" from pg_roles order by oid`,
  memberships: (
    v,
  ) => `select roleid::bigint as role, member::bigint as member, grantor::bigint as grantor, admin_option as admin,
      ${v >= 160000 ? 'inherit_option as inherit, set_option as set' : 'null::boolean as inherit, null::boolean as set'}
      from pg_auth_members order by ${v >= 160000 ? 'oid' : 'roleid, member'}`,
  schemas: () => `select n.oid::bigint as oid, n.nspname as name, n.nspowner::bigint as owner,
      ${explode('n.nspacl')} as acl, n.nspacl is null as "aclIsDefault", ${explode("acldefault('n', n.nspowner)")} as "defaultAcl",
      ${extensionOf('pg_namespace', 'n.oid')} as extension
      from pg_namespace n where ${USER_SCHEMA} order by n.oid`,
  database: () => `select d.datname as name, d.datdba::bigint as owner,
      ${explode('d.datacl')} as acl, d.datacl is null as "aclIsDefault", ${explode("acldefault('d', d.datdba)")} as "defaultAcl"
      from pg_database d where d.datname = current_database()`,
  relations:
    () => `select c.oid::bigint as oid, n.nspname as schema, c.relname as name, c.relkind as kind, c.relowner::bigint as owner,
      c.relrowsecurity as "rowSecurity", c.relforcerowsecurity as "forceRowSecurity", c.reloptions as options,
      obj_description(c.oid, 'pg_class') as comment,
      case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as "viewDefinition",
      c.relispartition as partition,
      case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as "partitionKey",
      ${explode('c.relacl')} as acl, c.relacl is null as "aclIsDefault", ${explode("acldefault('r', c.relowner)")} as "defaultAcl",
      ${extensionOf('pg_class', 'c.oid')} as extension
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'f', 'v', 'm') and ${USER_SCHEMA} order by c.oid`,
  columns: () => `select a.attrelid::bigint as relation, a.attnum as position, a.attname as name,
      coalesce(et.typname, t.typname) as "typeName", tn.nspname as "typeSchema",
      format_type(a.atttypid, a.atttypmod) as formatted, et.oid is not null as "isArray",
      exists (select 1 from pg_depend d join pg_class s on s.oid = d.objid and s.relkind = 'S'
              where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                and d.refobjid = a.attrelid and d.refobjsubid = a.attnum and d.deptype = 'a') as serial,
      col_description(a.attrelid, a.attnum) as comment,
      ${explode('a.attacl')} as acl
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid and c.relkind in ('r', 'p', 'f', 'v', 'm')
      join pg_namespace n on n.oid = c.relnamespace
      join pg_type t on t.oid = a.atttypid
      left join pg_type et on t.typcategory = 'A' and et.oid = t.typelem
      join pg_namespace tn on tn.oid = coalesce(et.typnamespace, t.typnamespace)
      where a.attnum > 0 and not a.attisdropped and ${USER_SCHEMA}
      order by a.attrelid, a.attnum`,
  constraints: () => `select k.oid::bigint as oid, k.conrelid::bigint as relation, k.conname as name, k.contype as type,
      k.conkey::int[] as columns, nullif(k.confrelid, 0)::bigint as referenced, k.confkey::int[] as "referencedColumns"
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where k.contype in ('p', 'u', 'f') and ${USER_SCHEMA} order by k.oid`,
  policies:
    () => `select p.polrelid::bigint as relation, p.polname as name, p.polpermissive as permissive, p.polcmd as command,
      p.polroles::bigint[] as roles, pg_get_expr(p.polqual, p.polrelid) as using,
      pg_get_expr(p.polwithcheck, p.polrelid) as "withCheck"
      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      where ${USER_SCHEMA} order by p.oid`,
  // Index partitions are in pg_inherits too: only tables (and foreign tables) are children here.
  inherits: () => `select i.inhrelid::bigint as child, i.inhparent::bigint as parent, c.relispartition as partition,
      pg_get_expr(c.relpartbound, c.oid) as bound
      from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'f') and ${USER_SCHEMA} order by i.inhrelid, i.inhseqno`,
  // Aggregates and window functions (prokind a, w) read no table of their own.
  functions: () => `select p.oid::bigint as oid, n.nspname as schema, p.proname as name, p.prokind as kind,
      p.proowner::bigint as owner, pg_get_functiondef(p.oid) as definition,
      oidvectortypes(p.proargtypes) as arguments,
      ${explode('p.proacl')} as acl, p.proacl is null as "aclIsDefault", ${explode("acldefault('f', p.proowner)")} as "defaultAcl",
      ${extensionOf('pg_proc', 'p.oid')} as extension
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where p.prokind in ('f', 'p') and ${USER_SCHEMA} order by p.oid`,
  triggers: () => `select t.tgrelid::bigint as relation, t.tgname as name, pg_get_triggerdef(t.oid) as definition
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and ${USER_SCHEMA} order by t.oid`,
};

export class CatalogQueryError extends Error {
  constructor(
    readonly query: CatalogQueryName,
    readonly cause: unknown,
  ) {
    super(`reading ${query}: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

/** Runs every query in the caller's transaction. Rows are normalised (bigint oids → numbers). */
export async function fetchCatalog(client: ClientBase): Promise<CatalogRows> {
  const run = async <T>(name: CatalogQueryName, sql: string): Promise<T[]> => {
    try {
      return (await client.query(sql)).rows as T[];
    } catch (e) {
      throw new CatalogQueryError(name, e);
    }
  };
  const [serverRow] = await run<{ version: string; versionText: string; database: string; currentUser: string }>(
    'server',
    `select current_setting('server_version_num') as version, current_setting('server_version') as "versionText",
       current_database() as database, current_user as "currentUser"`,
  );
  if (!serverRow) throw new Error('internal error: the server query returned no row');
  const server: ServerRow = { ...serverRow, version: Number(serverRow.version) };
  const v = server.version;
  const q = async <T>(name: Exclude<CatalogQueryName, 'server'>) => normalise(await run<T>(name, QUERIES[name](v)));
  const roles = await q<RoleRow>('roles');
  const memberships = await q<MembershipRow>('memberships');
  const schemas = (await q<SchemaRow & { aclIsDefault: boolean }>('schemas')).map(aclPair);
  const [database] = (await q<DatabaseRow & { aclIsDefault: boolean }>('database')).map(aclPair);
  if (!database) throw new Error('internal error: the database query returned no row');
  const relations = (await q<RelationRow & { aclIsDefault: boolean }>('relations')).map(aclPair);
  const columns = await q<ColumnRow>('columns');
  const constraints = await q<ConstraintRow>('constraints');
  const policies = await q<PolicyRow>('policies');
  const inherits = await q<InheritRow>('inherits');
  const functions = (await q<FunctionRow & { aclIsDefault: boolean }>('functions')).map(aclPair);
  const triggers = await q<TriggerRow>('triggers');
  return {
    server,
    roles,
    memberships,
    schemas,
    database,
    relations,
    columns,
    constraints,
    policies,
    inherits,
    functions,
    triggers,
  };
}

/** `bigint` columns arrive as strings; oids fit in a JS number. */
function normalise<T>(rows: T[]): T[] {
  for (const row of rows as Record<string, unknown>[]) {
    for (const key of ['oid', 'owner', 'role', 'member', 'grantor', 'relation', 'referenced', 'child', 'parent']) {
      if (typeof row[key] === 'string') row[key] = Number(row[key]);
    }
    if (Array.isArray(row.roles)) row.roles = row.roles.map(Number);
  }
  return rows;
}

function aclPair<T extends AclPair & { aclIsDefault: boolean }>(row: T): T {
  row.defaultAcl ??= [];
  // A non-NULL but empty ACL (everything revoked) explodes to no rows: keep it as [] not null.
  if (!row.aclIsDefault) row.acl ??= [];
  else row.acl = null;
  return row;
}
