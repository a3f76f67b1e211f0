import { expect } from 'vitest';
import type { Dialect } from '../../../src/dialect.js';
import type { CatalogOp } from '../../../src/catalog/ops.js';
import { mysqlReader } from '../../../src/sources/mysql/reader.js';
import type { ReadResult } from '../../../src/sources/types.js';

export const FILE = 'db/schema.sql';

export function read(sql: string, dialect: Dialect = 'mysql'): ReadResult {
  return mysqlReader.read({ path: FILE, text: sql }, { dialect }) as ReadResult;
}

/** Ops without their locations, for comparing what was read. */
export function ops(sql: string, dialect: Dialect = 'mysql'): unknown[] {
  const r = read(sql, dialect);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.ops.map(strip);
}

export function strip(op: CatalogOp): unknown {
  const { at: _at, ...rest } = op;
  return JSON.parse(JSON.stringify(rest, (k, v) => (k === 'source' || k === 'commentSource' ? undefined : v)));
}

export const at = (line: number, column: number) => ({ file: FILE, line, column });
