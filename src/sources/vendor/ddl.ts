/**
 * The DDL the three vendor dialects share, read over tokens: CREATE TABLE (columns, types, keys;
 * the storage clauses the export tools write — TABLESPACE, STORAGE(…), PCTFREE, SEGMENT
 * CREATION, ON [PRIMARY], TEXTIMAGE_ON, IN tablespace, ORGANIZE BY, COMPRESS … — cannot change
 * who reads what and are passed over), ALTER TABLE ADD/DROP/RENAME, CREATE UNIQUE INDEX,
 * COMMENT ON, CREATE VIEW (lineage in view-query.ts), DROP. The product readers call these and
 * read their own statements (accounts, grants, masks, policies) themselves.
 */
import { said } from '../../diagnostics.js';
import type { Column, ForeignKey, QualifiedName, ViewDefinition } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { COMMENT_SYNTAX, trailingColumnComments } from '../column-comments.js';
import type { Cursor } from './cursor.js';
import type { Token } from './lexer.js';
import { queryLineage } from './view-query.js';
import { nth } from '../../indexed.js';

type CreateTable = Extract<CatalogOp, { op: 'create-table' }>;

/** Words that end a column's data type and start its constraints and attributes. */
const COLUMN_ATTRIBUTE = new Set([
  'CONSTRAINT',
  'PRIMARY',
  'UNIQUE',
  'REFERENCES',
  'NOT',
  'NULL',
  'DEFAULT',
  'CHECK',
  'IDENTITY',
  'GENERATED',
  'COLLATE',
  'WITH',
  'ENABLE',
  'DISABLE',
  'AS',
  'ROWGUIDCOL',
  'SPARSE',
  'FILESTREAM',
  'MASKED',
  'ENCRYPTED',
  'INVISIBLE',
  'VISIBLE',
  'IMPLICITLY',
  'INLINE',
  'LOGGED',
  'COMPACT',
  'COMPRESS',
  'SECURED',
  'SORT',
  'ENCRYPT',
  'CLUSTERED',
  'NONCLUSTERED',
  'INDEX',
  'PERSISTED',
  'HIDDEN',
  'ROW',
  'DEFERRABLE',
  'INITIALLY',
  'RELY',
  'NORELY',
  'USING',
  'VALIDATE',
  'NOVALIDATE',
  'EXCEPTIONS',
]);
/** Whether the next element of CREATE TABLE ( … ) is a table constraint (or index, period…) rather than a column. */
function isTableElement(c: Cursor): boolean {
  const t = c.peek();
  if (t?.kind !== 'word') return false;
  switch (t.upper) {
    case 'CONSTRAINT':
      return true;
    case 'PRIMARY':
    case 'FOREIGN':
      return c.is('KEY', 1);
    case 'UNIQUE':
      return c.is('(', 1) || c.is('KEY', 1) || c.is('CLUSTERED', 1) || c.is('NONCLUSTERED', 1);
    case 'CHECK':
      return c.is('(', 1);
    case 'INDEX':
      return c.isIdent(1) && !c.is('(', 1); // SQL Server inline index
    case 'PERIOD':
      return c.is('FOR', 1);
    case 'SUPPLEMENTAL':
      return c.is('LOG', 1);
    default:
      return false;
  }
}

interface InlineMask {
  column: string;
  expression: string;
}

export interface TableRead {
  ops: CatalogOp[];
  /** SQL Server `MASKED WITH (FUNCTION = '…')` written on a column. */
  masks: InlineMask[];
}

