/**
 * Principals with the same access rights reach the same numbers by the same paths and are stopped
 * by the same controls, so classification computes once per class and copies the evidence to
 * every member. Typical estates have hundreds of staff roles that differ only by name (each a
 * member of one group role): they form one class.
 *
 * Two principals are in one class when the parts of their rights that any check can see are equal:
 * the databases they may connect to and, for every role they act as or may SET ROLE to, whether it
 * is a superuser or bypasses row security, and which *relevant* roles' privileges it holds.
 * Relevant roles are those a check can name: grantees, owners of relations and schemas, roles in
 * policies, predefined `pg_*` roles and PUBLIC. A role's own name matters only if it is one of them.
 */
import type { Catalog } from '../catalog/model.js';
import { PUBLIC } from '../catalog/privileges.js';
import type { Principal } from '../access/principals.js';
import type { AccessResolver } from '../access/resolver.js';
import { PRODUCT_DIALECTS } from './readers.js';

export interface PrincipalClass {
  /** The member that is computed (the first in the given order). */
  representative: Principal;
  /** All members in the given order, the representative first. */
  members: Principal[];
}

export function groupPrincipals(principals: Principal[], catalog: Catalog, resolver: AccessResolver): PrincipalClass[] {
  const relevant = relevantRoles(catalog);
  const roleKey = new Map<string, string>();
  const keyOfRole = (role: string): string => {
    let key = roleKey.get(role);
    if (key === undefined) {
      const held = [...resolver.privilegeRoles(role)].filter((r) => relevant.has(r) || r.startsWith('pg_')).sort();
      const attrs = `${resolver.isSuperuser(role) ? 'S' : ''}${catalog.roles.get(role)?.bypassRls ? 'B' : ''}`;
      key = `${attrs}[${held.join(',')}]`;
      roleKey.set(role, key);
    }
    return key;
  };
  const classes = new Map<string, PrincipalClass>();
  for (const p of principals) {
    const key = signature(p, keyOfRole, resolver);
    const existing = classes.get(key);
    if (existing) existing.members.push(p);
    else classes.set(key, { representative: p, members: [p] });
  }
  return [...classes.values()];
}

function signature(p: Principal, keyOfRole: (role: string) => string, resolver: AccessResolver): string {
  const connects = p.connects ? [...p.connects].sort().join(',') : '*';
  if (p.kind === 'unrestricted') return `unrestricted:${p.name}`;
  if (p.roles.length === 0) return `all|${connects}`;
  // Rights used directly (CONNECT is checked for the roles it logs in as) …
  const login = [...new Set(p.roles.map(keyOfRole))].sort();
  // … and every role it may become.
  const settable = new Set<string>();
  for (const role of p.roles)
    for (const r of role === PUBLIC ? [PUBLIC] : resolver.settableRoles(role)) settable.add(keyOfRole(r));
  return `roles|${connects}|${login.join(';')}|${[...settable].sort().join(';')}`;
}

function relevantRoles(catalog: Catalog): Set<string> {
  const out = new Set<string>([PUBLIC]);
  for (const g of catalog.grants) out.add(g.grantee);
  for (const r of catalog.relations.values()) {
    if (r.owner !== undefined) out.add(r.owner);
    for (const p of r.policies) for (const role of p.roles) out.add(role);
  }
  for (const db of catalog.databases.values())
    for (const s of db.schemas.values()) if (s.owner !== undefined) out.add(s.owner);
  // Oracle, SQL Server and Db2 checks also name roles no grant does (db_owner, db_datareader, DBA,
  // holders of SELECT ANY TABLE or DATAACCESS, users mapped from logins, link owners): every role
  // of theirs is relevant (a db_owner member must not share PUBLIC's class).
  if ([...catalog.databases.values()].some((d) => PRODUCT_DIALECTS.has(d.dialect))) {
    for (const name of catalog.roles.keys()) out.add(name);
    for (const m of catalog.memberships) out.add(m.role);
    for (const { rule } of catalog.productRules ?? [])
      for (const p of 'principals' in rule ? rule.principals : []) out.add(p);
  }
  return out;
}
