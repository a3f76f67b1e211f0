/**
 * Output formats. Each reporter turns the one report model (plus, for graph pictures, the scan's
 * graph) into text. To add a format, add its reporter here.
 */
import type { ScanResult } from '../pipeline.js';
import type { Report } from './model.js';
import type { Lang } from './messages.js';
import { renderText } from './text.js';

export interface RenderContext {
  lang: Lang;
  color: boolean;
  /** The whole scan, for formats that draw the link graph. */
  scan?: ScanResult;
}

export type Reporter = (report: Report, ctx: RenderContext) => string;

export const REPORTERS: Record<string, Reporter> = {
  text: (report, ctx) => renderText(report, { lang: ctx.lang, color: ctx.color }),
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
};

export function formatNames(): string[] {
  return Object.keys(REPORTERS);
}
