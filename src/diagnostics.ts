/** Problems found while reading inputs. They never stop a scan; they are reported with it. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. SPIF-SQL-SYNTAX, SPIF-SQL-UNSUPPORTED, SPIF-CONFIG. */
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
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
