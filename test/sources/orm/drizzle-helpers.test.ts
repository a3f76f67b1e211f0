/**
 * Drizzle patterns of real applications (issue 12.8): column helpers (`id: id()`) and table
 * wrappers that add shared columns (`createTable(name, cols) => pgTable(name, { ...cols, ...timestamps })`),
 * declared in another file. Before, the helper's primary key and every wrapped table were lost.
 */
import { describe, expect, it } from 'vitest';
import { drizzleReader } from '../../../src/sources/drizzle/reader.js';
import { column, columnNames, fks, readFixtures, readTexts, table } from './helpers.js';
import { nth } from '../../../src/indexed.js';

const APP = [
  'drizzle-app/src/db/helpers.ts',
  'drizzle-app/src/db/schema/jumin.ts',
  'drizzle-app/src/db/schema/kyufu.ts',
  'drizzle-app/src/db/schema/shinsei.ts',
  'drizzle-app/src/db/columns/audit.ts',
];

describe('Drizzle: the project’s helpers and table wrappers', () => {
  it('reads tables made by a wrapper of pgTable, with the call’s columns and the wrapper’s own', async () => {
    const r = await readFixtures(drizzleReader, APP);
    expect(r.diagnostics).toEqual([]);
    const jumin = table(r, 'jumin');
    expect(columnNames(jumin)).toEqual(['id', 'kojin_bango', 'shimei', 'created_at', 'updated_at']);
    expect(column(jumin, 'kojin_bango').comment).toBe('個人番号');
    // id() = uuid('id').primaryKey().defaultRandom(): the helper's primary key is kept
    expect(jumin.primaryKey).toEqual(['id']);
    expect(column(jumin, 'id').type).toBe('uuid');
    const kyufu = table(r, 'kyufu');
    expect(fks(kyufu)).toEqual([[['jumin_id'], 'public.jumin', ['id']]]);
  });

  it('follows `...fn()` spreads to the object a function of another file returns, through nested spreads', async () => {
    const r = await readFixtures(drizzleReader, APP);
    expect(r.diagnostics).toEqual([]);
    const shinsei = table(r, 'shinsei');
    expect(columnNames(shinsei)).toEqual([
      'id',
      'shinseisha_bango',
      'kingaku',
      'created_by',
      'updated_by',
      'deleted_at',
      'audited_at',
    ]);
    expect(column(shinsei, 'shinseisha_bango').comment).toBe('申請者の個人番号');
    expect(shinsei.primaryKey).toEqual(['id']);
  });

  it('a spread spif cannot follow statically is a located warning naming the table, never passed over', async () => {
    const r = await readTexts(drizzleReader, {
      'schema.ts':
        "import { char, pgTable } from 'drizzle-orm/pg-core';\nimport { commonColumns } from '@acme/db-kit';\nimport * as cols from './cols';\n" +
        "export const t = pgTable('t', {\n  kojinBango: char('kojin_bango', { length: 12 }),\n  ...commonColumns(),\n  ...cols.audit(),\n});\n",
    });
    // The table and its own columns are kept; each spread is reported where it is written.
    expect(r.ops.filter((o) => o.op === 'create-table').map((o) => o.name.name)).toEqual(['t']);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['SPIF-ORM-UNSUPPORTED', 6],
      ['SPIF-ORM-UNSUPPORTED', 7],
    ]);
    expect(nth(r.diagnostics, 0).message).toContain(
      'spread `...commonColumns()` in table t calls a function spif cannot follow',
    );
  });

  it('a call passing columns to a function that is no table wrapper is reported, not passed over', async () => {
    const r = await readTexts(drizzleReader, {
      'schema.ts':
        "import { text } from 'drizzle-orm/pg-core';\nimport { makeTable } from 'elsewhere';\nexport const t = makeTable('t', { kojinBango: text('kojin_bango') });\n",
    });
    expect(r.ops.filter((o) => o.op === 'create-table')).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-ORM-UNSUPPORTED', 3]]);
    expect(nth(r.diagnostics, 0).message).toContain('makeTable(…), which is declared in no scanned file');
  });
});
