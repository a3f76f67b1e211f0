/**
 * Triggers that copy the number into other tables (history, audit): the target column holds the
 * number whatever it is called. PostgreSQL runs the trigger function for each row, with `NEW`/`OLD`
 * the row after/before the change (docs 43.10 Trigger Functions); PGlite shows the value landing.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/bin.js';

const run = promisify(execFile);
const repo = path.resolve(__dirname, '../..');
const fixture = 'fixtures/paths/audit-trigger';
const sql = fs.readFileSync(path.join(repo, fixture, 'migrations/001_jumin_audit.sql'), 'utf8');

describe('a trigger copying OLD.kojin_bango into a history table', () => {
  it('PostgreSQL puts the number into jumin_rireki.kyu_no', async () => {
    const pg = await PGlite.create();
    try {
      await pg.exec(sql);
      await pg.exec(
        "INSERT INTO jumin VALUES ('A1', '123456789018'); UPDATE jumin SET kojin_bango = '000000000000' WHERE atena_no = 'A1';",
      );
      const rows = await pg.query<{ atena: string; kyu_no: string }>('SELECT atena, kyu_no FROM jumin_rireki');
      expect(rows.rows).toEqual([{ atena: 'A1', kyu_no: '123456789018' }]);
    } finally {
      await pg.close();
    }
  });

  it('spif reports the history table as holding the number, through the trigger, and joins it to jumin', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'scan', fixture, '--format', 'json'], {
      cwd: repo,
      env: { ...process.env, LANG: 'C' },
    });
    const report = JSON.parse(stdout);
    const rireki = report.relations.find((r: { id: string }) => r.id === 'default.public.jumin_rireki');
    expect(rireki.basis).toBe('holds-number');
    expect(rireki.numberColumns).toEqual([expect.objectContaining({ column: 'kyu_no', rule: 'copy-lineage' })]);
    expect(rireki.numberColumns[0].evidence).toContain("'default.public.jumin.kojin_bango' (trigger");
    expect(rireki.reachable.map((r: { principal: string }) => r.principal)).toContain('app');
    expect(report.diagnostics).toEqual([]);
  });
});
