/** `spif check`: inventory coverage, strictness, suppressions, and every output format. */
import { afterEach, describe, expect, it } from 'vitest';
import { checkCommand, type CheckFlags } from '../../src/cli/commands/check.js';
import { checkResultSchema, type CheckResult, type Finding } from '../../src/gate/model.js';
import { TempRepo } from './repo.js';
import { firstItems } from '../helpers/items.js';
import { nth } from '../../src/indexed.js';

const repos: TempRepo[] = [];
function repo(): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  return r;
}
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

async function check(r: TempRepo, flags: Partial<CheckFlags> = {}): Promise<{ code: number; result: CheckResult }> {
  const out = await checkCommand([], { lang: 'en', ...flags, format: 'json' }, r.dir);
  return { code: out.code, result: checkResultSchema.parse(JSON.parse(out.output)) };
}

function findings(result: CheckResult, rule: string): Finding[] {
  return result.findings.filter((f) => f.rule === rule);
}

const LINK_JUKYU = 'ALTER TABLE jukyu ADD FOREIGN KEY (atena_no_ref) REFERENCES bango (atena_no);\n';

describe('spif check', () => {
  it('passes when every specific relation is in an inventory file', async () => {
    const { code, result } = await check(repo());
    expect(code).toBe(0);
    expect(result.passed).toBe(true);
    expect(result.findings).toEqual([]);
    expect(result.inventory).toEqual([
      { name: '番号ファイル', classification: 'specific', relations: ['kyufu.public.bango'] },
    ]);
  });

  it('fails on a specific relation no inventory file covers, naming the path and the files that do contain it', async () => {
    const r = repo().append('db/001_tables.sql', LINK_JUKYU);
    const { code, result } = await check(r);
    expect(code).toBe(1);
    const uncovered = findings(result, 'uncovered-specific');
    expect(uncovered.map((f) => f.relation)).toEqual(['kyufu.public.jukyu', 'kyufu.public.shiharai']);
    const jukyu = nth(uncovered, 0);
    expect(jukyu).toMatchObject({
      code: 'SPIF-CHECK-UNCOVERED',
      level: 'error',
      fails: true,
      location: { file: 'db/001_tables.sql', line: 6 },
    });
    expect(jukyu.evidence).toContainEqual({ kind: 'files', relation: 'kyufu.public.jukyu', files: ['給付ファイル'] });
    expect(jukyu.evidence).toContainEqual(
      expect.objectContaining({
        kind: 'path',
        principal: 'kyufu-system',
        numberColumn: 'kyufu.public.bango.kojin_bango',
      }),
    );
  });

  it('an inventory file that is no longer specific is a warning, and fails with --strict or check.strict', async () => {
    const r = repo().replace(
      'spif.config.yaml',
      'inventory: [番号ファイル]',
      'inventory: [番号ファイル, 相談ファイル]',
    );
    const lax = await check(r);
    expect(lax.code).toBe(0);
    const [f] = firstItems(findings(lax.result, 'inventory-not-specific'), 1);
    expect(f).toMatchObject({ file: '相談ファイル', level: 'warning', fails: false });
    expect(f.evidence).toContainEqual({
      kind: 'member',
      relation: 'kyufu.public.soudan',
      classification: 'not-specific',
      basis: 'access-controlled',
    });
    expect(f.evidence).toContainEqual(
      expect.objectContaining({ kind: 'block', block: expect.objectContaining({ control: 'no-column-privilege' }) }),
    );
    expect((await check(r, { strict: true })).code).toBe(1);
    r.append('spif.config.yaml', 'check:\n  strict: true\n');
    const strict = await check(r);
    expect(strict.code).toBe(1);
    expect(strict.result.strict).toBe(true);
  });

  it('error diagnostics fail the gate (a source not fully read never passes), unless suppressed by code', async () => {
    const r = repo().write('db/009_broken.sql', 'CREATE TABLE ok_table (a int);\nCREATE TABLE broken (;\n');
    const lax = await check(r);
    expect(lax.code).toBe(1);
    const [d] = findings(lax.result, 'error-diagnostic');
    expect(d).toMatchObject({
      code: 'SPIF-SQL-SYNTAX',
      level: 'error',
      fails: true,
      location: { file: 'db/009_broken.sql', line: 2 },
    });
    const strict = await check(r, { strict: true });
    expect(strict.code).toBe(1);
    expect(findings(strict.result, 'error-diagnostic')[0]).toMatchObject({ level: 'error', fails: true });
    // A suppression names the diagnostic by its own code.
    r.append('spif.config.yaml', 'suppressions:\n  - rule: SPIF-SQL-SYNTAX\n    reason: vendor dump, fixed upstream\n');
    const suppressed = await check(r, { strict: true });
    expect(suppressed.code).toBe(0);
    expect(findings(suppressed.result, 'error-diagnostic')[0]).toMatchObject({
      fails: false,
      suppressed: { reason: 'vendor dump, fixed upstream' },
    });
  });

  it('a warning diagnostic is a warning finding, as in scan: listed, counted by --max-warnings, failing with --strict', async () => {
    // PostgreSQL rejects a second CREATE TABLE of the same name; spif reads on with a warning (SPIF-SQL-DUPLICATE).
    const r = repo().write('db/009_again.sql', 'CREATE TABLE ok_table (a int);\nCREATE TABLE ok_table (b int);\n');
    const lax = await check(r);
    expect(lax.code).toBe(0);
    expect(findings(lax.result, 'warning-diagnostic')).toEqual([
      expect.objectContaining({
        code: 'SPIF-SQL-DUPLICATE',
        level: 'warning',
        fails: false,
        location: expect.objectContaining({ file: 'db/009_again.sql', line: 2 }),
      }),
    ]);
    expect((await check(r, { maxWarnings: 0 })).code).toBe(1);
    const strict = await check(r, { strict: true });
    expect(strict.code).toBe(1);
    expect(findings(strict.result, 'warning-diagnostic')[0]).toMatchObject({ level: 'error', fails: true });
    const text = await checkCommand([], { lang: 'en' }, r.dir);
    expect(text.output).toMatch(
      /! warning SPIF-SQL-DUPLICATE db\/009_again\.sql:2\n {4}source warning: SPIF-SQL-DUPLICATE /,
    );
  });

  it('without an inventory no relation counts as declared', async () => {
    const r = repo().replace('spif.config.yaml', 'inventory: [番号ファイル]\n', '');
    const { code, result } = await check(r);
    expect(code).toBe(1);
    expect(result.inventoryDeclared).toBe(false);
    expect(findings(result, 'uncovered-specific').map((f) => f.relation)).toEqual(['kyufu.public.bango']);
    const text = await checkCommand([], { lang: 'en' }, r.dir);
    expect(text.output).toContain('the config has no inventory');
  });

  it('suppressions: reason shown in every format, the finding no longer fails, an unused one is a warning', async () => {
    const reason = '給付ファイルは次回の評価で追加予定（2025年度）';
    const r = repo()
      .append('db/001_tables.sql', LINK_JUKYU)
      .append(
        'spif.config.yaml',
        `suppressions:
  - relation: "kyufu.public.*"
    rule: uncovered-specific
    reason: ${reason}
  - relation: kyufu.public.nothing_here
    reason: stale entry
`,
      );
    const { code, result } = await check(r);
    expect(code).toBe(0);
    for (const f of findings(result, 'uncovered-specific'))
      expect(f).toMatchObject({ fails: false, suppressed: { reason, rule: 'uncovered-specific' } });
    expect(result.summary.suppressed).toBe(2);
    const [unused] = firstItems(findings(result, 'suppression-unused'), 1);
    expect(unused).toMatchObject({ level: 'warning', fails: false });
    expect(unused.message).toContain(
      'suppressions[1] relation kyufu.public.nothing_here matches nothing (reason: stale entry)',
    );
    expect((await check(r, { strict: true })).code).toBe(1);

    const text = await checkCommand([], { lang: 'en' }, r.dir);
    expect(text.output).toContain(`suppressed — reason: ${reason}`);
    const ja = await checkCommand([], { lang: 'ja' }, r.dir);
    expect(ja.output).toContain(`抑止 — 理由: ${reason}`);
    const md = await checkCommand([], { lang: 'en', format: 'markdown' }, r.dir);
    expect(md.output).toContain(`🔕 **suppressed** — reason: ${reason}`);
    const sarif = JSON.parse((await checkCommand([], { format: 'sarif' }, r.dir)).output);
    const suppressed = sarif.runs[0].results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
    expect(suppressed).toHaveLength(2);
    expect(suppressed[0].suppressions[0]).toEqual({ kind: 'external', status: 'accepted', justification: reason });
  });

  it('markdown and text name the verdict and the finding', async () => {
    const r = repo().append('db/001_tables.sql', LINK_JUKYU);
    const md = await checkCommand([], { lang: 'en', format: 'markdown' }, r.dir);
    expect(md.output.split('\n')[0]).toMatch(/^## ❌ spif check: .*: failed$/);
    expect(md.output).toContain(
      '❌ **error** `SPIF-CHECK-UNCOVERED` `kyufu.public.jukyu` is specific (reaches the number) but no inventory file covers it',
    );
    expect(md.output).toContain('in named files missing from the inventory: `給付ファイル`');
    const text = await checkCommand([], { lang: 'en' }, r.dir);
    expect(text.output).toMatch(/✗ error SPIF-CHECK-UNCOVERED db\/001_tables\.sql:6/);
  });
});

describe('spif check --format sarif', () => {
  it('is SARIF 2.1.0 with rules, located results and fingerprints that survive moved lines', async () => {
    const r = repo().append('db/001_tables.sql', LINK_JUKYU);
    const before = JSON.parse((await checkCommand([], { format: 'sarif' }, r.dir)).output);
    expect(before.version).toBe('2.1.0');
    const run = before.runs[0];
    expect(run.tool.driver.name).toBe('spif');
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['SPIF-CHECK-UNCOVERED']);
    expect(run.results).toHaveLength(2);
    const jukyu = run.results.find(
      (x: { properties: { relation: string } }) => x.properties.relation === 'kyufu.public.jukyu',
    );
    expect(jukyu).toMatchObject({
      ruleId: 'SPIF-CHECK-UNCOVERED',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'db/001_tables.sql' }, region: { startLine: 6 } } }],
    });
    expect(jukyu.message.text).toContain('kyufu.public.jukyu is specific');

    // Three lines added above: the line moves, the fingerprint does not.
    r.write('db/001_tables.sql', `-- a\n-- b\n-- c\n${r.read('db/001_tables.sql')}`);
    const after = JSON.parse((await checkCommand([], { format: 'sarif' }, r.dir)).output);
    const moved = after.runs[0].results.find(
      (x: { properties: { relation: string } }) => x.properties.relation === 'kyufu.public.jukyu',
    );
    expect(moved.locations[0].physicalLocation.region.startLine).toBe(9);
    expect(moved.partialFingerprints).toEqual(jukyu.partialFingerprints);
    const fingerprints = after.runs[0].results.map(
      (x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['spifFinding/v1'],
    );
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('places findings without a source line on the config file', async () => {
    const r = repo().replace(
      'spif.config.yaml',
      'inventory: [番号ファイル]',
      'inventory: [番号ファイル, 相談ファイル]',
    );
    const sarif = JSON.parse((await checkCommand([], { format: 'sarif' }, r.dir)).output);
    expect(sarif.runs[0].results[0]).toMatchObject({
      ruleId: 'SPIF-CHECK-NOT-SPECIFIC',
      level: 'warning',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'spif.config.yaml' }, region: { startLine: 1 } } }],
    });
  });
});
