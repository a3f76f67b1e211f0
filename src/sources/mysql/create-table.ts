/** CREATE TABLE (node-sql-parser AST) → a create-table op. */
import { said } from '../../diagnostics.js';
import type { Column, ForeignKey } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { COMMENT_SYNTAX, trailingColumnComments } from '../column-comments.js';
import { columnsOf, identText, type StatementContext } from './context.js';
import { tokens } from './lexer.js';
import { foldColumn, qualified } from './names.js';
import { unquoteString } from './strings.js';
import { nth } from '../../indexed.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is loosely typed */

type CreateTable = Extract<CatalogOp, { op: 'create-table' }>;

/**
 * What node-sql-parser cannot read in a CREATE TABLE but says nothing about columns or keys,
 * blanked (same length, offsets hold): MariaDB's `OR REPLACE` (reported back so the reader
 * drops the old table first), and after the column list, `PARTITION BY …` (mysqldump writes
 * `/*!50100 PARTITION BY … *\/`) and `WITH SYSTEM VERSIONING`.
 */
export function prepareCreateTable(text: string): { text: string; orReplace: boolean } {
  let out = text;
  const orReplace = /^\s*CREATE\s+OR\s+REPLACE\b/i.exec(out);
  if (orReplace)
    out = out.replace(/^(\s*CREATE)(\s+OR\s+REPLACE)/i, (_m, a: string, b: string) => a + ' '.repeat(b.length));
  let depth = 0;
  let closed = false;
  for (const t of tokens(out)) {
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') {
      depth--;
      if (depth === 0) closed = true;
    } else if (
      closed &&
      depth === 0 &&
      t.kind === 'word' &&
      (t.upper === 'PARTITION' || (t.upper === 'WITH' && /^WITH\s+SYSTEM\s+VERSIONING/i.test(out.slice(t.start))))
    ) {
      out = out.slice(0, t.start) + out.slice(t.start).replace(/[^\n]/g, ' ');
      break;
    }
  }
  return { text: out, orReplace: !!orReplace };
}

export function readCreateTable(ast: any, ctx: StatementContext): CatalogOp[] {
  const target = ast.table?.[0];
  if (!target) return [];
  if (ast.temporary) return []; // session-lifetime: not part of the schema
  const name = qualified(target.db, target.table, ctx.schema);
  if (ast.like) {
    const from = ast.like.table?.[0];
    const source = from ? ctx.state.relation(qualified(from.db, from.table, ctx.schema)) : undefined;
    ctx.warn(said(source ? 'diag.mysql.createLikeCopied' : 'diag.mysql.createLikeUnknown', name.name));
    if (!source) return [];
    const op: CreateTable = {
      op: 'create-table',
      at: ctx.at,
      name,
      columns: source.columns.map((c) => ({ name: c })),
      uniqueKeys: [],
      foreignKeys: [],
    };
    ctx.state.setRelation(name, { kind: 'table', columns: [...source.columns], uniqueKeyNames: new Set() });
    return [op];
  }
  if (ast.query_expr || ast.as) {
    ctx.warn(said('diag.mysql.createAsSelect', name.name));
    return [];
  }

  const defs: any[] = ast.create_definitions ?? [];
  const columns: Column[] = [];
  const uniqueKeys: string[][] = [];
  const foreignKeys: ForeignKey[] = [];
  const uniqueKeyNames = new Set<string>();
  const keyNamesInOrder: (string | undefined)[] = [];
  let primaryKey: string[] | undefined;
  const nameOffsets: (number | undefined)[] = [];

  defs.forEach((def, i) => {
    if (def.resource === 'column') {
      const colName = foldColumn(identText(def.column) ?? '');
      const nameOffset: number | undefined = def.column?.loc?.start?.offset;
      const nextOffset = firstOffset(defs[i + 1]);
      const column: Column = { name: colName, type: typeText(def.definition) };
      if (nameOffset !== undefined) column.source = ctx.loc(nameOffset);
      if (def.comment?.value) {
        const v = def.comment.value;
        column.comment = unquoteString(String(v.value ?? ''), v.type === 'double_quote_string' ? '"' : "'");
        const at = nameOffset === undefined ? undefined : commentOffset(ctx.text, nameOffset, nextOffset);
        column.commentSource = at === undefined ? column.source : ctx.loc(at);
      }
      columns.push(column);
      nameOffsets.push(nameOffset);
      if (def.primary_key) primaryKey = [colName];
      if (def.unique) {
        uniqueKeys.push([colName]);
        keyNamesInOrder.push(undefined); // MySQL names it after the column
      }
      if (def.reference_definition) {
        const fk = foreignKey(def.reference_definition, [colName], undefined, ctx, nameOffset);
        if (fk) foreignKeys.push(fk);
      }
    } else if (def.resource === 'constraint') {
      const kind = String(def.constraint_type ?? '').toLowerCase();
      const cols = columnsOf(def.definition).map(foldColumn);
      if (kind === 'primary key') primaryKey = cols;
      else if (kind.startsWith('unique')) {
        uniqueKeys.push(cols);
        const keyName = identText(def.index) ?? identText(def.constraint);
        if (keyName) uniqueKeyNames.add(foldColumn(keyName));
        keyNamesInOrder.push(keyName ? foldColumn(keyName) : undefined);
      } else if (kind === 'foreign key') {
        const fk = foreignKey(
          def.reference_definition,
          cols,
          identText(def.constraint),
          ctx,
          constraintStart(ctx.text, firstOffset(def)),
        );
        if (fk) foreignKeys.push(fk);
      }
    }
    // resource 'index' (KEY/INDEX/FULLTEXT/SPATIAL) and CHECK constraints: irrelevant to the catalog
  });

  attachTrailingComments(columns, nameOffsets, ctx);
  const op: CreateTable = { op: 'create-table', at: ctx.at, name, columns, uniqueKeys, foreignKeys };
  if (primaryKey) op.primaryKey = primaryKey;
  if (keyNamesInOrder.some(Boolean)) op.keyNames = { uniqueKeys: keyNamesInOrder };
  if (ast.if_not_exists) op.ifNotExists = true;
  const comment = (ast.table_options ?? []).find((o: any) => String(o.keyword).toLowerCase() === 'comment');
  if (comment) op.comment = unquoteString(String(comment.value));
  ctx.state.setRelation(name, { kind: 'table', columns: columns.map((c) => c.name), uniqueKeyNames });
  return [op];
}

