/**
 * Data migrations that copy a column with UPDATE (Prisma migrations write them when a column
 * moves to another table): `UPDATE t SET c = o.x FROM o WHERE …` and `SET c = (SELECT x FROM o
 * …)`. On PostgreSQL (PGlite) the number lands in t.c; spif follows the copy (`via: update`) so
 * t.c is a number column, instead of a warning that the copy is not followed.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import { detectColumns } from '../../../src/detect/index.js';
import { matchesRef } from '../../../src/config/index.js';
import { loadPostgresParser, readPostgresSql } from '../../../src/sources/postgresql/reader.js';
import { nth } from '../../../src/indexed.js';
import { asRelationId } from '../../../src/catalog/model.js';

const BASE = `CREATE TABLE "Team" (id int PRIMARY KEY, "kojinBango" char(12));
INSERT INTO "Team" VALUES (1, '123456789018');
CREATE TABLE "Organisation" (id int PRIMARY KEY, "teamId" int, "ownerRef" char(12), memo text);
INSERT INTO "Organisation" VALUES (10, 1, NULL, NULL);`;

const SCENARIOS = [
  {
    name: 'UPDATE … FROM',
    sql: `UPDATE "Organisation" SET "ownerRef" = t."kojinBango", memo = 'moved' FROM "Team" t WHERE t.id = "Organisation"."teamId";`,
  },
  {
    name: 'SET c = (SELECT …), with an alias on the target',
    sql: `UPDATE "Organisation" o SET "ownerRef" = (SELECT "kojinBango" FROM "Team" WHERE id = o."teamId");`,
  },
  {
    // UPDATE: "a sub-SELECT … its column values are assigned to the target columns" (by position).
    name: 'SET (a, b) = (SELECT x, y …): each column its position of the row',
    sql: `UPDATE "Organisation" o SET (memo, "ownerRef") = (SELECT 'moved', "kojinBango" FROM "Team" WHERE id = o."teamId");`,
  },
  {
    name: 'SET (a, b) = ROW (x, y) over UPDATE … FROM',
    sql: `UPDATE "Organisation" SET (memo, "ownerRef") = ROW ('moved', t."kojinBango") FROM "Team" t WHERE t.id = "teamId";`,
  },
];

let pg: PGlite;

describe('UPDATE copying values from another table', () => {
  beforeAll(async () => {
    await loadPostgresParser();
    pg = await PGlite.create();
  });
  afterAll(() => pg.close());

  for (const s of SCENARIOS) {
    it(s.name, async () => {
      await pg.exec('BEGIN');
      try {
        await pg.exec(`${BASE}\n${s.sql}`);
        const row = await pg.query<{ ownerRef: string }>(`SELECT "ownerRef" FROM "Organisation"`);
        expect(nth(row.rows, 0).ownerRef).toBe('123456789018');
      } finally {
        await pg.exec('ROLLBACK');
      }
      const read = readPostgresSql({ path: 'migration.sql', text: `${BASE}\n${s.sql}` });
      expect(read.diagnostics).toEqual([]);
      const { catalog } = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
      const org = catalog.relations.get(asRelationId('default.public.Organisation'))!;
      expect(org.columns.find((c) => c.name === 'ownerRef')?.copiedFrom).toMatchObject([
        { relation: { name: 'Team' }, column: 'kojinBango', via: 'update' },
      ]);
      expect(org.columns.find((c) => c.name === 'memo')?.copiedFrom).toBeUndefined();
      const { numbers } = detectColumns(catalog, { include: [], substitute: [], exclude: [] }, matchesRef);
      expect([...numbers.keys()].filter((k) => k.includes('Organisation'))).toEqual([
        'default.public.Organisation.ownerRef',
      ]);
    });
  }

  it('SET c[…] (an array element) is still reported, located', () => {
    const read = readPostgresSql({
      path: 'm.sql',
      text: `${BASE}\nALTER TABLE "Organisation" ADD tags text[];\nUPDATE "Organisation" SET tags[1] = (SELECT "kojinBango" FROM "Team" WHERE id = 1);`,
    });
    expect(read.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-SQL-UNSUPPORTED', 6]]);
  });
});
