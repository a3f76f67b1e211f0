/**
 * Oracle Database: may a session of user (or enabled role) R read column C of T?
 * (Oracle Database Security Guide 19c, "Managing Security for Oracle Database Users" and
 * "Configuring Privilege and Role Authorization"; SQL Language Reference, GRANT.)
 * - The owner is the schema: a user reads every object of its own schema.
 * - SELECT (or READ, or ALL) on T, granted to R, to a role granted to R (roles nest), or to
 *   PUBLIC. There is no column-level SELECT: the reader drops such grants (they fail in the
 *   database), so a column is read exactly when its table or view is.
 * - The system privilege SELECT ANY TABLE (or READ ANY TABLE), directly or through a role such as
 *   DBA, reads every table.
 * - A routine needs EXECUTE; its body then reads as the caller (AUTHID CURRENT_USER, with the
 *   caller's enabled roles) or as its owner (AUTHID DEFINER, the default) with **roles disabled**:
 *   "Within a definer's rights subprogram, all roles are disabled. Roles are not used for privilege
 *   checking" and "within an invoker's rights subprogram, roles are enabled" (Object-Relational
 *   Developer's Guide, "Roles with Invoker's Rights Subprograms",
 *   https://docs.oracle.com/en/database/oracle/oracle-database/26/adobj/roles-with-invokers-rights-subprograms.html);
 *   "The privileges of the procedure's definer must be granted directly to the procedure owner,
 *   not granted through roles" (Security Guide 19c, "How Procedure Privileges Affect Definer's
 *   Rights"). So the owner's domain there is itself and PUBLIC (a PUBLIC grant is not a role's),
 *   and SELECT ANY TABLE counts only when granted to the owner itself, not through DBA.
 * - A view runs with its owner's rights (definer's rights): R needs SELECT on the view only. That
 *   the owner could read the base tables is checked by Oracle when the view is created and when it
 *   is granted (ORA-01720 without GRANT OPTION): spif assumes the scripts ran.
 * - A role outside the user's DEFAULT ROLE set can still be enabled with SET ROLE: the verdict is
 *   the same, the path goes through SET ROLE.
 * - A remote object (`t@link`, or a synonym for one) is read through a database link: a public
 *   link serves every user, a private one its owner only; the remote side is checked by the
 *   resolver as the link's remote user (resolver.ts checkLinks).
 * - VPD policies (DBMS_RLS) filter rows or mask columns with a function spif cannot run: they do
 *   not block here; the report names them as assumptions (see index.ts).
 */
import type { Relation } from '../../catalog/model.js';
import { PUBLIC } from '../../catalog/privileges.js';
import { refused } from '../evidence.js';
import type { AccessVerdict } from '../resolver.js';
import type { ProductAccess, ProductContext } from './index.js';
import {
  ALLOWED,
  authorityHolders,
  bodyReads,
  holdsExecute,
  holdsSelect,
  noExecute,
  privilegeDomain,
} from './shared.js';

/** Predefined roles that carry SELECT ANY TABLE (Security Guide, "Predefined roles": DBA has all system privileges). */
const READS_EVERY_TABLE = ['DBA', 'SYS', 'SYSTEM'];

export function oracleAccess(ctx: ProductContext): ProductAccess {
  const selectAny = new Set([...authorityHolders(ctx.rules, 'SELECT ANY TABLE'), ...READS_EVERY_TABLE]);
  /**
   * R's privileges on `rel`: with its enabled roles (a session, an invoker's rights unit), or
   * without them (the owner inside the definer's rights unit `definerOf`, and any invoker's
   * rights unit it reads through: roles stay disabled down the call).
   */
  const select = (role: string, rel: Relation, column: string, definerOf?: Relation): AccessVerdict => {
    const link = rel.foreign?.via === 'database-link' ? rel.foreign.link : undefined;
    if (rel.foreign?.via === 'database-link') {
      // A remote object has no local privileges ("you cannot grant privileges on remote objects"):
      // what decides is whether R may use the link — a public one anyone, a private one its owner
      // only (SQL Language Reference, CREATE DATABASE LINK, PUBLIC) — and the remote side, checked
      // as the link's user by the resolver.
      if (!link || link.public || !link.owner || link.owner === role) return ALLOWED;
      return refused('remote-access-denied', rel.id, {
        key: 'link-private',
        role,
        principal: link.owner,
        relation: rel.id,
        server: link.name,
      });
    }
    const domain = definerOf ? new Set([role, PUBLIC]) : privilegeDomain(ctx, role);
    if (rel.kind === 'function') {
      // EXECUTE, then the body as its owner (AUTHID DEFINER, the default) or as the caller
      // (AUTHID CURRENT_USER): PL/SQL Language Reference, "Invoker's Rights and Definer's Rights".
      const owns = rel.schema === role || rel.owner === role || ctx.graph.isSuperuser(role);
      if (!owns && !holdsExecute(ctx, domain, rel)) return noExecute(role, rel);
      if (!rel.routine?.securityDefiner)
        return bodyReads(ctx, rel, column, (base, c) => select(role, base, c, definerOf));
      const owner = rel.owner ?? rel.schema;
      return bodyReads(ctx, rel, column, (base, c) => select(owner, base, c, rel));
    }
    if (rel.schema === role || rel.owner === role || ctx.graph.isSuperuser(role)) return ALLOWED;
    // SELECT ANY TABLE through the DBA role is not in a definer's domain; granted to the owner itself it is
    if ([...domain].some((r) => selectAny.has(r))) return ALLOWED;
    if (holdsSelect(ctx, domain, { kind: 'relation', relation: rel.id })) return ALLOWED;
    if (definerOf && holdsSelect(ctx, privilegeDomain(ctx, role), { kind: 'relation', relation: rel.id }))
      return refused('no-table-privilege', rel.id, {
        key: 'definer-role-disabled',
        role,
        via: definerOf.id,
        relation: rel.id,
      });
    // Oracle has no column-level SELECT: without SELECT on the table or view no column of it is read.
    return refused('no-table-privilege', rel.id, { key: 'no-select', role, relation: rel.id });
  };
  return {
    canSelect: (role, rel, column) => select(role, rel, column),
    // what an unread definer's rights unit may read as its owner: roles disabled
    canSelectAsDefiner: (owner, routine, rel, column) => select(owner, rel, column, routine),
  };
}
