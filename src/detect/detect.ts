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
  columnId,
  defaultSchema,
  type Catalog,
  type Column,
  type ColumnId,
  type QualifiedName,
  type Relation,
  type RelationId,
  relationIdOf,
  type SourceLocation,
} from '../catalog/model.js';
import { statsText } from './check-digit.js';
import { classifyColumn, type CandidateInfo } from './classify.js';
import { japaneseText } from './context.js';
import { evidence } from './explain.js';
import type { NumberKind } from './rules.js';
import { nth } from '../indexed.js';
import { counter, type Tick } from '../progress-tick.js';

export interface NumberColumnHit {
  /** Relation id `database.schema.relation`. */
  relation: RelationId;
  column: string;
  columnId: ColumnId;
  kind: NumberKind;
  /** A rule id, or 'config-include' | 'config-substitute' | 'source-mark' | 'view-lineage'. */
  rule: string;
  /** Human text: what showed it, e.g. "column name 'kojin_bango'" or "comment '個人番号'". */
  evidence: string;
  /** The column's location, or its comment's when the comment was the evidence. */
  source?: SourceLocation;
  /** The reason written beside the config decision (`numberColumns.include[].reason`): the basis of the verdict. */
  reason?: string;
}

/**
 * A column the rules could not decide (要確認): it may be the number. It is not a number column
 * (it makes nothing specific) until the config decides it; `spif check` fails while it is undecided.
 */
export interface CandidateColumn extends CandidateInfo {
  relation: string;
  column: string;
  columnId: ColumnId;
  /** What it would be: the kind a decision to include it gives. */
  kind: NumberKind;
  rule: string;
  evidence: string;
  source?: SourceLocation;
  /** Set when the config decided it: `include` made it a number column, `exclude` says it is not one. */
  decision?: { verdict: 'number' | 'not-number'; pattern: string; reason?: string };
}

/** A config entry: a pattern, or a pattern with the reason for the decision. */
export type NumberColumnEntry = string | { column: string; reason?: string };

export interface NumberColumnConfig {
  include?: NumberColumnEntry[];
  substitute?: NumberColumnEntry[];
  exclude?: NumberColumnEntry[];
}

export interface DetectedColumns {
  numbers: Map<ColumnId, NumberColumnHit>;
  /** Candidates, undecided and decided, in catalog order. */
  candidates: CandidateColumn[];
}

const patternOf = (entry: NumberColumnEntry) => (typeof entry === 'string' ? entry : entry.column);
const reasonOf = (entry: NumberColumnEntry) => (typeof entry === 'string' ? undefined : entry.reason);

/** Does a config reference (`database.schema.relation.column`, `*` = one segment) match an id? */
export type RefMatcher = (pattern: string, id: string) => boolean;

function explicitHit(
  relation: Relation,
  column: Column,
  config: NumberColumnConfig,
  matchesRef: RefMatcher,
): Omit<NumberColumnHit, 'relation' | 'column' | 'columnId'> | undefined {
  const id = columnId(relation.id, column.name);
  const included = listedIn(config.include, id, matchesRef);
  if (included !== undefined) {
    const reason = reasonOf(included);
    return {
      kind: 'individual-number',
      rule: 'config-include',
      source: column.source,
      ...(reason ? { reason } : {}),
      evidence: evidence('en', reason ? 'include-reason' : 'include', {
        pattern: patternOf(included),
        reason: reason ?? '',
      }),
    };
  }
  const substituted = listedIn(config.substitute, id, matchesRef);
  if (substituted !== undefined) {
    const reason = reasonOf(substituted);
    return {
      kind: 'substitute-code',
      rule: 'config-substitute',
      source: column.source,
      ...(reason ? { reason } : {}),
      evidence: evidence('en', reason ? 'substitute-reason' : 'substitute', {
        pattern: patternOf(substituted),
        reason: reason ?? '',
      }),
    };
  }
  if (column.mark) {
    return {
      kind: column.mark,
      rule: 'source-mark',
      evidence: evidence('en', 'mark', { kind: column.mark }),
      source: column.source,
    };
  }
  return undefined;
}

function listedIn(
  entries: NumberColumnEntry[] | undefined,
  id: string,
  matchesRef: RefMatcher,
): NumberColumnEntry | undefined {
  return entries?.find((entry) => matchesRef(patternOf(entry), id));
}

type RuleFinding = Omit<NumberColumnHit, 'relation' | 'column' | 'columnId'> & { candidate?: CandidateInfo };

