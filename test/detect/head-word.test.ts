/**
 * The three rules issue 15's own text requires, checked across spellings:
 * - head-word semantics (point 2): a veto word vetoes only as the head of a name;
 * - number-or-corporate: a comment naming 「個人番号又は法人番号」 is the number (番号法 2条5項);
 * - a system-qualified 個人番号 (point 4: the 内部個人番号 of pre-2015 systems) is a candidate 要確認.
 */
import { describe, expect, it } from 'vitest';
import { classifyColumn, type ColumnContext } from '../../src/detect/classify.js';

function outcome(column: ColumnContext): string {
  const c = classifyColumn(column);
  if (!c) return 'not';
  if ('excludedBy' in c) return `vetoed by ${c.excludedBy}`;
  return c.candidate ? `candidate ${c.rule}` : 'number';
}

describe('head-word semantics: a class word before the number is a modifier', () => {
  it.each([
    ['dt_kojin_bango'],
    ['dtKojinBango'],
    ['DT_KOJIN_BANGO'],
    ['DtKojinBango'],
    ['DT個人番号'],
    ['flg_kojin_bango'],
    ['FLG_MY_NUMBER'],
    ['kbn_kojin_bango'],
    ['KbnKojinBango'],
    ['区分個人番号'],
    ['cnt_kojin_bango'],
    ['sts_my_number'],
    ['type_kojin_bango'],
  ])('%s is the number', (name) => {
    expect(outcome({ name })).toBe('number');
  });

  it('an abbreviation after a class word is raised by its comment: dtKojinNo 「DT個人番号」', () => {
    expect(outcome({ name: 'dtKojinNo' })).toBe('candidate name-abbreviation');
    expect(outcome({ name: 'dtKojinNo', comment: 'DT個人番号' })).toBe('number');
    expect(outcome({ name: 'DT_KOJIN_NO', comment: '個人番号' })).toBe('number');
  });

  it.each([
    ['kojin_bango_dt', 'date-time'],
    ['KojinBangoDt', 'date-time'],
    ['個人番号確認日', 'date-time'],
    ['kojin_bango_flg', 'flag-presence'],
    ['KOJIN_BANGO_KBN', 'status-category'],
    ['個人番号区分', 'status-category'],
    ['kojin_bango_cnt', 'count-length'],
  ])('the same word as the head still vetoes: %s', (name, rule) => {
    expect(outcome({ name })).toBe(`vetoed by ${rule}`);
  });

  it('English predicates keep their head in front', () => {
    expect(outcome({ name: 'is_my_number_registered' })).toBe('vetoed by flag-presence');
    expect(outcome({ name: 'hasMyNumber' })).toBe('vetoed by flag-presence');
    expect(outcome({ name: 'num_of_my_number' })).toBe('vetoed by count-length');
    expect(outcome({ name: 'non_kojin_bango' })).toBe('vetoed by negation');
  });

  it('a name that does not mention the number vetoes only by its head', () => {
    expect(outcome({ name: 'kbn_no', comment: '個人番号' })).toBe('number');
    expect(outcome({ name: 'shutoku_kbn', comment: '個人番号' })).toBe('vetoed by status-category');
  });
});

describe('number-or-corporate: 個人番号又は法人番号 in the comment', () => {
  it.each([
    ['提出義務者の個人番号（12桁の数字）又は法人番号（13桁の数字）を記録してください。'],
    ['支払を受ける者の個人番号又は法人番号'],
    ['個人番号・法人番号'],
    ['個人番号もしくは法人番号'],
    ['個人番号若しくは法人番号'],
    ['法人番号又は個人番号'],
  ])('「%s」 on a name read as another number is the number', (comment) => {
    expect(outcome({ name: '提出義務者の番号', comment })).toBe('number');
  });

  it('other numbers in the comment still veto', () => {
    expect(outcome({ name: '提出義務者の番号', comment: '提出義務者の法人番号' })).toBe('not');
    expect(outcome({ name: 'kojin_bango', comment: '宛名番号' })).toBe('vetoed by other-identifier');
    // A date of the pair is a date: only the other-identifier veto gives way.
    expect(outcome({ name: '番号', comment: '個人番号又は法人番号の取得日' })).toBe('vetoed by date-time');
  });
});

describe('a system-qualified 個人番号 is a candidate 要確認', () => {
  it.each([
    [{ name: '国保個人番号' }],
    [{ name: '国民健康保険個人番号' }],
    [{ name: '住基個人番号' }],
    [{ name: '宛名個人番号' }],
    [{ name: '内部個人番号' }],
    [{ name: '個人番号_国保' }],
    [{ name: 'kokuho_kojin_no' }],
    [{ name: 'kokuhoKojinNo', comment: '国保個人番号' }],
    [{ name: 'KOKUHO_KOJIN_BANGO', comment: '個人番号' }],
    [{ name: '個人番号', comment: '国民健康保険個人番号' }],
    [{ name: 'kokuho_kojin_no', type: 'CHAR(12)' }],
  ])('%j', (column) => {
    expect(outcome(column)).toMatch(/^candidate (name|comment)-naibu-kojin-bango$/);
  });

  it('carries the reason and what would settle it', () => {
    const c = classifyColumn({ name: '国保個人番号' });
    expect(c).toMatchObject({
      kind: 'individual-number',
      candidate: { reason: expect.stringMatching(/My Number Act/) },
    });
    expect(c && 'candidate' in c && c.candidate?.settle).toMatch(/マイナンバー/);
  });

  it.each([
    [{ name: 'kokuhoKojinNo', comment: '国保個人番号（マイナンバー）' }],
    [{ name: '国保個人番号', comment: '番号法の個人番号' }],
    [{ name: '住基個人番号', comment: '12桁の個人番号' }],
    [{ name: 'kokuho_kojin_no', type: 'MyNumber' }],
  ])('is the number when the name, comment or type says the My Number: %j', (column) => {
    expect(outcome(column)).toBe('number');
  });

  it('a veto still applies after it, and 旧個人番号 stays the number', () => {
    expect(outcome({ name: '国保個人番号取得日' })).toBe('vetoed by date-time');
    expect(outcome({ name: '旧個人番号' })).toBe('number');
  });
});
