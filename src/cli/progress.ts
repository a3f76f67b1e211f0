/**
 * A progress line on stderr for long scans: only on a terminal, never mixed into the report
 * (which goes to stdout or --out), redrawn at most ten times a second.
 */
export type ProgressFn = (stage: string, done: number, total: number) => void;

export function createProgress(stream: NodeJS.WriteStream = process.stderr): { update: ProgressFn; finish: () => void } {
  if (!stream.isTTY || process.env.CI) return { update: () => {}, finish: () => {} };
  const started = Date.now();
  let last = 0;
  let shown = false;
  const update: ProgressFn = (stage, done, total) => {
    const now = Date.now();
    if (now - started < 500 || (now - last < 100 && done !== total)) return; // short scans stay quiet
    last = now;
    shown = true;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : 0;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    stream.write(`\r\x1b[2K${stage.padEnd(9)} ${bar} ${done}/${total}`);
  };
  const finish = () => {
    if (shown) stream.write('\r\x1b[2K');
  };
  return { update, finish };
}
