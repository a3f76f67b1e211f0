/**
 * Lineage of a TypeORM view entity whose `expression` is SQL text: the text is read by the
 * PostgreSQL reader as the body of a CREATE VIEW, so ORM views link exactly like SQL views.
 */
import type { ViewDefinition } from '../../catalog/model.js';
import { loadPostgresParser, readPostgresSql } from '../postgresql/reader.js';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function postgresViewLineage(sql: string, name: { schema: string; name: string }): Promise<ViewDefinition | undefined> {
  await loadPostgresParser();
  const text = `CREATE VIEW ${quoteIdent(name.schema)}.${quoteIdent(name.name)} AS ${sql.trim().replace(/;\s*$/, '')}`;
  const result = readPostgresSql({ path: '<view expression>', text });
  if (result.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const ops = result.ops.filter((o) => o.op === 'create-view');
  return ops.length === 1 && ops[0].op === 'create-view' ? ops[0].view : undefined;
}
