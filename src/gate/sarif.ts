/**
 * SARIF 2.1.0 for the gate's findings (`spif check --format sarif`, also `spif diff`), for GitHub
 * code scanning and other SARIF viewers. Each result carries a stable partial fingerprint built
 * from what the finding is about (rule, relation, file, principal) and not from line numbers, so
 * an unchanged finding keeps its identity when lines move. Suppressed findings are kept, with the
 * suppression's reason as the SARIF justification.
 */
import { SARIF_SCHEMA_URI, fileUri, fingerprint as hashParts } from '../report/sarif.js';
import { sarifText } from '../report/escape.js';
import { VERSION } from '../version.js';
import type { Finding } from './model.js';
import { ALL_RULES } from './rules.js';
import { findingHeadline, plain } from './format.js';
import { RULE_DOCS, codeDoc, helpMarkdown, helpUri } from '../report/help-uri.js';
import { codeInfo, sarifLevel } from '../diagnostic-codes.js';

export interface SarifOptions {
  /** Config file (relative path) used as the location of findings that have no source location. */
  configFile?: string;
}

/** What identifies a finding: never its line. The scan reporter's hashing, with the gate's parts. */
export function fingerprint(f: Finding): string {
  return hashParts([
    f.rule,
    f.code,
    f.relation ?? '',
    f.file ?? '',
    f.principal ?? '',
    f.rule === 'error-diagnostic' || f.rule === 'warning-diagnostic' || f.rule === 'suppression-unused'
      ? f.message
      : '',
  ]);
}

export function renderSarif(findings: Finding[], options: SarifOptions = {}): string {
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  const rules = ruleIds.map((code) => {
    const entry = Object.entries(ALL_RULES).find(([, r]) => r.code === code);
    const id = entry?.[0] ?? 'error-diagnostic';
    // A diagnostic code (an error-diagnostic finding) has its registered level, as in scan's SARIF.
    const level = entry?.[1].level ?? sarifLevel(codeInfo(code)?.severity ?? 'error');
    const short = entry ? id.replace(/-/g, ' ') : `source diagnostic ${code}`;
    const doc = !entry
      ? codeDoc(code)
      : entry[1].command === 'diff'
        ? RULE_DOCS.diff
        : entry[1].command === 'both'
          ? RULE_DOCS.suppressions
          : RULE_DOCS.check;
    return {
      id: code,
      name: id,
      shortDescription: { text: short },
      help: { text: short, markdown: helpMarkdown(short, doc) },
      helpUri: helpUri(doc),
      defaultConfiguration: { level },
    };
  });
  const results = findings.map((f) => {
    const loc = f.location ?? (options.configFile ? { file: options.configFile, line: 1 } : undefined);
    return {
      ruleId: f.code,
      ruleIndex: ruleIds.indexOf(f.code),
      level: f.level,
      message: { text: sarifText(findingHeadline('en', plain, f)) },
      ...(loc
        ? {
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: fileUri(loc.file) },
                  region: { startLine: Math.max(1, loc.line), ...(loc.column ? { startColumn: loc.column } : {}) },
                },
                ...(f.relation ? { logicalLocations: [{ fullyQualifiedName: f.relation, kind: 'table' }] } : {}),
              },
            ],
          }
        : {}),
      partialFingerprints: { 'spifFinding/v1': fingerprint(f) },
      properties: {
        rule: f.rule,
        fails: f.fails,
        ...(f.relation ? { relation: f.relation } : {}),
        ...(f.file ? { file: f.file } : {}),
        ...(f.principal ? { principal: f.principal } : {}),
        evidence: f.evidence,
      },
      ...(f.suppressed
        ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.suppressed.reason }] }
        : {}),
    };
  });
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'spif', version: VERSION, semanticVersion: VERSION, rules } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
