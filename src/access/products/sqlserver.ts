/**
 * SQL Server: may database user (or role) R SELECT column C of T? (Microsoft Learn: "Permissions
 * (Database Engine)", "DENY (Transact-SQL)", "DENY Object Permissions", "Ownership Chains",
 * "Dynamic Data Masking", "Database-level roles".)
 * - Each principal holds one state per securable and permission (GRANT or DENY); the next
 *   GRANT/DENY on the same securable replaces it, REVOKE removes it. Securables nest: database ⊃
 *   schema ⊃ object ⊃ column. R's domain is R, the roles it is a member of (nested), and public.
 * - DENY anywhere in the domain, at any level, wins over GRANT — except that "a table-level DENY
 *   does not take precedence over a column-level GRANT" (DENY Object Permissions, Caution). A
 *   table-level GRANT/DENY/REVOKE also replaces the same principal's column-level states for that
 *   permission (assumed from how sys.database_permissions behaves; the docs do not spell it out).
 * - DENY does not apply to the object's owner (nor sysadmin). An object is owned by its schema's
 *   owner unless ALTER AUTHORIZATION says otherwise; dbo owns dbo.
 * - Fixed roles: db_datareader = SELECT on the database, db_denydatareader = DENY SELECT on it,
 *   db_owner = CONTROL on it (implies SELECT and UNMASK).
 * - Ownership chaining: through a view, a base object with the view's owner is not checked; one
 *   with another owner is checked for R itself (not for the view owner, as PostgreSQL would).
 * - Dynamic Data Masking: a masked column reads as its mask unless R has UNMASK (database, or
 *   granular on the table/column from SQL Server 2022); masks follow the column through views.
 *   Microsoft notes that masking does not stop inference through WHERE clauses: the report says so.
 * - A user is found by its own name or by the login it is created FOR (principals may name logins).
 */
import { type Relation, relationIdOf } from '../../catalog/model.js';
import type { ResolvedRule, RuleTarget } from '../../catalog/product-rules.js';
import { PUBLIC } from '../../catalog/privileges.js';
import type { AccessVerdict } from '../resolver.js';
import type { ProductAccess, ProductContext } from './index.js';
import { noExecute, ALLOWED, authorityHolders, privilegeDomain, viewBases } from './shared.js';

type State = 'grant' | 'deny';

