/**
 * Detection's words in the reader's language: the evidence of a number column and the reason and
 * the way to settle a candidate (要確認), in Japanese and English. The report calls these; the
 * texts live here, beside the rules they explain.
 *
 * Evidence is written from a template and its parameters (`evidence()`); a report that has only
 * the English text (JSON keeps it as written) is read back against the same templates
 * (`evidenceText()`), so the Japanese is the same sentence, never a guess. Text no template
 * matches is shown as written.
 */
import { capture } from '../indexed.js';

export type DetectLang = 'ja' | 'en';

interface Template {
  en: string;
  ja: string;
}

/** Evidence templates; `{name}` slots are the parameters. Longest first where one extends another. */
const EVIDENCE = {
  'data-rows-at': {
    en: 'data rows: {valid} of {values} values are 12-digit numbers with a valid 個人番号 check digit (rows from {at})',
    ja: 'データ行: 値 {values} 件のうち {valid} 件が検査用数字の正しい12桁の個人番号（行の場所 {at}）',
  },
  'data-rows-hojin-at': {
    en: 'data rows: {valid} of {values} values are 12-digit numbers with a valid 個人番号 check digit, {hojin} are 13-digit 法人番号 (rows from {at})',
    ja: 'データ行: 値 {values} 件のうち {valid} 件が検査用数字の正しい12桁の個人番号、{hojin} 件が13桁の法人番号（行の場所 {at}）',
  },
  'data-rows-hojin': {
    en: 'data rows: {valid} of {values} values are 12-digit numbers with a valid 個人番号 check digit, {hojin} are 13-digit 法人番号',
    ja: 'データ行: 値 {values} 件のうち {valid} 件が検査用数字の正しい12桁の個人番号、{hojin} 件が13桁の法人番号',
  },
  'data-rows': {
    en: 'data rows: {valid} of {values} values are 12-digit numbers with a valid 個人番号 check digit',
    ja: 'データ行: 値 {values} 件のうち {valid} 件が検査用数字の正しい12桁の個人番号',
  },
  'name-split': {
    en: "column name '{text}': one part of a number split over columns",
    ja: '列名「{text}」: 複数の列に分けて保存された番号の一部',
  },
  'comment-split': {
    en: "comment '{text}': one part of a number split over columns",
    ja: '列コメント「{text}」: 複数の列に分けて保存された番号の一部',
  },
  'name-type': { en: "column name '{text}', type {type}", ja: '列名「{text}」、型 {type}' },
  'comment-type': { en: "comment '{text}', type {type}", ja: '列コメント「{text}」、型 {type}' },
  'name-comment': { en: "column name '{name}', comment '{text}'", ja: '列名「{name}」、列コメント「{text}」' },
  'relation-context': {
    en: "column name '{name}' in relation '{relation}'",
    ja: 'テーブル・ビュー「{relation}」の列名「{name}」',
  },
  name: { en: "column name '{text}'", ja: '列名「{text}」' },
  comment: { en: "comment '{text}'", ja: '列コメント「{text}」' },
  carries: { en: "carries '{base}' ({rule})", ja: '{base} を引き継ぐ（{rule}）' },
  holds: { en: "holds '{base}' ({via}; {rule})", ja: '{base} の値を持つ（{via}、{rule}）' },
  'include-reason': {
    en: "numberColumns.include '{pattern}': {reason}",
    ja: '設定 numberColumns.include「{pattern}」: {reason}',
  },
  include: { en: "numberColumns.include '{pattern}'", ja: '設定 numberColumns.include「{pattern}」' },
  'substitute-reason': {
    en: "numberColumns.substitute '{pattern}': {reason}",
    ja: '設定 numberColumns.substitute「{pattern}」: {reason}',
  },
  substitute: { en: "numberColumns.substitute '{pattern}'", ja: '設定 numberColumns.substitute「{pattern}」' },
  mark: { en: "marked '{kind}' in the source", ja: 'ソースで「{kind}」と指定' },
} satisfies Record<string, Template>;

export type EvidenceId = keyof typeof EVIDENCE;

