/**
 * One schema written for several dialects in one folder, as real repositories ship it:
 * EC-CUBE's install scripts (`create_table_pgsql.sql`, `_mysqli.sql`, `_sqlite3.sql`) and
 * ory/pop migrations (`*.postgres.up.sql`, `*.mysql.up.sql`, `*.sqlite3.up.sql`,
 * `*.cockroach.up.sql`). Only the files for the database's dialect are read, with the others named
 * in the one order info; before, every variant was parsed as the one dialect (a syntax error per
 * statement and a duplicate warning per table).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN as bin } from '../helpers/bin.js';

const repo = path.resolve(__dirname, '../..');

interface Json {
  relations: { id: string; classification: string }[];
  diagnostics: { severity: string; code: string; message: string }[];
}

function scan(args: string[]): Json {
  const r = spawnSync(process.execPath, [bin, 'scan', ...args, '--format', 'json', '--no-config'], {
    cwd: path.join(repo, 'fixtures/dialect-files'),
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  return JSON.parse(r.stdout) as Json;
}

describe('files written for several dialects', () => {
  it('PostgreSQL reads the pgsql/postgres files and the ones without a dialect word', () => {
    const json = scan(['.']);
    // comment_set_pgsql.sql sorts before create_table_pgsql.sql: applied after it (one info).
    expect(json.diagnostics.map((d) => `${d.severity}:${d.code}`).sort()).toEqual([
      'info:SPIF-SOURCE-DEFERRED',
      'info:SPIF-SOURCE-ORDER',
    ]);
    const order = json.diagnostics.find((d) => d.code === 'SPIF-SOURCE-ORDER')!.message;
    expect(order).toContain('of files written for several dialects, those for this one');
    expect(order).toMatch(/written for mysql \(file name\)/);
    expect(order).toMatch(/written for cockroachdb \(file name\)/);
    // `…_down.sql` beside `…_up.sql` is a down migration too: kyufu is not dropped.
    expect(order).toMatch(/down migration/);
    expect(json.relations.map((r) => r.id).sort()).toEqual([
      'default.public.dtb_customer',
      'default.public.dtb_order',
      'default.public.jumin',
      'default.public.kyufu',
    ]);
    // comment_set_pgsql.sql is read: its 個人番号 comment decides.
    expect(json.relations.find((r) => r.id === 'default.public.dtb_customer')?.classification).toBe('specific');
  });

  it('--dialect mysql reads the mysqli/mysql files instead', () => {
    const json = scan(['install', 'migrations', '--dialect', 'mysql']);
    expect(json.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(json.relations.map((r) => r.id).sort()).toEqual([
      'default.main.dtb_customer',
      'default.main.dtb_order',
      'default.main.jumin',
      'default.main.kyufu',
    ]);
  });
});
