/**
 * A plain name of the number on a type too short for its 12 digits (`my_number integer`,
 * `kojin_bango varchar(8)`) is a candidate 要確認 (rule name-type-conflict), never a silent veto:
 * listed with its reason, failing `spif check` until the config decides it. An abbreviation on
 * such a type stays vetoed (type-too-short). The 12 digits: 番号法施行令 第8条.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { reportSchema } from '../../src/report/model.js';
import { checkResultSchema } from '../../src/gate/model.js';

const SCHEMA = `-- 人事システム
CREATE TABLE shain (
  shain_id integer PRIMARY KEY,
  my_number integer,
  kojin_no numeric(8),
  simei varchar(40)
);
CREATE TABLE fuyo (
  fuyo_id integer PRIMARY KEY,
  col5 smallint
);
COMMENT ON COLUMN fuyo.col5 IS '個人番号';
`;

function project(config?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-short-'));
  fs.mkdirSync(path.join(dir, 'db'));
  fs.writeFileSync(path.join(dir, 'db', 'schema.sql'), SCHEMA);
  if (config) fs.writeFileSync(path.join(dir, 'spif.config.yaml'), config);
  return dir;
}

describe('a number name on a type too short for 12 digits', () => {
  it('JSON: a candidate with the type in its reason; the abbreviation on a short type is not one', async () => {
    const r = await runBin(['scan', '.', '--format', 'json'], project());
    expect(r.code, r.stderr).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    const shain = report.relations.find((x) => x.name === 'shain')!;
    expect(shain.numberColumns).toEqual([]);
    expect(shain.candidates).toEqual([
      expect.objectContaining({
        column: 'my_number',
        kind: 'individual-number',
        rule: 'name-type-conflict',
        // PostgreSQL's catalog name for integer
        evidence: "column name 'my_number', type int4",
        reason: expect.stringContaining('type int4 cannot hold its 12 digits'),
        settle: expect.stringContaining('numberColumns.include'),
        source: expect.objectContaining({ file: 'db/schema.sql', line: 4 }),
      }),
    ]);
    const fuyo = report.relations.find((x) => x.name === 'fuyo')!;
    expect(fuyo.candidates?.map((c) => [c.column, c.rule, c.reason.startsWith('the comment names')])).toEqual([
      ['col5', 'name-type-conflict', true],
    ]);
    expect(report.summary.candidates).toBe(2);
  });

  it('text in Japanese: the reason names the type', async () => {
    const r = await runBin(['scan', '.', '--lang', 'ja'], project(), { LANG: 'ja_JP.UTF-8', NO_COLOR: '1' });
    expect(r.stdout).toContain('列名は個人番号を指しますが、型 int4 には12桁の個人番号が入りません');
    expect(r.stdout).toContain('列コメントは個人番号を指しますが、型 int2 には12桁の個人番号が入りません');
  });

  it('check fails on them (SPIF-CHECK-CANDIDATE) until numberColumns decides them, with the reason shown', async () => {
    const undecided = await runBin(['check', '.', '--format', 'json'], project());
    expect(undecided.code).toBe(1);
    const findings = checkResultSchema
      .parse(JSON.parse(undecided.stdout))
      .findings.filter((f) => f.code === 'SPIF-CHECK-CANDIDATE');
    expect(
      findings
        .map((f) => {
          const [e] = f.evidence;
          return e?.kind === 'candidate-column' && e.candidate.column;
        })
        .sort(),
    ).toEqual(['col5', 'my_number']);
    const decided = project(
      [
        'version: 1',
        'files: [{ name: 人事ファイル, relations: ["default.public.*"] }]',
        'inventory: [人事ファイル]',
        'numberColumns:',
        '  include: [{ column: default.public.fuyo.col5, reason: 型の宣言誤り、値は12桁（設計書 2.1） }]',
        '  exclude: [{ column: default.public.shain.my_number, reason: 社内の連番（my_numbers 表へのキー） }]',
        '',
      ].join('\n'),
    );
    const check = await runBin(['check', '.'], decided);
    expect(check.code, check.stdout).toBe(0);
    const text = (await runBin(['scan', '.'], decided)).stdout;
    expect(text).toContain(
      '✓ default.public.shain.my_number — decided in the config: not a number column (default.public.shain.my_number; reason: 社内の連番（my_numbers 表へのキー）)',
    );
    const report = reportSchema.parse(JSON.parse((await runBin(['scan', '.', '-f', 'json'], decided)).stdout));
    expect(report.relations.find((x) => x.name === 'fuyo')!.numberColumns[0]).toMatchObject({
      column: 'col5',
      rule: 'config-include',
      reason: '型の宣言誤り、値は12桁（設計書 2.1）',
    });
  });
});

describe('an English my_number on a short type (english-name-short-type)', () => {
  function schema(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-short-en-'));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  }
  const COURSES = 'CREATE TABLE users (id integer PRIMARY KEY, my_number integer, email varchar(200));\n';

  it('is not a column to review when nothing in the scanned schema is Japanese', async () => {
    const r = await runBin(['scan', '.', '--format', 'json'], schema({ 'db/courses.sql': COURSES }));
    const report = reportSchema.parse(JSON.parse(r.stdout));
    expect(report.summary.candidates).toBe(0);
    expect(report.relations[0]?.numberColumns).toEqual([]);
    expect((await runBin(['check', '.'], schema({ 'db/courses.sql': COURSES }))).code).toBe(0);
  });

  it('is a candidate when another file of the schema is Japanese (a comment in kanji)', async () => {
    const dir = schema({
      'db/courses.sql': COURSES,
      'db/staff.sql':
        "CREATE TABLE staff (id integer PRIMARY KEY, name text);\nCOMMENT ON COLUMN staff.name IS '氏名';\n",
    });
    const report = reportSchema.parse(JSON.parse((await runBin(['scan', '.', '--format', 'json'], dir)).stdout));
    expect(report.summary.candidates).toBe(1);
    expect(report.relations.find((x) => x.name === 'users')!.candidates).toEqual([
      expect.objectContaining({ column: 'my_number', rule: 'name-type-conflict' }),
    ]);
  });

  it('is a candidate when its own relation has a romanised Japanese name beside it', async () => {
    const dir = schema({ 'db/a.sql': 'CREATE TABLE person (id integer, my_number integer, shimei text);\n' });
    const report = reportSchema.parse(JSON.parse((await runBin(['scan', '.', '--format', 'json'], dir)).stdout));
    expect(report.relations[0]?.candidates?.map((c) => c.column)).toEqual(['my_number']);
  });
});
