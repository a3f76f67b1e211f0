/**
 * The pipeline's safety net and per-file limits: an exception that escapes a reader becomes a
 * located diagnostic and the scan goes on; a file over limits.maxFileBytes is refused before it is
 * loaded; a file that takes longer than the time limit in a worker is stopped and reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { READER_FAILED, SOURCE_TOO_DEEP, readGuarded, readProjectGuarded } from '../../src/sources/guard.js';
import { DEFAULT_MAX_FILE_BYTES, SOURCE_TIMEOUT, SOURCE_TOO_LARGE } from '../../src/sources/limits.js';
import { readDatabaseFiles } from '../../src/sources/parallel.js';
import type { SourceReader } from '../../src/sources/types.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { drizzleReader } from '../../src/sources/drizzle/reader.js';
import { scan } from '../../src/pipeline.js';
import { nth } from '../../src/indexed.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-limits-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A reader with a bug: the input is "a reader that throws", the guard is under test. */
/** What the buggy reader says of a file it read: a test-only code, deliberately not registered. */
const ok = (file: string) => ({ severity: 'info', code: 'SPIF-OK', message: 'read', file }) as unknown as Diagnostic;
const buggy = (e: unknown): SourceReader => ({
  name: 'buggy',
  accepts: () => true,
  read: () => {
    throw e;
  },
  readProject: (sources) => {
    if (sources.some((s) => s.text.includes('boom'))) throw e;
    return { ops: [], diagnostics: [ok(nth(sources, 0).path)] };
  },
});

const deepDrizzle = `import { pgTable, text } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', { a: text('a') });\nconst x = ${'('.repeat(20000)}1${')'.repeat(20000)};\n`;

describe('a reader that throws', () => {
  it('becomes SPIF-READER-FAILED on the file, at 1:1, naming the exception and no stack', async () => {
    const r = await readGuarded(
      buggy(new TypeError("Cannot read properties of undefined (reading 'x')")),
      { path: 'a.sql', text: '' },
      { dialect: 'postgresql' },
    );
    expect(r.ops).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: READER_FAILED, file: 'a.sql', line: 1, column: 1 }),
    ]);
    expect(nth(r.diagnostics, 0).message).toContain("TypeError: Cannot read properties of undefined (reading 'x')");
    expect(nth(r.diagnostics, 0).message).not.toMatch(/\n\s+at /);
  });

  it('stack exhaustion is SPIF-SOURCE-TOO-DEEP', async () => {
    const r = await readGuarded(
      buggy(new RangeError('Maximum call stack size exceeded')),
      { path: 'a.sql', text: '' },
      { dialect: 'postgresql' },
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual([SOURCE_TOO_DEEP]);
  });

  it('in a batch, only the failing file is lost; the others are still read', async () => {
    const r = await readProjectGuarded(
      buggy(new Error('bad')),
      [
        { path: 'a.ts', text: 'fine' },
        { path: 'b.ts', text: 'boom' },
        { path: 'c.ts', text: 'fine' },
      ],
      { dialect: 'postgresql' },
    );
    expect(r.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      'a.ts SPIF-OK',
      'b.ts SPIF-READER-FAILED',
      'c.ts SPIF-OK',
    ]);
  });

  it('the real Drizzle reader on 20 000 nested parentheses: the TypeScript parser runs out of stack, reported', async () => {
    const r = await readProjectGuarded(drizzleReader, [{ path: 'deep.ts', text: deepDrizzle }], {
      dialect: 'postgresql',
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual([SOURCE_TOO_DEEP]);
  });

  it('a full scan with such a file finishes, reports it and reads the other files', async () => {
    const dir = path.join(tmp, 'deep');
    fs.mkdirSync(path.join(dir, 'db'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'deep.ts'), deepDrizzle);
    fs.writeFileSync(path.join(dir, 'db/001.sql'), 'CREATE TABLE bango (kojin_bango char(12));\n');
    const { report } = await scan({ paths: [dir], cwd: dir, jobs: 1 });
    expect(report.diagnostics.filter((d) => d.code === SOURCE_TOO_DEEP).map((d) => d.file)).toEqual(['deep.ts']);
    expect(report.relations.map((r) => r.id)).toContain('default.public.bango');
  });
});

describe('limits.maxFileBytes', () => {
  it('defaults to 64 MiB', () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(64 * 1024 * 1024);
  });

  it('a file over the limit is reported and not read; the scan goes on', async () => {
    const dir = path.join(tmp, 'big');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'spif.config.yaml'), 'version: 1\nlimits:\n  maxFileBytes: 1000\n');
    fs.writeFileSync(
      path.join(dir, 'big.sql'),
      `CREATE TABLE big (kojin_bango char(12));\n${'-- padding\n'.repeat(200)}`,
    );
    fs.writeFileSync(path.join(dir, 'small.sql'), 'CREATE TABLE small (a int);\n');
    const { report } = await scan({ paths: [dir], cwd: dir, jobs: 1 });
    const d = report.diagnostics.find((x) => x.code === SOURCE_TOO_LARGE);
    expect(d).toMatchObject({ severity: 'error', file: 'big.sql' });
    expect(d!.message).toMatch(/^2\d\d\d bytes is over limits\.maxFileBytes \(1000\); file not read/);
    expect(report.relations.map((r) => r.id)).toEqual(['default.public.small']);
  });
});

describe('per-file time limit (reading workers)', () => {
  // The slow file is ~12 MB of DDL (well over 3 s to parse); the small one reads in milliseconds
  // once its worker has started.
  it('a file that takes longer is stopped and reported as SPIF-SOURCE-TIMEOUT; the next file is still read', async () => {
    const big = path.join(tmp, 'slow.sql');
    const stmt = (i: number) => `CREATE TABLE t${i} (id int PRIMARY KEY, kojin_bango char(12));\n`;
    fs.writeFileSync(big, Array.from({ length: 200_000 }, (_, i) => stmt(i)).join(''));
    const small = path.join(tmp, 'small.sql');
    fs.writeFileSync(small, 'CREATE TABLE s (a int);\n');
    const { results, stats } = await readDatabaseFiles(
      [{ database: 'd', dialect: 'postgresql', files: [big, small] }],
      { cwd: tmp, readBytes: (p) => fs.readFileSync(p), jobs: 2, fileTimeoutMs: 3000 },
    );
    expect(stats.workers).toBeGreaterThan(0);
    expect(nth(results, 0).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: SOURCE_TIMEOUT, file: 'slow.sql' }),
    ]);
    expect(nth(nth(results, 0).diagnostics, 0).message).toBe(
      'reading took longer than 3 s and was stopped; file not read',
    );
    expect(nth(results, 0).ops).toEqual([expect.objectContaining({ op: 'create-table' })]);
  });
});
