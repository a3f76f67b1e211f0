/**
 * drizzle-kit writes libSQL's (Turso's) own `ALTER TABLE t ALTER COLUMN c TO c <definition>` for
 * a sqlite project (openstatus does), which SQLite and sql-parser-cst reject: "Sets the operation
 * to the Turso extension ALTER COLUMN name TO <new definition>" (turso-sql AlterTable docs). A
 * new type or NOT NULL is quiet, a new name is a rename, a new key or REFERENCES is reported.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../../helpers/bin.js';

const dir = path.resolve(import.meta.dirname, '../../../fixtures/drizzle-libsql');

interface Json {
  relations: { id: string; columns: { name: string }[] }[];
  diagnostics: { severity: string; code: string; file?: string; line?: number }[];
}

describe('libSQL ALTER COLUMN in drizzle-kit migrations', () => {
  it('is read: a rename renames, a type change is quiet, a REFERENCES is one located warning', async () => {
    const r = await runBin(['scan', '.', '--no-config', '--format', 'json'], dir);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.relations.map((x) => [x.id, x.columns.map((c) => c.name)])).toEqual([
      ['default.main.jumin', ['id', 'my_number', 'status']],
    ]);
    expect(json.diagnostics.filter((d) => d.severity !== 'info')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'SPIF-SQL-UNSUPPORTED',
        file: 'drizzle/0001_alter.sql',
        line: 3,
      }),
    ]);
  });
});
