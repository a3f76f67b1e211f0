/**
 * The messages of the sql-parser-cst core shared by the SQLite and BigQuery readers (and the MySQL
 * reader's fallback). A parser's own text is an argument, shown as the parser wrote it.
 */
export const CST_DIAGNOSTICS = {
  'diag.cst.couldNotParse': {
    en: 'could not parse this statement (sql-parser-cst {0}): {1}',
    ja: 'この文を構文解析できなかった（sql-parser-cst {0}）: {1}',
  },
  'diag.cst.couldNotParseWrite': {
    en: 'could not parse this statement (sql-parser-cst {0}): {1}; the values it copies are not followed',
    ja: 'この文を構文解析できなかった（sql-parser-cst {0}）: {1}。複写する値は追跡していない',
  },
  'diag.cst.statementNotRead': { en: 'statement not read ({0})', ja: '読まなかった文（{0}）' },
  'diag.cst.viewStarUnknown': {
    en: 'view selects * from {0}, which is not declared earlier in this file: its columns are unknown',
    ja: 'ビューが {0} から * を選択しているが、{0} はこのファイルの前の部分で定義されていないため、列は分からない',
  },
  'diag.cst.unterminated': {
    en: 'unterminated {0}: everything after it is part of it, to the end of the file; not read',
    ja: '{0}が閉じていない。ファイルの終わりまでがその一部となるため、読んでいない',
  },
  'diag.cst.what.comment': { en: '/* comment', ja: '/* のコメント' },
  'diag.cst.what.quote': { en: 'quoted string or identifier', ja: '引用符で囲んだ文字列又は識別子' },
  'diag.cst.what.block': {
    en: 'BEGIN/CASE block (no matching END)',
    ja: 'BEGIN／CASE のブロック（対応する END がない）',
  },
  'diag.cst.parenDepth': {
    en: 'parentheses nested {0} deep (more than {1}, not counting function calls and subqueries): sql-parser-cst takes exponential time on such a statement when it has an error, so it is not read',
    ja: '括弧の入れ子が {0} 段ある（関数呼出しと副問合せを除いて {1} 段を超える）。このような文に誤りがあると sql-parser-cst の処理時間が指数的に増えるため、読んでいない',
  },
  'diag.bigquery.iam': {
    en: 'BigQuery IAM GRANT/REVOKE is not modelled: spif does not read BigQuery access control',
    ja: 'BigQuery IAM の GRANT／REVOKE はモデル化していない。spif は BigQuery のアクセス制御を読まない',
  },
  'diag.bigquery.rowAccessPolicy': {
    en: 'BigQuery row access policies are not modelled',
    ja: 'BigQuery の行アクセスポリシーはモデル化していない',
  },
} as const;
