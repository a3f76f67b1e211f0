/**
 * The graph algorithms every stage uses, written once and iteratively: an explicit queue or stack
 * instead of recursion, so a 20,000-table foreign-key chain or a 3,000-deep stack of views is one
 * more loop iteration, not one more stack frame (graphlib's `alg.*` recurse and overflow).
 * Each is linear in the nodes and edges it visits.
 *
 * They take a neighbour function rather than a graph class so the link graph (LinkGraph.edgesAt),
 * view dependencies and role memberships can all use them.
 */
import { nth } from '../indexed.js';

/** Neighbours of a node (the node's out-edges, or both directions for an undirected graph). */
export type Neighbours<N> = (node: N) => Iterable<N>;

/** A shortest-path search's result: distances, the step each node was reached by, the order nodes were settled in. */
export interface ShortestPaths<N, E> {
  dist: Map<N, number>;
  /** node → the node it was reached from and the step taken (none for a source). */
  parent: Map<N, { from: N; step: E }>;
  /** Every node reached, in the order it was settled: by distance, ties in the order found. */
  order: N[];
}

/**
 * Multi-source shortest paths over steps of small non-negative integer weight (the link graph's
 * are 0 or 1): a bucket queue (Dial's algorithm), one bucket per distance, so the cost is linear
 * in the steps looked at plus the largest distance. With every weight 1 it is exactly a
 * breadth-first search (same distances, same parents, same order). `follow` (optional) is asked
 * only for a step that would shorten a distance, so an expensive test runs at most once per
 * improvement; a step it refuses is not taken.
 */
export function shortestPaths<N, E>(
  sources: Iterable<N>,
  steps: (node: N) => Iterable<E>,
  to: (step: E) => N,
  weight: (step: E) => number,
  follow?: (step: E, from: N) => boolean,
): ShortestPaths<N, E> {
  const dist = new Map<N, number>();
  const parent = new Map<N, { from: N; step: E }>();
  const order: N[] = [];
  const settled = new Set<N>();
  const buckets: (N[] | undefined)[] = [[]];
  for (const s of sources) {
    if (dist.has(s)) continue;
    dist.set(s, 0);
    buckets[0]!.push(s);
  }
  for (let d = 0; d < buckets.length; d++) {
    const bucket = buckets[d];
    if (!bucket) continue;
    for (let i = 0; i < bucket.length; i++) {
      const node = nth(bucket, i);
      if (settled.has(node)) continue; // reached again at a smaller distance, already settled
      settled.add(node);
      order.push(node);
      for (const step of steps(node)) {
        const next = to(step);
        const nd = d + weight(step);
        const known = dist.get(next);
        if (known !== undefined && known <= nd) continue;
        if (follow && !follow(step, node)) continue;
        dist.set(next, nd);
        parent.set(next, { from: node, step });
        (buckets[nd] ??= []).push(next);
      }
    }
    buckets[d] = undefined;
  }
  return { dist, parent, order };
}

/**
 * Connected components of an undirected graph: node → component number (numbered in the order
 * of `nodes`). Linear: each node is queued once.
 */
export function connectedComponents<N>(nodes: Iterable<N>, neighbours: Neighbours<N>): Map<N, number> {
  const componentOf = new Map<N, number>();
  let count = 0;
  const queue: N[] = [];
  for (const start of nodes) {
    if (componentOf.has(start)) continue;
    const id = count++;
    componentOf.set(start, id);
    queue.length = 0;
    queue.push(start);
    for (let i = 0; i < queue.length; i++) {
      for (const next of neighbours(nth(queue, i))) {
        if (componentOf.has(next)) continue;
        componentOf.set(next, id);
        queue.push(next);
      }
    }
  }
  return componentOf;
}

/**
 * Depth-first post-order over dependencies: every node after the nodes it depends on (the
 * order a recursive visit would produce), for all `roots` in order. A dependency cycle is cut
 * where it closes, as a recursive visit with a "visiting" mark would.
 */
export function dependencyOrder<N>(roots: Iterable<N>, dependsOn: Neighbours<N>): N[] {
  const order: N[] = [];
  const seen = new Set<N>();
  for (const root of roots) {
    if (seen.has(root)) continue;
    seen.add(root);
    const stack: { node: N; deps: Iterator<N> }[] = [{ node: root, deps: dependsOn(root)[Symbol.iterator]() }];
    while (stack.length) {
      const top = nth(stack, stack.length - 1);
      const next = top.deps.next();
      if (next.done) {
        stack.pop();
        order.push(top.node);
        continue;
      }
      if (seen.has(next.value)) continue;
      seen.add(next.value);
      stack.push({ node: next.value, deps: dependsOn(next.value)[Symbol.iterator]() });
    }
  }
  return order;
}
