/**
 * The 評価書 (hyoukasho.ts) for the bundled sample, checked against the 全項目評価書 様式 item by
 * item. The golden file test/report/golden/insurer.ja.md is the whole Markdown report; docs/reports.md
 * ("The 評価書 line by line") maps each of its lines to the form's item. When the report changes on
 * purpose, regenerate it deliberately and review the diff:  UPDATE_GOLDEN=1 npx vitest run test/report/hyoukasho.test.ts
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan, type ScanResult } from '../../src/pipeline.js';
import { renderReport } from '../../src/report/formats.js';
import { formUnits, recordList } from '../../src/report/hyoukasho.js';
import { ITEM_BANDS, PERSON_BANDS, USER_BANDS, bandOf } from '../../src/report/hyoukasho-messages.js';
import { thresholdAssessment } from '../../src/report/threshold.js';
import { candidateSettle } from '../../src/detect/explain.js';
import { nth } from '../../src/indexed.js';

const GOLDEN = 'test/report/golden/insurer.ja.md';
let result: ScanResult;
let md: string;

beforeAll(async () => {
  result = await scan({ paths: ['fixtures/insurer'] });
  md = await renderReport('markdown', result.report, { lang: 'ja', color: false, scan: result });
});

/** The lines of one `### (n) name` block of a `## heading` section. */
function fileSection(section: string, n: number): string {
  const s = md.slice(md.indexOf(`## ${section}`));
  const body = s.slice(0, s.indexOf('\n## ', 3));
  const start = body.indexOf(`### (${n}) `);
  const next = body.indexOf('\n### ', start + 1);
  return body.slice(start, next < 0 ? undefined : next);
}
const row = (text: string, item: string) => text.split('\n').find((l) => l.startsWith(`| ${item} |`));

describe('golden Markdown of the sample', () => {
  it('is the committed golden file', () => {
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, md);
    expect(md).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });
});

describe('Ⅱ 特定個人情報ファイルの概要, item by item (個人番号管理ファイル, every key set)', () => {
  let s: string;
  beforeAll(() => {
    s = fileSection('Ⅱ 特定個人情報ファイルの概要', 1);
  });
  it('1．特定個人情報ファイル名 lists the specific files only', () => {
    const list = md.slice(md.indexOf('### 1．特定個人情報ファイル名'), md.indexOf('### (1) '));
    expect(list.match(/^- \(\d\) \*\*(.*)\*\*$/gm)).toEqual([
      '- (1) **個人番号管理ファイル**',
      '- (2) **被保険者資格ファイル**',
      '- (3) **中間サーバー連携ファイル**',
    ]);
  });
  it("①ファイルの種類: システム用ファイル, with the form's two options", () => {
    expect(row(s, '①ファイルの種類 ※')).toContain(
      '［システム用ファイル］ ＜選択肢＞ 1) システム用ファイル 2) その他の電子ファイル（表計算ファイル等）',
    );
  });
  it('②対象となる本人の数: 320,000 → 10万人以上100万人未満', () => {
    expect(row(s, '②対象となる本人の数')).toContain(
      '［10万人以上100万人未満］ ＜選択肢＞ 1) 1万人未満 2) 1万人以上10万人未満 3) 10万人以上100万人未満 4) 100万人以上1,000万人未満 5) 1,000万人以上',
    );
  });
  it('③対象となる本人の範囲 and その必要性 from the config', () => {
    expect(row(s, '③対象となる本人の範囲 ※')).toContain('被保険者（資格を喪失した者を含む）');
    expect(row(s, 'その必要性')).toContain('資格の確認及び給付の事務において本人を正確に特定するため');
  });
  it("④記録される項目: 9 distinct items (the view's two pass-through columns once) → 10項目未満", () => {
    expect(row(s, '④記録される項目')).toMatch(/［10項目未満］ .*\| 9 項目/);
    const list = recordList(nth(formUnits(result.report, result), 0), result);
    expect(list.rows).toHaveLength(11);
    expect(list.rows.filter((r) => r.passesThrough).map((r) => `${r.column}←${r.passesThrough}`)).toEqual([
      'atena_no←bango.public.bango_kanri.atena_no',
      'my_no←bango.public.bango_kanri.kojin_bango',
    ]);
  });
  it('主な記録項目 has every box of the form in its order, ticked from the columns', () => {
    const table = s.slice(s.indexOf('**主な記録項目 ※**'));
    const boxes = table
      .split('\n')
      .filter((l) => /^\| (識別情報|連絡先等情報|業務関係情報) \|/.test(l))
      .map((l) => l.split(' | ')[1]);
    expect(boxes).toEqual([
      '☑ 個人番号',
      '☐ 個人番号対応符号',
      '☑ その他識別情報（内部番号）',
      '☐ ４情報（氏名、性別、生年月日、住所）',
      '☐ 連絡先（電話番号等）',
      '☑ その他住民票関係情報',
      '☐ 国税関係情報',
      '☐ 地方税関係情報',
      '☐ 健康・医療関係情報',
      '☐ 医療保険関係情報',
      '☐ 児童福祉・子育て関係情報',
      '☐ 障害者福祉関係情報',
      '☐ 生活保護・社会福祉関係情報',
      '☐ 介護・高齢者福祉関係情報',
      '☐ 雇用・労働関係情報',
      '☐ 年金関係情報',
      '☐ 学校・教育関係情報',
      '☐ 災害関係情報',
      '☐ その他 （　）',
    ]);
  });
  it('その妥当性: one draft sentence per ticked box; 全ての記録項目 → 別添2; ⑤ and ⑥ from the config', () => {
    const v = row(s, 'その妥当性')!;
    expect(v.match(/（案）/g)).toHaveLength(3);
    expect(v).toContain('個人番号：本人を正確に特定し');
    expect(row(s, '全ての記録項目')).toContain('別添2を参照。');
    expect(row(s, '⑤保有開始日')).toContain('平成28年1月1日');
    expect(row(s, '⑥事務担当部署')).toContain('保険年金課');
  });
  it('⑦使用の主体: the principals that reach the number, 使用者数 band from their users (12 + 3)', () => {
    expect(row(s, '⑦使用の主体 使用部署 ※')).toContain(
      '番号管理システム（個人番号の収集・管理）（`bango-system`）、中間サーバー連携システム（`renkei-system`）（案）',
    );
    expect(row(s, '⑦使用の主体 使用者数')).toMatch(/［10人以上50人未満］.*合計 15人/);
  });
  it('⑧情報の突合 from the link keys to the other files', () => {
    expect(row(s, '⑧使用方法 ※ 情報の突合 ※')).toContain(
      '宛名番号（atena\\_no）により被保険者資格ファイルの情報と突合する（案）',
    );
  });
  it("5．提供・移転: the form's three boxes, and the cross-database links as candidates", () => {
    expect(s).toContain('☐ 提供を行っている（　）件　☐ 移転を行っている（　）件　☐ 行っていない');
    expect(s).toMatch(
      /^- データベース chukan の `chukan\.fugo_kanri` と `bango\.bango_kanri\.atena_no = chukan\.fugo_kanri\.atena_no` で結合できる（設定で宣言したリンク）$/m,
    );
  });
});

