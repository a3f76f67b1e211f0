/**
 * fixtures/municipal-tax: a resident-tax system whose ledgers are keyed on 市区町村コード +
 * 納税義務者番号 with no foreign key (課税台帳), or with a composite foreign key (特別徴収通知).
 * A link on a multi-column key is followed only by a principal that reads every column of it.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import type { Report } from '../../src/report/model.js';
import { runBin } from '../helpers/bin.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO, 'fixtures/municipal-tax');
let report: Report;
const rel = (id: string) => report.relations.find((r) => r.id === `zeimu.public.${id}`)!;

beforeAll(async () => {
  report = (await scan({ paths: ['.'], cwd: FIXTURE })).report;
});

describe('composite shared keys: fixtures/municipal-tax', () => {
  it('classifies each ledger', () => {
    expect(
      Object.fromEntries(
        report.relations.map((r) => [r.id.replace('zeimu.public.', ''), `${r.classification}/${r.basis}`]),
      ),
    ).toEqual({
      nozei_gimusha: 'specific/holds-number',
      kazei_daicho: 'specific/reachable', // implied by the whole key, read in full by kazei-system
      nofu_rireki: 'not-specific/access-controlled', // shuno-system cannot read 納税義務者番号
      tokucho_tsuchi: 'not-specific/access-controlled', // composite FK: half of it is not a link
    });
    expect(report.summary.warnings).toBe(0);
  });

  it('the path names every column of the key', () => {
    expect(rel('kazei_daicho').reachable).toEqual([
      {
        principal: 'kazei-system',
        numberColumn: 'zeimu.public.nozei_gimusha.kjn_no',
        path: [
          {
            from: 'zeimu.public.kazei_daicho.shichoson_cd',
            to: 'zeimu.public.nozei_gimusha.shichoson_cd',
            via: 'implied-key',
            key: { from: ['shichoson_cd', 'gimusha_no'], to: ['shichoson_cd', 'gimusha_no'] },
          },
        ],
      },
    ]);
  });

  it('the block is the key column the principal cannot read, not the first column of the key', () => {
    for (const id of ['nofu_rireki', 'tokucho_tsuchi']) {
      expect(rel(id).blocked.map((b) => [b.principal, b.control, b.at])).toEqual([
        ['shuno-system', 'no-column-privilege', 'zeimu.public.nozei_gimusha.gimusha_no'],
      ]);
    }
  });

  it('the real bin shows the whole key in the text report and explain', async () => {
    const run = (args: string[]) => runBin(args, FIXTURE);
    const { stdout } = await run(['scan', '.']);
    expect(stdout).toContain(
      'zeimu:kazei_daicho.(shichoson_cd, gimusha_no) →(implied key) zeimu:nozei_gimusha.(shichoson_cd, gimusha_no) ⇒ zeimu:nozei_gimusha.kjn_no',
    );
    const explained = await run(['explain', 'zeimu.public.tokucho_tsuchi']);
    expect(explained.stdout).toContain('blocked at zeimu.public.nozei_gimusha.gimusha_no');
  });
});
