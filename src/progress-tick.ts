/**
 * How far a long stage has got, for the progress line (cli/progress.ts): a stage that runs for
 * seconds on a large estate says so as it goes, in units of its own (ops applied, relations
 * looked at, steps done), so the line never stands still while work goes on (issue 16).
 */

/** `done` of `total` units of the current stage. */
export type Tick = (done: number, total: number) => void;

/**
 * A counter over `total` units that passes every `every`-th one (and the last) on to `tick`:
 * a loop over 50,000 relations calls it for each and costs nothing when no one listens.
 */
export function counter(total: number, tick: Tick | undefined, every = 1000): (done: number) => void {
  if (!tick) return () => {};
  tick(0, total);
  return (done) => {
    if (done === total || done % every === 0) tick(done, total);
  };
}
