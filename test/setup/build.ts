/**
 * Builds dist/ once before the tests, so tests that run the real `spif` bin exercise the code
 * under test and never a stale build. Type errors do not stop the tests here (tsc still emits):
 * `npm run build` (run by `npm ci`) and `npm run typecheck` in .ci/run fail on them.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const r = spawnSync(
    process.execPath,
    [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  );
  if (r.status !== 0)
    process.stderr.write(`test setup: tsc reported errors (dist/ was still emitted):\n${r.stdout}${r.stderr}`);
}
