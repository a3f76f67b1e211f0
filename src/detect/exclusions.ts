/**
 * Exclusion rules (除外規則): a number rule only says a column *mentions* the number; these say the
 * column is something *about* the number (a date, a flag, a status, the card, a count, a masked
 * fragment, …) or the 住民票コード, and veto the hit.
 *
 * Japanese and snake_case names are head-final: what a column is, is said last
 * (`個人番号カード交付日` is a date; `本人確認済個人番号` is a number). So most exclusions read
 * only the *tail*, the text after the number's mention; a word before the mention is a modifier
 * (`verified_my_number`, `旧個人番号`) and changes nothing.
 *
 * Where an exclusion looks:
 * - `tail`: the text after the number's mention (bracketed asides removed). When a name or a
 *   comment part does not mention the number at all, its whole text is the tail, but only for
 *   rules marked `standalone` (a column `kofu_date` commented `個人番号` is still a date).
 * - `wholeName`: the front of the whole column name, for English predicates that put the head
 *   first (`is_my_number_registered`, `has_mynumber`, `num_of_my_number`). Only these: a veto word
 *   vetoes only as the head of a name (issue 15, point 2), so a romanised class word before the
 *   number's name (`dt_kojin_bango`, `flg_kojin_bango`, `kbn_kojin_bango`, `dtKojinNo`,
 *   `DT個人番号`) is a modifier and the head, 番号, says what the column is. A test checks that every
 *   `wholeName` is anchored at the front.
 * - `identityName`: the whole name of a column whose name does not mention the number, for what
 *   a column is said anywhere in it (`juminhyo_code` commented 個人番号).
 * - `wholeComment`: a comment's whole first sentence. English is head-first ("Date the My Number
 *   was verified", "Flag: has My Number"), so English comments are also read from the front.
 * - `wholeText`: the whole name or comment sentence, asides included (`個人番号（下4桁）`).
 */
import { isBooleanType, tooShortForNumber } from './column-type.js';
import { anyOf, terms, wordStarts, words, WORD_END, WORD_START } from './patterns.js';

/**
 * Countries (ISO 3166 codes that are not English words, and names) whose own personal numbers an
 * English number name may mean: `bg_personal_number` is the Bulgarian EGN. Japan is not among them.
 */
const OTHER_COUNTRIES = [
  'bg|se|dk|fi|ee|lv|lt|pl|cz|sk|ro|hr|si|hu|gr|nl|ch|kr|cn|tw|hk|sg|th|vn|ph|br|mx|ar|cl|za|ng|tr|il|ru|ua|kz|uz',
  'sweden|swedish|norway|norwegian|denmark|danish|finland|finnish|estonia|estonian|poland|polish|czech|slovak|bulgaria|bulgarian',
  'korea|korean|china|chinese|taiwan|taiwanese|india|indian|singapore|malaysia|malaysian|thailand|thai|vietnam|vietnamese|philippines',
  'brazil|brazilian|mexico|mexican|russia|russian|ukraine|ukrainian|kazakhstan|british|american|canada|canadian|australia|australian',
].join('|');

export interface ExclusionExample {
  name?: string;
  comment?: string;
  /** The declared type, for the type rule. */
  type?: string;
}

export interface ExclusionRule {
  id: string;
  summary: string;
  /** Why this is not the number, for the docs. */
  reason: string;
  tail?: RegExp;
  wholeName?: RegExp;
  /** Tested on a whole name that does not mention the number (an `identity` rule: the 住民票コード). */
  identityName?: RegExp;
  /** Tested on a comment's whole first sentence (English comments put the head first). */
  wholeComment?: RegExp;
  wholeText?: RegExp;
  /**
   * Tested on the text *before* the mention, in the same name or comment part: a modifier that
   * changes what is numbered (`法人マイナンバー` is the 法人番号).
   */
  before?: RegExp;
  /** Tested on a name that does not mention the number: a prefix that says what it is (`is_`, `has_`). */
  headPrefix?: RegExp;
  /**
   * What the column is, said anywhere in a text that does not mention the number (the card, the
   * 住民票コード). Other standalone rules veto such a text only as its head, its last word:
   * `kbn_no` commented 個人番号 is the number, `shutoku_kbn` commented 個人番号 is a category.
   */
  identity?: boolean;
  /** Reads only text that does not mention the number (what a comment says the column is instead). */
  withoutMention?: boolean;
  /**
   * Set for a review rule: instead of vetoing, the column is a candidate 要確認 with this reason
   * and what would settle it. What such a column holds may still give the number (a file bearing
   * it, a part of it used in its place), so it is never dropped silently; a real veto found in the
   * same column (a date, a flag) still wins.
   */
  review?: { reason: string; settle: string };
  /** Vetoes a column whose declared type cannot hold the number (see column-type.ts). */
  typeVeto?: (type: string | undefined) => boolean;
  /** The tail rule also applies to a name or comment part that does not mention the number. */
  standalone: boolean;
  /** Columns this rule vetoes (each is otherwise a hit, and this is the first rule to veto it). */
  vetoes: (string | ExclusionExample)[];
  /** Look-alikes that this rule must leave alone (they stay hits). */
  allows: (string | ExclusionExample)[];
}

