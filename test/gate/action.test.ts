/**
 * The CI integrations are executable, like docs/examples/github-actions.yml (workflow.test.ts):
 * the composite GitHub Action (action.yml) runs step by step as the runner would — inputs, step
 * outputs through $GITHUB_OUTPUT, `if:` conditions, bash -e — against temporary git repositories;
 * each pre-commit hook (.pre-commit-hooks.yaml) runs its entry as pre-commit does; and the packed
 * package carries the LICENSE and the docs its SARIF helpUris point to.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TempRepo } from './repo.js';
import { BIN } from '../helpers/bin.js';
import { capture } from '../../src/indexed.js';
import { SOURCE_EXTENSIONS } from '../../src/sources/registry.js';

const root = path.resolve(__dirname, '../..');
const repos: TempRepo[] = [];
const shim = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-bin-'));
// `spif` on PATH, as pre-commit's node environment provides it.
fs.writeFileSync(path.join(shim, 'spif'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
afterAll(() => {
  for (const r of repos) r.cleanup();
  fs.rmSync(shim, { recursive: true, force: true });
});

function repo(change?: (r: TempRepo) => void): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  change?.(r);
  return r;
}
const linkJukyu = (r: TempRepo) =>
  r.append('db/001_tables.sql', 'ALTER TABLE jukyu ADD FOREIGN KEY (atena_no_ref) REFERENCES bango (atena_no);\n');

interface ActionStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as Action;

/** `${{ … }}` and `if:` as the runner evaluates them, for the expressions action.yml uses. */
function value(
  expr: string,
  ctx: { inputs: Record<string, string>; outputs: Record<string, Record<string, string>> },
): string {
  const e = expr.trim();
  let m = /^inputs\.([\w-]+)$/.exec(e);
  if (m) return ctx.inputs[capture(m, 1)] ?? '';
  m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
  if (m) return ctx.outputs[capture(m, 1)]?.[capture(m, 2)] ?? '';
  m = /^'([^']*)'$/.exec(e);
  if (m) return capture(m, 1);
  throw new Error(`action.yml uses the expression ${e}, which the test cannot evaluate`);
}
function expand(text: string, ctx: Parameters<typeof value>[1]): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => value(e, ctx));
}
function condition(expr: string, ctx: Parameters<typeof value>[1]): boolean {
  return expr.split('&&').every((part) => {
    const m = /^(.+?)\s*==\s*(.+)$/.exec(part.trim());
    if (!m) throw new Error(`cannot evaluate if: ${expr}`);
    return value(capture(m, 1), ctx) === value(capture(m, 2), ctx);
  });
}

/** Runs the composite action's steps in `cwd`; `uses:` steps are recorded, the install step is checked, not run. */
function runAction(cwd: string, given: Record<string, string> = {}) {
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) inputs[k] = given[k] ?? v.default ?? '';
  const ctx = { inputs, outputs: {} as Record<string, Record<string, string>> };
  const used: string[] = [];
  let log = '';
  let failedWith: number | undefined;
  for (const step of action.runs.steps) {
    if (step.if && !condition(step.if, ctx)) continue;
    if (step.uses) {
      used.push(step.uses);
      continue;
    }
    if (step.id === 'install') continue; // npm ci of this repository: already done for the tests
    expect(step.shell, `${step.name} names its shell (composite actions require it)`).toBe('bash');
    const outFile = path.join(cwd, `.github-output-${step.id ?? 'x'}`);
    fs.writeFileSync(outFile, '');
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      GITHUB_ACTION_PATH: root,
      GITHUB_OUTPUT: outFile,
      LANG: 'C',
      NO_COLOR: '1',
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(String(v), ctx);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run!, ctx)], {
      cwd,
      env,
      encoding: 'utf8',
    });
    log += r.stdout + r.stderr;
    if (step.id)
      ctx.outputs[step.id] = Object.fromEntries(
        fs
          .readFileSync(outFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split('=', 2) as [string, string]),
      );
    fs.rmSync(outFile);
    if (r.status !== 0) {
      failedWith = r.status ?? -1;
      break;
    }
  }
  const exitCode = action.outputs['exit-code'];
  if (!exitCode) throw new Error('action.yml has no exit-code output');
  return { exitCode: expand(exitCode.value, ctx), used, log, failedWith };
}

