/**
 * The bundled insurer sample exists four times: as SQL (fixtures/insurer) and as a TypeORM
 * project, a Drizzle schema and a Prisma schema (with the grants, which ORMs cannot express,
 * as SQL beside them). All four must classify alike: the reports are equal once source
 * locations (file, line, column) are set aside.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../../src/pipeline.js';
import { MODEL_READERS } from '../../../src/sources/registry.js';
import { drizzleReader } from '../../../src/sources/drizzle/reader.js';
import { prismaReader } from '../../../src/sources/prisma/reader.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');

/** What says where and how things are written: which files, how many statements, which config. */
const WRITING = new Set(['source', 'commentSource', 'config', 'files', 'filesFound', 'statements', 'statementsRead']);

/** Everything but where things are written. */
function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => !WRITING.has(k) || (k === 'files' && Array.isArray(v)))
        .map(([k, v]) => [k, withoutLocations(v)]),
    );
  }
  return value;
}

async function report(dir: string) {
  const { report } = await scan({ paths: [path.join(FIXTURES, dir)] });
  return report;
}

describe('ORM twins of the insurer sample classify exactly as the SQL sample', () => {
  let sql: Awaited<ReturnType<typeof report>>;

  beforeAll(async () => {
    // until the registry lists them, make sure the model readers are wired (no-op afterwards)
    for (const reader of [drizzleReader, prismaReader]) {
      if (!MODEL_READERS.some((r) => r.name === reader.name)) MODEL_READERS.push(reader);
    }
    sql = await report('insurer');
  });

  it('the SQL sample itself reads cleanly and finds the number', () => {
    expect(sql.diagnostics).toEqual([]);
    expect(sql.summary.specific).toBeGreaterThan(0);
    expect(sql.summary.notSpecific).toBeGreaterThan(0);
  });

  for (const twin of ['insurer-typeorm', 'insurer-drizzle', 'insurer-prisma']) {
    it(`${twin}: same relations, columns, number columns, paths, blocks, files and databases`, async () => {
      const orm = await report(twin);
      // ORM and SQL sources of one database are read together without a single complaint
      expect(orm.diagnostics).toEqual([]);
      const { diagnostics: _a, ...ormRest } = orm;
      const { diagnostics: _b, ...sqlRest } = sql;
      expect(withoutLocations(ormRest)).toEqual(withoutLocations(sqlRest));
    });
  }
});
