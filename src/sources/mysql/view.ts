/**
 * CREATE VIEW (node-sql-parser AST) → a create-view op with column lineage: for each output
 * column, the base columns it carries (derived values included: src/sources/lineage-carry.ts);
 * every relation read; every base column read.
 */
import { said } from '../../diagnostics.js';
import { parserText } from '../guard.js';
import type { QualifiedName, SourceLocation, ViewColumn, ViewDefinition } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { identText, type StatementContext } from './context.js';
import { tokens } from './lexer.js';
import { accountName, foldColumn, qualified } from './names.js';
import { account, Cursor } from './accounts.js';
import { parseStatement } from './parse.js';
import { viewQueryWithCst } from './cst-fallback.js';
import { type Origin, type Scope, type Source, dedupeOrigins, originsIn, resolveBare } from '../lineage-scope.js';
import { nth } from '../../indexed.js';
import { nspParts } from '../lineage-carry.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is loosely typed */

/**
 * Reads `CREATE|ALTER [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] VIEW name [(cols)]
 * AS query [WITH CHECK OPTION]`. node-sql-parser rejects a CREATE VIEW whose query has UNION,
 * and every ALTER VIEW, but reads both parts alone: so the head (with a dummy query) and the
 * query (head blanked out, keeping offsets) are parsed separately.
 */
export function readView(ctx: StatementContext): CatalogOp[] {
  const split = splitView(ctx.text);
  if (!split) {
    ctx.syntaxError(said('diag.mysql.noViewAs'));
    return [];
  }
  const options = headOptions(split.head);
  const head = parseStatement(`${options.head.replace(/^\s*ALTER\b/i, 'CREATE OR REPLACE')} SELECT 1`, ctx.dialect);
  if (!head.ok) {
    ctx.syntaxError(said('diag.mysql.viewHeader', parserText(head.message)), head.offset);
    return [];
  }
  const query = parseStatement(split.query, ctx.dialect);
  if (!query.ok) {
    // The second parser (charset introducers `_utf8' '`, words node-sql-parser reserves).
    const lineage = viewQueryWithCst(ctx, split.query);
    if (lineage) return readCreateView(head.ast, undefined, ctx, options, lineage);
    ctx.syntaxError(said('diag.mysql.viewQuery', parserText(query.message)), query.offset);
    return [];
  }
  return readCreateView(head.ast, query.ast, ctx, options);
}

interface HeadOptions {
  /** The header with DEFINER and SQL SECURITY blanked (same length). */
  head: string;
  definer?: string;
  invoker?: boolean;
}

/**
 * `DEFINER = account` and `SQL SECURITY DEFINER | INVOKER`, read by tokens (node-sql-parser
 * rejects an unquoted `u@'%'` definer) and blanked out of the header it parses.
 */
function headOptions(text: string): HeadOptions {
  const toks = [...tokens(text)];
  let head = text;
  const blank = (from: number, to: number) => {
    head = head.slice(0, from) + ' '.repeat(to - from) + head.slice(to);
  };
  const out: HeadOptions = { head };
  for (let i = 0; i < toks.length && nth(toks, i).upper !== 'VIEW'; i++) {
    const t = nth(toks, i);
    if (t.kind === 'word' && t.upper === 'DEFINER' && toks[i + 1]?.value === '=') {
      const c = new Cursor(toks.slice(i + 2), text.length);
      const a = account(c);
      const last = nth(toks, i + 1 + c.position);
      if (a.kind === 'account') out.definer = a.name;
      blank(t.start, last.end);
      i += 1 + c.position;
    } else if (t.kind === 'word' && t.upper === 'SQL' && toks[i + 1]?.upper === 'SECURITY' && toks[i + 2]) {
      out.invoker = nth(toks, i + 2).upper === 'INVOKER';
      blank(t.start, nth(toks, i + 2).end);
      i += 2;
    }
  }
  out.head = head;
  return out;
}

