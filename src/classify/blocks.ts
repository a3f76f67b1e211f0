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
import { reasonFor, reasonText, type Reason } from '../access/evidence.js';
import type { NumberColumnHit } from '../detect/index.js';
import { shortestPaths } from '../graph/algorithms.js';
import {
  arcWeight,
  firstRefusal,
  type GraphNode,
  type LinkEdge,
  type LinkGraph,
  isHub,
  isLineageHub,
} from '../graph/links.js';
import type { Block } from './evidence-schema.js';
import { type MightRead, traversable } from './reach.js';
import { nth } from '../indexed.js';

/** At most this many distinct blocking points are listed per principal in the report (explain lists all). */
export const MAX_BLOCKS_PER_PRINCIPAL = 3;

interface Found {
  block: Block;
  /** Link distance from the block's far side to the number (0: at a number column). */
  dist: number;
  /** Hops from the relation the walk started at to where the block was found. */
  hops: number;
}

export class BlockFinder {
  /** Per principal (cleared with clear()): node → its first blocks on the shortest routes. */
  private memo = new Map<string, Found[]>();
  private memoOf?: string;
  /** node → its steps toward the number (the shortest-path DAG): the same for every principal, so kept. */
  private readonly dag = new Map<GraphNode, LinkEdge[]>();
  /** The block of each refusal, for the principal of `memoOf`: a refusal is met at many steps, its block made once. */
  private blocks = new Map<Denied, Block>();

  constructor(
    private readonly graph: LinkGraph,
    private readonly access: PrincipalAccess,
    private readonly numbersByRelation: ReadonlyMap<RelationId, NumberColumnHit[]>,
    private readonly distance: ReadonlyMap<GraphNode, number>,
    private readonly mightRead?: MightRead,
  ) {}

  /**
   * The first `max` blocks on p's shortest routes from `start` toward the number (the
   * shortest-path DAG: only edges whose far end is nearer a number), nearest the number first,
   * then nearest the relation. This is what the report lists. Computed once per node for a
   * principal and shared by every relation whose routes pass it: O(DAG edges) per principal.
   */
  blocksFor(p: Principal, start: RelationId, max = MAX_BLOCKS_PER_PRINCIPAL): Block[] {
    if (this.memoOf !== p.name) {
      this.memo = new Map();
      this.blocks = new Map();
      this.memoOf = p.name;
    }
    return this.shortestRoutes(p, start, max, this.memo).map((f) => f.block);
  }

  /**
   * Every block: all those on the shortest routes (the report's first few, in the same order),
   * then those on p's longer routes — edges toward a number leaving everything p can walk to
   * from `start`, and number columns in it that p cannot read. For explain, one relation at a time.
   */
  allBlocksFor(p: Principal, start: RelationId): Block[] {
    const out = this.shortestRoutes(p, start, Infinity, new Map()).map((f) => f.block);
    const listed = new Set(out.map(blockKey));
    return [
      ...out,
      ...dedupe(this.anyRoute(p, start), Infinity)
        .filter((f) => !listed.has(blockKey(f.block)))
        .map((f) => f.block),
    ];
  }

  /** Forget the memo (classification goes principal by principal: memory O(graph), not O(principals × graph)). */
  clear(): void {
    this.memo = new Map();
    this.blocks = new Map();
    this.memoOf = undefined;
  }

  /** p's block for a refusal: made once per (principal, refusal) while p's walks run (blocksFor); explain's made afresh. */
  private toBlock(p: Principal, v: Denied): Block {
    if (this.memoOf !== p.name) return blockFrom(p.name, v);
    let b = this.blocks.get(v);
    if (!b) this.blocks.set(v, (b = blockFrom(p.name, v)));
    return b;
  }

