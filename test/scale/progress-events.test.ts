/**
 * The progress line keeps moving through every long stage (issue 16): scan() reports each stage
 * in pipeline order, and the counted stages (files read, principals reached, principals whose
 * blocks are found) count up by one to their total. The event sequence is tested, not timing.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { nth } from '../../src/indexed.js';

const STAGES = ['read', 'catalog', 'detect', 'access', 'links', 'reach', 'blocks', 'report'];

describe('progress events', () => {
  it('every stage, in pipeline order, with the counted ones counting up to their total', async () => {
    const events: [string, number, number][] = [];
    await scan({ paths: ['fixtures/insurer'], onProgress: (stage, done, total) => events.push([stage, done, total]) });
    // Each stage once, as one run of events, in order.
    const runs = events.map(([s]) => s).filter((s, i, all) => i === 0 || all[i - 1] !== s);
    expect(runs).toEqual(STAGES);
    for (const stage of ['read', 'reach', 'blocks']) {
      const mine = events.filter(([s]) => s === stage);
      const total = nth(mine, 0)[2];
      expect(total, stage).toBeGreaterThan(0);
      expect(
        mine.every(([, , t]) => t === total),
        stage,
      ).toBe(true);
      // blocks starts at 0 (before the first principal), the others at 1.
      const first = stage === 'blocks' ? 0 : 1;
      expect(
        mine.map(([, d]) => d),
        stage,
      ).toEqual(Array.from({ length: total - first + 1 }, (_, i) => first + i));
    }
  });
});
