/**
 * Per-file limits on reading sources, so that a hostile or absurd file (a 10 GB dump, a parser
 * that never returns) costs a reported diagnostic instead of the scan. docs/security.md lists them.
 */
import fs from 'node:fs';
import { type Diagnostic, said } from '../diagnostics.js';

/** `limits.maxFileBytes` when the config does not set it: larger files are not read. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Wall-clock time one file may take in a reading worker before the worker is stopped and the file
 * reported (SPIF-SOURCE-TIMEOUT). Generous: a 64 MiB PostgreSQL dump parses in well under it.
 */
export const FILE_TIME_LIMIT_MS = 120_000;

/**
 * Files from this size are read in a worker (when workers are allowed, `--jobs` > 1) even in a
 * small scan, so that the time limit applies to every file big enough to take long.
 */
export const TIMED_MIN_BYTES = 1_000_000;

export const SOURCE_TOO_LARGE = 'SPIF-SOURCE-TOO-LARGE';
export const SOURCE_TIMEOUT = 'SPIF-SOURCE-TIMEOUT';

/** Thrown by readFileWithin: the file was not read because of its size. */
export class FileTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${size} bytes is over limits.maxFileBytes (${limit})`);
    this.name = 'FileTooLargeError';
  }
}

/** Reads a file unless its size is over `limit` (checked before reading, so nothing big is loaded). */
export function readFileWithin(file: string, limit: number): Uint8Array {
  const size = fs.statSync(file).size;
  if (size > limit) throw new FileTooLargeError(size, limit);
  return fs.readFileSync(file);
}

export function tooLargeDiagnostic(file: string, size: number, limit: number): Diagnostic {
  return {
    severity: 'error',
    code: SOURCE_TOO_LARGE,
    file,
    ...said('diag.source.tooLarge', size, limit),
  };
}

export function timeoutDiagnostic(file: string, limitMs: number): Diagnostic {
  return {
    severity: 'error',
    code: SOURCE_TIMEOUT,
    file,
    ...said('diag.source.tooSlow', limitMs >= 1000 ? `${Math.round(limitMs / 1000)} s` : `${limitMs} ms`),
  };
}