export function sqlServerAccess(ctx: ProductContext): ProductAccess {
  const permissions = replay(ctx.rules, 'permission');
  const execute = replay(ctx.rules, 'execute-permission');
  const unmask = unmaskState(ctx.rules);
  const masks = new Map<string, string>();
  for (const { rule, relation } of ctx.rules) {
    if (rule.kind !== 'mask' || !relation) continue;
    if (rule.drop) masks.delete(`${relation}.${rule.column}`);
    else masks.set(`${relation}.${rule.column}`, rule.expression ?? '');
  }
  const loginUsers = new Map<string, string>();
  for (const { rule } of ctx.rules) if (rule.kind === 'login-user') loginUsers.set(rule.login, rule.user);
  const controlDb = authorityHolders(ctx.rules, 'CONTROL');

  /** The database user a principal names: itself, or the user created FOR that login. */
  const userOf = (principal: string) =>
    ctx.catalog.roles.has(principal) ? principal : (loginUsers.get(principal) ?? principal);
  /** db_owner members and holders of CONTROL on the database own it (DENY does not apply to them). */
  const ownsDatabase = (domain: Set<string>) => domain.has('db_owner') || [...domain].some((p) => controlDb.has(p));

  const ownerOf = (rel: Relation) =>
    rel.owner || ctx.catalog.databases.get(rel.database)?.schemas.get(rel.schema)?.owner || 'dbo';

  const stateAt = (domain: Set<string>, key: string, state: State) =>
    [...domain].some((p) => permissions.get(`${p}\u0000${key}`) === state);

  function domainOf(role: string): Set<string> {
    const d = privilegeDomain(ctx, role);
    d.add(PUBLIC);
    return d;
  }

  /** One object's SELECT check for R on the given columns (none: the object as a whole). */
  function check(role: string, domain: Set<string>, rel: Relation, columns: string[]): AccessVerdict {
    const owner = ownerOf(rel);
    if (role === owner || role === 'dbo') return ALLOWED; // DENY does not apply to the owner
    const db = `d:${rel.database}`;
    const schema = `s:${rel.database}.${rel.schema}`;
    const table = `r:${rel.id}`;
    const dbOwner = ownsDatabase(domain);
    const deniedAbove =
      domain.has('db_denydatareader') || stateAt(domain, db, 'deny') || stateAt(domain, schema, 'deny');
    const grantedAbove =
      dbOwner ||
      domain.has('db_datareader') ||
      stateAt(domain, db, 'grant') ||
      stateAt(domain, schema, 'grant') ||
      stateAt(domain, table, 'grant');
    const cols = columns.length ? columns : rel.columns.map((c) => c.name);
    for (const col of cols) {
      const colKey = `c:${rel.id}\u0000${col}`;
      const colGrant = stateAt(domain, colKey, 'grant');
      const denied = deniedAbove || stateAt(domain, colKey, 'deny') || (stateAt(domain, table, 'deny') && !colGrant);
      if (denied) {
        const where = stateAt(domain, colKey, 'deny')
          ? `${rel.id}.${col}`
          : stateAt(domain, table, 'deny')
            ? rel.id
            : rel.database;
        return {
          allowed: false,
          control: 'denied',
          at: where,
          detail: `SELECT on ${where} is DENIED to ${role} or a role it belongs to; DENY wins over every GRANT (owners excepted)`,
        };
      }
      if (!grantedAbove && !colGrant) {
        const some = rel.columns.some((c) => stateAt(domain, `c:${rel.id}\u0000${c.name}`, 'grant'));
        return some
          ? {
              allowed: false,
              control: 'no-column-privilege',
              at: `${rel.id}.${col}`,
              detail: `${role} may SELECT some columns of ${rel.id} but not ${col}`,
            }
          : { allowed: false, control: 'no-table-privilege', at: rel.id, detail: `${role} has no SELECT on ${rel.id}` };
      }
    }
    return ALLOWED;
  }

  function hasUnmask(role: string, domain: Set<string>, relId: string, column: string, owner: string): boolean {
    if (role === owner || role === 'dbo' || ownsDatabase(domain)) return true;
    const denied = [...domain].some((p) =>
      ['', relId, `${relId}.${column}`].some((k) => unmask.get(`${p}\u0000${k}`) === 'deny'),
    );
    if (denied) return false;
    return [...domain].some((p) =>
      ['', relId, `${relId}.${column}`].some((k) => unmask.get(`${p}\u0000${k}`) === 'grant'),
    );
  }

  /** The base columns a view column carries, down to tables. */
  function baseColumns(rel: Relation, column: string, seen = new Set<string>()): { rel: Relation; column: string }[] {
    if (!rel.view || seen.has(rel.id)) return [{ rel, column }];
    seen.add(rel.id);
    const vc = rel.view.columns.find((c) => c.name === column);
    const out: { rel: Relation; column: string }[] = [];
    for (const src of vc?.from ?? []) {
      const base = ctx.catalog.relations.get(relationIdOf(src.relation, rel));
      if (base) out.push(...baseColumns(base, src.column, seen));
    }
    return out;
  }

  function chain(role: string, domain: Set<string>, view: Relation, seen: Set<string>): AccessVerdict {
    if (seen.has(view.id)) return ALLOWED;
    seen.add(view.id);
    for (const [id, cols] of viewBases(ctx, view)) {
      const base = ctx.catalog.relations.get(id)!;
      if (ownerOf(base) === ownerOf(view)) {
        // unbroken chain: the base object's permissions are not checked; go on down its own chain
        if (base.view) {
          const v = chain(role, domain, base, seen);
          if (!v.allowed) return v;
        }
        continue;
      }
      const v = check(
        role,
        domain,
        base,
        [...cols].filter((c) => base.columns.some((x) => x.name === c)),
      );
      if (!v.allowed) {
        return {
          ...v,
          detail: `${v.detail} (the ownership chain from view ${view.id}, owned by ${ownerOf(view)}, is broken: ${base.id} is owned by ${ownerOf(base)})`,
        };
      }
      if (base.view) {
        const w = chain(role, domain, base, seen);
        if (!w.allowed) return w;
      }
    }
    return ALLOWED;
  }

  /** EXECUTE on a routine after every GRANT/DENY/REVOKE: DENY on it, its schema or the database wins. */
  function executeState(role: string, domain: Set<string>, routine: Relation): 'owner' | State | undefined {
    // DENY does not apply to the owner ("DENY Object Permissions"); db_owner members own the database.
    if (role === ownerOf(routine) || role === 'dbo' || ownsDatabase(domain)) return 'owner';
    const keys = [`d:${routine.database}`, `s:${routine.database}.${routine.schema}`, `r:${routine.id}`];
    const states = keys.flatMap((k) => [...domain].map((p) => execute.get(`${p}\u0000${k}`)));
    return states.includes('deny') ? 'deny' : states.find((x) => x !== undefined);
  }
  const executesIt = (role: string, domain: Set<string>, routine: Relation) => {
    const s = executeState(role, domain, routine);
    return s === 'owner' || s === 'grant';
  };

  return {
    canSelect(role0: string, rel: Relation, column: string): AccessVerdict {
      let role = userOf(role0);
      let domain = domainOf(role);
      if (rel.kind === 'function') {
        // EXECUTE (DENY first), then the body: through ownership chaining as the caller (EXECUTE AS
        // CALLER, "Ownership Chains"), or as its owner under EXECUTE AS ("EXECUTE AS Clause").
        if (!executesIt(role, domain, rel)) return noExecute(role, rel);
        if (rel.routine?.executeAsOwner) {
          role = ownerOf(rel);
          domain = domainOf(role);
        }
      } else {
        const own = check(role, domain, rel, [column]);
        if (!own.allowed) return own;
      }
      if (rel.view) {
        const v = chain(role, domain, rel, new Set());
        if (!v.allowed) return v;
      }
      for (const b of baseColumns(rel, column)) {
        const key = `${b.rel.id}.${b.column}`;
        if (!masks.has(key) || hasUnmask(role, domain, b.rel.id, b.column, ownerOf(b.rel))) continue;
        return {
          allowed: false,
          control: 'masked',
          at: key,
          detail: `${key} is masked (${masks.get(key) || 'MASKED'}) and ${role} has no UNMASK: it reads the mask, not the value (Microsoft: masking does not prevent inference through WHERE clauses — an assumption spif reports)`,
        };
      }
      return ALLOWED;
    },
    executeDenied(role0: string, routine: Relation): boolean {
      const role = userOf(role0);
      return executeState(role, domainOf(role), routine) === 'deny';
    },
  };
}

