/**
 * The link-graph traversals that classification, explain and the pictures share: each computed
 * once per analysis (graph/ owns them; nobody else walks the graph to get them).
 */
import type { RelationId } from '../catalog/model.js';
import { connectedComponents, shortestPaths } from './algorithms.js';
import { arcWeight, type GraphNode, type LinkEdge, type LinkGraph } from './links.js';

/**
 * Link distance in edges (ignoring access) from every node to the nearest relation holding the
 * number, lineage hubs included (a step into a hub costs nothing, so a view column is one edge
 * from whatever its base column joins).
 */
export function distanceToNumbers(graph: LinkGraph, numberRelations: Iterable<RelationId>): Map<GraphNode, number> {
  return shortestPaths<GraphNode, LinkEdge>(
    numberRelations,
    (n) => graph.predecessors(n),
    (e) => e.b.node,
    arcWeight,
  ).dist;
}

/** Components of the whole link graph, ignoring access: node → component number. */
export function linkComponents(graph: LinkGraph): Map<GraphNode, number> {
  return connectedComponents(graph.nodes(), (n) => graph.neighbours(n));
}
