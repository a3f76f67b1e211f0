/**
 * The catalog build's messages (src/catalog/: statements checked against what the sources defined
 * before them, cross-database links) and the link graph's (src/graph/links.ts), for every dialect.
 * `{n}` is an argument: names and SQL as written, or an entry (a reason, a list).
 */
export const CATALOG_DIAGNOSTICS = {
  // `diag.list` joins its arguments with ", " (Japanese "、"): see renderText.
  'diag.list': { en: '(a list)', ja: '（一覧）' },
  'diag.list.semi': { en: '(a list)', ja: '（一覧）' },
  'diag.list.and': { en: '(a list)', ja: '（一覧）' },
  'diag.list.more': { en: '{0} and {1} more', ja: '{0} ほか {1} 件' },
  'diag.catalog.modelAndSql.one': {
    en: "database {0}: 1 table is defined both by ORM models ({1}) and by SQL ({2}), as an ORM's generated migrations are: each is read as one table, the definition applied last wins, and comments or marks only the other one has are kept",
    ja: 'データベース {0}: 1 個のテーブルが ORM のモデル（{1}）と SQL（{2}）の両方で定義されている（ORM が生成するマイグレーションと同じ）。それぞれ一つのテーブルとして読み、最後に適用した定義を採り、片方にしかないコメントや印は残す',
  },
  'diag.catalog.modelAndSql.many': {
    en: "database {0}: {1} tables are defined both by ORM models ({2}) and by SQL ({3}), as an ORM's generated migrations are: each is read as one table, the definition applied last wins, and comments or marks only the other one has are kept",
    ja: 'データベース {0}: {1} 個のテーブルが ORM のモデル（{2}）と SQL（{3}）の両方で定義されている（ORM が生成するマイグレーションと同じ）。それぞれ一つのテーブルとして読み、最後に適用した定義を採り、片方にしかないコメントや印は残す',
  },
  'diag.catalog.unknownRelation': {
    en: '{0}: relation {1} is not defined in the sources read before this statement',
    ja: '{0}: テーブル・ビュー {1} は、この文より前に読んだソースで定義されていない',
  },
  'diag.catalog.dropTrigger': {
    en: 'DROP TRIGGER {0} ON {1}: the values its function copied stay followed (a dropped trigger is not modelled)',
    ja: 'DROP TRIGGER {0} ON {1}: トリガーの関数が複写した値は引き続き追跡する（削除したトリガーはモデル化していない）',
  },
  'diag.catalog.noPolicy': {
    en: '{0} {1} ON {2}: the table has no policy of that name (PostgreSQL rejects the statement)',
    ja: '{0} {1} ON {2}: テーブルにその名前のポリシーがない（PostgreSQL はこの文を拒否する）',
  },
  'diag.catalog.commentUnknownColumn': {
    en: 'COMMENT ON COLUMN: {0} has no column {1}',
    ja: 'COMMENT ON COLUMN: {0} に列 {1} がない',
  },
  'diag.catalog.renameUnknownColumn': {
    en: 'RENAME COLUMN: {0} has no column {1}',
    ja: 'RENAME COLUMN: {0} に列 {1} がない',
  },
  'diag.catalog.relationAgain': {
    en: 'relation {0} is created again; the later definition replaces the earlier one',
    ja: 'テーブル・ビュー {0} が再び作成された。後の定義が前の定義を置き換える',
  },
  'diag.catalog.functionAgain': {
    en: 'function {0} is created again; the later definition replaces the earlier one',
    ja: '関数 {0} が再び作成された。後の定義が前の定義を置き換える',
  },
  'diag.catalog.dropForeignKey': {
    en: 'DROP FOREIGN KEY {0}: {1} has no foreign key of that name (written or {2}_ibfk_N); its foreign keys are kept',
    ja: 'DROP FOREIGN KEY {0}: {1} にその名前の外部キーがない（書かれた名前も {2}_ibfk_N もない）。外部キーは残す',
  },
  'diag.catalog.dropUnknownConstraint': {
    en: 'DROP CONSTRAINT {0}: {1} has no constraint of that name in the sources read before this statement (PostgreSQL rejects it unless IF EXISTS); its keys are kept',
    ja: 'DROP CONSTRAINT {0}: この文より前に読んだソースでは {1} にその名前の制約がない（IF EXISTS がなければ PostgreSQL は拒否する）。キーは残す',
  },
  'diag.catalog.dropConstraintIndex': {
    en: 'DROP INDEX {0}: the index belongs to constraint {0} of {1}, so PostgreSQL rejects it (ALTER TABLE … DROP CONSTRAINT drops both); the key is kept',
    ja: 'DROP INDEX {0}: このインデックスは {1} の制約 {0} のものなので PostgreSQL は拒否する（両方を削除するのは ALTER TABLE … DROP CONSTRAINT）。キーは残す',
  },
  'diag.catalog.unknownIndex': {
    en: '{0} {1}: no index of that name is defined in the sources read before this statement',
    ja: '{0} {1}: この文より前に読んだソースで、その名前のインデックスが定義されていない',
  },
  'diag.catalog.dropKeyDependents': {
    en: 'DROP CONSTRAINT {0} on {1}: PostgreSQL rejects it, foreign keys depend on it ({2}); the key is kept',
    ja: '{1} の DROP CONSTRAINT {0}: 外部キー（{2}）が依存しているため PostgreSQL は拒否する。キーは残す',
  },
  'diag.catalog.dropSchemaUnknown': {
    en: 'DROP SCHEMA {0}: the schema is not defined',
    ja: 'DROP SCHEMA {0}: スキーマが定義されていない',
  },
  'diag.catalog.alterSchemaOwnerUnknown': {
    en: 'ALTER SCHEMA {0} OWNER: the schema is not defined',
    ja: 'ALTER SCHEMA {0} OWNER: スキーマが定義されていない',
  },
  'diag.catalog.dropSchemaNotEmpty': {
    en: 'DROP SCHEMA {0} without CASCADE: the schema holds {1} object(s), so PostgreSQL rejects this statement; nothing is dropped',
    ja: 'CASCADE のない DROP SCHEMA {0}: スキーマにオブジェクトが {1} 個あるため、PostgreSQL はこの文を拒否する。何も削除しない',
  },
  'diag.catalog.importForeignSchemaUnresolved': {
    en: 'IMPORT FOREIGN SCHEMA {0} FROM SERVER {1} INTO {2}: {3}; the foreign tables it creates are unknown',
    ja: 'IMPORT FOREIGN SCHEMA {0} FROM SERVER {1} INTO {2}: {3}。作成される外部テーブルは分からない',
  },
  'diag.catalog.serverNotCreated': {
    en: 'server {0} is not created in the sources',
    ja: 'サーバー {0} はソースで作成されていない',
  },
  'diag.catalog.importForeignSchemaEmpty': {
    en: 'IMPORT FOREIGN SCHEMA {0} FROM SERVER {1}: database {2} defines no such relation in schema {0} (in the sources read before this statement)',
    ja: 'IMPORT FOREIGN SCHEMA {0} FROM SERVER {1}: データベース {2} のスキーマ {0} に該当するテーブル・ビューがない（この文より前に読んだソースで）',
  },
  'diag.catalog.triggerUnanalysed': {
    en: 'trigger on {0} runs {1}, whose body was not read ({2}): values it copies from {0} are not followed',
    ja: '{0} のトリガーは {1} を実行するが、その本体を読めていない（{2}）。{0} から複写する値は追跡しない',
  },
  'diag.catalog.triggerCallUndefined': {
    en: 'trigger {0} on {1} passes {2} to {3}, which is not defined in the sources: the tables it writes them into are not known',
    ja: '{1} のトリガー {0} は {2} を {3} に渡すが、{3} はソースで定義されていない。それらを書き込むテーブルは分からない',
  },
  'diag.catalog.triggerCallNoMatch': {
    en: 'trigger {0} on {1} passes {2} to {3}, but no routine of that name takes these {4} argument(s): the tables it writes them into are not known',
    ja: '{1} のトリガー {0} は {2} を {3} に渡すが、その名前のルーチンでこの {4} 個の引数を取るものがない。それらを書き込むテーブルは分からない',
  },
  'diag.catalog.triggerCallUnanalysed': {
    en: 'trigger {0} on {1} passes {2} to {3}, whose body was not read ({4}): the tables it writes them into are not known',
    ja: '{1} のトリガー {0} は {2} を {3} に渡すが、その本体を読めていない（{4}）。それらを書き込むテーブルは分からない',
  },
  'diag.catalog.routineAmbiguous': {
    en: '{0}: {1} is named without its parameter types, but the schema has several routines of that name ({2}); Db2 refuses the statement (SQLSTATE 42725), so it is not applied: name one by its signature or SPECIFIC name',
    ja: '{0}: {1} を引数の型なしで指定しているが、スキーマに同じ名前のルーチンが複数ある（{2}）。Db2 はこの文を拒否する（SQLSTATE 42725）ため、適用していない。シグニチャーか SPECIFIC 名で指定する',
  },
  'diag.catalog.triggerCallAmbiguous': {
    en: 'trigger {0} on {1} passes {2} to {3}, which more than one routine of that name could take ({4}): the writes of each are followed',
    ja: '{1} のトリガー {0} は {2} を {3} に渡すが、その呼出しを受けうる同じ名前のルーチンが複数ある（{4}）。それぞれの書込みを追跡する',
  },
  'diag.catalog.viewUnknownColumn': {
    en: '{0} {1}: column {2} does not exist ({3} has no column {4}); PostgreSQL refuses the statement, so {1} is not created',
    ja: '{0} {1}: 列 {2} が存在しない（{3} に列 {4} がない）。PostgreSQL はこの文を拒否するため、{1} は作成しない',
  },
  'diag.catalog.viewStarRemote': {
    en: 'view {0} selects * from the remote object {1}, whose database link does not resolve to a configured database: its columns are unknown',
    ja: 'ビュー {0} はリモート・オブジェクト {1} から * を選択しているが、そのデータベース・リンクが設定のデータベースに解決できない。ビューの列は分からない',
  },
  'diag.catalog.viewStarUnknown': {
    en: 'view {0} selects * from {1}, which is not defined: its columns are unknown',
    ja: 'ビュー {0} は定義されていない {1} から * を選択している。ビューの列は分からない',
  },
  'diag.catalog.viewUndefinedBase': {
    en: "view {0} reads {1}, which no source defines: its columns are read by the base columns' names only; add the source that creates {2}",
    ja: 'ビュー {0} は、どのソースも定義していない {1} を読む。ビューの列は元の列名だけで判定する。{2} を作成するソースを加える',
  },
  'diag.catalog.viewUndefinedBaseColumns': {
    en: "view {0} reads {1}, which no source defines: its columns ({3}) are read by the base columns' names only; add the source that creates {2}",
    ja: 'ビュー {0} は、どのソースも定義していない {1} を読む。ビューの列（{3}）は元の列名だけで判定する。{2} を作成するソースを加える',
  },
  'diag.catalog.unknownFunction': {
    en: '{0}: function {1} is not defined in the sources read before this statement',
    ja: '{0}: 関数 {1} は、この文より前に読んだソースで定義されていない',
  },
  'diag.catalog.routine.function': { en: 'function', ja: '関数' },
  'diag.catalog.routine.procedure': { en: 'procedure', ja: 'プロシージャ' },
  'diag.catalog.routine.routine': { en: 'routine', ja: 'ルーチン' },
  'diag.catalog.routineUnanalysed': { en: '{0} {1}: {2}', ja: '{0} {1}: {2}（本体を解析していない）' },
  'diag.catalog.routineUnanalysedTrigger': {
    en: '{0} {1}: {2}; values its triggers copy are not followed',
    ja: '{0} {1}: {2}。そのトリガーが複写する値は追跡しない',
  },
  'diag.catalog.routineUnanalysedDefiner': {
    en: '{0} {1}: {2}; as SECURITY DEFINER it is an unknown path to every relation its owner may read',
    ja: '{0} {1}: {2}。SECURITY DEFINER のため、所有者が読めるすべてのテーブル・ビューへの未知の経路とする',
  },
  'diag.catalog.routineUnanalysedOtherRights': {
    en: "{0} {1}: {2}; as it runs with other rights than the caller's it is an unknown path to every relation its owner may read",
    ja: '{0} {1}: {2}。呼出し元と異なる権限で実行されるため、所有者が読めるすべてのテーブル・ビューへの未知の経路とする',
  },
  'diag.catalog.bodyNotRead': { en: 'its body was not read', ja: '本体を読めていない' },
  'diag.catalog.unknown': { en: 'unknown', ja: '不明' },
  'diag.catalog.callsUndefined': {
    en: 'calls {0}, which is not defined in the sources read before it',
    ja: '{0} を呼び出すが、それより前に読んだソースで定義されていない',
  },
  'diag.catalog.revokeDependents': {
    en: 'REVOKE without CASCADE fails in the engine: dependent privileges exist on {0}; nothing is revoked',
    ja: 'CASCADE のない REVOKE はデータベースで失敗する: {0} に依存する権限がある。何も取り消さない',
  },
  'diag.catalog.revokeGrantedOn': {
    en: 'REVOKE without CASCADE fails in the engine: {0} granted {1} on to {2}; the privilege is kept',
    ja: 'CASCADE のない REVOKE はデータベースで失敗する: {0} が {1} を {2} に付与している。権限は残す',
  },
  'diag.catalog.allDropped.one': {
    en: 'database {0}: the sources create 1 relation and drop every one again, so nothing is left to assess; dropped by {1}. Leave the teardown script out (.spifignore, `ignore:`) or scan the files that create the schema.',
    ja: 'データベース {0}: ソースが作成するテーブル・ビュー 1 個を再び削除しているため、評価するものが残らない。削除しているファイル: {1}。削除用のスクリプトを除く（.spifignore、`ignore:`）か、スキーマを作成するファイルを読ませる',
  },
  'diag.catalog.allDropped.many': {
    en: 'database {0}: the sources create {1} relations and drop every one again, so nothing is left to assess; dropped by {2}. Leave the teardown script out (.spifignore, `ignore:`) or scan the files that create the schema.',
    ja: 'データベース {0}: ソースが作成するテーブル・ビュー {1} 個をすべて再び削除しているため、評価するものが残らない。削除しているファイル: {2}。削除用のスクリプトを除く（.spifignore、`ignore:`）か、スキーマを作成するファイルを読ませる',
  },
  'diag.catalog.dropStatements.one': { en: '{0} (1 DROP statement)', ja: '{0}（DROP 文 1 個）' },
  'diag.catalog.dropStatements.many': { en: '{0} ({1} DROP statements)', ja: '{0}（DROP 文 {1} 個）' },
  // Cross-database links (src/catalog/cross-database.ts)
  'diag.cross.unknownServer': {
    en: 'ALTER SERVER {0}: the server is not created in the sources',
    ja: 'ALTER SERVER {0}: サーバーはソースで作成されていない',
  },
  'diag.cross.unknownPublication': {
    en: 'ALTER PUBLICATION {0}: the publication is not created in the sources',
    ja: 'ALTER PUBLICATION {0}: パブリケーションはソースで作成されていない',
  },
  'diag.cross.unknownSubscription': {
    en: 'ALTER SUBSCRIPTION {0}: the subscription is not created in the sources',
    ja: 'ALTER SUBSCRIPTION {0}: サブスクリプションはソースで作成されていない',
  },
  'diag.cross.foreignTableUnresolved': {
    en: 'foreign table {0}: {1}; what it reads is unknown',
    ja: '外部テーブル {0}: {1}。何を読むかは分からない',
  },
  'diag.cross.foreignColumnMissing': {
    en: 'foreign table {0}: column {1} reads {2}.{3}, which is not defined (PostgreSQL fails the query)',
    ja: '外部テーブル {0}: 列 {1} は定義されていない {2}.{3} を読む（PostgreSQL の問合せは失敗する）',
  },
  'diag.cross.serverUnresolved': {
    en: 'server {0}: {1}; what its foreign tables ({2}) read is unknown',
    ja: 'サーバー {0}: {1}。その外部テーブル（{2}）が何を読むかは分からない',
  },
  'diag.cross.linkUnresolved': {
    en: 'database link {0}: {1}; what {2} read through it is unknown',
    ja: 'データベースリンク {0}: {1}。{2} がそれを通じて何を読むかは分からない',
  },
  'diag.cross.remoteUnresolved': { en: '{0}: {1}; what it reads is unknown', ja: '{0}: {1}。何を読むかは分からない' },
  'diag.cross.remoteColumnMissing': {
    en: '{0}: column {1} is not defined in {2} (Oracle fails the query with ORA-00904)',
    ja: '{0}: 列 {1} は {2} に定義されていない（Oracle の問合せは ORA-00904 で失敗する）',
  },
  'diag.cross.dblinkUnchecked': {
    en: '{0}: dblink runs {1} in database {2}, and spif cannot check that access: {3}',
    ja: '{0}: dblink は {1} をデータベース {2} で実行するが、spif はそのアクセスを確かめられない: {3}',
  },
  'diag.cross.dblinkUnknownDatabase': {
    en: '{0}: dblink runs {1} in a database spif cannot tell: {2}',
    ja: '{0}: dblink は {1} を spif が特定できないデータベースで実行する: {2}',
  },
  'diag.cross.dblinkQueryNotConstant': { en: 'a query that is not a constant', ja: '定数でない問合せ' },
  'diag.cross.publisherUnknown': {
    en: 'subscription {0}: its publisher ({1}) is unknown, so what the tables of {2} receive is not followed',
    ja: 'サブスクリプション {0}: パブリッシャー（{1}）が分からないため、{2} のテーブルが受け取るものは追跡しない',
  },
  'diag.cross.publicationMissing': {
    en: "subscription {0}: publication {1} is not created in database {2}'s sources",
    ja: 'サブスクリプション {0}: パブリケーション {1} はデータベース {2} のソースで作成されていない',
  },
  'diag.cross.replicaMissing': {
    en: 'subscription {0}: published table {1} has no table {2} to replicate into',
    ja: 'サブスクリプション {0}: 公開されたテーブル {1} の複製先となるテーブル {2} がない',
  },
  // Why a link to another database is not followed: the reasons of the warnings above and of the
  // `cross-database-unknown` assumptions (access/unknown-paths.ts).
  'diag.cross.reason.noDbname': { en: 'its connection names no dbname', ja: '接続先の dbname が指定されていない' },
  'diag.cross.reason.dbname': { en: "dbname '{0}'", ja: "dbname '{0}'" },
  'diag.cross.reason.dbnameOnHost': { en: "dbname '{0}' on host {1}", ja: "ホスト {1} の dbname '{0}'" },
  'diag.cross.reason.severalDatabases': {
    en: '{0} matches several configured databases ({1}); set databases[].connection.host to tell them apart',
    ja: '{0} は設定の複数のデータベース（{1}）に一致する。databases[].connection.host で区別する',
  },
  'diag.cross.reason.noDatabase': {
    en: '{0} matches no configured database (add it to databases, with databases[].connection when its name differs)',
    ja: '{0} は設定のどのデータベースにも一致しない（databases に加える。名前が異なるときは databases[].connection も書く）',
  },
  'diag.cross.reason.wrapper': {
    en: 'its foreign data wrapper {0} is not followed (only postgres_fdw is)',
    ja: '外部データラッパー {0} はたどらない（たどるのは postgres_fdw だけ）',
  },
  'diag.cross.reason.noWrapper': { en: '(none)', ja: '（なし）' },
  'diag.cross.reason.serverNotCreated': {
    en: 'server {0} is not created in the sources',
    ja: 'サーバー {0} はソースで作成されていない',
  },
  'diag.cross.reason.server': { en: 'server {0}: {1}', ja: 'サーバー {0}: {1}' },
  'diag.cross.reason.remoteNotDefined': {
    en: 'its remote relation {0} is not defined',
    ja: 'リモートのテーブル・ビュー {0} が定義されていない',
  },
  'diag.cross.reason.linkNotCreated': {
    en: "database link {0} is not created in the sources (neither {1}'s private link nor a public one)",
    ja: 'データベースリンク {0} はソースで作成されていない（{1} のプライベート・リンクも公開リンクもない）',
  },
  'diag.cross.reason.link': { en: 'database link {0}: {1}', ja: 'データベースリンク {0}: {1}' },
  'diag.cross.reason.linkAlias': {
    en: "'{0}' is an alias of several configured databases ({1})",
    ja: "'{0}' は設定の複数のデータベース（{1}）の別名",
  },
  'diag.cross.reason.connectString': { en: "its connect string '{0}'", ja: "接続文字列 '{0}'" },
  'diag.cross.reason.linkName': {
    en: 'its name (used as the net service name)',
    ja: 'リンク名（ネット・サービス名として使われる）',
  },
  'diag.cross.reason.noLinkDatabase': {
    en: '{0} matches no configured database (list the TNS alias or link name under databases[].aliases, or set databases[].connection)',
    ja: '{0} は設定のどのデータベースにも一致しない（TNS 別名かリンク名を databases[].aliases に書くか、databases[].connection を書く）',
  },
  'diag.cross.reason.dblinkNotConstant': {
    en: 'its connection is not a constant (or an unnamed dblink_connect)',
    ja: '接続先が定数でない（又は名前のない dblink_connect）',
  },
  'diag.cross.reason.dblinkConnectServer': {
    en: 'the connection dblink_connect opened names server {0}, which is not created in the sources',
    ja: 'dblink_connect が開いた接続はサーバー {0} を指すが、そのサーバーはソースで作成されていない',
  },
  'diag.cross.reason.dblinkUnknownName': {
    en: '{0} is neither a connection string, a foreign server created in the sources, nor a connection opened by dblink_connect in the same body (a connection opened elsewhere in the session is not known)',
    ja: '{0} は接続文字列でも、ソースで作成した外部サーバーでも、同じ本体の dblink_connect が開いた接続でもない（セッションの別の場所で開いた接続は分からない）',
  },
  'diag.cross.reason.dblinkUnchecked': {
    en: 'dblink runs {0} in database {1}, and spif cannot check that access: {2}',
    ja: 'dblink は {0} をデータベース {1} で実行するが、spif はそのアクセスを確かめられない: {2}',
  },
  'diag.cross.reason.dblinkUnknownDatabase': {
    en: 'dblink runs {0} in a database spif cannot tell: {1}',
    ja: 'dblink は {0} を spif が特定できないデータベースで実行する: {1}',
  },
  'diag.cross.reason.connectionNotConstant': {
    en: 'its connection is not a constant',
    ja: '接続先が定数でない',
  },
  'diag.cross.reason.mappingNoUserLibpq': {
    en: "a user mapping on server {0} names no remote user (libpq then connects as the server process's PGUSER or operating-system user, which the sources do not say)",
    ja: 'サーバー {0} のユーザマッピングがリモートユーザを指定しない（libpq はサーバープロセスの PGUSER 又は OS のユーザとして接続し、それはソースからは分からない）',
  },
  'diag.cross.reason.connNoUser': {
    en: "its connection string names no user (libpq then connects as the server process's PGUSER or operating-system user, which the sources do not say)",
    ja: '接続文字列がユーザを指定しない（libpq はサーバープロセスの PGUSER 又は OS のユーザとして接続し、それはソースからは分からない）',
  },
  'diag.cross.reason.queryNotConstant': {
    en: 'its query is not a constant SELECT spif reads',
    ja: '問合せが spif の読める定数の SELECT でない',
  },
  'diag.cross.reason.notAsColumns': {
    en: 'it is not a dblink(…) AS t(columns) in a FROM list',
    ja: 'FROM 句の dblink(…) AS t(列) ではない',
  },
  'diag.cross.reason.columnListMismatch': {
    en: 'its column definition list does not match the remote query column by column',
    ja: '列定義リストがリモートの問合せと列ごとに一致しない',
  },
  'diag.cross.reason.readsUndefined': {
    en: 'its query reads {0}, which is not defined',
    ja: '問合せが読む {0} が定義されていない',
  },
  'diag.cross.reason.mappingNoUser': {
    en: "a user mapping on server {0} names no remote user (libpq's default user is not known)",
    ja: 'サーバー {0} のユーザマッピングがリモートユーザを指定しない（libpq の既定のユーザは分からない）',
  },
  'diag.cross.reason.publisher': { en: 'the publisher {0}', ja: 'パブリッシャー: {0}' },
  // The link graph (src/graph/links.ts)
  'diag.link.unknownTarget': {
    en: 'foreign key on {0}({1}) references {2}, which is not defined: the link is not followed',
    ja: '{0}({1}) の外部キーは定義されていない {2} を参照している。このリンクはたどらない',
  },
  'diag.link.columnCount': {
    en: 'foreign key on {0}({1}) references {2}({3}): the column counts differ, so the link is not followed',
    ja: '{0}({1}) の外部キーは {2}({3}) を参照しているが、列の数が異なるため、このリンクはたどらない',
  },
  'diag.catalog.unattachedTable': {
    en: 'data rows for {0}: {1} of {2} values have a valid 個人番号 check digit, but no scanned source defines the table',
    ja: '{0} のデータ行: 値 {2} 件のうち {1} 件が検査用数字の正しい個人番号だが、そのテーブルを定義するソースをスキャンしていない',
  },
  'diag.catalog.unattachedColumn': {
    en: 'data rows for {0}: {1} of {2} values have a valid 個人番号 check digit, but no scanned source defines the column',
    ja: '{0} のデータ行: 値 {2} 件のうち {1} 件が検査用数字の正しい個人番号だが、その列を定義するソースをスキャンしていない',
  },
  'diag.link.unknownColumn': {
    en: 'links: {0} ↔ {1}: {2} is not defined in the sources; the link is not followed',
    ja: 'links: {0} ↔ {1}: {2} はソースで定義されていない。このリンクはたどらない',
  },
} as const;
