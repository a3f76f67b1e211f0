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
  const access: ProductAccess = {
    canSelect(role: string, rel: Relation, column: string): AccessVerdict {
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
      const domain = privilegeDomain(ctx, role);
      if (rel.kind === 'function') {
        // EXECUTE, then the body as its owner (AUTHID DEFINER, the default) or as the caller
        // (AUTHID CURRENT_USER): PL/SQL Language Reference, "Invoker's Rights and Definer's Rights".
        const owns = rel.schema === role || rel.owner === role || ctx.graph.isSuperuser(role);
        if (!owns && !holdsExecute(ctx, domain, rel)) return noExecute(role, rel);
        const as = rel.routine?.securityDefiner ? (rel.owner ?? rel.schema) : role;
        return bodyReads(ctx, rel, column, (base, c) => access.canSelect(as, base, c));
      }
      if (rel.schema === role || rel.owner === role || ctx.graph.isSuperuser(role)) return ALLOWED;
      if ([...domain].some((r) => selectAny.has(r))) return ALLOWED;
      if (holdsSelect(ctx, domain, { kind: 'relation', relation: rel.id })) return ALLOWED;
      // Oracle has no column-level SELECT: without SELECT on the table or view no column of it is read.
      return refused('no-table-privilege', rel.id, { key: 'no-select', role, relation: rel.id });
    },
  };
  return access;
}
