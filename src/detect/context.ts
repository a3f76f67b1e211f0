/**
 * Context rules (文脈規則): decisions that need more than one column's own name and comment —
 * its type, the relation it is in, the other columns beside it. Each rule is data with examples
 * (tested by test/detect/rules.test.ts and listed in docs/detection.md); the logic that applies
 * them lives in classify.ts (split parts, types) and below (符号 tables).
 */
import type { ColumnContext } from './classify.js';
import { evidence } from './explain.js';
import { canonical, stripAsides } from './normalise.js';
import { WORD_END, WORD_START, anyOf, words } from './patterns.js';
import type { NumberKind } from './rules.js';

export type ContextOutcome = 'number' | 'candidate' | 'not';

export interface ContextExample {
  column: ColumnContext;
  expect: ContextOutcome;
}

export interface ContextRule {
  id: string;
  kind: NumberKind;
  summary: string;
  /** Why, for the docs (with the source: the PPC's Q&A, the Act). */
  reason: string;
  /** For a candidate rule: what would settle it. */
  settle?: string;
  examples: ContextExample[];
}

/**
 * The text after a mention that marks one part of a split number: `_1`, `_part2`, `上4桁`,
 * `中4桁`, `下4桁`, `前半`. PPC Q&A 9-3: a number split into pieces is, as a whole, the 個人番号.
 */
export const SPLIT_PART = anyOf(
  '^_?(?:[1-4]|part_?[1-4]|p[1-4]|(?:no|bango)_?[1-4]|(?:first|second|third|middle|last)(?:_?(?:4|part|digits))?|(?:jo|chu|ge|shimo|kami|naka)_?(?:4|yon)?_?(?:keta)?|upper|lower|head|tail|mid)$',
  '^(?:上|中|下|前|後|頭|末尾)(?:4|四)?(?:桁|ケタ|けた)?$',
  '^(?:前半|後半|上位|中位|下位)(?:4桁)?$',
  '^(?:その)?[1-4１-４]$',
);

/**
 * A comment saying the column holds the 個人番号 or the 法人番号 (canonical text, asides removed:
 * 、・/ between the two are already gone): rule number-or-corporate.
 */
export const NUMBER_OR_CORPORATE = anyOf(
  '個人番号(?:又は|または|もしくは|若しくは|及び|および|or|と)?法人番号',
  '法人番号(?:又は|または|もしくは|若しくは|及び|および|or|と)?個人番号',
);

/**
 * The name, comment or type says the My Number of the Act, not only a 個人番号 of some system:
 * what raises a system-qualified 個人番号 (国保個人番号 commented マイナンバー) to the number.
 */
export const SAYS_MY_NUMBER = anyOf(
  'マイナンバー',
  `${WORD_START}my_?number`,
  '番号法',
  '12桁',
  '社会保障と?税(?:の)?番号',
  '特定の個人を識別するための番号',
);

/** A generic code column: `fugo`, `符号`, `fugo_value`. */
const GENERIC_FUGO = anyOf(`^(?:${WORD_START}fug(?:ou|oh|o)(?:_?(?:value|val|cd|code|data|chi))?|符号(?:値|データ)?)$`);
/** A relation about 符号 (符号管理, 中間サーバー連携, 情報提供NWS). */
const FUGO_TABLE = anyOf(
  '符号',
  `${WORD_START}fug(?:ou|oh|o)`,
  '中間サーバ',
  `${WORD_START}chukan`,
  '情報提供ネットワーク',
  `${WORD_START}(?:joho_?teikyo|ipn|nws)`,
  'intermediate_?server',
);

const stats = (values: number, kojinBango: number, twelveDigits = kojinBango, hojinBango = 0) => ({
  values,
  twelveDigits,
  kojinBango,
  hojinBango,
});

