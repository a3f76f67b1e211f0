/**
 * A view naming a column its base does not have. PostgreSQL refuses such a statement ("ERROR:
 * column h.nope does not exist", PostgreSQL 15 docs, CREATE VIEW: the query is analysed when the
 * view is created), so spif reports a located error (SPIF-VIEW-UNKNOWN-COLUMN) and does not
 * create the relation. Each script runs on PGlite statement by statement (psql without
 * ON_ERROR_STOP); whether the view exists afterwards must match spif's catalog, and the names
 * PostgreSQL accepts without a base column (system columns, whole-row references, ORDER BY output
 * names, attribute notation for a function, correlated names) must not be reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import { createsFirst } from '../../../src/sources/deferred.js';
import { loadPostgresParser, readPostgresSql } from '../../../src/sources/postgresql/reader.js';
import { runBinSync } from '../../helpers/bin.js';
import { runScenario } from '../../helpers/postgres-scenario.js';
import { nth } from '../../../src/indexed.js';

const BASE = `CREATE TABLE h (atena_no text PRIMARY KEY, kojin_bango char(12), shimei text);
CREATE TABLE k (atena_no text, kazei int);`;

interface Scenario {
  name: string;
  sql: string;
  /** [line, column] of each SPIF-VIEW-UNKNOWN-COLUMN error (lines counted from BASE's first). */
  errors?: [number, number][];
}

const SCENARIOS: Scenario[] = [
  { name: 'qualified name the base lacks', sql: `CREATE VIEW v AS SELECT h.nope FROM h`, errors: [[3, 25]] },
  {
    name: 'unqualified name no FROM entry has',
    sql: `CREATE VIEW v AS SELECT atena_no, nope FROM h JOIN k USING (atena_no)`,
    errors: [[3, 35]],
  },
  { name: 'in WHERE', sql: `CREATE VIEW v AS SELECT h.kojin_bango FROM h WHERE h.kazei > 0`, errors: [[3, 52]] },
  { name: 'quoted name of another case', sql: `CREATE VIEW v AS SELECT h."Kojin_bango" FROM h`, errors: [[3, 25]] },
  { name: 'materialized view', sql: `CREATE MATERIALIZED VIEW v AS SELECT x.nope FROM h x`, errors: [[3, 38]] },
  { name: 'CREATE TABLE AS', sql: `CREATE TABLE v AS SELECT h.bango FROM h`, errors: [[3, 26]] },
  {
    name: 'a column dropped before the view',
    sql: `ALTER TABLE h DROP COLUMN shimei;\nCREATE VIEW v AS SELECT h.shimei FROM h`,
    errors: [[4, 25]],
  },
  {
    name: 'a column added before the view',
    sql: `ALTER TABLE h ADD COLUMN juusho text;\nCREATE VIEW v AS SELECT h.juusho FROM h`,
  },
  {
    name: 'a correlated name of the outer query',
    sql: `CREATE VIEW v AS SELECT (SELECT kazei FROM k WHERE k.atena_no = atena_no LIMIT 1), (SELECT kojin_bango FROM k LIMIT 1) FROM h`,
  },
  { name: 'ORDER BY an output name', sql: `CREATE VIEW v AS SELECT kojin_bango AS bango FROM h ORDER BY bango` },
  { name: 'a whole-row reference', sql: `CREATE VIEW v AS SELECT h FROM h` },
  { name: 'a system column', sql: `CREATE VIEW v AS SELECT h.ctid, xmin FROM h` },
  {
    name: 'a set-returning function in FROM',
    sql: `CREATE VIEW v AS SELECT h.atena_no, g FROM h, generate_series(1, 2) g`,
  },
  {
    name: 'attribute notation for a function of the row type',
    sql: `CREATE FUNCTION bango_mask(h) RETURNS text LANGUAGE sql AS 'SELECT left($1.kojin_bango, 4)';\nCREATE VIEW v AS SELECT h.bango_mask FROM h`,
  },
  {
    name: 'a CTE and a subquery',
    sql: `CREATE VIEW v AS WITH c AS (SELECT kojin_bango FROM h) SELECT c.kojin_bango, s.kazei FROM c, (SELECT kazei FROM k) s`,
  },
  // A name qualified by a FROM subquery's alias or a CTE's name is checked against its output names.
  {
    name: "a subquery's alias with a name it does not output",
    sql: `CREATE VIEW v AS SELECT s.shimei FROM (SELECT kojin_bango FROM h) s`,
    errors: [[3, 25]],
  },
  {
    name: "a CTE's name with a name it does not output",
    sql: `CREATE VIEW v AS WITH c AS (SELECT kojin_bango AS bango FROM h) SELECT c.kojin_bango FROM c`,
    errors: [[3, 72]],
  },
  {
    name: 'an unqualified name neither the subquery nor the table has',
    sql: `CREATE VIEW v AS SELECT nope FROM (SELECT kojin_bango FROM h) s, k`,
    errors: [[3, 25]],
  },
  {
    name: 'a system column through a subquery (it outputs none)',
    sql: `CREATE VIEW v AS SELECT s.ctid FROM (SELECT * FROM h) s`,
    errors: [[3, 25]],
  },
  {
    name: "a subquery's column aliases rename its outputs",
    sql: `CREATE VIEW v AS SELECT s.b FROM (SELECT kojin_bango FROM h) s(b)`,
  },
  {
    name: "a CTE's column list renames its outputs",
    sql: `CREATE VIEW v AS WITH c(b, a) AS (SELECT kojin_bango, atena_no FROM h) SELECT c.b, a FROM c`,
  },
  {
    name: "a subquery's * is its table's columns",
    sql: `CREATE VIEW v AS SELECT s.shimei, kazei FROM (SELECT * FROM h) s JOIN k USING (atena_no)`,
  },
  {
    name: "a subquery's t.* over a join",
    sql: `CREATE VIEW v AS SELECT s.kazei, s.kojin_bango FROM (SELECT h.*, k.kazei FROM h JOIN k USING (atena_no)) s`,
  },
  {
    name: 'a nested subquery and a UNION (names from its first arm)',
    sql: `CREATE VIEW v AS SELECT u.x FROM (SELECT s.kojin_bango AS x FROM (SELECT * FROM h) s UNION SELECT atena_no FROM k) u`,
  },
  {
    name: 'a VALUES list with column aliases',
    sql: `CREATE VIEW v AS SELECT x.a, h.kojin_bango FROM h, (VALUES (1, 'a')) x(a, b)`,
  },
  {
    name: 'a default name PostgreSQL derives (count)',
    sql: `CREATE VIEW v AS SELECT s.count FROM (SELECT count(*) FROM h) s`,
  },
  {
    name: 'coalesce and CASE: names spif does not derive are not checked',
    sql: `CREATE VIEW v AS SELECT s.coalesce FROM (SELECT coalesce(shimei, atena_no) FROM h) s`,
  },
];

