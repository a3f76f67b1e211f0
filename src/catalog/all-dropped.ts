/**
 * Sources that create relations and then drop every one of them (an install folder scanned with
 * its `drop_table.sql`, a migration folder with a teardown script): nothing is left to assess,
 * and a report of "0 relations" would look like a clean result. This says so, as an error, so a
 * gate cannot pass on it, and names the files whose statements dropped the relations.
 */
import type { Diagnostic } from '../diagnostics.js';
import { coded, listOf, part, said } from '../diagnostics.js';
import type { Catalog } from './model.js';
import type { CatalogOp } from './ops.js';
import { nth } from '../indexed.js';

export const ALL_DROPPED = 'SPIF-SOURCE-ALL-DROPPED';

export function allDroppedDiagnostics(
  inputs: readonly { database: string; ops: readonly CatalogOp[] }[],
  catalog: Catalog,
): Diagnostic[] {
  const left = new Set<string>();
  for (const r of catalog.relations.values()) if (r.kind !== 'function') left.add(r.database);
  const out: Diagnostic[] = [];
  for (const input of inputs) {
    if (left.has(input.database)) continue;
    const created = input.ops.filter((o) => o.op === 'create-table' || o.op === 'create-view').length;
    const drops = input.ops.filter((o) => o.op === 'drop-relation' || o.op === 'drop-schema');
    if (!created || !drops.length) continue;
    const byFile = new Map<string, number>();
    for (const d of drops) byFile.set(d.at.file, (byFile.get(d.at.file) ?? 0) + 1);
    const files = listOf(
      [...byFile].map(([file, n]) =>
        n === 1 ? part('diag.catalog.dropStatements.one', file) : part('diag.catalog.dropStatements.many', file, n),
      ),
    );
    const first = nth(drops, 0).at;
    out.push({
      ...coded('error', ALL_DROPPED),
      file: first.file,
      line: first.line,
      column: first.column,
      ...(created === 1
        ? said('diag.catalog.allDropped.one', input.database, files)
        : said('diag.catalog.allDropped.many', input.database, created, files)),
    });
  }
  return out;
}
