/**
 * Classification per relation (rules.md): holds-number, reachable, access-controlled or unlinked,
 * with evidence; then roll-up to named files and databases.
 */
import type { Catalog, ColumnId, Relation, RelationId } from '../catalog/model.js';
import type { Principal, PrincipalAccess } from '../access/principals.js';
import type { NumberColumnHit } from '../detect/index.js';
import type { GraphNode, LinkGraph } from '../graph/links.js';
import { distanceToNumbers, linkComponents } from '../graph/traversals.js';
import type { Basis, Block, NumberColumnReport, Reach } from './evidence-schema.js';
import { reachFor } from './reach.js';
import { BlockFinder, MAX_BLOCKS_PER_PRINCIPAL, blockFor, blockFrom } from './blocks.js';
import { refused } from '../access/evidence.js';
import type { AccessResolver, BlockControl } from '../access/resolver.js';
import { ReaderIndex } from './readers.js';
import { groupPrincipals, type PrincipalClass } from './principal-classes.js';
import { nth } from '../indexed.js';
import { counter, type Tick } from '../progress-tick.js';

export interface RelationDecision {
  relation: Relation;
  basis: Basis;
  numberColumns: NumberColumnReport[];
  reachable: Reach[];
  blocked: Block[];
}

export interface ClassifyInput {
  catalog: Catalog;
  graph: LinkGraph;
  numbers: Map<ColumnId, NumberColumnHit>;
  principals: Principal[];
  access: PrincipalAccess;
  /** When given, blocked relations are explained only for principals that might read them (readers.ts). */
  resolver?: AccessResolver;
  /** Called after each principal, for progress on long scans. */
  onPrincipal?: (done: number, total: number) => void;
  /** Called while finding what stops each principal (the blocks), in (principal, relation) pairs, for progress. */
  onBlocks?: Tick;
  /** Called as each relation's verdict and evidence are put together (after the blocks), for progress. */
  onDecisions?: Tick;
  /**
   * Which access-controlled relations get their blocks (what stops each principal); the others
   * keep `blocked: []`. For `spif check`, whose findings show blocks only for the members of
   * not-specific inventory files: finding every block is most of a large scan's time
   * (docs/performance.md). Unset: every relation gets them (every report and other command needs them).
   */
  evidenceFor?: EvidenceScope;
}

/**
 * Given every relation and which of them are specific (known before any block is looked for),
 * the relations whose blocks are wanted.
 */
export type EvidenceScope = (
  relations: readonly RelationId[],
  isSpecific: (relation: RelationId) => boolean,
) => (relation: RelationId) => boolean;

/** What classification computes and the rest of the analysis reads again (never recomputes). */
export interface Classified {
  decisions: Map<RelationId, RelationDecision>;
  numbersByRelation: Map<RelationId, NumberColumnHit[]>;
  /** Link distance (ignoring access) from every node to the nearest relation holding the number. */
  distance: Map<GraphNode, number>;
  /** Component of the whole link graph (ignoring access) of every node. */
  componentOf: Map<GraphNode, number>;
}

export function classifyRelations(input: ClassifyInput): Map<RelationId, RelationDecision> {
  return classify(input).decisions;
}

/** Number columns grouped by the relation that holds them. */
export function groupNumbers(numbers: Map<ColumnId, NumberColumnHit>): Map<RelationId, NumberColumnHit[]> {
  const numbersByRelation = new Map<RelationId, NumberColumnHit[]>();
  for (const hit of numbers.values()) {
    let list = numbersByRelation.get(hit.relation);
    if (!list) numbersByRelation.set(hit.relation, (list = []));
    list.push(hit);
  }
  return numbersByRelation;
}

