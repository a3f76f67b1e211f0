/**
 * The parse cache and the reading pool change speed, never the report: cached and uncached,
 * parallel and serial scans give the same report; a changed file is re-read while unchanged ones
 * come from the cache; a damaged cache entry is ignored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { ParseCache, readKey } from '../../src/cache/parse-cache.js';
import { readDatabaseFiles } from '../../src/sources/parallel.js';
import { generateRepo } from '../../bench/generate.js';
import { nth } from '../../src/indexed.js';

const repo = path.resolve(__dirname, '../..');
let work: string;
let estate: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-scale-'));
  estate = path.join(work, 'estate');
  generateRepo(estate, { tables: 150, seed: 3, tablesPerFile: 40 });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

async function report(dir: string, options: { cacheDir?: string; jobs?: number } = {}): Promise<unknown> {
  const r = await scan({ paths: [dir], cwd: dir, ...options });
  return JSON.parse(JSON.stringify(r.report));
}

function cacheEntries(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.bin'))
    .map((f) => path.join(dir, f));
}

describe('parse cache', () => {
  it('gives the same report cold, warm and without a cache', async () => {
    const cacheDir = path.join(work, 'cache-same');
    const plain = await report(estate, { jobs: 1 });
    const cold = await report(estate, { jobs: 1, cacheDir });
    const entries = cacheEntries(cacheDir);
    expect(entries.length).toBeGreaterThan(5);
    const warm = await report(estate, { jobs: 1, cacheDir });
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    expect((plain as { summary: { relations: number } }).summary.relations).toBeGreaterThan(150);
  });

  it('gives the same report for the bundled insurer sample, warm', async () => {
    const dir = path.join(repo, 'fixtures/insurer');
    const cacheDir = path.join(work, 'cache-insurer');
    const plain = await report(dir);
    await report(dir, { cacheDir });
    expect(await report(dir, { cacheDir })).toEqual(plain);
  });

  it('re-reads a changed file and takes the unchanged ones from the cache', async () => {
    const dir = path.join(work, 'changing');
    fs.cpSync(estate, dir, { recursive: true });
    const cacheDir = path.join(work, 'cache-change');
    const files = fs
      .readdirSync(path.join(dir, 'db/kyufu'))
      .map((f) => path.join(dir, 'db/kyufu', f))
      .sort();
    const all = [{ database: 'kyufu', dialect: 'postgresql' as const, files }];
    const opts = { cwd: dir, readBytes: (p: string) => fs.readFileSync(p), jobs: 1, cacheDir };
    const first = await readDatabaseFiles(all, opts);
    expect(first.stats.cacheHits).toBe(0);

    // A column added to one table: only that file is parsed again, and the result shows it.
    const changed = nth(files, 0);
    fs.writeFileSync(
      changed,
      fs.readFileSync(changed, 'utf8') + '\nALTER TABLE public.atena_kihon ADD COLUMN kojin_bango char(12);\n',
    );
    const second = await readDatabaseFiles(all, opts);
    expect(second.stats.cacheHits).toBe(files.length - 1);
    expect(second.stats.parsedInline).toBe(1);
    expect(nth(second.results, 0).ops.length).toBe(nth(first.results, 0).ops.length + 1);

    // And the scan sees the change: the master now holds the number.
    const r = await scan({ paths: [dir], cwd: dir, cacheDir, jobs: 1 });
    const holder = r.report.relations.find((x) => x.id === 'kyufu.public.atena_kihon');
    expect(holder?.basis).toBe('holds-number');
    expect(JSON.parse(JSON.stringify(r.report))).toEqual(await report(dir, { jobs: 1 }));
  });

  it('ignores a damaged or foreign cache entry and reads the file again', async () => {
    const cacheDir = path.join(work, 'cache-corrupt');
    const plain = await report(estate, { jobs: 1 });
    await report(estate, { jobs: 1, cacheDir });
    const entries = cacheEntries(cacheDir).sort();
    expect(entries.length).toBeGreaterThan(3);
    // What each damaged entry held while good (some files of the estate read to no ops at all).
    const good = entries.slice(0, 3).map((e) => new ParseCache(cacheDir).get(path.basename(e, '.bin')));
    for (const g of good) expect(g).toBeDefined();
    fs.writeFileSync(nth(entries, 0), 'not a cache entry'); // garbage
    fs.truncateSync(nth(entries, 1), Math.floor(fs.statSync(nth(entries, 1)).size / 2)); // cut short
    fs.copyFileSync(nth(entries, 3), nth(entries, 2)); // another file's result under this key
    const keys = entries.slice(0, 3).map((e) => path.basename(e, '.bin'));
    const cache = new ParseCache(cacheDir);
    for (const k of keys) expect(cache.get(k)).toBeUndefined();
    expect(cache.stats.rejected).toBe(3);

    expect(await report(estate, { jobs: 1, cacheDir })).toEqual(plain);
    // The scan read those files again and stored good entries in their place.
    keys.forEach((k, i) => expect(new ParseCache(cacheDir).get(k)).toEqual(good[i]));
  });

  it('a cache key changes with the text, the path, the reader and the dialect', () => {
    const base = {
      reader: 'postgresql',
      dialect: 'postgresql' as const,
      path: 'a.sql',
      text: 'CREATE TABLE t (x int);',
    };
    const k = readKey(base);
    expect(readKey({ ...base })).toBe(k);
    expect(readKey({ ...base, text: base.text + ' ' })).not.toBe(k);
    expect(readKey({ ...base, path: 'b.sql' })).not.toBe(k);
    expect(readKey({ ...base, reader: 'mysql' })).not.toBe(k);
    expect(readKey({ ...base, dialect: 'mysql' })).not.toBe(k);
  });
});

describe('reading pool', () => {
  it('parallel and serial reading give the same report', async () => {
    const serial = await report(estate, { jobs: 1 });
    const files = fs
      .readdirSync(path.join(estate, 'db'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.sql'))
      .map((f) => path.join(estate, 'db', f))
      .sort();
    // Force the pool on this small estate and check it really ran in workers.
    const read = await readDatabaseFiles([{ database: 'x', dialect: 'postgresql', files }], {
      cwd: estate,
      readBytes: (p) => fs.readFileSync(p),
      jobs: 2,
      parallelMinBytes: 1,
    });
    expect(read.stats.workers).toBe(2);
    expect(read.stats.parsedInWorkers).toBe(files.length);
    const inline = await readDatabaseFiles([{ database: 'x', dialect: 'postgresql', files }], {
      cwd: estate,
      readBytes: (p) => fs.readFileSync(p),
      jobs: 1,
    });
    expect(read.results).toEqual(inline.results);

    const parallel = await scanWithPool(estate);
    expect(parallel).toEqual(serial);
  });

  it('keeps syntax-error diagnostics and their order when files are read in workers', async () => {
    const dir = path.join(work, 'broken');
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 4; i++) {
      fs.writeFileSync(
        path.join(dir, `${i}.sql`),
        `CREATE TABLE t${i} (kojin_bango char(12));\nCREATE TABLE oops${i} (;\nCREATE TABLE u${i} (x int);\n`,
      );
    }
    const files = fs
      .readdirSync(dir)
      .map((f) => path.join(dir, f))
      .sort();
    const opts = { cwd: dir, readBytes: (p: string) => fs.readFileSync(p) };
    const pooled = await readDatabaseFiles([{ database: 'd', dialect: 'postgresql', files }], {
      ...opts,
      jobs: 2,
      parallelMinBytes: 1,
    });
    const serial = await readDatabaseFiles([{ database: 'd', dialect: 'postgresql', files }], { ...opts, jobs: 1 });
    expect(pooled.stats.parsedInWorkers).toBe(4);
    expect(pooled.results).toEqual(serial.results);
    expect(nth(pooled.results, 0).diagnostics.map((d) => d.code)).toEqual(Array(4).fill('SPIF-SQL-SYNTAX'));
  });
});

/** A full scan whose reading goes through the pool, however small the estate. */
async function scanWithPool(dir: string): Promise<unknown> {
  const r = await scan({ paths: [dir], cwd: dir, jobs: 2, parallelMinBytes: 1 });
  return JSON.parse(JSON.stringify(r.report));
}
