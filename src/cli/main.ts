#!/usr/bin/env node
/** Entry point of the `spif` bin. */
import { main } from './run.js';

main(process.argv).then(
  (code) => process.exit(code),
  (e) => {
    // A bug in spif, not a user error: say so, with the stack for the report.
    process.stderr.write(`spif: internal error: ${(e as Error).stack ?? e}\nPlease report this with the input that caused it.\n`);
    process.exit(70);
  },
);
