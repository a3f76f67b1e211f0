/**
 * Find the number columns (the sinks) of a catalog.
 *
 * Precedence, strongest first:
 * 1. config `numberColumns.exclude`: never a number column, whatever else says so;
 * 2. config `include` (individual-number) / `substitute` (substitute-code); a column in both is
 *    taken as individual-number;
 * 3. `Column.mark`, set by the source itself (an ORM doc tag);
 * 4. view lineage: a view column that carries a number column's value unchanged is that number;
 * 5. the rules on the column's name and comment (rules.ts), vetoed by the exclusions.
 */
import {
  columnId, defaultSchema, type Catalog, type Column, type ColumnId, type QualifiedName, type Relation,
  type SourceLocation,
} from '../catalog/model.js';
import { classifyColumnName } from './classify.js';
import type { NumberKind } from './rules.js';

export interface NumberColumnHit {
  /** Relation id `database.schema.relation`. */
  relation: string;
  column: string;
  columnId: ColumnId;
  kind: NumberKind;
  /** A rule id, or 'config-include' | 'config-substitute' | 'source-mark' | 'view-lineage'. */
  rule: string;
  /** Human text: what showed it, e.g. "column name 'kojin_bango'" or "comment '個人番号'". */
  evidence: string;
  /** The column's location, or its comment's when the comment was the evidence. */
  source?: SourceLocation;
}

export interface NumberColumnConfig {
  include?: string[];
  substitute?: string[];
  exclude?: string[];
}

/** Does a config reference (`database.schema.relation.column`, `*` = one segment) match an id? */
export type RefMatcher = (pattern: string, id: string) => boolean;

function explicitHit(
  relation: Relation, column: Column, config: NumberColumnConfig, matchesRef: RefMatcher,
): Omit<NumberColumnHit, 'relation' | 'column' | 'columnId'> | undefined {
  const id = columnId(relation.id, column.name);
  const listedIn = (patterns: string[] | undefined) => patterns?.find((pattern) => matchesRef(pattern, id));
  const included = listedIn(config.include);
  if (included !== undefined) {
    return { kind: 'individual-number', rule: 'config-include', evidence: `numberColumns.include '${included}'`, source: column.source };
  }
  const substituted = listedIn(config.substitute);
  if (substituted !== undefined) {
    return { kind: 'substitute-code', rule: 'config-substitute', evidence: `numberColumns.substitute '${substituted}'`, source: column.source };
  }
  if (column.mark) {
    return { kind: column.mark, rule: 'source-mark', evidence: `marked '${column.mark}' in the source`, source: column.source };
  }
  return undefined;
}

function ruleHit(column: Column): Omit<NumberColumnHit, 'relation' | 'column' | 'columnId'> | undefined {
  const found = classifyColumnName(column.name, column.comment);
  if (!found || 'excludedBy' in found) return undefined;
  const byComment = found.rule.startsWith('comment-');
  return {
    kind: found.kind, rule: found.rule, evidence: found.evidence,
    source: byComment ? column.commentSource ?? column.source : column.source,
  };
}

/** A base relation's id; the catalog builder fills database and schema, the fallbacks are defensive. */
function baseRelationId(view: Relation, name: QualifiedName): string {
  return `${name.database ?? view.database}.${name.schema ?? defaultSchema(view.dialect)}.${name.name}`;
}

export function detectNumberColumns(
  catalog: Catalog, config: NumberColumnConfig, matchesRef: RefMatcher,
): Map<ColumnId, NumberColumnHit> {
  const hits = new Map<ColumnId, NumberColumnHit>();
  const excluded = new Set<ColumnId>();
  /** Hits that lineage may not replace (config and source marks). */
  const explicit = new Set<ColumnId>();

  for (const relation of catalog.relations.values()) {
    for (const column of relation.columns) {
      const id = columnId(relation.id, column.name);
      if (config.exclude?.some((pattern) => matchesRef(pattern, id))) {
        excluded.add(id);
        continue;
      }
      const stated = explicitHit(relation, column, config, matchesRef);
      if (stated) explicit.add(id);
      const found = stated ?? ruleHit(column);
      if (found) hits.set(id, { relation: relation.id, column: column.name, columnId: id, ...found });
    }
  }

  // View lineage, to a fixed point so views on views are followed. Each pass only adds lineage
  // hits, and a lineage hit is never replaced, so this ends after at most one pass per view level.
  const views = [...catalog.relations.values()].filter((relation) => relation.view);
  for (let changed = true; changed;) {
    changed = false;
    for (const view of views) {
      for (const [index, viewColumn] of view.view!.columns.entries()) {
        const id = columnId(view.id, viewColumn.name);
        const current = hits.get(id);
        if (excluded.has(id) || explicit.has(id) || current?.rule === 'view-lineage') continue;
        const bases = viewColumn.from
          .map((from) => hits.get(columnId(baseRelationId(view, from.relation), from.column)))
          .filter((hit): hit is NumberColumnHit => hit !== undefined);
        if (bases.length === 0) continue;
        const base = bases.find((hit) => hit.kind === 'individual-number') ?? bases[0];
        const column = view.columns.find((c) => c.name === viewColumn.name) ?? view.columns[index];
        hits.set(id, {
          relation: view.id, column: viewColumn.name, columnId: id, kind: base.kind, rule: 'view-lineage',
          evidence: `carries '${base.columnId}' (${base.rule})`, source: column?.source ?? view.source,
        });
        changed = true;
      }
    }
  }
  return hits;
}
