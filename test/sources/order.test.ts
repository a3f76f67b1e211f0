/**
 * Order of sources (issue 12.2), on folders laid out like real repositories: statements are
 * applied in command-line and `sources:` order, folders in natural order, with the migration
 * tools' conventions (Flyway, golang-migrate, dbmate, drizzle-kit, Prisma), and statements that
 * name a relation a later file creates are applied once it exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/pipeline.js';
import { nth } from '../../src/indexed.js';

const layouts = path.resolve(__dirname, '../../fixtures/layouts');
const at = (name: string) => path.join(layouts, name);

const ids = (r: ScanResult) => r.report.relations.map((x) => x.id).sort();
const codes = (r: ScanResult, severity?: string) =>
  r.report.diagnostics.filter((d) => !severity || d.severity === severity).map((d) => d.code);
const rel = (r: ScanResult, id: string) => r.report.relations.find((x) => x.id === id);

describe('migration tools: the order each tool applies its files in', () => {
  it('Flyway: V by version (V2 before V10, V10 before V10.1), R__ after them, U__ not read', async () => {
    const r = await scan({ paths: ['.'], cwd: at('flyway'), jobs: 1 });
    // V10 drops the table V2 created: in name order (V10 < V2) it would survive.
    // U2 (an undo) drops jumin: read, the table would be gone. R__ grants on the name V10.1 gave.
    expect(ids(r)).toEqual(['default.public.jumin_kihon']);
    expect(codes(r, 'warning')).toEqual([]);
    const order = r.report.diagnostics.find((d) => d.code === 'SPIF-SOURCE-ORDER');
    expect(order?.message).toMatch(/Flyway: V<version>__ files by version, then R__ repeatables/);
    expect(order?.message).toMatch(/not read: 1 file \(Flyway undo migration\)/);
    expect(r.report.principals.map((p) => p.name)).toContain('app_madoguchi');
  });

  it('golang-migrate: only *.up.sql, versions compared as numbers', async () => {
    const r = await scan({ paths: ['migrations'], cwd: at('golang-migrate'), jobs: 1 });
    expect(ids(r)).toEqual(['default.public.atena', 'default.public.henko_rireki']);
    expect(rel(r, 'default.public.atena')?.columns?.map((c) => c.name)).toEqual(['atena_no', 'shimei', 'kojin_bango']);
    expect(rel(r, 'default.public.henko_rireki')?.classification).toBe('specific');
    expect(codes(r, 'warning')).toEqual([]);
    expect(r.report.diagnostics.find((d) => d.code === 'SPIF-SOURCE-ORDER')?.message).toMatch(
      /\*\.up\.sql only; not read: 3 files \(down migration\)/,
    );
    expect(r.report.summary).toMatchObject({ files: 3, filesFound: 3 });
  });

  it('dbmate: the -- migrate:down section is not read (it drops what up created)', async () => {
    const r = await scan({ paths: ['db/migrations'], cwd: at('dbmate'), jobs: 1 });
    expect(ids(r)).toEqual(['default.public.fuyo_kazoku', 'default.public.kyufu']);
    expect(
      r.report.diagnostics.filter((d) => d.code === 'SPIF-SOURCE-DOWN-SECTION').map((d) => [d.file, d.line]),
    ).toEqual([
      ['db/migrations/20240105093000_create_fuyo.sql', 7],
      ['db/migrations/20240112170000_create_kyufu.sql', 7],
    ]);
    expect(codes(r, 'warning')).toEqual([]);
  });

  it("drizzle-kit: meta/_journal.json's order, not the names' (custom names without an index prefix)", async () => {
    const r = await scan({ paths: ['drizzle'], cwd: at('drizzle'), jobs: 1 });
    // By name, drop_import_tmp.sql would run before init_schema.sql and the table would survive.
    expect(ids(r)).toEqual(['default.public.shotoku']);
    expect(codes(r, 'warning')).toEqual([]);
    expect(r.report.diagnostics.find((d) => d.code === 'SPIF-SOURCE-ORDER')?.message).toMatch(
      /drizzle-kit: the order of meta\/_journal\.json/,
    );
  });

  it('Prisma: migrations/<timestamp>_*/migration.sql by timestamp', async () => {
    const r = await scan({ paths: ['prisma'], cwd: at('prisma'), jobs: 1 });
    expect(rel(r, 'default.public.Hihokensha')?.columns?.map((c) => c.name)).toEqual([
      'id',
      'hihokenshaNo',
      'kojinBango',
    ]);
    expect(codes(r, 'warning')).toEqual([]);
  });
});