describe('Ⅱ for files with keys left out, and specific by linkage', () => {
  it('fields without config say which key fills them, never a guess', () => {
    const s = fileSection('Ⅱ 特定個人情報ファイルの概要', 2);
    expect(row(s, '②対象となる本人の数')).toContain('（記入：設定 files\\[\\].persons）');
    expect(row(s, '⑥事務担当部署')).toContain('（記入：設定 files\\[\\].department）');
  });
  it('a file specific by linkage ticks 個人番号 with how it is linked', () => {
    const s = fileSection('Ⅱ 特定個人情報ファイルの概要', 2);
    expect(row(s, '識別情報')).toBe(
      '| 識別情報 | ☑ 個人番号 | 紐付けによる：宛名番号（atena\\_no）で個人番号管理ファイルと紐付け |',
    );
  });
  it('使用者数 stays to be filled while a principal has no users', async () => {
    const noUsers = {
      ...result,
      config: { ...result.config, principals: result.config.principals.map((p) => ({ ...p, users: undefined })) },
    };
    const other = await renderReport('markdown', result.report, { lang: 'ja', color: false, scan: noUsers });
    const line = other.split('\n').find((l) => l.startsWith('| ⑦使用の主体 使用者数 |'))!;
    expect(line).toContain('（記入：設定 principals\\[\\].users）');
    expect(line).toContain('設定 principals\\[\\].users がない使用の主体：bango-system, renkei-system');
  });
});

describe('（別添2）特定個人情報ファイル記録項目', () => {
  it('has every column of every relation of the file, with 論理名, type and category', () => {
    const s = fileSection('（別添2）特定個人情報ファイル記録項目', 2);
    const rows = s.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    const relationColumns = nth(formUnits(result.report, result), 1).relations.reduce(
      (n, r) => n + r.columns!.length,
      0,
    );
    expect(rows).toHaveLength(relationColumns);
    expect(rows[0]).toBe(
      '| 1 | 被保険者番号 | `hihokensha_no` | `character varying(8)` | その他識別情報（内部番号） | `shikaku.hihokensha` |   |',
    );
    expect(rows.find((l) => l.includes('`shikaku_kbn`'))).toContain('| 要確認 |');
  });
});

