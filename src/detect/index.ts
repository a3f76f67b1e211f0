/** Number-column detection (the sinks): see docs/detection.md. */
export { detectColumns, detectNumberColumns } from './detect.js';
export type { CandidateColumn, NumberColumnHit } from './detect.js';
export { classifyColumn, classifyColumnName } from './classify.js';
export type { ColumnClass } from './classify.js';
export { NUMBER_RULES } from './rules.js';
export { EXCLUSION_RULES } from './exclusions.js';
export type { ExclusionExample } from './exclusions.js';
export { CONTEXT_RULES } from './context.js';
export { renderRulesMarkdown } from './render.js';
