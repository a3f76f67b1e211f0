/**
 * Writing a report in pieces moves the progress line (issue 16: a 50,000-table JSON report takes
 * seconds to write): each batch written is passed on with the characters written so far, and the
 * file is the pieces joined, whatever the batching.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutput } from '../../src/cli/output.js';

describe('writeOutput in pieces', () => {
  it('reports each batch with the running total and writes the pieces joined', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-out-'));
    const file = path.join(dir, 'r.json');
    // 3.5 M characters in 350 pieces of 10,000: at least three batches of about 1 M each.
    const pieces = Array.from({ length: 350 }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(10_000));
    const seen: number[] = [];
    writeOutput(pieces, file, (n) => seen.push(n));
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    expect(Math.max(...seen)).toBeLessThanOrEqual(3_500_000);
    expect(fs.readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });
});
