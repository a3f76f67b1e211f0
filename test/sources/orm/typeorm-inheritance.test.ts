/**
 * TypeORM single-table inheritance and tree entities, on a fixture laid out like an application's
 * `src/<module>/*.entity.ts`. Expected names follow TypeORM's documentation and its code:
 * - https://typeorm.io/docs/entity/entity-inheritance — "Single Table Inheritance": the
 *   @TableInheritance entity and its @ChildEntity classes are "saved into this table", the
 *   parent's (`content` in the page's example), with the discriminator `column` of the options.
 * - https://typeorm.io/docs/entity/tree-entities — adjacency list, nested set, materialized path
 *   and closure table; `closureTableName`, `ancestorColumnName`, `descendantColumnName` "receive
 *   the primary column's metadata and return the column's name".
 * - TypeORM's DefaultNamingStrategy (`closureJunctionTableName` → `<name>_closure`,
 *   `nestedSetColumnNames` = nsleft/nsright, `materializedPathColumnName` = mpath) and
 *   ClosureJunctionEntityMetadataBuilder (`<primary property>_ancestor` / `_descendant`, both
 *   primary, each a foreign key to the entity; `level` when the entity has a @TreeLevelColumn);
 *   @TreeParent registers a many-to-one to its own class (decorator/tree/TreeParent.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinSync } from '../../helpers/bin.js';
import { typeOrmReader } from '../../../src/sources/typeorm/reader.js';
import { column, columnNames, fks, ORM_FIXTURES, readFixtures, table } from './helpers.js';

const APP = 'typeorm-inheritance/src';
const files = (...names: string[]) => names.map((n) => `${APP}/${n}`);
const SHINSEI = files(
  'jumin.entity.ts',
  'shinsei/shinsei.entity.ts',
  'shinsei/kyufu-shinsei.entity.ts',
  'shinsei/tokurei-kyufu-shinsei.entity.ts',
  'shinsei/tenshutsu-shinsei.entity.ts',
  'shinsei/shikyu.entity.ts',
  'soshiki/soshiki.entity.ts',
);

describe('TypeORM single-table inheritance', () => {
  it('stores every child entity’s columns and relations in the parent’s table, with the discriminator', async () => {
    const r = await readFixtures(typeOrmReader, SHINSEI);
    const names = r.ops.flatMap((o) => (o.op === 'create-table' ? [o.name.name] : []));
    // no table of their own for KyufuShinsei, TokureiKyufuShinsei, TenshutsuShinsei
    expect(names.sort()).toEqual(['jumin', 'shikyu', 'shinsei', 'soshiki', 'soshiki_closure']);
    const shinsei = table(r, 'shinsei');
    expect(columnNames(shinsei)).toEqual([
      'id',
      'uketsuke_at',
      // the child entities', in the order their files are read
      'kojin_bango', // KyufuShinsei
      'shikyuGaku',
      'tokureiRiyu', // TokureiKyufuShinsei, a child of a child
      'uketsuke_bango', // TenshutsuShinsei
      'shubetsu', // the discriminator: `column: { type: 'varchar', length: 20, name: 'shubetsu' }`
      'shinseishaAtenaBango', // the parent's many-to-one
      'tantoKaId', // TenshutsuShinsei's many-to-one
    ]);
    expect(column(shinsei, 'shubetsu').type).toBe('varchar(20)');
    expect(column(shinsei, 'kojin_bango')).toMatchObject({
      type: 'bpchar(12)',
      comment: '個人番号',
      source: { file: `fixtures/orm/${APP}/shinsei/kyufu-shinsei.entity.ts`, line: 7 },
    });
    expect(shinsei.primaryKey).toEqual(['id']);
    expect(shinsei.uniqueKeys).toEqual([['uketsuke_bango']]); // @Unique on a child entity
    expect(fks(shinsei)).toEqual([
      [['shinseishaAtenaBango'], 'public.jumin', ['atena_bango']],
      [['tantoKaId'], 'public.soshiki', ['id']],
    ]);
    // a relation to a child entity references the parent's table
    expect(fks(table(r, 'shikyu'))).toEqual([[['shinseiId'], 'public.shinsei', ['id']]]);
    expect(r.diagnostics).toEqual([]);
  });

  it('a child entity with no @TableInheritance parent keeps a located warning naming its columns', async () => {
    const r = await readFixtures(typeOrmReader, files('chiiki/unread.entity.ts'));
    const child = r.diagnostics.find((d) => d.message.includes('Mayoi'));
    expect(child).toMatchObject({ code: 'SPIF-ORM-UNSUPPORTED', severity: 'warning', line: 14, column: 1 });
    expect(child?.message).toContain('its columns (biko) are not read');
    expect(r.ops.some((o) => o.op === 'create-table' && o.name.name === 'mayoi')).toBe(false);
  });
});

describe('TypeORM tree entities', () => {
  it('closure table: <table>_closure with ancestor/descendant keys to the entity, and level', async () => {
    const r = await readFixtures(typeOrmReader, files('soshiki/soshiki.entity.ts'));
    const soshiki = table(r, 'soshiki');
    // @TreeParent is the many-to-one join column; @TreeChildren adds none; @TreeLevelColumn is a column
    expect(columnNames(soshiki)).toEqual(['id', 'meisho', 'kaiso', 'parentId']);
    expect(fks(soshiki)).toEqual([[['parentId'], 'public.soshiki', ['id']]]);
    const closure = table(r, 'soshiki_closure');
    expect(closure.columns.map((c) => [c.name, c.type])).toEqual([
      ['id_ancestor', 'int4'],
      ['id_descendant', 'int4'],
      ['level', 'int4'],
    ]);
    expect(closure.primaryKey).toEqual(['id_ancestor', 'id_descendant']);
    expect(fks(closure)).toEqual([
      [['id_ancestor'], 'public.soshiki', ['id']],
      [['id_descendant'], 'public.soshiki', ['id']],
    ]);
    expect(closure.at).toMatchObject({ file: `fixtures/orm/${APP}/soshiki/soshiki.entity.ts`, line: 5 });
    expect(r.diagnostics).toEqual([]);
  });

  it('closure table options: closureTableName and column-name functions over propertyName / databaseName', async () => {
    const r = await readFixtures(typeOrmReader, files('soshiki/yakushoku.entity.ts'));
    expect(columnNames(table(r, 'yakushoku'))).toEqual(['yakushoku_cd', 'meisho', 'joshiCode']);
    const closure = table(r, 'yakushoku_kaiso_closure');
    expect(closure.columns.map((c) => [c.name, c.type])).toEqual([
      ['joi_code', 'bpchar(4)'],
      ['kai_yakushoku_cd', 'bpchar(4)'],
    ]);
    expect(fks(closure)).toEqual([
      [['joi_code'], 'public.yakushoku', ['yakushoku_cd']],
      [['kai_yakushoku_cd'], 'public.yakushoku', ['yakushoku_cd']],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('nested set adds nsleft/nsright, materialized path adds mpath', async () => {
    const r = await readFixtures(typeOrmReader, files('chiiki/chiiki.entity.ts', 'chiiki/bunrui.entity.ts'));
    expect(table(r, 'chiiki').columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'serial'],
      ['meisho', 'varchar'],
      ['nsleft', 'int4'],
      ['nsright', 'int4'],
      ['parentId', 'int4'],
    ]);
    expect(table(r, 'bunrui').columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'serial'],
      ['meisho', 'varchar'],
      ['mpath', 'varchar'],
      ['parentId', 'int4'],
    ]);
    expect(r.ops.some((o) => o.op === 'create-table' && o.name.name.endsWith('_closure'))).toBe(false);
    expect(r.diagnostics).toEqual([]);
  });

  it('a tree type or closure name function that is not a literal is reported where written; the rest is read', async () => {
    const r = await readFixtures(typeOrmReader, files('chiiki/unread.entity.ts'));
    const at = (needle: string) => r.diagnostics.find((d) => d.message.includes(needle));
    expect(at('TREE_TYPE')).toMatchObject({ code: 'SPIF-ORM-UNSUPPORTED', line: 21, column: 7 });
    expect(at('ancestorName')).toMatchObject({ code: 'SPIF-ORM-UNSUPPORTED', line: 28, column: 26 });
    expect(columnNames(table(r, 'keisan'))).toEqual(['id']);
    // TypeORM's default name where the function cannot be read
    expect(columnNames(table(r, 'keisan2_closure'))).toEqual(['id_ancestor', 'id_descendant']);
    // a tree on a child entity is said; the discriminator given as a name is a column of the parent
    expect(at('@Tree on @ChildEntity Ko')).toMatchObject({ code: 'SPIF-ORM-UNSUPPORTED', line: 43 });
    expect(columnNames(table(r, 'oya'))).toEqual(['id', 'shurui']);
    expect(r.diagnostics).toHaveLength(4);
  });
});

describe('TypeORM inheritance and trees through the bin', () => {
  it('a payment linked to a child entity holding the number is specific', () => {
    const r = runBinSync(
      ['scan', 'src', '--format', 'json', '--no-config'],
      path.join(ORM_FIXTURES, 'typeorm-inheritance'),
      {
        LANG: 'C',
      },
    );
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { relations: { name: string; classification: string; basis: string }[] };
    const verdict = (name: string) => report.relations.find((x) => x.name === name);
    expect(verdict('shinsei')).toMatchObject({ classification: 'specific', basis: 'holds-number' });
    expect(verdict('shikyu')).toMatchObject({ classification: 'specific', basis: 'reachable' });
    expect(verdict('bunrui')).toMatchObject({ classification: 'not-specific' });
    // soshiki is reached through shinsei.tantoKaId, and its closure table through its keys; the
    // closure table of another entity shares the column names, not the ids (src/graph/links.ts)
    expect(verdict('soshiki_closure')).toMatchObject({ classification: 'specific' });
    expect(verdict('keisan2_closure')).toMatchObject({ classification: 'not-specific' });
  });
});
