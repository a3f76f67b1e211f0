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
} as const;
