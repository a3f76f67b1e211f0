/**
 * The MySQL / MariaDB source reader: scripts, migrations and `mysqldump`/`mariadb-dump` output.
 *
 * The file is split into statements here (split.ts); each statement is classified by its
 * leading words (classify.ts) and read by the reader for its kind: node-sql-parser for DDL
 * (parse.ts), a hand-written reader for account statements (accounts.ts). A statement that
 * fails becomes a located diagnostic and reading goes on with the next one.
 */
import type { CatalogOp } from '../../catalog/ops.js';
import { type Diagnostic, said } from '../../diagnostics.js';
import { parserText } from '../guard.js';
import { isMysqlFamily } from '../../dialect.js';
import { LineIndex } from '../text.js';
import type { ReadContext, ReadResult, SourceReader, SourceText } from '../types.js';
import { AccountReader, StatementSyntaxError } from './accounts.js';
import { parenthesisedAdd, readAlterTable } from './alter-table.js';
import { classify, type StatementKind } from './classify.js';
import { FileState, identText, StatementContext } from './context.js';
import { prepareCreateTable, readCreateTable } from './create-table.js';
import { tokens } from './lexer.js';
import { foldColumn, foldSchema, qualified } from './names.js';
import { parseStatement } from './parse.js';
import { splitStatements } from './split.js';
import { readView } from './view.js';
import { readTableWithCst } from './cst-fallback.js';
import { INSERT_START, insertRowsOp } from '../data-rows/rows-op.js';
import { readRoutineStatement, readScriptWrite, readTrigger } from './routine.js';
import { nth } from '../../indexed.js';