export const CONTEXT_RULES: readonly ContextRule[] = [
  {
    id: 'data-check-digit',
    kind: 'individual-number',
    summary:
      'data rows in the sources (COPY … FROM stdin, INSERT … VALUES) whose values are 12-digit numbers with a valid 個人番号 check digit',
    reason:
      'Values that carry the check digit of 番号法施行令 第8条 are 個人番号 whatever the column is called; about 1 in 11 random ' +
      '12-digit strings pass, so at least 3 valid values, 90% of the 12-digit ones and half of all values are required ' +
      '(chance below 1 in 1,000). Fewer make a candidate. Evidence is counts, never values.',
    settle: 'too few values to rule out chance: decide it under numberColumns',
    examples: [
      { column: { name: 'col07', values: stats(40, 40) }, expect: 'number' },
      { column: { name: 'kojin_bango_flg', values: stats(5, 5) }, expect: 'number' },
      { column: { name: 'col07', values: stats(2, 2) }, expect: 'candidate' },
      { column: { name: 'col07', values: stats(100, 9, 100) }, expect: 'not' },
      { column: { name: 'tel', values: stats(50, 0, 50) }, expect: 'not' },
    ],
  },
  {
    id: 'data-hojin-bango',
    kind: 'individual-number',
    summary: 'a candidate whose data rows are 13-digit 法人番号 with their own check digit',
    reason:
      'The 法人番号 has 13 digits and a leading check digit of its own (法人番号の指定等に関する省令); values that pass it ' +
      'settle a candidate as the corporate number.',
    examples: [
      { column: { name: 'kojin_no', values: stats(20, 0, 0, 20) }, expect: 'not' },
      { column: { name: 'kojin_no' }, expect: 'candidate' },
      { column: { name: 'kojin_no', values: stats(20, 20) }, expect: 'number' },
    ],
  },
  {
    id: 'split-number-part',
    kind: 'individual-number',
    summary:
      'one part of a number split over columns: kojin_bango_1/2/3, 個人番号上4桁/中4桁/下4桁 (下4桁 beside the other parts)',
    reason:
      'PPC Q&A 9-3: a 個人番号 split into pieces is, as a whole, still the 個人番号, so every part is a number ' +
      'column, including the last four digits when the other parts sit beside them, and a short type does not veto a part.',
    examples: [
      { column: { name: 'kojin_bango_3', type: 'CHAR(4)' }, expect: 'number' },
      {
        column: { name: '個人番号下4桁', siblings: [{ name: '個人番号上4桁' }, { name: '個人番号中4桁' }] },
        expect: 'number',
      },
      {
        column: { name: 'col3', comment: '個人番号（下4桁）', siblings: [{ name: 'col1', comment: '個人番号上4桁' }] },
        expect: 'number',
      },
      // alone, the last four digits are a candidate (Q&A 9-4, rule masked-partial), not a part
      { column: { name: '個人番号下4桁' }, expect: 'candidate' },
      { column: { name: '個人番号下4桁', type: 'boolean' }, expect: 'not' },
    ],
  },
  {
    id: 'type-fits',
    kind: 'individual-number',
    summary: 'a candidate abbreviation (KJN_BNG, KOJIN_NO, MYNO) declared CHAR(12) / NUMERIC(12) is the number',
    reason:
      'The 個人番号 is 12 digits (番号法施行令 第8条); an abbreviation of 個人番号 with exactly that room is read as the number.',
    examples: [
      { column: { name: 'KJN_BNG', type: 'CHAR(12)' }, expect: 'number' },
      { column: { name: 'MY_NO', type: 'NUMERIC(12,0)' }, expect: 'number' },
      { column: { name: 'KOJIN_NO', type: 'VARCHAR2(20)' }, expect: 'candidate' },
      { column: { name: 'KOJIN_NO', type: 'NUMBER(8)' }, expect: 'not' },
      { column: { name: 'KJN_NO', comment: '個人番号' }, expect: 'number' },
    ],
  },
  {
    id: 'name-type-conflict',
    kind: 'individual-number',
    summary:
      'a name or comment plainly naming the number (my_number, kojin_bango, 個人番号) on a type too short for 12 digits (int, smallint, CHAR(4))',
    reason:
      'The name says 個人番号 but the type cannot hold its 12 digits (番号法施行令 第8条). The two disagree: the ' +
      'column may be a key to a table of numbers, another number, or the number in a type declared too small. ' +
      'Neither is dropped silently: the column is a candidate for a reviewer. An abbreviation (KOJIN_NO) with such ' +
      'a type is outweighed by it (type-too-short); a part of a split number is short by design (split-number-part).',
    settle:
      'numberColumns.include if it holds the number (the type is declared too small), numberColumns.exclude with the reason if it is another number or a key',
    examples: [
      { column: { name: 'my_number', type: 'int', table: 'jinji_shain' }, expect: 'candidate' },
      { column: { name: 'kojin_bango', type: 'varchar(8)' }, expect: 'candidate' },
      { column: { name: 'col5', comment: '個人番号', type: 'smallint' }, expect: 'candidate' },
      {
        column: { name: 'personal_number', type: 'CHAR(5)', siblings: [{ name: 'shimei_kana' }] },
        expect: 'candidate',
      },
      { column: { name: 'kojin_bango', type: 'CHAR(12)' }, expect: 'number' },
      { column: { name: 'KOJIN_NO', type: 'NUMBER(8)' }, expect: 'not' },
      { column: { name: 'kojin_bango_3', type: 'char(4)' }, expect: 'number' },
    ],
  },
  {
    id: 'english-name-short-type',
    kind: 'individual-number',
    summary:
      'an English my_number / personal_number / individual_number on a type too short for 12 digits, in a schema with no Japanese context',
    reason:
      '"My number" and "personal number" are ordinary English (a phone, lottery, catalogue or registration number; ' +
      "Sweden's personnummer). Two signs then say it is not the 個人番号: the type cannot hold its 12 digits " +
      '(番号法施行令 第8条), and nothing in the relation or the rest of the scanned schema is Japanese: no kana or ' +
      'kanji in any name or comment, no romanised Japanese word (shimei, jusho, kokuseki, …). With either sign ' +
      'absent the column stays a number or a candidate (name-type-conflict). A name in Japanese or romanised ' +
      'Japanese (マイナンバー, kojin_bango) is never read this way.',
    examples: [
      { column: { name: 'my_number', type: 'Integer', table: 'users' }, expect: 'not' },
      { column: { name: 'myNumber', type: 'varchar(10)', siblings: [{ name: 'myDate' }] }, expect: 'not' },
      { column: { name: 'personal_number', type: 'CHAR(5)', table: 'member' }, expect: 'not' },
      { column: { name: 'my_number', type: 'int', siblings: [{ name: 'shimei' }] }, expect: 'candidate' },
      { column: { name: 'my_number', type: 'int', table: 'shain' }, expect: 'candidate' },
      {
        column: { name: 'my_number', type: 'int', siblings: [{ name: 'name', comment: '氏名' }] },
        expect: 'candidate',
      },
      { column: { name: 'my_number', type: 'int', japaneseSchema: true }, expect: 'candidate' },
      { column: { name: 'my_number', type: 'smallint', comment: 'マイナンバー' }, expect: 'candidate' },
      { column: { name: 'マイナンバー', type: 'int' }, expect: 'candidate' },
      { column: { name: 'my_number', type: 'varchar(255)' }, expect: 'number' },
    ],
  },
  {
    id: 'abbreviation-beside-number',
    kind: 'individual-number',
    summary:
      'an abbreviation candidate (KOJIN_NO, MY_NO) in a relation that already has a column plainly named the number',
    reason:
      'Where the relation names its 個人番号 column in full (mynumber, 個人番号), an abbreviation beside it is the ' +
      'internal person number (個人No.), as in municipal tables holding both kojin_no and mynumber.',
    examples: [
      { column: { name: 'kojin_no', siblings: [{ name: 'mynumber' }, { name: 'hojin_no' }] }, expect: 'not' },
      { column: { name: 'KJN_NO', siblings: [{ name: 'col9', comment: '個人番号' }] }, expect: 'not' },
      { column: { name: 'kojin_no', siblings: [{ name: 'atena_no' }] }, expect: 'candidate' },
    ],
  },
  {
    id: 'phone-context',
    kind: 'individual-number',
    summary:
      "an English my_number in a call, message, phone, lottery or game relation, or commented as a phone number: the user's own phone or chosen number",
    reason:
      'In a relation about calls or messages (CallList, sms_log, conversation, Twilio) "my number" is the ' +
      "subscriber's own telephone number, and in a lottery or game it is the number a player chose; an English " +
      'comment calling it a phone number says the same, as does a declared telephone format (a validation allowing ' +
      'the E.164 `+` prefix, a PhoneNumberField), and, for an English my/personal/individual number in a contacts ' +
      'relation, other phone or fax columns beside it (one more of them). A comment naming 個人番号 / マイナンバー still ' +
      'makes it the number.',
    examples: [
      { column: { name: 'MyNumber', table: 'CallListTable', type: 'VARCHAR(100)' }, expect: 'not' },
      { column: { name: 'my_number', table: 'sms_messages' }, expect: 'not' },
      { column: { name: 'my_number', table: 'chat_conversation' }, expect: 'not' },
      { column: { name: 'myNumber', table: 'LotteryTicket' }, expect: 'not' },
      {
        column: { name: 'my_number', table: 'settings', comment: 'The phone number messages are sent from' },
        expect: 'not',
      },
      { column: { name: 'my_number', table: 'sms_messages', comment: 'マイナンバー' }, expect: 'number' },
      { column: { name: 'my_number', table: 'employees' }, expect: 'number' },
      { column: { name: 'myNumber', table: 'Landline', type: 'String' }, expect: 'not' },
      { column: { name: 'myNumber', table: 'squad', type: 'z.string().regex(/^\\+?[0-9]{10,14}$/)' }, expect: 'not' },
      { column: { name: 'my_number', table: 'shain', type: 'varchar(12)' }, expect: 'number' },
      {
        column: {
          name: 'personal_number',
          table: 'info_contact',
          siblings: [{ name: 'phone_number_1' }, { name: 'fax' }],
        },
        expect: 'not',
      },
      {
        column: { name: 'personal_number', table: 'info_contact', siblings: [{ name: 'address' }] },
        expect: 'candidate',
      },
    ],
  },
  {
    id: 'object-relation',
    kind: 'individual-number',
    summary:
      "a bare English my_number, individual_number or personal_number in a relation named for goods, orders, assets or animals (PearsonMaterial, orders, products, cows): the thing's own number",
    reason:
      "A person's number is an attribute of a person. A relation named for things (an order, a product, a material, " +
      'an asset, a device, a vehicle, an animal) describes the thing, and a bare "individual number" or "my number" ' +
      "in it is the thing's number: an order's or a product's own number, a cow's 個体識別番号 (牛トレーサビリティ法). A " +
      'person before the name (customer_my_number), a comment naming 個人番号 / マイナンバー, or a relation named for ' +
      'people keeps it a hit.',
    examples: [
      { column: { name: 'MyNumber', table: 'PearsonMaterial', type: 'z.number().int()' }, expect: 'not' },
      { column: { name: 'individual_number', table: 'products', type: 'varchar(20)' }, expect: 'not' },
      { column: { name: 'individual_number', table: 'cattle', type: 'varchar(10)' }, expect: 'not' },
      { column: { name: 'customer_my_number', table: 'orders', type: 'varchar(12)' }, expect: 'number' },
      { column: { name: 'my_number', table: 'orders', comment: '注文者のマイナンバー' }, expect: 'number' },
      { column: { name: 'my_number', table: 'employees', type: 'varchar(12)' }, expect: 'number' },
      { column: { name: 'myNumber', table: 'JuminhyoItem' }, expect: 'number' },
    ],
  },
  {
    id: 'person-id-comment',
    kind: 'individual-number',
    summary:
      'a name that is another person identifier (personNo, employee_id, staff_no, user_cd) commented only 個人番号: the person id or the My Number (要確認)',
    reason:
      "Before the My Number Act, 個人番号 was an ordinary word for a person's number in a system (an employee, user or " +
      'card-holder id), and it still translates "person number". When the name says the column is such an id and the ' +
      'comment says no more than 個人番号, nothing tells the two apart; issue 15 point 4 makes such a column a candidate, ' +
      'never a silent number or a silent veto. マイナンバー, 番号法 or 12桁 in the column, or a type of 12 characters, ' +
      'make it the number; an opaque name (kbn_no, col9) commented 個人番号 is the number.',
    settle:
      "numberColumns.include if the column holds the My Number (12 digits), numberColumns.exclude with the reason if it is the system's own person id",
    examples: [
      { column: { name: 'personNo', comment: '個人番号' }, expect: 'candidate' },
      { column: { name: 'EMPLOYEE_ID', comment: '個人番号', type: 'varchar(20)' }, expect: 'candidate' },
      { column: { name: 'staff_no', comment: '個人番号' }, expect: 'candidate' },
      { column: { name: 'personNo', comment: '個人番号（マイナンバー）' }, expect: 'number' },
      { column: { name: 'employee_id', comment: '個人番号', type: 'char(12)' }, expect: 'number' },
      { column: { name: 'kbn_no', comment: '個人番号' }, expect: 'number' },
      { column: { name: 'col9', comment: '個人番号' }, expect: 'number' },
    ],
  },
  {
    id: 'code-list-comment',
    kind: 'individual-number',
    summary:
      'a column whose comment lists coded values (01：新規 02：個人番号の変更による異動) and whose name and heading do not name the number',
    reason:
      'A comment enumerating codes (1: …, 2: …) describes a classification: the column holds the code, and a value ' +
      'described as about the 個人番号 (個人番号の変更による異動) is a reason or category about the number, not the number.',
    examples: [
      {
        column: { name: 'idoJiyu', comment: '異動事由 01：受給者台帳の異動 02：個人番号の変更による異動' },
        expect: 'not',
      },
      { column: { name: 'shubetsu', comment: '1:マイナンバー 2:運転免許証 3:パスポート' }, expect: 'not' },
      { column: { name: 'col5', comment: '個人番号 1:本人 2:配偶者' }, expect: 'number' },
      { column: { name: 'kojin_bango', comment: '01:本人 02:扶養親族' }, expect: 'number' },
      { column: { name: 'col5', comment: '個人番号の変更による異動' }, expect: 'number' },
    ],
  },
  {
    id: 'contact-relation',
    kind: 'individual-number',
    summary:
      'an English my_number / mynum in a relation named for contacts (contacts, contact, 連絡先), with no comment naming the number',
    reason:
      'A contacts relation is either an address book, where "my number" is the user\'s own phone, or an お問い合わせ ' +
      '(contact form) table, where a person may send in the My Number with the items of the 個人番号カード (name, ' +
      'address, gender). The name alone cannot tell the two apart, so the column is a candidate, never silently "not". ' +
      'A phone word in the relation (phone_contacts, call_contacts) makes it the phone (phone-context).',
    settle:
      'numberColumns.include if it holds the My Number sent in, numberColumns.exclude with the reason if it is a phone number',
    examples: [
      { column: { name: 'mynum', table: 'contacts', type: 'varchar(255)' }, expect: 'candidate' },
      { column: { name: 'my_number', table: 'Contact' }, expect: 'candidate' },
      { column: { name: 'my_number', table: 'phone_contacts' }, expect: 'not' },
      { column: { name: 'my_number', table: 'contacts', comment: 'マイナンバー' }, expect: 'number' },
      { column: { name: 'mynum', table: 'members' }, expect: 'number' },
      { column: { name: '_armynum', table: 'contacts' }, expect: 'not' },
    ],
  },
  {
    id: 'front-beside-back',
    kind: 'individual-number',
    summary: 'a file or image reference beside a twin named for the back (photo_url beside photo_url_back): the front',
    reason:
      'Where a relation keeps a file of a card and a twin named for its back (*_back, *_ura, 裏面), the one without ' +
      'the side is the front, and the front of the 個人番号カード bears no number (it is printed on the back); the ' +
      'back stays a candidate (file-reference).',
    examples: [
      {
        column: { name: 'mynumber_photo_url', siblings: [{ name: 'mynumber_photo_url_back' }] },
        expect: 'not',
      },
      {
        column: { name: 'mynumber_photo_url_back', siblings: [{ name: 'mynumber_photo_url' }] },
        expect: 'candidate',
      },
      { column: { name: 'mynumber_photo_url' }, expect: 'candidate' },
      { column: { name: 'kojin_bango_card_path', siblings: [{ name: 'kojin_bango_card_path_ura' }] }, expect: 'not' },
    ],
  },
  {
    id: 'foreign-comment',
    kind: 'individual-number',
    summary:
      'an English my_number, personal_number or individual_number, or an abbreviation (my_no), whose comment is written in another script (Cyrillic, Hangul, Greek, Arabic, Thai, Devanagari), in Latin letters with diacritics (č, é, ü) or in simplified Chinese (我的编号, 身份证号)',
    reason:
      'A schema described in Russian or Korean is not about the Japanese number unless the comment names it; ' +
      '"Мой номер" is "my (phone) number", "Rodné číslo" a Slovak birth number, 「我的编号」 Chinese for "my number" ' +
      '(an ID), 「身份证号」 the Chinese resident ID. Japanese and English comments use no diacritics. Han-only ' +
      'comments count only with characters Japanese does not use (编, 证, 码): others may be Japanese, and a Chinese ' +
      'comment naming the number (个人番号) is read as 個人番号.',
    examples: [
      { column: { name: 'myNumber', comment: 'Мой номер' }, expect: 'not' },
      { column: { name: 'my_number', comment: '내 번호' }, expect: 'not' },
      { column: { name: 'my_number', comment: '番号' }, expect: 'number' },
      { column: { name: 'personal_number', comment: 'Rodné číslo' }, expect: 'not' },
      { column: { name: 'individual_number', comment: 'Numéro individuel' }, expect: 'not' },
      { column: { name: 'personal_number', comment: 'Personal number' }, expect: 'number' },
      { column: { name: 'my_number', comment: 'マイナンバー' }, expect: 'number' },
      { column: { name: 'my_no', type: 'VARCHAR(50)', comment: '我的编号' }, expect: 'not' },
      { column: { name: 'mynumber', comment: '身份证号' }, expect: 'not' },
      { column: { name: 'personal_number', comment: '个人番号' }, expect: 'number' },
      { column: { name: 'my_number', comment: '番号（編集不可）' }, expect: 'number' },
    ],
  },
  {
    id: 'my-prefix-convention',
    kind: 'individual-number',
    summary: 'an English myNumber among columns that all start with my (myName, myEmail, myPhoto)',
    reason:
      'Where a relation prefixes its columns with "my" (a profile of the user), myNumber is the user\'s number ' +
      '(usually the phone), not the My Number; a comment naming 個人番号 / マイナンバー still makes it the number.',
    examples: [
      {
        column: { name: 'myNumber', siblings: [{ name: 'myName' }, { name: 'myEmail' }, { name: 'myPhoto' }] },
        expect: 'not',
      },
      { column: { name: 'my_number', siblings: [{ name: 'my_name' }, { name: 'my_birth' }] }, expect: 'not' },
      {
        column: { name: 'my_number', comment: 'マイナンバー', siblings: [{ name: 'my_name' }, { name: 'my_birth' }] },
        expect: 'number',
      },
      { column: { name: 'my_number', siblings: [{ name: 'name' }, { name: 'my_page_url' }] }, expect: 'number' },
    ],
  },
  {
    id: 'card-number',
    kind: 'individual-number',
    summary: "the card's number: my_number_card_no, マイナンバーカード番号, card_no commented マイナンバー",
    reason:
      'The 個人番号カード bears no number of its own but the 個人番号 (printed on the back), so "the card number" ' +
      'is most likely the 個人番号 itself; some systems mean a card serial or management number instead.',
    settle:
      'numberColumns.include if it holds the 12-digit 個人番号, numberColumns.exclude (with the reason) if it is a serial or management number',
    examples: [
      { column: { name: 'my_number_card_no' }, expect: 'candidate' },
      { column: { name: 'card_no', comment: 'マイナンバー' }, expect: 'candidate' },
      { column: { name: 'spouse_mynumber_card_no', comment: '配偶者の個人番号' }, expect: 'candidate' },
      { column: { name: 'mynumbercard_id' }, expect: 'not' },
      { column: { name: 'my_number_card_issued_on' }, expect: 'not' },
    ],
  },
  {
    id: 'fugo-in-fugo-table',
    kind: 'substitute-code',
    summary: 'a generic 符号 / FUGO column in a relation about 符号 (符号管理, 中間サーバー連携)',
    reason:
      'On an intermediate server (中間サーバー) the 機関別符号 is often kept in a column called just 符号; ' +
      'a code used in place of the number makes the file specific (番号法 2条8項).',
    settle: 'confirm it is the 機関別符号 (list it under numberColumns.substitute) or another code (exclude)',
    examples: [
      { column: { name: 'fugo', table: 'fugo_kanri' }, expect: 'candidate' },
      { column: { name: 'FUGO', table: 'T_CHUKAN_RENKEI' }, expect: 'candidate' },
      { column: { name: '符号', table: 'jumin', tableComment: '中間サーバー連携用の符号管理' }, expect: 'candidate' },
      { column: { name: 'fugo', table: 'shohin' }, expect: 'not' },
      { column: { name: 'fugo_kbn', table: 'fugo_kanri' }, expect: 'not' },
    ],
  },
  {
    id: 'number-or-corporate',
    kind: 'individual-number',
    summary:
      'a comment saying the column holds 個人番号又は法人番号 (個人番号・法人番号, 個人番号もしくは法人番号): the number, whatever other number the name seems to be',
    reason:
      'A column that holds the 個人番号 of individuals and the 法人番号 of corporations holds the 個人番号 (番号法 2条5項), ' +
      'as the 法定調書 record layouts do (国税庁: 「個人番号（12桁）又は法人番号（13桁）を記録」). So the comment names ' +
      'the number as one of the values held, and a name read as another identifier (提出義務者の番号) does not veto it.',
    examples: [
      {
        column: {
          name: '提出義務者の番号',
          comment: '提出義務者の個人番号（12桁の数字）又は法人番号（13桁の数字）を記録してください。',
        },
        expect: 'number',
      },
      { column: { name: '支払を受ける者の番号', comment: '個人番号・法人番号' }, expect: 'number' },
      { column: { name: '受益者等の番号', comment: '個人番号もしくは法人番号' }, expect: 'number' },
      { column: { name: '法人番号', comment: '法人番号又は個人番号' }, expect: 'number' },
      { column: { name: '提出者の番号', comment: '提出者の法人番号' }, expect: 'not' },
      { column: { name: 'kojin_bango', comment: '宛名番号' }, expect: 'not' },
      { column: { name: '番号', comment: '個人番号又は法人番号の取得日' }, expect: 'not' },
    ],
  },
  {
    id: 'kokuho-relation',
    kind: 'individual-number',
    summary:
      'a plain 個人番号 in a relation of 国保 identifiers (国保保険者番号, 国保被保険者証番号) that names no other 個人番号: the 国保 個人番号 or the My Number (要確認)',
    reason:
      "The 国保連 interface records (介護保険, 後期高齢, 国保 資格) carry the 国保 system's own person number, called " +
      '個人番号 since before the My Number Act (an item of the 国保連 interfaces since H20/2008), right after the 国保 ' +
      '保険者番号 and 被保険者証番号; a relation that also names the My Number tells the two apart, one that does not ' +
      'cannot. Issue 15 point 4: such an internal 個人番号 of a pre-2015 system is a candidate, never a silent number ' +
      'or a silent veto. マイナンバー, 番号法 or 12桁 said in the column make it the number.',
    settle:
      'numberColumns.include if the column holds the My Number (12 digits), numberColumns.exclude with the reason if it is the 国保 個人番号',
    examples: [
      {
        column: {
          name: '個人番号',
          comment: '個人番号',
          siblings: [{ name: '国保保険者番号' }, { name: '被保険者証番号' }],
        },
        expect: 'candidate',
      },
      {
        column: {
          name: 'kojinNo',
          comment: '個人番号',
          type: 'RString',
          siblings: [{ name: 'kokuhoHokenshaNo', comment: '国保保険者番号' }, { name: 'kokuhoHihokenshashoNo' }],
        },
        expect: 'candidate',
      },
      {
        column: {
          name: '個人番号',
          comment: 'マイナンバー',
          siblings: [{ name: '国保保険者番号' }, { name: '被保険者証番号' }],
        },
        expect: 'number',
      },
      {
        column: {
          name: '個人番号',
          siblings: [{ name: '国保保険者番号' }, { name: '国保個人番号' }],
        },
        expect: 'number',
      },
      { column: { name: '個人番号', siblings: [{ name: '被保険者番号' }, { name: '氏名' }] }, expect: 'number' },
    ],
  },
  {
    id: 'number-in-aside',
    kind: 'individual-number',
    summary:
      'a comment that mentions the number only in an aside or a clause no rule reads: 識別子の値（マイナンバーは暗号化）',
    reason:
      'The comment says the column has to do with the 個人番号 without saying it is the number (an aside, a ' +
      'condition): a column that may hold it is never passed over in silence.',
    settle:
      'numberColumns.include if it can hold the 個人番号 (or a code in its place), numberColumns.exclude with the reason if not',
    examples: [
      { column: { name: 'identifier_value', comment: '識別子の値（マイナンバーは暗号化）' }, expect: 'candidate' },
      { column: { name: 'value', comment: 'ID value (the My Number is stored encrypted)' }, expect: 'candidate' },
      { column: { name: 'atena_no', comment: '宛名番号' }, expect: 'not' },
    ],
  },
  {
    id: 'value-in-number-relation',
    kind: 'individual-number',
    summary:
      'a generic value column (value, number, no, encrypted_number, hash, 番号, 暗号文) in a relation named for the number: MyNumberRecord.encryptedNumber',
    reason:
      'A relation kept for the 個人番号 (my_number_records, 個人番号管理) stores it in a column that need not repeat ' +
      'its name; encrypted or hashed, it is still the number (PPC Q&A 9-2).',
    settle:
      'numberColumns.include if it holds the number (encrypted or not), numberColumns.exclude with the reason if not',
    examples: [
      { column: { name: 'encryptedNumber', table: 'MyNumberRecord' }, expect: 'candidate' },
      { column: { name: 'value', table: 'my_numbers' }, expect: 'candidate' },
      { column: { name: '番号', table: '個人番号管理' }, expect: 'candidate' },
      { column: { name: 'bango', table: 'kojin_bango_kanri' }, expect: 'candidate' },
      { column: { name: 'created_at', table: 'my_number_records' }, expect: 'not' },
      { column: { name: 'id', table: 'my_number_records' }, expect: 'not' },
      { column: { name: 'number', table: 'my_number_cards' }, expect: 'not' },
      { column: { name: 'value', table: 'settings' }, expect: 'not' },
    ],
  },
];

