/**
 * Named regression fixtures of the oracle: `fixtures/oracle/<name>.sql` (the statements, one per
 * line, all accepted by PostgreSQL) and `<name>.expected.json` (PostgreSQL's verdict for every
 * (role, relation, column), recorded from PGlite when the fixture was written).
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLIC_PROBE_ROLE, probeKey, type PgCaseResult } from './pg-runner.js';
import { pgReads } from './compare.js';
import type { Unit } from './generator.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/oracle/', import.meta.url));

export interface ExpectedVerdicts {
  /** What the fixture pins, in a sentence. */
  description: string;
  postgresVersion?: number;
  /** `role relation column` (relation as `default.schema.name`, role `PUBLIC` for PUBLIC) → reads? */
  verdicts: Record<string, boolean>;
}

export interface Fixture {
  name: string;
  sql: string;
  expected: ExpectedVerdicts;
}

export function verdictKey(role: string, relation: string, column: string): string {
  return `${role} ${relation} ${column}`;
}

/** The fixture SQL as units: one statement per unit, except a SET ROLE … RESET ROLE block is one unit. */
export function sqlToUnits(sql: string): Unit[] {
  const statements = sql
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('--'))
    .map((l) => l.replace(/;$/, ''));
  const units: Unit[] = [];
  let open: Unit | null = null;
  for (const s of statements) {
    if (/^SET ROLE /i.test(s)) {
      open = [s];
      continue;
    }
    if (open) {
      open.push(s);
      if (/^RESET ROLE$/i.test(s)) {
        units.push(open);
        open = null;
      }
      continue;
    }
    units.push([s]);
  }
  if (open) units.push(open);
  return units;
}

export function verdictsOf(result: PgCaseResult): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const role of result.roles) {
    for (const rel of result.relations) {
      for (const column of rel.columns) {
        const o = result.outcomes.get(probeKey(role, `${rel.schema}.${rel.name}`, column));
        if (!o || o.kind === 'error') continue;
        out[verdictKey(role === PUBLIC_PROBE_ROLE ? 'PUBLIC' : role, `default.${rel.schema}.${rel.name}`, column)] =
          pgReads(o);
      }
    }
  }
  return out;
}

export function loadFixtures(): Fixture[] {
  if (!existsSync(FIXTURE_DIR)) return [];
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.sql$/, '');
      return {
        name,
        sql: readFileSync(join(FIXTURE_DIR, f), 'utf8'),
        expected: JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.expected.json`), 'utf8')) as ExpectedVerdicts,
      };
    });
}

export function writeFixture(name: string, header: string, sql: string, expected: ExpectedVerdicts): void {
  const comment = header
    .split('\n')
    .map((l) => `-- ${l}`)
    .join('\n');
  writeFileSync(join(FIXTURE_DIR, `${name}.sql`), `${comment}\n${sql}`);
  writeFileSync(join(FIXTURE_DIR, `${name}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
}
