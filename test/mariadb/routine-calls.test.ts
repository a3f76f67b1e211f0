/**
 * A MySQL/MariaDB procedure that CALLs another: the called procedure's result sets go to the
 * caller's client ("CALL can pass back values to its caller using … result sets", MySQL 8.0
 * Reference Manual, CALL), so the outer procedure returns the number when the inner one does. The
 * inner call needs EXECUTE in the security context current at the CALL (the outer definer's for a
 * DEFINER procedure, the caller's for an INVOKER one) and runs with its own SQL SECURITY (MySQL
 * 8.0 Stored Object Access Control). Each scenario runs on a real MariaDB (started by the test,
 * skipped with a message where it cannot start): `CALL kyufu.soto('A1')` as app succeeds or is
 * refused, and spif's verdict on soto()'s number column must be the same.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { mysqlReader } from '../../src/sources/mysql/reader.js';
import type { ReadResult } from '../../src/sources/types.js';
import { mariaDbForFile } from './server.js';
import { asRelationId } from '../../src/catalog/model.js';

const BASE = `CREATE DATABASE kyufu;
USE kyufu;
CREATE TABLE jumin (atena_no VARCHAR(15) PRIMARY KEY, kojin_bango CHAR(12));
INSERT INTO jumin VALUES ('A1', '123456789018');
CREATE USER 'app'@'%';
CREATE USER 'owner1'@'%';
CREATE USER 'owner2'@'%';
GRANT SELECT ON kyufu.jumin TO 'owner1'@'%';
`;

const INNER = `DELIMITER //
CREATE DEFINER='owner1'@'%' PROCEDURE bango(IN p_atena VARCHAR(15))
BEGIN
  SELECT kojin_bango FROM jumin WHERE atena_no = p_atena;
END//
`;

const outer = (
  definer: string,
  security: string,
) => `CREATE DEFINER='${definer}'@'%' PROCEDURE soto(IN p VARCHAR(15)) SQL SECURITY ${security}
BEGIN
  CALL bango(p);
END//
DELIMITER ;
`;

interface Scenario {
  name: string;
  sql: string;
  reads: boolean;
}

// GRANT EXECUTE ON PROCEDURE needs the procedure to exist: grants come after the routines.
const SCENARIOS: Scenario[] = [
  {
    name: 'DEFINER outer whose definer may execute the inner one: app reads the number',
    sql: `${INNER}${outer('owner1', 'DEFINER')}GRANT EXECUTE ON PROCEDURE kyufu.bango TO 'owner1'@'%';\nGRANT EXECUTE ON PROCEDURE kyufu.soto TO 'owner1'@'%';\nGRANT EXECUTE ON PROCEDURE kyufu.soto TO 'app'@'%';\n`,
    reads: true,
  },
  {
    name: 'DEFINER outer whose definer lacks EXECUTE on the inner one: refused',
    sql: `${INNER}${outer('owner2', 'DEFINER')}GRANT EXECUTE ON PROCEDURE kyufu.bango TO 'owner1'@'%';\nGRANT EXECUTE ON PROCEDURE kyufu.soto TO 'owner2'@'%';\nGRANT EXECUTE ON PROCEDURE kyufu.soto TO 'app'@'%';\n`,
    reads: false,
  },
  {
    name: 'INVOKER outer: the caller needs EXECUTE on the inner one',
    sql: `${INNER}${outer('owner1', 'INVOKER')}GRANT EXECUTE ON PROCEDURE kyufu.bango TO 'owner1'@'%';\nGRANT EXECUTE ON PROCEDURE kyufu.soto TO 'app'@'%';\n`,
    reads: false,
  },
  {
    name: 'INVOKER outer, the caller may execute the inner DEFINER one: app reads the number',
    sql: `${INNER}${outer('owner1', 'INVOKER')}GRANT EXECUTE ON PROCEDURE kyufu.bango TO 'owner1'@'%';\nGRANT EXECUTE ON PROCEDURE kyufu.soto TO 'app'@'%';\nGRANT EXECUTE ON PROCEDURE kyufu.bango TO 'app'@'%';\n`,
    reads: true,
  },
];

const mariaDb = mariaDbForFile('test/mariadb/routine-calls');

function spif(sql: string) {
  const read = mysqlReader.read({ path: 'schema.sql', text: sql }, { dialect: 'mariadb' }) as ReadResult;
  const built = buildCatalog([{ database: 'default', dialect: 'mariadb', ops: read.ops }]);
  return {
    resolver: createAccessResolver(built.catalog),
    diagnostics: [...read.diagnostics, ...built.diagnostics],
  };
}

describe('CALL inside MySQL-family procedures, checked on MariaDB', () => {
  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const script = BASE + s.sql;
      const side = spif(script);
      expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(side.resolver.canSelect('app@%', asRelationId('default.kyufu.soto()'), 'kojin_bango').allowed).toBe(
        s.reads,
      );
      const server = mariaDb.server;
      if (!server) return void console.warn(`${s.name}: MariaDB side skipped (${mariaDb.skipped})`);
      await server.exec('DROP DATABASE IF EXISTS kyufu; DROP USER IF EXISTS app, owner1, owner2;');
      await server.exec(script);
      const out = await server.probe('app', [{ id: 'probe-1', sql: "CALL kyufu.soto('A1')" }]);
      expect(out.get('probe-1') === 0).toBe(s.reads);
    });
  }

  it('a local variable passed to an IN parameter is followed: the body stays analysed', () => {
    const side = spif(`${BASE}${INNER}CREATE PROCEDURE soto()
BEGIN
  DECLARE v CHAR(12);
  CALL bango(v);
  SELECT v;
END//
DELIMITER ;
`);
    expect(side.diagnostics.filter((d) => d.code === 'SPIF-FUNCTION-UNANALYSED')).toEqual([]);
  });
});
