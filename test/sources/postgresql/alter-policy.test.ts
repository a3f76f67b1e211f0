/**
 * ALTER POLICY (PostgreSQL 15 docs: "ALTER POLICY changes the definition of an existing row-level
 * security policy … RENAME TO … TO role_name … USING"): a renamed policy is found by its new name
 * by a later ALTER or DROP POLICY, and TO / USING replace the roles and the filter. Each script is
 * run on PGlite statement by statement (psql without ON_ERROR_STOP), and the policies PostgreSQL
 * keeps (pg_policies) are compared with spif's.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import { loadPostgresParser, readPostgresSql } from '../../../src/sources/postgresql/reader.js';
import { runScenario } from '../../helpers/postgres-scenario.js';
import { asRelationId } from '../../../src/catalog/model.js';

const BASE = `CREATE ROLE madoguchi NOLOGIN;
CREATE ROLE kansa NOLOGIN;
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12), shozoku text);
ALTER TABLE jumin ENABLE ROW LEVEL SECURITY;
CREATE POLICY madoguchi_yomi ON jumin FOR SELECT TO madoguchi USING (shozoku = current_user);`;

interface Scenario {
  name: string;
  sql: string;
  /** The codes spif reports, with their line in the scenario. */
  diagnostics?: [string, number][];
}

const SCENARIOS: Scenario[] = [
  {
    name: 'RENAME TO, then DROP POLICY by the new name',
    sql: `ALTER POLICY madoguchi_yomi ON jumin RENAME TO madoguchi_select;
DROP POLICY madoguchi_select ON jumin;`,
  },
  {
    name: 'RENAME TO, then ALTER POLICY by the new name changes its roles and filter',
    sql: `ALTER POLICY madoguchi_yomi ON jumin RENAME TO yomi;
ALTER POLICY yomi ON jumin TO kansa, madoguchi USING (true);`,
  },
  {
    name: 'USING (false): nobody reads a row through it',
    sql: `ALTER POLICY madoguchi_yomi ON jumin USING (false);`,
  },
  {
    name: 'TO PUBLIC only, the filter kept',
    sql: `ALTER POLICY madoguchi_yomi ON jumin TO PUBLIC;`,
  },
  {
    name: 'DROP POLICY by the old name after a rename: PostgreSQL rejects it, the policy stays',
    sql: `ALTER POLICY madoguchi_yomi ON jumin RENAME TO yomi;
DROP POLICY madoguchi_yomi ON jumin;
DROP POLICY IF EXISTS madoguchi_yomi ON jumin;`,
    diagnostics: [['SPIF-SQL-REJECTED', 7]],
  },
  {
    name: 'ALTER POLICY of a name never created is rejected',
    sql: `ALTER POLICY nai ON jumin USING (false);`,
    diagnostics: [['SPIF-SQL-REJECTED', 6]],
  },
];

interface PolicyState {
  name: string;
  roles: string[];
  filter: 'true' | 'false' | 'other';
}

let pg: PGlite;

async function onPostgres(sql: string): Promise<PolicyState[]> {
  return runScenario(pg, sql, async () => {
    const rows = await pg.query<{ policyname: string; roles: string[]; qual: string | null }>(
      `SELECT policyname, roles::text[] AS roles, qual FROM pg_policies WHERE tablename = 'jumin' ORDER BY policyname`,
    );
    return rows.rows.map((r) => ({
      name: r.policyname,
      roles: [...r.roles].map((x) => (x === 'public' ? 'PUBLIC' : x)).sort(),
      filter: r.qual === null || r.qual === 'true' ? 'true' : r.qual === 'false' ? 'false' : 'other',
    }));
  });
}

function bySpif(sql: string) {
  const read = readPostgresSql({ path: 'rls.sql', text: sql });
  const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
  const policies: PolicyState[] = catalog.relations
    .get(asRelationId('default.public.jumin'))!
    .policies.map((p): PolicyState => ({
      name: p.name,
      roles: [...p.roles].sort(),
      filter: p.usingTrue ? 'true' : p.usingFalse ? 'false' : 'other',
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { policies, diagnostics: [...read.diagnostics, ...diagnostics] };
}

describe('ALTER POLICY, checked on PGlite', () => {
  beforeAll(async () => {
    await loadPostgresParser();
    pg = await PGlite.create();
  });
  afterAll(() => pg.close());

  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const sql = `${BASE}\n${s.sql}`;
      const spif = bySpif(sql);
      expect(spif.policies).toEqual(await onPostgres(sql));
      expect(spif.diagnostics.map((d) => [d.code, d.line])).toEqual(s.diagnostics ?? []);
    });
  }
});
