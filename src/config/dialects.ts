/** Dialects a config may name, for sources and databases. */
export const DIALECTS = ['postgresql', 'mysql', 'mariadb', 'sqlite', 'bigquery', 'oracle', 'sqlserver', 'db2'] as const;
export type ConfigDialect = (typeof DIALECTS)[number];

export function isDialect(v: unknown): v is ConfigDialect {
  return typeof v === 'string' && (DIALECTS as readonly string[]).includes(v);
}
