/**
 * Blocked evidence through view lineage (graph/links.ts lineage hubs). A view column joins
 * whatever its base column joins, so a principal reading the view is stopped where a copied link
 * would have stopped it — and explain's list of every block names no control that is not toward
 * the number from the relation asked about: a step out of a hub is toward the number only when
 * it is from the relation that stepped into the hub (a hub is shared by relations at different
 * distances; the view over kekka is as far from the number as kekka is).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { asRelationId } from '../../src/catalog/model.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const SQL = `
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12));
CREATE TABLE kekka (id int PRIMARY KEY, atena_no text REFERENCES jumin (atena_no), memo text);
CREATE VIEW va_kekka AS SELECT * FROM kekka;
CREATE VIEW vv_kekka AS SELECT * FROM va_kekka;
CREATE ROLE clerk LOGIN;
CREATE ROLE viewer LOGIN;
GRANT SELECT ON kekka TO clerk;
GRANT SELECT (atena_no) ON jumin TO clerk;
GRANT SELECT ON vv_kekka TO viewer;
`;

async function analysed() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-lineage-'));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, 'schema.sql'), SQL);
  const r = await scan({ cwd: dir, paths: ['.'], jobs: 1 });
  const principal = (name: string) => r.principals.principals.find((p) => p.name === name)!;
  const blocks = (name: string, relation: string) =>
    r.analysis.blocks(principal(name), asRelationId(`default.public.${relation}`)).map((b) => [b.control, b.at]);
  return { report: r.report, blocks };
}

describe('blocks through view lineage', () => {
  it('stops a reader of a view on views where the base column’s link is refused', async () => {
    const { report, blocks } = await analysed();
    const top = report.relations.find((x) => x.name === 'vv_kekka')!;
    expect(top.basis).toBe('access-controlled');
    expect(top.blocked.map((b) => [b.principal, b.control, b.at])).toEqual([
      ['viewer', 'no-table-privilege', 'default.public.jumin'],
    ]);
    expect(blocks('viewer', 'vv_kekka')).toEqual([['no-table-privilege', 'default.public.jumin']]);
  });

  it('lists no block at a view that is no nearer the number than the relation asked about', async () => {
    const { blocks } = await analysed();
    // clerk reads kekka and jumin.atena_no, not the number; va_kekka (which clerk may not read)
    // is as far from the number as kekka, so it is no route toward it.
    expect(blocks('clerk', 'kekka')).toEqual([['no-column-privilege', 'default.public.jumin.kojin_bango']]);
  });
});