let pg: PGlite;

async function viewOnPostgres(sql: string): Promise<boolean> {
  return runScenario(pg, sql, async () => {
    const r = await pg.query(`SELECT 1 FROM pg_class WHERE relname = 'v'`);
    return r.rows.length === 1;
  });
}

function bySpif(sql: string) {
  const read = readPostgresSql({ path: 'views.sql', text: sql });
  const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
  return { exists: catalog.relations.has('default.public.v'), diagnostics: [...read.diagnostics, ...diagnostics] };
}

describe('a view naming a column its base does not have, checked on PGlite', () => {
  it('a view over a subquery and a CTE carries their lineage (the number column reached through both)', () => {
    const sql = `${BASE}\nCREATE VIEW v AS WITH c(b) AS (SELECT kojin_bango FROM h) SELECT s.x, c.b FROM (SELECT atena_no, kojin_bango AS x FROM h) s, c;`;
    const read = readPostgresSql({ path: 'views.sql', text: sql });
    const { catalog } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
    const v = catalog.relations.get('default.public.v');
    expect(v?.view?.columns.map((c) => [c.name, c.from.map((f) => `${f.relation.name}.${f.column}`)])).toEqual([
      ['x', ['h.kojin_bango']],
      ['b', ['h.kojin_bango']],
    ]);
  });

  beforeAll(async () => {
    await loadPostgresParser();
    pg = await PGlite.create();
  });
  afterAll(() => pg.close());

  for (const s of SCENARIOS) {
    it(s.name, async () => {
      const sql = `${BASE}\n${s.sql};`;
      const spif = bySpif(sql);
      expect(spif.exists).toBe(await viewOnPostgres(sql));
      expect(spif.exists).toBe(!s.errors);
      expect(spif.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual(
        (s.errors ?? []).map(([line, column]) => ['SPIF-VIEW-UNKNOWN-COLUMN', 'error', line, column]),
      );
    });
  }

  it('a view moved after a later file, or whose column a later file adds, is not checked', async () => {
    const early = readPostgresSql({ path: '1_views.sql', text: 'CREATE VIEW v AS SELECT h.juusho FROM h;\n' });
    const late = readPostgresSql({ path: '2_tables.sql', text: `${BASE}\nALTER TABLE h ADD COLUMN juusho text;\n` });
    const diagnostics: { code: string }[] = [];
    const ops = createsFirst([...early.ops, ...late.ops], 'default', diagnostics as never);
    const { catalog, diagnostics: built } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops }]);
    expect(catalog.relations.has('default.public.v')).toBe(true);
    expect(built.filter((d) => d.code === 'SPIF-VIEW-UNKNOWN-COLUMN')).toEqual([]);
    // Run in the DBA's order (tables first), PostgreSQL accepts the view.
    expect(
      await viewOnPostgres(`${BASE}\nALTER TABLE h ADD COLUMN juusho text;\nCREATE VIEW v AS SELECT h.juusho FROM h;`),
    ).toBe(true);
  });

  it('only a later file adding the column leaves the view unchecked, not a later statement of its own file', () => {
    const tables = readPostgresSql({ path: '1_tables.sql', text: `${BASE}\n` });
    const view = 'CREATE VIEW v AS SELECT h.juusho FROM h;\n';
    const scan = (files: { path: string; text: string }[]) => {
      const ops = createsFirst([...tables.ops, ...files.flatMap((f) => readPostgresSql(f).ops)], 'default', []);
      const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops }]);
      return {
        exists: catalog.relations.has('default.public.v'),
        errors: diagnostics.filter((d) => d.code === 'SPIF-VIEW-UNKNOWN-COLUMN').map((d) => d.file),
      };
    };
    // Another file adds juusho after the view: the DBA may run it first, so the view is not checked.
    expect(
      scan([
        { path: '2_views.sql', text: view },
        { path: '3_alter.sql', text: 'ALTER TABLE h ADD COLUMN juusho text;\n' },
      ]),
    ).toEqual({ exists: true, errors: [] });
    // A rename to juusho in another file counts the same.
    expect(
      scan([
        { path: '2_views.sql', text: view },
        { path: '3_alter.sql', text: 'ALTER TABLE h RENAME COLUMN shimei TO juusho;\n' },
      ]),
    ).toEqual({ exists: true, errors: [] });
    // Its own file adds it only after the view: PostgreSQL refuses the view there, and so does spif.
    expect(scan([{ path: '2_views.sql', text: `${view}ALTER TABLE h ADD COLUMN juusho text;\n` }])).toEqual({
      exists: false,
      errors: ['2_views.sql'],
    });
  });

  it('the real bin reports the error at the column, and check fails on it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-view-column-'));
    fs.mkdirSync(path.join(dir, 'db'));
    fs.writeFileSync(
      path.join(dir, 'db/schema.sql'),
      `${BASE}\nCREATE VIEW v_bango AS\n  SELECT h.atena_no, h.kojin_bangou FROM h;\nCREATE VIEW v_ok AS SELECT atena_no FROM h;\n`,
    );
    const scan = runBinSync(['scan', 'db', '--dialect', 'postgresql', '--format', 'json'], dir, { LANG: 'C' });
    const json = JSON.parse(scan.stdout) as {
      relations: { id: string }[];
      diagnostics: { code: string; severity: string; file: string; line: number; column: number; message: string }[];
    };
    const errors = json.diagnostics.filter((d) => d.code === 'SPIF-VIEW-UNKNOWN-COLUMN');
    expect(errors.map((d) => [d.severity, d.file, d.line, d.column])).toEqual([['error', 'db/schema.sql', 4, 22]]);
    expect(nth(errors, 0).message).toContain('column h.kojin_bangou does not exist');
    expect(json.relations.map((r) => r.id)).not.toContain('default.public.v_bango');
    expect(json.relations.map((r) => r.id)).toContain('default.public.v_ok');
    const check = runBinSync(['check', 'db', '--dialect', 'postgresql'], dir, { LANG: 'C', NO_COLOR: '1' });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/error SPIF-VIEW-UNKNOWN-COLUMN db\/schema.sql:4\b/);
    expect(check.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
