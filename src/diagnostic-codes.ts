/**
 * Every code spif emits, in one table (issue 13.5, 19.6): reader and pipeline diagnostics, the
 * findings of scan (SARIF), check and diff, and the errors that stop a command. Each code has one
 * severity in every command and every format: the SARIF writers of scan and of check/diff take the
 * rule's level from here, and the gate's rules (gate/rules.ts) take theirs from here.
 *
 * `Diagnostic.code` is typed by this table, so a reader cannot emit an unregistered code.
 * docs/diagnostics.md is generated from it (`npm run docs:diagnostics`); test/diagnostic-codes.test.ts
 * fails when the page differs, when a registered code is emitted nowhere, or when src/ emits a
 * code the table lacks.
 */

/** How serious a code is. SARIF writes `info` as `note`. */
export type Severity = 'error' | 'warning' | 'info';

/** Who emits a code: a reader or the pipeline (a `Diagnostic`), a command's finding, or a stop. */
export type CodeKind = 'diagnostic' | 'scan' | 'check' | 'diff' | 'fatal';

interface CodeInfo {
  severity: Severity;
  kind: CodeKind;
  en: string;
  ja: string;
}

const d = <S extends Severity>(severity: S, en: string, ja: string) => ({
  severity,
  kind: 'diagnostic' as const,
  en,
  ja,
});

