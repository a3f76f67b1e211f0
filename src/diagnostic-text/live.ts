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
