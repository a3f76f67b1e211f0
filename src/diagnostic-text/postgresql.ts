/**
 * The PostgreSQL reader's diagnostic messages (src/sources/postgresql/). `{n}` is an argument;
 * a parser's own text is passed as an argument and shown as the parser wrote it.
 */
export const POSTGRESQL_DIAGNOSTICS = {
  // Why a function body is not analysed (routine.ts): the routine's unanalysed reason.
  'diag.pg.routine.sqlTrigger': {
    en: 'PostgreSQL rejects it: SQL functions cannot return type trigger',
    ja: 'PostgreSQL はこれを受け付けない。SQL 関数は trigger 型を返せない',
  },
  'diag.pg.routine.sqlUnparsed': { en: 'the SQL body could not be parsed', ja: 'SQL の本体を構文解析できなかった' },
  'diag.pg.routine.unreadable': { en: 'its body could not be read: {0}', ja: '本体を読めなかった: {0}' },
  'diag.pg.routine.language': {
    en: 'its body is written in {0}, which spif does not read',
    ja: '本体が spif の読まない言語 {0} で書かれている',
  },
  'diag.pg.routine.dynamic': { en: 'its body runs dynamic SQL: {0}', ja: '本体が動的 SQL を実行する: {0}' },
  // The dynamic statements of that reason, each with its line in the body.
  'diag.pg.routine.dynamic.execute': {
    en: 'EXECUTE of a query built at run time (body line {0})',
    ja: '実行時に組み立てる問合せの EXECUTE（本体の {0} 行目）',
  },
  'diag.pg.routine.dynamic.returnQuery': {
    en: 'RETURN QUERY EXECUTE (body line {0})',
    ja: 'RETURN QUERY EXECUTE（本体の {0} 行目）',
  },
  'diag.pg.routine.dynamic.open': {
    en: 'OPEN … FOR EXECUTE (body line {0})',
    ja: 'OPEN … FOR EXECUTE（本体の {0} 行目）',
  },
  'diag.pg.metaConnect': {
    en: "psql meta-command '{0}' switches database; spif keeps this file in one database (split it per database in spif.config.yaml)",
    ja: 'psql のメタコマンド {0} はデータベースを切り替えるが、spif はこのファイルを一つのデータベースとして読む（spif.config.yaml でデータベースごとにファイルを分ける）',
  },
  'diag.pg.copyUnterminated': {
    en: "the data of this COPY … FROM stdin is never ended by a line '\\.'; the rest of the file was taken as its data and not read",
    ja: "この COPY … FROM stdin のデータが '\\.' の行で終わっていない。ファイルの残りをそのデータとみなし、読んでいない",
  },
  'diag.pg.nul': {
    en: 'NUL byte (0x00) in this statement; PostgreSQL does not accept NUL in SQL text; statement skipped',
    ja: 'この文に NUL バイト（0x00）がある。PostgreSQL は SQL の文中の NUL を受け付けないため、この文を飛ばした',
  },
  'diag.pg.syntax': {
    en: '{0}; statement skipped (expected a valid PostgreSQL statement)',
    ja: 'PostgreSQL の文として構文解析できないため、この文を飛ばした（パーサーのメッセージ: {0}）',
  },
  'diag.pg.otherDialect': {
    en: 'this file looks like {0} ({1}), not PostgreSQL: {2} of its {3} statements could not be parsed as PostgreSQL (first: {4}), so the file is not read; read it as {0} with `dialect: {5}` in spif.config.yaml (for the project, or for this file under `sources:`) or with `--dialect {5}`',
    ja: 'このファイルは PostgreSQL ではなく {0} のもののようである（{1}）。{3} 個の文のうち {2} 個を PostgreSQL として構文解析できなかった（最初の文: {4}）ため、このファイルは読んでいない。{0} として読むには、spif.config.yaml に `dialect: {5}` を書く（プロジェクト全体、または `sources:` でこのファイルに）か、`--dialect {5}` を指定する',
  },
  'diag.pg.syntaxTooDeep': {
    en: 'nested too deeply for the parser ({0}); statement skipped (expected a valid PostgreSQL statement)',
    ja: '入れ子が深すぎて構文解析できないため、この文を飛ばした（パーサーのメッセージ: {0}）',
  },
  'diag.pg.couldNotRead': { en: 'could not read {0}: {1}', ja: '{0} を読めなかった: {1}' },
  'diag.pg.reassignOwned': {
    en: 'REASSIGN OWNED is not modelled: ownership is taken from CREATE/ALTER … OWNER TO',
    ja: 'REASSIGN OWNED はモデル化していない。所有者は CREATE／ALTER … OWNER TO から決める',
  },
  'diag.pg.dropOwned': {
    en: 'DROP OWNED is not modelled: privileges granted to the role are kept',
    ja: 'DROP OWNED はモデル化していない。そのロールに付与された権限は残したままとする',
  },
  'diag.pg.rule': {
    en: 'CREATE RULE {0} ON {1}: rules are not modelled (a DO INSTEAD/ALSO rule can redirect or copy rows)',
    ja: 'CREATE RULE {0} ON {1}: ルールはモデル化していない（DO INSTEAD／ALSO のルールは行の書込み先を変えたり、行を複写したりできる）',
  },
  'diag.pg.statementNotRead': { en: '{0} statement is not read by spif', ja: '{0} 文は spif が読まない' },
  'diag.pg.doUnanalysed': {
    en: 'DO block: {0}; the values it copies are not followed',
    ja: 'DO ブロック: {0}。複写する値は追跡しない',
  },
  'diag.pg.updateCopy': {
    en: 'UPDATE {0} SET c[…] or SET c.field: the values it copies are not followed (write them as INSERT … SELECT or a view to have them read)',
    ja: 'UPDATE {0} SET c[…] 又は SET c.field: 複写する値を追跡していない（読ませるには INSERT … SELECT 又はビューとして書く）',
  },
  'diag.pg.schemaWithoutName': { en: 'CREATE SCHEMA without a name', ja: '名前のない CREATE SCHEMA' },
  'diag.pg.alterTableNotRead': {
    en: 'ALTER TABLE … {0} is not read by spif',
    ja: 'ALTER TABLE … {0} は spif が読まない',
  },
  'diag.pg.objectNotRead': { en: '{0} of a {1} is not read by spif', ja: '{1} の {0} は spif が読まない' },
  'diag.pg.alterSchemaRename': {
    en: 'ALTER SCHEMA {0} RENAME is not modelled',
    ja: 'ALTER SCHEMA {0} RENAME はモデル化していない',
  },
  'diag.pg.dropCascadeType': {
    en: 'DROP … CASCADE of a {0}: PostgreSQL also drops the table columns of its types; spif keeps them',
    ja: '{0} の DROP … CASCADE: PostgreSQL はその型のテーブルの列も削除するが、spif は列を残す',
  },
  'diag.pg.alterFunctionSearchPath': {
    en: "ALTER FUNCTION {0} SET/RESET search_path: the body's names stay resolved with the path it was created with (put the SET clause in CREATE FUNCTION to have it applied)",
    ja: 'ALTER FUNCTION {0} SET／RESET search_path: 本体の名前は作成時のパスで解決したままとする（適用させるには CREATE FUNCTION に SET 句を書く）',
  },
} as const;
