/**
 * From an object's ACL to the GRANT and REVOKE statements that produce it from the default, the
 * way pg_dump does it: whatever the default holds that the ACL lacks was revoked; whatever the
 * ACL holds beyond the default was granted. A NULL ACL is the default: nothing to say. So a DDL
 * reader and the live reader hand the catalog builder the same story.
 */
import type { PrivilegeName } from '../../catalog/model.js';
import type { AclEntry } from './queries.js';

/** One privilege of one grantee as the ACL records it. */
export interface AclItem {
  grantee: string;
  privilege: PrivilegeName;
  grantOption: boolean;
  grantor: string;
}

export interface AclChange {
  grants: AclItem[];
  /** Default privileges to revoke first (every default of a grantee whose defaults changed). */
  revokes: AclItem[];
}

/** aclexplode() names; privileges spif has no use for (MAINTAIN, SET, ALTER SYSTEM) are left out. */
const KNOWN: ReadonlySet<string> = new Set<PrivilegeName>([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'TRUNCATE',
  'REFERENCES',
  'TRIGGER',
  'USAGE',
  'CREATE',
  'CONNECT',
  'TEMPORARY',
  'EXECUTE',
]);

export function decodeAcl(entries: AclEntry[], roleName: (oid: number) => string): AclItem[] {
  const out: AclItem[] = [];
  for (const [grantor, grantee, privilege, grantable] of entries) {
    const name = privilege === 'TEMP' ? 'TEMPORARY' : privilege;
    if (!KNOWN.has(name)) continue;
    out.push({
      grantee: roleName(grantee),
      privilege: name as PrivilegeName,
      grantOption: grantable,
      grantor: roleName(grantor),
    });
  }
  return out;
}

/**
 * The changes from `defaults` to `actual` (null actual: the default itself, no change). A grantee
 * that lost any default privilege is written as pg_dump writes it: REVOKE ALL of its defaults,
 * then GRANT what it holds, so the result never depends on how a reader models the defaults.
 */
export function aclChanges(actual: AclItem[] | null, defaults: AclItem[]): AclChange {
  if (actual === null) return { grants: [], revokes: [] };
  const key = (i: AclItem) => `${i.grantee}\u0000${i.privilege}`;
  const held = new Map<string, AclItem[]>();
  for (const item of actual) held.set(key(item), [...(held.get(key(item)) ?? []), item]);
  const byDefault = new Map(defaults.map((d) => [key(d), d]));

  // Grantees whose default privileges changed (one missing, or a grant option lost).
  const changed = new Set<string>();
  for (const d of defaults) {
    const items = held.get(key(d));
    if (!items || (d.grantOption && !items.some((i) => i.grantOption))) changed.add(d.grantee);
  }
  const revokes = defaults.filter((d) => changed.has(d.grantee)).map((d) => ({ ...d, grantOption: false }));
  const grants: AclItem[] = [];
  for (const item of actual) {
    const d = byDefault.get(key(item));
    const asDefault =
      d && !changed.has(item.grantee) && (d.grantOption || !item.grantOption) && d.grantor === item.grantor;
    if (!asDefault) grants.push(item);
  }
  return { grants, revokes };
}
