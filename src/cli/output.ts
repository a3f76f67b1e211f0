/** Writing a rendered report to stdout or `--out FILE`. */
import fs from 'node:fs';
import { UserError } from '../diagnostics.js';

/** Text, or bytes (xlsx); bytes are never written to a terminal. */
export function writeOutput(text: string | Uint8Array, out?: string): void {
  if (out) fs.writeFileSync(out, text);
  else if (typeof text !== 'string' && process.stdout.isTTY) throw new UserError('this format is a binary file: write it with --out FILE (or redirect stdout to a file)');
  else process.stdout.write(text);
}
