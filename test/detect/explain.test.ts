/**
 * Detection's words in Japanese: every rule that makes a candidate has its reason and settle in
 * Japanese, evidence written from a template reads back into the same sentence in Japanese, and
 * `--lang ja` text, Markdown and HTML show the Japanese through the real bin.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTEXT_RULES, EXCLUSION_RULES, NUMBER_RULES } from '../../src/detect/index.js';
import { runBin } from '../helpers/bin.js';
import {
  CANDIDATE_TEXT_RULES,
  candidateReason,
  candidateSettle,
  evidence,
  evidenceText,
} from '../../src/detect/explain.js';

const repo = path.resolve(__dirname, '../..');

describe('candidate texts', () => {
  it('has Japanese for every rule that makes a candidate', () => {
    const makers = [
      ...NUMBER_RULES.filter((r) => r.candidate).map((r) => r.id),
      ...CONTEXT_RULES.filter((r) => r.settle).map((r) => r.id),
      ...EXCLUSION_RULES.filter((r) => r.review).map((r) => r.id),
    ];
    expect(makers.filter((id) => !CANDIDATE_TEXT_RULES.includes(id))).toEqual([]);
    for (const id of makers) {
      const ja = candidateReason('ja', { rule: id, reason: 'English' });
      expect(ja).not.toBe('English');
      expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
      expect(candidateSettle('ja', { rule: id, settle: 'English' })).not.toBe('English');
    }
  });

  it('keeps English as written, and says decided exclusions in Japanese', () => {
    expect(candidateReason('en', { rule: 'name-abbreviation', reason: 'as written' })).toBe('as written');
    expect(candidateReason('ja', { rule: 'x', reason: 'detected by rule name-kojin-bango' })).toBe(
      '規則 name-kojin-bango で検出',
    );
    expect(candidateSettle('ja', { rule: 'x', settle: 'decided by numberColumns.exclude' })).toBe(
      'numberColumns.exclude で決定済み',
    );
  });
});

describe('evidence templates', () => {
  it('reads every English evidence back into its Japanese sentence', () => {
    const cases: [Parameters<typeof evidence>[1], Record<string, string | number>, string][] = [
      ['name', { text: 'kojin_bango' }, '列名「kojin_bango」'],
      ['comment', { text: '個人番号' }, '列コメント「個人番号」'],
      ['name-type', { text: 'KJN_NO', type: 'CHAR(12)' }, '列名「KJN_NO」、型 CHAR(12)'],
      ['name-comment', { name: 'card_no', text: 'マイナンバー' }, '列名「card_no」、列コメント「マイナンバー」'],
      ['data-rows-at', { valid: 4, values: 4, at: 'seeds/users.csv:1' }, 'データ行: 値 4 件のうち 4 件'],
      ['data-rows-hojin', { valid: 3, values: 5, hojin: 2 }, '2 件が13桁の法人番号'],
      ['carries', { base: 'db.public.t.kojin_bango', rule: 'name-kojin-bango' }, 'db.public.t.kojin_bango を引き継ぐ'],
      [
        'include-reason',
        { pattern: '*.*.t.c', reason: '人事部が確認' },
        'numberColumns.include「*.*.t.c」: 人事部が確認',
      ],
      ['mark', { kind: 'individual-number' }, 'ソースで「individual-number」と指定'],
    ];
    for (const [id, params, ja] of cases) {
      const en = evidence('en', id, params);
      expect(evidenceText('en', en)).toBe(en);
      expect(evidenceText('ja', en)).toContain(ja);
    }
    expect(evidenceText('ja', 'something else')).toBe('something else');
  });
});

describe('--lang ja through the real bin', () => {
  const fixture = path.join(repo, 'fixtures/candidates');
  for (const format of ['text', 'markdown', 'html']) {
    it(`${format}: the candidates' reasons and evidence are Japanese`, async () => {
      const { stdout } = await runBin(['scan', fixture, '--format', format, '--lang', 'ja'], repo, {
        LANG: 'ja_JP.UTF-8',
        NO_COLOR: '1',
      });
      expect(stdout).toContain('ベンダーはこの略語を個人番号にも、社内の個人No.にも使います');
      expect(stdout).not.toContain('an abbreviation vendors use');
      expect(stdout).toMatch(/列名「kojin\\?_no」/);
    });
  }
});
