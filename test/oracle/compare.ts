/**
 * One oracle case end to end: apply the units to PostgreSQL, feed the accepted ones to spif, and
 * compare, for every (role, relation, column) PostgreSQL has at the end, spif's verdict with what
 * PostgreSQL actually did.
 *
 * "Reads the column" means: `SET ROLE r; SELECT c FROM rel` passes every privilege check AND
 * returns the row the table holds (row security did not filter it out). spif's
 * `canSelect(r, rel, c).allowed` must be exactly that.
 */
import { PUBLIC_PROBE_ROLE, probeKey, type PgCaseResult, type PgOracle, type PgOutcome } from './pg-runner.js';
import { DATABASE, runSpif, unitsToSql } from './spif-side.js';
import type { AccessVerdict } from '../../src/access/resolver.js';
import type { Catalog } from '../../src/catalog/model.js';
import type { Unit } from './generator.js';
import { firstItems } from '../helpers/items.js';
import { asRelationId } from '../../src/catalog/model.js';

export interface Disagreement {
  kind:
    | 'verdict'
    | 'reason'
    | 'set-role'
    | 'relation-missing'
    | 'relation-extra'
    | 'column-mismatch'
    | 'role-missing'
    | 'pg-error';
  role?: string;
  relation?: string;
  column?: string;
  postgres?: string;
  spif?: string;
}

export interface CaseReport {
  sql: string;
  comparisons: number;
  disagreements: Disagreement[];
  rejectedUnits: number;
  /** The units PostgreSQL accepted (what spif read) and rejected. */
  accepted: Unit[];
  rejected: Unit[];
  diagnostics: string[];
}

export function pgReads(o: PgOutcome): boolean {
  return o.kind === 'reads';
}

function describePg(o: PgOutcome): string {
  switch (o.kind) {
    case 'reads':
      return `reads (${o.rows} row${o.rows === 1 ? '' : 's'})`;
    case 'no-rows':
      return 'denied: row security leaves no row';
    case 'denied':
      return `denied: ${o.message}`;
    case 'error':
      return `error: ${o.message}`;
  }
}

/**
 * Why a read is denied, in three kinds both sides can name: the schema lookup, a privilege check
 * (of the relation or, for a view, of a base relation), or row security.
 */
type DenialKind = 'schema' | `privilege:${string}` | 'row-security';

function pgDenial(o: PgOutcome): DenialKind | undefined {
  if (o.kind === 'no-rows') return 'row-security';
  if (o.kind !== 'denied') return undefined;
  if (/permission denied for schema/.test(o.message)) return 'schema';
  // "permission denied for table t" / "for view v" / "for function f": the object whose check failed.
  return `privilege:${/permission denied for (?:table|view|function) (\S+)/.exec(o.message)?.[1] ?? '?'}`;
}

function spifDenial(v: AccessVerdict): DenialKind | undefined {
  if (v.allowed) return undefined;
  if (v.control === 'no-schema-usage') return 'schema';
  if (v.control === 'row-security-denies') return 'row-security';
  return `privilege:${(v.at.split('.')[2] ?? '?').replace(/\(.*$/, '')}`;
}

export function describeVerdict(v: AccessVerdict): string {
  return v.allowed ? 'reads' : `denied: ${v.control} at ${v.at} (${v.detail})`;
}

/** The role spif is asked about for PostgreSQL's PUBLIC probe role. */
const SPIF_PUBLIC = 'PUBLIC';

export async function runCase(
  pg: PgOracle,
  units: Unit[],
  options: { postgresVersion?: number } = {},
): Promise<CaseReport> {
  const result = await pg.run(units, { probePublic: true });
  const sql = unitsToSql(result.accepted);
  return compareWithSpif(result, sql, options);
}

