/**
 * The 評価書's own words (全項目評価書 様式 and 特定個人情報保護評価指針), Japanese and English:
 * the form's item names, numbering and option wording (sources in docs/reports.md), in one place
 * because they change only when the PPC's form does. They are entries of the one catalogue:
 * messages.ts spreads them into its messages and `t` renders them like every other label.
 */
type Entry = { ja: string; en: string };

export const FORM_MESSAGES = {
  'form.title': { ja: '特定個人情報保護評価書（全項目評価書）の下書き', en: 'Draft of the PIA report (全項目評価書)' },
  'form.note': {
    ja: 'spif {0} がスキーマから作成した下書き。「（案）」の文は規則による提案、「（記入）」は設定か担当者が埋める欄。評価書に記載する前に担当者が確認すること。',
    en: 'Draft made by spif {0} from the schemas. Sentences marked (draft) are proposals from rules; (to fill in) marks fields for the config or the author. Review before filing.',
  },
  'form.draft': { ja: '（案）', en: '(draft)' },
  'form.fill': { ja: '（記入）', en: '(to fill in)' },
  'form.fillKey': { ja: '（記入：設定 {0}）', en: '(to fill in: config {0})' },
  'form.review': { ja: '要確認', en: 'to review' },
  'form.col.item': { ja: '項目', en: 'Item' },
  'form.col.entry': { ja: '記載内容', en: 'Entry' },
  'form.col.basis': { ja: '根拠（spif）', en: 'Basis (spif)' },
  'form.options': { ja: '＜選択肢＞ {0}', en: 'options: {0}' },

  // ── しきい値判断 ──────────────────────────────────────────────────────────────────────────
  'th.heading': { ja: 'しきい値判断', en: 'Threshold assessment (しきい値判断)' },
  'th.cite': {
    ja: '特定個人情報保護評価指針 第5の2 に基づき、対象人数・取扱者数・重大事故の有無から実施が義務付けられる評価を判断する。',
    en: 'Under 特定個人情報保護評価指針 §5-2, the assessment required follows from the number of persons, the number of handlers and whether a serious incident occurred.',
  },
  'th.targetPersons': { ja: '対象人数', en: 'Persons covered (対象人数)' },
  'th.handlers': { ja: '取扱者数', en: 'Handlers (取扱者数)' },
  'th.seriousIncident': {
    ja: '過去1年以内の特定個人情報に関する重大事故',
    en: 'Serious incident involving 特定個人情報 in the past year',
  },
  'th.persons': { ja: '{0}人', en: '{0}' },
  'th.yes': { ja: 'あり', en: 'yes' },
  'th.no': { ja: 'なし', en: 'no' },
  'th.result': { ja: '判断結果', en: 'Result' },
  'th.assessment.none': {
    ja: '特定個人情報保護評価の実施は義務付けられない（対象人数1,000人未満）',
    en: 'no assessment is required (fewer than 1,000 persons)',
  },
  'th.assessment.basic': { ja: '基礎項目評価', en: '基礎項目評価 (basic assessment)' },
  'th.assessment.basic+focused': {
    ja: '基礎項目評価及び重点項目評価',
    en: '基礎項目評価 and 重点項目評価 (basic and focused assessment)',
  },
  'th.assessment.basic+full': {
    ja: '基礎項目評価及び全項目評価',
    en: '基礎項目評価 and 全項目評価 (basic and full assessment)',
  },
  'th.band.1000-10000': { ja: '対象人数1,000人以上1万人未満', en: '1,000 to under 10,000 persons' },
  'th.band.10000-100000': { ja: '対象人数1万人以上10万人未満', en: '10,000 to under 100,000 persons' },
  'th.band.100000-300000': { ja: '対象人数10万人以上30万人未満', en: '100,000 to under 300,000 persons' },
  'th.band.300000-': { ja: '対象人数30万人以上', en: '300,000 persons or more' },
  'th.band.under-1000': { ja: '対象人数1,000人未満', en: 'under 1,000 persons' },
  'th.reason.handlers-500-or-more': { ja: '取扱者数500人以上', en: '500 handlers or more' },
  'th.reason.handlers-under-500': { ja: '取扱者数500人未満', en: 'under 500 handlers' },
  'th.reason.serious-incident': { ja: '重大事故あり', en: 'a serious incident' },
  'th.reason.no-serious-incident': { ja: '重大事故なし', en: 'no serious incident' },
  'th.because': { ja: '{0}のため、{1}。', en: '{0}, so: {1}.' },
  'th.full.optional': {
    ja: '義務付けられた評価より詳しい評価（重点項目評価・全項目評価）を任意に実施することもできる。',
    en: 'A more detailed assessment than the one required may be carried out voluntarily.',
  },
  'th.undecided': { ja: '判断できない：設定 {0} を記入すること。', en: 'cannot decide: set {0} in the config.' },
  'th.table': {
    ja: '判断の基準：対象人数1,000人未満は義務付けなし／1,000人以上1万人未満は基礎項目評価／1万人以上10万人未満は基礎項目評価（取扱者数500人以上又は重大事故ありのときは重点項目評価も）／10万人以上30万人未満は基礎項目評価及び重点項目評価（取扱者数500人以上又は重大事故ありのときは全項目評価）／30万人以上は基礎項目評価及び全項目評価。',
    en: 'Thresholds: under 1,000 persons none; 1,000–9,999 basic; 10,000–99,999 basic (plus focused with 500+ handlers or a serious incident); 100,000–299,999 basic and focused (full with 500+ handlers or a serious incident); 300,000+ basic and full.',
  },

  // ── Ⅱ 特定個人情報ファイルの概要 ──────────────────────────────────────────────────────────
  'f2.heading': { ja: 'Ⅱ 特定個人情報ファイルの概要', en: 'II Outline of the specific personal information files' },
  'f2.none': {
    ja: '特定個人情報ファイルに該当するファイルはない（該当しないファイルは末尾の参考を参照）。',
    en: 'No file is specific (see the annex for the files judged not specific).',
  },
  'f2.1': { ja: '1．特定個人情報ファイル名', en: '1. Name of the specific personal information file' },
  'f2.byDatabase': {
    ja: '設定 files に評価書のファイル名がないため、データベースごとにまとめた。',
    en: 'The config names no files (files), so the files are per database.',
  },
  'f2.2': { ja: '2．基本情報', en: '2. Basic information' },
  'f2.2.1': { ja: '①ファイルの種類 ※', en: '① Kind of file' },
  'f2.fileType.system': { ja: 'システム用ファイル', en: 'システム用ファイル (system file)' },
  'f2.fileType.other-electronic': {
    ja: 'その他の電子ファイル（表計算ファイル等）',
    en: 'その他の電子ファイル (other electronic file, e.g. spreadsheet)',
  },
  'f2.fileType.basis': {
    ja: 'データベースのテーブル・ビューから読んだため（設定 files[].fileType で変更）',
    en: 'read from database tables and views (config files[].fileType overrides)',
  },
  'f2.fileType.config': { ja: '設定 files[].fileType', en: 'config files[].fileType' },
  'f2.2.2': { ja: '②対象となる本人の数', en: '② Number of persons covered' },
  'f2.2.2.basis': { ja: '設定 files[].persons = {0}', en: 'config files[].persons = {0}' },
  'f2.2.3': { ja: '③対象となる本人の範囲 ※', en: '③ Range of persons covered' },
  'f2.2.3.need': { ja: 'その必要性', en: 'Why it is necessary' },
  'f2.2.3.hint': {
    ja: '列 {0} から、{1}の個人番号も記録していると考えられる：範囲に含めること',
    en: 'column {0} suggests the file also records the numbers of {1}: include them in the range',
  },
  'f2.2.4': { ja: '④記録される項目', en: '④ Items recorded' },
  'f2.2.4.basis': {
    ja: '{0} 項目（テーブル・ビューの列を重複なく数え、ビューが元の列をそのまま引き継ぐ列は1回と数えた。内訳は別添2）',
    en: '{0} items (distinct columns of the relations; a view column passing a base column through counts once; list in annex 2)',
  },
  'f2.main': { ja: '主な記録項目 ※', en: 'Main record items' },
  'f2.main.basis': {
    ja: '列名・列コメントから規則で提案（docs/reports.md）。☑ の根拠の列は別添2',
    en: 'proposed from column names and comments by rules (docs/reports.md); the columns behind each ☑ are in annex 2',
  },
  'f2.main.other': { ja: 'その他 （　）', en: 'その他 (other) ( )' },
  'f2.main.otherNote': {
    ja: 'spif は「その他」を提案しない。未分類の列 {0} 件（別添2で「要確認」）を担当者が区分すること',
    en: 'spif never proposes その他; {0} unclassified columns (marked "to review" in annex 2) are for the author to place',
  },
  'f2.main.link': { ja: '紐付けによる：{0}', en: 'by linkage: {0}' },
  'f2.main.linkNote': { ja: '{0}（{1}）で{2}と紐付け', en: 'linked to {2} by {0} ({1})' },
  'f2.main.candidates': { ja: '個人番号の要確認候補：{0}', en: 'number candidates to review: {0}' },
  'f2.valid': { ja: 'その妥当性', en: 'Why they are appropriate' },
  'f2.all': { ja: '全ての記録項目', en: 'All record items' },
  'f2.all.entry': { ja: '別添2を参照。', en: 'See annex 2.' },
  'f2.2.5': { ja: '⑤保有開始日', en: '⑤ Held since' },
  'f2.2.6': { ja: '⑥事務担当部署', en: '⑥ Department in charge' },
  'f2.3': { ja: '3．特定個人情報の入手・使用', en: '3. Obtaining and using the specific personal information' },
  'f2.3.7': { ja: '⑦使用の主体', en: '⑦ Who uses it' },
  'f2.3.7.dept': { ja: '使用部署 ※', en: 'Using departments' },
  'f2.3.7.users': { ja: '使用者数', en: 'Number of users' },
  'f2.3.7.usersBasis': {
    ja: '設定 principals[].users の合計 {0}人（{1}）',
    en: 'sum of config principals[].users: {0} ({1})',
  },
  'f2.3.7.usersMissing': {
    ja: '設定 principals[].users がない使用の主体：{0}',
    en: 'principals without principals[].users: {0}',
  },
  'f2.3.7.deptBasis': {
    ja: 'このファイルのテーブル・ビューを参照できる利用者（設定 principals）',
    en: "principals that can read this file's relations (config principals)",
  },
  'f2.3.7.deptBasisConfig': { ja: '設定 files[].principals', en: 'config files[].principals' },
  'f2.3.7.none': {
    ja: 'このファイルを参照できる利用者は宣言されていない',
    en: 'no declared principal reads this file',
  },
  'f2.3.8': { ja: '⑧使用方法 ※', en: '⑧ How it is used' },
  'f2.3.8.match': { ja: '情報の突合 ※', en: 'Matching of information' },
  'f2.3.8.matchLine': { ja: '{0}により{1}の情報と突合する', en: 'matched with {1} by {0}' },
  'f2.3.8.matchNone': {
    ja: 'ほかのファイルと突合するリンクは見つからなかった',
    en: 'no link to another file was found',
  },
  'f2.3.8.matchBasis': {
    ja: 'リンクグラフの結合キー（外部キー・共通キー・設定 links / linkKeys）',
    en: 'join keys of the link graph (foreign keys, shared keys, config links / linkKeys)',
  },
  'f2.5': {
    ja: '5．特定個人情報の提供・移転（委託に伴うものを除く。）',
    en: '5. Provision and transfer (other than with entrustment)',
  },
  'f2.5.has': { ja: '提供・移転の有無', en: 'Provision or transfer' },
  'f2.5.options': {
    ja: '☐ 提供を行っている（　）件　☐ 移転を行っている（　）件　☐ 行っていない',
    en: '☐ provided to ( ) parties  ☐ transferred to ( ) parties  ☐ neither',
  },
  'f2.5.candidates': { ja: '提供・移転の候補（要確認）', en: 'Candidates for provision or transfer (to review)' },
  'f2.5.crossDb': {
    ja: 'データベース {0} の {1} と {2} で結合できる（{3}）',
    en: 'joinable with {1} in database {0} by {2} ({3})',
  },
  'f2.5.otherSystem': {
    ja: '使用の主体以外の利用者 {0} がこのファイルの {1} を参照できる',
    en: 'principal {0}, not among the users of this 事務, can read {1} of this file',
  },
  'f2.5.none': {
    ja: '候補なし（ほかのデータベースへのリンクも、使用の主体以外の利用者もない）',
    en: 'no candidate (no link to another database and no other principal)',
  },
  'f2.5.note': {
    ja: '提供（他の機関へ）か移転（同じ機関の他の事務へ）か、又はどちらでもないかは担当者が判断する。設定 files[].principals を記入すると、使用の主体以外の利用者を候補に挙げる。',
    en: 'Whether each is a provision (to another body), a transfer (to another 事務 of the same body) or neither is for the author to decide. With config files[].principals, other principals that read the file are listed too.',
  },

  // ── 別添2 ───────────────────────────────────────────────────────────────────────────────
  'a2.heading': {
    ja: '（別添2）特定個人情報ファイル記録項目',
    en: '(Annex 2) Record items of the specific personal information files',
  },
  'a2.note': {
    ja: '各ファイルのテーブル・ビューのすべての列。論理名は列コメント、記録項目の区分は主な記録項目の区分（未分類は「要確認」）。',
    en: 'Every column of each file\'s relations. The logical name is the column comment; the category is the main record item category (unclassified: "to review").',
  },
  'a2.col.file': { ja: 'ファイル名', en: 'File' },
  'a2.col.no': { ja: '番号', en: 'No.' },
  'a2.col.logical': { ja: '項目名（論理名）', en: 'Item (logical name)' },
  'a2.col.physical': { ja: '列名（物理名）', en: 'Column' },
  'a2.col.type': { ja: '型', en: 'Type' },
  'a2.col.category': { ja: '記録項目の区分', en: 'Record item category' },
  'a2.col.relation': { ja: 'テーブル・ビュー', en: 'Relation' },
  'a2.col.note': { ja: '備考', en: 'Note' },
  'a2.passThrough': { ja: '{0} をそのまま引き継ぐ（件数は1回）', en: 'passes {0} through (counted once)' },
  'a2.number': { ja: '{0}（{1}）', en: '{0} ({1})' },
  'a2.candidate': { ja: '個人番号の候補（要確認）：{0}', en: 'number candidate (to review): {0}' },
  'a2.sheet.summary': { ja: 'Ⅱ 基本情報', en: 'II Basic information' },

  // ── Ⅲ リスク対策 ──────────────────────────────────────────────────────────────────────
  'f3.heading': {
    ja: 'Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策',
    en: 'III Risk measures in handling the specific personal information files',
  },
  'f3.1': { ja: '1．特定個人情報ファイル名', en: '1. Name of the file' },
  'f3.3': { ja: '3．特定個人情報の使用', en: '3. Use of the specific personal information' },
  'f3.risk1': {
    ja: 'リスク1：目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク',
    en: 'Risk 1: linkage beyond the purpose, or with information the 事務 does not need',
  },
  'f3.risk1.measures': {
    ja: '事務で使用するその他のシステムにおける措置の内容',
    en: 'Measures in the other systems used in the 事務',
  },
  'f3.risk1.link': { ja: '{0} は {1} と {2} で紐付く：{3}', en: '{0} links to {1} by {2}: {3}' },
  'f3.risk1.open': { ja: '利用者 {0} は紐付けをたどって個人番号に到達する', en: '{0} follows the link to the number' },
  'f3.risk1.stopped': { ja: '利用者 {0} は {1}（{2}）で止められる', en: '{0} is stopped at {1} ({2})' },
  'f3.risk1.nobody': {
    ja: 'この紐付けをたどって個人番号に到達する利用者はいない',
    en: 'no user follows this link to the number',
  },
  'f3.risk1.none': { ja: 'このファイルからほかのファイルへの紐付けはない', en: 'this file links to no other file' },
  'f3.risk2': {
    ja: 'リスク2：権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク',
    en: 'Risk 2: unauthorised use (former staff, staff without access rights, …)',
  },
  'f3.risk2.access': { ja: 'アクセス権限の管理', en: 'Management of access rights' },
  'f3.risk2.method': { ja: '具体的な管理方法', en: 'How they are managed' },
  'f3.risk2.draft': {
    ja: 'データベースの権限（GRANT・列権限・接続制限）で、個人番号の列を参照できる利用者を次の表のとおりに限っている。',
    en: 'Database privileges (grants, column privileges, connection limits) restrict who can read the number column as the table below shows.',
  },
  'f3.risk2.declaredOnly': {
    ja: '設定上の宣言（principals[].connects）のみで止めている利用者がいる：接続制限が実際に強制されていることを確認すること',
    en: 'some principals are stopped only by a config declaration (principals[].connects): check that it is enforced',
  },
  'f3.risk2.noControl': {
    ja: 'アクセス制御がソースに宣言されていない：すべての利用者が個人番号に到達するものとして判定した',
    en: 'no access control is declared in the sources: every user is taken to reach the number',
  },

  // ── 参考: not specific ──────────────────────────────────────────────────────────────────
  'ns.heading': {
    ja: '（参考）特定個人情報ファイルに該当しないと判断したファイル',
    en: '(Reference) Files judged not specific',
  },
  'ns.note': {
    ja: '個人番号へのリンクはあるがアクセス制御で利用者が個人番号の列に到達できないファイル、又はリンクがないファイル。テーブル・ビューごとに、各利用者を止めている制御を示す。',
    en: 'Files linked to the number whose users access control stops from reaching the number column, or with no link at all. Per relation, the control that stops each user.',
  },
  'ns.none': { ja: 'なし', en: 'none' },

  // ── spif's evidence ────────────────────────────────────────────────────────────────────
  'ev.heading': { ja: '判定の根拠（spif）', en: 'Evidence (spif)' },
  'ev.note': {
    ja: 'ここから下は評価書の各欄の根拠：spif が各テーブル・ビューをどう判定したか（判定の考え方、ファイルごとの判定、テーブル・ビュー一覧、リンクグラフ、利用者、診断）。',
    en: 'Below: the evidence behind each entry — how spif judged every relation (rules, per-file judgement, all relations, link graph, users, diagnostics).',
  },
} as const satisfies Record<string, Entry>;

