/** The catalog builder: ops applied in order, as the engine would. */
import { describe, expect, it } from 'vitest';
import { catalogFromSql } from '../helpers/catalog.js';
import { nth } from '../../src/indexed.js';
import { asRelationId } from '../../src/catalog/model.js';

describe('catalog builder', () => {
  it('expands SELECT * at CREATE VIEW time and keeps unqualified columns to the relation that has them', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE a (x int, y int);
CREATE TABLE b (z int);
CREATE VIEW v AS SELECT *, z FROM a JOIN b ON true;
ALTER TABLE a ADD COLUMN later int;`);
    const v = catalog.relations.get(asRelationId('default.public.v'))!;
    expect(v.columns.map((c) => c.name)).toEqual(['x', 'y', 'z', 'z']);
    expect(nth(v.view!.columns, 2).from).toEqual([
      { relation: { database: 'default', schema: 'public', name: 'b' }, column: 'z' },
    ]);
  });

  it('follows renames: foreign keys, view lineage and grants stay attached', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE p (k int PRIMARY KEY);
CREATE TABLE c (pk int REFERENCES p (k));
CREATE VIEW v AS SELECT k FROM p;
CREATE ROLE r;
GRANT SELECT (k) ON p TO r;
ALTER TABLE p RENAME TO p2;
ALTER TABLE p2 RENAME COLUMN k TO k2;`);
    expect(catalog.relations.has(asRelationId('default.public.p'))).toBe(false);
    const c = catalog.relations.get(asRelationId('default.public.c'))!;
    expect(c.foreignKeys[0]).toMatchObject({ references: { name: 'p2' }, referencedColumns: ['k2'] });
    expect(nth(catalog.relations.get(asRelationId('default.public.v'))!.view!.columns, 0).from[0]).toMatchObject({
      relation: { name: 'p2' },
      column: 'k2',
    });
    expect(catalog.grants.filter((g) => g.grantee === 'r')).toEqual([
      expect.objectContaining({
        scope: { kind: 'column', relation: 'default.public.p2', column: 'k2' },
        privilege: 'SELECT',
      }),
    ]);
  });

  it('drops relations with their grants, and warns about statements on undefined relations', async () => {
    const { catalog, diagnostics } = await catalogFromSql(`
CREATE TABLE t (a int);
CREATE ROLE r;
GRANT SELECT ON t TO r;
DROP TABLE t;
GRANT SELECT ON t TO r;`);
    expect(catalog.relations.size).toBe(0);
    expect(catalog.grants.filter((g) => g.grantee === 'r')).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SPIF-SQL-UNKNOWN-RELATION', line: 6 })]);
  });

  it('resolves unqualified names through search_path and SET ROLE ownership', async () => {
    const { catalog } = await catalogFromSql(`
CREATE SCHEMA kyufu;
SET search_path = kyufu, public;
CREATE ROLE app;
SET ROLE app;
CREATE TABLE t (a int);
RESET ROLE;`);
    const t = catalog.relations.get(asRelationId('default.kyufu.t'))!;
    expect(t.owner).toBe('app');
  });

  it('marks whether any access control was declared', async () => {
    expect((await catalogFromSql('CREATE TABLE t (a int);')).catalog.accessControlDeclared).toBe(false);
    expect((await catalogFromSql('CREATE TABLE t (a int); CREATE ROLE r;')).catalog.accessControlDeclared).toBe(true);
  });
});
