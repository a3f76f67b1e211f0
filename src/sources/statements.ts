/**
 * How much of the sources was read: "N of M statements in K files read" in every format's
 * summary (issue 12.10), so that a dump read with the wrong dialect shows at a glance.
 *
 * A statement counts as read when its reader turned it into catalog operations (or knowingly
 * skipped it as irrelevant, docs/parsers.md) without an error or warning of its own. Readers
 * that count their statements say so in `ReadResult.statements`; for the others the count is
 * derived from where their operations and diagnostics point: every distinct location is one
 * statement (or declaration, for ORM models), and a location with an error or warning is one
 * not fully read.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ReadResult, SourceText, StatementCount } from './types.js';

export interface ReadTally {
  /** Source files found for the scan (given, from directories or from `sources` globs). */
  filesFound: number;
  /** Files a reader took, whether or not it could read them all. */
  accepted: number;
  /** Files a reader read (the rest: unreadable, too large, timed out, or of no known kind). */
  filesRead: number;
  statements: number;
  statementsRead: number;
}

export function emptyTally(): ReadTally {
  return { filesFound: 0, accepted: 0, filesRead: 0, statements: 0, statementsRead: 0 };
}

export function addTally(into: ReadTally, more: ReadTally): ReadTally {
  into.filesFound += more.filesFound;
  into.accepted += more.accepted;
  into.filesRead += more.filesRead;
  into.statements += more.statements;
  into.statementsRead += more.statementsRead;
  return into;
}

const key = (line: number | undefined, column: number | undefined) => `${line ?? 0}:${column ?? 0}`;

function failing(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'warning';
}

/** One file's count: the reader's own, else derived from its ops' and diagnostics' locations. */
export function countStatements(file: string, result: ReadResult): StatementCount {
  if (result.statements) return result.statements;
  const all = new Set<string>();
  const bad = new Set<string>();
  for (const op of result.ops) if (op.at.file === file) all.add(key(op.at.line, op.at.column));
  for (const d of result.diagnostics) {
    if ((d.file ?? file) !== file || !failing(d)) continue;
    const k = key(d.line, d.column);
    all.add(k);
    bad.add(k);
  }
  return { total: all.size, read: [...all].filter((k) => !bad.has(k)).length };
}

/** Counts for readers that read a database's files together: split by the file each op names. */
export function countProject(sources: SourceText[], result: ReadResult): StatementCount {
  const total: StatementCount = { total: 0, read: 0 };
  for (const s of sources) {
    const one = countStatements(s.path, result);
    total.total += one.total;
    total.read += one.read;
  }
  return total;
}

/** Files and statements of a project read (ORM models): files whose reader failed are not counted as read. */
export function projectTally(sources: SourceText[], result: ReadResult): ReadTally {
  const failed = new Set(
    result.diagnostics
      .filter((d) => d.code === 'SPIF-READER-FAILED' || d.code === 'SPIF-SOURCE-TOO-DEEP')
      .map((d) => d.file),
  );
  const read = sources.filter((s) => !failed.has(s.path));
  const count = countProject(read, result);
  return {
    filesFound: 0,
    accepted: sources.length,
    filesRead: read.length,
    statements: count.total,
    statementsRead: count.read,
  };
}

/** "N of M statements in K files read" as data for the report (all optional: added fields). */
export function tallySummary(t: ReadTally): {
  files: number;
  filesFound: number;
  statements: number;
  statementsRead: number;
} {
  return { files: t.filesRead, filesFound: t.filesFound, statements: t.statements, statementsRead: t.statementsRead };
}
