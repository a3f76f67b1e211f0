/**
 * `npm run fuzz -- --runs N`: fuzzes every source reader and the config loader in-process
 * (test/fuzz), then runs the real `spif` bin on a smaller sample of hostile trees, and prints runs,
 * failures and time. Failing inputs are saved under $TMPDIR/spif-fuzz-failures/ for `--replay`.
 *
 *   --runs N       in-process inputs in all (default 10000), split evenly over the targets
 *   --seed S       fast-check seed (default: from the clock; printed, so a run can be repeated)
 *   --target a,b   only these targets (postgresql, mysql, mariadb, sqlite, bigquery, typeorm,
 *                  drizzle, prisma, config)
 *   --jobs J       processes fuzzing in parallel (default: CPU count)
 *   --cli K        hostile trees run through the bin (default: runs/1000, at least 5; 0: none)
 *   --big          also scan a generated 100 MB file with the bin
 *   --replay FILE --target T   runs one saved input and prints what it broke
 */
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { cliProblems, runTree, treeArbitrary } from '../test/fuzz/cli-sample.js';
import { BIN } from '../test/helpers/bin.js';
import { fuzzTarget, runOne, type FuzzSummary } from '../test/fuzz/run.js';
import { PROBE_SQL, REPO, TARGETS, targetNamed } from '../test/fuzz/targets.js';
import { nth } from '../src/indexed.js';

interface Task {
  target: string;
  runs: number;
  seed: number;
}

interface TaskReply {
  summary: Omit<FuzzSummary, 'failures'> & { failures: { problems: string[]; input: string }[] };
}

const HERE = fileURLToPath(import.meta.url);
const FAILURES_DIR = path.join(os.tmpdir(), 'spif-fuzz-failures');
/** Inputs per task: small enough to spread over the processes, large enough to amortise start. */
const TASK_RUNS = 2500;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function intFlag(args: string[], name: string, fallback: number): number {
  const v = flag(args, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`fuzz: --${name} ${v}: expected a whole number\n`);
    process.exit(2);
  }
  return n;
}

/** Child process: runs tasks sent by the parent, replies with summaries. */
function serveTasks(): void {
  process.on('message', (task: Task) => {
    void fuzzTarget(targetNamed(task.target), task.runs, task.seed).then((s) => {
      const reply: TaskReply = {
        summary: {
          ...s,
          failures: s.failures.map((f) => ({ problems: f.problems, input: Buffer.from(f.input).toString('base64') })),
        },
      };
      process.send!(reply);
    });
  });
  process.send!({ ready: true });
}

async function runInProcesses(tasks: Task[], jobs: number, onDone: (r: TaskReply) => void): Promise<void> {
  const queue = [...tasks];
  const worker = () =>
    new Promise<void>((resolve, reject) => {
      const child = fork(HERE, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const next = () => {
        const task = queue.shift();
        if (task) child.send(task);
        else child.kill();
      };
      child.on('message', (m: TaskReply | { ready: true }) => {
        if ('summary' in m) onDone(m);
        next();
      });
      child.on('exit', (code, signal) =>
        queue.length === 0 ? resolve() : reject(new Error(`fuzz process ended (${code ?? signal})`)),
      );
    });
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, worker));
}

function splitTasks(targets: string[], runs: number, seed: number): Task[] {
  const tasks: Task[] = [];
  targets.forEach((target, t) => {
    let share = Math.floor(runs / targets.length) + (t < runs % targets.length ? 1 : 0);
    for (let k = 0; share > 0; k++) {
      const n = Math.min(TASK_RUNS, share);
      tasks.push({ target, runs: n, seed: (seed + t * 1_000_003 + k * 104_729) | 0 });
      share -= n;
    }
  });
  return tasks;
}

