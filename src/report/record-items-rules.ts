/**
 * 主な記録項目 (record items) rules: which 評価書 record-item category a column belongs to, read
 * from its name or its comment. One entry per rule, with the examples that pin it (tested in
 * test/report/record-items.test.ts). The number columns themselves (個人番号, 個人番号対応符号)
 * come from number detection, not from here.
 *
 * Patterns read canonical text (detect/normalise.ts: NFKC, snake_case, lower case; `_` dropped
 * next to Japanese). Comments are tried before names, and within each, rules in table order; the
 * first hit decides. A column no rule claims is listed as unclassified, never guessed.
 */
import { anyOf, terms, wordStarts, words } from '../detect/patterns.js';

/**
 * The 19 categories of the 評価書's 主な記録項目 (全項目評価書 様式), in the form's order, grouped as
 * the form groups them (識別情報・連絡先等情報・業務関係情報).
 */
export const RECORD_ITEM_GROUPS = {
  identification: ['individual-number', 'substitute-code', 'internal-id'],
  contact: ['basic-four', 'contact', 'resident-other'],
  business: [
    'national-tax',
    'local-tax',
    'health',
    'medical-insurance',
    'child-welfare',
    'disability-welfare',
    'public-assistance',
    'elderly-care',
    'employment',
    'pension',
    'education',
    'disaster',
    'business-other',
  ],
} as const;

export type RecordItemCategory = (typeof RECORD_ITEM_GROUPS)[keyof typeof RECORD_ITEM_GROUPS][number];

/** The same categories as one list, in the form's order: derived from the groups. */
export const RECORD_ITEM_CATEGORIES: readonly RecordItemCategory[] = Object.values(RECORD_ITEM_GROUPS).flat();

export type RecordItemGroup = keyof typeof RECORD_ITEM_GROUPS;

export interface RecordItemRule {
  id: string;
  category: RecordItemCategory;
  target: 'name' | 'comment';
  pattern: RegExp;
  /** Names or comments (as `target` says) this rule claims. */
  positives: string[];
  /** Look-alikes it must not claim. */
  negatives: string[];
}

const NO = '(?:no|bang(?:ou|oh|o)|number|num|code|cd)';
/** `address` that is a network or mail address, not where a person lives. */
const NOT_NETWORK = '(?<!(?:ip|mac|mail|email|e_mail|url|web|server|host)_)';

