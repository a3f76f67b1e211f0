/** An identifier for SQL spif writes itself: always quoted, so any name reads back as it is. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
