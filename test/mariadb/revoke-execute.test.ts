/**
 * `spif explain` on a MySQL-family DEFINER procedure that returns the number: the smallest access
 * change is `REVOKE EXECUTE ON PROCEDURE db.p FROM 'user'@'host'` (MySQL has no argument list in
 * it: "GRANT EXECUTE ON PROCEDURE db.p", MySQL 8.0 Reference Manual, GRANT; MariaDB GRANT
 * "Procedure Privileges"), or, for EXECUTE held on `db.*`, revoking that and granting it again on
 * the database's other routines. The suggested SQL is run on a real MariaDB (started by the test;
 * skipped with a message where it cannot start): before it the account's CALL reads the number,
 * after it the CALL is refused (1370) and the other procedure still runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinSync } from '../helpers/bin.js';
import { mariaDbForFile } from './server.js';
import { nth } from '../../src/indexed.js';

const schema = (grant: string) => `CREATE DATABASE kyufu;
USE kyufu;
CREATE TABLE jumin (atena_no VARCHAR(15) PRIMARY KEY, kojin_bango CHAR(12));
INSERT INTO jumin VALUES ('A1', '123456789018');
CREATE USER 'app'@'%';
CREATE USER 'owner1'@'%';
GRANT SELECT ON kyufu.jumin TO 'owner1'@'%';
GRANT EXECUTE ON kyufu.* TO 'owner1'@'%';
DELIMITER //
CREATE DEFINER='owner1'@'%' PROCEDURE bango(IN p_atena VARCHAR(15))
BEGIN
  SELECT kojin_bango FROM jumin WHERE atena_no = p_atena;
END//
CREATE DEFINER='owner1'@'%' FUNCTION kensu() RETURNS INT READS SQL DATA
BEGIN
  RETURN (SELECT COUNT(*) FROM jumin);
END//
DELIMITER ;
${grant}
`;

const CASES = [
  {
    name: 'EXECUTE on the procedure',
    grant: "GRANT EXECUTE ON PROCEDURE kyufu.bango TO 'app'@'%';",
    sql: "REVOKE EXECUTE ON PROCEDURE kyufu.bango FROM 'app'@'%';",
    otherStays: false,
  },
  {
    name: 'EXECUTE on the database',
    grant: "GRANT EXECUTE ON kyufu.* TO 'app'@'%';",
    sql: "REVOKE EXECUTE ON kyufu.* FROM 'app'@'%';\nGRANT EXECUTE ON FUNCTION kyufu.kensu TO 'app'@'%';",
    otherStays: true,
  },
];

const mariaDb = mariaDbForFile('test/mariadb/revoke-execute');

const PROBES = [
  { id: 'probe-1', sql: "CALL kyufu.bango('A1')" },
  { id: 'probe-2', sql: 'DO kyufu.kensu()' },
];

describe("explain's smallest change for a MySQL-family DEFINER procedure", () => {
  for (const c of CASES) {
    it(`${c.name}: REVOKE EXECUTE, verified by spif and by MariaDB`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-revoke-exec-'));
      fs.writeFileSync(path.join(dir, 'schema.sql'), schema(c.grant));
      const r = runBinSync(
        ['explain', 'kyufu.bango()', 'schema.sql', '--dialect', 'mariadb', '--format', 'json'],
        dir,
        { LANG: 'C' },
      );
      const result = JSON.parse(r.stdout) as {
        principals: {
          principal: string;
          status: string;
          suggestions: { kind: string; sql: string; verified: boolean }[];
        }[];
      };
      const app = result.principals.find((p) => p.principal === 'app@%')!;
      expect(app.status).toBe('reaches');
      expect(app.suggestions[0]).toMatchObject({ kind: 'revoke-execute', verified: true, sql: c.sql });

      const server = mariaDb.server;
      if (!server) return void console.warn(`${c.name}: MariaDB side skipped (${mariaDb.skipped})`);
      await server.exec('DROP DATABASE IF EXISTS kyufu; DROP USER IF EXISTS app, owner1;');
      await server.exec(schema(c.grant));
      expect(await server.probe('app', PROBES)).toEqual(
        new Map([
          ['probe-1', 0],
          ['probe-2', c.otherStays ? 0 : 1370],
        ]),
      );
      await server.exec(nth(app.suggestions, 0).sql);
      const after = await server.probe('app', PROBES);
      expect(after.get('probe-1')).toBe(1370); // execute command denied
      expect(after.get('probe-2')).toBe(c.otherStays ? 0 : 1370);
    });
  }
});
