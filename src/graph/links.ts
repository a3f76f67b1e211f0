/**
 * The link graph: relations are nodes, joinable keys are edges (undirected: a join works both
 * ways). Kinds: declared foreign keys, implied keys (a shared key name, or every column of a
 * multi-column key present in another table), links declared in the config, and view lineage (a
 * view column is the value of its base column, and carries every link of that column).
 *
 * An edge joins on one column at each end, or on a whole multi-column key (`columns`): a
 * composite foreign key, or a municipal ledger keyed on 市区町村コード + 納税義務者番号. Whoever
 * follows it must read every column of the key at both ends (endColumns).
 *
 * Names that join wherever they occur (`linkKeys`) would link every pair of relations holding
 * them (n² edges); instead each such name gets one hub node, which is equivalent for reachability
 * because an edge relation–hub only asks that the relation's column be readable.
 */
import {
  type Catalog,
  type ColumnId,
  columnId,
  type Relation,
  type RelationId,
  relationIdOf,
  splitColumnId,
} from '../catalog/model.js';
import { type Diagnostic, listOf, said } from '../diagnostics.js';
import { dependencyOrder } from './algorithms.js';
import { counter, type Tick } from '../progress-tick.js';

export type LinkVia = 'foreign-key' | 'implied-key' | 'declared-link' | 'view' | 'copy';

declare const hubIdBrand: unique symbol;
/** A hub node: `#key:<name>` for a linkKeys name, `#lineage:…` / `#lineage-in:…` for a column's lineage. */
export type HubId = string & { readonly [hubIdBrand]: true };
/** A node of the link graph: a relation, or a hub. `isHub` tells them apart. */
export type GraphNode = RelationId | HubId;

export interface LinkEnd {
  /** Relation id, or a hub node id (`#key:<name>`) for linkKeys. */
  node: GraphNode;
  /** Column on a relation end (the first column of a multi-column key); undefined on a hub end. */
  column?: string;
  /** Every column of a multi-column key, in key order (`columns[0] === column`); unset for one column. */
  columns?: string[];
}

/** A relation end on one column (the ends view lineage joins). */
interface ColumnEnd extends LinkEnd {
  node: RelationId;
  column: string;
}

/** The columns an edge end joins on: all of them must be readable to follow the edge. */
export function endColumns(end: LinkEnd): string[] {
  return end.columns ?? (end.column === undefined ? [] : [end.column]);
}

/**
 * Why an edge cannot be followed: the first column, at either end, that `canRead` refuses (every
 * column of a multi-column key must be readable); undefined when every column is readable.
 */
export function firstRefusal<V extends { allowed: boolean }>(
  edge: LinkEdge,
  canRead: (node: RelationId, column: string) => V,
): Extract<V, { allowed: false }> | undefined {
  for (const end of [edge.a, edge.b]) {
    if (isHub(end.node)) continue;
    for (const column of endColumns(end)) {
      const v = canRead(end.node, column);
      if (!v.allowed) return v as Extract<V, { allowed: false }>;
    }
  }
  return undefined;
}

/** An end on several columns (one column: the plain form, so single-column edges stay as they were). */
export function keyEnd(node: GraphNode, columns: string[]): LinkEnd {
  return columns.length > 1 ? { node, column: columns[0], columns: [...columns] } : { node, column: columns[0] };
}

export interface LinkEdge {
  a: LinkEnd;
  b: LinkEnd;
  via: LinkVia;
  /**
   * Cost of the step a → b in link edges: 1 (unset) for every edge, 0 for a step into a lineage
   * hub (the step out of it counts the edge). Only lineage arcs set it.
   */
  weight?: 0;
}

/** The cost of following an arc: 0 into a lineage hub, else 1. */
export function arcWeight(e: LinkEdge): number {
  return e.weight ?? 1;
}

export interface LinkOptions {
  links: [string, string][];
  linkKeys: string[];
  inferLinks: boolean;
}

/** Names too generic to be a shared business key (every table has an `id`). */
export const GENERIC_SURROGATE_KEYS = new Set([
  'id',
  'uuid',
  'guid',
  'rowid',
  'oid',
  'seq',
  'no',
  'code',
  'cd',
  'key',
  'pk',
]);

/**
 * A generic key, also under a closure table's role: TypeORM's `id_ancestor` / `id_descendant`,
 * the `ancestor_id` / `descendant_id` of other closure-table libraries. Each closure table holds
 * its own entity's ids, so two of them sharing these names share no business key.
 */