/** Does any relation of the catalog have Japanese names or comments? Asked only for the rare column that needs it. */
function japaneseSchemaOf(catalog: Catalog): () => boolean {
  let known: boolean | undefined;
  return () =>
    (known ??= [...catalog.relations.values()].some((r) =>
      japaneseText([r.name, r.comment, ...r.columns.flatMap((c) => [c.name, c.comment])]),
    ));
}

function ruleHit(relation: Relation, column: Column, japaneseSchema: () => boolean): RuleFinding | undefined {
  const context = {
    name: column.name,
    comment: column.comment,
    type: column.type,
    table: relation.name,
    tableComment: relation.comment,
    siblings: relation.columns.map((c) => ({ name: c.name, comment: c.comment })),
    values: column.values,
  };
  let found = classifyColumn(context);
  // The relation shows nothing Japanese; the rest of the schema may.
  if (found && 'excludedBy' in found && found.excludedBy === 'english-name-short-type' && japaneseSchema())
    found = classifyColumn({ ...context, japaneseSchema: true });
  if (!found || 'excludedBy' in found) return undefined;
  const byComment = found.evidence.startsWith('comment ');
  const byData = found.rule === 'data-check-digit' && column.valuesSource;
  return {
    kind: found.kind,
    rule: found.rule,
    evidence: byData
      ? statsText(column.values!, `${column.valuesSource!.file}:${column.valuesSource!.line}`)
      : found.evidence,
    source: byComment ? (column.commentSource ?? column.source) : column.source,
    ...(found.candidate ? { candidate: found.candidate } : {}),
  };
}

/** What the rules found for a column the config decided: kept as a decided candidate, so the report shows the basis. */
function decided(
  at: Pick<CandidateColumn, 'relation' | 'column' | 'columnId'>,
  would: RuleFinding,
  verdict: 'number' | 'not-number',
  entry: NumberColumnEntry,
  reason: string | undefined,
): CandidateColumn {
  const { candidate, ...rest } = would;
  return {
    ...at,
    ...rest,
    reason: candidate?.reason ?? `detected by rule ${would.rule}`,
    settle: candidate?.settle ?? 'decided by numberColumns.exclude',
    decision: { verdict, pattern: patternOf(entry), ...(reason ? { reason } : {}) },
  };
}

/** A base relation's id; the catalog builder fills database and schema, the fallbacks are defensive. */
function baseRelationId(view: Relation, name: QualifiedName): RelationId {
  return relationIdOf(name, { database: view.database, schema: defaultSchema(view.dialect) });
}

/**
 * A view column whose base relation no source defines: the rules on the base column's name
 * (`SELECT kojin_bango AS bango FROM missing_t`: bango carries kojin_bango). A candidate (要確認)
 * is not taken: only a name the rules decide on is.
 */
function undefinedBaseHit(
  catalog: Catalog,
  view: Relation,
  viewColumn: { name: string; from: { relation: QualifiedName; column: string }[] },
): Pick<NumberColumnHit, 'kind' | 'rule' | 'evidence'> | undefined {
  for (const from of viewColumn.from) {
    const baseId = baseRelationId(view, from.relation);
    if (catalog.relations.has(baseId) || from.column === '*') continue;
    const found = classifyColumn({ name: from.column, table: from.relation.name });
    if (!found || 'excludedBy' in found || found.candidate) continue;
    return {
      kind: found.kind,
      rule: 'view-lineage',
      evidence: `carries '${baseId}.${from.column}' (${found.rule}: ${found.evidence}); no source defines ${baseId}`,
    };
  }
  return undefined;
}

/** The number columns of a catalog (see detectColumns for the candidates too). */
export function detectNumberColumns(
  catalog: Catalog,
  config: NumberColumnConfig,
  matchesRef: RefMatcher,
): Map<ColumnId, NumberColumnHit> {
  return detectColumns(catalog, config, matchesRef).numbers;
}