export const RECORD_ITEM_RULES: readonly RecordItemRule[] = [
  // ── 識別情報: その他識別情報（内部番号） ─────────────────────────────────────────────────────
  {
    id: 'comment-internal-id',
    category: 'internal-id',
    target: 'comment',
    pattern: anyOf(
      terms(
        '宛名番号',
        '宛名コード',
        '(?<!(?:雇用|介護)保険)被保険者(?:番号|記号)',
        '内部番号',
        '個人識別番号',
        '世帯番号',
        '住民番号',
      ),
      words('addressee_(?:no|number|code)', 'internal_(?:id|number)', 'insured_(?:person_)?number'),
    ),
    positives: [
      '宛名番号',
      '被保険者番号',
      '被保険者記号・番号',
      '内部番号（システム採番）',
      'Internal ID',
      'insured person number',
    ],
    negatives: ['保険者番号', '住民票コード', '個人番号', '雇用保険被保険者番号'],
  },
  {
    id: 'name-internal-id',
    category: 'internal-id',
    target: 'name',
    pattern: anyOf(
      wordStarts(
        `atena_?${NO}`,
        `(?<!(?:kaigo|koyo)_(?:hoken_)?)hihokensha_?(?:${NO}|kigo)`,
        `setai_?${NO}`,
        `kigo_?bang(?:ou|oh|o)`,
      ),
      words(
        '(?:person|resident|citizen|addressee)_?(?:id|no|number)',
        'internal_?(?:id|no|number)',
        'insured_?(?:person_?)?(?:no|number)',
      ),
    ),
    positives: [
      'atena_no',
      'atenaNo',
      'ATENA_BANGO',
      'hihokensha_no',
      'hihokensha_kigo',
      'setai_no',
      'person_id',
      'internal_id',
      'insured_number',
    ],
    negatives: ['hokensha_no', 'kaigo_hihokensha_no', 'atena', 'log_id', 'jisseki_id', 'id', 'kojin_no'],
  },
  // ── 連絡先等情報: その他住民票関係情報 (before 4情報: 住民票コード is not an address) ──────────────
  {
    id: 'comment-resident-other',
    category: 'resident-other',
    target: 'comment',
    pattern: anyOf(
      terms('住民票コード', '住民票', '世帯主', '続柄', '本籍', '国籍', '在留資格', '転入', '転出', '住民となった日'),
      words('resident_record_code', 'relationship_to_(?:the_)?householder', 'nationality', 'residence_status'),
    ),
    positives: ['住民票コード', '世帯主氏名', '続柄', '本籍地', '国籍', '転入年月日', 'Nationality'],
    negatives: ['住所', '氏名', '宛名番号'],
  },
  {
    id: 'name-resident-other',
    category: 'resident-other',
    target: 'name',
    pattern: anyOf(
      wordStarts(
        'jy?uminhyo',
        'setai_?nushi',
        'zokugara',
        'honseki',
        'kokuseki',
        'zairyu_?shikaku',
        'tennyu',
        'tenshutsu',
      ),
      words(
        'householder(?:_name)?',
        'relationship_to_(?:the_)?householder',
        'nationality',
        'residence_status',
        'registered_domicile',
      ),
    ),
    positives: [
      'juminhyo_code',
      'jyuminhyo_cd',
      'setainushi_shimei',
      'zokugara',
      'honseki',
      'kokuseki',
      'tennyu_date',
      'nationality',
    ],
    negatives: ['jusho', 'setai_no', 'shimei'],
  },
  // ── 連絡先等情報: 連絡先 (before 4情報: mail_address is not an address) ──────────────────────────
  {
    id: 'comment-contact',
    category: 'contact',
    target: 'comment',
    pattern: anyOf(
      terms('電話', '連絡先', 'メール', '携帯', 'ファクス', 'ファックス'),
      words('phone(?:_number)?', 'e_?mail(?:_address)?', 'telephone', 'fax'),
    ),
    positives: ['電話番号', '連絡先電話番号', 'メールアドレス', '携帯番号', 'Phone number', 'E-mail'],
    negatives: ['住所', '氏名'],
  },
  {
    id: 'name-contact',
    category: 'contact',
    target: 'name',
    pattern: anyOf(
      wordStarts('denwa', 'keitai', 'renrakusaki'),
      words(
        'tel(?:_?no)?',
        'phone(?:_?(?:no|number))?',
        'mobile(?:_?(?:no|number))?',
        'e_?mail(?:_?address)?',
        'mail_?address',
        'fax(?:_?no)?',
      ),
    ),
    positives: [
      'tel_no',
      'telNo',
      'denwa_bango',
      'keitai_no',
      'phone',
      'phone_number',
      'email',
      'e_mail',
      'mail_address',
      'fax',
    ],
    negatives: ['hotel', 'telop', 'address', 'jusho', 'mailing_flag'],
  },
  // ── 連絡先等情報: 4情報（氏名・性別・生年月日・住所） ───────────────────────────────────────────
  {
    id: 'comment-basic-four',
    category: 'basic-four',
    target: 'comment',
    pattern: anyOf(
      terms(
        '氏名',
        '名前',
        'フリガナ',
        'ふりがな',
        'カナ氏名',
        '性別',
        '生年月日',
        '誕生日',
        '住所',
        '郵便番号',
        '居所',
      ),
      words(
        '(?:full|first|last|family|given|person_s|kana)_name',
        'sex',
        'gender',
        'date_of_birth',
        'birth_?date',
        'birthday',
        `${NOT_NETWORK}address`,
        'postal_code',
        'zip_code',
      ),
    ),
    positives: [
      '氏名',
      '氏名（カナ）',
      '性別',
      '生年月日',
      '住所',
      '郵便番号',
      'Full name',
      'Date of birth',
      'Gender',
      'Address',
    ],
    negatives: ['照会者', '名称', '医療機関名称', '住民票コード', 'IP address'],
  },
  {
    id: 'name-basic-four',
    category: 'basic-four',
    target: 'name',
    pattern: anyOf(
      wordStarts('sh?imei', 'namae', 'seibetsu', 'seinengappi', 'seinen_gappi', 'ju?usho', 'yubin_?(?:no|bang)'),
      words(
        '(?:full|first|last|family|given|middle|person|kana|kanji)_?name',
        'name_?(?:kana|kanji|sei|mei)',
        'sex',
        'gender',
        'birth_?(?:date|day|ymd)',
        'date_of_birth',
        'dob',
        `${NOT_NETWORK}address(?:_?(?:1|2|3|line_?[0-9]))?`,
        'addr',
        'zip(?:_?code)?',
        'postal_?code',
      ),
    ),
    positives: [
      'shimei',
      'simei',
      'shimei_kana',
      'seibetsu',
      'seinengappi',
      'jusho',
      'juusho',
      'yubin_no',
      'full_name',
      'lastName',
      'gender',
      'birth_date',
      'birthday',
      'address',
      'address1',
      'zip_code',
    ],
    negatives: ['meisho', 'shokaisha', 'name', 'file_name', 'ip_address', 'mail_address', 'table_name'],
  },
  // ── 業務関係情報 (specific schemes such as 介護保険 before the general 医療保険 words) ───────────────────────────────────────────────────────────────────────────
  {
    id: 'comment-national-tax',
    category: 'national-tax',
    target: 'comment',
    pattern: anyOf(
      terms('国税', '所得税', '源泉徴収', '法人税', '確定申告', '相続税', '贈与税'),
      words('income_tax', 'national_tax', 'withholding(?:_tax)?'),
    ),
    positives: ['所得税額', '源泉徴収税額', '確定申告の有無', 'Income tax'],
    negatives: ['住民税', '固定資産税'],
  },
  {
    id: 'name-national-tax',
    category: 'national-tax',
    target: 'name',
    pattern: anyOf(
      wordStarts('shotoku_?zei', 'gensen', 'kokuzei', 'hojin_?zei', 'kakutei_?shinkoku'),
      words('income_?tax', 'national_?tax', 'withholding(?:_?tax)?'),
    ),
    positives: ['shotokuzei_gaku', 'gensen_choshu_gaku', 'kokuzei', 'income_tax'],
    negatives: ['shotoku', 'jumin_zei'],
  },
  {
    id: 'comment-local-tax',
    category: 'local-tax',
    target: 'comment',
    pattern: anyOf(
      terms(
        '地方税',
        '住民税',
        '市民税',
        '町民税',
        '村民税',
        '県民税',
        '都民税',
        '道民税',
        '府民税',
        '固定資産税',
        '軽自動車税',
        '市町村税',
      ),
      words('local_tax', 'resident_tax', 'property_tax'),
    ),
    positives: ['住民税額', '個人住民税', '固定資産税評価額', 'Local tax'],
    negatives: ['所得税', '住民票コード'],
  },
  {
    id: 'name-local-tax',
    category: 'local-tax',
    target: 'name',
    pattern: anyOf(
      wordStarts('jumin_?zei', 'shimin_?zei', 'kenmin_?zei', 'kotei_?shisan', 'kei_?jidosha_?zei', 'chiho_?zei'),
      words('local_?tax', 'resident_?tax', 'property_?tax'),
    ),
    positives: ['juminzei_gaku', 'shiminzei', 'kotei_shisan_zei', 'local_tax'],
    negatives: ['juminhyo_code', 'jumin_no'],
  },
  {
    id: 'comment-health',
    category: 'health',
    target: 'comment',
    pattern: anyOf(
      terms('健診', '健康診断', '検診', '予防接種', '病名', '疾病', '既往歴', '母子健康手帳', '妊娠', '保健指導'),
      words('vaccination', 'diagnosis', 'health_check(?:up)?'),
    ),
    positives: ['特定健診受診日', '予防接種の種類', '病名', '既往歴', 'Vaccination date'],
    negatives: ['医療機関コード', '診療年月'],
  },
  {
    id: 'name-health',
    category: 'health',
    target: 'name',
    pattern: anyOf(
      wordStarts('kenshin', 'yobo_?sesshu', 'byomei', 'shippei', 'kioreki', 'ninshin'),
      words('vaccin(?:e|ation)', 'diagnosis', 'disease', 'health_?check(?:up)?'),
    ),
    positives: ['kenshin_date', 'yobo_sesshu_shurui', 'byomei', 'vaccination', 'disease_code'],
    negatives: ['shinryo_ym', 'kensho'],
  },
  {
    id: 'comment-elderly-care',
    category: 'elderly-care',
    target: 'comment',
    pattern: anyOf(terms('介護', '要支援', '高齢者福祉', '老人福祉'), words('long_term_care', 'nursing_care')),
    positives: ['要介護度', '要支援認定', '介護保険被保険者', 'Long-term care level'],
    negatives: ['後期高齢者医療'],
  },
  {
    id: 'name-elderly-care',
    category: 'elderly-care',
    target: 'name',
    pattern: anyOf(
      wordStarts('kaigo', 'yokaigo', 'yoshien'),
      words('long_?term_?care(?:_?\\w+)?', 'nursing_?care(?:_?\\w+)?'),
    ),
    positives: ['kaigo_hokensha_no', 'yokaigo_do', 'nursing_care_level'],
    negatives: ['kaigi', 'koki_koreisha'],
  },
  {
    id: 'comment-medical-insurance',
    category: 'medical-insurance',
    target: 'comment',
    pattern: anyOf(
      terms(
        '(?<!被)保険者番号',
        '診療',
        '医療機関',
        '療養費',
        'レセプト',
        '診療報酬',
        '国民健康保険',
        '健康保険',
        '後期高齢者医療',
        '保険証',
        '一部負担',
        '医療費',
      ),
      words('medical_institution', 'medical_(?:fee|expense|insurance)', 'health_insurance'),
    ),
    positives: ['保険者番号', '診療年月', '医療機関コード', '高額療養費', 'レセプト番号', 'Medical institution code'],
    negatives: ['被保険者番号', '健診', '介護保険'],
  },
  {
    id: 'name-medical-insurance',
    category: 'medical-insurance',
    target: 'name',
    pattern: anyOf(
      wordStarts(
        'hoken(?:sh?a|ja)_?(?:no|bang)',
        'shinryo',
        'iryo_?kikan',
        'ryoyohi',
        'reseputo',
        'kokuho',
        'kenpo',
        'koki_?koreisha',
        'hokensho',
        'ichibu_?futan',
      ),
      words(
        'medical_?(?:institution|fee|expense|insurance)(?:_?(?:code|cd|id|name))?',
        'health_?insurance(?:_?\\w+)?',
        'insurer_?(?:no|number)',
      ),
    ),
    positives: [
      'hokenja_no',
      'shinryo_ym',
      'iryokikan_code',
      'iryo_kikan_cd',
      'ryoyohi_gaku',
      'kokuho_shikaku',
      'health_insurance_type',
      'insurer_number',
    ],
    negatives: ['hihokensha_no', 'shinri', 'kenshin'],
  },
  {
    id: 'comment-child-welfare',
    category: 'child-welfare',
    target: 'comment',
    pattern: anyOf(
      terms('児童手当', '児童扶養手当', '保育', '子育て', '子ども', 'こども', '児童福祉'),
      words('child_(?:allowance|care|benefit)'),
    ),
    positives: ['児童手当受給者', '保育所入所日', '子ども医療', 'Child allowance'],
    negatives: ['障害児童'],
  },
  {
    id: 'name-child-welfare',
    category: 'child-welfare',
    target: 'name',
    pattern: anyOf(
      wordStarts('jido_?teate', 'jido_?fuyo', 'hoiku', 'kosodate', 'kodomo'),
      words('child_?(?:allowance|care|benefit)'),
    ),
    positives: ['jido_teate_gaku', 'hoikusho_cd', 'kodomo_id', 'child_allowance'],
    negatives: ['jido', 'hoken'],
  },
  {
    id: 'comment-disability-welfare',
    category: 'disability-welfare',
    target: 'comment',
    pattern: anyOf(terms('障害', '障がい', '身体障害者手帳', '療育手帳', '精神保健福祉手帳'), words('disability')),
    positives: ['障害等級', '身体障害者手帳番号', '療育手帳', 'Disability grade'],
    negatives: ['保育'],
  },
  {
    id: 'name-disability-welfare',
    category: 'disability-welfare',
    target: 'name',
    pattern: anyOf(wordStarts('shogai', 'shougai', 'ryoiku_?techo'), words('disability(?:_?\\w+)?')),
    positives: ['shogai_tokyu', 'shougai_kbn', 'ryoiku_techo_no', 'disability_grade'],
    negatives: ['shogaku', 'shokai'],
  },
  {
    id: 'comment-public-assistance',
    category: 'public-assistance',
    target: 'comment',
    pattern: anyOf(
      terms('生活保護', '保護費', '扶助', '社会福祉', '生活困窮'),
      words('public_assistance', 'welfare_benefit'),
    ),
    positives: ['生活保護開始日', '扶助の種類', 'Public assistance'],
    negatives: ['介護'],
  },
  {
    id: 'name-public-assistance',
    category: 'public-assistance',
    target: 'name',
    pattern: anyOf(
      wordStarts('seikatsu_?hogo', 'seiho(?![a-z])', 'fujo'),
      words('public_?assistance', 'welfare_?benefit'),
    ),
    positives: ['seikatsu_hogo_kbn', 'seiho_kaishi_date', 'fujo_shurui', 'public_assistance'],
    negatives: ['hogo', 'seihon'],
  },
  {
    id: 'comment-employment',
    category: 'employment',
    target: 'comment',
    pattern: anyOf(
      terms('雇用', '失業', '労働', '給与', '賃金', '勤務先', '就労'),
      words('employment', 'employer', 'salary', 'wage'),
    ),
    positives: ['雇用保険被保険者番号', '勤務先名称', '給与支払額', 'Employer'],
    negatives: ['給付額'],
  },
  {
    id: 'name-employment',
    category: 'employment',
    target: 'name',
    pattern: anyOf(
      wordStarts('koyo(?![a-z])', 'shitsugyo', 'rodo', 'kyuyo', 'chingin', 'kinmusaki'),
      words('employ(?:ment|er|ee)(?:_?\\w+)?', 'salary', 'wage'),
    ),
    positives: ['koyo_hoken_no', 'kyuyo_gaku', 'kinmusaki_name', 'employer_name', 'salary'],
    negatives: ['kyufu_gaku', 'koyomi'],
  },
  {
    id: 'comment-pension',
    category: 'pension',
    target: 'comment',
    pattern: anyOf(terms('年金', '基礎年金番号'), words('pension(?:_\\w+)?')),
    positives: ['基礎年金番号', '年金受給額', 'Pension number'],
    negatives: ['年齢'],
  },
  {
    id: 'name-pension',
    category: 'pension',
    target: 'name',
    pattern: anyOf(wordStarts('nenkin'), words('pension(?:_?\\w+)?')),
    positives: ['nenkin_no', 'kiso_nenkin_bango', 'pension_amount'],
    negatives: ['nenrei', 'nendo'],
  },
  {
    id: 'comment-education',
    category: 'education',
    target: 'comment',
    pattern: anyOf(terms('学校', '就学', '奨学', '学年', '在学', '教育'), words('school', 'student', 'scholarship')),
    positives: ['就学援助', '学校名', '奨学金貸与額', 'School name'],
    negatives: ['学習'],
  },
  {
    id: 'name-education',
    category: 'education',
    target: 'name',
    pattern: anyOf(
      wordStarts('gakko', 'shugaku', 'shogakukin', 'gakunen'),
      words('school(?:_?\\w+)?', 'student(?:_?\\w+)?', 'scholarship'),
    ),
    positives: ['gakko_cd', 'shugaku_enjo', 'shogakukin_gaku', 'school_name'],
    negatives: ['shogai', 'shugyo'],
  },
  {
    id: 'comment-disaster',
    category: 'disaster',
    target: 'comment',
    pattern: anyOf(terms('被災', '罹災', '災害'), words('disaster')),
    positives: ['罹災証明書番号', '被災区分', 'Disaster type'],
    negatives: ['再開'],
  },
  {
    id: 'name-disaster',
    category: 'disaster',
    target: 'name',
    pattern: anyOf(wordStarts('hisai', 'risai', 'saigai'), words('disaster(?:_?\\w+)?')),
    positives: ['hisai_kbn', 'risai_shomei_no', 'saigai_cd', 'disaster_type'],
    negatives: ['saikai', 'hisaki'],
  },
];
