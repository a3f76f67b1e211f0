/**
 * Number rules (個人番号・機関別符号の検出規則): one entry per rule, each with the examples that pin
 * it. A rule says a column *mentions* the number; the exclusion rules (exclusions.ts) then decide
 * whether the column is the number or only something about it.
 *
 * Rules are tried in table order and the first that matches a piece of text claims it, so the
 * substitute-code rules come first: `個人番号対応符号` contains `個人番号` but is a substitute code.
 * Patterns read canonical text (normalise.ts): NFKC, snake_case, lower case.
 */
import { WORD_START, anyOf } from './patterns.js';

export type NumberKind = 'individual-number' | 'substitute-code';

/** What a rule reads. A relation's comment is never read: it describes the table, not a column. */
export type RuleTarget = 'name' | 'comment';

export interface NumberRule {
  id: string;
  kind: NumberKind;
  target: RuleTarget;
  /** What the rule recognises, for the docs. */
  summary: string;
  pattern: RegExp;
  /** Texts (names or comments, as `target` says) that this rule makes a hit of its kind. */
  positives: string[];
  /** Look-alikes that must not be a hit. */
  negatives: string[];
}

/** 符号 romanised: fugo, fugou, fugoh. */
const FUGO = 'fug(?:ou|oh|o)';
/** 番号 romanised: bango, bangou, bangoh. */
const BANGO = 'bang(?:ou|oh|o)';

const KIKANBETSU_FUGO = [`kikan_?betsu_?${FUGO}`, '機関別符号', `${WORD_START}institution_?specific_?code`];
const TAIO_FUGO = [
  '個人番号対応符号', '個人番号に対応(?:する|した)?符号', '情報提供用個人識別符号',
  `kojin_?${BANGO}_?taio_?${FUGO}`, `joho_?teikyo_?(?:yo_?)?kojin_?shikibetsu_?${FUGO}`,
];
/** Also 個人・法人番号 (a column holding the 個人番号 or the 法人番号, common in tax records). */
const KOJIN_BANGO = [`kojin_?(?:(?:houjin|hojin)_?)?${BANGO}`, '個人番号', '個人(?:又は|または|もしくは|or)?法人番号'];
/** Prefixes written without a separator that still leave `mynumber` meaning My Number. */
const MY_NUMBER_GLUED = '(?<=enc|hash|hashed|token|old|new|kyu|raw|plain|crypt|cipher)';
const MY_NUMBER = [
  'マイナンバー?',
  `(?:${WORD_START}|${MY_NUMBER_GLUED})my_?number`,
  `${WORD_START}my_?num(?![a-z])`,
];

