/** MySQL's parenthesised multi-column `ALTER TABLE t ADD (a INT, b INT)` is read, each column at its own location. */
import { describe, expect, it } from 'vitest';
import { parenthesisedAdd } from '../../../src/sources/mysql/alter-table.js';
import { at, read, strip } from './helpers.js';
import { nth } from '../../../src/indexed.js';

describe('ALTER TABLE t ADD (a, b)', () => {
  it('adds every column, with types, comments and their own locations', () => {
    const r = read(
      [
        'CREATE TABLE hihokensha (hihokensha_no char(8) PRIMARY KEY);',
        'ALTER TABLE hihokensha ADD (',
        "  kojin_bango char(12) COMMENT '個人番号',",
        "  kingaku decimal(12, 0) NOT NULL DEFAULT '0',",
        "  `status` enum('a', 'b')",
        ');',
        'ALTER TABLE kyufu.rireki ADD COLUMN (bango varchar(12), memo text);',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const adds = r.ops.filter((o) => o.op === 'add-column');
    expect(adds.map(strip)).toEqual([
      expect.objectContaining({
        table: { schema: 'main', name: 'hihokensha' },
        column: expect.objectContaining({ name: 'kojin_bango', type: 'char(12)', comment: '個人番号' }),
      }),
      expect.objectContaining({ column: expect.objectContaining({ name: 'kingaku', type: 'decimal(12,0)' }) }),
      expect.objectContaining({ column: expect.objectContaining({ name: 'status' }) }),
      expect.objectContaining({
        table: { schema: 'kyufu', name: 'rireki' },
        column: expect.objectContaining({ name: 'bango' }),
      }),
      expect.objectContaining({ column: expect.objectContaining({ name: 'memo' }) }),
    ]);
    const kojin = nth(adds, 0);
    expect(kojin.column.source).toEqual(at(3, 3));
    expect(kojin.at).toEqual(at(2, 1));
  });

  it('a definition the parsers reject is still one located syntax error for the statement', () => {
    const r = read('CREATE TABLE t (a int);\nALTER TABLE t ADD (b int, c nonsense nonsense);');
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['error', 'SPIF-SQL-SYNTAX', 2]]);
  });

  it('only the whole-statement form is taken apart', () => {
    expect(parenthesisedAdd('ALTER TABLE t ADD (a int), DROP COLUMN x')).toBeUndefined();
    expect(parenthesisedAdd('ALTER TABLE t ADD COLUMN a int')).toBeUndefined();
    expect(parenthesisedAdd('ALTER TABLE t ADD (a int, b varchar(3));')?.definitions).toHaveLength(2);
  });
});
