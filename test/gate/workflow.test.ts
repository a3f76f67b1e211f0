/**
 * The CI docs are executable: the spif steps of docs/examples/github-actions.yml and the generic
 * recipe in docs/ci.md run, exactly as written, against temporary git repositories (a PR that
 * changes nothing relevant, and a PR that links a table to the number).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TempRepo, git } from './repo.js';
import { BIN } from '../helpers/bin.js';
import { capture, nth } from '../../src/indexed.js';

const root = path.resolve(__dirname, '../..');
const shim = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-bin-'));
// `spif` on PATH, as `npm install --global spif` would provide it.
fs.writeFileSync(path.join(shim, 'spif'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
const repos: TempRepo[] = [];
afterAll(() => {
  fs.rmSync(shim, { recursive: true, force: true });
  for (const r of repos) r.cleanup();
});

/** A repository with `main` as the base and a checked-out PR branch with one more commit. */
function pullRequest(change: (r: TempRepo) => void): { repo: TempRepo; baseSha: string } {
  const repo = new TempRepo();
  repos.push(repo);
  const baseSha = git(repo.dir, 'rev-parse', 'HEAD').trim();
  git(repo.dir, 'checkout', '-q', '-b', 'pr');
  change(repo);
  repo.commit('the pull request');
  return { repo, baseSha };
}

const linkJukyu = (r: TempRepo) =>
  r.append('db/001_tables.sql', 'ALTER TABLE jukyu ADD FOREIGN KEY (atena_no_ref) REFERENCES bango (atena_no);\n');
const harmless = (r: TempRepo) => r.append('db/001_tables.sql', "COMMENT ON TABLE jukyu IS '受給';\n");

interface Step {
  id?: string;
  name?: string;
  run?: string;
  env?: Record<string, string>;
  if?: string;
  'continue-on-error'?: boolean;
}

const workflow = parse(fs.readFileSync(path.join(root, 'docs/examples/github-actions.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const steps = nth(Object.values(workflow.jobs), 0).steps;
const spifSteps = steps.filter((s) => s.run && /^\s*spif\s/m.test(s.run));

function expand(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    const v = Object.hasOwn(context, expr) ? context[expr] : undefined;
    if (v === undefined) throw new Error(`workflow uses \${{ ${expr} }}, which the test does not provide`);
    return v;
  });
}

/** Runs the spif steps as the runner does (bash -eo pipefail), then the job's own failure condition. */
function runWorkflow(repo: TempRepo, baseSha: string): { outcomes: Record<string, number>; jobFails: boolean } {
  const context = {
    'github.event.pull_request.base.sha': baseSha,
    'github.event.pull_request.number': '1',
    'github.token': 'unused',
  };
  const outcomes: Record<string, number> = {};
  for (const step of spifSteps) {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PATH: `${shim}${path.delimiter}${process.env.PATH}`,
      LANG: 'C',
      NO_COLOR: '1',
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(String(v), context);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run!, context)], {
      cwd: repo.dir,
      env,
      encoding: 'utf8',
    });
    outcomes[step.id ?? step.name!] = r.status ?? -1;
  }
  const failStep = steps.find((s) => s.if && /steps\.\w+\.outcome/.test(s.if) && s.run?.trim() === 'exit 1');
  expect(failStep, 'a final step that fails the job on a failed gate').toBeDefined();
  const jobFails = failStep!.if!.split('||').some((cond) => {
    const m = /steps\.(\w+)\.outcome\s*==\s*'failure'/.exec(cond);
    if (!m) throw new Error(`cannot evaluate ${cond}`);
    return (outcomes[capture(m, 1)] ?? 0) !== 0;
  });
  return { outcomes, jobFails };
}

describe('docs/examples/github-actions.yml', () => {
  it('runs check and diff, keeps going after a failed gate, and fetches full history', () => {
    expect(spifSteps.map((s) => s.id)).toEqual(['check', 'diff']);
    for (const s of spifSteps) expect(s['continue-on-error']).toBe(true);
    const checkout = steps.find((s) => (s as { uses?: string }).uses?.startsWith('actions/checkout'));
    expect((checkout as { with?: { 'fetch-depth'?: number } }).with?.['fetch-depth']).toBe(0);
  });

  it('passes a pull request that changes nothing specific', () => {
    const { repo, baseSha } = pullRequest(harmless);
    const { outcomes, jobFails } = runWorkflow(repo, baseSha);
    expect(outcomes).toEqual({ check: 0, diff: 0 });
    expect(jobFails).toBe(false);
    expect(fs.readFileSync(path.join(repo.dir, 'spif-diff.md'), 'utf8')).toMatch(/^<!-- spif-diff -->\n## ✅/);
    expect(JSON.parse(fs.readFileSync(path.join(repo.dir, 'spif-check.sarif'), 'utf8')).runs[0].results).toEqual([]);
  });

  it('fails a pull request that links a table to the number, with the reason in the PR comment and SARIF', () => {
    const { repo, baseSha } = pullRequest(linkJukyu);
    const { outcomes, jobFails } = runWorkflow(repo, baseSha);
    expect(outcomes).toEqual({ check: 1, diff: 1 });
    expect(jobFails).toBe(true);
    const comment = fs.readFileSync(path.join(repo.dir, 'spif-diff.md'), 'utf8');
    expect(comment).toContain('## ❌');
    expect(comment).toContain('`kyufu.public.jukyu` became specific');
    expect(comment).toContain('`kyufu.public.jukyu.atena_no_ref` →(foreign key) `kyufu.public.bango.atena_no`');
    const sarif = JSON.parse(fs.readFileSync(path.join(repo.dir, 'spif-check.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual([
      'SPIF-CHECK-UNCOVERED',
      'SPIF-CHECK-UNCOVERED',
    ]);
  });
});

describe('docs/ci.md generic recipe', () => {
  const doc = fs.readFileSync(path.join(root, 'docs/ci.md'), 'utf8');
  const recipe = /<!-- ci-recipe -->\n```sh\n([\s\S]*?)```/.exec(doc)?.[1];

  function runRecipe(repo: TempRepo, baseRef: string) {
    return spawnSync('sh', ['-c', recipe!], {
      cwd: repo.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${shim}${path.delimiter}${process.env.PATH}`,
        LANG: 'C',
        NO_COLOR: '1',
        BASE_REF: baseRef,
      },
    });
  }

  it('is in the docs', () => {
    expect(recipe).toMatch(/spif diff --base "\$BASE_REF"/);
  });

  it('exits 0 for a harmless change, 1 when a table becomes specific, 2 for a bad base ref', () => {
    const ok = pullRequest(harmless);
    const passed = runRecipe(ok.repo, ok.baseSha);
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    const bad = pullRequest(linkJukyu);
    const r = runRecipe(bad.repo, bad.baseSha);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('SPIF-CHECK-UNCOVERED');
    expect(r.stdout).toContain('`kyufu.public.jukyu` became specific');
    expect(runRecipe(bad.repo, 'not-a-ref').status).toBe(2);
  });
});
