/**
 * Tricky column names and comments, decided one by one (reasons in docs/detection.md).
 * `individual` / `substitute`: a hit of that kind; `about`: mentions the number but vetoed;
 * `candidate`: may be the number, reported 要確認; `none`: does not mention the number at all.
 */
import { describe, expect, it } from 'vitest';
import { classifyColumnName } from '../../src/detect/index.js';

type Expected = 'individual' | 'substitute' | 'candidate' | 'about' | 'none';

const CASES: [name: string, comment: string | undefined, expected: Expected][] = [
  // the 住民票コード and other identifiers that are not the number
  ['住民票コード', undefined, 'none'],
  ['juminhyo_code', undefined, 'none'],
  ['jumin_code', undefined, 'none'],
  ['resident_code', undefined, 'none'],
  ['juminhyo_code', '住民票コード（個人番号ではない）', 'none'],
  ['id', undefined, 'none'],
  ['bango', undefined, 'none'],
  ['number', undefined, 'none'],
  ['hihokensha_no', undefined, 'none'],
  ['atena_no', undefined, 'none'],
  ['atena_bango', '宛名番号', 'none'],
  ['kojin_id', undefined, 'none'],
  ['kojin_no', undefined, 'candidate'],
  ['kojin_cd', undefined, 'none'],
  ['personal_id', undefined, 'none'],
  ['personal_no', undefined, 'none'],
  ['personnel_number', undefined, 'none'],
  ['hojin_bango', '法人番号', 'none'],
  ['shain_no', '社員番号', 'none'],
  ['institution_code', undefined, 'none'],
  ['dummy_number', undefined, 'none'],
  ['my_no', undefined, 'candidate'],
  ['my_number_card_no', undefined, 'candidate'],
  ['MYNUMBER', '共通番号', 'individual'],
  ['kyotsu_no', '共通番号', 'candidate'],
  ['番号確認日', undefined, 'none'],
  // about the number, not the number
  ['個人番号カード交付日', undefined, 'about'],
  ['kojin_bango_kofu_date', undefined, 'about'],
  ['kojinBangoKofuDate', undefined, 'about'],
  ['kojin_bango_flg', undefined, 'about'],
  ['KOJIN_BANGO_FLAG', undefined, 'about'],
  ['mynumber_verified', undefined, 'about'],
  ['myNumberConfirmed', undefined, 'about'],
  ['my_number_card_expiry', undefined, 'about'],
  ['個人番号取得済フラグ', undefined, 'about'],
  ['個人番号取得区分', undefined, 'about'],
  ['個人番号確認日', undefined, 'about'],
  ['kojin_bango_kakunin_dt', undefined, 'about'],
  ['kojin_bango_status', undefined, 'about'],
  ['kojin_bango_kbn', undefined, 'about'],
  ['kojin_bango_umu', undefined, 'about'],
  ['has_my_number', undefined, 'about'],
  ['is_kojin_bango_registered', undefined, 'about'],
  ['mynumber_count', undefined, 'about'],
  // PPC Q&A 9-4: a lone part or masked form may be used in place of the number: a candidate, never silently "not"
  ['kojin_bango_last4', undefined, 'candidate'],
  ['masked_my_number', undefined, 'candidate'],
  ['kojin_bango_id', undefined, 'about'],
  ['個人番号利用事務', undefined, 'about'],
  ['mynumber_updated_at', undefined, 'about'],
  ['kakunin_flg', '個人番号', 'about'],
  ['kojin_bango', '個人番号カード交付日', 'about'],
  ['col1', '個人番号の取得有無', 'about'],
  ['col1', '個人番号カード交付日', 'about'],
  ['col1', '個人番号ではない', 'about'],
  ['col1', 'マイナンバーカードの有無', 'about'],
  // the number itself, in every spelling and stored form
  ['kojin_bango', undefined, 'individual'],
  ['kojinbango', undefined, 'individual'],
  ['kojin_bangou', undefined, 'individual'],
  ['KojinBango', undefined, 'individual'],
  ['KOJINBANGO', undefined, 'individual'],
  ['ｋｏｊｉｎ＿ｂａｎｇｏ', undefined, 'individual'],
  ['個人番号', undefined, 'individual'],
  ['個人番号（暗号化）', undefined, 'individual'],
  ['暗号化個人番号', undefined, 'individual'],
  ['個人番号ハッシュ', undefined, 'individual'],
  ['旧個人番号', undefined, 'individual'],
  ['変更前個人番号', undefined, 'individual'],
  ['本人確認済個人番号', undefined, 'individual'],
  ['kojin_bango_hash', undefined, 'individual'],
  ['kojin_bango_sha256', undefined, 'individual'],
  ['enc_kojin_bango', undefined, 'individual'],
  ['kojin_bango_encrypted', undefined, 'individual'],
  ['kojin_bango_hash_key', undefined, 'individual'],
  ['kojin_bango_1', undefined, 'individual'],
  ['token_mynumber', undefined, 'individual'],
  ['my_number', undefined, 'individual'],
  ['MyNumber', undefined, 'individual'],
  ['myNumberEnc', undefined, 'individual'],
  ['verified_my_number', undefined, 'individual'],
  ['mynum', undefined, 'individual'],
  ['マイナンバー', undefined, 'individual'],
  ['ﾏｲﾅﾝﾊﾞｰ', undefined, 'individual'],
  ['individual_number', undefined, 'individual'],
  ['individual_no', undefined, 'individual'],
  ['personal_number', undefined, 'individual'],
  ['my_number_card_image', undefined, 'individual'],
  ['col1', '個人番号', 'individual'],
  ['col1', '個人番号（暗号化済）', 'individual'],
  ['col1', 'マイナンバー', 'individual'],
  ['col1', '個人番号を暗号化して格納。取得日は別テーブル', 'individual'],
  ['data', 'Individual Number (encrypted with KMS)', 'individual'],
  ['id', '個人番号', 'individual'],
  ['value', 'ﾏｲﾅﾝﾊﾞｰ', 'individual'],
  ['kojin_bango', '住基ネットから取得', 'individual'],
  ['kojin_bango', '本人確認用', 'individual'],
  // substitute codes
  ['kikanbetsu_fugo', undefined, 'substitute'],
  ['kikan_betsu_fugo', undefined, 'substitute'],
  ['kikanbetsufugo', undefined, 'substitute'],
  ['KikanbetsuFugo', undefined, 'substitute'],
  ['機関別符号', undefined, 'substitute'],
  ['fugo', '機関別符号', 'substitute'],
  ['個人番号対応符号', undefined, 'substitute'],
  ['情報提供用個人識別符号', undefined, 'substitute'],
  ['kikanbetsu_fugo_shutoku_date', undefined, 'about'],
  // comments that are longer than a noun
  ['kojin_bango', 'AES encrypted, stored as text type', 'individual'],
  ['kojin_bango', '交付日', 'about'],
  ['col1', '個人番号に紐づく宛名番号', 'about'],
  ['col1', 'Issue date of the My Number card', 'about'],
  ['col1', 'Whether the Individual Number was obtained', 'about'],
  ['col1', '個人番号、暗号化あり', 'individual'],
  ['col1', '個人番号\n取得日は kofu_date を参照', 'individual'],
  ['col1', '宛名番号。個人番号は別テーブル', 'none'],
  ['col1', '個人番号の下4桁（表示用）', 'candidate'],
  ['kojin_bango_last4_flg', undefined, 'about'],
  ['個人番号下4桁登録日', undefined, 'about'],
  ['kojin_bango_jo4', '個人番号の上4桁', 'individual'],
  ['col1', '12桁の番号（個人番号）', 'individual'],
  ['col1', '住民票コード（個人番号の生成元）', 'none'],
  ['住民票コード（個人番号）', undefined, 'about'],
  ['kojin_houjin_bango', '個人番号又は法人番号', 'individual'],
  ['col1', '個人番号を取得したかどうか', 'about'],
  ['col1', '個人番号の有効期限', 'about'],
  ['col1', 'Has My Number', 'about'],
  ['個人番号入力者', undefined, 'about'],
  ['扶養親族個人番号', undefined, 'individual'],
  ['配偶者の個人番号', undefined, 'individual'],
  // issue 12 point 7: a comment that says what the column is wins over a look-alike name
  ['bp_my_number', '所属会社法人マイナンバー', 'about'],
  ['individual_number', '大口事業所個別番号', 'about'],
  ['personal_number', '個人登録番号', 'about'],
  // a file of the number (a photo of the card's back, a scan) is outside the schema: a candidate
  ['attachment_mynumber_filename', undefined, 'candidate'],
  ['mynumber_photo_url_back', undefined, 'candidate'],
  ['my_number_image_path_updated_at', undefined, 'about'],
  ['mynumber_card_front_url', undefined, 'about'],
  ['_armynum', undefined, 'none'],
  ['farmynumber', undefined, 'none'],
  ['army_number', undefined, 'none'],
  // vendor naming: kana readings, abbreviations, head words
  ['コジンバンゴウ', undefined, 'individual'],
  ['ｺｼﾞﾝﾊﾞﾝｺﾞｳ', undefined, 'individual'],
  ['ﾏｲﾅﾝﾊﾞｰ', undefined, 'individual'],
  ['col1', 'ｺｼﾞﾝﾊﾞﾝｺﾞｳ', 'individual'],
  ['KJN_BNG', undefined, 'candidate'],
  ['KJNBNG', undefined, 'candidate'],
  ['KOJIN_BNG', undefined, 'candidate'],
  ['MYNO', undefined, 'candidate'],
  ['KOJIN_NO', '個人番号', 'individual'],
  ['kbn_no', '個人番号', 'individual'],
  ['kbn_enc', '個人番号（暗号化して保存）', 'individual'],
  ['shutoku_kbn', '個人番号', 'about'],
  // the PPC's Q&A: the dead's numbers (9-1), transformed (9-2), split (9-3)
  ['shibosha_kojin_bango', undefined, 'individual'],
  ['死亡者個人番号', undefined, 'individual'],
  ['tokenized_my_number', undefined, 'individual'],
  ['kojin_bango_part3', undefined, 'individual'],
  // context: documents bearing the number, payloads, 内部個人番号
  ['tsuchi_card_image', undefined, 'individual'],
  ['個人番号カード表面画像', undefined, 'about'],
  ['denbun', '個人番号を含む電文', 'individual'],
  ['naibu_kojin_bango', undefined, 'candidate'],
];

