/**
 * A view's query (Oracle, SQL Server, Db2) → column lineage. The query is parsed by
 * node-sql-parser (its `transactsql` grammar for SQL Server; for Oracle and Db2 the first of its
 * `snowflake`, `postgresql` and `db2` grammars that reads it: measured in docs/parsers.md), after
 * two rewrites that keep every offset: identifiers folded the way the product folds them (so the
 * AST's names are final), and Oracle's `(+)` outer-join marks blanked (they say nothing about
 * which columns are read).
 */
import { createRequire } from 'node:module';
import type { QualifiedName, ViewColumn } from '../../catalog/model.js';
import { isStackExhaustion } from '../guard.js';
import { part, type TextArg } from '../../diagnostics.js';
import {
  type Origin,
  type Scope,
  type Source,
  dedupeOrigins,
  originKey,
  originsIn,
  resolveBare,
} from '../lineage-scope.js';
import { identText } from '../mysql/context.js';
import type { FileState } from './cursor.js';
import { foldIdent, type Token } from './lexer.js';
import type { VendorDialect } from '../../dialect.js';
import { capture, nth } from '../../indexed.js';
import { nspParts } from '../lineage-carry.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is loosely typed */

type NodeSqlParser = { astify(sql: string, opt: object): any };
const require = createRequire(import.meta.url);
const parsers = new Map<string, NodeSqlParser>();

function parser(database: string): NodeSqlParser {
  let p = parsers.get(database);
  if (!p) {
    const mod = require(`node-sql-parser/build/${database}.js`) as { Parser: new () => NodeSqlParser };
    p = new mod.Parser();
    parsers.set(database, p);
  }
  return p;
}

const GRAMMARS: Record<VendorDialect, string[]> = {
  sqlserver: ['transactsql'],
  oracle: ['snowflake', 'postgresql', 'db2'],
  db2: ['db2', 'snowflake', 'postgresql'],
};

/** An Oracle `[schema.]name@link` the query reads: `local` is the relation the lineage names. */
export interface LinkReference {
  local: QualifiedName;
  link: string;
  remote: QualifiedName;
}

interface QueryLineage {
  columns: ViewColumn[];
  reads: QualifiedName[];
  readsColumns: Origin[];
  /** Oracle remote objects (`t@link`) among `reads`. */
  links: LinkReference[];
  /** Relations selected with `*` whose columns this file does not declare. */
  unknownStar: string[];
}

/** `message`: why the query could not be read — a catalogue entry, or the parser's own text. */
export type QueryOutcome = { ok: true; lineage: QueryLineage } | { ok: false; message: TextArg; offset?: number };

/**
 * Names a routine or trigger body gives a query besides its FROM list (folded as the query's
 * identifiers are): a local variable or parameter (`v_no`, T-SQL `@v` spelt `_v`), the fired-for
 * row of a trigger (`NEW.kojin_no` with Oracle's `:` blanked, Db2's `N.kojin_no`), and SQL
 * Server's `inserted` / `deleted` pseudo-tables, which are the trigger's table.
 */
export interface QueryNames {
  /** What an unresolved column reference carries (undefined: nothing known). A column of the FROM list wins, as in PL/SQL. */
  value?(qualifier: string | undefined, column: string): Origin[] | undefined;
  /** The relation a FROM name stands for, when it is no relation of its own. */
  relation?(name: string): QualifiedName | undefined;
}

/**
 * Parses and walks the query that spans `tokens` (offsets into `text`). `defaultSchema` is the
 * schema of unqualified names (the file's current schema), undefined for the builder's default.
 */
export function queryLineage(
  text: string,
  tokens: Token[],
  dialect: VendorDialect,
  state: FileState,
  names?: QueryNames,
): QueryOutcome {
  if (tokens.length === 0) return { ok: false, message: part('diag.vendor.noQuery') };
  const start = nth(tokens, 0).start;
  const sql = prepare(text, tokens, dialect, state);
  let first: QueryOutcome | undefined;
  for (const grammar of GRAMMARS[dialect]) {
    try {
      const ast = parser(grammar).astify(sql, { database: grammar });
      const select = Array.isArray(ast) ? ast[0] : ast;
      const walker = new Lineage(state, dialect, names);
      const columns = walker.select(select, undefined, new Map());
      return {
        ok: true,
        lineage: {
          columns,
          reads: walker.reads(),
          readsColumns: walker.readsColumns(),
          links: [...walker.links.values()],
          unknownStar: walker.unknownStar,
        },
      };
    } catch (e) {
      if (isStackExhaustion(e)) return { ok: false, message: part('diag.sql.tooDeep') };
      const err = e as { message?: string; location?: { start?: { offset?: number } } };
      const at = err.location?.start?.offset;
      first ??= {
        ok: false,
        message: shortMessage(String(err.message ?? e)),
        offset: at === undefined ? undefined : start + at,
      };
    }
  }
  return first!;
}

/**
 * The query's text with folded identifiers and without `(+)`, same length as the source. Oracle's
 * `name@link` becomes one identifier, `NAME$LINK` (padded to the same length), recorded in
 * `state.linkNames` so the walker knows it for a remote object.
 */
