import { describe, expect, it } from 'vitest';
import { RECORD_ITEM_RULES } from '../../src/report/record-items-rules.js';
import { classifyColumn, proposeRecordItems } from '../../src/report/record-items.js';
import { scan } from '../../src/pipeline.js';

describe('record-item rules: each rule with its examples', () => {
  for (const rule of RECORD_ITEM_RULES) {
    const read = (text: string) => (rule.target === 'comment' ? classifyColumn('x', text) : classifyColumn(text));
    it(`${rule.id} claims its positives`, () => {
      for (const p of rule.positives) expect(read(p)?.category, p).toBe(rule.category);
    });
    it(`${rule.id}: look-alikes are not ${rule.category}`, () => {
      for (const n of rule.negatives) expect(read(n)?.category, n).not.toBe(rule.category);
    });
  }
  it('a comment decides before the name', () => {
    expect(classifyColumn('col1', '氏名')?.category).toBe('basic-four');
    expect(classifyColumn('shimei', '照会者の所属')?.category).toBe('basic-four');
  });
  it('unknown columns are not guessed', () => {
    expect(classifyColumn('koshin_date')).toBeUndefined();
    expect(classifyColumn('kyufu_gaku')).toBeUndefined();
    expect(classifyColumn('name')).toBeUndefined();
  });
});

describe('record items on the bundled sample', async () => {
  const { report } = await scan({ paths: ['fixtures/insurer'] });
  const items = (file: string) => {
    const f = report.files.find((x) => x.name === file)!;
    const p = proposeRecordItems(report.relations.filter((r) => f.relations.includes(r.id)));
    const cols = (c: string) =>
      p.categories.find((x) => x.category === c)!.columns.map((x) => `${x.relation.split('.').pop()}.${x.column}`);
    return { p, cols, unclassified: p.unclassified.map((u) => `${u.relation.split('.').pop()}.${u.column}`) };
  };
  it('個人番号管理ファイル: 個人番号, 内部番号, 住民票コード; dates are unclassified', () => {
    const { cols, unclassified } = items('個人番号管理ファイル');
    expect(cols('individual-number')).toEqual(['bango_kanri.kojin_bango', 'v_bango_shokai.my_no']);
    expect(cols('internal-id')).toEqual([
      'bango_kanri.atena_no',
      'bango_shokai_log.atena_no',
      'v_bango_shokai.atena_no',
    ]);
    expect(cols('resident-other')).toEqual(['bango_kanri.juminhyo_code']);
    expect(unclassified).toContain('bango_kanri.kojin_bango_kakunin_date');
    expect(unclassified).toContain('bango_shokai_log.shokaisha');
  });
  it('被保険者資格ファイル: 4情報 and 内部番号', () => {
    const { cols } = items('被保険者資格ファイル');
    expect(cols('basic-four')).toEqual([
      'hihokensha.shimei',
      'hihokensha.shimei_kana',
      'hihokensha.seibetsu',
      'hihokensha.seinengappi',
      'hihokensha.jusho',
    ]);
    expect(cols('internal-id')).toEqual([
      'hihokensha.hihokensha_no',
      'hihokensha.atena_no',
      'shikaku_rireki.hihokensha_no',
    ]);
  });
  it('給付ファイル: 医療保険関係 from 診療年月 and 医療機関コード', () => {
    const { cols, unclassified } = items('給付ファイル');
    expect(cols('medical-insurance')).toEqual([
      'kyufu_jisseki.shinryo_ym',
      'kyufu_jisseki.iryokikan_code',
      'v_kyufu_shukei.shinryo_ym',
    ]);
    expect(unclassified).toContain('kyufu_jisseki.kyufu_gaku');
  });
  it('中間サーバー連携ファイル: 機関別符号 is a 個人番号対応符号', () => {
    const { cols } = items('中間サーバー連携ファイル');
    expect(cols('substitute-code')).toEqual(['fugo_kanri.kikanbetsu_fugo']);
    expect(cols('individual-number')).toEqual([]);
  });
});
