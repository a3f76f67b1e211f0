/**
 * Parse cache (`--cache DIR`): what a reader made of one file (catalog ops and diagnostics),
 * stored under a hash of everything the result depends on — the file's text and shown path
 * (ops carry locations), the reader, the dialect and the spif version. A re-scan of a large
 * repository after a small change re-reads only the changed files.
 *
 * Entries are v8-serialized (structured clone keeps ops exactly as the reader made them, including
 * `undefined` fields) and checked on load: an entry that does not deserialize, or whose key or
 * shape is wrong, is ignored and the file is read again. Writes go to a temporary file and are
 * renamed into place, so a scan that is killed never leaves half an entry behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { Dialect } from '../dialect.js';
import type { ReadResult } from '../catalog/read-result.js';
import { VERSION } from '../version.js';

/** Bumped when the entry layout changes, or readers emit new ops (2: column-values counts; 3: diagnostics' catalogue text; 4: SQL Server written names; 5: Oracle packages; 6: vendor routine writes and trigger calls; 7: MySQL routines' calls, parameter modes and writes; 8: PostgreSQL routines' writes, calls and parameters; 9: MySQL multiple-table UPDATE copies). */
const FORMAT = 9;

export interface CacheKeyParts {
  reader: string;
  dialect: Dialect;
  /** Path as shown in ops and diagnostics. */
  path: string;
  text: string;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that existed but could not be trusted (corrupt, truncated, other key). */
  rejected: number;
  writes: number;
}

/** A reader's result depends on exactly these: the parse cache and the in-memory ReadMemo key by them. */
export function readKey(parts: CacheKeyParts): string {
  const h = crypto.createHash('sha256');
  h.update(`spif-parse-cache ${FORMAT} ${VERSION}\0${parts.reader}\0${parts.dialect}\0${parts.path}\0`);
  h.update(parts.text);
  return h.digest('hex');
}

export class ParseCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };

  constructor(readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.bin`);
  }

  /** The stored result, or undefined when there is none or it cannot be trusted. */
  get(key: string): ReadResult | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.file(key));
    } catch {
      this.stats.misses++;
      return undefined;
    }
    try {
      const entry = v8.deserialize(bytes) as { format?: unknown; key?: unknown; result?: ReadResult };
      if (entry?.format === FORMAT && entry.key === key && isReadResult(entry.result)) {
        this.stats.hits++;
        return entry.result;
      }
    } catch {
      // fall through: a damaged entry is as good as none
    }
    this.stats.rejected++;
    this.stats.misses++;
    return undefined;
  }

  /** Stores a result; a cache that cannot be written only costs speed, never the scan. */
  set(key: string, result: ReadResult): void {
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(tmp, v8.serialize({ format: FORMAT, key, result }));
      fs.renameSync(tmp, file);
      this.stats.writes++;
    } catch {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }
}

function isReadResult(x: unknown): x is ReadResult {
  if (!x || typeof x !== 'object') return false;
  const r = x as Record<string, unknown>;
  return (
    Array.isArray(r.ops) &&
    Array.isArray(r.diagnostics) &&
    r.ops.every((op) => !!op && typeof op === 'object' && typeof (op as { op?: unknown }).op === 'string') &&
    r.diagnostics.every((d) => !!d && typeof d === 'object' && typeof (d as { code?: unknown }).code === 'string')
  );
}