function isGenericKey(name: string): boolean {
  const n = name.toLowerCase();
  return (
    GENERIC_SURROGATE_KEYS.has(n) ||
    GENERIC_SURROGATE_KEYS.has(n.replace(/_(?:ancestor|descendant)$/, '').replace(/^(?:ancestor|descendant)_/, ''))
  );
}

export const HUB_PREFIX = '#key:';
/**
 * Lineage hubs of a column (see addViewLineage): the columns that hold the column's values
 * (itself and the view columns derived from it) step into `#lineage:<column>`, which leads to its
 * links and to `#lineage-in:<column>`; the links step into `#lineage-in:<column>`, which leads
 * only to the holders.
 */
export const LINEAGE_PREFIX = '#lineage';

export class LinkGraph {
  /** Every node (relations, then key hubs and edge ends as they are added), in insertion order. */
  private readonly nodeSet = new Set<GraphNode>();
  /** Every edge, in insertion order. */
  private readonly edgeList: LinkEdge[] = [];
  /**
   * Edges by node, as an undirected multigraph stores them (and as graphlib did, so a node's
   * edges keep their order: ties between equal routes are listed in it): an edge is stored as
   * leaving the smaller id and entering the larger; a loop once, as entering.
   */
  private readonly edgesIn = new Map<GraphNode, LinkEdge[]>();
  private readonly edgesOut = new Map<GraphNode, LinkEdge[]>();
  private readonly seen = new Set<string>();
  /** edgesAt per node: reachability asks for the same nodes once per principal. Dropped for both ends on add(). */
  private readonly adjacency = new Map<GraphNode, LinkEdge[]>();
  /** Lineage arcs (directed, not graphlib edges) by the node they leave and by the node they enter. */
  private readonly arcsOut = new Map<GraphNode, LinkEdge[]>();
  private readonly arcsIn = new Map<GraphNode, LinkEdge[]>();
  private arcCount = 0;
  /** `relation.column` of every single-column edge end other than view lineage (hasLinks). */
  private readonly linked = new Set<string>();
  /** Multi-column key edges by node (keyEdgesAt), as graphlib stores them: entering, leaving. */
  private readonly keyEdgesIn = new Map<GraphNode, LinkEdge[]>();
  private readonly keyEdgesOut = new Map<GraphNode, LinkEdge[]>();
  /** successors/predecessors per node; dropped whenever the graph changes (it is read only once built). */
  private stepsOut = new Map<GraphNode, LinkEdge[]>();
  private stepsIn = new Map<GraphNode, LinkEdge[]>();

  constructor(readonly catalog: Catalog) {
    for (const id of catalog.relations.keys()) this.nodeSet.add(id);
  }

  hasNode(node: GraphNode): boolean {
    return this.nodeSet.has(node);
  }

  addNode(node: GraphNode): void {
    this.nodeSet.add(node);
  }

  /** Every node, in insertion order. */
  nodes(): GraphNode[] {
    return [...this.nodeSet];
  }

  /** Every edge as added (ends as given), in insertion order. Shared: iterate, do not change. */
  edges(): readonly LinkEdge[] {
    return this.edgeList;
  }

  add(edge: LinkEdge): void {
    const ka = `${edge.a.node}.${endColumns(edge.a).join(',')}`;
    const kb = `${edge.b.node}.${endColumns(edge.b).join(',')}`;
    if (ka === kb) return;
    const k1 = `${ka}|${kb}`;
    const k2 = `${kb}|${ka}`;
    if (this.seen.has(k1) || this.seen.has(k2)) return;
    this.seen.add(k1);
    this.nodeSet.add(edge.a.node);
    this.nodeSet.add(edge.b.node);
    this.edgeList.push(edge);
    const [v, w] = edge.a.node > edge.b.node ? [edge.b.node, edge.a.node] : [edge.a.node, edge.b.node];
    push(this.edgesIn, w, edge);
    if (v !== w) push(this.edgesOut, v, edge);
    if (edge.via !== 'view' && !edge.a.columns && !edge.b.columns) {
      for (const end of [edge.a, edge.b]) if (end.column !== undefined) this.linked.add(`${end.node}.${end.column}`);
    }
    if (edge.a.columns || edge.b.columns) {
      // Kept in the order edgesAt gives them (entering, then leaving).
      push(this.keyEdgesIn, w, edge);
      if (v !== w) push(this.keyEdgesOut, v, edge);
    }
    this.adjacency.delete(edge.a.node);
    this.adjacency.delete(edge.b.node);
    this.changed();
  }

