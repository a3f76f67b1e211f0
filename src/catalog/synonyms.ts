/**
 * Oracle synonyms and Db2 aliases: another name for a table or view, one table of them per file
 * (the readers, for names used later in the same file) and per database (the catalog builder, for
 * names used in other files). One rule for both products:
 * - a synonym grants nothing; a GRANT on a synonym's name grants on the object it stands for, and
 *   a view over the synonym reads that object (Oracle SQL Language Reference 19c, CREATE SYNONYM;
 *   Db2 11.5 SQL Reference, CREATE ALIAS);
 * - a name is the object of that name when one exists; else the private synonym of the name's
 *   schema; else the public synonym of that name (Oracle `CREATE PUBLIC SYNONYM`, schema PUBLIC;
 *   Db2 `CREATE PUBLIC ALIAS`, schema SYSPUBLIC); a synonym of a synonym is followed.
 */
import type { QualifiedName } from './model.js';

/** Where each product keeps its public synonyms. */
export const PUBLIC_SYNONYM_SCHEMA = { oracle: 'PUBLIC', db2: 'SYSPUBLIC' } as const;

const MAX_CHAIN = 16;

export class Synonyms {
  private readonly byName = new Map<string, QualifiedName>();

  constructor(private readonly publicSchema: string) {}

  private static key(schema: string | undefined, name: string): string {
    return `${schema ?? ''}\u0000${name}`;
  }

  get size(): number {
    return this.byName.size;
  }

  /** CREATE [OR REPLACE] [PUBLIC] SYNONYM|ALIAS: `schema` is the synonym's (unused for a public one). */
  define(schema: string | undefined, name: string, target: QualifiedName, isPublic: boolean): void {
    this.byName.set(Synonyms.key(isPublic ? this.publicSchema : schema, name), target);
  }

  drop(schema: string | undefined, name: string, isPublic: boolean): void {
    this.byName.delete(Synonyms.key(isPublic ? this.publicSchema : schema, name));
  }

  /**
   * The object `q` stands for when `exists(q)` is false: its schema's private synonym, else the
   * public one (only for a name written without a schema, when `bare` is known; else for any name
   * that is neither an object nor a private synonym). Undefined when no synonym applies.
   */
  resolve(q: QualifiedName, exists: (q: QualifiedName) => boolean, bare?: boolean): QualifiedName | undefined {
    let current = q;
    let found: QualifiedName | undefined;
    for (let i = 0; i < MAX_CHAIN && !exists(current); i++) {
      const next =
        this.byName.get(Synonyms.key(current.schema, current.name)) ??
        (bare === false && i === 0 ? undefined : this.byName.get(Synonyms.key(this.publicSchema, current.name)));
      if (!next || (next.name === current.name && next.schema === current.schema)) break;
      found = current = next;
    }
    return found;
  }
}
