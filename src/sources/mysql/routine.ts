/**
 * MySQL / MariaDB stored routines: `CREATE [OR REPLACE] [DEFINER = account] PROCEDURE | FUNCTION
 * name (params) [RETURNS type] [characteristics] body`, `ALTER PROCEDURE | FUNCTION … SQL SECURITY`,
 * `DROP PROCEDURE | FUNCTION`.
 *
 * A routine becomes a relation of kind 'function' (see RoutineDefinition): its columns are what it
 * hands to the caller — a procedure's result sets and OUT/INOUT parameters, a function's RETURN
 * value — each carrying the base columns it comes from, read with the definer's rights under
 * `SQL SECURITY DEFINER` (the default) and with the caller's under `INVOKER`.
 *
 * No library parses MySQL compound statements (measured: sql-parser-cst 0.42 and node-sql-parser
 * 5.4 both reject CREATE PROCEDURE / FUNCTION). So the head and the compound-statement structure
 * (BEGIN … END, DECLARE, IF/WHILE/REPEAT/LOOP/CASE, labels, handlers) are read here by tokens, and
 * each embedded query or expression is parsed with node-sql-parser and its lineage taken with the
 * view reader's Lineage. Variables are followed flow-insensitively (a variable carries every value
 * ever assigned to it), which can only over-state what is returned. Anything else — dynamic SQL
 * (PREPARE/EXECUTE), a statement kind not read, a query the parser rejects — makes the routine
 * "unanalysed" with the reason: an explicit unknown path, never ignored. A parameter's value is
 * `#parameter.name` in the lineage, and a CALL's arguments are kept with the routine: the builder
 * follows values through CALL chains once it knows each callee (catalog/call-flows.ts).
 */
import {
  type CallSite,
  type Column,
  type QualifiedName,
  ROUTINE_PARAMETER,
  type ViewColumn,
  callArgumentColumn,
} from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { account, Cursor } from './accounts.js';
import type { StatementContext } from './context.js';
import { type DiagnosticText, type TextArg, coded, part, said } from '../../diagnostics.js';
import { type DiagnosticKey, renderText } from '../../diagnostic-text/index.js';
import { parserText } from '../guard.js';
import { tokens, type Token } from './lexer.js';
import { foldColumn, foldRelation, foldSchema } from './names.js';
import { parseStatement } from './parse.js';
import { Lineage } from './view.js';
import { dedupeOrigins, type Origin, type Scope, type Source } from '../lineage-scope.js';
import { nth } from '../../indexed.js';

interface Parameter {
  name: string;
  mode: 'in' | 'out' | 'inout';
}

const CHARACTERISTIC = new Set(['COMMENT', 'LANGUAGE', 'NOT', 'DETERMINISTIC', 'CONTAINS', 'NO', 'READS', 'MODIFIES']);

/** CREATE, ALTER or DROP of a PROCEDURE / FUNCTION. */
export function readRoutineStatement(ctx: StatementContext): CatalogOp[] {
  const first = /^\s*(\w+)/.exec(ctx.text)?.[1]?.toUpperCase();
  if (first === 'ALTER') return readAlterRoutine(ctx);
  if (first === 'DROP') return readDropRoutine(ctx);
  return readCreateRoutine(ctx);
}

/** CREATE PROCEDURE / FUNCTION. A loadable function (`RETURNS … SONAME`) reads no tables: nothing to emit. */
function readCreateRoutine(ctx: StatementContext): CatalogOp[] {
  const toks = [...tokens(ctx.text)];
  const c = new Cursor(toks, ctx.text.trimEnd().length);
  c.expect('CREATE');
  const orReplace = c.accept('OR') ? (c.expect('REPLACE'), true) : false;
  let owner: string | undefined;
  if (c.accept('DEFINER')) {
    c.acceptPunct('=');
    const a = account(c);
    if (a.kind === 'account') owner = a.name;
    // DEFINER = CURRENT_USER: the account running the script, like no DEFINER clause.
  }
  if (c.accept('AGGREGATE')) return [];
  const kind = c.next().upper === 'PROCEDURE' ? 'procedure' : 'function';
  if (c.isWord('IF')) {
    c.next();
    c.expect('NOT');
    c.expect('EXISTS');
  }
  const name = routineName(c, ctx.schema);
  if (!c.acceptPunct('(')) c.fail(part('diag.mysql.what.parameters'));
  const params = parameters(c, kind);
  if (kind === 'function') {
    c.expect('RETURNS');
    skipType(c);
    if (c.accept('SONAME')) return [];
  }
  let securityDefiner = true; // "If the definition omits the SQL SECURITY characteristic, the default is definer context."
  for (;;) {
    if (c.isWord('SQL') && c.peek(1)?.upper === 'SECURITY') {
      c.next();
      c.next();
      securityDefiner = c.next().upper !== 'INVOKER';
    } else if (c.isWord('COMMENT')) {
      c.next();
      c.next();
    } else if (c.isWord(...CHARACTERISTIC)) {
      c.next();
      while (c.isWord('SQL', 'DATA', 'DETERMINISTIC') && c.peek(1)?.upper !== 'SECURITY') c.next();
    } else break;
  }
  const bodyStart = c.peek()?.start;
  if (bodyStart === undefined) c.fail(part('diag.mysql.what.routineBody'));
  const body = analyseBody(ctx, toks.slice(toks.findIndex((t) => t.start === bodyStart)), name.name, kind, params);

  const outputs: ViewColumn[] = [...body.outputs];
  for (const p of params) {
    if (p.mode === 'in' || outputs.some((o) => o.name === p.name)) continue;
    outputs.push({ name: p.name, from: body.vars.get(p.name) ?? [] });
  }
  const inputs = params.filter((p) => p.mode === 'in' && !outputs.some((o) => o.name === p.name));
  const columns: Column[] = [
    ...outputs.map((o) => ({ name: o.name, source: ctx.at })),
    ...inputs.map((p) => ({ name: p.name, source: ctx.at, parameter: true })),
  ];
  const op: Extract<CatalogOp, { op: 'create-function' }> = {
    op: 'create-function',
    at: ctx.at,
    name,
    columns,
    routine: {
      kind,
      securityDefiner,
      language: 'sql',
      argTypes: [], // MySQL has no overloading: one routine per name and kind
      analysed: body.reason === undefined,
      ...(body.reason ? { unanalysedReason: renderText('en', body.reason)!, unanalysedText: body.reason } : {}),
      parameterModes: params,
      // What the body writes and calls: the builder makes the copies, once the callees are known.
      ...(body.reason ? {} : { writes: body.writes, calls: body.calls }),
    },
    view: {
      securityInvoker: !securityDefiner,
      columns: [...outputs, ...inputs.map((p) => ({ name: p.name, from: [] }))],
      reads: body.lineage.reads(),
      readsColumns: body.lineage.readsColumns(),
    },
  };
  if (orReplace) op.orReplace = true;
  if (owner) op.owner = owner;
  return [op];
}

