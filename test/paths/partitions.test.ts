/**
 * Partitions, inheritance, LIKE and copies, checked against a real PostgreSQL (PGlite) with the
 * oracle's harness: the relations and their columns must be PostgreSQL's, and for every role,
 * relation and column spif's verdict must be PostgreSQL's (`SET ROLE r; SELECT c FROM rel`).
 *
 * PostgreSQL's documentation, which the cases pin:
 * - "Partitions … are tables of their own"; a partition created with PARTITION OF has the parent's
 *   columns; a query on the parent reads the partitions' rows, checking only the parent's
 *   privileges ("access to partitions through the parent is checked on the parent"; 5.11 Table
 *   Partitioning), and reading a partition directly needs a privilege on the partition.
 * - Inheritance: the child has the parent's columns first; "a query on the parent … includes the
 *   rows of the children, with the parent's permissions"; unique, primary key and foreign key
 *   constraints are not inherited (5.10 Inheritance). `ALTER TABLE` without ONLY recurses.
 * - `LIKE source INCLUDING …` copies column definitions (CREATE TABLE); INCLUDING INDEXES the keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgOracle } from '../oracle/pg-runner.js';
import { compareWithSpif, formatDisagreement } from '../oracle/compare.js';
import { unitsToSql, runSpif } from '../oracle/spif-side.js';
import { buildLinkGraph } from '../../src/graph/links.js';
import { detectNumberColumns } from '../../src/detect/index.js';
import { matchesRef, defaultConfig } from '../../src/config/index.js';
import { asColumnId, asRelationId } from '../../src/catalog/model.js';

const CASES: { name: string; units: string[][] }[] = [
  {
    name: 'a grant on the parent reads partitions through it; a partition read directly needs its own grant',
    units: [
      ['CREATE ROLE r1'],
      ['CREATE ROLE r2'],
      // Every table gets one row of defaults: each partition's default key is in its bound.
      ['CREATE TABLE jumin (atena_no text, kojin_bango text, nendo int DEFAULT 1) PARTITION BY LIST (nendo)'],
      ['CREATE TABLE jumin_two PARTITION OF jumin (nendo DEFAULT 2) FOR VALUES IN (2)'],
      ['CREATE TABLE jumin_x (atena_no text, kojin_bango text, nendo int DEFAULT 1)'],
      ['ALTER TABLE jumin ATTACH PARTITION jumin_x FOR VALUES IN (1)'],
      ['GRANT SELECT ON jumin TO r1'],
      ['GRANT SELECT (atena_no) ON jumin_two TO r2'],
      ['ALTER TABLE jumin ADD COLUMN shimei text'],
    ],
  },
  {
    name: 'inheritance: parent columns first, ONLY does not recurse, grants are per table',
    units: [
      ['CREATE ROLE r1'],
      ['CREATE ROLE r2'],
      ['CREATE TABLE base (a text, kojin_bango text)'],
      ['CREATE TABLE child (extra text, a text) INHERITS (base)'],
      ['CREATE TABLE grandchild () INHERITS (child)'],
      ['ALTER TABLE base ADD COLUMN b text'],
      ['ALTER TABLE ONLY child DROP COLUMN extra'],
      ['ALTER TABLE base RENAME COLUMN a TO a2'],
      ['GRANT SELECT ON base TO r1'],
      ['GRANT SELECT ON grandchild TO r2'],
      ['CREATE TABLE other (z text, a2 text, kojin_bango text, b text)'],
      ['ALTER TABLE other INHERIT base'],
    ],
  },
  {
    name: 'LIKE, CREATE TABLE AS and INSERT … SELECT: tables of their own with their own grants',
    units: [
      ['CREATE ROLE r1'],
      ['CREATE TABLE src (atena_no text UNIQUE, kojin_bango text)'],
      ['CREATE TABLE cp (note text, LIKE src INCLUDING ALL, tail int)'],
      ['CREATE TABLE ctas AS SELECT atena_no, kojin_bango AS no FROM src'],
      ['CREATE TABLE hist (a text, n text)'],
      ['INSERT INTO hist (n, a) SELECT kojin_bango, atena_no FROM src'],
      ['GRANT SELECT ON cp, hist TO r1'],
    ],
  },
];

let pg: PgOracle;
beforeAll(async () => {
  pg = await PgOracle.start();
});
afterAll(async () => {
  await pg?.close();
});

describe('partitions, inheritance and copies against PostgreSQL (PGlite)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const result = await pg.run(c.units, { probePublic: true });
      expect(result.rejected).toEqual([]);
      const report = await compareWithSpif(result, unitsToSql(result.accepted));
      expect(report.comparisons).toBeGreaterThan(10);
      expect(report.disagreements.map(formatDisagreement)).toEqual([]);
    });
  }
});

describe('what the copies carry', () => {
  it('a partition, an inheritance child, a LIKE copy and an INSERT … SELECT target hold the number their source holds', async () => {
    const side = await runSpif(
      unitsToSql([
        ['CREATE TABLE jumin (atena_no text PRIMARY KEY, bango text, nendo int) PARTITION BY LIST (nendo)'],
        ["COMMENT ON COLUMN jumin.bango IS '個人番号'"],
        ['CREATE TABLE jumin_2024 PARTITION OF jumin FOR VALUES IN (2024)'],
        ['CREATE TABLE rireki (henko date) INHERITS (jumin_2024)'],
        ['CREATE TABLE audit (a text, no text)'],
        ['INSERT INTO audit SELECT atena_no, bango FROM jumin'],
        // SELECT INTO is CREATE TABLE AS (PostgreSQL refuses it inside EXECUTE, so the harness above cannot run it).
        ['SELECT bango AS k INTO sel_into FROM jumin'],
      ]),
    );
    const numbers = detectNumberColumns(side.catalog, defaultConfig().numberColumns, matchesRef);
    const ids = [...numbers.keys()].sort();
    expect(ids).toContain('default.public.jumin.bango');
    expect(ids).toContain('default.public.jumin_2024.bango'); // PARTITION OF
    expect(ids).toContain('default.public.rireki.bango'); // INHERITS
    expect(ids).toContain('default.public.audit.no'); // INSERT … SELECT, whatever its name
    expect(ids).toContain('default.public.sel_into.k'); // SELECT INTO
    expect(numbers.get(asColumnId('default.public.audit.no'))).toMatchObject({ rule: 'copy-lineage' });
    // The partition has the parent's primary key; the inheritance child has none (not inherited).
    expect(side.catalog.relations.get(asRelationId('default.public.jumin_2024'))!.primaryKey).toEqual(['atena_no']);
    expect(side.catalog.relations.get(asRelationId('default.public.rireki'))!.primaryKey).toBeUndefined();
    // The copies join their sources.
    const graph = buildLinkGraph(side.catalog, { links: [], linkKeys: [], inferLinks: false });
    expect(
      graph.edgesAtColumn(asRelationId('default.public.audit'), 'a').map((e) => `${e.via} ${e.b.node}.${e.b.column}`),
    ).toContain('copy default.public.jumin.atena_no');
  });
});
