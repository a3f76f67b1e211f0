/**
 * Classification per relation (rules.md): holds-number, reachable, access-controlled or unlinked,
 * with evidence; then roll-up to named files and databases.
 */
import { alg } from '@dagrejs/graphlib';
import type { Catalog, Relation, RelationId } from '../catalog/model.js';
import type { Principal, PrincipalAccess } from '../access/principals.js';
import type { NumberColumnHit } from '../detect/index.js';
import { firstRefusal, type LinkGraph, isHub } from '../graph/links.js';
import type { Basis, Block, NumberColumnReport, Reach } from '../report/model.js';
import { reachFor, traversable } from './reach.js';
import type { AccessResolver } from '../access/resolver.js';
import { ReaderIndex } from './readers.js';
import { groupPrincipals, type PrincipalClass } from './principal-classes.js';

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
  numbers: Map<string, NumberColumnHit>;
  principals: Principal[];
  access: PrincipalAccess;
  /** When given, blocked relations are explained only for principals that might read them (readers.ts). */
  resolver?: AccessResolver;
  /** Called after each principal, for progress on long scans. */
  onPrincipal?: (done: number, total: number) => void;
}

/** At most this many distinct blocking points are listed per principal. */
const MAX_BLOCKS_PER_PRINCIPAL = 3;