/** A value column whose name says nothing of what it holds: the relation's name says it. */
const GENERIC_VALUE = anyOf(
  `^(?:(?:encrypted|enc|hashed|hash|masked|raw|plain)_?)?(?:value|val|number|num|no|bango|data|cipher|ciphertext|cipher_text|encrypted|enc|hash|digest)$`,
  '^(?:番号|値|データ|暗号文|暗号化番号|ハッシュ値)$',
);
/** Text naming the 個人番号 (canonical): a relation named for it, a comment mentioning it. */
const NUMBER_RELATION = anyOf('個人番号|マイナンバー', `${WORD_START}(?:my_?number|kojin_?bang)`);
const CARD_RELATION = /カード|card|通知/;
/** A comment whose own words (asides removed) name another identifier: `住民票コード（個人番号の生成元）`. */
const OTHER_IDENTIFIER = anyOf('(?:番号|コード|記号|符号)$');
/** A comment that denies the number or sends it elsewhere: `宛名番号。個人番号は別テーブル`, `Dummy number`. */
const DENIED = anyOf(
  'ではな|じゃな|以外|別(?:テーブル|表|管理)|含まな|保持しな',
  `${WORD_START}(?:not|no|without|dummy|fake|sample|test)${WORD_END}`,
);

/** An identifier qualified by 国保 (国保保険者番号, 保険者番号（国保）, kokuho_hihokensha_no): canonical text. */
export const KOKUHO_IDENTIFIER = anyOf(
  '(?:国保|国民健康保険)[^個]*(?:番号|記号)',
  '(?:番号|記号)(?:国保|国民健康保険)',
  `${WORD_START}kokuho_?[a-z_]*(?:no|num|number|bango|bangou|kigo)${WORD_END}`,
);

