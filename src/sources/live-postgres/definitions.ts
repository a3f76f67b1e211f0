/**
 * SQL text read from the server that catalog ops do not carry (they carry what it means):
 * view queries and policy expressions. `spif snapshot` writes them back verbatim, so the archived
 * script says exactly what the server said.
 */
export interface SqlDefinitions {
  /** The view's query (pg_get_viewdef), by definitionKey(schema, view). */
  views: Map<string, { sql: string; materialized: boolean; securityInvoker: boolean }>;
  /** USING and WITH CHECK expressions (pg_get_expr), by definitionKey(schema, table, policy). */
  policies: Map<string, { using: string | null; withCheck: string | null }>;
  /**
   * Statements the live reader wrote as SQL and read with the PostgreSQL reader (functions with
   * their owner and EXECUTE privileges, triggers, partitions and inheritance), by the file their
   * ops are located in (`<url>#function:…`).
   */
  scripts: Map<string, string>;
  /** A partitioned table's key (`LIST (nendo)`, pg_get_partkeydef), by definitionKey(schema, table). */
  partitionKeys: Map<string, string>;
}

export function definitionKey(...parts: string[]): string {
  return JSON.stringify(parts);
}

export function emptyDefinitions(): SqlDefinitions {
  return { views: new Map(), policies: new Map(), scripts: new Map(), partitionKeys: new Map() };
}
