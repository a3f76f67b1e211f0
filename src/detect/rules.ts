/**
 * Number rules (個人番号・機関別符号の検出規則): one entry per rule, each with the examples that pin
 * it. A rule says a column *mentions* the number; the exclusion rules (exclusions.ts) then decide
 * whether the column is the number or only something about it.
 *
 * Rules are tried in table order and the first that matches a piece of text claims it, so the
 * substitute-code rules come first: `個人番号対応符号` contains `個人番号` but is a substitute code.
 * Patterns read canonical text (normalise.ts): NFKC, snake_case, lower case.
 */
import { WORD_END, WORD_START, anyOf } from './patterns.js';

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
  /** Look-alikes that must not be a hit (neither a number nor a candidate). */
  negatives: string[];
  /**
   * Set for a *candidate* rule: the text suggests the number but does not settle it. The column
   * is reported 要確認 with `reason` and `settle` (what would decide it), unless `raise` holds:
   * - `type-fits`: the declared type holds exactly 12 characters or digits (CHAR(12), NUMERIC(12));
   * - `says-number`: the whole text, bracketed asides included, names the 個人番号;
   * - `says-my-number`: the name, comment or type says it is the My Number of the Act
   *   (マイナンバー, 番号法, 12桁, 社会保障・税番号), not only a 個人番号 of some system.
   */
  candidate?: { reason: string; settle: string; raise?: 'type-fits' | 'says-number' | 'says-my-number' };
}

/** 符号 romanised: fugo, fugou, fugoh. */
const FUGO = 'fug(?:ou|oh|o)';
/** 番号 romanised: bango, bangou, bangoh. */
const BANGO = 'bang(?:ou|oh|o)';

const KIKANBETSU_FUGO = [`kikan_?betsu_?${FUGO}`, '機関別符号', `${WORD_START}institution_?specific_?code`];
const TAIO_FUGO = [
  '個人番号対応符号',
  '個人番号に対応(?:する|した)?符号',
  '情報提供用個人識別符号',
  `kojin_?${BANGO}_?taio_?${FUGO}`,
  `joho_?teikyo_?(?:yo_?)?kojin_?shikibetsu_?${FUGO}`,
];
/** Also 個人・法人番号 (a column holding the 個人番号 or the 法人番号, common in tax records). */
const KOJIN_BANGO = [
  `kojin_?(?:(?:houjin|hojin)_?)?${BANGO}`,
  '個人(?:又は|または|もしくは|or)?法人番号',
  '個人番号',
  // the name of the number in the 2011–2013 bills: 社会保障・税番号 (社会保障・税番号大綱)
  '社会保障(?:・|と)?税(?:の)?番号',
  // the kana readings, in any width (NFKC folds half-width kana): コジンバンゴウ, ｺｼﾞﾝﾊﾞﾝｺﾞｳ, こじんばんごう
  'コジンバンゴ[ウー]?',
  'こじんばんご[うー]?',
];
/**
 * A 個人番号 qualified by the system that numbers it: 内部個人番号, 国保個人番号, 住基個人番号,
 * 宛名個人番号 (and 個人番号_国保, kokuhoKojinNo). Systems older than the My Number Act (2015) called
 * their own person number 個人番号, and packages still carry it beside the real one; issue 15
 * point 4 makes the 内部個人番号 of pre-2015 systems a candidate, and these are the same case.
 */
const SYSTEM = '(?:内部|国保|国民健康保険|住基|住民基本台帳|宛名)';
const SYSTEM_ROMAN = '(?:naibu|internal|kokuho|juki|atena)';
const SYSTEM_KOJIN_BANGO = [
  `${SYSTEM}(?:被保険者)?個人番号`,
  `個人番号${SYSTEM}$`,
  `${WORD_START}${SYSTEM_ROMAN}_?kojin_?(?:${BANGO}|no|num|bng)${WORD_END}`,
  `${WORD_START}kojin_?(?:${BANGO}|no)_?${SYSTEM_ROMAN}$`,
];
const SYSTEM_KOJIN_BANGO_CANDIDATE = {
  reason:
    'systems older than the My Number Act used 個人番号 for their own person number (内部個人番号, 国保個人番号); ' +
    'the qualifier names that system, and nothing here says it is the My Number',
  settle:
    'a comment or type saying it is the My Number (マイナンバー, 番号法, 12桁の個人番号) makes it the number; otherwise check ' +
    'whether the values are 12-digit 個人番号 with a valid check digit (--sample, seed data) or an internal id, and decide it under numberColumns',
  raise: 'says-my-number' as const,
};
/** Words naming an image or copy of a document, also romanised as vendors write them (gazo(u) 画像, shashin 写真, utsushi 写し). */
const IMAGE =
  '(?:画像|写し|写真|コピー|スキャン|スキャン画像|イメージ|pdf|image|img|scan|scanned|copy|photo|jpeg|jpg|png|tiff?|gazou?|shashin|utsushi)';