/** Problems found while reading inputs: `Diagnostic`s, listed with every report. */
const DIAGNOSTICS = {
  'SPIF-SQL-SYNTAX': d(
    'error',
    'a statement could not be parsed: it is skipped, the rest of the file is read',
    '文を構文解析できない。その文を飛ばし、ファイルの残りは読む',
  ),
  'SPIF-SQL-UNSUPPORTED': d(
    'warning',
    'a statement that may matter is not modelled (e.g. `ALTER POLICY`, `CREATE RULE`); its location is given',
    '結果に関わりうる文をモデル化していない（例: `ALTER POLICY`、`CREATE RULE`）。位置を示す',
  ),
  'SPIF-SQL-UNTERMINATED': d(
    'warning',
    'a PL/SQL or BEGIN … END block runs to the end of the file without its terminator',
    'PL/SQL または BEGIN … END のブロックが終端なしにファイル末尾まで続く',
  ),
  'SPIF-SQL-UNKNOWN-RELATION': d(
    'warning',
    'a statement refers to a relation (or a PostgreSQL index) not defined before it',
    '文が、それより前に定義されていないテーブル・ビュー（または PostgreSQL のインデックス）を参照している',
  ),
  'SPIF-SQL-UNKNOWN-COLUMN': d(
    'warning',
    'a statement (COMMENT ON COLUMN, RENAME COLUMN) names a column the relation does not have',
    '文（COMMENT ON COLUMN、RENAME COLUMN）が、テーブル・ビューにない列を指している',
  ),
  'SPIF-SQL-UNKNOWN-SCHEMA': d(
    'warning',
    'a statement (DROP SCHEMA, ALTER SCHEMA … OWNER) names a schema the sources never create',
    '文（DROP SCHEMA、ALTER SCHEMA … OWNER）が、ソースで作成されていないスキーマを指している',
  ),
  'SPIF-SQL-UNKNOWN-CONSTRAINT': d(
    'warning',
    '`DROP FOREIGN KEY k` (MySQL) or `DROP CONSTRAINT k` (PostgreSQL, without IF EXISTS) names no constraint of the table that the sources made: its keys are kept',
    '`DROP FOREIGN KEY k`（MySQL）または `DROP CONSTRAINT k`（PostgreSQL、IF EXISTS なし）が、ソースで作られたテーブルのどの制約にも当たらない。キーは残す',
  ),
  'SPIF-SQL-UNKNOWN-OBJECT': d(
    'warning',
    '`ALTER SERVER`, `ALTER PUBLICATION` or `ALTER SUBSCRIPTION` of one the sources never create',
    'ソースで作成されていないサーバー・パブリケーション・サブスクリプションへの ALTER',
  ),
  'SPIF-SQL-DUPLICATE': d(
    'warning',
    'a relation or function is created again: the later definition replaces the earlier one',
    'テーブル・ビューまたは関数が再度作成された。後の定義が前の定義を置き換える',
  ),
  'SPIF-SQL-REJECTED': d(
    'warning',
    'a statement the engine would reject (`DROP SCHEMA s` without `CASCADE` while `s` holds objects): nothing is changed',
    'データベースが拒否する文（オブジェクトを含むスキーマへの CASCADE なしの DROP SCHEMA など）。何も変更しない',
  ),
  'SPIF-SQL-REVOKE-RESTRICTED': d(
    'warning',
    'a REVOKE without CASCADE that the engine would reject (dependent grants exist)',
    '依存する権限付与があるためデータベースが拒否する、CASCADE なしの REVOKE',
  ),
  'SPIF-SQL-DYNAMIC': d(
    'warning',
    "dynamic SQL (`EXECUTE IMMEDIATE`, `sp_executesql`, `EXEC('…')`) that spif cannot read",
    "spif が読めない動的 SQL（`EXECUTE IMMEDIATE`、`sp_executesql`、`EXEC('…')`）",
  ),
  'SPIF-SQL-CURRENT-USER': d(
    'info',
    'a MySQL GRANT/REVOKE names CURRENT_USER, the account running the script, which is not known statically: ignored there',
    'MySQL の GRANT/REVOKE が CURRENT_USER（スクリプトを実行するアカウント）を指すが、静的には分からない。その箇所は無視する',
  ),
  'SPIF-VIEW-UNDEFINED-BASE': d(
    'warning',
    'a view reads a relation no source defines: its columns are read by the base columns’ names only (located at the FROM/JOIN entry that names it)',
    'ビューが、どのソースにも定義されていないテーブル・ビューを読む。列は元の列名だけで判定する（そのテーブル・ビューを指す FROM/JOIN の位置）',
  ),
  'SPIF-VIEW-UNKNOWN-COLUMN': d(
    'error',
    'a view, materialized view or CREATE TABLE AS names a column its base relation does not have (`SELECT h.nope FROM h`): PostgreSQL refuses the statement, so the relation is not created (located at the column)',
    'ビュー・マテリアライズドビュー・CREATE TABLE AS が、元のテーブル・ビューにない列を指す（`SELECT h.nope FROM h`）。PostgreSQL は文を拒否するので、そのテーブル・ビューは作成しない（列の位置）',
  ),
  'SPIF-FUNCTION-UNANALYSED': d(
    'warning',
    'a function or trigger body spif cannot read: the relations it could touch get an `unknown-path` assumption',
    'spif が読めない関数・トリガー本体。触れうるテーブル・ビューに前提 `unknown-path` を付ける',
  ),
  'SPIF-FDW-UNRESOLVED': d(
    'warning',
    'a foreign server matches no configured database, or a foreign table’s remote relation or column is not defined',
    '外部サーバーが設定のどのデータベースにも当たらない、または外部テーブルのリモートのテーブル・ビュー・列が定義されていない',
  ),
  'SPIF-DBLINK-UNRESOLVED': d(
    'warning',
    'an Oracle database link matches no configured database or is not created in the sources, or a remote object (t@link) or its column is not defined there: what reads through it is unknown (cross-database-unknown:database-link:…)',
    'Oracle のデータベースリンクが設定のどのデータベースにも一致しないかソースで作成されていない、またはリモートのオブジェクト（t@link）やその列が定義されていない。それを通じて読むものは不明（cross-database-unknown:database-link:…）',
  ),
  'SPIF-DBLINK': d(
    'warning',
    'a `dblink(…)` call spif cannot check: its connection matches no configured database, names no user or a foreign server, or its query is not a constant SELECT read as `AS t(columns)` (cross-database-unknown:dblink:…)',
    '`dblink(…)` の呼び出しで spif が検査できないもの。接続先が設定のどのデータベースにも一致しない、ユーザーを指定しないか外部サーバを指定する、または問合せが `AS t(列)` で読む定数の SELECT でない（cross-database-unknown:dblink:…）',
  ),
  'SPIF-REPLICATION-UNRESOLVED': d(
    'warning',
    'a subscription’s publisher, publication or a published table’s subscriber table is not found',
    'サブスクリプションの発行元・パブリケーション、または発行テーブルの購読側テーブルが見つからない',
  ),
  'SPIF-LINK-UNKNOWN-TARGET': d(
    'warning',
    'a foreign key or configured link names an undefined relation',
    '外部キーまたは設定のリンクが、定義されていないテーブル・ビューを指している',
  ),
  'SPIF-LINK-UNKNOWN-COLUMN': d(
    'warning',
    'a foreign key or configured link names an undefined column',
    '外部キーまたは設定のリンクが、定義されていない列を指している',
  ),
  'SPIF-ORACLE-COLUMN-SELECT': d(
    'warning',
    'a column-level `GRANT SELECT`, which Oracle rejects: not applied',
    'Oracle が拒否する列単位の `GRANT SELECT`。適用しない',
  ),
  'SPIF-DB2-COLUMN-SELECT': d(
    'warning',
    'a column-level `GRANT SELECT`, which Db2 rejects: not applied',
    'Db2 が拒否する列単位の `GRANT SELECT`。適用しない',
  ),
  'SPIF-ROUTINE-AMBIGUOUS': d(
    'warning',
    'a routine named without its parameter types where its schema has several of that name: a Db2 GRANT, REVOKE or DROP of it fails (SQLSTATE 42725) and is not applied; a trigger call more than one overload could take follows each of them',
    '同じ名前のルーチンが複数あるスキーマで、引数の型なしにルーチンを指定している。Db2 の GRANT・REVOKE・DROP は失敗する（SQLSTATE 42725）ため適用しない。複数の多重定義が受けうるトリガーの呼出しは、それぞれを追跡する',
  ),
  'SPIF-ORACLE-SECURE-ROLE': d(
    'info',
    'a password- or package-protected Oracle role (enabled only with SET ROLE … IDENTIFIED BY): treated as one the user may enable',
    'パスワードまたはパッケージで保護された Oracle のロール（SET ROLE … IDENTIFIED BY でのみ有効化）。利用者が有効化できるものとして扱う',
  ),
  'SPIF-PRISMA-SYNTAX': d(
    'error',
    'a Prisma schema syntax error: the block is skipped',
    'Prisma スキーマの構文エラー。そのブロックを飛ばす',
  ),
  'SPIF-ORM-UNSUPPORTED': d(
    'warning',
    'an ORM construct (Prisma, TypeORM, Drizzle) that spif does not read; what it leaves out is named',
    'spif が読まない ORM（Prisma・TypeORM・Drizzle）の構文。読まなかったものを示す',
  ),
  'SPIF-ORM-DIALECT': d(
    'info',
    'an ORM model declares another dialect than its database’s: names are read as the configured dialect',
    'ORM のモデルが、データベースの設定と異なる方言を宣言している。名前は設定の方言で読む',
  ),
  'SPIF-ORM-DECORATOR-UNRESOLVED': d(
    'warning',
    'a TypeORM property under a decorator spif cannot follow statically: read as a column with TypeORM’s default name and the TypeScript type',
    'spif が静的に辿れないデコレーターの付いた TypeORM のプロパティ。TypeORM の既定名と TypeScript の型の列として読む',
  ),
  'SPIF-ORM-EMBEDDED-EMPTY': d(
    'info',
    'TypeORM embedded classes found in the scanned files that declare no column (e.g. custom-field classes a program fills from its configuration at runtime): they add no column',
    'スキャンしたファイルにある、列を宣言しない TypeORM の埋め込みクラス（実行時に設定から列を足すカスタムフィールド用のクラスなど）。列を足さない',
  ),
  'SPIF-SEED-PARSE': d(
    'warning',
    'a seed CSV or JSON file could not be read (fully): the rows before the error are counted',
    'シードの CSV・JSON ファイルを（最後まで）読めない。エラーより前の行は数える',
  ),
  'SPIF-DATA-UNATTACHED': d(
    'warning',
    'data rows (a dump, INSERTs, a seed file) hold values with a valid 個人番号 check digit for a table or column no scanned source defines: they make no column a number column; scan the schema that defines it',
    'データ行（ダンプ、INSERT、シードファイル）に検査用数字の正しい個人番号の値があるが、その表・列を定義するソースをスキャンしていない。どの列も個人番号の列にならない。定義するスキーマもスキャンしてください',
  ),
  'SPIF-SEED-SHAPE': d(
    'info',
    'a seed JSON file has no rows spif recognises (an array of rows, an object of arrays keyed by table, or a Django fixture)',
    'シードの JSON ファイルに、spif が分かる形の行がない（行の配列、テーブル名をキーとする配列のオブジェクト、Django フィクスチャ）',
  ),
  'SPIF-LIVE-SAMPLE': d(
    'warning',
    '`--sample`: a column of a live database could not be sampled; it stays a candidate',
    '`--sample`: 稼働中データベースの列を標本抽出できない。候補のまま残す',
  ),
  'SPIF-LIVE-SKIPPED': d(
    'info',
    'relations of a live database that belong to extensions are not read',
    '稼働中データベースのうち、拡張機能に属するテーブル・ビューは読まない',
  ),
  'SPIF-GIT-LIVE-SKIPPED': d(
    'warning',
    'a live database (`url`) has no state at a git revision: only its source files are compared',
    '稼働中データベース（`url`）には git のリビジョン時点の状態がない。ソースファイルだけを比べる',
  ),
  'SPIF-GIT-OUTSIDE': d(
    'warning',
    'a path read from a git revision lies outside the repository: not read',
    'git のリビジョンから読むパスがリポジトリの外にある。読まない',
  ),
  'SPIF-GIT-PATH-ABSENT': d(
    'info',
    'a path does not exist at the git revision read',
    '読む git のリビジョンにそのパスがない',
  ),
  'SPIF-SOURCE-NONE': d(
    'warning',
    'a configured `sources` pattern matches no file',
    '設定の `sources` のパターンがどのファイルにも当たらない',
  ),
  'SPIF-SOURCE-OUTSIDE-ROOT': d(
    'warning',
    'a source leads outside the config directory: not read (`allowOutsideRoot: true` allows it)',
    'ソースが設定ファイルのディレクトリの外を指す。読まない（`allowOutsideRoot: true` で許可）',
  ),
  'SPIF-SOURCE-SYMLINK': d(
    'warning',
    'a symbolic link given as a path is not followed',
    'パスとして与えられたシンボリックリンクは辿らない',
  ),
  'SPIF-SOURCE-IGNORED': d(
    'info',
    'files left out by `.spifignore` or the `ignore` config key, named per database',
    '`.spifignore` または設定の `ignore` で除いたファイル。データベースごとに示す',
  ),
  'SPIF-SOURCE-ALL-DROPPED': d(
    'error',
    'the sources of a database create relations and drop every one of them again (a teardown script scanned with the schema): nothing is left to assess, so a gate must not pass',
    'データベースのソースが作ったテーブル・ビューをすべて削除している（スキーマと一緒に削除用スクリプトを読んだ）。評価するものが残らないため、ゲートを通さない',
  ),
  'SPIF-SOURCE-ORDER': d(
    'info',
    'a migration-tool convention decided the order of the files, or left files out (per database)',
    'マイグレーションツールの慣習でファイルの順序を決めた、またはファイルを除いた（データベースごと）',
  ),
  'SPIF-SOURCE-MODEL-AND-SQL': d(
    'info',
    'tables defined both by ORM models and by the SQL migrations the ORM generated: each is read as one table, the SQL applied in its order (per database)',
    'ORM のモデルと、その ORM が生成した SQL マイグレーションの両方が定義するテーブル。1 つのテーブルとして読み、SQL をその順に適用する（データベースごと）',
  ),
  'SPIF-SOURCE-DIALECT-RECORDED': d(
    'info',
    'without --dialect or a config, the sources are read in the dialect the project records (drizzle-kit journal, Prisma datasource)',
    '--dialect も設定ファイルもないため、プロジェクトが記録する方言（drizzle-kit のジャーナル、Prisma の datasource）で読んだ',
  ),
  'SPIF-SOURCE-DEFERRED': d(
    'info',
    'statements that name relations a later file creates are applied right after that CREATE',
    '後のファイルで作成されるテーブル・ビューを指す文を、その CREATE の直後に適用した',
  ),
  'SPIF-SOURCE-DOWN-SECTION': d(
    'info',
    'a migration’s down section (dbmate/goose/sql-migrate marker) is not read: the schema is what the up sections build',
    'マイグレーションの down 部分（dbmate・goose・sql-migrate の目印）は読まない。スキーマは up 部分が作るもの',
  ),
  'SPIF-SOURCE-DIALECT': d(
    'warning',
    'no reader for the configured dialect’s SQL files yet: the file is not read',
    '設定の方言の SQL ファイルを読むリーダーがまだない。ファイルは読まない',
  ),
  'SPIF-SOURCE-NOT-READ': d(
    'warning',
    'a file named on the command line that no reader takes: not read',
    'コマンドラインで指定されたが、どのリーダーも受け付けないファイル。読まない',
  ),
  'SPIF-SOURCE-UNREADABLE': d('error', 'a source file cannot be read from disk', 'ソースファイルを読み込めない'),
  'SPIF-SOURCE-ENCODING': d(
    'warning',
    'a file is not valid UTF-8, Shift_JIS/CP932 or EUC-JP (bytes replaced), or mixes UTF-8 with one of them (decoded line by line)',
    'ファイルが UTF-8・Shift_JIS/CP932・EUC-JP のいずれでもない（置換文字にした）、または UTF-8 とそれらが混在する（行ごとに復号した）',
  ),
  'SPIF-SOURCE-TOO-LARGE': d(
    'error',
    'a file is larger than `limits.maxFileBytes`: not read',
    'ファイルが `limits.maxFileBytes` より大きい。読まない',
  ),
  'SPIF-SOURCE-TIMEOUT': d(
    'error',
    'reading a file took longer than the per-file limit and was stopped: not read',
    'ファイルの読み込みがファイルごとの制限時間を超えたため止めた。読まない',
  ),
  'SPIF-SOURCE-TOO-DEEP': d(
    'error',
    'a file is nested too deeply for its reader’s parser (the parser ran out of stack): not read',
    'ファイルの入れ子がリーダーの構文解析器には深すぎる（スタック不足）。読まない',
  ),
  'SPIF-READER-FAILED': d(
    'error',
    'a reader failed on a file (a bug in spif: please report it with the file): not read, the other files are',
    'リーダーがファイルの読み込みに失敗した（spif の不具合。ファイルを添えて報告してください）。そのファイルは読まず、他は読む',
  ),
} as const satisfies Record<string, CodeInfo>;

