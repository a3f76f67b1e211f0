/**
 * Why one principal does not reach the number from one relation: walk what it can walk from the
 * relation (edges whose both ends it can read), then name the control at every edge leaving that
 * walk toward a number column, and at every number column inside it that it cannot read. The
 * report lists blocks only for access-controlled relations; `explain` needs them for every
 * principal of any relation (e.g. one that others reach).
 */
import type { RelationId } from '../catalog/model.js';
import type { Principal, PrincipalAccess } from '../access/principals.js';
import { traversable } from '../classify/reach.js';
import type { NumberColumnHit } from '../detect/index.js';
import { firstRefusal, type LinkGraph, isHub } from '../graph/links.js';
import type { Block } from '../report/model.js';

/** Link distance (ignoring access) from every node to the nearest relation holding the number. */
export function distanceToNumbers(graph: LinkGraph, numbers: Map<RelationId, NumberColumnHit[]>): Map<string, number> {
  const dist = new Map<string, number>();
  const queue = [...numbers.keys()];
  for (const q of queue) dist.set(q, 0);
  for (let i = 0; i < queue.length; i++) {
    for (const e of graph.edgesAt(queue[i])) {
      if (dist.has(e.b.node)) continue;
      dist.set(e.b.node, dist.get(queue[i])! + 1);
      queue.push(e.b.node);
    }
  }
  return dist;
}

export function blocksFor(
  p: Principal, start: RelationId, graph: LinkGraph, access: PrincipalAccess, numbers: Map<RelationId, NumberColumnHit[]>, max = 3,
): Block[] {
  const distance = distanceToNumbers(graph, numbers);
  const walk = new Set([start]);
  const queue = [start];
  const found: Block[] = [];
  const add = (v: ReturnType<PrincipalAccess['canRead']>) => {
    if (!v.allowed && !found.some((b) => b.at === v.at && b.control === v.control)) {
      found.push({ principal: p.name, at: v.at, control: v.control, detail: v.detail });
    }
  };
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    if (!isHub(node)) for (const hit of numbers.get(node) ?? []) add(access.canRead(p, node, hit.column));
    for (const e of graph.edgesAt(node)) {
      if (walk.has(e.b.node)) continue;
      if (traversable(access, p, e)) { walk.add(e.b.node); queue.push(e.b.node); continue; }
      // Only edges that lead toward a number column explain why it is not reached.
      if ((distance.get(e.b.node) ?? Infinity) >= (distance.get(node) ?? Infinity)) continue;
      const refused = firstRefusal(e, (node, column) => access.canRead(p, node, column));
      if (refused) add(refused);
    }
  }
  return found.slice(0, max);
}
