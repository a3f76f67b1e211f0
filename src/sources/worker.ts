/**
 * Worker thread of the reading pool (parallel.ts): reads files with a SQL reader and posts back
 * the ops and diagnostics (plain data, so they cross threads by structured clone).
 *
 * Only readers listed here run in workers: they are CPU-bound (a parser per file), read one file
 * at a time, and load quickly. The worker imports just the reader it needs, not the registry
 * (which pulls in ts-morph for the ORM readers and would slow every worker's start).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Dialect } from '../dialect.js';
import type { SourceReader } from './types.js';
import { READERS } from './readers.js';

/** The readers whose rows in the reader table (readers.ts) say `pooled`, by name. */
export const POOLED_READERS: Record<string, () => Promise<SourceReader>> = Object.fromEntries(
  READERS.flatMap((r) => (r.pooled && r.load ? [[r.name, r.load]] : [])),
);

export interface WorkerRequest {
  id: number;
  reader: string;
  dialect: Dialect;
  path: string;
  text: string;
}

export type WorkerReply =
  /** The ReadResult as JSON text: one string crosses threads far cheaper than a deep object graph. */
  { id: number; json: string } | { id: number; error: string };

/**
 * Sent once the reader is loaded and the file's reading begins: the per-file time limit counts
 * from here, so a worker's start-up (modules, PostgreSQL's parser in WebAssembly) on a busy
 * machine is never charged to the file.
 */
export interface WorkerStarted {
  id: number;
  started: true;
}

type Post = (message: WorkerReply | WorkerStarted) => void;

const loaded = new Map<string, Promise<SourceReader>>();

async function handle(req: WorkerRequest, post: Post): Promise<WorkerReply> {
  try {
    const load = POOLED_READERS[req.reader];
    if (!load) throw new Error(`reader '${req.reader}' does not run in workers`);
    let reader = loaded.get(req.reader);
    if (!reader) loaded.set(req.reader, (reader = load()));
    const ready = await reader;
    post({ id: req.id, started: true });
    const result = await ready.read({ path: req.path, text: req.text }, { dialect: req.dialect });
    return {
      id: req.id,
      json: JSON.stringify({ ops: result.ops, diagnostics: result.diagnostics, statements: result.statements }),
    };
  } catch (e) {
    return { id: req.id, error: (e as Error).stack ?? String(e) };
  }
}

/** Set in workerData by the pool, so importing this module anywhere else has no effect. */
export const WORKER_MARK = 'spif-reader-worker';

if (parentPort && (workerData as { mark?: string } | undefined)?.mark === WORKER_MARK) {
  const port = parentPort;
  port.on('message', (req: WorkerRequest) => {
    const post: Post = (message) => port.postMessage(message);
    void handle(req, post).then(post);
  });
}
