/**
 * The messages of reading files (src/sources/: finding, decoding, limits, guards, ordering) and of
 * the pipeline, whatever the reader.
 */
export const SOURCES_DIAGNOSTICS = {
  'diag.source.noDialectReader': {
    en: "no reader for dialect '{0}' SQL files yet; file not read",
    ja: '方言 {0} の SQL ファイルを読むリーダーはまだない。ファイルを読んでいない',
  },
  'diag.source.noReader': {
    en: 'no reader takes this file (expected SQL: .sql .ddl .pgsql .psql; schema.prisma; TypeORM entities or Drizzle tables in .ts); not read',
    ja: 'このファイルを読むリーダーがない（読めるもの: SQL の .sql .ddl .pgsql .psql、schema.prisma、.ts の TypeORM エンティティ又は Drizzle のテーブル）。読んでいない',
  },
  'diag.source.cannotRead': { en: 'cannot read: {0}', ja: '読めない: {0}' },
  'diag.source.lossyEncoding': {
    en: 'not valid UTF-8, Shift_JIS/CP932 or EUC-JP; undecodable bytes were replaced',
    ja: 'UTF-8、Shift_JIS／CP932、EUC-JP のいずれとしても正しくない。解読できないバイトは置き換えた',
  },
  'diag.source.mixedEncoding': {
    en: 'mixes UTF-8 lines with {0} lines; each line was decoded on its own',
    ja: 'UTF-8 の行と {0} の行が混在している。行ごとに解読した',
  },
  'diag.source.downSection': {
    en: 'migration down section (dbmate/goose/sql-migrate marker) not read: the schema is what the up sections build',
    ja: 'マイグレーションの down 部分（dbmate／goose／sql-migrate の目印）は読んでいない。スキーマは up 部分が作るものとする',
  },
  'diag.source.tooDeep': {
    en: "nested too deeply for the {0} reader's parser (the parser ran out of stack); file not read",
    ja: '入れ子が深すぎて {0} リーダーのパーサーで読めない（パーサーのスタックが尽きた）。ファイルを読んでいない',
  },
  'diag.source.readerFailed': {
    en: 'the {0} reader failed on this file ({1}); file not read. This is a bug in spif: please report it with the file',
    ja: '{0} リーダーがこのファイルで失敗した（{1}）。ファイルを読んでいない。spif の不具合のため、このファイルを添えて報告してほしい',
  },
  'diag.source.tooLarge': {
    en: '{0} bytes is over limits.maxFileBytes ({1}); file not read (raise limits.maxFileBytes in spif.config.yaml to read it)',
    ja: '{0} バイトは limits.maxFileBytes（{1}）を超える。ファイルを読んでいない（読むには spif.config.yaml の limits.maxFileBytes を上げる）',
  },
  'diag.source.tooSlow': {
    en: 'reading took longer than {0} and was stopped; file not read',
    ja: '読込みが {0} を超えたため止めた。ファイルを読んでいない',
  },
  'diag.source.dialectRecorded': {
    en: 'the sources are read as {0}, the dialect {1} records (no --dialect and no config); pass --dialect to read them otherwise',
    ja: 'ソースは {1} が記録している方言 {0} として読んだ（--dialect も設定ファイルもない）。別の方言で読むには --dialect を指定する',
  },
  'diag.source.deferred.one': {
    en: 'database {0}: 1 statement of {1} names relations created by {2}, read later; it was applied right after the CREATE it needs instead of in file order',
    ja: 'データベース {0}: {1} の文 1 個が、後で読む {2} が作成するテーブル・ビューを指している。ファイルの順ではなく、必要な CREATE の直後に適用した',
  },
  'diag.source.deferred.many': {
    en: 'database {0}: {1} statements of {2} name relations created by {3}, read later; each was applied right after the CREATE it needs instead of in file order',
    ja: 'データベース {0}: {2} の文 {1} 個が、後で読む {3} が作成するテーブル・ビューを指している。それぞれファイルの順ではなく、必要な CREATE の直後に適用した',
  },
  'diag.source.moreFiles': { en: '{0} and {1} more files', ja: '{0} ほか {1} 個のファイル' },
  // The order files are applied in (src/sources/migrations.ts, discover.ts)
  'diag.order': { en: 'database {0}: {1}{2}', ja: 'データベース {0}: {1}{2}' },
  'diag.order.natural': {
    en: 'files applied in natural order (numbers compared as numbers) with {0}{1}',
    ja: 'ファイルを自然順（数字は数として比較）で適用した。規約: {0}{1}',
  },
  'diag.order.noConvention': { en: 'no tool convention', ja: 'ツールの規約なし' },
  'diag.order.flyway': {
    en: 'Flyway: V<version>__ files by version, then R__ repeatables',
    ja: 'Flyway（V<version>__ のファイルをバージョン順、次に R__ の繰返し実行ファイル）',
  },
  'diag.order.upDown': { en: 'golang-migrate/dbmate: *.up.sql only', ja: 'golang-migrate／dbmate（*.up.sql のみ）' },
  'diag.order.drizzle': {
    en: 'drizzle-kit: the order of meta/_journal.json',
    ja: 'drizzle-kit（meta/_journal.json の順）',
  },
  'diag.order.dialectFiles': {
    en: 'of files written for several dialects, those for this one',
    ja: '複数の方言向けに書かれたファイルのうち、この方言向けのもの',
  },
  'diag.order.skipped.one': { en: '; not read: 1 file ({0})', ja: '。読まなかったファイル 1 個（{0}）' },
  'diag.order.skipped.many': { en: '; not read: {0} files ({1})', ja: '。読まなかったファイル {0} 個（{1}）' },
  'diag.order.down': { en: 'down migration', ja: 'down のマイグレーション' },
  'diag.order.flywayUndo': { en: 'Flyway undo migration', ja: 'Flyway の undo マイグレーション' },
  'diag.order.otherDialect': { en: 'written for {0} (file name)', ja: '{0} 向け（ファイル名から）' },
  'diag.order.files': { en: ' [{0}{1}]', ja: ' [{0}{1}]' },
  'diag.order.more': { en: ' …and {0} more', ja: ' …ほか {0} 件' },
  // Finding the files (src/sources/discover.ts); `{atRef}` parts are " at <ref>" under spif diff.
  // The Oracle reader (src/sources/oracle/)
  'diag.oracle.columnSelect': {
    en: "Oracle has no column-level SELECT: GRANT {0} ({1}) ON … fails in the database (ORA-00969) and is not applied; a view is Oracle's column control",
    ja: 'Oracle には列単位の SELECT 権限がない。GRANT {0} ({1}) ON … はデータベースで失敗し（ORA-00969）、適用されない。Oracle で列を制御するのはビュー',
  },
  'diag.discover.atRef': { en: ' at {0}', ja: '（{0} の時点）' },
  'diag.discover.outsideGit': {
    en: 'outside the git repository; not read{0}',
    ja: 'git リポジトリの外にあるため読んでいない{0}',
  },
  'diag.discover.absent': { en: 'does not exist{0}', ja: '存在しない{0}' },
  'diag.discover.symlink': { en: 'symbolic link not followed', ja: 'シンボリックリンクはたどっていない' },
  'diag.discover.noMatch': {
    en: "databases.{0}.sources: '{1}' matches no file{2}",
    ja: "databases.{0}.sources: '{1}' に一致するファイルがない{2}",
  },
  'diag.discover.globOutside': {
    en: "databases.{0}.sources: '{1}' leads outside the config directory; not read{2}",
    ja: "databases.{0}.sources: '{1}' は設定ファイルのフォルダーの外を指すため読んでいない{2}",
  },
  'diag.discover.folderLink': {
    en: 'a symbolic link to a folder; not followed',
    ja: 'フォルダーへのシンボリックリンクのため、たどっていない',
  },
  'diag.discover.outsideRoot': {
    en: 'leads outside the config directory; not read',
    ja: '設定ファイルのフォルダーの外を指すため読んでいない',
  },
  'diag.discover.allowOutsideRoot': {
    en: '{0} (set allowOutsideRoot: true to allow)',
    ja: '{0}（読むには allowOutsideRoot: true を設定する）',
  },
  'diag.discover.configIgnore': { en: 'the config’s ignore:', ja: '設定ファイルの ignore:' },
  'diag.discover.ignored.one': {
    en: 'database {0}: {1} file left out by {2}{3}',
    ja: 'データベース {0}: {2} により {1} 個のファイルを除外した{3}',
  },
  'diag.discover.ignored.many': {
    en: 'database {0}: {1} files left out by {2}{3}',
    ja: 'データベース {0}: {2} により {1} 個のファイルを除外した{3}',
  },
  'diag.discover.liveSkipped': {
    en: 'databases.{0}.url: a live database has no state at {1}; only its source files are compared',
    ja: 'databases.{0}.url: 稼働中のデータベースには {1} の時点の状態がないため、ソースファイルだけを比較する',
  },
} as const;