const f = (kind: CodeKind, severity: Severity, en: string, ja: string): CodeInfo => ({ severity, kind, en, ja });

/** What `scan` reports in SARIF, one rule per finding kind (docs/reports.md). */
const SCAN_FINDINGS = {
  'SPIF-SCAN-HOLDS-NUMBER': f(
    'scan',
    'info',
    'a relation holds an individual number column',
    'テーブル・ビューが個人番号の列を持つ',
  ),
  'SPIF-SCAN-REACHABLE': f(
    'scan',
    'info',
    'a relation reaches the individual number through links a principal may follow',
    'テーブル・ビューが、利用者の辿れるリンクを通じて個人番号に到達する',
  ),
  'SPIF-SCAN-DECLARED-ONLY': f(
    'scan',
    'warning',
    'a link to the number is blocked only by an application-level declaration',
    '個人番号へのリンクが、アプリケーション側の宣言だけで遮られている',
  ),
  'SPIF-SCAN-FILE-NOT-IN-INVENTORY': f(
    'scan',
    'warning',
    'a named file is specific but not in `inventory`',
    '名前の付いたファイルが特定個人情報ファイルだが `inventory` にない',
  ),
  'SPIF-SCAN-CANDIDATE': f(
    'scan',
    'warning',
    'a column may hold the number (要確認) and `numberColumns` has not decided it',
    '個人番号を持つかもしれない列（要確認）で、`numberColumns` で決めていない',
  ),
} as const satisfies Record<string, CodeInfo>;

