/**
 * Every fixture project scanned under `--lang ja` (issue 19.4): each diagnostic it emits is a
 * catalogue entry rendered in Japanese, except the codes listed in NOT_YET_ENTRIES, whose readers
 * still write English messages (they are shown in Japanese as the code's meaning followed by the
 * English message). A newly converted code must be taken off the list; a code newly emitted
 * without an entry fails here.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../src/report/messages.js';
import { runBin } from '../helpers/bin.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Codes the fixture projects emit whose readers do not write catalogue entries yet: none left. */
const NOT_YET_ENTRIES = new Set<string>([]);

/** Every folder under fixtures/ that holds a spif config: the fixture projects. */
function projects(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) projects(p, out);
    else if (/^spif\.config\.(ya?ml|json)$/.test(name)) out.push(dir);
  }
  return out;
}

type Diag = { code: string; message: string; text?: { key: string; args: unknown[] }; file?: string };

describe('diagnostics of every fixture project under --lang ja', () => {
  // fixtures/config holds configs made to be refused (test/config): no scan to read there.
  const dirs = [...new Set(projects(FIXTURES))].filter((d) => !d.startsWith(path.join(FIXTURES, 'config')));

  it(
    'are catalogue entries rendered in Japanese (or a code still listed as not converted)',
    { timeout: 600_000 },
    async () => {
      expect(dirs.length).toBeGreaterThan(20);
      const seen: Diag[] = [];
      // Two at a time: the machine's two cores.
      for (let i = 0; i < dirs.length; i += 2) {
        const runs = await Promise.all(
          dirs.slice(i, i + 2).map((d) => runBin(['scan', '.', '--format', 'json', '--lang', 'ja'], d)),
        );
        for (const [j, r] of runs.entries()) {
          expect(r.stdout, `${dirs[i + j]}: ${r.stderr}`).not.toBe('');
          seen.push(...(JSON.parse(r.stdout).diagnostics as Diag[]));
        }
      }
      expect(seen.length).toBeGreaterThan(0);
      const missing = new Map<string, string>();
      for (const d of seen) {
        const ja = diagnosticMessage('ja', d as Parameters<typeof diagnosticMessage>[1]);
        expect(ja, d.message).toMatch(JAPANESE);
        if (!d.text && !NOT_YET_ENTRIES.has(d.code)) missing.set(d.code, d.message);
        if (d.text) expect(ja, `${d.code} ${d.text.key}`).not.toBe(d.message);
      }
      expect(Object.fromEntries(missing)).toEqual({});
    },
  );
});
