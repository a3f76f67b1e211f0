/**
 * A view over a relation no source defines (issue 12.9): a located warning naming the missing
 * relation, and the view's columns keep their base columns' names for detection. Real bin, on a
 * repository whose views read a table another repository owns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinSync } from '../helpers/bin.js';
import { nth } from '../../src/indexed.js';

const repo = path.resolve(__dirname, '../..');
const fixture = path.join(repo, 'fixtures/views-missing-base');

interface Json {
  relations: {
    id: string;
    classification: string;
    numberColumns?: { column: string; rule: string; evidence: string }[];
  }[];
  diagnostics: { severity: string; code: string; file: string; line: number; column: number; message: string }[];
}

function scan(args: string[], cwd: string): Json {
  const r = runBinSync(['scan', ...args, '--format', 'json'], cwd, { LANG: 'C' });
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  return JSON.parse(r.stdout) as Json;
}

describe('a view over a relation no source defines', () => {
  it('PostgreSQL: one located warning naming the relation; the renamed number column is still found', () => {
    const json = scan(['db', '--dialect', 'postgresql'], fixture);
    const warnings = json.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      // At the JOIN entry that names the relation, not at CREATE VIEW (line 2).
      ['SPIF-VIEW-UNDEFINED-BASE', 'db/views/kojin_ichiran.sql', 7, 8],
    ]);
    expect(nth(warnings, 0).message).toContain('reads default.renkei.bango_kanri, which no source defines');
    expect(nth(warnings, 0).message).toContain('kojin_bango → bango');
    const view = json.relations.find((r) => r.id === 'default.public.kojin_ichiran')!;
    expect(view.classification).toBe('specific');
    expect(view.numberColumns?.map((c) => c.column)).toEqual(['bango']);
    expect(view.numberColumns?.[0]?.evidence).toMatch(
      /carries 'default\.renkei\.bango_kanri\.kojin_bango' .*no source defines default\.renkei\.bango_kanri/,
    );
    // A view over the system catalogs is no warning and holds no number.
    expect(json.relations.find((r) => r.id === 'default.public.table_sizes')?.classification).toBe('not-specific');
  });

  it('MySQL: the same warning and detection', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-view-missing-'));
    fs.writeFileSync(
      path.join(dir, 'views.sql'),
      'CREATE TABLE shiharai (id int PRIMARY KEY, hihokensha_no char(8));\n' +
        'CREATE VIEW v_shiharai AS\n  SELECT s.id, h.my_number AS no FROM shiharai s JOIN hihokensha h ON h.hihokensha_no = s.hihokensha_no;\n',
    );
    const json = scan(['views.sql', '--dialect', 'mysql'], dir);
    // `JOIN hihokensha h` on line 3, column 55.
    expect(json.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['SPIF-VIEW-UNDEFINED-BASE', 3, 55]]);
    expect(json.relations.find((r) => r.id.endsWith('.v_shiharai'))?.numberColumns?.map((c) => c.column)).toEqual([
      'no',
    ]);
  });

  it('PostgreSQL: a base named in a subquery of a materialized view is located there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-view-sub-'));
    fs.writeFileSync(
      path.join(dir, 'mv.sql'),
      'CREATE TABLE atena (atena_no text);\n' +
        'CREATE MATERIALIZED VIEW mv AS\n  SELECT a.atena_no FROM atena a\n   WHERE a.atena_no IN (SELECT atena_no FROM gaibu.taisho);\n',
    );
    const json = scan(['mv.sql', '--dialect', 'postgresql'], dir);
    expect(json.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['SPIF-VIEW-UNDEFINED-BASE', 4, 46]]);
  });

  it('a base a later file defines is no warning (the view is applied after it)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-view-later-'));
    fs.writeFileSync(path.join(dir, '1_views.sql'), 'CREATE VIEW v AS SELECT kojin_bango AS bango FROM t;\n');
    fs.writeFileSync(path.join(dir, '2_tables.sql'), 'CREATE TABLE t (kojin_bango char(12));\n');
    const json = scan(['.', '--dialect', 'postgresql'], dir);
    expect(json.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    expect(json.relations.find((r) => r.id === 'default.public.v')?.numberColumns?.[0]?.rule).toBe('view-lineage');
  });
});
