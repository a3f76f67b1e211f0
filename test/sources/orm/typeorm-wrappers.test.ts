/**
 * TypeORM patterns of real applications (issue 12.8), on fixtures laid out like NestJS and
 * Vendure-style repositories: the project's own decorators that wrap TypeORM's are followed
 * through their declarations (relative imports and path aliases; `return Column(…)`,
 * `applyDecorators(…)`, decorators applied by hand), ids and columns inherited from generic
 * abstract bases in other files, embedded classes from another file. A decorator that cannot be
 * followed keeps the property as a column with a located diagnostic; an id under one is taken
 * as the primary key, so the many-to-one links to the entity stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinSync } from '../../helpers/bin.js';
import { typeOrmReader } from '../../../src/sources/typeorm/reader.js';
import { isTypeOrmFile } from '../../../src/sources/model-files.js';
import { column, columnNames, fks, ORM_FIXTURES, readFixtures, table } from './helpers.js';
import { nth } from '../../../src/indexed.js';

/** Every file of a fixture app the TypeORM reader takes (or, `companions`, the TypeScript files it does not). */
function appFiles(app: string, companions = false): string[] {
  const root = path.join(ORM_FIXTURES, app);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (isTypeOrmFile(p, fs.readFileSync(p, 'utf8')) !== companions) out.push(path.relative(ORM_FIXTURES, p));
    }
  };
  walk(root);
  return out.sort();
}

