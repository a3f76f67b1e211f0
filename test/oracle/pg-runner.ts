/**
 * The PostgreSQL side of the oracle: one embedded PostgreSQL (PGlite) reused across cases.
 *
 * Each case runs inside a transaction that is rolled back at the end: roles are cluster-wide, but
 * CREATE ROLE, GRANT, ALTER DEFAULT PRIVILEGES… are all transactional, so every case starts from
 * the same empty cluster without paying PGlite's start-up (~4 s) again. Units are applied and
 * probes are run by two PL/pgSQL functions, so a case costs a handful of round trips.
 *
 * A probe asks PostgreSQL itself whether role r reads column c of relation rel:
 *   SET ROLE r; SELECT count(*) FROM (SELECT c FROM rel) q
 * - SQLSTATE 42501 → a privilege check failed (schema USAGE, table/column privilege, or a base
 *   relation of a view checked as the view owner / the invoker);
 * - a count of 0 → row security filtered out the one row every table holds;
 * - a count > 0 → r reads the column.
 * This is the same permission check EXPLAIN performs (ExecCheckPermissions runs at executor
 * start-up in both), plus the row count that EXPLAIN cannot give.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Unit } from './generator.js';
import { nth } from '../../src/indexed.js';

export type PgOutcome =
  | { kind: 'reads'; rows: number }
  | { kind: 'no-rows' } // the query ran, row security left no row
  | { kind: 'denied'; message: string } // 42501
  | { kind: 'error'; message: string }; // anything else: a harness problem, reported as such

export interface PgRelation {
  schema: string;
  name: string;
  kind: 'table' | 'view' | 'function';
  /** pg_class.relkind: r table, p partitioned table, v view, m materialized view. */
  relkind?: string;
  /** A partitioned table without partitions: it stores no row, so "no rows" says nothing about row security. */
  empty?: boolean;
  columns: string[];
}

export interface PgCaseResult {
  accepted: Unit[];
  rejected: { unit: Unit; error: string }[];
  roles: string[];
  relations: PgRelation[];
  /** Keyed by probeKey(role, schema.name, column). */
  outcomes: Map<string, PgOutcome>;
  /** `SET SESSION AUTHORIZATION a; SET ROLE b` succeeded? Keyed by `a|b`, for every pair of case roles. */
  settable: Map<string, boolean>;
}

/** A role created after every unit ran and granted nothing: it has exactly PUBLIC's rights. */
const PUBLIC_PROBE_ROLE_NAME = 'spif_oracle_public';
export const PUBLIC_PROBE_ROLE = PUBLIC_PROBE_ROLE_NAME;

export function probeKey(role: string, relation: string, column: string): string {
  return `${role}|${relation}|${column}`;
}

const SETUP_SQL = `
CREATE SCHEMA spif_oracle;
CREATE FUNCTION spif_oracle.apply(units jsonb) RETURNS TABLE(i int, ok boolean, msg text)
LANGUAGE plpgsql AS $$
DECLARE u jsonb; s text; k int := 0;
BEGIN
  FOR u IN SELECT * FROM jsonb_array_elements(units) LOOP
    i := k; k := k + 1; msg := NULL;
    BEGIN
      FOR s IN SELECT * FROM jsonb_array_elements_text(u) LOOP
        EXECUTE s;
      END LOOP;
      ok := true;
    EXCEPTION WHEN others THEN
      ok := false; msg := SQLSTATE || ' ' || SQLERRM;
    END;
    PERFORM set_config('role', 'none', true);
    RETURN NEXT;
  END LOOP;
END $$;
CREATE FUNCTION spif_oracle.probe(probes jsonb) RETURNS TABLE(i int, outcome text, n bigint, msg text)
LANGUAGE plpgsql AS $$
DECLARE p jsonb; k int := 0;
BEGIN
  FOR p IN SELECT * FROM jsonb_array_elements(probes) LOOP
    i := k; k := k + 1; n := NULL; msg := NULL;
    BEGIN
      PERFORM set_config('role', p->>0, true);
      -- A function probe: PL/pgSQL keeps its statements' plans for the session, so a body's names
      -- would stay resolved from an earlier caller; DISCARD PLANS makes this caller look them up.
      IF p->>2 = 'discard' THEN EXECUTE 'DISCARD PLANS'; END IF;
      EXECUTE p->>1 INTO n;
      outcome := 'ok';
    EXCEPTION WHEN insufficient_privilege THEN
      outcome := 'denied'; msg := SQLERRM;
    WHEN others THEN
      outcome := 'error'; msg := SQLSTATE || ' ' || SQLERRM;
    END;
    PERFORM set_config('role', 'none', true);
    RETURN NEXT;
  END LOOP;
END $$;
CREATE FUNCTION spif_oracle.probe_set(pairs jsonb) RETURNS TABLE(i int, ok boolean)
LANGUAGE plpgsql AS $$
DECLARE p jsonb; k int := 0;
BEGIN
  FOR p IN SELECT * FROM jsonb_array_elements(pairs) LOOP
    i := k; k := k + 1;
    BEGIN
      PERFORM set_config('session_authorization', p->>0, true);
      PERFORM set_config('role', p->>1, true);
      ok := true;
    EXCEPTION WHEN insufficient_privilege THEN
      ok := false;
    END;
    -- A failed subtransaction does not restore session_authorization: set it back explicitly.
    PERFORM set_config('role', 'none', true);
    PERFORM set_config('session_authorization', 'postgres', true);
    RETURN NEXT;
  END LOOP;
END $$;
`;

