/**
 * PostgreSQL appends a number to a name it makes up when that name is already taken in the schema
 * (src/backend/commands/indexcmds.c ChooseRelationName for a key's index, taken by any relation
 * or constraint; src/backend/catalog/pg_constraint.c ChooseConstraintName for a foreign key,
 * taken by any constraint): "`label`N" with N = 1, 2, …, each try cut to NAMEDATALEN-1 = 63 bytes
 * keeping the whole label. CHECK and EXCLUDE constraints and CREATE INDEX indexes hold names too
 * (an unnamed CHECK is `<table>_<column>_check`, src/backend/catalog/heap.c; an unnamed index
 * `<table>_<columns>_idx`, ChooseIndexName, taken by relations only). Every script below is run on
 * PGlite (real PostgreSQL); each constraint and index it named is then dropped by that name in
 * spif, which must know it and drop exactly that key.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import { loadPostgresParser, readPostgresSql } from '../../../src/sources/postgresql/reader.js';
import { nth } from '../../../src/indexed.js';
import { asRelationId } from '../../../src/catalog/model.js';

interface Made {
  table: string;
  conname: string;
  /** `i`: an index that is no constraint's (CREATE INDEX). */
  contype: 'p' | 'u' | 'f' | 'c' | 'x' | 'i';
  columns: string[];
  /** For an index: UNIQUE over plain columns without WHERE (a key). */
  key?: boolean;
}

const SCENARIOS: Record<string, string> = {
  'a table holds the name': `CREATE TABLE t_c_key (x int);
CREATE TABLE t (id int PRIMARY KEY, c char(12));
ALTER TABLE t ADD UNIQUE (c);`,
  'the same key added three times': `CREATE TABLE t (c char(12));
ALTER TABLE t ADD UNIQUE (c); ALTER TABLE t ADD UNIQUE (c); ALTER TABLE t ADD UNIQUE (c);`,
  'a key of another table holds the name, another schema does not': `CREATE SCHEMA other;
CREATE TABLE other.m_a_key (x int);
CREATE TABLE o (z int, CONSTRAINT m_a_key UNIQUE (z));
CREATE TABLE m (a int UNIQUE);`,
  'a primary key after a table named like it': `CREATE TABLE x_pkey (y int);
CREATE TABLE x (id int PRIMARY KEY);`,
  'a sequence and a view hold index names': `CREATE SEQUENCE sq_a_key;
CREATE TABLE sq (a int UNIQUE);
CREATE VIEW vw_a_key AS SELECT 1 AS one;
CREATE TABLE vw (a int);
ALTER TABLE vw ADD UNIQUE (a);`,
  'foreign keys: numbered among constraints, not relations': `CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE u_p_id_fkey (x int);
CREATE TABLE u (p_id int REFERENCES p);
ALTER TABLE u ADD FOREIGN KEY (p_id) REFERENCES p;
CREATE TABLE w (p_id int, FOREIGN KEY (p_id) REFERENCES p, FOREIGN KEY (p_id) REFERENCES p);`,
  'long and Japanese names are cut to 63 bytes with the number kept': `CREATE TABLE ${'l'.repeat(40)} (${'c'.repeat(30)} int UNIQUE);
ALTER TABLE ${'l'.repeat(40)} ADD UNIQUE (${'c'.repeat(30)});
CREATE TABLE 特定個人情報ファイル管理台帳 (個人番号保管区分コード int UNIQUE);
ALTER TABLE 特定個人情報ファイル管理台帳 ADD UNIQUE (個人番号保管区分コード);`,
  'a CHECK constraint holds a key name (checks are named first)': `CREATE TABLE v (b int, CONSTRAINT v_b_key CHECK (b > 0));
ALTER TABLE v ADD UNIQUE (b);
CREATE TABLE kc (a int UNIQUE, CONSTRAINT kc_a_key CHECK (a > 0));`,
  'unnamed CHECK constraints: the one column named, else the table': `CREATE TABLE ck (a int CHECK (a > 0), b int CHECK (b > a), CHECK (a < 100), c int, CHECK (c > 0), CHECK (ck.c < 10));
ALTER TABLE ck ADD CHECK (c <> 5);
ALTER TABLE ck ADD COLUMN d int CHECK (d > 0);
ALTER TABLE ck ADD CONSTRAINT ck_d_check1 CHECK (d < 9), ADD CHECK (d <> 3);`,
  'CREATE INDEX names: columns, expr, INCLUDE, numbered among relations': `CREATE TABLE ix (a int, b text, c int);
CREATE INDEX ON ix (a); CREATE INDEX ON ix (a);
CREATE INDEX ON ix (lower(b), upper(b)); CREATE INDEX ON ix ((a + c), (a * c), lower(b), (b::text), (c::text));
CREATE INDEX ON ix (a) INCLUDE (c);
CREATE UNIQUE INDEX ON ix (c);
CREATE UNIQUE INDEX ON ix (b) WHERE c > 0;
ALTER TABLE ix ADD UNIQUE (a);
CREATE INDEX ON ix USING btree (b);
CREATE INDEX ix_c_key ON ix (c);
ALTER TABLE ix ADD UNIQUE (c);`,
  'an index does not take a foreign key or CHECK name, nor a CHECK an index name': `CREATE TABLE fp (id int PRIMARY KEY);
CREATE TABLE fc (p int);
CREATE INDEX fc_p_fkey ON fc (p);
ALTER TABLE fc ADD FOREIGN KEY (p) REFERENCES fp;
CREATE TABLE ci (a int CONSTRAINT ci_a_idx CHECK (a > 0));
CREATE INDEX ON ci (a);`,
  'EXCLUDE constraints': `CREATE TABLE ex (a int, b int, EXCLUDE USING btree (a WITH =), EXCLUDE USING btree (a WITH =, b WITH =));
ALTER TABLE ex ADD EXCLUDE USING btree (b WITH =);`,
  'ALTER INDEX RENAME (a key’s index renames its constraint) and DROP INDEX free names': `CREATE TABLE rn (a int UNIQUE);
CREATE INDEX ON rn (a);
ALTER INDEX rn_a_key RENAME TO rn_k;
ALTER INDEX rn_a_idx RENAME TO rn_a_key;
ALTER TABLE rn ADD UNIQUE (a);
CREATE TABLE dr (a int);
CREATE INDEX ON dr (a); DROP INDEX dr_a_idx; CREATE INDEX ON dr (a);`,
  'CREATE TABLE makes one index for keys over the same columns': `CREATE TABLE pp (a int PRIMARY KEY, CONSTRAINT pp_u UNIQUE (a));
CREATE TABLE p2 (a int UNIQUE, b int UNIQUE, UNIQUE (a));
ALTER TABLE p2 ADD UNIQUE (b);`,
};