/** `CREATE [GLOBAL TEMPORARY] TABLE name ( … ) [storage clauses]`, or `… AS SELECT` (a table with lineage). */
export function readCreateTable(c: Cursor): TableRead {
  c.i = 0;
  c.expect('CREATE');
  while (!c.is('TABLE')) c.next(); // GLOBAL TEMPORARY, PRIVATE TEMPORARY, SHARDED, …
  c.expect('TABLE');
  if (c.accept('IF', 'NOT', 'EXISTS')) {
    /* SQL Server 2016+/Db2 11.5 */
  }
  const name = c.relationName();
  const written = writtenName(c, c.tokens[c.i - 1]);
  const at = c.at;
  if (c.is('AS') || (c.is('(') && isColumnNameList(c))) return { ops: readCreateTableAs(c, name), masks: [] };
  if (c.is('LIKE')) c.fail(said('diag.vendor.createTableLike'));
  if (c.is('OF')) c.fail(said('diag.vendor.createTableOf'));
  const op: CreateTable = { op: 'create-table', at, name, columns: [], uniqueKeys: [], foreignKeys: [] };
  if (written) op.writtenName = written;
  const owner = schemaOwner(c, name);
  if (owner) op.owner = owner;
  const masks: InlineMask[] = [];
  c.expect('(');
  for (;;) {
    readElement(c, op, masks);
    if (c.accept(',')) continue;
    c.expect(')');
    break;
  }
  attachTrailingComments(c, op.columns);
  c.ctx.state.relations.set(c.ctx.state.key(name), { kind: 'table', columns: op.columns.map((x) => x.name) });
  return { ops: [op], masks };
}

/**
 * SQL Server keeps a name's case and compares names case-insensitively: spif matches on the
 * lower-cased name and keeps the written one for reports, when they differ.
 */
function writtenName(c: Cursor, token: Token | undefined): string | undefined {
  if (c.ctx.dialect !== 'sqlserver' || !token || (token.kind !== 'word' && token.kind !== 'ident')) return undefined;
  return token.value !== token.value.toLowerCase() ? token.value : undefined;
}

/** `CREATE TABLE t (a, b) AS SELECT …`: a parenthesised list of bare names. */
function isColumnNameList(c: Cursor): boolean {
  let k = 1;
  for (;;) {
    if (!c.isIdent(k)) return false;
    k++;
    if (c.is(',', k)) k++;
    else return c.is(')', k) && c.is('AS', k + 1);
  }
}

/** `KJN_NO CHAR(12), -- 個人番号`: the 論理名 written after a column (shared rule: ../column-comments.ts). */
function attachTrailingComments(c: Cursor, columns: Column[]): void {
  const offsets = columns.map((col) => ({ offset: nameOffsets.get(col) ?? -1 }));
  const found = trailingColumnComments(c.ctx.text, offsets, {
    syntax: COMMENT_SYNTAX[c.ctx.dialect],
    from: c.stmt.start,
  });
  found.forEach((t, k) => {
    const col = columns[k];
    if (t && col && !col.comment) {
      col.comment = t.text;
      col.commentSource = c.ctx.loc(t.offset);
    }
  });
}

/** File offset of each column's name, as read. */
const nameOffsets = new WeakMap<Column, number>();

function readCreateTableAs(c: Cursor, name: QualifiedName): CatalogOp[] {
  const declared = c.is('(') ? c.identList() : undefined;
  c.expect('AS');
  const remotes: CatalogOp[] = [];
  const view = readQuery(c, declared, name, remotes);
  if (!view) return [];
  // Db2 `AS (SELECT …) WITH NO DATA`: an empty table of the same shape; lineage still tells where values came from.
  const owner = schemaOwner(c, name);
  return [...remotes, { op: 'create-view', at: c.at, name, view, relationKind: 'table', ...(owner ? { owner } : {}) }];
}

/** Oracle: a schema is a user, and owns every object in it (Database Concepts, "Schema Objects"). */
function schemaOwner(c: Cursor, name: QualifiedName): string | undefined {
  return c.ctx.dialect === 'oracle' ? name.schema : undefined;
}

