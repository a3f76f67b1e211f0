/** Number-column detection (the sinks): see docs/detection.md. */
export { detectNumberColumns } from './detect.js';
export type { NumberColumnConfig, NumberColumnHit, RefMatcher } from './detect.js';
export { classifyColumnName } from './classify.js';
export type { ColumnClass } from './classify.js';
export { NUMBER_RULES } from './rules.js';
export type { NumberKind, NumberRule, RuleTarget } from './rules.js';
export { EXCLUSION_RULES } from './exclusions.js';
export type { ExclusionExample, ExclusionRule } from './exclusions.js';
export { renderRulesMarkdown } from './render.js';
