/**
 * One view of the link graph for every picture (dot, mermaid, html): relations as nodes with their
 * classification and number columns, links as edges with their kind and, per principal, whether
 * its walk toward the number crosses the edge or is stopped there. Renderers only lay it out.
 *
 * "Stopped" uses the same test as classification (`traversable`, classify/reach.ts): a principal
 * that can read one end's relation crosses the edge only when it can read the link column on both
 * ends (which includes connecting to both databases).
 */
import type { LinkEdge, LinkVia } from '../graph/links.js';
import { isHub, HUB_PREFIX } from '../graph/links.js';
import { createAccessResolver } from '../access/resolver.js';
import { type Principal, PrincipalAccess } from '../access/principals.js';
import { traversable } from '../classify/reach.js';
import type { ScanResult } from '../pipeline.js';
import type { Basis, Block, Classification, NumberColumnReport, Report } from './model.js';

export interface GraphNode {
  /** Internal id (`n0`, `n1`, …): safe to write unescaped in every format. */
  key: string;
  /** Relation id, or `#key:<name>` for a linkKeys hub. */
  id: string;
  kind: 'table' | 'view' | 'hub';
  database?: string;
  /** Display name: the relation name, schema-qualified when not the default schema. */
  label: string;
  classification?: Classification;
  basis?: Basis;
  numberColumns: Pick<NumberColumnReport, 'column' | 'kind'>[];
}

/** How principals fare at an edge: every one crosses, some are stopped, all are stopped. */
export type EdgeState = 'open' | 'partly-blocked' | 'blocked' | 'unused';

export interface GraphEdge {
  from: string;
  to: string;
  fromColumn?: string;
  toColumn?: string;
  via: LinkVia;
  state: EdgeState;
  /** Principals that can read an end's relation and cross the edge. */
  crossing: string[];
  /** Principals that can read an end's relation but are stopped here, with the control. */
  stopped: Pick<Block, 'principal' | 'control' | 'at'>[];
}

export interface GraphView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Databases in display order, each with its relations' node keys. */
  databases: { name: string; classification?: Classification; nodes: string[] }[];
  /** Relations left out (see `maxNodes`). */
  omitted: number;
  /** Whether edge states come from access data (a scan) or only from the report's paths. */
  accessKnown: boolean;
}

export interface GraphViewOptions {
  /** Above this many relations, relations with no link to a number (`unlinked`) are left out. */
  maxNodes?: number;
}

/** Access answers for the principals of a scan, recomputed from its catalog (cheap, cached per call). */
export function scanAccess(scan: ScanResult): PrincipalAccess {
  return new PrincipalAccess(scan.catalog, createAccessResolver(scan.catalog, { postgresVersion: scan.config.postgresVersion }));
}

export function buildGraphView(report: Report, scan: ScanResult | undefined, options: GraphViewOptions = {}): GraphView {
  const maxNodes = options.maxNodes ?? 400;
  const dropUnlinked = report.relations.length > maxNodes;
  const shown = report.relations.filter((r) => !(dropUnlinked && r.basis === 'unlinked'));
  const nodes: GraphNode[] = [];
  const keyOf = new Map<string, string>();
  const addNode = (n: Omit<GraphNode, 'key'>) => {
    const key = `n${nodes.length}`;
    keyOf.set(n.id, key);
    nodes.push({ key, ...n });
  };
  for (const r of shown) {
    const defaultSchema = r.schema === 'public' || r.schema === 'main';
    addNode({
      id: r.id, kind: r.kind, database: r.database, label: defaultSchema ? r.name : `${r.schema}.${r.name}`,
      classification: r.classification, basis: r.basis,
      numberColumns: r.numberColumns.map((n) => ({ column: n.column, kind: n.kind })),
    });
  }
  const edges = scan ? edgesFromScan(scan, keyOf, addNode) : edgesFromReport(report, keyOf);
  const dbClass = new Map(report.databases.map((d) => [d.name, d.classification]));
  const databases = [...new Set(nodes.filter((n) => n.database !== undefined).map((n) => n.database!))].sort()
    .map((name) => ({ name, classification: dbClass.get(name), nodes: nodes.filter((n) => n.database === name).map((n) => n.key) }));
  return { nodes, edges, databases, omitted: report.relations.length - shown.length, accessKnown: !!scan };
}

