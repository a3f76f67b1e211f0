/**
 * The number through MySQL/MariaDB CALL chains, checked on a real MariaDB (started by the test,
 * skipped with a message where it cannot start):
 * - "CALL can pass back values to its caller using parameters that are declared as OUT or INOUT
 *   parameters … from another stored program you can use user-defined variables, local variables
 *   or routine's parameters" (MariaDB Knowledge Base, CALL): an IN parameter or a local variable
 *   passed as a callee's OUT / INOUT argument holds what the callee sets;
 * - an IN parameter "the procedure might modify …, but the modification is not visible to the
 *   caller when the procedure returns" (MySQL 8.0 Reference Manual, CREATE PROCEDURE): a variable
 *   passed as an IN argument keeps its own value;
 * - a callee that writes its IN parameter into a table copies whatever its caller passes (a
 *   trigger's `NEW.kojin_bango`, a value read by the caller), through any number of calls;
 * - in a BEFORE trigger, `NEW.col` passed as an OUT argument sets the row's column.
 * After the script, rows are written and procedures called; MariaDB is asked which columns hold the
 * number's value, and spif's catalog must mark exactly those columns as copies of jumin.kojin_bango.
 * Then app's CALLs of two DEFINER procedures that hand the number back through a callee (an OUT
 * argument, a callee's result set of its own parameter) are run, and spif's verdict must match.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build.js';
import { asRelationId } from '../../src/catalog/model.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { mysqlReader } from '../../src/sources/mysql/reader.js';
import type { ReadResult } from '../../src/sources/types.js';
import { mariaDbForFile } from './server.js';

const NUMBER = '123456789018';

const SCHEMA = `CREATE DATABASE kyufu;
USE kyufu;
CREATE TABLE jumin (atena_no VARCHAR(15) PRIMARY KEY, kojin_bango CHAR(12));
CREATE TABLE hikae (hikae_id INT AUTO_INCREMENT PRIMARY KEY, atai CHAR(12));
CREATE TABLE kansa (kansa_id INT AUTO_INCREMENT PRIMARY KEY, atai CHAR(12));
CREATE TABLE rensa (rensa_id INT AUTO_INCREMENT PRIMARY KEY, atai CHAR(12));
CREATE TABLE sonota (sonota_id INT AUTO_INCREMENT PRIMARY KEY, atai CHAR(12));
CREATE TABLE hokan (hokan_id INT AUTO_INCREMENT PRIMARY KEY, atai CHAR(12));
CREATE TABLE shinsei (atena VARCHAR(15), bango CHAR(12), memo CHAR(12));
CREATE USER 'app'@'%';
CREATE USER 'owner1'@'%';
GRANT SELECT ON kyufu.jumin TO 'owner1'@'%';
DELIMITER //
CREATE PROCEDURE toru(IN p_atena VARCHAR(15), OUT p_no CHAR(12))
BEGIN
  SELECT kojin_bango INTO p_no FROM jumin WHERE atena_no = p_atena;
END//
CREATE PROCEDURE utsusu(IN p_atena VARCHAR(15), IN p_work CHAR(12))
BEGIN
  CALL toru(p_atena, p_work);
  INSERT INTO hikae (atai) VALUES (p_work);
END//
CREATE PROCEDURE kiroku(IN v CHAR(12))
BEGIN
  INSERT INTO kansa (atai) VALUES (v);
END//
CREATE PROCEDURE kaku(IN v CHAR(12))
BEGIN
  INSERT INTO rensa (atai) VALUES (v);
END//
CREATE PROCEDURE naka(IN w CHAR(12))
BEGIN
  CALL kaku(w);
END//
CREATE PROCEDURE hajime()
BEGIN
  DECLARE n CHAR(12);
  SELECT kojin_bango INTO n FROM jumin LIMIT 1;
  CALL naka(n);
END//
CREATE PROCEDURE kaeru(IN x CHAR(12))
BEGIN
  SELECT kojin_bango INTO x FROM jumin LIMIT 1;
END//
CREATE PROCEDURE nokosu()
BEGIN
  DECLARE w CHAR(12) DEFAULT 'mada';
  CALL kaeru(w);
  INSERT INTO sonota (atai) VALUES (w);
END//
CREATE PROCEDURE sagasu(INOUT v VARCHAR(15))
BEGIN
  SELECT kojin_bango INTO v FROM jumin WHERE atena_no = v;
END//
CREATE PROCEDURE ireru(IN p_atena VARCHAR(15))
BEGIN
  CALL sagasu(p_atena);
  INSERT INTO hokan (atai) VALUES (p_atena);
END//
CREATE TRIGGER jumin_ai AFTER INSERT ON jumin FOR EACH ROW CALL kiroku(NEW.kojin_bango)//
CREATE TRIGGER shinsei_bi BEFORE INSERT ON shinsei FOR EACH ROW
BEGIN
  CALL toru(NEW.atena, NEW.bango);
  CALL kaeru(NEW.memo);
END//
CREATE DEFINER='owner1'@'%' PROCEDURE soto_out(IN p_atena VARCHAR(15), OUT p_out CHAR(12))
BEGIN
  CALL toru(p_atena, p_out);
END//
CREATE PROCEDURE kaesu(IN v CHAR(12))
BEGIN
  SELECT v AS bango;
END//
CREATE DEFINER='owner1'@'%' PROCEDURE soto_kekka()
BEGIN
  DECLARE n CHAR(12);
  SELECT kojin_bango INTO n FROM jumin LIMIT 1;
  CALL kaesu(n);
END//
DELIMITER ;
GRANT EXECUTE ON PROCEDURE kyufu.toru TO 'owner1'@'%';
GRANT EXECUTE ON PROCEDURE kyufu.kaesu TO 'owner1'@'%';
GRANT EXECUTE ON PROCEDURE kyufu.soto_out TO 'owner1'@'%';
GRANT EXECUTE ON PROCEDURE kyufu.soto_kekka TO 'owner1'@'%';
GRANT EXECUTE ON PROCEDURE kyufu.soto_out TO 'app'@'%';
GRANT EXECUTE ON PROCEDURE kyufu.soto_kekka TO 'app'@'%';
`;

const WRITES = `USE kyufu;
INSERT INTO jumin VALUES ('A1', '${NUMBER}');
CALL utsusu('A1', NULL);
CALL hajime();
CALL nokosu();
CALL ireru('A1');
INSERT INTO shinsei (atena, bango, memo) VALUES ('A1', NULL, 'mada');
`;

const TABLES: Record<string, string[]> = {
  hikae: ['atai'],
  kansa: ['atai'],
  rensa: ['atai'],
  sonota: ['atai'],
  hokan: ['atai'],
  shinsei: ['bango', 'memo'],
};

const mariaDb = mariaDbForFile('test/mariadb/call-chains');

function spif(sql: string) {
  const read = mysqlReader.read({ path: 'schema.sql', text: sql }, { dialect: 'mariadb' }) as ReadResult;
  const built = buildCatalog([{ database: 'default', dialect: 'mariadb', ops: read.ops }]);
  const copies: string[] = [];
  for (const r of built.catalog.relations.values())
    for (const c of r.columns)
      if (c.copiedFrom?.some((s) => s.relation.name === 'jumin' && s.column === 'kojin_bango'))
        copies.push(`${r.name}.${c.name}`);
  return {
    copies: copies.sort(),
    resolver: createAccessResolver(built.catalog),
    diagnostics: [...read.diagnostics, ...built.diagnostics].filter((d) => d.severity !== 'info'),
  };
}

describe('the number through MySQL/MariaDB CALL chains, checked on MariaDB', () => {
  it('spif marks exactly the columns MariaDB fills with the number', async () => {
    const side = spif(SCHEMA);
    expect(side.diagnostics).toEqual([]);
    expect(side.copies).toEqual(['hikae.atai', 'hokan.atai', 'kansa.atai', 'rensa.atai', 'shinsei.bango']);
    const server = mariaDb.server;
    if (!server) return void console.warn(`MariaDB side skipped (${mariaDb.skipped})`);
    await server.exec(SCHEMA);
    await server.exec(WRITES);
    const holding: string[] = [];
    for (const [table, columns] of Object.entries(TABLES))
      for (const c of columns) {
        const n = await server.exec(`SELECT COUNT(*) FROM kyufu.${table} WHERE ${c} = '${NUMBER}';`);
        if (Number(n.trim()) > 0) holding.push(`${table}.${c}`);
      }
    expect(side.copies).toEqual(holding.sort());
  });

  it('a DEFINER procedure hands the number back through a callee (OUT argument, result set of a parameter) as MariaDB does', async () => {
    const side = spif(SCHEMA);
    const reads = (routine: string, column: string) =>
      side.resolver.canSelect('app@%', asRelationId(`default.kyufu.${routine}()`), column).allowed;
    expect(reads('soto_out', 'p_out')).toBe(true);
    expect(reads('soto_kekka', 'bango')).toBe(true);
    const server = mariaDb.server;
    if (!server) return void console.warn(`MariaDB side skipped (${mariaDb.skipped})`);
    const out = await server.probe('app', [
      { id: 'probe-1', sql: "CALL kyufu.soto_out('A1', @x)" },
      { id: 'probe-2', sql: 'CALL kyufu.soto_kekka()' },
    ]);
    expect(out.get('probe-1')).toBe(0);
    expect(out.get('probe-2')).toBe(0);
  });

  it('without EXECUTE on the callee for the definer, neither spif nor MariaDB lets app read it', async () => {
    const sql = SCHEMA.replace("GRANT EXECUTE ON PROCEDURE kyufu.toru TO 'owner1'@'%';\n", '');
    const side = spif(sql);
    expect(side.resolver.canSelect('app@%', asRelationId('default.kyufu.soto_out()'), 'p_out').allowed).toBe(false);
    const server = mariaDb.server;
    if (!server) return void console.warn(`MariaDB side skipped (${mariaDb.skipped})`);
    await server.exec('DROP DATABASE IF EXISTS kyufu; DROP USER IF EXISTS app, owner1;');
    await server.exec(sql);
    const out = await server.probe('app', [{ id: 'probe-1', sql: "CALL kyufu.soto_out('A1', @x)" }]);
    expect(out.get('probe-1')).not.toBe(0);
  });

  it('a CALL of a routine no source defines leaves the caller unanalysed, with the reason', () => {
    const side = spif(`CREATE DATABASE kyufu;
USE kyufu;
DELIMITER //
CREATE PROCEDURE soto(OUT o CHAR(12))
BEGIN
  CALL nai(o);
END//
DELIMITER ;
`);
    const warning = side.diagnostics.find((d) => d.code === 'SPIF-FUNCTION-UNANALYSED');
    expect(warning?.message).toContain('kyufu.nai');
  });
});
