/**
 * One view of the link graph for every picture (dot, mermaid, html): relations as nodes with their
 * classification and number columns, links as edges with their kind and, per principal, whether
 * its walk toward the number crosses the edge or is stopped there. Renderers only lay it out.
 *
 * "Stopped" uses the same test as classification (`traversable`, classify/reach.ts): a principal
 * that can read one end's relation crosses the edge only when it can read the link column on both
 * ends (which includes connecting to both databases).
 */
import { type RelationId, splitColumnId } from '../catalog/model.js';
import type { GraphNode as LinkNode, LinkEdge, LinkVia } from '../graph/links.js';
import { firstRefusal, isHub, HUB_PREFIX } from '../graph/links.js';
import type { Principal, PrincipalAccess } from '../access/principals.js';
import type { Analysis } from '../classify/analysis.js';
import type { ScanResult } from './scan-result.js';
import { type Lang, t } from './messages.js';
import {
  type Basis,
  type Block,
  type Classification,
  type NumberColumnReport,
  type PathStep,
  type Report,
  writtenId,
} from './model.js';
import { nth } from '../indexed.js';
import { DisplayNames } from './display-names.js';

export interface GraphNode {
  /** Internal id (`n0`, `n1`, …): safe to write unescaped in every format. */
  key: string;
  /** Relation id, or `#key:<name>` for a linkKeys hub. */
  id: LinkNode;
  kind: 'table' | 'view' | 'function' | 'hub';
  database?: string;
  /** Display name: the relation name as written, schema-qualified when not the default schema. */
  label: string;
  /** The full name as written (`db.schema.name`), for a tooltip. */
  title: string;
  classification?: Classification;
  basis?: Basis;
  /** Number columns (as written), each with the principals that read the relation but not this column. */
  numberColumns: (Pick<NumberColumnReport, 'column' | 'kind'> & { stopped: string[] })[];
}

/**
 * How principals fare at an edge on their way to the number: every one crosses, some or all are
 * stopped, none uses it (no principal reads its far end), or it leads toward no number (`neutral`:
 * both ends equally far from one, e.g. both hold it, or no number is linked at all).
 */
export type EdgeState = 'open' | 'partly-blocked' | 'blocked' | 'unused' | 'neutral';

export interface GraphEdge {
  from: string;
  to: string;
  /** The joined column pairs, as written (several when parallel links are drawn as one); none on a hub end. */
  columns: { from?: string; to?: string }[];
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

/** Access answers for the principals of a scan: the analysis's own. */
export function scanAccess(scan: ScanResult): PrincipalAccess {
  return scan.analysis.access;
}

export function buildGraphView(
  report: Report,
  scan: ScanResult | undefined,
  options: GraphViewOptions = {},
): GraphView {
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
    const name = r.writtenName ?? r.name;
    addNode({
      id: r.id,
      kind: r.kind,
      database: r.database,
      label: defaultSchema ? name : `${r.writtenSchema ?? r.schema}.${name}`,
      title: writtenId(r),
      classification: r.classification,
      basis: r.basis,
      numberColumns: r.numberColumns.map((n) => ({ column: n.column, kind: n.kind, stopped: [] as string[] })),
    });
  }
  const edges = scan ? edgesFromScan(scan, keyOf, addNode) : edgesFromReport(report, keyOf);
  if (scan) markUnreadableNumbers(nodes, scan);
  const dbClass = new Map(report.databases.map((d) => [d.name, d.classification]));
  const databases = [...new Set(nodes.filter((n) => n.database !== undefined).map((n) => n.database!))]
    .sort()
    .map((name) => ({
      name,
      classification: dbClass.get(name),
      nodes: nodes.filter((n) => n.database === name).map((n) => n.key),
    }));
  writeAsWritten(nodes, edges, DisplayNames.of(report));
  return { nodes, edges, databases, omitted: report.relations.length - shown.length, accessKnown: !!scan };
}

/**
 * The picture names columns and principals as the export wrote them (SQL Server keeps the case of
 * `[MyNo]`, `[KyufuReaders]`); done last, as everything before works on the catalog's folded names.
 */
function writeAsWritten(nodes: GraphNode[], edges: GraphEdge[], names: DisplayNames): void {
  if (!names.any) return;
  const relationOf = new Map(nodes.map((n) => [n.key, n.id]));
  for (const n of nodes)
    for (const c of n.numberColumns) {
      c.column = names.column(n.id, c.column);
      c.stopped = names.roleList(c.stopped);
    }
  for (const e of edges) {
    const [a, b] = [relationOf.get(e.from) ?? '', relationOf.get(e.to) ?? ''];
    e.columns = e.columns.map((c) => ({
      ...(c.from !== undefined ? { from: names.column(a, c.from) } : {}),
      ...(c.to !== undefined ? { to: names.column(b, c.to) } : {}),
    }));
    e.crossing = names.roleList(e.crossing);
    e.stopped = e.stopped.map((s) => ({ ...s, principal: names.role(s.principal), at: names.text(s.at) }));
  }
}

