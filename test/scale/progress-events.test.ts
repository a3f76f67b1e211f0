/**
 * The progress line keeps moving through every long stage (issue 16): scan() reports each stage
 * in pipeline order, and every stage with a count (ops applied, relations looked at, link kinds
 * added, principals reached, (principal, relation) pairs walked, relations decided and reported)
 * counts up to its total. The event sequence is tested, not timing (timing: `npm run bench`).
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { STAGES } from '../../src/cli/progress.js';
import { counter } from '../../src/progress-tick.js';
import { nth } from '../../src/indexed.js';

const COUNTED = ['read', 'catalog', 'detect', 'links', 'reach', 'blocks', 'decide', 'report'];

describe('progress events', () => {
  it('every stage, in pipeline order, with the counted ones counting up to their total', async () => {
    const events: [string, number, number][] = [];
    await scan({ paths: ['fixtures/insurer'], onProgress: (stage, done, total) => events.push([stage, done, total]) });
    // Each stage once, as one run of events, in order.
    const runs = events.map(([s]) => s).filter((s, i, all) => i === 0 || all[i - 1] !== s);
    expect(runs).toEqual([...STAGES]);
    for (const stage of COUNTED) {
      // A stage may be announced before its count is known (total 0); from its first count on, one total.
      const mine = events.filter(([s, , t]) => s === stage && t > 0);
      expect(mine.length, stage).toBeGreaterThan(1);
      const total = nth(mine, 0)[2];
      expect(
        mine.every(([, , t]) => t === total),
        stage,
      ).toBe(true);
      const counts = mine.map(([, d]) => d);
      expect(counts, stage).toEqual([...counts].sort((a, b) => a - b));
      expect(nth(counts, counts.length - 1), stage).toBe(total);
    }
  });
});

describe('counter', () => {
  it('passes on the start, every n-th unit and the last, and nothing without a listener', () => {
    const seen: [number, number][] = [];
    const step = counter(2500, (d, t) => seen.push([d, t]), 1000);
    for (let i = 1; i <= 2500; i++) step(i);
    expect(seen).toEqual([
      [0, 2500],
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    expect(() => counter(10, undefined)(3)).not.toThrow();
  });
});
