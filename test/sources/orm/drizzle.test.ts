import { describe, expect, it } from 'vitest';
import { drizzleReader } from '../../../src/sources/drizzle/reader.js';
import { column, columnNames, fks, readFixtures, table, view } from './helpers.js';

describe('Drizzle reader: tables and columns', () => {
  it('reads pgSchema tables, builder names, keys, JSDoc comments and doc-tag marks', async () => {
    const r = await readFixtures(drizzleReader, ['drizzle/columns.ts']);
    const h = table(r, 'hihokensha');
    expect(h.name.schema).toBe('kyufu');
    expect(h.comment).toBe('被保険者台帳');
    // the first builder argument is the SQL name; without it, the object key
    expect(columnNames(h)).toEqual(['hihokensha_no', 'kojin_bango', 'shimei', 'seinengappi', 'shokai_fugo', 'atenaNo']);
    expect(h.primaryKey).toEqual(['hihokensha_no']);
    expect(column(h, 'kojin_bango')).toMatchObject({ type: 'bpchar(12)', comment: '個人番号' });
    expect(column(h, 'atenaNo').type).toBe('varchar(15)'); // config object as the only argument
    expect(column(h, 'shimei').type).toBe('text');
    expect(column(h, 'shokai_fugo')).toMatchObject({ comment: '照会用の値', mark: 'substitute-code' });
    // .unique(), unique().on(), uniqueIndex().on(); index() adds no key
    expect(h.uniqueKeys).toEqual([['kojin_bango'], ['shimei', 'seinengappi'], ['atenaNo']]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reads .references(), table-level primaryKey and foreignKey (object form of extra config)', async () => {
    const r = await readFixtures(drizzleReader, ['drizzle/columns.ts']);
    const k = table(r, 'kyufu_rireki');
    expect(k.name.schema).toBe('public');
    expect(column(k, 'id').type).toBe('serial');
    expect(column(k, 'bango').mark).toBe('individual-number');
    expect(fks(k)).toEqual([[['hihokensha_no'], 'kyufu.hihokensha', ['hihokensha_no']]]);
    const m = table(r, 'kyufu_meisai');
    expect(m.primaryKey).toEqual(['rireki_id', 'gyo']);
    expect(fks(m)).toEqual([[['rireki_ref'], 'public.kyufu_rireki', ['id']]]);
  });

  it('reads relations() fields/references as links, once when .references() says the same', async () => {
    const r = await readFixtures(drizzleReader, ['drizzle/relations.ts'], 'mysql');
    const m = table(r, 'member');
    expect(m.name.schema).toBe('main');
    expect(column(m, 'setai_no').type).toBe('varchar'); // builder names as written outside PostgreSQL
    expect(fks(m)).toEqual([
      [['oya_setai_no'], 'main.setai', ['setai_no']],
      [['setai_no'], 'main.setai', ['setai_no']],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('notes a table builder of another dialect than the database', async () => {
    const r = await readFixtures(drizzleReader, ['drizzle/relations.ts'], 'postgresql');
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['info', 'SPIF-ORM-DIALECT'],
      ['info', 'SPIF-ORM-DIALECT'],
    ]);
  });

  it('resolves tables across files, import aliases, namespace imports and spread column sets', async () => {
    const r = await readFixtures(drizzleReader, [
      'drizzle/cross-file/kyufu.ts',
      'drizzle/cross-file/shikaku.ts',
      'drizzle/cross-file/base.ts',
    ]);
    expect(r.diagnostics).toEqual([]);
    const s = table(r, 'shikaku');
    expect(columnNames(s)).toEqual(['id', 'created_at', 'hihokensha_no', 'shutoku_date']);
    expect(s.primaryKey).toEqual(['id']);
    expect(column(s, 'id').source?.file).toBe('fixtures/orm/drizzle/cross-file/base.ts');
    expect(fks(table(r, 'kyufu'))).toEqual([
      [['shikaku_id'], 'public.shikaku', ['hihokensha_no']],
      [['shikaku_id2'], 'public.shikaku', ['hihokensha_no']],
    ]);
  });
});

describe('Drizzle reader: views', () => {
  it('reads sql`…` views for lineage and warns on query-builder views', async () => {
    const r = await readFixtures(drizzleReader, ['drizzle/views.ts']);
    const v = view(r, 'v_bango');
    expect(v.view.columns.map((c) => [c.name, c.from.map((f) => f.column)])).toEqual([
      ['hihokensha_no', ['hihokensha_no']],
      ['kojin_bango', ['kojin_bango']],
    ]);
    expect(view(r, 'v_builder').view.reads).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-ORM-UNSUPPORTED', 14]]);
  });
});

describe('Drizzle reader: unsupported constructs', () => {
  it('reports dynamic names, table creators, foreign spreads, computed keys, unknown targets and casing', async () => {
    const r = await readFixtures(drizzleReader, ['drizzle/unsupported.ts']);
    expect(table(r, 'by_constant').primaryKey).toEqual(['id']);
    expect(columnNames(table(r, 'spread'))).toEqual(['id', 'ref']);
    expect(r.ops.map((o) => ('name' in o ? o.name : undefined))).toEqual([
      { schema: 'public', name: 'by_constant' },
      { schema: 'public', name: 'spread' },
    ]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column]).sort()).toEqual([
      ['warning', 'SPIF-ORM-UNSUPPORTED', 10, 32], // pgTable(`t_${name()}`)
      ['warning', 'SPIF-ORM-UNSUPPORTED', 12, 28], // pgTableCreator
      ['warning', 'SPIF-ORM-UNSUPPORTED', 16, 3], // ...extraColumns (not in the scanned files)
      ['warning', 'SPIF-ORM-UNSUPPORTED', 18, 40], // references(() => missingTable.id)
      ['warning', 'SPIF-ORM-UNSUPPORTED', 19, 3], // [name()]
      ['warning', 'SPIF-ORM-UNSUPPORTED', 22, 56], // casing
    ]);
  });

  it('accepts schema modules and relations files, not query code', () => {
    const ctx = { dialect: 'postgresql' as const };
    expect(drizzleReader.accepts('s.ts', "import { pgTable } from 'drizzle-orm/pg-core';", ctx)).toBe(true);
    expect(
      drizzleReader.accepts('r.ts', "import { relations } from 'drizzle-orm';\nrelations(a, () => ({}));", ctx),
    ).toBe(true);
    expect(
      drizzleReader.accepts(
        'q.ts',
        "import { eq } from 'drizzle-orm';\ndb.select().from(users).where(eq(users.id, 1));",
        ctx,
      ),
    ).toBe(false);
    expect(drizzleReader.accepts('s.sql', "import { pgTable } from 'drizzle-orm/pg-core';", ctx)).toBe(false);
  });
});
