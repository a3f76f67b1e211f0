/**
 * Which relation an unqualified name in a function body reads, as PostgreSQL resolves it:
 * - `CREATE FUNCTION … SET search_path = b, a`: "the specified configuration parameter [is] set to
 *   the specified value when the function is entered" (PostgreSQL 15 docs, CREATE FUNCTION), and an
 *   unqualified name is the first schema of the path that holds it (5.9.3 The Schema Search Path).
 * - In PL/pgSQL, each query is prepared when it first runs (43.11.2 Plan Caching), so a
 *   `SET search_path` or `set_config('search_path', …)` earlier in the body applies to the
 *   statements after it, on the branch that ran it; a handler runs after its block's
 *   subtransaction is rolled back, SET included (43.6.8 Trapping Errors).
 * - A SQL-language body is parsed whole before any of it runs up to PostgreSQL 17 (38.5, note),
 *   so an in-body SET does not apply there; PostgreSQL 18 (PGlite) applies it. spif resolves the
 *   names after it under both, and the test asks that PGlite's answer be among spif's.
 * - A `BEGIN ATOMIC` body is parsed at CREATE FUNCTION with the session's path: the SET clause
 *   does not apply to its names.
 * Each function returns the schema names of the `t` it read (each `t` holds its schema's name);
 * spif's lineage of the result names relations whose schemas must be those.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSpif } from '../oracle/spif-side.js';
import { runBinSync } from '../helpers/bin.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nth } from '../../src/indexed.js';
import { asRelationId } from '../../src/catalog/model.js';

const BASE = `CREATE SCHEMA a;
CREATE SCHEMA b;
CREATE TABLE a.t (v text);
INSERT INTO a.t VALUES ('a');
CREATE TABLE b.t (v text);
INSERT INTO b.t VALUES ('b');
CREATE TABLE public.t (v text);
INSERT INTO public.t VALUES ('public');
`;

interface Scenario {
  name: string;
  sql: string;
  /** The calls PostgreSQL runs; each returns schema names joined by ','. */
  calls: string[];
  /** spif's function (relation id) whose output lineage is compared. */
  fn: string;
  /** spif may name more schemas than one server version reads (the SQL in-body SET). */
  superset?: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'SET clause: the first schema of the path that holds the name',
    sql: `CREATE FUNCTION f() RETURNS text LANGUAGE sql SET search_path = nope, b, a AS 'SELECT v FROM t'`,
    calls: ['SELECT f()'],
    fn: 'default.public.f()',
  },
  {
    name: 'SET clause with pg_temp and $user first',
    sql: `CREATE FUNCTION f() RETURNS text LANGUAGE sql SET search_path = "$user", pg_temp, a AS 'SELECT v FROM t'`,
    calls: ['SELECT f()'],
    fn: 'default.public.f()',
  },
  {
    name: 'PL/pgSQL: SET LOCAL in the body applies to the statements after it only',
    sql: `CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $$
DECLARE r1 text; r2 text;
BEGIN
  SELECT v INTO r1 FROM t;
  SET LOCAL search_path = b;
  SELECT v INTO r2 FROM t;
  RETURN r1 || ',' || r2;
END $$`,
    calls: ['SELECT f()'],
    fn: 'default.public.f()',
  },
  {
    name: 'PL/pgSQL: set_config in the body replaces the SET clause',
    sql: `CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql SET search_path = a AS $$
DECLARE r text;
BEGIN
  PERFORM set_config('search_path', 'b', true);
  SELECT v INTO r FROM t;
  RETURN r;
END $$`,
    calls: ['SELECT f()'],
    fn: 'default.public.f()',
  },
  {
    name: 'PL/pgSQL: a SET on one branch only, then a query (either path)',
    sql: `CREATE FUNCTION f(p bool) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  IF p THEN SET LOCAL search_path = b; END IF;
  SELECT v INTO r FROM t;
  RETURN r;
END $$`,
    calls: ['SELECT f(true)', 'SELECT f(false)'],
    fn: 'default.public.f(bool)',
  },
  {
    name: 'PL/pgSQL: an exception handler runs with the path from before its block',
    sql: `CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql SET search_path = a AS $$
DECLARE r text;
BEGIN
  BEGIN
    SET LOCAL search_path = b;
    RAISE EXCEPTION 'stop';
  EXCEPTION WHEN others THEN
    SELECT v INTO r FROM t;
  END;
  RETURN r;
END $$`,
    calls: ['SELECT f()'],
    fn: 'default.public.f()',
  },
  {
    name: 'SQL body: an in-body SET (applied by PostgreSQL 18, not by 15)',
    sql: `CREATE FUNCTION f() RETURNS text LANGUAGE sql AS 'SET search_path = b; SELECT v FROM t'`,
    calls: ['SELECT f()'],
    fn: 'default.public.f()',
    superset: true,
  },
  {
    name: 'BEGIN ATOMIC: names resolved at CREATE, the SET clause does not apply',
    sql: `CREATE FUNCTION f() RETURNS text LANGUAGE sql SET search_path = b BEGIN ATOMIC SELECT v FROM t; END`,
    calls: ['SELECT f()'],
    fn: 'default.public.f()',
  },
];

