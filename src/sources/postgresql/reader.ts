/**
 * PostgreSQL DDL reader on libpg-query (PostgreSQL's own parser, compiled to WASM). The whole file
 * is parsed at once (fast path); when that fails, statements are split by the server's lexer and
 * parsed one by one so a bad statement costs only itself.
 */
import { loadModule, parsePlPgSQLSync, parseSync } from 'libpg-query';
import type {
  CatalogOp,
  GrantTarget,
  NamedConstraint,
  PrivilegeSpec,
  RoutineKind,
  RoutineRef,
} from '../../catalog/ops.js';
import type { Column, ForeignKey, Policy, PrivilegeName, QualifiedName, SourceLocation } from '../../catalog/model.js';
import { pgClip, pgDefaultName, pgIdentifier } from '../../catalog/pg-names.js';
import { type Diagnostic, part, reasonOf, said } from '../../diagnostics.js';
import type { ReadResult, SourceReader, SourceText } from '../types.js';
import { LineIndex } from '../text.js';
import { COMMENT_SYNTAX, trailingColumnComments } from '../column-comments.js';
import { viewLineage, type ColumnRefSite } from './lineage.js';
import { analyseRoutine, type RoutineBody, type RoutineParameter, scriptCalls } from './routine.js';
import { byteToCharMapper, prepareScript, splitStatements } from './split.js';
import { copyStats, insertStats } from './data-values.js';
import { mergeCopies, positional } from './merge.js';
import {
  DROPS_OF_REPORTED,
  IRRELEVANT_ALTER_TABLE,
  IRRELEVANT_STATEMENTS,
  OBJECTS_WITHOUT_ACCESS,
} from './statement-kinds.js';
import {
  crossDatabaseDrop,
  crossDatabaseOps,
  findDblinkCalls,
  foreignTableOp,
  isCrossDatabaseStatement,
} from './cross-database.js';
import { nth } from '../../indexed.js';
import { DIALECT_LABELS, looksLike } from '../dialect-sniff.js';

/** Statements whose queries may call dblink. */
const DBLINK_CALLERS = new Set(['ViewStmt', 'CreateTableAsStmt', 'CreateFunctionStmt']);

type Node = Record<string, any>;

let loaded: Promise<void> | undefined;
/** libpg-query's WASM module must be instantiated once before parseSync. */
export function loadPostgresParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

const SQL_EXTENSIONS = /\.(sql|ddl|pgsql|psql)$/i;

export const postgresqlReader: SourceReader = {
  name: 'postgresql',
  accepts: (path, _text, ctx) => ctx.dialect === 'postgresql' && SQL_EXTENSIONS.test(path),
  async read(source: SourceText): Promise<ReadResult> {
    await loadPostgresParser();
    return readPostgresSql(source);
  },
};

export function readPostgresSql(source: SourceText): ReadResult {
  return foldForeignDialect(source, readStatements(source));
}

/**
 * A file in another dialect (an SSMS export, an Oracle or db2look export, a mysqldump) read as
 * PostgreSQL: its syntax errors become one located error saying which dialect it looks like and
 * how to read it so, instead of one per statement without a hint, and the file is not applied.
 * The error keeps a gate failing.
 */
function foldForeignDialect(source: SourceText, result: ReadResult): ReadResult {
  const syntax = result.diagnostics.filter((d) => d.code === 'SPIF-SQL-SYNTAX');
  const first = syntax[0];
  if (!first) return result;
  const look = looksLike(source.text, 'postgresql');
  if (!look) return result;
  const folded: Diagnostic = {
    severity: 'error',
    code: 'SPIF-SQL-SYNTAX',
    file: first.file,
    line: first.line,
    column: first.column,
    ...said(
      'diag.pg.otherDialect',
      DIALECT_LABELS[look.dialect],
      look.marks.join(', '),
      syntax.length,
      result.statements?.total ?? syntax.length,
      // the parser's own words (diag.pg.syntax's argument), without "statement skipped"
      typeof first.text?.args?.[0] === 'string' ? first.text.args[0] : first.message,
      look.dialect,
    ),
  };
  // What did parse is not applied: a part of a file read in the wrong dialect (comments on tables
  // that failed, a SET) would only add noise and a partial catalog; the error fails the gate.
  return {
    ops: [],
    diagnostics: [folded],
    statements: { total: result.statements?.total ?? syntax.length, read: 0 },
  };
}

