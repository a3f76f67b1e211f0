/**
 * Issue 15, session 12 rules, through the real bin on a PostgreSQL schema of our own: another
 * country's number (a country before an English number name, a comment naming another scheme or a
 * serial), a simplified-Chinese comment, a bare English number name in a relation of things, and
 * the two candidates of issue point 4 (a plain 個人番号 among 国保 identifiers, a person id commented
 * only 個人番号). A column plainly the number stays one beside them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { reportSchema } from '../../src/report/model.js';

const SCHEMA = `-- 会員と介護保険の受給者
CREATE TABLE members (
  id integer PRIMARY KEY,
  bg_personal_number varchar(15),
  personal_number varchar(20),
  serial varchar(20),
  individual_number varchar(20),
  my_no varchar(50),
  my_number varchar(12)
);
COMMENT ON COLUMN members.personal_number IS 'EGN';
COMMENT ON COLUMN members.individual_number IS 'Individual / Serial No.';
COMMENT ON COLUMN members.my_no IS '我的编号';
COMMENT ON COLUMN members.my_number IS 'マイナンバー';
CREATE TABLE products (
  id integer PRIMARY KEY,
  individual_number varchar(20),
  customer_my_number varchar(12)
);
CREATE TABLE kyufu_jisseki (
  id integer PRIMARY KEY,
  kokuho_hokensha_no varchar(8),
  hihokenshasho_no varchar(20),
  kojin_bango varchar(20)
);
COMMENT ON COLUMN kyufu_jisseki.kokuho_hokensha_no IS '国保保険者番号';
COMMENT ON COLUMN kyufu_jisseki.hihokenshasho_no IS '被保険者証番号';
COMMENT ON COLUMN kyufu_jisseki.kojin_bango IS '個人番号';
CREATE TABLE access_keys (
  id integer PRIMARY KEY,
  person_no varchar(20)
);
COMMENT ON COLUMN access_keys.person_no IS '個人番号';
`;

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-context-'));
  fs.mkdirSync(path.join(dir, 'db'));
  fs.writeFileSync(path.join(dir, 'db', 'schema.sql'), SCHEMA);
  return dir;
}

describe('session 12 context rules, through the bin', () => {
  it('JSON: another scheme, a Chinese comment and a relation of things are not the number; 国保 and a person id are candidates', async () => {
    const r = await runBin(['scan', '.', '--format', 'json'], project());
    expect(r.code, r.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    const relation = (name: string) => report.relations.find((x) => x.name === name)!;
    const numbers = (name: string) => relation(name).numberColumns.map((c) => [c.column, c.rule]);
    const candidates = (name: string) => (relation(name).candidates ?? []).map((c) => [c.column, c.rule]);
    // bg_personal_number, personal_number 'EGN', individual_number 'Serial No.' and my_no '我的编号' are not numbers.
    expect(numbers('members')).toEqual([['my_number', 'name-my-number']]);
    expect(candidates('members')).toEqual([]);
    expect(numbers('products')).toEqual([['customer_my_number', 'name-my-number']]);
    expect(numbers('kyufu_jisseki')).toEqual([]);
    expect(candidates('kyufu_jisseki')).toEqual([['kojin_bango', 'kokuho-relation']]);
    expect(candidates('access_keys')).toEqual([['person_no', 'person-id-comment']]);
    expect(relation('access_keys').candidates?.[0]?.reason).toContain('person number');
  });

  it('text in Japanese gives the two candidates their reasons in Japanese', async () => {
    const r = await runBin(['scan', '.', '--lang', 'ja'], project(), { LANG: 'ja_JP.UTF-8', NO_COLOR: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('国保システム独自の個人番号');
    expect(r.stdout).toContain('システムの中の人の番号');
  });

  it('check fails on the candidates until numberColumns decides them', async () => {
    const dir = project();
    expect((await runBin(['check', '.'], dir)).code).toBe(1);
    fs.writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      [
        'version: 1',
        'numberColumns:',
        '  exclude:',
        '    - { column: "default.public.kyufu_jisseki.kojin_bango", reason: "国保連インタフェースの国保個人番号" }',
        '    - { column: "default.public.access_keys.person_no", reason: "入退室カードの所有者番号" }',
        '',
      ].join('\n'),
    );
    const decided = await runBin(['check', '.'], dir);
    expect(decided.stderr).toBe('');
    expect(decided.stdout).not.toContain('SPIF-CHECK-CANDIDATE');
  });
});