function readElement(c: Cursor, op: CreateTable, masks: InlineMask[]): void {
  if (isTableElement(c)) {
    readTableConstraint(c, op);
    return;
  }
  const colStart = c.peek()!;
  const name = c.ident('a column name');
  const typeStart = c.i;
  let depth = 0;
  while (!c.done) {
    const x = c.peek()!;
    if (x.kind === 'punct' && x.value === '(') depth++;
    else if (x.kind === 'punct' && x.value === ')') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && x.kind === 'punct' && x.value === ',') break;
    else if (depth === 0 && x.kind === 'word' && COLUMN_ATTRIBUTE.has(x.upper) && c.i > typeStart) break;
    else if (depth === 0 && x.kind === 'word' && x.upper === 'AS' && c.i === typeStart) break; // computed column, no type
    c.i++;
  }
  const column: Column = { name, source: c.ctx.loc(colStart.start) };
  const written = writtenName(c, colStart);
  if (written) column.writtenName = written;
  nameOffsets.set(column, colStart.start);
  const type = typeText(c, typeStart, c.i);
  if (type) column.type = type;
  op.columns.push(column);
  // constraints and attributes, to the next top-level `,` or `)`
  while (!c.done && !c.is(',') && !c.is(')')) {
    if (c.accept('CONSTRAINT')) {
      c.ident('a constraint name');
      continue;
    }
    if (c.accept('PRIMARY', 'KEY')) {
      op.primaryKey = [name];
      continue;
    }
    if (c.accept('UNIQUE')) {
      op.uniqueKeys.push([name]);
      continue;
    }
    if (c.accept('REFERENCES')) {
      const references = c.relationName();
      const referencedColumns = c.is('(') ? c.identList() : [];
      op.foreignKeys.push({ columns: [name], references, referencedColumns, source: column.source });
      continue;
    }
    if (c.accept('MASKED', 'WITH')) {
      c.expect('(');
      c.expect('FUNCTION');
      c.expect('=');
      masks.push({ column: name, expression: c.string('the masking function') });
      c.expect(')');
      continue;
    }
    if (c.is('(')) c.skipParens();
    else c.next();
  }
}

function readTableConstraint(c: Cursor, op: CreateTable): void {
  let constraintName: string | undefined;
  if (c.accept('CONSTRAINT')) constraintName = c.ident('a constraint name');
  if (c.accept('PRIMARY', 'KEY')) {
    skipIndexKind(c);
    op.primaryKey = c.identList();
  } else if (c.accept('UNIQUE')) {
    c.accept('KEY');
    skipIndexKind(c);
    op.uniqueKeys.push(c.identList());
  } else if (c.accept('FOREIGN', 'KEY')) {
    const fk = readForeignKeyBody(c);
    if (constraintName) fk.name = constraintName;
    op.foreignKeys.push(fk);
  }
  // CHECK (…), INDEX ix (…), PERIOD FOR SYSTEM_TIME (…), and the options after a key
  // (USING INDEX …, WITH (PAD_INDEX = OFF …) ON [PRIMARY], ENABLE, NOT ENFORCED …)
  c.skipUntil(',', ')');
}

function skipIndexKind(c: Cursor): void {
  while (c.accept('CLUSTERED') || c.accept('NONCLUSTERED') || c.accept('HASH')) {
    /* SQL Server index kinds */
  }
}

function readForeignKeyBody(c: Cursor): ForeignKey {
  const at = c.ctx.loc(c.offset);
  const columns = c.identList();
  c.expect('REFERENCES');
  const references = c.relationName();
  const referencedColumns = c.is('(') ? c.identList() : [];
  return { columns, references, referencedColumns, source: at };
}

/** A data type as written, without SQL Server's brackets: `VARCHAR2(300 BYTE)`, `nvarchar(50)`. */
function typeText(c: Cursor, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const t = nth(c.tokens, k);
    const v = t.kind === 'ident' ? t.value : t.value;
    const glue =
      out === '' || v === '(' || v === ')' || v === ',' || out.endsWith('(') || v === '.' || out.endsWith('.');
    out += (glue ? '' : ' ') + v;
  }
  return out.replace(/,(?=\S)/g, ',');
}

/**
 * ALTER TABLE clauses every product has: ADD [CONSTRAINT n] PRIMARY KEY/UNIQUE/FOREIGN KEY, ADD
 * column(s), DROP COLUMN, RENAME COLUMN/TO. Clauses a product reads itself are handed to `own`;
 * those that cannot change reading (MODIFY, CHECK CONSTRAINT, storage, logging) are passed over.
 */
