/**
 * Logical replication as a path of the number between databases. PostgreSQL 15 docs, chapter 31:
 * - "A publication can be defined on any physical replication primary … FOR TABLE, FOR ALL
 *   TABLES, FOR TABLES IN SCHEMA" (31.1); a column list publishes only the listed columns (31.4).
 * - "The tables are matched between the publisher and the subscriber using the fully qualified
 *   table name", and columns by name (31.2 Subscription; 31.5 Restrictions: "The table on the
 *   subscriber side can have additional columns").
 * So the subscriber's table of the same schema and name holds the published columns' values.
 * These run through the real reader, builder and detection; test/paths/replication-real.test.ts
 * checks the same on a real PostgreSQL 15 with wal_level = logical.
 */
import { describe, expect, it } from 'vitest';
import { postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { buildCatalog } from '../../src/catalog/build.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { detectColumns } from '../../src/detect/index.js';
import { matchesRef } from '../../src/config/index.js';
import { findUnknownPaths, unknownPathAssumptions } from '../../src/access/unknown-paths.js';
import { asColumnId, asRelationId } from '../../src/catalog/model.js';

const PUBLISHER = `
CREATE TABLE jumin_kihon (atena_no text PRIMARY KEY, kbn char(12), memo text);
CREATE SCHEMA hist;
CREATE TABLE hist.rireki (atena_no text, kbn char(12));
`;
const SUBSCRIBER = `
CREATE TABLE jumin_kihon (atena_no text PRIMARY KEY, kbn char(12), memo text, local_only text);
CREATE SCHEMA hist;
CREATE TABLE hist.rireki (atena_no text, kbn char(12));
`;

async function scan(publisher: string, subscriber: string) {
  const read = (path: string, text: string) => postgresqlReader.read({ path, text }, { dialect: 'postgresql' });
  const pub = await read('jumin.sql', publisher);
  const sub = await read('kyufu.sql', subscriber);
  const built = buildCatalog(
    [
      { database: 'kyufu', dialect: 'postgresql', ops: sub.ops },
      { database: 'jumin', dialect: 'postgresql', ops: pub.ops },
    ],
    { remotes: [{ name: 'kyufu' }, { name: 'jumin', dbname: 'jumin_prod', host: 'db1' }] },
  );
  const include = ['jumin.public.jumin_kihon.kbn', 'jumin.hist.rireki.kbn'];
  const { numbers } = detectColumns(built.catalog, { include, substitute: [], exclude: [] }, matchesRef);
  return { ...built, numbers, diagnostics: [...pub.diagnostics, ...sub.diagnostics, ...built.diagnostics] };
}

const SUBSCRIPTION = `CREATE SUBSCRIPTION s CONNECTION 'host=db1 port=5432 dbname=jumin_prod user=rep' PUBLICATION p;`;

describe('CREATE PUBLICATION / CREATE SUBSCRIPTION', () => {
  it('FOR TABLE t: the subscriber table of the same name holds the published number column', async () => {
    const r = await scan(PUBLISHER + 'CREATE PUBLICATION p FOR TABLE jumin_kihon;', SUBSCRIBER + SUBSCRIPTION);
    expect(r.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const hit = r.numbers.get(asColumnId('kyufu.public.jumin_kihon.kbn'));
    expect(hit).toMatchObject({ rule: 'copy-lineage' });
    expect(hit?.evidence).toContain("'jumin.public.jumin_kihon.kbn' (replication");
    expect(r.numbers.has(asColumnId('kyufu.hist.rireki.kbn'))).toBe(false); // not published
  });

  it('a column list publishes only its columns: kbn left out stays out', async () => {
    const r = await scan(
      PUBLISHER + 'CREATE PUBLICATION p FOR TABLE jumin_kihon (atena_no, memo);',
      SUBSCRIBER + SUBSCRIPTION,
    );
    expect(r.numbers.has(asColumnId('kyufu.public.jumin_kihon.kbn'))).toBe(false);
    const memo = r.catalog.relations
      .get(asRelationId('kyufu.public.jumin_kihon'))
      ?.columns.find((c) => c.name === 'memo');
    expect(memo?.copiedFrom).toEqual([expect.objectContaining({ via: 'replication', column: 'memo' })]);
  });

  it('FOR ALL TABLES and FOR TABLES IN SCHEMA, and ALTER PUBLICATION … ADD TABLE', async () => {
    const all = await scan(PUBLISHER + 'CREATE PUBLICATION p FOR ALL TABLES;', SUBSCRIBER + SUBSCRIPTION);
    expect(
      all.numbers.has(asColumnId('kyufu.public.jumin_kihon.kbn')) &&
        all.numbers.has(asColumnId('kyufu.hist.rireki.kbn')),
    ).toBe(true);
    const schema = await scan(PUBLISHER + 'CREATE PUBLICATION p FOR TABLES IN SCHEMA hist;', SUBSCRIBER + SUBSCRIPTION);
    expect(schema.numbers.has(asColumnId('kyufu.hist.rireki.kbn'))).toBe(true);
    expect(schema.numbers.has(asColumnId('kyufu.public.jumin_kihon.kbn'))).toBe(false);
    const added = await scan(
      PUBLISHER + 'CREATE PUBLICATION p FOR TABLE hist.rireki; ALTER PUBLICATION p ADD TABLE jumin_kihon (kbn);',
      SUBSCRIBER + SUBSCRIPTION,
    );
    expect(added.numbers.has(asColumnId('kyufu.public.jumin_kihon.kbn'))).toBe(true);
  });

  it('ALTER SUBSCRIPTION … SET PUBLICATION and DROP SUBSCRIPTION change what flows', async () => {
    const pubs = PUBLISHER + 'CREATE PUBLICATION p FOR TABLE hist.rireki; CREATE PUBLICATION q FOR TABLE jumin_kihon;';
    const set = await scan(pubs, SUBSCRIBER + SUBSCRIPTION + 'ALTER SUBSCRIPTION s SET PUBLICATION q;');
    expect(set.numbers.has(asColumnId('kyufu.public.jumin_kihon.kbn'))).toBe(true);
    expect(set.numbers.has(asColumnId('kyufu.hist.rireki.kbn'))).toBe(false);
    const dropped = await scan(pubs, SUBSCRIBER + SUBSCRIPTION + 'DROP SUBSCRIPTION s;');
    expect(dropped.numbers.has(asColumnId('kyufu.hist.rireki.kbn'))).toBe(false);
  });

  it('a connection that matches no configured database is reported, with an unknown path on the subscriber tables', async () => {
    const r = await scan(
      PUBLISHER + 'CREATE PUBLICATION p FOR ALL TABLES;',
      SUBSCRIBER + `CREATE SUBSCRIPTION s CONNECTION 'host=db9 dbname=jumin_prod' PUBLICATION p;`,
    );
    const w = r.diagnostics.find((d) => d.code === 'SPIF-REPLICATION-UNRESOLVED');
    expect(w).toMatchObject({ file: 'kyufu.sql', line: 5 });
    expect(w?.message).toContain("dbname 'jumin_prod' on host db9 matches no configured database");
    expect(r.numbers.has(asColumnId('kyufu.public.jumin_kihon.kbn'))).toBe(false);
    const resolver = createAccessResolver(r.catalog);
    const codes = unknownPathAssumptions(
      findUnknownPaths(r.catalog, resolver, [{ name: 'PUBLIC', kind: 'public', roles: ['PUBLIC'] }]),
    );
    expect(codes.get(asRelationId('kyufu.public.jumin_kihon'))?.[0]).toMatch(
      /^cross-database-unknown:subscription:kyufu\.s:/,
    );
  });
});
