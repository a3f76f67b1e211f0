/** Scans a small repository written to a temporary folder, through the real pipeline. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scan } from '../../../src/pipeline.js';

export async function scanFiles(files: Record<string, string | Uint8Array>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'spif-vendor-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), content);
    }
    const { report } = await scan({ paths: [dir], cwd: dir, jobs: 1 });
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A config with one database of the given dialect reading `db/*.sql`. */
export function oneDatabase(dialect: string, name = 'db'): string {
  return `version: 1\ndialect: ${dialect}\ndatabases:\n  - name: ${name}\n    sources: ["db/*.sql"]\n`;
}