/**
 * `kjn_no char(12), -- 個人番号`: the trailing comment is the column's comment where it has no
 * `COMMENT '…'` (which wins). Read from the file text: the statement text has comments blanked.
 */
export function attachTrailingComments(
  columns: Column[],
  nameOffsets: (number | undefined)[],
  ctx: StatementContext,
): void {
  if (nameOffsets.some((o) => o === undefined)) return;
  const at = nameOffsets.map((o) => ({ offset: ctx.base + o! }));
  trailingColumnComments(ctx.lines.text, at, { syntax: COMMENT_SYNTAX.mysql, from: ctx.base }).forEach((c, i) => {
    if (!c || nth(columns, i).comment !== undefined) return;
    nth(columns, i).comment = c.text;
    nth(columns, i).commentSource = ctx.loc(c.offset - ctx.base);
  });
}

export function foreignKey(
  ref: any,
  columns: string[],
  name: string | undefined,
  ctx: StatementContext,
  offset?: number,
): ForeignKey | undefined {
  const table = ref?.table?.[0];
  if (!table) return undefined;
  const fk: ForeignKey = {
    columns,
    references: qualified(table.db, table.table, ctx.schema),
    referencedColumns: columnsOf(ref.definition).map(foldColumn),
  };
  if (name) fk.name = foldColumn(name);
  if (offset !== undefined) fk.source = ctx.loc(offset);
  return fk;
}

/** `varchar(100)`, `decimal(12,0) unsigned`, `enum('a','b')`: MySQL's own spelling. */
export function typeText(def: any): string | undefined {
  if (!def?.dataType) return undefined;
  let t = String(def.dataType).toLowerCase();
  if (def.expr?.value && Array.isArray(def.expr.value)) {
    t += `(${def.expr.value.map((v: any) => `'${String(v.value).replace(/'/g, "''")}'`).join(',')})`;
  } else if (def.length != null) {
    t += def.scale != null ? `(${def.length},${def.scale})` : `(${def.length})`;
  }
  const suffix = Array.isArray(def.suffix) ? def.suffix : [];
  for (const s of suffix) if (typeof s === 'string') t += ` ${s.toLowerCase()}`;
  return t;
}

/**
 * node-sql-parser locates a table-level FOREIGN KEY only by its columns: walk back from the
 * column list to the `CONSTRAINT name` / `FOREIGN KEY` that starts it.
 */
export function constraintStart(text: string, columnOffset: number | undefined): number | undefined {
  if (columnOffset === undefined) return undefined;
  const m = /(?:\bCONSTRAINT(?:\s+(?:`(?:[^`]|``)*`|[\w$]+))?\s+)?\bFOREIGN\s+KEY\b[^(]*\(\s*$/i.exec(
    text.slice(0, columnOffset),
  );
  return m ? m.index : columnOffset;
}

/** The first location node-sql-parser gives inside a definition. */
function firstOffset(node: any): number | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (node.loc?.start?.offset !== undefined) return node.loc.start.offset;
  for (const key of ['column', 'definition']) {
    const v = node[key];
    const found = Array.isArray(v) ? firstOffset(v[0]) : firstOffset(v);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Offset of the `COMMENT` keyword of a column definition (between its name and the next one). */
function commentOffset(text: string, from: number, to: number | undefined): number | undefined {
  const slice = text.slice(from, to ?? text.length);
  for (const t of tokens(slice)) if (t.kind === 'word' && t.upper === 'COMMENT') return from + t.start;
  return undefined;
}
