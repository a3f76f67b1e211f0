/**
 * Three outcomes per column through the real bin: number columns, candidates 要確認 in every
 * format and summary, `spif check` failing on undecided candidates, and config decisions (with
 * their reasons) shown as the basis of the verdict. Fixture: fixtures/candidates (vendor-style
 * install scripts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';
import { reportSchema } from '../../src/report/model.js';
import { checkResultSchema } from '../../src/gate/model.js';

const repo = path.resolve(__dirname, '../..');
const fixture = path.join(repo, 'fixtures/candidates');

async function spif(args: string[], cwd = repo) {
  return runBin(args, cwd);
}

/** A copy of the fixture with a config, so the config lookup finds it. */
function withConfig(config: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-cand-'));
  fs.cpSync(fixture, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'spif.config.yaml'), config);
  return dir;
}

describe('candidates (要確認) through the real bin', () => {
  it('JSON: numbers, candidates with reason and settle, and the summary count, valid against the schema', async () => {
    const r = await spif(['scan', fixture, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = reportSchema.parse(JSON.parse(r.stdout));
    const shain = report.relations.find((x) => x.name === 'm_shain')!;
    expect(shain.numberColumns.map((n) => [n.column, n.rule])).toEqual([
      ['kjn_bng', 'name-abbreviation'],
      ['kbn_no', 'comment-kojin-bango'],
    ]);
    expect(shain.numberColumns[0]?.evidence).toContain('type bpchar(12)');
    expect(shain.candidates).toBeUndefined();
    const fuyo = report.relations.find((x) => x.name === 'm_shain_fuyo')!;
    expect(fuyo.candidates).toEqual([
      expect.objectContaining({ column: 'naibu_kojin_bango', rule: 'name-naibu-kojin-bango' }),
      expect.objectContaining({
        column: 'kojin_no',
        kind: 'individual-number',
        rule: 'name-abbreviation',
        reason: expect.stringContaining('abbreviation'),
        settle: expect.stringContaining('numberColumns'),
        source: expect.objectContaining({ line: 17 }),
      }),
    ]);
    expect(shain.numberColumns.some((n) => n.column === 'bp_my_number')).toBe(false);
    const fugo = report.relations.find((x) => x.name === 't_fugo_kanri')!;
    expect(fugo.classification).toBe('not-specific');
    expect(fugo.candidates?.[0]).toMatchObject({ column: 'fugo', kind: 'substitute-code', rule: 'fugo-in-fugo-table' });
    expect(report.summary.candidates).toBe(3);
  });

  it('text: a section listing each candidate with what would settle it, and the count in the summary', async () => {
    const r = await spif(['scan', fixture]);
    expect(r.stdout).toContain('3 columns to review (not decided in numberColumns)');
    expect(r.stdout).toMatch(/■ Columns to review \(may hold the number\) \(3\)/);
    expect(r.stdout).toMatch(/\? default\.public\.t_fugo_kanri\.fugo — substitute code\?/);
    expect(r.stdout).toContain('to settle: confirm it is the 機関別符号');
    const ja = await spif(['scan', fixture, '--lang', 'ja']);
    expect(ja.stdout).toContain('要確認の列 3');
  });

  it('SARIF: one warning result per undecided candidate, located at the column', async () => {
    const r = await spif(['scan', fixture, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    const results = sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'SPIF-SCAN-CANDIDATE');
    expect(results).toHaveLength(3);
    expect(results.every((x: { level: string }) => x.level === 'warning')).toBe(true);
    const kojin = results.find((x: { message: { text: string } }) => x.message.text.includes('kojin_no'));
    expect(kojin.locations[0].physicalLocation.region.startLine).toBe(17);
    expect(sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toContain('SPIF-SCAN-CANDIDATE');
  });

  it('Markdown: a list for the PIA author', async () => {
    // The 評価書 formats are Japanese whatever the locale: ask for English.
    const r = await spif(['scan', fixture, '--format', 'markdown', '--lang', 'en']);
    expect(r.stdout).toContain('## Columns to review (may hold the number)');
    const ja = await spif(['scan', fixture, '--format', 'markdown', '--lang', 'ja']);
    expect(ja.stdout).toContain('**要確認の列 3（numberColumns で未決定）**');
    expect(r.stdout).toMatch(/\| `default\.m_shain_fuyo\.kojin_no` \| individual number\? \|/);
  });

  it('check: undecided candidates fail the gate with SPIF-CHECK-CANDIDATE (exit 1)', async () => {
    const r = await spif(['check', fixture, '--format', 'json']);
    expect(r.code).toBe(1);
    const result = checkResultSchema.parse(JSON.parse(r.stdout));
    const candidates = result.findings.filter((f) => f.code === 'SPIF-CHECK-CANDIDATE');
    expect(
      candidates
        .map((f) => {
          const [e] = f.evidence;
          return e?.kind === 'candidate-column' && e.candidate.column;
        })
        .sort(),
    ).toEqual(['fugo', 'kojin_no', 'naibu_kojin_bango']);
    expect(candidates.every((f) => f.fails && f.level === 'error')).toBe(true);
  });

  it('check.failOnCandidates: false reports them as warnings; a suppression by rule accepts them', async () => {
    const files = `files: [{ name: 人事ファイル, relations: ["default.public.*"] }]\ninventory: [人事ファイル]\n`;
    const lenient = withConfig(`version: 1\n${files}check: { failOnCandidates: false }\n`);
    const r = await spif(['check', lenient, '--format', 'json']);
    expect(r.code).toBe(0);
    const result = checkResultSchema.parse(JSON.parse(r.stdout));
    expect(
      result.findings.filter((f) => f.code === 'SPIF-CHECK-CANDIDATE').every((f) => !f.fails && f.level === 'warning'),
    ).toBe(true);
    const suppressed = withConfig(
      `version: 1\n${files}suppressions: [{ rule: SPIF-CHECK-CANDIDATE, reason: 移行中、設計書で確認予定 }]\n`,
    );
    expect((await spif(['check', suppressed])).code).toBe(0);
  });

  it('config decisions: include / substitute / exclude with a reason settle every candidate; the reason is the basis shown', async () => {
    const dir = withConfig(
      [
        'version: 1',
        'files: [{ name: 人事ファイル, relations: ["default.public.*"] }]',
        'inventory: [人事ファイル]',
        'numberColumns:',
        '  include:',
        '    - column: default.public.m_shain_fuyo.kojin_no',
        '      reason: 設計書 3.2 で個人番号と確認',
        '  substitute: [{ column: default.public.t_fugo_kanri.fugo, reason: 中間サーバーの機関別符号 }]',
        '  exclude:',
        '    - column: "*.*.*.naibu_kojin_bango"',
        '      reason: 旧システムの内部番号（15桁）',
        '',
      ].join('\n'),
    );
    const check = await spif(['check', dir]);
    expect(check.code, check.stdout).toBe(0);
    const report = reportSchema.parse(JSON.parse((await spif(['scan', dir, '--format', 'json'])).stdout));
    expect(report.summary.candidates).toBe(0);
    const fuyo = report.relations.find((x) => x.name === 'm_shain_fuyo')!;
    expect(fuyo.numberColumns.find((n) => n.column === 'kojin_no')).toMatchObject({
      rule: 'config-include',
      reason: '設計書 3.2 で個人番号と確認',
      evidence: expect.stringContaining('設計書 3.2 で個人番号と確認'),
    });
    expect(fuyo.candidates?.find((c) => c.column === 'kojin_no')?.decision).toEqual({
      verdict: 'number',
      pattern: 'default.public.m_shain_fuyo.kojin_no',
      reason: '設計書 3.2 で個人番号と確認',
    });
    expect(fuyo.numberColumns.map((n) => n.column)).toEqual(['kojin_no']);
    expect(fuyo.candidates?.find((c) => c.column === 'naibu_kojin_bango')?.decision).toEqual({
      verdict: 'not-number',
      pattern: '*.*.*.naibu_kojin_bango',
      reason: '旧システムの内部番号（15桁）',
    });
    const text = (await spif(['scan', dir])).stdout;
    expect(text).toContain(
      '✓ default.public.m_shain_fuyo.naibu_kojin_bango — decided in the config: not a number column (*.*.*.naibu_kojin_bango; reason: 旧システムの内部番号（15桁）)',
    );
    expect(report.relations.find((x) => x.name === 't_fugo_kanri')).toMatchObject({
      classification: 'specific',
      basis: 'holds-number',
    });
  });

  it('a config entry that is neither a pattern nor { column, reason } is a located error (exit 2)', async () => {
    const dir = withConfig('version: 1\nnumberColumns:\n  include: [{ col: x }]\n');
    const r = await spif(['scan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /spif\.config\.yaml:3: numberColumns\.include\.0: expected a column pattern, or \{ column: pattern, reason: text \}/,
    );
  });
});