function edgesFromScan(
  scan: ScanResult,
  keyOf: Map<string, string>,
  addNode: (n: Omit<GraphNode, 'key'>) => void,
): GraphEdge[] {
  const { analysis } = scan;
  const principals = analysis.principals.principals;
  const labels = analysis.graph.edges();
  const derived = viewCopies(labels, (node) => !isHub(node) && analysis.catalog.relations.get(node)?.kind === 'view');
  const out: GraphEdge[] = [];
  for (const e of labels) {
    if (derived.has(e)) continue;
    for (const end of [e.a, e.b]) {
      if (isHub(end.node) && !keyOf.has(end.node)) {
        const label = end.node.slice(HUB_PREFIX.length);
        addNode({ id: end.node, kind: 'hub', label, title: label, numberColumns: [] });
      }
    }
    const from = keyOf.get(e.a.node);
    const to = keyOf.get(e.b.node);
    if (!from || !to) continue;
    out.push({
      from,
      to,
      columns: [{ from: e.a.column, to: e.b.column }],
      via: e.via,
      ...edgeAccess(e, principals, analysis),
    });
  }
  return mergeParallel(out);
}

/** Principals that can read a relation holding the number, but not the number column itself. */
function markUnreadableNumbers(nodes: GraphNode[], scan: ScanResult): void {
  const access = scanAccess(scan);
  for (const n of nodes) {
    const id = n.id;
    if (isHub(id)) continue; // a hub holds no column
    for (const c of n.numberColumns) {
      c.stopped = scan.principals.principals
        .filter((p) => access.canReadRelation(p, id) && !access.canRead(p, id, c.column).allowed)
        .map((p) => p.name);
    }
  }
}

/**
 * Who crosses an edge on the way to the number. Only the end farther from the number matters:
 * a principal standing there must cross to get closer; one that can only read the nearer end
 * never needs this edge, so it is neither crossing nor stopped here.
 */
function edgeAccess(
  e: LinkEdge,
  principals: Principal[],
  analysis: Analysis,
): Pick<GraphEdge, 'state' | 'crossing' | 'stopped'> {
  const { access, distance } = analysis;
  const da = distance.get(e.a.node) ?? Infinity;
  const db = distance.get(e.b.node) ?? Infinity;
  if (da === db) return { state: 'neutral', crossing: [], stopped: [] };
  const far = da > db ? e.a : e.b;
  const crossing: string[] = [];
  const stopped: GraphEdge['stopped'] = [];
  for (const p of principals) {
    if (
      isHub(far.node)
        ? ![e.a, e.b].some((x) => !isHub(x.node) && access.canReadRelation(p, x.node))
        : !access.canReadRelation(p, far.node)
    )
      continue;
    if (analysis.crosses(p, e)) {
      crossing.push(p.name);
      continue;
    }
    const v = firstRefusal(e, (node, column) => access.canRead(p, node, column));
    if (v) stopped.push({ principal: p.name, control: v.control, at: v.at });
  }
  const state: EdgeState =
    crossing.length === 0 && stopped.length === 0
      ? 'unused'
      : stopped.length === 0
        ? 'open'
        : crossing.length === 0
          ? 'blocked'
          : 'partly-blocked';
  return { state, crossing, stopped };
}

/** Parallel links of one kind between two relations, with the same verdicts, are drawn as one. */
function mergeParallel(edges: GraphEdge[]): GraphEdge[] {
  const groups = new Map<string, GraphEdge>();
  const out: GraphEdge[] = [];
  for (const e of edges) {
    const verdicts = JSON.stringify([
      e.state,
      [...e.crossing].sort(),
      e.stopped.map((s) => `${s.principal}:${s.control}`).sort(),
    ]);
    const k = [[e.from, e.to].sort().join('|'), e.via, verdicts].join('\u0000');
    const known = groups.get(k);
    if (!known) {
      const copy = { ...e, columns: [...e.columns] };
      groups.set(k, copy);
      out.push(copy);
      continue;
    }
    for (const c of e.columns) known.columns.push(known.from === e.from ? c : { from: c.to, to: c.from });
  }
  return out;
}

/**
 * Links a view column carries from its base column. links.ts no longer copies them onto the view
 * (lineage hubs, which are not edges, stand for them), so this finds only a link declared on a
 * view column that repeats its base column's: it adds nothing to a picture beyond the view →
 * base edge, so the picture leaves it out.
 */
function viewCopies(labels: readonly LinkEdge[], isView: (node: LinkNode) => boolean): Set<LinkEdge> {
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
    const baseOthers = new Set(
      (byEnd.get(end(baseEnd)) ?? []).filter((x) => x !== e).map((x) => `${other(x, baseEnd)}\u0000${x.via}`),
    );
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
        const [a, b] = [splitColumnId(step.from), splitColumnId(step.to)];
        const from = keyOf.get(a.relation);
        const to = keyOf.get(b.relation);
        const k = [`${step.from}`, `${step.to}`].sort().join('\u0000');
        if (!from || !to || seen.has(k)) continue;
        seen.add(k);
        out.push({
          from,
          to,
          columns: [{ from: a.column, to: b.column }],
          via: step.via,
          state: 'open',
          crossing: [],
          stopped: [],
        });
      }
    }
  }
  return out;
}

