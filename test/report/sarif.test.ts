/**
 * SARIF output, validated against the official SARIF 2.1.0 JSON Schema
 * (test/report/sarif-schema-2.1.0.json, copied unchanged from github.com/oasis-tcs/sarif-spec,
 * sarif-2.1/schema/sarif-schema-2.1.0.json at commit e0583813964ec43cea53b6b531b402866095ed1f).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { scan } from '../../src/pipeline.js';
import { SARIF_RULES, buildSarif } from '../../src/report/sarif.js';
import { nth } from '../../src/indexed.js';

// The schema is draft-04; Ajv 8 reads it as draft-07 once `id` is `$id` (no other draft-04-only keyword is used).
const schemaText = fs.readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8');
const { id, $schema: _drop, ...rest } = JSON.parse(schemaText) as Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const validate = ajv.compile({ $id: id as string, ...rest });

type Sarif = { runs: { tool: { driver: { rules: { id: string }[] } }; results: Result[] }[] };
type Result = {
  ruleId: string;
  ruleIndex: number;
  message: { text: string };
  partialFingerprints: Record<string, string>;
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
};

function sarifOf(result: Awaited<ReturnType<typeof scan>>, lang: 'ja' | 'en' = 'en'): Sarif {
  return buildSarif(result.report, { lang, scan: result }) as Sarif;
}

describe('SARIF for the bundled sample', () => {
  let sarif: Sarif;
  beforeAll(async () => {
    sarif = sarifOf(await scan({ paths: ['fixtures/insurer'] }), 'ja');
  });
  it('validates against the SARIF 2.1.0 schema', () => {
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('has one rule per finding kind and results that point at them', () => {
    const rules = nth(sarif.runs, 0).tool.driver.rules.map((r) => r.id);
    for (const id of Object.values(SARIF_RULES)) expect(rules).toContain(id);
    for (const r of nth(sarif.runs, 0).results) expect(rules[r.ruleIndex]).toBe(r.ruleId);
  });
  it('puts each finding on its DDL line, with a repo-relative uri', () => {
    const results = nth(sarif.runs, 0).results;
    const kojin = results.find((r) => r.ruleId === SARIF_RULES.holdsNumber && r.message.text.includes('kojin_bango'))!;
    expect(nth(kojin.locations!, 0).physicalLocation.artifactLocation.uri).toBe(
      'fixtures/insurer/db/bango/001_tables.sql',
    );
    expect(nth(kojin.locations!, 0).physicalLocation.region.startLine).toBe(4);
    const hihokensha = results.find(
      (r) => r.ruleId === SARIF_RULES.reachable && r.message.text.includes('shikaku.public.hihokensha'),
    )!;
    expect(nth(hihokensha.locations!, 0).physicalLocation.region.startLine).toBe(2);
    // Three number columns (bango_kanri, v_bango_shokai, fugo_kanri); three relations reach one.
    expect(results.filter((r) => r.ruleId === SARIF_RULES.holdsNumber)).toHaveLength(3);
    expect(results.filter((r) => r.ruleId === SARIF_RULES.reachable)).toHaveLength(3);
  });
  it('has distinct fingerprints', () => {
    const prints = nth(sarif.runs, 0).results.map((r) => r.partialFingerprints['spifFinding/v1']);
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe('SARIF fingerprints survive edits that move lines', () => {
  it('inserting lines above every table changes locations but not fingerprints', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-sarif-'));
    fs.cpSync('fixtures/insurer', dir, { recursive: true });
    const before = sarifOf(await scan({ paths: [dir], cwd: dir }));
    for (const f of fs.readdirSync(path.join(dir, 'db'), { recursive: true, withFileTypes: true })) {
      if (!f.isFile() || !f.name.endsWith('.sql')) continue;
      const p = path.join(f.parentPath, f.name);
      fs.writeFileSync(p, `-- moved\n\n\n${fs.readFileSync(p, 'utf8')}`);
    }
    const after = sarifOf(await scan({ paths: [dir], cwd: dir }));
    const key = (s: Sarif) =>
      nth(s.runs, 0)
        .results.map((r) => `${r.ruleId} ${r.partialFingerprints['spifFinding/v1']}`)
        .sort();
    expect(key(after)).toEqual(key(before));
    const line = (s: Sarif) => nth(nth(nth(s.runs, 0).results, 0).locations!, 0).physicalLocation.region.startLine;
    expect(line(after)).toBe(line(before) + 3);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the link blocked only by a declaration', () => {
  it('is reported when connects alone keeps a principal from a number its roles could read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-declared-'));
    fs.mkdirSync(path.join(dir, 'a'));
    fs.mkdirSync(path.join(dir, 'b'));
    fs.writeFileSync(
      path.join(dir, 'a', 'a.sql'),
      `CREATE TABLE bango (atena_no text PRIMARY KEY, kojin_bango char(12));
CREATE ROLE app LOGIN;
GRANT SELECT ON bango TO app;\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'b', 'b.sql'),
      `CREATE TABLE jukyu (jukyu_id bigint PRIMARY KEY, atena_no text);
CREATE ROLE app LOGIN;
CREATE ROLE other LOGIN;
GRANT SELECT ON jukyu TO app;\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      `version: 1
databases:
  - { name: a, sources: ["a/*.sql"] }
  - { name: b, sources: ["b/*.sql"] }
principals:
  - { name: app-system, connects: [b], roles: [app] }
links:
  - [b.public.jukyu.atena_no, a.public.bango.atena_no]
`,
    );
    const result = await scan({ paths: [dir], cwd: dir });
    expect(result.report.relations.find((r) => r.id === 'b.public.jukyu')!.basis).toBe('access-controlled');
    const sarif = sarifOf(result);
    expect(validate(sarif)).toBe(true);
    const found = nth(sarif.runs, 0).results.filter((r) => r.ruleId === SARIF_RULES.declaredOnly);
    expect(found).toHaveLength(1);
    expect(nth(found, 0).message.text).toContain('b.public.jukyu');
    expect(nth(found, 0).message.text).toContain('app-system');
    expect(nth(nth(found, 0).locations!, 0).physicalLocation.artifactLocation.uri).toBe('b/b.sql');
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('is not reported for the sample: the bango grants stop kyufu-system as well', async () => {
    const sarif = sarifOf(await scan({ paths: ['fixtures/insurer'] }));
    expect(nth(sarif.runs, 0).results.filter((r) => r.ruleId === SARIF_RULES.declaredOnly)).toEqual([]);
  });
});

describe('a specific file missing from the inventory', () => {
  it('is reported on the config file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-inventory-'));
    fs.cpSync('fixtures/insurer', dir, { recursive: true });
    const config = path.join(dir, 'spif.config.yaml');
    fs.writeFileSync(
      config,
      fs
        .readFileSync(config, 'utf8')
        .replace(
          'inventory: [個人番号管理ファイル, 被保険者資格ファイル, 中間サーバー連携ファイル]',
          'inventory: [個人番号管理ファイル, 被保険者資格ファイル]',
        ),
    );
    const result = await scan({ paths: [dir], cwd: dir });
    const sarif = buildSarif(result.report, { lang: 'ja', scan: result, cwd: dir }) as Sarif;
    expect(validate(sarif)).toBe(true);
    const found = nth(sarif.runs, 0).results.filter((r) => r.ruleId === SARIF_RULES.notInInventory);
    expect(found.map((r) => r.message.text)).toEqual([
      '評価書のファイル 中間サーバー連携ファイル は特定個人情報ファイルに該当するが、inventory（現在の評価書の記載）にない',
    ]);
    expect(nth(nth(found, 0).locations!, 0).physicalLocation.artifactLocation.uri).toBe('spif.config.yaml');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('one rule-id scheme for scan, check and diff', () => {
  /** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
  const slug = (heading: string) =>
    heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .replace(/\s/g, '-');
  const anchorsOf = (file: string) =>
    new Set(
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => /^#{1,6} /.test(l))
        .map((l) => slug(l.replace(/^#+ /, ''))),
    );

  it('every rule id is a SPIF code with a helpUri to a docs heading that exists, the old ids kept as deprecatedIds', async () => {
    const { checkCommand } = await import('../../src/cli/commands/check.js');
    const { TempRepo } = await import('../gate/repo.js');
    const repo = new TempRepo();
    repo.append(
      'db/001_tables.sql',
      'ALTER TABLE jukyu ADD FOREIGN KEY (atena_no_ref) REFERENCES bango (atena_no);\nCREATE TABLE broken (;\n',
    );
    try {
      const scanSarif = sarifOf(await scan({ cwd: repo.dir }));
      const check = JSON.parse((await checkCommand([], { format: 'sarif' }, repo.dir)).output) as Sarif;
      const { diffCommand } = await import('../../src/cli/commands/diff.js');
      const diff = JSON.parse((await diffCommand([], { base: 'HEAD', format: 'sarif' }, repo.dir)).output) as Sarif;
      type Rule = { id: string; helpUri: string; help: { markdown: string }; deprecatedIds?: string[] };
      const rules = [scanSarif, check, diff].flatMap((s) => nth(s.runs, 0).tool.driver.rules as unknown as Rule[]);
      expect(rules.map((r) => r.id)).toEqual(
        expect.arrayContaining([
          'SPIF-SCAN-REACHABLE',
          'SPIF-CHECK-UNCOVERED',
          'SPIF-DIFF-BECAME-SPECIFIC',
          'SPIF-SQL-SYNTAX',
        ]),
      );
      for (const r of rules) {
        expect(r.id).toMatch(/^SPIF-[A-Z0-9]+(-[A-Z0-9]+)*$/);
        const url = new URL(r.helpUri);
        expect(url.protocol).toBe('file:');
        const page = decodeURIComponent(url.pathname);
        expect(fs.existsSync(page), page).toBe(true);
        expect(anchorsOf(page), `${r.id} → ${r.helpUri}`).toContain(url.hash.slice(1));
        expect(r.help.markdown).toMatch(/\]\(docs\/[a-z-]+\.md#/);
      }
      // With a published repository in package.json, the same page at the release tag.
      const { helpUri, publishedDocsBase } = await import('../../src/report/help-uri.js');
      const published = publishedDocsBase({
        version: '0.2.0',
        repository: { url: 'git+https://github.com/acme/spif.git' },
      });
      expect(published).toBe('https://github.com/acme/spif/blob/v0.2.0/docs/');
      expect(helpUri({ page: 'ci.md', anchor: 'spif-check' }, published)).toBe(
        'https://github.com/acme/spif/blob/v0.2.0/docs/ci.md#spif-check',
      );
      expect(publishedDocsBase({ version: '1.0.0', homepage: 'https://gitlab.example.jp/pia/spif#readme' })).toBe(
        'https://gitlab.example.jp/pia/spif/blob/v1.0.0/docs/',
      );
      expect(publishedDocsBase({ repository: 'github:acme/spif' })).toBe(
        'https://github.com/acme/spif/blob/HEAD/docs/',
      );
      expect(publishedDocsBase({ version: '0.1.0' })).toBeUndefined();
      expect(publishedDocsBase({ repository: 'file:../spif' })).toBeUndefined();
      // The same diagnostic has the same id and level in scan and check.
      const level = (s: Sarif, id: string) =>
        (nth(s.runs, 0).results as unknown as { ruleId: string; level: string }[]).find((x) => x.ruleId === id)?.level;
      expect(level(scanSarif, 'SPIF-SQL-SYNTAX')).toBe('error');
      expect(level(check, 'SPIF-SQL-SYNTAX')).toBe('error');
      expect(
        (nth(scanSarif.runs, 0).tool.driver.rules as unknown as Rule[]).find((r) => r.id === SARIF_RULES.reachable)!
          .deprecatedIds,
      ).toEqual(['spif/reachable']);
      expect(validate(check)).toBe(true);
      expect(validate(diff)).toBe(true);
    } finally {
      repo.cleanup();
    }
  });
});
