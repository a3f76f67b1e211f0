/**
 * The reader table (src/sources/readers.ts) is what the registry, the worker pool and discovery
 * read: every row's reader carries the row's name, every dialect has one SQL reader, the pool
 * runs exactly the pooled rows, and a directory scan opens exactly the rows' file endings.
 */
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/dialect.js';
import { READERS } from '../../src/sources/readers.js';
import { SOURCE_EXTENSIONS, readerFor } from '../../src/sources/registry.js';
import { POOLED_READERS } from '../../src/sources/worker.js';
import { isSourceName } from '../../src/sources/discover.js';
import { nth } from '../../src/indexed.js';

describe('the reader table', () => {
  it('each row loads the reader of its name', async () => {
    for (const row of READERS) {
      if (row.mode === 'server') {
        expect(row.load, row.name).toBeUndefined();
        continue;
      }
      expect((await row.load!()).name, row.name).toBe(row.name);
    }
  });

  it('every dialect has one SQL reader, chosen by the database dialect and the file ending', () => {
    for (const d of DIALECTS) {
      const sql = READERS.filter((r) => r.mode === 'file' && r.extensions.length > 0 && r.dialects.includes(d));
      expect(
        sql.map((r) => r.name),
        d,
      ).toHaveLength(1);
      expect(readerFor('db/schema.sql', 'CREATE TABLE t (x int);', d)?.name, d).toBe(nth(sql, 0).name);
    }
    expect(readerFor('a.psql', '', 'postgresql')?.name).toBe('postgresql');
    expect(readerFor('a.psql', '', 'mysql')).toBeUndefined();
    expect(readerFor('schema.prisma', 'model A { id Int @id }', 'mysql')?.name).toBe('prisma');
    expect(readerFor('db/seeds/users.csv', 'id\n1\n', 'postgresql')?.name).toBe('seed-data');
  });

  it('the worker pool runs the pooled rows, and discovery opens the rows’ endings', () => {
    expect(Object.keys(POOLED_READERS).sort()).toEqual(
      READERS.filter((r) => r.pooled)
        .map((r) => r.name)
        .sort(),
    );
    expect(new Set(SOURCE_EXTENSIONS)).toEqual(new Set(READERS.flatMap((r) => r.extensions)));
    for (const ext of SOURCE_EXTENSIONS) expect(isSourceName(`db/a.${ext}`), ext).toBe(true);
    expect(isSourceName('db/a.txt')).toBe(false);
  });
});
