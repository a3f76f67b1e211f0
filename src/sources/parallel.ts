/**
 * Reading a scan's source files: bytes → text (readSource), the reader for each file, then the
 * reader's ops — from the parse cache when the file is unchanged, else parsed, on worker threads
 * when there is enough to parse for the threads to pay for their start.
 *
 * Results are put back in file order, so ops and diagnostics come out exactly as a serial read
 * would give them. Readers that read a database's files together (readProject) are only collected
 * here; the pipeline runs them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dialect } from '../dialect.js';
import type { CatalogOp } from '../catalog/ops.js';
import { type Diagnostic, said } from '../diagnostics.js';
import { ParseCache, readKey } from '../cache/parse-cache.js';
import type { ReadMemo } from '../cache/read-memo.js';
import { readerFor } from './registry.js';
import { isTypeScriptPath } from './model-files.js';
import { decodeSource } from './text.js';
import type { ReadResult, SourceReader, SourceText } from './types.js';
import { displayPath } from './discover.js';
import { POOLED_READERS, WORKER_MARK, type WorkerReply, type WorkerRequest, type WorkerStarted } from './worker.js';
import { READER_FAILED, SOURCE_TOO_DEEP, readGuarded } from './guard.js';
import { countStatements, emptyTally, type ReadTally } from './statements.js';
import { upSectionsOnly } from './migrations.js';
import {
  DEFAULT_MAX_FILE_BYTES,
  FILE_TIME_LIMIT_MS,
  FileTooLargeError,
  SOURCE_TIMEOUT,
  TIMED_MIN_BYTES,
  timeoutDiagnostic,
  tooLargeDiagnostic,
} from './limits.js';

/** Diagnostics that mean the whole file went unread. */
const FILE_NOT_READ = new Set([READER_FAILED, SOURCE_TOO_DEEP, SOURCE_TIMEOUT]);

/**
 * Below this much text to parse, reading stays on the main thread: each worker pays its own
 * start (thread, reader module, parser WASM, JIT warm-up) and every result crosses back as JSON
 * that the main thread parses again (docs/performance.md has the measurements).
 */
export const PARALLEL_MIN_BYTES = 1_000_000;

/**
 * Workers by default: one per core beyond the main thread's own, which decodes files, parses the
 * workers' results and then runs the analysis. On 2 cores that is 1, i.e. no worker threads:
 * measured there, the pool's extra CPU (~+60%) ate the gain.
 */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export interface ReadFilesOptions {
  cwd: string;
  readBytes: (absPath: string) => Uint8Array;
  maxFileBytes?: number;
  /** Worker threads for parsing; 1 reads on the main thread. Default: defaultJobs(). */
  jobs?: number;
  /** Parse-cache directory (`--cache DIR`); unset: no cache. */
  cacheDir?: string;
  /** Results kept from an earlier scan of the same run (`spif diff`'s base), taken before the cache is asked. */
  memo?: ReadMemo;
  /** Called once per file when it has been read (or skipped). */
  onFileRead?: () => void;
  /** Text size from which the pool is used (tests lower it). */
  parallelMinBytes?: number;
  /** Time one file may take in a worker before it is stopped and reported (limits.ts). */
  fileTimeoutMs?: number;
}

export interface DatabaseFiles {
  database: string;
  dialect: Dialect;
  files: string[];
  /** Files named on the command line: one no reader takes gets a diagnostic. */
  explicit?: Set<string>;
}

export interface DatabaseReadResult {
  ops: CatalogOp[];
  diagnostics: Diagnostic[];
  /** Sources for readers that read a database's files together, in file order. */
  batches: Map<SourceReader, SourceText[]>;
  /** Files and statements read so far (batches are counted when the pipeline reads them). */
  tally: ReadTally;
  /**
   * TypeScript files of the database that no reader takes (decorator, embedded-class and barrel
   * files that do not import an ORM): the ORM readers follow imports into them.
   */
  companions: SourceText[];
}

export interface ReadStats {
  files: number;
  cacheHits: number;
  parsedInWorkers: number;
  parsedInline: number;
  workers: number;
}

