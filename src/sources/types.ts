/** The one interface every source reader implements. */
import type { CatalogOp } from '../catalog/ops.js';
import type { Dialect } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics.js';

export interface SourceText {
  /** Path as shown to users (relative to the working directory when inside it). */
  path: string;
  text: string;
}

export interface ReadContext {
  dialect: Dialect;
}

/** Statements a reader found in a file, and how many it read without an error or warning. */
export interface StatementCount {
  total: number;
  read: number;
}

export interface ReadResult {
  ops: CatalogOp[];
  diagnostics: Diagnostic[];
  /** Set by readers that count their statements; else statements.ts derives it from locations. */
  statements?: StatementCount;
}

export interface SourceReader {
  /** e.g. 'postgresql', 'mysql', 'typeorm', 'prisma' */
  name: string;
  /** Whether this reader takes the file (by name, and for shared extensions such as .ts, by content). */
  accepts(path: string, text: string, ctx: ReadContext): boolean;
  read(source: SourceText, ctx: ReadContext): ReadResult | Promise<ReadResult>;
  /**
   * Readers whose sources refer to each other across files (ORM entities) read all of a
   * database's files at once; ops come back in an order the catalog builder can apply.
   */
  readProject?(sources: SourceText[], ctx: ReadContext): ReadResult | Promise<ReadResult>;
}
