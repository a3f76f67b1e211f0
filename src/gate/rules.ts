/**
 * The gate's rules: one row per finding of `spif check` and per change of `spif diff`. The id is
 * what users write in `suppressions[].rule` (the code works too); labels live in
 * src/report/messages.ts under `gate.rule.<id>`. Each rule's level is its code's one severity in
 * src/diagnostic-codes.ts (a finding that fails the gate is an error whatever that level).
 */
import { CODES, type GateCode, sarifLevel } from '../diagnostic-codes.js';

export type GateCommand = 'check' | 'diff';
export type Level = 'error' | 'warning' | 'note';

export interface GateRule {
  code: GateCode;
  /** Which command reports it; `both` for suppression hygiene. */
  command: GateCommand | 'both';
  /** Level when the rule does not fail the gate (the registered severity of its code). */
  level: Level;
}

function rule<C extends GateCode, K extends GateRule['command']>(code: C, command: K) {
  return { code, command, level: sarifLevel(CODES[code].severity) };
}

export const CHECK_RULES = {
  /** A specific relation that no inventory file covers: the PIA does not declare it. */
  'uncovered-specific': rule('SPIF-CHECK-UNCOVERED', 'check'),
  /** An inventory file in which no relation is specific any more. */
  'inventory-not-specific': rule('SPIF-CHECK-NOT-SPECIFIC', 'check'),
  /** A candidate column (要確認) the config has not decided (fails unless check.failOnCandidates is false). */
  'undecided-candidate': rule('SPIF-CHECK-CANDIDATE', 'check'),
  /**
   * An error diagnostic of the scan: some source was not fully read, so the gate cannot vouch
   * for it (a dump read with the wrong dialect must never pass). Fails; suppressible by code.
   */
  'error-diagnostic': rule('SPIF-CHECK-DIAGNOSTIC', 'check'),
  /** A warning diagnostic of the scan, at its own severity: shown, counted by --max-warnings, fails with strict. */
  'warning-diagnostic': rule('SPIF-CHECK-DIAGNOSTIC-WARNING', 'check'),
  'suppression-unused': rule('SPIF-SUPPRESSION-UNUSED', 'both'),
} as const satisfies Record<string, GateRule>;

export const DIFF_RULES = {
  'became-specific': rule('SPIF-DIFF-BECAME-SPECIFIC', 'diff'),
  'stopped-specific': rule('SPIF-DIFF-STOPPED-SPECIFIC', 'diff'),
  'path-added': rule('SPIF-DIFF-PATH-ADDED', 'diff'),
  'path-removed': rule('SPIF-DIFF-PATH-REMOVED', 'diff'),
  'block-added': rule('SPIF-DIFF-BLOCK-ADDED', 'diff'),
  'block-removed': rule('SPIF-DIFF-BLOCK-REMOVED', 'diff'),
  'number-column-added': rule('SPIF-DIFF-NUMBER-COLUMN-ADDED', 'diff'),
  'number-column-removed': rule('SPIF-DIFF-NUMBER-COLUMN-REMOVED', 'diff'),
  'file-became-specific': rule('SPIF-DIFF-FILE-BECAME-SPECIFIC', 'diff'),
  'file-stopped-specific': rule('SPIF-DIFF-FILE-STOPPED-SPECIFIC', 'diff'),
  'database-renamed': rule('SPIF-DIFF-DATABASE-RENAMED', 'diff'),
} as const satisfies Record<string, GateRule>;

export type CheckRuleId = keyof typeof CHECK_RULES;
export type ChangeKind = keyof typeof DIFF_RULES;
export const CHANGE_KINDS = Object.keys(DIFF_RULES) as ChangeKind[];

export const ALL_RULES: Record<string, GateRule> = { ...CHECK_RULES, ...DIFF_RULES };

/** Whether a suppression's `rule` names this rule (by id or code, any case), or a diagnostic code. */
export function ruleMatches(written: string, id: string, code: string): boolean {
  const w = written.toLowerCase();
  return w === id.toLowerCase() || w === code.toLowerCase();
}

/** The command a suppression's rule belongs to; undefined for a relation-only or unknown rule. */
export function commandOfRule(written: string | undefined): GateCommand | 'both' | undefined {
  if (!written) return undefined;
  for (const [id, r] of Object.entries(ALL_RULES)) if (ruleMatches(written, id, r.code)) return r.command;
  return undefined;
}
