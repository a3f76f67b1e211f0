/**
 * PostgreSQL's identifier length: "The system uses no more than NAMEDATALEN-1 bytes of an
 * identifier; longer names can be written in commands, but they will be truncated. By default,
 * NAMEDATALEN is 64 so the maximum identifier length is 63 bytes" (docs, 4.1.1 Identifiers and Key
 * Words). The limit is in bytes of the server encoding (UTF-8 here): a Japanese name is cut at the
 * last whole character (pg_mbcliplen), so 21 kana of three bytes each.
 *
 * Names written in SQL arrive truncated already: libpg-query runs PostgreSQL's own scanner, which
 * truncates every identifier (truncate_identifier). What is left to do here is what the server
 * does itself: the names it makes up for a constraint, index or sequence (makeObjectName), and
 * names inside string constants (`set_config('search_path', …)`, `'name'::regclass`).
 */

const NAMEDATALEN = 64;
const MAX_BYTES = NAMEDATALEN - 1;
const utf8 = new TextEncoder();

function bytes(s: string): number {
  return utf8.encode(s).length;
}

/** The longest prefix of `s` that fits in `limit` bytes and ends on a whole character (pg_mbcliplen). */
export function pgClip(s: string, limit: number): string {
  if (bytes(s) <= limit) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = bytes(ch);
    if (used + n > limit) break;
    out += ch;
    used += n;
  }
  return out;
}

/** An identifier as PostgreSQL keeps it: at most 63 bytes. */
export function pgIdentifier(name: string): string {
  return pgClip(name, MAX_BYTES);
}

/**
 * The column part of a made-up name (ChooseIndexNameAddition / ChooseForeignKeyConstraintNameAddition):
 * the column names joined by `_`, stopping once NAMEDATALEN bytes are reached.
 */
function nameAddition(columns: readonly string[]): string {
  let buf = '';
  for (const c of columns) {
    if (buf) buf += '_';
    buf += pgClip(c, MAX_BYTES);
    if (bytes(buf) >= NAMEDATALEN) break;
  }
  return buf;
}

/**
 * makeObjectName(name1, name2, label): `name1_name2_label` in at most 63 bytes, taking bytes off
 * the longer of name1 and name2 first, each cut at a character boundary.
 */
function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let n1 = bytes(name1);
  let n2 = name2 === undefined ? 0 : bytes(name2);
  const overhead = (name2 === undefined ? 0 : 1) + bytes(label) + 1;
  const avail = MAX_BYTES - overhead;
  while (n1 + n2 > avail) {
    if (n1 > n2) n1--;
    else n2--;
  }
  const a = pgClip(name1, n1);
  return name2 === undefined ? `${a}_${label}` : `${a}_${pgClip(name2, n2)}_${label}`;
}

/**
 * The name PostgreSQL gives a constraint or object declared without one: `<table>_pkey`,
 * `<table>_<columns>_key`, `<table>_<columns>_fkey`, `<table>_<column>_seq`, before any number
 * is added (see pgChooseName).
 */
export function pgDefaultName(table: string, columns: readonly string[] | undefined, label: string): string {
  return makeObjectName(table, columns === undefined ? undefined : nameAddition(columns), label);
}

/**
 * ChooseRelationName / ChooseConstraintName (src/backend/commands/indexcmds.c,
 * src/backend/catalog/pg_constraint.c): the made-up name, and while `taken` says it is used in
 * the schema, the label with 1, 2, … appended (`t_c_key1`), each try cut to 63 bytes by
 * makeObjectName, which keeps the whole label.
 */
export function pgChooseName(
  table: string,
  columns: readonly string[] | undefined,
  label: string,
  taken: (name: string) => boolean,
): string {
  const addition = columns === undefined ? undefined : nameAddition(columns);
  for (let pass = 0; ; pass++) {
    const name = makeObjectName(table, addition, pass ? `${label}${pass}` : label);
    if (!taken(name)) return name;
  }
}
