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
  // spif check / diff / explain (src/gate)
  'gate.check.title': { ja: '特定個人情報ファイルの確認（spif check）', en: 'spif check: specific personal information files against the PIA inventory' },
  'gate.diff.title': { ja: '特定個人情報ファイルの変更（spif diff）', en: 'spif diff: changes to specific personal information files' },
  'gate.explain.title': { ja: '個人番号への経路の説明（spif explain）', en: 'spif explain: paths to the number' },
  'gate.passed': { ja: '合格', en: 'passed' },
  'gate.failed': { ja: '不合格', en: 'failed' },
  'gate.strict': { ja: '厳格モード', en: 'strict' },
  'gate.reason': { ja: '理由', en: 'reason' },
  'gate.noFindings': { ja: '指摘なし', en: 'no findings' },
  'gate.noChanges': { ja: '特定個人情報ファイルに関する変更なし', en: 'no change to what is specific' },
  'gate.inventory': { ja: '評価書で宣言したファイル（inventory）', en: 'Inventory (files the PIA declares)' },
  'gate.noInventory': {
    ja: '設定に inventory がない：評価書で宣言された特定個人情報ファイルはないものとして確認した',
    en: 'the config has no inventory: no specific relation counts as declared',
  },
  'gate.findingsSummary': { ja: '不合格 {0} 件・警告 {1} 件・抑止 {2} 件', en: '{0} failing, {1} warnings, {2} suppressed' },
  'gate.changesSummary': { ja: '変更 {0} 件（不合格 {1} 件・抑止 {2} 件）', en: '{0} changes ({1} failing, {2} suppressed)' },
  'gate.base': { ja: '比較元', en: 'base' },
  'gate.head': { ja: '作業ツリー', en: 'working tree' },
  'gate.failOn': { ja: '不合格とする変更', en: 'fails on' },
  'gate.inFiles': { ja: 'inventory にないファイルに含まれる: {0}', en: 'in named files missing from the inventory: {0}' },
  'gate.inNoFile': { ja: 'どの名前付きファイル（files）にも含まれない', en: 'in no named file (files)' },
  'gate.absent': { ja: '存在しなかった', en: 'did not exist' },
  'gate.removed': { ja: '削除された', en: 'removed' },
  'gate.col.level': { ja: '重要度', en: 'level' },
  'gate.col.rule': { ja: 'ルール', en: 'rule' },
  'gate.col.subject': { ja: '対象', en: 'subject' },
  'gate.col.detail': { ja: '内容', en: 'detail' },
  'gate.col.evidence': { ja: '根拠', en: 'evidence' },
  'gate.level.error': { ja: 'エラー', en: 'error' },
  'gate.level.warning': { ja: '警告', en: 'warning' },
  'gate.level.note': { ja: '情報', en: 'note' },
  'gate.rule.uncovered-specific': {
    ja: '{0} は特定個人情報ファイルに該当する（{1}）が、inventory のどのファイルにも含まれない：評価の見直しか inventory への追加が必要',
    en: '{0} is specific ({1}) but no inventory file covers it: redo the PIA or add it to the inventory',
  },
  'gate.rule.inventory-not-specific': {
    ja: 'inventory のファイル {0} は特定個人情報ファイルに該当しなくなった（{1} リレーションのいずれも該当しない）',
    en: 'inventory file {0} is no longer specific (none of its {1} relations is)',
  },
  'gate.rule.error-diagnostic': { ja: 'ソースを読めなかった箇所: {0} {1}', en: 'sources not fully read: {0} {1}' },
  'gate.rule.suppression-unused': {
    ja: '{0} に一致するものがない（理由: {1}）：削除するか relation・rule を直すこと',
    en: '{0} matches nothing (reason: {1}): remove it or correct its relation/rule',
  },
  'gate.rule.became-specific': { ja: '{0} が特定個人情報ファイルに該当するようになった（{1}。変更前: {2}）', en: '{0} became specific ({1}; before: {2})' },
  'gate.rule.stopped-specific': { ja: '{0} が特定個人情報ファイルに該当しなくなった（{1}。変更前: {2}）', en: '{0} is no longer specific ({1}; before: {2})' },
  'gate.rule.path-added': { ja: '{1} が {0} から個人番号に到達できるようになった', en: '{1} now reaches the number from {0}' },
  'gate.rule.path-removed': { ja: '{1} は {0} から個人番号に到達できなくなった', en: '{1} no longer reaches the number from {0}' },
  'gate.rule.block-added': { ja: '{0} で {1} を止める制御が加わった: {2}（{3}）', en: 'new control stops {1} on {0}: {2} at {3}' },
  'gate.rule.block-removed': { ja: '{0} で {1} を止めていた制御がなくなった: {2}（{3}）', en: 'control no longer stops {1} on {0}: {2} at {3}' },
  'gate.rule.number-column-added': { ja: '{0} が個人番号の項目になった（{1}）', en: '{0} now holds the number ({1})' },
  'gate.rule.number-column-removed': { ja: '{0} は個人番号の項目ではなくなった', en: '{0} no longer holds the number' },
  'gate.rule.file-became-specific': { ja: '名前付きファイル {0} が特定個人情報ファイルに該当するようになった', en: 'named file {0} became specific' },
  'gate.rule.file-stopped-specific': { ja: '名前付きファイル {0} が特定個人情報ファイルに該当しなくなった', en: 'named file {0} is no longer specific' },
  'gate.rule.database-renamed': { ja: 'データベース {0} は {1} に改名された（リレーションは新しい名前で比較）', en: 'database {0} was renamed to {1} (its relations are compared under the new name)' },
  'gate.explain.reaches': { ja: '個人番号に到達する', en: 'reaches the number' },
  'gate.explain.blocked': { ja: 'アクセス制御で遮断', en: 'stopped by access control' },
  'gate.explain.cannotRead': { ja: 'このリレーションを参照できない', en: 'cannot read this relation' },
  'gate.explain.noPath': { ja: '個人番号への経路なし', en: 'no path to the number' },
  'gate.explain.suggest': { ja: '経路を断つ最小の変更', en: 'smallest change that stops it' },
  'gate.explain.alternatives': { ja: 'ほかの変更', en: 'other changes' },
  'gate.explain.verified': { ja: '検証済み：変更後に再計算すると経路がない', en: 'verified: with the change, reachability finds no path' },
  'gate.explain.unverified': { ja: '未検証', en: 'not verified' },
  'gate.explain.columnsLost': { ja: 'この利用者が読めなくなる列 {0}', en: '{0} columns lost by this principal' },
  'gate.explain.alsoAffects': { ja: 'ほかに影響を受ける利用者: {0}', en: 'also affects: {0}' },
  'gate.explain.noSuggestion': { ja: '一つの権限変更ではすべての経路を断てない', en: 'no single access change stops every path' },
  'gate.explain.unrestricted': {
    ja: 'アクセス制御の宣言がない：principals・ロール・GRANT を宣言すると経路を断つ変更を示せる',
    en: 'no access control is declared: declare principals, roles and grants to get changes that stop paths',
  },
  'gate.suggest.revoke-column': { ja: '{1} から {0} の SELECT を取り消す', en: 'revoke SELECT on {0} from {1}' },
  'gate.suggest.revoke-table': {
    ja: '{1} の {0} に対するテーブル全体の SELECT を、{2} を除く列権限に置き換える',
    en: "replace {1}'s table-wide SELECT on {0} with column grants that leave out {2}",
  },
  'gate.suggest.revoke-schema': {
    ja: '{1} のスキーマ {0} 全体への SELECT を、{2} を除く権限に置き換える',
    en: "replace {1}'s SELECT on every table of {0} with grants that leave out {2}",
  },
  'gate.suggest.revoke-membership': { ja: '{1} のロール {0} へのメンバーシップを取り消す', en: 'revoke the membership of {1} in role {0}' },
  'gate.suggest.remove-connect': { ja: '利用者 {1} の connects から {0} を外す', en: 'remove {0} from the connects of principal {1}' },
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
