/**
 * PostgreSQL keeps at most 63 bytes of an identifier (NAMEDATALEN-1; docs 4.1.1 "Identifiers and
 * Key Words": "longer names can be written in commands, but they will be truncated"), counted in
 * bytes, so a Japanese name is cut at a whole character. Names the server makes up for keys
 * (`<table>_pkey`, `<table>_<columns>_key`, `<table>_<columns>_fkey`, `<table>_<column>_seq`) are
 * cut the same way, taking bytes off the longer part first, and stay when the table or a column is
 * renamed.
 *
 * Every scenario is run on PostgreSQL (PGlite) and read by spif: the keys left on each table must
 * be the same. Each constraint name the server chose is then dropped by that name, in both.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import type { Catalog } from '../../../src/catalog/model.js';
import { pgDefaultName, pgIdentifier } from '../../../src/catalog/pg-names.js';
import type { Diagnostic } from '../../../src/diagnostics.js';
import { loadPostgresParser, readPostgresSql } from '../../../src/sources/postgresql/reader.js';
import { runScenario } from '../../helpers/postgres-scenario.js';

const LONG_TABLE = 'kojin_bango_kanri_daicho_no_rireki_wo_hozon_suru_table_for_audit_2024';
const LONG_COLUMN = 'jukimnet_kara_shutoku_shita_kojin_bango_no_kakunin_bi_and_time_utc';
const JA_TABLE = '個人番号管理台帳履歴保存用テーブル';
const JA_COLUMN = '住民基本台帳ネットワークシステムから取得した個人番号';

interface Scenario {
  name: string;
  sql: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a table name over 63 bytes: its primary key and foreign keys',
    sql: `CREATE TABLE ${LONG_TABLE} (id int PRIMARY KEY, kojin_bango char(12) UNIQUE);
CREATE TABLE kyufu (id int PRIMARY KEY, daicho_id int REFERENCES ${LONG_TABLE} (id));`,
  },
  {
    name: 'a column name over 63 bytes in a unique key and a foreign key',
    sql: `CREATE TABLE daicho (id int PRIMARY KEY, ${LONG_COLUMN} text UNIQUE);
CREATE TABLE kyufu (id int, ${LONG_COLUMN} text REFERENCES daicho (${LONG_COLUMN}), sub_id int, UNIQUE (id, sub_id, ${LONG_COLUMN}));`,
  },
  {
    name: 'Japanese names: cut at a whole character (three bytes each)',
    sql: `CREATE TABLE ${JA_TABLE} (番号 int PRIMARY KEY, ${JA_COLUMN} char(12) UNIQUE);
CREATE TABLE 給付 (id int PRIMARY KEY, ${JA_COLUMN} char(12) REFERENCES ${JA_TABLE} (${JA_COLUMN}));`,
  },
  {
    name: 'a long name written in full everywhere it is referred to',
    sql: `CREATE TABLE ${LONG_TABLE} (id int, ${LONG_COLUMN} char(12), CONSTRAINT ${LONG_COLUMN}_is_unique_for_every_row UNIQUE (${LONG_COLUMN}));
ALTER TABLE ${LONG_TABLE} ADD CONSTRAINT ${LONG_TABLE}_primary_key_constraint PRIMARY KEY (id);
COMMENT ON COLUMN ${LONG_TABLE}.${LONG_COLUMN} IS '個人番号';
ALTER TABLE ${LONG_TABLE} DROP CONSTRAINT ${LONG_TABLE}_primary_key_constraint;`,
  },
  {
    name: 'keys added by ALTER TABLE without a name',
    sql: `CREATE TABLE ${LONG_TABLE} (id int, ${LONG_COLUMN} text, code text);
ALTER TABLE ${LONG_TABLE} ADD PRIMARY KEY (id);
ALTER TABLE ${LONG_TABLE} ADD UNIQUE (code, ${LONG_COLUMN});
ALTER TABLE ${LONG_TABLE} ADD FOREIGN KEY (id) REFERENCES ${LONG_TABLE} (id);`,
  },
  {
    name: 'renamed table and column: the made-up names stay as they were',
    sql: `CREATE TABLE jumin (id int PRIMARY KEY, code text UNIQUE, parent_id int REFERENCES jumin (id));
ALTER TABLE jumin RENAME TO jumin_v2;
ALTER TABLE jumin_v2 RENAME COLUMN code TO jumin_code;
ALTER TABLE jumin_v2 RENAME COLUMN parent_id TO oya_id;`,
  },
];

interface Keys {
  primaryKey: string[];
  unique: string[][];
  foreignKeys: string[][];
}
type State = Record<string, Keys>;

let pg: PGlite;

/** Each statement alone, as psql without ON_ERROR_STOP: a failing one leaves the rest running. */
async function runOnPostgres(sql: string): Promise<{ state: State; names: { table: string; name: string }[] }> {
  return runScenario(pg, sql, async () => {
    const rows = await pg.query<{ relname: string; conname: string; contype: string; cols: string[] }>(`
      SELECT c.relname, k.conname, k.contype,
             array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS cols
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'f')
       ORDER BY c.relname, k.conname`);
    const tables = await pg.query<{ relname: string }>(
      `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND relkind = 'r'`,
    );
    const state: State = {};
    for (const t of tables.rows) state[t.relname] = { primaryKey: [], unique: [], foreignKeys: [] };
    for (const r of rows.rows) {
      const keys = state[r.relname];
      if (!keys) throw new Error(`a constraint of ${r.relname}, which is not a table of public`);
      if (r.contype === 'p') keys.primaryKey = r.cols;
      else if (r.contype === 'u') keys.unique.push(r.cols);
      else keys.foreignKeys.push(r.cols);
    }
    return { state: sorted(state), names: rows.rows.map((r) => ({ table: r.relname, name: r.conname })) };
  });
}

