/**
 * The link graph: relations are nodes, joinable column pairs are edges (undirected: a join works
 * both ways). Kinds: declared foreign keys, implied keys (a shared key name), links declared in
 * the config, and view lineage (a view column is the value of its base column, and carries every
 * link of that column).
 *
 * Names that join wherever they occur (`linkKeys`) would link every pair of relations holding
 * them (n² edges); instead each such name gets one hub node, which is equivalent for reachability
 * because an edge relation–hub only asks that the relation's column be readable.
 */
import { Graph } from '@dagrejs/graphlib';
import type { Catalog, Relation, RelationId } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics.js';
import { dependencyOrder } from './algorithms.js';


type GraphT = InstanceType<typeof Graph>;

export type LinkVia = 'foreign-key' | 'implied-key' | 'declared-link' | 'view';

export interface LinkEnd {
  /** Relation id, or a hub node id (`#key:<name>`) for linkKeys. */
  node: string;
  /** Column on a relation end; undefined on a hub end. */
  column?: string;
}

export interface LinkEdge {
  a: LinkEnd;
  b: LinkEnd;
  via: LinkVia;
}

export interface LinkOptions {
  links: [string, string][];
  linkKeys: string[];
  inferLinks: boolean;
}

/** Names too generic to be a shared business key (every table has an `id`). */
export const GENERIC_SURROGATE_KEYS = new Set(['id', 'uuid', 'guid', 'rowid', 'oid', 'seq', 'no', 'code', 'cd', 'key', 'pk']);

export const HUB_PREFIX = '#key:';

export class LinkGraph {
  readonly graph: GraphT = new Graph({ directed: false, multigraph: true });
  private edgeCount = 0;
  private readonly seen = new Set<string>();
  /** edgesAt per node: reachability asks for the same nodes once per principal. Dropped for both ends on add(). */
  private readonly adjacency = new Map<string, LinkEdge[]>();

  constructor(readonly catalog: Catalog) {
    for (const id of catalog.relations.keys()) this.graph.setNode(id);
  }

  add(edge: LinkEdge): void {
    if (edge.a.node === edge.b.node && edge.a.column === edge.b.column) return;
    const k1 = `${edge.a.node}.${edge.a.column ?? ''}|${edge.b.node}.${edge.b.column ?? ''}`;
    const k2 = `${edge.b.node}.${edge.b.column ?? ''}|${edge.a.node}.${edge.a.column ?? ''}`;
    if (this.seen.has(k1) || this.seen.has(k2)) return;
    this.seen.add(k1);
    this.graph.setEdge(edge.a.node, edge.b.node, edge, String(this.edgeCount++));
    this.adjacency.delete(edge.a.node);
    this.adjacency.delete(edge.b.node);
  }

  /** Edges at a node, each oriented so that `a` is this node's end. Shared: iterate, do not change. */
  edgesAt(node: string): LinkEdge[] {
    const known = this.adjacency.get(node);
    if (known) return known;
    const out: LinkEdge[] = [];
    for (const e of this.graph.nodeEdges(node) ?? []) {
      const label = this.graph.edge(e) as LinkEdge;
      out.push(label.a.node === node ? label : { a: label.b, b: label.a, via: label.via });
    }
    this.adjacency.set(node, out);
    return out;
  }

  /** Nodes one edge away (with repeats for parallel edges). */
  neighbours(node: string): string[] {
    return this.edgesAt(node).map((e) => e.b.node);
  }

  /** Edges touching one column of a relation. */
  edgesAtColumn(relation: RelationId, column: string): LinkEdge[] {
    return this.edgesAt(relation).filter((e) => e.a.column === column);
  }

  get size(): { nodes: number; edges: number } {
    return { nodes: this.graph.nodeCount(), edges: this.graph.edgeCount() };
  }
}

export function isHub(node: string): boolean {
  return node.startsWith(HUB_PREFIX);
}

export function buildLinkGraph(catalog: Catalog, options: LinkOptions, diagnostics: Diagnostic[] = []): LinkGraph {
  const g = new LinkGraph(catalog);
  addForeignKeys(g, catalog, diagnostics);
  if (options.inferLinks) addImpliedKeys(g, catalog);
  addLinkKeyHubs(g, catalog, options.linkKeys);
  addDeclaredLinks(g, catalog, options.links, diagnostics);
  addViewLineage(g, catalog);
  return g;
}

