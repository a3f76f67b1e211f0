/**
 * A stored procedure that stages rows in a `CREATE TEMPORARY TABLE` (as sakila's rewards_report
 * does): the temporary table is "visible only within the current session, and is dropped
 * automatically when the session is closed" (MySQL 8.0 Reference Manual, 15.1.20.2 CREATE
 * TEMPORARY TABLE Statement), so an INSERT … SELECT into it is no copy into the schema and no
 * warning about an undefined relation; a write into a real table in the same body still is, and
 * what is read back from the temporary table carries the values staged in it.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import { read } from './helpers.js';

const SQL = `CREATE TABLE jumin (atena_no CHAR(10) PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE tsuchi_rireki (atena_no CHAR(10), bango CHAR(12));

DELIMITER //
CREATE PROCEDURE tsuchi_taisho (IN min_age TINYINT UNSIGNED, OUT kensu INT)
READS SQL DATA
BEGIN
    DROP TEMPORARY TABLE IF EXISTS tmpTaisho;
    CREATE TEMPORARY TABLE IF NOT EXISTS tmpTaisho (atena_no CHAR(10) NOT NULL PRIMARY KEY, bango CHAR(12));
    INSERT INTO tmpTaisho (atena_no, bango)
    SELECT j.atena_no, j.kojin_bango FROM jumin AS j;
    UPDATE tmpTaisho SET bango = (SELECT kojin_bango FROM jumin LIMIT 1);
    SELECT COUNT(*) FROM tmpTaisho INTO kensu;
    INSERT INTO tsuchi_rireki (atena_no, bango) SELECT t.atena_no, t.bango FROM tmpTaisho AS t;
    INSERT INTO tsuchi_rireki (atena_no, bango) SELECT atena_no, kojin_bango FROM jumin;
    DROP TABLE tmpTaisho;
END //
DELIMITER ;
`;

describe('temporary tables in a routine body', () => {
  it('writes into a temporary table are not copies; writes into a real table are', () => {
    const r = read(SQL);
    expect(r.diagnostics).toEqual([]);
    // A routine's writes go with its definition (the builder makes them copies, through its CALLs).
    const copies = r.ops.flatMap((o) => (o.op === 'create-function' ? (o.routine.writes ?? []) : []));
    expect(copies.map((o) => o.table.name)).toEqual(['tsuchi_rireki', 'tsuchi_rireki']);
    // the first copy reads tmpTaisho, which holds jumin's values: the origin is jumin.kojin_bango
    const staged = copies[0]!;
    expect(staged.values.map((v) => v.from.map((o) => `${o.relation.name}.${o.column}`))).toEqual([
      ['jumin.atena_no'],
      ['jumin.kojin_bango'],
    ]);
    const built = buildCatalog([{ database: 'default', dialect: 'mysql', ops: r.ops }]);
    expect(built.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