let pg: PGlite;

/** The schema of each relation spif's function result carries. */
function spifSchemas(catalog: Awaited<ReturnType<typeof runSpif>>['catalog'], fn: string): string[] {
  const r = catalog.relations.get(asRelationId(fn));
  expect(r, `spif has ${fn}`).toBeDefined();
  const schemas = r!.view!.columns.flatMap((c) => c.from.map((f) => f.relation.schema!));
  return [...new Set(schemas)].sort();
}

describe('search_path in function bodies, checked on PGlite', () => {
  beforeAll(async () => {
    pg = await PGlite.create();
  });
  afterAll(() => pg.close());

  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const sql = `${BASE}${s.sql};\n`;
      await pg.exec('BEGIN');
      let postgres: string[];
      try {
        await pg.exec(sql);
        const out: string[] = [];
        for (const call of s.calls) {
          await pg.exec('SET LOCAL search_path = public');
          const row = nth((await pg.query<Record<string, string>>(call)).rows, 0);
          out.push(...nth(Object.values(row), 0).split(','));
        }
        postgres = [...new Set(out)].sort();
      } finally {
        await pg.exec('ROLLBACK');
      }
      const spif = await runSpif(sql);
      expect(spif.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const schemas = spifSchemas(spif.catalog, s.fn);
      if (s.superset) {
        expect(schemas).toEqual(expect.arrayContaining(postgres));
        expect(schemas).toEqual(['b', 'public']);
      } else expect(schemas).toEqual(postgres);
    });
  }

  it('ALTER FUNCTION … SET search_path is reported, not silently ignored', async () => {
    const spif = await runSpif(
      `${BASE}CREATE FUNCTION f() RETURNS text LANGUAGE sql AS 'SELECT v FROM t';\nALTER FUNCTION f() SET search_path = b;\n`,
    );
    expect(spif.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-SQL-UNSUPPORTED', 10]]);
  });

  it('the real bin: a SECURITY DEFINER function whose SET search_path leads to the number table is a path to it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-search-path-'));
    fs.writeFileSync(
      path.join(dir, 'schema.sql'),
      `CREATE ROLE madoguchi NOLOGIN;
CREATE SCHEMA kikan;
CREATE TABLE kikan.jumin (atena_no text PRIMARY KEY, kojin_bango char(12));
CREATE TABLE public.jumin (atena_no text PRIMARY KEY, memo text);
CREATE FUNCTION bango(p_atena text) RETURNS text LANGUAGE sql SECURITY DEFINER SET search_path = kikan, public
  AS $$ SELECT kojin_bango FROM jumin WHERE atena_no = p_atena $$;
CREATE TABLE public.uketsuke (uketsuke_id int PRIMARY KEY, atena_no text);
GRANT SELECT ON public.uketsuke TO madoguchi;
`,
    );
    const r = runBinSync(['scan', 'schema.sql', '--dialect', 'postgresql', '--format', 'json'], dir, { LANG: 'C' });
    const json = JSON.parse(r.stdout) as {
      relations: {
        id: string;
        classification: string;
        numberColumns?: { column: string; evidence: string }[];
        reachable?: { principal: string }[];
      }[];
      diagnostics: { code: string }[];
    };
    const fn = json.relations.find((x) => x.id === 'default.public.bango(text)')!;
    expect(fn.classification).toBe('specific');
    expect(fn.numberColumns?.map((c) => c.evidence).join(' ')).toContain("carries 'default.kikan.jumin.kojin_bango'");
    const uketsuke = json.relations.find((x) => x.id === 'default.public.uketsuke')!;
    expect(uketsuke.classification).toBe('specific');
    expect(uketsuke.reachable?.map((x) => x.principal)).toContain('madoguchi');
    expect(json.diagnostics).toEqual([]);
  });
});
