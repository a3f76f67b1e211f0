/**
 * `spif scan` and `spif explain` read one analysis, so they must never disagree: on every fixture,
 * for every relation and principal, explain's status matches the report (reaches ⇔ the report's
 * reachable entry, with the same path and number column), and the blocks the report lists for a
 * principal are the first blocks explain lists for it, in the same order, with the same detail.
 *
 * Every fixture folder is a target (see targets()); the few that hold no schema are listed in
 * NOT_SCANNED with the reason, and a test checks that they really do not scan.
 *
 * The regression that made this a test: fixtures/rules/blocks-four-numbers, where scan once
 * named the controls of the walk that started at another relation (bango_d first) while explain
 * named bango_a, bango_b and bango_c — checked here through the real bin too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainRelation } from '../../src/gate/explain.js';
import { scan } from '../../src/pipeline.js';
import type { ExplainResult } from '../../src/gate/model.js';
import type { Report } from '../../src/report/model.js';
import { runBinSync } from '../helpers/bin.js';

const repo = path.resolve(__dirname, '../..');
const fixtures = path.join(repo, 'fixtures');

/** Folders whose subfolders are each a repository of their own (one scan each). */
const COLLECTIONS = ['rules', 'paths', 'orm', 'dumps', 'layouts', 'hostile', 'dialect-files', 'config'];

/**
 * Folders that hold no scannable schema, each with the reason; a test below checks that each
 * really does not scan, so an entry cannot hide a fixture that would.
 */
const NOT_SCANNED: Record<string, string> = {
  'detection-eval': 'column data sets for the detection evaluation (JSON), no schema source',
  'config/bad': 'an invalid config file: scan stops with a usage error (exit 2)',
  'config/find': 'config lookup cases: config files only, no schema source',
  'config/sjis': 'a Shift_JIS config file only, no schema source',
  'config/spec-example': "the spec's example config: its sources globs match no file here",
};

interface Target {
  name: string;
  cwd: string;
  paths: string[];
}

const dirs = (d: string) =>
  fs
    .readdirSync(d)
    .filter((x) => fs.statSync(path.join(d, x)).isDirectory())
    .sort();

/**
 * Every fixture folder a scan reads as a whole: each sample repository at the top of fixtures/,
 * each subfolder of a collection (rule, path, ORM, dump and layout fixtures), and each oracle case
 * (one file each). A new fixture folder is a target without being listed here.
 */
function targets(): Target[] {
  const out: Target[] = [];
  for (const top of dirs(fixtures)) {
    if (top in NOT_SCANNED) continue;
    if (top === 'oracle') {
      for (const f of fs
        .readdirSync(path.join(fixtures, 'oracle'))
        .filter((x) => x.endsWith('.sql'))
        .sort())
        out.push({ name: `oracle/${f}`, cwd: path.join(fixtures, 'oracle'), paths: [f] });
    } else if (COLLECTIONS.includes(top)) {
      for (const sub of dirs(path.join(fixtures, top)))
        if (!(`${top}/${sub}` in NOT_SCANNED))
          out.push({ name: `${top}/${sub}`, cwd: path.join(fixtures, top, sub), paths: ['.'] });
    } else {
      out.push({ name: top, cwd: path.join(fixtures, top), paths: ['.'] });
    }
  }
  return out;
}

function agree(report: Report, explained: (id: string) => ExplainResult): number {
  let compared = 0;
  for (const r of report.relations) {
    const e = explained(r.id);
    expect(e.basis, r.id).toBe(r.basis);
    for (const p of e.principals) {
      const where = `${r.id} / ${p.principal}`;
      const reach = r.reachable.find((x) => x.principal === p.principal);
      const blocks = r.blocked.filter((b) => b.principal === p.principal);
      if (reach) {
        expect(p.status, where).toBe('reaches');
        expect(p.path, where).toEqual(reach.path);
        expect(p.numberColumn, where).toBe(reach.numberColumn);
      } else if (r.basis !== 'holds-number') {
        expect(p.status, where).not.toBe('reaches');
      }
      if (blocks.length) {
        expect(p.status, where).toBe('blocked');
        expect(p.blocks!.slice(0, blocks.length), where).toEqual(blocks);
      }
      if (r.basis === 'access-controlled' && p.status === 'blocked') {
        expect(
          blocks.length,
          `${where}: the report lists a block for every principal explain finds blocked`,
        ).toBeGreaterThan(0);
      }
      compared++;
    }
    if (r.blocked.some((b) => b.principal === '*')) {
      expect(
        e.principals.every((p) => p.status === 'cannot-read'),
        r.id,
      ).toBe(true);
    }
  }
  return compared;
}

describe('scan and explain agree', () => {
  it.each(targets().map((t) => [t.name, t] as const))('on %s', async (_name, t) => {
    const result = await scan({ cwd: t.cwd, paths: t.paths, jobs: 1 });
    const compared = agree(result.report, (id) => explainRelation(result, id));
    expect(compared, 'every relation is explained for every principal').toBe(
      result.report.relations.length * result.principals.principals.length,
    );
  });

  it.each(Object.entries(NOT_SCANNED))('does not scan %s (%s)', async (folder) => {
    expect(fs.existsSync(path.join(fixtures, folder)), `${folder} exists`).toBe(true);
    await expect(scan({ cwd: path.join(fixtures, folder), paths: ['.'], jobs: 1 })).rejects.toThrow();
  });

  it('covers every fixture folder', () => {
    const names = targets().map((t) => t.name);
    for (const top of dirs(fixtures)) {
      const covered = [...names, ...Object.keys(NOT_SCANNED)].some((n) => n === top || n.startsWith(`${top}/`));
      expect(covered, `fixtures/${top} is scanned or listed in NOT_SCANNED`).toBe(true);
    }
    for (const c of COLLECTIONS)
      for (const sub of dirs(path.join(fixtures, c)))
        expect(names.includes(`${c}/${sub}`) || `${c}/${sub}` in NOT_SCANNED, `fixtures/${c}/${sub}`).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['orm/typeorm', 'dumps/pg-clean', 'layouts/flyway', 'insurer']));
  });

  it('names the same blocking controls through the real bin (regression: blocks-four-numbers)', () => {
    const cwd = path.join(fixtures, 'rules/blocks-four-numbers');
    const report = JSON.parse(runBinSync(['scan', '--format', 'json'], cwd).stdout) as Report;
    const shinsei = report.relations.find((r) => r.id === 'default.public.shinsei')!;
    expect(shinsei.blocked.map((b) => b.at)).toEqual(
      ['a', 'b', 'c'].map((x) => `default.public.bango_${x}.kojin_bango`),
    );
    const explained = JSON.parse(runBinSync(['explain', 'shinsei', '--format', 'json'], cwd).stdout) as ExplainResult;
    const app = explained.principals.find((p) => p.principal === 'app_shinsei')!;
    // Explain lists every block: the three on the shortest routes (as scan), then bango_d's through renraku.
    expect(app.blocks!.map((b) => b.at)).toEqual(
      ['a', 'b', 'c', 'd'].map((x) => `default.public.bango_${x}.kojin_bango`),
    );
    expect(app.blocks!.slice(0, 3)).toEqual(shinsei.blocked);
    expect(agree(report, (id) => JSON.parse(runBinSync(['explain', id, '--format', 'json'], cwd).stdout))).toBe(12);
  });
});
