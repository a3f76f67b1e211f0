/**
 * A Db2 routine's signature: its parameters' data types without their lengths, precisions and
 * scales ("the number of parameters defined for the function, and an ordered list of the types of
 * the parameters (without regard to any parameters of the types)", SQL0454N / SQLSTATE 42723,
 * https://www.ibm.com/support/knowledgecenter/SSEPEK_12.0.0/codes/src/tpc/n454.html), with each
 * type's synonyms spelt one way: `VARCHAR(15)` and `CHARACTER VARYING(15)` are `VARCHAR`, `INT` is
 * `INTEGER`. Overloads of one name are routines of their own, `NAME(VARCHAR, INTEGER)`.
 */
const SYNONYMS: Record<string, string> = {
  INT: 'INTEGER',
  DEC: 'DECIMAL',
  NUMERIC: 'DECIMAL',
  NUM: 'DECIMAL',
  CHARACTER: 'CHAR',
  'CHARACTER VARYING': 'VARCHAR',
  'CHAR VARYING': 'VARCHAR',
  'DOUBLE PRECISION': 'DOUBLE',
  FLOAT: 'DOUBLE',
  'CHARACTER LARGE OBJECT': 'CLOB',
  'BINARY LARGE OBJECT': 'BLOB',
};

/** `VARCHAR(15)` → `VARCHAR`; `CHAR(12) FOR BIT DATA` → `CHAR FOR BIT DATA`; `K.T.C%TYPE` stays. */
export function db2ParameterType(type: string): string {
  const base = type
    .toUpperCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\bCCSID\s+\w+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // the longest spelling first: `CHARACTER VARYING` before `CHARACTER`
  for (const [from, to] of Object.entries(SYNONYMS).sort(([a], [b]) => b.length - a.length))
    if (base === from || base.startsWith(`${from} `)) return to + base.slice(from.length);
  return base;
}
