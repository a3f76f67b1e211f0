/**
 * The one list of SQL dialects spif reads (issue 13.5): the config's `dialect` keys, `--dialect`,
 * the reader registry, the catalog's databases and the readers all name a dialect by this type,
 * and the families some readers share are subsets of it, so adding a dialect starts here.
 */

export const DIALECTS = ['postgresql', 'mysql', 'mariadb', 'sqlite', 'bigquery', 'oracle', 'sqlserver', 'db2'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isDialect(v: unknown): v is Dialect {
  return typeof v === 'string' && (DIALECTS as readonly string[]).includes(v);
}

/** Names users type for a dialect, as psql, pg_dump and ORMs spell them (`--dialect pg`). */
export const DIALECT_ALIASES: Readonly<Record<string, Dialect>> = {
  postgres: 'postgresql',
  pg: 'postgresql',
  pgsql: 'postgresql',
  sqlite3: 'sqlite',
  maria: 'mariadb',
};

/** MySQL and MariaDB: one reader (src/sources/mysql), one access model (access/mysql.ts). */
export type MysqlDialect = Extract<Dialect, 'mysql' | 'mariadb'>;
export function isMysqlFamily(d: Dialect): d is MysqlDialect {
  return d === 'mysql' || d === 'mariadb';
}

/** The products read by the vendor token reader (src/sources/vendor), with per-product access rules. */
export type VendorDialect = Extract<Dialect, 'oracle' | 'sqlserver' | 'db2'>;
export function isVendorDialect(d: Dialect): d is VendorDialect {
  return d === 'oracle' || d === 'sqlserver' || d === 'db2';
}

/** The dialects whose scripts sql-parser-cst reads whole (src/sources/sqlite). */
export type CstScriptDialectName = Extract<Dialect, 'sqlite' | 'bigquery'>;
