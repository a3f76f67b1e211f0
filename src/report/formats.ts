/**
 * Output formats. Each reporter turns the one report model (plus, for graph pictures, the scan's
 * graph) into text. To add a format, add its reporter here.
 */
import type { ScanResult } from './scan-result.js';
import type { Report } from './model.js';
import type { Lang } from './messages.js';
import { renderText } from './text.js';
import { renderSarif } from './sarif.js';
import { renderMarkdown } from './markdown.js';
import { renderDot } from './dot.js';
import { renderMermaid } from './mermaid.js';
import { renderHtml } from './html.js';
import { renderCsv } from './csv.js';
import { renderXlsx } from './xlsx.js';
import { jsonPieces } from './json.js';

export interface RenderContext {
  lang: Lang;
  color: boolean;
  /** The whole scan, for formats that draw the link graph. */
  scan?: ScanResult;
  /** `--quiet` (text): diagnostics other than errors left out. */
  quiet?: boolean;
  /** `--diagnostics-first` (text). */
  diagnosticsFirst?: boolean;
}

export type Reporter = (report: Report, ctx: RenderContext) => string;

export const REPORTERS: Record<string, Reporter> = {
  text: (report, ctx) =>
    renderText(report, { lang: ctx.lang, color: ctx.color, quiet: ctx.quiet, diagnosticsFirst: ctx.diagnosticsFirst }),
  json: (report) => [...jsonPieces(report)].join(''),
  sarif: (report, ctx) => renderSarif(report, ctx),
  markdown: (report, ctx) => renderMarkdown(report, ctx),
  dot: (report, ctx) => renderDot(report, ctx),
  mermaid: (report, ctx) => renderMermaid(report, ctx),
  csv: (report, ctx) => renderCsv(report, ctx),
};

export type AsyncReporter = (report: Report, ctx: RenderContext) => Promise<string>;

/** Formats that need async work to render (html runs Graphviz, a WASM module, to draw the SVG). */
export const ASYNC_REPORTERS: Record<string, AsyncReporter> = {
  html: (report, ctx) => renderHtml(report, ctx),
};

/** Formats whose output is bytes, not text (a zip-based workbook). */
export const BINARY_REPORTERS: Record<string, (report: Report, ctx: RenderContext) => Promise<Uint8Array>> = {
  xlsx: (report, ctx) => renderXlsx(report, ctx),
};

/** Formats that render the 評価書 (a Japanese document): Japanese unless `--lang en`, whatever the locale. */
export const DOCUMENT_FORMATS: ReadonlySet<string> = new Set(['markdown', 'html', 'csv', 'xlsx']);

export function formatNames(): string[] {
  return [...Object.keys(REPORTERS), ...Object.keys(ASYNC_REPORTERS), ...Object.keys(BINARY_REPORTERS)];
}

/** Render in any format, sync or async: what the CLI calls. */
export async function renderReport(format: string, report: Report, ctx: RenderContext): Promise<string> {
  const sync = REPORTERS[format];
  if (sync) return sync(report, ctx);
  const async = ASYNC_REPORTERS[format];
  if (!async)
    throw new Error(
      BINARY_REPORTERS[format] ? `format ${format} is binary: use renderOutput` : `unknown format ${format}`,
    );
  return async(report, ctx);
}

/** Render text or bytes (xlsx). */
export async function renderOutput(format: string, report: Report, ctx: RenderContext): Promise<string | Uint8Array> {
  const binary = BINARY_REPORTERS[format];
  return binary ? binary(report, ctx) : renderReport(format, report, ctx);
}

/**
 * What `spif scan` writes: renderOutput's text or bytes, except JSON, which comes in pieces
 * (jsonPieces: a large estate's report is longer than one string may be) for writeOutput.
 */
export async function renderForWriting(
  format: string,
  report: Report,
  ctx: RenderContext,
): Promise<string | Uint8Array | Iterable<string>> {
  return format === 'json' ? jsonPieces(report) : renderOutput(format, report, ctx);
}
