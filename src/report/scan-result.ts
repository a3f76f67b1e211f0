/**
 * What a scan returns: the report and the one read-only analysis it was built from. Reporters
 * are `(Report, { scan?: ScanResult, … }) → output`. It lives in report/ (not in pipeline.ts,
 * which re-exports it) so that no reporter imports the pipeline that imports the reporters.
 */
import type { Catalog, ColumnId } from '../catalog/model.js';
import type { Analysis } from '../classify/analysis.js';
import type { RelationDecision } from '../classify/classify.js';
import type { SpifConfig } from '../config/index.js';
import type { CandidateColumn, NumberColumnHit } from '../detect/index.js';
import type { LinkGraph } from '../graph/links.js';
import type { PrincipalSet } from '../access/principals.js';
import type { Report } from './model.js';

export interface ScanResult {
  /** The one read-only analysis every reporter and command reads (the fields below are parts of it). */
  analysis: Analysis;
  report: Report;
  catalog: Catalog;
  graph: LinkGraph;
  decisions: Map<string, RelationDecision>;
  numbers: Map<ColumnId, NumberColumnHit>;
  /** Columns to review (要確認), decided by the config or not. */
  candidates: CandidateColumn[];
  principals: PrincipalSet;
  config: SpifConfig;
  configFile?: string;
}
