import { buildCatalog } from '../../../src/catalog/build.js';
import { describe, expect, it } from 'vitest';
import { at, FILE, ops, read } from './helpers.js';
import { asRelationId } from '../../../src/catalog/model.js';

describe('mysql reader: CREATE TABLE', () => {
  it('reads columns, types, comments, inline and table-level keys, table options and comment', () => {
    const sql = [
      'CREATE TABLE `Hihokensha` (',
      "  `Hihokensha_No` char(8) NOT NULL COMMENT '被保険者番号',",
      "  kojin_bango varchar(12) UNIQUE COMMENT 'it''s \\'個人番号\\'',",
      '  setai_no int REFERENCES setai(setai_no),',
      '  seq int PRIMARY KEY,',
      '  PRIMARY KEY (`Hihokensha_No`),',
      '  UNIQUE KEY `uk_setai` (`setai_no`, seq),',
      '  KEY `idx` (kojin_bango),',
      '  CONSTRAINT `FK_x` FOREIGN KEY (`setai_no`) REFERENCES `other`.`setai` (`setai_no`) ON DELETE CASCADE',
      ") ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC COMMENT='被保険者台帳';",
    ].join('\n');
    const r = read(sql);
    expect(r.diagnostics).toEqual([]);
    expect(r.ops).toEqual([
      {
        op: 'create-table',
        at: at(1, 1),
        name: { schema: 'main', name: 'Hihokensha' },
        columns: [
          {
            name: 'hihokensha_no',
            type: 'char(8)',
            comment: '被保険者番号',
            source: at(2, 3),
            commentSource: at(2, 36),
          },
          {
            name: 'kojin_bango',
            type: 'varchar(12)',
            comment: "it's '個人番号'",
            source: at(3, 3),
            commentSource: at(3, 34),
          },
          { name: 'setai_no', type: 'int', source: at(4, 3) },
          { name: 'seq', type: 'int', source: at(5, 3) },
        ],
        primaryKey: ['hihokensha_no'],
        uniqueKeys: [['kojin_bango'], ['setai_no', 'seq']],
        foreignKeys: [
          {
            columns: ['setai_no'],
            references: { schema: 'main', name: 'setai' },
            referencedColumns: ['setai_no'],
            source: at(4, 3),
          },
          {
            name: 'fk_x',
            columns: ['setai_no'],
            references: { schema: 'other', name: 'setai' },
            referencedColumns: ['setai_no'],
            source: at(9, 3),
          },
        ],
        comment: '被保険者台帳',
        keyNames: { uniqueKeys: [undefined, 'uk_setai'] },
      },
    ]);
  });

  it('puts unqualified names in the schema of the last USE, qualified ones in theirs', () => {
    expect(
      ops(
        'CREATE DATABASE IF NOT EXISTS `kyufu` DEFAULT CHARACTER SET utf8mb4;\nUSE kyufu;\nCREATE TABLE a (x int);\nCREATE TABLE bango.b (y int) CHARSET=utf8mb4;',
      ),
    ).toEqual([
      { op: 'create-schema', schema: 'kyufu' },
      { op: 'use-schema', schema: 'kyufu' },
      {
        op: 'create-table',
        name: { schema: 'kyufu', name: 'a' },
        columns: [{ name: 'x', type: 'int' }],
        uniqueKeys: [],
        foreignKeys: [],
      },
      {
        op: 'create-table',
        name: { schema: 'bango', name: 'b' },
        columns: [{ name: 'y', type: 'int' }],
        uniqueKeys: [],
        foreignKeys: [],
      },
    ]);
  });

  it('skips temporary tables quietly and warns on CREATE TABLE … AS SELECT', () => {
    const r = read('CREATE TEMPORARY TABLE t (a int);\nCREATE TABLE c AS SELECT * FROM x;');
    expect(r.ops).toEqual([]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'SPIF-SQL-UNSUPPORTED', file: FILE, line: 2, column: 1 }),
    ]);
  });
});

