/**
 * Exports from other products scanned with the default dialect (PostgreSQL), as a new user runs
 * spif on them with `--no-config`: an SSMS "Generate Scripts" file (GO batches, [dbo].[T],
 * USE [db]), an Oracle SQL Developer export (VARCHAR2, `/` after PL/SQL), a db2look file and a
 * mysqldump. Each gets one located error that names the dialect it looks like and how to set it,
 * instead of a syntax error per statement, and `check` still fails (issue 12.3 and 12.10).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN_ENV, runBin } from '../helpers/bin.js';
import { looksLike } from '../../src/sources/dialect-sniff.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/dialect-hints');

interface Json {
  relations: { id: string }[];
  diagnostics: { severity: string; code: string; message: string; file: string; line: number; column: number }[];
}

const CASES = [
  { dir: 'ssms-export', file: 'Jumin.sql', dialect: 'sqlserver', label: 'SQL Server', line: 1 },
  { dir: 'oracle-export', file: 'JUMIN_DDL.sql', dialect: 'oracle', label: 'Oracle', line: 6 },
  { dir: 'db2look', file: 'db2look.sql', dialect: 'db2', label: 'Db2', line: 7 },
  { dir: 'mysqldump', file: 'jumin.sql', dialect: 'mysql', label: 'MySQL', line: 14 },
];

describe('a file in another dialect read as PostgreSQL', () => {
  for (const c of CASES) {
    it(`${c.dir}: one located error naming ${c.label} and how to read it so; check fails; read right with --dialect`, async () => {
      const dir = path.join(fixtures, c.dir);
      // from inside the folder, as a user in the export's directory
      const r = await runBin(['scan', '.', '--no-config', '--format', 'json'], dir);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
      const json = JSON.parse(r.stdout) as Json;
      expect(json.diagnostics).toHaveLength(1);
      const d = json.diagnostics[0]!;
      expect(d).toMatchObject({ severity: 'error', code: 'SPIF-SQL-SYNTAX', file: c.file, line: c.line });
      expect(d.message).toContain(`looks like ${c.label}`);
      expect(d.message).toContain(`\`dialect: ${c.dialect}\``);
      expect(d.message).toContain(`\`--dialect ${c.dialect}\``);
      expect(json.relations).toEqual([]); // not read in part

      const ja = await runBin(['scan', '.', '--no-config', '--lang', 'ja'], dir, { ...PLAIN_ENV, LANG: 'ja_JP.UTF-8' });
      expect(ja.stdout).toContain(`${c.label} のもののようである`);
      expect(ja.stdout).toContain(`--dialect ${c.dialect}`);

      const check = await runBin(['check', '.', '--no-config'], dir);
      expect(check.code).toBe(1);

      const right = JSON.parse(
        (await runBin(['scan', '.', '--no-config', '--format', 'json', '--dialect', c.dialect], dir)).stdout,
      ) as Json;
      expect(right.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
      expect(right.relations.length).toBe(2);
    });
  }

  it('a PostgreSQL file with a plain syntax error looks like no other dialect (its errors stay one per statement)', () => {
    const look = looksLike('CREATE TABLE t (a int,);\nCREATE TABLE u (b int,);\n', 'postgresql');
    expect(look).toBeUndefined();
  });

  it('marks of two dialects in equal number say nothing; a tool header alone is enough', () => {
    expect(looksLike('CREATE TABLE `t` (a VARCHAR2(10));', 'postgresql')).toBeUndefined();
    expect(looksLike('/*!40101 SET NAMES utf8 */;', 'postgresql')).toMatchObject({ dialect: 'mysql' });
    expect(looksLike('/*!40101 SET NAMES utf8 */;', 'mysql')).toBeUndefined(); // the dialect being read
  });
});
