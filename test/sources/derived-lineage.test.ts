/**
 * A view column computed from the number (UPPER, CAST, concatenation, COALESCE, CASE result,
 * an aggregate) holds the number in every dialect, as in PostgreSQL's reader: a transformed
 * number is still the number (docs/rules.md, "view"). Before, the MySQL, SQLite, BigQuery and
 * vendor readers gave such a column no lineage, so a view granted on its own came out without it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const DERIVED: [string, string][] = [
  ['upper', 'UPPER(kojin_bango)'],
  ['cast', 'CAST(kojin_bango AS VARCHAR(20))'],
  ['concat', "kojin_bango || '-'"],
  ['coalesce', "COALESCE(kojin_bango, '')"],
  ['case', "CASE WHEN id > 0 THEN kojin_bango ELSE '' END"],
];

async function viewOf(dialect: string, expr: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-derived-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'spif.config.yaml'), `version: 1\ndialect: ${dialect}\n`);
  const q = dialect === 'bigquery' ? 'ds.' : '';
  const type = dialect === 'bigquery' ? 'STRING' : 'CHAR(12)';
  fs.writeFileSync(
    path.join(dir, 'schema.sql'),
    `CREATE TABLE ${q}t (id INT, kojin_bango ${type});\nCREATE VIEW ${q}v AS SELECT id, ${expr} AS k2 FROM ${q}t;\n`,
  );
  const { report } = await scan({ paths: [dir], cwd: dir });
  expect(report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return report.relations.find((r) => r.name.toLowerCase() === 'v')!;
}

describe('derived view columns carry the number', () => {
  for (const dialect of ['mysql', 'sqlite', 'bigquery', 'oracle', 'sqlserver', 'db2', 'postgresql']) {
    it.each(DERIVED)(`${dialect}: %s`, async (_, expr) => {
      if (dialect === 'mysql' && expr.includes('||')) expr = "CONCAT(kojin_bango, '-')"; // || is OR in MySQL's default mode
      if (dialect === 'sqlserver' && expr.includes('||')) expr = "kojin_bango + '-'";
      if (dialect === 'bigquery') expr = expr.replace('VARCHAR(20)', 'STRING');
      const v = await viewOf(dialect, expr);
      expect(v.basis).toBe('holds-number');
      expect(v.numberColumns.map((c) => c.column.split('.').at(-1)!.toLowerCase())).toEqual(['k2']);
    });
  }

  it('a CASE condition alone carries nothing (mysql IF as well)', async () => {
    const v = await viewOf('mysql', "IF(kojin_bango IS NULL, 'no', 'yes')");
    expect(v.numberColumns).toEqual([]);
  });
});
