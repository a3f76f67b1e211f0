/**
 * The messages of reading a live PostgreSQL server (src/sources/live-postgres/) and seed-data files
 * (src/sources/seed-data/). The server's or the parser's own text is an argument, as written.
 */
export const LIVE_DIAGNOSTICS = {
  'diag.live.sampleFailed': {
    en: '--sample: could not read {0} ({1}); it stays a candidate',
    ja: '--sample: {0} を読めなかった（{1}）。候補のままとする',
  },
  'diag.live.extensionsSkipped': {
    en: '{0} relation(s) and function(s) belonging to extensions were not read: {1}',
    ja: '拡張機能に属するテーブル・ビュー及び関数 {0} 個は読んでいない: {1}',
  },
  'diag.live.viewUnparsed': {
    en: 'the definition of view {0} could not be parsed ({1}); its columns are kept without lineage',
    ja: 'ビュー {0} の定義を構文解析できなかった（{1}）。列は由来なしで残した',
  },
  // A live server that cannot be read (src/sources/live-postgres/errors.ts): the error, then details.
  'live.err.refused': {
    en: 'cannot reach the PostgreSQL server at {0}: connection refused (is it running, and listening on that port?)',
    ja: '{0} の PostgreSQL サーバーに接続できない: 接続を拒否された（起動していて、そのポートで待ち受けているか）',
  },
  'live.err.hostNotFound': {
    en: "cannot reach the PostgreSQL server: host '{0}' was not found",
    ja: "PostgreSQL サーバーに接続できない: ホスト '{0}' が見つからない",
  },
  'live.err.network': {
    en: 'cannot reach the PostgreSQL server at {0}: {1}',
    ja: '{0} の PostgreSQL サーバーに接続できない: {1}',
  },
  'live.err.timedOut': {
    en: 'cannot reach the PostgreSQL server at {0}: the connection timed out',
    ja: '{0} の PostgreSQL サーバーに接続できない: 接続がタイムアウトした',
  },
  'live.err.whileReading': { en: 'while reading {0}', ja: '読み込んでいたもの: {0}' },
  'live.err.password': {
    en: "PostgreSQL at {0} refused the password for user '{1}' (28P01)",
    ja: "{0} の PostgreSQL がユーザー '{1}' のパスワードを拒否した（28P01）",
  },
  'live.err.passwordHelp': {
    en: 'spif takes the password from the URL, else PGPASSWORD, else the password file (PGPASSFILE or ~/.pgpass); prefer the last two: URLs end up in shell history and logs',
    ja: 'spif はパスワードを URL から、なければ PGPASSWORD、なければパスワードファイル（PGPASSFILE 又は ~/.pgpass）から読む。URL はシェルの履歴やログに残るため、後の二つを勧める',
  },
  'live.err.hba': {
    en: "PostgreSQL at {0} refused the connection for user '{1}': {2} (28000)",
    ja: "{0} の PostgreSQL がユーザー '{1}' の接続を拒否した: {2}（28000）",
  },
  'live.err.hbaHelp': {
    en: "the server's pg_hba.conf has no entry that admits this user, host and database",
    ja: 'サーバーの pg_hba.conf に、このユーザー・ホスト・データベースを許す行がない',
  },
  'live.err.noDatabase': {
    en: "PostgreSQL at {0} has no database '{1}' (3D000)",
    ja: "{0} の PostgreSQL にデータベース '{1}' がない（3D000）",
  },
  'live.err.privilege': {
    en: 'the role spif connected as may not read {0}: {1} (42501)',
    ja: 'spif が接続したロールは {0} を読めない: {1}（42501）',
  },
  'live.err.systemCatalogs': { en: 'the system catalogs', ja: 'システムカタログ' },
  'live.err.privilegeHelp': {
    en: 'spif needs SELECT on the pg_catalog tables (granted to PUBLIC by default); ask the DBA to restore it or connect as a role that has it',
    ja: 'spif には pg_catalog のテーブルの SELECT 権限が要る（既定で PUBLIC に付与されている）。DBA に戻してもらうか、その権限を持つロールで接続する',
  },
  'live.err.statementTimeout': {
    en: 'reading {0} took longer than the statement timeout and was cancelled (57014)',
    ja: '{0} の読込が文のタイムアウトを超えて取り消された（57014）',
  },
  'live.err.statementTimeoutHelp': {
    en: 'raise it with --statement-timeout, or scan when the server is less busy',
    ja: '--statement-timeout で延ばすか、サーバーの空いているときにスキャンする',
  },
  'live.err.lock': {
    en: 'reading {0} waited too long for a lock on {1} (55P03)',
    ja: '{0} の読込で {1} のロックを長く待ちすぎた（55P03）',
  },
  'live.err.aCatalogObject': { en: 'a catalog object', ja: 'カタログのオブジェクト' },
  'live.err.noPassword': {
    en: 'PostgreSQL at {0} asks for a password and none was given',
    ja: '{0} の PostgreSQL がパスワードを求めているが、与えられていない',
  },
  'live.err.noPasswordHelp': {
    en: 'set PGPASSWORD, or add a line to ~/.pgpass (host:port:database:user:password)',
    ja: 'PGPASSWORD を設定するか、~/.pgpass に行を加える（host:port:database:user:password）',
  },
  'live.err.connect': { en: 'cannot connect to {0}: {1}', ja: '{0} に接続できない: {1}' },
  'live.err.read': { en: 'reading {0} from {1} failed: {2}', ja: '{1} から {0} を読めなかった: {2}' },
  'live.err.theCatalogs': { en: 'the catalogs', ja: 'カタログ' },
  'diag.seed.csv': {
    en: 'could not read this CSV after row {0}: {1}; the rows before it are counted',
    ja: 'この CSV を {0} 行目の後から読めなかった: {1}。それより前の行は数えた',
  },
  'diag.seed.json': {
    en: 'not valid JSON ({0}); its rows are not read',
    ja: '正しい JSON ではない（{0}）。行は読んでいない',
  },
  'diag.seed.noRows': {
    en: 'no rows found: spif reads an array of row objects, an object of arrays keyed by table, or a Django fixture',
    ja: '行が見つからない。spif が読むのは、行オブジェクトの配列、テーブル名をキーとする配列のオブジェクト、又は Django の fixture',
  },
} as const;
