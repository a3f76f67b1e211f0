/**
 * Issue 15: never a silent miss. A file of the number (a photo URL of the card's back), a lone part
 * of it (下4桁, PPC Q&A 9-4) and a my_number in a contacts relation are candidates 要確認 with their
 * reason, not silently "not"; the general precision rules (ORM integer fields, a code-list comment,
 * a telephone format, another scheme's qualifier) say "not" only with a sign that settles it.
 * Through the real bin on a PostgreSQL schema of our own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { reportSchema } from '../../src/report/model.js';
import { classifyColumn } from '../../src/detect/index.js';
import { typeCapacity } from '../../src/detect/column-type.js';

const SCHEMA = `-- スタッフ管理
CREATE TABLE therapists (
  id integer PRIMARY KEY,
  real_name text,
  mynumber_photo_url text,
  mynumber_photo_url_back text
);
CREATE TABLE shain (
  shain_id integer PRIMARY KEY,
  kojin_bango_last4 char(4),
  simei varchar(40)
);
CREATE TABLE contacts (
  id integer PRIMARY KEY,
  mynum varchar(255),
  addr text,
  processed boolean
);
CREATE TABLE kojin_bango_ido (
  id integer PRIMARY KEY,
  ido_jiyu varchar(2)
);
COMMENT ON COLUMN kojin_bango_ido.ido_jiyu IS '異動事由 01：台帳の異動 02：個人番号の変更による異動';
`;

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-review-'));
  fs.mkdirSync(path.join(dir, 'db'));
  fs.writeFileSync(path.join(dir, 'db', 'schema.sql'), SCHEMA);
  return dir;
}

const outcome = (c: ReturnType<typeof classifyColumn>) =>
  !c || 'excludedBy' in c ? 'not' : c.candidate ? 'candidate' : 'number';

describe('review rules: candidates 要確認 instead of a silent veto', () => {
  it('JSON lists the back photo URL, the lone 下4桁 and the contacts mynum as candidates, each with its reason', async () => {
    const r = await runBin(['scan', '.', '--format', 'json'], project());
    expect(r.code, r.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    const candidates = (name: string) =>
      (report.relations.find((x) => x.name === name)?.candidates ?? []).map((c) => [c.column, c.rule]);
    expect(candidates('therapists')).toEqual([['mynumber_photo_url_back', 'file-reference']]);
    expect(candidates('shain')).toEqual([['kojin_bango_last4', 'masked-partial']]);
    expect(candidates('contacts')).toEqual([['mynum', 'contact-relation']]);
    expect(candidates('kojin_bango_ido')).toEqual([]);
    const shain = report.relations.find((x) => x.name === 'shain')!;
    expect(shain.candidates?.[0]?.reason).toContain('PPC Q&A 9-4');
    expect(report.summary.candidates).toBe(3);
  });

  it('text in Japanese gives the reasons in Japanese', async () => {
    const r = await runBin(['scan', '.', '--lang', 'ja'], project(), { LANG: 'ja_JP.UTF-8', NO_COLOR: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('個人情報保護委員会 Q&A 9-4');
    expect(r.stdout).toContain('保存した場所');
    expect(r.stdout).toContain('お問い合わせフォーム');
  });

  it('check fails on them until numberColumns decides them', async () => {
    const dir = project();
    expect((await runBin(['check', '.'], dir)).code).toBe(1);
    fs.writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      [
        'version: 1',
        'numberColumns:',
        '  exclude:',
        '    - { column: "default.public.shain.kojin_bango_last4", reason: "画面表示用のマスク値。検索・照合には使わない" }',
        '    - { column: "default.public.contacts.mynum", reason: "問い合わせ者の電話番号" }',
        '  include:',
        '    - { column: "default.public.therapists.mynumber_photo_url_back", reason: "カード裏面の写真（個人番号記載）" }',
        '',
      ].join('\n'),
    );
    const decided = await runBin(['check', '.'], dir);
    expect(decided.stderr).toBe('');
    expect(decided.stdout).not.toContain('SPIF-CHECK-CANDIDATE');
  });
});

describe('precision rules say "not" only with a sign that settles it', () => {
  it('reads ORM integer fields as 32-bit or smaller (Django, Laravel)', () => {
    expect(typeCapacity('models.IntegerField()')).toEqual({ size: 10, unit: 'digits' });
    expect(typeCapacity('models.PositiveSmallIntegerField()')).toEqual({ size: 5, unit: 'digits' });
    expect(typeCapacity("$table->integer('mynumber')->default(0)")).toEqual({ size: 10, unit: 'digits' });
    expect(typeCapacity("$table->unsignedTinyInteger('x')")).toEqual({ size: 3, unit: 'digits' });
    expect(typeCapacity('models.BigIntegerField()')).toBeUndefined();
    expect(typeCapacity("$table->bigInteger('x')")).toBeUndefined();
  });

  it.each([
    [{ name: 'MyNumber', type: 'models.IntegerField()', siblings: [{ name: 'Benutzername' }] }, 'not'],
    [{ name: 'my_number', type: 'models.IntegerField()', siblings: [{ name: 'shimei' }] }, 'candidate'],
    [{ name: 'mynumber', type: "$table->string('mynumber', 12)" }, 'number'],
    [{ name: 'myNumber', table: 'team', type: 'z.string().regex(/^\\+?[0-9]{6,14}$/)' }, 'not'],
    [{ name: 'personal_number', comment: 'Rodné číslo' }, 'not'],
    [{ name: 'personal_number', table: 'mst_info_contact', siblings: [{ name: 'phone_number_1' }] }, 'not'],
    [{ name: 'personal_number', table: 'mst_info_contact', siblings: [{ name: 'addr' }] }, 'candidate'],
    [{ name: 'medicareAdvantageIndividualNumber' }, 'not'],
    [{ name: 'employee_my_number' }, 'number'],
    [{ name: 'idoJiyu', comment: '異動事由 01：新規 02：個人番号の変更による異動' }, 'not'],
    [{ name: 'col9', comment: '個人番号 1:本人 2:配偶者' }, 'number'],
    [{ name: 'jp_my_number_statutory_purpose_code' }, 'not'],
    [{ name: 'jp_my_number_raw_vault_ref' }, 'candidate'],
  ] as const)('%j → %s', (column, expected) => {
    expect(
      outcome(classifyColumn({ ...column, siblings: 'siblings' in column ? [...column.siblings] : undefined })),
    ).toBe(expected);
  });
});
