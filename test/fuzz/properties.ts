/**
 * What must hold for every input, whatever its bytes: the reader returns (no exception), every
 * diagnostic is well-formed and points into the file, no message carries a stack trace, and
 * reading takes time in proportion to the input's size.
 */
import type { Diagnostic } from '../../src/diagnostics.js';
import { READER_FAILED } from '../../src/sources/guard.js';
import type { FuzzTarget, Outcome } from './targets.js';
import { capture, nth } from '../../src/indexed.js';

/** Time allowed for one input: a fixed allowance (GC pauses, a busy machine) plus a rate per KB. */
export const TIME_BASE_MS = 5000;
export const TIME_PER_KB_MS = 50;

export function timeBudgetMs(bytes: number): number {
  return TIME_BASE_MS + TIME_PER_KB_MS * (bytes / 1024);
}

const STACK_FRAME = /\n\s+at .+[(:]\d+:\d+\)?/;
const SEVERITIES = new Set(['error', 'warning', 'info']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Problems with one outcome; empty when every property holds. */
export function violations(target: FuzzTarget, out: Outcome, elapsedMs: number, bytes: number): string[] {
  const found: string[] = [];
  if (elapsedMs > timeBudgetMs(bytes)) {
    found.push(`took ${Math.round(elapsedMs)} ms for ${bytes} bytes (budget ${Math.round(timeBudgetMs(bytes))} ms)`);
  }
  const lines = out.text.split('\n');
  const lineCount = lines.length;
  if (out.problems) {
    for (const p of out.problems) {
      const m = /^spif\.config\.yaml:(\d+)(?::(\d+))?: \S/.exec(p);
      if (!m) found.push(`config problem without file:line: ${JSON.stringify(p.slice(0, 200))}`);
      else if (+capture(m, 1) < 1 || +capture(m, 1) > lineCount)
        found.push(`config problem line ${m[1]} outside 1..${lineCount}`);
      if (STACK_FRAME.test(p)) found.push(`stack trace in config problem: ${p.slice(0, 200)}`);
      // Printed on stderr as they are: nothing from the file may reach the terminal raw.
      if (CONTROL.test(p)) found.push(`raw control character in config problem: ${JSON.stringify(p.slice(0, 200))}`);
    }
  }
  for (const d of out.diagnostics) found.push(...diagnosticProblems(target, out, d, lines));
  return found;
}

function diagnosticProblems(target: FuzzTarget, out: Outcome, d: Diagnostic, lines: string[]): string[] {
  const lineCount = lines.length;
  const found: string[] = [];
  const show = `${d.code} ${JSON.stringify(String(d.message).slice(0, 120))}`;
  if (!SEVERITIES.has(d.severity)) found.push(`bad severity ${String(d.severity)}: ${show}`);
  if (typeof d.code !== 'string' || !/^SPIF-[A-Z0-9-]+$/.test(d.code)) found.push(`bad code: ${show}`);
  if (typeof d.message !== 'string' || d.message.trim() === '') found.push(`empty message: ${show}`);
  else if (STACK_FRAME.test(d.message)) found.push(`stack trace in message: ${show}`);
  // The pipeline's safety net caught an exception: a reader bug (stack exhaustion is a reported limit).
  if (d.code === READER_FAILED) found.push(`reader threw: ${show}`);
  if (d.file !== out.path) found.push(`file is ${JSON.stringify(d.file)}, expected ${out.path}: ${show}`);
  const located = d.line !== undefined || d.column !== undefined;
  if (target.kind === 'sql' && !located) found.push(`SQL diagnostic without line:column: ${show}`);
  if (located) {
    if (!Number.isInteger(d.line) || d.line! < 1 || d.line! > lineCount)
      found.push(`line ${d.line} outside 1..${lineCount}: ${show}`);
    if (!Number.isInteger(d.column) || d.column! < 1) found.push(`column ${d.column} < 1: ${show}`);
    else if (Number.isInteger(d.line) && d.line! >= 1 && d.line! <= lineCount) {
      const width = nth(lines, d.line! - 1).length;
      if (d.column! > width + 1)
        found.push(`column ${d.column} past the end of line ${d.line} (${width} chars): ${show}`);
    }
  }
  return found;
}