describe('statements that name a relation a later file creates', () => {
  it('install scripts: comment_set.sql (read first by name) is applied after create_table.sql, so 論理名 count', async () => {
    const r = await scan({ paths: ['install/sql'], cwd: at('install-scripts'), jobs: 1 });
    // kjn_no is a number column only through its comment 個人番号.
    expect(rel(r, 'default.public.dtb_customer')).toMatchObject({
      classification: 'specific',
      basis: 'holds-number',
      comment: '会員',
    });
    expect(rel(r, 'default.public.vw_customer_bango')?.classification).toBe('specific');
    expect(codes(r, 'warning')).toEqual([]);
    const deferred = r.report.diagnostics.filter((d) => d.code === 'SPIF-SOURCE-DEFERRED');
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toMatchObject({ severity: 'info' });
    expect(nth(deferred, 0).message).toMatch(
      /4 statements of install\/sql\/bango_view\.sql, install\/sql\/comment_set\.sql name relations created by install\/sql\/create_table\.sql/,
    );
  });

  it('within one file a statement before its CREATE is still reported (the engine rejects it too)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-order-'));
    fs.writeFileSync(path.join(dir, 'one.sql'), "COMMENT ON TABLE t IS 'x';\nCREATE TABLE t (a int);\n");
    const r = await scan({ paths: ['.'], cwd: dir, jobs: 1 });
    expect(codes(r)).toEqual(['SPIF-SQL-UNKNOWN-RELATION']);
  });
});

describe('command-line order and natural order', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-order-'));
  fs.writeFileSync(
    path.join(dir, 'create.sql'),
    'CREATE TABLE kojin_tmp (kojin_bango char(12));\nCREATE TABLE keep (a int);\n',
  );
  fs.writeFileSync(path.join(dir, 'drop.sql'), 'DROP TABLE kojin_tmp;\n');
  fs.mkdirSync(path.join(dir, 'numbered'));
  fs.writeFileSync(path.join(dir, 'numbered/9_create.sql'), 'CREATE TABLE t9 (a int);\n');
  fs.writeFileSync(path.join(dir, 'numbered/10_drop.sql'), 'DROP TABLE t9;\n');

  it('files are applied in the order given on the command line', async () => {
    const given = await scan({ paths: ['create.sql', 'drop.sql'], cwd: dir, jobs: 1 });
    expect(ids(given)).toEqual(['default.public.keep']);
    const reversed = await scan({ paths: ['drop.sql', 'create.sql'], cwd: dir, jobs: 1 });
    expect(ids(reversed)).toEqual(['default.public.keep', 'default.public.kojin_tmp']);
  });

  it('a folder is read in natural order: 9_ before 10_', async () => {
    const r = await scan({ paths: ['numbered'], cwd: dir, jobs: 1 });
    expect(ids(r)).toEqual([]);
    expect(codes(r, 'warning')).toEqual([]);
  });

  it('sources: globs are applied in the order they are listed', async () => {
    fs.writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      'version: 1\ndatabases:\n  - name: d\n    sources: ["create.sql", "drop.sql"]\n',
    );
    expect(ids(await scan({ paths: ['.'], cwd: dir, jobs: 1 }))).toEqual(['d.public.keep']);
    fs.writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      'version: 1\ndatabases:\n  - name: d\n    sources: ["drop.sql", "create.sql"]\n',
    );
    expect(ids(await scan({ paths: ['.'], cwd: dir, jobs: 1 }))).toEqual(['d.public.keep', 'd.public.kojin_tmp']);
    fs.rmSync(path.join(dir, 'spif.config.yaml'));
  });
});