/** How a copy was made (catalog CopyKind), in Japanese: the `{via}` of `holds`. */
const COPY_VIA_JA: Record<string, string> = {
  partition: 'パーティション',
  inherits: '継承',
  like: 'LIKE',
  'insert-select': 'INSERT … SELECT',
  update: 'UPDATE',
  merge: 'MERGE',
  trigger: 'トリガー',
  'foreign-table': '外部テーブル',
  replication: '論理レプリケーション',
};

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Evidence text from its template and parameters. */
export function evidence(lang: DetectLang, id: EvidenceId, params: Record<string, string | number>): string {
  if (id === 'holds' && lang === 'ja') {
    const via = String(params.via);
    return fill(EVIDENCE[id].ja, { ...params, via: COPY_VIA_JA[via] ?? via });
  }
  return fill(EVIDENCE[id][lang], params);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template's English text as a pattern, its slots captured. */
function readerOf(en: string): { slots: string[]; re: RegExp } {
  const slots: string[] = [];
  const source = en
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escapeRe(part);
      slots.push(capture(m, 1));
      return '(.*?)';
    })
    .join('');
  return { slots, re: new RegExp(`^${source}$`, 's') };
}

/** Each template as a pattern over its English text, slots captured. */
const READERS: { id: EvidenceId; slots: string[]; re: RegExp }[] = (Object.keys(EVIDENCE) as EvidenceId[]).map(
  (id) => ({ id, ...readerOf(EVIDENCE[id].en) }),
);

/** Evidence in the reader's language, read back from the English text a report carries. */
export function evidenceText(lang: DetectLang, text: string): string {
  if (lang === 'en') return text;
  for (const r of READERS) {
    const m = r.re.exec(text);
    if (!m) continue;
    const params = Object.fromEntries(r.slots.map((s, i) => [s, capture(m, i + 1)]));
    // A rule's own evidence inside (lineage) is read back too.
    if (r.id === 'carries' || r.id === 'holds') params.rule = String(params.rule);
    return evidence(lang, r.id, params);
  }
  return text;
}