function readStatements(source: SourceText): ReadResult {
  const ops: CatalogOp[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(source.text);
  const prepared = prepareScript(source.text);
  // libpg-query reads C strings: a NUL byte would silently end the text there and drop the rest of
  // the file. NULs become spaces for the parser, and a statement that held one is reported.
  const nuls = [...prepared.text.matchAll(/\0/g)].map((m) => m.index);
  const script = nuls.length ? prepared.text.replace(/\0/g, ' ') : prepared.text;
  for (const meta of prepared.metaCommands) {
    if (/^\\connect\b|^\\c\b/.test(meta.text)) {
      diagnostics.push({
        severity: 'warning',
        code: 'SPIF-SQL-UNSUPPORTED',
        file: source.path,
        ...lines.at(meta.offset),
        ...said('diag.pg.metaConnect', meta.text),
      });
    }
  }
  if (prepared.unterminatedCopy !== undefined) {
    diagnostics.push({
      severity: 'error',
      code: 'SPIF-SQL-SYNTAX',
      file: source.path,
      ...lines.at(prepared.unterminatedCopy),
      ...said('diag.pg.copyUnterminated'),
    });
  }
  const ctx = new StatementContext(source.path, lines, ops, diagnostics, script, prepared.copyData);
  // "N of M statements read" (statements.ts): a statement is read when it adds no error or warning.
  const statements = { total: prepared.unterminatedCopy !== undefined ? 1 : 0, read: 0 };
  const counted = (apply: () => void) => {
    const before = diagnostics.length;
    apply();
    statements.total++;
    if (!diagnostics.slice(before).some((d) => d.severity !== 'info')) statements.read++;
  };

  let whole: Node | undefined;
  try {
    whole = nuls.length ? undefined : parseSync(script);
  } catch {
    whole = undefined;
  }
  if (whole) {
    const toChar = byteToCharMapper(script);
    for (const raw of whole.stmts ?? []) {
      const start = toChar(raw.stmt_location ?? 0);
      const end = raw.stmt_len ? toChar((raw.stmt_location ?? 0) + raw.stmt_len) : script.length;
      counted(() => ctx.statement(raw.stmt, skipSpace(script, start), toChar, script.slice(start, end)));
    }
    return { ops, diagnostics, statements };
  }
  for (const span of splitStatements(script)) {
    const text = script.slice(span.start, span.end);
    const start = skipSpace(script, span.start);
    const nul = nuls.find((o) => o >= start && o < span.end); // leading comments may hold one harmlessly
    if (nul !== undefined) {
      diagnostics.push({
        severity: 'error',
        code: 'SPIF-SQL-SYNTAX',
        file: source.path,
        ...lines.at(nul),
        ...said('diag.pg.nul'),
      });
      statements.total++;
      continue;
    }
    let parsed: Node;
    try {
      parsed = parseSync(text);
    } catch (e) {
      const cursor = (e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
      const at = lines.at(cursor !== undefined && cursor >= 0 ? span.start + cursor : start);
      const raw = (e as Error).message;
      // Bison's parser stack (about 10 000 levels) and the server's stack-depth check.
      diagnostics.push({
        severity: 'error',
        code: 'SPIF-SQL-SYNTAX',
        file: source.path,
        ...at,
        ...said(
          /^(memory exhausted|stack depth limit exceeded)/.test(raw) ? 'diag.pg.syntaxTooDeep' : 'diag.pg.syntax',
          raw,
        ),
      });
      statements.total++;
      continue;
    }
    const local = byteToCharMapper(text);
    for (const raw of parsed.stmts ?? []) {
      const end = raw.stmt_len ? local((raw.stmt_location ?? 0) + raw.stmt_len) : text.length;
      counted(() =>
        ctx.statement(
          raw.stmt,
          skipSpace(script, span.start + local(raw.stmt_location ?? 0)),
          (b) => span.start + local(b),
          text.slice(local(raw.stmt_location ?? 0), end),
        ),
      );
    }
  }
  return { ops, diagnostics, statements };
}

function skipSpace(text: string, i: number): number {
  // Leading whitespace and comments belong to the statement span; the location is its first token.
  for (;;) {
    while (i < text.length && /\s/.test(nth(text, i))) i++;
    if (text.startsWith('--', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else return i;
  }
}

/** Turns one parsed statement into catalog ops. */
class StatementContext {
  private at!: SourceLocation;
  private toChar!: (byte: number) => number;
  /** The statement's own text (PL/pgSQL bodies are compiled from it). */
  private text?: string;

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly ops: CatalogOp[],
    private readonly diagnostics: Diagnostic[],
    /** The file's text as parsed (same offsets as the file): trailing column comments are read from it. */
    private readonly script: string,
    /** COPY data lines by the COPY line's offset (split.ts); only their counts are kept. */
    private readonly copyData: Map<number, string[]> = new Map(),
  ) {}

  private start = 0;

  statement(stmt: Node, start: number, toChar: (byte: number) => number, text?: string): void {
    this.at = { file: this.file, ...this.lines.at(start) };
    this.start = start;
    this.toChar = toChar;
    this.text = text;
    const kind = nth(Object.keys(stmt), 0); // a parse node has exactly one key, its kind
    const body = stmt[kind];
    try {
      this.dispatch(kind, body);
      if (DBLINK_CALLERS.has(kind)) this.dblinks(kind, body);
    } catch (e) {
      this.unsupported(said('diag.pg.couldNotRead', kind, (e as Error).message));
    }
  }

  private dispatch(kind: string, s: Node): void {
    switch (kind) {
      case 'CreateStmt':
        return this.createTable(s);
      case 'ViewStmt':
        return this.createView(s);
      case 'CreateTableAsStmt':
        return this.createTableAs(s);
      case 'CreateSchemaStmt':
        return this.createSchema(s);
      case 'AlterTableStmt':
        return this.alterTable(s);
      case 'AlterOwnerStmt':
        return this.alterOwner(s);
      case 'RenameStmt':
        return this.rename(s);
      case 'AlterObjectSchemaStmt':
        return this.setSchema(s);
      case 'DropStmt':
        return this.drop(s);
      case 'CreateRoleStmt':
        return this.createRole(s);
      case 'AlterRoleStmt':
        return this.alterRole(s);
      case 'DropRoleStmt':
        return this.emit({ op: 'drop-role', names: (s.roles ?? []).map(roleName) });
      case 'GrantStmt':
        return this.grant(s);
      case 'GrantRoleStmt':
        return this.grantRole(s);
      case 'AlterDefaultPrivilegesStmt':
        return this.defaultPrivileges(s);
      case 'CreatePolicyStmt':
        return this.createPolicy(s);
      case 'DropStmtPolicy':
        return;
      case 'CommentStmt':
        return this.comment(s);
      case 'VariableSetStmt':
        return this.variableSet(s);
      case 'AlterPolicyStmt':
        return this.alterPolicy(s);
      case 'ReassignOwnedStmt':
        return this.unsupported(said('diag.pg.reassignOwned'));
      case 'DropOwnedStmt':
        return this.unsupported(said('diag.pg.dropOwned'));
      case 'CreateForeignTableStmt':
        this.createTable(s.base, 'foreign table');
        return this.emit(foreignTableOp(s, rangeVarName(s.base.relation)));
      case 'CopyStmt':
        return this.dataValues(
          s,
          copyStats(s, this.copyLines()),
          (s.attlist ?? []).map((a: Node) => a.String?.sval),
        );
      case 'InsertStmt':
        this.dataValues(
          s,
          insertStats(s),
          (s.cols ?? []).map((c: Node) => c.ResTarget?.name),
        );
        return this.insertSelect(s);
      case 'CreateFunctionStmt':
        return this.createFunction(s);
      case 'SelectStmt':
        this.runBody([], scriptCalls({ SelectStmt: s }));
        return this.selectInto(s);
      case 'CallStmt':
        return this.runBody([], scriptCalls({ CallStmt: s }));
      case 'DoStmt':
        return this.doBlock(s);
      case 'CreateTrigStmt': {
        // EXECUTE FUNCTION and its older spelling EXECUTE PROCEDURE both call a function (CREATE TRIGGER).
        const transitionTables = (s.transitionRels ?? [])
          .map((t: Node) => t.TriggerTransition?.name)
          .filter((n: unknown): n is string => typeof n === 'string');
        return this.emit({
          op: 'create-trigger',
          table: rangeVarName(s.relation),
          function: { name: listName(s.funcname ?? []), argTypes: [] },
          ...(transitionTables.length ? { transitionTables } : {}),
        });
      }
      case 'AlterFunctionStmt':
        return this.alterFunction(s);
      case 'CreateSeqStmt':
        return this.emit({ op: 'create-sequence', name: rangeVarName(s.sequence) });
      case 'IndexStmt':
        return this.createIndex(s);
      case 'UpdateStmt':
        // UPDATE … FROM / SET c = (SELECT …) copies values from other relations, which is not followed.
        if (s.fromClause?.length || JSON.stringify(s.targetList ?? []).includes('"SubLink"')) return this.updateCopy(s);
        return; // constants: no column, key, owner or privilege changes
      case 'MergeStmt':
        return this.mergeCopy(s);
      case 'RuleStmt':
        return this.unsupported(said('diag.pg.rule', s.rulename, rangeVarText(s.relation)));
      default:
        if (isCrossDatabaseStatement(kind)) {
          for (const op of crossDatabaseOps(kind, s)) this.emit(op);
          return;
        }
        if (kind in IRRELEVANT_STATEMENTS) return;
        this.unsupported(said('diag.pg.statementNotRead', kind.replace(/Stmt$/, '')));
    }
  }

  /** dblink calls in a view's query or a function's body: each is a query in another database (cross-database.ts). */
  private dblinks(kind: string, s: Node): void {
    const parse = (sql: string): Node[] | undefined => {
      try {
        return (parseSync(sql).stmts ?? []).map((x: Node) => x.stmt);
      } catch {
        return undefined;
      }
    };
    let tree: unknown = s;
    if (kind === 'CreateFunctionStmt') {
      const text = JSON.stringify(s);
      if (!/dblink/i.test(text)) return;
      const language = (s.options ?? []).find((o: Node) => o.DefElem?.defname === 'language')?.DefElem?.arg?.String
        ?.sval;
      const body = (s.options ?? []).find((o: Node) => o.DefElem?.defname === 'as')?.DefElem?.arg?.List?.items?.[0]
        ?.String?.sval;
      if (language === 'plpgsql' && this.text) {
        // PL/pgSQL: every embedded query and expression, parsed as SQL.
        const queries: string[] = [];
        const collect = (x: unknown): void => {
          if (!x || typeof x !== 'object') return;
          if (Array.isArray(x)) return x.forEach(collect);
          const n = x as Node;
          if (n.PLpgSQL_expr?.query) queries.push(n.PLpgSQL_expr.query);
          for (const k of Object.keys(n)) collect(n[k]);
        };
        try {
          collect(parsePlPgSQLSync(this.text));
        } catch {
          return; // the body is reported unanalysed by createFunction
        }
        tree = queries.map((q) => parse(q) ?? parse(`SELECT ${q}`));
      } else if (body !== undefined) tree = [s.sql_body, parse(body)];
    }
    const calls = findDblinkCalls(tree, parse);
    if (calls.length) this.emit({ op: 'dblink', calls });
  }

  /** The data lines of this COPY statement: the first block at or after the statement's start (comments may precede it). */
  private copyLines(): string[] {
    const lineStart = this.script.lastIndexOf('\n', this.start - 1) + 1;
    const at = [...this.copyData.keys()].find((offset) => offset >= lineStart);
    if (at === undefined) return [];
    const lines = this.copyData.get(at)!;
    this.copyData.delete(at);
    return lines;
  }

  /** Value counts of a data statement, for number detection by check digit; the values are not kept. */
  private dataValues(s: Node, stats: ReturnType<typeof copyStats>, columns: (string | undefined)[]): void {
    if (!stats?.length || !s.relation) return;
    this.emit({ op: 'column-values', table: rangeVarName(s.relation), ...(columns.length ? { columns } : {}), stats });
  }

  private emit(op: Record<string, unknown>): void {
    this.ops.push({ ...op, at: this.at } as CatalogOp);
  }

  private unsupported(text: ReturnType<typeof said>): void {
    this.diagnostics.push({ severity: 'warning', code: 'SPIF-SQL-UNSUPPORTED', ...text, ...this.at });
  }

  private loc(byteLocation: number | undefined): SourceLocation {
    if (byteLocation === undefined || byteLocation < 0) return this.at;
    return { file: this.file, ...this.lines.at(this.toChar(byteLocation)) };
  }

  private createTable(s: Node, what = 'table'): void {
    const columns: Column[] = [];
    const likes: { name: QualifiedName; index: number; indexes: boolean; comments: boolean }[] = [];
    const uniqueKeys: string[][] = [];
    const foreignKeys: ForeignKey[] = [];
    let primaryKey: string[] | undefined;
    const keyNames: { primaryKey?: string; uniqueKeys: (string | undefined)[] } = { uniqueKeys: [] };
    const namedConstraints: NamedConstraint[] = [];
    for (const elt of s.tableElts ?? []) {
      if (elt.ColumnDef) {
        const c = elt.ColumnDef;
        columns.push({ name: c.colname, type: typeText(c.typeName), source: this.loc(c.location) });
        for (const con of c.constraints ?? []) {
          const k = con.Constraint;
          if (k?.contype === 'CONSTR_PRIMARY') {
            primaryKey = [c.colname];
            keyNames.primaryKey = k.conname;
          } else if (k?.contype === 'CONSTR_UNIQUE') {
            uniqueKeys.push([c.colname]);
            keyNames.uniqueKeys.push(k.conname);
          } else if (k?.contype === 'CONSTR_FOREIGN') foreignKeys.push(this.foreignKey(k, [c.colname]));
          else if (k) namedConstraints.push(...namedConstraint(k));
        }
      } else if (elt.Constraint) {
        const k = elt.Constraint;
        if (k.contype === 'CONSTR_PRIMARY') {
          primaryKey = strings(k.keys);
          keyNames.primaryKey = k.conname;
        } else if (k.contype === 'CONSTR_UNIQUE') {
          uniqueKeys.push(strings(k.keys));
          keyNames.uniqueKeys.push(k.conname);
        } else if (k.contype === 'CONSTR_FOREIGN') foreignKeys.push(this.foreignKey(k, strings(k.fk_attrs)));
        else namedConstraints.push(...namedConstraint(k));
      } else if (elt.TableLikeClause) {
        // CreateStmtLikeOption bits: COMMENTS 1 << 0, INDEXES 1 << 6 (ALL sets every bit).
        const options: number = elt.TableLikeClause.options ?? 0;
        likes.push({
          name: rangeVarName(elt.TableLikeClause.relation),
          index: columns.length,
          indexes: (options & (1 << 6)) !== 0,
          comments: (options & 1) !== 0,
        });
      }
    }
    void what;
    this.trailingComments(s.tableElts ?? [], columns);
    const parents: QualifiedName[] = (s.inhRelations ?? []).map((r: Node) => rangeVarName(r.RangeVar ?? r));
    this.emit({
      op: 'create-table',
      name: rangeVarName(s.relation),
      columns,
      primaryKey,
      uniqueKeys,
      foreignKeys,
      ifNotExists: !!s.if_not_exists,
      ...(s.partbound && parents[0] ? { partitionOf: parents[0] } : parents.length ? { inherits: parents } : {}),
      ...(likes.length ? { likes } : {}),
      ...(keyNames.primaryKey || keyNames.uniqueKeys.some(Boolean) ? { keyNames } : {}),
      ...(namedConstraints.length ? { namedConstraints } : {}),
    });
    // serial columns own an implicit sequence `<table>_<column>_seq` (pg_dump writes its OWNER TO).
    const table = rangeVarName(s.relation);
    for (const elt of s.tableElts ?? []) {
      const type = strings(elt.ColumnDef?.typeName?.names).pop();
      if (type && SERIAL_TYPES.has(type))
        this.emit({
          op: 'create-sequence',
          name: { ...table, name: pgDefaultName(table.name, [elt.ColumnDef.colname], 'seq') },
        });
    }
  }

  /**
   * CREATE [UNIQUE] INDEX: its name (written, or chosen by the catalog as PostgreSQL chooses it),
   * and for a UNIQUE index over plain columns without WHERE, the unique key it enforces.
   */
  private createIndex(s: Node): void {
    const params: Node[] = s.indexParams ?? [];
    const plain = params.every((p) => typeof p.IndexElem?.name === 'string');
    const key = s.unique && plain && !s.whereClause ? params.map((p) => p.IndexElem.name as string) : undefined;
    this.emit({
      op: 'create-index',
      table: rangeVarName(s.relation),
      ...(s.idxname ? { name: s.idxname } : {}),
      columns: indexColumnNames([...params, ...(s.indexIncludingParams ?? [])]),
      ...(key ? { key } : {}),
      ...(s.if_not_exists ? { ifNotExists: true } : {}),
    });
  }

  /** `KJN_NO CHAR(12), /* 個人番号 *\/`: the column's comment until a COMMENT ON replaces it. */
  private trailingComments(elts: Node[], columns: Column[]): void {
    const defs = elts.filter((e) => e.ColumnDef);
    if (defs.length !== columns.length) return;
    const at = defs.map((e) => ({ offset: e.ColumnDef.location >= 0 ? this.toChar(e.ColumnDef.location) : -1 }));
    if (at.some((a) => a.offset < this.start)) return;
    trailingColumnComments(this.script, at, { syntax: COMMENT_SYNTAX.postgresql, from: this.start }).forEach((c, i) => {
      if (!c || nth(columns, i).comment !== undefined) return;
      nth(columns, i).comment = c.text;
      nth(columns, i).commentSource = { file: this.file, ...this.lines.at(c.offset) };
    });
  }

  private foreignKey(k: Node, columns: string[]): ForeignKey {
    return {
      name: k.conname,
      columns,
      references: rangeVarName(k.pktable),
      referencedColumns: strings(k.pk_attrs),
      source: this.loc(k.location),
    };
  }

  private createView(s: Node): void {
    const securityInvoker = (s.options ?? []).some(
      (o: Node) => o.DefElem?.defname === 'security_invoker' && defElemBool(o.DefElem) === true,
    );
    const aliases = s.aliases?.map((a: Node) => a.String?.sval);
    const refs: ColumnRefSite[] = [];
    this.emit({
      op: 'create-view',
      name: rangeVarName(s.view),
      view: viewLineage(s.query, securityInvoker, aliases, refs),
      orReplace: !!s.replace,
      readsAt: this.relationsNamedAt(s.query),
      columnRefs: this.columnRefsAt(refs),
    });
  }

  private columnRefsAt(refs: ColumnRefSite[]): NonNullable<Extract<CatalogOp, { op: 'create-view' }>['columnRefs']> {
    return refs.map(({ location, ...r }) => ({ ...r, at: this.loc(location) }));
  }

  /** Where a query names each relation: the first RangeVar of that name (FROM, JOIN, subqueries). */
  private relationsNamedAt(query: Node): { relation: QualifiedName; at: SourceLocation }[] {
    const out: { relation: QualifiedName; at: SourceLocation }[] = [];
    const seen = new Set<string>();
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (!n || typeof n !== 'object') return;
      const rv = (n as Node).RangeVar;
      if (rv && typeof rv.location === 'number') {
        const relation = rangeVarName(rv);
        const key = [relation.database, relation.schema, relation.name].join('.');
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ relation, at: { file: this.file, ...this.lines.at(this.toChar(rv.location)) } });
        }
      }
      for (const v of Object.values(n)) walk(v);
    };
    walk(query);
    return out;
  }

  private createTableAs(s: Node): void {
    const name = rangeVarName(s.into.rel);
    const aliases = s.into.colNames?.map((a: Node) => a.String?.sval);
    const refs: ColumnRefSite[] = [];
    const view = viewLineage(s.query, false, aliases, refs);
    if (s.objtype === 'OBJECT_MATVIEW') {
      this.emit({
        op: 'create-view',
        name,
        view: { ...view, materialized: true },
        readsAt: this.relationsNamedAt(s.query),
        columnRefs: this.columnRefsAt(refs),
      });
      return;
    }
    // CREATE TABLE AS copies the values: a table (read with its own privileges) whose columns
    // carry their sources' values, so lineage is kept.
    this.emit({
      op: 'create-view',
      name,
      view: { ...view, materialized: true },
      relationKind: 'table',
      columnRefs: this.columnRefsAt(refs),
    });
  }

  /** `SELECT … INTO t FROM …` is CREATE TABLE AS; any other SELECT in a script changes nothing. */
  private selectInto(s: Node): void {
    const searchPath = setConfigSearchPath(s);
    if (searchPath) return this.emit({ op: 'use-schema', schema: searchPath });
    if (!s.intoClause) return;
    const into = s.intoClause;
    const query = { ...s, intoClause: undefined };
    this.createTableAs({ into, query: { SelectStmt: query }, objtype: 'OBJECT_TABLE' });
  }

  /** `INSERT INTO t (cols) SELECT …`: t's columns hold the values of what the query selects. */
  private insertSelect(s: Node): void {
    const sel = s.selectStmt?.SelectStmt;
    if (!sel || (sel.valuesLists && !sel.fromClause)) return; // VALUES: constants, nothing copied
    const view = viewLineage(s.selectStmt, false);
    const columns = (s.cols ?? []).map((c: Node) => c.ResTarget?.name).filter(Boolean);
    if (!view.columns.some((c) => c.from.length)) return;
    this.emit({
      op: 'copy-into',
      table: rangeVarName(s.relation),
      ...(columns.length ? { columns } : {}),
      values: view.columns,
      via: 'insert-select',
    });
  }

  /**
   * `UPDATE t SET c = o.x FROM o WHERE …` / `SET c = (SELECT x FROM o …)`: c holds the values of
   * what its expression reads, as `INSERT INTO t (c) SELECT …` would (a data migration copying a
   * column into another table). The SET list is read as the select list of
   * `SELECT … FROM t, <from list> WHERE …`, so the target's own columns resolve too.
   * `SET (a, b) = (SELECT x, y …)` / `= ROW (x, y)` assigns by position (PostgreSQL 15 docs,
   * UPDATE: "the sub-select … must yield no more than one row … its column values are assigned to
   * the target columns"): a gets x, b gets y.
   */
  private updateCopy(s: Node): void {
    const targets: Node[] = (s.targetList ?? []).map((t: Node) => t.ResTarget);
    if (targets.some((t) => !t?.name || t.indirection?.length))
      return this.unsupported(said('diag.pg.updateCopy', rangeVarText(s.relation)));
    const select = {
      SelectStmt: {
        targetList: targets.map((t) => ({ ResTarget: { name: t.name, val: positional(t.val) } })),
        fromClause: [{ RangeVar: s.relation }, ...(s.fromClause ?? [])],
        ...(s.whereClause ? { whereClause: s.whereClause } : {}),
        limitOption: 'LIMIT_OPTION_DEFAULT',
        op: 'SETOP_NONE',
      },
    };
    const view = viewLineage(select, false);
    if (!view.columns.some((c) => c.from.length)) return;
    this.emit({
      op: 'copy-into',
      table: rangeVarName(s.relation),
      columns: targets.map((t) => t.name as string),
      values: view.columns,
      via: 'update',
    });
  }

  /** Writes and calls a script statement makes as it runs (resolved with the routines' writes by the builder). */
  private runBody(writes: RoutineBody['writes'], calls: RoutineBody['calls']): void {
    if (writes.length || calls.length) this.emit({ op: 'run-body', writes, calls });
  }

  /**
   * `DO [LANGUAGE l] $$ … $$`: "executes an anonymous code block … as though it were the body of a
   * procedure with no parameters" (PostgreSQL 15 docs, DO), once, as the loading role. A PL/pgSQL
   * block is read as such a body: its INSERT, UPDATE and MERGE are copies, its calls followed. One
   * spif cannot read (another language, `EXECUTE`) is a located warning.
   */
  private doBlock(s: Node): void {
    const items = (s.args ?? []).map((a: Node) => a.DefElem).filter(Boolean);
    const body = items.find((d: Node) => d.defname === 'as')?.arg?.String?.sval;
    const language = items.find((d: Node) => d.defname === 'language')?.arg?.String?.sval ?? 'plpgsql';
    if (typeof body !== 'string') return;
    let tag = '$spif$';
    while (body.includes(tag)) tag = `$spif${tag.length}$`;
    const analysed = analyseRoutine(
      {
        name: 'do',
        parameters: [],
        returnType: 'void',
        returnsSet: false,
        language,
        statementText: `CREATE FUNCTION spif_do() RETURNS void LANGUAGE plpgsql AS ${tag}${body}${tag}`,
      },
      true,
    );
    if (!analysed.analysed)
      this.diagnostics.push({
        severity: 'warning',
        code: 'SPIF-FUNCTION-UNANALYSED',
        ...said('diag.pg.doUnanalysed', analysed.reason?.text ?? part('diag.catalog.unknown')),
        ...this.at,
      });
    this.runBody(analysed.writes, analysed.calls);
  }

  /** `MERGE INTO t USING s ON … WHEN … THEN UPDATE SET / INSERT`: each action copies into t (merge.ts). */
  private mergeCopy(s: Node): void {
    for (const m of mergeCopies(s)) {
      const view = viewLineage(m.select, false);
      if (!view.columns.some((c) => c.from.length)) continue;
      this.emit({
        op: 'copy-into',
        table: rangeVarName(s.relation),
        ...(m.columns ? { columns: m.columns } : {}),
        values: view.columns,
        via: 'merge',
      });
    }
  }

  private createSchema(s: Node): void {
    const owner = s.authrole ? roleName(s.authrole) : undefined;
    const schema = s.schemaname ?? owner;
    if (!schema) return this.unsupported(said('diag.pg.schemaWithoutName'));
    this.emit({ op: 'create-schema', schema, owner });
    for (const elt of s.schemaElts ?? []) {
      const kind = nth(Object.keys(elt), 0);
      const body = elt[kind];
      // Elements of CREATE SCHEMA … CREATE TABLE default to that schema.
      if (body.relation && !body.relation.schemaname) body.relation.schemaname = schema;
      if (body.view && !body.view.schemaname) body.view.schemaname = schema;
      this.dispatch(kind, body);
    }
  }

  private alterTable(s: Node): void {
    const table = rangeVarName(s.relation);
    // `ALTER TABLE ONLY t`: the change does not recurse to inheritance children.
    const only = s.relation?.inh !== true; // libpg-query omits inh when it is false
    const objtype = s.objtype ?? 'OBJECT_TABLE';
    if (!['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(objtype))
      return this.objectNotModelled(objtype, 'ALTER');
    for (const cmdNode of s.cmds ?? []) {
      const cmd = cmdNode.AlterTableCmd;
      if (!cmd) continue;
      switch (cmd.subtype) {
        case 'AT_AddConstraint': {
          const k = cmd.def?.Constraint;
          if (k?.contype === 'CONSTR_PRIMARY')
            this.emit({ op: 'add-primary-key', table, columns: strings(k.keys), name: k.conname });
          else if (k?.contype === 'CONSTR_UNIQUE')
            this.emit({ op: 'add-unique', table, columns: strings(k.keys), name: k.conname });
          else if (k?.contype === 'CONSTR_FOREIGN')
            this.emit({ op: 'add-foreign-key', table, foreignKey: this.foreignKey(k, strings(k.fk_attrs)) });
          else if (k)
            for (const constraint of namedConstraint(k)) this.emit({ op: 'add-named-constraint', table, constraint });
          break;
        }
        case 'AT_AddColumn': {
          const c = cmd.def?.ColumnDef;
          if (!c) break;
          this.emit({
            op: 'add-column',
            table,
            column: { name: c.colname, type: typeText(c.typeName), source: this.loc(c.location) },
            only,
          });
          for (const con of c.constraints ?? []) {
            const k = con.Constraint;
            if (k?.contype === 'CONSTR_PRIMARY') this.emit({ op: 'add-primary-key', table, columns: [c.colname] });
            else if (k?.contype === 'CONSTR_UNIQUE') this.emit({ op: 'add-unique', table, columns: [c.colname] });
            else if (k?.contype === 'CONSTR_FOREIGN')
              this.emit({ op: 'add-foreign-key', table, foreignKey: this.foreignKey(k, [c.colname]) });
            else if (k)
              for (const constraint of namedConstraint(k)) this.emit({ op: 'add-named-constraint', table, constraint });
          }
          break;
        }
        case 'AT_DropColumn':
          this.emit({ op: 'drop-column', table, column: cmd.name, only });
          break;
        case 'AT_AttachPartition':
        case 'AT_DetachPartition':
        case 'AT_DetachPartitionFinalize': {
          const child = cmd.def?.PartitionCmd?.name;
          if (child && cmd.subtype !== 'AT_DetachPartitionFinalize')
            this.emit({
              op: 'attach-child',
              parent: table,
              child: rangeVarName(child),
              kind: 'partition',
              detach: cmd.subtype === 'AT_DetachPartition',
            });
          break;
        }
        case 'AT_AddInherit':
        case 'AT_DropInherit':
          this.emit({
            op: 'attach-child',
            parent: rangeVarName(cmd.def),
            child: table,
            kind: 'inherits',
            detach: cmd.subtype === 'AT_DropInherit',
          });
          break;
        case 'AT_ChangeOwner':
          this.emit({ op: 'set-owner', name: table, owner: roleName(cmd.newowner), kind: 'relation' });
          break;
        case 'AT_EnableRowSecurity':
          this.emit({ op: 'row-security', table, enable: true });
          break;
        case 'AT_DisableRowSecurity':
          this.emit({ op: 'row-security', table, enable: false });
          break;
        case 'AT_ForceRowSecurity':
          this.emit({ op: 'row-security', table, force: true });
          break;
        case 'AT_NoForceRowSecurity':
          this.emit({ op: 'row-security', table, force: false });
          break;
        case 'AT_SetRelOptions':
        case 'AT_ResetRelOptions': {
          // security_invoker decides whose rights a view reads its base relations with.
          const opt = (cmd.def?.List?.items ?? []).find(
            (o: Node) => o.DefElem?.defname === 'security_invoker',
          )?.DefElem;
          if (opt)
            this.emit({
              op: 'view-options',
              name: table,
              securityInvoker: cmd.subtype === 'AT_SetRelOptions' && defElemBool(opt) === true,
            });
          break;
        }
        case 'AT_DropConstraint':
          // pg_dump --clean: `ALTER TABLE IF EXISTS ONLY t DROP CONSTRAINT IF EXISTS k` before t exists.
          this.emit({
            op: 'drop-constraint',
            table,
            name: cmd.name,
            ifExists: !!s.missing_ok,
            ...(cmd.missing_ok ? { missingOk: true } : {}),
            ...(cmd.behavior === 'DROP_CASCADE' ? { cascade: true } : {}),
          });
          break;
        default:
          if (cmd.subtype in IRRELEVANT_ALTER_TABLE) break;
          this.unsupported(said('diag.pg.alterTableNotRead', String(cmd.subtype).replace(/^AT_/, '')));
      }
    }
  }

  private alterOwner(s: Node): void {
    const owner = roleName(s.newowner);
    if (s.objectType === 'OBJECT_SCHEMA')
      this.emit({ op: 'set-owner', name: { name: s.object?.String?.sval }, owner, kind: 'schema' });
    // A SECURITY DEFINER routine reads as its owner.
    else if (ROUTINE_OBJECTS.has(s.objectType) && s.objectType !== 'OBJECT_AGGREGATE')
      this.emit({ op: 'alter-function', ref: routineRef(s.object?.ObjectWithArgs), owner });
    else if (s.objectType !== 'OBJECT_AGGREGATE' && s.objectType !== 'OBJECT_DATABASE')
      // An aggregate is a DefineStmt (not read); a database's owner owns none of its tables.
      this.objectNotModelled(s.objectType, 'OWNER TO');
  }

  /** A statement on an object kind spif does not model: quiet when listed in statement-kinds.ts, else reported. */
  private objectNotModelled(objtype: string, what: string): void {
    if (objtype in OBJECTS_WITHOUT_ACCESS) return;
    this.unsupported(
      said(
        'diag.pg.objectNotRead',
        what,
        String(objtype)
          .replace(/^OBJECT_/, '')
          .toLowerCase()
          .replace(/_/g, ' '),
      ),
    );
  }

  private rename(s: Node): void {
    switch (s.renameType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
      case 'OBJECT_FOREIGN_TABLE':
        return this.emit({ op: 'rename-relation', from: rangeVarName(s.relation), to: s.newname });
      case 'OBJECT_COLUMN':
        return this.emit({
          op: 'rename-column',
          table: rangeVarName(s.relation),
          from: s.subname,
          to: s.newname,
          only: s.relation?.inh !== true,
        });
      case 'OBJECT_ROLE':
        return this.emit({ op: 'alter-role', name: s.subname, rename: s.newname });
      case 'OBJECT_SCHEMA':
        return this.unsupported(said('diag.pg.alterSchemaRename', s.subname));
      case 'OBJECT_FUNCTION':
      case 'OBJECT_PROCEDURE':
      case 'OBJECT_ROUTINE':
        return this.emit({ op: 'alter-function', ref: routineRef(s.object?.ObjectWithArgs), rename: s.newname });
      case 'OBJECT_TABCONSTRAINT':
        return this.emit({ op: 'rename-constraint', table: rangeVarName(s.relation), from: s.subname, to: s.newname });
      case 'OBJECT_POLICY':
        return this.emit({ op: 'alter-policy', table: rangeVarName(s.relation), name: s.subname, rename: s.newname });
      case 'OBJECT_INDEX':
        return this.emit({
          op: 'rename-index',
          name: rangeVarName(s.relation),
          to: s.newname,
          ...(s.missing_ok ? { ifExists: true } : {}),
        });
      default:
        return this.objectNotModelled(s.renameType, 'RENAME');
    }
  }

  private setSchema(s: Node): void {
    if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(s.objectType)) {
      this.emit({ op: 'set-schema', name: rangeVarName(s.relation), schema: s.newschema });
    } else if (ROUTINE_OBJECTS.has(s.objectType) && s.objectType !== 'OBJECT_AGGREGATE') {
      this.emit({ op: 'alter-function', ref: routineRef(s.object?.ObjectWithArgs), schema: s.newschema });
    } else if (s.objectType !== 'OBJECT_AGGREGATE') this.objectNotModelled(s.objectType, 'SET SCHEMA');
  }

  private drop(s: Node): void {
    const type = s.removeType;
    const ifExists = !!s.missing_ok;
    if (
      type === 'OBJECT_TABLE' ||
      type === 'OBJECT_VIEW' ||
      type === 'OBJECT_MATVIEW' ||
      type === 'OBJECT_FOREIGN_TABLE'
    ) {
      const names = (s.objects ?? []).map((o: Node) => listName(o.List?.items ?? []));
      this.emit({
        op: 'drop-relation',
        names,
        kind: type === 'OBJECT_TABLE' || type === 'OBJECT_FOREIGN_TABLE' ? 'table' : 'view',
      });
    } else if (type === 'OBJECT_POLICY') {
      for (const o of s.objects ?? []) {
        const items = (o.List?.items ?? []).map((x: Node) => x.String?.sval);
        const name = items.pop();
        this.emit({ op: 'drop-policy', table: nameFromParts(items), name, ifExists });
      }
    } else if (type === 'OBJECT_TRIGGER' || type === 'OBJECT_RULE') {
      for (const o of s.objects ?? []) {
        const items = (o.List?.items ?? []).map((x: Node) => x.String?.sval);
        const name = items.pop();
        const kind = type === 'OBJECT_TRIGGER' ? 'trigger' : 'rule';
        this.emit({ op: 'drop-table-object', kind, table: nameFromParts(items), name, ifExists });
      }
    } else if (type === 'OBJECT_INDEX') {
      const names = (s.objects ?? []).map((o: Node) => listName(o.List?.items ?? []));
      this.emit({ op: 'drop-index', names, ...(ifExists ? { ifExists } : {}) });
    } else if (type === 'OBJECT_SCHEMA') {
      this.emit({ op: 'drop-schema', schemas: strings(s.objects), cascade: s.behavior === 'DROP_CASCADE', ifExists });
    } else if (type === 'OBJECT_AGGREGATE') {
      return; // aggregates are DefineStmt, not read as routines
    } else if (crossDatabaseDrop(s)) {
      for (const op of crossDatabaseDrop(s)!) this.emit(op);
    } else if (ROUTINE_OBJECTS.has(type)) {
      this.emit({
        op: 'drop-function',
        refs: (s.objects ?? []).map((o: Node) => routineRef(o.ObjectWithArgs)),
        ifExists,
      });
    } else if (s.behavior === 'DROP_CASCADE' && ['OBJECT_TYPE', 'OBJECT_DOMAIN', 'OBJECT_EXTENSION'].includes(type)) {
      this.unsupported(said('diag.pg.dropCascadeType', type.replace(/^OBJECT_/, '').toLowerCase()));
    } else if (type in DROPS_OF_REPORTED && s.behavior !== 'DROP_CASCADE') {
      return;
    } else this.objectNotModelled(type, s.behavior === 'DROP_CASCADE' ? 'DROP … CASCADE' : 'DROP');
  }

  private createRole(s: Node): void {
    const opts = roleOptions(s.options);
    this.emit({
      op: 'create-role',
      name: s.role,
      login: opts.login ?? s.stmt_type === 'ROLESTMT_USER',
      superuser: opts.superuser,
      bypassRls: opts.bypassRls,
      inherit: opts.inherit,
      inRoles: opts.inRoles,
      memberRoles: opts.memberRoles,
    });
    if (opts.adminMembers?.length)
      this.emit({ op: 'grant-role', roles: [s.role], members: opts.adminMembers, admin: true });
  }

  private alterRole(s: Node): void {
    const opts = roleOptions(s.options);
    if (opts.inRoles || opts.memberRoles) {
      // ALTER GROUP g ADD/DROP USER u
      const members = opts.memberRoles ?? [];
      if (s.action === -1) this.emit({ op: 'revoke-role', roles: [roleName(s.role)], members });
      else this.emit({ op: 'grant-role', roles: [roleName(s.role)], members });
      return;
    }
    this.emit({
      op: 'alter-role',
      name: roleName(s.role),
      login: opts.login,
      superuser: opts.superuser,
      bypassRls: opts.bypassRls,
      inherit: opts.inherit,
    });
  }

  private grant(s: Node): void {
    if (s.objtype === 'OBJECT_FOREIGN_SERVER' && s.targtype !== 'ACL_TARGET_ALL_IN_SCHEMA') {
      // USAGE (ALL PRIVILEGES is USAGE) on a foreign server: what dblink('server', …) checks.
      const usage = !s.privileges?.length || s.privileges.some((p: Node) => p.AccessPriv?.priv_name === 'usage');
      if (!usage || (!s.is_grant && s.grant_option)) return; // REVOKE GRANT OPTION FOR keeps USAGE
      return this.emit({
        op: 'server-usage',
        action: s.is_grant ? 'grant' : 'revoke',
        servers: strings(s.objects),
        grantees: (s.grantees ?? []).map(roleName),
      });
    }
    const target = this.grantTarget(s);
    if (!target) return;
    const privileges: PrivilegeSpec[] = s.privileges?.length
      ? s.privileges.map((p: Node) => ({
          privilege: (p.AccessPriv?.priv_name ?? 'all').toUpperCase() as PrivilegeName,
          ...(p.AccessPriv?.cols ? { columns: strings(p.AccessPriv.cols) } : {}),
        }))
      : [{ privilege: 'ALL' }];
    const grantees = (s.grantees ?? []).map(roleName);
    const grantor = s.grantor ? roleName(s.grantor) : undefined;
    if (s.is_grant) {
      this.emit({ op: 'grant', privileges, target, grantees, grantOption: !!s.grant_option, grantor });
    } else {
      this.emit({
        op: 'revoke',
        privileges,
        target,
        grantees,
        grantOptionOnly: !!s.grant_option,
        cascade: s.behavior === 'DROP_CASCADE',
        grantor,
      });
    }
  }

  private grantTarget(s: Node): GrantTarget | undefined {
    if (s.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') {
      if (ROUTINE_OBJECTS.has(s.objtype))
        return { kind: 'all-routines-in-schema', schemas: strings(s.objects), routineKind: routineKind(s.objtype) };
      if (s.objtype !== 'OBJECT_TABLE') return undefined; // sequences
      return { kind: 'all-tables-in-schema', schemas: strings(s.objects) };
    }
    if (ROUTINE_OBJECTS.has(s.objtype)) {
      return {
        kind: 'routines',
        refs: (s.objects ?? []).map((o: Node) => routineRef(o.ObjectWithArgs)),
        routineKind: routineKind(s.objtype),
      };
    }
    switch (s.objtype) {
      case 'OBJECT_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
      case 'OBJECT_FOREIGN_TABLE':
        return { kind: 'relations', names: (s.objects ?? []).map((o: Node) => rangeVarName(o.RangeVar)) };
      case 'OBJECT_SCHEMA':
        return { kind: 'schemas', schemas: strings(s.objects) };
      case 'OBJECT_DATABASE':
        return { kind: 'database', database: strings(s.objects)[0] };
      default:
        this.objectNotModelled(s.objtype, s.is_grant ? 'GRANT' : 'REVOKE');
        return undefined;
    }
  }

  private grantRole(s: Node): void {
    const roles = (s.granted_roles ?? []).map((r: Node) => r.AccessPriv?.priv_name);
    const members = (s.grantee_roles ?? []).map(roleName);
    const opt: Record<string, boolean> = {};
    for (const o of s.opt ?? []) if (o.DefElem) opt[o.DefElem.defname] = defElemBool(o.DefElem) ?? true;
    const grantor = s.grantor ? roleName(s.grantor) : undefined;
    if (s.is_grant) {
      this.emit({ op: 'grant-role', roles, members, inherit: opt.inherit, set: opt.set, admin: opt.admin, grantor });
    } else {
      // REVOKE ADMIN/INHERIT/SET OPTION FOR arrives as that option set to false.
      const optionOnly = (['admin', 'inherit', 'set'] as const).find((k) => opt[k] === false);
      this.emit({ op: 'revoke-role', roles, members, optionOnly, cascade: s.behavior === 'DROP_CASCADE' });
    }
  }

  private defaultPrivileges(s: Node): void {
    let forRoles: string[] = [];
    let schemas: string[] = [];
    for (const o of s.options ?? []) {
      const d = o.DefElem;
      if (d?.defname === 'roles') forRoles = (d.arg?.List?.items ?? []).map(roleName);
      if (d?.defname === 'schemas') schemas = strings(d.arg?.List?.items);
    }
    const a = s.action;
    // ON FUNCTIONS and ON ROUTINES name the same default ACL (functions and procedures).
    const objectKind = a.objtype === 'OBJECT_TABLE' ? 'tables' : ROUTINE_OBJECTS.has(a.objtype) ? 'functions' : 'other';
    if (objectKind === 'other') return;
    this.emit({
      op: 'default-privileges',
      forRoles,
      schemas,
      objectKind,
      isGrant: !!a.is_grant,
      privileges: a.privileges?.length ? a.privileges.map((p: Node) => p.AccessPriv.priv_name.toUpperCase()) : ['ALL'],
      grantees: (a.grantees ?? []).map(roleName),
      grantOption: !!a.grant_option,
    });
  }

  private createFunction(s: Node): void {
    const name = listName(s.funcname ?? []);
    const isProcedure = !!s.is_procedure;
    const options = [...(s.options ?? [])].map((o: Node) => o.DefElem).filter(Boolean);
    const opt = (n: string) => options.find((d: Node) => d.defname === n);
    const language = opt('language')?.arg?.String?.sval ?? (s.sql_body ? 'sql' : 'sql');
    const securityDefiner = opt('security') ? defElemBool(opt('security')) === true : false;
    const parameters: RoutineParameter[] = (s.parameters ?? []).map((p: Node) => {
      const fp = p.FunctionParameter;
      const mode =
        (
          {
            FUNC_PARAM_OUT: 'out',
            FUNC_PARAM_INOUT: 'inout',
            FUNC_PARAM_VARIADIC: 'variadic',
            FUNC_PARAM_TABLE: 'table',
          } as Record<string, RoutineParameter['mode']>
        )[fp.mode] ?? 'in';
      return { name: fp.name, type: signatureType(fp.argType), mode };
    });
    const asItems = (opt('as')?.arg?.List?.items ?? []).map((x: Node) => x.String?.sval);
    const atomicBody: Node[] | undefined = s.sql_body
      ? (s.sql_body.List?.items?.[0]?.List?.items ?? []).filter((x: Node) => x && Object.keys(x).length)
      : undefined;
    const returnType = s.returnType ? signatureType(s.returnType) : undefined;
    const searchPath = functionSearchPath(options);
    const body = analyseRoutine(
      {
        name: name.name,
        parameters,
        returnType,
        returnsSet: !!s.returnType?.setof,
        language,
        statementText: this.text,
        body: asItems.length === 1 ? asItems[0] : undefined,
        atomicBody,
        ...(searchPath ? { searchPath } : {}),
      },
      isProcedure,
    );
    const trigger = returnType === 'trigger' || returnType === 'event_trigger';
    const argTypes = parameters
      .filter((p) => p.mode === 'in' || p.mode === 'inout' || p.mode === 'variadic')
      .map((p) => p.type);
    const paramNames = new Set(body.parameters.map((p) => p.name));
    const columns: Column[] = [
      ...body.outputs.map((o) => ({ name: o.name, source: this.at })),
      ...body.parameters
        .filter((p) => !body.outputs.some((o) => o.name === p.name))
        .map((p) => ({ name: p.name, source: this.at, parameter: true })),
    ];
    this.emit({
      op: 'create-function',
      name,
      orReplace: !!s.replace,
      columns,
      routine: {
        kind: isProcedure ? 'procedure' : 'function',
        securityDefiner,
        language,
        argTypes,
        ...(trigger ? { trigger: true } : {}),
        ...(body.writes.length ? { writes: body.writes } : {}),
        ...(body.calls.length ? { functionCalls: body.calls } : {}),
        parameters: body.parameters.map((p) => p.name),
        analysed: body.analysed,
        ...(body.reason ? reasonOf(body.reason) : {}),
        ...(atomicBody ? { atomic: true } : {}),
      },
      view: {
        securityInvoker: !securityDefiner,
        columns: [
          ...body.outputs,
          ...body.parameters.filter((p) => paramNames.has(p.name) && !body.outputs.some((o) => o.name === p.name)),
        ],
        reads: body.reads,
        readsColumns: body.readsColumns,
      },
    });
  }

  private alterFunction(s: Node): void {
    const actions = (s.actions ?? []).map((a: Node) => a.DefElem);
    if (actions.some((d: Node) => d?.defname === 'set' && d.arg?.VariableSetStmt?.name === 'search_path'))
      this.unsupported(said('diag.pg.alterFunctionSearchPath', listName(s.func?.objname ?? []).name));
    const sec = actions.find((d: Node) => d?.defname === 'security');
    if (sec) this.emit({ op: 'alter-function', ref: routineRef(s.func), securityDefiner: defElemBool(sec) === true });
  }

  private createPolicy(s: Node): void {
    const roles = (s.roles ?? []).map(roleName);
    const usingConst = constBool(s.qual);
    const policy: Policy = {
      name: s.policy_name,
      permissive: !!s.permissive,
      command: s.cmd_name ?? 'all',
      roles: roles.length ? roles : ['PUBLIC'],
      usingFalse: usingConst === false,
      usingTrue: s.qual === undefined || usingConst === true,
      source: this.at,
    };
    this.emit({ op: 'create-policy', table: rangeVarName(s.table), policy });
  }

  private alterPolicy(s: Node): void {
    const roles = s.roles ? (s.roles as Node[]).map(roleName) : undefined;
    const usingConst = constBool(s.qual);
    this.emit({
      op: 'alter-policy',
      table: rangeVarName(s.table),
      name: s.policy_name,
      ...(roles ? { roles } : {}),
      ...(s.qual ? { using: { usingFalse: usingConst === false, usingTrue: usingConst === true } } : {}),
    });
  }

  private comment(s: Node): void {
    const text: string | null = s.comment ?? null;
    const items = (s.object?.List?.items ?? []).map((x: Node) => x.String?.sval);
    switch (s.objtype) {
      case 'OBJECT_COLUMN': {
        const column = items.pop();
        return this.emit({ op: 'comment-column', table: nameFromParts(items), column, text });
      }
      case 'OBJECT_TABLE':
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
      case 'OBJECT_FOREIGN_TABLE':
        return this.emit({ op: 'comment-relation', name: nameFromParts(items), text });
      default:
        return; // comments on other objects do not mark number columns
    }
  }

  private variableSet(s: Node): void {
    if (s.name === 'role') {
      const role = s.kind === 'VAR_RESET' ? null : (s.args?.[0]?.A_Const?.sval?.sval ?? null);
      this.emit({ op: 'set-role', role: role === 'none' ? null : role });
    } else if (s.name === 'session_authorization') {
      const role =
        s.kind === 'VAR_RESET' || s.kind === 'VAR_SET_DEFAULT' ? null : (s.args?.[0]?.A_Const?.sval?.sval ?? null);
      this.emit({ op: 'set-session-authorization', role });
    } else if (s.name === 'search_path') {
      const first = s.args?.[0]?.A_Const?.sval?.sval;
      // `SET search_path = 'name'`: a string constant, which the scanner does not truncate.
      if (first && first !== '$user') this.emit({ op: 'use-schema', schema: pgIdentifier(first) });
    }
  }
}