describe('TypeORM: the project’s own decorators', () => {
  it('takes the files that declare wrappers and abstract bases, not DTOs or runtime registries', () => {
    expect(appFiles('typeorm-app')).toEqual([
      'typeorm-app/src/common/decorators/entity-id.decorator.ts',
      'typeorm-app/src/common/decorators/money.decorator.ts',
      'typeorm-app/src/common/entities/address.embedded.ts',
      'typeorm-app/src/common/entities/base.entity.ts',
      'typeorm-app/src/modules/jumin/entities/jumin.entity.ts',
      'typeorm-app/src/modules/kyufu/entities/kyufu.entity.ts',
    ]);
  });

  it('follows return PrimaryGeneratedColumn(…), Column({…, ...options}), applyDecorators and hand-applied decorators', async () => {
    const r = await readFixtures(typeOrmReader, appFiles('typeorm-app'));
    const jumin = table(r, 'jumin');
    // id from the generic abstract base in another file, through @EntityId() → PrimaryGeneratedColumn('uuid')
    expect(columnNames(jumin)).toEqual([
      'id',
      'created_at',
      'updated_at',
      'kojin_bango',
      'atenaBango',
      'yubin_bango',
      'jusho',
    ]);
    expect(jumin.primaryKey).toEqual(['id']);
    expect(column(jumin, 'id').type).toBe('uuid');
    // @Code(15) (imported through the path alias @app/common): Column({ type: 'varchar', length })(target, key)
    expect(column(jumin, 'atenaBango').type).toBe('varchar(15)');
    expect(column(jumin, 'id').source).toMatchObject({
      file: 'fixtures/orm/typeorm-app/src/common/entities/base.entity.ts',
      line: 10,
    });
    const kyufu = table(r, 'kyufu');
    expect(kyufu.primaryKey).toEqual(['id']);
    // @Money({ name }) → applyDecorators(Column({ type: 'numeric', precision: 12, scale: 0, ...options }))
    expect(column(kyufu, 'shikyu_gaku').type).toBe('numeric(12,0)');
    // @EntityRef({ name: 'jumin_id' }) and the relation's @JoinColumn name the same column
    expect(column(kyufu, 'jumin_id').type).toBe('uuid');
    expect(fks(kyufu)).toEqual([[['jumin_id'], 'public.jumin', ['id']]]);
    // A runtime registry cannot be followed: the column is kept, typed from TypeScript, and said so.
    expect(column(kyufu, 'kubun').type).toBe('varchar');
    expect(r.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['SPIF-ORM-DECORATOR-UNRESOLVED', 'fixtures/orm/typeorm-app/src/modules/kyufu/entities/kyufu.entity.ts', 20, 3],
    ]);
    expect(nth(r.diagnostics, 0).message).toMatch(
      /@RuntimeTyped cannot be followed \(it is imported from '.*registry\.decorator', which is not among the files read as TypeORM sources\); its property is still read: `kubun` of Kyufu as column kubun \(varchar/,
    );
  });

  it('an id under a decorator that cannot be followed is kept as the primary key, so many-to-one links stay', async () => {
    const r = await readFixtures(
      typeOrmReader,
      appFiles('typeorm-registry'),
      'postgresql',
      appFiles('typeorm-registry', true),
    );
    const customer = table(r, 'customer');
    expect(customer.primaryKey).toEqual(['id']);
    const order = table(r, 'order');
    expect(columnNames(order)).toEqual(['id', 'createdAt', 'updatedAt', 'code', 'customerId', 'subTotal', 'shipping']);
    expect(fks(order)).toEqual([[['customerId'], 'public.customer', ['id']]]);
    const messages = r.diagnostics
      .filter((d) => d.severity === 'warning')
      .map((d) => `${d.file}:${d.line} ${d.message}`);
    // One warning per decorator, however many entities inherit it or properties use it; each
    // property is named with its place. The decorators' files do not import TypeORM and are followed.
    expect(messages).toEqual([
      expect.stringMatching(
        /base\.entity\.ts:5 TypeORM: @PrimaryGeneratedId cannot be followed \(it returns a function that does more than apply decorators .*registers the property for a runtime strategy\); its property is still read: `id` of ShopEntity as column id \(varchar, from the TypeScript type\), assumed the primary key \(.*base\.entity\.ts:5:3\)$/,
      ),
      expect.stringMatching(/order\.entity\.ts:17 TypeORM: @EntityId cannot be followed \(it returns a function/),
      expect.stringMatching(
        /order\.entity\.ts:20 TypeORM: @Money cannot be followed .*its 2 properties are still read: `subTotal` of Order as column subTotal \(.*order\.entity\.ts:20:3\); `shipping` of Order as column shipping \(.*order\.entity\.ts:23:3\)$/,
      ),
    ]);
  });

  it('embedded and custom-field classes from files that do not import TypeORM, through a barrel', async () => {
    // kana-name.ts and custom-entity-fields.ts import nothing from TypeORM; customer.entity.ts
    // imports them through the folder's index.ts (`export * from …`).
    expect(appFiles('typeorm-registry', true)).toEqual([
      'typeorm-registry/src/entity/custom-entity-fields.ts',
      'typeorm-registry/src/entity/entity-id.decorator.ts',
      'typeorm-registry/src/entity/index.ts',
      'typeorm-registry/src/entity/kana-name.ts',
      'typeorm-registry/src/entity/money.decorator.ts',
    ]);
    const r = await readFixtures(
      typeOrmReader,
      appFiles('typeorm-registry'),
      'postgresql',
      appFiles('typeorm-registry', true),
    );
    const customer = table(r, 'customer');
    // TypeORM names embedded columns prefix + property, camel-cased (kanaSei), as the naming strategy does.
    expect(columnNames(customer)).toEqual([
      'id',
      'createdAt',
      'updatedAt',
      'myNumber',
      'emailAddress',
      'kanaSei',
      'kanaMei',
    ]);
    expect(column(customer, 'kanaSei').type).toBe('varchar(40)');
    // The empty custom-field classes add no column: one info, located at the first embedding.
    const info = r.diagnostics.filter((d) => d.code === 'SPIF-ORM-EMBEDDED-EMPTY');
    expect(info.map((d) => [d.severity, d.file, d.line])).toEqual([
      ['info', 'fixtures/orm/typeorm-registry/src/entity/customer/customer.entity.ts', 17],
    ]);
    expect(nth(info, 0).message).toMatch(
      /2 embedded classes CustomCustomerFields, CustomOrderFields declare no column/,
    );
    expect(r.diagnostics.filter((d) => d.code === 'SPIF-ORM-UNSUPPORTED')).toEqual([]);
  });

  it('without the companion files, the same decorators are unresolved and the properties are still columns', async () => {
    const r = await readFixtures(typeOrmReader, appFiles('typeorm-registry'));
    const order = table(r, 'order');
    expect(columnNames(order)).toEqual(['id', 'createdAt', 'updatedAt', 'code', 'customerId', 'subTotal', 'shipping']);
    expect(r.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(
        /@Money cannot be followed \(it is imported from '\.\.\/money\.decorator', which is not among the files read/,
      ),
    );
    // An embedded class that is nowhere is a warning: its columns are lost.
    expect(r.diagnostics.filter((d) => d.code === 'SPIF-ORM-UNSUPPORTED').map((d) => d.message)).toContainEqual(
      expect.stringMatching(/embedded class KanaName is not declared in the scanned files/),
    );
  });
});

describe('TypeORM apps through the real bin', () => {
  const run = (app: string) => {
    const r = runBinSync(['scan', 'src', '--format', 'json'], path.join(ORM_FIXTURES, app), { LANG: 'C' });
    return JSON.parse(r.stdout) as {
      relations: { id: string; classification: string }[];
      diagnostics: { code: string; severity: string }[];
    };
  };

  it('the benefit table links to the resident table through the inherited uuid id: both are specific', () => {
    const json = run('typeorm-app');
    expect(json.relations.map((r) => [r.id, r.classification])).toEqual([
      ['default.public.jumin', 'specific'],
      ['default.public.kyufu', 'specific'],
    ]);
    expect(json.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual([
      'SPIF-ORM-DECORATOR-UNRESOLVED',
    ]);
  });

  it('a Vendure-style runtime id strategy still leaves the order linked to the customer’s マイナンバー', () => {
    const json = run('typeorm-registry');
    expect(json.relations.find((r) => r.id === 'default.public.order')?.classification).toBe('specific');
  });
});
