import { describe, expect, it } from 'vitest';
import { camelCase, naming, snakeCase, titleCase } from '../../../src/sources/typeorm/naming.js';
import { typeOrmReader } from '../../../src/sources/typeorm/reader.js';
import { column, columnNames, fks, readFixtures, table, view } from './helpers.js';
import { nth } from '../../../src/indexed.js';

describe('TypeORM naming (DefaultNamingStrategy)', () => {
  it('restates StringUtils', () => {
    expect(snakeCase('KyufuRireki')).toBe('kyufu_rireki');
    expect(snakeCase('HTTPRequestLog')).toBe('http_request_log');
    expect(camelCase('setai_setaiNo')).toBe('setaiSetaiNo');
    expect(camelCase('Member_id')).toBe('memberId');
    expect(titleCase('shichoson_code')).toBe('Shichoson_code');
    expect(naming.columnName('kojinBango', undefined, ['renraku', 'jusho'])).toBe('renrakuJushoKojinbango');
    expect(naming.joinTableName('member', 'tag', 'tags')).toBe('member_tags_tag');
  });
});

describe('TypeORM reader: columns', () => {
  it('reads @Entity name/schema, column names, types, comments, keys and doc-tag marks', async () => {
    const r = await readFixtures(typeOrmReader, ['typeorm/columns.ts']);
    const h = table(r, 'hihokensha');
    expect(h.name).toEqual({ schema: 'kyufu', name: 'hihokensha' });
    expect(h.comment).toBe('被保険者台帳');
    expect(columnNames(h)).toEqual(['hihokensha_no', 'kojin_bango', 'shimei', 'seinengappi', 'shokai_fugo', 'atenaNo']);
    expect(h.primaryKey).toEqual(['hihokensha_no']);
    // types in the PostgreSQL reader's spelling, so ORM and SQL twins describe columns alike
    expect(column(h, 'hihokensha_no').type).toBe('varchar(8)');
    expect(column(h, 'kojin_bango')).toMatchObject({ type: 'bpchar(12)', comment: '個人番号' });
    expect(column(h, 'shimei').type).toBe('varchar'); // from the TypeScript type, as TypeORM does
    expect(column(h, 'seinengappi').type).toBe('date');
    expect(column(h, 'kojin_bango').mark).toBeUndefined();
    expect(column(h, 'shimei').comment).toBe('氏名');
    expect(column(h, 'shokai_fugo')).toMatchObject({ comment: '照会用の値', mark: 'substitute-code' });
    // unique: true, @Index({ unique: true }) on a property, @Unique([...]) on the class
    expect(h.uniqueKeys).toEqual([['kojin_bango'], ['atenaNo'], ['shimei', 'seinengappi']]);
    expect(column(h, 'kojin_bango').source).toEqual({ file: 'fixtures/orm/typeorm/columns.ts', line: 11, column: 3 });
  });

  it('names an unnamed entity as TypeORM does and defaults the schema to the dialect', async () => {
    const pg = await readFixtures(typeOrmReader, ['typeorm/columns.ts']);
    const k = table(pg, 'kyufu_rireki');
    expect(k.name.schema).toBe('public');
    expect(k.primaryKey).toEqual(['id']);
    expect(column(k, 'id').type).toBe('serial');
    expect(column(k, 'kingaku').type).toBe('int4');
    expect(column(k, 'bango').mark).toBe('individual-number');
    expect(column(k, 'bango').comment).toBeUndefined(); // the tag alone is no comment
    const my = await readFixtures(typeOrmReader, ['typeorm/columns.ts'], 'mysql');
    expect(table(my, 'kyufu_rireki').name.schema).toBe('main');
  });
});

describe('TypeORM reader: relations', () => {
  it('makes join columns and foreign keys for owning ManyToOne/OneToOne sides', async () => {
    const r = await readFixtures(typeOrmReader, ['typeorm/relations.ts']);
    const m = table(r, 'member');
    expect(columnNames(m)).toEqual(['id', 'oya_setai_no', 'setaiSetaiNo', 'code_of_setai', 'looseSetaiSetaiNo']);
    expect(fks(m)).toEqual([
      [['setaiSetaiNo'], 'public.setai', ['setai_no']],
      [['oya_setai_no'], 'public.setai', ['setai_no']],
      [['code_of_setai'], 'public.setai', ['setai_code']],
    ]);
    // OneToOne owner: the join column is unique
    expect(m.uniqueKeys).toEqual([['code_of_setai']]);
    expect(table(r, 'setai').foreignKeys).toEqual([]);
  });

  it('makes junction tables for ManyToMany + JoinTable, named as TypeORM names them', async () => {
    const r = await readFixtures(typeOrmReader, ['typeorm/relations.ts']);
    const tags = table(r, 'member_tags_tag');
    expect(columnNames(tags)).toEqual(['memberId', 'tagCode']);
    expect(tags.columns.map((c) => c.type)).toEqual(['int4', 'varchar']); // serial is referenced as int4
    expect(tags.primaryKey).toEqual(['memberId', 'tagCode']);
    expect(fks(tags)).toEqual([
      [['memberId'], 'public.member', ['id']],
      [['tagCode'], 'public.tag', ['code']],
    ]);
    const labels = table(r, 'member_label');
    expect(fks(labels)).toEqual([
      [['member_id'], 'public.member', ['id']],
      [['label_code'], 'public.tag', ['code']],
    ]);
    const friends = table(r, 'member_friends_member');
    expect(columnNames(friends)).toEqual(['memberId_1', 'memberId_2']);
    // the inverse ManyToMany side (Tag.members) makes no second junction
    expect(r.ops.filter((o) => o.op === 'create-table')).toHaveLength(6);
  });
});

