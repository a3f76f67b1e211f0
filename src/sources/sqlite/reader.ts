/**
 * The SQLite source reader (sql-parser-cst, dialect 'sqlite'). SQLite compares identifiers
 * case-insensitively, quoted or not, so every name is lower-cased. Unqualified names are in
 * `main`, as in SQLite itself. SQLite has no users or grants.
 */
import type { QualifiedName } from '../../catalog/model.js';
import type { SourceReader } from '../types.js';
import { readCstScript, type CstScriptDialect } from '../cst/catalog.js';
import { nth } from '../../indexed.js';

const fold = (s: string) => s.toLowerCase();

const sqlite: CstScriptDialect = {
  name: 'sqlite',
  foldColumn: fold,
  foldRelation: fold,
  qualify(path: string[]): QualifiedName {
    const name = fold(path.at(-1) ?? '');
    return { schema: path.length >= 2 ? fold(nth(path, path.length - 2)) : 'main', name };
  },
  unsupported: () => undefined,
};

export const sqliteReader: SourceReader = {
  name: 'sqlite',
  accepts(path, _text, ctx) {
    return ctx.dialect === 'sqlite' && /\.(sql|ddl)$/i.test(path);
  },
  read(source) {
    return readCstScript(source, sqlite);
  },
};
