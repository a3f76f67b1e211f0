/**
 * Reading every source of a scan (issue 13.4): each database's files (parse cache, worker pool,
 * project readers for ORM models) and its live server, in the order the catalog builder applies
 * them. The pipeline calls this once; which reader reads what comes from the reader table
 * (readers.ts), the live server included.
 */
import type { CatalogOp } from '../catalog/ops.js';
import type { Dialect } from '../dialect.js';
import type { Diagnostic } from '../diagnostics.js';
import { createsFirst } from './deferred.js';
import type { DatabaseSources } from './discover.js';
import { readProjectGuarded } from './guard.js';
import { readDatabaseFiles, type DatabaseReadResult, type ReadFilesOptions } from './parallel.js';
import { serverReader } from './readers.js';
import { addTally, emptyTally, projectTally, type ReadTally } from './statements.js';
import { nth } from '../indexed.js';

/** One database's input to the catalog builder: its ops in the order they apply. */
export interface DatabaseInput {
  database: string;
  dialect: Dialect;
  ops: CatalogOp[];
}

export interface ReadSourcesOptions extends ReadFilesOptions {
  /** `--sample N`: a live server reads at most N values of each candidate column (counts only). */
  sample?: number;
}

export interface SourcesRead {
  inputs: DatabaseInput[];
  diagnostics: Diagnostic[];
  /** Files and statements found and read, for the report's "N of M statements in K files read". */
  tally: ReadTally;
}

export async function readSources(databases: DatabaseSources[], options: ReadSourcesOptions): Promise<SourcesRead> {
  const diagnostics: Diagnostic[] = [];
  const tally = emptyTally();
  // Files are read first (the pool parses them together); each database is then assembled in order.
  const { results } = await readDatabaseFiles(databases, options);
  const inputs: DatabaseInput[] = [];
  for (const [i, db] of databases.entries()) {
    const ops: CatalogOp[] = [];
    if (db.url) {
      const live = await (
        await serverReader(db.dialect)
      ).read(db.url, {
        database: db.database,
        ...(options.sample ? { sample: options.sample } : {}),
      });
      ops.push(...live.ops);
      diagnostics.push(...live.diagnostics);
    }
    // One op at a time: a spread of a large estate's ops would overflow the call stack.
    for (const op of await fileOps(db, nth(results, i), diagnostics, tally)) ops.push(op);
    inputs.push({ database: db.database, dialect: db.dialect, ops: createsFirst(ops, db.database, diagnostics) });
  }
  return { inputs, diagnostics, tally };
}

/**
 * A database's file ops. ORM models come first: the database's SQL files (grants, owners, views)
 * refer to their tables. When the SQL creates the models' tables itself (the migrations the ORM
 * generated), the SQL is what runs, in its own order, and the models come after it (they add
 * comments and marks).
 */
async function fileOps(
  db: DatabaseSources,
  read: DatabaseReadResult,
  diagnostics: Diagnostic[],
  tally: ReadTally,
): Promise<CatalogOp[]> {
  const models: CatalogOp[] = [];
  for (const [reader, sources] of read.batches) {
    const result = await readProjectGuarded(reader, sources, { dialect: db.dialect, companions: read.companions });
    models.push(...result.ops);
    diagnostics.push(...result.diagnostics);
    addTally(tally, projectTally(sources, result));
  }
  addTally(tally, read.tally);
  diagnostics.push(...read.diagnostics);
  const sqlCreates = new Set(read.ops.flatMap((o) => (o.op === 'create-table' ? [o.name.name] : [])));
  const migrations = models.some((o) => o.op === 'create-table' && sqlCreates.has(o.name.name));
  return migrations ? [...read.ops, ...models] : [...models, ...read.ops];
}
