/**
 * A progress line on stderr for long scans: only on a terminal, never mixed into the report
 * (which goes to stdout or --out), redrawn at most ten times a second and whenever a stage
 * starts. It tells the truth: each stage is named as it starts (in the user's language), with
 * its own count where it has one (files read, principals walked) and the time since the scan and
 * the stage began — a stage without a count shows no bar rather than a bar that stands still.
 */
import { type Lang, type MessageKey, t } from '../report/messages.js';

/** The pipeline's stages, in order (pipeline.ts). */
export const STAGES = ['read', 'catalog', 'detect', 'access', 'links', 'reach', 'blocks', 'decide', 'report'] as const;
/** After the pipeline, the command writes its output (a 50,000-table JSON report takes seconds). */
const LABELLED: readonly string[] = [...STAGES, 'write'];

export type ProgressFn = (stage: string, done: number, total: number) => void;

export interface ProgressOptions {
  lang?: Lang;
  /** Injected clock and terminal test hooks. */
  now?: () => number;
  isTTY?: boolean;
}

/** The line: updated by each stage, cleared at the end. */
export interface Progress {
  update: ProgressFn;
  finish: () => void;
}

export function createProgress(
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr,
  options: ProgressOptions = {},
): Progress {
  const tty = options.isTTY ?? stream.isTTY;
  if (!tty || process.env.CI) return { update: () => {}, finish: () => {} };
  const now = options.now ?? Date.now;
  const lang = options.lang ?? 'en';
  const started = now();
  let stageName = '';
  let stageStarted = started;
  let last = 0;
  let shown = false;
  const update: ProgressFn = (stage, done, total) => {
    const at = now();
    const changed = stage !== stageName;
    if (changed) {
      stageName = stage;
      stageStarted = at;
    }
    if (at - started < 500) return; // short scans stay quiet
    if (!changed && at - last < 100 && !(total > 0 && done === total)) return;
    last = at;
    shown = true;
    stream.write(`\r\x1b[2K${progressLine(lang, stage, done, total, at - started, at - stageStarted)}`);
  };
  const finish = () => {
    if (shown) stream.write('\r\x1b[2K');
  };
  return { update, finish };
}

/** `給付の読込 ███░░ 120/400  12.3 s（この段階 2.1 s）` — exported for tests. */
export function progressLine(
  lang: Lang,
  stage: string,
  done: number,
  total: number,
  elapsedMs: number,
  stageMs: number,
): string {
  const label = LABELLED.includes(stage) ? t(lang, `progress.${stage}` as MessageKey) : stage;
  const width = 24;
  const counted = total > 0;
  const filled = counted ? Math.round((Math.min(done, total) / total) * width) : 0;
  const bar = counted ? ` ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}` : ' …';
  return `${label}${bar}  ${t(lang, 'progress.elapsed', seconds(elapsedMs), seconds(stageMs))}`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}