/** The constraints PostgreSQL made for a script, inside a transaction that is rolled back (DDL is transactional). */
async function madeNames(pg: PGlite, sql: string): Promise<Made[]> {
  await pg.exec('BEGIN');
  try {
    await pg.exec(sql);
    const r = await pg.query<Made>(
      `SELECT c.relname AS table, k.conname, k.contype,
              array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(n, i)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS columns
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE k.connamespace = 'public'::regnamespace AND k.contype IN ('p', 'u', 'f', 'c', 'x')
        ORDER BY k.oid`,
    );
    const ix = await pg.query<Made>(
      `SELECT t.relname AS table, c.relname AS conname, 'i' AS contype,
              array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS u(n, i)
                    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.n
                    WHERE u.i <= x.indnkeyatts ORDER BY u.i)::text[] AS columns,
              x.indisunique AND x.indpred IS NULL AND x.indexprs IS NULL AS key
         FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        WHERE c.relnamespace = 'public'::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid
                          AND k.contype IN ('p', 'u', 'x'))
        ORDER BY c.oid`,
    );
    return [...r.rows, ...ix.rows];
  } finally {
    await pg.exec('ROLLBACK');
  }
}

function keysAfter(sql: string, table: string) {
  const read = readPostgresSql({ path: 'm.sql', text: sql });
  const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
  const r = catalog.relations.get(asRelationId(`default.public.${table}`))!;
  return {
    primaryKey: r.primaryKey,
    uniqueKeys: r.uniqueKeys,
    foreignKeys: r.foreignKeys.map((f) => f.columns),
    said: diagnostics.filter((d) => d.severity !== 'info'),
  };
}