/** The Japanese reason and way to settle a candidate, by the rule that made it. */
const CANDIDATE_JA: Record<string, { reason: string; settle: string }> = {
  'name-juminhyo-copy': {
    reason: '住民票の写しに個人番号が記載されるのは、個人番号の記載を求めて交付された場合だけです',
    settle: '写しに個人番号が記載されているか（個人番号記載）をコメントに書くか、numberColumns で決めてください',
  },
  'name-naibu-kojin-bango': {
    reason: '番号法より前のシステムは、住民の内部番号を「個人番号」と呼んでいました。「内部」はその使い方を示します',
    settle:
      '値が検査用数字の正しい12桁の個人番号か内部の番号かを確かめ（--sample、シードデータ）、numberColumns で決めてください',
  },
  'comment-naibu-kojin-bango': {
    reason: '番号法より前のシステムは、住民の内部番号を「個人番号」と呼んでいました。「内部」はその使い方を示します',
    settle:
      '値が検査用数字の正しい12桁の個人番号か内部の番号かを確かめ（--sample、シードデータ）、numberColumns で決めてください',
  },
  'name-abbreviation': {
    reason: 'ベンダーはこの略語を個人番号にも、社内の個人No.にも使います',
    settle:
      'CHAR(12)・NUMERIC(12) の型か、個人番号と書いたコメントがあれば個人番号です。なければ numberColumns.include か exclude に書いてください',
  },
  'comment-abbreviation': {
    reason: '「マイNo」はたいていマイナンバーですが、コメントが正式な名前で書いていません',
    settle:
      'CHAR(12)・NUMERIC(12) の型か、個人番号と書いたコメントがあれば個人番号です。なければ numberColumns.include か exclude に書いてください',
  },
  'comment-kyotsu-bango': {
    reason:
      '番号法より前、この番号は「共通番号」（社会保障・税番号）として計画され、ベンダーはその名前を使い続けました。ただし「共通番号」は共通の品目番号などにも使われます',
    settle: '列名が番号を指す（mynumber、kojin_bango）か、CHAR(12) の型か、numberColumns での決定で決まります',
  },
  'data-check-digit': {
    reason:
      '番号法施行令第8条の検査用数字を持つ値は、列名にかかわらず個人番号です。12桁の数字は偶然でも約11件に1件が検査を通るため、個人番号とみなすには正しい値が3件以上、12桁の値の9割以上、全体の半分以上が要ります（偶然の確率は1,000分の1未満）。それより少なければ要確認です。根拠は件数だけで、値は出しません',
    settle: '偶然を否定できるほどの値がありません: numberColumns で決めてください',
  },
  'card-number': {
    reason:
      '個人番号カードには個人番号（裏面）のほかに番号がないため、「カードの番号」はおそらく個人番号そのものです。システムによってはカードのシリアル番号や管理番号を指します',
    settle:
      '12桁の個人番号を持つなら numberColumns.include に、シリアル番号や管理番号なら理由を添えて numberColumns.exclude に書いてください',
  },
  'name-type-conflict': {
    reason: '列名か列コメントは個人番号を指しますが、宣言された型には12桁の個人番号が入りません（番号法施行令第8条）',
    settle:
      '個人番号を持つなら（型が小さすぎる宣言なら）numberColumns.include に、別の番号や別の表へのキーなら理由を添えて numberColumns.exclude に書いてください',
  },
  'fugo-in-fugo-table': {
    reason:
      '中間サーバーでは機関別符号を単に「符号」という列に保存することがよくあります。個人番号に代わって用いられる符号を含むファイルは特定個人情報ファイルです（番号法2条8項）',
    settle: '機関別符号なら numberColumns.substitute に、別の符号なら numberColumns.exclude に書いてください',
  },
  'number-in-aside': {
    reason:
      'コメントが括弧書きや条件の中で個人番号に触れていますが、この列が個人番号であるとは言っていません。個人番号を保持しうる列を黙って見過ごさないため、要確認とします',
    settle:
      '個人番号（又はそれに代わる符号）を保持するなら numberColumns.include に、しないなら理由を添えて numberColumns.exclude に書いてください',
  },
  'kokuho-relation': {
    reason:
      '国保連のインタフェースの記録（介護保険、後期高齢、国保の資格）は、番号法より前から「個人番号」と呼ばれてきた国保システム独自の個人番号（平成20年から国保連インタフェースの項目）を、国保の保険者番号と被保険者証番号の後に持ちます。同じ表がマイナンバーも持てば両者は区別できますが、この表ではできません（2015年より前のシステムの内部個人番号は要確認: issue 15 の 4）',
    settle:
      'マイナンバー（12桁）を保持するなら numberColumns.include に、国保の個人番号なら理由を添えて numberColumns.exclude に書いてください',
  },
  'person-id-comment': {
    reason:
      '番号法より前、「個人番号」はシステムの中の人の番号（社員・利用者・カード所有者のID）を指す普通の言葉で、今も「person number」の訳語です。列名がそのようなIDを指し、コメントが「個人番号」としか言わないとき、どちらかは決められません（2015年より前のシステムの内部個人番号は要確認: issue 15 の 4）',
    settle:
      'マイナンバー（12桁）を保持するなら numberColumns.include に、システム独自の人のIDなら理由を添えて numberColumns.exclude に書いてください',
  },
  'code-after-number': {
    reason:
      'この列は個人番号の名を冠したコードです。個人番号についての区分コード（利用目的、状態）か、個人番号に代わって用いられる符号（番号法2条8項）かは列名からは決められません',
    settle:
      '個人番号に代わって用いられる符号なら numberColumns.substitute に、区分コードなら理由を添えて numberColumns.exclude に書いてください',
  },
  'contact-relation': {
    reason:
      '「contacts」は、アドレス帳（my number は利用者自身の電話番号）にも、お問い合わせフォームの表（氏名・住所・性別と一緒にマイナンバーが送られることがある）にも使われる名前で、列名だけではどちらか決められません',
    settle:
      '送られたマイナンバーを保持するなら numberColumns.include に、電話番号なら理由を添えて numberColumns.exclude に書いてください',
  },
  'file-reference': {
    reason:
      'この列は、個人番号に関するものをスキーマの外に保存した場所（写真・スキャン・写しのファイル、保管庫の項目）を指します。指す先は個人番号を持ちうるもので、個人番号が記載された写し（個人番号カードの裏面、通知カード、源泉徴収票）はそれ自体が特定個人情報です',
    settle:
      '指すファイルに個人番号が記載されているなら numberColumns.include に（ファイルの保存先も特定個人情報ファイルの一部です）、記載がないなら（カードの表面、番号をマスク済み）理由を添えて numberColumns.exclude に書いてください',
  },
  'masked-partial': {
    reason:
      '個人番号の一部やマスクした形（下4桁など）だけでは番号を復元できませんが、個人番号に代わって用いられる一部や変換したものは個人番号に対応する符号です（番号法2条8項、個人情報保護委員会 Q&A 9-4）',
    settle:
      '画面に表示するだけ（マスク表示）で人を探したり照合したりしないなら理由を添えて numberColumns.exclude に、それで記録を検索・照合するなら numberColumns.include（又は substitute）に書いてください',
  },
  'value-in-number-relation': {
    reason:
      '個人番号のためのテーブル（my_number_records、個人番号管理など）は、列名に個人番号と書かずに番号を保存することがあります。暗号化・ハッシュ化していても個人番号です（個人情報保護委員会 Q&A 9-2）',
    settle:
      '個人番号（暗号化したものを含む）を保持するなら numberColumns.include に、しないなら理由を添えて numberColumns.exclude に書いてください',
  },
};

