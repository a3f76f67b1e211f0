/**
 * The benchmark's view-heavy estate (`npm run bench -- --views`, bench/generate.ts): about half of
 * the relations are views (`SELECT *`, joins, views on views), every other file is the default
 * estate's byte for byte (so the bench compares views against the same tables), and the SQL is
 * PostgreSQL's: each database's files run in PGlite, and spif reads them without a diagnostic.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRepo } from '../../bench/generate.js';
import { scan } from '../../src/pipeline.js';
import { nth } from '../../src/indexed.js';

let work: string;
const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-bench-views-'));
  generateRepo(path.join(work, 'plain'), { tables: 200, seed: 5, tablesPerFile: 50 });
  generateRepo(path.join(work, 'views'), { tables: 200, seed: 5, tablesPerFile: 50, views: true });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the view-heavy bench estate', () => {
  it('adds views in files of their own and leaves every other file as it was', () => {
    const plain = path.join(work, 'plain');
    const views = path.join(work, 'views');
    const added = files(views).filter((f) => !files(plain).includes(f));
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((f) => /(8100_views_more|9100_view_grants)\.sql$/.test(f))).toBe(true);
    for (const f of files(plain)) {
      if (fs.statSync(path.join(plain, f)).isFile())
        expect(fs.readFileSync(path.join(views, f), 'utf8'), f).toBe(fs.readFileSync(path.join(plain, f), 'utf8'));
    }
  });

  it('is about half views, with SELECT *, joins and views on views, and spif reads it cleanly', async () => {
    const dir = path.join(work, 'views');
    const r = await scan({ paths: [dir], cwd: dir });
    const views = r.report.relations.filter((x) => x.kind === 'view').length;
    expect(views / r.report.relations.length).toBeGreaterThan(0.4);
    expect(views / r.report.relations.length).toBeLessThan(0.6);
    expect(r.report.summary).toMatchObject({ errors: 0, warnings: 0 });
    const sql = fs.readFileSync(path.join(dir, 'db/kyufu/8100_views_more.sql'), 'utf8');
    expect(sql).toMatch(/AS\n {4}SELECT \* FROM \w+\.\w+;/);
    expect(sql).toMatch(/ JOIN /);
    expect(sql).toMatch(/SELECT \* FROM \w+\.v[av]_/);
  }, 60_000);

  it('runs in PostgreSQL (PGlite), one database at a time', async () => {
    const dir = path.join(work, 'views', 'db');
    const roles = fs.readFileSync(path.join(dir, 'bango', '0000_roles.sql'), 'utf8');
    for (const db of fs.readdirSync(dir).sort()) {
      const pg = await PGlite.create();
      try {
        // Roles are the cluster's; the estate's CONNECT grants name databases PGlite does not have.
        if (db !== 'bango') await pg.exec(roles);
        await pg.exec(`CREATE DATABASE ${db};`).catch(() => undefined);
        for (const f of fs.readdirSync(path.join(dir, db)).sort()) {
          const text = fs
            .readFileSync(path.join(dir, db, f), 'utf8')
            .replace(/^(REVOKE|GRANT) CONNECT ON DATABASE .*$/gm, '');
          await pg.exec(text).catch((e: Error) => {
            throw new Error(`${db}/${f}: ${e.message}`);
          });
        }
        const n = await pg.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_views WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
        );
        expect(nth(n.rows, 0).n, db).toBeGreaterThan(0);
      } finally {
        await pg.close();
      }
    }
  }, 120_000);
});
