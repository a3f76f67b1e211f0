/**
 * Every way a trigger copies the number into another table, each run in PostgreSQL (PGlite: the
 * value lands in the target column) and read by spif (the target column holds the number, rule
 * `copy-lineage` via `trigger`). PostgreSQL 15 docs:
 * - 43.10 Trigger Functions: `NEW` / `OLD` are the row; statement-level triggers see the changed
 *   rows through transition tables named by `REFERENCING NEW TABLE AS …` (CREATE TRIGGER).
 * - CREATE TRIGGER: "EXECUTE FUNCTION … In the syntax of CREATE TRIGGER, the keywords FUNCTION and
 *   PROCEDURE are equivalent".
 * - 39.1: "It is not currently possible to write a trigger function in the plain SQL function
 *   language": PostgreSQL rejects it, and spif says so on the trigger.
 */
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { buildCatalog } from '../../src/catalog/build.js';
import { detectColumns } from '../../src/detect/index.js';
import { matchesRef } from '../../src/config/index.js';
import { asColumnId } from '../../src/catalog/model.js';

const BASE = `
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12));
CREATE TABLE kanri (atena_no text PRIMARY KEY, saishin char(12));
CREATE TABLE rireki (atena text, kyu char(12));
INSERT INTO kanri VALUES ('A1', NULL);
`;

interface Scenario {
  name: string;
  trigger: string;
  /** Fires the trigger. */
  dml: string;
  /** Reads the copied value back. */
  read: string;
  /** The column spif must find holding the number. */
  target: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'UPDATE … SET col = NEW.x in a row trigger',
    trigger: `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kanri SET saishin = NEW.kojin_bango WHERE atena_no = NEW.atena_no;
  RETURN NEW;
END $$;
CREATE TRIGGER t AFTER INSERT ON jumin FOR EACH ROW EXECUTE FUNCTION f();`,
    dml: "INSERT INTO jumin VALUES ('A1', '123456789018')",
    read: 'SELECT saishin AS v FROM kanri',
    target: 'default.public.kanri.saishin',
  },
  {
    name: 'UPDATE … SET (a, b) = (SELECT …) reading the NEW row by position',
    trigger: `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kanri SET (atena_no, saishin) = (SELECT NEW.atena_no, NEW.kojin_bango) WHERE atena_no = NEW.atena_no;
  RETURN NEW;
END $$;
CREATE TRIGGER t AFTER INSERT ON jumin FOR EACH ROW EXECUTE FUNCTION f();`,
    dml: "INSERT INTO jumin VALUES ('A1', '123456789018')",
    read: 'SELECT saishin AS v FROM kanri',
    target: 'default.public.kanri.saishin',
  },
  {
    name: 'INSERT … SELECT NEW.x, with EXECUTE PROCEDURE (the older spelling)',
    trigger: `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rireki (atena, kyu) SELECT NEW.atena_no, NEW.kojin_bango;
  RETURN NEW;
END $$;
CREATE TRIGGER t AFTER INSERT ON jumin FOR EACH ROW EXECUTE PROCEDURE f();`,
    dml: "INSERT INTO jumin VALUES ('A1', '123456789018')",
    read: 'SELECT kyu AS v FROM rireki',
    target: 'default.public.rireki.kyu',
  },
  {
    name: 'a statement trigger reading its transition table (REFERENCING NEW TABLE AS)',
    trigger: `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rireki (atena, kyu) SELECT n.atena_no, n.kojin_bango FROM shinki n;
  RETURN NULL;
END $$;
CREATE TRIGGER t AFTER INSERT ON jumin REFERENCING NEW TABLE AS shinki FOR EACH STATEMENT EXECUTE FUNCTION f();`,
    dml: "INSERT INTO jumin VALUES ('A1', '123456789018')",
    read: 'SELECT kyu AS v FROM rireki',
    target: 'default.public.rireki.kyu',
  },
];

async function spif(sql: string) {
  const read = await postgresqlReader.read({ path: 'case.sql', text: sql }, { dialect: 'postgresql' });
  const built = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
  const { numbers } = detectColumns(built.catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
  return { numbers, diagnostics: [...read.diagnostics, ...built.diagnostics] };
}

describe('triggers that copy the number', () => {
  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const pg = await PGlite.create();
      try {
        await pg.exec(BASE + s.trigger);
        await pg.exec(s.dml);
        const rows = await pg.query<{ v: string }>(s.read);
        expect(rows.rows.map((r) => r.v)).toEqual(['123456789018']);
      } finally {
        await pg.close();
      }
      const side = await spif(BASE + s.trigger);
      expect(side.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(side.numbers.get(asColumnId(s.target))).toMatchObject({ rule: 'copy-lineage' });
      expect(side.numbers.get(asColumnId(s.target))?.evidence).toContain("'default.public.jumin.kojin_bango' (trigger");
    });
  }

  it('a SQL-language trigger function: PostgreSQL rejects it, and spif says so on the trigger', async () => {
    const sql = `CREATE FUNCTION f() RETURNS trigger LANGUAGE sql AS $$ INSERT INTO rireki SELECT 'x', 'y' $$;
CREATE TRIGGER t AFTER INSERT ON jumin FOR EACH ROW EXECUTE FUNCTION f();`;
    const pg = await PGlite.create();
    try {
      await pg.exec(BASE);
      await expect(pg.exec(sql)).rejects.toThrow(/SQL functions cannot return type trigger/);
    } finally {
      await pg.close();
    }
    const side = await spif(BASE + sql);
    const w = side.diagnostics.find((d) => d.code === 'SPIF-FUNCTION-UNANALYSED' && d.line === 7);
    expect(w?.message).toContain('trigger on default.public.jumin runs');
    expect(w?.message).toContain('SQL functions cannot return type trigger');
  });
});