/**
 * Candidate reasons with parameters (the declared type), read back from their English like the
 * evidence: a candidate's reason is kept in English in the JSON, shown in Japanese under `--lang ja`.
 */
const CANDIDATE_TEMPLATES = {
  'short-type-reason': {
    en:
      'the {on} names the 個人番号, but type {type} cannot hold its 12 digits (番号法施行令 第8条): ' +
      'it may be a key to another table, another number, or the number in a type declared too small',
    ja: '{on}は個人番号を指しますが、型 {type} には12桁の個人番号が入りません（番号法施行令第8条）。別の表へのキー、別の番号、または小さすぎる型で宣言された個人番号かもしれません',
  },
} satisfies Record<string, Template>;

/** The words a template slot takes in Japanese ({on}: which text names the number). */
const SLOT_JA: Record<string, string> = { 'column name': '列名', comment: '列コメント' };

/** A candidate reason from its template and parameters. */
export function candidateText(
  lang: DetectLang,
  id: keyof typeof CANDIDATE_TEMPLATES,
  params: Record<string, string>,
): string {
  const localised =
    lang === 'ja' ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, SLOT_JA[v] ?? v])) : params;
  return fill(CANDIDATE_TEMPLATES[id][lang], localised);
}

const CANDIDATE_READERS = (Object.keys(CANDIDATE_TEMPLATES) as (keyof typeof CANDIDATE_TEMPLATES)[]).map((id) => ({
  id,
  ...readerOf(CANDIDATE_TEMPLATES[id].en),
}));

/** A templated candidate reason in Japanese, read back from its English; undefined when none matches. */
function readCandidateText(text: string): string | undefined {
  for (const r of CANDIDATE_READERS) {
    const m = r.re.exec(text);
    if (m) return candidateText('ja', r.id, Object.fromEntries(r.slots.map((s, i) => [s, capture(m, i + 1)])));
  }
  return undefined;
}

const DETECTED_BY = /^detected by rule (.+)$/;
const DECIDED_BY_EXCLUDE = 'decided by numberColumns.exclude';

/** A candidate's reason in the reader's language (the English is the rule's own text). */
export function candidateReason(lang: DetectLang, c: { rule: string; reason: string }): string {
  if (lang === 'en') return c.reason;
  const m = DETECTED_BY.exec(c.reason);
  if (m) return `規則 ${m[1]} で検出`;
  return readCandidateText(c.reason) ?? CANDIDATE_JA[c.rule]?.reason ?? c.reason;
}

/** What would settle a candidate, in the reader's language. */
export function candidateSettle(lang: DetectLang, c: { rule: string; settle: string }): string {
  if (lang === 'en') return c.settle;
  if (c.settle === DECIDED_BY_EXCLUDE) return 'numberColumns.exclude で決定済み';
  return CANDIDATE_JA[c.rule]?.settle ?? c.settle;
}

/** Rules that make candidates and have their Japanese text here (a test checks none is missing). */
export const CANDIDATE_TEXT_RULES = Object.keys(CANDIDATE_JA);