/** `CREATE FUNCTION … SET search_path = a, b`: each value one schema, as written (FROM CURRENT: the session's). */
function functionSearchPath(options: Node[]): string[] | undefined {
  const set = options.find((d) => d.defname === 'set' && d.arg?.VariableSetStmt?.name === 'search_path');
  const v = set?.arg.VariableSetStmt;
  if (v?.kind !== 'VAR_SET_VALUE') return undefined;
  return (v.args ?? []).map((a: Node) => pgIdentifier(a.A_Const?.sval?.sval ?? ''));
}

const SERIAL_TYPES = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);

/** `SELECT pg_catalog.set_config('search_path', 'app, public', false)`: the first schema, as `SET search_path` would. */
function setConfigSearchPath(s: Node): string | undefined {
  if (s.targetList?.length !== 1 || s.fromClause) return undefined;
  const call = s.targetList[0].ResTarget?.val?.FuncCall;
  if (strings(call?.funcname).pop() !== 'set_config') return undefined;
  const [name, value] = (call.args ?? []).map((a: Node) => a.A_Const?.sval?.sval);
  if (name !== 'search_path' || typeof value !== 'string') return undefined;
  const first = nth(value.split(','), 0).trim();
  if (!first || first === '"$user"' || first === '$user') return undefined;
  // The server splits the string itself (SplitIdentifierString), folding and truncating each name.
  return pgIdentifier(first.startsWith('"') ? first.slice(1, -1).replace(/""/g, '"') : first.toLowerCase());
}

