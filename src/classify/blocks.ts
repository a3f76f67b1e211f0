/**
 * Why a principal that can read a relation does not reach the number from it: walk what it can
 * walk from the relation (edges whose both ends it can read), then name the control at every edge
 * leaving that walk toward a number column (an edge whose far end is nearer a number, by link
 * distance ignoring access), and at every number column inside the walk that it cannot read —
 * nearest the number first, each (place, control) once.
 *
 * The report's evidence walks only the shortest routes (the shortest-path DAG toward the number
 * columns: edges that bring the walk closer to a number); `spif explain` lists those first and
 * then the blocks on the principal's longer routes. One finder, walking from the relation itself,
 * so scan and explain never name different controls, and a relation's evidence never depends on
 * which relation a walk happened to start from.
 */
import type { RelationId } from '../catalog/model.js';
import type { Principal, PrincipalAccess } from '../access/principals.js';
import type { AccessVerdict } from '../access/resolver.js';
import type { NumberColumnHit } from '../detect/index.js';
import { type LinkGraph, isHub } from '../graph/links.js';
import type { Block } from '../report/model.js';
import { type MightRead, traversable } from './reach.js';

/** At most this many distinct blocking points are listed per principal in the report (explain lists all). */
export const MAX_BLOCKS_PER_PRINCIPAL = 3;

export class BlockFinder {
  private readonly cache = new Map<string, Block[]>();

  constructor(
    private readonly graph: LinkGraph,
    private readonly access: PrincipalAccess,
    private readonly numbersByRelation: ReadonlyMap<RelationId, NumberColumnHit[]>,
    private readonly distance: ReadonlyMap<string, number>,
    private readonly mightRead?: MightRead,
  ) {}

  /**
   * The blocks on p's shortest routes from `start` toward the number (the shortest-path DAG:
   * only edges whose far end is nearer a number), nearest the number first. This is what the
   * report lists (the first few). Shared: do not change the array.
   */
  blocksFor(p: Principal, start: string): readonly Block[] {
    const key = `${p.name}\u0000${start}`;
    let blocks = this.cache.get(key);
    if (!blocks) this.cache.set(key, (blocks = this.walk(p, start, false)));
    return blocks;
  }

  /**
   * Every block: those on the shortest routes first (as blocksFor), then those on p's longer
   * routes — edges toward a number leaving everything p can walk to from `start`, and number
   * columns in it that p cannot read. For explain, one relation at a time.
   */
  allBlocksFor(p: Principal, start: string): Block[] {
    return this.walk(p, start, true);
  }

  private walk(p: Principal, start: string, everyRoute: boolean): Block[] {
    const shortest = this.search(p, start, true);
    const out = dedupe(shortest);
    if (!everyRoute) return out;
    const listed = new Set(out.map(blockKey));
    return [...out, ...dedupe(this.search(p, start, false)).filter((b) => !listed.has(blockKey(b)))];
  }

  /**
   * BFS from `start` over the edges p can cross — only toward the number when `towardNumber`
   * (the shortest-path DAG), else every edge (p's whole readable component); then the controls
   * at the edges toward a number that leave the walk, and at number columns in it p cannot read.
   */
  private search(p: Principal, start: string, towardNumber: boolean): { block: Block; dist: number }[] {
    const closer = (from: string, to: string) => (this.distance.get(to) ?? Infinity) < (this.distance.get(from) ?? Infinity);
    const walked = new Set<string>([start]);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const e of this.graph.edgesAt(queue[i])) {
        if (walked.has(e.b.node) || (towardNumber && !closer(queue[i], e.b.node))) continue;
        if (!traversable(this.access, p, e, this.mightRead)) continue;
        walked.add(e.b.node);
        queue.push(e.b.node);
      }
    }
    const found: { block: Block; dist: number }[] = [];
    const push = (v: AccessVerdict, dist: number) => {
      if (!v.allowed) found.push({ block: { principal: p.name, at: v.at, control: v.control, detail: v.detail }, dist });
    };
    for (const node of queue) {
      if (!isHub(node)) for (const hit of this.numbersByRelation.get(node) ?? []) push(this.access.canRead(p, node, hit.column), 0);
      for (const e of this.graph.edgesAt(node)) {
        // Only edges that lead toward a number column explain why it is not reached.
        if (walked.has(e.b.node) || !closer(node, e.b.node) || traversable(this.access, p, e, this.mightRead)) continue;
        for (const end of [e.a, e.b]) {
          if (isHub(end.node)) continue;
          const v = this.access.canRead(p, end.node, end.column!);
          if (!v.allowed) {
            push(v, this.distance.get(e.b.node) ?? Infinity);
            break;
          }
        }
      }
    }
    // Nearest the number first; ties in walk order (BFS from the relation itself).
    return found.sort((a, b) => a.dist - b.dist);
  }

  /** Forget the walks (classification goes principal by principal: memory O(graph), not O(principals × graph)). */
  clear(): void {
    this.cache.clear();
  }
}

function blockKey(b: Block): string {
  return `${b.at}\u0000${b.control}`;
}

/** Each (place, control) once, the first occurrence kept. */
function dedupe(found: { block: Block }[]): Block[] {
  const seen = new Set<string>();
  const out: Block[] = [];
  for (const f of found) {
    const k = blockKey(f.block);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f.block);
  }
  return out;
}
