/**
 * The case generator of the access-control oracle: random schemas and random sequences of
 * role / grant / revoke / policy statements, rendered as SQL that PostgreSQL runs and spif reads.
 *
 * A case is a list of *units*. A unit is one or more statements that succeed or fail together
 * (e.g. `SET ROLE g; GRANT …; RESET ROLE`, so a grant issued by a non-superuser grantor keeps its
 * grantor). The PostgreSQL runner applies every unit under a savepoint and keeps only the units
 * PostgreSQL accepted; spif reads exactly those. Generation is deliberately state-free after the
 * setup phase (statements pick relations and roles by index), so some units are rejected by
 * PostgreSQL (a dropped table, a grant option the grantor lacks…): that is how the generator
 * reaches the error paths without modelling them itself.
 */
import fc from 'fast-check';
import { nth } from '../../src/indexed.js';

/** One or more statements applied atomically. */
export type Unit = string[];

export interface OracleCase {
  seed: number;
  units: Unit[];
}

// ---------------------------------------------------------------------------------------------
// The plan: what fast-check generates. Indices are taken modulo the pool they pick from.

interface RolePlan {
  login: boolean;
  inherit: boolean;
  bypassRls: boolean;
  superuser: boolean;
  inRole: number | null;
}

interface TablePlan {
  schema: number;
  columns: number[]; // indices into COLUMN_NAMES, deduplicated at render time
  creator: number | null; // role index (creates it via SET ROLE) or null: the session superuser
  rls: boolean;
  publicSelect: boolean;
  /** A partitioned table (with a DEFAULT partition `tNp`), or a child INHERITS an earlier table. */
  shape: 'plain' | 'partitioned' | 'inherits';
}

/** `CREATE FUNCTION s.fN() RETURNS SETOF integer`: one column of a relation, as its owner or the caller. */
interface FunctionPlan {
  schema: number;
  base: number; // index into the relations created before it
  column: number;
  definer: boolean;
  plpgsql: boolean;
  creator: number | null;
  revokePublic: boolean;
}

interface ViewPlan {
  schema: number;
  base: number; // index into the relations created before it (tables, then earlier views)
  columns: number[];
  alias: boolean;
  filter: number | null; // a base column read only in WHERE (`col IS NULL`: every test row passes)
  star: boolean;
  invoker: boolean;
  creator: number | null;
}

type Grantee = number | 'PUBLIC';

type OpPlan =
  | { k: 'grant-table'; rel: number; grantee: Grantee; withGrant: boolean; grantor: number | null; privs: string }
  | { k: 'grant-column'; rel: number; cols: number[]; grantee: Grantee; withGrant: boolean; grantor: number | null }
  | {
      k: 'revoke-table';
      rel: number;
      grantee: Grantee;
      optionOnly: boolean;
      cascade: boolean;
      grantor: number | null;
      privs: string;
    }
  | {
      k: 'revoke-column';
      rel: number;
      cols: number[];
      grantee: Grantee;
      optionOnly: boolean;
      cascade: boolean;
      grantor: number | null;
    }
  | { k: 'all-tables'; schema: number; grantee: Grantee; grant: boolean; withGrant: boolean }
  | { k: 'schema-usage'; schema: number; grantee: Grantee; grant: boolean; withGrant: boolean; grantor: number | null }
  | {
      k: 'grant-role';
      role: number;
      member: number;
      inherit: boolean | null;
      set: boolean | null;
      admin: boolean;
      grantor: number | null;
    }
  | { k: 'revoke-role'; role: number; member: number; option: 'inherit' | 'set' | 'admin' | null; cascade: boolean }
  | {
      k: 'alter-role';
      role: number;
      attr: 'INHERIT' | 'NOINHERIT' | 'BYPASSRLS' | 'NOBYPASSRLS' | 'SUPERUSER' | 'NOSUPERUSER' | 'LOGIN';
    }
  | { k: 'rls'; rel: number; what: 'ENABLE' | 'DISABLE' | 'FORCE' | 'NO FORCE' }
  | { k: 'policy'; rel: number; name: number; restrictive: boolean; cmd: string; to: Grantee[]; using: boolean }
  | { k: 'drop-policy'; rel: number; name: number }
  | {
      k: 'default-privs';
      forRole: number | null;
      schema: number | null;
      grant: boolean;
      grantee: Grantee;
      withGrant: boolean;
    }
  | { k: 'create-table'; schema: number; columns: number[]; creator: number | null }
  | { k: 'drop-relation'; rel: number }
  | { k: 'rename-relation'; rel: number }
  | { k: 'add-column'; rel: number; col: number }
  | { k: 'drop-column'; rel: number; col: number }
  | { k: 'rename-column'; rel: number; col: number }
  | { k: 'owner'; rel: number; role: number }
  | { k: 'schema-owner'; schema: number; role: number }
  | { k: 'view-invoker'; rel: number; on: boolean }
  | { k: 'drop-role'; role: number }
  | { k: 'rename-role'; role: number }
  | {
      k: 'delegated-role-grant';
      role: number;
      admin: number;
      member: number;
      inherit: boolean | null;
      set: boolean | null;
      adminOnward: boolean;
    }
  | { k: 'predefined-role'; role: number; which: 'pg_read_all_data' | 'pg_write_all_data'; inherit: boolean }
  | { k: 'execute'; fn: number; grantee: Grantee; grant: boolean }
  | { k: 'function-security'; fn: number; definer: boolean }
  | { k: 'function-owner'; fn: number; role: number };

