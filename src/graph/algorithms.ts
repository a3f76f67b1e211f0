/**
 * The graph algorithms every stage uses, written once and iteratively: an explicit queue or stack
 * instead of recursion, so a 20,000-table foreign-key chain or a 3,000-deep stack of views is one
 * more loop iteration, not one more stack frame (graphlib's `alg.*` recurse and overflow).
 * Each is linear in the nodes and edges it visits.
 *
 * They take a neighbour function rather than a graph class so the link graph (LinkGraph.edgesAt),
 * view dependencies and role memberships can all use them.
 */

/** Neighbours of a node (the node's out-edges, or both directions for an undirected graph). */
export type Neighbours<N> = (node: N) => Iterable<N>;

/**
 * Multi-source breadth-first search: every node reachable from `sources`, with its distance in
 * edges to the nearest source. Visiting order is BFS order (nearer first, ties in edge order).
 */
export function bfsDistances<N>(sources: Iterable<N>, neighbours: Neighbours<N>): Map<N, number> {
  const dist = new Map<N, number>();
  const queue: N[] = [];
  for (const s of sources) {
    if (dist.has(s)) continue;
    dist.set(s, 0);
    queue.push(s);
  }
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    const d = dist.get(node)! + 1;
    for (const next of neighbours(node)) {
      if (dist.has(next)) continue;
      dist.set(next, d);
      queue.push(next);
    }
  }
  return dist;
}

/**
 * Multi-source BFS that records, for every node it reaches, the step it was reached by: the
 * parents form a shortest-path tree toward the sources. `step` returns the edges to follow from
 * a node (each with the node it leads to); a step is taken the first time its node is reached.
 */
export function bfsTree<N, E>(
  sources: Iterable<[N, E | undefined]>,
  steps: (node: N) => Iterable<[N, E]>,
): Map<N, { parent?: N; edge?: E }> {
  const tree = new Map<N, { parent?: N; edge?: E }>();
  const queue: N[] = [];
  for (const [s, e] of sources) {
    if (tree.has(s)) continue;
    tree.set(s, { edge: e });
    queue.push(s);
  }
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const [next, edge] of steps(node)) {
      if (tree.has(next)) continue;
      tree.set(next, { parent: node, edge });
      queue.push(next);
    }
  }
  return tree;
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
      for (const next of neighbours(queue[i])) {
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
      const top = stack[stack.length - 1];
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
