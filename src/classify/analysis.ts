/**
 * The one read-only analysis of a scan: catalog, number columns, principals, access, the link
 * graph with its traversals (distances to the number, components), and the per-relation decisions
 * with their evidence. Every reporter and every command (scan, check, diff, explain) reads it;
 * none builds its own resolver or walks the graph. Explain asks it for more detail (every block,
 * any principal's path), computed by the same functions classification used.
 */
import type { Catalog, ColumnId, RelationId } from '../catalog/model.js';
import type { SpifConfig } from '../config/index.js';
import { createAccessResolver, type AccessResolver } from '../access/resolver.js';
import { PrincipalAccess, type Principal, type PrincipalSet } from '../access/principals.js';
import type { NumberColumnHit } from '../detect/index.js';
import type { GraphNode, LinkGraph } from '../graph/links.js';
import type { Block } from './evidence-schema.js';
import { BlockFinder } from './blocks.js';
import type { Classified, RelationDecision } from './classify.js';
import { reachFor, traversable, type ReachResult } from './reach.js';
import type { LinkEdge } from '../graph/links.js';

export interface AnalysisParts {
  catalog: Catalog;
  config: SpifConfig;
  graph: LinkGraph;
  numbers: Map<ColumnId, NumberColumnHit>;
  principals: PrincipalSet;
  resolver: AccessResolver;
  access: PrincipalAccess;
  classified: Classified;
}

/**
 * Access and reachability on a changed catalog or principal ("what if this grant were revoked"),
 * for explain's suggestions and the pictures' "declared-only" check: same functions, own caches.
 */
export interface Scenario {
  readonly access: PrincipalAccess;
  reach(p: Principal): ReachResult;
}

export class Analysis {
  readonly catalog: Catalog;
  readonly config: SpifConfig;
  readonly graph: LinkGraph;
  readonly numbers: Map<ColumnId, NumberColumnHit>;
  readonly principals: PrincipalSet;
  readonly resolver: AccessResolver;
  /** Access of the scan's own principals (verdicts cached by principal name). */
  readonly access: PrincipalAccess;
  readonly decisions: ReadonlyMap<RelationId, RelationDecision>;
  readonly numbersByRelation: ReadonlyMap<RelationId, NumberColumnHit[]>;
  /** Link distance (ignoring access) from every node to the nearest relation holding the number. */
  readonly distance: ReadonlyMap<GraphNode, number>;
  /** Component of the whole link graph (ignoring access) of every node. */
  readonly componentOf: ReadonlyMap<GraphNode, number>;

  private readonly reached = new Map<string, ReachResult>();
  private finder?: BlockFinder;

  constructor(parts: AnalysisParts) {
    this.catalog = parts.catalog;
    this.config = parts.config;
    this.graph = parts.graph;
    this.numbers = parts.numbers;
    this.principals = parts.principals;
    this.resolver = parts.resolver;
    this.access = parts.access;
    this.decisions = parts.classified.decisions;
    this.numbersByRelation = parts.classified.numbersByRelation;
    this.distance = parts.classified.distance;
    this.componentOf = parts.classified.componentOf;
  }

  /** One of the scan's principals by name. */
  principal(name: string): Principal | undefined {
    return this.principals.principals.find((p) => p.name === name);
  }

  /** Where one of the scan's principals reaches the number from, with a shortest path each. */
  reach(p: Principal): ReachResult {
    let r = this.reached.get(p.name);
    if (!r) this.reached.set(p.name, (r = reachFor(p, this.graph, this.access, this.numbersByRelation)));
    return r;
  }

  /**
   * Every control that stops one of the scan's principals from reaching the number from a
   * relation it can read: those on its shortest routes first, nearest the number first (the
   * report lists the first few of these), then those on its longer routes.
   */
  blocks(p: Principal, relation: RelationId): Block[] {
    this.finder ??= new BlockFinder(this.graph, this.access, this.numbersByRelation, this.distance);
    return this.finder.allBlocksFor(p, relation);
  }

  /** Whether p crosses a link edge (can read the link column on both ends). */
  crosses(p: Principal, e: LinkEdge): boolean {
    return traversable(this.access, p, e);
  }

  /** Access and reachability as they would be on another catalog (same resolver options). */
  scenario(catalog: Catalog = this.catalog): Scenario {
    return scenario(
      catalog,
      this.graph,
      this.numbersByRelation,
      this.config.postgresVersion,
      catalog === this.catalog ? this.resolver : undefined,
    );
  }
}

/** A scenario on any catalog over the same link graph (the graph does not depend on grants). */
export function scenario(
  catalog: Catalog,
  graph: LinkGraph,
  numbersByRelation: ReadonlyMap<RelationId, NumberColumnHit[]>,
  postgresVersion: number,
  resolver: AccessResolver = createAccessResolver(catalog, { postgresVersion }),
): Scenario & { resolver: AccessResolver } {
  const access = new PrincipalAccess(catalog, resolver);
  return { access, resolver, reach: (p) => reachFor(p, graph, access, numbersByRelation) };
}
