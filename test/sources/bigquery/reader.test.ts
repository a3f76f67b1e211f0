import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CatalogOp } from '../../../src/catalog/ops.js';
import { bigqueryReader } from '../../../src/sources/bigquery/reader.js';
import { decodeSource } from '../../../src/sources/text.js';
import type { ReadResult } from '../../../src/sources/types.js';

const FIXTURE = 'fixtures/bigquery/kyufu.sql';
const read = (text: string, path = 'a.sql') =>
  bigqueryReader.read({ path, text }, { dialect: 'bigquery' }) as ReadResult;
const kyufu = (name: string) => ({ schema: 'Kyufu', name });

describe('bigquery reader', () => {
  const fixture = read(readFileSync(FIXTURE, 'utf8'), FIXTURE);

  it('reads the fixture; the IAM GRANT is one located warning', () => {
    expect(fixture.ops.map((o) => o.op)).toEqual([
      'create-schema',
      'create-table',
      'create-table',
      'create-view',
      'add-column',
      'comment-column',
    ]);
    expect(fixture.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'SPIF-SQL-UNSUPPORTED',
        file: FIXTURE,
        line: 21,
        column: 1,
      }),
    ]);
  });

  it('project.dataset.table → schema dataset (case kept), columns lower-cased, OPTIONS(description) → comments', () => {
    const h = fixture.ops[1] as Extract<CatalogOp, { op: 'create-table' }>;
    expect(h.name).toEqual(kyufu('Hihokensha'));
    expect(h.comment).toBe('被保険者');
    expect(h.columns[1]).toEqual({
      name: 'kojin_bango',
      type: 'STRING',
      comment: '個人番号',
      source: { file: FIXTURE, line: 5, column: 3 },
      commentSource: { file: FIXTURE, line: 5, column: 22 },
    });
    expect(h.primaryKey).toEqual(['hihokensha_no']);
    const k = fixture.ops[2] as Extract<CatalogOp, { op: 'create-table' }>;
    expect(k.foreignKeys.map((f) => [f.columns, f.references, f.referencedColumns])).toEqual([
      [['hihokensha_no'], kyufu('Hihokensha'), ['hihokensha_no']],
    ]);
    expect(
      fixture.ops
        .slice(4)
        .map((o) =>
          JSON.parse(
            JSON.stringify(o, (key, v) =>
              key === 'at' || key === 'source' || key === 'commentSource' ? undefined : v,
            ),
          ),
        ),
    ).toEqual([
      { op: 'add-column', table: kyufu('kyufu'), column: { name: 'memo', type: 'STRING', comment: '備考' } },
      { op: 'comment-column', table: kyufu('kyufu'), column: 'gaku', text: '給付額' },
    ]);
  });

  it('reads view lineage through aliases, USING and STRUCT fields', () => {
    const v = fixture.ops[3] as Extract<CatalogOp, { op: 'create-view' }>;
    expect(v.orReplace).toBe(true);
    expect(v.view.columns).toEqual([
      { name: 'hihokensha_no', from: [{ relation: kyufu('Hihokensha'), column: 'hihokensha_no' }] },
      { name: 'bango', from: [{ relation: kyufu('Hihokensha'), column: 'kojin_bango' }] },
      { name: 'sei', from: [{ relation: kyufu('Hihokensha'), column: 'shimei' }] },
      { name: 'gaku', from: [{ relation: kyufu('kyufu'), column: 'gaku' }] },
    ]);
    expect(v.view.reads).toEqual([kyufu('Hihokensha'), kyufu('kyufu')]);
  });

  it('a broken statement costs only itself', () => {
    const r = read('CREATE TABLE ds.a (x INT64);\nCREATE TABLE ds.b (y INT64,,);\nCREATE TABLE ds.c (z STRING);');
    expect(r.ops).toHaveLength(2);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'SPIF-SQL-SYNTAX', line: 2 })]);
  });

  it('Shift_JIS input reads the same', () => {
    const decoded = decodeSource(iconv.encode(readFileSync(FIXTURE, 'utf8'), 'cp932'));
    expect(read(decoded.text, FIXTURE)).toEqual(fixture);
  });
});
