/** Evidence in Japanese: built from the block's fields, the usual number evidence translated, English kept in JSON. */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { CONTROLS } from '../../src/report/model.js';
import { blockDetail, numberEvidence } from '../../src/report/evidence-text.js';
import { renderText } from '../../src/report/text.js';
import { nth } from '../../src/indexed.js';

describe('evidence text', () => {
  it('says every control in Japanese with the user and the place, and keeps the English detail for en', () => {
    for (const control of CONTROLS) {
      const b = {
        principal: 'kyufu-system',
        at: 'bango.public.bango_kanri.kojin_bango',
        control,
        detail: 'English detail',
      };
      const ja = blockDetail('ja', b);
      expect(ja, control).toContain('kyufu-system');
      expect(ja, control).toContain('bango.public.bango_kanri.kojin_bango');
      const words = ja.replace('kyufu-system', '').replace('bango.public.bango_kanri.kojin_bango', '');
      expect(words, control).not.toMatch(/[a-z]{3,}/); // no English words beyond the names
      expect(blockDetail('en', b)).toBe('English detail');
    }
    expect(blockDetail('ja', { principal: '*', at: 'x', control: 'no-table-privilege', detail: '' })).toBe(
      'すべての利用者 は x を参照する権限（SELECT）を持たない',
    );
  });
  it('renders a block with reason data from that data, in the same words as its English detail', () => {
    const b = {
      principal: 'kyufu-system',
      at: 'bango.public.bango_kanri.kojin_bango',
      control: 'no-column-privilege' as const,
      detail:
        "view v reads bango.public.bango_kanri with its owner's rights, and owner_role has no SELECT on bango.public.bango_kanri",
      role: 'owner_role',
      via: 'bango.public.v',
      reason: { key: 'some-columns' as const, relation: 'bango.public.bango_kanri', columns: ['kojin_bango'] },
    };
    expect(blockDetail('ja', b)).toBe(
      'ビュー bango.public.v は所有者の権限で bango.public.bango_kanri を読むが、owner_role は bango.public.bango_kanri の一部の列は SELECT できるが kojin_bango はできない',
    );
    // English comes from the same data (access/evidence.ts), not from the stored text.
    expect(blockDetail('en', b)).toBe(
      "view bango.public.v reads bango.public.bango_kanri with its owner's rights, and owner_role may SELECT some columns of bango.public.bango_kanri but not kojin_bango",
    );
  });
  it('translates the usual number evidence and leaves other text as written', () => {
    expect(numberEvidence('ja', { rule: 'name-kojin-bango', evidence: "column name 'kojin_bango'" })).toBe(
      '列名「kojin_bango」',
    );
    expect(
      numberEvidence('ja', { rule: 'view-lineage', evidence: "carries 'a.public.t.kojin_bango' (name-kojin-bango)" }),
    ).toBe('a.public.t.kojin_bango を引き継ぐ（name-kojin-bango）');
    expect(numberEvidence('ja', { rule: 'x', evidence: 'something new' })).toBe('something new');
  });
  it('leaves no English sentence in the Japanese text report of the sample', async () => {
    const { report } = await scan({ paths: ['fixtures/insurer'] });
    const ja = renderText(report, { lang: 'ja', color: false });
    expect(ja).not.toMatch(/cannot connect|has no SELECT|may SELECT|column name|\(view\)|roles:|connects:/);
    expect(nth(report.relations.find((r) => r.id === 'kyufu.public.kyufu_jisseki')!.blocked, 0).detail).toBe(
      'kyufu-system cannot connect to database bango',
    );
  });
});
