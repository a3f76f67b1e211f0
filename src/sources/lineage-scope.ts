/**
 * Name scopes for view lineage, shared by the readers whose parsers give no resolved names
 * (MySQL on node-sql-parser, SQLite/BigQuery on sql-parser-cst): which FROM entry a column
 * reference belongs to, and which base columns it carries.
 */
import type { QualifiedName, ViewColumn } from '../catalog/model.js';

export type Origin = { relation: QualifiedName; column: string };

/** A FROM entry: a base relation (columns known when declared earlier) or a derived table. */
export type Source =
  { kind: 'base'; relation: QualifiedName; columns?: string[] } | { kind: 'derived'; columns: ViewColumn[] };

export interface Scope {
  entries: [alias: string, source: Source][];
  parent?: Scope;
}

/** The base columns a column of this FROM entry carries; undefined when it has no such column. */
export function originsIn(src: Source, column: string): Origin[] | undefined {
  if (src.kind === 'derived') return src.columns.find((c) => c.name === column)?.from;
  if (!src.columns) return [{ relation: src.relation, column }];
  return src.columns.includes(column) ? [{ relation: src.relation, column }] : undefined;
}

/**
 * A column without a qualifier belongs to the FROM entry that has it, innermost scope first.
 * Where the columns of a relation are unknown (declared in another file), every such entry of the
 * innermost scope is taken: spif would rather over-link than hide a path to the number.
 */
export function resolveBare(column: string, scope: Scope): Origin[] {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const known = s.entries.filter(([, src]) => src.kind === 'derived' || src.columns);
    const hits = known.map(([, src]) => originsIn(src, column)).filter((o): o is Origin[] => o !== undefined);
    if (hits.length) return hits.flat();
  }
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const unknown = s.entries.filter(([, src]) => src.kind === 'base' && !src.columns);
    if (unknown.length)
      return unknown.map(([, src]) => ({ relation: (src as { relation: QualifiedName }).relation, column }));
  }
  return [];
}

export function originKey(o: Origin): string {
  return `${o.relation.schema}.${o.relation.name}.${o.column}`;
}

export function dedupeOrigins(list: Origin[]): Origin[] {
  return [...new Map(list.map((o) => [originKey(o), o])).values()];
}