/**
 * `INSERT|REPLACE … SELECT`, `INSERT … VALUES ((SELECT …))` and `UPDATE … SET` in a script, outside
 * any routine: the target columns hold the values the statement writes, as the same statement in a
 * routine body (one walker reads both). A statement it cannot read — an UPDATE without SET, a
 * query the parser rejects — is reported (SPIF-SQL-UNSUPPORTED): what it copies is not followed.
 */
export function readScriptWrite(ctx: StatementContext): CatalogOp[] {
  const toks = [...tokens(ctx.text)];
  // A dump's INSERT … VALUES of literals copies nothing: only a query inside makes it a copy.
  if (toks[0]?.upper !== 'UPDATE' && !toks.some((t) => t.kind === 'word' && t.upper === 'SELECT')) return [];
  const body = analyseBody(ctx, toks, 'script', 'procedure', []);
  if (body.reason) {
    ctx.diagnostics.push({
      ...coded('warning', 'SPIF-SQL-UNSUPPORTED'),
      ...said('diag.mysql.scriptWrite', inScript(body.reason)),
      ...ctx.at,
    });
    return [];
  }
  return copies(ctx, body, nth(toks, 0).upper === 'UPDATE' ? 'update' : 'insert-select');
}

/**
 * What a body writes, as copies: once it runs, the target columns hold those values. A body that
 * CALLs routines hands its writes and calls to the builder, which knows what each callee does
 * with its arguments.
 */
function copies(ctx: StatementContext, body: BodyResult, via: 'insert-select' | 'update' | 'trigger'): CatalogOp[] {
  if (body.reason) return [];
  if (body.calls.length) return [{ op: 'run-calls', at: ctx.at, calls: body.calls, writes: body.writes, via }];
  return body.writes.map((w) => ({
    op: 'copy-into' as const,
    at: ctx.at,
    table: w.table,
    ...(w.columns ? { columns: w.columns } : {}),
    values: w.values,
    via,
  }));
}

/**
 * `CREATE [OR REPLACE] [DEFINER = a] TRIGGER [IF NOT EXISTS] name {BEFORE|AFTER} event [OR event…]
 * ON t FOR EACH ROW [{FOLLOWS|PRECEDES} other] body`: each INSERT/UPDATE the body makes copies the
 * values it writes, `NEW.col` and `OLD.col` being the row of t ("NEW.col_name … refer to columns of
 * the row", MySQL 8.0 Reference Manual 25.3.1 Trigger Syntax and Examples). A body that cannot be
 * read is reported (SPIF-FUNCTION-UNANALYSED): what it copies is not followed.
 */
export function readTrigger(ctx: StatementContext): CatalogOp[] {
  const toks = [...tokens(ctx.text)];
  const c = new Cursor(toks, ctx.text.trimEnd().length);
  c.expect('CREATE');
  if (c.accept('OR')) c.expect('REPLACE');
  if (c.accept('DEFINER')) {
    c.acceptPunct('=');
    account(c);
  }
  c.expect('TRIGGER');
  if (c.isWord('IF')) {
    c.next();
    c.expect('NOT');
    c.expect('EXISTS');
  }
  const name = routineName(c, ctx.schema);
  while (!c.done() && !c.isWord('ON')) c.next();
  c.expect('ON');
  const table = routineName(c, ctx.schema);
  c.expect('FOR');
  c.expect('EACH');
  c.expect('ROW');
  if (c.accept('FOLLOWS', 'PRECEDES')) routineName(c, ctx.schema);
  const bodyStart = c.peek()?.start;
  if (bodyStart === undefined) c.fail(part('diag.mysql.what.triggerBody'));
  const known = ctx.state.relation(table);
  const body = analyseBody(ctx, toks.slice(toks.findIndex((t) => t.start === bodyStart)), name.name, 'procedure', [], {
    relation: table,
    ...(known ? { columns: known.columns } : {}),
  });
  if (body.reason) {
    ctx.diagnostics.push({
      ...coded('warning', 'SPIF-FUNCTION-UNANALYSED'),
      ...said('diag.mysql.triggerBody', `${name.schema}.${name.name}`, `${table.schema}.${table.name}`, body.reason),
      ...ctx.at,
    });
  }
  return copies(ctx, body, 'trigger');
}

