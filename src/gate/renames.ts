/**
 * Databases renamed between the base and now. A config edit that renames `databases[].name`
 * changes every relation id in it; without pairing the two names, `spif diff` would report every
 * relation as removed and added again. Pairs are found by what the databases contain (the same
 * schema.relation names, Jaccard ≥ ½) or, failing that, by identical `sources` globs.
 */
import type { Report } from '../report/model.js';

export interface DatabaseContents {
  name: string;
  /** `schema.relation` of every relation. */
  relations: Set<string>;
  sources?: string[];
}

export function contentsOf(report: Report, sources: Map<string, string[]> = new Map()): DatabaseContents[] {
  const byDb = new Map<string, Set<string>>();
  for (const d of report.databases) byDb.set(d.name, new Set());
  for (const r of report.relations) {
    let set = byDb.get(r.database);
    if (!set) byDb.set(r.database, (set = new Set()));
    set.add(`${r.schema}.${r.name}`);
  }
  for (const name of sources.keys()) if (!byDb.has(name)) byDb.set(name, new Set());
  return [...byDb].map(([name, relations]) => ({ name, relations, sources: sources.get(name) }));
}

const MIN_SIMILARITY = 0.5;

/** base name → head name, for databases that exist on only one side each. */
export function matchRenamedDatabases(base: DatabaseContents[], head: DatabaseContents[]): Map<string, string> {
  const headNames = new Set(head.map((d) => d.name));
  const baseNames = new Set(base.map((d) => d.name));
  const gone = base.filter((d) => !headNames.has(d.name));
  const added = head.filter((d) => !baseNames.has(d.name));
  const candidates: { from: string; to: string; score: number }[] = [];
  for (const b of gone) {
    for (const h of added) {
      const inter = [...b.relations].filter((x) => h.relations.has(x)).length;
      const union = new Set([...b.relations, ...h.relations]).size;
      let score = union === 0 ? 0 : inter / union;
      if (score < MIN_SIMILARITY && sameSources(b.sources, h.sources)) score = MIN_SIMILARITY;
      if (score >= MIN_SIMILARITY) candidates.push({ from: b.name, to: h.name, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const map = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (map.has(c.from) || taken.has(c.to)) continue;
    map.set(c.from, c.to);
    taken.add(c.to);
  }
  return map;
}

function sameSources(a?: string[], b?: string[]): boolean {
  if (!a?.length || !b?.length || a.length !== b.length) return false;
  const sa = [...a].sort();
  const sb = [...b].sort();
  return sa.every((x, i) => x === sb[i]);
}

/** The report with renamed databases written under their new names (ids, paths, blocks, files). */
export function renameDatabases(report: Report, renames: Map<string, string>): Report {
  if (renames.size === 0) return report;
  // Keeps the id's type: a renamed relation id is still a relation id.
  const id = <S extends string>(s: S): S => {
    const dot = s.indexOf('.');
    const db = dot < 0 ? s : s.slice(0, dot);
    const to = renames.get(db);
    return to === undefined ? s : ((to + (dot < 0 ? '' : s.slice(dot))) as S);
  };
  return {
    ...report,
    relations: report.relations
      .map((r) => ({
        ...r,
        id: id(r.id),
        database: id(r.database),
        reachable: r.reachable.map((x) => ({
          ...x,
          numberColumn: id(x.numberColumn),
          path: x.path.map((s) => ({ ...s, from: id(s.from), to: id(s.to) })),
        })),
        blocked: r.blocked.map((b) => ({ ...b, at: id(b.at) })),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    files: report.files.map((f) => ({ ...f, relations: f.relations.map(id) })),
    databases: report.databases.map((d) => ({ ...d, name: id(d.name) })),
  };
}
