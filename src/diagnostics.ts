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
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}