/** A relation named for goods, orders, assets or animals, not people (canonical name): rule object-relation. */
export const OBJECT_TABLE = anyOf(
  `${WORD_START}(?:orders?|products?|goods|materials?|invoices?|assets?|devices?|equipments?|parts|inventor(?:y|ies)|stocks?|vehicles?|cars?|animals?|livestock|cows?|cattle|calf|calves|pigs?|horses?|pets?)(?![a-z])`,
  '注文|受注|発注|商品|製品|在庫|資産|機器|車両|家畜|(?:^|_)牛',
);

/** A bare English number name, nothing before or after it: `individual_number`, `MyNumber`. */
export const BARE_ENGLISH_NUMBER = /^(?:my_?number|individual_?number|personal_?number)$/;

/** A name that is a person identifier of a system (canonical): `person_no`, `employee_id`, `staff_cd`. */
export const PERSON_ID_NAME = anyOf(
  `(?:^|_)(?:person|employee|emp|staff|user|member|shain|shokuin|jugyoin|jyugyoin|kojin)_?(?:id|no|num|nbr|cd|code)$`,
  `(?:^|_)c?(?:employee|emp|staff|user|member|shain|shokuin)_?id$`,
);

/** A relation about calls, messages or phones, or a lottery or game (where "my number" is a chosen number). */
export const PHONE_TABLE = anyOf(
  `${WORD_START}(?:call|calls|sms|phone|phones|tel|telephone|telephones|landline|landlines|dial|voip|sip|telephony|conversation|conversations|chat|chats|message|messages|twilio|whatsapp|payphone|lottery|lotto|bingo|raffle|bet|bets|game|games)(?![a-z])`,
  '(?:call|sms|phone|dial)(?:s|list|log|history|book)',
  '電話|通話|着信|発信|抽選|宝くじ',
);