/**
 * A relation judged `access-controlled` whose protection against some principal is only the
 * config's `principals[].connects`: with that declaration removed, the principal's own SQL roles
 * would reach the number. The database does not enforce `connects` (it is where the system is
 * said to connect, not a privilege), so the judgement rests on a declaration someone must verify.
 */
export interface DeclaredOnlyBlock {
  relation: RelationId;
  principal: string;
  /** Databases on the path that `connects` leaves out. */
  databases: string[];
  numberColumn: string;
  path: PathStep[];
}

export function declaredOnlyBlocks(report: Report, scan: ScanResult): DeclaredOnlyBlock[] {
  const candidates = new Set(report.relations.filter((r) => r.basis === 'access-controlled').map((r) => r.id));
  const declared = scan.principals.principals.filter((p) => p.connects !== undefined);
  if (candidates.size === 0 || declared.length === 0) return [];
  // The principal without its `connects` is another principal under the same name: its own scenario.
  const out: DeclaredOnlyBlock[] = [];
  for (const p of declared) {
    const { reached } = scan.analysis.scenario().reach({ ...p, connects: undefined });
    for (const [relation, r] of reached) {
      if (!candidates.has(relation)) continue;
      const onPath = new Set(
        [relation, ...r.path.flatMap((s) => [s.from, s.to]), r.numberColumn].map((c) => nth(c.split('.'), 0)),
      );
      const databases = [...onPath].filter((db) => !p.connects!.includes(db)).sort();
      out.push({ relation, principal: p.name, databases, numberColumn: r.numberColumn, path: r.path });
    }
  }
  return out.sort((a, b) => a.relation.localeCompare(b.relation) || a.principal.localeCompare(b.principal));
}

// ── what a picture shows: shared by dot, mermaid and html so they say the same thing ────────────

export interface NodeStyle {
  fill: string;
  stroke: string;
  strokeWidth: number;
}

export function nodeStyle(n: GraphNode): NodeStyle {
  if (n.kind === 'hub') return { fill: '#ffffff', stroke: '#757575', strokeWidth: 1 };
  switch (n.basis) {
    case 'holds-number':
      return { fill: '#fde0e0', stroke: '#c62828', strokeWidth: 3 };
    case 'reachable':
      return { fill: '#fde0e0', stroke: '#c62828', strokeWidth: 1.5 };
    case 'access-controlled':
      return { fill: '#fff3e0', stroke: '#ef6c00', strokeWidth: 1.5 };
    default:
      return { fill: '#f0f0f0', stroke: '#9e9e9e', strokeWidth: 1 };
  }
}

export interface EdgeStyle {
  color: string;
  dashed: boolean;
  width: number;
}

export function edgeStyle(e: GraphEdge): EdgeStyle {
  switch (e.state) {
    case 'blocked':
      return { color: '#c62828', dashed: true, width: 1.5 };
    case 'partly-blocked':
      return { color: '#ef6c00', dashed: false, width: 1.5 };
    case 'unused':
      return { color: '#bdbdbd', dashed: true, width: 1 };
    case 'neutral':
      return { color: '#9e9e9e', dashed: false, width: 1 };
    default:
      return { color: '#546e7a', dashed: false, width: 1.2 };
  }
}

/** Text lines of a node: its name, its kind when a view or key hub, and ★ per number column. */
export function nodeLines(n: GraphNode, lang: Lang): string[] {
  if (n.kind === 'hub') return [`🔑 ${n.label}`];
  const lines = [n.kind === 'view' ? `${n.label} (${t(lang, 'doc.kind.view')})` : n.label];
  for (const c of n.numberColumns) {
    lines.push(c.stopped.length ? `★ ${c.column}  ${stoppedText(c.stopped, lang)}` : `★ ${c.column}`);
  }
  return lines;
}

/** At most this many stopped principals are named on an edge. */
const MAX_NAMED = 3;

/** Text lines of an edge: the link kind and columns, then who is stopped there. */
export function edgeLines(e: GraphEdge, lang: Lang): string[] {
  const cols = e.columns
    .map((c) => (c.from && c.to && c.from !== c.to ? `${c.from} = ${c.to}` : (c.from ?? c.to ?? '')))
    .filter(Boolean)
    .join(', ');
  const lines = [`${t(lang, `via.${e.via}`)}${cols ? `: ${cols}` : ''}`];
  if (e.state === 'blocked') lines.push(t(lang, 'doc.graph.blockedAll'));
  else if (e.state === 'partly-blocked') lines.push(stoppedText([...new Set(e.stopped.map((s) => s.principal))], lang));
  return lines;
}

function stoppedText(names: string[], lang: Lang): string {
  const shown = names.slice(0, MAX_NAMED).join(', ');
  return t(
    lang,
    'doc.graph.blockedFor',
    names.length > MAX_NAMED ? `${shown} … ${t(lang, 'label.andMore', names.length - MAX_NAMED)}` : shown,
  );
}
