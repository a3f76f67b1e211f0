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
}

export function definitionKey(...parts: string[]): string {
  return JSON.stringify(parts);
}

export function emptyDefinitions(): SqlDefinitions {
  return { views: new Map(), policies: new Map() };
}
