/**
 * Reachability per principal. A principal P reaches the number from R when a link path R → … → N
 * exists whose every edge has both column ends readable by P (which includes connecting to their
 * databases) and P can read a number column of N.
 *
 * One multi-source BFS per principal, from the number columns it can read, backwards over the
 * edges it can traverse: every relation visited reaches the number, and the BFS parents give a
 * shortest path. Cost per principal: the part of the graph around numbers it can read, so the
 * whole stage is O(principals × reachable edges), never relations × principals.
 */
import type { RelationId } from '../catalog/model.js';
import type { Principal, PrincipalAccess } from '../access/principals.js';
import type { NumberColumnHit } from '../detect/index.js';
import { endColumns, type LinkEdge, type LinkGraph, isHub } from '../graph/links.js';
import type { PathStep } from './evidence-schema.js';

export interface ReachResult {
  /** relation → for this principal: the number column reached and the path to it. */
  reached: Map<RelationId, { numberColumn: string; path: PathStep[] }>;
}

/** A cheap pre-test: false only when p certainly reads no column of the relation (readers.ts). */
export type MightRead = (p: Principal, relation: RelationId) => boolean;

export function traversable(access: PrincipalAccess, p: Principal, e: LinkEdge, mightRead?: MightRead): boolean {
  // A multi-column key is followed only by whoever reads every column of it.
  const endOk = (end: LinkEdge['a']) =>
    isHub(end.node) ||
    ((!mightRead || mightRead(p, end.node)) && endColumns(end).every((c) => access.canRead(p, end.node, c).allowed));
  return endOk(e.a) && endOk(e.b);
}

export function reachFor(
  p: Principal,
  graph: LinkGraph,
  access: PrincipalAccess,
  numbersByRelation: ReadonlyMap<RelationId, NumberColumnHit[]>,
  mightRead?: MightRead,
): ReachResult {
  // parent[node] = the edge (oriented node → toward the number) taken from node, or a start marker.
  const parent = new Map<string, { edge?: LinkEdge; numberColumn: string }>();
  const queue: string[] = [];
  for (const [rel, hits] of numbersByRelation) {
    const readable = hits.find((h) => access.canRead(p, rel, h.column).allowed);
    if (!readable) continue;
    parent.set(rel, { numberColumn: readable.columnId });
    queue.push(rel);
  }
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    const here = parent.get(node)!;
    for (const e of graph.edgesAt(node)) {
      const next = e.b.node;
      if (parent.has(next)) continue;
      if (!traversable(access, p, e, mightRead)) continue;
      // Oriented from `next` toward `node` (toward the number).
      parent.set(next, { edge: { a: e.b, b: e.a, via: e.via }, numberColumn: here.numberColumn });
      queue.push(next);
    }
  }
  const reached = new Map<RelationId, { numberColumn: string; path: PathStep[] }>();
  for (const [node, entry] of parent) {
    if (isHub(node)) continue;
    reached.set(node, { numberColumn: entry.numberColumn, path: pathFrom(node, parent) });
  }
  return { reached };
}

function pathFrom(start: string, parent: Map<string, { edge?: LinkEdge }>): PathStep[] {
  const steps: PathStep[] = [];
  let node = start;
  let pendingHub: LinkEdge | undefined;
  // BFS parents form a tree toward the number: the walk ends, however long the path.
  for (;;) {
    const edge = parent.get(node)?.edge;
    if (!edge) break;
    if (isHub(edge.b.node)) {
      pendingHub = edge; // R.k → hub: completed by the next hop hub → S.k
    } else if (pendingHub) {
      steps.push({ from: colId(pendingHub.a), to: colId(edge.b), via: pendingHub.via });
      pendingHub = undefined;
    } else {
      steps.push(withKeyColumns({ from: colId(edge.a), to: colId(edge.b), via: edge.via }, edge));
    }
    node = edge.b.node;
  }
  return steps;
}

/** A step on a multi-column key names every column of it. */
function withKeyColumns(step: PathStep, edge: LinkEdge): PathStep {
  return edge.a.columns || edge.b.columns
    ? { ...step, key: { from: endColumns(edge.a), to: endColumns(edge.b) } }
    : step;
}

function colId(end: LinkEdge['a']): string {
  return `${end.node}.${end.column}`;
}
