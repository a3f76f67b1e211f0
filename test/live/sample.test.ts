/**
 * The bundled sample (fixtures/insurer), read live: each of its five databases is loaded from its
 * own DDL files into its own PostgreSQL (PGlite over a socket), and the sample's config is
 * rewritten to point every database at its server (`url:` instead of `sources:`). The report of
 * that live scan equals the report of the DDL scan, source locations aside.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import YAML from 'yaml';
import { scan } from '../../src/pipeline.js';
import { closeTemplate, startPgliteServer, type TestServer } from './pglite-server.js';

const SAMPLE = path.resolve(__dirname, '../../fixtures/insurer');

afterAll(closeTemplate);

/** The report without where things were read from (a file line vs. a server). */
/** Without locations, and without how much was read: a live server is read from no file or statement. */
function withoutLocations(report: unknown): unknown {
  const reading = ['filesFound', 'statements', 'statementsRead', 'config'];
  return JSON.parse(JSON.stringify(report), function (this: Record<string, unknown>, key, value: unknown) {
    if (key === 'source' || key === 'file' || key === 'line' || key === 'column') return undefined;
    if (reading.includes(key) || (key === 'files' && typeof value === 'number')) return undefined;
    return value;
  });
}

test('the sample read live gives the same report as the sample read from DDL', async () => {
  const configText = fs.readFileSync(path.join(SAMPLE, 'spif.config.yaml'), 'utf8');
  const config = YAML.parse(configText) as { databases: { name: string; sources?: string[]; url?: string }[] };
  const servers: TestServer[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-live-sample-'));
  try {
    for (const db of config.databases) {
      const files = db.sources!.flatMap((glob) => {
        const folder = path.join(SAMPLE, path.dirname(glob));
        return fs
          .readdirSync(folder)
          .filter((f) => f.endsWith('.sql'))
          .sort()
          .map((f) => path.join(folder, f));
      });
      expect(files.length).toBeGreaterThan(0);
      const server = await startPgliteServer(files.map((f) => fs.readFileSync(f, 'utf8')).join('\n'));
      servers.push(server);
      delete db.sources;
      db.url = server.url;
    }
    fs.writeFileSync(path.join(dir, 'spif.config.yaml'), YAML.stringify(config));

    const fromDdl = (await scan({ configFile: path.join(SAMPLE, 'spif.config.yaml'), cwd: SAMPLE, jobs: 1 })).report;
    const live = (await scan({ configFile: path.join(dir, 'spif.config.yaml'), cwd: dir, jobs: 1 })).report;

    // The sample holds the number (bango), a substitute code (chukan) and unlinked masters.
    expect(live.relations.length).toBeGreaterThanOrEqual(10);
    expect(live.relations.find((r) => r.id === 'bango.public.bango_kanri')?.classification).toBe('specific');
    expect(live.relations.some((r) => r.classification === 'not-specific')).toBe(true);
    // Live sources are named by their redacted URL and the relation.
    expect(live.relations.find((r) => r.id === 'bango.public.bango_kanri')?.source?.file).toMatch(
      /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres#public\.bango_kanri$/,
    );

    expect(withoutLocations(live)).toEqual(withoutLocations(fromDdl));
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
