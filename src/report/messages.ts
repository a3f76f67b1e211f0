/**
 * The one message catalogue for human-facing text, Japanese and English. Every reporter takes its
 * labels from here; no label is written twice per format.
 */
import { DIAGNOSTIC_MESSAGES, fill, renderText } from '../diagnostic-text/index.js';
import { codeInfo } from '../diagnostic-codes.js';
import { CLI_MESSAGES } from './cli-messages.js';
import { FORM_MESSAGES } from './hyoukasho-messages.js';

export type Lang = 'ja' | 'en';

const CORE_MESSAGES = {
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
  'section.candidates': { ja: '要確認の列（個人番号の可能性）', en: 'Columns to review (may hold the number)' },
  'label.candidatesSummary': {
    ja: '要確認の列 {0}（numberColumns で未決定）',
    en: '{0:column|columns} to review (not decided in numberColumns)',
  },
  'label.candidate': { ja: '要確認', en: 'to review' },
  'label.candidateSettle': { ja: '決め方', en: 'to settle' },
  'label.candidateDecided': { ja: '設定で決定', en: 'decided in the config' },
  'label.decisionReason': { ja: '理由', en: 'reason' },
  'verdict.number': { ja: '個人番号の列とする', en: 'a number column' },
  'verdict.not-number': { ja: '個人番号の列ではない', en: 'not a number column' },
  'sarif.rule.candidate': {
    ja: '個人番号の可能性がある列（要確認）：設定の numberColumns で決める',
    en: 'Column that may hold the individual number (to review): decide it under numberColumns',
  },
  'sarif.msg.candidate': {
    ja: '{0} の列 {1} は{2}の可能性がある（{3}）。{4}。決めるには: {5}',
    en: 'column {1} of {0} may hold the {2} ({3}): {4}. To settle: {5}',
  },
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
  'control.view-owner-lacks-privilege': { ja: 'ビュー所有者に参照権限なし', en: 'view owner lacks privilege' },
  'control.unknown-relation': { ja: '定義されていないテーブル・ビュー', en: 'undefined relation' },
  'control.no-execute-privilege': { ja: '関数の実行権限（EXECUTE）なし', en: 'no EXECUTE privilege' },
  'control.no-user-mapping': { ja: '外部サーバのユーザマッピングなし', en: 'no user mapping on the foreign server' },
  'control.remote-access-denied': { ja: 'リモートのデータベースで参照不可', en: 'refused by the remote database' },
  'control.denied': { ja: 'DENY で参照を拒否', en: 'denied (DENY)' },
  'control.masked': { ja: 'マスキングで値を秘匿', en: 'value masked' },
  'via.foreign-key': { ja: '外部キー', en: 'foreign key' },
  'via.implied-key': { ja: '共通キー', en: 'implied key' },
  'via.declared-link': { ja: '設定で宣言したリンク', en: 'declared link' },
  'via.view': { ja: 'ビュー', en: 'view' },
  'via.copy': {
    ja: '複写（パーティション・継承・INSERT … SELECT・トリガー・外部テーブル・論理レプリケーション）',
    en: 'copy',
  },
  'principal.system': { ja: 'システム', en: 'system' },
  'principal.role': { ja: 'ロール', en: 'role' },
  'principal.public': { ja: '全ロール', en: 'every role' },
  'principal.unrestricted': {
    ja: '制限なしの利用者（アクセス制御の宣言なし）',
    en: 'unrestricted user (no access control declared)',
  },
  'principal.administrator': { ja: '管理者', en: 'administrator' },
  'principal.everyone': { ja: 'すべての利用者', en: 'every principal' },
  'assumption.no-access-control-declared': {
    ja: 'アクセス制御（ロール・GRANT・利用システム）の宣言がないため、すべてのテーブル・ビューを読める利用者が一人いるとみなした',
    en: 'no access control is declared (no roles, grants or principals): one unrestricted user is assumed to read every relation',
  },
  'assumption.schema-usage-assumed': {
    ja: 'スキーマ {0} はソースで作成されていないため USAGE 権限があるとみなした',
    en: 'schema {0} is not created in the sources: USAGE on it is assumed',
  },
  'assumption.unknown-path': {
    ja: 'SECURITY DEFINER の関数 {0} は本体を解析できない（{1}）。実行できる利用者（{2}）は所有者の権限でこのテーブル・ビューの列を読める可能性がある（要確認）',
    en: "SECURITY DEFINER function {0} could not be analysed ({1}); whoever may execute it ({2}) may read this relation's columns with its owner's rights (check it)",
  },
  'assumption.cross-database-unknown': {
    ja: '他のデータベースへのリンク（{0} {1}）を追えない（{2}）。このテーブル・ビューは他のデータベースの個人番号を保持・参照している可能性がある。読める利用者: {3}（要確認）',
    en: 'a link to another database ({0} {1}) cannot be followed ({2}); this relation may hold or read what that database holds, the number included. Readers: {3} (check it)',
  },
  'assumption.link.foreign-table': { ja: '外部テーブル', en: 'foreign-table' },
  'assumption.link.subscription': { ja: 'サブスクリプション', en: 'subscription' },
  'assumption.link.dblink': { ja: 'dblink', en: 'dblink' },
  'assumption.link.database-link': { ja: 'データベースリンク', en: 'database-link' },
  'assumption.mysql-definer-assumed': {
    ja: 'DEFINER {0} はソースで作成も権限付与もされていないため、このビュー／ルーチンの基表をすべて読めるとみなした（要確認）',
    en: 'DEFINER {0} is neither created nor granted anything in the sources: it is assumed to read every base relation of this view or routine (check it)',
  },
  'assumption.row-filter-unevaluated': {
    ja: '{2} の行フィルタ {1}（{0}）は条件を評価できないため、行が見えるとみなした',
    en: 'row filter {1} ({0}) on {2} has a predicate spif cannot evaluate: rows are assumed visible',
  },
  'assumption.vpd-column-mask-unevaluated': {
    ja: 'VPD ポリシー {0} による {1} の列マスキングは条件を評価できないため、値が見えるとみなした',
    en: 'VPD policy {0} masks {1} under a condition spif cannot evaluate: the value is assumed visible',
  },
  'assumption.database-link-same-user': {
    ja: 'データベース・リンク {0}（{1}）は利用者自身の名前で接続先にログオンする: 接続先の同じ名前のユーザーとして権限を確かめた（仮定。同名のアカウントかグローバル・ユーザーが要る: Oracle SQL言語リファレンス CREATE DATABASE LINK）',
    en: 'database link {0} ({1}) logs on to the remote database as the local user: its rights there are checked as the user of the same name (an assumption; Oracle needs the same account there, or a global user: SQL Language Reference, CREATE DATABASE LINK)',
  },
  'assumption.mask-inference': {
    ja: '{0} はマスキングで値が秘匿されるが、WHERE 句による推測は防げない（製品の文書による）',
    en: '{0} is masked, but a mask does not stop inference through WHERE clauses (as the product documents)',
  },
  'assumption.view-columns-unknown': {
    ja: 'ビューの列が判別できなかった',
    en: "the view's columns could not be determined",
  },
  'assumption.principal-role-undefined': {
    ja: '利用システム {0} のロール {1} はソースに定義がない（権限なしとして扱う）',
    en: 'role {1} of principal {0} is not defined in the sources (treated as holding no privileges)',
  },
  'label.path': { ja: '経路', en: 'path' },
  'label.blockedAt': { ja: '遮断箇所', en: 'blocked at' },
  'label.relations': { ja: 'テーブル・ビュー', en: 'relations' },
  'label.relationCount': { ja: 'テーブル・ビュー {0} 件', en: '{0:relation|relations}' },
  'label.summary': {
    ja: 'テーブル・ビュー {0} 件: 特定 {1} / 非特定 {2}',
    en: '{0:relation|relations}: {1} specific, {2} not specific',
  },
  'label.read': {
    ja: '{2} 個のファイルの {1} 文のうち {0} 文を読み取り',
    en: '{0} of {1:statement|statements} in {2:file|files} read',
  },
  'label.filesUnread': {
    ja: '見つかったファイル {0} 個のうち {1} 個は読めませんでした（診断を参照）',
    en: '{1} of {0:file|files} found could not be read (see the diagnostics)',
  },
  'label.config': { ja: '設定ファイル: {0}', en: 'config: {0}' },
  'label.configNone': {
    ja: '設定ファイル: なし（探した場所: {0}）。前提: すべてのソースを 1 つのデータベース default として読み、利用者・評価書のファイルの宣言なし',
    en: 'config: none found (looked in {0}); assumed: every source is one database "default", no principals or named files declared',
  },
  'label.configDisabled': {
    ja: '設定ファイル: 読まない（--no-config）。前提: すべてのソースを 1 つのデータベース default として読み、利用者・評価書のファイルの宣言なし',
    en: 'config: not read (--no-config); assumed: every source is one database "default", no principals or named files declared',
  },
  'label.diagnosticsSummary': { ja: 'エラー {0} 件・警告 {1} 件', en: '{0:error|errors}, {1:warning|warnings}' },
  'label.none': { ja: 'なし', en: 'none' },
  'label.numberColumn': { ja: '個人番号の項目', en: 'number column' },
  'label.directRead': { ja: '直接参照', en: 'reads it directly' },
  'label.suppressed': { ja: '抑止', en: 'suppressed' },
  'label.andMore': { ja: 'ほか {0} 件', en: '{0} more' },
  // Evidence sentences (src/report/evidence-text.ts): {0} the user, {1} where access stops.
  'evidence.block.no-table-privilege': {
    ja: '{0} は {1} を参照する権限（SELECT）を持たない',
    en: '{0} has no SELECT on {1}',
  },
  'evidence.block.no-column-privilege': {
    ja: '{0} は列 {1} を参照する権限を持たない',
    en: '{0} may not SELECT column {1}',
  },
  'evidence.block.no-schema-usage': {
    ja: '{0} はスキーマ {1} の USAGE 権限を持たない',
    en: '{0} has no USAGE on schema {1}',
  },
  'evidence.block.database-not-connectable': {
    ja: '{0} はデータベース {1} に接続できない',
    en: '{0} cannot connect to database {1}',
  },
  'evidence.block.row-security-denies': {
    ja: '{1} の行レベルセキュリティにより {0} にはどの行も見えない',
    en: 'row security on {1} hides every row from {0}',
  },
  'evidence.block.view-owner-lacks-privilege': {
    ja: 'ビューの所有者が {1} を参照する権限を持たないため、{0} はビューを通して読めない',
    en: 'the view owner may not read {1}, so {0} cannot read it through the view',
  },
  'evidence.block.unknown-relation': {
    ja: '{1} はソースに定義されていない（{0} は読めない）',
    en: '{1} is not defined in the sources ({0} cannot read it)',
  },
  'evidence.block.denied': { ja: '{0} は {1} の参照を DENY で拒否されている', en: '{0} is denied (DENY) on {1}' },
  'evidence.block.masked': {
    ja: '{0} が {1} から読めるのはマスキングされた値だけ',
    en: '{0} reads only a masked value of {1}',
  },
  'evidence.block.no-execute-privilege': {
    ja: '{0} は {1} を実行する権限（EXECUTE）を持たない',
    en: '{0} has no EXECUTE on {1}',
  },
  'evidence.block.no-user-mapping': {
    ja: '{1} の外部サーバには {0} のユーザマッピングがなく、外部テーブルを読めない',
    en: 'the foreign server of {1} has no user mapping for {0}: the foreign table cannot be read',
  },
  'evidence.block.remote-access-denied': {
    ja: '外部テーブルが接続するリモートユーザは {1} を参照できないため、{0} は外部テーブルを通して読めない',
    en: 'the remote user the foreign table connects as may not read {1}, so {0} cannot read it through the foreign table',
  },
  'evidence.number.name': { ja: '列名「{0}」', en: "column name '{0}'" },
  'evidence.number.comment': { ja: '列コメント「{0}」', en: "comment '{0}'" },
  'evidence.number.carries': { ja: '{0} を引き継ぐ（{1}）', en: "carries '{0}' ({1})" },
  'evidence.number.include': { ja: '設定 numberColumns.include「{0}」', en: "numberColumns.include '{0}'" },
  'evidence.number.substitute': { ja: '設定 numberColumns.substitute「{0}」', en: "numberColumns.substitute '{0}'" },
  'evidence.number.mark': { ja: 'ソースで「{0}」と指定', en: "marked '{0}' in the source" },
  'progress.read': { ja: 'ファイルの読込', en: 'reading files' },
  'progress.catalog': { ja: 'カタログの構築', en: 'building the catalog' },
  'progress.detect': { ja: '個人番号の列の検出', en: 'finding number columns' },
  'progress.access': { ja: '利用者と権限の解決', en: 'resolving users and privileges' },
  'progress.links': { ja: 'リンクの構築', en: 'building links' },
  'progress.reach': { ja: '利用者ごとの到達判定', en: 'walking each user to the number' },
  'progress.blocks': { ja: '遮断箇所の特定', en: 'finding what stops each user' },
  'progress.decide': { ja: 'テーブルごとの判定', en: 'deciding each relation' },
  'progress.report': { ja: '結果の作成', en: 'building the report' },
  'progress.write': { ja: '結果の書き出し', en: 'writing the report' },
  'progress.elapsed': { ja: '経過 {0} 秒（この段階 {1} 秒）', en: '{0} s (this stage {1} s)' },
  'cli.maxWarnings': {
    ja: '警告が多すぎる: {0} 件（--max-warnings {1} を超えた）',
    en: 'too many warnings: {0} (more than --max-warnings {1})',
  },
  'label.roles': { ja: 'ロール', en: 'roles' },
  'label.connects': { ja: '接続先', en: 'connects' },
  'admin.owner': { ja: '所有者', en: 'owner' },
  'admin.superuser': { ja: 'スーパーユーザー', en: 'superuser' },
  'admin.db_owner': { ja: 'db_owner ロールのメンバー', en: 'member of db_owner' },
  'label.severity.info': { ja: '情報', en: 'info' },
  'label.hiddenByQuiet': {
    ja: '警告・情報 {0} 件は --quiet により省略',
    en: '{0:warning or note|warnings and notes} left out (--quiet)',
  },
  // ── PIA document (markdown, html), pictures (dot, mermaid, html) and SARIF ──────────────────
  'recordItem.group.identification': { ja: '識別情報', en: 'Identification' },
  'recordItem.group.contact': { ja: '連絡先等情報', en: 'Contact and resident information' },
  'recordItem.group.business': { ja: '業務関係情報', en: 'Business information' },
  'recordItem.individual-number': { ja: '個人番号', en: 'Individual number (個人番号)' },
  'recordItem.substitute-code': {
    ja: '個人番号対応符号',
    en: 'Code corresponding to the individual number (個人番号対応符号)',
  },
  'recordItem.internal-id': { ja: 'その他識別情報（内部番号）', en: 'Other identifiers (internal numbers)' },
  'recordItem.basic-four': {
    ja: '４情報（氏名、性別、生年月日、住所）',
    en: 'The four basic items (name, sex, date of birth, address)',
  },
  'recordItem.contact': { ja: '連絡先（電話番号等）', en: 'Contact details (telephone etc.)' },
  'recordItem.resident-other': { ja: 'その他住民票関係情報', en: 'Other residence-record information' },
  'recordItem.national-tax': { ja: '国税関係情報', en: 'National tax' },
  'recordItem.local-tax': { ja: '地方税関係情報', en: 'Local tax' },
  'recordItem.health': { ja: '健康・医療関係情報', en: 'Health and medical care' },
  'recordItem.medical-insurance': { ja: '医療保険関係情報', en: 'Medical insurance' },
  'recordItem.child-welfare': { ja: '児童福祉・子育て関係情報', en: 'Child welfare and child rearing' },
  'recordItem.disability-welfare': { ja: '障害者福祉関係情報', en: 'Disability welfare' },
  'recordItem.public-assistance': { ja: '生活保護・社会福祉関係情報', en: 'Public assistance and social welfare' },
  'recordItem.elderly-care': { ja: '介護・高齢者福祉関係情報', en: 'Long-term care and elderly welfare' },
  'recordItem.employment': { ja: '雇用・労働関係情報', en: 'Employment and labour' },
  'recordItem.pension': { ja: '年金関係情報', en: 'Pensions' },
  'recordItem.education': { ja: '学校・教育関係情報', en: 'Schools and education' },
  'recordItem.disaster': { ja: '災害関係情報', en: 'Disasters' },
  'recordItem.business-other': { ja: 'その他', en: 'Other' },
  'doc.generated': {
    ja: 'spif {0} が生成した評価書の下書き。判定は規則による提案であり、記載前に担当者が確認すること。',
    en: 'A draft for the assessment, generated by spif {0}. The judgements are proposals from rules: review them before use.',
  },
  'doc.section.rules': { ja: '判定の考え方', en: 'How relations are judged' },
  'doc.rules.law': {
    ja: '特定個人情報ファイルとは、個人番号（個人番号に対応し、個人番号に代わって用いられる符号であって住民票コード以外のものを含む）をその内容に含む個人情報ファイルをいう（番号法第2条第8項・第9項）。spif はテーブル・ビューごとに次の規則で判定し、評価書のファイルは一つでも該当するテーブル・ビューがあれば該当とする。',
    en: 'A specific personal information file is a personal information file whose content includes the individual number, including a code used in its place other than the 住民票コード (My Number Act, art. 2(8)–(9)). spif judges each relation (table or view) by the rules below; a file is specific when any of its relations is.',
  },
  'doc.rules.item': { ja: '{0}（規則 {1}）: {2}', en: '{0} (rule {1}): {2}' },
  'doc.section.units.databases': {
    ja: 'データベースごとの判定（設定に評価書のファイルがないため）',
    en: 'Per database (the config names no files)',
  },
  'doc.field.fileName': { ja: 'ファイル名', en: 'File name' },
  'doc.field.database': { ja: 'データベース', en: 'Database' },
  'doc.field.judgement': { ja: '判定', en: 'Judgement' },
  'doc.field.description': { ja: '説明', en: 'Description' },
  'doc.field.item': { ja: '項目', en: 'Item' },
  'doc.field.value': { ja: '内容', en: 'Value' },
  'doc.judgement.unit.specific': {
    ja: '{0} が特定個人情報ファイルに該当するため、ファイル全体が該当する',
    en: '{0} is specific, so the whole file is',
  },
  'doc.judgement.unit.notSpecific': {
    ja: 'どのテーブル・ビューも特定個人情報ファイルに該当しない',
    en: 'none of its relations is specific',
  },
  'doc.judgement.unit.empty': {
    ja: '対象となるテーブル・ビューがソースにない',
    en: 'no relation of the sources matches it',
  },
  'doc.sub.relations': { ja: '対象のテーブル・ビュー', en: 'Relations' },
  'doc.sub.recordItems': { ja: '主な記録項目（案）', en: 'Main record items (proposed)' },
  'doc.sub.numberHeld': { ja: '個人番号の保持', en: 'Where the number is held' },
  'doc.sub.access': { ja: '利用者ごとの到達・遮断', en: 'How each user reaches the number, or what stops it' },
  'doc.col.relation': { ja: 'テーブル・ビュー', en: 'Relation' },
  'doc.col.kind': { ja: '種類', en: 'Kind' },
  'doc.col.basis': { ja: '根拠', en: 'Basis' },
  'doc.col.source': { ja: '定義箇所', en: 'Defined at' },
  'doc.col.column': { ja: '列', en: 'Column' },
  'doc.col.rule': { ja: '規則', en: 'Rule' },
  'doc.col.evidence': { ja: '根拠', en: 'Evidence' },
  'doc.col.principal': { ja: '利用者', en: 'User' },
  'doc.col.result': { ja: '結果', en: 'Result' },
  'doc.col.detail': { ja: '経路・遮断箇所', en: 'Path or control' },
  'doc.col.group': { ja: '区分', en: 'Group' },
  'doc.col.item': { ja: '記録項目', en: 'Record item' },
  'doc.col.columns': { ja: '該当する列', en: 'Columns' },
  'doc.col.reason': { ja: '理由', en: 'Reason' },
  'doc.col.file': { ja: 'ファイル', en: 'File' },
  'doc.col.numberColumns': { ja: '個人番号の列', en: 'Number columns' },
  'doc.col.roles': { ja: 'ロール', en: 'Roles' },
  'doc.col.connects': { ja: '接続先', en: 'Connects to' },
  'doc.col.severity': { ja: '重大度', en: 'Severity' },
  'doc.col.code': { ja: 'コード', en: 'Code' },
  'doc.col.location': { ja: '場所', en: 'Location' },
  'doc.col.message': { ja: '内容', en: 'Message' },
  'doc.kind.table': { ja: 'テーブル', en: 'table' },
  'doc.kind.view': { ja: 'ビュー', en: 'view' },
  'doc.kind.function': { ja: '関数', en: 'function' },
  'doc.result.reaches': { ja: '到達する', en: 'reaches' },
  'doc.result.blocked': { ja: '遮断', en: 'stopped' },
  'doc.result.declaredOnly': { ja: '設定上の宣言のみで遮断', en: 'stopped only by a declaration' },
  'doc.numberHeld.reached': {
    ja: 'このファイルは個人番号を保持しない。利用者が到達する個人番号の列: {0}',
    en: 'This file holds no number column. Number columns its users reach: {0}',
  },
  'doc.numberHeld.none': {
    ja: 'このファイルは個人番号を保持せず、利用者が到達する個人番号もない。',
    en: 'This file holds no number column, and its users reach none.',
  },
  'doc.recordItems.note': {
    ja: '列名と列コメントから規則（docs/reports.md）で提案した区分。どの規則にも当てはまらない列は推測せず「未分類の列」に挙げる。',
    en: 'Categories proposed from column names and comments by rules (docs/reports.md). Columns no rule claims are not guessed: they are listed as unclassified.',
  },
  'doc.recordItems.unclassified': { ja: '未分類の列', en: 'Unclassified columns' },
  'doc.access.none': { ja: '個人番号への経路を持つ利用者はいない。', en: 'No user has a path to the number.' },
  'doc.section.notSpecific': {
    ja: '特定個人情報ファイルに該当しないと判定したテーブル・ビュー',
    en: 'Relations judged not specific',
  },
  'doc.section.allRelations': { ja: 'テーブル・ビュー一覧', en: 'All relations' },
  'doc.section.graph': { ja: 'リンクグラフ', en: 'Link graph' },
  'doc.graph.legend': {
    ja: '凡例: 赤＝特定個人情報ファイル（太枠は個人番号を保持）、橙＝アクセス制御で遮断、灰＝個人番号へのリンクなし。★は個人番号（又は符号）の列。赤の破線＝それを使うすべての利用者が遮断されるリンク、橙の線＝一部の利用者が遮断されるリンク（✕の後が遮断される利用者）。ビューの列が元の列から引き継ぐリンクは、ビューから元の表への線で表す。',
    en: 'Legend: red = specific (thick border: holds the number), orange = blocked by access control, grey = no link to the number. ★ marks a number (or substitute code) column. Red dashed = a link every user of it is stopped at; orange = a link some users are stopped at (names after ✕). Links a view column carries from its base column are shown by the view-to-base line.',
  },
  'doc.graph.omitted': {
    ja: '個人番号へのリンクがないテーブル・ビュー {0} 件は図から省いた。',
    en: '{0:relation|relations} with no link to the number left out of the picture.',
  },
  'doc.graph.blockedFor': { ja: '✕ {0}', en: '✕ {0}' },
  'doc.graph.blockedAll': { ja: '✕ すべての利用者', en: '✕ every user' },
  'doc.reason.holds': { ja: '列 {0} に{1}を記録している', en: 'column {0} holds the {1}' },
  'doc.reason.reaches': { ja: '{0} が {1} をたどって {2} を参照できる', en: '{0} follows {1} to {2}' },
  'doc.reason.reads': { ja: '{0} が {1} を直接参照できる', en: '{0} reads {1} directly' },
  'doc.reason.blocked': { ja: '{0} は {2} で遮断される（{1}）', en: '{0} is stopped at {2} ({1})' },
  'doc.reason.rule': { ja: '（規則 {0}）', en: ' (rule {0})' },
  'doc.sep.sentence': { ja: '。', en: '. ' },
  'doc.sep.clause': { ja: '、', en: '; ' },
  'doc.search': { ja: '絞り込み', en: 'Filter' },
  'doc.search.placeholder': { ja: 'テーブル・ビュー・列・判定で絞り込む', en: 'relation, column or judgement' },
  'doc.sort.hint': { ja: '見出しをクリックすると並べ替える', en: 'click a heading to sort' },
  'doc.shown': { ja: '{0} / {1} 件を表示', en: 'showing {0} of {1}' },
  // ── the HTML explorer (src/report/html.ts, html-explorer.ts) ──────────────────────────────
  'html.tab.overview': { ja: '概要', en: 'Overview' },
  'html.tab.relations': { ja: 'テーブル・ビュー', en: 'Tables and views' },
  'html.tab.document': { ja: '評価書の下書き', en: 'Assessment draft' },
  'html.overview.hint': {
    ja: 'データベース・評価書のファイルを選ぶと、そのテーブル・ビューの一覧と、個人番号への経路・各利用者を止める制御の図を表示する。',
    en: 'Choose a database or named file to list its tables and views, and to draw their paths to the number and the controls that stop each user.',
  },
  'html.col.specificOfAll': { ja: '特定 / 全体', en: 'specific / all' },
  'html.filter.all': { ja: 'すべて', en: 'all' },
  'html.prev': { ja: '前へ', en: 'Previous' },
  'html.next': { ja: '次へ', en: 'Next' },
  'html.page': { ja: '{0}–{1} 件目（全 {2} 件）', en: '{0}–{1} of {2}' },
  'html.clear': { ja: '解除', en: 'clear' },
  'html.file.members': {
    ja: 'テーブル・ビュー {0} 件のうち {1} 件が該当',
    en: '{1} of its {0} tables and views are specific',
  },
  'html.graph.legend': {
    ja: '赤＝特定個人情報ファイル（太枠は個人番号を保持）、橙＝アクセス制御で遮断、灰＝個人番号へのリンクなし。★は個人番号（又は符号）の列。実線の矢印＝個人番号への経路（リンクの種類と列）、赤の破線＝利用者（✕の後）を止める制御とその箇所。ドラッグで移動、ホイールで拡大縮小。',
    en: 'Red = specific (thick border: holds the number), orange = blocked by access control, grey = no link to the number. ★ marks a number (or substitute code) column. Solid arrows = paths to the number (link kind and columns); red dashed = the control that stops the users named after ✕, and where. Drag to move, scroll to zoom.',
  },
  'html.graph.text': { ja: '図の内容（文字で表示）', en: 'The picture as text' },
  'html.graph.truncated': {
    ja: '図は {0} 件までに絞った（ほか {1} 件は上の表を参照）',
    en: 'the picture stops at {0:node|nodes} ({1} more: see the table)',
  },
  'html.document.tooLarge': {
    ja: '評価書の下書きは {0} MB になり、このページに入れると重くなりすぎるため省いた（上限 {1} MB）。同じ内容は spif scan --format markdown で出力できる。判定と根拠はすべて「テーブル・ビュー」タブにある。',
    en: 'The assessment draft would be {0} MB, too large to keep this page usable (limit {1} MB), so it is left out: spif scan --format markdown writes the same content. Every judgement and its evidence is in the “Tables and views” tab.',
  },
  'html.document.moreInExplorer': {
    ja: '全 {1} 行のうち先頭の {0} 行を示した。すべての行と各利用者の根拠は「テーブル・ビュー」タブで検索・表示でき、spif scan --format markdown にも全行がある。',
    en: 'The first {0} of {1} rows. Every row, with each user’s evidence, is in the “Tables and views” tab, and spif scan --format markdown writes all of them.',
  },
  'html.document.moreItemsInExplorer': {
    ja: '全 {1} 件のうち先頭の {0} 件を示した。すべては「テーブル・ビュー」タブで検索・表示でき、spif scan --format markdown にも全件がある。',
    en: 'The first {0} of {1} items. All of them are in the “Tables and views” tab, and spif scan --format markdown writes them all.',
  },
  'html.document.moreRows': { ja: '次の {0} 行を表示', en: 'Show the next {0} rows' },
  'html.document.allRows': { ja: 'すべて表示', en: 'Show all' },
  'html.document.rowsShown': {
    ja: '{0} / {1} 行（全行は --format xlsx・csv でも出力できる）',
    en: '{0} of {1:row|rows} (--format xlsx or csv also writes them all)',
  },
  'html.document.seeExplorer': {
    ja: '一覧と図は「テーブル・ビュー」タブで検索・表示できる。',
    en: 'The full list and the pictures are in the “Tables and views” tab.',
  },
  'finding.declaredOnly': {
    ja: '{0} は個人番号に到達しないと判定したが、{1} を止めているのは設定 principals[].connects の宣言（データベース {2} に接続しない）だけで、データベースの権限では止められていない。接続制限が実際に強制されている（pg_hba.conf・ネットワーク等）ことを確認すること',
    en: '{0} is judged not to reach the number, but the only thing stopping {1} is the config declaration principals[].connects (it does not connect to database {2}); the database privileges would let it through. Check that the restriction is enforced (pg_hba.conf, network).',
  },
  'finding.notInInventory': {
    ja: '評価書のファイル {0} は特定個人情報ファイルに該当するが、inventory（現在の評価書の記載）にない',
    en: 'named file {0} is specific but is not in the inventory (the current assessment)',
  },
  'sarif.rule.holds-number': {
    ja: 'テーブル・ビューが個人番号を保持する（特定個人情報ファイル）',
    en: 'Relation holds the individual number (specific personal information file)',
  },
  'sarif.rule.reachable': {
    ja: 'テーブル・ビューから個人番号に到達できる（特定個人情報ファイル）',
    en: 'Relation reaches the individual number (specific personal information file)',
  },
  'sarif.rule.declared-only': {
    ja: '個人番号へのリンクを止めているのが設定上の接続制限の宣言だけ',
    en: 'Link to the number blocked only by an application-level declaration',
  },
  'sarif.rule.not-in-inventory': {
    ja: '評価書に記載のない特定個人情報ファイル',
    en: 'Specific file missing from the assessment inventory',
  },
  'sarif.rule.diagnostic': { ja: 'spif の診断 {0}', en: 'spif diagnostic {0}' },
  'sarif.msg.holds-number': {
    ja: '{0} の列 {1} は{2}を保持する（{3}）。{0} は特定個人情報ファイルに該当する',
    en: 'column {1} of {0} holds the {2} ({3}); {0} is a specific personal information file',
  },
  'sarif.msg.reachable': {
    ja: '{0} は特定個人情報ファイルに該当する: {1}',
    en: '{0} is a specific personal information file: {1}',
  },
  // spif check / diff / explain (src/gate)
  'gate.check.title': {
    ja: '特定個人情報ファイルの確認（spif check）',
    en: 'spif check: specific personal information files against the PIA inventory',
  },
  'gate.diff.title': {
    ja: '特定個人情報ファイルの変更（spif diff）',
    en: 'spif diff: changes to specific personal information files',
  },
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
  'gate.findingsSummary': {
    ja: '不合格 {0} 件・警告 {1} 件・抑止 {2} 件',
    en: '{0} failing, {1:warning|warnings}, {2} suppressed',
  },
  'gate.changesSummary': {
    ja: '変更 {0} 件（不合格 {1} 件・抑止 {2} 件）',
    en: '{0:change|changes} ({1} failing, {2} suppressed)',
  },
  'gate.base': { ja: '比較元', en: 'base' },
  'gate.head': { ja: '作業ツリー', en: 'working tree' },
  'gate.failOn': { ja: '不合格とする変更', en: 'fails on' },
  'gate.inFiles': {
    ja: 'inventory にないファイルに含まれる: {0}',
    en: 'in named files missing from the inventory: {0}',
  },
  'gate.inNoFile': { ja: 'どの評価書のファイル（files）にも含まれない', en: 'in no named file (files)' },
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
    ja: 'inventory のファイル {0} は特定個人情報ファイルに該当しなくなった（{1} 件のテーブル・ビューのいずれも該当しない）',
    en: 'inventory file {0} is no longer specific (none of its {1:relation|relations} is)',
  },
  'gate.rule.undecided-candidate': {
    ja: '{0} は個人番号を保持する可能性がある（要確認）：spif.config.yaml の numberColumns.include / exclude に理由（reason）を添えて決めること',
    en: '{0} may hold the number (to review): decide it under numberColumns.include / exclude in spif.config.yaml, with a reason',
  },
  'gate.rule.error-diagnostic': { ja: 'ソースを読めなかった箇所: {0} {1}', en: 'sources not fully read: {0} {1}' },
  'gate.rule.warning-diagnostic': { ja: 'ソースの警告: {0} {1}', en: 'source warning: {0} {1}' },
  'gate.rule.suppression-unused': {
    ja: '{0} に一致するものがない（理由: {1}）：削除するか relation・rule を直すこと',
    en: '{0} matches nothing (reason: {1}): remove it or correct its relation/rule',
  },
  'gate.rule.became-specific': {
    ja: '{0} が特定個人情報ファイルに該当するようになった（{1}。変更前: {2}）',
    en: '{0} became specific ({1}; before: {2})',
  },
  'gate.rule.stopped-specific': {
    ja: '{0} が特定個人情報ファイルに該当しなくなった（{1}。変更前: {2}）',
    en: '{0} is no longer specific ({1}; before: {2})',
  },
  'gate.rule.path-added': {
    ja: '{1} が {0} から個人番号に到達できるようになった',
    en: '{1} now reaches the number from {0}',
  },
  'gate.rule.path-removed': {
    ja: '{1} は {0} から個人番号に到達できなくなった',
    en: '{1} no longer reaches the number from {0}',
  },
  'gate.rule.block-added': {
    ja: '{0} で {1} を止める制御が加わった: {2}（{3}）',
    en: 'new control stops {1} on {0}: {2} at {3}',
  },
  'gate.rule.block-removed': {
    ja: '{0} で {1} を止めていた制御がなくなった: {2}（{3}）',
    en: 'control no longer stops {1} on {0}: {2} at {3}',
  },
  'gate.rule.number-column-added': { ja: '{0} が個人番号の項目になった（{1}）', en: '{0} now holds the number ({1})' },
  'gate.rule.number-column-removed': { ja: '{0} は個人番号の項目ではなくなった', en: '{0} no longer holds the number' },
  'gate.rule.file-became-specific': {
    ja: '評価書のファイル {0} が特定個人情報ファイルに該当するようになった',
    en: 'named file {0} became specific',
  },
  'gate.rule.file-stopped-specific': {
    ja: '評価書のファイル {0} が特定個人情報ファイルに該当しなくなった',
    en: 'named file {0} is no longer specific',
  },
  'gate.rule.database-renamed': {
    ja: 'データベース {0} は {1} に改名された（テーブル・ビューは新しい名前で比較）',
    en: 'database {0} was renamed to {1} (its relations are compared under the new name)',
  },
  'gate.explain.reaches': { ja: '個人番号に到達する', en: 'reaches the number' },
  'gate.explain.blocked': { ja: 'アクセス制御で遮断', en: 'stopped by access control' },
  'gate.explain.cannotRead': { ja: 'このテーブル・ビューを参照できない', en: 'cannot read this relation' },
  'gate.explain.noPath': { ja: '個人番号への経路なし', en: 'no path to the number' },
  'gate.explain.suggest': { ja: '経路を断つ最小の変更', en: 'smallest change that stops it' },
  'gate.explain.alternatives': { ja: 'ほかの変更', en: 'other changes' },
  'gate.explain.verified': {
    ja: '検証済み：変更後に再計算すると経路がない',
    en: 'verified: with the change, reachability finds no path',
  },
  'gate.explain.unverified': { ja: '未検証', en: 'not verified' },
  'gate.explain.columnsLost': { ja: 'この利用者が読めなくなる列 {0}', en: '{0:column|columns} lost by this principal' },
  'gate.explain.columnLost': { ja: 'この利用者が読めなくなる列 1', en: '1 column lost by this principal' },
  'gate.explain.alsoAffects': { ja: 'ほかに影響を受ける利用者: {0}', en: 'also affects: {0}' },
  'gate.explain.noSuggestion': {
    ja: '一つの権限変更ではすべての経路を断てない',
    en: 'no single access change stops every path',
  },
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
  'gate.suggest.revoke-execute': {
    ja: '{1} から関数 {0} の EXECUTE を取り消す',
    en: 'revoke EXECUTE on function {0} from {1}',
  },
  'gate.suggest.drop-user-mapping': {
    ja: '外部テーブル {0} のサーバ {2} から {1} のユーザマッピングを削除する',
    en: 'drop the user mapping for {1} on server {2} of foreign table {0}',
  },
  'gate.suggest.revoke-remote': {
    ja: 'データベース {2} で、外部テーブルまたは dblink が接続するリモートユーザ {1} から {0} の SELECT を取り消す',
    en: 'in database {2}, revoke SELECT on {0} from {1}, the remote user the foreign table or dblink call connects as',
  },
  'gate.suggest.revoke-membership': {
    ja: '{1} のロール {0} へのメンバーシップを取り消す',
    en: 'revoke the membership of {1} in role {0}',
  },
  'gate.suggest.remove-connect': {
    ja: '利用者 {1} の connects から {0} を外す',
    en: 'remove {0} from the connects of principal {1}',
  },
  'gate.note.configAdded': {
    ja: '{0} には設定ファイルがなかった（既定の設定で比較。現在: {1}）',
    en: 'no config at {0} (the base is scanned with defaults; now: {1})',
  },
  'gate.note.configRemoved': {
    ja: '設定ファイル {1}（{0} の時点）は削除された（現在は既定の設定）',
    en: 'config {1} at {0} was removed (now scanned with defaults)',
  },
  'gate.note.configRenamed': { ja: '設定ファイルの名前が変わった: {0} → {1}', en: 'config renamed: {0} → {1}' },
  'gate.note.configInvalid': {
    ja: '{0} の設定は不正だったため、比較元も現在の設定で読んだ: {1}',
    en: 'the config at {0} was invalid, so the base is read with the current config: {1}',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/**
 * One catalogue: the labels above, the 評価書's own wording (hyoukasho-messages.ts), the CLI's
 * (cli-messages.ts) and the diagnostics' (src/diagnostic-text/).
 */
const MESSAGES = {
  ...CORE_MESSAGES,
  ...FORM_MESSAGES,
  ...CLI_MESSAGES,
  ...DIAGNOSTIC_MESSAGES,
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, ...args: (string | number)[]): string {
  return fill(MESSAGES[key][lang], args);
}

/**
 * A diagnostic's message in `lang`: its catalogue entry when it has one. Otherwise, in Japanese,
 * the code's description (docs/diagnostics.md) before the English message, so no line is left in
 * English only.
 */
export function diagnosticMessage(lang: Lang, d: { code: string; message: string; text?: StoredText }): string {
  if (lang === 'en') return d.message;
  const rendered = d.text && renderText(lang, d.text);
  if (rendered !== undefined) return rendered;
  const info = codeInfo(d.code);
  return info ? `${info.ja}：${d.message}` : d.message;
}

type StoredText = { key: string; args: (string | number | StoredText)[] };

/** Why an administrator is one (owner, superuser, db_owner), in `lang`; another word as it is. */
export function adminReason(lang: Lang, reason: string | undefined): string {
  return reason === 'owner' || reason === 'superuser' || reason === 'db_owner'
    ? t(lang, `admin.${reason}`)
    : (reason ?? '');
}

/** Which argument of an assumption code is a reason (Report.assumptionReasons), if any. */
const REASON_ARG: Record<string, number> = { 'unknown-path': 1, 'cross-database-unknown': 2 };

/** The reason inside an `unknown-path` or `cross-database-unknown` assumption code, as the code writes it. */
export function assumptionReason(code: string): string | undefined {
  const [name, ...args] = code.split(':');
  const at = name === undefined ? undefined : REASON_ARG[name];
  return at === undefined ? undefined : args[at];
}

/**
 * Assumptions are stored as codes (`code:arg:arg`); this renders them. `arg` shows an argument
 * (names as written); a reason with an entry in `reasons` (Report.assumptionReasons) is rendered
 * in `lang`, and the kind of an unfollowed link to another database is named in it.
 */
export function assumptionText(
  lang: Lang,
  code: string,
  ctx: { arg?: (value: string) => string; reasons?: Record<string, StoredText> } = {},
): string {
  const [name = '', ...args] = code.split(':');
  const key = `assumption.${name}` as MessageKey;
  if (!(key in MESSAGES)) return code;
  const show = ctx.arg ?? ((x: string) => x);
  const shown = args.map((a, i) => {
    if (i === REASON_ARG[name]) {
      const text = ctx.reasons?.[a];
      return show((text && renderText(lang, text)) ?? a);
    }
    if (name === 'cross-database-unknown' && i === 0) {
      const kind = `assumption.link.${a}` as MessageKey;
      if (kind in MESSAGES) return t(lang, kind);
    }
    return show(a);
  });
  return t(lang, key, ...shown);
}

/** Japanese when the locale says so (LC_ALL, LC_MESSAGES, LANG), else English. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja/i.test(locale) ? 'ja' : 'en';
}
