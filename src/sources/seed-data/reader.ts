/**
 * Seed data beside the schema — `seeds/*.csv`, `db/seeds/*.json`, `fixtures/*.csv`, Django
 * fixtures — read for number detection by check digit (rule `data-check-digit`). A file's rows
 * belong to the table its name names (`001_users.csv`, `users.seed.json` → `users`); a CSV's
 * header row gives the column names, a JSON row's keys do. Values are tallied and dropped as
 * they are read: only counts leave this module (src/detect/check-digit.ts), so no value reaches
 * the catalog, the parse cache, a report or a log.
 *
 * CSV is parsed by @fast-csv/parse (quoted fields, embedded newlines and quotes as RFC 4180 has
 * them). Rows for a table no scanned source defines are dropped by the catalog builder, as rows
 * of a dump are: they describe no relation spif analyses.
 */
import { parseString } from '@fast-csv/parse';
import { type Dialect, isMysqlFamily } from '../../dialect.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { emptyStats, tally, type ColumnValueStats } from '../../detect/check-digit.js';
import { type Diagnostic, said } from '../../diagnostics.js';
import { LineIndex } from '../text.js';
import { isSeedDataPath, seedTableName } from './paths.js';
import type { ReadContext, ReadResult, SourceReader, SourceText } from '../types.js';
import { nth } from '../../indexed.js';

/** How the dialect stores an unquoted name (seed files name tables and columns plainly). */
function fold(dialect: Dialect, name: string, what: 'relation' | 'column'): string {
  if (dialect === 'oracle' || dialect === 'db2') return name.toUpperCase();
  // MySQL keeps the case of table names (lower_case_table_names=0) and folds columns.
  if (isMysqlFamily(dialect) && what === 'relation') return name;
  return name.toLowerCase();
}

export const seedDataReader: SourceReader = {
  name: 'seed-data',
  accepts: (file) => isSeedDataPath(file),
  read: readSeedData,
};

async function readSeedData(source: SourceText, ctx: ReadContext): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = [];
  const tables = /\.json$/i.test(source.path)
    ? jsonTables(source, diagnostics)
    : await csvTable(source, /\.tsv$/i.test(source.path) ? '\t' : ',', diagnostics);
  const ops: CatalogOp[] = [];
  for (const t of tables) {
    if (t.columns.length === 0) continue;
    ops.push({
      op: 'column-values',
      at: { file: source.path, line: t.line, column: 1 },
      table: { name: fold(ctx.dialect, t.name, 'relation') },
      columns: t.columns.map((c) => fold(ctx.dialect, c, 'column')),
      stats: t.stats,
    });
  }
  return { ops, diagnostics };
}

interface SeedTable {
  name: string;
  columns: string[];
  stats: ColumnValueStats[];
  line: number;
}

/** A CSV (or TSV) file: header row, then rows; an empty field is no value. */
function csvTable(source: SourceText, delimiter: string, diagnostics: Diagnostic[]): Promise<SeedTable[]> {
  const text = source.text.replace(/^\uFEFF/, '');
  return new Promise((resolve) => {
    let columns: string[] | undefined;
    const stats: ColumnValueStats[] = [];
    let row = 0;
    parseString(text, { delimiter, ignoreEmpty: true, trim: false })
      .on('error', (e: Error) => {
        diagnostics.push({
          severity: 'warning',
          code: 'SPIF-SEED-PARSE',
          file: source.path,
          line: row + 2,
          column: 1,
          ...said('diag.seed.csv', row, e.message),
        });
        resolve(columns ? [{ name: seedTableName(source.path), columns, stats, line: 1 }] : []);
      })
      .on('data', (fields: string[]) => {
        if (!columns) {
          columns = fields.map((f) => f.trim());
          return;
        }
        row++;
        fields.forEach((field, i) => {
          if (i >= columns!.length) return;
          stats[i] ??= emptyStats();
          tally(stats[i], field);
        });
      })
      .on('end', () => resolve(columns ? [{ name: seedTableName(source.path), columns, stats, line: 1 }] : []));
  });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A JSON seed file: an array of row objects (the file names the table), an object of arrays
 * (`{"users": [...]}`: each key names a table), or a Django fixture (`[{"model": "app.person",
 * "fields": {...}}]`: the table is Django's default `app_person`).
 */
function jsonTables(source: SourceText, diagnostics: Diagnostic[]): SeedTable[] {
  let data: Json;
  try {
    data = JSON.parse(source.text.replace(/^\uFEFF/, '')) as Json;
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? new LineIndex(source.text).at(Number(m[1])) : { line: 1, column: 1 };
    diagnostics.push({
      severity: 'warning',
      code: 'SPIF-SEED-PARSE',
      file: source.path,
      ...at,
      ...said('diag.seed.json', (e as Error).message),
    });
    return [];
  }
  const tables = new Map<string, SeedTable>();
  const add = (name: string, row: { [key: string]: Json }) => {
    let t = tables.get(name);
    if (!t) tables.set(name, (t = { name, columns: [], stats: [], line: 1 }));
    for (const [key, value] of Object.entries(row)) {
      let i = t.columns.indexOf(key);
      if (i < 0) i = t.columns.push(key) - 1;
      t.stats[i] ??= emptyStats();
      tally(nth(t.stats, i), typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
    }
  };
  const isRow = (v: Json | undefined): v is { [key: string]: Json } =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(data)) {
    for (const item of data) {
      if (!isRow(item)) continue;
      if (typeof item.model === 'string' && isRow(item.fields)) add(item.model.replace('.', '_'), item.fields);
      else add(seedTableName(source.path), item);
    }
  } else if (isRow(data)) {
    for (const [key, value] of Object.entries(data)) {
      if (Array.isArray(value)) for (const item of value) if (isRow(item)) add(key, item);
    }
  }
  if (tables.size === 0) {
    diagnostics.push({
      severity: 'info',
      code: 'SPIF-SEED-SHAPE',
      file: source.path,
      line: 1,
      column: 1,
      ...said('diag.seed.noRows'),
    });
  }
  return [...tables.values()];
}
