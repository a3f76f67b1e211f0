import { describe, expect, it } from 'vitest';
import { splitStatements, versionCommentRuns } from '../../../src/sources/mysql/split.js';
import { firstItems } from '../../helpers/items.js';

const texts = (sql: string, dialect: 'mysql' | 'mariadb' = 'mysql') =>
  splitStatements(sql, dialect).map((s) => s.text().replace(/\s+/g, ' ').trim());

describe('splitStatements', () => {
  it('splits on ; outside quotes, backticks and comments', () => {
    const sql =
      "INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s; x', 'e\\';f');\nCREATE TABLE `we;ird` (a int); -- c; d\n# e; f\n/* g; h */ USE x";
    expect(texts(sql)).toEqual([
      "INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s; x', 'e\\';f')",
      'CREATE TABLE `we;ird` (a int)',
      'USE x',
    ]);
  });

  it('follows DELIMITER for trigger and routine bodies', () => {
    const sql =
      'DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; SET @b = 2; END ;;\nDELIMITER ;\nUSE y;';
    expect(texts(sql)).toEqual([
      'CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; SET @b = 2; END',
      'USE y',
    ]);
  });

  it('unwraps version comments and keeps offsets equal to file offsets', () => {
    const sql =
      '/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select 1 AS `a` */;';
    const [s] = firstItems(splitStatements(sql, 'mysql'), 1);
    expect(s.start).toBe(sql.indexOf('CREATE'));
    expect(s.text().length).toBe(s.end - s.start);
    expect(
      s
        .text()
        .slice(sql.indexOf('VIEW') - s.start)
        .startsWith('VIEW `v`'),
    ).toBe(true);
    expect(texts(sql)).toEqual([
      'CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS select 1 AS `a`',
    ]);
  });

  it('runs /*M! only on MariaDB, and MySQL-only /*!5xxxx–9xxxx only on MySQL', () => {
    const sql =
      "/*!80001 CREATE ROLE 'a' */;\n/*M!100005 CREATE ROLE 'b' */;\n/*M!999999\\- enable the sandbox mode */\n/*!40101 SET NAMES utf8mb4 */;";
    expect(texts(sql, 'mysql')).toEqual(["CREATE ROLE 'a'", 'SET NAMES utf8mb4']);
    expect(texts(sql, 'mariadb')).toEqual(["CREATE ROLE 'b'", 'SET NAMES utf8mb4']);
    expect(versionCommentRuns('mariadb', false, 100101)).toBe(true);
    expect(versionCommentRuns('mysql', false, 100101)).toBe(false);
  });

  it('keeps a statement without a final delimiter, and an unterminated quote to the end', () => {
    expect(texts('USE a; USE b')).toEqual(['USE a', 'USE b']);
    expect(texts("USE a; SELECT 'oops; USE c")).toEqual(['USE a', "SELECT 'oops; USE c"]);
  });
});