/** `ALTER PROCEDURE | FUNCTION name [characteristic …]`: only SQL SECURITY matters here. */
function readAlterRoutine(ctx: StatementContext): CatalogOp[] {
  const c = new Cursor([...tokens(ctx.text)], ctx.text.trimEnd().length);
  c.expect('ALTER');
  c.next(); // PROCEDURE | FUNCTION
  const name = routineName(c, ctx.schema);
  while (!c.done()) {
    if (c.isWord('SQL') && c.peek(1)?.upper === 'SECURITY') {
      c.next();
      c.next();
      return [{ op: 'alter-function', at: ctx.at, ref: { name }, securityDefiner: c.next().upper !== 'INVOKER' }];
    }
    c.next();
  }
  return [];
}

/** `DROP PROCEDURE | FUNCTION [IF EXISTS] name` */
function readDropRoutine(ctx: StatementContext): CatalogOp[] {
  const c = new Cursor([...tokens(ctx.text)], ctx.text.trimEnd().length);
  c.expect('DROP');
  c.next();
  const ifExists = c.isWord('IF') ? (c.next(), c.expect('EXISTS'), true) : false;
  const name = routineName(c, ctx.schema);
  // The builder knows the routines of every file (a teardown script drops what another file created)
  // and is quiet about a missing one under IF EXISTS, as a dump writes before each CREATE.
  return [{ op: 'drop-function', at: ctx.at, refs: [{ name }], ifExists }];
}

function routineName(c: Cursor, schema: string): QualifiedName {
  const first = c.next();
  if (first.kind === 'punct' || first.kind === 'string') c.fail(part('diag.mysql.what.routineName'));
  if (c.acceptPunct('.')) {
    const second = c.next();
    return { schema: foldSchema(first.value), name: foldRelation(second.value) };
  }
  return { schema, name: foldRelation(first.value) };
}

/** `[IN|OUT|INOUT] name type, …)` (a function's parameters are all IN). */
function parameters(c: Cursor, kind: 'procedure' | 'function'): Parameter[] {
  const out: Parameter[] = [];
  if (c.acceptPunct(')')) return out;
  for (;;) {
    let mode: Parameter['mode'] = 'in';
    if (kind === 'procedure' && c.isWord('IN', 'OUT', 'INOUT'))
      mode = c.next().upper.toLowerCase() as Parameter['mode'];
    const n = c.next();
    out.push({ name: foldColumn(n.value), mode });
    let depth = 0;
    for (;;) {
      const t = c.next();
      if (t.value === '(') depth++;
      else if (t.value === ')') {
        if (depth === 0) return out;
        depth--;
      } else if (t.value === ',' && depth === 0) break;
    }
  }
}

/** A data type: name, `(…)`, and attributes (UNSIGNED, CHARSET x, COLLATE x…). */
function skipType(c: Cursor): void {
  c.next();
  if (c.isPunct('(')) {
    let depth = 0;
    do {
      const t = c.next();
      if (t.value === '(') depth++;
      if (t.value === ')') depth--;
    } while (depth > 0);
  }
  for (;;) {
    if (c.isWord('UNSIGNED', 'SIGNED', 'ZEROFILL', 'BINARY', 'ASCII', 'UNICODE')) c.next();
    else if (c.isWord('CHARSET', 'COLLATE')) {
      c.next();
      c.next();
    } else if (c.isWord('CHARACTER') && c.peek(1)?.upper === 'SET') {
      c.next();
      c.next();
      c.next();
    } else return;
  }
}

/** The " in the body" of a reason's entry. */
const IN_BODY = part('diag.mysql.inBody');

/** A body reason said of a script's own statement: without " in the body". */
function inScript(reason: DiagnosticText): DiagnosticText {
  return {
    key: reason.key,
    args: reason.args.map((a) => (typeof a === 'object' && a.key === 'diag.mysql.inBody' ? '' : a)),
  };
}

// ── The body ─────────────────────────────────────────────────────────────────────────────────

interface BodyResult {
  outputs: ViewColumn[];
  vars: Map<string, Origin[]>;
  lineage: Lineage;
  /** INSERT / REPLACE / UPDATE the body makes: the target columns hold these values once it runs. */
  writes: Write[];
  /** CALLs the body makes, in order (a variable passed to the k-th names `#call:k:i` in its lineage). */
  calls: CallSite[];
  /** Why the body was not read (its entries say " in the body": see inScript). */
  reason?: DiagnosticText;
}

interface Write {
  table: QualifiedName;
  columns?: string[];
  values: ViewColumn[];
}

/** A trigger's NEW and OLD rows: the table it is defined on. */
interface TriggerRow {
  relation: QualifiedName;
  columns?: string[];
}

/** Words that open a block or branch: a statement starts right after them. */
const OPENERS = new Set(['BEGIN', 'ELSE', 'LOOP', 'REPEAT', 'DO', 'THEN']);
/** Conditions: an expression up to the word that ends it. */
const CONDITION_END: Record<string, string[]> = {
  IF: ['THEN'],
  ELSEIF: ['THEN'],
  WHEN: ['THEN'],
  WHILE: ['DO'],
  UNTIL: ['END'],
  CASE: ['WHEN'],
};
/** Simple statements that hand nothing to the caller and read nothing spif follows. */
const QUIET = new Set([
  'OPEN',
  'CLOSE',
  'LEAVE',
  'ITERATE',
  'SIGNAL',
  'RESIGNAL',
  'START',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'GET',
  'DO',
  'DELETE',
  'TRUNCATE',
  'CREATE',
  'DROP',
  'LOCK',
  'UNLOCK',
]);

/**
 * Walks the body twice: the first pass collects what each variable is assigned, the second reads
 * result sets and RETURN values with those (flow-insensitive) variable lineages.
 */
