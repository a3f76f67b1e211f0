/**
 * The Drizzle reader's messages (src/sources/drizzle/). Code as written is an argument, shown as it is.
 */
export const DRIZZLE_DIAGNOSTICS = {
  'diag.drizzle': { en: 'Drizzle: {0}', ja: 'Drizzle: {0}' },
  'diag.drizzle.otherDialect': {
    en: '{0} is a {1} table in a {2} database; it is read with {1} naming.',
    ja: '{0} は {2} のデータベースにある {1} のテーブルのため、{1} の命名規則で読んだ。',
  },
  'diag.drizzle.relationFields': {
    en: 'relation fields of {0} are not all its columns; the link is not read.',
    ja: '{0} のリレーションの fields がすべてその列ではないため、リンクは読んでいない。',
  },
  'diag.drizzle.viewSqlUnread': {
    en: 'the SQL of view {0} could not be read; its lineage is unknown.',
    ja: 'ビュー {0} の SQL を読めなかったため、由来が分からない。',
  },
  'diag.drizzle.viewSqlDialect': {
    en: 'view {0}: SQL view text is read for PostgreSQL databases only; its lineage is unknown.',
    ja: 'ビュー {0}: SQL のビュー定義を読むのは PostgreSQL のデータベースだけのため、由来が分からない。',
  },
  'diag.drizzle.viewBuilder': {
    en: 'view {0} is defined with the query builder or sql with substitutions; its lineage is unknown.',
    ja: 'ビュー {0} はクエリビルダー又は置換のある sql で定義されているため、由来が分からない。',
  },
  'diag.drizzle.targetMissing': {
    en: '{0} is not a table of the scanned files; the link from {1} is not read.',
    ja: '{0} は読んだファイルのテーブルでないため、{1} からのリンクは読んでいない。',
  },
  'diag.drizzle.targetsSeveral': {
    en: 'referenced columns of {0} are not of one table; the link is not read.',
    ja: '{0} が参照する列が一つのテーブルのものでないため、リンクは読んでいない。',
  },
  'diag.drizzle.notColumnOf': {
    en: '{0} is not a column of {1}; the link is not read.',
    ja: '{0} は {1} の列でないため、リンクは読んでいない。',
  },
  'diag.drizzle.casing': {
    en: 'the `casing` option is not applied: column names are read as written (first builder argument, else the object key).',
    ja: '`casing` オプションは適用していない。列名は書かれたとおり（ビルダーの第 1 引数、なければオブジェクトのキー）に読んだ。',
  },
  'diag.drizzle.schemaName': {
    en: 'schema name `{0}` is not a string literal; tables of `{1}` are not read.',
    ja: 'スキーマ名 `{0}` が文字列リテラルでないため、`{1}` のテーブルは読んでいない。',
  },
  'diag.drizzle.tableCreator': {
    en: '{0} computes table names at run time; tables made with `{1}` are not read.',
    ja: '{0} はテーブル名を実行時に決めるため、`{1}` で作るテーブルは読んでいない。',
  },
  'diag.drizzle.defineRelations': {
    en: 'defineRelations (relational queries v2) is not read; its links are not known.',
    ja: 'defineRelations（relational queries v2）は読んでいないため、そのリンクは分からない。',
  },
  'diag.drizzle.factoryUnread': {
    en: '`{0}` is made by {1}(…), which does not return a table builder call spif can read; its table is not read.',
    ja: '`{0}` は {1}(…) が作るが、{1} は spif が読めるテーブルビルダーの呼出しを返さないため、テーブルは読んでいない。',
  },
  'diag.drizzle.factoryUndeclared': {
    en: '`{0}` is made by {1}(…), which is declared in no scanned file; its table is not read.',
    ja: '`{0}` は {1}(…) が作るが、{1} は読んだどのファイルにも宣言されていないため、テーブルは読んでいない。',
  },
  'diag.drizzle.tableName': {
    en: 'table name `{0}` of `{1}` is not a string literal; the table is not read.',
    ja: '`{1}` のテーブル名 `{0}` が文字列リテラルでないため、テーブルは読んでいない。',
  },
  'diag.drizzle.columnsNotObject': {
    en: 'columns of table {0} are not an object literal; they are not read.',
    ja: 'テーブル {0} の列がオブジェクトリテラルでないため、読んでいない。',
  },
  'diag.drizzle.spreadCall': {
    en: 'spread `{0}` in table {1} calls a function spif cannot follow to an object literal of the scanned files (a top-level function whose one return is `{ … }`); its columns are not read.',
    ja: 'テーブル {1} のスプレッド `{0}` が呼ぶ関数を、読んだファイルのオブジェクトリテラルまでたどれない（読めるのは、`{ … }` を一つだけ返すトップレベルの関数）ため、その列は読んでいない。',
  },
  'diag.drizzle.spreadOther': {
    en: 'spread `{0}` in table {1} is not an object literal of the scanned files; its columns are not read.',
    ja: 'テーブル {1} のスプレッド `{0}` が読んだファイルのオブジェクトリテラルでないため、その列は読んでいない。',
  },
  'diag.drizzle.notBuilder': {
    en: '`{0}` in table {1} is not a column builder; it is not read.',
    ja: 'テーブル {1} の `{0}` は列ビルダーでないため、読んでいない。',
  },
  'diag.drizzle.computedKey': {
    en: 'computed column key `{0}` in table {1} is not read.',
    ja: 'テーブル {1} の計算される列のキー `{0}` は読んでいない。',
  },
  'diag.drizzle.notBuilderCall': {
    en: 'column `{0}` of table {1} is not a column builder call; it is not read.',
    ja: 'テーブル {1} の列 `{0}` は列ビルダーの呼出しでないため、読んでいない。',
  },
  'diag.drizzle.unknownTag': {
    en: 'unknown tag `@spif {0}`; expected `@spif number` or `@spif substitute`.',
    ja: '不明なタグ `@spif {0}`。`@spif number` 又は `@spif substitute` を書く。',
  },
  'diag.drizzle.columnName': {
    en: 'column name `{0}` is not a string literal; the key `{1}` is used.',
    ja: '列名 `{0}` が文字列リテラルでないため、キー `{1}` を使った。',
  },
  'diag.drizzle.referencesForm': {
    en: '`{0}` does not name a column as `() => table.column`; the link is not read.',
    ja: '`{0}` は列を `() => table.column` の形で指していないため、リンクは読んでいない。',
  },
  'diag.drizzle.extraNotFunction': {
    en: 'extra config of table {0} is not a function literal; its keys are not read.',
    ja: 'テーブル {0} の追加設定が関数リテラルでないため、キーは読んでいない。',
  },
  'diag.drizzle.extraNotList': {
    en: 'extra config of table {0} does not return an array or object literal; its keys are not read.',
    ja: 'テーブル {0} の追加設定が配列又はオブジェクトのリテラルを返さないため、キーは読んでいない。',
  },
  'diag.drizzle.extraItem': { en: '`{0}` in table {1} is not read.', ja: 'テーブル {1} の `{0}` は読んでいない。' },
  'diag.drizzle.primaryKey': {
    en: 'primaryKey columns of table {0} are not read (expected `{1}.column` items).',
    ja: 'テーブル {0} の primaryKey の列は読んでいない（`{1}.column` の並びを書く）。',
  },
  'diag.drizzle.unique': {
    en: '{0} columns of table {1} are not read (expected `.on({2}.column, …)`).',
    ja: 'テーブル {1} の {0} の列は読んでいない（`.on({2}.column, …)` を書く）。',
  },
  'diag.drizzle.foreignKey': {
    en: 'foreignKey of table {0} is not read (expected `{ columns: [t.a], foreignColumns: [other.b] }`).',
    ja: 'テーブル {0} の foreignKey は読んでいない（`{ columns: [t.a], foreignColumns: [other.b] }` を書く）。',
  },
  'diag.drizzle.viewName': {
    en: 'view name of `{0}` is not a string literal; the view is not read.',
    ja: '`{0}` のビュー名が文字列リテラルでないため、ビューは読んでいない。',
  },
  'diag.drizzle.relationsForm': {
    en: 'relations() is not of the form `relations(table, ({ one, many }) => ({ … }))`; its links are not read.',
    ja: 'relations() が `relations(table, ({ one, many }) => ({ … }))` の形でないため、リンクは読んでいない。',
  },
  'diag.drizzle.relationsNotObject': {
    en: 'relations() does not return an object literal; its links are not read.',
    ja: 'relations() がオブジェクトリテラルを返さないため、リンクは読んでいない。',
  },
  'diag.drizzle.relationFieldsForm': {
    en: 'relation `{0}` does not list `fields` and `references` as table columns; the link is not read.',
    ja: 'リレーション `{0}` は `fields` と `references` をテーブルの列として並べていないため、リンクは読んでいない。',
  },
} as const;
