/**
 * `npm run test:oracle -- --cases N [--seed S] [--postgres-version V] [--minimize K] [--fixture-prefix P]`
 *
 * Runs N generated access-control cases against a real PostgreSQL (PGlite) and spif, and prints
 * `cases: N, comparisons: M, disagreements: K` with the details of every disagreement. Exit 1 if
 * any. `--minimize K` shrinks the first K disagreeing cases to the statements that still disagree
 * and prints them; with `--fixture-prefix P` they are also written as fixtures/oracle/P-<n>.sql.
 * `--record-fixtures` records PostgreSQL's verdicts for every fixtures/oracle/*.sql that has no
 * .expected.json yet (a hand-written fixture), then exits.
 */
import { Command } from 'commander';
import { PgOracle } from '../test/oracle/pg-runner.js';
import { generateCase, unitKind, type Unit } from '../test/oracle/generator.js';
import { formatDisagreement, runCase, type CaseReport } from '../test/oracle/compare.js';
import { unitsToSql } from '../test/oracle/spif-side.js';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, sqlToUnits, verdictsOf, writeFixture } from '../test/oracle/fixtures.js';
import { nth } from '../src/indexed.js';

const program = new Command()
  .name('test:oracle')
  .option('--cases <n>', 'number of generated cases', '1000')
  .option('--seed <s>', 'base seed (case i uses its own seed derived from it)', '1')
  .option('--postgres-version <v>', 'spif resolver semantics (PGlite is PostgreSQL 18)', '16')
  .option('--minimize <k>', 'shrink the first k disagreeing cases', '0')
  .option('--fixture-prefix <p>', 'write the minimized cases as fixtures/oracle/<p>-<n>.sql')
  .option('--quiet', 'print only the summary and the disagreements')
  .option('--record-fixtures', 'record expected verdicts of hand-written fixtures, then exit')
  .option('--coverage', 'print, per statement kind, how many generated units PostgreSQL accepted and rejected')
  .parse(process.argv);

const opts = program.opts<{
  cases: string;
  seed: string;
  postgresVersion: string;
  minimize: string;
  fixturePrefix?: string;
  quiet?: boolean;
  recordFixtures?: boolean;
  coverage?: boolean;
}>();
const cases = Number(opts.cases);
const seed = Number(opts.seed);
const postgresVersion = Number(opts.postgresVersion);
const minimizeCount = Number(opts.minimize);

const started = Date.now();
const pg = await PgOracle.start();
if (opts.recordFixtures) {
  for (const file of readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const expectedFile = join(FIXTURE_DIR, file.replace(/\.sql$/, '.expected.json'));
    if (existsSync(expectedFile)) continue;
    const sql = readFileSync(join(FIXTURE_DIR, file), 'utf8');
    const result = await pg.run(sqlToUnits(sql), { probePublic: true });
    if (result.rejected.length) {
      console.log(
        `${file}: PostgreSQL rejects ${result.rejected.map((r) => `${r.unit.join('; ')} (${r.error})`).join(', ')}`,
      );
      continue;
    }
    const description = nth(sql.split('\n'), 0).replace(/^--\s*/, '');
    writeFileSync(expectedFile, JSON.stringify({ description, verdicts: verdictsOf(result) }, null, 2) + '\n');
    console.log(`${file}: recorded ${Object.keys(verdictsOf(result)).length} verdicts`);
  }
  await pg.close();
  process.exit(0);
}
let comparisons = 0;
let disagreements = 0;
let rejected = 0;
const failing: { i: number; units: Unit[]; report: CaseReport }[] = [];
const coverage = new Map<string, { accepted: number; rejected: number }>();
const count = (unit: Unit, key: 'accepted' | 'rejected') => {
  const k = unitKind(unit);
  const c = coverage.get(k) ?? { accepted: 0, rejected: 0 };
  c[key]++;
  coverage.set(k, c);
};
for (let i = 0; i < cases; i++) {
  const c = generateCase(seed, i);
  const report = await runCase(pg, c.units, { postgresVersion });
  comparisons += report.comparisons;
  rejected += report.rejectedUnits;
  if (opts.coverage) {
    for (const u of report.accepted) count(u, 'accepted');
    for (const u of report.rejected) count(u, 'rejected');
  }
  if (report.disagreements.length) {
    disagreements += report.disagreements.length;
    failing.push({ i, units: c.units, report });
    console.log(`\n# case ${i} (seed ${seed}): ${report.disagreements.length} disagreement(s)`);
    for (const d of report.disagreements) console.log(`  ${formatDisagreement(d)}`);
    if (!opts.quiet) console.log(report.sql.replace(/^/gm, '    '));
  }
  if (!opts.quiet && (i + 1) % 1000 === 0)
    console.error(`… ${i + 1} cases, ${disagreements} disagreements, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

for (const [n, f] of failing.slice(0, minimizeCount).entries()) {
  const units = await minimize(f.units);
  const result = await pg.run(units, { probePublic: true });
  const report = await runCase(pg, units, { postgresVersion });
  console.log(`\n# case ${f.i} minimized to ${units.length} unit(s):`);
  console.log(report.sql.replace(/^/gm, '    '));
  for (const d of report.disagreements) console.log(`  ${formatDisagreement(d)}`);
  if (opts.fixturePrefix) {
    const name = `${opts.fixturePrefix}-${n + 1}`;
    writeFixture(
      name,
      `Found by the oracle: seed ${seed}, case ${f.i} (minimized).\n${report.disagreements.map(formatDisagreement).join('\n')}`,
      unitsToSql(result.accepted),
      { description: `oracle seed ${seed} case ${f.i}`, verdicts: verdictsOf(result) },
    );
    console.log(`  written fixtures/oracle/${name}.sql`);
  }
}

await pg.close();
if (opts.coverage) {
  console.log('\nstatement kind: accepted / rejected by PostgreSQL');
  for (const [k, c] of [...coverage].sort((a, b) => a[0].localeCompare(b[0])))
    console.log(`  ${k}: ${c.accepted} / ${c.rejected}`);
}
console.log(`\ncases: ${cases}, comparisons: ${comparisons}, disagreements: ${disagreements}`);
console.log(
  `(${failing.length} disagreeing case(s); ${rejected} unit(s) rejected by PostgreSQL and not given to spif; seed ${seed}; spif as PostgreSQL ${postgresVersion}; ${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
process.exit(disagreements ? 1 : 0);

/** Greedy delta debugging: drop units (largest chunks first) while a disagreement remains. */
async function minimize(units: Unit[]): Promise<Unit[]> {
  const disagrees = async (us: Unit[]) => {
    const r = await pg.run(us, { probePublic: true });
    if (r.rejected.length) return false; // keep the case valid: every unit accepted
    return (await runCase(pg, us, { postgresVersion })).disagreements.length > 0;
  };
  let current = (await pg.run(units, { probePublic: true })).accepted;
  for (let chunk = Math.max(1, Math.floor(current.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let start = current.length - chunk; start >= 0; start -= 1) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (await disagrees(candidate)) {
        current = candidate;
        start = Math.min(start, current.length - chunk + 1);
      }
    }
  }
  return current;
}