describe('action.yml (composite GitHub Action)', () => {
  it('is a composite action that installs spif from this repository', () => {
    expect(action.runs.using).toBe('composite');
    const install = action.runs.steps.find((s) => s.id === 'install')!;
    expect(install.run).toContain('npm ci --prefix "$GITHUB_ACTION_PATH"');
    // npm ci builds dist/ through the prepare script; the check step runs that build.
    expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.prepare).toBe('npm run build');
  });

  it('passes a repository whose inventory covers every specific relation, and uploads the SARIF', () => {
    const r = repo();
    const run = runAction(r.dir);
    expect(run.failedWith).toBeUndefined();
    expect(run.exitCode).toBe('0');
    expect(run.used).toContain('github/codeql-action/upload-sarif@v3');
    const sarif = JSON.parse(fs.readFileSync(path.join(r.dir, 'spif-check.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
  });

  it('fails the step with exit 1 when a table became specific, still uploads, and logs why', () => {
    const r = repo(linkJukyu);
    const run = runAction(r.dir, { paths: '.', args: '--lang en' });
    expect(run.exitCode).toBe('1');
    expect(run.failedWith).toBe(1);
    expect(run.used).toContain('github/codeql-action/upload-sarif@v3');
    expect(run.log).toContain('SPIF-CHECK-UNCOVERED');
    expect(run.log).toContain('::error title=spif check::spif check exited 1');
  });

  it('exits 2 without uploading when spif cannot read its input, and honours upload-sarif: false', () => {
    const r = repo();
    const bad = runAction(r.dir, { args: '--config missing.yaml' });
    expect(bad.exitCode).toBe('2');
    expect(bad.failedWith).toBe(2);
    expect(bad.used).not.toContain('github/codeql-action/upload-sarif@v3');
    expect(runAction(r.dir, { 'upload-sarif': 'false' }).used).not.toContain('github/codeql-action/upload-sarif@v3');
  });
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
  files?: string;
}
const hooks = parse(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

describe('.pre-commit-hooks.yaml', () => {
  const hook = (id: string) => hooks.find((h) => h.id === id)!;
  /** pre-commit runs `entry` split on spaces, in the repository root, with no file names here. */
  const runHook = (h: Hook, cwd: string) => {
    const [cmd = '', ...args] = h.entry.split(' ');
    return spawnSync(cmd, args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${shim}${path.delimiter}${process.env.PATH}`, LANG: 'C', NO_COLOR: '1' },
    });
  };

  it('defines node hooks that run on schema sources and the config', () => {
    expect(hooks.map((h) => h.id)).toEqual(['spif-check', 'spif-diff']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      expect(h.pass_filenames).toBe(false);
      const files = new RegExp(h.files!);
      for (const f of [
        'db/001_tables.sql',
        'schema.prisma',
        'src/entities/user.ts',
        'spif.config.yaml',
        'db/spif.config.json',
        '.spifignore',
        // every file name ending a reader takes (src/sources/readers.ts)
        ...SOURCE_EXTENSIONS.map((ext) => `db/x.${ext}`),
      ])
        expect(files.test(f), f).toBe(true);
      for (const f of ['README.md', 'notspif.config.yaml.bak']) expect(files.test(f), f).toBe(false);
    }
  });

  it('spif-check passes a covered repository and fails a change that makes a table specific', () => {
    expect(runHook(hook('spif-check'), repo().dir).status).toBe(0);
    const failed = runHook(hook('spif-check'), repo(linkJukyu).dir);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('SPIF-CHECK-UNCOVERED');
  });

  it('spif-diff compares the staged tree with HEAD', () => {
    expect(runHook(hook('spif-diff'), repo().dir).status).toBe(0);
    const failed = runHook(hook('spif-diff'), repo(linkJukyu).dir);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('became specific');
  });
});

describe('the npm package', () => {
  it('ships LICENSE (MIT), the bin and the docs the SARIF helpUris point to', () => {
    expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).license).toBe('MIT');
    const [pack] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as [{ files: { path: string }[] }];
    const files = pack.files.map((f) => f.path);
    for (const f of [
      'LICENSE',
      'README.md',
      'package.json',
      'dist/cli/main.js',
      'docs/ci.md',
      'docs/output.md',
      'docs/diagnostics.md',
      'docs/rules.md',
    ])
      expect(files, f).toContain(f);
    expect(files.some((f) => f.startsWith('test/') || f.startsWith('src/'))).toBe(false);
  });
});