function prepare(text: string, tokens: Token[], dialect: VendorDialect, state: FileState): string {
  const start = nth(tokens, 0).start;
  const chars = text.slice(start, nth(tokens, tokens.length - 1).end).split('');
  const put = (t: Token, replacement: string) => {
    if (replacement.length !== t.end - t.start) return;
    for (let k = 0; k < replacement.length; k++) chars[t.start - start + k] = nth(replacement, k);
  };
  const isName = (t: Token | undefined) => t?.kind === 'word' || t?.kind === 'ident';
  let skipTo = -1;
  tokens.forEach((t, k) => {
    if (k < skipTo) return;
    if (dialect === 'oracle' && isName(t) && tokens[k + 1]?.value === '@' && isName(tokens[k + 2])) {
      // name@link[.domain…]
      let end = k + 2;
      const link = [foldIdent(nth(tokens, end), dialect)];
      while (tokens[end + 1]?.value === '.' && isName(tokens[end + 2])) {
        end += 2;
        link.push(foldIdent(nth(tokens, end), dialect));
      }
      const name = foldIdent(t, dialect);
      const placeholder = `${name}$${link.join('$')}`;
      const span = nth(tokens, end).end - t.start;
      if (placeholder.length <= span && /^[A-Za-z_][A-Za-z0-9_$#]*$/.test(placeholder)) {
        const replacement = placeholder.padEnd(span, ' ');
        for (let x = 0; x < span; x++) chars[t.start - start + x] = nth(replacement, x);
        state.linkNames.set(placeholder, { name, link: link.join('.') });
        skipTo = end + 1;
        return;
      }
    }
    if (t.kind === 'word') put(t, foldIdent(t, dialect));
    else if (t.kind === 'ident') {
      const folded = foldIdent(t, dialect);
      // a quoted name that needs no quotes loses them (some grammars read no quoted names)
      const plain =
        /^[A-Za-z_][A-Za-z0-9_]*$/.test(folded) && dialect !== 'sqlserver' && folded === folded.toUpperCase();
      if (dialect === 'sqlserver') put(t, `[${folded}]`);
      else put(t, plain ? ` ${folded} ` : `"${folded}"`);
    } else if (
      t.value === '(' &&
      tokens[k + 1]?.value === '+' &&
      tokens[k + 2]?.value === ')' &&
      dialect === 'oracle'
    ) {
      for (const x of [t, nth(tokens, k + 1), nth(tokens, k + 2)]) put(x, ' ');
    }
  });
  return chars.join('');
}

function shortMessage(message: string): string {
  const m = /but (.+) found\.?$/s.exec(message);
  return m ? `unexpected ${capture(m, 1)}` : nth(message.split('\n'), 0).slice(0, 200);
}

/** Whether a FROM entry whose columns are known has this column. */
function knownColumn(column: string, scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent)
    if (s.entries.some(([, src]) => (src.kind === 'derived' || src.columns) && originsIn(src, column))) return true;
  return false;
}

class Lineage {
  private readonly readSet = new Map<string, QualifiedName>();
  private readonly columnSet = new Map<string, Origin>();
  readonly unknownStar: string[] = [];
  readonly links = new Map<string, LinkReference>();

  constructor(
    private readonly state: FileState,
    private readonly dialect: VendorDialect,
    private readonly names?: QueryNames,
  ) {}

  reads(): QualifiedName[] {
    return [...this.readSet.values()];
  }
  readsColumns(): Origin[] {
    return [...this.columnSet.values()];
  }

  select(sel: any, parent: Scope | undefined, ctes: Map<string, Source>): ViewColumn[] {
    if (!sel || typeof sel !== 'object') return [];
    if (sel.ast) return this.select(sel.ast, parent, ctes);
    const local = new Map(ctes);
    for (const cte of sel.with ?? []) {
      const name = identText(cte.name);
      if (!name) continue;
      let cols = this.select(cte.stmt?.ast ?? cte.stmt, parent, local);
      if (Array.isArray(cte.columns)) cols = cols.map((c, i) => ({ ...c, name: identText(cte.columns[i]) ?? c.name }));
      local.set(name, { kind: 'derived', columns: cols });
    }
    const scope: Scope = { entries: [], parent };
    const joins: any[] = [];
    this.from(sel.from, scope, local, joins);
    for (const e of joins) this.expr(e, scope, local);
    for (const key of ['where', 'groupby', 'having', 'orderby', 'window', 'qualify', 'top'])
      this.expr(sel[key], scope, local);
    const out: ViewColumn[] = [];
    for (const item of Array.isArray(sel.columns) ? sel.columns : []) {
      const e = item.expr ?? item;
      if (e?.type === 'column_ref' && identText(e.column) === '*') {
        out.push(...this.star(identText(e.table), scope));
        continue;
      }
      const alias = identText(item.as);
      const name = alias ?? (e?.type === 'column_ref' ? identText(e.column) : undefined) ?? `EXPR_${out.length + 1}`;
      out.push({ name, from: this.value(e, scope, local) });
    }
    if (sel._next) {
      const more = this.select(sel._next, parent, local);
      more.forEach((c, i) => {
        if (out[i]) out[i] = { name: out[i].name, from: dedupeOrigins([...out[i].from, ...c.from]) };
      });
    }
    return out;
  }

