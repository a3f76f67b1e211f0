/**
 * `spif check`: does the PIA's inventory still match the schema?
 * - a relation judged specific that no inventory file covers fails the gate (error);
 * - an inventory file in which nothing is specific any more is a warning;
 * - a candidate column (要確認) that numberColumns has not decided fails the gate
 *   (`check.failOnCandidates: false` makes it a warning);
 * - an error diagnostic (a source not fully read) fails: a gate never passes on input it could not read;
 *   a warning diagnostic is a warning finding;
 * - with strict (`--strict` or `check.strict`), every warning fails too.
 * Suppressions turn a failing finding into a reported one with its reason.
 */
import { type SpifConfig, matchesRef } from '../config/index.js';
import type { RelationId } from '../catalog/model.js';
import type { EvidenceScope } from '../classify/classify.js';
import type { Report } from '../report/model.js';
import { t } from '../report/messages.js';
import { VERSION } from '../version.js';
import { relationEvidence } from './evidence.js';
import type { CheckResult, Finding } from './model.js';
import { ruleMessage } from './messages.js';
import { CHECK_RULES, type CheckRuleId } from './rules.js';
import { applySuppressions } from './suppress.js';

export interface CheckOptions {
  strict?: boolean;
}

function finding(rule: CheckRuleId, fails: boolean, rest: Omit<Finding, 'rule' | 'code' | 'level' | 'fails'>): Finding {
  const def = CHECK_RULES[rule];
  return { rule, code: def.code, level: fails ? 'error' : def.level, fails, ...rest };
}

/**
 * The scan's diagnostics as findings, each at its own severity (the same in every command): an
 * error fails (a gate never passes on input it could not read), a warning is reported and fails
 * only with strict; notes are left to the scan report. The finding carries the diagnostic's own
 * code, which suppressions name (SPIF-SQL-SYNTAX …).
 */
export function diagnosticFindings(diagnostics: Report['diagnostics'], strict: boolean): Finding[] {
  const out: Finding[] = [];
  for (const d of diagnostics) {
    if (d.severity === 'info') continue;
    const rule = d.severity === 'error' ? 'error-diagnostic' : 'warning-diagnostic';
    out.push({
      ...finding(rule, d.severity === 'error' || strict, {
        message: ruleMessage('en', rule, d.code, d.message),
        ...(d.file !== undefined && d.line !== undefined
          ? { location: { file: d.file, line: d.line, ...(d.column ? { column: d.column } : {}) } }
          : {}),
        evidence: [{ kind: 'text', text: d.message, ...(d.text ? { entry: d.text } : {}) }],
      }),
      code: d.code,
    });
  }
  return out;
}

/**
 * The relations whose blocks (what stops each user) the gate shows: the members of inventory
 * files that are not specific, in `inventory-not-specific` findings. A specific relation has no
 * blocks and a specific file no such finding, and finding every block is most of a large scan's
 * time (docs/performance.md): `spif check` asks the scan for these only (ScanOptions.evidenceFor).
 */
export function checkEvidenceScope(config: SpifConfig): EvidenceScope {
  const inventory = new Set(config.inventory ?? []);
  const files = config.files.filter((f) => inventory.has(f.name));
  return (relations, isSpecific) => {
    const wanted = new Set<RelationId>();
    for (const f of files) {
      const members = relations.filter((id) => f.relations.some((ref) => matchesRef(ref, id)));
      if (!members.some(isSpecific)) for (const id of members) wanted.add(id);
    }
    return (relation) => wanted.has(relation);
  };
}

export function runCheck(report: Report, config: SpifConfig, options: CheckOptions = {}): CheckResult {
  const strict = options.strict ?? config.check.strict;
  const inventoryNames = config.inventory ?? [];
  const inventoryFiles = report.files.filter((f) => inventoryNames.includes(f.name));
  const covered = new Set(inventoryFiles.flatMap((f) => f.relations));
  const findings: Finding[] = [];

  for (const r of report.relations) {
    if (r.classification !== 'specific' || covered.has(r.id)) continue;
    const otherFiles = report.files.filter((f) => f.relations.includes(r.id)).map((f) => f.name);
    findings.push(
      finding('uncovered-specific', true, {
        message: ruleMessage('en', 'uncovered-specific', r.id, t('en', `basis.${r.basis}`)),
        relation: r.id,
        location: r.source,
        evidence: [...relationEvidence(r), { kind: 'files', relation: r.id, files: otherFiles }],
      }),
    );
  }

  for (const f of inventoryFiles) {
    if (f.classification === 'specific') continue;
    const members = report.relations.filter((r) => f.relations.includes(r.id));
    findings.push(
      finding('inventory-not-specific', strict, {
        message: ruleMessage('en', 'inventory-not-specific', f.name, members.length),
        file: f.name,
        evidence: members.flatMap((r) => [
          { kind: 'member' as const, relation: r.id, classification: r.classification, basis: r.basis },
          ...relationEvidence(r, 1),
        ]),
      }),
    );
  }

  const failOnCandidates = config.check.failOnCandidates || strict;
  for (const r of report.relations) {
    for (const c of r.candidates ?? []) {
      if (c.decision) continue;
      findings.push(
        finding('undecided-candidate', failOnCandidates, {
          message: ruleMessage('en', 'undecided-candidate', `${r.id}.${c.column}`),
          relation: r.id,
          location: c.source ?? r.source,
          evidence: [{ kind: 'candidate-column', relation: r.id, candidate: c }],
        }),
      );
    }
  }

  findings.push(...diagnosticFindings(report.diagnostics, strict));

  const { findings: applied, unused } = applySuppressions(findings, config.suppressions, 'check', strict);
  const all = [...applied, ...unused];
  return {
    schemaVersion: 1,
    tool: { name: 'spif', version: VERSION },
    command: 'check',
    passed: !all.some((f) => f.fails),
    strict,
    inventoryDeclared: config.inventory !== undefined,
    inventory: inventoryFiles.map((f) => ({ name: f.name, classification: f.classification, relations: f.relations })),
    summary: {
      relations: report.summary.relations,
      specific: report.summary.specific,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      failing: all.filter((f) => f.fails).length,
      suppressed: all.filter((f) => f.suppressed).length,
      ...readCounts(report),
    },
    findings: all,
    ...(report.config ? { config: report.config } : {}),
  };
}

function readCounts(
  report: Report,
): Partial<Pick<Report['summary'], 'files' | 'filesFound' | 'statements' | 'statementsRead'>> {
  const { files, filesFound, statements, statementsRead } = report.summary;
  return files === undefined ? {} : { files, filesFound, statements, statementsRead };
}