/** One file after decoding: what to do with it, and what it said so far. */
interface FileSlot {
  diagnostics: Diagnostic[];
  source?: SourceText;
  reader?: SourceReader;
  dialect: Dialect;
  cacheKey?: string;
  result?: ReadResult;
}

export async function readDatabaseFiles(
  databases: DatabaseFiles[],
  options: ReadFilesOptions,
): Promise<{ results: DatabaseReadResult[]; stats: ReadStats }> {
  const cache = options.cacheDir ? new ParseCache(options.cacheDir) : undefined;
  const memo = options.memo;
  const stats: ReadStats = { files: 0, cacheHits: 0, parsedInWorkers: 0, parsedInline: 0, workers: 0 };
  const slots: FileSlot[][] = databases.map((db) =>
    db.files.map((file) => {
      stats.files++;
      const slot = decodeFile(file, db.dialect, options, db.explicit?.has(file) ?? false);
      if (!slot.reader?.readProject && slot.reader && slot.source && (cache || memo)) {
        slot.cacheKey = readKey({
          reader: slot.reader.name,
          dialect: db.dialect,
          path: slot.source.path,
          text: slot.source.text,
        });
        slot.result = memo?.take(slot.cacheKey) ?? cache?.get(slot.cacheKey);
        if (slot.result) stats.cacheHits++;
      }
      if (!needsRead(slot)) options.onFileRead?.();
      return slot;
    }),
  );

  const pending = slots.flat().filter(needsRead);
  const pooled = pending.filter((s) => s.reader!.name in POOLED_READERS);
  const pooledBytes = pooled.reduce((n, s) => n + s.source!.text.length, 0);
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  // A file big enough to take long goes to a worker even alone: only there can it be timed out.
  const bigFile = pooled.some((s) => s.source!.text.length >= TIMED_MIN_BYTES);
  const workerFile =
    jobs > 1 &&
    pooled.length > 0 &&
    (bigFile || (pooled.length > 1 && pooledBytes >= (options.parallelMinBytes ?? PARALLEL_MIN_BYTES)))
      ? findWorkerFile()
      : undefined;
  const timeLimitMs = options.fileTimeoutMs ?? FILE_TIME_LIMIT_MS;

  const finish = (slot: FileSlot, result: ReadResult) => {
    slot.result = result;
    if (slot.cacheKey) {
      cache?.set(slot.cacheKey, result);
      memo?.put(slot.cacheKey, result);
    }
    options.onFileRead?.();
  };
  const readInline = async (slot: FileSlot) => {
    stats.parsedInline++;
    finish(slot, await readGuarded(slot.reader!, slot.source!, { dialect: slot.dialect }));
  };

  if (workerFile) {
    const pool = new ReaderPool(workerFile, Math.min(jobs, pooled.length), timeLimitMs);
    stats.workers = pool.size;
    try {
      const inPool = new Set(pooled);
      // Largest first, so no worker is left with a big file at the end.
      const order = [...pooled].sort((a, b) => b.source!.text.length - a.source!.text.length);
      const running = order.map(async (slot) => {
        const reply = await pool.run({
          reader: slot.reader!.name,
          dialect: slot.dialect,
          path: slot.source!.path,
          text: slot.source!.text,
        });
        if (reply === TIMED_OUT) {
          slot.result = { ops: [], diagnostics: [timeoutDiagnostic(slot.source!.path, timeLimitMs)] }; // not cached
          options.onFileRead?.();
        } else if (reply) {
          stats.parsedInWorkers++;
          finish(slot, reply);
        } else {
          await readInline(slot); // the worker failed: the main thread reads it (and reports as a serial read would)
        }
      });
      for (const slot of pending) if (!inPool.has(slot)) await readInline(slot);
      await Promise.all(running);
    } finally {
      await pool.close();
    }
  } else {
    for (const slot of pending) await readInline(slot);
  }

  const results = slots.map((files) => {
    const out: DatabaseReadResult = {
      ops: [],
      diagnostics: [],
      batches: new Map(),
      tally: emptyTally(),
      companions: [],
    };
    for (const slot of files) {
      out.tally.filesFound++;
      if (slot.reader) out.tally.accepted++;
      out.diagnostics.push(...slot.diagnostics);
      if (!slot.reader && slot.source && isTypeScriptPath(slot.source.path)) out.companions.push(slot.source);
      if (slot.reader?.readProject && slot.source) {
        let list = out.batches.get(slot.reader);
        if (!list) out.batches.set(slot.reader, (list = []));
        list.push(slot.source);
      } else if (slot.result) {
        for (const op of slot.result.ops) out.ops.push(op);
        out.diagnostics.push(...slot.result.diagnostics);
        if (!slot.result.diagnostics.some((d) => FILE_NOT_READ.has(d.code))) {
          const count = countStatements(slot.source!.path, slot.result);
          out.tally.filesRead++;
          out.tally.statements += count.total;
          out.tally.statementsRead += count.read;
        }
      }
    }
    return out;
  });
  return { results, stats };
}