  private from(from: any, scope: Scope, ctes: Map<string, Source>, joins: any[]): void {
    if (!from) return;
    if (Array.isArray(from)) {
      for (const item of from) this.from(item, scope, ctes, joins);
      return;
    }
    if (Array.isArray(from.expr)) {
      this.from(from.expr, scope, ctes, joins);
      this.from(from.joins, scope, ctes, joins);
    } else if (from.expr?.ast || from.expr?.type === 'select') {
      const cols = this.select(from.expr.ast ?? from.expr, scope.parent, ctes);
      scope.entries.push([identText(from.as) ?? '', { kind: 'derived', columns: cols }]);
    } else if (typeof from.table === 'string') {
      const schemaPart = from.schema ?? from.db;
      const cte = schemaPart ? undefined : ctes.get(from.table);
      if (cte) {
        scope.entries.push([identText(from.as) ?? from.table, cte]);
      } else {
        const relation = this.relation(from);
        this.readSet.set(originKey({ relation, column: '' }), relation);
        const known = this.state.relation(relation);
        scope.entries.push([identText(from.as) ?? from.table, { kind: 'base', relation, columns: known?.columns }]);
      }
    }
    if (from.on) joins.push(from.on);
    if (Array.isArray(from.using))
      for (const u of from.using) joins.push({ type: 'column_ref', table: null, column: identText(u) });
  }

  /** `db.schema.t` (transactsql: db/schema/table; the others: db = schema), through Oracle synonyms of this file. */
  private relation(from: any): QualifiedName {
    const schema: string | undefined = from.schema ?? from.db ?? undefined;
    const remote = this.dialect === 'oracle' ? this.state.linkNames.get(from.table) : undefined;
    if (remote) {
      // A remote object: a relation of its own, `[schema.]name@link` (the schema as written, else
      // the file's); the link and the remote name are resolved when the catalog is built.
      // (`t@hq.acme.com` is named `t@HQ`: relation ids are dotted, and Oracle reads a bare link name with the domain appended.)
      const local: QualifiedName = { name: `${remote.name}@${remote.link.split('.')[0]}` };
      const s = schema ?? this.state.schema;
      if (s) local.schema = s;
      this.links.set(`${s ?? ''}.${local.name}`, {
        local,
        link: remote.link,
        remote: { name: remote.name, ...(schema ? { schema } : {}) },
      });
      return local;
    }
    const stands = schema ? undefined : this.names?.relation?.(from.table);
    if (stands) return stands;
    const q: QualifiedName = { name: from.table };
    if (this.dialect === 'sqlserver' && from.schema && from.db) q.database = from.db;
    const s = schema ?? this.state.schema;
    if (s) q.schema = s;
    return this.state.throughSynonyms(q, !schema);
  }

  private expr(node: any, scope: Scope, ctes: Map<string, Source>): void {
    this.value(node, scope, ctes);
  }

  /**
   * The base columns a value expression carries (src/sources/lineage-carry.ts: a derived value
   * carries its sources, a predicate or count carries nothing); every column it names is read.
   */
  private value(node: any, scope: Scope, ctes: Map<string, Source>): Origin[] {
    const out: Origin[] = [];
    const visit = (n: any, carrying: boolean): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) {
        for (const x of n) visit(x, carrying);
        return;
      }
      if (n.type === 'column_ref') {
        if (identText(n.column) === '*') return;
        const found = this.resolve(n, scope);
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

  private resolve(ref: any, scope: Scope): Origin[] {
    const column = identText(ref.column) ?? '';
    const qualifier = identText(ref.table);
    let found: Origin[] = [];
    let inScope = false;
    if (qualifier !== undefined) {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const entry =
          s.entries.find(([alias]) => alias === qualifier) ??
          s.entries.find(([, src]) => src.kind === 'base' && src.relation.name === qualifier);
        if (entry) {
          found = originsIn(entry[1], column) ?? [];
          inScope = true;
          break;
        }
      }
    } else {
      found = resolveBare(column, scope);
      inScope = knownColumn(column, scope);
    }
    if (!inScope) {
      // not a column of the FROM list: a variable, a parameter or the trigger's row
      const named = this.names?.value?.(qualifier, column);
      if (named) return named;
    }
    for (const o of found) this.columnSet.set(originKey(o), o);
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
          this.columnSet.set(originKey(o), o);
          out.push({ name: c, from: [o] });
        }
      } else if (this.dialect === 'oracle' && src.relation.name.includes('@')) {
        // A remote object (`t@link`): its columns are the remote table's, known once the catalog
        // resolves the link; the builder expands this `*` then (or reports it).
        out.push({ name: '*', from: [{ relation: src.relation, column: '*' }] });
      } else this.unknownStar.push(src.relation.name);
    }
    return out;
  }
}
