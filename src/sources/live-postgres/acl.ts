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
  /** Privileges of the default that are missing (`grantOption`: only the grant option was revoked). */
  revokes: AclItem[];
}

/** aclexplode() names; privileges spif has no use for (MAINTAIN, EXECUTE, SET…) are left out. */
const KNOWN: ReadonlySet<string> = new Set<PrivilegeName>([
  'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'USAGE', 'CREATE', 'CONNECT', 'TEMPORARY',
]);

export function decodeAcl(entries: AclEntry[], roleName: (oid: number) => string): AclItem[] {
  const out: AclItem[] = [];
  for (const [grantor, grantee, privilege, grantable] of entries) {
    const name = privilege === 'TEMP' ? 'TEMPORARY' : privilege;
    if (!KNOWN.has(name)) continue;
    out.push({ grantee: roleName(grantee), privilege: name as PrivilegeName, grantOption: grantable, grantor: roleName(grantor) });
  }
  return out;
}

/** The changes from `defaults` to `actual` (null actual: the default itself, no change). */
export function aclChanges(actual: AclItem[] | null, defaults: AclItem[]): AclChange {
  if (actual === null) return { grants: [], revokes: [] };
  const key = (i: AclItem) => `${i.grantee}\u0000${i.privilege}`;
  // One grantee may hold a privilege from several grantors; what matters to the default is whether
  // it holds it at all, and with grant option.
  const held = new Map<string, AclItem[]>();
  for (const item of actual) held.set(key(item), [...(held.get(key(item)) ?? []), item]);
  const byDefault = new Map(defaults.map((d) => [key(d), d]));

  const revokes: AclItem[] = [];
  for (const d of defaults) {
    const items = held.get(key(d));
    if (!items) revokes.push({ ...d, grantOption: false });
    else if (d.grantOption && !items.some((i) => i.grantOption)) revokes.push({ ...d, grantOption: true });
  }
  const grants: AclItem[] = [];
  for (const item of actual) {
    const d = byDefault.get(key(item));
    if (d && (d.grantOption || !item.grantOption) && d.grantor === item.grantor) continue;
    grants.push(item);
  }
  return { grants, revokes };
}