describe('mysql reader: CREATE TABLE forms node-sql-parser lacks', () => {
  it('reads OR REPLACE (as drop + create), partitions, system versioning, INVISIBLE, LIKE', () => {
    const sql = [
      'CREATE OR REPLACE TABLE t1 (a int) ENGINE=InnoDB;',
      'CREATE TABLE t2 (a int, b int WITHOUT SYSTEM VERSIONING) WITH SYSTEM VERSIONING;',
      "CREATE TABLE t3 (a int NOT NULL, PRIMARY KEY (a) USING BTREE) COMMENT='分割' /*!50100 PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (10) ENGINE = InnoDB) */;",
      'CREATE TABLE t4 (a int DEFAULT NULL /*!80023 INVISIBLE */);',
      'CREATE TABLE t5 LIKE t3;',
    ].join('\n');
    const r = read(sql, 'mariadb');
    expect(r.diagnostics.map((d) => [d.severity, d.line])).toEqual([['warning', 5]]);
    expect(
      r.ops.map((o) => [
        o.op,
        (o as { name?: { name: string } }).name?.name ?? (o as { names: { name: string }[] }).names[0]?.name,
      ]),
    ).toEqual([
      ['drop-relation', 't1'],
      ['create-table', 't1'],
      ['create-table', 't2'],
      ['create-table', 't3'],
      ['create-table', 't4'],
      ['create-table', 't5'],
    ]);
    expect(r.ops[3]).toMatchObject({ primaryKey: ['a'], comment: '分割' });
    expect(r.ops[5]).toMatchObject({ columns: [{ name: 'a' }] });
  });
});