/** The view header up to and including AS, and the query with the header blanked. */
function splitView(text: string): { head: string; query: string } | undefined {
  const toks = [...tokens(text)];
  const viewAt = toks.findIndex((t) => t.kind === 'word' && t.upper === 'VIEW');
  if (viewAt < 0) return undefined;
  let i = viewAt + 1;
  while (i < toks.length && (nth(toks, i).kind !== 'word' || nth(toks, i).upper !== 'AS') && nth(toks, i).value !== '(')
    i++;
  if (toks[i]?.value === '(') {
    while (i < toks.length && nth(toks, i).value !== ')') i++;
    i++;
  }
  const as = toks[i];
  if (!as || as.kind !== 'word' || as.upper !== 'AS') return undefined;
  let query = ' '.repeat(as.end) + text.slice(as.end);
  const check = /\bWITH\s+(?:CASCADED\s+|LOCAL\s+)?CHECK\s+OPTION\s*$/i.exec(query);
  if (check) query = query.slice(0, check.index) + ' '.repeat(check[0].length);
  return { head: text.slice(0, as.end), query };
}

function readCreateView(
  ast: any,
  select: any,
  ctx: StatementContext,
  options: HeadOptions,
  read?: Omit<ViewDefinition, 'securityInvoker'>,
): CatalogOp[] {
  const target = ast.view ?? ast.table?.[0];
  const name = qualified(target?.db, target?.view ?? target?.table, ctx.schema);
  const lineage = read ? { reads: () => read.reads, readsColumns: () => read.readsColumns } : new Lineage(ctx);
  let columns = read ? read.columns : (lineage as Lineage).select(select, undefined, new Map());
  const declared: string[] | null = Array.isArray(ast.columns)
    ? ast.columns.map((c: unknown) => foldColumn(identText(c) ?? ''))
    : null;
  if (declared) columns = columns.map((c, i) => ({ ...c, name: declared[i] ?? c.name }));
  const view: ViewDefinition = {
    // MySQL's default is SQL SECURITY DEFINER: the view reads with its definer's rights.
    securityInvoker: options.invoker ?? String(ast.sql_security ?? '').toUpperCase() === 'INVOKER',
    columns,
    reads: lineage.reads(),
    readsColumns: lineage.readsColumns(),
  };
  const op: Extract<CatalogOp, { op: 'create-view' }> = { op: 'create-view', at: ctx.at, name, view };
  if (lineage instanceof Lineage) op.readsAt = lineage.readsAt();
  if (ast.replace) op.orReplace = true;
  const owner = options.definer ?? definerOf(ast.definer);
  if (owner) op.owner = owner;
  ctx.state.setRelation(name, { kind: 'view', columns: columns.map((c) => c.name), uniqueKeyNames: new Set() });
  return [op];
}

/** `DEFINER=`root`@`localhost`` → `root@localhost`; `DEFINER=CURRENT_USER` → unknown. */
function definerOf(definer: any): string | undefined {
  const account = definer?.right ?? definer;
  // The mysql grammar gives { left: user, operator: '@' }; the mariadb one swaps the two.
  if (account?.operator === '@' || account?.left === '@') {
    const user = identText(account.operator === '@' ? account.left : account.operator);
    if (user !== undefined) return accountName(user, identText(account.right));
  }
  const plain = identText(account);
  return plain && !/^current_user/i.test(plain) ? accountName(plain) : undefined;
}

export class Lineage {
  private readonly readSet = new Map<string, QualifiedName>();
  private readonly columnSet = new Map<string, Origin>();
  private warnedStar = false;
  /** In a routine body: what a variable holds (undefined: not a variable). */
  variables?: (name: string) => Origin[] | undefined;

  /** Where the query first names each relation (node-sql-parser's locations). */
  private readonly readAt = new Map<string, { relation: QualifiedName; at: SourceLocation }>();
  constructor(private readonly ctx: StatementContext) {}

