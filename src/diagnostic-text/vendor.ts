/**
 * The Oracle, SQL Server and Db2 readers' messages (src/sources/{vendor,oracle,sqlserver,db2}/).
 * Statement words and names from the sources are arguments, shown as they are.
 */
export const VENDOR_DIAGNOSTICS = {
  'diag.vendor.unterminatedQuote': {
    en: 'unterminated quoted string, identifier or comment: everything after it is part of it, to the end of the file',
    ja: '閉じていない引用符付きの文字列・識別子又はコメントがあるため、ファイルの終わりまでその一部として読んだ',
  },
  'diag.vendor.unterminatedPlsql': {
    en: 'a PL/SQL block that is not ended by END; and a line holding only /: everything after it, to the end of the file, is read as part of it',
    ja: 'END; と / だけの行で終わっていない PL/SQL ブロックがあるため、ファイルの終わりまでその一部として読んだ',
  },
  'diag.vendor.unterminatedBegin': {
    en: 'a BEGIN … END block without its END: everything after it, to the end of the file, is read as part of it',
    ja: 'END のない BEGIN … END ブロックがあるため、ファイルの終わりまでその一部として読んだ',
  },
  'diag.vendor.notRead': {
    en: 'statement not read: {0} … (spif does not model this kind of statement; see docs/parsers.md)',
    ja: '文を読んでいない: {0} …（spif はこの種類の文をモデル化していない。docs/parsers.md を参照）',
  },
  'diag.vendor.couldNotRead': {
    en: 'could not read this statement: {0}',
    ja: 'この文を読めなかった: {0}',
  },
  'diag.db2.dropRcac': {
    en: "DROP {0}: the RCAC object is dropped by name, which spif does not track to its table; the table's rules stay as read",
    ja: 'DROP {0}: RCAC のオブジェクトは名前だけで削除され、spif はそのテーブルまでたどらないため、テーブルの規則は読んだとおりのままとした',
  },
  'diag.db2.columnSelect': {
    en: 'Db2 has no column-level SELECT (column lists are for UPDATE and REFERENCES): this GRANT fails in the database and is not applied',
    ja: 'Db2 には列単位の SELECT がない（列の並びは UPDATE と REFERENCES のためのもの）。この GRANT はデータベースで失敗するため、適用していない',
  },
  'diag.db2.alterRcac': {
    en: 'ALTER PERMISSION/MASK names the RCAC object only: spif keeps the state it had when created',
    ja: 'ALTER PERMISSION/MASK は RCAC のオブジェクトを名前で指すだけのため、作成時の状態のままとした',
  },
  'diag.vendor.bodyNotFollowed': {
    en: 'the {0} body is not read: {1} ({2})',
    ja: '{0}の本体を読めていない: {1}（{2}）',
  },
  'diag.vendor.callUndefined': {
    en: 'it calls {0} (passing {1}), which is not defined in the sources: what it does with them is not known',
    ja: '{0} を呼び出す（{1} を渡す）が、{0} はソースで定義されていないため、渡した値をどうするかは分からない',
  },
  'diag.vendor.callNoMatch': {
    en: 'it calls {0} (passing {1}), but no routine of that name takes these {2} argument(s): what it does with them is not known',
    ja: '{0} を呼び出す（{1} を渡す）が、その名前のルーチンでこの {2} 個の引数を取るものがないため、渡した値をどうするかは分からない',
  },
  'diag.vendor.callUnanalysed': {
    en: 'it calls {0} (passing {1}), and {2} was not read ({3})',
    ja: '{0} を呼び出す（{1} を渡す）が、{2} を読めていない（{3}）',
  },
  'diag.vendor.callHandsBack': {
    en: 'it calls {0}, which hands back values ({1}: OUT parameters, result sets or a returned value) that are not followed',
    ja: '{0} を呼び出すが、{0} が返す値（{1}: OUT パラメーター、結果セット又は戻り値）は追跡しない',
  },
  'diag.vendor.triggerCallHandsBack': {
    en: 'trigger {0} on {1} calls {2}, which hands back values ({3}: OUT parameters, result sets or a returned value): what the trigger does with them is not followed',
    ja: '{1} のトリガー {0} は {2} を呼び出すが、{2} が返す値（{3}: OUT パラメーター、結果セット又は戻り値）をトリガーがどう使うかは追跡しない',
  },

  // cursor.ts: a statement that does not read (StatementSyntaxError)
  'diag.vendor.syntax.found': { en: '{0}, found {1}', ja: '{0}（{1} があった）' },
  'diag.vendor.syntax.atEnd': { en: '{0} at the end of the statement', ja: '{0}（文の終わりに達した）' },
  'diag.vendor.syntax.expected': { en: 'expected {0}', ja: '{0} が必要' },
  'diag.vendor.syntax.unexpectedEnd': { en: 'unexpected end of the statement', ja: '文が途中で終わっている' },
  'diag.vendor.what.name': { en: 'a name', ja: '名前' },
  'diag.vendor.what.columnName': { en: 'a column name', ja: '列名' },
  'diag.vendor.what.constraintName': { en: 'a constraint name', ja: '制約名' },
  'diag.vendor.what.maskingFunction': { en: 'the masking function', ja: 'マスキング関数' },
  'diag.vendor.what.comment': { en: 'the comment', ja: 'コメント' },
  'diag.vendor.what.schemaName': { en: 'a schema name', ja: 'スキーマ名' },
  'diag.vendor.what.userName': { en: 'a user name', ja: 'ユーザー名' },
  'diag.vendor.what.roleName': { en: 'a role name', ja: 'ロール名' },
  'diag.vendor.what.userOrRole': { en: 'a user or role', ja: 'ユーザー又はロール' },
  'diag.vendor.what.user': { en: 'a user', ja: 'ユーザー' },
  'diag.vendor.what.connectString': { en: 'the connect string', ja: '接続文字列' },
  'diag.vendor.what.principal': { en: 'a principal', ja: 'プリンシパル' },
  'diag.vendor.what.login': { en: 'a login', ja: 'ログイン' },
  'diag.vendor.what.owner': { en: 'an owner', ja: '所有者' },
  'diag.vendor.what.schema': { en: 'a schema', ja: 'スキーマ' },
  'diag.vendor.what.authorizationName': { en: 'an authorization name', ja: '許可 ID' },
  'diag.vendor.what.userGroupOrRole': { en: 'a user, group or role', ja: 'ユーザー・グループ又はロール' },
  'diag.vendor.what.role': { en: 'a role', ja: 'ロール' },
  'diag.vendor.what.string': { en: 'a string', ja: '文字列' },
  // ddl.ts
  'diag.vendor.createTableLike': {
    en: "CREATE TABLE … LIKE copies another table's columns, which spif does not read yet:",
    ja: 'CREATE TABLE … LIKE は別のテーブルの列を複写するが、spif はまだ読まない:',
  },
  'diag.vendor.createTableOf': {
    en: 'CREATE TABLE … OF type (an object table) is not read:',
    ja: 'CREATE TABLE … OF 型（オブジェクト表）は読まない:',
  },
  'diag.vendor.commentColumn': {
    en: 'COMMENT ON COLUMN needs table.column',
    ja: 'COMMENT ON COLUMN には テーブル.列 が必要',
  },
  'diag.vendor.materializedView': {
    en: 'materialized views are read as views only in PostgreSQL; this',
    ja: 'マテリアライズド・ビューをビューとして読むのは PostgreSQL だけで、この文は読まない',
  },
  'diag.vendor.bequeathCurrentUser': {
    en: "BEQUEATH CURRENT_USER concerns functions called by the view; its tables are still read with the owner's rights",
    ja: 'BEQUEATH CURRENT_USER はビューが呼び出す関数についての指定で、ビューのテーブルは引き続き所有者の権限で読む',
  },
  'diag.vendor.noQuery': { en: 'the view has no query', ja: 'ビューに問合せがない' },
  'diag.vendor.viewQuery': { en: 'view query: {0}', ja: 'ビューの問合せ: {0}' },
  'diag.vendor.viewStarUnknown': {
    en: 'view selects * from {0}, not declared earlier in this file: its columns are unknown',
    ja: 'ビューが {0} から * を選択しているが、このファイルのそれより前で宣言されていないため、列が分からない',
  },
  // copies.ts, merge.ts: writes that are not read
  'diag.vendor.writeUnread': {
    en: '{0} is not read: the values it copies are not followed',
    ja: '{0} を読んでいないため、複写する値は追跡しない',
  },
  'diag.vendor.write.insertAll': { en: 'a multitable INSERT ALL | FIRST', ja: '複数テーブルへの INSERT ALL | FIRST' },
  'diag.vendor.write.insertExec': {
    en: 'INSERT … EXEC (the rows a procedure returns)',
    ja: 'INSERT … EXEC（プロシージャが返す行）',
  },
  'diag.vendor.write.insertValuesSubquery': {
    en: 'INSERT … VALUES with a subquery',
    ja: '副問合せを含む INSERT … VALUES',
  },
  'diag.vendor.write.updateSetList': { en: 'UPDATE … SET (a, b) = (SELECT …)', ja: 'UPDATE … SET (a, b) = (SELECT …)' },
  'diag.vendor.write.selectInto': { en: 'SELECT … INTO ({0})', ja: 'SELECT … INTO（{0}）' },
  'diag.vendor.write.query': { en: 'its query ({0})', ja: 'その問合せ（{0}）' },
  'diag.vendor.write.mergeRemote': {
    en: 'a MERGE into a remote object (t@link)',
    ja: 'リモートのオブジェクト（t@link）への MERGE',
  },
  'diag.vendor.write.mergeSetList': { en: 'MERGE … UPDATE SET (a, b) = (…)', ja: 'MERGE … UPDATE SET (a, b) = (…)' },
  'diag.vendor.write.mergeRenamed': {
    en: 'a MERGE whose source renames its columns (USING … AS s (a, b))',
    ja: 'ソースの列名を付け替える MERGE（USING … AS s (a, b)）',
  },
  'diag.vendor.triggerCompound': {
    en: "trigger {0} on {1}: a compound trigger's timing-point sections are not read; the values it copies are not followed",
    ja: '{1} のトリガー {0}: 複合トリガーのタイミング・ポイントのセクションを読んでいないため、複写する値は追跡しない',
  },
  'diag.vendor.triggerProblems': {
    en: 'trigger {0} on {1}: {2}; the values it copies are not followed',
    ja: '{1} のトリガー {0}: {2}。複写する値は追跡しない',
  },
  // routine-body.ts: why a body is not (fully) read
  'diag.vendor.body.notRead': { en: '{0} in the body is not read', ja: '本体の{0}を読んでいない' },
  'diag.vendor.body.notFollowed': { en: '{0} in the body is not followed', ja: '本体の{0}は追跡しない' },
  'diag.vendor.body.couldNotRead': { en: '{0} in the body could not be read', ja: '本体の{0}を読めなかった' },
  'diag.vendor.body.an.insert': { en: 'an INSERT', ja: ' INSERT 文' },
  'diag.vendor.body.an.update': { en: 'an UPDATE', ja: ' UPDATE 文' },
  'diag.vendor.body.a.merge': { en: 'a MERGE', ja: ' MERGE ' },
  'diag.vendor.body.a.cursor': { en: 'a cursor', ja: 'カーソル' },
  'diag.vendor.body.insertRemote': {
    en: 'an INSERT into a remote object (t@link)',
    ja: 'リモートのオブジェクト（t@link）への INSERT ',
  },
  'diag.vendor.body.selectIntoTable': { en: 'SELECT … INTO a table', ja: 'テーブルへの SELECT … INTO ' },
  'diag.vendor.body.outerName': {
    en: 'it uses {0}, declared in package {1} outside this subprogram (a package variable, cursor or subprogram), which is not followed',
    ja: 'このサブプログラムの外でパッケージ {1} に宣言された {0}（パッケージ変数・カーソル又はサブプログラム）を使うが、それは追跡しない',
  },
  'diag.vendor.body.external': {
    en: 'an external routine: its code is not in the sources',
    ja: '外部ルーチンで、そのコードはソースにない',
  },
  'diag.vendor.body.callSpec': {
    en: 'a call specification (AS LANGUAGE C | JAVA): its code is not in the sources',
    ja: 'コール仕様（AS LANGUAGE C | JAVA）で、そのコードはソースにない',
  },
  'diag.vendor.body.notFound': { en: 'the body was not found', ja: '本体が見つからない' },
  'diag.vendor.body.statement': { en: "the body's {0} statement is not read", ja: '本体の {0} 文を読んでいない' },
  'diag.vendor.body.assignment': { en: 'an assignment in the body is not read', ja: '本体の代入を読んでいない' },
  'diag.vendor.body.dynamic': { en: '{0} of dynamic SQL is not followed', ja: '動的 SQL の {0} は追跡しない' },
  'diag.vendor.body.unnamedCall': { en: 'a {0} it cannot name', ja: '呼出し先の名前が分からない {0}' },
  'diag.vendor.body.dynamicCall': { en: '{0} (dynamic SQL) is not followed', ja: '{0}（動的 SQL）は追跡しない' },
  'diag.vendor.body.nested': {
    en: 'a {0} declared in the body is not read',
    ja: '本体で宣言された {0} を読んでいない',
  },
  'diag.vendor.body.declareQuery': {
    en: 'a declaration with a query is not read',
    ja: '問合せを含む宣言を読んでいない',
  },
  'diag.vendor.body.expressionQuery': {
    en: 'an expression with a query inside is not read',
    ja: '問合せを含む式を読んでいない',
  },
  'diag.vendor.body.selectWithoutInto': {
    en: 'a SELECT without INTO in a PL/SQL body is not read',
    ja: 'PL/SQL の本体にある INTO のない SELECT を読んでいない',
  },
  'diag.vendor.body.selectIntoTarget': {
    en: 'SELECT … INTO with a target spif cannot name',
    ja: 'spif が特定できない代入先への SELECT … INTO',
  },
  'diag.vendor.body.query': {
    en: 'a query in the body could not be read ({0})',
    ja: '本体の問合せを読めなかった（{0}）',
  },
  'diag.vendor.body.queryRemote': {
    en: 'a query in the body reads a remote object (t@link)',
    ja: '本体の問合せがリモートのオブジェクト（t@link）を読む',
  },
  'diag.vendor.body.queryStar': {
    en: 'a query in the body selects * from {0}, whose columns are not known here',
    ja: '本体の問合せが {0} から * を選択しているが、ここではその列が分からない',
  },
  // routine.ts, package.ts: where a routine's rights come from
  'diag.vendor.rights.invoker': { en: 'AUTHID CURRENT_USER', ja: 'AUTHID CURRENT_USER' },
  'diag.vendor.rights.oracleDefiner': {
    en: "definer's rights (AUTHID DEFINER, the default)",
    ja: '定義者権限（AUTHID DEFINER、既定）',
  },
  'diag.vendor.rights.executeAsUser': { en: "EXECUTE AS '{0}'", ja: "EXECUTE AS '{0}'" },
  'diag.vendor.rights.executeAs': { en: 'EXECUTE AS {0}', ja: 'EXECUTE AS {0}' },
  'diag.vendor.rights.caller': {
    en: "EXECUTE AS CALLER, with ownership chaining: the owner's objects it reads are not checked for the caller",
    ja: 'EXECUTE AS CALLER。所有権の連鎖により、所有者のオブジェクトを読むときは呼出し元の権限を確認しない',
  },
  'diag.vendor.rights.db2': {
    en: "static SQL runs with its package owner's (the definer's) authorization",
    ja: '静的 SQL はパッケージ所有者（定義者）の権限で実行される',
  },
  'diag.vendor.rights.fromSpec': {
    en: "the package specification's AUTHID (definer's rights unless the specification says AUTHID CURRENT_USER)",
    ja: 'パッケージ仕様の AUTHID（仕様が AUTHID CURRENT_USER でなければ定義者権限）',
  },
  'diag.vendor.packageBodyMissing': {
    en: 'the package body is not in the sources ({0})',
    ja: 'パッケージ本体がソースにない（{0}）',
  },
  // Oracle
  'diag.oracle.executeImmediate': {
    en: 'EXECUTE IMMEDIATE runs SQL built at run time, which spif cannot read: GRANTs or policies it creates are not known',
    ja: 'EXECUTE IMMEDIATE は実行時に組み立てた SQL を実行し、spif はそれを読めないため、それが作る GRANT やポリシーは分からない',
  },
  'diag.oracle.rlsNotModelled': {
    en: 'DBMS_RLS.{0} is not modelled: a VPD policy it adds or changes is not known to spif',
    ja: 'DBMS_RLS.{0} はモデル化していないため、それが追加・変更する VPD ポリシーは spif には分からない',
  },
  'diag.oracle.rlsObjectName': {
    en: 'DBMS_RLS.{0}: object_name is not a literal string, so the table it protects is unknown',
    ja: 'DBMS_RLS.{0}: object_name が文字列リテラルでないため、保護するテーブルが分からない',
  },
  'diag.oracle.secureRole': {
    en: 'role {0} is password- or package-protected: a user can enable it only with SET ROLE … IDENTIFIED BY (or the package); spif treats it as one the user may enable',
    ja: 'ロール {0} はパスワード又はパッケージで保護されており、ユーザーは SET ROLE … IDENTIFIED BY（又はそのパッケージ）でのみ有効にできる。spif はユーザーが有効にできるロールとして扱う',
  },
  'diag.oracle.notObjectPrivilege': { en: '{0} is not an object privilege', ja: '{0} はオブジェクト権限ではない' },
  // SQL Server
  'diag.sqlserver.schemaElements': {
    en: 'CREATE SCHEMA with schema elements: only the schema and its owner are read',
    ja: 'スキーマ要素を含む CREATE SCHEMA: スキーマとその所有者だけを読んだ',
  },
  'diag.sqlserver.unmaskSchema': {
    en: 'UNMASK on a schema is read as UNMASK on the whole database',
    ja: 'スキーマに対する UNMASK は、データベース全体に対する UNMASK として読んだ',
  },
  'diag.sqlserver.dropSecurityPolicy': {
    en: 'DROP SECURITY POLICY {0}: the filters it added are dropped only where this file added them',
    ja: 'DROP SECURITY POLICY {0}: それが追加したフィルターは、このファイルが追加したものだけを削除した',
  },
  'diag.sqlserver.execDynamic': {
    en: "EXEC ('…') runs SQL built at run time, which spif cannot read",
    ja: "EXEC ('…') は実行時に組み立てた SQL を実行し、spif はそれを読めない",
  },
  'diag.sqlserver.executesql': {
    en: 'sp_executesql runs SQL built at run time, which spif cannot read',
    ja: 'sp_executesql は実行時に組み立てた SQL を実行し、spif はそれを読めない',
  },
  'diag.sqlserver.roleMemberArgs': { en: '{0} needs a role and a member', ja: '{0} にはロールとメンバーが必要' },
  'diag.sqlserver.renameArgs': {
    en: 'sp_rename needs a name and a new name',
    ja: 'sp_rename には名前と新しい名前が必要',
  },
  'diag.sqlserver.extPropTable': {
    en: 'sp_addextendedproperty: @level1name names no table',
    ja: 'sp_addextendedproperty: @level1name がテーブルを指していない',
  },
  'diag.sqlserver.extPropColumn': {
    en: 'sp_addextendedproperty: @level2name names no column',
    ja: 'sp_addextendedproperty: @level2name が列を指していない',
  },
  // Db2
  'diag.db2.notTablePrivilege': { en: '{0} is not a table privilege', ja: '{0} はテーブル権限ではない' },
} as const;