function readBySpif(sql: string): { state: State; diagnostics: Diagnostic[]; catalog: Catalog } {
  const read = readPostgresSql({ path: 'long.sql', text: sql });
  const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
  const state: State = {};
  for (const r of catalog.relations.values()) {
    if (r.kind !== 'table') continue;
    state[r.name] = {
      primaryKey: r.primaryKey ?? [],
      unique: r.uniqueKeys,
      foreignKeys: r.foreignKeys.map((k) => k.columns),
    };
  }
  return { state: sorted(state), diagnostics: [...read.diagnostics, ...diagnostics], catalog };
}

function sorted(state: State): State {
  const out: State = {};
  for (const [name, k] of Object.entries(state).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const byJoin = (a: string[], b: string[]) => a.join(',').localeCompare(b.join(','));
    out[name] = {
      primaryKey: k.primaryKey,
      unique: [...k.unique].sort(byJoin),
      foreignKeys: [...k.foreignKeys].sort(byJoin),
    };
  }
  return out;
}

/** A name in SQL: quoted, so the test drops exactly the name the server reported. */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

describe('PostgreSQL identifiers over 63 bytes (checked on PGlite)', () => {
  beforeAll(async () => {
    await loadPostgresParser();
    pg = await PGlite.create();
  });
  afterAll(() => pg.close());

  it('makes up names as the server does: bytes off the longer part, whole characters', () => {
    expect(pgIdentifier('a'.repeat(70))).toBe('a'.repeat(63));
    expect(pgIdentifier('あ'.repeat(30))).toBe('あ'.repeat(21));
    expect(pgDefaultName('t', ['x'.repeat(70)], 'key')).toBe(`t_${'x'.repeat(57)}_key`);
    expect(pgDefaultName('t'.repeat(40), ['x'.repeat(40)], 'fkey')).toBe(`${'t'.repeat(29)}_${'x'.repeat(28)}_fkey`);
  });

  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const pg = await runOnPostgres(s.sql);
      const spif = readBySpif(s.sql);
      expect(spif.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      expect(spif.state).toEqual(pg.state);
      // Every name the server chose drops that key in spif too.
      for (const { table, name } of pg.names) {
        const drop = `${s.sql}\nALTER TABLE ${quote(table)} DROP CONSTRAINT ${quote(name)} CASCADE;`;
        const [after, read] = [await runOnPostgres(drop), readBySpif(drop)];
        expect(read.state, `DROP CONSTRAINT ${name}`).toEqual(after.state);
      }
    });
  }

  it('a constraint name written in full drops the key it named; a made-up name written in full is not that key', async () => {
    const sql = `CREATE TABLE ${LONG_TABLE} (id int PRIMARY KEY, ${LONG_COLUMN} text, CONSTRAINT ${LONG_COLUMN}_unique_key UNIQUE (${LONG_COLUMN}));
ALTER TABLE ${LONG_TABLE} DROP CONSTRAINT ${LONG_COLUMN}_unique_key;
ALTER TABLE ${LONG_TABLE} DROP CONSTRAINT ${LONG_TABLE}_pkey`;
    const pg = await runOnPostgres(sql);
    const spif = readBySpif(sql);
    // The first DROP names the unique key (both spellings cut to the same 63 bytes); the second is
    // `<table cut to 63>`, not `<table cut to 58>_pkey`, so PostgreSQL rejects it and the key stays.
    expect(pg.state[pgIdentifier(LONG_TABLE)]).toEqual({ primaryKey: ['id'], unique: [], foreignKeys: [] });
    expect(spif.state).toEqual(pg.state);
  });

  it('a key a foreign key depends on: without CASCADE PostgreSQL rejects the drop and the key stays', async () => {
    const sql = `CREATE TABLE ${LONG_TABLE} (id int PRIMARY KEY);
CREATE TABLE kyufu (daicho_id int REFERENCES ${LONG_TABLE});
ALTER TABLE ${LONG_TABLE} DROP CONSTRAINT ${pgDefaultName(pgIdentifier(LONG_TABLE), undefined, 'pkey')}`;
    const pg = await runOnPostgres(sql);
    const spif = readBySpif(sql);
    expect(spif.state).toEqual(pg.state);
    expect(pg.state[pgIdentifier(LONG_TABLE)]?.primaryKey).toEqual(['id']);
    expect(spif.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-SQL-REJECTED', 3]]);
  });

  it('a serial column of a long table: pg_dump names its sequence as the server did', () => {
    const seq = pgDefaultName(pgIdentifier(LONG_TABLE), [pgIdentifier(LONG_COLUMN)], 'seq');
    const spif = readBySpif(`CREATE TABLE ${LONG_TABLE} (${LONG_COLUMN} serial);
ALTER TABLE ${quote(seq)} OWNER TO postgres;`);
    expect(spif.diagnostics).toEqual([]);
  });

  it('set_config search_path with a long schema name finds the schema', () => {
    const schema = `jumin_kihon_daicho_system_schema_for_the_city_office_${'x'.repeat(20)}`;
    const spif = readBySpif(`CREATE SCHEMA ${schema};
SELECT pg_catalog.set_config('search_path', '${schema}', false);
CREATE TABLE t (kojin_bango char(12));`);
    expect([...spif.catalog.relations.keys()]).toEqual([`default.${pgIdentifier(schema)}.t`]);
  });
});