/** `spif check`'s findings (docs/ci.md). A finding that fails the gate is an error whatever its own level. */
const CHECK_FINDINGS = {
  'SPIF-CHECK-UNCOVERED': f(
    'check',
    'error',
    'a relation is specific and no inventory file contains it',
    'テーブル・ビューが特定個人情報で、どの inventory のファイルにも含まれない',
  ),
  'SPIF-CHECK-NOT-SPECIFIC': f(
    'check',
    'warning',
    'an inventory file in which no relation is specific any more (fails with `--strict`)',
    'どのテーブル・ビューも特定個人情報でなくなった inventory のファイル（`--strict` で失敗）',
  ),
  'SPIF-CHECK-CANDIDATE': f(
    'check',
    'warning',
    'a candidate column (要確認) that `numberColumns` has not decided; fails unless `check.failOnCandidates` is false',
    '`numberColumns` で決めていない候補の列（要確認）。`check.failOnCandidates` が false でなければ失敗',
  ),
  'SPIF-CHECK-DIAGNOSTIC': f(
    'check',
    'error',
    'the scan has an error diagnostic: some source was not fully read (the finding carries the diagnostic’s own code)',
    'スキャンにエラーの診断がある。読み切れなかったソースがある（指摘は診断そのもののコードを持つ）',
  ),
  'SPIF-CHECK-DIAGNOSTIC-WARNING': f(
    'check',
    'warning',
    'the scan has a warning diagnostic (check and diff; the finding carries the diagnostic’s own code; fails with `--strict`)',
    'スキャンに警告の診断がある（check と diff。指摘は診断そのもののコードを持つ。`--strict` で失敗）',
  ),
  'SPIF-SUPPRESSION-UNUSED': f(
    'check',
    'warning',
    'a suppression matches nothing (check and diff; fails with `--strict`)',
    'どれにも当たらない抑止設定（check と diff。`--strict` で失敗）',
  ),
} as const satisfies Record<string, CodeInfo>;