describe('numbered made-up key names (…_key1), as PostgreSQL chooses them', () => {
  let pg: PGlite;
  const made = new Map<string, Made[]>();
  beforeAll(async () => {
    pg = new PGlite();
    await loadPostgresParser();
    for (const [scenario, sql] of Object.entries(SCENARIOS)) made.set(scenario, await madeNames(pg, sql));
  });
  afterAll(async () => pg.close());

  for (const [scenario, sql] of Object.entries(SCENARIOS)) {
    it(`${scenario}: a DROP of each name PostgreSQL chose drops that key`, () => {
      const constraints = made.get(scenario)!;
      expect(constraints.length).toBeGreaterThan(0);
      for (const m of constraints) {
        const before = keysAfter(sql, m.table);
        expect(before.said, scenario).toEqual([]);
        // CASCADE: a key that foreign keys reference goes with them, as in PostgreSQL
        const drop =
          m.contype === 'i'
            ? `DROP INDEX ${m.conname};`
            : `ALTER TABLE ${m.table} DROP CONSTRAINT ${m.conname} CASCADE;`;
        const after = keysAfter(`${sql}\n${drop}`, m.table);
        expect(after.said, `${m.table} ${m.conname}`).toEqual([]);
        const count = (keys: string[][]) => keys.filter((k) => k.join() === m.columns.join()).length;
        if (m.contype === 'p') {
          expect(after.primaryKey, m.conname).toBeUndefined();
          expect(after.uniqueKeys).toEqual(before.uniqueKeys);
        } else if (m.contype === 'u' || (m.contype === 'i' && m.key)) {
          expect(count(after.uniqueKeys), m.conname).toBe(count(before.uniqueKeys) - 1);
          expect(after.primaryKey).toEqual(before.primaryKey);
        } else if (m.contype === 'f') {
          expect(count(after.foreignKeys), m.conname).toBe(count(before.foreignKeys) - 1);
        } else {
          // CHECK, EXCLUDE, a plain index: no key goes
          expect(after.uniqueKeys, m.conname).toEqual(before.uniqueKeys);
          expect(after.foreignKeys).toEqual(before.foreignKeys);
        }
      }
    });
  }

  it('the scenarios exercise numbering and truncation (names as PostgreSQL chose them)', () => {
    const names = [...made.values()].flat().map((m) => m.conname);
    expect(names).toEqual(
      expect.arrayContaining([
        't_c_key1',
        't_c_key2',
        'm_a_key1',
        'x_pkey1',
        'sq_a_key1',
        'vw_a_key1',
        'u_p_id_fkey', // a table called u_p_id_fkey does not take a constraint name
        'u_p_id_fkey1',
        'w_p_id_fkey1',
        `${'l'.repeat(29)}_${'c'.repeat(28)}_key1`,
        'pp_u', // the primary key, named by the unique key over the same column
        'p2_b_key1',
        'v_b_key1', // a CHECK named v_b_key holds the name
        'kc_a_key', // the CHECK, named before the key's index
        'kc_a_key1',
        'ck_a_check',
        'ck_check', // b > a names two columns
        'ck_a_check1',
        'ck_c_check',
        'ck_c_check1',
        'ck_c_check2',
        'ck_d_check',
        'ck_d_check2',
        'ix_a_idx',
        'ix_a_idx1',
        'ix_lower_upper_idx', // FigureIndexColname: a function's name
        'ix_expr_expr1_lower_b_c_idx', // operators have none; a cast its inner column's
        'ix_a_c_idx',
        'ix_c_idx',
        'ix_b_idx', // the partial UNIQUE index
        'ix_b_idx1',
        'ix_a_key',
        'ix_c_key1',
        'fc_p_fkey',
        'ci_a_idx',
        'ex_a_excl',
        'ex_a_b_excl',
        'ex_b_excl',
        'rn_k',
        'rn_a_key1',
        'dr_a_idx',
      ]),
    );
    expect(names).not.toContain('p2_a_key1'); // UNIQUE (a) twice in CREATE TABLE is one key
  });

  it('a DROP of a name no constraint or index holds is said, with IF EXISTS it is quiet; a key’s index is not dropped by DROP INDEX', () => {
    const sql = `CREATE TABLE t (id int PRIMARY KEY, c int);
ALTER TABLE t DROP CONSTRAINT t_c_key;
ALTER TABLE t DROP CONSTRAINT IF EXISTS t_c_key;
DROP INDEX t_c_idx;
DROP INDEX IF EXISTS t_c_idx;
ALTER INDEX t_c_idx RENAME TO t_i;
DROP INDEX t_pkey;`;
    const after = keysAfter(sql, 't');
    expect(after.primaryKey).toEqual(['id']);
    expect(after.said.map((d) => [d.code, d.line])).toEqual([
      ['SPIF-SQL-UNKNOWN-CONSTRAINT', 2],
      ['SPIF-SQL-UNKNOWN-RELATION', 4],
      ['SPIF-SQL-UNKNOWN-RELATION', 6],
      ['SPIF-SQL-REJECTED', 7],
    ]);
    expect(nth(after.said, 0).message).toContain('t_c_key');
  });

  it('a UNIQUE index over plain columns is a unique key until DROP INDEX; a partial or expression one is not', () => {
    const sql = `CREATE TABLE u (a int, b int, c text);
CREATE UNIQUE INDEX index_u_on_a_and_b ON public.u USING btree (a, b);
CREATE UNIQUE INDEX u_c ON u (lower(c));
CREATE UNIQUE INDEX u_b ON u (b) WHERE a > 0;`;
    expect(keysAfter(sql, 'u').uniqueKeys).toEqual([['a', 'b']]);
    expect(keysAfter(`${sql}\nDROP INDEX public.index_u_on_a_and_b;`, 'u').uniqueKeys).toEqual([]);
    // not a constraint: ALTER TABLE … DROP CONSTRAINT does not find it (PostgreSQL rejects it)
    const kept = keysAfter(`${sql}\nALTER TABLE u DROP CONSTRAINT index_u_on_a_and_b;`, 'u');
    expect(kept.uniqueKeys).toEqual([['a', 'b']]);
    expect(kept.said.map((d) => d.code)).toEqual(['SPIF-SQL-UNKNOWN-CONSTRAINT']);
  });

  it('a DROP of a CHECK constraint by a name that is not a numbered made-up key name stays quiet', () => {
    const read = readPostgresSql({
      path: 'm.sql',
      text: `CREATE TABLE t (c int CONSTRAINT c_positive CHECK (c > 0));\nALTER TABLE t DROP CONSTRAINT c_positive;`,
    });
    const { diagnostics } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
