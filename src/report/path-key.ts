/** How a path step on a multi-column key is shown: every column of the key, not just the first. */
import type { PathStep } from './model.js';

/**
 * `zeimu:kazei_daicho.shichoson_cd` → `zeimu:kazei_daicho.(shichoson_cd, gimusha_no)` when the
 * step joins on a multi-column key; unchanged otherwise. `shown` is the end as a reporter writes it.
 */
export function withKey(shown: string, step: PathStep, side: 'from' | 'to'): string {
  const columns = step.key?.[side];
  if (!columns || columns.length < 2) return shown;
  const dot = shown.lastIndexOf('.');
  return `${shown.slice(0, dot + 1)}(${columns.join(', ')})`;
}
