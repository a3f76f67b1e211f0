/**
 * A fixed-seed sample of `npm run fuzz`: every target (each SQL reader, each ORM reader, the config
 * loader) on the same generated hostile inputs every run, plus two hostile trees through the real
 * bin. `npm run fuzz -- --runs 100000` runs the same properties on many more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runTree, treeArbitrary } from './cli-sample.js';
import { fuzzTarget } from './run.js';
import { TARGETS } from './targets.js';

const SEED = 20251125;
const RUNS = 150;

describe.each(TARGETS.map((t) => [t.name, t] as const))('fuzz %s', (_name, target) => {
  it(`${RUNS} inputs: no exception, well-formed located diagnostics, time in proportion to size`, async () => {
    const summary = await fuzzTarget(target, RUNS, SEED);
    expect(summary.runs).toBe(RUNS);
    expect(summary.failures.map((f) => f.problems)).toEqual([]);
  });
});

describe('fuzz the bin', () => {
  it('hostile trees: exit 0, 1 or 2, no internal error, no stack trace', () => {
    for (const tree of fc.sample(treeArbitrary(), { numRuns: 2, seed: SEED })) {
      const r = runTree(tree);
      expect(r.problems, r.stderr.slice(0, 2000)).toEqual([]);
    }
  });
});