describe('TypeORM reader: embedded, inherited and cross-file', () => {
  it('expands embedded columns with TypeORM prefixes', async () => {
    const r = await readFixtures(typeOrmReader, ['typeorm/embedded.ts']);
    expect(columnNames(table(r, 'shinseisha'))).toEqual([
      'id',
      'genjushoTodofuken',
      'genjushoShichoson_code',
      'kyuTodofuken',
      'kyuShichoson_code',
      'todofuken',
      'shichoson_code',
      'renrakuTel',
      'renrakuJushoTodofuken',
      'renrakuJushoShichoson_code',
    ]);
    // embeddable classes are not tables
    expect(r.ops).toHaveLength(1);
  });

  it('inherits columns from abstract base classes and resolves entities across files and aliases', async () => {
    const r = await readFixtures(typeOrmReader, [
      'typeorm/cross-file/entities/kyufu.entity.ts',
      'typeorm/cross-file/entities/shikaku.entity.ts',
      'typeorm/cross-file/entities/base.ts',
    ]);
    expect(r.diagnostics).toEqual([]);
    const s = table(r, 'shikaku');
    expect(columnNames(s)).toEqual(['id', 'created_at', 'hihokensha_no', 'shutoku_date']);
    expect(s.primaryKey).toEqual(['id']);
    const k = table(r, 'kyufu');
    expect(columnNames(k)).toEqual(['id', 'created_at', 'kingaku', 'shikaku_id']);
    expect(fks(k)).toEqual([[['shikaku_id'], 'public.shikaku', ['id']]]);
    expect(column(k, 'created_at').source?.file).toBe('fixtures/orm/typeorm/cross-file/entities/base.ts');
  });

  it('says so when a relation target is in a file it was not given', async () => {
    const r = await readFixtures(typeOrmReader, ['typeorm/cross-file/entities/kyufu.entity.ts']);
    expect(r.diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('base class KihonEntity is not declared in the scanned files'),
        expect.stringContaining('relation target Shikaku is not an entity of the scanned files'),
      ]),
    );
    expect(table(r, 'kyufu').foreignKeys).toEqual([]);
  });
});

describe('TypeORM reader: views', () => {
  it('reads SQL view expressions with the PostgreSQL parser for lineage', async () => {
    const r = await readFixtures(typeOrmReader, ['typeorm/views.ts']);
    const v = view(r, 'v_hihokensha');
    expect(v.view.columns.map((c) => c.name)).toEqual(['hihokensha_no', 'kojin_bango']);
    expect(nth(v.view.columns, 1).from).toEqual([
      { relation: { schema: 'kyufu', name: 'hihokensha' }, column: 'kojin_bango' },
    ]);
    expect(v.view.reads).toEqual([{ schema: 'kyufu', name: 'hihokensha' }]);
  });

  it('keeps query-builder views with unknown lineage and a located warning', async () => {
    const r = await readFixtures(typeOrmReader, ['typeorm/views.ts']);
    const v = view(r, 'kyufu_summary');
    expect(v.view.columns).toEqual([{ name: 'id', from: [] }]);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'SPIF-ORM-UNSUPPORTED',
        file: 'fixtures/orm/typeorm/views.ts',
        line: 18,
        column: 15,
      }),
    ]);
  });
});

describe('TypeORM reader: unsupported constructs', () => {
  it('reports dynamic names, spreads, computed and custom decorators with their location', async () => {
    const r = await readFixtures(typeOrmReader, ['typeorm/unsupported.ts']);
    expect(table(r, 'named_by_constant').primaryKey).toEqual(['id']);
    const dyn = table(r, 'dynamic_name'); // TypeORM's default name, with a warning
    // @KojinBangoColumn() cannot be followed (declared in no scanned file): still a column, never dropped.
    expect(columnNames(dyn)).toEqual(['id', 'biko', 'kojinBango', 'templated']);
    const found = r.diagnostics.map((d) => [d.severity, d.code, d.line, d.column]);
    expect(found).toEqual([
      ['warning', 'SPIF-ORM-UNSUPPORTED', 15, 9], // @Entity(tableName())
      ['warning', 'SPIF-ORM-UNSUPPORTED', 20, 13], // ...base
      ['warning', 'SPIF-ORM-UNSUPPORTED', 23, 3], // @(flag ? … : …)
      ['warning', 'SPIF-ORM-UNSUPPORTED', 29, 19], // name: `col_${TABLE}`
      ['warning', 'SPIF-ORM-DECORATOR-UNRESOLVED', 26, 3], // @KojinBangoColumn(), said where the entity is built
    ]);
    expect(nth(r.diagnostics, 4).message).toContain('kojinBango');
  });

  it('accepts only TypeScript files that use TypeORM decorators', () => {
    const ctx = { dialect: 'postgresql' as const };
    expect(typeOrmReader.accepts('a.ts', "import { Entity } from 'typeorm';\n@Entity() class A {}", ctx)).toBe(true);
    expect(
      typeOrmReader.accepts('a.ts', "import { Repository } from 'typeorm';\nexport type R = Repository<A>;", ctx),
    ).toBe(false);
    expect(typeOrmReader.accepts('a.ts', '@Entity() class A {}', ctx)).toBe(false);
    expect(typeOrmReader.accepts('a.d.ts', "import { Entity } from 'typeorm';\n@Entity() class A {}", ctx)).toBe(false);
    expect(typeOrmReader.accepts('a.sql', "import { Entity } from 'typeorm';\n@Entity()", ctx)).toBe(false);
  });
});
