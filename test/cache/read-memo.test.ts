/**
 * `spif diff` parses a file the base and the head share once: the head takes the base's reader
 * result from a ReadMemo. Shared, not copied, so the stages after reading must never change an op
 * or a diagnostic: here every result the base scan makes is frozen (a write to a frozen object
 * throws in ES modules' strict mode), and the diff must equal one whose memo holds nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadMemo } from '../../src/cache/read-memo.js';
import type { ReadResult } from '../../src/catalog/read-result.js';
import { runDiffWithNames } from '../../src/gate/run-diff.js';
import { scan } from '../../src/pipeline.js';
import { TempRepo } from '../gate/repo.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const SAMPLE = path.join(FIXTURES, 'insurer');

function filesOf(dir: string, root = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesOf(full, root, out);
    else out[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return out;
}

function deepFreeze(x: unknown, seen = new Set<unknown>()): void {
  if (!x || typeof x !== 'object' || seen.has(x)) return;
  seen.add(x);
  for (const v of Object.values(x)) deepFreeze(v, seen);
  Object.freeze(x);
}

/** Freezes what it keeps, and counts what it hands over. */
class FrozenMemo extends ReadMemo {
  taken = 0;
  override put(key: string, result: ReadResult): void {
    deepFreeze(result);
    super.put(key, result);
  }
  override take(key: string): ReadResult | undefined {
    const r = super.take(key);
    if (r) this.taken++;
    return r;
  }
}

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

describe('ReadMemo: spif diff reads a file both sides share once', () => {
  it('gives the diff a memo-less run gives, on frozen results, and reuses every unchanged file', async () => {
    const files = filesOf(SAMPLE);
    const sqlFiles = Object.keys(files).filter((f) => f.endsWith('.sql'));
    expect(sqlFiles.length).toBeGreaterThan(5);
    const repo = new TempRepo(files);
    repos.push(repo);
    // A change the diff must see: one more table in one file.
    const grants = sqlFiles.find((f) => /grant/i.test(files[f]!) && f.includes('kyufu'))!;
    expect(grants).toBeDefined();
    repo.append(grants, '\nCREATE TABLE memo_probe (id int);\n');

    const none = new ReadMemo();
    none.seal(); // keeps nothing: every file is parsed on both sides
    const plain = await runDiffWithNames({ base: 'HEAD', cwd: repo.dir, lang: 'en', tuning: { memo: none } });
    const memo = new FrozenMemo();
    const shared = await runDiffWithNames({ base: 'HEAD', cwd: repo.dir, lang: 'en', tuning: { memo } });

    expect(shared.result).toEqual(plain.result);
    expect(shared.result.head.summary.relations).toBe(shared.result.base.summary.relations + 1);
    // Every SQL file but the changed one came from the base; the changed one's base result is left.
    expect(memo.taken).toBe(sqlFiles.length - 1);
    expect(memo.size).toBe(1);
  });

  it('hands a result over once, and only after it is sealed', () => {
    const memo = new ReadMemo();
    const r: ReadResult = { ops: [], diagnostics: [] };
    memo.put('k', r);
    expect(memo.take('k')).toBeUndefined(); // still filling
    memo.seal();
    memo.put('other', r); // ignored once sealed
    expect(memo.take('other')).toBeUndefined();
    expect(memo.take('k')).toBe(r);
    expect(memo.take('k')).toBeUndefined();
  });

  // While a memo fills, the scan that fills it already runs on the frozen results: every reader's
  // ops and diagnostics go through the catalog, detection, access, links and the report read-only.
  it.each([
    'insurer',
    'insurer-oracle',
    'insurer-sqlserver',
    'insurer-typeorm',
    'municipal-tax',
    'db2',
    'oracle-db',
    'vendor-ddl',
    'paths/audit-trigger',
    'paths/definer-function',
    'paths/foreign-table',
    'dumps/pg-clean',
    'dumps/mysqldump',
    'dumps/rails-app',
  ])('%s: the stages after reading never change a reader result', async (name) => {
    const dir = path.join(FIXTURES, name);
    const plain = await scan({ cwd: dir, jobs: 1 });
    const memo = new FrozenMemo();
    const frozen = await scan({ cwd: dir, jobs: 1, memo });
    expect(frozen.report).toEqual(plain.report);
    expect(memo.size).toBeGreaterThan(0);
  });
});
