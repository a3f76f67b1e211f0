/**
 * The CI integrations name no repository that may not be the user's (issue 19.8): no `OWNER/…`
 * placeholder; the example workflow takes spif's clone URL and ref from repository variables and
 * stops with a message naming them when they are unset.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nth } from '../../src/indexed.js';

const root = path.resolve(import.meta.dirname, '../..');
const files = ['action.yml', '.pre-commit-hooks.yaml', 'docs/examples/github-actions.yml', 'docs/ci.md', 'README.md'];

describe('installing spif in CI', () => {
  it('has no OWNER placeholder in the action, the hooks, the example workflow or the docs', () => {
    for (const f of files) expect(fs.readFileSync(path.join(root, f), 'utf8'), f).not.toMatch(/\bOWNER\/spif\b/);
  });

  it("the example workflow's install step refuses to run without SPIF_REPOSITORY and SPIF_REF", () => {
    const workflow = parse(fs.readFileSync(path.join(root, 'docs/examples/github-actions.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { name?: string; env?: Record<string, string>; run?: string }[] }>;
    };
    const install = nth(Object.values(workflow.jobs), 0).steps.find((s) => s.name === 'Install spif')!;
    expect(install.env).toEqual({ SPIF_REPOSITORY: '${{ vars.SPIF_REPOSITORY }}', SPIF_REF: '${{ vars.SPIF_REF }}' });
    // An unset repository variable expands to '' on the runner: run the step's guard lines so.
    const guards = install.run!.split('\n').filter((l) => l.startsWith(': '));
    expect(guards).toHaveLength(2);
    for (const [repo, ref, missing] of [
      ['', 'v0.1.0', 'SPIF_REPOSITORY'],
      ['https://example.invalid/spif.git', '', 'SPIF_REF'],
    ]) {
      const r = spawnSync('bash', ['-eo', 'pipefail', '-c', guards.join('\n')], {
        env: { PATH: process.env.PATH, SPIF_REPOSITORY: repo, SPIF_REF: ref },
        encoding: 'utf8',
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(missing);
    }
  });
});
