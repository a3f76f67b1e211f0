/**
 * Progress that tells the truth (issue 19.7): every stage of a scan is announced as it starts, the
 * stages with a count move with it, and the line shows the time elapsed, in the user's language.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { STAGES, createProgress, progressLine } from '../../src/cli/progress.js';
import { nth } from '../../src/indexed.js';

describe('the stages a scan reports', () => {
  it('come in pipeline order, each announced before it runs, and reach/blocks count up to their total', async () => {
    const events: [string, number, number][] = [];
    await scan({ paths: ['fixtures/insurer'], jobs: 1, onProgress: (s, d, t) => events.push([s, d, t]) });
    const order = [...new Set(events.map((e) => e[0]))];
    expect(order).toEqual([...STAGES]);
    for (const stage of ['read', 'reach', 'blocks']) {
      const counts = events.filter((e) => e[0] === stage);
      expect(counts.length, stage).toBeGreaterThan(1);
      const last = nth(counts, counts.length - 1);
      expect(nth(last, 1), stage).toBe(nth(last, 2));
      expect(
        counts.map((c) => c[1]),
        stage,
      ).toEqual([...counts.map((c) => c[1])].sort((a, b) => a - b));
    }
    // A stage never shows as finished while a later one runs: the last event is the report stage.
    expect(nth(events, events.length - 1)[0]).toBe('report');
  });
});

describe('the progress line', () => {
  it('names the stage in Japanese or English, with a bar only when there is a count, and the elapsed time', () => {
    expect(progressLine('ja', 'blocks', 3, 12, 12_345, 2_100)).toBe(
      '遮断箇所の特定 ██████░░░░░░░░░░░░░░░░░░ 3/12  経過 12.3 秒（この段階 2.1 秒）',
    );
    expect(progressLine('en', 'catalog', 0, 0, 20_000, 19_500)).toBe(
      'building the catalog …  20.0 s (this stage 19.5 s)',
    );
  });

  it('writes to a terminal only, redraws when a stage starts, and clears itself', () => {
    let clock = 0;
    const out: string[] = [];
    const stream = { write: (s: string) => out.push(s) > 0, isTTY: true };
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      const p = createProgress(stream, { lang: 'en', now: () => clock });
      p.update('read', 1, 10);
      clock = 600;
      p.update('read', 2, 10);
      clock = 650; // within 100 ms, but a new stage: drawn
      p.update('catalog', 0, 0);
      clock = 660;
      p.update('catalog', 0, 0); // same stage within 100 ms: not drawn
      p.finish();
      expect(out.map((s) => s.replaceAll('\r\x1b[2K', ''))).toEqual([
        `reading files ${'█'.repeat(5)}${'░'.repeat(19)} 2/10  0.6 s (this stage 0.6 s)`,
        'building the catalog …  0.7 s (this stage 0.0 s)',
        '',
      ]);
      const quiet: string[] = [];
      createProgress({ write: (s: string) => quiet.push(s) > 0, isTTY: false }, { now: () => 10_000 }).update(
        'read',
        1,
        2,
      );
      expect(quiet).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
  });
});
