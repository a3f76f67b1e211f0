/**
 * The reader pre-filter (src/classify/readers.ts) may keep a principal that cannot read a relation,
 * never drop one that can: checked against the exact answer for every principal × relation, on
 * every rule fixture and on a generated estate; and classification with and without it agrees.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { PrincipalAccess } from '../../src/access/principals.js';
import { classifyRelations } from '../../src/classify/classify.js';
import { ReaderIndex } from '../../src/classify/readers.js';
import { generateRepo } from '../../bench/generate.js';

const repo = path.resolve(__dirname, '../..');
const ruleDirs = fs
  .readdirSync(path.join(repo, 'fixtures/rules'))
  .map((d) => path.join(repo, 'fixtures/rules', d))
  .filter((d) => fs.statSync(d).isDirectory());

const oracleFiles = fs
  .readdirSync(path.join(repo, 'fixtures/oracle'))
  .filter((f) => f.endsWith('.sql'))
  .map((f) => path.join(repo, 'fixtures/oracle', f));

async function checkDir(dir: string): Promise<number> {
  const cwd = fs.statSync(dir).isDirectory() ? dir : path.dirname(dir);
  const result = await scan({ paths: [dir], cwd, jobs: 1 });
  const { catalog, principals, graph, numbers, config } = result;
  const resolver = createAccessResolver(catalog, { postgresVersion: config.postgresVersion });
  const access = new PrincipalAccess(catalog, resolver);
  const index = new ReaderIndex(catalog, principals.principals, resolver);
  let readable = 0;
  for (const id of catalog.relations.keys()) {
    const kept = new Set(index.candidates(id).map((p) => p.name));
    for (const p of principals.principals) {
      if (!access.canReadRelation(p, id)) continue;
      readable++;
      expect(kept.has(p.name), `${p.name} can read ${id} but the pre-filter dropped it (${dir})`).toBe(true);
    }
  }
  const strip = (m: ReturnType<typeof classifyRelations>) =>
    [...m.values()].map((d) => ({ ...d, relation: d.relation.id }));
  const base = { catalog, graph, numbers, principals: principals.principals };
  const exact = classifyRelations({ ...base, access: new PrincipalAccess(catalog, resolver) });
  const filtered = classifyRelations({ ...base, access: new PrincipalAccess(catalog, resolver), resolver });
  expect(strip(filtered)).toEqual(strip(exact));
  return readable;
}

describe('reader pre-filter', () => {
  it.each(ruleDirs.map((d) => [path.basename(d), d]))(
    'never drops a principal that can read (%s)',
    async (_name, dir) => {
      await checkDir(dir);
    },
  );

  it.each(oracleFiles.map((f) => [path.basename(f), f]))(
    'never drops a principal that can read (oracle %s)',
    async (_name, file) => {
      await checkDir(file);
    },
  );

  it('never drops a principal that can read, on a generated estate with 50 roles', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-readers-'));
    try {
      generateRepo(dir, { tables: 300, seed: 11 });
      const readable = await checkDir(dir);
      expect(readable).toBeGreaterThan(100); // the check had something to check
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
