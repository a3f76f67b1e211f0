/**
 * The CLI in the user's language (issue 19.4): `--help`, commander's usage errors and spif's own
 * user errors are Japanese under a Japanese locale or `--lang ja`, English under the C locale —
 * the real bin, as a user runs it. Also: the Japanese output of every text format of the sample
 * has no English sentence left (identifiers, SQL type names and syntax aside).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { nth } from '../../src/indexed.js';

const repo = path.resolve(import.meta.dirname, '../..');

async function spif(args: string[], env: NodeJS.ProcessEnv, cwd = repo) {
  return runBin(args, cwd, { LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1', ...env });
}

const JA = { LANG: 'ja_JP.UTF-8' };
const C = { LANG: 'C' };
/** Two or more lower-case English words in a row: a sentence fragment left untranslated. */
const ENGLISH = /\b[a-z]{3,}(?: [a-z]{2,}){1,}\b/;

describe('spif --help in the user language', () => {
  it('is Japanese under a Japanese locale: headings, commands and every flag', async () => {
    const top = await spif(['--help'], JA);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^使い方: spif \[オプション\] \[コマンド\]/);
    expect(top.stdout).toContain('コマンド:');
    expect(top.stdout).toContain('コマンドのヘルプを表示する');
    const scan = await spif(['scan', '--help'], JA);
    expect(scan.stdout).toContain('引数:');
    expect(scan.stdout).toContain('オプション:');
    expect(scan.stdout).toContain('（選択肢: "ja", "en"）');
    // Every description line is Japanese: no English words outside flags, placeholders and values.
    for (const cmd of ['scan', 'check', 'diff', 'explain', 'snapshot', 'init']) {
      const help = (await spif([cmd, '--help'], JA)).stdout;
      // The descriptions: what follows a flag or argument after two spaces, and continuation lines.
      const described = help
        .split('\n')
        .filter((l) => /^\s{2,}\S/.test(l))
        .map((l) => /^\s{2}\S.*?\s{2,}(\S.*)$/.exec(l)?.[1] ?? l.trim())
        .map((l) => l.replace(/"[^"]*"|'[^']*'|[\w.-]*[A-Z_/:.@][\w./:@-]*/g, ''));
      for (const line of described) expect(line, `${cmd}: ${line}`).not.toMatch(ENGLISH);
    }
  });

  it('is Japanese with --lang ja under the C locale, and English under the C locale', async () => {
    expect((await spif(['check', '--help', '--lang', 'ja'], C)).stdout).toMatch(/^使い方: spif check/);
    expect((await spif(['check', '--lang=ja', '--help'], C)).stdout).toContain('オプション:');
    const en = await spif(['scan', '--help'], C);
    expect(en.stdout).toMatch(/^Usage: spif scan \[options\] \[paths\.\.\.\]/);
    expect(en.stdout).toContain('classify every table and view');
    expect(en.stdout).not.toMatch(/[ぁ-ん]/); // no Japanese sentence (only the term 特定個人情報ファイル)
    expect((await spif(['scan', '--help', '--lang', 'en'], JA)).stdout).toMatch(/^Usage:/);
  });
});