  /**
   * Steps from a node toward the number: those on a shortest route (the far end's distance plus
   * the step's weight is the node's; for plain edges, the far end is one edge nearer).
   */
  private towardNumber(node: GraphNode): LinkEdge[] {
    let edges = this.dag.get(node);
    if (edges) return edges;
    const here = this.distance.get(node);
    edges =
      here === undefined
        ? []
        : this.graph.successors(node).filter((e) => (this.distance.get(e.b.node) ?? Infinity) + arcWeight(e) === here);
    this.dag.set(node, edges);
    return edges;
  }

  /** How far from the number a block on a step toward it is: one edge nearer than the step's start. */
  private blockDistance(node: GraphNode): number {
    return (this.distance.get(node) ?? Infinity) - 1;
  }

  /**
   * S(node) = the number columns at node p cannot read, the control at each edge toward the
   * number p cannot cross, and S(next) for each edge it can cross — sorted by (dist, hops),
   * each (place, control) once, the first `max`. Post-order on an explicit stack (a 20,000-deep
   * chain is a loop, not a recursion); the DAG has no cycles (distance strictly falls).
   */
  private shortestRoutes(p: Principal, start: RelationId, max: number, memo: Map<string, Found[]>): Found[] {
    const stack: GraphNode[] = [start];
    while (stack.length) {
      const node = nth(stack, stack.length - 1);
      if (memo.has(node)) {
        stack.pop();
        continue;
      }
      const edges = this.towardNumber(node);
      let pending = false;
      for (const e of edges) {
        if (!memo.has(e.b.node) && traversable(this.access, p, e, this.mightRead)) {
          stack.push(e.b.node);
          pending = true;
        }
      }
      if (pending) continue;
      stack.pop();
      const found: Found[] = [];
      if (!isHub(node)) {
        for (const hit of this.numbersByRelation.get(node) ?? []) {
          const v = this.access.canRead(p, node, hit.column);
          if (!v.allowed) found.push({ block: this.toBlock(p, v), dist: 0, hops: 0 });
        }
      }
      for (const e of edges) {
        if (traversable(this.access, p, e, this.mightRead)) {
          const w = arcWeight(e);
          for (const f of memo.get(e.b.node)!) found.push({ block: f.block, dist: f.dist, hops: f.hops + w });
          continue;
        }
        const v = this.edgeControl(p, e);
        if (v) found.push({ block: this.toBlock(p, v), dist: this.blockDistance(node), hops: 0 });
      }
      found.sort((a, b) => a.dist - b.dist || a.hops - b.hops);
      memo.set(node, dedupe(found, max));
    }
    return memo.get(start)!;
  }

  /** The control at an edge p cannot cross: the first column (of a key, at either end) p cannot read. */
  private edgeControl(p: Principal, e: LinkEdge): Denied | undefined {
    return firstRefusal(e, (node, column) => this.access.canRead(p, node, column));
  }