/** `spif diff`'s changes (docs/ci.md). A change named in `--fail-on` is an error. */
const DIFF_FINDINGS = {
  'SPIF-DIFF-BECAME-SPECIFIC': f(
    'diff',
    'error',
    'a relation that was not specific (or did not exist) now is',
    '特定個人情報でなかった（または存在しなかった）テーブル・ビューが特定個人情報になった',
  ),
  'SPIF-DIFF-STOPPED-SPECIFIC': f(
    'diff',
    'info',
    'a relation that was specific no longer is',
    '特定個人情報だったテーブル・ビューがそうでなくなった',
  ),
  'SPIF-DIFF-PATH-ADDED': f(
    'diff',
    'warning',
    'a principal now reaches the number from a relation',
    '利用者がテーブル・ビューから個人番号に到達するようになった',
  ),
  'SPIF-DIFF-PATH-REMOVED': f(
    'diff',
    'info',
    'a principal no longer reaches the number from a relation',
    '利用者がテーブル・ビューから個人番号に到達しなくなった',
  ),
  'SPIF-DIFF-BLOCK-ADDED': f('diff', 'info', 'a control now stops a principal', '統制が利用者を止めるようになった'),
  'SPIF-DIFF-BLOCK-REMOVED': f(
    'diff',
    'warning',
    'a control that stopped a principal is gone',
    '利用者を止めていた統制がなくなった',
  ),
  'SPIF-DIFF-NUMBER-COLUMN-ADDED': f('diff', 'warning', 'a new column holds the number', '個人番号を持つ列が増えた'),
  'SPIF-DIFF-NUMBER-COLUMN-REMOVED': f(
    'diff',
    'info',
    'a column holding the number is gone',
    '個人番号を持つ列がなくなった',
  ),
  'SPIF-DIFF-FILE-BECAME-SPECIFIC': f(
    'diff',
    'warning',
    'a named file became specific',
    '名前の付いたファイルが特定個人情報ファイルになった',
  ),
  'SPIF-DIFF-FILE-STOPPED-SPECIFIC': f(
    'diff',
    'info',
    'a named file is no longer specific',
    '名前の付いたファイルが特定個人情報ファイルでなくなった',
  ),
  'SPIF-DIFF-DATABASE-RENAMED': f(
    'diff',
    'info',
    'a database was renamed between the two sides',
    '比べる二つの間でデータベースの名前が変わった',
  ),
} as const satisfies Record<string, CodeInfo>;