/** INSERT, REPLACE or UPDATE, after any leading comments. */
const COPYING_WRITE = /^(?:\s|--[^\n]*\n|#[^\n]*\n|\/\*[\s\S]*?\*\/)*(?:insert|replace|update)\b/i;
/** Cheap pre-test, so a dump's bulk INSERT … VALUES with no query inside is not tokenized twice. */
const QUERY_INSIDE = /select|^(?:\s|--[^\n]*\n|#[^\n]*\n|\/\*[\s\S]*?\*\/)*update\b/i;

/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is loosely typed */

const SQL_FILE = /\.(sql|ddl)$/i;

export const mysqlReader: SourceReader = {
  name: 'mysql',
  accepts(path, _text, ctx) {
    return isMysqlFamily(ctx.dialect) && SQL_FILE.test(path);
  },
  read(source, ctx) {
    return readMysql(source, ctx);
  },
};

export function readMysql(source: SourceText, ctx: ReadContext): ReadResult {
  const lines = new LineIndex(source.text);
  const state = new FileState();
  const ops: CatalogOp[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const stmt of splitStatements(source.text, ctx.dialect)) {
    const text = stmt.text();
    const kind = classify(text);
    const sctx = new StatementContext(source.path, lines, stmt.start, text, ctx.dialect, state, diagnostics);
    // Checked before skipping irrelevant statements: an INSERT with an open quote swallows the file too.
    if (stmt.unterminatedQuote !== undefined) {
      sctx.syntaxError(said('diag.mysql.unterminatedQuote'), stmt.unterminatedQuote - stmt.start);
      continue;
    }
    if (stmt.unterminatedComment !== undefined) {
      sctx.syntaxError(said('diag.mysql.unterminatedComment'), stmt.unterminatedComment - stmt.start);
      continue;
    }
    if (kind === 'irrelevant') {
      // INSERT rows are counted for check digits (src/sources/data-rows): counts only, never values.
      if (INSERT_START.test(text)) {
        const op = insertRowsOp(text, { backslashEscapes: true, hashComments: true }, mysqlRowsNaming(sctx), sctx.at);
        if (op) ops.push(op);
      }
      // A write that reads other rows copies their values (a dump's literal rows copy nothing).
      if (COPYING_WRITE.test(text) && QUERY_INSIDE.test(text)) ops.push(...readScriptWrite(sctx));
      continue;
    }
    try {
      ops.push(...readStatement(kind, sctx));
    } catch (e) {
      if (e instanceof StatementSyntaxError) sctx.syntaxError(e.said, e.offset);
      else sctx.syntaxError(said('diag.mysql.couldNotReadStatement', (e as Error).message));
    }
  }
  return { ops, diagnostics };
}

/** MySQL names for INSERT rows: `db.t` or the database of the last `USE`; columns compared case-insensitively. */
function mysqlRowsNaming(ctx: StatementContext) {
  return {
    qualify: (parts: string[]) =>
      qualified(parts.length >= 2 ? parts[parts.length - 2] : undefined, nth(parts, parts.length - 1), ctx.schema),
    foldRelation: (p: { text: string }) => p.text,
    foldColumn: (p: { text: string }) => foldColumn(p.text),
  };
}

function readStatement(kind: StatementKind, ctx: StatementContext): CatalogOp[] {
  if (kind === 'account') return new AccountReader(ctx).read();
  if (kind === 'view') return readView(ctx);
  if (kind === 'routine') return readRoutineStatement(ctx);
  if (kind === 'trigger') return readTrigger(ctx);
  if (kind === 'create-database' || kind === 'use') return readSchemaStatement(kind, ctx);
  if (kind === 'create-table') {
    const prepared = prepareCreateTable(ctx.text);
    const parsed = parseStatement(prepared.text, ctx.dialect);
    const ops = parsed.ok ? readCreateTable(parsed.ast, ctx) : readTableWithCst(ctx, prepared.text);
    if (!ops) {
      ctx.syntaxError(
        said('diag.mysql.couldNotParseBoth', parsed.ok ? '' : parserText(parsed.message)),
        parsed.ok ? undefined : parsed.offset,
      );
      return [];
    }
    const created = ops[0];
    if (prepared.orReplace && created?.op === 'create-table') {
      return [{ op: 'drop-relation', at: ctx.at, names: [created.name], kind: 'table' }, ...ops];
    }
    return ops;
  }
  const parsed = parseStatement(ctx.text, ctx.dialect);
  if (!parsed.ok && kind === 'alter-table') {
    const multi = readParenthesisedAdd(ctx);
    if (multi) return multi;
  }
  if (!parsed.ok) {
    const fallback = kind === 'alter-table' ? readTableWithCst(ctx, ctx.text) : undefined;
    if (fallback) return fallback;
    ctx.syntaxError(
      said(
        kind === 'alter-table' ? 'diag.mysql.couldNotParseBoth' : 'diag.mysql.couldNotParse',
        parserText(parsed.message),
      ),
      parsed.offset,
    );
    return [];
  }
  const ast = parsed.ast;
  const at = ctx.at;
  switch (kind) {
    case 'alter-table':
      return readAlterTable(ast, ctx);
    case 'drop-table':
    case 'drop-view': {
      const names = (ast.name ?? []).map((n: any) => qualified(n.db, n.table, ctx.schema));
      for (const n of names) ctx.state.dropRelation(n);
      return names.length ? [{ op: 'drop-relation', at, names, kind: kind === 'drop-view' ? 'view' : 'table' }] : [];
    }
    case 'drop-database':
      return dropDatabase(identText(ast.name) ?? '', ctx);
    case 'rename-table':
      return renameTables(ast, ctx);
    case 'create-index': {
      const table = qualified(ast.table?.db, ast.table?.table, ctx.schema);
      const columns = (ast.index_columns ?? []).map((c: any) => foldColumn(identText(c.column) ?? ''));
      const indexName = identText(ast.index);
      if (indexName) ctx.state.relation(table)?.uniqueKeyNames.add(foldColumn(indexName));
      return [{ op: 'add-unique', at, table, columns, ...(indexName ? { name: foldColumn(indexName) } : {}) }];
    }
    default:
      // Parses, but is none of the kinds spif reads.
      ctx.warn(said('diag.mysql.statementNotRead', ctx.text.trim().split(/\s+/).slice(0, 3).join(' ')));
      return [];
  }
}

/**
 * `ALTER TABLE t ADD (a INT, b INT)`: each definition parsed as `ALTER TABLE t ADD COLUMN <def>`
 * in a context whose offsets are the definition's own, so columns keep their file locations.
 */
function readParenthesisedAdd(ctx: StatementContext): CatalogOp[] | undefined {
  const split = parenthesisedAdd(ctx.text);
  if (!split) return undefined;
  const ops: CatalogOp[] = [];
  for (const def of split.definitions) {
    const text = split.head + ctx.text.slice(def.start, def.end);
    const parsed = parseStatement(text, ctx.dialect);
    if (!parsed.ok) return undefined; // reported as the whole statement's syntax error
    // Offsets past the head are the definition's: shift the context so they land in the file.
    const sub = new StatementContext(
      ctx.file,
      ctx.lines,
      ctx.base + def.start - split.head.length,
      text,
      ctx.dialect,
      ctx.state,
      ctx.diagnostics,
    );
    ops.push(...readAlterTable(parsed.ast, sub).map((op) => ({ ...op, at: ctx.at })));
  }
  return ops;
}

/**
 * `CREATE DATABASE|SCHEMA [IF NOT EXISTS] name …` and `USE name`, read by hand: only the name
 * matters, and node-sql-parser rejects the options mysqldump 8 writes (`DEFAULT ENCRYPTION='N'`).
 */
function readSchemaStatement(kind: 'create-database' | 'use', ctx: StatementContext): CatalogOp[] {
  const words = [...tokens(ctx.text)];
  let i = kind === 'use' ? 1 : 2;
  if (kind === 'create-database' && words[i]?.upper === 'IF') i += 3; // IF NOT EXISTS
  const name = words[i];
  if (!name || name.kind === 'punct' || name.kind === 'string') {
    ctx.syntaxError(said('diag.mysql.expectedDatabase'), name?.start);
    return [];
  }
  const schema = foldSchema(name.value);
  if (kind === 'use') {
    ctx.state.schema = schema;
    return [{ op: 'use-schema', at: ctx.at, schema }];
  }
  return [{ op: 'create-schema', at: ctx.at, schema }];
}

/** `RENAME TABLE a TO b, db.c TO db2.d`: a move to another database is a set-schema too. */
function renameTables(ast: any, ctx: StatementContext): CatalogOp[] {
  const ops: CatalogOp[] = [];
  for (const [fromNode, toNode] of ast.table ?? []) {
    const from = qualified(fromNode.db, fromNode.table, ctx.schema);
    const to = qualified(toNode.db, toNode.table, ctx.schema);
    if (to.name !== from.name) ops.push({ op: 'rename-relation', at: ctx.at, from, to: to.name });
    if (to.schema !== from.schema)
      ops.push({ op: 'set-schema', at: ctx.at, name: { ...from, name: to.name }, schema: to.schema! });
    const known = ctx.state.relation(from);
    if (known) {
      ctx.state.dropRelation(from);
      ctx.state.setRelation(to, known);
    }
  }
  return ops;
}

/**
 * DROP DATABASE: the ops have no "drop schema", so the relations this file declared in it are
 * dropped (relations declared in other files are not known here).
 */
function dropDatabase(name: string, ctx: StatementContext): CatalogOp[] {
  const schema = foldSchema(name);
  const ops: CatalogOp[] = [];
  for (const key of [...ctx.state.relations.keys()]) {
    if (!key.startsWith(`${schema}.`)) continue;
    const rel = { schema, name: key.slice(schema.length + 1) };
    const kind = ctx.state.relation(rel)!.kind;
    ctx.state.dropRelation(rel);
    ops.push({ op: 'drop-relation', at: ctx.at, names: [rel], kind });
  }
  return ops;
}
