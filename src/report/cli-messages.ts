/**
 * The CLI's own words — `--help` texts of every command and flag, commander's headings and errors,
 * usage errors — Japanese and English. Entries of the one catalogue: messages.ts spreads them into
 * its messages, and the CLI renders them with `t` in the language of the run (src/cli/i18n.ts).
 */
type Entry = { ja: string; en: string };

export const CLI_MESSAGES = {
  'cli.program': {
    ja: 'スキーマのソースから特定個人情報ファイル（マイナンバーの特定個人情報保護評価）を見つけ、根拠を示す',
    en: 'Finds 特定個人情報ファイル (My Number PIA) in schema sources, with the evidence',
  },
  'cli.version': { ja: 'バージョンを表示する', en: 'output the version number' },
  'cli.help': { ja: 'コマンドのヘルプを表示する', en: 'display help for command' },
  'cli.title.usage': { ja: '使い方:', en: 'Usage:' },
  'cli.title.arguments': { ja: '引数:', en: 'Arguments:' },
  'cli.title.options': { ja: 'オプション:', en: 'Options:' },
  'cli.title.commands': { ja: 'コマンド:', en: 'Commands:' },
  'cli.title.globalOptions': { ja: '共通オプション:', en: 'Global Options:' },
  'cli.usage.options': { ja: '[オプション]', en: '[options]' },
  'cli.usage.command': { ja: '[コマンド]', en: '[command]' },
  'cli.choices': { ja: '選択肢: {0}', en: 'choices: {0}' },
  'cli.default': { ja: '既定: {0}', en: 'default: {0}' },
  'cli.arg.paths': {
    ja: 'スキーマのファイル又はディレクトリ（既定: .）',
    en: 'schema files or directories (default: .)',
  },
  // scan, check, diff, explain: the shared flags (options.ts, conventions.ts)
  'cli.opt.config': {
    ja: '設定ファイル（既定: 各パスから上へリポジトリのルートまで探した最も近い spif.config.yaml・.yml・.json）',
    en: 'configuration file (default: the nearest spif.config.yaml, .yml or .json found upward from each path, up to the repository root)',
  },
  'cli.opt.noConfig': {
    ja: '設定ファイルを読まない: すべてのソースを 1 つのデータベース default とする（レポートにその旨を記す）',
    en: 'read no config file: every source is one database "default" (the report says so)',
  },
  'cli.opt.dialect': {
    ja: 'パスから見つけた SQL ソースの方言: {0}（postgres・pg も postgresql の意味）',
    en: 'dialect of SQL sources found from paths: {0} (postgres and pg also mean postgresql)',
  },
  'cli.opt.format': { ja: '出力形式（既定: text）', en: 'output format (default: text)' },
  'cli.opt.out': {
    ja: 'レポートを標準出力でなくファイルに書く',
    en: 'write the report to a file instead of stdout',
  },
  'cli.opt.lang': {
    ja: 'ラベル・メッセージの言語（既定: markdown・html・csv・xlsx は ja、その他はロケールから）',
    en: 'language of labels and messages (default: ja for markdown, html, csv, xlsx; else from the locale)',
  },
  'cli.opt.cache': {
    ja: '解析結果を DIR に保存し、変更のないファイルは再解析しない',
    en: 'keep parse results in DIR; unchanged files are not parsed again',
  },
  'cli.opt.jobs': {
    ja: 'ファイルを解析するスレッド数（既定: CPU 数 − 1。1: ワーカースレッドを使わない）',
    en: 'threads that parse files (default: CPU count − 1; 1: no worker threads)',
  },
  'cli.opt.sample': {
    ja: '稼働中の PostgreSQL: 要確認の列ごとに読取専用トランザクションで最大 N 件の値を読む。残すのはチェックディジットが正しい件数だけで、値は表示・記録・キャッシュしない',
    en: 'live PostgreSQL: read at most N values of each candidate column (要確認) in the read-only transaction; only counts of valid check digits are kept, values are never printed, logged or cached',
  },
  'cli.opt.color': {
    ja: '端末でなくてもテキスト出力に色を付ける',
    en: 'colour the text output even when it is not a terminal',
  },
  'cli.opt.noColor': {
    ja: 'テキスト出力に色を付けない（NO_COLOR でも同じ）',
    en: 'never colour the text output (NO_COLOR does the same)',
  },
  'cli.opt.quiet': {
    ja: 'エラーだけを報告する: テキストと Markdown から警告・情報を省き（JSON・SARIF はすべて含む）、進捗を表示しない',
    en: 'report errors only: warnings and notes are left out of text and Markdown output (JSON and SARIF stay complete), no progress',
  },
  'cli.opt.maxWarnings': {
    ja: '警告が N 件を超えたら終了コード 1 にする（eslint --max-warnings と同じ）',
    en: 'exit 1 when there are more than N warnings (like eslint --max-warnings)',
  },
  // the commands
  'cli.scan': {
    ja: 'すべてのテーブル・ビューを判定する: 特定個人情報ファイルか、その理由',
    en: 'classify every table and view: is it a 特定個人情報ファイル, and why',
  },
  'cli.scan.diagnosticsFirst': {
    ja: 'テキスト出力: テーブル・ビューより先に診断を表示する',
    en: 'text output: list the diagnostics before the relations',
  },
  'cli.check': {
    ja: 'ゲート: 特定個人情報ファイルに該当するテーブル・ビューが inventory にないと不合格（終了コード 1）。該当しなくなった inventory のファイルも報告する',
    en: 'gate: fail when a specific relation is not in the inventory (exit 1), report inventory files no longer specific',
  },
  'cli.check.strict': {
    ja: '警告でも不合格にする: 該当しなくなった inventory のファイル、警告の診断、使われない抑止',
    en: 'also fail on warnings: inventory files no longer specific, warning diagnostics, unused suppressions',
  },
  'cli.diff': {
    ja: 'git の ref と比較する（git オブジェクトから読み、作業ツリーは変更しない）: 特定個人情報ファイルに該当するようになったテーブル・ビュー、個人番号への新しい経路、なくなった制御',
    en: 'compare with a git ref (read from git objects; the working tree is not touched): relations that became specific, new paths to the number, removed controls',
  },
  'cli.diff.base': {
    ja: '比較する git の ref（ブランチ・タグ・コミット）',
    en: 'git ref to compare with (branch, tag or commit)',
  },
  'cli.diff.failOn': {
    ja: 'ゲートを不合格にする変更の種類（カンマ区切り）又は none（既定: became-specific。check.failOnBecameSpecific が false のときを除く）。種類: {0}',
    en: 'change kinds that fail the gate, comma-separated, or none (default: became-specific, unless check.failOnBecameSpecific is false); kinds: {0}',
  },
  'cli.explain': {
    ja: 'RELATION から個人番号への各利用者の最短経路、又はそれを止める制御と、各経路を断つ最小の権限変更',
    en: "every principal's shortest path from RELATION to the number, or the control that stops it, and the smallest access change that stops each path",
  },
  'cli.explain.relation': {
    ja: 'database.schema.relation（一意なら schema.relation 又は relation）',
    en: 'database.schema.relation (or a unique schema.relation or relation)',
  },
  'cli.snapshot': {
    ja: '稼働中の PostgreSQL を（読取専用で）読み、テーブル・ビュー・ロール・権限を DDL として書く',
    en: 'read a live PostgreSQL (read-only) and write its tables, views, roles and grants as DDL',
  },
  'cli.snapshot.url': {
    ja: 'postgres://user@host:port/database（パスワードは PGPASSWORD 又は ~/.pgpass から）',
    en: 'postgres://user@host:port/database (password from PGPASSWORD or ~/.pgpass)',
  },
  'cli.snapshot.out': {
    ja: 'スクリプトを標準出力でなくファイルに書く',
    en: 'write the script to a file instead of stdout',
  },
  'cli.snapshot.database': {
    ja: 'このスクリプトが表す spif のデータベース名',
    en: 'the spif database name the script stands for',
  },
  'cli.snapshot.timeout': {
    ja: 'これより長くかかるカタログの問合せを取り消す（ミリ秒）',
    en: 'cancel any catalog query that runs longer',
  },
  'cli.snapshot.role': {
    ja: 'このロールとして読む（SET ROLE。pg_dump --role と同じ）',
    en: 'read as this role (SET ROLE), like pg_dump --role',
  },
  'cli.init': {
    ja: 'コメント付きの spif.config.yaml のひな形を書く',
    en: 'write a commented starter spif.config.yaml',
  },
  'cli.init.dir': { ja: '書き込むディレクトリ', en: 'directory to write it in' },
  'cli.init.force': { ja: '既存の設定ファイルを上書きする', en: 'overwrite an existing config' },
  'cli.init.wrote': { ja: '{0} を書いた', en: 'wrote {0}' },
  // usage errors: commander's (translated where commander reports them) and spif's own
  'cli.error': { ja: 'エラー: {0}', en: 'error: {0}' },
  'cli.err.unknownOption': { ja: '不明なオプション {0}', en: 'unknown option {0}' },
  'cli.err.unknownCommand': { ja: '不明なコマンド {0}', en: 'unknown command {0}' },
  'cli.err.missingArgument': { ja: '引数 {0} が必要', en: 'missing required argument {0}' },
  'cli.err.optionArgumentMissing': { ja: 'オプション {0} に値が必要', en: 'option {0} argument missing' },
  'cli.err.requiredOption': { ja: 'オプション {0} の指定が必要', en: 'required option {0} not specified' },
  'cli.err.invalidArgument': {
    ja: 'オプション {0} の値 {1} は使えない。使える値: {2}',
    en: 'option {0} argument {1} is invalid. Allowed choices are {2}.',
  },
  'cli.err.tooManyArguments': {
    ja: '引数が多すぎる（{0} 個まで、指定は {1} 個）',
    en: 'too many arguments. Expected {0} but got {1}.',
  },
  'cli.err.didYouMean': { ja: '（もしかして: {0}）', en: '(Did you mean {0}?)' },
  'cli.err.seeHelp': { ja: '使い方は spif {0}--help を参照', en: 'see spif {0}--help' },
  'cli.err.jobs': {
    ja: '--jobs {0}: スレッド数は 1 以上の整数で指定する',
    en: '--jobs {0}: expected a whole number of threads, 1 or more',
  },
  'cli.err.sample': {
    ja: '--sample {0}: 行数は 1 以上の整数で指定する',
    en: '--sample {0}: expected a whole number of rows, 1 or more',
  },
  'cli.err.maxWarnings': {
    ja: '--max-warnings {0}: 0 以上の整数で指定する',
    en: '--max-warnings {0}: expected a whole number, 0 or more',
  },
  'cli.err.dialect': { ja: '--dialect {0}: 不明な方言{1}', en: '--dialect {0}: unknown dialect{1}' },
  'cli.err.dialectExpected': { ja: '使える方言: {0}', en: 'expected one of: {0}' },
  'cli.err.failOn': {
    ja: '--fail-on: 不明な変更の種類 {0}',
    en: '--fail-on: unknown change kind {0}',
  },
  'cli.err.failOnExpected': {
    ja: '次のカンマ区切りのリスト又は none を指定する: {0}',
    en: 'expected a comma-separated list of: {0}, or none',
  },
  'cli.err.initExists': {
    ja: '{0} は既にある（上書きするには --force）',
    en: '{0} already exists (use --force to overwrite)',
  },
  'cli.err.snapshotUrl': {
    ja: "'{0}' は PostgreSQL の URL ではない（postgres://user@host:port/database の形で指定する）",
    en: "'{0}' is not a PostgreSQL URL (expected postgres://user@host:port/database)",
  },
  'cli.err.statementTimeout': {
    ja: '--statement-timeout {0}: ミリ秒を正の整数で指定する',
    en: '--statement-timeout {0}: expected a positive number of milliseconds',
  },
  'cli.err.noSuchPath': { ja: '{0}: ファイル又はディレクトリがない', en: '{0}: no such file or directory' },
  'cli.err.noConfigFile': { ja: '--config {0}: ファイルがない', en: '--config {0}: no such file' },
  'cli.err.cannotReadConfig': {
    ja: '設定ファイル {0} を読めない: {1}',
    en: 'cannot read config file {0}: {1}',
  },
  'cli.err.manyConfigs': {
    ja: '指定したパスにそれぞれ別の設定ファイルが適用される。別々に実行するか、--config で一つを指定する',
    en: 'the scanned paths are governed by different configs; scan them separately or name one with --config',
  },
  'cli.err.noSources': { ja: '{0} にスキーマのソースがない: {1}', en: 'no schema source in {0}: {1}' },
  'cli.err.ambiguousRelation': {
    ja: '{0}: この名前のテーブル・ビューが複数ある',
    en: '{0}: more than one relation has this name',
  },
  'cli.err.noSuchRelation': { ja: '{0}: そのテーブル・ビューはない', en: '{0}: no such relation' },
  'cli.err.noSourcesHint': {
    ja: 'spif が読むのは SQL（.sql .ddl .pgsql .psql）、schema.prisma、TypeORM・Drizzle のモデル（.ts）。node_modules・dist・build・coverage という名前のフォルダとドットで始まるフォルダは読まない',
    en: 'spif reads SQL (.sql .ddl .pgsql .psql), schema.prisma and TypeORM/Drizzle models (.ts); folders named node_modules, dist, build, coverage and dot folders are skipped',
  },
  'cli.err.similarRelations': { ja: '似た名前: {0}', en: 'similar: {0}' },
  'cli.err.relationForm': {
    ja: 'database.schema.relation、schema.relation 又は relation の形で書く',
    en: 'write database.schema.relation, schema.relation or relation',
  },
  'cli.err.notACommit': { ja: '--base {0}: {1} のコミットではない', en: '--base {0}: not a commit in {1}' },
  'cli.err.fetchFirst': { ja: '先に取得する。例: git fetch {0} {1}', en: 'fetch it first, e.g. git fetch {0} {1}' },
  'cli.err.fetchShallow': {
    ja: '（このクローンは shallow。spif diff は基準コミットのファイルだけを読むので、1 コミットで足りる）',
    en: " (this clone is shallow; one commit is enough: spif diff reads only the base commit's files)",
  },
  'cli.err.notGit': {
    ja: '{0} は git リポジトリの中にない（spif diff は git の ref と比較する）',
    en: '{0} is not inside a git repository; `spif diff` compares with a git ref',
  },
  'cli.err.invalidConfig': { ja: '設定ファイル {0} が正しくない（{1}）', en: 'invalid config {0} ({1})' },
  'cli.err.globsMatchNothing': {
    ja: '{0} の sources の glob {1} 個がどのファイルにも一致しない',
    en: '{1} sources glob(s) in {0} match no file',
  },
} as const satisfies Record<string, Entry>;