function analyseBody(
  ctx: StatementContext,
  toks: Token[],
  routineName: string,
  kind: 'procedure' | 'function',
  params: Parameter[],
  row?: TriggerRow,
): BodyResult {
  // An IN / INOUT parameter holds what the caller passes: `#parameter.name` until a CALL says what.
  const seeds = new Map<string, Origin[]>(
    params.map((p) => [
      p.name,
      p.mode === 'out' ? [] : [{ relation: { schema: '', name: ROUTINE_PARAMETER }, column: p.name }],
    ]),
  );
  let vars = new Map(seeds);
  let result: BodyResult | undefined;
  for (let pass = 0; pass < 4; pass++) {
    const walker = new BodyWalker(ctx, toks, routineName, kind, vars, seeds, row);
    walker.walk();
    result = {
      outputs: walker.outputs,
      vars: walker.vars,
      lineage: walker.lineage,
      writes: walker.writes,
      calls: walker.calls,
      reason: walker.reason,
    };
    if (walker.reason || sameVars(vars, walker.vars)) break;
    vars = walker.vars;
  }
  return result!;
}

function sameVars(a: Map<string, Origin[]>, b: Map<string, Origin[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if ((b.get(k)?.length ?? -1) !== v.length) return false;
  return true;
}

class BodyWalker {
  readonly outputs: ViewColumn[] = [];
  readonly writes: Write[] = [];
  readonly calls: CallSite[] = [];
  readonly vars: Map<string, Origin[]>;
  readonly lineage: Lineage;
  reason?: DiagnosticText;
  private readonly cursors = new Map<string, ViewColumn[]>();
  /**
   * `CREATE TEMPORARY TABLE t` in the body: t lives for the session that calls the routine and
   * only that session sees it ("visible only within the current session", MySQL 8.0 Reference
   * Manual 15.1.20.2), so a write into it is no copy into the schema; what the body reads back
   * from it carries what was written (by column, in body order).
   */
  private readonly temporary = new Map<string, Map<string, Origin[]>>();
  private i = 0;

  constructor(
    private readonly ctx: StatementContext,
    private readonly toks: Token[],
    private readonly routineName: string,
    private readonly kind: 'procedure' | 'function',
    /** Variables (and parameters) → what they were assigned in the previous pass. */
    private readonly known: Map<string, Origin[]>,
    /** Parameters → what they hold on entry (the caller's value). */
    seeds: Map<string, Origin[]>,
    /** In a trigger body: what NEW.x and OLD.x name. */
    private readonly row?: TriggerRow,
  ) {
    this.vars = new Map([...known].map(([k]) => [k, seeds.get(k) ?? []]));
    this.lineage = new Lineage(ctx);
    this.lineage.variables = (name) => this.known.get(foldColumn(name));
  }

  walk(): void {
    while (this.i < this.toks.length && !this.reason) this.statement();
  }

  private unanalysed(key: DiagnosticKey, ...args: TextArg[]): void {
    const reason = part(key, ...args);
    this.reason ??= reason;
    this.i = this.toks.length;
  }

  private peekWord(k = 0): string | undefined {
    const t = this.toks[this.i + k];
    return t && (t.kind === 'word' || t.kind === 'ident') ? t.upper : undefined;
  }

  /** One statement, or one opener / closer of a compound statement. */
  private statement(): void {
    const t = nth(this.toks, this.i);
    if (t.kind === 'punct' && t.value === ';') return void this.i++;
    const w = t.kind === 'word' ? t.upper : undefined;
    // `label: BEGIN` / `label: LOOP`
    if ((t.kind === 'word' || t.kind === 'ident') && this.toks[this.i + 1]?.value === ':') {
      this.i += 2;
      return;
    }
    if (w === 'BEGIN') {
      this.i++;
      if (this.peekWord() === 'NOT' && this.peekWord(1) === 'ATOMIC') this.i += 2; // MariaDB
      return;
    }
    if (w && OPENERS.has(w)) return void this.i++;
    if (w === 'END') {
      // END [IF|LOOP|WHILE|REPEAT|CASE] [label]
      this.i++;
      while (this.i < this.toks.length && nth(this.toks, this.i).value !== ';' && this.peekWord() !== 'UNTIL') {
        if (this.peekWord() === 'END' || this.peekWord() === 'ELSE' || this.peekWord() === 'ELSEIF') break;
        if (this.peekWord() === 'WHEN') break;
        this.i++;
      }
      return;
    }
    if (w === 'CASE' && this.peekWord(1) === 'WHEN') return void this.i++;
    if (w && CONDITION_END[w]) {
      this.i++;
      const stop = this.scanUntil(CONDITION_END[w]);
      if (stop > this.i) this.expression(nth(this.toks, this.i).start, nth(this.toks, stop - 1).end);
      this.i = stop;
      return;
    }
    const end = this.scanUntil([]);
    const stmt = this.toks.slice(this.i, end);
    this.i = end;
    this.simple(stmt);
  }

  /** Index of the first of `words` at depth 0 (CASE … END nesting counted), else of `;` / end. */
  private scanUntil(words: string[]): number {
    let depth = 0;
    let caseDepth = 0;
    for (let j = this.i; j < this.toks.length; j++) {
      const t = nth(this.toks, j);
      if (t.kind === 'punct') {
        if (t.value === '(') depth++;
        else if (t.value === ')') depth--;
        else if (t.value === ';' && depth === 0) return j;
        continue;
      }
      if (t.kind !== 'word' || depth > 0) continue;
      if (t.upper === 'CASE') caseDepth++;
      else if (t.upper === 'END' && caseDepth > 0) caseDepth--;
      else if (caseDepth === 0 && words.includes(t.upper)) return j;
    }
    return this.toks.length;
  }

  private simple(stmt: Token[]): void {
    if (stmt.length === 0) return;
    const w = nth(stmt, 0).upper;
    if (w === 'SELECT' || w === 'WITH' || (w === '(' && stmt[1]?.upper === 'SELECT')) return this.select(stmt);
    if (w === 'RETURN') {
      const values = this.expression(stmt[1]?.start, end(stmt));
      const name = foldColumn(this.routineName);
      this.addOutput({ name, from: values });
      return;
    }
    if (w === 'INSERT' || w === 'REPLACE') return this.insert(stmt);
    if (w === 'UPDATE') return this.update(stmt);
    if (w === 'CREATE' && stmt[1]?.upper === 'TEMPORARY' && stmt[2]?.upper === 'TABLE') {
      let k = 3;
      if (stmt[k]?.upper === 'IF') k += 3; // IF NOT EXISTS
      const t = this.tableAt(stmt, k);
      if (t) this.temporary.set(t.table.name, new Map());
      return;
    }
    if (w === 'SET') return this.set(stmt);
    if (w === 'DECLARE') return this.declare(stmt);
    if (w === 'FETCH') return this.fetch(stmt);
    if (w === 'CALL') return this.call(stmt);
    if (w === 'PREPARE' || w === 'EXECUTE' || w === 'DEALLOCATE') return this.unanalysed('diag.mysql.body.dynamic');
    if (QUIET.has(w)) return;
    this.unanalysed('diag.mysql.body.statement', nth(stmt, 0).value, IN_BODY);
  }

  /**
   * `INSERT|REPLACE [IGNORE] [INTO] t [(cols)] {SELECT … | VALUES (…), … | SET c = expr, …}`: the
   * target columns hold what is inserted (a copy, as `INSERT … SELECT` in a script). `ON DUPLICATE
   * KEY UPDATE` assigns nothing new from other tables' rows that spif does not read already.
   */
  private insert(stmt: Token[]): void {
    let k = 1;
    while (['LOW_PRIORITY', 'DELAYED', 'HIGH_PRIORITY', 'IGNORE', 'INTO'].includes(stmt[k]?.upper ?? '')) k++;
    const target = this.tableAt(stmt, k);
    if (!target) return this.unanalysed('diag.mysql.body.noTable', nth(stmt, 0).value, IN_BODY);
    k = target.next;
    if (stmt[k]?.upper === 'PARTITION') k = closeParen(stmt, k + 1) + 1;
    let columns: string[] | undefined;
    if (stmt[k]?.value === '(' && !['SELECT', 'WITH', '('].includes(stmt[k + 1]?.upper ?? '')) {
      const close = closeParen(stmt, k);
      columns = stmt
        .slice(k + 1, close)
        .filter((t) => t.value !== ',')
        .map((t) => foldColumn(t.value));
      k = close + 1;
    }
    const dup = stmt.findIndex((t, j) => j > k && t.upper === 'DUPLICATE' && stmt[j - 2]?.upper === 'ON');
    const stop = dup > 0 ? nth(stmt, dup - 2).start : end(stmt);
    const w = stmt[k]?.upper;
    let values: ViewColumn[] | undefined;
    if (w === 'SELECT' || w === 'WITH' || w === '(') values = this.query(this.blanked(nth(stmt, k).start, stop));
    else if (w === 'VALUES' || w === 'VALUE') {
      values = [];
      for (let j = k + 1; j < stmt.length && nth(stmt, j).value === '(';) {
        const close = closeParen(stmt, j);
        const row =
          close > j + 1
            ? this.query(`SELECT ${this.ctx.text.slice(nth(stmt, j + 1).start, nth(stmt, close - 1).end)}`)
            : [];
        if (!row) return;
        values = row.map((c, i) => ({ name: c.name, from: dedupeOrigins([...(values![i]?.from ?? []), ...c.from]) }));
        j = close + 1;
        if (stmt[j]?.value === ',') j++;
      }
    } else if (w === 'SET') {
      const pairs = this.assignments(stmt, k + 1, stop);
      if (!pairs) return;
      columns = pairs.map((p) => p.column);
      values = pairs.map((p) => ({ name: p.column, from: p.from }));
    } else return this.unanalysed('diag.mysql.body.writeNotRead', nth(stmt, 0).value, IN_BODY);
    if (values) this.write(target.table, columns, values);
  }

  /** `UPDATE t SET c = expr, … [WHERE …]` of one table: c holds what expr carries. */
  private update(stmt: Token[]): void {
    let k = 1;
    while (['LOW_PRIORITY', 'IGNORE'].includes(stmt[k]?.upper ?? '')) k++;
    const refs = k;
    const target = this.tableAt(stmt, k);
    if (!target) return this.unanalysed('diag.mysql.body.updateNoTable', IN_BODY);
    k = target.next;
    if (stmt[k]?.upper === 'AS') k++;
    if (stmt[k]?.kind === 'word' && nth(stmt, k).upper !== 'SET') k++; // alias
    if (stmt[k]?.upper !== 'SET') return this.multiUpdate(stmt, refs);
    const where = depthZeroIndex(stmt, k, ['WHERE', 'ORDER', 'LIMIT']); // not a subquery's WHERE
    const pairs = this.assignments(stmt, k + 1, where > 0 ? nth(stmt, where).start : end(stmt));
    if (!pairs) return;
    const values = pairs.map((p) => ({ name: p.column, from: p.from }));
    this.write(
      target.table,
      pairs.map((p) => p.column),
      values,
    );
  }

  /**
   * A multiple-table UPDATE, `UPDATE t1 [AS a] JOIN t2 b ON … SET a.c = b.x, … [WHERE …]` or
   * `UPDATE t1 a, t2 b SET …`: "the UPDATE statement updates rows in each table named in
   * table_references that satisfy the conditions" (MariaDB Knowledge Base, UPDATE: multiple-table
   * syntax; MySQL 8.0 Reference Manual 15.2.17), each `SET` naming a column of one of them. So the
   * column `a.c` holds what its expression carries, read as the select list of
   * `SELECT … FROM <table_references>`; an unqualified column belongs to whichever table has it
   * (each is given it: the builder keeps only a table that has the column).
   */
  private multiUpdate(stmt: Token[], refs: number): void {
    const setAt = depthZeroIndex(stmt, refs, ['SET']);
    if (setAt < 0) return this.unanalysed('diag.mysql.body.multiUpdate', IN_BODY);
    const from = this.ctx.text.slice(nth(stmt, refs).start, nth(stmt, setAt - 1).end);
    const tables = this.tableReferences(from);
    if (!tables) return this.unanalysed('diag.mysql.body.multiUpdate', IN_BODY);
    const where = depthZeroIndex(stmt, setAt, ['WHERE']);
    const pairs = this.assignments(stmt, setAt + 1, where > 0 ? nth(stmt, where).start : end(stmt));
    if (!pairs) return;
    const select = pairs.map((p) => this.ctx.text.slice(p.span[0], p.span[1])).join(', ');
    const cols = this.query(`SELECT ${select} FROM ${from}`);
    if (!cols) return;
    pairs.forEach((p, i) => {
      const named = p.qualifier ? tables.get(p.qualifier) : undefined;
      const targets = p.qualifier ? (named ? [named] : []) : [...new Set(tables.values())];
      const values = [{ name: p.column, from: cols[i]?.from ?? [] }];
      for (const t of targets) this.write(t, [p.column], values);
    });
  }

  /** The tables of `table_references` by the name a SET qualifies them with (alias, else table name). */
  private tableReferences(from: string): Map<string, QualifiedName> | undefined {
    const parsed = parseStatement(`SELECT 1 FROM ${from}`, this.ctx.dialect);
    const ast = parsed.ok ? (Array.isArray(parsed.ast) ? parsed.ast[0] : parsed.ast) : undefined;
    if (ast?.type !== 'select' || !Array.isArray(ast.from)) return undefined;
    const out = new Map<string, QualifiedName>();
    for (const f of ast.from as { db?: string | null; table?: string; as?: string | null }[]) {
      if (!f.table) continue; // a derived table cannot be updated
      const table = { schema: f.db ? foldSchema(f.db) : this.ctx.schema, name: foldRelation(f.table) };
      out.set(f.as ?? f.table, table);
    }
    return out;
  }

  /**
   * `CALL [db.]p[(args)]`: p's result sets go to this routine's caller ("CALL can pass back values
   * to its caller using … result sets", MySQL 8.0 Reference Manual, CALL), so this routine returns
   * every column p returns, read in the security context current here: p needs EXECUTE there and
   * runs with its own SQL SECURITY (MySQL 8.0 Stored Object Access Control). The builder expands
   * p's columns (`*`). Each argument's lineage is kept with the call: p may write it into a table.
   * A variable (a local one, a parameter, `@v`) passed as an argument may be set by p ("CALL can
   * pass back values to its caller using parameters that are declared as OUT or INOUT", MariaDB
   * Knowledge Base and MySQL 8.0 Reference Manual, CALL):
   * it then also holds `#call:k:i`, what p sets in its i-th parameter, which the builder resolves
   * (nothing when that parameter is IN). In a BEFORE trigger `NEW.col` may be such an argument,
   * and p then writes the row's column.
   */
  private call(stmt: Token[]): void {
    const target = this.tableAt(stmt, 1);
    if (!target) return this.unanalysed('diag.mysql.body.callNoRoutine', IN_BODY);
    let k = target.next;
    // A routine's relation is named by its signature, `p()` (MySQL has no overloading).
    const routine = { ...target.table, name: `${target.table.name}()` };
    const site: CallSite = { routine: target.table, args: [] };
    const index = this.calls.push(site) - 1;
    if (stmt[k]?.value === '(') {
      const close = closeParen(stmt, k);
      const args: Token[][] = [[]];
      let depth = 0;
      for (let j = k + 1; j < close; j++) {
        if (nth(stmt, j).value === '(') depth++;
        if (nth(stmt, j).value === ')') depth--;
        if (nth(stmt, j).value === ',' && depth === 0) args.push([]);
        else nth(args, args.length - 1).push(nth(stmt, j));
      }
      if (close === k + 1) args.pop(); // `p()`
      args.forEach((a, i) => {
        site.args.push(a.length ? this.expression(nth(a, 0).start, nth(a, a.length - 1).end) : []);
        const set = [{ relation: routine, column: callArgumentColumn(index, i) }];
        const word = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'ident');
        if (a.length === 1 && word(a[0])) this.assign(nth(a, 0).value, set);
        else if (a.length === 2 && nth(a, 0).value === '@' && word(a[1])) this.assign(nth(a, 1).value, set);
        else if (this.row && a.length === 3 && nth(a, 0).upper === 'NEW' && nth(a, 1).value === '.' && word(a[2])) {
          const column = foldColumn(nth(a, 2).value);
          this.writes.push({ table: this.row.relation, columns: [column], values: [{ name: column, from: set }] });
        }
      });
      k = close + 1;
    }
    if (this.kind === 'procedure') this.addOutput({ name: '*', from: [{ relation: routine, column: '*' }] });
  }

  /** `[schema.]name` at stmt[k]. */
  private tableAt(stmt: Token[], k: number): { table: QualifiedName; next: number } | undefined {
    const first = stmt[k];
    if (!first || first.kind === 'punct' || first.kind === 'string') return undefined;
    if (stmt[k + 1]?.value === '.' && stmt[k + 2])
      return { table: { schema: foldSchema(first.value), name: foldRelation(nth(stmt, k + 2).value) }, next: k + 3 };
    return { table: { schema: this.ctx.schema, name: foldRelation(first.value) }, next: k + 1 };
  }

  /** `c = expr, d = expr` from stmt[k] to offset `stop`. */
  private assignments(
    stmt: Token[],
    k: number,
    stop: number,
  ): { column: string; qualifier?: string; from: Origin[]; span: [number, number] }[] | undefined {
    const out: { column: string; qualifier?: string; from: Origin[]; span: [number, number] }[] = [];
    while (k < stmt.length && nth(stmt, k).start < stop) {
      let j = k;
      while (stmt[j + 1]?.value === '.') j += 2; // t.c
      const column = foldColumn(nth(stmt, j).value);
      const qualifier = j > k ? nth(stmt, j - 2).value : undefined;
      if (stmt[j + 1]?.value !== '=') {
        this.unanalysed('diag.mysql.body.assignment', IN_BODY);
        return undefined;
      }
      let e = topLevelComma(stmt, j + 2);
      while (e < stmt.length && nth(stmt, e).start >= stop) e--;
      const exprEnd = e < stmt.length && nth(stmt, e).value === ',' ? nth(stmt, e).start : stop;
      const start = stmt[j + 2]?.start ?? exprEnd;
      out.push({
        column,
        ...(qualifier ? { qualifier } : {}),
        from: this.expression(start, exprEnd),
        span: [start, exprEnd],
      });
      k = e + 1;
      if (exprEnd === stop) break;
    }
    return out;
  }

  /** A write into `table`: a copy, or values staged in a temporary table of the body. */
  private write(table: QualifiedName, columns: string[] | undefined, values: ViewColumn[]): void {
    const staged = this.temporary.get(table.name);
    const through = values.map((v) => ({ name: v.name, from: this.unstage(v.from) }));
    if (staged) {
      through.forEach((v, i) => {
        const column = columns?.[i] ?? v.name;
        staged.set(column, dedupeOrigins([...(staged.get(column) ?? []), ...v.from]));
      });
      return;
    }
    if (through.some((v) => v.from.length))
      this.writes.push({ table, ...(columns ? { columns } : {}), values: through });
  }

  /** Origins in a temporary table of the body: what was written into those columns. */
  private unstage(from: Origin[]): Origin[] {
    return dedupeOrigins(
      from.flatMap(
        (o) => this.temporary.get(o.relation.name)?.get(o.column) ?? (this.temporary.has(o.relation.name) ? [] : [o]),
      ),
    );
  }

  private addOutput(col: ViewColumn): void {
    col = { name: col.name, from: this.unstage(col.from) };
    const existing = this.outputs.findIndex((o) => o.name === col.name);
    if (existing < 0) this.outputs.push(col);
    else
      this.outputs[existing] = {
        name: col.name,
        from: dedupeOrigins([...nth(this.outputs, existing).from, ...col.from]),
      };
  }

  private assign(name: string, from: Origin[]): void {
    const key = foldColumn(name);
    this.vars.set(key, dedupeOrigins([...(this.vars.get(key) ?? []), ...this.unstage(from)]));
  }

  /** A query: its INTO targets get its columns; without INTO it is a result set the caller receives. */
  private select(stmt: Token[]): void {
    const into = this.intoClause(stmt);
    const text = this.blanked(nth(stmt, 0).start, end(stmt), into?.span);
    const cols = this.query(text);
    if (!cols) return;
    if (into) into.targets.forEach((v, k) => this.assign(v, cols[k]?.from ?? []));
    else if (this.kind === 'procedure') for (const c of cols) this.addOutput(c);
  }

  /** `INTO a, @b` at depth 0 (after the select list or at the end), not `INTO OUTFILE|DUMPFILE`. */
  private intoClause(stmt: Token[]): { targets: string[]; span: [number, number] } | undefined {
    let depth = 0;
    for (let k = 0; k < stmt.length; k++) {
      const t = nth(stmt, k);
      if (t.value === '(') depth++;
      else if (t.value === ')') depth--;
      if (depth !== 0 || t.kind !== 'word' || t.upper !== 'INTO') continue;
      if (stmt[k + 1]?.upper === 'OUTFILE' || stmt[k + 1]?.upper === 'DUMPFILE') return undefined;
      const targets: string[] = [];
      let j = k + 1;
      while (j < stmt.length) {
        if (nth(stmt, j).value === '@') j++;
        targets.push(nth(stmt, j).value);
        j++;
        if (stmt[j]?.value !== ',') break;
        j++;
      }
      return { targets, span: [t.start, nth(stmt, j - 1).end] };
    }
    return undefined;
  }

  /** `SET v = expr, @w := expr` (also `SET NAMES`, session variables: nothing to follow). */
  private set(stmt: Token[]): void {
    let k = 1;
    while (k < stmt.length) {
      let j = k;
      if (nth(stmt, j).value === '@') j++;
      if (stmt[j]?.value === '@') j++; // @@session.x
      const target = stmt[j]?.value;
      j++;
      while (j < stmt.length && nth(stmt, j).value === '.') j += 2;
      if (stmt[j]?.value === ':') j++;
      if (stmt[j]?.value !== '=') return; // SET NAMES, SET TRANSACTION…: no value to follow
      const exprEnd = topLevelComma(stmt, j + 1);
      const values = this.expression(stmt[j + 1]?.start, exprEnd < stmt.length ? nth(stmt, exprEnd).start : end(stmt));
      if (target) this.assign(target, values);
      k = exprEnd + 1;
    }
  }

  /** `DECLARE v[, w] type [DEFAULT expr]`, `DECLARE c CURSOR FOR query`, handlers and conditions. */
  private declare(stmt: Token[]): void {
    if (stmt[1] && ['CONTINUE', 'EXIT', 'UNDO'].includes(stmt[1].upper) && stmt[2]?.upper === 'HANDLER') {
      // The handler's own statement follows its condition list: read it as a statement.
      let k = 3;
      if (stmt[k]?.upper === 'FOR') k++;
      for (;;) {
        const u = stmt[k]?.upper;
        if (u === 'SQLSTATE') k += stmt[k + 1]?.upper === 'VALUE' ? 3 : 2;
        else if (u === 'NOT') k += 2;
        else k++;
        if (stmt[k]?.value !== ',') break;
        k++;
      }
      this.i -= stmt.length - k; // rewind to the handler statement
      return;
    }
    if (stmt[2]?.upper === 'CURSOR') {
      const forAt = stmt.findIndex((t) => t.upper === 'FOR');
      const cols = this.query(this.blanked(stmt[forAt + 1]?.start ?? end(stmt), end(stmt)));
      if (cols) this.cursors.set(foldColumn(nth(stmt, 1).value), cols);
      return;
    }
    if (stmt[2]?.upper === 'CONDITION') return;
    const names: string[] = [];
    let k = 1;
    while (k < stmt.length) {
      names.push(nth(stmt, k).value);
      if (stmt[k + 1]?.value !== ',') break;
      k += 2;
    }
    for (const n of names) this.assign(n, []);
    const def = stmt.findIndex((t, j) => j > k && t.kind === 'word' && t.upper === 'DEFAULT');
    if (def < 0) return;
    const values = this.expression(stmt[def + 1]?.start, end(stmt));
    for (const n of names) this.assign(n, values);
  }

  /** `FETCH [[NEXT] FROM] cursor INTO a, b`: the cursor's columns, by position. */
  private fetch(stmt: Token[]): void {
    const into = stmt.findIndex((t) => t.upper === 'INTO');
    if (into < 1) return;
    const cursor = foldColumn(nth(stmt, into - 1).value);
    const cols = this.cursors.get(cursor) ?? [];
    const targets = stmt
      .slice(into + 1)
      .filter((t) => t.value !== ',' && t.value !== '@')
      .map((t) => t.value);
    targets.forEach((v, k) => this.assign(v, cols[k]?.from ?? []));
  }

  /** The base columns an expression carries (a column, a variable, a scalar subquery's column, a value derived from them). */
  private expression(start: number | undefined, stop: number): Origin[] {
    if (start === undefined || start >= stop) return [];
    const cols = this.query(`SELECT ${this.ctx.text.slice(start, stop)}`);
    return cols?.[0]?.from ?? [];
  }

  /** Parses a query with node-sql-parser and takes its lineage; variables resolve to what they hold. */
  private query(text: string): ViewColumn[] | undefined {
    const parsed = parseStatement(text, this.ctx.dialect);
    if (!parsed.ok) {
      this.unanalysed('diag.mysql.body.queryNotRead', IN_BODY, parserText(parsed.message));
      return undefined;
    }
    const ast = Array.isArray(parsed.ast) ? parsed.ast[0] : parsed.ast;
    if (ast?.type !== 'select') {
      this.unanalysed('diag.mysql.body.notSelect', IN_BODY);
      return undefined;
    }
    return this.lineage.select(ast, this.rowScope(), new Map());
  }

  /** A trigger's NEW / OLD as FROM entries enclosing every query of the body (names are case-insensitive). */
  private rowScope(): Scope | undefined {
    if (!this.row) return undefined;
    const src: Source = { kind: 'base', relation: this.row.relation, columns: this.row.columns };
    return { entries: ['NEW', 'new', 'New', 'OLD', 'old', 'Old'].map((a) => [a, src] as [string, Source]) };
  }

  /** The statement text with only [start, stop) kept (and `blank` spaced out): offsets stay the file's. */
  private blanked(start: number, stop: number, blank?: [number, number]): string {
    let body = this.ctx.text.slice(start, stop);
    if (blank) {
      const [a, b] = [blank[0] - start, blank[1] - start];
      body = body.slice(0, a) + ' '.repeat(b - a) + body.slice(b);
    }
    return ' '.repeat(start) + body;
  }
}

/** Index of the `)` closing the `(` at stmt[open]. */
function closeParen(stmt: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < stmt.length; j++) {
    if (nth(stmt, j).value === '(') depth++;
    else if (nth(stmt, j).value === ')' && --depth === 0) return j;
  }
  return stmt.length;
}

function end(stmt: Token[]): number {
  return nth(stmt, stmt.length - 1).end;
}

/** Index of the first of `words` after stmt[from] outside parentheses, else -1. */
function depthZeroIndex(stmt: Token[], from: number, words: string[]): number {
  let depth = 0;
  for (let j = from + 1; j < stmt.length; j++) {
    if (nth(stmt, j).value === '(') depth++;
    else if (nth(stmt, j).value === ')') depth--;
    else if (depth === 0 && nth(stmt, j).kind === 'word' && words.includes(nth(stmt, j).upper)) return j;
  }
  return -1;
}

function topLevelComma(stmt: Token[], from: number): number {
  let depth = 0;
  for (let j = from; j < stmt.length; j++) {
    if (nth(stmt, j).value === '(') depth++;
    else if (nth(stmt, j).value === ')') depth--;
    else if (nth(stmt, j).value === ',' && depth === 0) return j;
  }
  return stmt.length;
}