/** Directly after the mention, optionally joined by の: `個人番号カード`, `個人番号の取得…`, `_card`. */
const RIGHT_AFTER = '^(?:の|_)?';
/** Words naming an image or copy: a copy of a document bearing the number is itself the number. */
/** Romanised as vendors write them too: gazo(u) 画像, shashin 写真, utsushi 写し. */
const IMAGE = '(?:画像|写し|写真|コピー|スキャン|イメージ|image|img|scan|copy|photo|pdf|gazou?|shashin|utsushi)';
/** The front of the 個人番号カード bears no number (it is printed on the back). */
const FRONT = '(?:表面|表側|omote|front)';
/** The back of the 個人番号カード is where the number is printed: a column for it holds the number. */
const BACK = '(?:裏面|裏側|裏|ura|back)';

export const EXCLUSION_RULES: readonly ExclusionRule[] = [
  {
    id: 'juminhyo-code',
    summary: '住民票コード (resident record code): juminhyo_code, jumin_code, resident_code',
    reason: 'The 住民票コード is expressly not a 個人番号 nor a substitute for one (番号法 2条8項).',
    tail: anyOf(
      terms('住民票コード', '住民票番号', '住基コード'),
      wordStarts(
        `juminhyo`,
        `jumin_?(?:hyo_?)?(?:code|cd|kodo)`,
        `resident_?(?:code|cd|number|no)`,
        `juki_?(?:code|cd)`,
      ),
    ),
    identityName: anyOf(
      wordStarts(
        `juminhyo(?!_?(?:no_?)?utsushi)`,
        `jumin_?(?:hyo_?)?(?:code|cd)`,
        `resident_?(?:code|cd)`,
        `juki_?(?:code|cd)`,
      ),
    ),
    standalone: true,
    identity: true,
    vetoes: [
      { name: 'juminhyo_code', comment: '個人番号' },
      { comment: '個人番号ではなく住民票コード' },
      'kojin_bango_juminhyo_code',
      { name: 'resident_code', comment: 'マイナンバー' },
    ],
    allows: [{ comment: '個人番号（住民票コードではない）' }],
  },
  {
    id: 'card-or-notice',
    summary: 'the card or notice, not the number: 個人番号カード, マイナンバーカード, 通知カード, 交付 (kofu), card_*',
    reason:
      'Columns about the 個人番号カード or its issuance (交付日, card serial, 通知) describe the card. ' +
      'An image or copy of the card, or of its back, is kept a hit: a copy bearing the number is the number. ' +
      'The card\'s "number" (card_no, カード番号) is a candidate: the card bears no number but the 個人番号 (rule card-number).',
    tail: anyOf(
      `^(?:(?!.*(?:${IMAGE}|${BACK}))|(?=.*${FRONT}))(?:${RIGHT_AFTER}${terms('カード', '交付', '通知')}|${RIGHT_AFTER}${wordStarts('card', 'kofu', 'tsuchi', 'notice', 'notification', 'issu')})`,
    ),
    standalone: true,
    identity: true,
    vetoes: [
      '個人番号カード表面画像',
      'my_number_card_front_image',
      '個人番号カード交付日',
      'kojin_bango_kofu_date',
      'マイナンバーカード',
      'mynumbercard_id',
      'kojin_bango_card',
      '個人番号通知書',
      { comment: '個人番号カード' },
      'mynumber_card_front',
      'mynumber_card_omote_gazo',
    ],
    allows: [
      'my_number_card_image',
      'kojin_bango_card_ura_gazou',
      '個人番号カード写し',
      { comment: '個人番号を通知カードから転記' },
      { name: 'mynumber_card_back', comment: 'マイナンバーカード裏面' },
    ],
  },
  {
    id: 'date-time',
    summary: 'a date, time or term: *_date, *_dt, *_ymd, *_at, *_kigen, 日, 日付, 年月日, 日時, 期限',
    reason:
      'When something happened to the number (確認日, 取得日, 交付日) is not the number.' +
      " A class word before the number's name (`dt_kojin_bango`, `dtKojinNo`, `DT個人番号`) is a modifier, not the head, and vetoes nothing (head-word semantics, issue 15 point 2).",
    tail: anyOf(
      terms('日付', '年月日', '日時', '時刻', '年月', '日$', '期限', '期日', '期間'),
      words(
        'date',
        'dt',
        'ymd',
        'ymdhms',
        'datetime',
        'timestamp',
        'ts',
        'time',
        'tm',
        'nengappi',
        'hizuke',
        'kigen',
        'expire',
        'expires',
        'expiry',
        'expiration',
      ),
      `${WORD_START}at$`,
      wordStarts(`(?:kofu|kakunin|shutoku|toroku|henko|teikyo)_?(?:bi|hi)${'(?![a-z])'}`),
    ),
    standalone: true,
    vetoes: [
      '個人番号確認日',
      'kojin_bango_dt',
      'mynumber_updated_at',
      'kojin_bango_ymd',
      'KOJIN_BANGO_DT',
      'kojinBangoDt',
      { name: 'kakunin_date', comment: '個人番号' },
      { comment: '個人番号登録日時' },
      'kojin_bango_yuko_kigen',
      { comment: '個人番号の有効期限' },
    ],
    allows: [
      'kojin_bango_update',
      { comment: '個人番号（毎日更新）' },
      { name: 'kojin_bango', comment: '日次で更新' },
      // Head-word semantics (issue 15, point 2): a class word before the number's name is a modifier.
      'dt_kojin_bango',
      'dtKojinBango',
      'DT_KOJIN_BANGO',
      'DT個人番号',
      { name: 'dt_kojin_no', comment: '個人番号' },
      'date_kojin_bango',
    ],
  },
  {
    id: 'flag-presence',
    summary: 'a flag or presence marker: *_flag, *_flg, is_*, has_*, フラグ, 有無, 取得済, 登録済, …かどうか',
    reason:
      'Whether the number was obtained or exists is a yes/no about the number.' +
      " English predicates put the head first (is_…, has_…); a romanised class word before the number's name (`flg_kojin_bango`) is a modifier, not the head (issue 15 point 2).",
    tail: anyOf(
      terms(
        'フラグ',
        '有無',
        '(?:取得|登録|確認|提出|記載|入力|提供|収集|届出|申告|回収|受領)済',
        '(?:かどうか|か否か|か)$',
      ),
      `${RIGHT_AFTER}${terms('あり', 'なし', '有り', '無し')}$`,
      words('flag', 'flg', 'umu', 'exist', 'exists', 'yn', 'bool', 'ari', 'nashi'),
    ),
    // English predicates put the head first (is_…, has_…): the whole name is a yes/no.
    wholeName: anyOf('^(?:is|has|exists?|can|should|needs?)_'),
    headPrefix: anyOf('^(?:is|has|exists?|can|should|needs?)_'),
    standalone: true,
    vetoes: [
      'kojin_bango_flg',
      '個人番号取得済フラグ',
      'has_mynumber',
      'is_my_number_registered',
      'isMyNumberRegistered',
      'KOJIN_BANGO_FLG',
      'kojin_bango_umu',
      { comment: '個人番号の取得有無' },
      { name: 'shutoku_flg', comment: '個人番号' },
      { comment: '個人番号を取得したかどうか' },
    ],
    allows: [
      '個人番号暗号化済',
      { comment: 'マイナンバー 暗号化済み' },
      { comment: 'マイナンバー、暗号化あり' },
      'flg_kojin_bango',
      'FlgKojinBango',
      'chk_my_number',
      'フラグ個人番号',
    ],
  },
  {
    id: 'verification',
    summary: 'verification of the number: *_verified, *_confirmed, *_kakunin, *_check, 確認状況, 検証, 照合',
    reason: 'Whether or how the number was verified (番号確認) is a status about the number.',
    tail: anyOf(
      terms(
        '確認(?:済|日|状況|状態|結果|区分|フラグ|有無|書類|方法|者)',
        '確認$',
        '検証',
        '照合',
        '真正性',
        'チェック',
      ),
      words(
        'verified',
        'verify',
        'verification',
        'confirmed',
        'confirm',
        'confirmation',
        'kakunin',
        'shogo',
        'kensho',
        'checked',
        'check',
        'valid',
        'validity',
        'invalid',
        'validated',
      ),
    ),
    standalone: true,
    vetoes: [
      'mynumber_verified',
      'kojin_bango_kakunin',
      '個人番号確認状況',
      'my_number_confirmed',
      'kojin_bango_check_digit',
      { comment: '個人番号の確認状況' },
      { name: 'kojin_bango', comment: '確認状況' },
    ],
    allows: ['verified_my_number', '本人確認済個人番号', { name: 'kojin_bango', comment: '本人確認用' }],
  },
  {
    id: 'acquisition',
    summary: 'acquiring or providing the number: 取得, 収集, 提出, 提供, shutoku, teikyo, acquired',
    reason: 'How, from whom or to whom the number was obtained or provided is not the number.',
    tail: anyOf(
      `${RIGHT_AFTER}${terms('取得', '収集', '提出', '届出', '申告', '受領', '回収', '提供', '照会')}`,
      `${RIGHT_AFTER}${wordStarts(
        'shutoku',
        'shushu',
        'teishutsu',
        'teikyo',
        'shokai',
        'acquired',
        'acquisition',
        'obtained',
        'collected',
        'collection',
        'submitted',
        'submission',
        'provided',
        'provision',
      )}`,
    ),
    standalone: false,
    vetoes: [
      '個人番号取得区分',
      'kojin_bango_shutoku',
      'kojin_bango_teikyo_saki',
      '個人番号提供先',
      'my_number_provided',
    ],
    allows: [
      { comment: '住基ネットから取得した個人番号' },
      { comment: '個人番号を住基ネットから取得' },
      { name: 'kojin_bango', comment: '住基ネットから取得' },
    ],
  },
  {
    id: 'status-category',
    summary:
      'a status, category, reason or purpose: *_status, *_kbn, *_kubun, *_type, *_purpose_code, 区分, 状況, 状態, 種別, 理由, 事由',
    reason:
      'A code classifying the number (取得区分, 状態) is not the number.' +
      ' Only as the head: `kbn_kojin_bango` is the number (issue 15 point 2: a veto word vetoes only as the head of the name).',
    tail: anyOf(
      terms('区分', '状況', '状態', '種別', '種類', 'ステータス', '方法', '理由', '事由', '結果', '区別'),
      words(
        'status',
        'sts',
        'stat',
        'state',
        'kbn',
        'kubun',
        'type',
        'kind',
        'shubetsu',
        'shurui',
        'jotai',
        'jokyo',
        'reason',
        'riyu',
        'result',
        'kekka',
        'method',
        'hoho',
        'category',
        'purpose',
      ),
    ),
    standalone: true,
    vetoes: [
      'kojin_bango_status',
      'my_number_statutory_purpose_code',
      '個人番号変更事由',
      'kojin_bango_kbn',
      'KojinBangoKbn',
      'mynumber_type',
      '個人番号変更理由',
      { name: 'status', comment: '個人番号' },
    ],
    allows: ['kojin_bango_typed_value', 'kbn_kojin_bango', 'KBN_KOJIN_BANGO', 'stsMyNumber', '区分個人番号'],
  },
  {
    id: 'count-length',
    summary: 'a count or length: *_count, *_cnt, 件数, 数, 桁数',
    reason:
      'How many numbers, or how long one is, is not the number.' +
      ' English puts the head first (num_of_…); `cnt_kojin_bango` is the number (issue 15 point 2).',
    tail: anyOf(
      terms('件数', '人数', '回数', '桁数', '文字数', '数$'),
      words('count', 'cnt', 'kensu', 'len', 'length', 'size', 'su'),
    ),
    // English puts the head first: num_of_…, count_of_… is a count.
    wholeName: anyOf('^(?:num|number|no|cnt|count)_of_'),
    standalone: true,
    vetoes: [
      'mynumber_count',
      'kojin_bango_cnt',
      '個人番号件数',
      'num_of_my_number',
      { comment: 'マイナンバーの登録件数' },
    ],
    allows: ['kojin_bango_sub', 'cnt_kojin_bango', 'CntMyNumber'],
  },
  {
    id: 'masked-partial',
    summary: 'a masked, partial or transformed form on its own: 下4桁, マスク, masked, last4 (要確認, not a veto)',
    reason:
      'A masked value or a lone part of the number (the last four digits) cannot by itself give back the number, ' +
      'but a part or a transform used in place of the number is a code corresponding to it (番号法 2条8項; PPC Q&A 9-4), ' +
      'and only the system that uses it can tell. So a lone part is a candidate 要確認, never dropped silently. ' +
      'Split storage (上4桁/中4桁/下4桁 in several columns) is the number itself (Q&A 9-3, rule split-number-part).',
    review: {
      reason:
        'a part or masked form of the 個人番号 (下4桁, masked) cannot give back the number on its own, but a part or ' +
        'transform used in place of the number is a code corresponding to it (番号法 2条8項, PPC Q&A 9-4)',
      settle:
        'numberColumns.exclude with the reason if it is only shown to people (a masked display value) and never used to ' +
        'find or match a person; numberColumns.include (or substitute) if records are looked up or matched by it',
    },
    wholeText: anyOf(
      terms('下4桁', '下四桁', '末尾4桁', '末尾4文字', '下4文字', 'マスク(?!前)', '伏せ?字'),
      words(
        'masked',
        'mask',
        'masking',
        'last4',
        'last_4',
        'last_four',
        'tail4',
        'shimo_?4(?:keta)?',
        'shimo_?yon_?keta',
      ),
    ),
    standalone: true,
    identity: true,
    vetoes: [
      'kojin_bango_last4',
      'masked_my_number',
      '個人番号下4桁',
      { comment: '個人番号の下4桁' },
      { comment: '個人番号（下4桁のみ）' },
    ],
    allows: ['unmasked_kojin_bango', 'マスク前個人番号', 'kojin_bango_part1'],
  },
  {
    id: 'about-work',
    summary: 'the work or person handling the number: 個人番号利用事務, 関係事務, 取扱, 利用目的, 入力者',
    reason: '個人番号利用事務・関係事務, 利用目的 name activities about the number; 入力者, 取扱担当者 name people.',
    tail: anyOf(
      `${RIGHT_AFTER}${terms('利用', '関係事務', '取扱', '事務', '担当', '目的', '制度')}`,
      terms('者$'),
      `${RIGHT_AFTER}${wordStarts('riyo', 'kankei', 'jimu', 'toriatsukai', 'usage', 'purpose', 'tanto')}`,
    ),
    standalone: false,
    vetoes: [
      '個人番号利用事務',
      'kojin_bango_riyo_jimu',
      '個人番号取扱担当者',
      { comment: '個人番号の利用目的' },
      '個人番号入力者',
    ],
    allows: [{ comment: '個人番号（利用事務で使用）' }, '扶養者個人番号'],
  },
  {
    id: 'negation',
    summary: 'a stated negation: 個人番号ではない, 以外, を含まない, non_*, not_*',
    reason: 'A comment that says the column is not, or does not hold, the number is taken at its word.',
    tail: anyOf(
      terms(
        '^(?:で|じゃ)(?:は)?な',
        '^以外',
        '^(?:を|は)?(?:含ま|含め|保持し|持た|保存し|格納し|記録し|使用し|利用し)な',
        '^不要',
        // 個人番号未設定により未提供: a state of the number's absence (未設定, 未登録, 未提供, 未取得).
        '^未(?:設定|登録|提供|取得|収集|入力|記載)',
      ),
      `^_?${words('not', 'non', 'without', 'excluding', 'except')}`,
    ),
    wholeName: anyOf('^(?:non|not|without)_'),
    standalone: false,
    vetoes: [
      { comment: '個人番号ではない' },
      { comment: '個人番号以外の番号' },
      { comment: '個人番号は保持しない' },
      'non_kojin_bango',
      { comment: 'My Number not stored' },
      '提供区分_個人番号未設定により未提供',
      { comment: '個人番号未登録' },
    ],
    allows: [{ comment: '個人番号（非公開）' }, { comment: '個人番号（未成年者を含む）' }],
  },
  {
    id: 'english-head',
    summary:
      'an English comment whose first word says what the column is: "Date …", "Flag …", "Whether …", "Has …", "Number of …"',
    reason:
      'English puts the head first: "Issue date of the My Number card" is a date. Adjectives ' +
      '("Encrypted My Number", "Verified My Number") are not heads and leave the hit.',
    wholeComment: anyOf(
      `^(?:the_|a_|an_)?${words(
        'has',
        'is',
        'exists',
        'date',
        'time',
        'timestamp',
        'flag',
        'status',
        'count',
        'number_of',
        'num_of',
        'type',
        'kind',
        'whether',
        'presence',
        'indicator',
        'reason',
        'result',
        'method',
        'issue',
        'issuance',
        'expiry',
        'expiration',
        'card',
      )}`,
    ),
    standalone: true,
    vetoes: [
      { comment: 'Date of My Number registration' },
      { comment: 'Whether the My Number is obtained' },
      { comment: 'Number of My Number records' },
      { comment: 'Flag indicating Individual Number presence' },
      { name: 'kojin_bango', comment: 'Reason for the update' },
      { comment: 'Has My Number' },
    ],
    allows: [
      { comment: 'Encrypted My Number' },
      { comment: 'Verified My Number' },
      { comment: 'The Individual Number' },
    ],
  },
  {
    id: 'linked-identifier',
    summary: 'another number linked to the 個人番号: 個人番号に紐づく宛名番号, 個人番号と対応する管理コード',
    reason:
      'Japanese is head-final: in 個人番号に紐づく宛名番号 the column is the 宛名番号, which the ' +
      'link graph connects to the number; it is not the number itself.',
    tail: anyOf(
      `^(?:に|と)(?:紐|ひも|対応|関連|連携).*(?:番号|コード|id|キー|no|cd|code)$`,
      // Head-final compounds whose head is another person's number: 個人番号付替対象者被保険者番号 is a
      // 被保険者番号 (of the people whose number is re-linked).
      '(?:被保険者|宛名|住民|世帯|受給者|記号)番号$',
    ),
    standalone: false,
    vetoes: [
      '個人番号付替対象者被保険者番号',
      { comment: '個人番号連携対象の宛名番号' },
      { comment: '個人番号に紐づく宛名番号' },
      { comment: '個人番号と対応する管理コード' },
      { comment: 'マイナンバーに関連付けた内部ID' },
    ],
    allows: [{ comment: '個人番号に対応する符号' }, { comment: '個人番号と紐付けて管理' }],
  },
  {
    id: 'identifier-or-key',
    summary: 'a record id, key or management number about the number: *_id, *_key, *_seq, 管理番号, 鍵',
    reason:
      'A surrogate id of a number record, or an encryption key, is not the number. Links through ' +
      'such an id are found by the link graph, so the relation holding the number is still reached. ' +
      'A hash used as a lookup key (*_hash_key) stays a hit.',
    tail: anyOf(
      `${WORD_START}(?<!hash_)(?:id|key|seq|pk|key_id|kid)$`,
      // The user who registered, changed or deleted it (mynumber_deleted_by): an account id.
      `${WORD_START}(?:[a-z]+_)?by$`,
      terms('管理番号', '連番', '通番', '鍵', 'キー$'),
      wordStarts(`kanri_?(?:no|bango|id|cd)`),
    ),
    standalone: false,
    vetoes: [
      'mynumber_deleted_by',
      'kojin_bango_updated_by',
      'kojin_bango_id',
      'my_number_key',
      '個人番号暗号鍵',
      'kojin_bango_kanri_no',
      '個人番号管理番号',
      'mynumber_seq',
    ],
    allows: ['kojin_bango_hash_key', 'kojin_bango_no', 'my_number_byte_value'],
  },
  {
    id: 'annotation',
    summary: 'a remark or message about the number: *_biko, *_memo, *_note, *_error, 備考, エラー',
    reason: 'Free text about the number (remarks, error messages) is not the number.',
    tail: anyOf(
      terms('備考', 'メモ', '注記', '説明', 'エラー', 'メッセージ', '名称'),
      words(
        'biko',
        'memo',
        'note',
        'notes',
        'remark',
        'remarks',
        'comment',
        'description',
        'msg',
        'message',
        'error',
        'err',
        'label',
      ),
    ),
    standalone: false,
    vetoes: ['kojin_bango_biko', 'mynumber_error_msg', '個人番号備考'],
    allows: ['kojin_bango_enc', 'kojin_bango_notation_free'],
  },
  {
    id: 'corporate-number',
    summary: 'the 法人番号 called by a 個人番号 word: 法人マイナンバー, 会社のマイナンバー, corporate_my_number',
    reason: 'A 法人番号 (13 digits, 番号法 39条) is not a 個人番号; "法人マイナンバー" is a common name for it.',
    before: anyOf(
      `${terms('法人', '会社', '企業', '事業者', '団体')}(?:の)?$`,
      `${wordStarts('hojin', 'houjin', 'corporate', 'corporation', 'company', 'kaisha')}_?$`,
    ),
    standalone: false,
    vetoes: [
      { name: 'bp_my_number', comment: '所属会社法人マイナンバー' },
      '法人マイナンバー',
      'corporate_my_number',
      { comment: '会社のマイナンバー（法人番号）' },
    ],
    allows: [{ comment: '法人代表者の個人番号' }, '個人・法人番号', { comment: '従業員のマイナンバー' }],
  },
  {
    id: 'other-scheme',
    summary:
      'an English number name qualified by another scheme: medicare_individual_number, serial_personal_number, phone_my_number',
    reason:
      "A word before the number's name that names another numbering scheme (Medicare, Medicaid, a serial, a telephone) " +
      'says which number it is: the US Medicare member number, a serial, a phone. A person before it ' +
      '(employee_my_number, 従業員のマイナンバー) changes nothing.',
    before: anyOf(
      `${WORD_START}(?:medicare|medicaid|serial|phone|telephone|tel|mobile|fax)(?:_[a-z0-9]+)*_$`,
      `${WORD_START}(?:${OTHER_COUNTRIES})(?:_[a-z0-9]+)*_$`,
    ),
    standalone: false,
    vetoes: [
      'medicareAdvantageIndividualNumber',
      'serial_personal_number',
      'phone_my_number',
      { comment: 'Medicare Advantage individual number' },
      'bg_personal_number',
      'se_personal_number',
      'korean_individual_number',
    ],
    allows: [
      'employee_my_number',
      'staff_personal_number',
      'patient_individual_number',
      'hotel_my_number',
      'jp_my_number',
      'japan_individual_number',
    ],
  },
  {
    id: 'other-scheme-comment',
    summary:
      "a comment naming another kind of number and not the 個人番号: another country's national number (EGN, PESEL, SSN, NRIC, Aadhaar, 身份证号; comments in Cyrillic or Hangul are read by foreign-comment) or a serial, order or ticket number",
    reason:
      'A comment that says which number a column holds wins over a look-alike English name (personal_number commented ' +
      '「EGN」 is the Bulgarian personal number, individual_number commented "Serial No." a serial): the national numbers of ' +
      'other countries are other schemes, not the 個人番号 of 番号法 2条5項, which only Japan assigns. Japanese names of ' +
      'other numbers are read by other-identifier; a comment that also names the 個人番号 is not vetoed.',
    wholeComment: anyOf(
      words(
        'egn',
        'pesel',
        'personnummer',
        'fodselsnummer',
        'cpr',
        'bsn',
        'ssn',
        'social_security(?:_number|_no)?',
        'nino',
        'national_insurance(?:_number|_no)?',
        'sin',
        'tfn',
        'tax_file_number',
        'nric',
        'mykad',
        'aadhaar',
        'aadhar',
        'pan',
        'cpf',
        'curp',
        'rut',
        'dni',
        'nie',
        'nik',
        'jmbg',
        'oib',
        'amka',
        'hetu',
        'isikukood',
      ),
      terms('身份证', '身份證', '居民身份'),
      `${WORD_START}(?:serial|sequence|seq|order|invoice|ticket|tracking|receipt|lot)_(?:no|number|num|nbr)${WORD_END}`,
    ),
    standalone: true,
    withoutMention: true,
    vetoes: [
      { name: 'personal_number', comment: 'EGN' },
      { name: 'individual_number', comment: 'Individual / Serial No.' },
      { name: 'my_number', comment: 'Aadhaar number' },
      { name: 'personal_number', comment: 'PESEL' },
      { name: 'mynumber', comment: '居民身份证号码' },
    ],
    allows: [
      { name: 'my_number', comment: 'My Number (not the SSN)' },
      { name: 'my_number', comment: 'Individual Number' },
      { name: 'kojin_bango', comment: '個人番号' },
    ],
  },
  {
    id: 'file-reference',
    summary:
      'a file name, path, URL or reference of a copy kept outside the schema: *_filename, *_path, *_url, *_vault_ref, ファイル名, 保存先 (要確認, not a veto)',
    reason:
      'A column naming where a file is kept holds a name, not the number; but the file it names is a copy about the ' +
      'number (a photo of the back of the 個人番号カード, a scanned 通知カード), and a copy bearing the number is itself ' +
      'specific personal information (the back of the 個人番号カード bears the 個人番号: 警察庁 事務連絡 2015-10-19, as ' +
      'quoted at https://amasgasaki-legal.com/mynumber.html). The file is outside the schema, so the column is a ' +
      "candidate 要確認, never dropped silently. A file of the card's front (表面, front, or the one beside a *_back " +
      'twin) bears no number (card-or-notice, front-beside-back).',
    review: {
      reason:
        'the column names where something about the 個人番号 is kept outside the schema (a photo, scan or copy, a vault entry): ' +
        'what it names may hold the number, and a copy bearing it (the back of the 個人番号カード, a 通知カード, a 源泉徴収票) ' +
        'is itself specific personal information',
      settle:
        'numberColumns.include if the files it names bear the number (then the file store is part of the 特定個人情報ファイル), ' +
        'numberColumns.exclude with the reason if they do not (the front of the card, the number masked)',
    },
    tail: anyOf(
      terms('ファイル名', 'パス', '保存先', '格納先', 'url', 'uri', 'リンク'),
      words(
        'filename',
        'file_name',
        'fname',
        'path',
        'filepath',
        'file_path',
        'url',
        'uri',
        'link',
        'key_name',
        'object_key',
        'ref',
        'reference',
      ),
    ),
    standalone: false,
    vetoes: [
      'attachment_mynumber_filename',
      'my_number_raw_vault_ref',
      'my_number_image_path',
      '個人番号カード写しファイル名',
      'tsuchi_card_image_path',
      'mynumber_photo_url_back',
      { comment: '通知カード画像の保存先パス' },
    ],
    allows: ['my_number_image', 'kojin_bango_card_copy', { comment: '個人番号（ファイル取込）' }],
  },
  {
    id: 'code-after-number',
    summary: 'a code named after the number: my_number_code, kojin_bango_cd, 個人番号コード (要確認, not a veto)',
    reason:
      'A code is a classification (a purpose, status or category code about the number) or, in the words of the Act, ' +
      'a 符号 used in place of the number (番号法 2条8項: 機関別符号 is officially a "code"): the name does not say ' +
      'which, so the column is a candidate 要確認, never a silent number or a silent veto.',
    review: {
      reason:
        'the column is a code named after the 個人番号: a classification code about it (purpose, status) or a code used in its place (番号法 2条8項)',
      settle:
        'numberColumns.substitute if it is a code used in place of the number, numberColumns.exclude with the reason if it is a classification code',
    },
    tail: anyOf(words('code', 'cd'), terms('コード')),
    standalone: false,
    vetoes: ['jp_my_number_code', 'my_number_cd', 'kojinBangoCode', '個人番号コード'],
    allows: ['my_number', 'kojin_bango', 'my_number_encoded'],
  },
  {
    id: 'other-identifier',
    summary:
      'a comment naming another number or code: 大口事業所個別番号, 個人登録番号, 宛名番号 (the comment wins over the name)',
    reason:
      'A comment that says which number a column is wins over a look-alike name: `individual_number` commented ' +
      '「大口事業所個別番号」 is the postal large-office number. Generic comments (番号, 12桁の番号) do not veto.',
    tail: anyOf(
      `^(?!(?:\\d+桁の?|本人の?|対象者の?|当人の?|暗号化(?:した|済み?の?)?|ハッシュ(?:化した|値の?)?|新しい|旧|新)?(?:番号|コード|記号)$)[^a-z0-9_]+(?:番号|コード|記号)$`,
    ),
    standalone: true,
    withoutMention: true,
    vetoes: [
      { name: 'individual_number', comment: '大口事業所個別番号' },
      { name: 'personal_number', comment: '個人登録番号' },
      { name: 'kojin_bango', comment: '宛名番号' },
      { name: 'my_number', comment: '会員番号' },
    ],
    allows: [
      { name: 'kojin_bango', comment: '番号' },
      { name: 'my_number', comment: '12桁の番号' },
      { name: 'kojin_bango', comment: '暗号化した番号' },
    ],
  },
  {
    id: 'crypto-metadata',
    summary: 'what an encryption keeps beside the number: *_iv, *_salt, *_nonce, *_key_id, *_key_version, *_kid',
    reason:
      'The initialisation vector, salt, nonce or key reference of an encrypted number is not the number: ' +
      'the ciphertext column beside it is (PPC Q&A 9-2).',
    tail: anyOf(words('iv', 'salt', 'nonce', 'kid', 'key_id', 'key_version', 'keyid', 'auth_tag')),
    standalone: false,
    vetoes: ['encrypted_my_number_iv', 'my_number_salt', 'my_number_key_version', 'my_number_nonce'],
    allows: ['encrypted_my_number', 'my_number_encrypted', 'kojin_bango_enc'],
  },
  {
    id: 'orm-relation',
    summary: 'an ORM relation field: ForeignKey, OneToOneField, ManyToManyField, belongs_to, references',
    reason:
      'An ORM relation field stores the key of the row it points to (profile_mynumber → the id of the row that ' +
      'holds the number), not the number; the link itself is followed by the link graph.',
    typeVeto: (type) =>
      type !== undefined &&
      /^(?:models\.)?(?:foreignkey|onetoonefield|manytomanyfield|manytoone|onetoone|onetomany|belongs_?to|references)\b/i.test(
        type.trim(),
      ),
    standalone: false,
    vetoes: [
      { name: 'profile_mynumber', type: 'ForeignKey' },
      { name: 'my_number', type: 'OneToOneField' },
      { name: 'kojin_bango', type: 'belongs_to' },
    ],
    allows: [
      { name: 'my_number', type: 'TEXT' },
      { name: 'my_number', type: 'CharField(max_length=12)' },
    ],
  },
  {
    id: 'generated-key',
    summary: 'a key the database generates: IDENTITY, AUTO_INCREMENT, SERIAL, GENERATED … AS IDENTITY',
    reason:
      'A value the database generates (a sequence, an identity column) is a surrogate key; the 個人番号 is ' +
      'assigned by the municipality (番号法 7条), never generated by an application database.',
    typeVeto: (type) =>
      type !== undefined && /\b(?:identity|auto_?increment|autoincrement|(?:big|small)?serial|generated)\b/i.test(type),
    standalone: false,
    vetoes: [
      { name: 'MY_NUMBER', type: 'Long (identity)' },
      { name: 'my_number', type: 'bigint AUTO_INCREMENT' },
      { name: 'mynumber', type: 'bigserial' },
    ],
    allows: [
      { name: 'my_number', type: 'bigint' },
      { name: 'my_number', type: 'varchar(12)' },
    ],
  },
  {
    id: 'boolean-type',
    summary:
      'a column declared boolean (BOOLEAN, BOOL, BIT, a TypeScript or Java boolean, z.boolean()) whose name or comment names the number: a flag about it',
    reason:
      'A boolean holds only true or false: not the 12 digits (番号法施行令 第8条), not a part or a transform of them ' +
      '(Q&A 9-3, 9-4), and not a key to a table that holds them. A flag about the number (提出済み, マイナ保険証を使う, ' +
      '取得同意) is information about the person, not the 個人番号. Unlike a too-short string or integer ' +
      '(name-type-conflict), nothing of the number fits in it, so there is nothing for a reviewer to settle.',
    typeVeto: isBooleanType,
    standalone: false,
    vetoes: [
      { name: 'my_number', type: 'boolean' },
      { name: 'kojin_bango', type: 'BIT' },
      { name: 'col3', type: 'bool', comment: '個人番号' },
      { name: 'myNumber', type: 'z.boolean().optional()' },
    ],
    allows: [
      { name: 'my_number', type: 'varchar(12)' },
      { name: 'my_number', type: 'bigint' },
    ],
  },
  {
    id: 'type-too-short',
    summary:
      'an abbreviation that may mean the number (KOJIN_NO, MY_NO) on a declared type that cannot hold 12 digits: CHAR(5), VARCHAR(8), INTEGER, NUMBER(8)',
    reason:
      'A 個人番号 is 12 digits (番号法施行令 第8条), longer when encrypted; an abbreviation, itself only a ' +
      'candidate, on a column that cannot hold 12 is the other number vendors abbreviate the same way (個人No.). ' +
      'A plain name of the number on such a type is a candidate instead (name-type-conflict). Parts of a split ' +
      'number (Q&A 9-3) are exempt: each part is short by design.',
    typeVeto: tooShortForNumber,
    standalone: false,
    vetoes: [
      { name: 'KOJIN_NO', type: 'NUMBER(8)' },
      { name: 'MY_NO', type: 'integer' },
      { name: 'kjn_bng', type: 'varchar(8)' },
      { name: 'kojin_no', type: 'smallint' },
    ],
    allows: [
      { name: 'kojin_bango', type: 'CHAR(12)' },
      { name: 'my_number', type: 'bigint' },
      { name: 'kojin_bango_enc', type: 'varchar(256)' },
      { name: 'kojin_bango_3', type: 'char(4)' },
    ],
  },
];
