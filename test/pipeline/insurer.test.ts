/**
 * The bundled sample (fixtures/insurer): a medical insurer with 番号管理, 資格, 給付, 中間サーバー
 * 連携 and コードマスタ databases used by four systems. Every decision of its report is pinned
 * here, with its evidence; docs/rules.md explains each one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import type { RelationReport, Report } from '../../src/report/model.js';
import { renderText } from '../../src/report/text.js';
import { nth } from '../../src/indexed.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(REPO, 'fixtures/insurer');
let report: Report;
const rel = (id: string): RelationReport => {
  const r = report.relations.find((x) => x.id === id);
  if (!r) throw new Error(`${id} is not in the report`);
  return r;
};
const steps = (r: RelationReport, principal: string) =>
  r.reachable.find((x) => x.principal === principal)?.path.map((s) => `${s.from} -> ${s.to} (${s.via})`);
const blocks = (r: RelationReport) => r.blocked.map((b) => [b.principal, b.control, b.at]);

beforeAll(async () => {
  report = (await scan({ paths: ['.'], cwd: SAMPLE })).report;
});

describe('bundled sample: fixtures/insurer', () => {
  it('classifies every relation, and only these', () => {
    expect(Object.fromEntries(report.relations.map((r) => [r.id, `${r.classification}/${r.basis}`]))).toEqual({
      'bango.public.bango_kanri': 'specific/holds-number',
      'bango.public.bango_shokai_log': 'specific/reachable',
      'bango.public.v_bango_shokai': 'specific/holds-number',
      'chukan.public.fugo_kanri': 'specific/holds-number',
      'chukan.public.renkei_rireki': 'specific/reachable',
      'kyufu.public.kogaku_ryoyohi': 'not-specific/access-controlled',
      'kyufu.public.kyufu_jisseki': 'not-specific/access-controlled',
      'kyufu.public.v_kyufu_shukei': 'not-specific/access-controlled',
      'master.public.code_master': 'not-specific/unlinked',
      'master.public.iryokikan': 'not-specific/unlinked',
      'shikaku.public.hihokensha': 'specific/reachable',
      'shikaku.public.shikaku_rireki': 'not-specific/access-controlled',
    });
    expect(report.summary).toEqual({
      relations: 12,
      specific: 6,
      notSpecific: 6,
      errors: 0,
      warnings: 0,
      files: 7,
      filesFound: 7,
      statements: 56,
      statementsRead: 56,
      candidates: 0,
    });
  });

  it('finds the number columns, with kind, rule and place; and nothing else', () => {
    const found = report.relations.flatMap((r) =>
      r.numberColumns.map((n) => [`${r.id}.${n.column}`, n.kind, n.rule, `${n.source?.file}:${n.source?.line}`]),
    );
    expect(found).toEqual([
      ['bango.public.bango_kanri.kojin_bango', 'individual-number', 'name-kojin-bango', 'db/bango/001_tables.sql:4'],
      ['bango.public.v_bango_shokai.my_no', 'individual-number', 'view-lineage', 'db/bango/001_tables.sql:24'],
      [
        'chukan.public.fugo_kanri.kikanbetsu_fugo',
        'substitute-code',
        'name-kikanbetsu-fugo',
        'db/chukan/001_tables.sql:5',
      ],
    ]);
    // 番号確認日 and 住民票コード sit beside the number and are not it.
    expect(rel('bango.public.bango_kanri').numberColumns.map((n) => n.column)).not.toContain(
      'kojin_bango_kakunin_date',
    );
    expect(rel('bango.public.bango_kanri').numberColumns.map((n) => n.column)).not.toContain('juminhyo_code');
  });

  it('names who reads the number directly in the relations that hold it', () => {
    const direct = (id: string) => rel(id).reachable.map((r) => [r.principal, r.numberColumn, r.path.length]);
    expect(direct('bango.public.bango_kanri')).toEqual([
      ['bango-system', 'bango.public.bango_kanri.kojin_bango', 0],
      ['renkei-system', 'bango.public.bango_kanri.kojin_bango', 0],
    ]);
    // shikaku-system has atena_no and 番号確認日 of bango_kanri, not the number column.
    expect(direct('bango.public.v_bango_shokai')).toEqual([['bango-system', 'bango.public.v_bango_shokai.my_no', 0]]);
    expect(direct('chukan.public.fugo_kanri')).toEqual([
      ['renkei-system', 'chukan.public.fugo_kanri.kikanbetsu_fugo', 0],
    ]);
  });

  it('gives the reaching principal and path of every reachable relation', () => {
    const reach = (id: string) => rel(id).reachable.map((r) => r.principal);
    expect(reach('bango.public.bango_shokai_log')).toEqual(['bango-system']);
    expect(steps(rel('bango.public.bango_shokai_log'), 'bango-system')).toEqual([
      'bango.public.bango_shokai_log.atena_no -> bango.public.bango_kanri.atena_no (foreign-key)',
    ]);
    expect(reach('chukan.public.renkei_rireki')).toEqual(['renkei-system']);
    expect(steps(rel('chukan.public.renkei_rireki'), 'renkei-system')).toEqual([
      'chukan.public.renkei_rireki.fugo_id -> chukan.public.fugo_kanri.fugo_id (foreign-key)',
    ]);
    expect(nth(rel('chukan.public.renkei_rireki').reachable, 0).numberColumn).toBe(
      'chukan.public.fugo_kanri.kikanbetsu_fugo',
    );
    // Across databases, over the link declared in spif.config.yaml.
    expect(reach('shikaku.public.hihokensha')).toEqual(['bango-system']);
    expect(steps(rel('shikaku.public.hihokensha'), 'bango-system')).toEqual([
      'shikaku.public.hihokensha.atena_no -> bango.public.bango_kanri.atena_no (declared-link)',
    ]);
    expect(nth(rel('shikaku.public.hihokensha').reachable, 0).numberColumn).toBe(
      'bango.public.bango_kanri.kojin_bango',
    );
  });

  it('names the blocking principal, control and place of every access-controlled relation', () => {
    const notConnectable = [['kyufu-system', 'database-not-connectable', 'bango']];
    expect(blocks(rel('kyufu.public.kyufu_jisseki'))).toEqual(notConnectable);
    expect(blocks(rel('kyufu.public.kogaku_ryoyohi'))).toEqual(notConnectable);
    expect(blocks(rel('kyufu.public.v_kyufu_shukei'))).toEqual(notConnectable);
    expect(blocks(rel('shikaku.public.shikaku_rireki'))).toEqual([
      ['shikaku-system', 'no-table-privilege', 'bango.public.v_bango_shokai'],
      ['shikaku-system', 'no-column-privilege', 'bango.public.bango_kanri.kojin_bango'],
      ['kyufu-system', 'database-not-connectable', 'bango'],
    ]);
    for (const r of report.relations) {
      if (r.basis !== 'access-controlled') expect(r.blocked, r.id).toEqual([]);
      expect(r.assumptions, r.id).toEqual([]);
    }
  });

  it('rolls up named files and databases', () => {
    expect(report.files.map((f) => [f.name, f.classification, f.relations.length])).toEqual([
      ['個人番号管理ファイル', 'specific', 3],
      ['被保険者資格ファイル', 'specific', 2],
      ['給付ファイル', 'not-specific', 3],
      ['中間サーバー連携ファイル', 'specific', 2],
    ]);
    expect(report.databases.map((d) => [d.name, d.classification, d.specific, d.relations])).toEqual([
      ['bango', 'specific', 3, 3],
      ['chukan', 'specific', 2, 2],
      ['kyufu', 'not-specific', 0, 3],
      ['master', 'not-specific', 0, 2],
      ['shikaku', 'specific', 1, 2],
    ]);
  });

  it('uses the four systems and PUBLIC; the owner is an administrator', () => {
    expect(report.principals.map((p) => [p.name, p.kind])).toEqual([
      ['bango-system', 'system'],
      ['shikaku-system', 'system'],
      ['kyufu-system', 'system'],
      ['renkei-system', 'system'],
      ['PUBLIC', 'public'],
      ['bango_owner', 'administrator'],
    ]);
    expect(report.assumptions).toEqual([]);
  });

  it('reads the sample with no diagnostics', () => {
    expect(report.diagnostics).toEqual([]);
  });
});

describe('docs/rules.md', () => {
  it('shows the sample report exactly as `spif scan fixtures/insurer --lang ja` prints it', async () => {
    const doc = fs.readFileSync(path.join(REPO, 'docs/rules.md'), 'utf8');
    const block = /<!-- sample-output:start -->\n```text\n([\s\S]*?)\n```\n<!-- sample-output:end -->/.exec(doc);
    expect(block, 'docs/rules.md has the sample-output block').not.toBeNull();
    const { report: fromRepo } = await scan({ paths: ['fixtures/insurer'], cwd: REPO });
    expect(block![1]).toBe(renderText(fromRepo, { lang: 'ja', color: false }).trimEnd());
  });
});
