/**
 * Reachability per principal. A principal P reaches the number from R when a link path R → … → N
 * exists whose every edge has both column ends readable by P (which includes connecting to their
 * databases) and P can read a number column of N.
 *
 * One multi-source shortest-path search per principal (graph/algorithms.ts), from the number
 * columns it can read, backwards over the steps it can take: every relation reached reaches the
 * number, and the parents give a shortest path (lineage hubs count as the edges they stand for). Cost per principal: the part of the graph around numbers it can read, so the
 * whole stage is O(principals × reachable edges), never relations × principals.
 */
import type { ColumnId, RelationId } from '../catalog/model.js';
import type { Principal, PrincipalAccess } from '../access/principals.js';
import type { NumberColumnHit } from '../detect/index.js';
import { shortestPaths } from '../graph/algorithms.js';
import {
  arcWeight,
  endColumns,
  type GraphNode,
  type LinkEdge,
  type LinkGraph,
  type LinkVia,
  isHub,
} from '../graph/links.js';
import type { PathStep } from './evidence-schema.js';

export interface ReachResult {
  /** relation → for this principal: the number column reached and the path to it. */
  reached: Map<RelationId, { numberColumn: string; path: PathStep[] }>;
}

/** A cheap pre-test: false only when p certainly reads no column of the relation (readers.ts). */
export type MightRead = (p: Principal, relation: RelationId) => boolean;

export function traversable(access: PrincipalAccess, p: Principal, e: LinkEdge, mightRead?: MightRead): boolean {
  // A multi-column key is followed only by whoever reads every column of it.
  const endOk = (end: LinkEdge['a']) => {
    const node = end.node;
    return (
      isHub(node) || ((!mightRead || mightRead(p, node)) && endColumns(end).every((c) => access.reads(p, node, c)))
    );
  };
  return endOk(e.a) && endOk(e.b);
}

export function reachFor(
  p: Principal,
  graph: LinkGraph,
  access: PrincipalAccess,
  numbersByRelation: ReadonlyMap<RelationId, NumberColumnHit[]>,
  mightRead?: MightRead,
): ReachResult {
  const start = new Map<GraphNode, ColumnId>();
  for (const [rel, hits] of numbersByRelation) {
    const readable = hits.find((h) => access.reads(p, rel, h.column));
    if (readable) start.set(rel, readable.columnId);
  }
  // Backwards from the number: a step into `node` comes from e.b (predecessors), taken when p can cross it.
  const { parent, order } = shortestPaths<GraphNode, LinkEdge>(
    start.keys(),
    (node) => graph.predecessors(node),
    (e) => e.b.node,
    arcWeight,
    (e) => traversable(access, p, e, mightRead),
  );
  const numberColumn = new Map(start);
  const reached = new Map<RelationId, { numberColumn: string; path: PathStep[] }>();
  // Settled nearest first, so a node's parent has its number column already.
  for (const node of order) {
    const via = parent.get(node);
    const column = via ? numberColumn.get(via.from)! : start.get(node)!;
    numberColumn.set(node, column);
    if (!isHub(node)) reached.set(node, { numberColumn: column, path: pathFrom(node, parent) });
  }
  return { reached };
}

/**
 * The path from `start` to the number along the search's parents (a tree toward the number: the
 * walk ends, however long the path). Each parent step e is oriented at the nearer node (e.a) and
 * comes from e.b. A stretch through hubs (a link key's, or lineage) is one step, from the
 * relation column before the first hub to the one after the last, named by its first kind other
 * than `view` (a view column joined through its base column's link is that link).
 */
function pathFrom(start: GraphNode, parent: ReadonlyMap<GraphNode, { from: GraphNode; step: LinkEdge }>): PathStep[] {
  const steps: PathStep[] = [];
  let node = start;
  let hubFrom: LinkEdge['a'] | undefined;
  let hubVia: LinkVia = 'view';
  for (;;) {
    const entry = parent.get(node);
    // Oriented the way the path goes: from `node` (e.b) toward the number (e.a).
    if (!entry) break;
    const from = entry.step.b;
    const to = entry.step.a;
    if (isHub(to.node)) {
      if (!hubFrom) {
        hubFrom = from;
        hubVia = entry.step.via;
      } else if (hubVia === 'view') hubVia = entry.step.via;
    } else if (hubFrom) {
      steps.push({ from: colId(hubFrom), to: colId(to), via: hubVia === 'view' ? entry.step.via : hubVia });
      hubFrom = undefined;
    } else {
      steps.push(withKeyColumns({ from: colId(from), to: colId(to), via: entry.step.via }, from, to));
    }
    node = entry.from;
  }
  return steps;
}

/** A step on a multi-column key names every column of it. */
function withKeyColumns(step: PathStep, from: LinkEdge['a'], to: LinkEdge['a']): PathStep {
  return from.columns || to.columns ? { ...step, key: { from: endColumns(from), to: endColumns(to) } } : step;
}

function colId(end: LinkEdge['a']): string {
  return `${end.node}.${end.column}`;
}
