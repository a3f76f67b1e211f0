/**
 * `--sample N` against a real PostgreSQL (PGlite over the wire protocol), through the real bin:
 * candidate columns are sampled in the read-only transaction, counts settle them (rule
 * data-check-digit), and no value appears in any output.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKojinBango } from '../../src/detect/check-digit.js';
import { closeTemplate, startPgliteServer, type TestServer } from './pglite-server.js';
import { BIN as bin } from '../helpers/bin.js';

const run = promisify(execFile);

/** Synthetic 12-digit numbers with a valid check digit (found by trying the last digit). */
function validNumbers(count: number): string[] {
  const out: string[] = [];
  for (let base = 31415926535; out.length < count; base += 7919) {
    for (let d = 0; d <= 9; d++) {
      const n = `${base}${d}`;
      if (isKojinBango(n)) {
        out.push(n);
        break;
      }
    }
  }
  return out;
}

const numbers = validNumbers(5);
const DDL = `
CREATE TABLE m_kojin (shain_no varchar(8) PRIMARY KEY, kojin_no varchar(20), naibu_kojin_bango varchar(15));
INSERT INTO m_kojin VALUES ${numbers.map((n, i) => `('S${i}', '${n}', '${String(100000000000000 + i)}')`).join(', ')};
`;

let server: TestServer;
beforeAll(async () => {
  server = await startPgliteServer(DDL);
});
afterAll(async () => {
  await server?.stop();
  await closeTemplate();
});

async function scanJson(args: string[]) {
  const r = await run(process.execPath, [bin, 'scan', server.url, '--format', 'json', ...args]).catch(
    (e: { stdout: string; stderr: string }) => e,
  );
  return { report: JSON.parse(r.stdout), stdout: r.stdout, stderr: r.stderr };
}

describe('--sample N on a live server', () => {
  it('without --sample, the abbreviation stays a candidate; with it, valid check digits make it a number column', async () => {
    const before = await scanJson([]);
    expect(before.report.relations[0].candidates.map((c: { column: string }) => c.column)).toEqual([
      'kojin_no',
      'naibu_kojin_bango',
    ]);
    const after = await scanJson(['--sample', '10']);
    const rel = after.report.relations[0];
    expect(rel.numberColumns).toEqual([
      expect.objectContaining({
        column: 'kojin_no',
        rule: 'data-check-digit',
        evidence: expect.stringContaining('5 of 5 values are 12-digit numbers with a valid 個人番号 check digit'),
      }),
    ]);
    // 15-digit internal numbers: no check-digit evidence either way, so it stays a candidate.
    expect(rel.candidates).toEqual([
      expect.objectContaining({ column: 'naibu_kojin_bango', rule: 'name-naibu-kojin-bango' }),
    ]);
    for (const n of numbers) {
      expect(after.stdout.includes(n)).toBe(false);
      expect(after.stderr.includes(n)).toBe(false);
    }
    const text = await run(process.execPath, [bin, 'scan', server.url, '--sample', '10']);
    for (const n of numbers) expect(text.stdout.includes(n)).toBe(false);
  });

  it('reads at most N rows per column: 2 of 5 rows are too few to rule out chance (a candidate)', async () => {
    const { report } = await scanJson(['--sample', '2']);
    expect(report.relations[0].candidates).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'kojin_no', rule: 'name-abbreviation' })]),
    );
    expect(report.relations[0].numberColumns).toEqual([]);
  });

  it('rejects a --sample that is not a positive whole number (exit 2)', async () => {
    const r = await run(process.execPath, [bin, 'scan', server.url, '--sample', 'many']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((r as { code: number }).code).toBe(2);
    expect((r as { stderr: string }).stderr).toContain('--sample many: expected a whole number of rows, 1 or more');
  });
});