function targetKey(rule: ResolvedRule, target: RuleTarget): string | undefined {
  if (target.kind === 'database') return `d:${rule.database}`;
  if (target.kind === 'schema') return `s:${rule.database}.${rule.schema ?? target.schema}`;
  return rule.relation ? `r:${rule.relation}` : undefined;
}

/** principal\0securable → state, after every GRANT/DENY/REVOKE (of SELECT, or of EXECUTE) in order. */
function replay(rules: readonly ResolvedRule[], kind: 'permission' | 'execute-permission'): Map<string, State> {
  const state = new Map<string, State>();
  for (const r of rules) {
    if (r.rule.kind !== kind) continue;
    const { target, principals } = r.rule;
    const key = targetKey(r, target);
    if (!key) continue;
    const keys =
      target.kind === 'relation' && target.columns?.length
        ? target.columns.map((c) => `c:${r.relation}\u0000${c}`)
        : [key];
    for (const p of principals) {
      if (target.kind === 'relation' && !target.columns?.length) {
        // a table-level statement replaces the principal's column-level states of that table
        for (const k of [...state.keys()]) if (k.startsWith(`${p}\u0000c:${r.relation}\u0000`)) state.delete(k);
      }
      for (const k of keys) {
        if (r.rule.state === 'revoke') state.delete(`${p}\u0000${k}`);
        else state.set(`${p}\u0000${k}`, r.rule.state);
      }
    }
  }
  return state;
}

/** principal\0('' | relation | relation.column) → UNMASK state. */
function unmaskState(rules: readonly ResolvedRule[]): Map<string, State> {
  const state = new Map<string, State>();
  for (const r of rules) {
    if (r.rule.kind !== 'unmask') continue;
    const scope = r.relation ? (r.rule.column ? `${r.relation}.${r.rule.column}` : r.relation) : '';
    for (const p of r.rule.principals) {
      if (r.rule.state === 'revoke') state.delete(`${p}\u0000${scope}`);
      else state.set(`${p}\u0000${scope}`, r.rule.state);
    }
  }
  return state;
}
