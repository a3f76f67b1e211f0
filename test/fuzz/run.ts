/**
 * The in-process fuzz loop shared by `npm run fuzz` and the fixed-seed sample in `npm test`.
 * Every generated input is run; every input that breaks a property is kept (not just the first),
 * so a run reports how many failed, and each failure can be replayed from its saved bytes.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { inputFor } from './inputs.js';
import { timeBudgetMs, violations } from './properties.js';
import { PROBE_SQL, PROBE_TABLE, type FuzzTarget } from './targets.js';
import { nth } from '../../src/indexed.js';

const PROBE_BYTES = new Uint8Array(Buffer.from(PROBE_SQL));

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export interface FuzzFailure {
  target: string;
  /** The input's bytes. */
  input: Uint8Array;
  problems: string[];
}

export interface FuzzSummary {
  target: string;
  runs: number;
  failures: FuzzFailure[];
  ms: number;
  /** Slowest single input (ms) and its size. */
  slowest: { ms: number; bytes: number };
}

/**
 * Runs one input; a thrown exception is a failure like any broken property. `probe`: the input
 * ends with PROBE_SQL, whose table must be read unless a diagnostic says why.
 */
export async function runOne(
  target: FuzzTarget,
  input: Uint8Array,
  probe = false,
): Promise<{ problems: string[]; ms: number }> {
  const t0 = performance.now();
  try {
    const out = await target.run(input);
    let ms = performance.now() - t0;
    // Up to three more tries before calling it slow: a GC pause or a busy machine is not the input's fault.
    for (let retry = 0; retry < 3 && ms > timeBudgetMs(input.length); retry++) {
      const t1 = performance.now();
      await target.run(input);
      ms = Math.min(ms, performance.now() - t1);
    }
    const problems = violations(target, out, ms, input.length);
    if (probe && !out.tables.includes(PROBE_TABLE) && !out.diagnostics.some((d) => d.severity !== 'info')) {
      problems.push(
        'the rest of the file was dropped silently: the table after the input was not read and nothing was reported',
      );
    }
    return { problems, ms };
  } catch (e) {
    const err = e as Error;
    const where = err?.stack?.split('\n').slice(0, 4).join(' | ') ?? String(e);
    return { problems: [`threw: ${where}`], ms: performance.now() - t0 };
  }
}

const CHUNK = 500;

export async function fuzzTarget(target: FuzzTarget, runs: number, seed: number): Promise<FuzzSummary> {
  const failures: FuzzFailure[] = [];
  const slowest = { ms: 0, bytes: 0 };
  const t0 = performance.now();
  // Warm up lazily loaded parsers (WASM, TypeScript) so their start is not charged to an input.
  await runOne(target, nth(target.seeds(), 0));
  const arbitrary = inputFor(target);
  // Generated in chunks so 100 000 inputs are never all in memory at once.
  for (let done = 0, chunk = 0; done < runs; chunk++) {
    const n = Math.min(CHUNK, runs - done);
    for (const [k, generated] of fc.sample(arbitrary, { numRuns: n, seed: (seed + chunk * 7919) | 0 }).entries()) {
      const probe = target.kind === 'sql' && k % 3 === 0;
      const input = probe ? concatBytes(generated, PROBE_BYTES) : generated;
      const { problems, ms } = await runOne(target, input, probe);
      if (ms > slowest.ms) Object.assign(slowest, { ms, bytes: input.length });
      if (problems.length) failures.push({ target: target.name, input, problems });
    }
    done += n;
  }
  return { target: target.name, runs, failures, ms: performance.now() - t0, slowest };
}
