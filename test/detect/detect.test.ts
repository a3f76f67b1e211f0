/** detectNumberColumns on hand-built catalogs: precedence, evidence, sources and view lineage. */
import { describe, expect, it } from 'vitest';
import type { Catalog, Column, Relation, SourceLocation, ViewColumn } from '../../src/catalog/model.js';
import { matchesRef } from '../../src/config/refs.js';
import { firstItems } from '../helpers/items.js';
import { detectNumberColumns } from '../../src/detect/index.js';
import { asColumnId, asRelationId } from '../../src/catalog/model.js';

const at = (line: number, file = 'db/001.sql'): SourceLocation => ({ file, line, column: 3 });

function table(id: string, columns: Column[]): Relation {
  const [database, schema, name] = firstItems(id.split('.'), 3);
  return {
    id: asRelationId(id),
    database,
    schema,
    name,
    kind: 'table',
    dialect: 'postgresql',
    columns,
    uniqueKeys: [],
    foreignKeys: [],
    rowSecurity: false,
    forceRowSecurity: false,
    policies: [],
    source: at(1),
  };
}

/** A view whose columns carry `name <- base relation id . column` unchanged. */
function view(id: string, columns: Record<string, string[]>): Relation {
  const viewColumns: ViewColumn[] = Object.entries(columns).map(([name, from]) => ({
    name,
    from: from.map((ref) => {
      const [database, schema, relation, column] = firstItems(ref.split('.'), 4);
      return { relation: { database, schema, name: relation }, column };
    }),
  }));
  return {
    ...table(
      id,
      viewColumns.map((c, i) => ({ name: c.name, source: at(20 + i, 'db/views.sql') })),
    ),
    kind: 'view',
    view: { securityInvoker: false, columns: viewColumns, reads: [], readsColumns: [] },
  };
}

function catalog(...relations: Relation[]): Catalog {
  return {
    databases: new Map(),
    relations: new Map(relations.map((r) => [r.id, r])),
    roles: new Map(),
    memberships: [],
    grants: [],
    accessControlDeclared: false,
  };
}

const base = table('bango.public.bango_kanri', [
  { name: 'atena_no', source: at(2) },
  { name: 'kojin_bango', source: at(3) },
  { name: 'col_x', comment: '個人番号（暗号化）', source: at(4), commentSource: at(40) },
  { name: 'kojin_bango_kofu_date', source: at(5) },
  { name: 'fugo', comment: '機関別符号', source: at(6) },
  { name: 'legacy_kojin_bango', source: at(7) },
  { name: 'orm_field', source: at(8), mark: 'substitute-code' },
  { name: 'kojin_no', source: at(9) },
]);

describe('detectNumberColumns', () => {
  const hits = detectNumberColumns(catalog(base), {}, matchesRef);

  it('finds columns by name and by comment, with evidence and source', () => {
    expect(hits.get(asColumnId('bango.public.bango_kanri.kojin_bango'))).toEqual({
      relation: 'bango.public.bango_kanri',
      column: 'kojin_bango',
      columnId: 'bango.public.bango_kanri.kojin_bango',
      kind: 'individual-number',
      rule: 'name-kojin-bango',
      evidence: "column name 'kojin_bango'",
      source: at(3),
    });
    expect(hits.get(asColumnId('bango.public.bango_kanri.col_x'))).toMatchObject({
      rule: 'comment-kojin-bango',
      evidence: "comment '個人番号（暗号化）'",
      source: at(40),
    });
    expect(hits.get(asColumnId('bango.public.bango_kanri.fugo'))).toMatchObject({
      kind: 'substitute-code',
      rule: 'comment-kikanbetsu-fugo',
    });
    expect(hits.get(asColumnId('bango.public.bango_kanri.orm_field'))).toMatchObject({
      kind: 'substitute-code',
      rule: 'source-mark',
    });
  });

  it('does not report unrelated or vetoed columns', () => {
    expect(hits.has(asColumnId('bango.public.bango_kanri.atena_no'))).toBe(false);
    expect(hits.has(asColumnId('bango.public.bango_kanri.kojin_bango_kofu_date'))).toBe(false);
    expect(hits.has(asColumnId('bango.public.bango_kanri.kojin_no'))).toBe(false);
    expect([...hits.keys()].sort()).toEqual([
      'bango.public.bango_kanri.col_x',
      'bango.public.bango_kanri.fugo',
      'bango.public.bango_kanri.kojin_bango',
      'bango.public.bango_kanri.legacy_kojin_bango',
      'bango.public.bango_kanri.orm_field',
    ]);
  });
});

