import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../../../src/dialect.js';
import type { CatalogOp } from '../../../src/catalog/ops.js';
import type { ReadResult, SourceReader, SourceText } from '../../../src/sources/types.js';
import { nth } from '../../../src/indexed.js';

export const ORM_FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/orm');

export function fixture(rel: string): SourceText {
  const abs = path.join(ORM_FIXTURES, rel);
  return { path: `fixtures/orm/${rel}`, text: readFileSync(abs, 'utf8') };
}

export async function readFixtures(
  reader: SourceReader,
  rels: string[],
  dialect: Dialect = 'postgresql',
  companions: string[] = [],
): Promise<ReadResult> {
  return reader.readProject!(rels.map(fixture), { dialect, companions: companions.map(fixture) });
}

/** A project read of files written in the test (`{ path: text }`), as readFixtures reads fixtures. */
export async function readTexts(
  reader: SourceReader,
  files: Record<string, string>,
  dialect: Dialect = 'postgresql',
): Promise<ReadResult> {
  return reader.readProject!(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { dialect },
  );
}

export type TableOp = Extract<CatalogOp, { op: 'create-table' }>;
export type ViewOp = Extract<CatalogOp, { op: 'create-view' }>;

export function table(result: ReadResult, name: string): TableOp {
  const found = result.ops.filter((o): o is TableOp => o.op === 'create-table' && o.name.name === name);
  if (found.length !== 1)
    throw new Error(
      `expected one table ${name}, found ${found.length}: ${result.ops.map((o) => ('name' in o ? JSON.stringify(o.name) : o.op)).join(', ')}`,
    );
  return nth(found, 0);
}

export function view(result: ReadResult, name: string): ViewOp {
  const found = result.ops.filter((o): o is ViewOp => o.op === 'create-view' && o.name.name === name);
  if (found.length !== 1) throw new Error(`expected one view ${name}, found ${found.length}`);
  return nth(found, 0);
}

export function columnNames(op: TableOp): string[] {
  return op.columns.map((c) => c.name);
}

export function column(op: TableOp, name: string) {
  const c = op.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name} in ${op.name.name}: ${columnNames(op).join(', ')}`);
  return c;
}

/** Foreign keys as [columns, schema.table, referencedColumns] for compact assertions. */
export function fks(op: TableOp): [string[], string, string[]][] {
  return op.foreignKeys.map((f) => [f.columns, `${f.references.schema}.${f.references.name}`, f.referencedColumns]);
}