/** Errors that stop a command (exit 2), named in its message. */
const FATAL = {
  'SPIF-VERSION': f(
    'fatal',
    'error',
    'the live PostgreSQL server is older than spif supports (10 or later)',
    '稼働中の PostgreSQL サーバーが、spif の対応する版（10 以降）より古い',
  ),
} as const satisfies Record<string, CodeInfo>;

/** The codes a `Diagnostic` may carry. */
export type DiagnosticCode = keyof typeof DIAGNOSTICS;
/** The diagnostic codes of one severity: what a reader's `warn(code, …)` helper may take. */
export type CodeOf<S extends Severity> = {
  [C in DiagnosticCode]: (typeof DIAGNOSTICS)[C]['severity'] extends S ? C : never;
}[DiagnosticCode];
/**
 * A code with its one severity: `{ severity: 'warning', code: 'SPIF-SQL-SYNTAX' }` fails typecheck,
 * so no reader can give a code another severity than the table's.
 */
export type CodeAndSeverity = {
  [C in DiagnosticCode]: { code: C; severity: (typeof DIAGNOSTICS)[C]['severity'] };
}[DiagnosticCode];
type ScanCode = keyof typeof SCAN_FINDINGS;
/** The codes of `check` and `diff` findings. */
export type GateCode = keyof typeof CHECK_FINDINGS | keyof typeof DIFF_FINDINGS;
export type SpifCode = DiagnosticCode | ScanCode | GateCode | keyof typeof FATAL;

