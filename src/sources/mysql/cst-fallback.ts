/**
 * The second parser for MySQL/MariaDB: sql-parser-cst (dialects `mysql` and `mariadb`), for the
 * statements node-sql-parser rejects although the server accepts them — a column named with a
 * word node-sql-parser reserves (`rank`, `status` in EC-CUBE's install scripts), a view query
 * with a charset introducer (`CONCAT(a, _utf8' ', b)`, sakila), `CREATE VIEW … UNION`.
 *
 * sql-parser-cst in turn rejects most table options mysqldump writes (`DEFAULT CHARSET=`,
 * `CHARACTER SET`/`COLLATE` on a column, named `KEY`s: docs/parsers.md), so before it parses
 * a CREATE TABLE those are blanked (same length: offsets hold); they say nothing about columns,
 * keys or comments. The CST is read by the same reader as SQLite and BigQuery (src/sources/cst/catalog.ts).
 */
import { said } from '../../diagnostics.js';
import type { CatalogOp } from '../../catalog/ops.js';
import type { ViewDefinition } from '../../catalog/model.js';
import { parse } from 'sql-parser-cst';
import { type CstDialect, readCstStatement } from '../cst/catalog.js';
import { CstLineage } from '../cst/lineage.js';
import type { StatementContext } from './context.js';
import { tokens, type Token } from './lexer.js';
import { foldColumn, foldRelation, qualified } from './names.js';
import { nth } from '../../indexed.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- CST nodes are read generically */

function dialectFor(ctx: StatementContext): CstDialect {
  return {
    name: 'mysql',
    parserDialects: ctx.dialect === 'mariadb' ? ['mariadb', 'mysql'] : ['mysql', 'mariadb'],
    definerViews: true,
    foldColumn,
    foldRelation,
    qualify: (path) => qualified(path.length >= 2 ? path[path.length - 2] : undefined, path.at(-1) ?? '', ctx.schema),
    unsupported: () => undefined,
  };
}

/**
 * CREATE TABLE / ALTER TABLE read by sql-parser-cst, or undefined when it cannot parse the
 * statement either (the caller then reports node-sql-parser's error).
 */
export function readTableWithCst(ctx: StatementContext, text: string): CatalogOp[] | undefined {
  const original = ctx.lines.text.slice(ctx.base, ctx.base + text.length);
  const read = readCstStatement(
    { path: ctx.file, text: ctx.lines.text },
    dialectFor(ctx),
    ctx.lines,
    ctx.base,
    blankForCst(text),
    original,
  );
  if (read.diagnostics.some((d) => d.severity === 'error')) return undefined;
  ctx.diagnostics.push(...read.diagnostics);
  for (const op of read.ops) {
    if (op.op === 'create-table')
      ctx.state.setRelation(op.name, {
        kind: 'table',
        columns: op.columns.map((c) => c.name),
        uniqueKeyNames: new Set(),
      });
  }
  return read.ops;
}

/** The lineage of a view query node-sql-parser rejects, or undefined when sql-parser-cst rejects it too. */
export function viewQueryWithCst(
  ctx: StatementContext,
  query: string,
): Omit<ViewDefinition, 'securityInvoker'> | undefined {
  let program: any;
  for (const dialect of dialectFor(ctx).parserDialects!) {
    try {
      program = parse(query, { dialect, includeRange: true });
      break;
    } catch {
      // try the other grammar
    }
  }
  const select = program?.statements?.[0];
  if (!select) return undefined;
  const lineage = new CstLineage(
    {
      foldColumn,
      qualify: dialectFor(ctx).qualify,
      columnsOf: (q) => ctx.state.relation(q)?.columns,
    },
    query,
  );
  const columns = lineage.query(select, undefined, new Map());
  for (const rel of new Set(lineage.unknownStars)) {
    ctx.warn(said('diag.mysql.viewStarUnknown', rel));
  }
  return { columns, reads: lineage.reads(), readsColumns: lineage.readsColumns() };
}

/**
 * Blanks what sql-parser-cst rejects in a CREATE TABLE and what says nothing about columns,
 * keys or comments: table options after the column list except `COMMENT`, `CHARACTER SET x`,
 * `CHARSET x`, `COLLATE x`, a `BINARY` attribute after a type, and index names (`KEY \`k\` (`).
 */
export function blankForCst(text: string): string {
  const toks = [...tokens(text)];
  const chars = text.split('');
  const blank = (from: Token, to: Token = from) => {
    for (let i = from.start; i < to.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = nth(toks, i);
    if (t.value === '(' && t.kind === 'punct') depth++;
    else if (t.value === ')' && t.kind === 'punct') {
      depth--;
      if (depth === 0 && /^\s*CREATE\b/i.test(text)) {
        blankTableOptions(toks.slice(i + 1), blank);
        break;
      }
    } else if (t.kind === 'word' && t.upper === 'CHARACTER' && toks[i + 1]?.upper === 'SET') {
      blank(t, toks[i + 2] ?? toks[i + 1]);
      i += 2;
    } else if (t.kind === 'word' && (t.upper === 'CHARSET' || t.upper === 'COLLATE') && depth > 0) {
      blank(t, toks[i + 1] ?? t);
      i += 1;
    } else if (t.kind === 'word' && t.upper === 'BINARY' && toks[i - 1]?.value === ')' && toks[i + 1]?.value !== '(') {
      blank(t);
    } else if (
      t.kind === 'word' &&
      (t.upper === 'KEY' || t.upper === 'INDEX') &&
      toks[i + 2]?.value === '(' &&
      (toks[i + 1]?.kind === 'ident' || toks[i + 1]?.kind === 'word')
    ) {
      blank(nth(toks, i + 1));
    }
  }
  return chars.join('');
}

function blankTableOptions(tail: Token[], blank: (from: Token, to?: Token) => void): void {
  for (let i = 0; i < tail.length; i++) {
    const t = nth(tail, i);
    if (t.kind === 'word' && t.upper === 'COMMENT') {
      // keep `COMMENT [=] '…'`
      i += tail[i + 1]?.value === '=' ? 2 : 1;
      continue;
    }
    if (t.value === ';') break;
    blank(t);
  }
}
