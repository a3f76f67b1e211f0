/**
 * PostgreSQL appends a number to a name it makes up when that name is already taken in the schema
 * (src/backend/commands/indexcmds.c ChooseRelationName for a key's index, taken by any relation
 * or constraint; src/backend/catalog/pg_constraint.c ChooseConstraintName for a foreign key,
 * taken by any constraint): "`label`N" with N = 1, 2, …, each try cut to NAMEDATALEN-1 = 63 bytes
 * keeping the whole label. Every script below is run on PGlite (real PostgreSQL); each constraint
 * it named is then dropped by that name in spif, which must drop exactly that key.
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
  contype: 'p' | 'u' | 'f';
  columns: string[];
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
        WHERE k.connamespace = 'public'::regnamespace AND k.contype IN ('p', 'u', 'f')
        ORDER BY k.oid`,
    );
    return r.rows;
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
    said: diagnostics.filter((d) => d.code === 'SPIF-SQL-UNKNOWN-CONSTRAINT'),
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
        // CASCADE: a key that foreign keys reference goes with them, as in PostgreSQL
        const after = keysAfter(`${sql}\nALTER TABLE ${m.table} DROP CONSTRAINT ${m.conname} CASCADE;`, m.table);
        expect(after.said, `${m.table} ${m.conname}`).toEqual([]);
        const count = (keys: string[][]) => keys.filter((k) => k.join() === m.columns.join()).length;
        if (m.contype === 'p') {
          expect(after.primaryKey, m.conname).toBeUndefined();
          expect(after.uniqueKeys).toEqual(before.uniqueKeys);
        } else if (m.contype === 'u') {
          expect(count(after.uniqueKeys), m.conname).toBe(count(before.uniqueKeys) - 1);
          expect(after.primaryKey).toEqual(before.primaryKey);
        } else {
          expect(count(after.foreignKeys), m.conname).toBe(count(before.foreignKeys) - 1);
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
      ]),
    );
    expect(names).not.toContain('p2_a_key1'); // UNIQUE (a) twice in CREATE TABLE is one key
  });

  // names spif cannot see
  it('a CHECK constraint holding the name (not read) makes PostgreSQL number the key; the DROP is said, the key kept', async () => {
    const sql = `CREATE TABLE v (b int, CONSTRAINT v_b_key CHECK (b > 0));\nALTER TABLE v ADD UNIQUE (b);`;
    const named = await madeNames(pg, sql);
    expect(named.map((r) => r.conname)).toEqual(['v_b_key1']);
    const after = keysAfter(`${sql}\nALTER TABLE v DROP CONSTRAINT v_b_key1;`, 'v');
    expect(after.uniqueKeys).toEqual([['b']]);
    expect(after.said).toHaveLength(1);
    expect(after.said[0]).toMatchObject({ severity: 'warning', file: 'm.sql', line: 3 });
    expect(nth(after.said, 0).message).toContain('v_b_key1');
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
