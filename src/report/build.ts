/** Assembles the report model from the classification: relations, files, databases, principals. */
import type { Catalog } from '../catalog/model.js';
import type { Diagnostic, DiagnosticText } from '../diagnostics.js';
import type { PrincipalSet } from '../access/principals.js';
import { productAssumptions } from '../access/products/index.js';
import { definerAssumptions } from '../access/mysql.js';
import type { RelationDecision } from '../classify/classify.js';
import { matchesRef, type SpifConfig } from '../config/index.js';
import type { CandidateColumnReport, PrincipalReport, RelationReport, Report } from './model.js';
import type { CandidateColumn } from '../detect/index.js';
import { VERSION } from '../version.js';
import { assumptionReason } from './messages.js';
import { capture } from '../indexed.js';
import { counter, type Tick } from '../progress-tick.js';

export interface ReportInput {
  catalog: Catalog;
  decisions: Map<string, RelationDecision>;
  principals: PrincipalSet;
  config: SpifConfig;
  diagnostics: Diagnostic[];
  /** Per relation: `unknown-path:…` assumptions (access/unknown-paths.ts). */
  unknownPaths?: Map<string, string[]>;
  /** The reasons inside those codes as catalogue entries (access/unknown-paths.ts unknownPathReasons). */
  unknownPathReasons?: Map<string, DiagnosticText>;
  /** Columns to review (要確認), from detection. */
  candidates?: CandidateColumn[];
  /** Progress: relations put in the report. */
  onRelations?: Tick;
}

function candidateReport(c: CandidateColumn): CandidateColumnReport {
  return {
    column: c.column,
    kind: c.kind,
    rule: c.rule,
    evidence: c.evidence,
    reason: c.reason,
    settle: c.settle,
    ...(c.source ? { source: { file: c.source.file, line: c.source.line, column: c.source.column } } : {}),
    ...(c.decision ? { decision: c.decision } : {}),
  };
}