export interface CasePlan {
  roles: RolePlan[];
  schemaCount: number;
  /** Schemas granted USAGE to PUBLIC at creation (else only the owner and explicit grants). */
  publicUsage: boolean[];
  /** Owner (role index) of each created schema, or null: the session superuser. */
  schemaOwners: (number | null)[];
  tables: TablePlan[];
  views: ViewPlan[];
  functions: FunctionPlan[];
  ops: OpPlan[];
}

export const COLUMN_NAMES = ['a', 'b', 'c', 'd'] as const;
const MAX_ROLES = 5;

/** `public` is schema index 0: it exists already, PUBLIC has USAGE on it, CREATE only for its owner. */
function schemaName(i: number, count: number): string {
  const k = i % (count + 1);
  return k === 0 ? 'public' : `s${k}`;
}

const rare = (pTrueInTen: number) => fc.integer({ min: 0, max: 9 }).map((x) => x < pTrueInTen);
const idx = fc.nat({ max: 50 });
const optIdx = fc.option(idx, { freq: 3 });
const granteeArb: fc.Arbitrary<Grantee> = fc.oneof(
  { weight: 5, arbitrary: idx },
  { weight: 1, arbitrary: fc.constant('PUBLIC' as const) },
);
const colsArb = fc.array(fc.nat({ max: COLUMN_NAMES.length - 1 }), { minLength: 1, maxLength: 3 });
const tablePrivs = fc.constantFrom('SELECT', 'SELECT', 'SELECT', 'ALL', 'SELECT, INSERT', 'INSERT');

