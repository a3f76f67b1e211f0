/**
 * `--sample N`: reads at most N values of each candidate column (要確認: an abbreviation, a
 * 内部個人番号, a generic 符号 …, as the detection rules judge its name, comment and type) in
 * the same READ ONLY transaction as the catalogs, and keeps only counts (src/detect/check-digit.ts).
 * Values are tallied as they arrive and dropped: never printed, logged, cached or returned.
 * A column spif may not read (no SELECT privilege, a row-security error) is skipped with a
 * diagnostic; its savepoint keeps the transaction usable.
 */
import type pg from 'pg';
import { classifyColumn } from '../../detect/classify.js';
import { emptyStats, tally, type ColumnValueStats } from '../../detect/check-digit.js';
import { type Diagnostic, said } from '../../diagnostics.js';
import type { CatalogRows } from './queries.js';
import { quoteIdent } from './quote.js';

export interface ColumnSample {
  schema: string;
  table: string;
  column: string;
  stats: ColumnValueStats;
}

/** The candidate columns of the tables read (views are not sampled: their queries may be costly). */
export function candidateColumns(rows: CatalogRows): { schema: string; table: string; column: string }[] {
  const tables = new Map(
    rows.relations.filter((r) => r.kind === 'r' || r.kind === 'p' || r.kind === 'm').map((r) => [r.oid, r]),
  );
  const out: { schema: string; table: string; column: string }[] = [];
  for (const c of rows.columns) {
    const t = tables.get(c.relation);
    if (!t) continue;
    const siblings = rows.columns
      .filter((x) => x.relation === c.relation)
      .map((x) => ({ name: x.name, comment: x.comment ?? undefined }));
    const found = classifyColumn({
      name: c.name,
      comment: c.comment ?? undefined,
      type: c.formatted,
      table: t.name,
      siblings,
    });
    if (found && !('excludedBy' in found) && found.candidate)
      out.push({ schema: t.schema, table: t.name, column: c.name });
  }
  return out;
}

export async function sampleColumns(
  client: pg.Client,
  rows: CatalogRows,
  limit: number,
  diagnostics: Diagnostic[],
): Promise<ColumnSample[]> {
  const samples: ColumnSample[] = [];
  for (const target of candidateColumns(rows)) {
    const stats = emptyStats();
    await client.query('SAVEPOINT spif_sample');
    try {
      const result = await client.query({
        text: `select ${quoteIdent(target.column)}::text as v from ${quoteIdent(target.schema)}.${quoteIdent(target.table)} limit ${Math.floor(limit)}`,
        rowMode: 'array',
      });
      for (const row of result.rows as (string | null)[][]) tally(stats, row[0] ?? undefined);
      samples.push({ ...target, stats });
      await client.query('RELEASE SAVEPOINT spif_sample');
    } catch (e) {
      await client.query('ROLLBACK TO SAVEPOINT spif_sample');
      // The server's message names the object, never a value.
      diagnostics.push({
        severity: 'warning',
        code: 'SPIF-LIVE-SAMPLE',
        ...said('diag.live.sampleFailed', `${target.schema}.${target.table}.${target.column}`, (e as Error).message),
      });
    }
  }
  return samples;
}
