/**
 * Linter conventions through the real bin (issue 19.6 and 19.9): --quiet, --max-warnings,
 * --color/--no-color, -o on every command that writes, the diagnostics count on the first lines,
 * --diagnostics-first, --dialect aliases, principal labels.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';

const repo = path.resolve(__dirname, '../..');

async function spif(args: string[], cwd = repo, env: NodeJS.ProcessEnv = {}) {
  return runBin(args, cwd, { LANG: 'C', NO_COLOR: '', FORCE_COLOR: '', CI: '1', ...env });
}

// A folder with one warning (a foreign key to an undefined table) and one error (a syntax error).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-conv-'));
fs.writeFileSync(
  path.join(dir, 'a.sql'),
  'CREATE TABLE bango (atena_no text PRIMARY KEY, kojin_bango char(12));\nCREATE TABLE t (x int REFERENCES nowhere (id));\n',
);
fs.writeFileSync(path.join(dir, 'b.sql'), 'CREATE TABLE broken (;\n');
const warningsOnly = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-conv-'));
fs.writeFileSync(path.join(warningsOnly, 'a.sql'), 'CREATE TABLE t (x int REFERENCES nowhere (id));\n');
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(warningsOnly, { recursive: true, force: true });
});

describe('diagnostics before the report', () => {
  it('the second line counts errors and warnings; --diagnostics-first lists them before the relations', async () => {
    const r = await spif(['scan', dir]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(/^2 relations: 1 specific, 1 not specific; 1 error, 1 warning$/);
    const first = await spif(['scan', dir, '--diagnostics-first']);
    const out = first.stdout;
    expect(out.indexOf('■ Diagnostics')).toBeGreaterThan(0);
    expect(out.indexOf('■ Diagnostics')).toBeLessThan(out.indexOf('■ Specific'));
    expect(out).toMatch(/b\.sql:1:\d+: error SPIF-SQL-SYNTAX/);
    expect(out.match(/■ Diagnostics/g)).toHaveLength(1);
  });
});

describe('--quiet', () => {
  it('scan: warnings left out (and counted), errors kept', async () => {
    const r = await spif(['scan', dir, '--quiet']);
    expect(r.stdout).toContain('SPIF-SQL-SYNTAX');
    expect(r.stdout).not.toContain('SPIF-LINK-UNKNOWN-TARGET');
    expect(r.stdout).toContain('1 warning or note left out (--quiet)');
    const loud = await spif(['scan', dir]);
    expect(loud.stdout).toContain('SPIF-LINK-UNKNOWN-TARGET');
  });
  it('check: only what fails or is an error is listed; JSON stays complete', async () => {
    const cfg = path.join(dir, 'spif.config.yaml');
    fs.writeFileSync(
      cfg,
      'version: 1\nfiles:\n  - { name: 番号, relations: ["default.public.bango"] }\n  - { name: 空, relations: ["default.public.t"] }\ninventory: [番号, 空]\n',
    );
    try {
      const loud = await spif(['check', dir]);
      expect(loud.stdout).toContain('SPIF-CHECK-NOT-SPECIFIC');
      const quiet = await spif(['check', dir, '-q']);
      expect(quiet.stdout).not.toContain('SPIF-CHECK-NOT-SPECIFIC');
      expect(quiet.stdout).toContain('SPIF-SQL-SYNTAX');
      const json = JSON.parse((await spif(['check', dir, '-q', '--format', 'json'])).stdout);
      expect(json.findings.map((f: { code: string }) => f.code)).toContain('SPIF-CHECK-NOT-SPECIFIC');
    } finally {
      fs.rmSync(cfg);
    }
  });
});

describe('--max-warnings', () => {
  it('scan exits 1 with a message when warnings exceed N, 0 at N', async () => {
    const over = await spif(['scan', warningsOnly, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('spif: too many warnings: 1 (more than --max-warnings 0)\n');
    expect(over.stdout).toContain('SPIF-LINK-UNKNOWN-TARGET'); // the report is still written
    expect((await spif(['scan', warningsOnly, '--max-warnings', '1'])).code).toBe(0);
    const ja = await spif(['scan', warningsOnly, '--max-warnings', '0', '--lang', 'ja']);
    expect(ja.stderr).toContain('警告が多すぎる: 1 件（--max-warnings 0 を超えた）');
  });
  it('check counts its own warnings; a bad value is a usage error', async () => {
    const cfg = path.join(warningsOnly, 'spif.config.yaml');
    fs.writeFileSync(cfg, 'version: 1\nfiles:\n  - { name: 空, relations: ["default.public.t"] }\ninventory: [空]\n');
    try {
      const r = await spif(['check', warningsOnly, '--max-warnings', '0']);
      expect(r.code).toBe(1);
      // The inventory file no longer specific, and the scan's own warning (the foreign key to nowhere).
      expect(r.stderr).toMatch(/too many warnings: 2 \(more than --max-warnings 0\)/);
      expect((await spif(['check', warningsOnly, '--max-warnings', '2'])).code).toBe(0);
      expect((await spif(['check', warningsOnly])).code).toBe(0);
    } finally {
      fs.rmSync(cfg);
    }
    const bad = await spif(['scan', warningsOnly, '--max-warnings', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-warnings many: expected a whole number/);
  });
});

describe('--color / --no-color', () => {
  const ESC = '\u001b[';
  it('colours a pipe only with --color; --no-color wins over FORCE_COLOR; NO_COLOR turns colour off', async () => {
    expect((await spif(['scan', 'fixtures/insurer'])).stdout).not.toContain(ESC);
    expect((await spif(['scan', 'fixtures/insurer', '--color'])).stdout).toContain(ESC);
    expect((await spif(['scan', 'fixtures/insurer', '--no-color'], repo, { FORCE_COLOR: '1' })).stdout).not.toContain(
      ESC,
    );
    expect((await spif(['check', 'fixtures/insurer', '--color'])).stdout).toContain(ESC);
    expect((await spif(['explain', 'bango_kanri', 'fixtures/insurer', '--color'])).stdout).toContain(ESC);
    expect((await spif(['scan', 'fixtures/insurer'], repo, { NO_COLOR: '1', FORCE_COLOR: '1' })).stdout).not.toContain(
      ESC,
    );
  });
});

describe('-o on every command that writes', () => {
  it('scan, check, explain and snapshot accept -o (snapshot: checked up to its URL validation)', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-o-'));
    try {
      for (const [name, args] of [
        ['scan.json', ['scan', 'fixtures/insurer', '-f', 'json']],
        ['check.md', ['check', 'fixtures/insurer', '-f', 'markdown']],
        ['explain.txt', ['explain', 'bango_kanri', 'fixtures/insurer']],
      ] as const) {
        const r = await spif([...args, '-o', path.join(out, name)]);
        expect(r.code, name).toBe(0);
        expect(r.stdout, name).toBe('');
        expect(fs.statSync(path.join(out, name)).size, name).toBeGreaterThan(100);
      }
      const help = await spif(['snapshot', '--help']);
      expect(help.stdout).toMatch(/-o, --out <file>/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('small things (issue 19.9)', () => {
  it('--dialect postgres and pg mean postgresql; a typo gets a suggestion and exit 2', async () => {
    const a = await spif(['scan', 'fixtures/insurer', '--dialect', 'postgres', '-f', 'json']);
    const b = await spif(['scan', 'fixtures/insurer', '--dialect', 'postgresql', '-f', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect((await spif(['scan', 'fixtures/insurer', '--dialect', 'pg'])).code).toBe(0);
    const typo = await spif(['scan', 'fixtures/insurer', '--dialect', 'mysq']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown dialect; did you mean 'mysql'\?/);
  });
  it('PUBLIC is labelled once', async () => {
    const r = await spif(['scan', 'fixtures/insurer']);
    expect(r.stdout).toContain('  PUBLIC (every role)\n');
    expect(r.stdout).not.toContain('PUBLIC (PUBLIC');
    const ja = await spif(['scan', 'fixtures/insurer', '--lang', 'ja']);
    expect(ja.stdout).toContain('  PUBLIC (全ロール)\n');
  });
});