export function classify(input: ClassifyInput): Classified {
  const { catalog, graph, numbers, principals, access } = input;
  const numbersByRelation = groupNumbers(numbers);

  // Computed once per class of principals with equal rights; evidence is copied to each member.
  const classes: PrincipalClass[] = input.resolver
    ? groupPrincipals(principals, catalog, input.resolver)
    : principals.map((p) => ({ representative: p, members: [p] }));
  input.onPrincipal?.(0, classes.length);
  const representatives = classes.map((c) => c.representative);
  const membersOf = new Map(classes.map((c) => [c.representative.name, c.members]));

  const readers = input.resolver ? new ReaderIndex(catalog, representatives, input.resolver) : undefined;
  const mightRead = readers && ((p: Principal, r: RelationId) => readers.mightRead(p, r));

  const reachable = new Map<RelationId, Reach[]>();
  classes.forEach((c, i) => {
    const { reached } = reachFor(c.representative, graph, access, numbersByRelation, mightRead);
    for (const [rel, r] of reached) {
      let list = reachable.get(rel);
      if (!list) reachable.set(rel, (list = []));
      for (const m of c.members) list.push({ principal: m.name, numberColumn: r.numberColumn, path: r.path });
    }
    input.onPrincipal?.(i + 1, classes.length);
  });

  input.onBlocks?.(0, 0); // the stage starts here; its count (pairs) is known a little later
  // Components of the whole link graph, ignoring access: "a link path to a number column exists".
  const componentOf = linkComponents(graph);
  const numberComponents = new Set([...numbersByRelation.keys()].map((r) => componentOf.get(r)));
  const distance = distanceToNumbers(graph, numbersByRelation.keys());
  const blockers = new BlockFinder(graph, access, numbersByRelation, distance, mightRead);

  const sorted = [...catalog.relations.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const wanted = input.evidenceFor?.(
    sorted.map((r) => r.id),
    (id) => numbersByRelation.has(id) || reachable.has(id),
  );
  const controlled = sorted.filter(
    (r) =>
      !numbersByRelation.has(r.id) &&
      !reachable.has(r.id) &&
      numberComponents.has(componentOf.get(r.id)) &&
      (!wanted || wanted(r.id)),
  );
  const blockedBy = blockedEvidence(blockers, access, controlled, representatives, readers, input.onBlocks);
  // The rest, relation by relation: a common control for those nobody reads, each class's blocks
  // told of its members, then the verdicts (seconds at 50,000 relations: counted for progress).
  const decided = counter(controlled.length * 2 + sorted.length, input.onDecisions);
  let done = 0;
  addNoReaderBlocks(blockedBy, controlled, access, principals, () => decided(++done));
  const order = new Map(principals.map((p, i) => [p.name, i]));
  for (const blocks of blockedBy.values()) {
    decided(++done);
    const expanded = blocks.flatMap((b) => {
      const members = membersOf.get(b.principal);
      return members ? members.map((m) => forMember(b, nth(members, 0), m)) : [b];
    });
    expanded.sort((a, b) => (order.get(a.principal) ?? -1) - (order.get(b.principal) ?? -1));
    blocks.splice(0, blocks.length, ...expanded);
  }

  const decisions = new Map<RelationId, RelationDecision>();
  for (const relation of sorted) {
    decided(++done);
    const hits = numbersByRelation.get(relation.id) ?? [];
    const numberColumns: NumberColumnReport[] = hits.map((h) => ({
      column: h.column,
      kind: h.kind,
      rule: h.rule,
      evidence: h.evidence,
      ...(h.source ? { source: { file: h.source.file, line: h.source.line, column: h.source.column } } : {}),
      ...(h.reason ? { reason: h.reason } : {}),
    }));
    const reach = (reachable.get(relation.id) ?? []).sort((a, b) => a.principal.localeCompare(b.principal));
    let basis: Basis;
    let blocked: Block[] = [];
    if (hits.length) basis = 'holds-number';
    else if (reach.length) basis = 'reachable';
    else if (numberComponents.has(componentOf.get(relation.id))) {
      basis = 'access-controlled';
      blocked = blockedBy.get(relation.id) ?? [];
    } else basis = 'unlinked';
    decisions.set(relation.id, {
      relation,
      basis,
      numberColumns,
      // For a relation holding the number, who can read it directly is the evidence.
      reachable: hits.length ? reach.filter((r) => r.path.length === 0) : reach,
      blocked,
    });
  }
  return { decisions, numbersByRelation, distance, componentOf };
}

/** A representative's block, told of another member: its own name (and role names), on the data. */
function forMember(b: Block, rep: Principal, m: Principal): Block {
  if (m === rep) return b;
  const names = new Map<string, string>([[rep.name, m.name]]);
  if (rep.roles.length === m.roles.length)
    rep.roles.forEach((r, i) => {
      if (!names.has(r)) names.set(r, nth(m.roles, i));
    });
  const moved = blockFor(b, names);
  if (moved) return moved;
  // Prose-only evidence (a product module without reason data): whole names only, `app` not inside `app_kyufu`.
  let detail = b.detail;
  for (const [from, to] of names) {
    if (from === to) continue;
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    detail = detail.replace(new RegExp(`(?<![\\p{L}\\p{N}_@%-])${escaped}(?![\\p{L}\\p{N}_@%-])`, 'gu'), () => to);
  }
  return { ...b, principal: m.name, detail };
}

/**
 * Blocks for each relation, principal by principal (in order), so one principal's walks are
 * dropped before the next: memory O(graph), not O(principals × graph). The report lists the
 * first MAX_BLOCKS_PER_PRINCIPAL of each principal's blocks.
 */
function blockedEvidence(
  finder: BlockFinder,
  access: PrincipalAccess,
  relations: Relation[],
  principals: Principal[],
  readers?: ReaderIndex,
  onStep?: Tick,
): Map<RelationId, Block[]> {
  const mightRead = new Map<Principal, Relation[]>();
  for (const r of relations) {
    for (const p of readers?.candidates(r.id) ?? principals) {
      let list = mightRead.get(p);
      if (!list) mightRead.set(p, (list = []));
      list.push(r);
    }
  }
  const out = new Map<RelationId, Block[]>(relations.map((r) => [r.id, []]));
  // Counted in (principal, relation) pairs: one principal that reads much walks for seconds.
  let pairs = 0;
  for (const list of mightRead.values()) pairs += list.length;
  const walked = counter(pairs, onStep);
  let done = 0;
  for (const p of principals) {
    for (const r of mightRead.get(p) ?? []) {
      if (access.canReadRelation(p, r.id)) out.get(r.id)!.push(...finder.blocksFor(p, r.id, MAX_BLOCKS_PER_PRINCIPAL));
      walked(++done);
    }
    finder.clear();
  }
  return out;
}

/** For a relation no principal reads, one block for everyone (`*`): the control, when it is the same for all. */
function addNoReaderBlocks(
  out: Map<RelationId, Block[]>,
  relations: Relation[],
  access: PrincipalAccess,
  everyone: Principal[],
  step: () => void,
): void {
  for (const r of relations) {
    step();
    const blocks = out.get(r.id)!;
    if (blocks.length) continue;
    // What stops them, when it is the same for all (no EXECUTE on a function, no user mapping…).
    const column = r.columns.find((c) => !c.parameter)?.name;
    const control = commonControl(everyone, (p) => {
      const v = column === undefined ? undefined : access.canRead(p, r.id, column);
      return v && !v.allowed ? v.control : 'no-table-privilege';
    });
    blocks.push(
      blockFrom(
        '*',
        refused(control, r.id, {
          key: 'no-reader',
          principals: everyone.map((p) => p.name),
          relation: r.id,
          ...(r.routine ? { routine: r.routine.kind } : {}),
        }),
      ),
    );
  }
}

/**
 * The control that stops every principal, when it is the same for all; else no-table-privilege.
 * Asking stops at the second distinct control: the answer is then known (a 50,000-table estate
 * has tens of thousands of relations nobody reads, and 500 principals to ask of each).
 */
function commonControl(everyone: Principal[], controlOf: (p: Principal) => BlockControl): BlockControl {
  let only: BlockControl | undefined;
  for (const p of everyone) {
    const control = controlOf(p);
    if (only === undefined) only = control;
    else if (control !== only) return 'no-table-privilege';
  }
  return only ?? 'no-table-privilege';
}