describe('mysql reader: ALTER / DROP / RENAME', () => {
  it('reads ALTER TABLE actions in order', () => {
    const sql = [
      'CREATE TABLE t (a int, b int, c int, d int);',
      'ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES o(x), ADD PRIMARY KEY (a), ADD UNIQUE KEY u (b),',
      "  ADD COLUMN kojin_bango char(12) COMMENT '個人番号' AFTER a, DROP COLUMN c, RENAME COLUMN d TO e,",
      "  CHANGE COLUMN b b2 int COMMENT 'x', MODIFY e int, COMMENT = '表', ENGINE=InnoDB;",
      'ALTER TABLE t RENAME TO t2;',
      '/*!40000 ALTER TABLE `t2` DISABLE KEYS */;',
    ].join('\n');
    const table = { schema: 'main', name: 't' };
    expect(ops(sql).slice(1)).toEqual([
      {
        op: 'add-foreign-key',
        table,
        foreignKey: { name: 'fk', columns: ['a'], references: { schema: 'main', name: 'o' }, referencedColumns: ['x'] },
      },
      { op: 'add-primary-key', table, columns: ['a'] },
      { op: 'add-unique', table, columns: ['b'], name: 'u' },
      { op: 'add-column', table, column: { name: 'kojin_bango', type: 'char(12)', comment: '個人番号' } },
      { op: 'drop-column', table, column: 'c' },
      { op: 'rename-column', table, from: 'd', to: 'e' },
      { op: 'rename-column', table, from: 'b', to: 'b2' },
      { op: 'comment-column', table, column: 'b2', text: 'x' },
      { op: 'comment-column', table, column: 'e', text: null },
      { op: 'comment-relation', name: table, text: '表' },
      { op: 'rename-relation', from: table, to: 't2' },
    ]);
  });

  it('mariadb: ALTER TABLE … ADD CONSTRAINT reads although the mariadb grammar rejects it', () => {
    expect(ops('ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES o (x);', 'mariadb')).toEqual([
      {
        op: 'add-foreign-key',
        table: { schema: 'main', name: 't' },
        foreignKey: { name: 'fk', columns: ['a'], references: { schema: 'main', name: 'o' }, referencedColumns: ['x'] },
      },
    ]);
  });

  it('drops keys and foreign keys by name in the catalog; an unknown foreign key name is a warning', () => {
    const r = read(
      [
        'CREATE TABLE o (x int PRIMARY KEY);',
        'CREATE TABLE t (a int, b int, c int, PRIMARY KEY (a), UNIQUE KEY uk (b), UNIQUE (c), KEY k (a),',
        '  CONSTRAINT fk FOREIGN KEY (a) REFERENCES o (x), FOREIGN KEY (b) REFERENCES o (x));',
        'ALTER TABLE t DROP FOREIGN KEY fk, DROP INDEX k, DROP INDEX uk;',
        'ALTER TABLE t DROP FOREIGN KEY t_ibfk_1, DROP INDEX c, DROP PRIMARY KEY;',
        'ALTER TABLE t DROP FOREIGN KEY no_such_fk;',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const built = buildCatalog([{ database: 'default', dialect: 'mysql', ops: r.ops }]);
    expect(built.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-SQL-UNKNOWN-CONSTRAINT', 6]]);
    const t = built.catalog.relations.get(asRelationId('default.main.t'))!;
    expect(t.foreignKeys).toEqual([]);
    expect(t.uniqueKeys).toEqual([]);
    expect(t.primaryKey).toBeUndefined();
  });

  it('reads DROP TABLE/VIEW, RENAME TABLE (also across databases), CREATE UNIQUE INDEX', () => {
    expect(
      ops(
        'DROP TABLE IF EXISTS `a`, db.b;\nDROP VIEW v;\nRENAME TABLE a TO b, db.c TO db2.c;\nCREATE UNIQUE INDEX ui ON t (x, y);\nCREATE INDEX i ON t (z);',
      ),
    ).toEqual([
      {
        op: 'drop-relation',
        names: [
          { schema: 'main', name: 'a' },
          { schema: 'db', name: 'b' },
        ],
        kind: 'table',
      },
      { op: 'drop-relation', names: [{ schema: 'main', name: 'v' }], kind: 'view' },
      { op: 'rename-relation', from: { schema: 'main', name: 'a' }, to: 'b' },
      { op: 'set-schema', name: { schema: 'db', name: 'c' }, schema: 'db2' },
      { op: 'add-unique', table: { schema: 'main', name: 't' }, columns: ['x', 'y'], name: 'ui' },
    ]);
  });

  it('DROP DATABASE drops what this file declared in it', () => {
    expect(ops('CREATE TABLE d.t (a int);\nCREATE VIEW d.v AS SELECT a FROM d.t;\nDROP DATABASE d;').slice(2)).toEqual([
      { op: 'drop-relation', names: [{ schema: 'd', name: 't' }], kind: 'table' },
      { op: 'drop-relation', names: [{ schema: 'd', name: 'v' }], kind: 'view' },
    ]);
  });
});

describe('mysql reader: views', () => {
  it('reads ALGORITHM/DEFINER/SQL SECURITY, lineage, reads and readsColumns', () => {
    const sql = [
      'CREATE TABLE h (hihokensha_no char(8), kojin_bango char(12), shimei varchar(10));',
      'CREATE TABLE k (kyufu_id int, hihokensha_no char(8), gaku int);',
      'CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`app_owner`@`10.0.0.%` SQL SECURITY INVOKER VIEW v_k AS',
      '  SELECT k.kyufu_id, h.kojin_bango AS bango, gaku * 2 AS gaku2, shimei,',
      '    (SELECT max(x.z) FROM other.x WHERE x.id = k.kyufu_id) AS m',
      '  FROM k JOIN h ON h.hihokensha_no = k.hihokensha_no WHERE k.gaku > 0;',
    ].join('\n');
    const r = read(sql);
    expect(r.diagnostics).toEqual([]);
    const h = { schema: 'main', name: 'h' };
    const k = { schema: 'main', name: 'k' };
    const x = { schema: 'other', name: 'x' };
    expect(r.ops[2]).toEqual({
      op: 'create-view',
      at: at(3, 1),
      name: { schema: 'main', name: 'v_k' },
      orReplace: true,
      owner: 'app_owner@10.0.0.%',
      // Where the query names each relation: `FROM k`, `JOIN h`, the subquery's `FROM other.x`.
      readsAt: [
        { relation: k, at: at(6, 8) },
        { relation: h, at: at(6, 15) },
        { relation: x, at: at(5, 27) },
      ],
      view: {
        securityInvoker: true,
        columns: [
          { name: 'kyufu_id', from: [{ relation: k, column: 'kyufu_id' }] },
          { name: 'bango', from: [{ relation: h, column: 'kojin_bango' }] },
          // A derived value carries the columns it is computed from, as PostgreSQL's reader does.
          { name: 'gaku2', from: [{ relation: k, column: 'gaku' }] },
          { name: 'shimei', from: [{ relation: h, column: 'shimei' }] },
          { name: 'm', from: [{ relation: x, column: 'z' }] },
        ],
        reads: [k, h, x],
        readsColumns: expect.arrayContaining([
          { relation: h, column: 'hihokensha_no' },
          { relation: k, column: 'hihokensha_no' },
          { relation: k, column: 'gaku' },
          { relation: k, column: 'kyufu_id' },
          { relation: h, column: 'kojin_bango' },
          { relation: h, column: 'shimei' },
          { relation: x, column: 'z' },
          { relation: x, column: 'id' },
        ]),
      },
    });
    expect((r.ops[2] as { view: { readsColumns: unknown[] } }).view.readsColumns).toHaveLength(8);
  });

  it('follows derived tables, CTEs, UNION, * and a view column list; DEFINER default is not invoker', () => {
    const sql = [
      'CREATE TABLE a (id int, num char(12));',
      'CREATE TABLE b (id int, num char(12));',
      'CREATE VIEW v1 (ident, n) AS SELECT d.id, d.num FROM (SELECT id, num FROM a) d;',
      'CREATE VIEW v2 AS WITH c AS (SELECT num FROM b) SELECT c.num FROM c;',
      'CREATE VIEW v3 AS SELECT num FROM a UNION ALL SELECT num FROM b;',
      'CREATE VIEW v4 AS SELECT * FROM a;',
    ].join('\n');
    const a = { schema: 'main', name: 'a' };
    const b = { schema: 'main', name: 'b' };
    const views = ops(sql).slice(2) as {
      name: { name: string };
      view: { securityInvoker: boolean; columns: unknown[] };
    }[];
    expect(views.map((v) => [v.name.name, v.view.securityInvoker, v.view.columns])).toEqual([
      [
        'v1',
        false,
        [
          { name: 'ident', from: [{ relation: a, column: 'id' }] },
          { name: 'n', from: [{ relation: a, column: 'num' }] },
        ],
      ],
      ['v2', false, [{ name: 'num', from: [{ relation: b, column: 'num' }] }]],
      [
        'v3',
        false,
        [
          {
            name: 'num',
            from: [
              { relation: a, column: 'num' },
              { relation: b, column: 'num' },
            ],
          },
        ],
      ],
      [
        'v4',
        false,
        [
          { name: 'id', from: [{ relation: a, column: 'id' }] },
          { name: 'num', from: [{ relation: a, column: 'num' }] },
        ],
      ],
    ]);
  });

  it('warns on SELECT * over a relation not declared in the file', () => {
    const r = read('CREATE VIEW v AS SELECT * FROM elsewhere;');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'SPIF-SQL-UNSUPPORTED', line: 1, column: 1 }),
    ]);
    expect(r.ops).toHaveLength(1);
  });

  it('reads ALTER VIEW as a replacement', () => {
    expect(ops('ALTER SQL SECURITY INVOKER VIEW v AS SELECT a FROM t;')).toEqual([
      {
        op: 'create-view',
        name: { schema: 'main', name: 'v' },
        orReplace: true,
        readsAt: [{ relation: { schema: 'main', name: 't' }, at: expect.objectContaining({ line: 1, column: 52 }) }],
        view: {
          securityInvoker: true,
          columns: [{ name: 'a', from: [{ relation: { schema: 'main', name: 't' }, column: 'a' }] }],
          reads: [{ schema: 'main', name: 't' }],
          readsColumns: [{ relation: { schema: 'main', name: 't' }, column: 'a' }],
        },
      },
    ]);
  });
});
