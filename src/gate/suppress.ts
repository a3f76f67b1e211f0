/**
 * Suppressions (config `suppressions[]`): a matching one turns a failing finding into a reported,
 * non-failing one that carries its reason. Never silent: the reason is shown in every format, and
 * a suppression that matches nothing is itself a warning.
 */
import { matchesRef, type SuppressionConfig } from '../config/index.js';
import type { Finding } from './model.js';
import { CHECK_RULES, commandOfRule, ruleMatches, type GateCommand } from './rules.js';
import { ruleMessage } from './messages.js';
import { nth } from '../indexed.js';

export function suppressionMatches(s: SuppressionConfig, f: Pick<Finding, 'rule' | 'code' | 'relation'>): boolean {
  if (s.relation !== undefined && (f.relation === undefined || !matchesRef(s.relation, f.relation))) return false;
  if (s.rule !== undefined && !ruleMatches(s.rule, f.rule, f.code)) return false;
  return true;
}

/** Describes a suppression for messages: `relation …, rule …`. */
export function describeSuppression(s: SuppressionConfig, index: number): string {
  const parts = [`suppressions[${index}]`];
  if (s.relation) parts.push(`relation ${s.relation}`);
  if (s.rule) parts.push(`rule ${s.rule}`);
  return parts.join(' ');
}

/**
 * Applies suppressions in order (the first match wins) and appends a warning for each one that
 * matched nothing in this command. A suppression naming only the other command's rules is not
 * counted as unused here; in `diff`, a suppression without a rule is `check`'s unless it matches.
 */
export function applySuppressions<T extends Finding>(
  findings: T[],
  suppressions: SuppressionConfig[],
  command: GateCommand,
  strict: boolean,
): { findings: T[]; unused: Finding[] } {
  const used = new Set<number>();
  const out = findings.map((f) => {
    const index = suppressions.findIndex((s) => suppressionMatches(s, f));
    if (index < 0) return f;
    used.add(index);
    const s = nth(suppressions, index);
    return {
      ...f,
      fails: false,
      suppressed: {
        reason: s.reason,
        ...(s.rule ? { rule: s.rule } : {}),
        ...(s.relation ? { relation: s.relation } : {}),
      },
    };
  });
  const unused: Finding[] = [];
  suppressions.forEach((s, i) => {
    if (used.has(i)) return;
    const owner = commandOfRule(s.rule);
    if (owner !== undefined && owner !== command && owner !== 'both') return;
    if (command === 'diff' && s.rule === undefined) return;
    const rule = CHECK_RULES['suppression-unused'];
    const what = describeSuppression(s, i);
    unused.push({
      rule: 'suppression-unused',
      code: rule.code,
      level: strict ? 'error' : 'warning',
      fails: strict,
      message: ruleMessage('en', 'suppression-unused', what, s.reason),
      ...(s.relation ? { relation: s.relation } : {}),
      evidence: [
        { kind: 'text', text: what },
        { kind: 'text', text: s.reason },
      ],
    });
  });
  return { findings: out, unused };
}