function addForeignKeys(g: LinkGraph, catalog: Catalog, diagnostics: Diagnostic[]): void {
  for (const r of catalog.relations.values()) {
    for (const fk of r.foreignKeys) {
      const target = `${fk.references.database}.${fk.references.schema}.${fk.references.name}`;
      const t = catalog.relations.get(target);
      if (!t) {
        diagnostics.push({
          severity: 'warning', code: 'SPIF-LINK-UNKNOWN-TARGET', ...fk.source,
          message: `foreign key on ${r.id}(${fk.columns.join(', ')}) references ${target}, which is not defined: the link is not followed`,
        });
        continue;
      }
      // REFERENCES t without columns means t's primary key.
      const targetColumns = fk.referencedColumns.length ? fk.referencedColumns : t.primaryKey ?? [];
      fk.columns.forEach((c, i) => {
        const tc = targetColumns[i];
        if (tc) g.add({ a: { node: r.id, column: c }, b: { node: t.id, column: tc }, via: 'foreign-key' });
      });
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
      if (GENERIC_SURROGATE_KEYS.has(c.name.toLowerCase())) continue;
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

function addLinkKeyHubs(g: LinkGraph, catalog: Catalog, linkKeys: string[]): void {
  if (linkKeys.length === 0) return;
  const names = new Set(linkKeys);
  for (const r of catalog.relations.values()) {
    if (r.kind !== 'table') continue;
    for (const c of r.columns) {
      if (!names.has(c.name)) continue;
      const hub = `${HUB_PREFIX}${c.name}`;
      if (!g.graph.hasNode(hub)) g.graph.setNode(hub);
      g.add({ a: { node: r.id, column: c.name }, b: { node: hub }, via: 'implied-key' });
    }
  }
}

function addDeclaredLinks(g: LinkGraph, catalog: Catalog, links: [string, string][], diagnostics: Diagnostic[]): void {
  for (const [left, right] of links) {
    const a = splitColumnRef(left);
    const b = splitColumnRef(right);
    const missing = [a, b].filter((x) => !catalog.relations.get(x.relation)?.columns.some((c) => c.name === x.column));
    if (missing.length) {
      diagnostics.push({
        severity: 'warning', code: 'SPIF-LINK-UNKNOWN-COLUMN',
        message: `links: ${left} ↔ ${right}: ${missing.map((m) => `${m.relation}.${m.column}`).join(', ')} is not defined in the sources; the link is not followed`,
      });
      continue;
    }
    g.add({ a: { node: a.relation, column: a.column }, b: { node: b.relation, column: b.column }, via: 'declared-link' });
  }
}

export function splitColumnRef(ref: string): { relation: string; column: string } {
  const i = ref.lastIndexOf('.');
  return { relation: ref.slice(0, i), column: ref.slice(i + 1) };
}

/**
 * View columns: an edge to each base column they carry, and a copy of every link of that base
 * column. Views are visited in dependency order so a view over a view inherits the copied links.
 */
function addViewLineage(g: LinkGraph, catalog: Catalog): void {
  for (const v of viewsInDependencyOrder(catalog)) {
    for (const vc of v.view!.columns) {
      for (const src of vc.from) {
        const base = `${src.relation.database}.${src.relation.schema}.${src.relation.name}`;
        if (!catalog.relations.has(base)) continue;
        for (const e of g.edgesAtColumn(base, src.column)) {
          if (e.b.node === v.id) continue;
          g.add({ a: { node: v.id, column: vc.name }, b: e.b, via: e.via });
        }
        g.add({ a: { node: v.id, column: vc.name }, b: { node: base, column: src.column }, via: 'view' });
      }
    }
  }
}

export function viewsInDependencyOrder(catalog: Catalog): Relation[] {
  const views = [...catalog.relations.values()].filter((r) => r.view);
  return dependencyOrder(views, (r) => {
    const deps: Relation[] = [];
    for (const q of r.view?.reads ?? []) {
      const base = catalog.relations.get(`${q.database}.${q.schema}.${q.name}`);
      if (base?.view) deps.push(base);
    }
    return deps;
  });
}
