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
import { Graph } from '@dagrejs/graphlib';
import type { Catalog, Relation, RelationId } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics.js';
import { dependencyOrder } from './algorithms.js';

type GraphT = InstanceType<typeof Graph>;

export type LinkVia = 'foreign-key' | 'implied-key' | 'declared-link' | 'view' | 'copy';

export interface LinkEnd {
  /** Relation id, or a hub node id (`#key:<name>`) for linkKeys. */
  node: string;
  /** Column on a relation end (the first column of a multi-column key); undefined on a hub end. */
  column?: string;
  /** Every column of a multi-column key, in key order (`columns[0] === column`); unset for one column. */
  columns?: string[];
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
  canRead: (node: string, column: string) => V,
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
export function keyEnd(node: string, columns: string[]): LinkEnd {
  return columns.length > 1 ? { node, column: columns[0], columns: [...columns] } : { node, column: columns[0] };
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
    const ka = `${edge.a.node}.${endColumns(edge.a).join(',')}`;
    const kb = `${edge.b.node}.${endColumns(edge.b).join(',')}`;
    if (ka === kb) return;
    const k1 = `${ka}|${kb}`;
    const k2 = `${kb}|${ka}`;
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

  /** Single-column edges touching one column of a relation. */
  edgesAtColumn(relation: RelationId, column: string): LinkEdge[] {
    return this.edgesAt(relation).filter((e) => e.a.column === column && !e.a.columns);
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
  if (options.inferLinks) {
    addImpliedKeys(g, catalog);
    addImpliedCompositeKeys(g, catalog);
  }
  addLinkKeyHubs(g, catalog, options.linkKeys);
  addDeclaredLinks(g, catalog, options.links, diagnostics);
  addViewLineage(g, catalog);
  addCopies(g, catalog);
  return g;
}

function addForeignKeys(g: LinkGraph, catalog: Catalog, diagnostics: Diagnostic[]): void {
  for (const r of catalog.relations.values()) {
    for (const fk of r.foreignKeys) {
      const target = `${fk.references.database}.${fk.references.schema}.${fk.references.name}`;
      const t = catalog.relations.get(target);
      if (!t) {
        diagnostics.push({
          severity: 'warning',
          code: 'SPIF-LINK-UNKNOWN-TARGET',
          ...fk.source,
          message: `foreign key on ${r.id}(${fk.columns.join(', ')}) references ${target}, which is not defined: the link is not followed`,
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
          message: `foreign key on ${r.id}(${fk.columns.join(', ')}) references ${target}(${targetColumns.join(', ')}): the column counts differ, so the link is not followed`,
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
  return keys.filter(
    (k) => k.length > 1 && new Set(k).size === k.length && !k.some((c) => GENERIC_SURROGATE_KEYS.has(c.toLowerCase())),
  );
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
        severity: 'warning',
        code: 'SPIF-LINK-UNKNOWN-COLUMN',
        message: `links: ${left} ↔ ${right}: ${missing.map((m) => `${m.relation}.${m.column}`).join(', ')} is not defined in the sources; the link is not followed`,
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
    /** base relation → base column → the view's first column carrying it. */
    const carried = new Map<string, Map<string, string>>();
    for (const vc of v.view!.columns) {
      for (const src of vc.from) {
        const base = `${src.relation.database}.${src.relation.schema}.${src.relation.name}`;
        if (!catalog.relations.has(base)) continue;
        for (const e of g.edgesAtColumn(base, src.column)) {
          if (e.b.node === v.id) continue;
          g.add({ a: { node: v.id, column: vc.name }, b: e.b, via: e.via });
        }
        g.add({ a: { node: v.id, column: vc.name }, b: { node: base, column: src.column }, via: 'view' });
        let columns = carried.get(base);
        if (!columns) carried.set(base, (columns = new Map<string, string>()));
        if (!columns.has(src.column)) columns.set(src.column, vc.name);
      }
    }
    // A multi-column key edge is carried when the view carries every column of the key.
    for (const [base, columns] of carried) {
      for (const e of g.edgesAt(base)) {
        if (!e.a.columns || e.b.node === v.id) continue;
        const mapped = e.a.columns.map((c) => columns.get(c));
        if (mapped.every((c): c is string => c !== undefined)) g.add({ a: keyEnd(v.id, mapped), b: e.b, via: e.via });
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
        const base = `${src.relation.database}.${src.relation.schema}.${src.relation.name}`;
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
      const base = catalog.relations.get(`${q.database}.${q.schema}.${q.name}`);
      if (base?.view) deps.push(base);
    }
    return deps;
  });
}