/** Number columns and candidates (要確認) of a catalog, with the config's decisions applied. */
export function detectColumns(
  catalog: Catalog,
  config: NumberColumnConfig,
  matchesRef: RefMatcher,
  /** Progress: relations looked at. */
  onRelations?: Tick,
): DetectedColumns {
  const looked = counter(catalog.relations.size, onRelations);
  let done = 0;
  const hits = new Map<ColumnId, NumberColumnHit>();
  const candidates: CandidateColumn[] = [];
  const excluded = new Set<ColumnId>();
  const japaneseSchema = japaneseSchemaOf(catalog);
  /** Hits that lineage may not replace (config and source marks). */
  const explicit = new Set<ColumnId>();

  for (const relation of catalog.relations.values()) {
    looked(++done);
    for (const column of relation.columns) {
      const id = columnId(relation.id, column.name);
      const at = { relation: relation.id, column: column.name, columnId: id };
      const exclusion = listedIn(config.exclude, id, matchesRef);
      if (exclusion !== undefined) {
        excluded.add(id);
        // What the rules would have said is kept, so the report shows the decision and its reason.
        const would = column.mark ? undefined : ruleHit(relation, column, japaneseSchema);
        if (would) candidates.push(decided(at, would, 'not-number', exclusion, reasonOf(exclusion)));
        continue;
      }
      const stated = explicitHit(relation, column, config, matchesRef);
      if (stated) {
        explicit.add(id);
        hits.set(id, { ...at, ...stated });
        const would = stated.rule === 'source-mark' ? undefined : ruleHit(relation, column, japaneseSchema);
        const entry = listedIn(config.include, id, matchesRef) ?? listedIn(config.substitute, id, matchesRef);
        if (would?.candidate && entry !== undefined)
          candidates.push(decided(at, would, 'number', entry, stated.reason));
        continue;
      }
      const found = ruleHit(relation, column, japaneseSchema);
      if (!found) continue;
      if (found.candidate) {
        const { candidate, ...rest } = found;
        candidates.push({ ...at, ...rest, ...candidate });
      } else hits.set(id, { ...at, ...found });
    }
  }

  // View lineage, to a fixed point so views on views are followed. Each pass only adds lineage
  // hits, and a lineage hit is never replaced, so this ends after at most one pass per view level.
  const views = [...catalog.relations.values()].filter((relation) => relation.view);
  // Copies (partitions, inheritance, LIKE, INSERT … SELECT, triggers): the column holds the source's
  // values. A partition's or child's column is its parent's column, so that pair goes both ways.
  const copies: { relation: Relation; column: string; from: ColumnId; via: string }[] = [];
  for (const relation of catalog.relations.values()) {
    for (const column of relation.columns) {
      for (const src of column.copiedFrom ?? []) {
        const from = columnId(baseRelationId(relation, src.relation), src.column);
        copies.push({ relation, column: column.name, from, via: src.via });
        const parent = catalog.relations.get(baseRelationId(relation, src.relation));
        if (parent && (src.via === 'partition' || src.via === 'inherits'))
          copies.push({ relation: parent, column: src.column, from: columnId(relation.id, column.name), via: src.via });
      }
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const copy of copies) {
      const id = columnId(copy.relation.id, copy.column);
      const base = hits.get(copy.from);
      if (!base || hits.has(id) || excluded.has(id) || explicit.has(id)) continue;
      const column = copy.relation.columns.find((c) => c.name === copy.column);
      hits.set(id, {
        relation: copy.relation.id,
        column: copy.column,
        columnId: id,
        kind: base.kind,
        rule: 'copy-lineage',
        evidence: evidence('en', 'holds', { base: base.columnId, via: copy.via, rule: base.rule }),
        source: column?.source ?? copy.relation.source,
      });
      changed = true;
    }
    for (const view of views) {
      for (const [index, viewColumn] of view.view!.columns.entries()) {
        const id = columnId(view.id, viewColumn.name);
        const current = hits.get(id);
        if (excluded.has(id) || explicit.has(id) || current?.rule === 'view-lineage') continue;
        const bases = viewColumn.from
          .map((from) => hits.get(columnId(baseRelationId(view, from.relation), from.column)))
          .filter((hit): hit is NumberColumnHit => hit !== undefined);
        if (bases.length === 0) {
          // A base no source defines (the catalog warns): the base column's name is all there is.
          const unseen = current ? undefined : undefinedBaseHit(catalog, view, viewColumn);
          if (unseen) {
            const column = view.columns.find((c) => c.name === viewColumn.name) ?? view.columns[index];
            hits.set(id, {
              relation: view.id,
              column: viewColumn.name,
              columnId: id,
              ...unseen,
              source: column?.source ?? view.source,
            });
            changed = true;
          }
          continue;
        }
        const base = bases.find((hit) => hit.kind === 'individual-number') ?? nth(bases, 0);
        const column = view.columns.find((c) => c.name === viewColumn.name) ?? view.columns[index];
        hits.set(id, {
          relation: view.id,
          column: viewColumn.name,
          columnId: id,
          kind: base.kind,
          rule: 'view-lineage',
          evidence: evidence('en', 'carries', { base: base.columnId, rule: base.rule }),
          source: column?.source ?? view.source,
        });
        changed = true;
      }
    }
  }
  // A view column that lineage made a number column is no longer a candidate.
  return { numbers: hits, candidates: candidates.filter((c) => c.decision || !hits.has(c.columnId)) };
}
