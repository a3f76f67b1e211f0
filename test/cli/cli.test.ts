/** The real `spif` bin: exit codes, formats, located errors without stack traces. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { reportSchema } from '../../src/report/model.js';

const repo = path.resolve(__dirname, '../..');

async function spif(args: string[], cwd = repo, env: NodeJS.ProcessEnv = {}) {
  return runBin(args, cwd, { LANG: 'C', NO_COLOR: '1', ...env });
}

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'spif-cli-'));
}

describe('spif scan', () => {
  it('prints the text report of the bundled sample (what npm start runs) and exits 0', async () => {
    const r = await spif(['scan', 'fixtures/insurer']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('bango.public.bango_kanri');
    expect(r.stdout).toMatch(/Specific personal information files \(6\)/);
    expect(r.stderr).toBe('');
  });

  it('speaks Japanese with --lang ja and when the locale is Japanese', async () => {
    const flag = await spif(['scan', 'fixtures/insurer', '--lang', 'ja']);
    expect(flag.stdout).toContain('特定個人情報ファイル');
    expect(flag.stdout).toContain('個人番号を保持');
    const locale = await spif(['scan', 'fixtures/insurer'], repo, { LANG: 'ja_JP.UTF-8' });
    expect(locale.stdout).toContain('個人番号を保持');
  });

  it('writes the 評価書 (markdown, html) in Japanese whatever the locale, English with --lang en', async () => {
    for (const env of [{ LANG: 'C' }, { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' }, { LANG: 'ja_JP.UTF-8' }]) {
      const md = await spif(['scan', 'fixtures/insurer', '--format', 'markdown'], repo, env);
      expect(md.code).toBe(0);
      expect(md.stdout.startsWith('# 特定個人情報保護評価書（全項目評価書）の下書き\n'), JSON.stringify(env)).toBe(
        true,
      );
      expect(md.stdout).toContain('## Ⅱ 特定個人情報ファイルの概要');
    }
    const html = await spif(['scan', 'fixtures/insurer', '--format', 'html'], repo, { LANG: 'C' });
    expect(html.stdout).toContain('<html lang="ja">');
    // The 評価書 travels as JSON data in the explorer page (inserted when its tab is opened).
    expect(html.stdout).toContain('\\u003csection id=\\"hyoukasho\\" class=\\"hyoukasho\\"\\u003e');
    const en = await spif(['scan', 'fixtures/insurer', '--format', 'markdown', '--lang', 'en']);
    expect(en.stdout).toContain('## II Outline of the specific personal information files');
    // The terminal report still follows the locale.
    expect((await spif(['scan', 'fixtures/insurer'])).stdout).toMatch(/Specific personal information files \(6\)/);
  });

  it('writes a JSON report that matches the report schema, to --out', async () => {
    const dir = tmpdir();
    const out = path.join(dir, 'report.json');
    const r = await spif(['scan', 'fixtures/insurer', '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const report = reportSchema.parse(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(report.summary).toMatchObject({ relations: 12, specific: 6, notSpecific: 6, errors: 0 });
  });

  it('gives the same JSON twice (stable output for CI)', async () => {
    const a = await spif(['scan', 'fixtures/insurer', '--format', 'json']);
    const b = await spif(['scan', 'fixtures/insurer', '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('reports a syntax error with file:line:column, reads the rest, and exits 0', async () => {
    const dir = tmpdir();
    fs.writeFileSync(
      path.join(dir, 'a.sql'),
      'CREATE TABLE a (kojin_bango char(12));\nCREATE TABLE b (x int,;\nCREATE TABLE c (y int);\n',
    );
    const r = await spif(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.relations.map((x) => x.name)).toEqual(['a', 'c']);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'SPIF-SQL-SYNTAX', line: 2, column: 23 }),
    ]);
  });

  it('exits 2 without a stack trace on a missing path', async () => {
    const r = await spif(['scan', 'no/such/dir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('spif: no/such/dir: no such file or directory\n');
  });

  it('exits 2 on a bad flag', async () => {
    const r = await spif(['scan', '--format', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'nope' is invalid");
  });

  it('exits 2 on an invalid config, listing every problem as file:line: key: message', async () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, 'spif.config.yaml'), 'version: 1\nprincpals: []\ninferLinks: maybe\n');
    fs.writeFileSync(path.join(dir, 'a.sql'), 'CREATE TABLE a (id int);\n');
    const r = await spif(['scan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/spif\.config\.yaml:2: princpals: .*did you mean 'principals'/);
    expect(r.stderr).toMatch(/spif\.config\.yaml:3: inferLinks: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('spif init', () => {
  it('writes a starter config that spif then accepts', async () => {
    const dir = tmpdir();
    expect((await spif(['init', dir])).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'a.sql'), 'CREATE TABLE a (id int);\n');
    const r = await spif(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect((await spif(['init', dir])).code).toBe(2); // refuses to overwrite
  });
});
