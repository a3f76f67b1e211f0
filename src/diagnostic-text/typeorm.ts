/**
 * The TypeORM reader's messages (src/sources/typeorm/). Code as written (decorators, option
 * objects, class names) is an argument, shown as it is.
 */
export const TYPEORM_DIAGNOSTICS = {
  'diag.typeorm': { en: 'TypeORM: {0}', ja: 'TypeORM: {0}' },
  // Why a decorator wrapper cannot be followed (wrappers.ts).
  'diag.typeorm.why.tooDeep': {
    en: 'decorators wrap each other too deeply to follow',
    ja: 'デコレーターの入れ子が深すぎてたどれない',
  },
  'diag.typeorm.why.notName': { en: '`{0}` is not a name', ja: '`{0}` は名前でない' },
  'diag.typeorm.why.notFunction': {
    en: '{0} is not a function declared in {1}',
    ja: '{0} は {1} で宣言された関数でない',
  },
  'diag.typeorm.why.noDecorator': {
    en: '{0} returns no decorator spif can read',
    ja: '{0} は spif が読めるデコレーターを返さない',
  },
  'diag.typeorm.why.doesMore': {
    en: 'it returns a function that does more than apply decorators (`{0}`), e.g. registers the property for a runtime strategy',
    ja: 'デコレーターの適用以外のこともする関数を返す（`{0}`。例えば実行時の処理のためにプロパティを登録する）',
  },
  'diag.typeorm.why.returnsOther': {
    en: 'it returns `{0}`, which is no decorator call',
    ja: 'デコレーターの呼出しでない `{0}` を返す',
  },
  'diag.typeorm.why.applyNotCall': {
    en: 'applyDecorators({0}) is not a decorator call',
    ja: 'applyDecorators({0}) はデコレーターの呼出しでない',
  },
  'diag.typeorm.why.exportedBySeveral': {
    en: "{0} is exported by {1} scanned files; which one '{2}' means is not known",
    ja: "{0} を export するファイルが {1} 個あり、'{2}' がどれを指すか分からない",
  },
  'diag.typeorm.why.importedFromOther': {
    en: "it is imported from '{0}', which is not among the files read as TypeORM sources",
    ja: "TypeORM のソースとして読んだファイルにない '{0}' から import されている",
  },
  'diag.typeorm.why.declaredNowhere': {
    en: '{0} is declared nowhere in the scanned files',
    ja: '{0} は読んだファイルのどこにも宣言されていない',
  },
  // declarations.ts
  'diag.typeorm.baseNotClass': {
    en: 'base class expression `{0}` is not a class name; inherited columns are not read.',
    ja: '基底クラスの式 `{0}` がクラス名でないため、継承した列は読んでいない。',
  },
  'diag.typeorm.anonymous': {
    en: 'an anonymous entity class cannot be referenced; it is read without a class name.',
    ja: '無名のエンティティクラスは参照できないため、クラス名なしで読んだ。',
  },
  'diag.typeorm.computedDecorator': {
    en: 'computed decorator `@{0}` is not read.',
    ja: '計算で決まるデコレーター `@{0}` は読んでいない。',
  },
  'diag.typeorm.inheritanceOptions': {
    en: '@{0} options `{1}` are not an object literal; no discriminator column is read.',
    ja: '@{0} のオプション `{1}` がオブジェクトリテラルでないため、識別列は読んでいない。',
  },
  'diag.typeorm.inheritancePattern': {
    en: "@{0} pattern `{1}` is not 'STI', the one pattern TypeORM implements; single-table inheritance is assumed.",
    ja: "@{0} の pattern `{1}` は TypeORM が実装する唯一のパターン 'STI' でないため、単一テーブル継承とみなした。",
  },
  'diag.typeorm.discriminatorColumn': {
    en: '@{0} column `{1}` is not a literal; no discriminator column is read.',
    ja: '@{0} の column `{1}` がリテラルでないため、識別列は読んでいない。',
  },
  'diag.typeorm.treeType': {
    en: "@{0} type {1} is not one of 'adjacency-list', 'closure-table', 'nested-set', 'materialized-path'; the tree's columns and closure table are not read.",
    ja: "@{0} の type {1} は 'adjacency-list'、'closure-table'、'nested-set'、'materialized-path' のいずれでもないため、木構造の列と閉包テーブルは読んでいない。",
  },
  'diag.typeorm.none': { en: '(none)', ja: '（なし）' },
  'diag.typeorm.treeOptions': {
    en: '@{0} options `{1}` are not an object literal; default closure names are assumed.',
    ja: '@{0} のオプション `{1}` がオブジェクトリテラルでないため、閉包テーブルの既定の名前とみなした。',
  },
  'diag.typeorm.closureNamer': {
    en: "@{0} {1} `{2}` is not a function joining literals and the column's propertyName or databaseName; TypeORM's default name is assumed.",
    ja: '@{0} の {1} `{2}` がリテラルと列の propertyName 又は databaseName をつなぐ関数でないため、TypeORM の既定の名前とみなした。',
  },
  'diag.typeorm.uniqueColumns': {
    en: '@{0} columns `{1}` are not a literal list of property names; the unique key is not read.',
    ja: '@{0} の列 `{1}` がプロパティ名のリテラルの並びでないため、一意キーは読んでいない。',
  },
  'diag.typeorm.unknownTag': {
    en: 'unknown tag `@spif {0}`; expected `@spif number` or `@spif substitute`.',
    ja: '不明なタグ `@spif {0}`。`@spif number` 又は `@spif substitute` を書く。',
  },
  'diag.typeorm.decoratorNotRead': { en: '@{0} is not read.', ja: '@{0} は読んでいない。' },
  'diag.typeorm.joinWithoutRelation': {
    en: '@JoinColumn/@JoinTable on `{0}` without a relation decorator is not read.',
    ja: 'リレーションのデコレーターのない `{0}` の @JoinColumn／@JoinTable は読んでいない。',
  },
  'diag.typeorm.classDecoratorUnresolved': {
    en: 'class decorator @{0} cannot be followed ({1}); it is not read.',
    ja: 'クラスデコレーター @{0} をたどれない（{1}）ため、読んでいない。',
  },
  'diag.typeorm.embeddedType': {
    en: 'embedded column type `{0}` is not a class name; `{1}` is not read.',
    ja: '埋込み列の型 `{0}` がクラス名でないため、`{1}` は読んでいない。',
  },
  'diag.typeorm.embeddedPrefix': {
    en: 'embedded `prefix` `{0}` is not a literal; the default prefix is used.',
    ja: '埋込みの `prefix` `{0}` がリテラルでないため、既定の接頭辞を使った。',
  },
  'diag.typeorm.commentNotLiteral': {
    en: 'column comment `{0}` is not a literal; it is not read.',
    ja: '列のコメント `{0}` がリテラルでないため、読んでいない。',
  },
  'diag.typeorm.targetNotClass': {
    en: 'relation target `{0}` of `{1}` is not a class name; the link is not read.',
    ja: '`{1}` のリレーション先 `{0}` がクラス名でないため、リンクは読んでいない。',
  },
  'diag.typeorm.joinOptions': {
    en: '{0} options `{1}` are not an object literal; default join columns are assumed.',
    ja: '{0} のオプション `{1}` がオブジェクトリテラルでないため、既定の結合列とみなした。',
  },
  'diag.typeorm.joinTableOptions': {
    en: '@JoinTable options `{0}` are not an object literal; default names are assumed.',
    ja: '@JoinTable のオプション `{0}` がオブジェクトリテラルでないため、既定の名前とみなした。',
  },
  'diag.typeorm.dynamicOption': {
    en: '{0} option `{1}` is not statically known (spread or computed key); it is not read.',
    ja: '{0} のオプション `{1}` は静的には分からない（スプレッド又は計算されるキー）ため、読んでいない。',
  },
  'diag.typeorm.nameNotConstant': {
    en: "{0} `{1}` is not a string literal or constant; TypeORM's default name is assumed.",
    ja: '{0} `{1}` が文字列リテラルでも定数でもないため、TypeORM の既定の名前とみなした。',
  },
  'diag.typeorm.columnNameOf': { en: 'column name of `{0}`', ja: '`{0}` の列名' },
  // build.ts
  'diag.typeorm.treeOnChild': {
    en: '@Tree on @ChildEntity {0} is not read; its tree columns and closure table are not known.',
    ja: '@ChildEntity {0} の @Tree は読んでいないため、木構造の列と閉包テーブルは分からない。',
  },
  'diag.typeorm.closureNoPrimary': {
    en: 'closure table of {0}: entity {1} has no primary column, so the closure table has no column.',
    ja: '{0} の閉包テーブル: エンティティ {1} に主キー列がないため、閉包テーブルに列がない。',
  },
  'diag.typeorm.childNoRoot.columns': {
    en: '@ChildEntity {0}: no base class is an @Entity with @TableInheritance in the scanned files, so its table is not known; its columns ({1}) are not read.',
    ja: '@ChildEntity {0}: 読んだファイルに @TableInheritance のある @Entity の基底クラスがないため、テーブルが分からない。列（{1}）は読んでいない。',
  },
  'diag.typeorm.childNoRoot.none': {
    en: '@ChildEntity {0}: no base class is an @Entity with @TableInheritance in the scanned files, so its table is not known; it declares no column.',
    ja: '@ChildEntity {0}: 読んだファイルに @TableInheritance のある @Entity の基底クラスがないため、テーブルが分からない。列は宣言していない。',
  },
  'diag.typeorm.unresolvedProperties.one': {
    en: 'TypeORM: @{0} cannot be followed ({1}); its property is still read: {2}',
    ja: 'TypeORM: @{0} をたどれない（{1}）が、プロパティは読んだ: {2}',
  },
  'diag.typeorm.unresolvedProperties.many': {
    en: 'TypeORM: @{0} cannot be followed ({1}); its {2} properties are still read: {3}',
    ja: 'TypeORM: @{0} をたどれない（{1}）が、プロパティ {2} 個は読んだ: {3}',
  },
  'diag.typeorm.use': { en: '{0} ({1})', ja: '{0}（{1}）' },
  'diag.typeorm.emptyEmbedded.one': {
    en: 'TypeORM: embedded class {0} declares no column in the scanned files, so it adds none; columns a program adds at runtime (custom fields from its configuration) are not seen.',
    ja: 'TypeORM: 埋込みクラス {0} は読んだファイルで列を宣言していないため、列を加えない。プログラムが実行時に加える列（設定による独自項目）は見えない。',
  },
  'diag.typeorm.emptyEmbedded.many': {
    en: 'TypeORM: {0} embedded classes {1} declare no column in the scanned files, so they add none; columns a program adds at runtime (custom fields from its configuration) are not seen.',
    ja: 'TypeORM: 埋込みクラス {0} 個（{1}）は読んだファイルで列を宣言していないため、列を加えない。プログラムが実行時に加える列（設定による独自項目）は見えない。',
  },
  'diag.typeorm.embeddedRelations': {
    en: 'relations inside embedded class {0} are not read.',
    ja: '埋込みクラス {0} の中のリレーションは読んでいない。',
  },
  'diag.typeorm.targetNoPrimary': {
    en: 'entity {0} has no primary column, so the join column of `{1}` is unknown; the link is not read.',
    ja: 'エンティティ {0} に主キー列がないため `{1}` の結合列が分からず、リンクは読んでいない。',
  },
  'diag.typeorm.referencedNotProperty': {
    en: 'referencedColumnName `{0}` is not a property of {1}; the link is not read.',
    ja: 'referencedColumnName `{0}` は {1} のプロパティでないため、リンクは読んでいない。',
  },
  'diag.typeorm.uniqueNotColumn': {
    en: 'unique key names `{0}`, which is not a column of {1}; the key is not read.',
    ja: '一意キーが {1} の列でない `{0}` を指しているため、キーは読んでいない。',
  },
  'diag.typeorm.viewSqlUnread': {
    en: 'the SQL of view {0} could not be read; its lineage is unknown.',
    ja: 'ビュー {0} の SQL を読めなかったため、由来が分からない。',
  },
  'diag.typeorm.viewSqlDialect': {
    en: 'view {0}: SQL view text is read for PostgreSQL databases only (this one is {1}); its lineage is unknown.',
    ja: 'ビュー {0}: SQL のビュー定義を読むのは PostgreSQL のデータベースだけ（このデータベースは {1}）のため、由来が分からない。',
  },
  'diag.typeorm.viewBuilder': {
    en: 'view {0}: expression is a query-builder function; its lineage is unknown.',
    ja: 'ビュー {0}: 式がクエリビルダーの関数のため、由来が分からない。',
  },
  'diag.typeorm.viewNotLiteral': {
    en: 'view {0}: expression is not a string literal; its lineage is unknown.',
    ja: 'ビュー {0}: 式が文字列リテラルでないため、由来が分からない。',
  },
  'diag.typeorm.viewNoExpression': {
    en: 'view {0} has no expression; its lineage is unknown.',
    ja: 'ビュー {0} に式がないため、由来が分からない。',
  },
  'diag.typeorm.classNotDeclared': {
    en: '{0} {1} is not declared in the scanned files; its columns are not read.',
    ja: '{0} {1} は読んだファイルで宣言されていないため、列は読んでいない。',
  },
  'diag.typeorm.what.baseClass': { en: 'base class', ja: '基底クラス' },
  'diag.typeorm.what.embeddedClass': { en: 'embedded class', ja: '埋込みクラス' },
  'diag.typeorm.targetNotEntity': {
    en: 'relation target {0} is not an entity of the scanned files; the link is not read.',
    ja: 'リレーション先 {0} は読んだファイルのエンティティでないため、リンクは読んでいない。',
  },
  'diag.typeorm.targetChildNoTable': {
    en: 'relation target {0} is a @ChildEntity without a table (reported there); the link is not read.',
    ja: 'リレーション先 {0} はテーブルのない @ChildEntity（そちらで報告）のため、リンクは読んでいない。',
  },
  'diag.typeorm.declaredTwice': {
    en: '{0} is declared in several files ({1}); the first is used.',
    ja: '{0} は複数のファイル（{1}）で宣言されている。最初のものを使った。',
  },
} as const;
