/**
 * What `spif snapshot` writes (the round trip of every construct is in constructs.test.ts).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { loadPostgresParser } from '../../src/sources/postgresql/reader.js';
import { snapshotLive } from '../../src/snapshot/live.js';
import { writeSnapshotSql } from '../../src/snapshot/write-ddl.js';
import { DATABASE, catalogOf, comparable, ddlOps } from './equality.js';
import { closeTemplate, startPgliteServer } from './pglite-server.js';

afterAll(closeTemplate);

describe('snapshot text', () => {
  test('quotes only where needed, keeps view queries and policy expressions verbatim', async () => {
    const server = await startPgliteServer(`
      CREATE ROLE clerk;
      CREATE TABLE "Kojin" (id int PRIMARY KEY, "user" text, kojin_bango text);
      CREATE VIEW v WITH (security_invoker = true) AS SELECT id, kojin_bango FROM "Kojin" WHERE id > 10;
      ALTER TABLE "Kojin" ENABLE ROW LEVEL SECURITY;
      CREATE POLICY p ON "Kojin" FOR SELECT TO clerk USING (id < 100);
      COMMENT ON COLUMN "Kojin".kojin_bango IS '個人番号 (it''s)';`);
    try {
      const { sql } = await snapshotLive(server.url, { database: DATABASE, now: new Date('2025-01-01T00:00:00Z') });
      expect(sql).toContain(
        'CREATE TABLE public."Kojin" (\n  id int4,\n  "user" text,\n  kojin_bango text,\n  PRIMARY KEY (id)\n);',
      );
      // pg_get_viewdef's text, schema-qualified (spif reads with an empty search_path).
      expect(sql).toContain(
        'CREATE VIEW public.v (id, kojin_bango) WITH (security_invoker = true) AS\nSELECT id,\n    kojin_bango\n   FROM public."Kojin"\n  WHERE id > 10;',
      );
      expect(sql).toContain('CREATE POLICY p ON public."Kojin" AS PERMISSIVE FOR SELECT TO clerk USING ((id < 100));');
      expect(sql).toContain(`COMMENT ON COLUMN public."Kojin".kojin_bango IS '個人番号 (it''s)';`);
      expect(sql).toContain('-- taken: 2025-01-01T00:00:00.000Z');
    } finally {
      await server.stop();
    }
  });

  test('a view whose query was not kept is written with the same lineage', async () => {
    await loadPostgresParser();
    const ops = await ddlOps(`
      CREATE TABLE a (x int, y int); CREATE TABLE b (x int, z int);
      CREATE VIEW v AS SELECT a.x, coalesce(a.y, b.z) AS w FROM a JOIN b ON a.x = b.x;`);
    const sql = writeSnapshotSql(ops);
    expect(sql).toContain('-- the original query was not kept');
    const back = comparable(catalogOf(await ddlOps(sql)));
    expect(
      (back as { relations: { id: string; view?: unknown }[] }).relations.find((r) => r.id === 'kyufu.public.v')?.view,
    ).toEqual(
      (comparable(catalogOf(ops)) as { relations: { id: string; view?: unknown }[] }).relations.find(
        (r) => r.id === 'kyufu.public.v',
      )?.view,
    );
  });
});

describe('spif snapshot command', () => {
  test('writes the script to --out; rejects a non-URL with a UserError', async () => {
    const { Command } = await import('commander');
    const { registerSnapshot } = await import('../../src/cli/commands/snapshot.js');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { UserError } = await import('../../src/diagnostics.js');
    const server = await startPgliteServer(
      `CREATE ROLE app; CREATE TABLE kojin (kojin_bango text); GRANT SELECT ON kojin TO app;`,
    );
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spif-snap-')), 'schema.sql');
    try {
      const program = new Command().exitOverride();
      registerSnapshot(program);
      await program.parseAsync(['node', 'spif', 'snapshot', server.url, '--out', out, '--database', 'bango']);
      const sql = fs.readFileSync(out, 'utf8');
      expect(sql).toContain('-- spif database: bango');
      expect(sql).toContain('CREATE TABLE public.kojin (\n  kojin_bango text\n);');
      expect(sql).toContain('GRANT SELECT ON TABLE public.kojin TO app;');
      const bad = new Command().exitOverride();
      registerSnapshot(bad);
      await expect(bad.parseAsync(['node', 'spif', 'snapshot', 'db/schema.sql'])).rejects.toBeInstanceOf(UserError);
    } finally {
      await server.stop();
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });
});