export function classifyRelations(input: ClassifyInput): Map<RelationId, RelationDecision> {
  const { catalog, graph, numbers, principals, access } = input;
  const numbersByRelation = new Map<RelationId, NumberColumnHit[]>();
  for (const hit of numbers.values()) {
    let list = numbersByRelation.get(hit.relation);
    if (!list) numbersByRelation.set(hit.relation, (list = []));
    list.push(hit);
  }

  // Computed once per class of principals with equal rights; evidence is copied to each member.
  const classes: PrincipalClass[] = input.resolver
    ? groupPrincipals(principals, catalog, input.resolver)
    : principals.map((p) => ({ representative: p, members: [p] }));
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

  // Components of the whole link graph, ignoring access: "a link path to a number column exists".
  const componentOf = new Map<string, number>();
  alg.components(graph.graph as Parameters<typeof alg.components>[0]).forEach((nodes, i) => nodes.forEach((n) => componentOf.set(n, i)));
  const numberComponents = new Set([...numbersByRelation.keys()].map((r) => componentOf.get(r)));
  const distance = distanceToNumbers(graph, numbersByRelation);
  const blockers = new BlockFinder(graph, access, numbersByRelation, distance, readers);

  const sorted = [...catalog.relations.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const controlled = sorted.filter((r) => !numbersByRelation.has(r.id) && !reachable.has(r.id) && numberComponents.has(componentOf.get(r.id)));
  const blockedBy = blockers.forRelations(controlled, representatives, principals);
  const order = new Map(principals.map((p, i) => [p.name, i]));
  for (const blocks of blockedBy.values()) {
    const expanded = blocks.flatMap((b) => {
      const members = membersOf.get(b.principal);
      return members ? members.map((m) => forMember(b, members[0], m)) : [b];
    });
    expanded.sort((a, b) => (order.get(a.principal) ?? -1) - (order.get(b.principal) ?? -1));
    blocks.splice(0, blocks.length, ...expanded);
  }

  const decisions = new Map<RelationId, RelationDecision>();
  for (const relation of sorted) {
    const hits = numbersByRelation.get(relation.id) ?? [];
    const numberColumns: NumberColumnReport[] = hits.map((h) => ({
      column: h.column, kind: h.kind, rule: h.rule, evidence: h.evidence,
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
      blocked = blockedBy.get(relation.id)!;
    } else basis = 'unlinked';
    decisions.set(relation.id, {
      relation, basis, numberColumns,
      // For a relation holding the number, who can read it directly is the evidence.
      reachable: hits.length ? reach.filter((r) => r.path.length === 0) : reach,
      blocked,
    });
  }
  return decisions;
}

/** A representative's block, told of another member: its own name (and role names) in the detail. */
function forMember(b: Block, rep: Principal, m: Principal): Block {
  if (m === rep) return b;
  let detail = b.detail;
  const pairs: [string, string][] = [[rep.name, m.name]];
  if (rep.roles.length === m.roles.length) rep.roles.forEach((r, i) => pairs.push([r, m.roles[i]]));
  for (const [from, to] of pairs) {
    if (from === to) continue;
    // Whole names only: `app` must not match inside `app_kyufu`.
    const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    detail = detail.replace(new RegExp(`(?<![\\p{L}\\p{N}_@%-])${escaped}(?![\\p{L}\\p{N}_@%-])`, 'gu'), () => to);
  }
  return { ...b, principal: m.name, detail };
}

/** BFS distance (in edges, ignoring access) from every node to the nearest number relation. */
function distanceToNumbers(graph: LinkGraph, numbersByRelation: Map<RelationId, unknown>): Map<string, number> {
  const dist = new Map<string, number>();
  const queue = [...numbersByRelation.keys()];
  for (const q of queue) dist.set(q, 0);
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i];
    for (const e of graph.edgesAt(node)) {
      if (dist.has(e.b.node)) continue;
      dist.set(e.b.node, dist.get(node)! + 1);
      queue.push(e.b.node);
    }
  }
  return dist;
}

/**
 * Why a principal that can read R does not reach the number: the edges leaving its readable
 * component around R (and unreadable number columns inside it), nearest to the number first.
 * Components are computed once per principal and shared by the relations in them.
 */
class BlockFinder {
  private readonly components = new Map<string, Map<string, { id: number; nodes: Set<string> }>>();
  private readonly cache = new Map<string, Block[]>();

  constructor(
    private readonly graph: LinkGraph,
    private readonly access: PrincipalAccess,
    private readonly numbersByRelation: Map<RelationId, NumberColumnHit[]>,
    private readonly distance: Map<string, number>,
    private readonly readers?: ReaderIndex,
  ) {
    this.mightRead = readers && ((p: Principal, r: RelationId) => readers.mightRead(p, r));
  }

  private readonly mightRead?: (p: Principal, r: RelationId) => boolean;

  /**
   * Blocks for each relation, principal by principal (in order), so one principal's components
   * are dropped before the next: memory O(graph), not O(principals × graph).
   */
  forRelations(relations: Relation[], principals: Principal[], everyone: Principal[] = principals): Map<RelationId, Block[]> {
    const mightRead = new Map<Principal, Relation[]>();
    for (const r of relations) {
      for (const p of this.readers?.candidates(r.id) ?? principals) {
        let list = mightRead.get(p);
        if (!list) mightRead.set(p, (list = []));
        list.push(r);
      }
    }
    const out = new Map<RelationId, Block[]>(relations.map((r) => [r.id, []]));
    for (const p of principals) {
      for (const r of mightRead.get(p) ?? []) {
        if (this.access.canReadRelation(p, r.id)) out.get(r.id)!.push(...this.blocksFor(p, r.id));
      }
      this.components.clear();
      this.cache.clear();
    }
    const names = everyone.map((p) => p.name).join(', ');
    for (const r of relations) {
      const blocks = out.get(r.id)!;
      if (blocks.length) continue;
      blocks.push({
        principal: '*', at: r.id, control: 'no-table-privilege',
        detail: `no principal (${names}) can read any column of ${r.id}`,
      });
    }
    return out;
  }

  private blocksFor(p: Principal, start: string): Block[] {
    const comp = this.componentFor(p, start);
    const key = `${p.name}\u0000${comp.id}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found: { block: Block; dist: number }[] = [];
    for (const node of comp.nodes) {
      if (isHub(node)) continue;
      for (const hit of this.numbersByRelation.get(node) ?? []) {
        const v = this.access.canRead(p, node, hit.column);
        if (!v.allowed) found.push({ block: { principal: p.name, at: v.at, control: v.control, detail: v.detail }, dist: 0 });
      }
      const here = this.distance.get(node) ?? Infinity;
      for (const e of this.graph.edgesAt(node)) {
        // Only edges that lead toward a number column explain why it is not reached.
        if (comp.nodes.has(e.b.node) || (this.distance.get(e.b.node) ?? Infinity) >= here) continue;
        if (traversable(this.access, p, e, this.mightRead)) continue;
        const v = firstRefusal(e, (n, column) => this.access.canRead(p, n, column));
        if (v) found.push({ block: { principal: p.name, at: v.at, control: v.control, detail: v.detail }, dist: this.distance.get(e.b.node) ?? Infinity });
      }
    }
    found.sort((a, b) => a.dist - b.dist);
    const seen = new Set<string>();
    const blocks: Block[] = [];
    for (const f of found) {
      const k = `${f.block.at}\u0000${f.block.control}`;
      if (seen.has(k)) continue;
      seen.add(k);
      blocks.push(f.block);
      if (blocks.length >= MAX_BLOCKS_PER_PRINCIPAL) break;
    }
    this.cache.set(key, blocks);
    return blocks;
  }

  /** The set of nodes p can walk to from start (readable edges only), computed once per component. */
  private componentFor(p: Principal, start: string): { id: number; nodes: Set<string> } {
    let byNode = this.components.get(p.name);
    if (!byNode) this.components.set(p.name, (byNode = new Map()));
    const known = byNode.get(start);
    if (known) return known;
    const comp = { id: byNode.size + 1, nodes: new Set<string>([start]) };
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const e of this.graph.edgesAt(queue[i])) {
        if (comp.nodes.has(e.b.node) || !traversable(this.access, p, e, this.mightRead)) continue;
        comp.nodes.add(e.b.node);
        queue.push(e.b.node);
      }
    }
    for (const n of comp.nodes) byNode.set(n, comp);
    return comp;
  }
}