export function readAlterTable(c: Cursor, own?: (table: QualifiedName) => CatalogOp[] | undefined): CatalogOp[] {
  c.i = 0;
  c.expect('ALTER');
  c.expect('TABLE');
  c.accept('ONLY');
  const table = c.relationName();
  const at = c.at;
  const ops: CatalogOp[] = [];
  while (!c.done) {
    const mine = own?.(table);
    if (mine) {
      ops.push(...mine);
      continue;
    }
    if (c.accept('WITH', 'CHECK') || c.accept('WITH', 'NOCHECK')) continue;
    if (c.accept('ADD')) {
      ops.push(...readAdd(c, table, at));
    } else if (c.accept('DROP')) {
      if (
        c.accept('COLUMN') ||
        (c.isIdent() &&
          !['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'FOREIGN', 'INDEX', 'PARTITION', 'SUPPLEMENTAL', 'PERIOD'].includes(
            c.peek()!.upper,
          ) &&
          !c.is('('))
      ) {
        c.accept('IF', 'EXISTS');
        do {
          ops.push({ op: 'drop-column', at, table, column: c.ident('a column name') });
        } while (c.accept(','));
      } else if (c.is('(')) {
        for (const column of c.identList()) ops.push({ op: 'drop-column', at, table, column }); // Oracle DROP (a, b)
      } else {
        c.skipUntil(',');
      }
    } else if (c.accept('RENAME', 'COLUMN')) {
      const from = c.ident();
      c.expect('TO');
      ops.push({ op: 'rename-column', at, table, from, to: c.ident() });
    } else if (c.accept('RENAME', 'TO')) {
      ops.push({ op: 'rename-relation', at, from: table, to: c.relationName().name });
    } else {
      // MODIFY, ALTER COLUMN … TYPE, CHECK CONSTRAINT, NOCHECK, ENABLE/DISABLE, LOGGING, storage …
      c.next();
      c.skipUntil(',', 'ADD', 'DROP', 'RENAME');
    }
    c.accept(',');
  }
  return ops;
}

function readAdd(c: Cursor, table: QualifiedName, at: CatalogOp['at']): CatalogOp[] {
  let name: string | undefined;
  if (c.accept('CONSTRAINT')) name = c.ident('a constraint name');
  if (c.accept('PRIMARY', 'KEY')) {
    skipIndexKind(c);
    const columns = c.identList();
    c.skipUntil(',', 'ADD');
    return [{ op: 'add-primary-key', at, table, columns }];
  }
  if (c.accept('UNIQUE')) {
    skipIndexKind(c);
    const columns = c.identList();
    c.skipUntil(',', 'ADD');
    return [{ op: 'add-unique', at, table, columns }];
  }
  if (c.accept('FOREIGN', 'KEY')) {
    const foreignKey = readForeignKeyBody(c);
    if (name) foreignKey.name = name;
    c.skipUntil(',', 'ADD');
    return [{ op: 'add-foreign-key', at, table, foreignKey }];
  }
  // SQL Server `ADD [CONSTRAINT n] DEFAULT (…) FOR col`, CHECK, Oracle SUPPLEMENTAL LOG …: nothing spif reads
  if (name || c.is('DEFAULT') || c.is('CHECK') || c.is('SUPPLEMENTAL') || c.is('PERIOD') || c.is('PARTITION')) {
    c.skipUntil(',', 'ADD');
    return [];
  }
  c.accept('COLUMN');
  // Oracle `ADD (a NUMBER, b VARCHAR2(10))`; the others `ADD a INT, b INT` / `ADD COLUMN a INT`
  const fake: CreateTable = { op: 'create-table', at, name: table, columns: [], uniqueKeys: [], foreignKeys: [] };
  const masks: InlineMask[] = [];
  if (c.accept('(')) {
    for (;;) {
      readElement(c, fake, masks);
      if (c.accept(',')) continue;
      c.expect(')');
      break;
    }
  } else {
    readElement(c, fake, masks);
  }
  const ops: CatalogOp[] = fake.columns.map((column) => ({ op: 'add-column', at, table, column }));
  if (fake.primaryKey) ops.push({ op: 'add-primary-key', at, table, columns: fake.primaryKey });
  for (const columns of fake.uniqueKeys) ops.push({ op: 'add-unique', at, table, columns });
  for (const foreignKey of fake.foreignKeys) ops.push({ op: 'add-foreign-key', at, table, foreignKey });
  for (const m of masks)
    ops.push({
      op: 'product-rule',
      at,
      rule: { kind: 'mask', table, column: m.column, product: 'ddm', expression: m.expression },
    });
  const known = c.ctx.state.relation(table);
  if (known) known.columns.push(...fake.columns.map((x) => x.name));
  return ops;
}

