/**
 * The spif side of the oracle: the accepted SQL goes through the real pipeline (PostgreSQL reader
 * → catalog builder → access resolver), nothing mocked.
 */
import { postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { buildCatalog } from '../../src/catalog/build.js';
import { createAccessResolver, type AccessResolver } from '../../src/access/resolver.js';
import type { Catalog } from '../../src/catalog/model.js';
import type { Diagnostic } from '../../src/diagnostics.js';

export const DATABASE = 'default';

export interface SpifSide {
  catalog: Catalog;
  resolver: AccessResolver;
  diagnostics: Diagnostic[];
}

export async function runSpif(sql: string, options: { postgresVersion?: number } = {}): Promise<SpifSide> {
  const read = await postgresqlReader.read({ path: 'case.sql', text: sql }, { dialect: 'postgresql' });
  const built = buildCatalog([{ database: DATABASE, dialect: 'postgresql', ops: read.ops }], options);
  const resolver = createAccessResolver(built.catalog, options);
  return { catalog: built.catalog, resolver, diagnostics: [...read.diagnostics, ...built.diagnostics] };
}

/** A unit list rendered as the script spif reads: one statement per line, `;`-terminated. */
export function unitsToSql(units: string[][]): string {
  return units.map((u) => u.map((s) => `${s};`).join('\n')).join('\n') + '\n';
}
