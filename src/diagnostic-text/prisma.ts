/**
 * The Prisma reader's messages (src/sources/prisma/). The parser's expectations and code as written
 * are arguments, shown as they are.
 */
export const PRISMA_DIAGNOSTICS = {
  'diag.prisma': { en: 'Prisma: {0}', ja: 'Prisma: {0}' },
  'diag.prisma.syntax': {
    en: 'Prisma schema syntax error at {0}{1}; this block is skipped',
    ja: '{0} で Prisma スキーマの構文誤り{1}。このブロックは読み飛ばした',
  },
  'diag.prisma.endOfFile': { en: 'the end of the file', ja: 'ファイルの終わり' },
  'diag.prisma.expected': { en: ' ({0})', ja: '（パーサーの説明: {0}）' },
  'diag.prisma.mongodb': {
    en: 'Prisma: the mongodb provider has no SQL tables; collections are read as tables without keys checked.',
    ja: 'Prisma: mongodb プロバイダーには SQL のテーブルがないため、コレクションをキーを確かめずにテーブルとして読んだ。',
  },
  'diag.prisma.provider': {
    en: 'Prisma: the datasource provider is {0}, the database is configured as {1}; names are read as {1}.',
    ja: 'Prisma: datasource の provider は {0} だが、データベースは {1} と設定されているため、名前は {1} として読んだ。',
  },
  'diag.prisma.unknownTag': {
    en: 'Prisma: unknown tag `@spif {0}`; expected `@spif number` or `@spif substitute`.',
    ja: 'Prisma: 不明なタグ `@spif {0}`。`@spif number` 又は `@spif substitute` を書く。',
  },
  'diag.prisma.modelTwice': {
    en: 'model {0} is declared twice; the first is used for relations.',
    ja: 'モデル {0} が二度宣言されている。リレーションには最初のものを使った。',
  },
  'diag.prisma.compositeField': {
    en: 'composite type field `{0}` (MongoDB) is not read.',
    ja: '複合型のフィールド `{0}`（MongoDB）は読んでいない。',
  },
  'diag.prisma.keyFields': {
    en: '@@{0} does not list fields of {1}; the key is not read.',
    ja: '@@{0} が {1} のフィールドを並べていないため、キーは読んでいない。',
  },
  'diag.prisma.relationFields': {
    en: '@relation of `{0}` does not name fields of {1} and {2} one for one; the link is not read.',
    ja: '`{0}` の @relation が {1} と {2} のフィールドを一対一で指していないため、リンクは読んでいない。',
  },
  'diag.prisma.manyToMany': {
    en: 'implicit many-to-many `{0}` needs a single @id on both models; the junction table is not read.',
    ja: '暗黙の多対多 `{0}` には両方のモデルに単一の @id が必要なため、中間テーブルは読んでいない。',
  },
  'diag.prisma.viewNoSql': {
    en: 'view {0} has no SQL in the Prisma schema; its lineage is unknown (add its CREATE VIEW as an SQL source of the same database).',
    ja: 'ビュー {0} は Prisma スキーマに SQL がないため、由来が分からない（同じデータベースの SQL ソースとしてその CREATE VIEW を加える）。',
  },
} as const;
