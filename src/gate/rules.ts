/**
 * The gate's rules: one row per finding of `spif check` and per change of `spif diff`. The id is
 * what users write in `suppressions[].rule` (the code works too); labels live in
 * src/report/messages.ts under `gate.rule.<id>`.
 */

export type GateCommand = 'check' | 'diff';
export type Level = 'error' | 'warning' | 'note';

export interface GateRule {
  code: string;
  /** Which command reports it; `both` for suppression hygiene. */
  command: GateCommand | 'both';
  /** Level when the rule fails the gate / when it does not. */
  level: Level;
}

export const CHECK_RULES = {
  /** A specific relation that no inventory file covers: the PIA does not declare it. */
  'uncovered-specific': { code: 'SPIF-CHECK-UNCOVERED', command: 'check', level: 'error' },
  /** An inventory file in which no relation is specific any more. */
  'inventory-not-specific': { code: 'SPIF-CHECK-NOT-SPECIFIC', command: 'check', level: 'warning' },
  /** A candidate column (要確認) the config has not decided (fails unless check.failOnCandidates is false). */
  'undecided-candidate': { code: 'SPIF-CHECK-CANDIDATE', command: 'check', level: 'warning' },
  /**
   * An error diagnostic of the scan: some source was not fully read, so the gate cannot vouch
   * for it (a dump read with the wrong dialect must never pass). Fails; suppressible by code.
   */
  'error-diagnostic': { code: 'SPIF-CHECK-DIAGNOSTIC', command: 'check', level: 'error' },
  'suppression-unused': { code: 'SPIF-SUPPRESSION-UNUSED', command: 'both', level: 'warning' },
} as const satisfies Record<string, GateRule>;

export const DIFF_RULES = {
  'became-specific': { code: 'SPIF-DIFF-BECAME-SPECIFIC', command: 'diff', level: 'error' },
  'stopped-specific': { code: 'SPIF-DIFF-STOPPED-SPECIFIC', command: 'diff', level: 'note' },
  'path-added': { code: 'SPIF-DIFF-PATH-ADDED', command: 'diff', level: 'warning' },
  'path-removed': { code: 'SPIF-DIFF-PATH-REMOVED', command: 'diff', level: 'note' },
  'block-added': { code: 'SPIF-DIFF-BLOCK-ADDED', command: 'diff', level: 'note' },
  'block-removed': { code: 'SPIF-DIFF-BLOCK-REMOVED', command: 'diff', level: 'warning' },
  'number-column-added': { code: 'SPIF-DIFF-NUMBER-COLUMN-ADDED', command: 'diff', level: 'warning' },
  'number-column-removed': { code: 'SPIF-DIFF-NUMBER-COLUMN-REMOVED', command: 'diff', level: 'note' },
  'file-became-specific': { code: 'SPIF-DIFF-FILE-BECAME-SPECIFIC', command: 'diff', level: 'warning' },
  'file-stopped-specific': { code: 'SPIF-DIFF-FILE-STOPPED-SPECIFIC', command: 'diff', level: 'note' },
  'database-renamed': { code: 'SPIF-DIFF-DATABASE-RENAMED', command: 'diff', level: 'note' },
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
