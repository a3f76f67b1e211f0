/** The real `spif` bin for check, diff and explain: exit codes 0, 1 and 2, and no stack traces. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { TempRepo } from './repo.js';

async function spif(args: string[], cwd: string) {
  return runBin(args, cwd);
}

const clean = new TempRepo();
const linked = new TempRepo();
linked.append('db/001_tables.sql', 'ALTER TABLE jukyu ADD FOREIGN KEY (atena_no_ref) REFERENCES bango (atena_no);\n');
const notGit = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-nogit-'));
fs.writeFileSync(path.join(notGit, 'a.sql'), 'CREATE TABLE a (kojin_bango char(12));\n');
afterAll(() => {
  clean.cleanup();
  linked.cleanup();
  fs.rmSync(notGit, { recursive: true, force: true });
});

describe('spif check (bin)', () => {
  it('exits 0 when the inventory covers every specific relation, 1 when not', async () => {
    const ok = await spif(['check'], clean.dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('passed');
    const bad = await spif(['check'], linked.dir);
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toContain('SPIF-CHECK-UNCOVERED');
    expect(bad.stderr).toBe('');
  });

  it('writes --out and rejects a format it does not have with exit 2', async () => {
    const out = path.join(linked.dir, 'check.sarif');
    const r = await spif(['check', '--format', 'sarif', '--out', out], linked.dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).version).toBe('2.1.0');
    const html = await spif(['check', '--format', 'html'], clean.dir);
    expect(html.code).toBe(2);
  });
});

describe('spif diff (bin)', () => {
  it('exits 0 without changes and 1 when something became specific', async () => {
    expect((await spif(['diff', '--base', 'HEAD'], clean.dir)).code).toBe(0);
    const r = await spif(['diff', '--base', 'HEAD', '--format', 'json'], linked.dir);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.stdout);
    expect(
      result.changes
        .filter((c: { kind: string }) => c.kind === 'became-specific')
        .map((c: { relation: string }) => c.relation),
    ).toEqual(['kyufu.public.jukyu', 'kyufu.public.shiharai']);
  });

  it('exits 2 with a one-line message for a missing or unknown --base, or outside git', async () => {
    const missing = await spif(['diff'], clean.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--base/);
    const unknown = await spif(['diff', '--base', 'no-such-ref'], clean.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^spif: --base no-such-ref: not a commit/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const outside = await spif(['diff', '--base', 'HEAD'], notGit);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/not inside a git repository/);
    expect((await spif(['diff', '--base', 'HEAD', '--fail-on', 'whatever'], clean.dir)).code).toBe(2);
  });
});

describe('spif explain (bin)', () => {
  it('exits 0 with the chain, 2 for an unknown relation', async () => {
    const r = await spif(['explain', 'jukyu'], linked.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'kyufu-system: kyufu.public.jukyu.atena_no_ref →(foreign key) kyufu.public.bango.atena_no ⇒ kyufu.public.bango.kojin_bango',
    );
    const unknown = await spif(['explain', 'nope'], linked.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('spif: nope: no such relation');
  });
});