function saveFailure(target: string, input: Buffer, problems: string[]): string {
  fs.mkdirSync(FAILURES_DIR, { recursive: true });
  const name = `${target}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  fs.writeFileSync(path.join(FAILURES_DIR, `${name}.bin`), input);
  fs.writeFileSync(path.join(FAILURES_DIR, `${name}.txt`), `${problems.join('\n')}\n`);
  return path.join(FAILURES_DIR, `${name}.bin`);
}

function ensureBuilt(): void {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (!fs.existsSync(BIN)) {
    process.stderr.write(`fuzz: could not build ${BIN}:\n${r.stdout}${r.stderr}`);
    process.exit(2);
  }
}

/** A 100 MB schema file: refused by the default size limit with a diagnostic, quickly. */
function bigFileRun(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-fuzz-big-'));
  try {
    const chunk = 'CREATE TABLE t (id int PRIMARY KEY, kojin_bango char(12));\n'.repeat(16 * 1024);
    const fd = fs.openSync(path.join(dir, 'huge.sql'), 'w');
    for (let written = 0; written < 100 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    fs.writeFileSync(path.join(dir, 'small.sql'), 'CREATE TABLE small (kojin_bango char(12));\n');
    const r = spawnSync(process.execPath, [BIN, 'scan', '.', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const problems = cliProblems(r.status, r.stderr ?? '', r.signal);
    if (!problems.length && !/SPIF-SOURCE-TOO-LARGE/.test(r.stdout))
      problems.push('no SPIF-SOURCE-TOO-LARGE diagnostic for the 100 MB file');
    if (!problems.length && !/default\.public\.small/.test(r.stdout))
      problems.push('the small file next to it was not read');
    return problems;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--serve')) {
    serveTasks();
    return -1;
  }
  const only = flag(args, 'target')?.split(',');
  const replay = flag(args, 'replay');
  if (replay) {
    const target = targetNamed(only?.[0] ?? nth(path.basename(replay).split('-'), 0));
    const input = new Uint8Array(fs.readFileSync(replay));
    const probe = Buffer.from(input).toString('latin1').endsWith(PROBE_SQL);
    const { problems, ms } = await runOne(target, input, probe);
    console.log(`${target.name}: ${Math.round(ms)} ms, ${problems.length ? problems.join('\n') : 'no problems'}`);
    return problems.length ? 1 : 0;
  }
  const runs = intFlag(args, 'runs', 10_000);
  const seed = intFlag(args, 'seed', Date.now() % 2_147_483_647);
  const jobs = Math.max(1, intFlag(args, 'jobs', os.availableParallelism()));
  const cliRuns = intFlag(args, 'cli', Math.max(5, Math.floor(runs / 1000)));
  const targets = only ?? TARGETS.map((t) => t.name);
  for (const t of targets) targetNamed(t);

  const t0 = Date.now();
  console.log(
    `fuzz: ${runs} in-process runs over ${targets.length} targets, ${cliRuns} bin runs, seed ${seed}, ${jobs} processes`,
  );
  const byTarget = new Map<
    string,
    { runs: number; failures: number; ms: number; slowest: { ms: number; bytes: number } }
  >();
  let failures = 0;
  let finished = 0;
  await runInProcesses(splitTasks(targets, runs, seed), jobs, ({ summary: s }) => {
    finished += s.runs;
    process.stderr.write(
      `  … ${finished}/${runs} runs, ${failures + s.failures.length} failures, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
    );
    const agg = byTarget.get(s.target) ?? { runs: 0, failures: 0, ms: 0, slowest: { ms: 0, bytes: 0 } };
    agg.runs += s.runs;
    agg.failures += s.failures.length;
    agg.ms += s.ms;
    if (s.slowest.ms > agg.slowest.ms) agg.slowest = s.slowest;
    byTarget.set(s.target, agg);
    for (const f of s.failures) {
      failures++;
      const saved = saveFailure(s.target, Buffer.from(f.input, 'base64'), f.problems);
      if (failures <= 20) console.log(`  FAIL ${s.target}: ${nth(f.problems, 0).slice(0, 300)} (${saved})`);
    }
  });
  for (const t of targets) {
    const a = byTarget.get(t)!;
    console.log(
      `  ${t.padEnd(10)} ${String(a.runs).padStart(7)} runs  ${String(a.failures).padStart(4)} failures  ${(a.ms / 1000).toFixed(1).padStart(7)} s  slowest ${Math.round(a.slowest.ms)} ms (${a.slowest.bytes} bytes)`,
    );
  }

  let cliFailures = 0;
  if (cliRuns > 0) {
    ensureBuilt();
    fs.mkdirSync(FAILURES_DIR, { recursive: true });
    const trees = fc.sample(treeArbitrary(), { numRuns: cliRuns, seed });
    for (const tree of trees) {
      const { problems, code, stderr } = runTree(tree);
      if (problems.length) {
        cliFailures++;
        const dir = fs.mkdtempSync(path.join(FAILURES_DIR, 'bin-'));
        for (const [rel, bytes] of Object.entries(tree.files)) {
          fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
          fs.writeFileSync(path.join(dir, rel), bytes);
        }
        fs.writeFileSync(path.join(dir, 'stderr.txt'), stderr);
        console.log(
          `  FAIL bin (exit ${code}): ${problems.join('; ')}; tree and stderr in ${dir} (spif ${tree.args.join(' ')})`,
        );
      }
    }
    console.log(
      `  ${'bin'.padEnd(10)} ${String(cliRuns).padStart(7)} runs  ${String(cliFailures).padStart(4)} failures`,
    );
  }
  let bigFailures = 0;
  if (args.includes('--big')) {
    if (cliRuns === 0) ensureBuilt();
    const problems = bigFileRun();
    bigFailures = problems.length ? 1 : 0;
    console.log(
      `  100 MB file: ${problems.length ? `FAIL ${problems.join('; ')}` : 'ok (refused by limits.maxFileBytes, reported)'}`,
    );
  }

  const total = failures + cliFailures + bigFailures;
  const allRuns = runs + cliRuns + (args.includes('--big') ? 1 : 0);
  console.log(`fuzz: ${allRuns} runs, ${total} failures, ${((Date.now() - t0) / 1000).toFixed(1)} s (seed ${seed})`);
  return total === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e) => {
    process.stderr.write(`fuzz: ${(e as Error).stack ?? e}\n`);
    process.exit(70);
  },
);
