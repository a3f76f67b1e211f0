/**
 * Data rows of a PostgreSQL script, for number detection by check digit: `COPY … FROM stdin`
 * blocks and `INSERT … VALUES`. Each value is tallied (src/detect/check-digit.ts) and dropped
 * here; only the counts go into the catalog op, so no value reaches the catalog, the parse
 * cache, a report or a log.
 */
import { emptyStats, tally, type ColumnValueStats } from '../../detect/check-digit.js';

type Node = Record<string, any>;

/** Counts per column of a COPY block's data lines (text format: tab-separated, `\N` NULL; CSV: comma-separated). */
export function copyStats(s: Node, lines: string[]): ColumnValueStats[] | undefined {
  if (!s.is_from || s.filename || s.is_program) return undefined;
  const format = (s.options ?? []).map((o: Node) => o.DefElem).find((d: Node) => d?.defname === 'format')?.arg
    ?.String?.sval;
  const csv = typeof format === 'string' && format.toLowerCase() === 'csv';
  const stats: ColumnValueStats[] = [];
  for (const line of lines) {
    const fields = csv ? splitCsv(line) : line.split('\t');
    fields.forEach((field, i) => {
      stats[i] ??= emptyStats();
      tally(stats[i], csv ? field : field === '\\N' ? undefined : field);
    });
  }
  return stats;
}

/** A CSV line's fields: quotes and doubled quotes handled; an unquoted empty field is NULL. */
function splitCsv(line: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
        v += line[i] === '"' ? '"' : line[i];
        i += line[i] === '"' ? 2 : 1;
      }
      out.push(v);
      i += 2;
    } else {
      const end = line.indexOf(',', i);
      const v = line.slice(i, end === -1 ? line.length : end);
      out.push(v === '' ? undefined : v);
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

/** Counts per column of `INSERT … VALUES (…), (…)`; undefined for other inserts (`INSERT … SELECT`). */
export function insertStats(s: Node): ColumnValueStats[] | undefined {
  const lists: Node[] | undefined = s.selectStmt?.SelectStmt?.valuesLists;
  if (!lists?.length) return undefined;
  const stats: ColumnValueStats[] = [];
  for (const list of lists) {
    (list.List?.items ?? []).forEach((item: Node, i: number) => {
      stats[i] ??= emptyStats();
      tally(stats[i], constantText(item));
    });
  }
  return stats;
}

/** The text of a constant (`'x'`, `123`, `'x'::text`); undefined for NULL and expressions. */
function constantText(item: Node): string | undefined {
  const c: Node | undefined = item.A_Const ?? item.TypeCast?.arg?.A_Const;
  if (!c || c.isnull) return undefined;
  if (c.sval) return String(c.sval.sval ?? '');
  if (c.ival) return String(c.ival.ival ?? 0);
  if (c.fval) return String(c.fval.fval ?? '');
  return undefined;
}