export async function compareWithSpif(
  result: PgCaseResult,
  sql: string,
  options: { postgresVersion?: number } = {},
): Promise<CaseReport> {
  const spif = await runSpif(sql, options);
  const disagreements: Disagreement[] = [];
  let comparisons = 0;

  // The relations must be the same, with the same columns.
  const pgIds = new Set<string>();
  for (const rel of result.relations) {
    const id = `${DATABASE}.${rel.schema}.${rel.name}`;
    pgIds.add(id);
    const mine = spif.catalog.relations.get(asRelationId(id));
    if (!mine) {
      disagreements.push({ kind: 'relation-missing', relation: id, postgres: rel.columns.join(', ') });
      continue;
    }
    const cols = mine.columns.map((c) => c.name);
    if (cols.join(',') !== rel.columns.join(',')) {
      disagreements.push({
        kind: 'column-mismatch',
        relation: id,
        postgres: rel.columns.join(', '),
        spif: cols.join(', '),
      });
    }
  }
  for (const id of spif.catalog.relations.keys()) {
    if (!pgIds.has(id)) disagreements.push({ kind: 'relation-extra', relation: id });
  }
  for (const role of result.roles) {
    if (role !== PUBLIC_PROBE_ROLE && !spif.catalog.roles.has(role)) disagreements.push({ kind: 'role-missing', role });
  }

  const empty = new Set(result.relations.filter((r) => r.empty).map((r) => `${DATABASE}.${r.schema}.${r.name}`));
  for (const role of result.roles) {
    const asked = role === PUBLIC_PROBE_ROLE ? SPIF_PUBLIC : role;
    for (const rel of result.relations) {
      const id = `${DATABASE}.${rel.schema}.${rel.name}`;
      for (const column of rel.columns) {
        const outcome = result.outcomes.get(probeKey(role, `${rel.schema}.${rel.name}`, column));
        if (!outcome) continue;
        // A function whose body names a relation or column dropped or renamed since fails when
        // called; spif assumes a name it cannot resolve may exist elsewhere: not compared.
        if (rel.kind === 'function' && outcome.kind === 'error' && /^42(P01|703) /.test(outcome.message)) continue;
        // Likewise a body naming a relation that does not exist (PostgreSQL may fail on its schema first).
        if (rel.kind === 'function' && readsUnknown(spif.catalog, id)) continue;
        // A partitioned table without partitions stores no row: nothing to read either way, through
        // a view or a function too.
        if (outcome.kind === 'no-rows' && readsEmpty(spif.catalog, id, empty)) continue;
        if (outcome.kind === 'error') {
          disagreements.push({ kind: 'pg-error', role, relation: id, column, postgres: describePg(outcome) });
          continue;
        }
        comparisons++;
        const verdict = spif.resolver.canSelect(asked, asRelationId(id), column);
        if (verdict.allowed !== pgReads(outcome)) {
          disagreements.push({
            kind: 'verdict',
            role: asked,
            relation: id,
            column,
            postgres: describePg(outcome),
            spif: describeVerdict(verdict),
          });
        } else if (pgDenial(outcome) !== spifDenial(verdict)) {
          // Both deny, for different reasons: the control spif names in the report would be wrong.
          disagreements.push({
            kind: 'reason',
            role: asked,
            relation: id,
            column,
            postgres: describePg(outcome),
            spif: describeVerdict(verdict),
          });
        }
      }
    }
  }
  // The right to SET ROLE (what a principal may act as).
  for (const [pair, ok] of result.settable) {
    const [a, b] = firstItems(pair.split('|'), 2);
    comparisons++;
    const mine = spif.resolver.settableRoles(a).has(b);
    if (mine !== ok)
      disagreements.push({
        kind: 'set-role',
        role: a,
        relation: b,
        postgres: ok ? 'may SET ROLE' : 'may not SET ROLE',
        spif: mine ? 'may' : 'may not',
      });
  }
  return {
    sql,
    comparisons,
    disagreements,
    rejectedUnits: result.rejected.length,
    accepted: result.accepted,
    rejected: result.rejected.map((r) => r.unit),
    diagnostics: spif.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line ?? ''}:${d.column ?? ''} ${d.message}`),
  };
}

function readsUnknown(catalog: Catalog, id: string): boolean {
  const rel = catalog.relations.get(asRelationId(id));
  return !!rel?.view?.reads.some((q) => !catalog.relations.has(asRelationId(`${q.database}.${q.schema}.${q.name}`)));
}

function readsEmpty(catalog: Catalog, id: string, empty: Set<string>, seen = new Set<string>()): boolean {
  if (empty.has(id)) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  const rel = catalog.relations.get(asRelationId(id));
  return !!rel?.view?.reads.some((q) => readsEmpty(catalog, `${q.database}.${q.schema}.${q.name}`, empty, seen));
}

export function formatDisagreement(d: Disagreement): string {
  switch (d.kind) {
    case 'verdict':
      return `${d.role} ${d.relation}.${d.column}: PostgreSQL ${d.postgres}; spif ${d.spif}`;
    case 'reason':
      return `${d.role} ${d.relation}.${d.column}: both deny, for different reasons: PostgreSQL ${d.postgres}; spif ${d.spif}`;
    case 'set-role':
      return `SET ROLE ${d.relation} as ${d.role}: PostgreSQL ${d.postgres}; spif ${d.spif}`;
    case 'relation-missing':
      return `relation ${d.relation} exists in PostgreSQL (${d.postgres}) but not in spif`;
    case 'relation-extra':
      return `relation ${d.relation} exists in spif but not in PostgreSQL`;
    case 'column-mismatch':
      return `columns of ${d.relation}: PostgreSQL (${d.postgres}), spif (${d.spif})`;
    case 'role-missing':
      return `role ${d.role} exists in PostgreSQL but not in spif`;
    case 'pg-error':
      return `${d.role} ${d.relation}.${d.column}: PostgreSQL probe failed: ${d.postgres}`;
  }
}
