/** Writing a rendered report to stdout or `--out FILE`. */
import fs from 'node:fs';

export function writeOutput(text: string, out?: string): void {
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
}