describe('usage and input errors in the user language, exit 2', () => {
  it("translates commander's errors, with its suggestion", async () => {
    const unknown = await spif(['scan', '--formt', 'json'], JA);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("エラー: 不明なオプション '--formt'\n（もしかして: --format）\n");
    const choice = await spif(['scan', '--format', 'pdf'], JA);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toMatch(
      /^エラー: オプション '-f, --format <format>' の値 'pdf' は使えない。使える値: text, json/,
    );
    expect((await spif(['scn'], JA)).stderr).toBe("エラー: 不明なコマンド 'scn'\n（もしかして: scan）\n");
    expect((await spif(['diff'], JA)).stderr).toBe("エラー: オプション '--base <ref>' の指定が必要\n");
    expect((await spif(['explain'], JA)).stderr).toBe("エラー: 引数 'relation' が必要\n");
    // The C locale keeps commander's English.
    expect((await spif(['scan', '--formt', 'json'], C)).stderr).toBe(
      "error: unknown option '--formt'\n(Did you mean --format?)\n",
    );
  });

  it("says spif's own input errors in Japanese (flags, paths, config, empty input)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-lang-'));
    try {
      expect(await spif(['scan', '--jobs', '0'], JA)).toMatchObject({
        code: 2,
        stderr: 'spif: --jobs 0: スレッド数は 1 以上の整数で指定する\n',
      });
      expect((await spif(['scan', 'nothere'], JA, dir)).stderr).toBe('spif: nothere: ファイル又はディレクトリがない\n');
      expect((await spif(['scan', '-c', 'none.yaml', '.'], JA, dir)).stderr).toBe(
        'spif: --config none.yaml: ファイルがない\n',
      );
      const empty = await spif(['check'], JA, dir);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toMatch(/^spif: '\.' にスキーマのソースがない: ファイルが見つからない\n/);
      expect(empty.stderr).toContain('\n  spif が読むのは SQL（.sql .ddl .pgsql .psql）');
      expect(empty.stderr).not.toContain('spif reads');
      fs.writeFileSync(path.join(dir, 'bad.yaml'), 'databases: 3\n');
      const bad = await spif(['scan', '-c', 'bad.yaml', '.'], JA, dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^spif: 設定ファイル bad\.yaml が正しくない（2 件の問題）\n {2}bad\.yaml:1: /);
      expect((await spif(['explain', 'bango.public.kyufu_jisseki', 'fixtures/insurer'], JA)).stderr).toBe(
        'spif: bango.public.kyufu_jisseki: そのテーブル・ビューはない\n  似た名前: kyufu.public.kyufu_jisseki\n',
      );
      expect((await spif(['explain', 'bango.public.kyufu_jisseki', 'fixtures/insurer'], C)).stderr).toBe(
        'spif: bango.public.kyufu_jisseki: no such relation\n  similar: kyufu.public.kyufu_jisseki\n',
      );
      // English under the C locale, word for word as before.
      expect((await spif(['scan', 'nothere'], C, dir)).stderr).toBe('spif: nothere: no such file or directory\n');
      expect((await spif(['scan', '-c', 'bad.yaml', '.'], C, dir)).stderr).toMatch(
        /^spif: invalid config bad\.yaml \(2 problems\)\n/,
      );
      expect((await spif(['init', dir], JA)).stdout).toMatch(/spif\.config\.yaml を書いた\n$/);
      expect((await spif(['init', dir], JA)).stderr).toMatch(
        /spif\.config\.yaml は既にある（上書きするには --force）\n$/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the config checker's problems in the user language", () => {
  it('writes every located problem in Japanese under a Japanese locale, in English under C', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-lang-config-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'spif.config.yaml'),
        [
          'version: 2',
          'dialect: postgress',
          'databases:',
          '  - name: a.b',
          '    sources: ["x/[a"]',
          '  - name: z',
          '    sources: ["db/*.sql"]',
          'principals:',
          '  - name: p',
          '    connects: [zz]',
          'inferLinkz: true',
          '',
        ].join('\n'),
      );
      const ja = await spif(['scan', '.'], JA, dir);
      expect(ja.code).toBe(2);
      const jaLines = ja.stderr.trimEnd().split('\n');
      expect(jaLines[0]).toBe('spif: 設定ファイル spif.config.yaml が正しくない（6 件の問題）');
      expect(jaLines.slice(1)).toEqual([
        '  spif.config.yaml:1: version: 設定の version 2 には対応していません。この spif が読むのは version: 1 です',
        expect.stringMatching(
          /^ {2}spif\.config\.yaml:2: dialect: 'postgresql', .* のいずれかを書きます（文字列 'postgress'が書かれています）（もしかして: 'postgresql'）$/,
        ),
        "  spif.config.yaml:4: databases.0.name: データベース名には '.' を含められず、'*' にもできません",
        "  spif.config.yaml:5: databases.0.sources.0: glob 'x/[a' が不正です: '[' が ']' で閉じられていません（文字の '[' には '\\[' と書きます）",
        "  spif.config.yaml:10: principals.0.connects.0: 不明なデータベース 'zz' です（もしかして: 'z'）",
        "  spif.config.yaml:11: inferLinkz: 不明なキーです（もしかして: 'inferLinks'）",
      ]);
      expect(ja.stderr).not.toMatch(/expected|unknown|did you mean/);
      const en = await spif(['scan', '.'], C, dir);
      expect(en.code).toBe(2);
      expect(en.stderr).toContain(
        "  spif.config.yaml:10: principals.0.connects.0: unknown database 'zz'; did you mean 'z'?\n",
      );
      expect(en.stderr).toContain("  spif.config.yaml:11: inferLinkz: unknown key; did you mean 'inferLinks'?\n");
      expect(en.stderr).not.toMatch(/[ぁ-ん]/);

      // A valid config whose glob matches nothing: the same, in both languages.
      fs.writeFileSync(
        path.join(dir, 'spif.config.yaml'),
        'version: 1\ndatabases:\n  - name: z\n    sources: ["db/*.sql"]\n',
      );
      const none = await spif(['scan', '.'], JA, dir);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/^spif: spif\.config\.yaml の sources の glob 1 個がどのファイルにも一致しない\n/);
      expect(none.stderr).toContain(
        "spif.config.yaml:4: databases.0.sources.0: 'db/*.sql' に一致するファイルがありません",
      );
      expect((await spif(['scan', '.'], C, dir)).stderr).toContain("'db/*.sql' matches no file");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Japanese output of every text format of the sample', () => {
  it('has no English sentence left (identifiers, SQL types and syntax aside)', async () => {
    for (const format of ['text', 'markdown', 'html', 'csv', 'sarif', 'dot', 'mermaid']) {
      const r = await spif(['scan', 'fixtures/insurer', '--lang', 'ja', '--format', format], C);
      expect(r.code, format).toBe(0);
      let text = r.stdout;
      // HTML: the page's text and its JSON data (labels, the 評価書, the relations), not its markup or code.
      if (format === 'html') text = text.replace(/<script>[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>|<[^>]*>/g, ' ');
      if (format === 'sarif') {
        const sarif = JSON.parse(text) as { runs: { results: { message: { text: string } }[] }[] };
        text = nth(sarif.runs, 0)
          .results.map((x) => x.message.text)
          .join('\n');
      }
      const left = text
        .replace(/classDef \w+ [^\n]*|^(di)?graph spif/gm, '') // DOT and Mermaid syntax
        .replace(/character varying|double precision|with time zone/g, '')
        .match(new RegExp(ENGLISH.source, 'g'));
      expect(left, format).toBeNull();
    }
  });
});
