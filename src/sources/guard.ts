/**
 * The pipeline's safety net around readers. Readers report bad input as diagnostics themselves;
 * when one throws anyway (a bug, or a parser that ran out of stack on absurdly nested input), the
 * exception becomes an error diagnostic on that file and the scan goes on with the next file.
 * A scan of hostile input therefore never ends in an "internal error".
 */
import { type Diagnostic, type TextArg, part, said } from '../diagnostics.js';
import type { ReadContext, ReadResult, SourceReader, SourceText } from './types.js';
import { nth } from '../indexed.js';

/** A reader threw: a bug in spif, reported with the file that triggered it. */
export const READER_FAILED = 'SPIF-READER-FAILED';
/** The parser ran out of call stack: input nested deeper than any parser here can follow. */
export const SOURCE_TOO_DEEP = 'SPIF-SOURCE-TOO-DEEP';

/** What a reader says about a statement its parser could not follow for depth. */
export const NESTED_TOO_DEEP = 'nested too deeply for the parser (it ran out of stack)';

/** A parser's message as an argument: its own text as written, or NESTED_TOO_DEEP as the entry. */
export function parserText(message: string): TextArg {
  return message === NESTED_TOO_DEEP ? part('diag.sql.tooDeep') : message;
}

/** Whether an exception is JavaScript's call-stack exhaustion (deep recursion in a parser). */
export function isStackExhaustion(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** The diagnostic for an exception a reader let escape while reading `file`. */
export function readerFailure(reader: string, file: string, e: unknown): Diagnostic {
  if (isStackExhaustion(e)) {
    return {
      severity: 'error',
      code: SOURCE_TOO_DEEP,
      file,
      line: 1,
      column: 1,
      ...said('diag.source.tooDeep', reader),
    };
  }
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return {
    severity: 'error',
    code: READER_FAILED,
    file,
    line: 1,
    column: 1,
    ...said('diag.source.readerFailed', reader, firstLine(what)),
  };
}

function firstLine(s: string): string {
  const line = nth(s.split('\n', 1), 0);
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** `reader.read`, with an escaped exception turned into a diagnostic. */
export async function readGuarded(reader: SourceReader, source: SourceText, ctx: ReadContext): Promise<ReadResult> {
  try {
    return await reader.read(source, ctx);
  } catch (e) {
    return { ops: [], diagnostics: [readerFailure(reader.name, source.path, e)] };
  }
}

/**
 * `reader.readProject` over a database's files. When it throws, each file is read on its own so
 * the one that fails is named and the others are still read (names across files may then stay
 * unresolved, which the per-file read reports as usual).
 */
export async function readProjectGuarded(
  reader: SourceReader,
  sources: SourceText[],
  ctx: ReadContext,
): Promise<ReadResult> {
  const readProject = reader.readProject!.bind(reader);
  try {
    return await readProject(sources, ctx);
  } catch (e) {
    if (sources.length === 1) return { ops: [], diagnostics: [readerFailure(reader.name, nth(sources, 0).path, e)] };
  }
  const out: ReadResult = { ops: [], diagnostics: [] };
  for (const source of sources) {
    try {
      const one = await readProject([source], ctx);
      out.ops.push(...one.ops);
      out.diagnostics.push(...one.diagnostics);
    } catch (e) {
      out.diagnostics.push(readerFailure(reader.name, source.path, e));
    }
  }
  return out;
}
