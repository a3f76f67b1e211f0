/**
 * `spif explain RELATION`: for every principal, its best (shortest) path from the relation to the
 * number, or the control that stops it, and for each path the smallest access change that would
 * stop it (see access-change.ts).
 */
import { crossRoutes } from '../access/cross-routes.js';
import { asRelationId, type RelationId } from '../catalog/model.js';
import { UserError } from '../diagnostics.js';
import type { ScanResult } from '../pipeline.js';
import { VERSION } from '../version.js';
import { suggestAccessChanges } from './access-change.js';
import { blockFrom } from '../classify/blocks.js';
import type { ExplainResult, PrincipalExplanation } from './model.js';
import { gt } from './messages.js';
import { type Lang, t } from '../report/messages.js';
import { nth } from '../indexed.js';

/** Finds the relation: its full id, or a unique `schema.name` or `name`. */
export function resolveRelation(ids: RelationId[], written: string): RelationId {
  const w = written.trim();
  const exact = ids.find((id) => id === w);
  if (exact !== undefined) return exact;
  const lower = w.toLowerCase();
  const matches = ids.filter((id) => {
    const l = id.toLowerCase();
    return l === lower || l.endsWith(`.${lower}`);
  });
  if (matches.length === 1) return nth(matches, 0);
  if (matches.length > 1)
    throw new UserError(
      `${written}: more than one relation has this name`,
      matches.sort().map((m) => `- ${m}`),
    ).as('cli.err.ambiguousRelation', written);
  const near = ids
    .filter((id) => id.split('.').pop()!.includes(lower.split('.').pop()!))
    .sort()
    .slice(0, 5);
  const hint = (lang: Lang) =>
    near.length ? [t(lang, 'cli.err.similarRelations', near.join(', '))] : [t(lang, 'cli.err.relationForm')];
  const error = new UserError(`${written}: no such relation`, hint('en')).as('cli.err.noSuchRelation', written);
  error.detailsIn = hint;
  throw error;
}

export function explainRelation(scan: ScanResult, written: string): ExplainResult {
  const { analysis, report } = scan;
  const { catalog, access } = analysis;
  const id = resolveRelation([...catalog.relations.keys()], written);
  const r = report.relations.find((x) => x.id === id)!;
  const relation = catalog.relations.get(id)!;

  const out: PrincipalExplanation[] = analysis.principals.principals.map((p) => {
    const base = { principal: p.name, kind: p.kind };
    if (!access.canReadRelation(p, id)) {
      const v = access.canRead(p, id, relation.columns[0]?.name ?? '');
      const blocks = v.allowed ? [] : [blockFrom(p.name, v)];
      return { ...base, status: 'cannot-read' as const, blocks };
    }
    const reached = analysis.reach(p).reached.get(id);
    if (reached) {
      const suggestions = suggestAccessChanges(analysis, p, id, reached.path, reached.numberColumn);
      const note =
        p.kind === 'unrestricted'
          ? gt('en', 'gate.explain.unrestricted')
          : suggestions.some((s) => s.verified)
            ? undefined
            : gt('en', 'gate.explain.noSuggestion');
      const onPath = [id, ...reached.path.flatMap((s) => [s.from, s.to]), reached.numberColumn].map((c) =>
        asRelationId(c.split('.').slice(0, 3).join('.')),
      );
      const through = crossRoutes(catalog, analysis.resolver, p, onPath);
      return {
        ...base,
        status: 'reaches' as const,
        numberColumn: reached.numberColumn,
        path: reached.path,
        ...(through.length ? { through } : {}),
        suggestions,
        ...(note ? { note } : {}),
      };
    }
    // Every block, from the walk classification uses (the report lists the first few).
    const blocks = [...analysis.blocks(p, id)];
    return {
      ...base,
      status: blocks.length ? ('blocked' as const) : ('no-path' as const),
      ...(blocks.length ? { blocks } : {}),
    };
  });

  return {
    schemaVersion: 1,
    tool: { name: 'spif', version: VERSION },
    command: 'explain',
    relation: id,
    classification: r.classification,
    basis: r.basis,
    numberColumns: r.numberColumns,
    principals: out,
    ...(r.assumptions.length ? { assumptions: r.assumptions } : {}),
    ...(r.suppressed ? { suppressed: { reason: r.suppressed.reason } } : {}),
  };
}
