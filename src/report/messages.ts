/**
 * The one message catalogue for human-facing text, Japanese and English. Every reporter takes its
 * labels from here; no label is written twice per format.
 */
export type Lang = 'ja' | 'en';

const MESSAGES = {
  title: { ja: '特定個人情報ファイル判定', en: 'Specific personal information file assessment' },
  'classification.specific': { ja: '特定個人情報ファイル', en: 'specific personal information file' },
  'classification.not-specific': { ja: '特定個人情報ファイルではない', en: 'not a specific personal information file' },
  'section.specific': { ja: '特定個人情報ファイル', en: 'Specific personal information files' },
  'section.notSpecific': { ja: '特定個人情報ファイルではないもの', en: 'Not specific' },
  'section.files': { ja: '評価書のファイル', en: 'Named files' },
  'section.databases': { ja: 'データベース', en: 'Databases' },
  'section.principals': { ja: '利用者（システム・ロール）', en: 'Principals (systems and roles)' },
  'section.administrators': { ja: '管理者（所有者・スーパーユーザー）', en: 'Administrators (owners, superusers)' },
  'section.diagnostics': { ja: '診断', en: 'Diagnostics' },
  'section.assumptions': { ja: '前提', en: 'Assumptions' },
  'basis.holds-number': { ja: '個人番号を保持', en: 'holds the number' },
  'basis.reachable': { ja: '個人番号に到達可能', en: 'reaches the number' },
  'basis.access-controlled': { ja: 'アクセス制御で遮断', en: 'blocked by access control' },
  'basis.unlinked': { ja: '個人番号へのリンクなし', en: 'no link to the number' },
  'basis.explain.holds-number': {
    ja: '個人番号（又は個人番号に代わる符号）を記録する項目を持つ',
    en: 'has a column that holds the 個人番号 (or a code used in its place)',
  },
  'basis.explain.reachable': {
    ja: 'リンクをたどって個人番号を参照できる利用者がいる（リンクのみでも特定個人情報ファイルに該当）',
    en: 'a user can follow links from it to the 個人番号 (a linking file is specific)',
  },
  'basis.explain.access-controlled': {
    ja: '個人番号へのリンクはあるが、アクセス制御によりすべての利用者が個人番号の項目に到達できない',
    en: 'links lead to the 個人番号, but access control stops every user from reaching the number column',
  },
  'basis.explain.unlinked': {
    ja: '個人番号を記録する項目へのリンクがない',
    en: 'no link path leads to a number column',
  },
  'kind.individual-number': { ja: '個人番号', en: 'individual number' },
  'kind.substitute-code': { ja: '個人番号に代わる符号', en: 'substitute code' },
  'control.no-table-privilege': { ja: 'テーブルの参照権限なし', en: 'no table privilege' },
  'control.no-column-privilege': { ja: '列の参照権限なし', en: 'no column privilege' },
  'control.no-schema-usage': { ja: 'スキーマの USAGE 権限なし', en: 'no schema USAGE' },
  'control.database-not-connectable': { ja: 'データベースに接続不可', en: 'database not connectable' },
  'control.row-security-denies': { ja: '行レベルセキュリティで全行不可視', en: 'row security hides every row' },
  'control.view-owner-lacks-privilege': { ja: 'ビュー所有者に参照権限なし', en: "view owner lacks privilege" },
  'control.unknown-relation': { ja: '定義されていないリレーション', en: 'undefined relation' },
  'via.foreign-key': { ja: '外部キー', en: 'foreign key' },
  'via.implied-key': { ja: '共通キー', en: 'implied key' },
  'via.declared-link': { ja: '設定で宣言したリンク', en: 'declared link' },
  'via.view': { ja: 'ビュー', en: 'view' },
  'principal.system': { ja: 'システム', en: 'system' },
  'principal.role': { ja: 'ロール', en: 'role' },
  'principal.public': { ja: 'PUBLIC（全ロール）', en: 'PUBLIC (every role)' },
  'principal.unrestricted': { ja: '制限なしの利用者（アクセス制御の宣言なし）', en: 'unrestricted user (no access control declared)' },
  'principal.administrator': { ja: '管理者', en: 'administrator' },
  'principal.everyone': { ja: 'すべての利用者', en: 'every principal' },
  'assumption.no-access-control-declared': {
    ja: 'アクセス制御（ロール・GRANT・利用システム）の宣言がないため、すべてのリレーションを読める利用者が一人いるとみなした',
    en: 'no access control is declared (no roles, grants or principals): one unrestricted user is assumed to read every relation',
  },
  'assumption.schema-usage-assumed': {
    ja: 'スキーマ {0} はソースで作成されていないため USAGE 権限があるとみなした',
    en: 'schema {0} is not created in the sources: USAGE on it is assumed',
  },
  'assumption.view-columns-unknown': { ja: 'ビューの列が判別できなかった', en: 'the view\'s columns could not be determined' },
  'assumption.principal-role-undefined': {
    ja: '利用システム {0} のロール {1} はソースに定義がない（権限なしとして扱う）',
    en: 'role {1} of principal {0} is not defined in the sources (treated as holding no privileges)',
  },
  'label.path': { ja: '経路', en: 'path' },
  'label.blockedAt': { ja: '遮断箇所', en: 'blocked at' },
  'label.relations': { ja: 'リレーション', en: 'relations' },
  'label.summary': { ja: '{0} リレーション: 特定 {1} / 非特定 {2}', en: '{0} relations: {1} specific, {2} not specific' },
  'label.diagnosticsSummary': { ja: 'エラー {0} 件・警告 {1} 件', en: '{0} errors, {1} warnings' },
  'label.none': { ja: 'なし', en: 'none' },
  'label.numberColumn': { ja: '個人番号の項目', en: 'number column' },
  'label.directRead': { ja: '直接参照', en: 'reads it directly' },
  'label.suppressed': { ja: '抑止', en: 'suppressed' },
  'label.andMore': { ja: 'ほか {0} 件', en: '{0} more' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  const template: string = MESSAGES[key][lang];
  return template.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Assumptions are stored as codes (`code:arg:arg`); this renders them. */
export function assumptionText(lang: Lang, code: string): string {
  const [name, ...args] = code.split(':');
  const key = `assumption.${name}` as MessageKey;
  return key in MESSAGES ? t(lang, key, ...args) : code;
}

/** Japanese when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja/i.test(locale) ? 'ja' : 'en';
}