export function buildReport(input: ReportInput): Report {
  const { catalog, decisions, principals, config } = input;
  const globalAssumptions = [...principals.assumptions];
  const relations: RelationReport[] = [];
  const candidatesOf = new Map<string, CandidateColumnReport[]>();
  for (const c of input.candidates ?? []) {
    let list = candidatesOf.get(c.relation);
    if (!list) candidatesOf.set(c.relation, (list = []));
    list.push(candidateReport(c));
  }
  const reasons: Record<string, DiagnosticText> = {};
  const added = counter(decisions.size, input.onRelations);
  let done = 0;
  for (const d of decisions.values()) {
    added(++done);
    const r = d.relation;
    const assumptions: string[] = [];
    if (globalAssumptions.includes('no-access-control-declared')) assumptions.push('no-access-control-declared');
    const schema = catalog.databases.get(r.database)?.schemas.get(r.schema);
    if (catalog.accessControlDeclared && r.dialect === 'postgresql' && schema && !schema.declared) {
      assumptions.push(`schema-usage-assumed:${r.database}.${r.schema}`);
    }
    if (r.view && r.view.columns.length === 0 && r.kind !== 'function') assumptions.push('view-columns-unknown');
    assumptions.push(...productAssumptions(catalog, r));
    assumptions.push(...definerAssumptions(catalog, r));
    // An unread SECURITY DEFINER function could hand this relation's columns out: unless no link
    // to the number exists at all, the verdict needs a person's check.
    // A link to another database spif cannot follow may bring the number whatever the links say.
    for (const code of input.unknownPaths?.get(r.id) ?? [])
      if (d.basis !== 'unlinked' || code.startsWith('cross-database-unknown:')) {
        assumptions.push(code);
        const reason = assumptionReason(code);
        const text = reason === undefined ? undefined : input.unknownPathReasons?.get(reason);
        if (reason !== undefined && text) reasons[reason] = text;
      }
    const suppression = config.suppressions.find(
      (s) => s.relation !== undefined && s.rule === undefined && matchesRef(s.relation, r.id),
    );
    relations.push({
      id: r.id,
      database: r.database,
      schema: r.schema,
      name: r.name,
      ...written(r.name, r.writtenName ?? writtenRoutine(r.name, catalog.writtenNames)),
      ...(catalog.writtenNames?.has(r.schema) ? { writtenSchema: catalog.writtenNames.get(r.schema) } : {}),
      kind: r.kind,
      source: { file: r.source.file, line: r.source.line, column: r.source.column },
      classification: d.basis === 'holds-number' || d.basis === 'reachable' ? 'specific' : 'not-specific',
      basis: d.basis,
      numberColumns: d.numberColumns,
      ...(candidatesOf.has(r.id) ? { candidates: candidatesOf.get(r.id) } : {}),
      reachable: d.reachable,
      blocked: d.blocked,
      assumptions,
      columns: r.columns.map((c) => ({
        name: c.name,
        ...written(c.name, c.writtenName ?? catalog.writtenNames?.get(c.name)),
        ...(c.type ? { type: c.type } : {}),
        ...(c.comment ? { comment: c.comment } : {}),
      })),
      ...(r.comment ? { comment: r.comment } : {}),
      ...(suppression ? { suppressed: { reason: suppression.reason } } : {}),
    });
  }

  const specificIds = new Set(relations.filter((r) => r.classification === 'specific').map((r) => r.id));
  const files = config.files.map((f) => {
    const members = relations.filter((r) => f.relations.some((p) => matchesRef(p, r.id))).map((r) => r.id);
    return {
      name: f.name,
      classification: members.some((id) => specificIds.has(id)) ? ('specific' as const) : ('not-specific' as const),
      relations: members,
      ...(f.description ? { description: f.description } : {}),
    };
  });
  const databases = [...catalog.databases.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((db) => {
      const own = relations.filter((r) => r.database === db.name);
      const specific = own.filter((r) => r.classification === 'specific').length;
      return {
        name: db.name,
        classification: specific > 0 ? ('specific' as const) : ('not-specific' as const),
        dialect: db.dialect,
        relations: own.length,
        specific,
      };
    });
  const principalReports: PrincipalReport[] = [
    ...principals.principals.map((p) => ({
      name: p.name,
      ...(p.kind === 'role' ? written(p.name, catalog.writtenNames?.get(p.name)) : {}),
      kind: p.kind,
      roles: p.writtenRoles ?? p.roles,
      ...(p.connects ? { connects: p.connects } : {}),
    })),
    ...principals.administrators.map((a) => ({
      name: a.name,
      ...written(a.name, catalog.writtenNames?.get(a.name)),
      kind: 'administrator' as const,
      roles: [a.name],
      reason: a.reason,
    })),
  ];
  const diagnostics = [...input.diagnostics].sort(compareDiagnostics).map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.text ? { text: d.text } : {}),
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
  }));
  return {
    schemaVersion: 1,
    tool: { name: 'spif', version: VERSION },
    summary: {
      relations: relations.length,
      specific: specificIds.size,
      notSpecific: relations.length - specificIds.size,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
      candidates: (input.candidates ?? []).filter((c) => !c.decision).length,
    },
    relations,
    files,
    databases,
    principals: principalReports,
    assumptions: globalAssumptions,
    ...(Object.keys(reasons).length ? { assumptionReasons: reasons } : {}),
    diagnostics,
  };
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.code.localeCompare(b.code)
  );
}

/** A relation's name as written, from the identifiers the sources wrote; a routine's `name(args)` keeps its arguments. */
function writtenRoutine(name: string, names: Map<string, string> | undefined): string | undefined {
  if (!names) return undefined;
  const m = /^([^(]*)(\(.*\))$/.exec(name);
  const written = names.get(m ? capture(m, 1) : name);
  return written && m ? `${written}${capture(m, 2)}` : written;
}

/** The name as written, while it still spells the name spif matches on (a rename makes it stale). */
function written(name: string, writtenName: string | undefined): { writtenName?: string } {
  return writtenName && writtenName.toLowerCase() === name ? { writtenName } : {};
}
