/** Number-column detection (the sinks): see docs/detection.md. */
export { detectColumns, detectNumberColumns } from './detect.js';
export type {
  CandidateColumn,
  DetectedColumns,
  NumberColumnConfig,
  NumberColumnEntry,
  NumberColumnHit,
  RefMatcher,
} from './detect.js';
export { classifyColumn, classifyColumnName } from './classify.js';
export type { CandidateInfo, ColumnClass, ColumnContext } from './classify.js';
export { NUMBER_RULES } from './rules.js';
export type { NumberKind, NumberRule, RuleTarget } from './rules.js';
export { EXCLUSION_RULES } from './exclusions.js';
export type { ExclusionExample, ExclusionRule } from './exclusions.js';
export { CONTEXT_RULES } from './context.js';
export type { ContextRule, ContextExample, ContextOutcome } from './context.js';
export { renderRulesMarkdown } from './render.js';
