/** The progress bar writes to a terminal only: never to a pipe or file, never in CI. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

/** A long scan: many updates spread over two seconds. */
function longScan(update: (stage: string, done: number, total: number) => void): void {
  for (let i = 1; i <= 100; i++) {
    vi.advanceTimersByTime(20);
    update('read', i, 100);
  }
}

describe('progress bar', () => {
  const ci = process.env.CI;
  afterEach(() => {
    vi.useRealTimers();
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('never writes when stderr is not a terminal', () => {
    vi.useFakeTimers();
    delete process.env.CI;
    const { stream, written } = fakeStream(false);
    const p = createProgress(stream);
    longScan(p.update);
    p.finish();
    expect(written).toEqual([]);
  });

  it('never writes in CI, even on a terminal', () => {
    vi.useFakeTimers();
    process.env.CI = 'true';
    const { stream, written } = fakeStream(true);
    const p = createProgress(stream);
    longScan(p.update);
    p.finish();
    expect(written).toEqual([]);
  });

  it('draws on a terminal for a long scan and clears the line at the end', () => {
    vi.useFakeTimers();
    delete process.env.CI;
    const { stream, written } = fakeStream(true);
    const p = createProgress(stream);
    longScan(p.update);
    p.finish();
    expect(written.length).toBeGreaterThan(3);
    expect(written.at(-2)).toContain('100/100');
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });
});
