/**
 * What reading one source gives the catalog builder: the ops it replays and the problems found.
 * Declared here, below sources/, so that stores of read results (the parse cache) need not
 * import the readers' folder.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { CatalogOp } from './ops.js';

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
