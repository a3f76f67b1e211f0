/** ALTER TABLE (node-sql-parser AST) → column, key, rename and comment ops. */
import type { Column, QualifiedName } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { columnsOf, identText, type StatementContext } from './context.js';
import { constraintStart, foreignKey, typeText } from './create-table.js';
import { foldColumn, foldRelation, qualified } from './names.js';
import { unquoteString } from './strings.js';
import { tokens } from './lexer.js';
import { nth } from '../../indexed.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is loosely typed */

export function readAlterTable(ast: any, ctx: StatementContext): CatalogOp[] {
  const target = ast.table?.[0];
  if (!target) return [];
  let table: QualifiedName = qualified(target.db, target.table, ctx.schema);
  const at = ctx.at;
  const ops: CatalogOp[] = [];
  const known = ctx.state.relation(table);

  for (const a of ast.expr ?? []) {
    const action = String(a.action ?? '').toLowerCase();
    const resource = String(a.resource ?? '').toLowerCase();
    if (resource === 'column' && (action === 'add' || action === 'change' || action === 'modify')) {
      const column = columnOf(a, ctx);
      if (action === 'add') {
        ops.push({ op: 'add-column', at, table, column });
        known?.columns.push(column.name);
      } else {
        const from = action === 'change' ? foldColumn(identText(a.old_column) ?? column.name) : column.name;
        if (from !== column.name) {
          ops.push({ op: 'rename-column', at, table, from, to: column.name });
          renameKnown(known?.columns, from, column.name);
        }
        // CHANGE/MODIFY replace the whole definition: no COMMENT clause means no comment.
        ops.push({ op: 'comment-column', at, table, column: column.name, text: column.comment ?? null });
      }
      if (a.primary_key) ops.push({ op: 'add-primary-key', at, table, columns: [column.name] });
      if (a.unique) ops.push({ op: 'add-unique', at, table, columns: [column.name] });
      if (a.reference_definition) {
        const fk = foreignKey(a.reference_definition, [column.name], undefined, ctx, a.column?.loc?.start?.offset);
        if (fk) ops.push({ op: 'add-foreign-key', at, table, foreignKey: fk });
      }
    } else if (action === 'add' && resource === 'constraint') {
      const def = a.create_definitions ?? {};
      const kind = String(def.constraint_type ?? '').toLowerCase();
      const cols = columnsOf(def.definition).map(foldColumn);
      if (kind === 'primary key') ops.push({ op: 'add-primary-key', at, table, columns: cols });
      else if (kind.startsWith('unique')) {
        const keyName = identText(def.index) ?? identText(def.constraint);
        ops.push({ op: 'add-unique', at, table, columns: cols, ...(keyName ? { name: foldColumn(keyName) } : {}) });
        if (keyName) known?.uniqueKeyNames.add(foldColumn(keyName));
      } else if (kind === 'foreign key') {
        const fk = foreignKey(
          def.reference_definition,
          cols,
          identText(def.constraint),
          ctx,
          constraintStart(ctx.text, def.definition?.[0]?.loc?.start?.offset),
        );
        if (fk) ops.push({ op: 'add-foreign-key', at, table, foreignKey: fk });
      }
    } else if (action === 'drop' && resource === 'column') {
      const column = foldColumn(identText(a.column) ?? '');
      ops.push({ op: 'drop-column', at, table, column });
      if (known) known.columns = known.columns.filter((c) => c !== column);
    } else if (action === 'drop' && (resource === 'key' || resource === 'index')) {
      const keyword = String(a.keyword ?? '').toLowerCase();
      const keyName = foldColumn(identText(a.key) ?? identText(a.index) ?? '');
      // Matched by name in the catalog; an index name that is no unique key is a plain index.
      if (keyword === 'foreign key') ops.push({ op: 'drop-constraint', at, table, name: keyName, kind: 'foreign-key' });
      else if (keyword === 'primary key') ops.push({ op: 'drop-constraint', at, table, kind: 'primary-key' });
      else ops.push({ op: 'drop-constraint', at, table, name: keyName, kind: 'unique' });
    } else if (action === 'rename' && resource === 'column') {
      const from = foldColumn(identText(a.old_column) ?? '');
      const to = foldColumn(identText(a.column) ?? '');
      ops.push({ op: 'rename-column', at, table, from, to });
      renameKnown(known?.columns, from, to);
    } else if (action === 'rename' && resource === 'table') {
      const to = foldRelation(identText(a.table) ?? '');
      ops.push({ op: 'rename-relation', at, from: table, to });
      if (known) {
        ctx.state.dropRelation(table);
        table = { ...table, name: to };
        ctx.state.setRelation(table, known);
      } else table = { ...table, name: to };
    } else if (resource === 'comment') {
      ops.push({ op: 'comment-relation', at, name: table, text: unquoteString(String(a.comment ?? '')) });
    }
    // ENGINE, CHARSET, indexes, partitions, ALGORITHM, LOCK…: irrelevant to the catalog
  }
  return ops;
}

function columnOf(a: any, ctx: StatementContext): Column {
  const column: Column = { name: foldColumn(identText(a.column) ?? ''), type: typeText(a.definition) };
  const offset = a.column?.loc?.start?.offset;
  if (offset !== undefined) column.source = ctx.loc(offset);
  if (a.comment?.value) {
    const v = a.comment.value;
    column.comment = unquoteString(String(v.value ?? ''), v.type === 'double_quote_string' ? '"' : "'");
    column.commentSource = column.source;
  }
  return column;
}

function renameKnown(columns: string[] | undefined, from: string, to: string): void {
  if (!columns) return;
  const i = columns.indexOf(from);
  if (i >= 0) columns[i] = to;
}

/**
 * `ALTER TABLE t ADD [COLUMN] (a INT, b INT)`: MySQL's parenthesised multi-column ADD, which
 * neither node-sql-parser nor sql-parser-cst accepts. Each column definition is cut out of the
 * statement as written (quotes, comments and nested parentheses respected by the lexer), so
 * each can be parsed as `ALTER TABLE t ADD COLUMN <definition>` with its own offsets.
 */
export function parenthesisedAdd(
  text: string,
): { head: string; definitions: { start: number; end: number }[] } | undefined {
  const all = [...tokens(text)];
  let i = 0;
  const word = (w: string) => all[i]?.kind === 'word' && nth(all, i).upper === w;
  if (!word('ALTER')) return undefined;
  i++;
  while (word('ONLINE') || word('IGNORE')) i++;
  if (!word('TABLE')) return undefined;
  i++;
  const nameStart = all[i]?.start;
  // the table name: ident or word, optionally db.name
  i++;
  if (all[i]?.value === '.') i += 2;
  if (nameStart === undefined || !word('ADD')) return undefined;
  const head = `${text.slice(0, nth(all, i).start)}ADD COLUMN `;
  i++;
  if (word('COLUMN')) i++;
  if (all[i]?.value !== '(') return undefined;
  const definitions: { start: number; end: number }[] = [];
  let depth = 0;
  let start = nth(all, i).end;
  for (i++; i < all.length; i++) {
    const t = nth(all, i);
    if (t.value === '(') depth++;
    else if (t.value === ')' && depth > 0) depth--;
    else if ((t.value === ',' || t.value === ')') && depth === 0) {
      definitions.push({ start, end: t.start });
      start = t.end;
      if (t.value === ')') break;
    }
  }
  // Only the whole statement: `ADD (…)` followed by nothing but `;`.
  const rest = all.slice(i + 1).filter((t) => t.value !== ';');
  if (i >= all.length || rest.length || !definitions.length) return undefined;
  return { head, definitions };
}
