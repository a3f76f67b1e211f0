/**
 * Functions and procedures that copy the number when they run, outside triggers: each scenario is
 * run in PostgreSQL (PGlite: the routine is called and the value lands in the target column) and
 * read by spif (the target column holds the number, rule `copy-lineage`, via the statement that
 * writes). A static analyser cannot know whether a routine is called, so a routine that may run
 * is taken to have run. PostgreSQL 15 docs:
 * - 38.5 Query Language (SQL) Functions: "the body of an SQL function must be a list of SQL
 *   statements … INSERT, UPDATE, DELETE, MERGE"; 38.5.1: "Arguments of an SQL function can be
 *   referenced in the function body using either names or numbers" (`$1`).
 * - 43.5.2 Executing a Command with No Result / PERFORM; 43.6.3 Calling a Procedure (`CALL`):
 *   "the argument values are assigned to the parameters", so what a caller passes is what the
 *   callee writes of its parameter.
 * - 43.5.3: `SELECT … INTO v`: v holds the selected value.
 */
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { buildCatalog } from '../../src/catalog/build.js';
import { detectColumns } from '../../src/detect/index.js';
import { matchesRef } from '../../src/config/index.js';
import { asColumnId } from '../../src/catalog/model.js';

const TABLES = `
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12));
CREATE TABLE rireki (atena text, kyu char(12));
CREATE TABLE kanri (atena_no text PRIMARY KEY, saishin char(12));
INSERT INTO kanri VALUES ('A1', NULL);
`;
const ROW = "INSERT INTO jumin VALUES ('A1', '123456789018');";

interface Scenario {
  name: string;
  /** Statements before the tables (pg_dump writes functions first). */
  before?: string;
  after?: string;
  /** Runs the routine (after ROW). */
  run: string;
  read: string;
  target: string;
  via: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a PL/pgSQL function created before its tables: INSERT … SELECT',
    before: `CREATE FUNCTION archive() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rireki (atena, kyu) SELECT atena_no, kojin_bango FROM jumin;
END $$;`,
    run: 'SELECT archive()',
    read: 'SELECT kyu AS v FROM rireki',
    target: 'default.public.rireki.kyu',
    via: 'insert-select',
  },
  {
    name: 'a SQL-language function: UPDATE … FROM',
    after: `CREATE FUNCTION refresh() RETURNS void LANGUAGE sql AS
  'UPDATE kanri SET saishin = j.kojin_bango FROM jumin j WHERE j.atena_no = kanri.atena_no';`,
    run: 'SELECT refresh()',
    read: 'SELECT saishin AS v FROM kanri',
    target: 'default.public.kanri.saishin',
    via: 'update',
  },
  {
    name: 'a procedure with a BEGIN ATOMIC body: MERGE … WHEN MATCHED THEN UPDATE',
    after: `CREATE PROCEDURE sync() LANGUAGE sql BEGIN ATOMIC
  MERGE INTO kanri k USING jumin j ON k.atena_no = j.atena_no WHEN MATCHED THEN UPDATE SET saishin = j.kojin_bango;
END;`,
    run: 'CALL sync()',
    read: 'SELECT saishin AS v FROM kanri',
    target: 'default.public.kanri.saishin',
    via: 'merge',
  },
  {
    name: 'a parameter written, compared with the number first (it holds the number)',
    after: `CREATE FUNCTION note(p text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM jumin WHERE kojin_bango = p) THEN
    INSERT INTO rireki (atena, kyu) VALUES ('checked', p);
  END IF;
END $$;`,
    run: "SELECT note('123456789018')",
    read: 'SELECT kyu AS v FROM rireki',
    target: 'default.public.rireki.kyu',
    via: 'insert-select',
  },
  {
    name: 'a helper writing its parameter, given a variable read from the number table ($1, PERFORM)',
    after: `CREATE FUNCTION put(text) RETURNS void LANGUAGE sql AS 'INSERT INTO rireki (kyu) VALUES ($1)';
CREATE FUNCTION by_atena(p_atena text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE v text;
BEGIN
  SELECT kojin_bango INTO v FROM jumin WHERE atena_no = p_atena;
  PERFORM put(v);
END $$;`,
    run: "SELECT by_atena('A1')",
    read: 'SELECT kyu AS v FROM rireki',
    target: 'default.public.rireki.kyu',
    via: 'insert-select',
  },
  {
    name: 'a procedure called with a column: CALL in a function, through a second helper',
    after: `CREATE PROCEDURE keep(p_no text) LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kanri SET saishin = p_no;
END $$;
CREATE FUNCTION relay(x text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN CALL keep(x); END $$;
CREATE FUNCTION run_all() RETURNS void LANGUAGE sql AS 'SELECT relay(kojin_bango) FROM jumin';`,
    run: 'SELECT run_all()',
    read: 'SELECT saishin AS v FROM kanri',
    target: 'default.public.kanri.saishin',
    via: 'update',
  },
  {
    name: 'a trigger calling a helper that writes its parameter: NEW.x passed',
    after: `CREATE FUNCTION log_no(p text) RETURNS void LANGUAGE sql AS 'INSERT INTO rireki (kyu) VALUES (p)';
CREATE FUNCTION tg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM log_no(NEW.kojin_bango); RETURN NEW; END $$;
CREATE TRIGGER t AFTER INSERT ON jumin FOR EACH ROW EXECUTE FUNCTION tg();`,
    run: 'SELECT 1',
    read: 'SELECT kyu AS v FROM rireki',
    target: 'default.public.rireki.kyu',
    via: 'trigger',
  },
  {
    name: 'a script that calls a helper with a column (SELECT f(col) FROM t)',
    after: `CREATE FUNCTION put(p text) RETURNS void LANGUAGE sql AS 'INSERT INTO rireki (kyu) VALUES (p)';`,
    run: 'SELECT put(kojin_bango) FROM jumin',
    read: 'SELECT kyu AS v FROM rireki',
    target: 'default.public.rireki.kyu',
    via: 'insert-select',
  },
  {
    // DO: "executes an anonymous code block … as though it were the body of a procedure with no parameters".
    name: 'a DO block in a migration: INSERT … SELECT, and CALL of a procedure writing its parameter',
    after: `CREATE PROCEDURE keep(p_no text) LANGUAGE sql AS 'UPDATE kanri SET saishin = p_no';`,
    run: `DO $$
DECLARE r record;
BEGIN
  INSERT INTO rireki (atena, kyu) SELECT atena_no, kojin_bango FROM jumin;
  FOR r IN SELECT kojin_bango FROM jumin LOOP
    CALL keep(r.kojin_bango);
  END LOOP;
END $$;`,
    read: 'SELECT kyu AS v FROM rireki UNION ALL SELECT saishin FROM kanri',
    target: 'default.public.kanri.saishin',
    via: 'update',
  },
];

