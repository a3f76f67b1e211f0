/**
 * How a principal's read crosses into another database: for each foreign table on its path, the
 * local role it reads as, the user mapping that role gets (its own or PUBLIC's) and the remote
 * user and relation the query runs as and on (PostgreSQL 15 docs F.38 postgres_fdw). Shown by
 * `spif explain` beside the path, as data with ja/en text.
 */
import type { Catalog, RelationId } from '../catalog/model.js';
import { PUBLIC } from '../catalog/privileges.js';
import type { Principal } from './principals.js';
import type { AccessResolver } from './resolver.js';

export interface CrossRoute {
  kind: 'foreign-table';
  /** The foreign table. */
  relation: RelationId;
  server: string;
  /** The local role whose user mapping is used. */
  role: string;
  /** The mapping's role: the role itself or PUBLIC. */
  mapping: string;
  remoteUser?: string;
  remote?: RelationId;
}

export function crossRoutes(
  catalog: Catalog,
  resolver: AccessResolver,
  p: Principal,
  relations: Iterable<RelationId>,
): CrossRoute[] {
  const out: CrossRoute[] = [];
  const mappings = catalog.crossDatabase?.userMappings ?? [];
  for (const id of new Set(relations)) {
    const rel = catalog.relations.get(id);
    const f = rel?.foreign;
    if (!rel || !f) continue;
    const roles = p.roles.flatMap((r) => (r === PUBLIC ? [PUBLIC] : [...resolver.settableRoles(r)]));
    const role = roles.find((r) => rel.columns.some((c) => resolver.canSelect(r, id, c.name).allowed));
    if (role === undefined) continue;
    const m =
      mappings.find((x) => x.database === rel.database && x.server === f.server && x.role === role) ??
      mappings.find((x) => x.database === rel.database && x.server === f.server && x.role === PUBLIC);
    if (!m) continue;
    out.push({
      kind: 'foreign-table',
      relation: id,
      server: f.server,
      role,
      mapping: m.role,
      ...(m.user !== undefined ? { remoteUser: m.user } : {}),
      ...(f.remote ? { remote: f.remote } : {}),
    });
  }
  return out;
}

/** The text of a route, as the analysis found it or as explain's JSON holds it (ids as plain strings). */
export function crossRouteText(
  lang: 'ja' | 'en',
  r: Omit<CrossRoute, 'relation' | 'remote'> & { relation: string; remote?: string },
): string {
  const mapping = r.mapping === PUBLIC ? 'PUBLIC' : r.mapping;
  if (lang === 'ja')
    return `外部テーブル ${r.relation} は ${r.role} としてサーバ ${r.server} のユーザマッピング（${mapping}）で接続し、${r.remote ?? '（不明なテーブル・ビュー）'} をリモートユーザ ${r.remoteUser ?? '（不明）'} の権限で読む`;
  return `foreign table ${r.relation} connects through server ${r.server} with the user mapping for ${mapping} (as ${r.role}) and reads ${r.remote ?? 'an unknown relation'} with the rights of remote user ${r.remoteUser ?? '(unknown)'}`;
}