/**
 * A relation named for contacts: an address book (where "my number" is a phone) or an お問い合わせ
 * form (where a person may send in the My Number): rule contact-relation. A phone word beside it
 * (phone_contacts) is read by PHONE_TABLE first.
 */
export const CONTACT_TABLE = anyOf(`${WORD_START}(?:contact|contacts)(?![a-z])`, '連絡先', 'アドレス帳');

/**
 * Letters of a script that is not Japanese (Han is left out: a kanji-only comment may be Japanese),
 * Latin letters with diacritics (Rodné číslo, Benutzernummer für …), which Japanese and English do not
 * use, and simplified Chinese characters that Japanese does not use (编, 证, 码, 们, 这, 为, 时, 间, 类, 态,
 * 电, 话, 户, 账, 订, 认, 标, 识, 业, 务, 员, 单, 组, 织, 级: 编号, 身份证号, 号码). 个 is not among them:
 * 个人番号 is read as 個人番号 (normalise.ts).
 */
export const FOREIGN_SCRIPT =
  /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u1100-\u11ff\uac00-\ud7af编证码们这为时间类态删创说备电话户账车门价订负责审认标识业务员单组织网络联级]/u;

/**
 * A comment listing coded values: `01：新規 02：変更`, `1:本人 2:配偶者`, `1=あり、2=なし` (NFKC text).
 * The text before the first code is the heading (`異動事由`): what the column is.
 */
