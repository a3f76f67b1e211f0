/**
 * MERGE copies the number into its target, in a script, in a trigger function and in a function
 * body; each scenario runs in PostgreSQL (PGlite: the value lands in the target column) and is read
 * by spif (the target column holds the number, rule `copy-lineage`). PostgreSQL 15 docs, MERGE:
 * - "WHEN MATCHED … UPDATE SET column_name = expression … The expression can use the old values of
 *   this and other columns in the table"; `( column_name [, …] ) = ( sub-SELECT )` assigns by
 *   position.
 * - "INSERT [( column_name [, …] )] … VALUES: If no list of column names is given at all, the
 *   default is all the columns of the table in their declared order"; `DEFAULT VALUES` sets every
 *   column to its default.
 * - "WITH: … subqueries that can be referenced by name in the MERGE query".
 * - A function's RETURNING: "the result of the last SQL statement … must be a SELECT or have a
 *   RETURNING clause" (38.5 Query Language (SQL) Functions).
 */
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { buildCatalog } from '../../src/catalog/build.js';
import { detectColumns } from '../../src/detect/index.js';
import { matchesRef } from '../../src/config/index.js';
import { asColumnId } from '../../src/catalog/model.js';

const BASE = `
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12), shimei text);
CREATE TABLE kanri (atena_no text PRIMARY KEY, saishin char(12), memo text);
INSERT INTO jumin VALUES ('A1', '123456789018', 'X'), ('A2', '123456789026', 'Y');
INSERT INTO kanri VALUES ('A1', NULL, 'm');
`;

interface Scenario {
  name: string;
  sql: string;
  /** Runs after sql (fires a trigger, calls a function); optional. */
  then?: string;
  /** Reads the copied values back, as column v. */
  read: string;
  values: string[];
  /** The column spif must find holding the number, and the kind of copy named in its evidence. */
  target: string;
  via: string;
  /** A column spif must not find holding it. */
  clean?: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'WHEN MATCHED THEN UPDATE SET col = source.x',
    sql: `MERGE INTO kanri k USING jumin j ON k.atena_no = j.atena_no
  WHEN MATCHED THEN UPDATE SET saishin = j.kojin_bango;`,
    read: 'SELECT saishin AS v FROM kanri ORDER BY atena_no',
    values: ['123456789018'],
    target: 'default.public.kanri.saishin',
    via: 'merge',
    clean: 'default.public.kanri.memo',
  },
  {
    name: 'WHEN NOT MATCHED THEN INSERT without a column list: by position, into the declared order',
    sql: `MERGE INTO kanri k USING jumin j ON k.atena_no = j.atena_no
  WHEN NOT MATCHED THEN INSERT VALUES (j.atena_no, j.kojin_bango, 'new');`,
    read: "SELECT saishin AS v FROM kanri WHERE memo = 'new'",
    values: ['123456789026'],
    target: 'default.public.kanri.saishin',
    via: 'merge',
    clean: 'default.public.kanri.memo',
  },
  {
    name: 'a WITH query and a USING subquery, INSERT with a column list, SET (a, b) = (SELECT …)',
    sql: `WITH src AS (SELECT atena_no AS a, kojin_bango AS b FROM jumin)
MERGE INTO kanri k USING (SELECT a, upper(b) AS nb FROM src) s ON k.atena_no = s.a
  WHEN MATCHED AND k.memo = 'm' THEN UPDATE SET (memo, saishin) = (SELECT 'u', s.nb)
  WHEN NOT MATCHED THEN INSERT (memo, atena_no) VALUES (s.nb, s.a);`,
    read: 'SELECT coalesce(saishin, memo) AS v FROM kanri ORDER BY atena_no',
    values: ['123456789018', '123456789026'],
    target: 'default.public.kanri.saishin',
    via: 'merge',
  },
  {
    name: 'a trigger function that MERGEs the NEW row into a management table',
    sql: `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  MERGE INTO kanri k USING (SELECT NEW.atena_no AS a, NEW.kojin_bango AS b) n ON k.atena_no = n.a
    WHEN MATCHED THEN UPDATE SET saishin = n.b
    WHEN NOT MATCHED THEN INSERT (atena_no, saishin) VALUES (n.a, n.b);
  RETURN NEW;
END $$;
CREATE TRIGGER t AFTER UPDATE ON jumin FOR EACH ROW EXECUTE FUNCTION f();`,
    then: "UPDATE jumin SET shimei = 'Z' WHERE atena_no = 'A1'",
    read: 'SELECT saishin AS v FROM kanri',
    values: ['123456789018'],
    target: 'default.public.kanri.saishin',
    via: 'trigger',
    clean: 'default.public.kanri.memo',
  },
];

async function spif(sql: string) {
  const read = await postgresqlReader.read({ path: 'case.sql', text: sql }, { dialect: 'postgresql' });
  const built = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
  const { numbers } = detectColumns(built.catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
  return { numbers, diagnostics: [...read.diagnostics, ...built.diagnostics], catalog: built.catalog };
}

describe('MERGE copies the number', () => {
  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const pg = await PGlite.create();
      try {
        await pg.exec(BASE + s.sql);
        if (s.then) await pg.exec(s.then);
        const rows = await pg.query<{ v: string }>(s.read);
        expect(rows.rows.map((r) => r.v)).toEqual(s.values);
      } finally {
        await pg.close();
      }
      const side = await spif(BASE + s.sql);
      expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(side.numbers.get(asColumnId(s.target))).toMatchObject({ rule: 'copy-lineage' });
      expect(side.numbers.get(asColumnId(s.target))?.evidence).toContain(
        `'default.public.jumin.kojin_bango' (${s.via}`,
      );
      if (s.clean) expect(side.numbers.has(asColumnId(s.clean))).toBe(false);
    });
  }

  it('DELETE, DO NOTHING and DEFAULT VALUES copy nothing, and are not reported', async () => {
    const sql = `MERGE INTO kanri k USING jumin j ON k.atena_no = j.atena_no
  WHEN MATCHED AND j.shimei = 'X' THEN DELETE
  WHEN MATCHED THEN DO NOTHING
  WHEN NOT MATCHED THEN INSERT DEFAULT VALUES;`;
    const side = await spif(BASE + sql);
    expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect([...side.numbers.keys()].filter((k) => k.startsWith('default.public.kanri.'))).toEqual([]);
  });
});

describe('a SQL function whose last statement has RETURNING returns what it names', () => {
  it('UPDATE … RETURNING kojin_bango: the function returns the number', async () => {
    const sql = `CREATE FUNCTION touch(p text) RETURNS text LANGUAGE sql SECURITY DEFINER
  AS $$ UPDATE jumin SET shimei = shimei WHERE atena_no = p RETURNING kojin_bango $$;`;
    const pg = await PGlite.create();
    try {
      await pg.exec(BASE + sql);
      const rows = await pg.query<{ v: string }>("SELECT touch('A1') AS v");
      expect(rows.rows.map((r) => r.v)).toEqual(['123456789018']);
    } finally {
      await pg.close();
    }
    const side = await spif(BASE + sql);
    expect(side.numbers.get(asColumnId('default.public.touch(text).touch'))?.evidence).toContain(
      'default.public.jumin.kojin_bango',
    );
  });
});