export const CODES: Readonly<Record<SpifCode, CodeInfo>> = {
  ...DIAGNOSTICS,
  ...SCAN_FINDINGS,
  ...CHECK_FINDINGS,
  ...DIFF_FINDINGS,
  ...FATAL,
};

/** The registered entry of a code read back from JSON (a string), or undefined. */
export function codeInfo(code: string): CodeInfo | undefined {
  return Object.hasOwn(CODES, code) ? CODES[code as SpifCode] : undefined;
}

/** A code's SARIF level: its severity, with `info` written `note`. */
export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

/** The page that documents every code, and a code's heading anchor on it (GitHub's slug). */
export const DIAGNOSTICS_PAGE = 'diagnostics.md';
export function codeAnchor(code: string): string {
  return code.toLowerCase();
}

const KIND_HEADINGS: Record<CodeKind, { title: string; intro: string }> = {
  diagnostic: {
    title: 'Reading the sources',
    intro:
      'Diagnostics: problems found while reading inputs. They never stop a scan; every report lists them ' +
      '(JSON `diagnostics`, text, SARIF results with the code as rule id). `spif check` fails on every ' +
      '`error` diagnostic (suppressible by its code).',
  },
  scan: {
    title: 'scan findings (SARIF)',
    intro: 'The rules of `spif scan --format sarif`. Where each result sits: [reports.md](reports.md#sarif).',
  },
  check: {
    title: 'check findings',
    intro:
      'The findings of `spif check` ([ci.md](ci.md#spif-check)). A finding that fails the gate is reported as an ' +
      'error whatever the level below.',
  },
  diff: {
    title: 'diff changes',
    intro:
      'The changes `spif diff` reports ([ci.md](ci.md#spif-diff---base-ref)). A change named in `--fail-on` is ' +
      'reported as an error whatever the level below.',
  },
  fatal: {
    title: 'Errors that stop a command',
    intro: 'Named in the message of a command that stops with exit code 2.',
  },
};

export const DIAGNOSTICS_DOC_COMMAND = 'npm run docs:diagnostics';

/** docs/diagnostics.md, generated from the table (`npm run docs:diagnostics`). */
export function renderDiagnosticsMarkdown(): string {
  const out = [
    '# Diagnostic codes',
    '',
    `<!-- generated from src/diagnostic-codes.ts by \`${DIAGNOSTICS_DOC_COMMAND}\`; do not edit by hand -->`,
    '',
    'Every code spif emits, with its one severity: the same in every command and every format (SARIF writes',
    '`info` as `note`). Codes are stable; suppressions (`suppressions[].rule`) may name them.',
    '',
  ];
  for (const kind of Object.keys(KIND_HEADINGS) as CodeKind[]) {
    const codes = (Object.keys(CODES) as SpifCode[]).filter((c) => CODES[c].kind === kind).sort();
    out.push(`## ${KIND_HEADINGS[kind].title}`, '', KIND_HEADINGS[kind].intro, '');
    for (const c of codes) {
      const e = CODES[c];
      out.push(`### ${c}`, '', `**${e.severity}** — ${e.en}.`, '', `${e.ja}。`, '');
    }
  }
  return out.join('\n');
}
