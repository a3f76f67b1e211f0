/**
 * Differential tests of spif's access resolver against a real PostgreSQL (PGlite, PostgreSQL 18):
 * a fixed-seed sample of generated cases, and every named regression fixture under fixtures/oracle.
 * `npm run test:oracle -- --cases N` runs any number of generated cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgOracle } from './pg-runner.js';
import { generateCase, unitKind } from './generator.js';
import { formatDisagreement, runCase } from './compare.js';
import { runSpif } from './spif-side.js';
import { loadFixtures, sqlToUnits, verdictKey, verdictsOf } from './fixtures.js';
import { firstItems } from '../helpers/items.js';
import { asRelationId } from '../../src/catalog/model.js';

const SAMPLE_SEED = 1;
const SAMPLE_CASES = 300;

let pg: PgOracle;
beforeAll(async () => {
  pg = await PgOracle.start();
});
afterAll(async () => {
  await pg?.close();
});

describe('access control oracle (spif vs PostgreSQL)', () => {
  it(`agrees with PostgreSQL on ${SAMPLE_CASES} generated cases (seed ${SAMPLE_SEED})`, async () => {
    let comparisons = 0;
    const problems: string[] = [];
    for (let i = 0; i < SAMPLE_CASES; i++) {
      const report = await runCase(pg, generateCase(SAMPLE_SEED, i).units);
      comparisons += report.comparisons;
      for (const d of report.disagreements) problems.push(`case ${i}: ${formatDisagreement(d)}\n${report.sql}`);
    }
    expect(problems).toEqual([]);
    // The sample must actually exercise something: thousands of (role, relation, column) verdicts.
    expect(comparisons).toBeGreaterThan(5_000);
  });

  it('the generated sample reaches functions, EXECUTE grants and revokes, partitions, inheritance and security_invoker views', async () => {
    const accepted = new Map<string, number>();
    let functionProbes = 0;
    for (let i = 0; i < 60; i++) {
      const result = await pg.run(generateCase(SAMPLE_SEED, i).units, { probePublic: true });
      for (const u of result.accepted) accepted.set(unitKind(u), (accepted.get(unitKind(u)) ?? 0) + 1);
      functionProbes += result.relations.filter((r) => r.kind === 'function').length;
    }
    const kinds = [
      'CREATE FUNCTION … SECURITY DEFINER',
      'CREATE FUNCTION',
      'CREATE FUNCTION (plpgsql)',
      'REVOKE EXECUTE ON FUNCTION … FROM PUBLIC',
      'GRANT EXECUTE ON FUNCTION',
      'ALTER FUNCTION SECURITY',
      'CREATE TABLE … PARTITION BY',
      'CREATE TABLE … PARTITION OF',
      'CREATE TABLE … INHERITS',
      'CREATE VIEW security_invoker',
    ];
    const count = (k: string) => (accepted.get(k) ?? 0) + (accepted.get(`${k} (by a non-superuser grantor)`) ?? 0);
    expect(kinds.filter((k) => count(k) === 0)).toEqual([]);
    expect(functionProbes).toBeGreaterThan(20);
  });

  it('the generated sample reaches every kind of outcome (reads, privilege denied, row security)', async () => {
    const kinds = new Set<string>();
    const errors: string[] = [];
    for (let i = 0; i < 40; i++) {
      const result = await pg.run(generateCase(SAMPLE_SEED, i).units, { probePublic: true });
      for (const o of result.outcomes.values()) {
        kinds.add(o.kind);
        if (o.kind === 'error') errors.push(o.message);
      }
    }
    expect([...kinds].filter((k) => k !== 'error').sort()).toEqual(['denied', 'no-rows', 'reads']);
    // The only errors are calls of generated functions whose body names a relation or column dropped
    // since (undefined_table / undefined_column): compare.ts leaves exactly those out.
    expect(errors.filter((m) => !/^42(P01|703) /.test(m))).toEqual([]);
  });
});

describe('statements PostgreSQL refuses', () => {
  it('a REVOKE without CASCADE while dependent grants exist changes nothing in spif either', async () => {
    const sql = `CREATE ROLE owner1 NOLOGIN;
CREATE ROLE lead NOLOGIN;
CREATE ROLE staff NOLOGIN;
GRANT CREATE ON SCHEMA public TO owner1;
SET ROLE owner1;
CREATE TABLE public.t (x integer);
GRANT SELECT ON public.t TO lead WITH GRANT OPTION;
RESET ROLE;
SET ROLE lead;
GRANT SELECT ON public.t TO staff;
RESET ROLE;
SET ROLE owner1;
REVOKE SELECT ON public.t FROM lead;
RESET ROLE;
`;
    const result = await pg.run(sqlToUnits(sql), { probePublic: true });
    expect(result.rejected.map((r) => r.error)).toEqual(['2BP01 dependent privileges exist']);
    const spif = await runSpif(sql);
    expect(spif.diagnostics.map((d) => d.code)).toContain('SPIF-SQL-REVOKE-RESTRICTED');
    for (const [key, reads] of Object.entries(verdictsOf(result))) {
      const [role, relation, column] = firstItems(key.split(' '), 3);
      expect([key, spif.resolver.canSelect(role, asRelationId(relation), column).allowed]).toEqual([key, reads]);
    }
  });
});

describe('named regression fixtures (fixtures/oracle)', () => {
  const fixtures = loadFixtures();
  it('there are fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(10);
  });
  for (const f of fixtures) {
    describe(f.name, () => {
      it('PostgreSQL still decides what the fixture records', async () => {
        const result = await pg.run(sqlToUnits(f.sql), { probePublic: true });
        expect(result.rejected).toEqual([]);
        expect(verdictsOf(result)).toEqual(f.expected.verdicts);
      });
      it('spif decides the same', async () => {
        const spif = await runSpif(f.sql, { postgresVersion: f.expected.postgresVersion });
        const mine: Record<string, boolean> = {};
        for (const key of Object.keys(f.expected.verdicts)) {
          const [role, relation, column] = firstItems(key.split(' '), 3);
          mine[verdictKey(role, relation, column)] = spif.resolver.canSelect(
            role,
            asRelationId(relation),
            column,
          ).allowed;
        }
        expect(mine).toEqual(f.expected.verdicts);
      });
    });
  }
});