  private changed(): void {
    if (this.stepsOut.size) this.stepsOut = new Map();
    if (this.stepsIn.size) this.stepsIn = new Map();
  }

  /** Edges at a node, each oriented so that `a` is this node's end. Shared: iterate, do not change. */
  edgesAt(node: GraphNode): LinkEdge[] {
    const known = this.adjacency.get(node);
    if (known) return known;
    const out: LinkEdge[] = [];
    for (const list of [this.edgesIn.get(node), this.edgesOut.get(node)])
      for (const label of list ?? [])
        out.push(label.a.node === node ? label : { a: label.b, b: label.a, via: label.via });
    this.adjacency.set(node, out);
    return out;
  }

  /**
   * A directed lineage arc from → to (graph/links.ts addViewLineage): followed like an edge by
   * traversals that read `successors`/`predecessors`, never drawn (pictures read edgesAt).
   */
  addArc(arc: LinkEdge): void {
    push(this.arcsOut, arc.a.node, arc);
    push(this.arcsIn, arc.b.node, { a: arc.b, b: arc.a, via: arc.via, ...(arc.weight === 0 ? { weight: 0 } : {}) });
    this.arcCount++;
    this.changed();
  }

  /**
   * The steps out of a node, each oriented so that `a` is this node's end: every edge but view
   * lineage's (the lineage arcs stand for it), and the lineage arcs leaving it. Shared: iterate,
   * do not change.
   */
  successors(node: GraphNode): LinkEdge[] {
    return this.steps(node, this.arcsOut, this.stepsOut);
  }

  /**
   * The steps into a node, each oriented so that `a` is this node's end and `b` the node the step
   * comes from (the step is b → a, with its weight): every edge but view lineage's, and the
   * lineage arcs entering it.
   */
  predecessors(node: GraphNode): LinkEdge[] {
    return this.steps(node, this.arcsIn, this.stepsIn);
  }

  private steps(node: GraphNode, arcs: Map<GraphNode, LinkEdge[]>, cache: Map<GraphNode, LinkEdge[]>): LinkEdge[] {
    const known = cache.get(node);
    if (known) return known;
    const mine = arcs.get(node);
    // View lineage edges are drawn, not walked: the lineage hubs join every pair they join.
    const edges = isLineageHub(node) ? [] : this.edgesAt(node).filter((e) => e.via !== 'view');
    const out = mine ? [...edges, ...mine] : edges;
    cache.set(node, out);
    return out;
  }

  /** Nodes one edge away (with repeats for parallel edges). */
  neighbours(node: GraphNode): GraphNode[] {
    return this.edgesAt(node).map((e) => e.b.node);
  }

  /**
   * The multi-column key edges at a node, oriented and ordered as edgesAt would give them, without
   * rebuilding the node's edge list (view lineage asks once per view, while edges are still added).
   */
  keyEdgesAt(node: GraphNode): LinkEdge[] {
    const out: LinkEdge[] = [];
    for (const label of [...(this.keyEdgesIn.get(node) ?? []), ...(this.keyEdgesOut.get(node) ?? [])])
      out.push(label.a.node === node ? label : { a: label.b, b: label.a, via: label.via });
    return out;
  }

  /** Whether a column has a single-column edge other than view lineage (without building the node's edge list). */
  hasLinks(relation: RelationId, column: string): boolean {
    return this.linked.has(`${relation}.${column}`);
  }

  /** Single-column edges touching one column of a relation. */
  edgesAtColumn(relation: RelationId, column: string): LinkEdge[] {
    return this.edgesAt(relation).filter((e) => e.a.column === column && !e.a.columns);
  }

