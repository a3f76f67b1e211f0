/**
 * The JSON report in pieces (src/report/json.ts): the same bytes as JSON.stringify(…, null, 2),
 * never one string for the whole report (V8 caps a string at ~512 M characters, which a
 * 50,000-table estate's evidence passes), and written whole by the real bin to a file and a pipe.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/pipeline.js';
import { jsonPieces } from '../../src/report/json.js';
import { runBinSync } from '../helpers/bin.js';

const joined = (v: unknown) => [...jsonPieces(v)].join('');
const stringified = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

let result: ScanResult;
beforeAll(async () => {
  result = await scan({ paths: ['fixtures/insurer'] });
});

describe('JSON in pieces', () => {
  it('is byte for byte JSON.stringify(value, null, 2) on awkward values', () => {
    const cases: unknown[] = [
      {},
      [],
      null,
      'a\nb "quoted" 個人番号',
      42,
      { a: [], b: {}, c: [[], {}, [1, [2, { d: 'x\ny' }]]] },
      { skipped: undefined, fn: () => 1, kept: null, nan: NaN, neg: -0, date: new Date(0) },
      [undefined, () => 1, Symbol('s'), 1],
      { only: undefined },
      { nested: { deeper: { deepest: ['a', { b: 'c' }] } }, list: [{ x: { y: [1, 2] } }] },
      { toJSON: () => ({ replaced: [1, 2] }) },
      { key: { toJSON: () => 'as text' }, '改行\n': 1 },
      // Objects where the pieces stop (two levels down), empty and not, with their own keys' toJSON.
      { a: { b: { c: {}, d: [], e: { f: [1, { g: 'h\ni' }], at: { toJSON: (k: string) => `key ${k}` } } } } },
      [[{ x: [[]] }, []], [{}]],
    ];
    for (const c of cases) expect(joined(c)).toBe(stringified(c));
  });

  it('is the same text as before for the sample report, with no piece larger than one relation', () => {
    const pieces = [...jsonPieces(result.report)];
    expect(pieces.join('')).toBe(stringified(result.report));
    const largestRelation = Math.max(...result.report.relations.map((r) => JSON.stringify(r, null, 2).length));
    // Each relation is one piece (indented two levels deeper, so a little longer than alone).
    const longest = Math.max(...pieces.map((p) => p.length));
    expect(longest).toBeLessThan(largestRelation * 1.5);
    expect(longest).toBeLessThan(stringified(result.report).length / 4);
  });

  it('the real bin writes it whole to --out and to a pipe', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-json-pieces-'));
    const out = path.join(dir, 'report.json');
    const file = runBinSync(['scan', 'fixtures/insurer', '-f', 'json', '-o', out], process.cwd(), { LANG: 'C' });
    expect(file.status).toBe(0);
    const piped = runBinSync(
      ['scan', 'fixtures/insurer', '-f', 'json'],
      process.cwd(),
      { LANG: 'C' },
      { maxBuffer: 1 << 28 },
    );
    expect(piped.status).toBe(0);
    const written = fs.readFileSync(out, 'utf8');
    expect(written).toBe(piped.stdout);
    const parsed = JSON.parse(written) as { relations: { id: string }[] };
    expect(parsed.relations.map((r) => r.id)).toEqual(result.report.relations.map((r) => r.id));
    expect(written.endsWith('}\n')).toBe(true);
  });
});
