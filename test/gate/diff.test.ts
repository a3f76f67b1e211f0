/**
 * `spif diff` against temporary git repositories: each scenario of the issue (added FK, widened
 * grant, new view exposing the number, dropped REVOKE, renamed database) changes the working tree
 * or commits, and the named changes, their evidence and the exit code are checked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { diffCommand, type DiffFlags } from '../../src/cli/commands/diff.js';
import { diffResultSchema, type Change, type DiffResult } from '../../src/gate/model.js';
import { TempRepo, git } from './repo.js';
import { nth } from '../../src/indexed.js';

const repos: TempRepo[] = [];
function repo(files?: Record<string, string>): TempRepo {
  const r = new TempRepo(files);
  repos.push(r);
  return r;
}
afterEach(() => {
  while (repos.length) repos.pop()!.cleanup();
});

async function diff(
  r: TempRepo,
  flags: Partial<DiffFlags> = {},
  paths: string[] = [],
): Promise<{ code: number; result: DiffResult }> {
  const out = await diffCommand(paths, { base: 'HEAD', lang: 'en', ...flags, format: 'json' }, r.dir);
  return { code: out.code, result: diffResultSchema.parse(JSON.parse(out.output)) };
}

function kinds(result: DiffResult, relation?: string): string[] {
  return result.changes.filter((c) => relation === undefined || c.relation === relation).map((c) => c.kind);
}

function one(result: DiffResult, kind: string, relation?: string): Change {
  const found = result.changes.filter((c) => c.kind === kind && (relation === undefined || c.relation === relation));
  expect(
    found,
    `${kind} ${relation ?? ''}: ${JSON.stringify(result.changes.map((c) => [c.kind, c.relation]))}`,
  ).toHaveLength(1);
  return nth(found, 0);
}

describe('spif diff', () => {
  it('reports nothing and passes when the working tree equals the base', async () => {
    const r = repo();
    const { code, result } = await diff(r);
    expect(code).toBe(0);
    expect(result.passed).toBe(true);
    expect(result.changes).toEqual([]);
    expect(result.base.summary).toEqual({ relations: 4, specific: 1 });
    expect(result.head.summary).toEqual({ relations: 4, specific: 1 });
  });

  it('added FK: the linked tables become specific, with the foreign-key path as evidence; git state untouched', async () => {
    const r = repo();
    r.append(
      'db/001_tables.sql',
      'ALTER TABLE jukyu ADD CONSTRAINT jukyu_bango_fk FOREIGN KEY (atena_no_ref) REFERENCES bango (atena_no);\n',
    );
    const statusBefore = r.status();
    const headBefore = git(r.dir, 'rev-parse', 'HEAD');
    const { code, result } = await diff(r);
    expect(code).toBe(1);
    const jukyu = one(result, 'became-specific', 'kyufu.public.jukyu');
    expect(jukyu.fails).toBe(true);
    expect(jukyu.before).toEqual({ classification: 'not-specific', basis: 'unlinked' });
    expect(jukyu.after).toEqual({ classification: 'specific', basis: 'reachable' });
    expect(jukyu.evidence).toContainEqual({
      kind: 'path',
      relation: 'kyufu.public.jukyu',
      principal: 'kyufu-system',
      numberColumn: 'kyufu.public.bango.kojin_bango',
      path: [{ from: 'kyufu.public.jukyu.atena_no_ref', to: 'kyufu.public.bango.atena_no', via: 'foreign-key' }],
    });
    // shiharai reaches through jukyu: two hops.
    const shiharai = one(result, 'became-specific', 'kyufu.public.shiharai');
    const path = shiharai.evidence.find((e) => e.kind === 'path');
    expect(path?.kind === 'path' && path.path.map((s) => s.via)).toEqual(['foreign-key', 'foreign-key']);
    expect(one(result, 'path-added', 'kyufu.public.jukyu').principal).toBe('kyufu-system');
    one(result, 'file-became-specific');
    // Reading the base never touched the working tree, the index or HEAD.
    expect(r.status()).toBe(statusBefore);
    expect(git(r.dir, 'rev-parse', 'HEAD')).toBe(headBefore);
    expect(r.read('db/001_tables.sql')).toContain('jukyu_bango_fk');
  });

  it('widened grant: a column grant that now includes the number removes the block and adds the path', async () => {
    const r = repo();
    r.replace(
      'db/002_grants.sql',
      'GRANT SELECT (atena_no) ON bango TO app_soudan;',
      'GRANT SELECT (atena_no, kojin_bango) ON bango TO app_soudan;',
    );
    const { code, result } = await diff(r);
    expect(code).toBe(1);
    const became = one(result, 'became-specific', 'kyufu.public.soudan');
    expect(became.before).toEqual({ classification: 'not-specific', basis: 'access-controlled' });
    const removed = one(result, 'block-removed', 'kyufu.public.soudan');
    expect(removed.evidence[0]).toMatchObject({
      kind: 'block',
      block: { principal: 'soudan-system', control: 'no-column-privilege', at: 'kyufu.public.bango.kojin_bango' },
    });
    expect(removed.evidence[1]).toMatchObject({
      kind: 'path',
      principal: 'soudan-system',
      path: [{ from: 'kyufu.public.soudan.atena_no', via: 'foreign-key' }],
    });
    // On the number table itself, soudan-system is a new direct reader.
    expect(one(result, 'path-added', 'kyufu.public.bango').evidence[0]).toMatchObject({
      kind: 'path',
      principal: 'soudan-system',
      path: [],
    });
  });

  it('new view exposing the number: a new specific relation and a new number column from view lineage', async () => {
    const r = repo();
    r.write(
      'db/003_views.sql',
      `CREATE VIEW v_soudan_bango AS
    SELECT s.soudan_id, b.kojin_bango AS my_no
    FROM soudan s JOIN bango b ON b.atena_no = s.atena_no;
GRANT SELECT ON v_soudan_bango TO app_soudan;
`,
    );
    const { code, result } = await diff(r);
    expect(code).toBe(1);
    const view = one(result, 'became-specific', 'kyufu.public.v_soudan_bango');
    expect(view.before).toBeUndefined();
    expect(view.after).toEqual({ classification: 'specific', basis: 'holds-number' });
    const col = one(result, 'number-column-added', 'kyufu.public.v_soudan_bango');
    expect(col.evidence[0]).toMatchObject({
      kind: 'number-column',
      numberColumn: { column: 'my_no', rule: 'view-lineage' },
    });
    expect(col.location?.file).toBe('db/003_views.sql');
    // Through the view, soudan-system now reaches the number from soudan as well.
    expect(kinds(result, 'kyufu.public.soudan')).toContain('became-specific');
  });

  it('dropped REVOKE: the table-wide grant now covers the number table', async () => {
    const r = repo();
    r.replace('db/002_grants.sql', 'REVOKE SELECT ON bango FROM app_soudan;\n', '');
    const { code, result } = await diff(r);
    expect(code).toBe(1);
    one(result, 'became-specific', 'kyufu.public.soudan');
    expect(one(result, 'block-removed', 'kyufu.public.soudan').evidence[0]).toMatchObject({
      block: { control: 'no-column-privilege' },
    });
    expect(one(result, 'path-added', 'kyufu.public.bango').principal).toBe('soudan-system');
  });

  it('added REVOKE: the path goes, the control that stops it is named, and the gate passes', async () => {
    const r = repo();
    r.append('db/002_grants.sql', 'REVOKE SELECT ON bango FROM app_kyufu;\n');
    const { code, result } = await diff(r);
    expect(code).toBe(0);
    const removed = one(result, 'path-removed', 'kyufu.public.bango');
    expect(removed.principal).toBe('kyufu-system');
    expect(removed.fails).toBe(false);
  });

  it('renamed database: paired by contents, compared under the new name, nothing became specific', async () => {
    const r = repo();
    r.replace('spif.config.yaml', '  - name: kyufu\n', '  - name: kyufu_db\n');
    r.write(
      'spif.config.yaml',
      r
        .read('spif.config.yaml')
        .replaceAll('kyufu.public.', 'kyufu_db.public.')
        .replace(/connects: \[kyufu\]/g, 'connects: [kyufu_db]'),
    );
    const { code, result } = await diff(r);
    expect(code).toBe(0);
    expect(result.databaseRenames).toEqual([{ from: 'kyufu', to: 'kyufu_db' }]);
    expect(kinds(result)).toEqual(['database-renamed']);
  });

  it('renamed database plus a widened grant: the change is reported under the new id', async () => {
    const r = repo();
    r.write(
      'spif.config.yaml',
      r
        .read('spif.config.yaml')
        .replace('  - name: kyufu\n', '  - name: kyufu_db\n')
        .replaceAll('kyufu.public.', 'kyufu_db.public.')
        .replace(/connects: \[kyufu\]/g, 'connects: [kyufu_db]'),
    );
    r.replace(
      'db/002_grants.sql',
      'GRANT SELECT (atena_no) ON bango TO app_soudan;',
      'GRANT SELECT ON bango TO app_soudan;',
    );
    r.commit('rename and widen');
    const { code, result } = await diff(r, { base: 'HEAD~1' });
    expect(code).toBe(1);
    one(result, 'database-renamed');
    one(result, 'became-specific', 'kyufu_db.public.soudan');
    expect(result.changes.some((c) => c.relation?.startsWith('kyufu.'))).toBe(false);
  });

  it('compares committed history too (base HEAD~1, clean working tree)', async () => {
    const r = repo();
    r.append('db/001_tables.sql', 'ALTER TABLE jukyu ADD FOREIGN KEY (atena_no_ref) REFERENCES bango (atena_no);\n');
    const head = r.commit('link jukyu');
    const { code, result } = await diff(r, { base: 'HEAD~1' });
    expect(code).toBe(1);
    one(result, 'became-specific', 'kyufu.public.jukyu');
    expect(result.base.commit).not.toBe(head);
    expect(r.status()).toBe('');
  });

  it('config renamed between the refs: each side uses its own, and the rename is noted', async () => {
    const r = repo();
    r.rename('spif.config.yaml', 'spif.config.yml');
    const { code, result } = await diff(r);
    expect(code).toBe(0);
    expect(result.changes).toEqual([]);
    expect(result.base.config).toBe('spif.config.yaml');
    expect(result.head.config).toBe('spif.config.yml');
    expect(result.notes.join('\n')).toContain('config renamed: spif.config.yaml → spif.config.yml');
  });

  it('config added since the base: the base is scanned with defaults; the database "default" pairs with the new name', async () => {
    const r = repo({
      'db/001_tables.sql': (await import('./repo.js')).BASE_SCHEMA,
      'db/002_grants.sql': (await import('./repo.js')).BASE_GRANTS,
    });
    r.write('spif.config.yaml', (await import('./repo.js')).BASE_CONFIG);
    const { result } = await diff(r);
    expect(result.base.config).toBeUndefined();
    expect(result.notes.join('\n')).toMatch(/no config at HEAD/);
    expect(result.databaseRenames).toEqual([{ from: 'default', to: 'kyufu' }]);
    // Both sides agree on what is specific; only the principals changed (roles → declared systems).
    expect(kinds(result).filter((k) => k === 'became-specific')).toEqual([]);
  });

  it('an invalid config at the base does not block the change that fixes it', async () => {
    const r = repo();
    r.write('spif.config.yaml', `${r.read('spif.config.yaml')}princpals: []\n`);
    r.commit('broken config');
    r.write('spif.config.yaml', r.read('spif.config.yaml').replace('princpals: []\n', ''));
    const { code, result } = await diff(r);
    expect(code).toBe(0);
    expect(result.notes.join('\n')).toMatch(/was invalid/);
  });

  it('failOnBecameSpecific: false reports the change as a warning and passes; --fail-on makes any kind fail', async () => {
    const r = repo();
    r.replace(
      'spif.config.yaml',
      'inventory: [番号ファイル]\n',
      'inventory: [番号ファイル]\ncheck:\n  failOnBecameSpecific: false\n',
    );
    r.commit('no fail');
    r.replace('db/002_grants.sql', 'REVOKE SELECT ON bango FROM app_soudan;\n', '');
    const relaxed = await diff(r);
    expect(relaxed.code).toBe(0);
    expect(one(relaxed.result, 'became-specific', 'kyufu.public.soudan')).toMatchObject({
      level: 'warning',
      fails: false,
    });
    const strict = await diff(r, { failOn: 'path-added,block-removed' });
    expect(strict.code).toBe(1);
    expect(strict.result.failOn).toEqual(['path-added', 'block-removed']);
    expect(one(strict.result, 'block-removed', 'kyufu.public.soudan').fails).toBe(true);
    await expect(diffCommand([], { base: 'HEAD', failOn: 'became-specfic' }, r.dir)).rejects.toThrow(
      /unknown change kind became-specfic/,
    );
  });

  it('a suppression with its reason lets the change pass, and says so in every format', async () => {
    const r = repo();
    const reason = '評価書 第3版で相談ファイルを追加済み';
    r.append(
      'spif.config.yaml',
      `suppressions:\n  - relation: kyufu.public.soudan\n    rule: became-specific\n    reason: ${reason}\n  - rule: number-column-added\n    reason: no such change here\n`,
    );
    r.commit('suppress');
    r.replace('db/002_grants.sql', 'REVOKE SELECT ON bango FROM app_soudan;\n', '');
    const { code, result } = await diff(r);
    expect(code).toBe(0);
    expect(one(result, 'became-specific', 'kyufu.public.soudan')).toMatchObject({
      fails: false,
      suppressed: { reason },
    });
    // The suppression for a change kind that did not happen is itself reported.
    expect(one(result, 'suppression-unused').message).toMatch(/rule number-column-added matches nothing/);
    for (const format of ['text', 'markdown', 'sarif']) {
      const out = await diffCommand([], { base: 'HEAD', lang: 'en', format }, r.dir);
      expect(out.output, format).toContain(reason);
    }
  });

  it('markdown is a PR comment: marker, verdict, base commit, counts, evidence per relation', async () => {
    const r = repo();
    r.append('db/001_tables.sql', 'ALTER TABLE jukyu ADD FOREIGN KEY (atena_no_ref) REFERENCES bango (atena_no);\n');
    const out = await diffCommand([], { base: 'HEAD', lang: 'en', format: 'markdown' }, r.dir);
    expect(out.code).toBe(1);
    const lines = out.output.split('\n');
    expect(lines[0]).toBe('<!-- spif-diff -->');
    expect(lines[1]).toMatch(/^## ❌ spif diff: .*: failed$/);
    expect(out.output).toMatch(/Specific personal information files: 1 → 3/);
    // Headings go one level at a time (## then ###), as Markdown linters (MD001) expect.
    expect(out.output).toContain('\n### `kyufu.public.jukyu`');
    expect(out.output).not.toMatch(/^####/m);
    expect(out.output).toContain(
      '`kyufu.public.jukyu.atena_no_ref` →(foreign key) `kyufu.public.bango.atena_no` ⇒ `kyufu.public.bango.kojin_bango`',
    );
    const ja = await diffCommand([], { base: 'HEAD', lang: 'ja', format: 'markdown' }, r.dir);
    expect(ja.output).toContain('特定個人情報ファイルに該当するようになった');
  });

  it('scans only the given paths on both sides', async () => {
    const r = repo({
      'db/001_tables.sql': (await import('./repo.js')).BASE_SCHEMA,
      'other/x.sql': 'CREATE TABLE t (kojin_bango char(12));\n',
    });
    r.append('other/x.sql', 'CREATE TABLE u (my_number char(12));\n');
    const { code, result } = await diff(r, {}, ['db']);
    expect(code).toBe(0);
    expect(result.changes).toEqual([]);
    const all = await diff(r, {}, ['.']);
    expect(all.code).toBe(1);
    one(all.result, 'became-specific', 'default.public.u');
  });

  it("fails on the head's error diagnostics whatever changed, and lists only new warning diagnostics", async () => {
    const r = repo();
    r.write('db/009_again.sql', 'CREATE TABLE ok_table (a int);\nCREATE TABLE ok_table (b int);\n');
    r.commit('a known warning');
    // The broken statement would have made a table specific: skipped, it must not let the diff pass.
    r.append('db/009_again.sql', 'CREATE TABLE shinki (kojin_bango char(12);\n');
    const { code, result } = await diff(r);
    expect(code).toBe(1);
    expect(result.passed).toBe(false);
    expect(result.changes).toEqual([
      expect.objectContaining({
        kind: 'error-diagnostic',
        code: 'SPIF-SQL-SYNTAX',
        level: 'error',
        fails: true,
        location: expect.objectContaining({ file: 'db/009_again.sql', line: 3 }),
      }),
    ]);
    // A warning the base already had is not a change; a new one is listed, not failing.
    r.write('db/009_again.sql', 'CREATE TABLE ok_table (a int);\nCREATE TABLE ok_table (b int);\n');
    r.write('db/010_more.sql', 'CREATE TABLE zwei (a int);\nCREATE TABLE zwei (b int);\n');
    const warned = await diff(r);
    expect(warned.code).toBe(0);
    expect(warned.result.changes.map((c) => [c.kind, c.code, c.location?.file, c.fails])).toEqual([
      ['warning-diagnostic', 'SPIF-SQL-DUPLICATE', 'db/010_more.sql', false],
    ]);
  });

  it('an unknown base ref is a usage error naming the ref', async () => {
    const r = repo();
    await expect(diffCommand([], { base: 'no-such-branch' }, r.dir)).rejects.toThrow(
      /--base no-such-branch: not a commit/,
    );
  });
});
