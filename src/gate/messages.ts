/** The gate's wording, taken from the one catalogue (src/report/messages.ts, keys `gate.*`). */
import { type Lang, type MessageKey, t } from '../report/messages.js';

export function gt(lang: Lang, key: `gate.${string}`, ...args: (string | number)[]): string {
  return t(lang, key as MessageKey, ...args);
}

export function ruleMessage(lang: Lang, rule: string, ...args: (string | number)[]): string {
  return gt(lang, `gate.rule.${rule}`, ...args);
}
