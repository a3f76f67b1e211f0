/**
 * Column types in 別添2 as a PIA author reads them: PostgreSQL's internal type names (the catalog
 * keeps `bpchar`, `int4`, …, whatever the DDL wrote) are shown by their SQL-standard names, the
 * names PostgreSQL itself prints (`format_type`; PostgreSQL manual, 8.1 "Data Types", Table 8.1:
 * https://www.postgresql.org/docs/current/datatype.html). Other names are shown as written.
 */
import { capture } from '../indexed.js';
const STANDARD: Record<string, string> = {
  bpchar: 'character',
  char: 'character',
  varchar: 'character varying',
  int2: 'smallint',
  int4: 'integer',
  int: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  timestamptz: 'timestamp with time zone',
  timetz: 'time with time zone',
  varbit: 'bit varying',
  decimal: 'numeric',
};

/** `bpchar(12)` → `character(12)`, `_int4`/`int4[]` → `integer[]`; anything else unchanged. */
export function standardTypeName(type: string): string {
  const m = /^([A-Za-z_][\w]*)(\s*\([^)]*\))?(\[\])?$/.exec(type.trim());
  if (!m) return type;
  const [, , mods = '', array = ''] = m;
  const name = capture(m, 1);
  const lower = name.toLowerCase();
  // PostgreSQL writes array types as _elem in the catalog.
  const element = lower.startsWith('_') && STANDARD[lower.slice(1)] ? lower.slice(1) : undefined;
  const standard = STANDARD[element ?? lower];
  if (!standard) return type;
  return `${standard}${mods.replace(/\s+/g, '')}${element ? '[]' : array}`;
}
