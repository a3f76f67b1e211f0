/**
 * Classes of principals with equal rights: computing once per class must give exactly the
 * evidence computed principal by principal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRelations } from '../../src/classify/classify.js';
import { groupPrincipals } from '../../src/classify/principal-classes.js';
import { scan } from '../../src/pipeline.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { PrincipalAccess, resolvePrincipals } from '../../src/access/principals.js';
import { catalogFromSql } from '../helpers/catalog.js';

const repo = path.resolve(__dirname, '../..');

async function groupedEqualsOneByOne(dir: string): Promise<void> {
  const result = await scan({ paths: [dir], cwd: repo });
  const resolver = createAccessResolver(result.catalog, { postgresVersion: result.config.postgresVersion });
  const oneByOne = classifyRelations({
    catalog: result.catalog,
    graph: result.graph,
    numbers: result.numbers,
    principals: result.principals.principals,
    access: new PrincipalAccess(result.catalog, resolver),
  });
  expect([...result.decisions.entries()]).toEqual([...oneByOne.entries()]);
}

describe('principal classes', () => {
  it('puts roles that differ only by name in one class, and a role with its own grant apart', async () => {
    const staff = Array.from({ length: 30 }, (_, i) => `staff_${i}`);
    const { catalog } = await catalogFromSql(`
CREATE TABLE t (kojin_bango char(12), x int);
CREATE ROLE staff;
GRANT SELECT (x) ON t TO staff;
${staff.map((s) => `CREATE ROLE ${s} LOGIN IN ROLE staff;`).join('\n')}
CREATE ROLE chief LOGIN IN ROLE staff;
GRANT SELECT ON t TO chief;`);
    const resolver = createAccessResolver(catalog);
    const { principals } = resolvePrincipals(catalog, []);
    const classes = groupPrincipals(principals, catalog, resolver);
    const sizes = Object.fromEntries(classes.map((c) => [c.representative.name, c.members.length]));
    // The group role itself has exactly its members' rights, so it is in their class.
    expect(sizes).toEqual({ chief: 1, staff: 31, PUBLIC: 1 });
  });

  it('gives the same decisions and evidence as computing each principal alone, on every rule fixture and the sample', async () => {
    const dirs = fs.readdirSync(path.join(repo, 'fixtures/rules')).map((d) => path.join(repo, 'fixtures/rules', d));
    for (const dir of [...dirs, path.join(repo, 'fixtures/insurer')]) await groupedEqualsOneByOne(dir);
  });

  it('names each member, not the representative, in copied evidence', async () => {
    const dir = fs.mkdtempSync(path.join(repo, 'node_modules/.spif-test-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'schema.sql'),
        `
CREATE TABLE bango (atena_no text PRIMARY KEY, kojin_bango char(12));
CREATE TABLE kyufu (atena_no text REFERENCES bango, gaku int);
CREATE ROLE clerks;
GRANT SELECT ON kyufu TO clerks;
GRANT SELECT (atena_no) ON bango TO clerks;
CREATE ROLE app LOGIN IN ROLE clerks;
CREATE ROLE app_kyufu LOGIN IN ROLE clerks;`,
      );
      const { report } = await scan({ paths: [dir], cwd: repo });
      const kyufu = report.relations.find((r) => r.name === 'kyufu')!;
      const blocks = Object.fromEntries(kyufu.blocked.map((b) => [b.principal, b.detail]));
      expect(Object.keys(blocks)).toEqual(['app', 'app_kyufu', 'clerks']);
      expect(blocks.app_kyufu).toContain('app_kyufu');
      expect(blocks.app_kyufu).not.toMatch(/\bapp\b(?!_)/);
      await groupedEqualsOneByOne(dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