const ROUTINE_OBJECTS = new Set(['OBJECT_FUNCTION', 'OBJECT_PROCEDURE', 'OBJECT_ROUTINE', 'OBJECT_AGGREGATE']);

function routineKind(objtype: string): RoutineKind {
  return objtype === 'OBJECT_PROCEDURE' ? 'procedure' : objtype === 'OBJECT_ROUTINE' ? 'routine' : 'function';
}

/** `f(text, int)` as written in GRANT/ALTER/DROP: only input arguments count (OUT ones are ignored, as by the server). */
function routineRef(o: Node | undefined): RoutineRef {
  const name = listName(o?.objname ?? []);
  if (o?.args_unspecified) return { name };
  const params: Node[] | undefined = o?.objfuncargs;
  if (params) {
    return {
      name,
      argTypes: params
        .map((p) => p.FunctionParameter)
        .filter((fp: Node) => fp.mode !== 'FUNC_PARAM_OUT' && fp.mode !== 'FUNC_PARAM_TABLE')
        .map((fp: Node) => signatureType(fp.argType)),
    };
  }
  if (o?.objargs) return { name, argTypes: o.objargs.map((t: Node) => signatureType(t.TypeName ?? t)) };
  return { name, argTypes: [] }; // `f()`: no arguments
}

