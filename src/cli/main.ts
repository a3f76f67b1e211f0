#!/usr/bin/env node
/** Entry point of the `spif` bin: the one place the process ends (after its output has drained). */
import { exitWhenFlushed } from './output.js';
import { EXIT } from './exit-codes.js';
import { main } from './run.js';

main(process.argv).then(
  (code) => exitWhenFlushed(code),
  (e) => {
    // A bug in spif, not a user error: say so, with the stack for the report.
    process.stderr.write(
      `spif: internal error: ${(e as Error).stack ?? e}\nPlease report this with the input that caused it.\n`,
    );
    exitWhenFlushed(EXIT.internal);
  },
);
