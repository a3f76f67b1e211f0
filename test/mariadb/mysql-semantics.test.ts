/**
 * MySQL 8 semantics no MariaDB server can check (roles differ), and the routine reader: spif's
 * real reader, builder and resolver on small scripts, each expectation from the MySQL 8.0 manual.
 * - SET ROLE: "SET ROLE ALL" activates every granted role at once, including the roles named in
 *   `mandatory_roles` ("Granted roles include those granted explicitly to the user and those named
 *   in the mandatory_roles system variable value"); "Privileges that the user has been granted
 *   directly … remain unaffected" (https://dev.mysql.com/doc/refman/8.0/en/set-role.html).
 * - Definer context uses the DEFINER's default roles, or all its granted roles when
 *   activate_all_roles_on_login is ON (MySQL 8.0: Using Roles, and the activate_all_roles_on_login
 *   system variable). MariaDB applies no default role there (test/mariadb/differential.test.ts).
 * - "This account [the DEFINER] must have the EXECUTE privilege for p1 as well as the … privilege
 *   for table t1. Otherwise, the procedure fails." (MySQL 5.7 / 8.0 Stored Object Access Control)
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build.js';
import type { Dialect } from '../../src/dialect.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { findUnknownPaths } from '../../src/access/unknown-paths.js';
import { resolvePrincipals } from '../../src/access/principals.js';
import { mysqlReader } from '../../src/sources/mysql/reader.js';
import type { ReadResult } from '../../src/sources/types.js';
import { asRelationId } from '../../src/catalog/model.js';

function load(sql: string, dialect: Dialect = 'mysql') {
  const read = mysqlReader.read({ path: 'dump.sql', text: sql }, { dialect }) as ReadResult;
  const built = buildCatalog([{ database: 'default', dialect, ops: read.ops }]);
  const diagnostics = [...read.diagnostics, ...built.diagnostics];
  return { catalog: built.catalog, resolver: createAccessResolver(built.catalog), diagnostics };
}

const BASE = `CREATE DATABASE kyufu;
USE kyufu;
CREATE TABLE jumin (id INT PRIMARY KEY, kojin_bango CHAR(12), shimei VARCHAR(20));
CREATE USER 'app'@'%';
CREATE USER 'owner1'@'%';
CREATE ROLE r_view, r_base;
GRANT SELECT ON kyufu.jumin TO r_base;
`;

describe('MySQL 8 roles', () => {
  it('SET ROLE ALL: an INVOKER view readable with two roles at once (MySQL), not with one role at a time (MariaDB)', () => {
    const sql = `${BASE}CREATE DEFINER='owner1'@'%' SQL SECURITY INVOKER VIEW v AS SELECT kojin_bango FROM jumin;
GRANT SELECT ON kyufu.v TO r_view;
GRANT r_view, r_base TO 'app'@'%';`;
    expect(load(sql, 'mysql').resolver.canSelect('app@%', asRelationId('default.kyufu.v'), 'kojin_bango').allowed).toBe(
      true,
    );
    const maria = sql.replace(
      "GRANT r_view, r_base TO 'app'@'%';",
      "GRANT r_view TO 'app'@'%';\nGRANT r_base TO 'app'@'%';",
    );
    expect(
      load(maria, 'mariadb').resolver.canSelect('app@%', asRelationId('default.kyufu.v'), 'kojin_bango').allowed,
    ).toBe(false);
  });

  it('a DEFINER view uses its definer’s default roles, or every granted role with activate_all_roles_on_login', () => {
    const view = `CREATE DEFINER='owner1'@'%' VIEW v AS SELECT kojin_bango FROM jumin;
GRANT SELECT ON kyufu.v TO 'app'@'%';
GRANT r_base TO 'owner1'@'%';`;
    const reads = (extra: string) =>
      load(`${BASE}${view}\n${extra}`).resolver.canSelect('app@%', asRelationId('default.kyufu.v'), 'kojin_bango')
        .allowed;
    expect(reads('')).toBe(false);
    expect(reads("SET DEFAULT ROLE r_base TO 'owner1'@'%';")).toBe(true);
    expect(reads("ALTER USER 'owner1'@'%' DEFAULT ROLE ALL;")).toBe(true);
    expect(reads('SET PERSIST activate_all_roles_on_login = ON;')).toBe(true);
  });

  it('mandatory_roles are granted to every account: each may SET ROLE to them', () => {
    const sql = `${BASE}SET PERSIST mandatory_roles = 'r_base,\`r_view\`@\`%\`';
CREATE USER 'late'@'%';`;
    const { resolver, diagnostics } = load(sql);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(resolver.canSelect('app@%', asRelationId('default.kyufu.jumin'), 'kojin_bango').allowed).toBe(true);
    expect(resolver.canSelect('late@%', asRelationId('default.kyufu.jumin'), 'kojin_bango').allowed).toBe(true);
    expect(resolver.canSelect('owner1@%', asRelationId('default.kyufu.jumin'), 'kojin_bango').allowed).toBe(true);
  });

  it('a DEFINER the sources say nothing about (root in a dump) is assumed to read, and says so', async () => {
    const sql = `${BASE}CREATE ALGORITHM=UNDEFINED DEFINER=\`root\`@\`localhost\` SQL SECURITY DEFINER VIEW \`v\` AS select \`jumin\`.\`kojin_bango\` AS \`kojin_bango\` from \`jumin\`;
GRANT SELECT ON kyufu.v TO 'app'@'%';`;
    const { catalog, resolver } = load(sql);
    expect(resolver.canSelect('app@%', asRelationId('default.kyufu.v'), 'kojin_bango').allowed).toBe(true);
    const { definerAssumptions } = await import('../../src/access/mysql.js');
    expect(definerAssumptions(catalog, catalog.relations.get(asRelationId('default.kyufu.v'))!)).toEqual([
      'mysql-definer-assumed:root@localhost',
    ]);
  });
});

describe('stored routines (read by tokens, each query by node-sql-parser)', () => {
  const DUMP = `${BASE}GRANT SELECT ON kyufu.* TO 'owner1'@'%';
GRANT EXECUTE ON kyufu.* TO 'owner1'@'%';
/*!50003 DROP PROCEDURE IF EXISTS \`list_bango\` */;
DELIMITER ;;
CREATE DEFINER=\`owner1\`@\`%\` PROCEDURE \`list_bango\`(IN p_id INT, OUT p_out CHAR(12))
    READS SQL DATA
    COMMENT 'cursor, FETCH, OUT parameter'
BEGIN
  DECLARE done INT DEFAULT 0;
  DECLARE v_bango CHAR(12);
  DECLARE cur CURSOR FOR SELECT kojin_bango FROM jumin WHERE id >= p_id;
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  OPEN cur;
  read_loop: LOOP
    FETCH cur INTO v_bango;
    IF done = 1 THEN
      LEAVE read_loop;
    END IF;
  END LOOP;
  CLOSE cur;
  SET p_out = v_bango;
  SELECT shimei FROM jumin WHERE id = p_id;
END ;;
CREATE DEFINER=\`owner1\`@\`%\` FUNCTION \`bango_of\`(p INT) RETURNS char(12) CHARSET utf8mb4
    READS SQL DATA
    DETERMINISTIC
    SQL SECURITY INVOKER
BEGIN
  DECLARE x CHAR(12) DEFAULT (SELECT kojin_bango FROM jumin WHERE id = p);
  RETURN x;
END ;;
CREATE DEFINER=\`owner1\`@\`%\` PROCEDURE \`dyn\`(IN t VARCHAR(64))
BEGIN
  SET @q = CONCAT('SELECT kojin_bango FROM ', t);
  PREPARE s FROM @q;
  EXECUTE s;
END ;;
DELIMITER ;
GRANT EXECUTE ON PROCEDURE kyufu.list_bango TO 'app'@'%';
GRANT EXECUTE ON FUNCTION kyufu.bango_of TO 'app'@'%';
GRANT EXECUTE ON PROCEDURE kyufu.dyn TO 'app'@'%';
`;

  it('a mysqldump routine: cursor → FETCH → OUT parameter carries the number; the result set too', () => {
    const { catalog, resolver, diagnostics } = load(DUMP);
    const p = catalog.relations.get(asRelationId('default.kyufu.list_bango()'))!;
    expect(p.routine).toMatchObject({ kind: 'procedure', securityDefiner: true, analysed: true });
    expect(p.owner).toBe('owner1@%');
    const col = (name: string) => p.view!.columns.find((c) => c.name === name)?.from.map((o) => o.column);
    expect(col('p_out')).toEqual(['kojin_bango']);
    expect(col('shimei')).toEqual(['shimei']);
    expect(p.columns.find((c) => c.name === 'p_id')?.parameter).toBe(true);
    // app may EXECUTE it and owner1 reads jumin: the number reaches app although app has no grant on jumin.
    expect(resolver.canSelect('app@%', asRelationId('default.kyufu.list_bango()'), 'p_out').allowed).toBe(true);
    expect(resolver.canSelect('app@%', asRelationId('default.kyufu.jumin'), 'kojin_bango').allowed).toBe(false);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('an INVOKER function reads with the caller’s rights: EXECUTE alone gives nothing', () => {
    const { catalog, resolver } = load(DUMP);
    const f = catalog.relations.get(asRelationId('default.kyufu.bango_of()'))!;
    expect(f.routine).toMatchObject({ kind: 'function', securityDefiner: false, analysed: true });
    expect(f.view!.columns.find((c) => c.name === 'bango_of')?.from.map((o) => o.column)).toEqual(['kojin_bango']);
    const v = resolver.canSelect('app@%', asRelationId('default.kyufu.bango_of()'), 'bango_of');
    expect(v).toMatchObject({ allowed: false, control: 'no-table-privilege' });
  });

  it('dynamic SQL is an explicit unknown path on what the definer may read, with its reason', () => {
    const { catalog, resolver, diagnostics } = load(DUMP);
    const d = catalog.relations.get(asRelationId('default.kyufu.dyn()'))!;
    expect(d.routine).toMatchObject({ analysed: false });
    expect(d.routine!.unanalysedReason).toMatch(/dynamic SQL/);
    expect(diagnostics.some((x) => x.code === 'SPIF-FUNCTION-UNANALYSED' && /kyufu\.dyn/.test(x.message))).toBe(true);
    const principals = resolvePrincipals(catalog, []).principals;
    const paths = findUnknownPaths(catalog, resolver, principals);
    expect(paths.map((p) => [p.via, p.executors, p.relations])).toEqual([
      ['default.kyufu.dyn()', ['app@%'], ['default.kyufu.jumin']],
    ]);
  });

  it('ALTER … SQL SECURITY INVOKER and DROP PROCEDURE change the routine; DROP IF EXISTS of an unknown one is quiet', () => {
    const sql = `${DUMP}ALTER PROCEDURE kyufu.list_bango SQL SECURITY INVOKER;
DROP FUNCTION kyufu.bango_of;
DROP PROCEDURE IF EXISTS kyufu.never_created;`;
    const { catalog, resolver, diagnostics } = load(sql);
    expect(catalog.relations.get(asRelationId('default.kyufu.list_bango()'))!.routine!.securityDefiner).toBe(false);
    expect(resolver.canSelect('app@%', asRelationId('default.kyufu.list_bango()'), 'p_out').allowed).toBe(false);
    expect(catalog.relations.has(asRelationId('default.kyufu.bango_of()'))).toBe(false);
    expect(diagnostics.filter((d) => d.severity !== 'info' && d.code !== 'SPIF-FUNCTION-UNANALYSED')).toEqual([]);
  });

  it('CALL of a routine no source defines: unanalysed, never ignored (CALLs of defined ones: routine-calls.test.ts)', () => {
    const sql = `${BASE}DELIMITER //
CREATE PROCEDURE wrap() BEGIN CALL kyufu.other(); END//
DELIMITER ;`;
    const r = load(sql).catalog.relations.get(asRelationId('default.kyufu.wrap()'))!;
    expect(r.routine).toMatchObject({
      analysed: false,
      unanalysedReason: 'calls kyufu.other, which is not defined in the sources read before it',
    });
  });
});