  get size(): { nodes: number; edges: number; arcs: number } {
    return { nodes: this.nodeSet.size, edges: this.edgeList.length, arcs: this.arcCount };
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** A lineage hub (entered at no cost; see addViewLineage), not a link key's hub. */
export function isLineageHub(node: string): node is HubId {
  return node.startsWith(LINEAGE_PREFIX);
}

export function isHub(node: string): node is HubId {
  return node.startsWith(HUB_PREFIX) || node.startsWith(LINEAGE_PREFIX);
}

/** The hub of a linkKeys name. */
function keyHub(name: string): HubId {
  return `${HUB_PREFIX}${name}` as HubId;
}

/** The hub a column's holders step into (see addViewLineage). */
function lineageHub(column: ColumnId): HubId {
  return `${LINEAGE_PREFIX}:${column}` as HubId;
}

/** The hub a column's links step into (see addViewLineage). */
function lineageInHub(column: ColumnId): HubId {
  return `${LINEAGE_PREFIX}-in:${column}` as HubId;
}

export function buildLinkGraph(
  catalog: Catalog,
  options: LinkOptions,
  diagnostics: Diagnostic[] = [],
  /** Progress: which of the six kinds of link has been added. */
  onSteps?: Tick,
): LinkGraph {
  const g = new LinkGraph(catalog);
  const added = counter(6, onSteps, 1);
  addForeignKeys(g, catalog, diagnostics);
  added(1);
  if (options.inferLinks) {
    addImpliedKeys(g, catalog);
    addImpliedCompositeKeys(g, catalog);
  }
  added(2);
  addLinkKeyHubs(g, catalog, options.linkKeys);
  added(3);
  addDeclaredLinks(g, catalog, options.links, diagnostics);
  added(4);
  addViewLineage(g, catalog);
  added(5);
  addCopies(g, catalog);
  added(6);
  return g;
}

function addForeignKeys(g: LinkGraph, catalog: Catalog, diagnostics: Diagnostic[]): void {
  for (const r of catalog.relations.values()) {
    for (const fk of r.foreignKeys) {
      const target = relationIdOf(fk.references);
      const t = catalog.relations.get(target);
      if (!t) {
        diagnostics.push({
          severity: 'warning',
          code: 'SPIF-LINK-UNKNOWN-TARGET',
          ...fk.source,
          ...said('diag.link.unknownTarget', r.id, fk.columns.join(', '), target),
        });
        continue;
      }
      // REFERENCES t without columns means t's primary key.
      const targetColumns = fk.referencedColumns.length ? fk.referencedColumns : (t.primaryKey ?? []);
      if (fk.columns.length === 0 || targetColumns.length !== fk.columns.length) {
        diagnostics.push({
          severity: 'warning',
          code: 'SPIF-LINK-UNKNOWN-TARGET',
          ...fk.source,
          ...said('diag.link.columnCount', r.id, fk.columns.join(', '), target, targetColumns.join(', ')),
        });
        continue;
      }
      // A multi-column key joins as a whole: one edge on every column pair.
      g.add({ a: keyEnd(r.id, fk.columns), b: keyEnd(t.id, targetColumns), via: 'foreign-key' });
    }
  }
}

/**
 * Same column name in two relations of one database, where it is a single-column primary or
 * unique key in at least one of them. Linear in (columns + edges): relations are grouped by
 * (database, column name) once, and each key holder links to the others of its group.
 */
function addImpliedKeys(g: LinkGraph, catalog: Catalog): void {
  const groups = new Map<string, Relation[]>();
  for (const r of catalog.relations.values()) {
    if (r.kind !== 'table') continue; // views take their links from lineage
    for (const c of r.columns) {
      if (isGenericKey(c.name)) continue;
      const key = `${r.database}\u0000${c.name}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(r);
    }
  }
  for (const [key, rels] of groups) {
    if (rels.length < 2) continue;
    const column = key.slice(key.indexOf('\u0000') + 1);
    const holders = rels.filter((r) => isSingleColumnKey(r, column));
    for (const h of holders) {
      for (const other of rels) {
        if (other !== h) g.add({ a: { node: other.id, column }, b: { node: h.id, column }, via: 'implied-key' });
      }
    }
  }
}

function isSingleColumnKey(r: Relation, column: string): boolean {
  if (r.primaryKey?.length === 1 && r.primaryKey[0] === column) return true;
  return r.uniqueKeys.some((u) => u.length === 1 && u[0] === column);
}

/**
 * A multi-column primary or unique key of one table whose columns all appear in another table of
 * the same database links the two on the whole key (municipal ledgers: 市区町村コード +
 * 納税義務者番号). Keys with a generic column (`id`, `no`, `code`, …) are left out, as for single
 * columns: (tenant_id, id) would otherwise link every table of a multi-tenant schema. Cost: per
 * key, the smallest group of tables holding one of its columns.
 */
function addImpliedCompositeKeys(g: LinkGraph, catalog: Catalog): void {
  const holders = new Map<string, Set<Relation>>();
  const tables = [...catalog.relations.values()].filter((r) => r.kind === 'table');
  for (const r of tables) {
    for (const c of r.columns) {
      const key = `${r.database}\u0000${c.name}`;
      let set = holders.get(key);
      if (!set) holders.set(key, (set = new Set()));
      set.add(r);
    }
  }
  for (const r of tables) {
    for (const key of compositeKeys(r)) {
      const groups = key.map((c) => holders.get(`${r.database}\u0000${c}`) ?? new Set<Relation>());
      const smallest = groups.reduce((a, b) => (b.size < a.size ? b : a));
      for (const other of smallest) {
        if (other === r || !groups.every((s) => s.has(other))) continue;
        g.add({ a: keyEnd(other.id, key), b: keyEnd(r.id, key), via: 'implied-key' });
      }
    }
  }
}

function compositeKeys(r: Relation): string[][] {
  const keys = [...(r.primaryKey ? [r.primaryKey] : []), ...r.uniqueKeys];
  return keys.filter((k) => k.length > 1 && new Set(k).size === k.length && !k.some(isGenericKey));
}

function addLinkKeyHubs(g: LinkGraph, catalog: Catalog, linkKeys: string[]): void {
  if (linkKeys.length === 0) return;
  const names = new Set(linkKeys);
  for (const r of catalog.relations.values()) {
    if (r.kind !== 'table') continue;
    for (const c of r.columns) {
      if (!names.has(c.name)) continue;
      const hub = keyHub(c.name);
      g.addNode(hub);
      g.add({ a: { node: r.id, column: c.name }, b: { node: hub }, via: 'implied-key' });
    }
  }
}

function addDeclaredLinks(g: LinkGraph, catalog: Catalog, links: [string, string][], diagnostics: Diagnostic[]): void {
  for (const [left, right] of links) {
    const a = splitColumnId(left);
    const b = splitColumnId(right);
    const missing = [a, b].filter((x) => !catalog.relations.get(x.relation)?.columns.some((c) => c.name === x.column));
    if (missing.length) {
      diagnostics.push({
        severity: 'warning',
        code: 'SPIF-LINK-UNKNOWN-COLUMN',
        ...said('diag.link.unknownColumn', left, right, listOf(missing.map((m) => `${m.relation}.${m.column}`))),
      });
      continue;
    }
    g.add({
      a: { node: a.relation, column: a.column },
      b: { node: b.relation, column: b.column },
      via: 'declared-link',
    });
  }
}

/**
 * View lineage. A view column holds the values of the base columns it is derived from, so it
 * joins wherever they join: to them, to every other column holding the same values (the base's
 * other views, views on views), and to every link of the base column. Copying those links onto
 * each view column makes a stack of n views over one column a clique (n² edges); instead each
 * base column with views gets one lineage hub, so the graph stays linear in view columns:
 *
 * - an edge view column — base column it is read from (`view`), as drawn in pictures (the
 *   traversals leave it out: the hubs below join the two already);
 * - `#lineage:<base>` (H): a holder (the base column, or a view column derived from it) steps
 *   into H at no cost; H steps to every link of the base (cost 1) and into Hin (no cost);
 * - `#lineage-in:<base>` (Hin): each link of the base steps into Hin at no cost, and Hin steps to
 *   every holder (cost 1), never out to another link: two tables linked to the base column
 *   meet only through a column holding it, as they would through the copied edges.
 *
 * So every holder reaches every holder and link in one edge, each link reaches every holder in
 * one edge, and nothing else: the same paths, lengths and readability tests as copied edges
 * (a hub end asks nothing; the relation ends ask their column), with no edge per pair. A link to
 * a column that has its own hub joins the two hubs (H → other Hin) and a view column derived
 * from several columns holds each of their hubs. A view column that has links of its own (a
 * declared link) is a base for the views built on it. Multi-column keys are carried as edges
 * (one per view over the key, never per pair). Copies (addCopies) are added after lineage and,
 * as before, are not carried by views.
 */
function addViewLineage(g: LinkGraph, catalog: Catalog): void {
  /** column id → the hubs (their base column ids) a view column holds. */
  const heldHubs = new Map<ColumnId, ColumnId[]>();
  /** base column id → its holders (base column first) and the links it had before lineage. */
  const hubs = new Map<ColumnId, { base: ColumnEnd; holders: ColumnEnd[]; seen: Set<ColumnId> }>();
  const isView = (relation: RelationId) => catalog.relations.get(relation)?.view !== undefined;

  const hubOf = (end: ColumnEnd): ColumnId => {
    const k = columnId(end.node, end.column);
    if (!hubs.has(k)) hubs.set(k, { base: end, holders: [end], seen: new Set([k]) });
    return k;
  };
  /** The hubs a column derived from `end` holds: end's own (a base, or a view column with links), and end's. */
  const hubsFrom = (end: ColumnEnd): ColumnId[] => {
    const k = columnId(end.node, end.column);
    const held = heldHubs.get(k) ?? [];
    return !isView(end.node) || held.length === 0 || g.hasLinks(end.node, end.column) ? [hubOf(end), ...held] : held;
  };

  for (const v of viewsInDependencyOrder(catalog)) {
    /** base relation → base column → the view's first column carrying it. */
    const carried = new Map<RelationId, Map<string, string>>();
    for (const vc of v.view!.columns) {
      const held: ColumnId[] = [];
      for (const src of vc.from) {
        const base = relationIdOf(src.relation);
        if (!catalog.relations.has(base)) continue;
        for (const h of hubsFrom({ node: base, column: src.column })) if (!held.includes(h)) held.push(h);
        g.add({ a: { node: v.id, column: vc.name }, b: { node: base, column: src.column }, via: 'view' });
        let columns = carried.get(base);
        if (!columns) carried.set(base, (columns = new Map<string, string>()));
        if (!columns.has(src.column)) columns.set(src.column, vc.name);
      }
      if (held.length === 0) continue;
      heldHubs.set(columnId(v.id, vc.name), held);
      const end: ColumnEnd = { node: v.id, column: vc.name };
      for (const h of held) {
        const hub = hubs.get(h)!;
        if (hub.seen.has(columnId(v.id, vc.name))) continue;
        hub.seen.add(columnId(v.id, vc.name));
        hub.holders.push(end);
      }
    }
    // A multi-column key edge is carried when the view carries every column of the key.
    for (const [base, columns] of carried) {
      for (const e of g.keyEdgesAt(base)) {
        if (!e.a.columns || e.b.node === v.id) continue;
        const mapped = e.a.columns.map((c) => columns.get(c));
        if (mapped.every((c): c is string => c !== undefined)) g.add({ a: keyEnd(v.id, mapped), b: e.b, via: e.via });
      }
    }
  }

  for (const [k, hub] of hubs) {
    const h = lineageHub(k);
    const hin = lineageInHub(k);
    g.addArc({ a: { node: h }, b: { node: hin }, via: 'view', weight: 0 });
    for (const m of hub.holders) {
      g.addArc({ a: m, b: { node: h }, via: 'view', weight: 0 });
      g.addArc({ a: { node: hin }, b: m, via: 'view' });
    }
    // The base column's own links (as they were before lineage: views only add `view` edges).
    const seen = new Set<string>();
    for (const e of g.edgesAtColumn(hub.base.node, hub.base.column)) {
      if (e.via === 'view') continue;
      const far =
        e.b.column === undefined || e.b.columns || isHub(e.b.node) ? undefined : columnId(e.b.node, e.b.column);
      const target = far !== undefined && hubs.has(far) ? lineageInHub(far) : undefined;
      const key = target ?? `${e.b.node}\u0000${e.b.column ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (target) {
        g.addArc({ a: { node: h }, b: { node: target }, via: e.via, weight: 0 });
      } else {
        g.addArc({ a: e.b, b: { node: hin }, via: e.via, weight: 0 });
        g.addArc({ a: { node: h }, b: e.b, via: e.via });
      }
    }
  }
}

/**
 * Copies (Column.copiedFrom: partitions, inheritance children, LIKE, INSERT … SELECT, triggers):
 * the column holds the source column's values, so the two join.
 */
function addCopies(g: LinkGraph, catalog: Catalog): void {
  for (const r of catalog.relations.values()) {
    for (const c of r.columns) {
      for (const src of c.copiedFrom ?? []) {
        const base = relationIdOf(src.relation);
        if (base === r.id || !catalog.relations.get(base)?.columns.some((x) => x.name === src.column)) continue;
        g.add({ a: { node: r.id, column: c.name }, b: { node: base, column: src.column }, via: 'copy' });
      }
    }
  }
}

export function viewsInDependencyOrder(catalog: Catalog): Relation[] {
  const views = [...catalog.relations.values()].filter((r) => r.view);
  return dependencyOrder(views, (r) => {
    const deps: Relation[] = [];
    for (const q of r.view?.reads ?? []) {
      const base = catalog.relations.get(relationIdOf(q));
      if (base?.view) deps.push(base);
    }
    return deps;
  });
}