function outcome(name: string, comment: string | undefined): Expected {
  const found = classifyColumnName(name, comment);
  if (found === undefined) return 'none';
  if ('excludedBy' in found) return 'about';
  if (found.candidate) return 'candidate';
  return found.kind === 'individual-number' ? 'individual' : 'substitute';
}

describe('tricky names', () => {
  it('has a big table', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });
  it.each(CASES)('%s / %s → %s', (name, comment, expected) => {
    expect(outcome(name, comment)).toBe(expected);
  });
});

/** The same name in another naming style must classify the same. */
describe('naming styles', () => {
  const snakeNames = CASES.filter(
    ([name, comment]) => comment === undefined && /^[a-z0-9_]+$/.test(name) && name.includes('_'),
  ).map(([name]) => name);
  const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
  const styles: [string, (name: string) => string][] = [
    ['camelCase', camel],
    ['PascalCase', (name) => camel(name).replace(/^./, (c) => c.toUpperCase())],
    ['UPPER_SNAKE', (name) => name.toUpperCase()],
    ['full-width', (name) => name.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
    ['kebab-case', (name) => name.replace(/_/g, '-')],
  ];

  it('covers enough names', () => {
    expect(snakeNames.length).toBeGreaterThanOrEqual(40);
  });
  for (const [style, convert] of styles) {
    it(`${style} keeps every outcome`, () => {
      const differing = snakeNames
        .filter((name) => outcome(convert(name), undefined) !== outcome(name, undefined))
        .map((name) => `${name} → ${convert(name)}: ${outcome(convert(name), undefined)}`);
      expect(differing).toEqual([]);
    });
  }
});