async function spif(sql: string) {
  const read = await postgresqlReader.read({ path: 'case.sql', text: sql }, { dialect: 'postgresql' });
  const built = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
  const { numbers } = detectColumns(built.catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
  return { numbers, diagnostics: [...read.diagnostics, ...built.diagnostics] };
}

describe('functions and procedures that copy the number when called', () => {
  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const schema = (s.before ?? '') + TABLES + (s.after ?? '');
      const pg = await PGlite.create();
      try {
        await pg.exec(schema);
        await pg.exec(ROW);
        await pg.exec(s.run);
        const rows = await pg.query<{ v: string | null }>(s.read);
        expect(rows.rows.map((r) => r.v)).toContain('123456789018');
      } finally {
        await pg.close();
      }
      // A script's own statement that runs a body (SELECT f(col), DO) is read with the schema.
      const side = await spif(
        s.run.startsWith('SELECT put') || s.run.startsWith('DO') ? `${schema}\n${s.run};` : schema,
      );
      expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const hit = side.numbers.get(asColumnId(s.target));
      expect(hit).toMatchObject({ rule: 'copy-lineage' });
      expect(hit?.evidence).toContain(`'default.public.jumin.kojin_bango' (${s.via}`);
    });
  }

  it('a helper whose parameter nothing passes a number to copies nothing', async () => {
    const sql = `${TABLES}
CREATE FUNCTION put(p text) RETURNS void LANGUAGE sql AS 'INSERT INTO rireki (kyu) VALUES (p)';
CREATE FUNCTION by_name() RETURNS void LANGUAGE sql AS 'SELECT put(atena_no) FROM jumin';`;
    const side = await spif(sql);
    expect(side.numbers.get(asColumnId('default.public.rireki.kyu'))).toBeUndefined();
  });

  it('a DO block that copies with EXECUTE is a located warning', async () => {
    const sql = `${TABLES}
DO $$ BEGIN EXECUTE 'INSERT INTO rireki (kyu) SELECT kojin_bango FROM jumin'; END $$;`;
    const side = await spif(sql);
    const w = side.diagnostics.find((d) => d.code === 'SPIF-FUNCTION-UNANALYSED');
    expect(w).toMatchObject({ line: 7 });
    expect(w?.message).toContain('DO block');
  });

  it('a write built at run time (EXECUTE) is not read: a warning names the function', async () => {
    const sql = `${TABLES}
CREATE FUNCTION dyn() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'INSERT INTO rireki (kyu) SELECT kojin_bango FROM jumin';
END $$;`;
    const pg = await PGlite.create();
    try {
      await pg.exec(sql + ROW + 'SELECT dyn();');
      expect((await pg.query<{ v: string }>('SELECT kyu AS v FROM rireki')).rows).toEqual([{ v: '123456789018' }]);
    } finally {
      await pg.close();
    }
    const side = await spif(sql);
    const w = side.diagnostics.find((d) => d.code === 'SPIF-FUNCTION-UNANALYSED');
    expect(w?.message).toContain('default.public.dyn()');
    expect(w?.message).toContain('EXECUTE');
  });
});
