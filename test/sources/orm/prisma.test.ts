import { describe, expect, it } from 'vitest';
import { prismaReader } from '../../../src/sources/prisma/reader.js';
import { column, columnNames, fks, readFixtures, table, view } from './helpers.js';

describe('Prisma reader', () => {
  it('reads models as tables with @@map/@map names, @@schema, /// comments and doc-tag marks', async () => {
    const r = await readFixtures(prismaReader, ['prisma/schema.prisma']);
    const h = table(r, 'hihokensha');
    expect(h.name).toEqual({ schema: 'kyufu', name: 'hihokensha' });
    expect(h.comment).toBe('被保険者台帳');
    // relation fields (rireki) are not columns; enum fields are
    expect(columnNames(h)).toEqual([
      'hihokensha_no',
      'kojin_bango',
      'shimei',
      'seinengappi',
      'shokai_fugo',
      'atenaNo',
      'status',
    ]);
    expect(column(h, 'kojin_bango')).toMatchObject({ comment: '個人番号', type: 'bpchar(12)' });
    expect(column(h, 'shimei').type).toBe('text');
    expect(column(h, 'kojin_bango').mark).toBeUndefined();
    expect(column(h, 'shokai_fugo')).toMatchObject({ comment: '照会用の値', mark: 'substitute-code' });
    expect(column(h, 'kojin_bango').source).toEqual({ file: 'fixtures/orm/prisma/schema.prisma', line: 15, column: 3 });
    expect(h.primaryKey).toEqual(['hihokensha_no']);
    expect(h.uniqueKeys).toEqual([['kojin_bango'], ['atenaNo'], ['shimei', 'seinengappi']]);
  });

  it('makes foreign keys from @relation(fields, references) and reads @@id', async () => {
    const r = await readFixtures(prismaReader, ['prisma/schema.prisma']);
    const k = table(r, 'KyufuRireki');
    expect(k.name.schema).toBe('public');
    expect(column(k, 'bango').mark).toBe('individual-number'); // trailing ///
    expect(column(k, 'id').type).toBe('serial'); // Int @default(autoincrement())
    expect(fks(k)).toEqual([[['hihokensha_no'], 'kyufu.hihokensha', ['hihokensha_no']]]);
    const m = table(r, 'kyufu_meisai');
    expect(m.primaryKey).toEqual(['rireki_id', 'gyo']);
    expect(fks(m)).toEqual([[['rireki_id'], 'public.KyufuRireki', ['id']]]);
  });

  it("makes Prisma's junction tables for implicit many-to-many relations", async () => {
    const r = await readFixtures(prismaReader, ['prisma/schema.prisma']);
    expect(fks(table(r, '_MemberToTag'))).toEqual([
      [['A'], 'public.Member', ['id']],
      [['B'], 'public.Tag', ['code']],
    ]);
    expect(fks(table(r, '_follows'))).toEqual([
      [['A'], 'public.Member', ['id']],
      [['B'], 'public.Member', ['id']],
    ]);
    expect(r.ops.filter((o) => o.op === 'create-table').map((o) => 'name' in o && o.name.name)).toEqual([
      'hihokensha',
      'KyufuRireki',
      'kyufu_meisai',
      'Tag',
      'Member',
      '_MemberToTag',
      '_follows',
    ]);
  });

  it('keeps views with unknown lineage and a located warning', async () => {
    const r = await readFixtures(prismaReader, ['prisma/schema.prisma']);
    expect(view(r, 'HihokenshaView').view.columns).toEqual([{ name: 'hihokensha_no', from: [] }]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column])).toEqual([
      ['warning', 'SPIF-ORM-UNSUPPORTED', 74, 1],
    ]);
  });

  it('resolves relations across the files of a schema folder', async () => {
    const r = await readFixtures(prismaReader, ['prisma/multi-file/kyufu.prisma', 'prisma/multi-file/shikaku.prisma']);
    expect(fks(table(r, 'kyufu'))).toEqual([[['shikaku_id'], 'public.shikaku', ['id']]]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports a syntax error with its location and still reads the other models', async () => {
    const r = await readFixtures(prismaReader, ['prisma/syntax-error.prisma']);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'SPIF-PRISMA-SYNTAX',
        file: 'fixtures/orm/prisma/syntax-error.prisma',
        line: 7,
      }),
    ]);
    expect(r.ops.map((o) => 'name' in o && o.name)).toEqual([
      { schema: 'public', name: 'Good' },
      { schema: 'public', name: 'AlsoGood' },
    ]);
    expect(column(table(r, 'AlsoGood'), 'kojin_bango').comment).toBe('個人番号');
  });

  it('uses the database dialect for the default schema', async () => {
    const r = await readFixtures(prismaReader, ['prisma/multi-file/shikaku.prisma'], 'mysql');
    expect(table(r, 'shikaku').name).toEqual({ schema: 'main', name: 'shikaku' });
    expect(column(table(r, 'shikaku'), 'id').type).toBe('Int');
  });
});
