/** The one interface every source reader implements. */
import type { Dialect } from '../dialect.js';
import type { ReadResult } from '../catalog/read-result.js';

export type { ReadResult, StatementCount } from '../catalog/read-result.js';

export interface SourceText {
  /** Path as shown to users (relative to the working directory when inside it). */
  path: string;
  text: string;
}

export interface ReadContext {
  dialect: Dialect;
  /** For readProject: the database's TypeScript files no reader takes, which imports may lead into. */
  companions?: readonly SourceText[];
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
