/**
 * The real bin on what a newcomer types (issue 19.1, 19.2): the config found upward from a
 * subfolder and named in the header, --no-config, and empty or wrong input refused with what was
 * searched instead of a report that passes on nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';

const repo = path.resolve(__dirname, '../..');

async function spif(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return runBin(args, cwd, { LANG: 'C', NO_COLOR: '1', ...env });
}

/** A folder with a `.git` marker, so the config lookup stops there as at a repository's top. */
function repoDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-input-'));
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('config discovery', () => {
  it('cd db && spif scan . finds the sample config in the parent folder and says so', async () => {
    const r = await spif(['scan', '.'], path.join(repo, 'fixtures/insurer/db'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Specific personal information files \(6\)/);
    expect(r.stdout).toContain('config: ../spif.config.yaml');
    const ja = await spif(['scan', '.'], path.join(repo, 'fixtures/insurer/db'), { LANG: 'ja_JP.UTF-8' });
    expect(ja.stdout).toContain('設定ファイル: ../spif.config.yaml');
  });

  it('--no-config reads none and the header says what was assumed; JSON records it', async () => {
    const r = await spif(['scan', '.', '--no-config'], path.join(repo, 'fixtures/insurer'));
    expect(r.stdout).toMatch(/config: not read \(--no-config\); assumed: every source is one database "default"/);
    const json = await spif(['scan', '.', '--no-config', '--format', 'json'], path.join(repo, 'fixtures/insurer'));
    expect(JSON.parse(json.stdout).config).toEqual({ source: 'disabled' });
    const found = await spif(['scan', 'db', '--format', 'json'], path.join(repo, 'fixtures/insurer'));
    expect(JSON.parse(found.stdout).config).toEqual({ source: 'discovered', file: 'spif.config.yaml' });
  });

  it('no config found: the header says where spif looked (up to the repository root)', async () => {
    const dir = repoDir();
    fs.mkdirSync(path.join(dir, 'db/schema'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'db/schema/a.sql'), 'CREATE TABLE a (kojin_bango char(12));\n');
    const r = await spif(['scan', 'db/schema'], dir);
    expect(r.stdout).toContain('config: none found (looked in db/schema … .); assumed:');
    const check = await spif(['check', 'db/schema', '--format', 'json'], dir);
    expect(JSON.parse(check.stdout).config).toEqual({ source: 'none', searched: ['db/schema … .'] });
  });
});

describe('empty or wrong input is refused', () => {
  it('spif check in an empty folder: exit 2, saying what was searched', async () => {
    const r = await spif(['check'], repoDir());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^spif: no schema source in '\.': no file found/);
    expect(r.stderr).toMatch(/\.sql \.ddl \.pgsql \.psql/);
  });

  it('a file no reader takes: alone exit 2, beside a schema a located warning', async () => {
    const dir = repoDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'memo\n');
    fs.writeFileSync(path.join(dir, 'schema.sql'), 'CREATE TABLE a (id int);\n');
    const alone = await spif(['scan', 'notes.txt'], dir);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/notes\.txt: no reader takes this file .*\[SPIF-SOURCE-NOT-READ\]/);
    const beside = await spif(['scan', 'notes.txt', 'schema.sql', '--format', 'json'], dir);
    expect(beside.code).toBe(0);
    expect(JSON.parse(beside.stdout).diagnostics).toContainEqual(
      expect.objectContaining({ code: 'SPIF-SOURCE-NOT-READ', file: 'notes.txt', severity: 'warning' }),
    );
  });

  it('a sources glob that matches nothing is a config error naming it with its line', async () => {
    const dir = repoDir();
    fs.mkdirSync(path.join(dir, 'db'));
    fs.writeFileSync(path.join(dir, 'db/a.sql'), 'CREATE TABLE a (id int);\n');
    fs.writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      'version: 1\ndatabases:\n  - name: bango\n    sources:\n      - "db/*.sql"\n      - "db/bango/*.sqll"\n',
    );
    const r = await spif(['check'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("spif.config.yaml:6: databases.0.sources.1: 'db/bango/*.sqll' matches no file");
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
