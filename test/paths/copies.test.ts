/**
 * Copies made by a query in a script, checked against PostgreSQL (PGlite): the new table's columns
 * are what PostgreSQL creates (names and order, read back from information_schema), each carries the
 * lineage of what it copies (rule `copy`/`view-lineage`: the number column stays the number), and
 * the new table is read with its own privileges (a grant on the source gives nothing on the copy).
 * PostgreSQL 15 docs:
 * - SELECT INTO: "creates a new table and fills it with data computed by a query … The new table's
 *   columns have the names and data types associated with the output columns of the SELECT".
 * - CREATE TABLE AS: "column_name: the name of a column in the new table. If column names are not
 *   provided, they are taken from the output column names of the query".
 * - 5.8 Privileges: a new object's owner is its creator; "no privileges are granted to PUBLIC by
 *   default on tables".
 */
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { runSpif } from '../oracle/spif-side.js';
import { detectColumns } from '../../src/detect/index.js';
import { matchesRef } from '../../src/config/index.js';
import { asColumnId, asRelationId } from '../../src/catalog/model.js';

const BASE = `
CREATE ROLE app NOLOGIN;
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12), shimei text);
INSERT INTO jumin VALUES ('A1', '123456789018', 'X');
GRANT SELECT ON jumin TO app;
`;

interface Scenario {
  name: string;
  sql: string;
  table: string;
  /** The column that must hold the number. */
  numberColumn: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'SELECT … INTO a new table, with an alias',
    sql: 'SELECT atena_no, kojin_bango AS bango INTO jumin_copy FROM jumin;',
    table: 'jumin_copy',
    numberColumn: 'bango',
  },
  {
    name: 'SELECT * INTO UNLOGGED TABLE: every column, in order',
    sql: 'SELECT * INTO UNLOGGED TABLE jumin_all FROM jumin;',
    table: 'jumin_all',
    numberColumn: 'kojin_bango',
  },
  {
    name: 'SELECT INTO through a join and an expression',
    sql: `CREATE TABLE kyufu (atena_no text, kingaku int);
SELECT k.atena_no, upper(j.kojin_bango) AS no2, k.kingaku INTO kyufu_bango FROM kyufu k JOIN jumin j USING (atena_no);`,
    table: 'kyufu_bango',
    numberColumn: 'no2',
  },
  {
    name: 'CREATE TABLE AS with a column list',
    sql: 'CREATE TABLE jumin_ctas (a, b) AS SELECT atena_no, kojin_bango FROM jumin;',
    table: 'jumin_ctas',
    numberColumn: 'b',
  },
];

describe('copies by query: SELECT INTO and CREATE TABLE AS', () => {
  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const pg = await PGlite.create();
      let columns: string[];
      let appReads: boolean;
      try {
        await pg.exec(BASE + s.sql);
        const rows = await pg.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
          [s.table],
        );
        columns = rows.rows.map((r) => r.column_name);
        await pg.exec('SET ROLE app');
        appReads = await pg.query(`SELECT ${s.numberColumn} FROM ${s.table}`).then(
          () => true,
          () => false,
        );
      } finally {
        await pg.close();
      }
      const side = await runSpif(BASE + s.sql);
      expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const rel = side.catalog.relations.get(asRelationId(`default.public.${s.table}`));
      expect(rel?.kind).toBe('table');
      expect(rel?.columns.map((c) => c.name)).toEqual(columns);
      const { numbers } = detectColumns(side.catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
      expect(numbers.get(asColumnId(`default.public.${s.table}.${s.numberColumn}`))?.evidence).toContain(
        'default.public.jumin.kojin_bango',
      );
      expect(appReads).toBe(false);
      expect(side.resolver.canSelect('app', asRelationId(`default.public.${s.table}`), s.numberColumn).allowed).toBe(
        appReads,
      );
    });
  }
});