/** A type as it appears in a routine's signature: the type name only (typmods are not part of it). */
function signatureType(t: Node | undefined): string {
  if (!t) return '?';
  const names = strings(t.names).filter((n) => n !== 'pg_catalog');
  return `${names[names.length - 1] ?? '?'}${t.arrayBounds ? '[]' : ''}`;
}

function roleName(spec: Node): string {
  const r = spec?.RoleSpec ?? spec;
  switch (r?.roletype) {
    case 'ROLESPEC_PUBLIC':
      return 'PUBLIC';
    case 'ROLESPEC_CURRENT_USER':
    case 'ROLESPEC_CURRENT_ROLE':
    case 'ROLESPEC_SESSION_USER':
      return 'CURRENT_USER';
    default:
      return r?.rolename ?? String(r);
  }
}

function roleOptions(options: Node[] | undefined) {
  const out: {
    login?: boolean;
    superuser?: boolean;
    bypassRls?: boolean;
    inherit?: boolean;
    inRoles?: string[];
    memberRoles?: string[];
    adminMembers?: string[];
  } = {};
  for (const o of options ?? []) {
    const d = o.DefElem;
    if (!d) continue;
    const list = () => (d.arg?.List?.items ?? []).map(roleName);
    switch (d.defname) {
      case 'canlogin':
        out.login = defElemBool(d);
        break;
      case 'superuser':
        out.superuser = defElemBool(d);
        break;
      case 'bypassrls':
        out.bypassRls = defElemBool(d);
        break;
      case 'inherit':
        out.inherit = defElemBool(d);
        break;
      case 'addroleto':
        out.inRoles = list();
        break;
      case 'rolemembers':
        out.memberRoles = list();
        break;
      case 'adminmembers':
        out.adminMembers = list();
        break;
    }
  }
  return out;
}

