/**
 * PostgreSQL appends a number to a name it makes up when that name is already taken in the schema
 * (src/backend/commands/indexcmds.c ChooseRelationName: "`label`N" with N = 1, 2, …): a table
 * called `t_c_key` makes the unique key of `t (c)` `t_c_key1`. spif does not choose those names;
 * a DROP of such a numbered name must be said (the keys are kept), never taken silently for a CHECK.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import { loadPostgresParser, readPostgresSql } from '../../../src/sources/postgresql/reader.js';

const SQL = `CREATE TABLE t_c_key (x int);
CREATE TABLE t (id int PRIMARY KEY, c char(12));
ALTER TABLE t ADD UNIQUE (c);`;

describe('numbered made-up key names (…_key1)', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = new PGlite();
    await loadPostgresParser();
  });
  afterAll(async () => pg.close());

  it('PostgreSQL names the key t_c_key1; spif keeps the key on the drop and says why, located', async () => {
    await pg.exec(SQL);
    const named = await pg.query<{ conname: string }>(
      "SELECT conname FROM pg_constraint WHERE conrelid = 't'::regclass AND contype = 'u'",
    );
    expect(named.rows.map((r) => r.conname)).toEqual(['t_c_key1']);

    const read = readPostgresSql({ path: 'm.sql', text: `${SQL}\nALTER TABLE t DROP CONSTRAINT t_c_key1;` });
    const { catalog, diagnostics } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
    expect(catalog.relations.get('default.public.t')!.uniqueKeys).toEqual([['c']]);
    const said = diagnostics.filter((d) => d.code === 'SPIF-SQL-UNKNOWN-CONSTRAINT');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ severity: 'warning', file: 'm.sql', line: 4 });
    expect(said[0].message).toContain('t_c_key1');
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