  readsAt(): { relation: QualifiedName; at: SourceLocation }[] {
    return [...this.readAt.values()];
  }

  reads(): QualifiedName[] {
    return [...this.readSet.values()];
  }
  readsColumns(): Origin[] {
    return [...this.columnSet.values()];
  }

  /** Output columns of a SELECT (with its UNION/INTERSECT/EXCEPT arms). */
  select(sel: any, parent: Scope | undefined, ctes: Map<string, Source>): ViewColumn[] {
    if (!sel || typeof sel !== 'object') return [];
    if (sel.ast) return this.select(sel.ast, parent, ctes);
    const localCtes = new Map(ctes);
    for (const cte of sel.with ?? []) {
      const cteName = identText(cte.name);
      if (!cteName) continue;
      let cols = this.select(cte.stmt?.ast ?? cte.stmt, parent, localCtes);
      if (Array.isArray(cte.columns))
        cols = cols.map((c, i) => ({ ...c, name: foldColumn(identText(cte.columns[i]) ?? c.name) }));
      localCtes.set(cteName, { kind: 'derived', columns: cols });
    }
    const scope: Scope = { entries: [], parent };
    const joinExprs: any[] = [];
    this.from(sel.from, scope, localCtes, joinExprs);
    for (const e of joinExprs) this.expr(e, scope, localCtes);
    for (const key of ['where', 'groupby', 'having', 'orderby', 'limit', 'window', 'qualify'])
      this.expr(sel[key], scope, localCtes);

    const out: ViewColumn[] = [];
    const cols = Array.isArray(sel.columns) ? sel.columns : [];
    for (const item of cols) {
      const e = item.expr ?? item;
      if (e?.type === 'column_ref' && identText(e.column) === '*') {
        out.push(...this.star(identText(e.table), scope));
        continue;
      }
      const alias = identText(item.as);
      const name =
        alias ?? (e?.type === 'column_ref' ? identText(e.column) : undefined) ?? this.exprText(e, out.length);
      out.push({ name: foldColumn(name), from: this.value(e, scope, localCtes) });
    }
    if (sel._next) {
      const more = this.select(sel._next, parent, localCtes);
      more.forEach((c, i) => {
        if (out[i]) out[i] = { name: out[i].name, from: dedupeOrigins([...out[i].from, ...c.from]) };
      });
    }
    return out;
  }

  private from(from: any, scope: Scope, ctes: Map<string, Source>, joinExprs: any[]): void {
    if (!from) return;
    if (Array.isArray(from)) {
      for (const item of from) this.from(item, scope, ctes, joinExprs);
      return;
    }
    if (Array.isArray(from.expr)) {
      // parenthesised join group: `from (a join b on …)`
      this.from(from.expr, scope, ctes, joinExprs);
      this.from(from.joins, scope, ctes, joinExprs);
    } else if (from.expr?.ast || from.expr?.type === 'select') {
      const cols = this.select(from.expr.ast ?? from.expr, scope.parent, ctes);
      scope.entries.push([identText(from.as) ?? '', { kind: 'derived', columns: cols }]);
    } else if (typeof from.table === 'string') {
      const cte = from.db ? undefined : ctes.get(from.table);
      if (cte) {
        scope.entries.push([identText(from.as) ?? from.table, cte]);
      } else {
        const relation = qualified(from.db, from.table, this.ctx.schema);
        const key = `${relation.schema}.${relation.name}`;
        this.readSet.set(key, relation);
        const offset: number | undefined = from.loc?.start?.offset;
        if (offset !== undefined && !this.readAt.has(key)) this.readAt.set(key, { relation, at: this.ctx.loc(offset) });
        const known = this.ctx.state.relation(relation);
        scope.entries.push([identText(from.as) ?? relation.name, { kind: 'base', relation, columns: known?.columns }]);
      }
    }
    if (from.on) joinExprs.push(from.on);
    if (Array.isArray(from.using)) {
      for (const u of from.using) joinExprs.push({ type: 'column_ref', table: null, column: identText(u) });
    }
  }