describe('Ⅲ リスク対策 and the annex', () => {
  it('紐付けのリスク names each link and who crosses it or is stopped', () => {
    const s = fileSection('Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策', 2);
    expect(s).toContain('**リスク1：目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク**');
    expect(s).toContain(
      '`shikaku.hihokensha` は 個人番号管理ファイル と 宛名番号（atena\\_no） で紐付く：利用者 bango-system は紐付けをたどって個人番号に到達する',
    );
    expect(s).toContain(
      '給付ファイル と 被保険者番号（hihokensha\\_no） で紐付く：利用者 kyufu-system は bango（データベースに接続不可）で止められる',
    );
  });
  it('アクセス権限の管理 carries the reach/block table', () => {
    const s = fileSection('Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策', 2);
    expect(s).toContain('**リスク2：権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク**');
    expect(s).toContain(
      '| `shikaku-system` | `shikaku.shikaku_rireki` | 遮断 | 列の参照権限なし — `bango.public.bango_kanri.kojin_bango` |',
    );
  });
  it('the file judged not specific is in the annex with the control that stops each user', () => {
    const annex = md.slice(md.indexOf('## （参考）'), md.indexOf('## 判定の根拠（spif）'));
    expect(annex.match(/^### .*$/gm)).toEqual(['### 給付ファイル']);
    expect(annex).toContain('`kyufu-system` は `bango` で遮断される（データベースに接続不可）');
  });
});

describe('しきい値判断', () => {
  it('the sample (320,000 persons) needs 基礎項目評価及び全項目評価', () => {
    expect(md).toContain('**判断結果**: 対象人数30万人以上のため、基礎項目評価及び全項目評価。');
  });
  it.each([
    [999, 0, false, 'none'],
    [1_000, 0, false, 'basic'],
    [9_999, 900, true, 'basic'],
    [10_000, 499, false, 'basic'],
    [10_000, 500, false, 'basic+focused'],
    [99_999, 10, true, 'basic+focused'],
    [100_000, 499, false, 'basic+focused'],
    [100_000, 500, false, 'basic+full'],
    [299_999, 1, true, 'basic+full'],
    [300_000, 0, false, 'basic+full'],
  ] as const)('%i persons, %i handlers, incident %s → %s', (targetPersons, handlers, seriousIncident, assessment) => {
    const r = thresholdAssessment({ targetPersons, handlers, seriousIncident });
    expect(r.kind === 'decided' && r.assessment).toBe(assessment);
  });
  it('never guesses a missing input the band needs, but decides when a known one suffices', () => {
    expect(thresholdAssessment({})).toEqual({ kind: 'undecided', missing: ['targetPersons'] });
    expect(thresholdAssessment({ targetPersons: 50_000 })).toEqual({
      kind: 'undecided',
      missing: ['handlers', 'seriousIncident'],
      band: '10000-100000',
    });
    expect(thresholdAssessment({ targetPersons: 50_000, handlers: 10 })).toEqual({
      kind: 'undecided',
      missing: ['seriousIncident'],
      band: '10000-100000',
    });
    expect(thresholdAssessment({ targetPersons: 50_000, seriousIncident: true })).toMatchObject({
      kind: 'decided',
      assessment: 'basic+focused',
    });
    expect(thresholdAssessment({ targetPersons: 5_000 })).toMatchObject({ kind: 'decided', assessment: 'basic' });
  });
});

describe("the form's bands", () => {
  it.each([
    [9_999, '1万人未満'],
    [10_000, '1万人以上10万人未満'],
    [999_999, '10万人以上100万人未満'],
    [1_000_000, '100万人以上1,000万人未満'],
    [10_000_000, '1,000万人以上'],
  ])('本人の数 %i → %s', (n, band) => {
    expect(bandOf(PERSON_BANDS, n).ja).toBe(band);
  });
  it.each([
    [9, '10項目未満'],
    [10, '10項目以上50項目未満'],
    [50, '50項目以上100項目未満'],
    [100, '100項目以上'],
  ])('記録される項目 %i → %s', (n, band) => {
    expect(bandOf(ITEM_BANDS, n).ja).toBe(band);
  });
  it.each([
    [9, '10人未満'],
    [10, '10人以上50人未満'],
    [99, '50人以上100人未満'],
    [100, '100人以上500人未満'],
    [999, '500人以上1,000人未満'],
    [1_000, '1,000人以上'],
  ])('使用者数 %i → %s', (n, band) => {
    expect(bandOf(USER_BANDS, n).ja).toBe(band);
  });
});

describe('review candidates (要確認) where the form asks for record items', () => {
  it('are named beside the 個人番号 / 個人番号対応符号 boxes, unticked, and noted in 別添2 with how to settle them', async () => {
    const r = await scan({ paths: ['fixtures/candidates'] });
    const out = await renderReport('markdown', r.report, { lang: 'ja', color: false, scan: r });
    const undecided = r.report.relations.flatMap((x) =>
      (x.candidates ?? []).filter((c) => !c.decision).map((c) => ({ ...c, relation: x.id })),
    );
    expect(undecided.length).toBeGreaterThan(0);
    const code = out.split('\n').find((l) => l.startsWith('| 識別情報 | ☐ 個人番号対応符号 |'))!;
    expect(code).toContain('個人番号の要確認候補：`default.t_fugo_kanri.fugo`');
    for (const c of undecided) {
      const line = out
        .split('\n')
        .find(
          (l) => new RegExp(`^\\| \\d+ \\|.*\\| \`${c.column}\` \\|`).test(l) && l.includes('個人番号の候補（要確認）'),
        );
      // In Japanese: the settle text is the rule's own Japanese (src/detect/explain.ts).
      expect(line, c.column).toContain(candidateSettle('ja', c).slice(0, 20));
    }
  });
});
