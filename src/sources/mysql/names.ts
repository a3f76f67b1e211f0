/**
 * Identifier folding for MySQL/MariaDB, one rule: follow the server on Linux with the default
 * `lower_case_table_names=0`. Names it stores as files or compares case-sensitively keep their
 * case (databases, tables, views, table aliases, user and role names); names it compares
 * case-insensitively are lower-cased (columns, column aliases, constraint/index names, hosts).
 */
import type { QualifiedName } from '../../catalog/model.js';

export const foldColumn = (name: string): string => name.toLowerCase();
export const foldRelation = (name: string): string => name;
export const foldSchema = (name: string): string => name;

/**
 * An account or role as a role name: `'app'@'%'` → `app@%`, `'app'@'10.0.0.%'` →
 * `app@10.0.0.%`. A name without a host gets `%`, as MySQL does (`CREATE ROLE r` is `r@%`).
 */
export function accountName(user: string, host?: string): string {
  return `${user}@${host === undefined ? '%' : host.toLowerCase()}`;
}

/** Schema of a relation: its qualifier, else the database of the last `USE`, else `main`. */
export function qualified(db: string | null | undefined, name: string, currentSchema: string): QualifiedName {
  return { schema: db ? foldSchema(db) : currentSchema, name: foldRelation(name) };
}

export function nameKey(q: QualifiedName): string {
  return `${q.schema ?? ''}.${q.name}`;
}
