/**
 * Deep link graphs through the real bin: graph traversals are iterative (graph/algorithms.ts), so
 * a 20,000-table foreign-key chain is scanned instead of ending in "RangeError: Maximum call
 * stack size exceeded" (exit 70) — with no number (components), and with the number at one end
 * behind a column grant (every relation access-controlled; blocked evidence walks the whole chain).
 *
 * A 3,000-deep stack of views (`SELECT *` on the one below) is scanned too: view columns join
 * through one lineage hub per base column (graph/links.ts), not a copy of every link (n² edges),
 * and the access rewrite memoises each view's checks (access/resolver.ts). Before, it did not
 * finish in 29 minutes. The test asserts the verdicts, not a time (docs/performance.md has those).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { viewStackSql } from '../../bench/generate.js';
import { BIN as bin } from '../helpers/bin.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function estate(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-deep-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** t0 ← t1 ← … ← t(n−1), each referencing the one before. */
function chain(n: number, number: boolean): string {
  const lines = [`CREATE TABLE t0 (id integer PRIMARY KEY${number ? ', kojin_bango char(12)' : ''});`];
  for (let i = 1; i < n; i++)
    lines.push(`CREATE TABLE t${i} (id integer PRIMARY KEY, prev integer REFERENCES t${i - 1} (id));`);
  return `${lines.join('\n')}\n`;
}

const N = 20_000;

describe('a 20,000-table foreign-key chain', () => {
  it('is scanned (no stack overflow) when nothing holds the number', () => {
    const dir = estate({ 'schema.sql': chain(N, false) });
    const run = spawnSync(process.execPath, [bin, 'scan', '--format', 'json', '--out', 'report.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.summary).toMatchObject({ relations: N, specific: 0 });
    expect(report.relations.every((r) => r.basis === 'unlinked')).toBe(true);
  }, 120_000);

  it('explains the block at the far end for every relation of the chain', () => {
    const grants = ['CREATE ROLE app LOGIN;', 'GRANT SELECT (id) ON t0 TO app;'];
    for (let i = 1; i < N; i++) grants.push(`GRANT SELECT ON t${i} TO app;`);
    const dir = estate({ '01_schema.sql': chain(N, true), '02_grants.sql': `${grants.join('\n')}\n` });
    execFileSync(process.execPath, [bin, 'scan', '--format', 'json', '--out', 'report.json'], { cwd: dir });
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.summary).toMatchObject({ relations: N, specific: 1 });
    const last = report.relations.find((r) => r.id === `default.public.t${N - 1}`)!;
    expect(last.basis).toBe('access-controlled');
    expect(last.blocked).toEqual([
      expect.objectContaining({
        principal: 'app',
        control: 'no-column-privilege',
        at: 'default.public.t0.kojin_bango',
      }),
    ]);
    expect(report.relations.filter((r) => r.basis === 'access-controlled')).toHaveLength(N - 1);
  }, 120_000);
});

const DEPTH = 3_000;

function scanJson(dir: string): Report {
  const run = spawnSync(process.execPath, [bin, 'scan', '--format', 'json', '--out', 'report.json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(run.stderr).not.toContain('internal error');
  expect(run.status).toBe(0);
  return JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
}

describe('a 3,000-deep stack of views', () => {
  it('reaches the number from the top view in one join, through its base column’s foreign key', () => {
    const report = scanJson(estate({ 'schema.sql': viewStackSql(DEPTH, true) }));
    expect(report.summary).toMatchObject({ relations: DEPTH + 2, specific: 2 });
    const top = report.relations.find((r) => r.id === `default.public.v${DEPTH}`)!;
    expect(top.basis).toBe('reachable');
    expect(top.reachable).toEqual([
      {
        principal: 'app',
        numberColumn: 'default.public.holder.kojin_bango',
        path: [{ from: `default.public.v${DEPTH}.id`, to: 'default.public.holder.t0_id', via: 'foreign-key' }],
      },
    ]);
    // The views below the top are read by nobody: linked, not reachable.
    expect(report.relations.find((r) => r.id === 'default.public.v1')!.basis).not.toBe('reachable');
  }, 120_000);

  it('names each principal’s block at the number when neither may read it', () => {
    const report = scanJson(estate({ 'schema.sql': viewStackSql(DEPTH, false) }));
    expect(report.summary).toMatchObject({ relations: DEPTH + 2, specific: 1 });
    const top = report.relations.find((r) => r.id === `default.public.v${DEPTH}`)!;
    expect(top.basis).toBe('access-controlled');
    expect(top.blocked.map((b) => [b.principal, b.control, b.at])).toEqual([
      ['app', 'no-table-privilege', 'default.public.holder'],
      ['clerk', 'no-column-privilege', 'default.public.holder.kojin_bango'],
    ]);
  }, 120_000);
});
