/**
 * Ignore patterns (issue 19.6): a `.spifignore` (gitignore syntax) and the config's `ignore:`,
 * applied by the one discovery to directory scans, `sources:` globs and the git tree `spif diff`
 * compares. Real bin, on a repository laid out with a legacy folder and backups.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinSync } from '../helpers/bin.js';

function repo(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-ignore-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function run(args: string[], cwd: string) {
  const r = runBinSync([...args, '--format', 'json'], cwd, { LANG: 'C' });
  return { code: r.status, json: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
}

const ids = (json: { relations: { id: string }[] }) => json.relations.map((r) => r.id).sort();
const ignoredNote = (json: { diagnostics: { code: string; message: string }[] }) =>
  json.diagnostics.find((d) => d.code === 'SPIF-SOURCE-IGNORED')?.message;

const LAYOUT = {
  '.git/HEAD': 'ref: refs/heads/main\n', // the repository root for the lookup
  '.spifignore': '# old schemas kept for reference\nlegacy/\n*.bak.sql\n',
  'db/schema.sql': 'CREATE TABLE jumin (atena_bango text PRIMARY KEY, shimei text);\n',
  'db/schema.bak.sql': 'CREATE TABLE jumin_bak (kojin_bango char(12));\n',
  'legacy/old.sql': 'CREATE TABLE old_kojin (kojin_bango char(12));\n',
  'legacy/nested/older.sql': 'CREATE TABLE older (kojin_bango char(12));\n',
};

describe('.spifignore', () => {
  it('leaves out what it matches, and says how many files and which', () => {
    const dir = repo(LAYOUT);
    const { code, json } = run(['scan', '.', '--dialect', 'postgresql'], dir);
    expect(code).toBe(0);
    expect(ids(json)).toEqual(['default.public.jumin']);
    expect(ignoredNote(json)).toMatch(/database default: 3 files left out by .spifignore \[/);
    expect(ignoredNote(json)).toContain('legacy/old.sql');
  });

  it('is found at the repository root from a subfolder; a negation re-includes a file', () => {
    const dir = repo({ ...LAYOUT, '.spifignore': 'legacy/**\n!legacy/old.sql\n*.bak.sql\n' });
    const { json } = run(['scan', '..', '--dialect', 'postgresql'], path.join(dir, 'db'));
    expect(ids(json)).toEqual(['default.public.jumin', 'default.public.old_kojin']);
  });

  it('a file named on the command line is read even when a rule matches it', () => {
    const dir = repo(LAYOUT);
    const { json } = run(['scan', 'legacy/old.sql', '--dialect', 'postgresql'], dir);
    expect(ids(json)).toEqual(['default.public.old_kojin']);
  });
});

describe('ignore: in spif.config.yaml', () => {
  it('applies to sources globs; a glob whose matches are all ignored is no config error', () => {
    const dir = repo({
      ...LAYOUT,
      '.spifignore': '',
      'spif.config.yaml': [
        'version: 1',
        'dialect: postgresql',
        'ignore:',
        '  - "**/*.bak.sql"',
        '  - legacy/nested/',
        'databases:',
        '  - name: kyufu',
        '    sources: ["db/**/*.sql", "legacy/**/*.sql", "legacy/nested/*.sql"]',
        '',
      ].join('\n'),
    });
    const { code, json, stderr } = run(['scan'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(ids(json)).toEqual(['kyufu.public.jumin', 'kyufu.public.old_kojin']);
    expect(ignoredNote(json)).toMatch(/database kyufu: 2 files left out by .spifignore and the config’s ignore:/);
  });

  it('is validated: a pattern must be a non-empty string (exit 2, located)', () => {
    const dir = repo({ 'spif.config.yaml': 'version: 1\nignore:\n  - ""\n', 'a.sql': 'CREATE TABLE t (x int);\n' });
    const r = runBinSync(['scan'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/spif\.config\.yaml:3: ignore\.0/);
  });
});

describe('spif diff reads the .spifignore of the ref it compares', () => {
  it('a table the base ignored and the working tree reads is new (exit 1)', () => {
    const dir = repo({ ...LAYOUT, '.git/HEAD': '' });
    fs.rmSync(path.join(dir, '.git'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@x',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@x',
        },
      });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'base');
    fs.rmSync(path.join(dir, '.spifignore'));
    const { code, json } = run(['diff', '--base', 'HEAD', '--dialect', 'postgresql'], dir);
    expect(code).toBe(1);
    expect(JSON.stringify(json)).toContain('old_kojin');
  });
});