  /** Records every column reference in an expression; analyses subqueries in the current scope. */
  private expr(node: any, scope: Scope, ctes: Map<string, Source>): void {
    this.value(node, scope, ctes);
  }

  /**
   * The base columns a value expression carries (src/sources/lineage-carry.ts: a derived value
   * carries its sources, a predicate or count carries nothing); every column it names is read.
   */
  value(node: any, scope: Scope, ctes: Map<string, Source>): Origin[] {
    const out: Origin[] = [];
    const visit = (n: any, carrying: boolean): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) {
        for (const x of n) visit(x, carrying);
        return;
      }
      if (n.type === 'column_ref' || n.type === 'var') {
        if (n.type === 'column_ref' && identText(n.column) === '*') return;
        const found = this.variableValue(n) ?? (n.type === 'column_ref' ? this.resolve(n, scope) : []);
        if (carrying) out.push(...found);
        return;
      }
      const sub = n.ast?.type === 'select' ? n.ast : n.type === 'select' ? n : undefined;
      if (sub) {
        // `(SELECT x FROM t WHERE …)` used as a value carries the column it yields.
        const cols = this.select(sub, scope, ctes);
        if (carrying) out.push(...(cols[0]?.from ?? []));
        return;
      }
      for (const part of nspParts(n)) visit(part.node, carrying && part.carries);
    };
    visit(node, true);
    return dedupeOrigins(out);
  }

  /**
   * In a routine body, a name that is a local variable or parameter is the variable ("MySQL
   * interprets the reference as the name of a variable", MySQL 8.0 Reference Manual 15.6.4.2,
   * Local Variable Scope and Resolution), and `@v` a user variable: what it was assigned.
   */
  private variableValue(ref: any): Origin[] | undefined {
    if (!this.variables) return undefined;
    if (ref.type === 'var') return this.variables(String(ref.name ?? '')) ?? [];
    if (identText(ref.table) !== undefined) return undefined;
    return this.variables(identText(ref.column) ?? '');
  }

  /** The base columns a column reference denotes (recorded as read). */
  private resolve(ref: any, scope: Scope): Origin[] {
    const column = foldColumn(identText(ref.column) ?? '');
    const qualifier = identText(ref.table);
    let found: Origin[] = [];
    if (qualifier !== undefined) {
      for (let s: Scope | undefined = scope; s && found.length === 0; s = s.parent) {
        const entry = s.entries.find(([alias]) => alias === qualifier);
        if (entry) found = originsIn(entry[1], column) ?? [];
        if (entry) break;
      }
    } else {
      found = resolveBare(column, scope);
    }
    for (const o of found) this.columnSet.set(`${o.relation.schema}.${o.relation.name}.${o.column}`, o);
    return found;
  }

  private star(qualifier: string | undefined, scope: Scope): ViewColumn[] {
    const entries = qualifier === undefined ? scope.entries : scope.entries.filter(([a]) => a === qualifier);
    const out: ViewColumn[] = [];
    for (const [, src] of entries) {
      if (src.kind === 'derived') out.push(...src.columns);
      else if (src.columns) {
        for (const c of src.columns) {
          const o = { relation: src.relation, column: c };
          this.columnSet.set(`${src.relation.schema}.${src.relation.name}.${c}`, o);
          out.push({ name: c, from: [o] });
        }
      } else if (!this.warnedStar) {
        this.warnedStar = true;
        this.ctx.warn(said('diag.mysql.viewStarUnknown', src.relation.name));
      }
    }
    return out;
  }

  /** MySQL names an unaliased expression column by its text. */
  private exprText(e: any, index: number): string {
    const loc = e?.loc;
    if (loc?.start && loc?.end) return this.ctx.text.slice(loc.start.offset, loc.end.offset).trim();
    return identText(e) ?? `expr_${index + 1}`;
  }
}
