/**
 * The equality at the heart of the live reader: the same schema, read as DDL and read live from a
 * PostgreSQL that ran that DDL, builds the same catalog. Source locations differ by nature (a
 * file line vs. the server) and are left out of the comparison; nothing else is.
 */
import { buildCatalog } from '../../src/catalog/build.js';
import type { Catalog, GrantScope } from '../../src/catalog/model.js';
import type { CatalogOp } from '../../src/catalog/ops.js';
import { loadPostgresParser, readPostgresSql } from '../../src/sources/postgresql/reader.js';
import { readLivePostgres } from '../../src/sources/live-postgres/index.js';

export const DATABASE = 'kyufu';

export async function ddlOps(sql: string, path = 'schema.sql'): Promise<CatalogOp[]> {
  await loadPostgresParser();
  return readPostgresSql({ path, text: sql }).ops;
}

export function catalogOf(ops: CatalogOp[], database = DATABASE): Catalog {
  return buildCatalog([{ database, dialect: 'postgresql', ops }]).catalog;
}

export async function ddlCatalog(sql: string, database = DATABASE): Promise<Catalog> {
  return catalogOf(await ddlOps(sql), database);
}

export async function liveCatalog(url: string, database = DATABASE): Promise<Catalog> {
  const { ops } = await readLivePostgres(url, { database });
  return catalogOf(ops, database);
}

const LOCATION_KEYS = new Set(['source', 'commentSource', 'at']);

/**
 * A plain, order-independent picture of a catalog, without source locations. Three more things
 * are normalised, each a difference of representation, not of meaning:
 * - `inheritSpecified`: PostgreSQL 16+ stores every membership's INHERIT option; a script states
 *   it only when written. The value (`inherit`) is compared.
 * - an owner's own privilege entries hold the grant option: PostgreSQL lets owners grant
 *   regardless (their grant options cannot be revoked), and an ACL does not show whether the
 *   owner's entry was revoked and granted again; the builder records the option either way.
 * - a policy whose roles include PUBLIC is for PUBLIC: PostgreSQL stores `TO PUBLIC, r1` as
 *   PUBLIC alone.
 */
export function comparable(c: Catalog): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!LOCATION_KEYS.has(k) && x !== undefined) out[k] = strip(x);
      return out;
    }
    return v;
  };
  const sorted = <T>(xs: T[]) => [...xs].map(strip).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    databases: [...c.databases.values()].map((d) => ({ ...d, schemas: sorted([...d.schemas.values()]) })),
    relations: [...c.relations.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) =>
        strip({
          ...r,
          // What a view reads is a set; its columns keep their order.
          view: r.view && {
            ...r.view,
            reads: sorted(r.view.reads),
            readsColumns: sorted(r.view.readsColumns),
          },
          uniqueKeys: sorted(r.uniqueKeys),
          foreignKeys: sorted(r.foreignKeys),
          policies: sorted(r.policies.map((p) => (p.roles.includes('PUBLIC') ? { ...p, roles: ['PUBLIC'] } : p))),
        }),
      ),
    roles: sorted([...c.roles.values()]),
    memberships: sorted(c.memberships.map(({ inheritSpecified: _s, ...m }) => m)),
    grants: sorted(c.grants.map((g) => (g.grantee === ownerOf(c, g.scope) ? { ...g, grantOption: true } : g))),
    accessControlDeclared: c.accessControlDeclared,
  };
}

function ownerOf(c: Catalog, scope: GrantScope): string | undefined {
  switch (scope.kind) {
    case 'relation':
    case 'column':
      return c.relations.get(scope.relation)?.owner;
    case 'schema':
      return c.databases.get(scope.database)?.schemas.get(scope.schema)?.owner;
    default:
      return undefined;
  }
}