/** Roles and relations the case created (everything else in the cluster is PGlite's own). */
const FACTS_SQL = `
SELECT json_build_object(
  'roles', (SELECT coalesce(json_agg(rolname ORDER BY rolname), '[]') FROM pg_roles
             WHERE rolname !~ '^pg_' AND rolname NOT IN ('postgres', '${PUBLIC_PROBE_ROLE_NAME}')),
  'relations', (
    SELECT coalesce(json_agg(json_build_object(
      'schema', n.nspname, 'name', c.relname, 'kind', CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END, 'relkind', c.relkind,
      'empty', c.relkind = 'p' AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhparent = c.oid),
      'columns', (SELECT coalesce(json_agg(a.attname ORDER BY a.attnum), '[]') FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped))
      ORDER BY n.nspname, c.relname), '[]')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'v', 'p', 'm') AND n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'spif_oracle')
  ),
  -- The case's functions (no arguments): spif names one name() with the function's name as its column.
  'functions', (
    SELECT coalesce(json_agg(json_build_object(
      'schema', n.nspname, 'name', p.proname || '()', 'kind', 'function', 'columns', json_build_array(p.proname))
      ORDER BY n.nspname, p.proname), '[]')
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.prokind = 'f' AND p.pronargs = 0 AND n.nspname !~ '^pg_' AND n.nspname NOT IN ('information_schema', 'spif_oracle')
  )) AS facts`;

export class PgOracle {
  private constructor(private readonly db: PGlite) {}

  static async start(): Promise<PgOracle> {
    const db = await PGlite.create();
    await db.exec(SETUP_SQL);
    return new PgOracle(db);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async run(units: Unit[], options: { probePublic?: boolean } = {}): Promise<PgCaseResult> {
    const db = this.db;
    await db.exec('BEGIN');
    try {
      const applied = await db.query<{ i: number; ok: boolean; msg: string | null }>(
        'SELECT * FROM spif_oracle.apply($1::jsonb)',
        [JSON.stringify(units)],
      );
      const accepted: Unit[] = [];
      const rejected: { unit: Unit; error: string }[] = [];
      for (const row of applied.rows) {
        if (row.ok) accepted.push(nth(units, row.i));
        else rejected.push({ unit: nth(units, row.i), error: row.msg ?? '' });
      }
      const raw = nth(
        (await db.query<{ facts: { roles: string[]; relations: PgRelation[]; functions: PgRelation[] } }>(FACTS_SQL))
          .rows,
        0,
      ).facts;
      const facts = { roles: raw.roles, relations: [...raw.relations, ...raw.functions] };
      // One row in every table, inserted by the superuser (who bypasses row security).
      // A partitioned table ('p') stores nothing itself: its partitions get the row.
      const inserts = facts.relations
        .filter((r) => r.kind === 'table' && r.relkind === 'r')
        .map((r) => `INSERT INTO ${ident(r.schema)}.${ident(r.name)} DEFAULT VALUES;`)
        .join('\n');
      if (inserts) await db.exec(inserts);
      const roles = [...facts.roles];
      if (options.probePublic) {
        await db.exec(`CREATE ROLE ${PUBLIC_PROBE_ROLE} NOLOGIN`);
        roles.push(PUBLIC_PROBE_ROLE);
      }
      const probes: string[][] = [];
      const keys: string[] = [];
      for (const role of roles) {
        for (const rel of facts.relations) {
          for (const col of rel.columns) {
            // A function is read by calling it: `SELECT count(*) FROM s.f()` (its rows pass row security).
            probes.push([
              role,
              rel.kind === 'function'
                ? `SELECT count(*) FROM ${ident(rel.schema)}.${ident(rel.name.slice(0, -2))}()`
                : `SELECT count(*) FROM (SELECT ${ident(col)} FROM ${ident(rel.schema)}.${ident(rel.name)}) q`,
              ...(rel.kind === 'function' ? ['discard'] : []),
            ]);
            keys.push(probeKey(role, `${rel.schema}.${rel.name}`, col));
          }
        }
      }
      const outcomes = new Map<string, PgOutcome>();
      if (probes.length) {
        const res = await db.query<{ i: number; outcome: string; n: number | null; msg: string | null }>(
          'SELECT * FROM spif_oracle.probe($1::jsonb)',
          [JSON.stringify(probes)],
        );
        for (const row of res.rows) {
          const key = nth(keys, row.i);
          if (row.outcome === 'ok')
            outcomes.set(key, Number(row.n) > 0 ? { kind: 'reads', rows: Number(row.n) } : { kind: 'no-rows' });
          else if (row.outcome === 'denied') outcomes.set(key, { kind: 'denied', message: row.msg ?? '' });
          else outcomes.set(key, { kind: 'error', message: row.msg ?? '' });
        }
      }
      const settable = new Map<string, boolean>();
      const pairs = facts.roles.flatMap((a) => facts.roles.map((b) => [a, b] as [string, string]));
      if (pairs.length) {
        const res = await db.query<{ i: number; ok: boolean }>('SELECT * FROM spif_oracle.probe_set($1::jsonb)', [
          JSON.stringify(pairs),
        ]);
        for (const row of res.rows) settable.set(nth(pairs, row.i).join('|'), row.ok);
      }
      return { accepted, rejected, roles, relations: facts.relations, outcomes, settable };
    } finally {
      await db.exec('ROLLBACK');
    }
  }
}

function ident(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
