/** Problems found while reading inputs. They never stop a scan; they are reported with it. */
import type { CodeAndSeverity, CodeOf, Severity } from './diagnostic-codes.js';
import { type DiagnosticKey, type DiagnosticText, type TextArg, renderText } from './diagnostic-text/index.js';

export type { DiagnosticText, TextArg } from './diagnostic-text/index.js';
export { listOf, shortList } from './diagnostic-text/index.js';

/**
 * `code` is a stable code registered in src/diagnostic-codes.ts (docs/diagnostics.md), e.g.
 * SPIF-SQL-SYNTAX, and `severity` is that code's one severity there.
 */
export type Diagnostic = CodeAndSeverity & {
  /** The English text (the JSON report's `message`). */
  message: string;
  /** The same message as a catalogue entry, so reporters can render it in the user's language. */
  text?: DiagnosticText;
  file?: string;
  line?: number;
  column?: number;
};

/**
 * The head of a diagnostic built by a reader's helper that takes any code of one severity
 * (`warn(code, …)`): the helper states the severity, and the type admits only codes registered
 * with it. (TypeScript cannot pair a union of codes with one severity by itself.)
 */
export function coded<S extends Severity>(severity: S, code: CodeOf<S>): CodeAndSeverity {
  return { severity, code } as CodeAndSeverity;
}

/**
 * A diagnostic's message from the catalogue entry `key`: `message` is its English text, `text` the
 * entry, for the reporters to render in the user's language. Spread it into the diagnostic:
 * `{ ...coded('warning', code), ...said('sql.unknownRelation', id), ...at }`. Text written by a
 * parser or a server is passed as an argument, as it is.
 */
/** A message and its catalogue entry, as `said` makes them: what a reader's `warn` takes. */
export type Said = { message: string; text: DiagnosticText };

export function said(key: DiagnosticKey, ...args: TextArg[]): Said {
  const text = { key, args };
  return { message: renderText('en', text)!, text };
}

/** A routine's unanalysed reason (catalog RoutineDefinition): its English text and its entry. */
export function reasonOf(s: Said): { unanalysedReason: string; unanalysedText: DiagnosticText } {
  return { unanalysedReason: s.message, unanalysedText: s.text };
}

/** An entry used as an argument of another (a reason, a part of a sentence). */
export function part(key: DiagnosticKey, ...args: TextArg[]): DiagnosticText {
  return { key, args };
}

/** An error the user caused (bad flags, unreadable config): printed without a stack trace, exit 2. */
export class UserError extends Error {
  /** The message as a catalogue entry (report/messages.ts key and arguments), so the CLI can print it in the user's language. */
  text?: { key: string; args: (string | number)[] };
  /** `details` in another language, where they can be written in it. */
  detailsIn?: (lang: 'ja' | 'en') => string[];
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }

  /** Marks the message as the catalogue entry `key` with `args` (its English text is `message`). */
  as(key: string, ...args: (string | number)[]): this {
    this.text = { key, args };
    return this;
  }
}