export const NUMBER_RULES: readonly NumberRule[] = [
  // ── substitute-code: codes used in place of the number ──────────────────────────────────────
  {
    id: 'name-kikanbetsu-fugo', kind: 'substitute-code', target: 'name',
    summary: '機関別符号 (institution-specific code) in a column name: romanised, Japanese or English',
    pattern: anyOf(...KIKANBETSU_FUGO),
    positives: ['kikanbetsu_fugo', 'kikan_betsu_fugo', 'kikanbetsufugo', 'KikanbetsuFugou', 'KIKANBETSU_FUGO',
      '機関別符号', 'enc_kikanbetsu_fugo', 'institution_specific_code'],
    negatives: ['kikan_cd', 'institution_code', 'kikan_bango', 'fugo', 'kikanbetsu_fugo_hakko_date'],
  },
  {
    id: 'comment-kikanbetsu-fugo', kind: 'substitute-code', target: 'comment',
    summary: '機関別符号 in a column comment',
    pattern: anyOf(...KIKANBETSU_FUGO),
    positives: ['機関別符号', '機関別符号（中間サーバー）', '住民の機関別符号', 'Institution-specific code'],
    negatives: ['機関コード', '符号', '機関別符号の取得日'],
  },
  {
    id: 'name-taio-fugo', kind: 'substitute-code', target: 'name',
    summary: 'a code defined as corresponding to the 個人番号 (個人番号対応符号, 情報提供用個人識別符号)',
    pattern: anyOf(...TAIO_FUGO),
    positives: ['個人番号対応符号', '情報提供用個人識別符号', 'kojin_bango_taio_fugo', 'joho_teikyo_yo_kojin_shikibetsu_fugo'],
    negatives: ['taio_cd', '個人識別番号', 'shikibetsu_fugo'],
  },
  {
    id: 'comment-taio-fugo', kind: 'substitute-code', target: 'comment',
    summary: '個人番号対応符号 or 情報提供用個人識別符号 in a column comment',
    pattern: anyOf(...TAIO_FUGO),
    positives: ['情報提供用個人識別符号', '個人番号対応符号（ハッシュ）', '個人番号に対応する符号'],
    negatives: ['識別符号', '情報提供用個人識別符号の取得有無', '個人識別番号'],
  },
  // ── individual-number: the 個人番号 itself, also encrypted, hashed or tokenised ───────────────
  {
    id: 'name-kojin-bango', kind: 'individual-number', target: 'name',
    summary: '個人番号 in a column name: kanji or romanised (kojin_bango, kojinbango, kojin_bangou, …)',
    pattern: anyOf(...KOJIN_BANGO),
    positives: ['kojin_bango', 'kojinbango', 'kojin_bangou', 'KojinBango', 'kojinBango', 'KOJIN_BANGO',
      'ｋｏｊｉｎ＿ｂａｎｇｏ', '個人番号', '個人番号（暗号化）', '暗号化個人番号', '個人番号ハッシュ', '旧個人番号',
      'kojin_bango_hash', 'enc_kojin_bango', 'kojin_bango_enc', 'old_kojin_bango', 'verified_kojin_bango',
      'kojin_hojin_bango', '個人・法人番号'],
    negatives: ['kojin_no', 'kojin_id', 'kojin_cd', 'bango', 'hojin_bango', '法人番号', 'kojin_bango_kofu_date',
      '個人番号カード交付日', 'kojin_bango_flg', '個人番号取得済フラグ'],
  },
  {
    id: 'name-my-number', kind: 'individual-number', target: 'name',
    summary: 'My Number in a column name: マイナンバー, my_number, mynumber, my_num',
    pattern: anyOf(...MY_NUMBER),
    positives: ['my_number', 'mynumber', 'myNumber', 'MyNumber', 'MYNUMBER', 'my_num', 'マイナンバー', 'ﾏｲﾅﾝﾊﾞｰ',
      'token_mynumber', 'tokenmynumber', 'my_number_hash', 'encMyNumber', 'my_numbers'],
    negatives: ['dummy_number', 'dummynumber', 'my_numeric', 'my_no', 'number', 'mynumber_verified',
      'my_number_card_no', 'マイナンバーカード'],
  },
  {
    id: 'name-individual-number', kind: 'individual-number', target: 'name',
    summary: 'Individual Number (the official English name) in a column name',
    pattern: anyOf(`${WORD_START}individual_?(?:number|num(?![a-z])|no(?![a-z]))`),
    positives: ['individual_number', 'individualNumber', 'IndividualNumber', 'individual_no', 'individual_num',
      'hashed_individual_number'],
    negatives: ['individual_notes', 'individual_name', 'individual_id', 'individual_number_flag'],
  },
  {
    id: 'name-personal-number', kind: 'individual-number', target: 'name',
    summary: 'personal_number in a column name (a direct translation of 個人番号)',
    pattern: anyOf(`${WORD_START}personal_?number`),
    positives: ['personal_number', 'personalNumber', 'personal_number_enc'],
    negatives: ['personal_no', 'personal_id', 'personnel_number', 'impersonal_number', 'personal_number_date'],
  },
  {
    id: 'comment-kojin-bango', kind: 'individual-number', target: 'comment',
    summary: '個人番号 in a column comment (COMMENT ON COLUMN, MySQL COMMENT, ORM comment)',
    pattern: anyOf(...KOJIN_BANGO),
    positives: ['個人番号', '個人番号（暗号化済）', '被保険者の個人番号', '個人番号を暗号化して格納',
      '個人番号。取得日は別テーブル', '本人確認済みの個人番号', 'SHA-256でハッシュ化した個人番号', 'kojin bango'],
    negatives: ['個人番号カード交付日', '個人番号の取得有無', '個人番号取得日', '個人番号ではない',
      '住民票コード（個人番号の生成元）', '個人番号の下4桁', '法人番号'],
  },
  {
    id: 'comment-my-number', kind: 'individual-number', target: 'comment',
    summary: 'My Number in a column comment: マイナンバー, My Number',
    pattern: anyOf(...MY_NUMBER.slice(0, 2)),
    positives: ['マイナンバー', 'マイナンバー（暗号化）', 'My Number', 'mynumber (tokenised)'],
    negatives: ['マイナンバーカードの有無', 'Dummy number', 'My Number card issue date'],
  },
  {
    id: 'comment-individual-number', kind: 'individual-number', target: 'comment',
    summary: 'Individual Number (the official English name) in a column comment',
    pattern: anyOf(`${WORD_START}individual_?number`),
    positives: ['Individual Number', 'Individual Number (encrypted)', 'individual number of the insured'],
    negatives: ['Individual Number Card', 'individual number verified', 'individual name'],
  },
];