export const CODE_LIST = /(?:^|[\s、,;(])0?1\s*[:=.)]\s*[^\s\d][\s\S]*?[\s、,;(]0?2\s*[:=.)]\s*[^\s\d]/u;

/** A declared type or validation that is a telephone format: an escaped `+` (E.164 prefix) or a phone field. */
export const PHONE_TYPE = /\\\+|phone/i;

/** A column that is a telephone or fax number (canonical name). */
export const PHONE_SIBLING = anyOf(
  `${WORD_START}(?:phone|telephone|tel|fax|mobile|cellphone|cell_phone|keitai|denwa)(?:_?(?:number|no|num|[0-9]))*$`,
  `${WORD_START}(?:phone|telephone|fax|mobile)_?(?:number|no|num)`,
  '電話番号|FAX番号|携帯番号',
);

/** An English comment calling the column a phone number. */
export const PHONE_COMMENT = anyOf(`${WORD_START}(?:phone|telephone|mobile|cell)(?:_number)?${WORD_END}`);

/** The card's number: `card_no`, `card_number`, `カード番号` at the end of a name or comment. */
export const CARD_NUMBER = anyOf(`${WORD_START}card_?(?:no|num|number|nbr|bango)$`, 'カード(?:の)?(?:番号|no)$');

const FUGO_RULE = CONTEXT_RULES.find((r) => r.id === 'fugo-in-fugo-table')!;
const ASIDE_RULE = CONTEXT_RULES.find((r) => r.id === 'number-in-aside')!;
const VALUE_RULE = CONTEXT_RULES.find((r) => r.id === 'value-in-number-relation')!;

