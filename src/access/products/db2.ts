/**
 * Db2 for Linux, UNIX and Windows: may authorization ID R (a user, group or role) read column C of
 * T? (IBM Db2 11.5 documentation: "Authorization, privileges, and object ownership", "Table and
 * view privileges", "DATAACCESS authority", "Row and column access control (RCAC) overview",
 * CREATE PERMISSION, CREATE MASK.)
 * - SELECT or CONTROL on T, granted to R, to a role R holds (roles nest), or to PUBLIC. Groups
 *   come from the operating system or LDAP: membership is not in the DDL, so a principal names
 *   the groups it acts as in the config (`roles`).
 * - The creator (owner) holds CONTROL; a view runs with its owner's privileges on the base tables.
 * - DATAACCESS on the database reads every table; `GRANT DBADM` gives DATAACCESS unless
 *   `WITHOUT DATAACCESS` is written.
 * - RCAC: once `ACTIVATE ROW ACCESS CONTROL` is run, a row is visible only through an enabled
 *   permission; with none, no row is (the default permission is `1=0`). Once `ACTIVATE COLUMN
 *   ACCESS CONTROL` is run, an enabled mask replaces the value. RCAC applies to every user,
 *   DATAACCESS and the owner included. A mask `CASE WHEN VERIFY_ROLE_FOR_USER(SESSION_USER,'R') = 1
 *   THEN col ELSE … END` (also VERIFY_GROUP_FOR_USER, SESSION_USER = 'U') shows the value to the
 *   IDs it names; any other mask expression, and every permission predicate, is an assumption.
 */
import { type Relation, relationIdOf } from '../../catalog/model.js';
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
import { capture } from '../../indexed.js';

interface MaskInfo {
  expression: string;
  /** IDs the mask shows the value to; undefined when the expression is not one spif reads. */
  sees?: Set<string>;
}

export function db2Access(ctx: ProductContext): ProductAccess {
  const dataAccess = authorityHolders(ctx.rules, 'DATAACCESS');
  const rowActive = new Set<string>();
  const colActive = new Set<string>();
  const permissions = new Map<string, Set<string>>(); // table → enabled permission names
  const masks = new Map<string, MaskInfo>();
  for (const { rule, relation } of ctx.rules) {
    if (!relation) continue;
    if (rule.kind === 'access-control') {
      if (rule.row === true) rowActive.add(relation);
      if (rule.row === false) rowActive.delete(relation);
      if (rule.column === true) colActive.add(relation);
      if (rule.column === false) colActive.delete(relation);
    } else if (rule.kind === 'row-filter' && rule.product === 'db2-permission') {
      const set = permissions.get(relation) ?? new Set<string>();
      if (rule.enabled && !rule.drop) set.add(rule.name);
      else set.delete(rule.name);
      permissions.set(relation, set);
    } else if (rule.kind === 'mask' && rule.product === 'db2-mask') {
      const key = `${relation}.${rule.column}`;
      if (rule.drop) masks.delete(key);
      else
        masks.set(key, { expression: rule.expression ?? '', sees: maskAudience(rule.expression ?? '', rule.column) });
    }
  }

  function baseColumns(rel: Relation, column: string, seen = new Set<string>()): { rel: Relation; column: string }[] {
    if (!rel.view || seen.has(rel.id)) return [{ rel, column }];
    seen.add(rel.id);
    const vc = rel.view.columns.find((c) => c.name === column);
    return (vc?.from ?? []).flatMap((src) => {
      const base = ctx.catalog.relations.get(relationIdOf(src.relation, rel));
      return base ? baseColumns(base, src.column, seen) : [];
    });
  }

  const access: ProductAccess = {
    canSelect(role: string, rel: Relation, column: string): AccessVerdict {
      const domain = privilegeDomain(ctx, role);
      if (rel.kind === 'function') {
        // EXECUTE, then the body's static SQL with its package owner's (the definer's)
        // authorization: Db2 11.5, "Authorization IDs and routines".
        const owns = rel.owner === role || rel.schema === role || ctx.graph.isSuperuser(role);
        if (!owns && !holdsExecute(ctx, domain, rel)) return noExecute(role, rel);
        const as = rel.routine?.securityDefiner ? (rel.owner ?? rel.schema) : role;
        return bodyReads(ctx, rel, column, (base, c) => access.canSelect(as, base, c));
      }
      const privileged =
        rel.owner === role ||
        rel.schema === role ||
        [...domain].some((r) => dataAccess.has(r)) ||
        holdsSelect(ctx, domain, { kind: 'relation', relation: rel.id }) ||
        ctx.graph.isSuperuser(role);
      if (!privileged)
        return {
          allowed: false,
          control: 'no-table-privilege',
          at: rel.id,
          detail: `${role} has no SELECT or CONTROL on ${rel.id} (nor DATAACCESS)`,
        };
      for (const b of baseColumns(rel, column)) {
        if (rowActive.has(b.rel.id) && (permissions.get(b.rel.id)?.size ?? 0) === 0) {
          return {
            allowed: false,
            control: 'row-security-denies',
            at: b.rel.id,
            detail: `row access control is activated on ${b.rel.id} and no permission is enabled: no row is visible to anyone`,
          };
        }
        const mask = colActive.has(b.rel.id) ? masks.get(`${b.rel.id}.${b.column}`) : undefined;
        if (mask?.sees && ![...domain].some((r) => mask.sees!.has(r))) {
          return {
            allowed: false,
            control: 'masked',
            at: `${b.rel.id}.${b.column}`,
            detail: `column access control masks ${b.rel.id}.${b.column} for ${role}: the mask returns the value only to ${[...mask.sees].join(', ')}`,
          };
        }
      }
      return ALLOWED;
    },
  };
  return access;
}

/**
 * `CASE WHEN <who> [OR <who>] THEN <column> ELSE … END`, where <who> is
 * VERIFY_ROLE_FOR_USER(SESSION_USER, 'R'[, 'S']) = 1, VERIFY_GROUP_FOR_USER(…) = 1 or
 * SESSION_USER = 'U': the IDs that see the value. Anything else: undefined (not read).
 */
export function maskAudience(expression: string, column: string): Set<string> | undefined {
  const m = /^\s*CASE\s+WHEN\s+([\s\S]+?)\s+THEN\s+("?)([A-Za-z0-9_.$#@"]+)\2\s+ELSE\s+[\s\S]+END\s*$/i.exec(
    expression,
  );
  if (!m) return undefined;
  const returned = capture(m, 3).replace(/"/g, '').split('.').pop()!;
  if (returned.toUpperCase() !== column.toUpperCase()) return undefined;
  const sees = new Set<string>();
  for (const part of capture(m, 1).split(/\s+OR\s+/i)) {
    const verify =
      /^\(?\s*VERIFY_(?:ROLE|GROUP|TRUSTED_CONTEXT_ROLE)_FOR_USER\s*\(\s*SESSION_USER\s*,\s*((?:'[^']*'\s*,?\s*)+)\)\s*=\s*1\s*\)?$/i.exec(
        part.trim(),
      );
    const user = /^\(?\s*SESSION_USER\s*=\s*'([^']*)'\s*\)?$/i.exec(part.trim());
    if (verify) for (const q of capture(verify, 1).matchAll(/'([^']*)'/g)) sees.add(capture(q, 1));
    else if (user) sees.add(capture(user, 1));
    else return undefined;
  }
  return sees;
}