function defElemBool(d: Node): boolean | undefined {
  const a = d.arg;
  if (!a) return true;
  if (a.Boolean) return !!a.Boolean.boolval;
  if (a.Integer) return a.Integer.ival !== 0;
  const s = a.String?.sval ?? a.A_Const?.sval?.sval ?? a.TypeName?.names?.[0]?.String?.sval;
  if (typeof s === 'string') return ['true', 'on', 'yes', '1'].includes(s.toLowerCase());
  return undefined;
}

function constBool(expr: Node | undefined): boolean | undefined {
  const c = expr?.A_Const;
  if (c?.boolval !== undefined) return !!c.boolval.boolval;
  const cast = expr?.TypeCast;
  if (cast?.arg?.A_Const?.sval && cast.typeName?.names?.some((n: Node) => n.String?.sval === 'bool')) {
    return ['t', 'true'].includes(cast.arg.A_Const.sval.sval);
  }
  return undefined;
}

/**
 * The name PostgreSQL gives an index expression's column (FigureIndexColname,
 * src/backend/parser/parse_target.c): a function's name, a column's, a cast's inner name else its
 * type's, a few keywords; anything else has none (`expr`).
 */
function figureIndexColname(x: Node | undefined): { name?: string; strength: number } {
  if (!x) return { strength: 0 };
  if (x.ColumnRef) {
    const last = (x.ColumnRef.fields ?? []).at(-1)?.String?.sval;
    return typeof last === 'string' ? { name: last, strength: 2 } : { strength: 0 };
  }
  if (x.FuncCall) return { name: (x.FuncCall.funcname ?? []).at(-1)?.String?.sval, strength: 2 };
  if (x.TypeCast) {
    const inner = figureIndexColname(x.TypeCast.arg);
    if (inner.strength > 1) return inner;
    const type = (x.TypeCast.typeName?.names ?? []).at(-1)?.String?.sval;
    return type ? { name: type, strength: 1 } : inner;
  }
  if (x.CollateClause) return figureIndexColname(x.CollateClause.arg);
  if (x.A_Expr?.kind === 'AEXPR_NULLIF') return { name: 'nullif', strength: 2 };
  if (x.CaseExpr) return { name: 'case', strength: 1 };
  if (x.A_ArrayExpr) return { name: 'array', strength: 2 };
  if (x.RowExpr) return { name: 'row', strength: 2 };
  if (x.CoalesceExpr) return { name: 'coalesce', strength: 2 };
  if (x.MinMaxExpr) return { name: x.MinMaxExpr.op === 'IS_GREATEST' ? 'greatest' : 'least', strength: 2 };
  return { strength: 0 };
}

