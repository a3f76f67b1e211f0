/**
 * Diagnostics in the user's language (issue 19.4): a reader's message is a catalogue entry
 * (src/diagnostic-text/), rendered in Japanese by the human-facing formats under `--lang ja` or a
 * Japanese locale, while the JSON report keeps `message` in English and adds the entry as `text`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_MESSAGES } from '../../src/diagnostic-text/index.js';
import { listOf, said, shortList } from '../../src/diagnostics.js';
import { diagnosticMessage } from '../../src/report/messages.js';
import { PLAIN_ENV, runBin } from '../helpers/bin.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** A folder with one schema.sql of these lines. */
function project(
  lines = [
    'CREATE TABLE atena (atena_no int PRIMARY KEY, kojin_bango char(12));',
    'CREATE RULE r AS ON INSERT TO atena DO INSTEAD NOTHING;',
    'SELEC broken;',
  ],
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spif-diag-ja-'));
  writeFileSync(path.join(dir, 'schema.sql'), [...lines, ''].join('\n'));
  return dir;
}

describe('a PostgreSQL diagnostic under --lang ja', () => {
  const dir = project();

  it('is Japanese in the text report, with the parser text quoted as it is', async () => {
    const r = await runBin(['scan', '.', '--no-config', '--lang', 'ja'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'schema.sql:2:1: 警告 SPIF-SQL-UNSUPPORTED CREATE RULE r ON atena: ルールはモデル化していない',
    );
    expect(r.stdout).toContain(
      'schema.sql:3:1: エラー SPIF-SQL-SYNTAX PostgreSQL の文として構文解析できないため、この文を飛ばした（パーサーのメッセージ: syntax error at or near "SELEC"）',
    );
    expect(r.stdout).not.toContain('rules are not modelled');
  });

  it('is Japanese under a Japanese locale without --lang, and English under --lang en', async () => {
    const ja = await runBin(['scan', '.', '--no-config'], dir, { LANG: 'ja_JP.UTF-8', NO_COLOR: '1' });
    expect(ja.stdout).toContain('ルールはモデル化していない');
    const en = await runBin(['scan', '.', '--no-config', '--lang', 'en'], dir, { LANG: 'ja_JP.UTF-8', NO_COLOR: '1' });
    expect(en.stdout).toContain('CREATE RULE r ON atena: rules are not modelled');
    expect(en.stdout).not.toContain('ルールはモデル化していない');
  });

  it('is Japanese in the Markdown and SARIF, and the JSON keeps the English message beside the entry', async () => {
    const md = await runBin(['scan', '.', '--no-config', '--lang', 'ja', '--format', 'markdown'], dir);
    expect(md.stdout).toContain('ルールはモデル化していない');
    const sarif = JSON.parse(
      (await runBin(['scan', '.', '--no-config', '--lang', 'ja', '--format', 'sarif'], dir)).stdout,
    );
    const texts = sarif.runs[0].results.map((x: { message: { text: string } }) => x.message.text);
    expect(texts.some((x: string) => x.includes('ルールはモデル化していない'))).toBe(true);
    const json = JSON.parse(
      (await runBin(['scan', '.', '--no-config', '--lang', 'ja', '--format', 'json'], dir)).stdout,
    );
    const rule = json.diagnostics.find((d: { code: string }) => d.code === 'SPIF-SQL-UNSUPPORTED');
    expect(rule.message).toBe(
      'CREATE RULE r ON atena: rules are not modelled (a DO INSTEAD/ALSO rule can redirect or copy rows)',
    );
    expect(rule.text).toEqual({ key: 'diag.pg.rule', args: ['r', 'atena'] });
  });

  it('fails the check gate with the Japanese message', async () => {
    const r = await runBin(['check', '.', '--no-config', '--lang', 'ja'], dir, PLAIN_ENV);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('PostgreSQL の文として構文解析できないため、この文を飛ばした');
  });
});

describe('the diagnostic catalogue', () => {
  it('has a Japanese and an English text for every entry, with the same arguments', () => {
    for (const [key, entry] of Object.entries(DIAGNOSTIC_MESSAGES) as [string, { en: string; ja: string }][]) {
      if (key === 'diag.list' || key === 'diag.list.semi' || key === 'diag.list.and') continue; // joins its arguments, no text of its own
      const args = (s: string) => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
      expect(entry.en.trim(), key).not.toBe('');
      // An entry with words has Japanese ones (punctuation around arguments, and names such as
      // 'TypeORM:' written alike in both, may be shared).
      const words = (entry.en.replace(/\{\d+\}/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter(
        (w) => !entry.ja.includes(w),
      );
      if (words.length) expect(entry.ja, key).toMatch(JAPANESE);
      expect(args(entry.ja), key).toEqual(args(entry.en));
    }
  });

  it('renders the English entry as the message, and a diagnostic without an entry with its code described', () => {
    expect(said('diag.pg.couldNotRead', 'CreateStmt', 'boom').message).toBe('could not read CreateStmt: boom');
    const bare = { code: 'SPIF-SQL-SYNTAX', message: 'unexpected token' };
    expect(diagnosticMessage('en', bare)).toBe('unexpected token');
    expect(diagnosticMessage('ja', bare)).toBe(
      '文を構文解析できない。その文を飛ばし、ファイルの残りは読む：unexpected token',
    );
  });

  it('renders a nested entry and a list in the same language', () => {
    const d = {
      code: 'SPIF-LINK-UNKNOWN-COLUMN',
      ...said('diag.link.unknownColumn', 'a.x', 'b.y', listOf(['a.x', 'b.y'])),
    };
    expect(d.message).toBe('links: a.x ↔ b.y: a.x, b.y is not defined in the sources; the link is not followed');
    expect(diagnosticMessage('ja', d)).toBe(
      'links: a.x ↔ b.y: a.x、b.y はソースで定義されていない。このリンクはたどらない',
    );
    const more = said(
      'diag.catalog.modelAndSql.one',
      'db',
      shortList(['m1', 'm2', 'm3', 'm4', 'm5']),
      shortList(['s.sql']),
    );
    expect(more.message).toContain('ORM models (m1, m2, m3 and 2 more) and by SQL (s.sql)');
    expect(diagnosticMessage('ja', { code: 'SPIF-SOURCE-MODEL-AND-SQL', ...more })).toContain(
      '（m1、m2、m3 ほか 2 件）',
    );
  });
});

describe('a vendor (Db2) reader diagnostic under --lang ja', () => {
  const dir = project([
    'CREATE TABLE atena (atena_no INT NOT NULL PRIMARY KEY, kojin_bango CHAR(12));',
    'GRANT SELECT (atena_no) ON atena TO ROLE r1;',
    'FROBNICATE THE WIDGET;',
  ]);

  it('is Japanese in the text report and English, as before, under --lang en', async () => {
    const ja = await runBin(['scan', '.', '--no-config', '--dialect', 'db2', '--lang', 'ja'], dir, PLAIN_ENV);
    expect(ja.stdout).toContain('Db2 には列単位の SELECT がない');
    expect(ja.stdout).toContain('文を読んでいない: FROBNICATE THE WIDGET …');
    expect(ja.stdout).not.toContain('statement not read');
    const en = await runBin(['scan', '.', '--no-config', '--dialect', 'db2', '--lang', 'en'], dir, PLAIN_ENV);
    expect(en.stdout).toContain(
      'schema.sql:3:1: warning SPIF-SQL-UNSUPPORTED statement not read: FROBNICATE THE WIDGET … (spif does not model this kind of statement; see docs/parsers.md)',
    );
  });
});