const opArb: fc.Arbitrary<OpPlan> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      k: fc.constant('grant-table' as const),
      rel: idx,
      grantee: granteeArb,
      withGrant: rare(3),
      grantor: fc.option(idx, { freq: 2 }),
      privs: tablePrivs,
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('grant-column' as const),
      rel: idx,
      cols: colsArb,
      grantee: granteeArb,
      withGrant: rare(3),
      grantor: fc.option(idx, { freq: 2 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('revoke-table' as const),
      rel: idx,
      grantee: granteeArb,
      optionOnly: rare(3),
      cascade: rare(5),
      grantor: fc.option(idx, { freq: 2 }),
      privs: tablePrivs,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('revoke-column' as const),
      rel: idx,
      cols: colsArb,
      grantee: granteeArb,
      optionOnly: rare(3),
      cascade: rare(5),
      grantor: fc.option(idx, { freq: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('all-tables' as const),
      schema: idx,
      grantee: granteeArb,
      grant: rare(7),
      withGrant: rare(2),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('schema-usage' as const),
      schema: idx,
      grantee: granteeArb,
      grant: rare(7),
      withGrant: rare(2),
      grantor: fc.option(idx, { freq: 3 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('grant-role' as const),
      role: idx,
      member: idx,
      inherit: fc.option(fc.boolean(), { freq: 2 }),
      set: fc.option(fc.boolean(), { freq: 2 }),
      admin: rare(4),
      grantor: fc.option(idx, { freq: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('revoke-role' as const),
      role: idx,
      member: idx,
      option: fc.constantFrom(null, null, 'inherit' as const, 'set' as const, 'admin' as const),
      cascade: rare(3),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('alter-role' as const),
      role: idx,
      attr: fc.constantFrom(
        'INHERIT' as const,
        'NOINHERIT' as const,
        'BYPASSRLS' as const,
        'NOBYPASSRLS' as const,
        'SUPERUSER' as const,
        'NOSUPERUSER' as const,
        'LOGIN' as const,
      ),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('rls' as const),
      rel: idx,
      what: fc.constantFrom(
        'ENABLE' as const,
        'ENABLE' as const,
        'DISABLE' as const,
        'FORCE' as const,
        'NO FORCE' as const,
      ),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('policy' as const),
      rel: idx,
      name: fc.nat({ max: 2 }),
      restrictive: rare(3),
      cmd: fc.constantFrom('', '', 'ALL', 'SELECT', 'INSERT', 'UPDATE', 'DELETE'),
      to: fc.array(granteeArb, { maxLength: 2 }),
      using: rare(7),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('drop-policy' as const), rel: idx, name: fc.nat({ max: 2 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('default-privs' as const),
      forRole: optIdx,
      schema: optIdx,
      grant: rare(8),
      grantee: granteeArb,
      withGrant: rare(2),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('create-table' as const),
      schema: idx,
      columns: colsArb,
      creator: fc.option(idx, { freq: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('drop-relation' as const), rel: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('rename-relation' as const), rel: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('add-column' as const), rel: idx, col: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('drop-column' as const), rel: idx, col: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('rename-column' as const), rel: idx, col: idx }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('owner' as const), rel: idx, role: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('schema-owner' as const), schema: idx, role: idx }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('view-invoker' as const), rel: idx, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('drop-role' as const), role: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('rename-role' as const), role: idx }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('delegated-role-grant' as const),
      role: idx,
      admin: idx,
      member: idx,
      inherit: fc.option(fc.boolean(), { freq: 2 }),
      set: fc.option(fc.boolean(), { freq: 2 }),
      adminOnward: rare(3),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('execute' as const),
      fn: idx,
      grantee: fc.oneof({ weight: 2, arbitrary: idx }, { weight: 2, arbitrary: fc.constant('PUBLIC' as const) }),
      grant: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('function-security' as const), fn: idx, definer: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('function-owner' as const), fn: idx, role: idx }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('predefined-role' as const),
      role: idx,
      which: fc.constantFrom('pg_read_all_data' as const, 'pg_write_all_data' as const),
      inherit: rare(7),
    }),
  },
);

export const casePlanArb: fc.Arbitrary<CasePlan> = fc.record({
  roles: fc.array(
    fc.record({
      login: fc.boolean(),
      inherit: rare(8),
      bypassRls: rare(1),
      superuser: fc.integer({ min: 0, max: 29 }).map((x) => x === 0),
      inRole: fc.option(idx, { freq: 6 }),
    }),
    { minLength: 2, maxLength: MAX_ROLES },
  ),
  schemaCount: fc.integer({ min: 1, max: 2 }),
  publicUsage: fc.array(rare(5), { minLength: 2, maxLength: 2 }),
  schemaOwners: fc.array(fc.option(idx, { freq: 2 }), { minLength: 2, maxLength: 2 }),
  tables: fc.array(
    fc.record({
      schema: idx,
      columns: colsArb,
      creator: fc.option(idx, { freq: 4 }),
      rls: rare(3),
      publicSelect: rare(3),
      shape: fc.constantFrom(
        'plain' as const,
        'plain' as const,
        'plain' as const,
        'partitioned' as const,
        'inherits' as const,
      ),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  views: fc.array(
    fc.record({
      schema: idx,
      base: idx,
      columns: colsArb,
      alias: rare(3),
      filter: fc.option(idx, { freq: 3 }),
      star: rare(2),
      invoker: rare(3),
      creator: fc.option(idx, { freq: 4 }),
    }),
    { maxLength: 2 },
  ),
  functions: fc.array(
    fc.record({
      schema: idx,
      base: idx,
      column: idx,
      definer: fc.boolean(),
      plpgsql: rare(3),
      creator: fc.option(idx, { freq: 4 }),
      revokePublic: rare(3),
    }),
    { maxLength: 2 },
  ),
  ops: fc.array(opArb, { minLength: 2, maxLength: 24 }),
});

// ---------------------------------------------------------------------------------------------
// Rendering a plan as SQL units.

interface RelName {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: string[];
}

interface FunctionName {
  schema: string;
  name: string;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function renderCase(plan: CasePlan, seed = 0): OracleCase {
  const units: Unit[] = [];
  const roleNames = plan.roles.map((_, i) => `r${i + 1}`);
  const role = (i: number) => nth(roleNames, i % roleNames.length);
  const grantee = (g: Grantee) => (g === 'PUBLIC' ? 'PUBLIC' : role(g));
  const schema = (i: number) => schemaName(i, plan.schemaCount);
  const asRole = (r: number | null, stmts: string[]): Unit => asNamed(r === null ? null : role(r), stmts);
  const asNamed = (r: string | null, stmts: string[]): Unit =>
    r === null ? stmts : [`SET ROLE ${r}`, ...stmts, 'RESET ROLE'];
  // Roles given WITH GRANT OPTION on a relation (or its creator): a grantor is picked among them
  // most of the time, so grants and revokes by non-superusers succeed and grant options matter.
  const holders = new Map<string, string[]>();
  const addHolder = (r: RelName, name: string) => {
    const k = `${r.schema}.${r.name}`;
    holders.set(k, uniq([...(holders.get(k) ?? []), name]));
  };
  // Roles given a membership WITH ADMIN OPTION: they grant it on, as non-superuser grantors.
  const admins = new Map<string, string[]>();
  const adminFor = (roleName: string, g: number | null): string | null => {
    if (g === null) return null;
    const hs = admins.get(roleName) ?? [];
    return hs.length && g % 4 !== 3 ? nth(hs, g % hs.length) : role(g);
  };
  // Policies created so far, so DROP POLICY mostly names one that exists.
  const policies: { table: RelName; name: string }[] = [];
  const grantorFor = (r: RelName, g: number | null): string | null => {
    if (g === null) return null;
    const hs = holders.get(`${r.schema}.${r.name}`) ?? [];
    return hs.length && g % 4 !== 3 ? nth(hs, g % hs.length) : role(g);
  };

  // Roles.
  plan.roles.forEach((r, i) => {
    const attrs = [r.login ? 'LOGIN' : 'NOLOGIN', r.inherit ? 'INHERIT' : 'NOINHERIT'];
    if (r.bypassRls) attrs.push('BYPASSRLS');
    if (r.superuser) attrs.push('SUPERUSER');
    if (r.inRole !== null && r.inRole % roleNames.length < i) attrs.push(`IN ROLE ${role(r.inRole)}`);
    units.push([`CREATE ROLE ${roleNames[i]} ${attrs.join(' ')}`]);
  });

  // Schemas. Every table creator gets CREATE (not USAGE) on its schema, so USAGE stays a variable.
  for (let k = 1; k <= plan.schemaCount; k++) {
    const owner = nth(plan.schemaOwners, k - 1);
    units.push([`CREATE SCHEMA s${k}${owner !== null ? ` AUTHORIZATION ${role(owner)}` : ''}`]);
    if (plan.publicUsage[k - 1]) units.push([`GRANT USAGE ON SCHEMA s${k} TO PUBLIC`]);
  }
  const creators = uniq(
    [
      ...plan.tables.map((t) => t.creator),
      ...plan.functions.map((f) => f.creator),
      ...plan.ops.flatMap((o) => (o.k === 'create-table' ? [o.creator] : [])),
    ]
      .filter((c): c is number => c !== null)
      .map(role),
  );
  if (creators.length) {
    const schemas = ['public', ...Array.from({ length: plan.schemaCount }, (_, k) => `s${k + 1}`)];
    units.push([`GRANT CREATE ON SCHEMA ${schemas.join(', ')} TO ${creators.join(', ')}`]);
  }

  // Tables and views.
  const rels: RelName[] = [];
  plan.tables.forEach((t, i) => {
    let cols: string[] = uniq(t.columns.map((c) => nth(COLUMN_NAMES, c))).sort();
    const name = `t${i + 1}`;
    const parents = rels.filter((r) => r.kind === 'table');
    const parent = t.shape === 'inherits' && parents.length ? parents[t.schema % parents.length] : undefined;
    let create = `CREATE TABLE ${schema(t.schema)}.${name} (${cols.map((c) => `${c} integer`).join(', ')})`;
    if (parent) {
      // INHERITS: the parent's columns first, then the child's own (docs 5.10 Inheritance).
      const own = cols.filter((c) => !parent.columns.includes(c));
      create = `CREATE TABLE ${schema(t.schema)}.${name} (${own.map((c) => `${c} integer`).join(', ')}) INHERITS (${parent.schema}.${parent.name})`;
      cols = [...parent.columns, ...own];
    } else if (t.shape === 'partitioned') create += ` PARTITION BY LIST (${cols[0]})`;
    const rel: RelName = { schema: schema(t.schema), name, kind: 'table', columns: cols };
    units.push(asRole(t.creator, [create]));
    if (t.creator !== null) addHolder(rel, role(t.creator));
    if (t.rls) units.push([`ALTER TABLE ${rel.schema}.${rel.name} ENABLE ROW LEVEL SECURITY`]);
    if (t.publicSelect) units.push([`GRANT SELECT ON ${rel.schema}.${rel.name} TO PUBLIC`]);
    rels.push(rel);
    if (t.shape === 'partitioned' && !parent) {
      // The DEFAULT partition holds the row: reading the parent reads it with the parent's privileges.
      const part: RelName = { schema: rel.schema, name: `${name}p`, kind: 'table', columns: cols };
      units.push(
        asRole(t.creator, [`CREATE TABLE ${part.schema}.${part.name} PARTITION OF ${rel.schema}.${rel.name} DEFAULT`]),
      );
      if (t.creator !== null) addHolder(part, role(t.creator));
      rels.push(part);
    }
  });
  plan.views.forEach((v, i) => {
    const base = nth(rels, v.base % rels.length);
    const picked = uniq(v.columns.map((c) => nth(base.columns, c % base.columns.length)));
    const outCols = v.star ? base.columns : picked;
    const select = v.star ? '*' : picked.map((c) => (v.alias ? `${c} AS v${c}` : c)).join(', ');
    const filter = v.filter !== null ? ` WHERE ${nth(base.columns, v.filter % base.columns.length)} IS NULL` : '';
    const rel: RelName = {
      schema: schema(v.schema),
      name: `v${i + 1}`,
      kind: 'view',
      columns: v.star || !v.alias ? outCols : outCols.map((c) => `v${c}`),
    };
    const opts = v.invoker ? ' WITH (security_invoker = true)' : '';
    units.push(
      asRole(v.creator, [
        `CREATE VIEW ${rel.schema}.${rel.name}${opts} AS SELECT ${select} FROM ${base.schema}.${base.name}${filter}`,
      ]),
    );
    rels.push(rel);
  });

  // Functions: one column of a relation, SQL or PL/pgSQL, SECURITY DEFINER or INVOKER.
  const fns: FunctionName[] = [];
  plan.functions.forEach((f, i) => {
    const base = nth(rels, f.base % rels.length);
    const col = nth(base.columns, f.column % base.columns.length);
    const fn: FunctionName = { schema: schema(f.schema), name: `f${i + 1}` };
    const query = `SELECT ${col} FROM ${base.schema}.${base.name}`;
    const body = f.plpgsql
      ? `LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY ${query}; END $$`
      : `LANGUAGE sql AS $$ ${query} $$`;
    units.push(
      asRole(f.creator, [
        `CREATE FUNCTION ${fn.schema}.${fn.name}() RETURNS SETOF integer ${body}${f.definer ? ' SECURITY DEFINER' : ''}`,
      ]),
    );
    if (f.revokePublic) units.push([`REVOKE EXECUTE ON FUNCTION ${fn.schema}.${fn.name}() FROM PUBLIC`]);
    fns.push(fn);
  });
  const fnAt = (i: number) => (fns.length ? fns[i % fns.length] : undefined);
  const qf = (f: FunctionName) => `${f.schema}.${f.name}()`;

  // Mutations.
  let extraTables = 0;
  let renames = 0;
  const rel = (i: number) => nth(rels, i % rels.length);
  const q = (r: RelName) => `${r.schema}.${r.name}`;
  // Row security exists on tables only.
  const table = (i: number) => {
    const ts = rels.filter((r) => r.kind === 'table');
    return nth(ts, i % ts.length);
  };
  for (const op of plan.ops) {
    switch (op.k) {
      case 'grant-table': {
        const r = rel(op.rel);
        units.push(
          asNamed(grantorFor(r, op.grantor), [
            `GRANT ${op.privs} ON ${q(r)} TO ${grantee(op.grantee)}${op.withGrant ? ' WITH GRANT OPTION' : ''}`,
          ]),
        );
        if (op.withGrant && op.grantee !== 'PUBLIC') addHolder(r, role(op.grantee));
        break;
      }
      case 'grant-column': {
        const r = rel(op.rel);
        const cols = uniq(op.cols.map((c) => nth(r.columns, c % r.columns.length)));
        units.push(
          asNamed(grantorFor(r, op.grantor), [
            `GRANT SELECT (${cols.join(', ')}) ON ${q(r)} TO ${grantee(op.grantee)}${op.withGrant ? ' WITH GRANT OPTION' : ''}`,
          ]),
        );
        if (op.withGrant && op.grantee !== 'PUBLIC') addHolder(r, role(op.grantee));
        break;
      }
      case 'revoke-table': {
        const r = rel(op.rel);
        units.push(
          asNamed(grantorFor(r, op.grantor), [
            `REVOKE ${op.optionOnly ? 'GRANT OPTION FOR ' : ''}${op.privs} ON ${q(r)} FROM ${grantee(op.grantee)}${op.cascade ? ' CASCADE' : ''}`,
          ]),
        );
        break;
      }
      case 'revoke-column': {
        const r = rel(op.rel);
        const cols = uniq(op.cols.map((c) => nth(r.columns, c % r.columns.length)));
        units.push(
          asNamed(grantorFor(r, op.grantor), [
            `REVOKE ${op.optionOnly ? 'GRANT OPTION FOR ' : ''}SELECT (${cols.join(', ')}) ON ${q(r)} FROM ${grantee(op.grantee)}${op.cascade ? ' CASCADE' : ''}`,
          ]),
        );
        break;
      }
      case 'all-tables':
        units.push([
          op.grant
            ? `GRANT SELECT ON ALL TABLES IN SCHEMA ${schema(op.schema)} TO ${grantee(op.grantee)}${op.withGrant ? ' WITH GRANT OPTION' : ''}`
            : `REVOKE SELECT ON ALL TABLES IN SCHEMA ${schema(op.schema)} FROM ${grantee(op.grantee)}`,
        ]);
        break;
      case 'schema-usage':
        units.push(
          asRole(op.grantor, [
            op.grant
              ? `GRANT USAGE ON SCHEMA ${schema(op.schema)} TO ${grantee(op.grantee)}${op.withGrant ? ' WITH GRANT OPTION' : ''}`
              : `REVOKE USAGE ON SCHEMA ${schema(op.schema)} FROM ${grantee(op.grantee)}`,
          ]),
        );
        break;
      case 'grant-role': {
        const opts: string[] = [];
        if (op.admin) opts.push('ADMIN OPTION');
        if (op.inherit !== null) opts.push(`INHERIT ${op.inherit ? 'TRUE' : 'FALSE'}`);
        if (op.set !== null) opts.push(`SET ${op.set ? 'TRUE' : 'FALSE'}`);
        units.push(
          asNamed(adminFor(role(op.role), op.grantor), [
            `GRANT ${role(op.role)} TO ${role(op.member)}${opts.length ? ` WITH ${opts.join(', ')}` : ''}`,
          ]),
        );
        if (op.admin) admins.set(role(op.role), uniq([...(admins.get(role(op.role)) ?? []), role(op.member)]));
        break;
      }
      case 'revoke-role': {
        const opt = op.option ? `${op.option.toUpperCase()} OPTION FOR ` : '';
        units.push([`REVOKE ${opt}${role(op.role)} FROM ${role(op.member)}${op.cascade ? ' CASCADE' : ''}`]);
        break;
      }
      case 'alter-role':
        units.push([`ALTER ROLE ${role(op.role)} ${op.attr}`]);
        break;
      case 'rls':
        units.push([`ALTER TABLE ${q(table(op.rel))} ${op.what} ROW LEVEL SECURITY`]);
        break;
      case 'policy': {
        const r = table(op.rel);
        const to = uniq(op.to.map(grantee));
        const parts = [`CREATE POLICY p${op.name} ON ${q(r)}`];
        if (op.restrictive) parts.push('AS RESTRICTIVE');
        if (op.cmd) parts.push(`FOR ${op.cmd}`);
        if (to.length) parts.push(`TO ${to.join(', ')}`);
        if (op.cmd === 'INSERT') parts.push(`WITH CHECK (${op.using})`);
        else parts.push(`USING (${op.using})`);
        units.push([parts.join(' ')]);
        policies.push({ table: r, name: `p${op.name}` });
        break;
      }
      case 'drop-policy': {
        const p = policies.length
          ? nth(policies, op.rel % policies.length)
          : { table: table(op.rel), name: `p${op.name}` };
        units.push([`DROP POLICY ${p.name} ON ${q(p.table)}`]);
        break;
      }
      case 'default-privs': {
        const parts = ['ALTER DEFAULT PRIVILEGES'];
        if (op.forRole !== null) parts.push(`FOR ROLE ${role(op.forRole)}`);
        if (op.schema !== null) parts.push(`IN SCHEMA ${schema(op.schema)}`);
        parts.push(
          op.grant
            ? `GRANT SELECT ON TABLES TO ${grantee(op.grantee)}${op.withGrant ? ' WITH GRANT OPTION' : ''}`
            : `REVOKE SELECT ON TABLES FROM ${grantee(op.grantee)}`,
        );
        units.push([parts.join(' ')]);
        break;
      }
      case 'create-table': {
        const cols = uniq(op.columns.map((c) => nth(COLUMN_NAMES, c))).sort();
        extraTables++;
        const r: RelName = { schema: schema(op.schema), name: `n${extraTables}`, kind: 'table', columns: cols };
        units.push(asRole(op.creator, [`CREATE TABLE ${q(r)} (${cols.map((c) => `${c} integer`).join(', ')})`]));
        if (op.creator !== null) addHolder(r, role(op.creator));
        rels.push(r);
        break;
      }
      case 'drop-relation': {
        const r = rel(op.rel);
        units.push([`DROP ${r.kind === 'view' ? 'VIEW' : 'TABLE'} ${q(r)}`]);
        break;
      }
      case 'rename-relation': {
        const r = rel(op.rel);
        renames++;
        units.push([`ALTER ${r.kind === 'view' ? 'VIEW' : 'TABLE'} ${q(r)} RENAME TO ${r.name}x${renames}`]);
        break;
      }
      case 'add-column': {
        const r = rel(op.rel);
        if (r.kind === 'view') break;
        units.push([`ALTER TABLE ${q(r)} ADD COLUMN ${nth(COLUMN_NAMES, op.col % COLUMN_NAMES.length)} integer`]);
        break;
      }
      case 'drop-column': {
        const r = rel(op.rel);
        if (r.kind === 'view') break;
        units.push([`ALTER TABLE ${q(r)} DROP COLUMN ${nth(r.columns, op.col % r.columns.length)}`]);
        break;
      }
      case 'rename-column': {
        const r = rel(op.rel);
        const c = nth(r.columns, op.col % r.columns.length);
        units.push([`ALTER ${r.kind === 'view' ? 'VIEW' : 'TABLE'} ${q(r)} RENAME COLUMN ${c} TO ${c}2`]);
        break;
      }
      case 'owner': {
        const r = rel(op.rel);
        units.push([`ALTER ${r.kind === 'view' ? 'VIEW' : 'TABLE'} ${q(r)} OWNER TO ${role(op.role)}`]);
        addHolder(r, role(op.role));
        break;
      }
      case 'schema-owner': {
        const s = schema(op.schema);
        if (s === 'public') break;
        units.push([`ALTER SCHEMA ${s} OWNER TO ${role(op.role)}`]);
        break;
      }
      case 'view-invoker': {
        const r = rel(op.rel);
        if (r.kind !== 'view') break;
        units.push([`ALTER VIEW ${q(r)} SET (security_invoker = ${op.on})`]);
        break;
      }
      case 'drop-role':
        units.push([`DROP ROLE ${role(op.role)}`]);
        break;
      case 'delegated-role-grant': {
        // A superuser gives ADMIN OPTION, and the admin grants the role on (as its own grantor).
        const [g, a, m] = [role(op.role), role(op.admin), role(op.member)];
        units.push([`GRANT ${g} TO ${a} WITH ADMIN OPTION`]);
        const opts: string[] = [];
        if (op.adminOnward) opts.push('ADMIN OPTION');
        if (op.inherit !== null) opts.push(`INHERIT ${op.inherit ? 'TRUE' : 'FALSE'}`);
        if (op.set !== null) opts.push(`SET ${op.set ? 'TRUE' : 'FALSE'}`);
        units.push(asNamed(a, [`GRANT ${g} TO ${m}${opts.length ? ` WITH ${opts.join(', ')}` : ''}`]));
        admins.set(g, uniq([...(admins.get(g) ?? []), a, ...(op.adminOnward ? [m] : [])]));
        break;
      }
      case 'predefined-role':
        units.push([`GRANT ${op.which} TO ${role(op.role)}${op.inherit ? '' : ' WITH INHERIT FALSE'}`]);
        break;
      case 'execute': {
        const f = fnAt(op.fn);
        if (!f) break;
        units.push([
          op.grant
            ? `GRANT EXECUTE ON FUNCTION ${qf(f)} TO ${grantee(op.grantee)}`
            : `REVOKE EXECUTE ON FUNCTION ${qf(f)} FROM ${grantee(op.grantee)}`,
        ]);
        break;
      }
      case 'function-security': {
        const f = fnAt(op.fn);
        if (f) units.push([`ALTER FUNCTION ${qf(f)} ${op.definer ? 'SECURITY DEFINER' : 'SECURITY INVOKER'}`]);
        break;
      }
      case 'function-owner': {
        const f = fnAt(op.fn);
        if (f) units.push([`ALTER FUNCTION ${qf(f)} OWNER TO ${role(op.role)}`]);
        break;
      }
      case 'rename-role':
        renames++;
        units.push([`ALTER ROLE ${role(op.role)} RENAME TO ${role(op.role)}x${renames}`]);
        break;
    }
  }
  return { seed, units };
}

/** Case number `i` of a run with base seed `seed`: each case has its own seed, so any case replays alone. */
export function generateCase(seed: number, i: number): OracleCase {
  const caseSeed = (seed * 100_003 + i) | 0;
  const plan = nth(fc.sample(casePlanArb, { seed: caseSeed, numRuns: 1 }), 0);
  return renderCase(plan, caseSeed);
}

/** Statement kinds, for the coverage report of `test:oracle --coverage`: [name, pattern of the statement]. */
const KIND_PATTERNS: [string, RegExp][] = [
  ['CREATE ROLE … IN ROLE', /^CREATE ROLE .* IN ROLE /],
  ['CREATE ROLE … SUPERUSER', /^CREATE ROLE .*SUPERUSER/],
  ['CREATE ROLE … BYPASSRLS', /^CREATE ROLE .*BYPASSRLS/],
  ['CREATE ROLE', /^CREATE ROLE /],
  ['CREATE SCHEMA AUTHORIZATION', /^CREATE SCHEMA \S+ AUTHORIZATION/],
  ['CREATE SCHEMA', /^CREATE SCHEMA /],
  ['GRANT CREATE ON SCHEMA', /^GRANT CREATE ON SCHEMA/],
  ['CREATE VIEW security_invoker', /^CREATE VIEW .*security_invoker/],
  ['CREATE TABLE … PARTITION BY', /^CREATE TABLE .* PARTITION BY /],
  ['CREATE TABLE … PARTITION OF', /^CREATE TABLE .* PARTITION OF /],
  ['CREATE TABLE … INHERITS', /^CREATE TABLE .* INHERITS /],
  ['CREATE FUNCTION … SECURITY DEFINER', /^CREATE FUNCTION .*SECURITY DEFINER/],
  ['CREATE FUNCTION (plpgsql)', /^CREATE FUNCTION .*plpgsql/],
  ['CREATE FUNCTION', /^CREATE FUNCTION /],
  ['GRANT EXECUTE ON FUNCTION … TO PUBLIC', /^GRANT EXECUTE ON FUNCTION .* TO PUBLIC/],
  ['GRANT EXECUTE ON FUNCTION', /^GRANT EXECUTE ON FUNCTION /],
  ['REVOKE EXECUTE ON FUNCTION … FROM PUBLIC', /^REVOKE EXECUTE ON FUNCTION .* FROM PUBLIC/],
  ['REVOKE EXECUTE ON FUNCTION', /^REVOKE EXECUTE ON FUNCTION /],
  ['ALTER FUNCTION SECURITY', /^ALTER FUNCTION .* SECURITY /],
  ['ALTER FUNCTION OWNER TO', /^ALTER FUNCTION .* OWNER TO /],
  ['CREATE VIEW … WHERE', /^CREATE VIEW .* WHERE /],
  ['CREATE VIEW', /^CREATE VIEW /],
  ['CREATE TABLE (after defaults possible)', /^CREATE TABLE \S+\.n\d/],
  ['CREATE TABLE', /^CREATE TABLE /],
  ['GRANT … ON ALL TABLES IN SCHEMA', /^GRANT .* ON ALL TABLES IN SCHEMA/],
  ['REVOKE … ON ALL TABLES IN SCHEMA', /^REVOKE .* ON ALL TABLES IN SCHEMA/],
  ['GRANT USAGE ON SCHEMA', /^GRANT USAGE ON SCHEMA/],
  ['REVOKE USAGE ON SCHEMA', /^REVOKE USAGE ON SCHEMA/],
  ['GRANT SELECT (cols) … WITH GRANT OPTION', /^GRANT SELECT \(.*WITH GRANT OPTION/],
  ['GRANT SELECT (cols)', /^GRANT SELECT \(/],
  ['GRANT table privilege … WITH GRANT OPTION', /^GRANT (SELECT|ALL|INSERT|SELECT, INSERT) ON .*WITH GRANT OPTION/],
  ['GRANT table privilege … TO PUBLIC', /^GRANT (SELECT|ALL|INSERT|SELECT, INSERT) ON .* TO PUBLIC/],
  ['GRANT table privilege', /^GRANT (SELECT|ALL|INSERT|SELECT, INSERT) ON /],
  ['REVOKE GRANT OPTION FOR … CASCADE', /^REVOKE GRANT OPTION FOR .* CASCADE/],
  ['REVOKE GRANT OPTION FOR', /^REVOKE GRANT OPTION FOR/],
  ['REVOKE SELECT (cols)', /^REVOKE SELECT \(/],
  ['REVOKE table privilege … CASCADE', /^REVOKE .* ON .* CASCADE$/],
  ['REVOKE table privilege', /^REVOKE (SELECT|ALL|INSERT|SELECT, INSERT) ON /],
  ['GRANT pg_read_all_data / pg_write_all_data', /^GRANT pg_/],
  ['GRANT role WITH INHERIT/SET', /^GRANT r\w+ TO r\w+ WITH .*(INHERIT|SET)/],
  ['GRANT role WITH ADMIN OPTION', /^GRANT r\w+ TO r\w+ WITH ADMIN/],
  ['GRANT role', /^GRANT r\w+ TO r\w+$/],
  ['REVOKE role … CASCADE', /^REVOKE (\w+ OPTION FOR )?r\w+ FROM r\w+ CASCADE/],
  ['REVOKE INHERIT/SET/ADMIN OPTION FOR role', /^REVOKE \w+ OPTION FOR r/],
  ['REVOKE role', /^REVOKE r\w+ FROM/],
  ['ALTER ROLE RENAME', /^ALTER ROLE \S+ RENAME/],
  ['ALTER ROLE attribute', /^ALTER ROLE /],
  ['ALTER TABLE … ROW LEVEL SECURITY', /ROW LEVEL SECURITY$/],
  ['CREATE POLICY AS RESTRICTIVE', /^CREATE POLICY .*AS RESTRICTIVE/],
  ['CREATE POLICY … USING (false)', /^CREATE POLICY .*USING \(false\)/],
  ['CREATE POLICY', /^CREATE POLICY /],
  ['DROP POLICY', /^DROP POLICY /],
  ['ALTER DEFAULT PRIVILEGES … REVOKE', /^ALTER DEFAULT PRIVILEGES .*REVOKE/],
  ['ALTER DEFAULT PRIVILEGES … GRANT', /^ALTER DEFAULT PRIVILEGES /],
  ['DROP TABLE', /^DROP TABLE /],
  ['DROP VIEW', /^DROP VIEW /],
  ['RENAME COLUMN', /RENAME COLUMN/],
  ['ALTER TABLE/VIEW RENAME TO', /^ALTER (TABLE|VIEW) \S+ RENAME TO/],
  ['ADD COLUMN', /ADD COLUMN/],
  ['DROP COLUMN', /DROP COLUMN/],
  ['ALTER TABLE/VIEW OWNER TO', /^ALTER (TABLE|VIEW) \S+ OWNER TO/],
  ['ALTER SCHEMA OWNER TO', /^ALTER SCHEMA .* OWNER TO/],
  ['ALTER VIEW SET (security_invoker)', /^ALTER VIEW .* SET \(security_invoker/],
  ['DROP ROLE', /^DROP ROLE /],
];

/** The kind of a unit: its first statement that is not SET ROLE / RESET ROLE, plus "(via SET ROLE)". */
export function unitKind(unit: Unit): string {
  const main = unit.find((s) => !/^(SET|RESET) ROLE/.test(s)) ?? nth(unit, 0);
  const kind = KIND_PATTERNS.find(([, re]) => re.test(main))?.[0] ?? 'other';
  return nth(unit, 0).startsWith('SET ROLE') && !/^CREATE (TABLE|VIEW|FUNCTION)/.test(main)
    ? `${kind} (by a non-superuser grantor)`
    : kind;
}