/**
 * An index's column names as PostgreSQL makes them for its made-up name (ChooseIndexColumnNames,
 * src/backend/commands/indexcmds.c): the column's name, the expression's (figureIndexColname) or
 * `expr`, and a name met before gets 1, 2, … appended (`expr`, `expr1`).
 */
function indexColumnNames(elems: Node[]): string[] {
  const out: string[] = [];
  for (const e of elems) {
    const orig: string =
      e.IndexElem?.indexcolname ?? e.IndexElem?.name ?? figureIndexColname(e.IndexElem?.expr).name ?? 'expr';
    let name = orig;
    for (let i = 1; out.includes(name); i++) name = `${pgClip(orig, 63 - String(i).length)}${i}`;
    out.push(name);
  }
  return out;
}

/**
 * A CHECK or EXCLUDE constraint, for its name. PostgreSQL names an unnamed CHECK after the one
 * column its expression names, if exactly one (AddRelationNewConstraints, src/backend/catalog/heap.c).
 */
function namedConstraint(k: Node): NamedConstraint[] {
  const name: string | undefined = k.conname ?? undefined;
  if (k.contype === 'CONSTR_CHECK') {
    const refs = new Set<string>();
    const walk = (x: unknown): void => {
      if (!x || typeof x !== 'object') return;
      if (Array.isArray(x)) return x.forEach(walk);
      const n = x as Node;
      if (n.ColumnRef) {
        const last = (n.ColumnRef.fields ?? []).at(-1)?.String?.sval;
        if (typeof last === 'string') refs.add(last);
        return;
      }
      for (const v of Object.values(n)) walk(v);
    };
    walk(k.raw_expr);
    return [{ ...(name ? { name } : {}), label: 'check', ...(refs.size === 1 ? { columns: [...refs] } : {}) }];
  }
  if (k.contype === 'CONSTR_EXCLUSION') {
    const elems = (k.exclusions ?? []).map((x: Node) => x.List?.items?.[0]).filter(Boolean);
    return [{ ...(name ? { name } : {}), label: 'excl', columns: indexColumnNames(elems) }];
  }
  return [];
}

