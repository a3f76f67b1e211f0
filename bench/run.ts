/**
 * `npm run bench [-- --sizes 1000,10000,50000] [--jobs N] [--seed S] [--cache] [--views] [--diff]`
 *
 * For each size: generate the estate (bench/generate.ts, deterministic; reused while the
 * generator version, size and seed are unchanged), then in fresh processes (bench/measure.ts)
 * run a full `spif scan` and libpg-query alone on the same files. Prints parse, analysis and total
 * time, peak RSS, the parser-alone time and total / parser-alone, then how time grows with size.
 * With --cache it also times a re-scan with a warm parse cache. With --views it also scans the
 * view-heavy estate of each size (the same tables and about as many views: generate.ts) and a
 * 3,000-deep stack of views. With --diff it also times `spif diff --base HEAD` on a git copy of
 * the estate with one file changed since HEAD, against a scan of that copy. Last, each target of issue 16 that the run measured is printed as
 * met or missed with the measured ratio (and those it did not measure, as not measured).
 * Results are also written to bench/out/results.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION, generateRepo, viewStackSql } from './generate.js';
import { nth } from '../src/indexed.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const outRoot = path.join(here, 'out');

interface Row {
  tables: number;
  relations: number;
  principals: number;
  files: number;
  mb: number;
  parseS: number;
  analysisS: number;
  totalS: number;
  peakRssMb: number;
  parserAloneS: number;
  ratio: number;
  /** The longest time between two progress events of the scan. */
  silentS: number;
  warmCacheS?: number;
  /** --diff: `spif diff --base HEAD` after a one-file change, and a scan of the same tree. */
  diff?: { diffS: number; scanS: number; peakRssMb: number };
  /** --views: the view-heavy estate of the same tables. */
  views?: { relations: number; totalS: number; analysisS: number; peakRssMb: number };
}

interface Options {
  sizes: number[];
  jobs?: number;
  seed: number;
  cache: boolean;
  views: boolean;
  diff: boolean;
}