/** ②対象となる本人の数: the form's bands (全項目評価書 様式). */
export const PERSON_BANDS = [
  { below: 10_000, ja: '1万人未満', en: 'under 10,000' },
  { below: 100_000, ja: '1万人以上10万人未満', en: '10,000 to under 100,000' },
  { below: 1_000_000, ja: '10万人以上100万人未満', en: '100,000 to under 1 million' },
  { below: 10_000_000, ja: '100万人以上1,000万人未満', en: '1 million to under 10 million' },
  { below: Infinity, ja: '1,000万人以上', en: '10 million or more' },
] as const;

/** ④記録される項目: the form's bands. */
export const ITEM_BANDS = [
  { below: 10, ja: '10項目未満', en: 'under 10 items' },
  { below: 50, ja: '10項目以上50項目未満', en: '10 to under 50 items' },
  { below: 100, ja: '50項目以上100項目未満', en: '50 to under 100 items' },
  { below: Infinity, ja: '100項目以上', en: '100 items or more' },
] as const;

/** ⑦使用者数: the form's bands. */
export const USER_BANDS = [
  { below: 10, ja: '10人未満', en: 'under 10' },
  { below: 50, ja: '10人以上50人未満', en: '10 to under 50' },
  { below: 100, ja: '50人以上100人未満', en: '50 to under 100' },
  { below: 500, ja: '100人以上500人未満', en: '100 to under 500' },
  { below: 1_000, ja: '500人以上1,000人未満', en: '500 to under 1,000' },
  { below: Infinity, ja: '1,000人以上', en: '1,000 or more' },
] as const;

export type Band = { below: number; ja: string; en: string };

export function bandOf(bands: readonly Band[], n: number): Band {
  return bands.find((b) => n < b.below)!;
}

/** `1) 10項目未満 2) …`: the options as the form prints them. */
export function bandOptions(bands: readonly Band[], lang: keyof Entry): string {
  return bands.map((b, i) => `${i + 1}) ${b[lang]}`).join(' ');
}
