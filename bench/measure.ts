/**
 * One measurement in a fresh process (so peak memory is this scan's own):
 *   scan <dir> [--jobs N] [--cache DIR]   end-to-end spif scan, split into parse and analysis
 *   parser <dir>                          libpg-query alone on the same files, one core
 *   read <dir> [--jobs N] [--min-bytes B] spif's file reading alone (decode, parse, ops): tunes the pool
 *   diff <dir> --base REF [--jobs N]      `spif diff --base REF` (dir is a git work tree)
 * Prints one JSON line on stdout. Run by bench/run.ts; imports the built dist/, as users run it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { globSync } from 'tinyglobby';
import { nth } from '../src/indexed.js';

type Mode = 'scan' | 'parser' | 'read' | 'diff';

async function measureScan(
  dir: string,
  jobs: number | undefined,
  cache: string | undefined,
): Promise<Record<string, number>> {
  const built = '../dist/pipeline.js';
  const { scan } = (await import(built)) as typeof import('../src/pipeline.js');
  const start = performance.now();
  let parsed = 0;
  // The longest time without a progress event: how long the progress line can stand still.
  let lastEvent = start;
  let silentMs = 0;
  const result = await scan({
    paths: [dir],
    cwd: dir,
    jobs,
    cacheDir: cache,
    onProgress: (stage: string) => {
      const now = performance.now();
      silentMs = Math.max(silentMs, now - lastEvent);
      lastEvent = now;
      // The first stage after reading the files (catalog) marks the end of parsing.
      if (stage !== 'read' && !parsed) parsed = now;
    },
  });
  const end = performance.now();
  silentMs = Math.max(silentMs, end - lastEvent);
  return {
    parseMs: parsed - start,
    analysisMs: end - parsed,
    totalMs: end - start,
    silentMs,
    relations: result.report.summary.relations,
    specific: result.report.summary.specific,
    warnings: result.report.summary.warnings,
    principals: result.principals.principals.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** PostgreSQL's parser alone: read each file and parseSync it whole (what the reader's fast path does first). */
async function measureParser(dir: string): Promise<Record<string, number>> {
  const { loadModule, parseSync } = await import('libpg-query');
  await loadModule();
  const files = globSync('db/**/*.sql', { cwd: dir, absolute: true }).sort();
  const start = performance.now();
  let statements = 0;
  for (const f of files) {
    const tree = parseSync(fs.readFileSync(f, 'utf8')) as { stmts?: unknown[] };
    statements += tree.stmts?.length ?? 0;
  }
  const end = performance.now();
  return { parserMs: end - start, statements, files: files.length, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** spif's reading stage alone, all files as one database: for choosing PARALLEL_MIN_BYTES. */
async function measureRead(
  dir: string,
  jobs: number | undefined,
  minBytes: number | undefined,
): Promise<Record<string, number>> {
  const built = '../dist/sources/parallel.js';
  const { readDatabaseFiles } = (await import(built)) as typeof import('../src/sources/parallel.js');
  const files = globSync('db/**/*.sql', { cwd: dir, absolute: true }).sort();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { results, stats } = await readDatabaseFiles([{ database: 'bench', dialect: 'postgresql', files }], {
    cwd: dir,
    readBytes: (p) => fs.readFileSync(p),
    jobs,
    parallelMinBytes: minBytes,
  });
  const end = performance.now();
  const used = process.cpuUsage(cpu);
  return {
    readMs: end - start,
    mainThreadCpuMs: (used.user + used.system) / 1000,
    ops: nth(results, 0).ops.length,
    workers: stats.workers,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** `spif diff --base REF` end to end: the base scanned from git objects, then the work tree. */
async function measureDiff(dir: string, base: string, jobs: number | undefined): Promise<Record<string, number>> {
  const built = '../dist/gate/run-diff.js';
  const { runDiffWithNames } = (await import(built)) as typeof import('../src/gate/run-diff.js');
  const start = performance.now();
  const { result } = await runDiffWithNames({ base, cwd: dir, tuning: { jobs } });
  const end = performance.now();
  return { totalMs: end - start, changes: result.changes.length, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function main(): Promise<void> {
  const [mode, dirArg, ...rest] = process.argv.slice(2) as [Mode, string, ...string[]];
  const dir = path.resolve(dirArg);
  const opt = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const num = (name: string) => (opt(name) !== undefined ? Number(opt(name)) : undefined);
  const out =
    mode === 'parser'
      ? await measureParser(dir)
      : mode === 'read'
        ? await measureRead(dir, num('jobs'), num('min-bytes'))
        : mode === 'diff'
          ? await measureDiff(dir, opt('base') ?? 'HEAD', num('jobs'))
          : await measureScan(dir, num('jobs'), opt('cache'));
  process.stdout.write(JSON.stringify(out) + '\n');
}

await main();
