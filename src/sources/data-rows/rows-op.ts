/**
 * The catalog op for the rows of one INSERT statement, named the way the reading dialect names
 * things. Each SQL reader calls this for the INSERT statements it otherwise skips, with its own
 * folding and qualification; the op carries counts only (see insert-rows.ts).
 */
import type { QualifiedName, SourceLocation } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { insertRows, type InsertDialect, type NamePart } from './insert-rows.js';

export interface RowsNaming {
  /** The relation's parts (already folded) as the reader qualifies a relation name. */
  qualify(parts: string[]): QualifiedName;
  /** A relation or schema name part as the dialect stores it. */
  foldRelation(part: NamePart): string;
  /** A column name as the dialect compares it. */
  foldColumn(part: NamePart): string;
}

/** A `column-values` op for an `INSERT|REPLACE … VALUES` statement; undefined for anything else. */
export function insertRowsOp(
  sql: string,
  dialect: InsertDialect,
  naming: RowsNaming,
  at: SourceLocation,
): CatalogOp | undefined {
  const rows = insertRows(sql, dialect);
  if (!rows) return undefined;
  return {
    op: 'column-values',
    at,
    table: naming.qualify(rows.table.map((p) => naming.foldRelation(p))),
    ...(rows.columns ? { columns: rows.columns.map((c) => naming.foldColumn(c)) } : {}),
    stats: rows.stats,
  };
}

/** INSERT or REPLACE at the start of a statement (after comments and blanks). */
export const INSERT_START = /^(?:\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*(?:insert|replace)\b/i;