function args(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (get('sizes') ?? '1000,10000,50000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10))
    throw new Error('--sizes: expected table counts like 1000,10000,50000');
  return {
    sizes,
    jobs: get('jobs') ? Number(get('jobs')) : undefined,
    seed: Number(get('seed') ?? 20240501),
    cache: argv.includes('--cache'),
    views: argv.includes('--views'),
    diff: argv.includes('--diff'),
  };
}

/** Generates bench/out/<size> (…-views for the view-heavy estate) unless an identical one is already there. */
function ensureRepo(tables: number, seed: number, views = false): { dir: string; files: number; bytes: number } {
  const dir = path.join(outRoot, `${tables}${views ? '-views' : ''}`);
  const stampFile = path.join(dir, '.bench-stamp.json');
  const stamp = JSON.stringify({ generator: GENERATOR_VERSION, tables, seed, ...(views ? { views } : {}) });
  try {
    const old = JSON.parse(fs.readFileSync(stampFile, 'utf8')) as { stamp: string; files: number; bytes: number };
    if (old.stamp === stamp) return { dir, files: old.files, bytes: old.bytes };
  } catch {
    // not generated yet
  }
  process.stderr.write(`generating ${tables} tables${views ? ' with views' : ''}…\n`);
  const r = generateRepo(dir, { tables, seed, views });
  fs.writeFileSync(stampFile, JSON.stringify({ stamp, files: r.files, bytes: r.bytes }));
  return { dir, files: r.files, bytes: r.bytes };
}

/**
 * A git copy of an estate whose work tree differs from HEAD in one file (a comment line
 * appended), as a pull request's diff sees it. Removed by the caller.
 */
function gitCopyWithOneChange(dir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-bench-diff-'));
  fs.cpSync(dir, copy, { recursive: true });
  const git = (...a: string[]) =>
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...a], {
      cwd: copy,
      stdio: 'ignore',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const [first] = execFileSync('git', ['ls-files', '*.sql'], { cwd: copy, encoding: 'utf8' }).split('\n');
  if (!first) throw new Error(`no .sql file in ${dir}`);
  fs.appendFileSync(path.join(copy, first), '\n-- changed by the bench\n');
  return copy;
}

/** A stack of `depth` views, each `SELECT *` of the one below, over a table a foreign key references. */
function ensureStack(depth: number): string {
  const dir = path.join(outRoot, `stack-${depth}`);
  fs.mkdirSync(path.join(dir, 'db'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'db', 'stack.sql'), viewStackSql(depth));
  return dir;
}

/** What bench/measure.ts prints for a scan (one JSON line). */
interface ScanMeasure {
  parseMs: number;
  analysisMs: number;
  totalMs: number;
  silentMs: number;
  relations: number;
  specific: number;
  warnings: number;
  principals: number;
  peakRssMb: number;
}

/** What bench/measure.ts prints for PostgreSQL's parser alone. */
interface ParserMeasure {
  parserMs: number;
  statements: number;
  files: number;
  peakRssMb: number;
}

/** What bench/measure.ts prints for `spif diff --base REF`. */
interface DiffMeasure {
  totalMs: number;
  changes: number;
  peakRssMb: number;
}

function measure(mode: 'scan', dir: string, extra?: string[]): ScanMeasure;
function measure(mode: 'parser', dir: string, extra?: string[]): ParserMeasure;
function measure(mode: 'diff', dir: string, extra?: string[]): DiffMeasure;
function measure(
  mode: 'scan' | 'parser' | 'diff',
  dir: string,
  extra: string[] = [],
): ScanMeasure | ParserMeasure | DiffMeasure {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(here, 'measure.ts'), mode, dir, ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').pop()!) as ScanMeasure | ParserMeasure | DiffMeasure;
}

function main(): void {
  const opts = args(process.argv.slice(2));
  const jobArgs = opts.jobs ? ['--jobs', String(opts.jobs)] : [];
  const rows: Row[] = [];
  for (const tables of opts.sizes) {
    const repo = ensureRepo(tables, opts.seed);
    process.stderr.write(`measuring ${tables} tables…\n`);
    const s = measure('scan', repo.dir, jobArgs);
    const p = measure('parser', repo.dir);
    const row: Row = {
      tables,
      relations: s.relations,
      principals: s.principals,
      files: repo.files,
      mb: repo.bytes / 1e6,
      parseS: s.parseMs / 1000,
      analysisS: s.analysisMs / 1000,
      totalS: s.totalMs / 1000,
      peakRssMb: s.peakRssMb,
      parserAloneS: p.parserMs / 1000,
      ratio: s.totalMs / p.parserMs,
      silentS: s.silentMs / 1000,
    };
    if (opts.cache) {
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-bench-cache-'));
      try {
        measure('scan', repo.dir, [...jobArgs, '--cache', cacheDir]);
        row.warmCacheS = measure('scan', repo.dir, [...jobArgs, '--cache', cacheDir]).totalMs / 1000;
      } finally {
        fs.rmSync(cacheDir, { recursive: true, force: true });
      }
    }
    if (opts.diff) {
      const copy = gitCopyWithOneChange(repo.dir);
      try {
        const d = measure('diff', copy, [...jobArgs, '--base', 'HEAD']);
        const sc = measure('scan', copy, jobArgs);
        row.diff = { diffS: d.totalMs / 1000, scanS: sc.totalMs / 1000, peakRssMb: d.peakRssMb };
      } finally {
        fs.rmSync(copy, { recursive: true, force: true });
      }
    }
    if (opts.views) {
      const v = measure('scan', ensureRepo(tables, opts.seed, true).dir, jobArgs);
      row.views = {
        relations: v.relations,
        totalS: v.totalMs / 1000,
        analysisS: v.analysisMs / 1000,
        peakRssMb: v.peakRssMb,
      };
    }
    rows.push(row);
    printRows(rows, opts.cache);
  }
  if (opts.views) printViews(rows);
  if (opts.diff) printDiff(rows);
  printScaling(rows);
  const stackS = opts.views ? measure('scan', ensureStack(3000)).totalMs / 1000 : undefined;
  if (stackS !== undefined) console.log(`\n3,000-deep stack of views: ${stackS.toFixed(2)} s`);
  printTargets(rows, stackS);
  const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  console.log(`\nmachine: ${machine}`);
  fs.mkdirSync(outRoot, { recursive: true });
  fs.writeFileSync(
    path.join(outRoot, 'results.json'),
    JSON.stringify(
      { machine, jobs: opts.jobs ?? 'default', rows, ...(stackS !== undefined ? { stackS } : {}) },
      null,
      2,
    ),
  );
}

function printRows(rows: Row[], cache: boolean): void {
  const head = [
    'tables',
    'relations',
    'principals',
    'files',
    'MB',
    'parse s',
    'analysis s',
    'total s',
    'peak RSS MB',
    'parser-alone s',
    'total/parser',
    'analysis/parse',
  ];
  if (cache) head.push('warm cache s');
  const lines = rows.map((r) => {
    const cells = [
      String(r.tables),
      String(r.relations),
      String(r.principals),
      String(r.files),
      r.mb.toFixed(1),
      r.parseS.toFixed(2),
      r.analysisS.toFixed(2),
      r.totalS.toFixed(2),
      r.peakRssMb.toFixed(0),
      r.parserAloneS.toFixed(2),
      `${r.ratio.toFixed(2)}×`,
      `${((r.analysisS / r.parseS) * 100).toFixed(0)}%`,
    ];
    if (cache) cells.push(r.warmCacheS?.toFixed(2) ?? '');
    return cells;
  });
  console.log(`\n| ${head.join(' | ')} |\n|${head.map(() => '---:').join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
}

/** Time growth between sizes, also as "per 10× input" so any two sizes compare with the target. */
function printScaling(rows: Row[]): void {
  if (rows.length < 2) return;
  console.log('\nscaling (target: 10× input ≤ 11× time):');
  for (let i = 1; i < rows.length; i++) {
    const a = nth(rows, i - 1);
    const b = nth(rows, i);
    const size = b.tables / a.tables;
    const per10 = (t: number) => Math.pow(t, 1 / Math.log10(size));
    const total = b.totalS / a.totalS;
    const analysis = b.analysisS / a.analysisS;
    console.log(
      `  ${a.tables} → ${b.tables} (${size.toFixed(1)}× input): total ${total.toFixed(2)}× (${per10(total).toFixed(1)}× per 10×), parse ${(b.parseS / a.parseS).toFixed(2)}×, analysis ${analysis.toFixed(2)}× (${per10(analysis).toFixed(1)}× per 10×)`,
    );
  }
}

function printDiff(rows: Row[]): void {
  console.log('\n`spif diff --base HEAD` after a one-file change (a git copy of the estate):');
  console.log('| tables | diff s | scan s | diff ÷ scan | diff peak RSS MB |\n|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    if (!r.diff) continue;
    const d = r.diff;
    console.log(
      `| ${r.tables} | ${d.diffS.toFixed(2)} | ${d.scanS.toFixed(2)} | ${(d.diffS / d.scanS).toFixed(2)}× | ${d.peakRssMb.toFixed(0)} |`,
    );
  }
}

function printViews(rows: Row[]): void {
  console.log('\nview-heavy estate (same tables, about as many views):');
  console.log(
    '| tables | relations | total s | analysis s | peak RSS MB | total ÷ tables alone |\n|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of rows) {
    if (!r.views) continue;
    const v = r.views;
    console.log(
      `| ${r.tables} | ${v.relations} | ${v.totalS.toFixed(2)} | ${v.analysisS.toFixed(2)} | ${v.peakRssMb.toFixed(0)} | ${(v.totalS / r.totalS).toFixed(2)}× |`,
    );
  }
}

/** Each issue-16 target: met or missed with what was measured, or not measured by this run. */
function printTargets(rows: Row[], stackS: number | undefined): void {
  const lines: string[] = [];
  const line = (met: boolean | undefined, target: string, measured: string) =>
    lines.push(
      `  ${met === undefined ? 'not measured' : met ? 'met   ' : 'missed'}  ${target}${measured ? `: ${measured}` : ''}`,
    );
  const at = (n: number) => rows.find((r) => r.tables === n);
  const big = at(50000);
  line(big && big.totalS <= 5, '50k tables end to end ≤ 5 s', big ? `${big.totalS.toFixed(2)} s` : '');
  line(big && big.ratio <= 1.3, '50k tables ≤ 1.3× parse alone', big ? `${big.ratio.toFixed(2)}×` : '');
  line(big && big.peakRssMb <= 1536, '50k tables peak RSS ≤ 1.5 GiB', big ? `${big.peakRssMb.toFixed(0)} MB` : '');
  for (const n of [10000, 50000]) {
    const r = at(n);
    const share = r && r.analysisS / r.parseS;
    line(
      share === undefined ? undefined : share <= 0.25,
      `analysis ≤ 25% of parse at ${n / 1000}k`,
      share === undefined ? '' : `${(share * 100).toFixed(0)}%`,
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const a = nth(rows, i - 1);
    const b = nth(rows, i);
    const per10 = Math.pow(b.totalS / a.totalS, 1 / Math.log10(b.tables / a.tables));
    line(per10 <= 11, `10× the input ≤ 11× the time (${a.tables} → ${b.tables})`, `${per10.toFixed(1)}× per 10×`);
  }
  if (rows.length < 2) line(undefined, '10× the input ≤ 11× the time', '(needs two sizes)');
  const withViews = rows.filter((r) => r.views);
  for (const r of withViews) {
    const ratio = r.views!.totalS / r.totalS;
    line(ratio <= 2, `as many views as tables ≤ 2× the tables alone (${r.tables / 1000}k)`, `${ratio.toFixed(2)}×`);
  }
  if (!withViews.length) line(undefined, 'as many views as tables ≤ 2× the tables alone', '(--views)');
  line(
    stackS === undefined ? undefined : stackS <= 10,
    'a 3,000-deep view stack ≤ 10 s',
    stackS === undefined ? '(--views)' : `${stackS.toFixed(2)} s`,
  );
  const warm = big?.warmCacheS;
  line(
    warm === undefined ? undefined : warm / big!.totalS <= 0.3,
    'warm re-scan with --cache ≤ 30% of cold at 50k (this bench changes no file)',
    warm === undefined ? '(--cache at 50k)' : `${((warm / big!.totalS) * 100).toFixed(0)}%`,
  );
  const diffs = rows.filter((r) => r.diff);
  for (const r of diffs) {
    const ratio = r.diff!.diffS / r.diff!.scanS;
    line(ratio <= 2.2, `\`spif diff --base REF\` ≤ 2.2× one scan (${r.tables / 1000}k)`, `${ratio.toFixed(2)}×`);
  }
  if (!diffs.length) line(undefined, '`spif diff --base REF` ≤ 2.2× one scan', '(--diff)');
  // Every stage counts its units; 2 s without a redraw is where a line starts to look stuck.
  // Writing the report is the command's (cli/commands/scan.ts, per 1 M characters), not scan()'s.
  const silent = big ?? rows[rows.length - 1];
  line(
    silent ? silent.silentS <= 2 : undefined,
    `the progress line keeps moving through every long stage (longest silence ≤ 2 s${silent ? `, ${silent.tables / 1000}k` : ''})`,
    silent ? `${silent.silentS.toFixed(2)} s` : '',
  );
  console.log(`\nissue 16 targets:\n${lines.join('\n')}`);
}

main();
