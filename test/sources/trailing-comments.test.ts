/**
 * Japanese vendor DDL: the 論理名 written after a column on its own line (`KJN_NO CHAR(12),
 * /* 個人番号 *\/`, `USER_NO VARCHAR(12), -- マイナンバー用のカラム`) is the column's comment in
 * every SQL dialect spif reads, for detection and for the 評価書 record items; a declared comment
 * (COMMENT ON, MySQL COMMENT '…', BigQuery OPTIONS(description=…)) wins.
 * fixtures/vendor-ddl ships one table definition per product, as install scripts do.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { proposeRecordItems } from '../../src/report/record-items.js';
import type { Report } from '../../src/report/model.js';
import { BIN } from '../helpers/bin.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(REPO, 'fixtures/vendor-ddl');
let report: Report;

beforeAll(async () => {
  report = (await scan({ paths: ['.'], cwd: FIXTURE })).report;
});

const KOJIN = ['pg.public.t_kojin', 'my.main.T_KOJIN', 'lite.main.t_kojin', 'bq.jumin.T_KOJIN'];

describe('trailing column comments in vendor install scripts', () => {
  it.each(KOJIN)('%s: KJN_NO /* 個人番号 */ and USER_NO -- マイナンバー用のカラム are number columns', (id) => {
    const r = report.relations.find((x) => x.id === id)!;
    expect(r.numberColumns.map((n) => [n.column, n.rule, n.evidence])).toEqual([
      ['kjn_no', 'comment-kojin-bango', "comment '個人番号'"],
      ['user_no', 'comment-my-number', "comment 'マイナンバー用のカラム'"],
    ]);
  });

  it.each(KOJIN)('%s: every column carries its 論理名; the declared comment wins over the trailing one', (id) => {
    const r = report.relations.find((x) => x.id === id)!;
    expect(r.columns?.map((c) => [c.name, c.comment])).toEqual([
      ['atena_no', '宛名番号'],
      ['kjn_no', '個人番号'],
      ['shimei_kanji', '氏名'],
      ['seinengappi', '生年月日'],
      ['kyu_bango', '旧宛名番号'],
      ['user_no', 'マイナンバー用のカラム'],
      ['biko', '備考'],
    ]);
  });

  it('locates a number column found by its trailing comment at the comment', () => {
    const r = report.relations.find((x) => x.id === 'pg.public.t_kojin')!;
    const kjn = r.numberColumns.find((n) => n.column === 'kjn_no')!;
    expect(kjn.source).toMatchObject({ file: 'install/postgresql/01_create_table.sql', line: 6, column: 53 });
  });

  it('leading-comma style and a constraint line: comments go to their own column only', () => {
    const setai = report.relations.find((x) => x.id === 'pg.public.t_setai')!;
    expect(setai.columns?.map((c) => [c.name, c.comment])).toEqual([
      ['setai_no', '世帯番号'],
      ['atena_no', '宛名番号'],
      ['zokugara', '続柄'],
    ]);
  });

  it('the 評価書 record items read the trailing comment (氏名, 生年月日)', () => {
    const items = proposeRecordItems(report.relations.filter((r) => r.id === 'my.main.T_KOJIN'));
    const byColumn = Object.fromEntries(
      items.categories.flatMap((c) => c.columns.map((x) => [x.column, [c.category, x.evidence]])),
    );
    expect(byColumn.shimei_kanji?.[1]).toBe('氏名');
    expect(byColumn.seinengappi?.[1]).toBe('生年月日');
    expect(byColumn.kjn_no?.[0]).toBe('individual-number');
  });

  it('the real bin reports them through a pipe', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'scan', '.', '--format', 'json'], {
      cwd: FIXTURE,
      env: { ...process.env, LANG: 'ja_JP.UTF-8' },
    });
    const json = JSON.parse(stdout) as Report;
    expect(
      json.relations
        .filter((r) => r.numberColumns.some((n) => n.column === 'kjn_no'))
        .map((r) => r.id)
        .sort(),
    ).toEqual([...KOJIN].sort());
    expect(json.summary.warnings).toBe(0);
  });
});