function candidateOf(rule: ContextRule, evidenceText: string) {
  return {
    kind: rule.kind,
    rule: rule.id,
    evidence: evidenceText,
    candidate: { reason: rule.reason, settle: rule.settle! },
  };
}

/** The context candidates for a column that names nothing itself. */
export function contextCandidate(column: ColumnContext) {
  if (
    GENERIC_FUGO.test(canonical(column.name)) ||
    (column.comment !== undefined && GENERIC_FUGO.test(canonical(column.comment)))
  ) {
    const table = [column.table, column.tableComment]
      .filter((t): t is string => t !== undefined)
      .map(canonical)
      .join(' ');
    if (FUGO_TABLE.test(table)) {
      return {
        kind: FUGO_RULE.kind,
        rule: FUGO_RULE.id,
        evidence: evidence('en', 'relation-context', { name: column.name, relation: column.table ?? '' }),
        candidate: { reason: FUGO_RULE.reason, settle: FUGO_RULE.settle! },
      };
    }
  }
  if (
    column.comment !== undefined &&
    NUMBER_RELATION.test(canonical(column.comment)) &&
    !OTHER_IDENTIFIER.test(canonical(stripAsides(column.comment))) &&
    !DENIED.test(canonical(column.comment))
  )
    return candidateOf(ASIDE_RULE, evidence('en', 'comment', { text: column.comment }));
  if (column.table !== undefined && GENERIC_VALUE.test(canonical(column.name))) {
    const table = canonical(column.table);
    if (NUMBER_RELATION.test(table) && !CARD_RELATION.test(table))
      return candidateOf(VALUE_RULE, evidence('en', 'relation-context', { name: column.name, relation: column.table }));
  }
  return undefined;
}

