/** Evidence for a relation's classification, picked from the report: short, concrete, located. */
import type { RelationReport } from '../report/model.js';
import type { Evidence } from './model.js';

/** At most this many paths or blocks per finding; the rest is counted. */
export const MAX_EVIDENCE = 3;

/** Why the relation is what it is: number columns, reaching paths, or blocking controls. */
export function relationEvidence(r: RelationReport, max = MAX_EVIDENCE): Evidence[] {
  const out: Evidence[] = [];
  for (const c of r.numberColumns) out.push({ kind: 'number-column', relation: r.id, numberColumn: c });
  const reach = r.reachable.map((x): Evidence => ({
    kind: 'path',
    relation: r.id,
    principal: x.principal,
    numberColumn: x.numberColumn,
    path: x.path,
  }));
  const blocks = r.blocked.map((b): Evidence => ({ kind: 'block', relation: r.id, block: b }));
  const rest = [...reach, ...blocks];
  out.push(...rest.slice(0, max));
  if (rest.length > max) out.push({ kind: 'more', count: rest.length - max });
  return out;
}