function needsRead(slot: FileSlot): boolean {
  return !!slot.reader && !!slot.source && !slot.reader.readProject && !slot.result;
}

/** Bytes → text → reader, with the diagnostics a file can earn before it is parsed. */
function decodeFile(file: string, dialect: Dialect, options: ReadFilesOptions, explicit: boolean): FileSlot {
  const shown = displayPath(file, options.cwd);
  const diagnostics: Diagnostic[] = [];
  const source = readSource(file, shown, options.readBytes, options.maxFileBytes, diagnostics);
  if (!source) return { diagnostics, dialect };
  const reader = readerFor(file, source.text, dialect);
  if (!reader && /\.(sql|ddl|pgsql|psql)$/i.test(file)) {
    diagnostics.push({
      severity: 'warning',
      code: 'SPIF-SOURCE-DIALECT',
      file: shown,
      ...said('diag.source.noDialectReader', dialect),
    });
  } else if (!reader && explicit) {
    // Named on the command line: the user expects it read, so say why it is not.
    diagnostics.push({
      severity: 'warning',
      code: 'SPIF-SOURCE-NOT-READ',
      file: shown,
      ...said('diag.source.noReader'),
    });
  }
  // A .ts file without ORM models is not a schema source: no reader, nothing said.
  return { diagnostics, dialect, source, reader };
}

export function readSource(
  file: string,
  shown: string,
  readBytes: (p: string) => Uint8Array,
  maxFileBytes: number | undefined,
  diagnostics: Diagnostic[],
): SourceText | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (e) {
    if (e instanceof FileTooLargeError) diagnostics.push(tooLargeDiagnostic(shown, e.size, e.limit));
    else
      diagnostics.push({
        severity: 'error',
        code: 'SPIF-SOURCE-UNREADABLE',
        file: shown,
        ...said('diag.source.cannotRead', (e as Error).message),
      });
    return undefined;
  }
  const limit = maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > limit) {
    diagnostics.push(tooLargeDiagnostic(shown, bytes.length, limit));
    return undefined;
  }
  const decoded = decodeSource(bytes);
  if (decoded.lossy) {
    diagnostics.push({
      severity: 'warning',
      code: 'SPIF-SOURCE-ENCODING',
      file: shown,
      line: 1,
      column: 1,
      ...said('diag.source.lossyEncoding'),
    });
  } else if (decoded.mixed) {
    diagnostics.push({
      severity: 'warning',
      code: 'SPIF-SOURCE-ENCODING',
      file: shown,
      line: 1,
      column: 1,
      ...said('diag.source.mixedEncoding', decoded.encoding === 'cp932' ? 'Shift_JIS (CP932)' : 'EUC-JP'),
    });
  }
  // dbmate / goose / sql-migrate: a migration's down section undoes it; only the up sections are read.
  const up = /\.(sql|ddl|pgsql|psql)$/i.test(file)
    ? upSectionsOnly(decoded.text)
    : { text: decoded.text, blanked: false };
  if (up.blanked) {
    diagnostics.push({
      severity: 'info',
      code: 'SPIF-SOURCE-DOWN-SECTION',
      file: shown,
      line: up.line,
      column: 1,
      ...said('diag.source.downSection'),
    });
  }
  return { path: shown, text: up.text };
}