/** Documents that bear the 個人番号 (the front of the 個人番号カード does not: the number is on the back). */
const DOCUMENTS = [
  '通知カード',
  `${WORD_START}tsuchi_?card`,
  `${WORD_START}notification_?card`,
  '源泉徴収票',
  `${WORD_START}gensen_?(?:cho(?:u)?shu_?|chosyu_?)?hyo`,
  `${WORD_START}withholding_?(?:tax_?)?(?:slip|statement)`,
  '(?:個人番号|マイナンバー)カード(?:の)?裏面?',
  `${WORD_START}(?:kojin_?${'bang(?:ou|oh|o)'}|my_?number)_?card_?(?:ura|back)`,
];
/** Prefixes written without a separator that still leave `mynumber` meaning My Number. */
const MY_NUMBER_GLUED = '(?<=enc|hash|hashed|token|old|new|kyu|raw|plain|crypt|cipher)';
const MY_NUMBER: [string, string, string, string] = [
  'マイナンバー?',
  'まいなんばー?',
  `(?:${WORD_START}|${MY_NUMBER_GLUED})my_?number`,
  `${WORD_START}my_?num(?![a-z])`,
];

export const NUMBER_RULES: readonly NumberRule[] = [
  // ── substitute-code: codes used in place of the number ──────────────────────────────────────
  {
    id: 'name-kikanbetsu-fugo',
    kind: 'substitute-code',
    target: 'name',
    summary: '機関別符号 (institution-specific code) in a column name: romanised, Japanese or English',
    pattern: anyOf(...KIKANBETSU_FUGO),
    positives: [
      'kikanbetsu_fugo',
      'kikan_betsu_fugo',
      'kikanbetsufugo',
      'KikanbetsuFugou',
      'KIKANBETSU_FUGO',
      '機関別符号',
      'enc_kikanbetsu_fugo',
      'institution_specific_code',
    ],
    negatives: ['kikan_cd', 'institution_code', 'kikan_bango', 'fugo', 'kikanbetsu_fugo_hakko_date'],
  },
  {
    id: 'comment-kikanbetsu-fugo',
    kind: 'substitute-code',
    target: 'comment',
    summary: '機関別符号 in a column comment',
    pattern: anyOf(...KIKANBETSU_FUGO),
    positives: ['機関別符号', '機関別符号（中間サーバー）', '住民の機関別符号', 'Institution-specific code'],
    negatives: ['機関コード', '符号', '機関別符号の取得日'],
  },
  {
    id: 'name-taio-fugo',
    kind: 'substitute-code',
    target: 'name',
    summary: 'a code defined as corresponding to the 個人番号 (個人番号対応符号, 情報提供用個人識別符号)',
    pattern: anyOf(...TAIO_FUGO),
    positives: [
      '個人番号対応符号',
      '情報提供用個人識別符号',
      'kojin_bango_taio_fugo',
      'joho_teikyo_yo_kojin_shikibetsu_fugo',
    ],
    negatives: ['taio_cd', '個人識別番号', 'shikibetsu_fugo'],
  },
  {
    id: 'comment-taio-fugo',
    kind: 'substitute-code',
    target: 'comment',
    summary: '個人番号対応符号 or 情報提供用個人識別符号 in a column comment',
    pattern: anyOf(...TAIO_FUGO),
    positives: ['情報提供用個人識別符号', '個人番号対応符号（ハッシュ）', '個人番号に対応する符号'],
    negatives: ['識別符号', '情報提供用個人識別符号の取得有無', '個人識別番号'],
  },
  // ── individual-number: the 個人番号 itself, also encrypted, hashed or tokenised ───────────────
  {
    id: 'name-document-image',
    kind: 'individual-number',
    target: 'name',
    summary:
      'an image or copy of a document that bears the number: 通知カード, 源泉徴収票, the back of the 個人番号カード',
    pattern: anyOf(`(?:${DOCUMENTS.join('|')})(?:の|_)?(?:[a-z]+_)?${IMAGE}`),
    positives: [
      '通知カード画像',
      'tsuchi_card_image',
      'tsuchi_card_img',
      '源泉徴収票PDF',
      'gensen_choshu_hyo_image',
      '個人番号カード裏面画像',
      'my_number_card_back_image',
      'notification_card_scan',
      'tsuchi_card_gazo',
      'gensen_choshu_hyo_utsushi',
    ],
    negatives: [
      'tsuchi_card_kofu_date',
      '源泉徴収票番号',
      'gensen_choshu_hyo_no',
      '個人番号カード表面画像',
      'my_number_card_front_image',
      'tsuchi_card_image_kakunin_date',
    ],
  },
  {
    id: 'comment-document-image',
    kind: 'individual-number',
    target: 'comment',
    summary: 'a column comment naming an image or copy of a document that bears the number',
    pattern: anyOf(`(?:${DOCUMENTS.join('|')})(?:の|_)?(?:[a-z]+_)?${IMAGE}`),
    positives: [
      '通知カードの写し',
      '通知カード画像（本人確認書類）',
      '源泉徴収票のスキャン画像',
      '個人番号カード裏面のコピー',
    ],
    negatives: ['通知カード送付日', '源泉徴収票の発行枚数', '個人番号カード表面の画像', '通知カード画像の登録日'],
  },
  {
    id: 'name-juminhyo-copy',
    kind: 'individual-number',
    target: 'name',
    summary: 'an image or copy of the 住民票の写し: the number only when it was issued with it (個人番号記載)',
    pattern: anyOf(`(?:住民票(?:の)?写し|${WORD_START}juminhyo_?(?:no_?)?utsushi)(?:_?${IMAGE})?`),
    positives: ['住民票の写し（個人番号記載）', '住民票写し（個人番号記載）画像'],
    negatives: ['住民票の写し交付日', 'juminhyo_utsushi_kofu_date', 'juminhyo_code'],
    candidate: {
      reason: 'a copy of the 住民票 bears the 個人番号 only when it was requested with it',
      settle: 'say in the comment whether the copies carry the number (個人番号記載), or decide it under numberColumns',
      raise: 'says-number',
    },
  },
  {
    id: 'comment-payload',
    kind: 'individual-number',
    target: 'comment',
    summary: 'a payload said to contain the number: 個人番号を含む電文, マイナンバーを含むJSON',
    pattern: anyOf(
      `(?:${[...KOJIN_BANGO, 'マイナンバー?'].join('|')})(?:等|など)?(?:を|が)?(?:含む|含んだ|含める|入った|格納した).*$`,
    ),
    positives: [
      '個人番号を含む電文',
      'マイナンバーを含むJSON',
      '個人番号等を含むメッセージ本文',
      '個人番号を含むXMLデータ',
    ],
    negatives: ['個人番号を含まない電文', '個人番号以外を含む電文', '電文の送信日時'],
  },
  {
    id: 'name-naibu-kojin-bango',
    kind: 'individual-number',
    target: 'name',
    summary:
      'a system-qualified 個人番号 (内部個人番号, 国保個人番号, 住基個人番号, 宛名個人番号, 個人番号_国保, kokuhoKojinNo): ' +
      "a system's own person number that predates the My Number Act (issue 15 point 4: the 内部個人番号 of pre-2015 systems is a candidate)",
    pattern: anyOf(...SYSTEM_KOJIN_BANGO),
    positives: [
      '内部個人番号',
      'naibu_kojin_bango',
      'NAIBU_KOJIN_BANGO',
      'internal_kojin_bango',
      '国保個人番号',
      '国民健康保険個人番号',
      '突合用国保被保険者個人番号',
      '住基個人番号',
      '宛名個人番号',
      '個人番号_国保',
      'kokuhoKojinNo',
      'kokuho_KojinNo',
      'KOKUHO_KOJIN_BANGO',
      'juki_kojin_no',
      'kojin_bango_kokuho',
    ],
    negatives: [
      'naibu_kanri_no',
      '内部管理番号',
      'naibu_kojin_bango_kbn',
      '国保個人番号取得日',
      'kokuho_hihokensha_no',
    ],
    candidate: SYSTEM_KOJIN_BANGO_CANDIDATE,
  },
  {
    id: 'comment-naibu-kojin-bango',
    kind: 'individual-number',
    target: 'comment',
    summary: 'a system-qualified 個人番号 in a column comment: 内部個人番号, 国保個人番号, 住基個人番号, 宛名個人番号',
    pattern: anyOf(...SYSTEM_KOJIN_BANGO, `${WORD_START}internal_?(?:individual|personal)_?number`),
    positives: [
      '内部個人番号',
      '内部個人番号（旧システム）',
      'Internal personal number',
      '国保個人番号',
      '国民健康保険個人番号',
    ],
    negatives: ['内部管理番号', '内部番号', '内部個人番号の採番日', '国保の被保険者番号'],
    candidate: SYSTEM_KOJIN_BANGO_CANDIDATE,
  },
  {
    id: 'name-kojin-bango',
    kind: 'individual-number',
    target: 'name',
    summary: '個人番号 in a column name: kanji or romanised (kojin_bango, kojinbango, kojin_bangou, …)',
    pattern: anyOf(...KOJIN_BANGO),
    positives: [
      'kojin_bango',
      'kojinbango',
      'kojin_bangou',
      'KojinBango',
      'kojinBango',
      'KOJIN_BANGO',
      'ｋｏｊｉｎ＿ｂａｎｇｏ',
      '個人番号',
      '個人番号（暗号化）',
      '暗号化個人番号',
      '個人番号ハッシュ',
      '旧個人番号',
      'kojin_bango_hash',
      'enc_kojin_bango',
      'kojin_bango_enc',
      'old_kojin_bango',
      'verified_kojin_bango',
      'kojin_hojin_bango',
      '個人・法人番号',
    ],
    negatives: [
      'kojin_id',
      'kojin_cd',
      'bango',
      'hojin_bango',
      '法人番号',
      'kojin_bango_kofu_date',
      '個人番号カード交付日',
      'kojin_bango_flg',
      '個人番号取得済フラグ',
    ],
  },
  {
    id: 'name-my-number',
    kind: 'individual-number',
    target: 'name',
    summary: 'My Number in a column name: マイナンバー, my_number, mynumber, my_num',
    pattern: anyOf(...MY_NUMBER),
    positives: [
      'my_number',
      'mynumber',
      'myNumber',
      'MyNumber',
      'MYNUMBER',
      'my_num',
      'マイナンバー',
      'ﾏｲﾅﾝﾊﾞｰ',
      'token_mynumber',
      'tokenmynumber',
      'my_number_hash',
      'encMyNumber',
      'my_numbers',
    ],
    negatives: [
      'dummy_number',
      'dummynumber',
      'my_numeric',
      'my_node',
      'number',
      'mynumber_verified',
      'my_number_card_issued_on',
      'マイナンバーカード',
    ],
  },
  {
    id: 'name-individual-number',
    kind: 'individual-number',
    target: 'name',
    summary: 'Individual Number (the official English name) in a column name',
    pattern: anyOf(`${WORD_START}individual_?(?:number|num(?![a-z])|no(?![a-z]))`),
    positives: [
      'individual_number',
      'individualNumber',
      'IndividualNumber',
      'individual_no',
      'individual_num',
      'hashed_individual_number',
    ],
    negatives: ['individual_notes', 'individual_name', 'individual_id', 'individual_number_flag'],
  },
  {
    id: 'name-personal-number',
    kind: 'individual-number',
    target: 'name',
    summary: 'personal_number in a column name (a direct translation of 個人番号)',
    pattern: anyOf(`${WORD_START}personal_?number`),
    positives: ['personal_number', 'personalNumber', 'personal_number_enc'],
    negatives: ['personal_no', 'personal_id', 'personnel_number', 'impersonal_number', 'personal_number_date'],
  },
  {
    id: 'comment-kojin-bango',
    kind: 'individual-number',
    target: 'comment',
    summary: '個人番号 in a column comment (COMMENT ON COLUMN, MySQL COMMENT, ORM comment)',
    pattern: anyOf(...KOJIN_BANGO),
    positives: [
      '個人番号',
      '個人番号（暗号化済）',
      '被保険者の個人番号',
      '個人番号を暗号化して格納',
      '個人番号。取得日は別テーブル',
      '本人確認済みの個人番号',
      'SHA-256でハッシュ化した個人番号',
      'kojin bango',
      '社会保障・税番号',
    ],
    negatives: [
      '個人番号カード交付日',
      '個人番号の取得有無',
      '個人番号取得日',
      '個人番号ではない',
      '住民票コード（個人番号の生成元）',
      '個人番号の提供先',
      '法人番号',
    ],
  },
  {
    id: 'comment-my-number',
    kind: 'individual-number',
    target: 'comment',
    summary: 'My Number in a column comment: マイナンバー, My Number',
    pattern: anyOf(MY_NUMBER[0], MY_NUMBER[1], MY_NUMBER[2]),
    positives: ['マイナンバー', 'マイナンバー（暗号化）', 'My Number', 'mynumber (tokenised)'],
    negatives: ['マイナンバーカードの有無', 'Dummy number', 'My Number card issue date'],
  },
  {
    id: 'comment-individual-number',
    kind: 'individual-number',
    target: 'comment',
    summary: 'Individual Number (the official English name) in a column comment',
    pattern: anyOf(`${WORD_START}individual_?number`),
    positives: ['Individual Number', 'Individual Number (encrypted)', 'individual number of the insured'],
    negatives: ['Individual Number Card', 'individual number verified', 'individual name'],
  },
  // ── candidates: names that may be the number, settled by the type, a comment or the config ──
  {
    id: 'name-abbreviation',
    kind: 'individual-number',
    target: 'name',
    summary: 'a romanised abbreviation of 個人番号 / マイナンバー: KJN_BNG, KJNBNG, KOJIN_BNG, KOJIN_NO, MYNO, MY_NO',
    pattern: anyOf(
      `${WORD_START}(?:kjn_?(?:bng|bngo|bang|${BANGO}|no|num|nbr)|kojin_?(?:bng|bngo|no|num|nbr|number)|my_?(?:no|nbr))${WORD_END}`,
    ),
    positives: [
      'KJN_BNG',
      'KJNBNG',
      'KOJIN_BNG',
      'KOJIN_NO',
      'kojin_no',
      'kojinNo',
      'MYNO',
      'MY_NO',
      'kjn_no',
      'enc_kojin_no',
    ],
    negatives: ['kojin_id', 'kojin_cd', 'my_note', 'myname', 'kojin_no_flg', 'kjn_no_kbn', 'kojin_nozei', 'mynode'],
    candidate: {
      reason: 'an abbreviation vendors use both for the 個人番号 and for internal person numbers (個人No.)',
      settle:
        'a CHAR(12) / NUMERIC(12) type or a comment naming 個人番号 makes it the number; otherwise list it under numberColumns.include or exclude',
      raise: 'type-fits',
    },
  },
  {
    id: 'comment-kyotsu-bango',
    kind: 'individual-number',
    target: 'comment',
    summary: '共通番号: the name of the number while it was planned (社会保障・税の共通番号), still used by vendors',
    pattern: anyOf(`(?<!部品|商品|品目|製品|型式)共通番号`, `${WORD_START}kyou?tsu_?${BANGO}`),
    positives: ['共通番号', '共通番号（個人）', 'kyotsu bango'],
    negatives: ['部品共通番号', '共通番号取得区分', '共通コード'],
    candidate: {
      reason:
        'before the My Number Act the number was planned as the 共通番号 (社会保障・税番号), and vendors kept the name; ' +
        'but 共通番号 also names shared item numbers',
      settle: 'a name naming the number (mynumber, kojin_bango), a CHAR(12) type, or a decision under numberColumns',
      raise: 'type-fits',
    },
  },
  {
    id: 'comment-abbreviation',
    kind: 'individual-number',
    target: 'comment',
    summary: 'an abbreviation of マイナンバー in a column comment: マイNo, マイNo.',
    pattern: anyOf('マイno', `${WORD_START}my_?no${WORD_END}`),
    positives: ['マイNo', 'マイNo.', 'MY NO'],
    negatives: ['マイページ', 'My notes', 'マイNoの登録日'],
    candidate: {
      reason: 'マイNo is usually the マイナンバー, but the comment does not say so in full',
      settle:
        'a CHAR(12) / NUMERIC(12) type or a comment naming 個人番号 makes it the number; otherwise list it under numberColumns.include or exclude',
      raise: 'type-fits',
    },
  },
];
