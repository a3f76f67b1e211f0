/**
 * The MySQL/MariaDB reader's diagnostic messages (src/sources/mysql/). A parser's own text
 * (node-sql-parser's "unexpected …") is an argument, shown as the parser wrote it.
 */
export const MYSQL_DIAGNOSTICS = {
  'diag.sql.tooDeep': {
    en: 'nested too deeply for the parser (it ran out of stack)',
    ja: '入れ子が深すぎてパーサーで読めない（パーサーのスタックが尽きた）',
  },
  'diag.mysql.expected': { en: 'expected {0}{1}', ja: '{0} があるはずの所に{1}' },
  'diag.mysql.unexpectedEnd': { en: 'unexpected end of statement', ja: '文が途中で終わっている' },
  'diag.mysql.found': { en: ', found "{0}"', ja: ' "{0}" がある' },
  'diag.mysql.atEnd': { en: ' at end of statement', ja: '文が終わっている' },
  'diag.mysql.what.word': { en: '{0}', ja: '{0}' },
  'diag.mysql.what.account': { en: 'an account name', ja: 'アカウント名' },
  'diag.mysql.what.privilege': { en: 'a privilege name', ja: '権限名' },
  'diag.mysql.what.level': { en: 'a privilege level (*.*, db.*, db.table)', ja: '権限のレベル（*.*、db.*、db.table）' },
  'diag.mysql.what.accountListEnd': { en: ', or the end of the account list', ja: '「,」又はアカウント一覧の終わり' },
  'diag.mysql.what.parameters': { en: '( and the parameter list', ja: '「(」とパラメーター一覧' },
  'diag.mysql.what.routineBody': { en: 'the routine body', ja: 'ルーチンの本体' },
  'diag.mysql.what.triggerBody': { en: 'the trigger body', ja: 'トリガーの本体' },
  'diag.mysql.what.routineName': { en: 'a routine name', ja: 'ルーチン名' },
  'diag.mysql.proxy': {
    en: '{0} PROXY is not modelled: a proxy user can act as {1}',
    ja: '{0} PROXY はモデル化していない。プロキシユーザーは {1} として振る舞える',
  },
  'diag.mysql.anotherAccount': { en: 'another account', ja: '別のアカウント' },
  'diag.mysql.revokeAll': {
    en: 'REVOKE ALL PRIVILEGES, GRANT OPTION FROM … (every privilege at every level) is not modelled',
    ja: 'REVOKE ALL PRIVILEGES, GRANT OPTION FROM …（すべてのレベルのすべての権限）はモデル化していない',
  },
  'diag.mysql.currentUser': {
    en: 'CURRENT_USER (the account running the script) is not known statically: ignored here',
    ja: 'CURRENT_USER（スクリプトを実行するアカウント）は静的には分からないため、ここでは無視した',
  },
  'diag.mysql.defaultRoleSelf': {
    en: 'SET DEFAULT ROLE without FOR/TO applies to the account running the script, which is not known statically: ignored',
    ja: 'FOR／TO のない SET DEFAULT ROLE はスクリプトを実行するアカウントに適用されるが、それは静的には分からないため無視した',
  },
  'diag.mysql.createLikeCopied': {
    en: 'CREATE TABLE {0} LIKE …: columns copied from the earlier declaration; keys are not',
    ja: 'CREATE TABLE {0} LIKE …: 列は前の定義から写したが、キーは写していない',
  },
  'diag.mysql.createLikeUnknown': {
    en: 'CREATE TABLE {0} LIKE …: the copied table is not declared earlier in this file, so its columns are unknown',
    ja: 'CREATE TABLE {0} LIKE …: 写し元のテーブルがこのファイルの前の部分で定義されていないため、列は分からない',
  },
  'diag.mysql.createAsSelect': {
    en: 'CREATE TABLE {0} … AS SELECT is not read: its columns come from a query',
    ja: 'CREATE TABLE {0} … AS SELECT は読まない。列は問合せから決まる',
  },
  'diag.mysql.viewStarUnknown': {
    en: 'view selects * from {0}, which is not declared earlier in this file: its columns are unknown',
    ja: 'ビューが {0} から * を選択しているが、{0} はこのファイルの前の部分で定義されていないため、列は分からない',
  },
  'diag.mysql.unterminatedQuote': {
    en: 'unterminated quoted string or identifier: everything after it is part of it, to the end of the file',
    ja: '引用符で囲んだ文字列又は識別子が閉じていない。ファイルの終わりまでがその一部となる',
  },
  'diag.mysql.unterminatedComment': {
    en: 'unterminated /* comment: everything after it is part of it, to the end of the file',
    ja: '/* のコメントが閉じていない。ファイルの終わりまでがその一部となる',
  },
  'diag.mysql.couldNotReadStatement': {
    en: 'could not read this statement: {0}',
    ja: 'この文を読めなかった: {0}',
  },
  'diag.mysql.couldNotParse': {
    en: 'could not parse this statement: {0}',
    ja: 'この文を構文解析できなかった: {0}',
  },
  'diag.mysql.couldNotParseBoth': {
    en: 'could not parse this statement: {0} (node-sql-parser; sql-parser-cst rejects it too)',
    ja: 'この文を構文解析できなかった: {0}（node-sql-parser。sql-parser-cst でも読めない）',
  },
  'diag.mysql.statementNotRead': { en: 'statement not read: {0} …', ja: '読まなかった文: {0} …' },
  'diag.mysql.expectedDatabase': { en: 'expected a database name', ja: 'データベース名があるはず' },
  'diag.mysql.noViewAs': {
    en: 'could not find the AS that starts the view query',
    ja: 'ビューの問合せを始める AS が見つからない',
  },
  'diag.mysql.viewHeader': { en: 'view header: {0}', ja: 'ビューの宣言部: {0}' },
  'diag.mysql.viewQuery': {
    en: 'view query: {0} (node-sql-parser; sql-parser-cst rejects it too)',
    ja: 'ビューの問合せ: {0}（node-sql-parser。sql-parser-cst でも読めない）',
  },
  // A routine body the reader stops at: the reason, also the function's unanalysed reason.
  // `{in}` parts are " in the body" in a routine and nothing in a script's own statement.
  'diag.mysql.inBody': { en: ' in the body', ja: '本体の' },
  'diag.mysql.scriptWrite': {
    en: '{0}: the values it copies are not followed',
    ja: '{0}。複写する値は追跡していない',
  },
  'diag.mysql.triggerBody': {
    en: 'trigger {0} on {1}: {2}; values it copies are not followed',
    ja: '{1} のトリガー {0}: {2}。複写する値は追跡していない',
  },
  'diag.mysql.body.dynamic': {
    en: 'dynamic SQL (PREPARE / EXECUTE): the statement it runs is not known statically',
    ja: '動的 SQL（PREPARE／EXECUTE）: 実行する文は静的には分からない',
  },
  'diag.mysql.body.statement': { en: 'statement {0}{1} is not read', ja: '{1}文 {0} は読まない' },
  'diag.mysql.body.noTable': {
    en: 'an {0}{1} names no table spif can read',
    ja: '{1}{0} は spif が読めるテーブルを指していない',
  },
  'diag.mysql.body.writeNotRead': { en: 'an {0}{1} is not read', ja: '{1}{0} は読まない' },
  'diag.mysql.body.updateNoTable': {
    en: 'an UPDATE{0} names no table spif can read',
    ja: '{0}UPDATE は spif が読めるテーブルを指していない',
  },
  'diag.mysql.body.multiUpdate': {
    en: 'a multiple-table UPDATE{0} is not read',
    ja: '{0}複数テーブルの UPDATE は読まない',
  },
  'diag.mysql.body.callNoRoutine': {
    en: 'a CALL{0} names no routine spif can read',
    ja: '{0}CALL は spif が読めるルーチンを指していない',
  },
  'diag.mysql.body.assignment': { en: 'an assignment{0} is not read', ja: '{0}代入は読まない' },
  'diag.mysql.body.queryNotRead': {
    en: 'node-sql-parser could not read a query{0}: {1}',
    ja: 'node-sql-parser が{0}問合せを読めなかった: {1}',
  },
  'diag.mysql.body.notSelect': { en: 'a query{0} is not a SELECT', ja: '{0}問合せが SELECT でない' },
} as const;
