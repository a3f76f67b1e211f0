/**
 * `spif explain`: chains per principal, blocks, and the smallest access change — checked by
 * applying the suggested SQL to the sources and scanning again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { explainCommand } from '../../src/cli/commands/explain.js';
import { explainResultSchema, type ExplainResult } from '../../src/gate/model.js';
import { scan } from '../../src/pipeline.js';
import { suggestAccessChanges } from '../../src/gate/access-change.js';
import type { NumberColumnHit } from '../../src/detect/index.js';
import { TempRepo } from './repo.js';
import { firstItems } from '../helpers/items.js';
import { nth } from '../../src/indexed.js';
import { asRelationId, type RelationId } from '../../src/catalog/model.js';

const repoRoot = path.resolve(__dirname, '../..');
const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

function repo(): TempRepo {
  const r = new TempRepo();
  cleanup.push(() => r.cleanup());
  return r;
}

async function explain(relation: string, cwd: string): Promise<ExplainResult> {
  const out = await explainCommand(relation, [], { format: 'json' }, cwd);
  expect(out.code).toBe(0);
  return explainResultSchema.parse(JSON.parse(out.output));
}

function principal(result: ExplainResult, name: string) {
  const p = result.principals.find((x) => x.principal === name);
  expect(p, name).toBeDefined();
  return p!;
}

describe('spif explain', () => {
  it('gives the chain, and a verified smallest change whose SQL really stops the path', async () => {
    const r = repo().replace(
      'db/002_grants.sql',
      'GRANT SELECT (atena_no) ON bango TO app_soudan;',
      'GRANT SELECT (atena_no, kojin_bango) ON bango TO app_soudan;',
    );
    const result = await explain('soudan', r.dir);
    expect(result).toMatchObject({ relation: 'kyufu.public.soudan', classification: 'specific', basis: 'reachable' });
    const soudan = principal(result, 'soudan-system');
    expect(soudan).toMatchObject({
      status: 'reaches',
      numberColumn: 'kyufu.public.bango.kojin_bango',
      path: [{ from: 'kyufu.public.soudan.atena_no', to: 'kyufu.public.bango.atena_no', via: 'foreign-key' }],
    });
    const best = nth(soudan.suggestions!, 0);
    expect(best).toMatchObject({
      kind: 'revoke-column',
      target: 'kyufu.public.bango.kojin_bango',
      grantee: 'app_soudan',
      verified: true,
      columnsLost: 1,
    });
    expect(best.sql).toBe('REVOKE SELECT (kojin_bango) ON public.bango FROM app_soudan;');
    // Other principals: kyufu-system cannot read soudan; bango-system reads only bango.
    expect(principal(result, 'kyufu-system').status).toBe('cannot-read');

    r.append('db/002_grants.sql', `${best.sql}\n`);
    const after = await scan({ cwd: r.dir });
    const rel = after.report.relations.find((x) => x.id === 'kyufu.public.soudan')!;
    expect(rel.classification).toBe('not-specific');
    expect(rel.blocked).toContainEqual(
      expect.objectContaining({ principal: 'soudan-system', control: 'no-column-privilege' }),
    );
  });

  it('replaces a table-wide grant by column grants, and the suggested SQL keeps the other columns', async () => {
    const r = repo().replace(
      'db/002_grants.sql',
      'REVOKE SELECT ON bango FROM app_soudan;\nGRANT SELECT (atena_no) ON bango TO app_soudan;\n',
      '',
    );
    const result = await explain('kyufu.public.soudan', r.dir);
    const suggestions = principal(result, 'soudan-system').suggestions!;
    const table = suggestions.find((s) => s.target === 'kyufu.public.bango.kojin_bango')!;
    expect(table.kind).toBe('revoke-table');
    expect(table.sql).toBe(
      'REVOKE SELECT ON public.bango FROM app_soudan;\nGRANT SELECT (atena_no) ON public.bango TO app_soudan;',
    );
    expect(table.verified).toBe(true);
    r.append('db/002_grants.sql', `${table.sql}\n`);
    const after = await scan({ cwd: r.dir });
    expect(after.report.relations.find((x) => x.id === 'kyufu.public.soudan')!.classification).toBe('not-specific');
  });

  it('ranks a candidate that leaves another route (through a view) below one that is verified', async () => {
    // In the bundled sample, bango-system reaches the number from hihokensha through bango_kanri;
    // revoking bango_kanri.kojin_bango alone leaves v_bango_shokai.my_no, so it is not verified.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-explain-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(path.join(repoRoot, 'fixtures/insurer'), dir, { recursive: true });
    const result = await explain('shikaku.public.hihokensha', dir);
    const p = principal(result, 'bango-system');
    expect(p.status).toBe('reaches');
    const [best] = firstItems(p.suggestions!, 1);
    expect(best.verified).toBe(true);
    // Every candidate, not only the top three: the number-column revoke is there, and unverified.
    const scanned = await scan({ cwd: dir });
    const numbersByRelation = new Map<RelationId, NumberColumnHit[]>();
    for (const h of scanned.numbers.values())
      numbersByRelation.set(h.relation, [...(numbersByRelation.get(h.relation) ?? []), h]);
    const all = suggestAccessChanges(
      {
        catalog: scanned.catalog,
        graph: scanned.graph,
        numbersByRelation,
        principals: scanned.principals.principals,
        postgresVersion: 16,
      },
      scanned.principals.principals.find((x) => x.name === 'bango-system')!,
      asRelationId('shikaku.public.hihokensha'),
      p.path!,
      p.numberColumn!,
      50,
    );
    const numberOnly = all.find((s) => s.target === 'bango.public.bango_kanri.kojin_bango');
    expect(numberOnly).toMatchObject({ kind: 'revoke-table', verified: false });
    const lastVerified = all.map((s) => s.verified).lastIndexOf(true);
    expect(lastVerified).toBeGreaterThanOrEqual(0);
    expect(all.indexOf(numberOnly!)).toBeGreaterThan(lastVerified);
    // Apply the best change and scan again: bango-system no longer reaches the number from hihokensha.
    if (best.sql) fs.writeFileSync(path.join(dir, 'db/shikaku/099_fix.sql'), `${best.sql}\n`);
    else throw new Error(`expected SQL, got ${JSON.stringify(best)}`);
    const after = await scan({ cwd: dir });
    const rel = after.report.relations.find((x) => x.id === 'shikaku.public.hihokensha')!;
    expect(rel.reachable.map((x) => x.principal)).not.toContain('bango-system');
    // The blocked principals say what stops them.
    expect(principal(result, 'shikaku-system')).toMatchObject({ status: 'blocked' });
    expect(principal(result, 'shikaku-system').blocks).toContainEqual(
      expect.objectContaining({ control: 'no-column-privilege', at: 'bango.public.bango_kanri.kojin_bango' }),
    );
  });

  it('suggests removing a database from connects when that is the smaller change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-explain-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.cpSync(path.join(repoRoot, 'fixtures/insurer'), dir, { recursive: true });
    const result = await explain('chukan.public.renkei_rireki', dir);
    const p = principal(result, 'renkei-system');
    expect(p.status).toBe('reaches');
    const connect = p.suggestions!.find((s) => s.kind === 'remove-connect');
    expect(connect).toBeDefined();
    expect(nth(p.suggestions!, 0).verified).toBe(true);
  });

  it('without access control, names the unrestricted user and says what to declare', async () => {
    const r = new TempRepo({
      'schema.sql':
        'CREATE TABLE a (atena_no int PRIMARY KEY, kojin_bango char(12));\nCREATE TABLE b (id int, atena_no int REFERENCES a (atena_no));\n',
    });
    cleanup.push(() => r.cleanup());
    const result = await explain('b', r.dir);
    expect(result.principals).toHaveLength(1);
    expect(result.principals[0]).toMatchObject({ kind: 'unrestricted', status: 'reaches', suggestions: [] });
    expect(nth(result.principals, 0).note).toMatch(/no access control is declared/);
  });

  it('renders a readable chain in text and markdown, in Japanese too', async () => {
    const r = repo().replace(
      'db/002_grants.sql',
      'GRANT SELECT (atena_no) ON bango TO app_soudan;',
      'GRANT SELECT (atena_no, kojin_bango) ON bango TO app_soudan;',
    );
    const text = (await explainCommand('soudan', [], { lang: 'en' }, r.dir)).output;
    expect(text).toContain(
      'soudan-system: kyufu.public.soudan.atena_no →(foreign key) kyufu.public.bango.atena_no ⇒ kyufu.public.bango.kojin_bango',
    );
    expect(text).toContain(
      'smallest change that stops it: revoke SELECT on kyufu.public.bango.kojin_bango from app_soudan',
    );
    expect(text).toContain('REVOKE SELECT (kojin_bango) ON public.bango FROM app_soudan;');
    expect(text).toContain('1 column lost by this principal');
    expect(text).not.toMatch(/\b1 columns\b/);
    const md = (await explainCommand('soudan', [], { lang: 'en', format: 'markdown' }, r.dir)).output;
    expect(md).toContain('```sql');
    const ja = (await explainCommand('soudan', [], { lang: 'ja' }, r.dir)).output;
    expect(ja).toContain('経路を断つ最小の変更');
  });

  it('an unknown or ambiguous relation is a usage error', async () => {
    const r = repo();
    await expect(explainCommand('no_such_table', [], {}, r.dir)).rejects.toThrow(/no_such_table: no such relation/);
    await expect(explainCommand('public', [], {}, r.dir)).rejects.toThrow(/no such relation/);
  });
});

describe('explain states what the verdict rests on', () => {
  it("a link to another database spif cannot follow: the scan's assumption, in JSON, text (ja, en) and Markdown", async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const id = 'default.public.jumin_ft';
    const json = explainResultSchema.parse(
      JSON.parse((await explainCommand(id, ['fixtures/paths'], { format: 'json' }, root)).output),
    );
    expect(json.assumptions).toEqual([
      expect.stringMatching(/^cross-database-unknown:foreign-table:default\.public\.jumin_ft:/),
    ]);
    const ja = (await explainCommand(id, ['fixtures/paths'], { lang: 'ja' }, root)).output;
    expect(ja).toContain(
      '  前提: 他のデータベースへのリンク（外部テーブル default.public.jumin_ft）を追えない（サーバー jumin_srv: ',
    );
    const en = (await explainCommand(id, ['fixtures/paths'], { lang: 'en', format: 'markdown' }, root)).output;
    expect(en).toMatch(
      /^- Assumptions: a link to another database \(foreign-table default\.public\.jumin\\_ft\) cannot be followed/m,
    );
    // A relation with no assumption has none listed.
    const plain = explainResultSchema.parse(
      JSON.parse((await explainCommand('default.public.jumin', ['fixtures/paths'], { format: 'json' }, root)).output),
    );
    expect(plain.assumptions).toBeUndefined();
  });
});