/**
 * The compiled worker beside this module; when running from TypeScript sources (tests, tsx) the
 * built one in dist/. None found: reading stays on the main thread.
 */
function findWorkerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const candidates = [
    path.join(path.dirname(here), 'worker.js'),
    path.resolve(path.dirname(here), '../../dist/sources/worker.js'),
  ];
  return candidates.find((f) => fs.existsSync(f));
}

/** A file that was stopped for taking longer than the time limit. */
const TIMED_OUT = Symbol('timed out');
type PoolReply = ReadResult | undefined | typeof TIMED_OUT;

/** How long a worker may take to start (load its reader) before the file's own limit begins. */
const STARTUP_ALLOWANCE_MS = 60_000;

/**
 * A fixed set of worker threads, each given the next file when it is free. A file that takes
 * longer than the time limit has its worker terminated (the only way to stop a synchronous
 * parser) and replaced by a fresh one.
 */
class ReaderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { req: Omit<WorkerRequest, 'id'>; resolve: (r: PoolReply) => void }[] = [];
  private readonly inFlight = new Map<Worker, { id: number; resolve: (r: PoolReply) => void; timer: NodeJS.Timeout }>();
  private nextId = 1;

  constructor(
    private readonly file: string,
    readonly size: number,
    private readonly timeLimitMs: number,
  ) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(this.file, { workerData: { mark: WORKER_MARK } });
    w.on('message', (reply: WorkerReply | WorkerStarted) => this.done(w, reply));
    w.on('error', () => this.lost(w));
    w.on('exit', () => this.lost(w));
    this.workers.push(w);
    this.idle.push(w);
  }

  /** The reader's result; undefined when the worker failed (the caller reads it itself); TIMED_OUT. */
  run(req: Omit<WorkerRequest, 'id'>): Promise<PoolReply> {
    return new Promise((resolve) => {
      this.queue.push({ req, resolve });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const task = this.queue.shift()!;
      const id = this.nextId++;
      // Until the worker says the reading began, only a generous start-up guard runs.
      const timer = setTimeout(() => this.timedOut(w), this.timeLimitMs + STARTUP_ALLOWANCE_MS);
      this.inFlight.set(w, { id, resolve: task.resolve, timer });
      w.postMessage({ ...task.req, id } satisfies WorkerRequest);
    }
  }

  private done(w: Worker, reply: WorkerReply | WorkerStarted): void {
    const task = this.inFlight.get(w);
    if (!task || task.id !== reply.id) return;
    clearTimeout(task.timer);
    if ('started' in reply) {
      task.timer = setTimeout(() => this.timedOut(w), this.timeLimitMs);
      return;
    }
    this.inFlight.delete(w);
    task.resolve('error' in reply ? undefined : (JSON.parse(reply.json) as ReadResult));
    this.idle.push(w);
    this.dispatch();
  }

  private lost(w: Worker): void {
    const task = this.inFlight.get(w);
    this.inFlight.delete(w);
    if (task) clearTimeout(task.timer);
    task?.resolve(undefined);
    this.forget(w);
    if (this.workers.length === 0) for (const t of this.queue.splice(0)) t.resolve(undefined);
  }

  private forget(w: Worker): void {
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
    const j = this.idle.indexOf(w);
    if (j >= 0) this.idle.splice(j, 1);
  }

  private timedOut(w: Worker): void {
    const task = this.inFlight.get(w);
    if (!task) return;
    this.inFlight.delete(w);
    this.forget(w);
    this.spawn(); // before terminate, so the queue never sees an empty pool
    void w.terminate();
    task.resolve(TIMED_OUT);
    this.dispatch();
  }

  async close(): Promise<void> {
    const all = [...this.workers];
    this.workers.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