function edgesFromScan(
  scan: ScanResult, keyOf: Map<string, string>, addNode: (n: Omit<GraphNode, 'key'>) => void,
): GraphEdge[] {
  const access = scanAccess(scan);
  const principals = scan.principals.principals;
  const g = scan.graph.graph;
  const labels = g.edges().map((e) => g.edge(e) as LinkEdge);
  const derived = viewCopies(labels, (node) => scan.catalog.relations.get(node)?.kind === 'view');
  const out: GraphEdge[] = [];
  for (const e of labels) {
    if (derived.has(e)) continue;
    for (const end of [e.a, e.b]) {
      if (isHub(end.node) && !keyOf.has(end.node)) {
        addNode({ id: end.node, kind: 'hub', label: end.node.slice(HUB_PREFIX.length), numberColumns: [] });
      }
    }
    const from = keyOf.get(e.a.node);
    const to = keyOf.get(e.b.node);
    if (!from || !to) continue;
    out.push({ from, to, fromColumn: e.a.column, toColumn: e.b.column, via: e.via, ...edgeAccess(e, principals, access) });
  }
  return out;
}

function edgeAccess(e: LinkEdge, principals: Principal[], access: PrincipalAccess): Pick<GraphEdge, 'state' | 'crossing' | 'stopped'> {
  const crossing: string[] = [];
  const stopped: GraphEdge['stopped'] = [];
  for (const p of principals) {
    const reads = [e.a, e.b].some((end) => !isHub(end.node) && access.canReadRelation(p, end.node));
    if (!reads) continue;
    if (traversable(access, p, e)) {
      crossing.push(p.name);
      continue;
    }
    for (const end of [e.a, e.b]) {
      if (isHub(end.node)) continue;
      const v = access.canRead(p, end.node, end.column!);
      if (!v.allowed) {
        stopped.push({ principal: p.name, control: v.control, at: v.at });
        break;
      }
    }
  }
  const state: EdgeState = crossing.length === 0 && stopped.length === 0 ? 'unused'
    : stopped.length === 0 ? 'open' : crossing.length === 0 ? 'blocked' : 'partly-blocked';
  return { state, crossing, stopped };
}

/**
 * Links a view column carries from its base column (links.ts copies them onto the view). They
 * add nothing to a picture beyond the view → base edge, so the picture leaves them out.
 */
function viewCopies(labels: LinkEdge[], isView: (node: string) => boolean): Set<LinkEdge> {
  const end = (x: LinkEdge['a']) => `${x.node}\u0000${x.column ?? ''}`;
  const byEnd = new Map<string, LinkEdge[]>();
  for (const e of labels) {
    for (const x of [e.a, e.b]) {
      let list = byEnd.get(end(x));
      if (!list) byEnd.set(end(x), (list = []));
      list.push(e);
    }
  }
  const copies = new Set<LinkEdge>();
  for (const e of labels) {
    if (e.via !== 'view') continue;
    // links.ts adds the lineage edge as view → base; a view-less `a` means it was stored reversed.
    const [viewEnd, baseEnd] = isView(e.a.node) ? [e.a, e.b] : [e.b, e.a];
    const baseOthers = new Set((byEnd.get(end(baseEnd)) ?? []).filter((x) => x !== e).map((x) => `${other(x, baseEnd)}\u0000${x.via}`));
    for (const x of byEnd.get(end(viewEnd)) ?? []) {
      // Lineage edges themselves are always drawn: they show what the view is built from.
      if (x !== e && x.via !== 'view' && baseOthers.has(`${other(x, viewEnd)}\u0000${x.via}`)) copies.add(x);
    }
  }
  return copies;

  function other(x: LinkEdge, at: LinkEdge['a']): string {
    const o = x.a.node === at.node && x.a.column === at.column ? x.b : x.a;
    return end(o);
  }
}

/** Without a scan: the links that the report's reach paths walk, with no access verdicts. */
function edgesFromReport(report: Report, keyOf: Map<string, string>): GraphEdge[] {
  const seen = new Set<string>();
  const out: GraphEdge[] = [];
  for (const r of report.relations) {
    for (const reach of r.reachable) {
      for (const step of reach.path) {
        const [a, b] = [splitColumn(step.from), splitColumn(step.to)];
        const from = keyOf.get(a.relation);
        const to = keyOf.get(b.relation);
        const k = [`${step.from}`, `${step.to}`].sort().join('\u0000');
        if (!from || !to || seen.has(k)) continue;
        seen.add(k);
        out.push({ from, to, fromColumn: a.column, toColumn: b.column, via: step.via, state: 'open', crossing: [], stopped: [] });
      }
    }
  }
  return out;
}

function splitColumn(columnId: string): { relation: string; column: string } {
  const i = columnId.lastIndexOf('.');
  return { relation: columnId.slice(0, i), column: columnId.slice(i + 1) };
}