/** `CREATE [UNIQUE] [CLUSTERED] INDEX n ON t (cols)`: a unique index is a key; others say nothing about reading. */
export function readCreateIndex(c: Cursor): CatalogOp[] {
  c.i = 0;
  c.expect('CREATE');
  const unique = c.accept('UNIQUE');
  while (!c.done && !c.is('INDEX')) c.next();
  c.expect('INDEX');
  if (!unique) return [];
  c.accept('IF', 'NOT', 'EXISTS');
  c.nameParts();
  c.expect('ON');
  const table = c.relationName();
  return [{ op: 'add-unique', at: c.at, table, columns: c.identList() }];
}

/** `COMMENT ON TABLE|VIEW|MATERIALIZED VIEW|COLUMN name IS 'text'` (Oracle, Db2). */
export function readComment(c: Cursor): CatalogOp[] {
  c.i = 0;
  c.expect('COMMENT');
  c.expect('ON');
  const at = c.at;
  if (c.accept('COLUMN')) {
    const parts = c.nameParts();
    c.expect('IS');
    const text = c.string('the comment');
    if (parts.length < 2) c.fail(said('diag.vendor.commentColumn'));
    return [
      {
        op: 'comment-column',
        at,
        table: c.qualify(parts.slice(0, -1)),
        column: nth(parts, parts.length - 1),
        text: text === '' ? null : text,
      },
    ];
  }
  if (c.accept('TABLE') || c.accept('VIEW') || c.accept('MATERIALIZED', 'VIEW') || c.accept('ALIAS')) {
    const name = c.relationName();
    c.expect('IS');
    const text = c.string('the comment');
    return [{ op: 'comment-relation', at, name, text: text === '' ? null : text }];
  }
  // Db2's `COMMENT ON table (col IS '…', col IS '…')`
  if (c.isIdent() && !c.is('INDEX') && !c.is('SCHEMA')) {
    const table = c.relationName();
    if (c.accept('(')) {
      const ops: CatalogOp[] = [];
      do {
        const column = c.ident('a column name');
        c.expect('IS');
        const text = c.string('the comment');
        ops.push({ op: 'comment-column', at, table, column, text: text === '' ? null : text });
      } while (c.accept(','));
      c.expect(')');
      return ops;
    }
  }
  return []; // comments on indexes, schemas, procedures…: nothing a verdict reads
}

/**
 * `CREATE [OR REPLACE | OR ALTER] [NO] [FORCE] [EDITIONABLE|EDITIONING|NONEDITIONABLE] VIEW name
 * [(cols)] [WITH SCHEMABINDING …] AS query [WITH READ ONLY | WITH [CASCADED|LOCAL] CHECK OPTION]`.
 * Oracle, SQL Server and Db2 views all run with their owner's rights (definer's rights).
 */