function strings(list: Node[] | undefined): string[] {
  return (list ?? []).map((s) => s.String?.sval).filter((x): x is string => typeof x === 'string');
}

function rangeVarName(rv: Node): QualifiedName {
  const r = rv?.RangeVar ?? rv;
  return {
    name: r.relname,
    ...(r.schemaname ? { schema: r.schemaname } : {}),
    ...(r.catalogname ? { database: r.catalogname } : {}),
  };
}

function rangeVarText(rv: Node): string {
  const n = rangeVarName(rv);
  return [n.database, n.schema, n.name].filter(Boolean).join('.');
}

function nameFromParts(parts: string[]): QualifiedName {
  if (parts.length >= 3)
    return {
      database: nth(parts, parts.length - 3),
      schema: nth(parts, parts.length - 2),
      name: nth(parts, parts.length - 1),
    };
  if (parts.length === 2) return { schema: nth(parts, 0), name: nth(parts, 1) };
  return { name: nth(parts, 0) };
}

function listName(items: Node[]): QualifiedName {
  return nameFromParts(strings(items));
}

function typeText(t: Node | undefined): string | undefined {
  if (!t) return undefined;
  const names = strings(t.names).filter((n) => n !== 'pg_catalog');
  const mods = (t.typmods ?? []).map((m: Node) => m.A_Const?.ival?.ival).filter((x: unknown) => x !== undefined);
  return `${names.join('.')}${mods.length ? `(${mods.join(',')})` : ''}${t.arrayBounds ? '[]' : ''}`;
}
