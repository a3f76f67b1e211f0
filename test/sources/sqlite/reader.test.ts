import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CatalogOp } from '../../../src/catalog/ops.js';
import { splitScript } from '../../../src/sources/cst/split.js';
import { sqliteReader } from '../../../src/sources/sqlite/reader.js';
import { decodeSource } from '../../../src/sources/text.js';
import type { ReadResult } from '../../../src/sources/types.js';
import { firstItems } from '../../helpers/items.js';

const FIXTURE = 'fixtures/sqlite/kyufu.sql';
const read = (text: string, path = 'a.sql') => sqliteReader.read({ path, text }, { dialect: 'sqlite' }) as ReadResult;
const main = (name: string) => ({ schema: 'main', name });

describe('sqlite reader', () => {
  const fixture = read(readFileSync(FIXTURE, 'utf8'), FIXTURE);

  it('accepts .sql only for the sqlite dialect', () => {
    expect(sqliteReader.accepts('x.sql', '', { dialect: 'sqlite' })).toBe(true);
    expect(sqliteReader.accepts('x.sql', '', { dialect: 'mysql' })).toBe(false);
  });

  it('reads the fixture without diagnostics, in source order, the copy a trigger body makes read and transactions skipped', () => {
    expect(fixture.diagnostics).toEqual([]);
    expect(fixture.ops.map((o) => o.op)).toEqual([
      'create-table',
      'create-table',
      // trg_kyufu's UPDATE sets gaku from NEW.gaku (through CASE): a copy within kyufu
      'copy-into',
      'create-view',
      // INSERT rows: counts for the check digit only (src/sources/data-rows)
      'column-values',
      'add-unique',
      'add-column',
      'rename-column',
      'rename-relation',
    ]);
  });

  it('reads columns and inline/table-level keys, names lower-cased, with locations', () => {
    const [h, k] = firstItems(fixture.ops as Extract<CatalogOp, { op: 'create-table' }>[], 2);
    expect(h).toEqual({
      op: 'create-table',
      at: { file: FIXTURE, line: 4, column: 1 },
      name: main('hihokensha'),
      columns: [
        { name: 'hihokensha_no', type: 'TEXT', source: { file: FIXTURE, line: 5, column: 3 } },
        // `-- 個人番号` after the comma: the column's trailing comment (column-comments.ts)
        {
          name: 'kojin_bango',
          type: 'TEXT',
          source: { file: FIXTURE, line: 6, column: 3 },
          comment: '個人番号',
          commentSource: { file: FIXTURE, line: 6, column: 30 },
        },
        { name: 'shimei', type: 'TEXT', source: { file: FIXTURE, line: 7, column: 3 } },
        { name: 'setai_no', type: 'INTEGER', source: { file: FIXTURE, line: 8, column: 3 } },
      ],
      primaryKey: ['hihokensha_no'],
      uniqueKeys: [['kojin_bango']],
      foreignKeys: [
        {
          columns: ['setai_no'],
          references: main('setai'),
          referencedColumns: ['setai_no'],
          source: { file: FIXTURE, line: 8, column: 3 },
        },
      ],
    });
    expect([
      k.primaryKey,
      k.uniqueKeys,
      k.foreignKeys.map((f) => [f.name, f.columns, f.references, f.referencedColumns]),
    ]).toEqual([
      ['kyufu_id'],
      [['hihokensha_no', 'kyufu_id']],
      [['fk_kyufu', ['hihokensha_no'], main('hihokensha'), ['hihokensha_no']]],
    ]);
  });

  it('reads view lineage', () => {
    const v = fixture.ops[3] as Extract<CatalogOp, { op: 'create-view' }>;
    expect(v.view.columns).toEqual([
      { name: 'kyufu_id', from: [{ relation: main('kyufu'), column: 'kyufu_id' }] },
      { name: 'bango', from: [{ relation: main('hihokensha'), column: 'kojin_bango' }] },
      { name: 'gaku2', from: [{ relation: main('kyufu'), column: 'gaku' }] },
    ]);
    expect(v.view.reads).toEqual([main('kyufu'), main('hihokensha')]);
    expect(v.view.readsColumns).toHaveLength(5);
  });

  it('a broken statement costs only itself', () => {
    const r = read('CREATE TABLE a (x INT);\nCREATE TABLE b (y INT,, z);\nCREATE TABLE c (z INT);');
    expect(r.ops.map((o) => (o as { name: { name: string } }).name.name)).toEqual(['a', 'c']);
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'SPIF-SQL-SYNTAX', file: 'a.sql', line: 2, column: 23 }),
    ]);
  });

  it('reads CREATE TABLE … AS SELECT as a table copying its query; reads virtual table columns; skips temporary objects', () => {
    const r = read(
      'CREATE TABLE t AS SELECT 1 AS a;\nCREATE VIRTUAL TABLE f USING fts5(title, body, tokenize = "porter");\nCREATE TEMP TABLE x (a INT);\nCREATE TEMPORARY VIEW y AS SELECT 1;',
    );
    expect(r.diagnostics).toEqual([]);
    expect(
      r.ops.map((o) => [
        o.op,
        (o as { relationKind?: string }).relationKind,
        (
          (o as { columns?: { name: string }[] }).columns ??
          (o as { view?: { columns: { name: string }[] } }).view?.columns
        )?.map((c) => c.name),
      ]),
    ).toEqual([
      ['create-view', 'table', ['a']],
      ['create-table', undefined, ['title', 'body']],
    ]);
  });

  it('Shift_JIS input reads the same', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const decoded = decodeSource(iconv.encode(text, 'cp932'));
    expect(read(decoded.text, FIXTURE)).toEqual(fixture);
  });

  it('splits BEGIN … END trigger bodies as one statement, BEGIN TRANSACTION as its own', () => {
    expect(
      splitScript(
        'BEGIN;\nCREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT CASE WHEN 1 THEN 2 END; END;\nCOMMIT',
        'sqlite',
      ).map((s) => s.text.split(/\s+/)[0]),
    ).toEqual(['BEGIN', 'CREATE', 'COMMIT']);
  });
});