/** Kana, kanji or half-width kana: Japanese script. */
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/u;

/**
 * Romanised Japanese (and Japan-only) words of schema names: personal data (氏名, 住所, 生年月日, 国籍),
 * the 住民記録 (宛名, 世帯, 住民票, 戸籍), payroll and social insurance (給与, 扶養, 源泉, 年金, 被保険者).
 * A name holding one is from a Japanese system.
 */
const ROMANISED_JAPANESE = anyOf(
  words(
    'kana',
    'katakana',
    'hiragana',
    'furigana',
    'kanji',
    'shimei',
    'simei',
    'sei',
    'mei',
    'jusho',
    'juusho',
    'jyusho',
    'yubin',
    'todofuken',
    'shikuchoson',
    'seinengappi',
    'seibetsu',
    'kokuseki',
    'zairyu',
    'jumin',
    'juminhyo',
    'atena',
    'setai',
    'setainushi',
    'koseki',
    'nenkin',
    'kyuyo',
    'shotoku',
    'fuyo',
    'gensen',
    'hokensha',
    'hihokensha',
    'hojin',
    'kojin',
    'shain',
    'shokuin',
    'bango',
    'bangou',
    'kbn',
    'kubun',
    'shozoku',
    'nengappi',
  ),
  `${WORD_START}(?:basic_pension|juminhyo|my_number_card|mynumber_card)`,
);

/** Does any of these texts (names, comments) show a Japanese system? */
export function japaneseText(texts: (string | undefined)[]): boolean {
  return texts.some((t) => t !== undefined && (JAPANESE_SCRIPT.test(t) || ROMANISED_JAPANESE.test(canonical(t))));
}

/** The relation around a column, or the schema it is in, shows a Japanese system. */
export function japaneseContext(column: ColumnContext): boolean {
  return (
    column.japaneseSchema === true ||
    japaneseText([
      column.comment,
      column.table,
      column.tableComment,
      ...(column.siblings ?? []).filter((s) => s.name !== column.name).flatMap((s) => [s.name, s.comment]),
    ])
  );
}
