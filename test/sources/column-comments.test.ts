import { describe, expect, it } from 'vitest';
import { COMMENT_SYNTAX, type CommentSyntax, trailingColumnComments } from '../../src/sources/column-comments.js';

/** Comments found for the named columns of the first CREATE TABLE in `sql`. */
function commentsOf(
  sql: string,
  names: string[],
  syntax: CommentSyntax = COMMENT_SYNTAX.postgresql,
): (string | undefined)[] {
  const columns = names.map((n) => {
    // The name as a whole word after the list's opening parenthesis.
    const m = new RegExp(`[(,\\s]${n.replace(/[`$]/g, '\\$&')}\\s`).exec(sql.slice(sql.indexOf('(')));
    if (!m) throw new Error(`no column ${n}`);
    return { offset: sql.indexOf('(') + m.index + 1 };
  });
  return trailingColumnComments(sql, columns, { syntax }).map((c) => c?.text);
}

describe('trailing column comments (論理名)', () => {
  it('reads a comment before the comma and after it, on the column line', () => {
    const sql = `CREATE TABLE T_KOJIN (
  KJN_NO   CHAR(12),        /* 個人番号 */
  SHIMEI   VARCHAR(40) /* 氏名 */,
  mynumber VARCHAR(12),     -- マイナンバー用のカラム
  BIKO     VARCHAR(200)
);`;
    expect(commentsOf(sql, ['KJN_NO', 'SHIMEI', 'mynumber', 'BIKO'])).toEqual([
      '個人番号',
      '氏名',
      'マイナンバー用のカラム',
      undefined,
    ]);
  });

  it('reads the last column comment before the closing parenthesis', () => {
    const sql = 'CREATE TABLE t (\n  id INT PRIMARY KEY, -- ID\n  kjn_no CHAR(12) -- 個人番号\n);';
    expect(commentsOf(sql, ['id', 'kjn_no'])).toEqual(['ID', '個人番号']);
  });

  it('does not attach a comment line above a column, nor a constraint line comment', () => {
    const sql = `CREATE TABLE t (
  -- 個人番号
  kjn_no CHAR(12),
  -- 住所情報
  addr VARCHAR(100),
  PRIMARY KEY (kjn_no) -- 主キー
);`;
    expect(commentsOf(sql, ['kjn_no', 'addr'])).toEqual([undefined, undefined]);
  });

  it('leading-comma style: the comment on the definition line', () => {
    const sql = 'CREATE TABLE t (\n    kjn_no CHAR(12) -- 個人番号\n  , shimei TEXT -- 氏名\n)';
    expect(commentsOf(sql, ['kjn_no', 'shimei'])).toEqual(['個人番号', '氏名']);
  });

  it('a multi-line definition keeps a comment inside it', () => {
    const sql = 'CREATE TABLE t (\n  kjn_no CHAR(12) -- 個人番号\n    NOT NULL,\n  b INT\n)';
    expect(commentsOf(sql, ['kjn_no', 'b'])).toEqual(['個人番号', undefined]);
  });

  it('ignores a comment after the comma when the next column starts on that line', () => {
    const sql = 'CREATE TABLE t (a INT /* A */, /* ? */ b INT /* B */)';
    expect(commentsOf(sql, ['a', 'b'])).toEqual(['A', 'B']);
  });

  it('ignores comment markers inside strings, nested parentheses and defaults', () => {
    const sql =
      "CREATE TABLE t (\n  a VARCHAR(10) DEFAULT '-- no' CHECK (a <> '/* no */'),\n  b NUMERIC(10, 2) -- 金額\n)";
    expect(commentsOf(sql, ['a', 'b'])).toEqual([undefined, '金額']);
  });

  it('MySQL: version comments are code, # is a comment, --x is not', () => {
    const sql = 'CREATE TABLE `t` (\n  `a` int /*!50606 COLUMN_FORMAT FIXED */, # 番号\n  `b` int DEFAULT 1 --1\n)';
    expect(commentsOf(sql, ['`a`', '`b`'], COMMENT_SYNTAX.mysql)).toEqual(['番号', undefined]);
  });

  it('MySQL: a backslash-escaped quote does not end the string', () => {
    const sql = "CREATE TABLE t (\n  a varchar(3) DEFAULT 'it\\'s -- x',\n  b int -- 番号\n)";
    expect(commentsOf(sql, ['a', 'b'], COMMENT_SYNTAX.mysql)).toEqual([undefined, '番号']);
  });

  it('PostgreSQL: dollar quotes and nested block comments', () => {
    const sql = 'CREATE TABLE t (\n  a text DEFAULT $$ -- no $$, /* outer /* inner */ still */\n  b int\n)';
    expect(commentsOf(sql, ['a', 'b'])).toEqual(['outer /* inner */ still', undefined]);
  });

  it('scans from a statement offset inside a larger file', () => {
    const file =
      '-- header ( with a paren\nCREATE TABLE a (x int);\nCREATE TABLE t (\n  kjn_no CHAR(12) /* 個人番号 */\n);';
    const from = file.indexOf('CREATE TABLE t');
    const offset = file.indexOf('kjn_no');
    expect(trailingColumnComments(file, [{ offset }], { syntax: COMMENT_SYNTAX.postgresql, from })[0]).toEqual({
      text: '個人番号',
      offset: file.indexOf('/*', offset),
    });
  });
});