describe('precedence', () => {
  const detect = (config: Parameters<typeof detectNumberColumns>[1]) =>
    detectNumberColumns(catalog(base), config, matchesRef);

  it('config exclude wins over rules, marks and include', () => {
    const hits = detect({
      exclude: ['*.*.*.legacy_kojin_bango', 'bango.public.bango_kanri.orm_field', 'bango.public.bango_kanri.kojin_no'],
      include: ['bango.public.bango_kanri.kojin_no'],
    });
    expect(hits.has(asColumnId('bango.public.bango_kanri.legacy_kojin_bango'))).toBe(false);
    expect(hits.has(asColumnId('bango.public.bango_kanri.orm_field'))).toBe(false);
    expect(hits.has(asColumnId('bango.public.bango_kanri.kojin_no'))).toBe(false);
    expect(hits.has(asColumnId('bango.public.bango_kanri.kojin_bango'))).toBe(true);
  });

  it('config include and substitute win over exclusions, rules and marks', () => {
    const hits = detect({
      include: [
        'bango.public.bango_kanri.kojin_no',
        'bango.public.bango_kanri.kojin_bango_kofu_date',
        '*.*.*.orm_field',
      ],
      substitute: ['bango.*.bango_kanri.kojin_bango'],
    });
    expect(hits.get(asColumnId('bango.public.bango_kanri.kojin_no'))).toMatchObject({
      kind: 'individual-number',
      rule: 'config-include',
      evidence: "numberColumns.include 'bango.public.bango_kanri.kojin_no'",
      source: at(9),
    });
    expect(hits.get(asColumnId('bango.public.bango_kanri.kojin_bango_kofu_date'))).toMatchObject({
      rule: 'config-include',
    });
    expect(hits.get(asColumnId('bango.public.bango_kanri.orm_field'))).toMatchObject({
      kind: 'individual-number',
      rule: 'config-include',
    });
    expect(hits.get(asColumnId('bango.public.bango_kanri.kojin_bango'))).toMatchObject({
      kind: 'substitute-code',
      rule: 'config-substitute',
    });
  });

  it('a column listed under both include and substitute is an individual number', () => {
    const hits = detect({ include: ['*.*.*.atena_no'], substitute: ['*.*.*.atena_no'] });
    expect(hits.get(asColumnId('bango.public.bango_kanri.atena_no'))).toMatchObject({
      kind: 'individual-number',
      rule: 'config-include',
    });
  });

  it('a source mark wins over the rules', () => {
    const marked = table('x.public.t', [{ name: 'kojin_bango_flg', mark: 'individual-number' }]);
    const hits = detectNumberColumns(catalog(marked), {}, matchesRef);
    expect(hits.get(asColumnId('x.public.t.kojin_bango_flg'))).toMatchObject({
      rule: 'source-mark',
      kind: 'individual-number',
    });
  });
});

describe('view lineage', () => {
  // Listed outermost first, so one pass in order is not enough: the fixed point must reach them.
  const chain = catalog(
    view('bango.public.v0', { b0: ['kyufu.public.v3.b3'] }),
    view('kyufu.public.v3', { b3: ['bango.public.v2.b2'], atena: ['bango.public.v1.atena_no'] }),
    view('bango.public.v2', { b2: ['bango.public.v1.bango'], code: ['bango.public.bango_kanri.fugo'] }),
    view('bango.public.v1', {
      bango: ['bango.public.bango_kanri.kojin_bango'],
      atena_no: ['bango.public.bango_kanri.atena_no'],
    }),
    base,
  );

  it('follows views on views, carrying the base kind', () => {
    const hits = detectNumberColumns(chain, {}, matchesRef);
    for (const id of ['bango.public.v1.bango', 'bango.public.v2.b2', 'kyufu.public.v3.b3', 'bango.public.v0.b0']) {
      expect(hits.get(asColumnId(id)), id).toMatchObject({ rule: 'view-lineage', kind: 'individual-number' });
    }
    expect(hits.get(asColumnId('bango.public.v2.code'))).toMatchObject({
      rule: 'view-lineage',
      kind: 'substitute-code',
    });
    expect(hits.get(asColumnId('bango.public.v1.bango'))?.evidence).toBe(
      "carries 'bango.public.bango_kanri.kojin_bango' (name-kojin-bango)",
    );
    expect(hits.get(asColumnId('bango.public.v1.bango'))?.source).toEqual(at(20, 'db/views.sql'));
    expect(hits.has(asColumnId('bango.public.v1.atena_no'))).toBe(false);
    expect(hits.has(asColumnId('kyufu.public.v3.atena'))).toBe(false);
  });

  it('stops where config excludes a link of the chain', () => {
    const hits = detectNumberColumns(chain, { exclude: ['bango.public.v2.b2'] }, matchesRef);
    expect(hits.has(asColumnId('bango.public.v1.bango'))).toBe(true);
    expect(hits.has(asColumnId('bango.public.v2.b2'))).toBe(false);
    expect(hits.has(asColumnId('kyufu.public.v3.b3'))).toBe(false);
    expect(hits.has(asColumnId('bango.public.v0.b0'))).toBe(false);
  });

  it('lineage wins over a view column name that reads as something about the number', () => {
    const hits = detectNumberColumns(
      catalog(
        base,
        view('bango.public.v', {
          kojin_bango_flg: ['bango.public.bango_kanri.kojin_bango'],
          my_number: ['bango.public.bango_kanri.atena_no'],
        }),
      ),
      {},
      matchesRef,
    );
    expect(hits.get(asColumnId('bango.public.v.kojin_bango_flg'))).toMatchObject({ rule: 'view-lineage' });
    // a view column also matches the rules by itself
    expect(hits.get(asColumnId('bango.public.v.my_number'))).toMatchObject({ rule: 'name-my-number' });
  });

  it('a view column detected by name feeds the views built on it', () => {
    const hits = detectNumberColumns(
      catalog(
        base,
        view('bango.public.renamed', { kojin_bango: ['bango.public.bango_kanri.atena_no'] }),
        view('bango.public.outer', { x: ['bango.public.renamed.kojin_bango'] }),
      ),
      {},
      matchesRef,
    );
    expect(hits.get(asColumnId('bango.public.renamed.kojin_bango'))).toMatchObject({ rule: 'name-kojin-bango' });
    expect(hits.get(asColumnId('bango.public.outer.x'))).toMatchObject({ rule: 'view-lineage' });
  });
});
