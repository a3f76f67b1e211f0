/**
 * The readers' reasons in the user's language (issue 19.4): a routine's unanalysed reason that a
 * reader builds from parts (PL/pgSQL's dynamic statements, each with its body line) is Japanese
 * with `--lang ja`, and with `--lang en` the same English as before, through the real bin. The
 * MySQL reader's "expected …" of a CREATE PROCEDURE/TRIGGER cut short names what is missing once
 * (it said "expected expected the routine body").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';

const C = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' };
let dir: string;

/** The lines of the diagnostics section. */
function diagnostics(out: string): string[] {
  return out.split('\n').filter((l) => l.includes('SPIF-'));
}

/** Runs of three or more English words: a sentence left in English (SQL keywords are upper case). */
function englishIn(line: string): string[] {
  return line.match(/\b[a-z]+(?:[ ,;]+[a-z]+){2,}\b/g) ?? [];
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-reasons-'));
  fs.mkdirSync(path.join(dir, 'pg'));
  // PL/pgSQL statements that run SQL built at run time: EXECUTE, OPEN … FOR EXECUTE, RETURN QUERY EXECUTE
  // (https://www.postgresql.org/docs/current/plpgsql-statements.html#PLPGSQL-STATEMENTS-EXECUTING-DYN).
  fs.writeFileSync(
    path.join(dir, 'pg/schema.sql'),
    [
      'CREATE TABLE kojin (id int PRIMARY KEY, kojin_bango char(12));',
      'CREATE FUNCTION dyn() RETURNS void LANGUAGE plpgsql AS $$',
      'BEGIN',
      "  EXECUTE 'INSERT INTO kojin SELECT * FROM ' || 'kojin';",
      'END $$;',
      'CREATE FUNCTION dynq() RETURNS SETOF kojin LANGUAGE plpgsql AS $$',
      'DECLARE c refcursor;',
      'BEGIN',
      "  OPEN c FOR EXECUTE 'SELECT * FROM kojin';",
      "  RETURN QUERY EXECUTE 'SELECT * FROM kojin';",
      'END $$;',
      '',
    ].join('\n'),
  );
  fs.mkdirSync(path.join(dir, 'my'));
  // PREPARE … FROM @q / EXECUTE runs a statement built at run time
  // (https://dev.mysql.com/doc/refman/8.4/en/sql-prepared-statements.html); CREATE PROCEDURE needs
  // its parameter list and a body, CREATE TRIGGER a body
  // (https://dev.mysql.com/doc/refman/8.4/en/create-procedure.html, …/create-trigger.html).
  fs.writeFileSync(
    path.join(dir, 'my/schema.sql'),
    [
      'CREATE TABLE kojin (id int PRIMARY KEY, kojin_bango char(12));',
      'DELIMITER //',
      'CREATE PROCEDURE dyn()',
      'BEGIN',
      "  SET @q = CONCAT('INSERT INTO kojin SELECT * FROM ', 'kojin');",
      '  PREPARE s FROM @q;',
      '  EXECUTE s;',
      'END //',
      'DELIMITER ;',
      'CREATE PROCEDURE p;',
      'CREATE PROCEDURE q()',
      ';',
      'CREATE TRIGGER tr BEFORE INSERT ON kojin FOR EACH ROW;',
      'CREATE PROCEDURE (x) BEGIN END;',
      '',
    ].join('\n'),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('PostgreSQL: a dynamic body', () => {
  it('is said in Japanese with --lang ja', async () => {
    const r = await runBin(['scan', 'pg', '--lang', 'ja'], dir, C);
    const lines = diagnostics(r.stdout).filter((l) => l.includes('SPIF-FUNCTION-UNANALYSED'));
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).toContain('実行時に組み立てる問合せの EXECUTE（本体の 3 行目）');
    expect(lines.join('\n')).toContain('OPEN … FOR EXECUTE（本体の 4 行目）、RETURN QUERY EXECUTE（本体の 5 行目）');
    for (const l of lines) expect(englishIn(l), l).toEqual([]);
  });

  it('is the same English as before with --lang en', async () => {
    const r = await runBin(['scan', 'pg', '--lang', 'en'], dir, C);
    const lines = diagnostics(r.stdout).map((l) => l.trim());
    expect(lines).toContain(
      'pg/schema.sql:2:1: warning SPIF-FUNCTION-UNANALYSED function default.public.dyn(): its body runs dynamic SQL: EXECUTE of a query built at run time (body line 3)',
    );
    expect(lines).toContain(
      'pg/schema.sql:6:1: warning SPIF-FUNCTION-UNANALYSED function default.public.dynq(): its body runs dynamic SQL: OPEN … FOR EXECUTE (body line 4); RETURN QUERY EXECUTE (body line 5)',
    );
  });
});

describe('MySQL: a dynamic body and routines cut short', () => {
  it('is said in Japanese with --lang ja', async () => {
    const r = await runBin(['scan', 'my', '--dialect', 'mysql', '--lang', 'ja'], dir, C);
    const lines = diagnostics(r.stdout);
    expect(lines).toHaveLength(5);
    const text = lines.join('\n');
    expect(text).toContain('動的 SQL（PREPARE／EXECUTE）');
    expect(text).toContain('「(」とパラメーター一覧 があるはずの所に');
    expect(text).toContain('ルーチンの本体 があるはずの所に');
    expect(text).toContain('トリガーの本体 があるはずの所に');
    expect(text).toContain('ルーチン名 があるはずの所に "x" がある');
    for (const l of lines) expect(englishIn(l), l).toEqual([]);
  });

  it('says what is missing once in English', async () => {
    const r = await runBin(['scan', 'my', '--dialect', 'mysql', '--lang', 'en'], dir, C);
    const lines = diagnostics(r.stdout).map((l) => l.trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        'my/schema.sql:10:19: error SPIF-SQL-SYNTAX expected ( and the parameter list at end of statement',
        'my/schema.sql:11:21: error SPIF-SQL-SYNTAX expected the routine body at end of statement',
        'my/schema.sql:13:54: error SPIF-SQL-SYNTAX expected the trigger body at end of statement',
        'my/schema.sql:14:19: error SPIF-SQL-SYNTAX expected a routine name, found "x"',
      ]),
    );
    expect(lines.join('\n')).not.toContain('expected expected');
  });
});