  /**
   * Every route: the walk from `start` over every step p can take (its readable component), then
   * the controls at the steps toward a number that leave it, and at number columns in it p cannot
   * read. A step out of a lineage hub stands for an edge from a relation that stepped into the hub
   * at no cost, so it is toward the number when it is from *that* relation (one edge nearer than
   * it), not from the hub: a hub is shared by relations at different distances.
   */
  private anyRoute(p: Principal, start: RelationId): Found[] {
    const { dist: walked, order } = shortestPaths<GraphNode, LinkEdge>(
      [start],
      (node) => this.graph.successors(node),
      (e) => e.b.node,
      arcWeight,
      (e) => traversable(this.access, p, e, this.mightRead),
    );
    const d = (node: GraphNode) => this.distance.get(node) ?? Infinity;
    // Lineage hubs walked into: the distance of each relation that stepped in at no cost (also
    // through another hub), with the fewest hops at which one at that distance was walked.
    const entered = new Map<GraphNode, Map<number, number>>();
    const enter = (hub: GraphNode, dist: number, hops: number) => {
      let at = entered.get(hub);
      if (!at) entered.set(hub, (at = new Map<number, number>()));
      const known = at.get(dist);
      if (known === undefined || hops < known) at.set(dist, hops);
    };
    const freeSteps = (node: GraphNode) =>
      this.graph
        .successors(node)
        .filter((e) => arcWeight(e) === 0 && isLineageHub(e.b.node) && traversable(this.access, p, e, this.mightRead));
    for (const node of order)
      if (!isHub(node)) for (const e of freeSteps(node)) enter(e.b.node, d(node), walked.get(node)!);
    // Hub to hub at no cost: #lineage → #lineage-in (the relations entering the first are all in by now).
    for (const [hub, at] of [...entered])
      for (const e of freeSteps(hub)) for (const [dist, hops] of at) enter(e.b.node, dist, hops);

    const found: Found[] = [];
    for (const node of order) {
      const hops = walked.get(node)!;
      if (isLineageHub(node)) {
        const at = entered.get(node);
        if (!at) continue;
        for (const e of this.graph.successors(node)) {
          if (arcWeight(e) === 0 || walked.has(e.b.node) || traversable(this.access, p, e, this.mightRead)) continue;
          const from = at.get(d(e.b.node) + 1);
          if (from === undefined) continue;
          const v = this.edgeControl(p, e);
          if (v) found.push({ block: this.toBlock(p, v), dist: d(e.b.node), hops: from });
        }
        continue;
      }
      if (!isHub(node)) {
        for (const hit of this.numbersByRelation.get(node) ?? []) {
          const v = this.access.canRead(p, node, hit.column);
          if (!v.allowed) found.push({ block: this.toBlock(p, v), dist: 0, hops });
        }
      }
      for (const e of this.towardNumber(node)) {
        if (walked.has(e.b.node) || traversable(this.access, p, e, this.mightRead)) continue;
        const v = this.edgeControl(p, e);
        if (v) found.push({ block: this.toBlock(p, v), dist: this.blockDistance(node), hops });
      }
    }
    return found.sort((a, b) => a.dist - b.dist || a.hops - b.hops);
  }
}

type Denied = Extract<AccessVerdict, { allowed: false }>;

/** A report block from a refusal: the data (role, via, reason) and the English detail rendered from it. */
export function blockFrom(principal: string, v: Denied): Block {
  const block: Block = { principal, at: v.at, control: v.control, detail: v.detail };
  if (!v.reason) return block;
  const { role, via, ...rest } = v.reason;
  return { ...block, ...(role !== undefined ? { role } : {}), ...(via !== undefined ? { via } : {}), reason: rest };
}

/** The block's reason as data, or undefined for prose-only evidence (some product modules). */
export function blockReason(b: Block): Reason | undefined {
  return (
    b.reason && {
      ...b.reason,
      ...(b.role !== undefined ? { role: b.role } : {}),
      ...(b.via !== undefined ? { via: b.via } : {}),
    }
  );
}

/** The block's reason in words, in the report's language (its English detail when it has no data). */
export function blockText(lang: 'ja' | 'en', b: Block): string {
  const r = blockReason(b);
  return r ? reasonText(lang, r) : b.detail;
}

/**
 * The same block told of another principal of the class: its own name, and its own roles where
 * the representative's were named — on the data, then rendered again (nothing is rewritten as text).
 */
export function blockFor(b: Block, names: ReadonlyMap<string, string>): Block | undefined {
  const r = blockReason(b);
  if (!r) return undefined;
  const moved = reasonFor(r, names);
  const { role, via, ...rest } = moved;
  return {
    principal: names.get(b.principal) ?? b.principal,
    at: b.at,
    control: b.control,
    detail: reasonText('en', moved),
    ...(role !== undefined ? { role } : {}),
    ...(via !== undefined ? { via } : {}),
    reason: rest,
  };
}

function blockKey(b: Block): string {
  return `${b.at}\u0000${b.control}`;
}

/** Each (place, control) once, the first occurrence kept, at most `max`. */
function dedupe(found: Found[], max: number): Found[] {
  const seen = new Set<string>();
  const out: Found[] = [];
  for (const f of found) {
    if (out.length >= max) break;
    const k = blockKey(f.block);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}