export function readCreateView(c: Cursor): CatalogOp[] {
  c.i = 0;
  const orReplace =
    c.accept('CREATE', 'OR', 'REPLACE') || c.accept('CREATE', 'OR', 'ALTER') || (c.accept('ALTER') && true);
  if (!orReplace) c.expect('CREATE');
  while (!c.done && !c.is('VIEW')) {
    if (c.is('MATERIALIZED')) c.fail(said('diag.vendor.materializedView'));
    c.next();
  }
  c.expect('VIEW');
  const name = c.relationName();
  let declared: string[] | undefined;
  if (c.is('(')) {
    declared = [];
    c.expect('(');
    for (;;) {
      declared.push(c.ident('a column name'));
      c.skipUntil(',', ')'); // Oracle allows inline constraints here
      if (c.accept(',')) continue;
      c.expect(')');
      break;
    }
  }
  while (c.accept('WITH')) {
    do c.next();
    while (c.accept(',')); // SCHEMABINDING, ENCRYPTION, VIEW_METADATA
  }
  c.accept('BEQUEATH', 'DEFINER');
  if (c.accept('BEQUEATH', 'CURRENT_USER')) c.ctx.warn(said('diag.vendor.bequeathCurrentUser'), c.offset);
  c.expect('AS');
  const remotes: CatalogOp[] = [];
  const view = readQuery(c, declared, name, remotes);
  if (!view) return [];
  const op: CatalogOp = { op: 'create-view', at: c.at, name, view };
  if (orReplace) op.orReplace = true;
  const owner = schemaOwner(c, name);
  if (owner) op.owner = owner;
  return [...remotes, op];
}

/** The query from the cursor to the end of the statement (less WITH READ ONLY / CHECK OPTION). */
function readQuery(
  c: Cursor,
  declared: string[] | undefined,
  name: QualifiedName,
  remotes?: CatalogOp[],
): ViewDefinition | undefined {
  let end = c.tokens.length;
  const tail = c.tokens
    .slice(c.i)
    .map((t) => t.upper)
    .join(' ');
  const m =
    /(?:^| )WITH (?:READ ONLY|(?:CASCADED |LOCAL )?CHECK OPTION)(?: CONSTRAINT \S+)?$|(?:^| )WITH NO DATA$|(?:^| )DEFINITION ONLY$|(?:^| )WITH DATA$/.exec(
      tail,
    );
  if (m) end -= m[0].trim().split(' ').length;
  const outcome = queryLineage(c.ctx.text, c.tokens.slice(c.i, end), c.ctx.dialect, c.ctx.state);
  if (!outcome.ok) {
    c.ctx.error(said('diag.vendor.viewQuery', outcome.message), outcome.offset ?? c.offset);
    return undefined;
  }
  const { lineage } = outcome;
  for (const l of lineage.links) {
    // Oracle `t@link`: the remote object, with the columns this query uses of it (ops before the view's).
    const key = `${l.local.schema ?? ''}.${l.local.name}`;
    const columns = new Set<string>();
    const uses = [...lineage.readsColumns, ...lineage.columns.flatMap((x) => x.from)];
    for (const o of uses)
      if (o.column !== '*' && `${o.relation.schema ?? ''}.${o.relation.name}` === key) columns.add(o.column); // `*`: expanded once the link resolves
    const owner = name.schema ?? c.ctx.state.schema;
    remotes?.push({
      op: 'remote-relation',
      at: c.at,
      name: l.local,
      link: l.link,
      remote: l.remote,
      columns: [...columns],
      ...(owner ? { owner } : {}),
    });
  }
  if (lineage.unknownStar.length) {
    c.ctx.warn(said('diag.vendor.viewStarUnknown', [...new Set(lineage.unknownStar)].join(', ')), c.offset);
  }
  const columns = declared
    ? lineage.columns.map((col, k) => ({ ...col, name: declared[k] ?? col.name }))
    : lineage.columns;
  c.ctx.state.relations.set(c.ctx.state.key(name), { kind: 'view', columns: columns.map((x) => x.name) });
  return { securityInvoker: false, columns, reads: lineage.reads, readsColumns: lineage.readsColumns };
}

/** `DROP TABLE|VIEW name [CASCADE CONSTRAINTS] [PURGE]`, `DROP TABLE IF EXISTS a, b` (SQL Server). */
export function readDrop(c: Cursor): CatalogOp[] {
  c.i = 0;
  c.expect('DROP');
  const kind = c.accept('TABLE') ? 'table' : c.accept('VIEW') ? 'view' : undefined;
  if (!kind) return [];
  c.accept('IF', 'EXISTS');
  const names: QualifiedName[] = [];
  do names.push(c.relationName());
  while (c.accept(','));
  for (const n of names) c.ctx.state.relations.delete(c.ctx.state.key(n));
  return [{ op: 'drop-relation', at: c.at, names, kind }];
}
