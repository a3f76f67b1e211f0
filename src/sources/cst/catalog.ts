/**
 * Catalog ops from sql-parser-cst trees: the shared core of the SQLite and BigQuery readers.
 * Each statement is parsed on its own (split.ts) so that a syntax error costs only itself.
 */
import { INSERT_START, insertRowsOp } from '../data-rows/rows-op.js';
import { isStackExhaustion, NESTED_TOO_DEEP, parserText } from '../guard.js';
import { parse } from 'sql-parser-cst';
import type { Column, ForeignKey, QualifiedName, ViewColumn } from '../../catalog/model.js';
import { dedupeOrigins, type Scope } from '../lineage-scope.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { type Diagnostic, type Said, coded, part, said } from '../../diagnostics.js';
import type { CodeOf } from '../../diagnostic-codes.js';
import type { CstScriptDialectName, MysqlDialect } from '../../dialect.js';
import { LineIndex } from '../text.js';
import { COMMENT_SYNTAX, trailingColumnComments } from '../column-comments.js';
import type { ReadResult, SourceText } from '../types.js';
import { CstLineage, namePath } from './lineage.js';
import { splitScript } from './split.js';
import { nth } from '../../indexed.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- CST nodes are read generically */

/** What differs between the dialects. */
export interface CstDialect {
  name: CstScriptDialectName | 'mysql';
  /**
   * sql-parser-cst dialects to try in order (default: `name`). The MySQL fallback tries `mysql`
   * and `mariadb`: their grammars reserve different words (`rank` is reserved in MySQL 8 only).
   */
  parserDialects?: MysqlDialect[];
  /** Views run with their definer's rights unless they say otherwise (MySQL, MariaDB). */
  definerViews?: boolean;
  // Function-valued properties, not methods: readers pass them on detached (`qualify: d.qualify`).
  foldColumn: (name: string) => string;
  /** A name path as written (`t`, `main.t`, `proj.ds.t`) → where it lives. */
  qualify: (path: string[]) => QualifiedName;
  /** A relation or schema name on its own. */
  foldRelation: (name: string) => string;
  /** GRANT/REVOKE and other statements the dialect has but spif does not read: warning text. */
  unsupported: (type: string) => Said | undefined;
}

/** Statement types that never change the catalog. */
/** libSQL `ALTER TABLE t ALTER COLUMN c TO c2 <definition>`: table, old name, new name, definition. */
const IDENT = '(?:"(?:[^"]|"")+"|`[^`]+`|\\[[^\\]]+\\]|[A-Za-z_][\\w$]*)';
const LIBSQL_ALTER_COLUMN = new RegExp(
  String.raw`^\s*ALTER\s+TABLE\s+(${IDENT}(?:\s*\.\s*${IDENT})?)\s+ALTER\s+COLUMN\s+(${IDENT})\s+TO\s+(${IDENT})([\s\S]*)$`,
  'i',
);

const IRRELEVANT = new Set([
  'empty',
  'select_stmt',
  'compound_select_stmt',
  'delete_stmt',
  'truncate_stmt',
  'drop_trigger_stmt',
  'create_index_stmt',
  'drop_index_stmt',
  'pragma_stmt',
  'start_transaction_stmt',
  'commit_transaction_stmt',
  'rollback_transaction_stmt',
  'savepoint_stmt',
  'release_savepoint_stmt',
  'analyze_stmt',
  'vacuum_stmt',
  'reindex_stmt',
  'explain_stmt',
  'create_function_stmt',
  'drop_function_stmt',
  'drop_procedure_stmt',
  'declare_stmt',
  'set_stmt',
  'attach_database_stmt',
  'detach_database_stmt',
  'call_stmt',
  'execute_stmt',
  'if_stmt',
  'loop_stmt',
  'while_stmt',
  'repeat_stmt',
  'for_stmt',
  'return_stmt',
  'raise_stmt',
  'break_stmt',
  'continue_stmt',
  'block_stmt',
  'create_sequence_stmt',
  'drop_sequence_stmt',
  'export_data_stmt',
  'load_data_stmt',
]);

const SKIP_UNPARSED =
  /^(?:INSERT|REPLACE|UPDATE|DELETE|SELECT|VALUES|PRAGMA|BEGIN\s*(?:TRANSACTION|DEFERRED|IMMEDIATE|EXCLUSIVE)?\s*$|COMMIT|END\s*(?:TRANSACTION)?\s*$|ROLLBACK|SAVEPOINT|RELEASE|ANALYZE|VACUUM|REINDEX|EXPLAIN)\b/i;

/** INSERT, REPLACE or UPDATE (SKIP_UNPARSED sees statements with their leading comments removed). */
const COPYING_WRITE = /^(?:INSERT|REPLACE|UPDATE)\b/i;

class Reader {
  readonly ops: CatalogOp[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly relations = new Map<string, string[]>();
  private base = 0;
  private text = '';

  constructor(
    private readonly source: SourceText,
    private readonly d: CstDialect,
    private readonly lines: LineIndex,
  ) {}

  loc(offset: number) {
    const { line, column } = this.lines.at(this.base + offset);
    return { file: this.source.path, line, column };
  }

  private diag<S extends 'error' | 'warning'>(severity: S, code: CodeOf<S>, message: Said, offset = 0): void {
    this.diagnostics.push({ ...coded(severity, code), ...message, ...this.loc(offset) });
  }

  /** The statement as written, when `text` has been blanked for the parser (trailing comments are read from it). */
  private original?: string;

  statement(start: number, text: string, original?: string): void {
    // A write that reads other rows copies their values (read below); a dump's literal rows copy nothing.
    if (COPYING_WRITE.test(text) && /select|^\s*update\b/i.test(text)) {
      this.base = start;
      this.text = text;
      this.original = original;
      this.parseWrite(text);
    }
    // Data and transaction statements: skipped without parsing (dumps are mostly INSERTs).
    if (SKIP_UNPARSED.test(text)) {
      // INSERT rows are counted for check digits (src/sources/data-rows): counts only, never values.
      if (INSERT_START.test(text)) {
        this.base = start;
        const op = insertRowsOp(
          text,
          { backslashEscapes: this.d.name === 'bigquery' },
          {
            qualify: (parts) => this.d.qualify(parts),
            foldRelation: (p) => p.text,
            foldColumn: (p) => this.d.foldColumn(p.text),
          },
          this.loc(0),
        );
        if (op) this.ops.push(op);
      }
      return;
    }
    this.base = start;
    this.text = text;
    this.original = original;
    const libsql = this.d.name === 'sqlite' ? LIBSQL_ALTER_COLUMN.exec(text) : null;
    if (libsql) return this.libsqlAlterColumn(libsql);
    this.parseAndRead(text, 'error', 'SPIF-SQL-SYNTAX', 'diag.cst.couldNotParse');
  }

  /**
   * libSQL's (Turso's) own `ALTER TABLE t ALTER COLUMN c TO c <definition>`, which drizzle-kit
   * writes for a turso/sqlite project and SQLite rejects ("the Turso extension ALTER COLUMN name
   * TO <new definition>"): a new type, default or NOT NULL changes no name, key or privilege; a new
   * name is a rename; a definition with a key or REFERENCES is reported, not applied.
   */
  private libsqlAlterColumn(m: RegExpExecArray): void {
    const [, table = '', from = '', to = '', definition = ''] = m;
    if (/\b(?:REFERENCES|PRIMARY|UNIQUE)\b/i.test(definition)) {
      this.diag('warning', 'SPIF-SQL-UNSUPPORTED', said('diag.cst.libsqlAlterColumnKey'), 0);
      return;
    }
    const name = (q: string) => q.replace(/^["`[](.*)["`\]]$/s, '$1');
    if (name(from).toLowerCase() === name(to).toLowerCase()) return;
    // Written by spif, so a refusal is located at the statement itself.
    this.parseAndRead(
      `ALTER TABLE ${table} RENAME COLUMN ${from} TO ${to}`,
      'error',
      'SPIF-SQL-SYNTAX',
      'diag.cst.couldNotParse',
      0,
    );
  }

  /** The first dialect that parses wins; the first error is the one reported. */
  private parse(
    text: string,
  ): { ok: true; cst: any } | { ok: false; dialect: string; message: string; offset: number } {
    let first: { ok: false; dialect: string; message: string; offset: number } | undefined;
    for (const dialect of this.d.parserDialects ?? [this.d.name]) {
      try {
        return { ok: true, cst: parse(text, { dialect, includeRange: true }) };
      } catch (e) {
        const m = /-->\s*\S*?:(\d+):(\d+)/.exec(String((e as Error).message));
        const offset = m ? offsetOf(text, Number(m[1]), Number(m[2])) : 0;
        if (isStackExhaustion(e)) return { ok: false, dialect, message: NESTED_TOO_DEEP, offset };
        first ??= { ok: false, dialect, message: nth(String((e as Error).message).split('\n'), 0), offset };
      }
    }
    return first!;
  }

  private read(s: any): void {
    const at = this.loc(s.range?.[0] ?? 0);
    switch (s.type) {
      case 'create_table_stmt':
        return this.createTable(s, at);
      case 'create_view_stmt':
        return this.createView(s, at);
      case 'insert_stmt':
      case 'update_stmt':
        return this.copyingWrite(s);
      case 'create_trigger_stmt':
        return this.trigger(s);
      case 'create_procedure_stmt':
        // BigQuery: what the body writes is copied when the procedure runs, as MySQL routines.
        return this.writesIn(s.clauses);
      case 'merge_stmt':
        return this.merge(s);
      case 'alter_table_stmt':
        return this.alterTable(s, at);
      case 'drop_table_stmt':
      case 'drop_view_stmt': {
        const names = (s.tables?.items ?? []).map((n: any) => this.name(n));
        for (const n of names) this.relations.delete(nameKey(n));
        if (names.length)
          this.ops.push({ op: 'drop-relation', at, names, kind: s.type === 'drop_view_stmt' ? 'view' : 'table' });
        return;
      }
      case 'create_schema_stmt': {
        const path = namePath(s.name);
        if (path.length) this.ops.push({ op: 'create-schema', at, schema: this.d.foldRelation(path.at(-1)!) });
        return;
      }
      case 'create_index_stmt':
        if (s.indexTypeKw?.name === 'UNIQUE') {
          const columns = (s.columns?.expr?.items ?? []).map((c: any) =>
            this.d.foldColumn(namePath(c.expr ?? c)[0] ?? ''),
          );
          this.ops.push({ op: 'add-unique', at, table: this.name(s.table), columns });
        }
        return;
    }
    if (IRRELEVANT.has(s.type)) return;
    const why =
      this.d.unsupported(s.type) ?? said('diag.cst.statementNotRead', s.type.replace(/_stmt$/, '').replace(/_/g, ' '));
    this.diag('warning', 'SPIF-SQL-UNSUPPORTED', why, s.range?.[0] ?? 0);
  }

  /** A data statement that may copy values, skipped by the fast path above: parsed and read for its copy. */
  private parseWrite(text: string): void {
    this.parseAndRead(text, 'warning', 'SPIF-SQL-UNSUPPORTED', 'diag.cst.couldNotParseWrite');
  }

  /** Parse `text` and read its statements, or say why it could not be parsed (at the parser's offset, unless `at` is given). */
  private parseAndRead<S extends 'error' | 'warning'>(
    text: string,
    severity: S,
    code: CodeOf<S>,
    key: 'diag.cst.couldNotParse' | 'diag.cst.couldNotParseWrite',
    at?: number,
  ): void {
    const program = this.parse(text);
    if (!program.ok) {
      this.diag(severity, code, said(key, program.dialect, parserText(program.message)), at ?? program.offset);
      return;
    }
    for (const stmt of program.cst.statements ?? []) this.read(stmt);
  }

  /**
   * `INSERT|REPLACE INTO t [(cols)] SELECT …` (or `VALUES` holding a subquery) and `UPDATE t SET c =
   * expr [FROM …]`: t's columns hold the values the statement writes (a copy, as PostgreSQL's
   * `INSERT … SELECT`). In a trigger body `row` is NEW and OLD: the row of the trigger's table.
   */
  private copyingWrite(s: any, row?: Scope): void {
    const clauses: any[] = s.clauses ?? [];
    const lineage = this.lineage();
    const insert = clauses.find((c) => c.type === 'insert_clause');
    const update = clauses.find((c) => c.type === 'update_clause');
    let table: any;
    let columns: string[] | undefined;
    let values: ViewColumn[] = [];
    let via: 'insert-select' | 'update' | 'trigger' = row ? 'trigger' : 'insert-select';
    if (insert) {
      table = insert.table?.type === 'alias' ? insert.table.expr : insert.table;
      const listed = insert.columns?.expr?.items;
      if (Array.isArray(listed)) columns = listed.map((c: any) => this.d.foldColumn(namePath(c)[0] ?? ''));
      const query = clauses.find((c) => c.type === 'select_stmt' || c.type === 'compound_select_stmt');
      const rows = clauses.find((c) => c.type === 'values_clause')?.values?.items ?? [];
      const withClause = clauses.find((c) => c.type === 'with_clause'); // `WITH s AS (…) INSERT …`
      const withQuery =
        withClause && query?.type === 'select_stmt' ? { ...query, clauses: [withClause, ...query.clauses] } : query;
      if (query) values = lineage.query(withQuery, row, new Map());
      for (const r of rows) {
        const items = r.expr?.items ?? r.items ?? [];
        const got = lineage.query(selectOf(items), row, new Map());
        values = got.map((c, i) => ({ name: c.name, from: dedupeOrigins([...(values[i]?.from ?? []), ...c.from]) }));
      }
    } else if (update) {
      if (!row) via = 'update';
      const target = update.tables?.items?.[0];
      table = target?.type === 'alias' ? target.expr : target;
      const assignments: any[] = clauses.find((c) => c.type === 'set_clause')?.assignments?.items ?? [];
      const from = clauses.find((c) => c.type === 'from_clause');
      // The SET expressions read the updated row and the FROM list, as a SELECT over them would.
      const over = from ? { type: 'join_expr', left: target, right: from.expr } : target;
      columns = assignments.map((a) => this.d.foldColumn(namePath(a.column).at(-1) ?? ''));
      values = lineage
        .query(
          selectOf(
            assignments.map((a) => a.expr),
            over,
          ),
          row,
          new Map(),
        )
        .map((v, i) => ({ ...v, name: nth(columns!, i) }));
    }
    if (!table || !values.some((v) => v.from.length)) return;
    this.ops.push({
      op: 'copy-into',
      at: this.loc(s.range?.[0] ?? 0),
      table: this.name(table),
      ...(columns ? { columns } : {}),
      values,
      via,
    });
  }

  /**
   * BigQuery `MERGE t USING s ON … WHEN …` (GoogleSQL DML, MERGE statement): `UPDATE SET c = expr`
   * (WHEN MATCHED, or NOT MATCHED BY SOURCE) makes c hold what expr reads over t and s; `INSERT
   * (cols) VALUES (…)` what its values read over s ("When the column names of the target table are
   * omitted, all columns in the target table are included in ascending order based on their
   * ordinal positions"); `INSERT ROW` the source's columns by position ("ROW can be used to include
   * all the columns of the source in the ascending sequence of their ordinal positions"). DELETE
   * copies nothing. Evidence `merge`.
   */
  private merge(s: any): void {
    const head = (s.clauses ?? []).find((c: any) => c.type === 'merge_clause');
    const target = head?.target;
    const table = target?.type === 'alias' ? target.expr : target;
    if (!table || !head.source) return;
    const lineage = this.lineage();
    const at = this.loc(s.range?.[0] ?? 0);
    for (const w of (s.clauses ?? []).filter((c: any) => c.type === 'merge_when_clause')) {
      const action = w.action;
      let columns: string[] | undefined;
      let values: ViewColumn[] = [];
      if (action?.type === 'merge_action_update') {
        const assignments: any[] = action.set?.assignments?.items ?? [];
        columns = assignments.map((a) => this.d.foldColumn(namePath(a.column).at(-1) ?? ''));
        const over = { type: 'join_expr', left: target, right: head.source };
        values = lineage
          .query(
            selectOf(
              assignments.map((a) => a.expr),
              over,
            ),
            undefined,
            new Map(),
          )
          .map((v, i) => ({ ...v, name: nth(columns!, i) }));
      } else if (action?.type === 'merge_action_insert') {
        const listed = action.columns?.expr?.items;
        if (Array.isArray(listed)) columns = listed.map((c: any) => this.d.foldColumn(namePath(c)[0] ?? ''));
        const clauses: any[] = action.clauses ?? [];
        const row = clauses.find((c) => c.type === 'merge_action_insert_row_clause');
        const items = clauses.find((c) => c.type === 'values_clause')?.values?.items?.[0];
        const exprs: any[] = row ? [{ type: 'all_columns' }] : (items?.expr?.items ?? items?.items ?? []);
        values = lineage.query(selectOf(exprs, head.source), undefined, new Map());
      }
      if (!values.some((v) => v.from.length)) continue;
      this.ops.push({
        op: 'copy-into',
        at,
        table: this.name(table),
        ...(columns ? { columns } : {}),
        values,
        via: 'merge',
      });
    }
  }

  /**
   * `CREATE TRIGGER … ON t BEGIN stmt; … END`: each INSERT / UPDATE of the body copies what it
   * writes when the trigger fires, `NEW.col` and `OLD.col` being the row of t ("NEW.column-name and
   * OLD.column-name", SQLite CREATE TRIGGER). Other body statements copy nothing (DELETE, SELECT).
   */
  private trigger(s: any): void {
    const table = this.name(s.target?.table);
    const base = { kind: 'base' as const, relation: table, columns: this.relations.get(nameKey(table)) };
    const row: Scope = {
      entries: [
        ['new', base],
        ['old', base],
      ],
    };
    for (const stmt of s.body?.program?.statements ?? [])
      if (stmt.type === 'insert_stmt' || stmt.type === 'update_stmt') this.copyingWrite(stmt, row);
  }

  /** Every INSERT / UPDATE / MERGE inside a procedure body, however deeply nested in blocks and branches: each copies. */
  private writesIn(node: any): void {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => this.writesIn(n));
    if (node.type === 'insert_stmt' || node.type === 'update_stmt' || node.type === 'merge_stmt')
      return this.read(node);
    for (const [k, v] of Object.entries(node)) if (k !== 'range' && v && typeof v === 'object') this.writesIn(v);
  }

  private lineage(): CstLineage {
    return new CstLineage(
      {
        foldColumn: this.d.foldColumn,
        qualify: (p) => this.d.qualify(p),
        columnsOf: (q) => this.relations.get(nameKey(q)),
      },
      this.text,
    );
  }

  private name(node: any): QualifiedName {
    return this.d.qualify(namePath(node));
  }

  private createTable(s: any, at: ReturnType<Reader['loc']>): void {
    const name = this.name(s.name);
    if (isTemporary(s)) return; // temporary: not part of the schema
    const as = s.clauses?.find((c: any) => c.type === 'as_clause');
    if (as) {
      // CREATE TABLE AS copies the values: a table (read with its own privileges) whose columns
      // carry their sources' values, as PostgreSQL's reader does.
      const lineage = this.lineage();
      const columns = lineage.query(as.expr, undefined, new Map());
      this.ops.push({
        op: 'create-view',
        at,
        name,
        view: {
          securityInvoker: true,
          columns,
          reads: lineage.reads(),
          readsColumns: lineage.readsColumns(),
          materialized: true,
        },
        relationKind: 'table',
      });
      this.relations.set(
        nameKey(name),
        columns.map((c) => c.name),
      );
      return;
    }
    const columns: Column[] = [];
    const uniqueKeys: string[][] = [];
    const foreignKeys: ForeignKey[] = [];
    let primaryKey: string[] | undefined;
    const definitions: any[] = [];
    for (const item of s.columns?.expr?.items ?? []) {
      if (item.type === 'column_definition') {
        const column = this.column(item);
        columns.push(column);
        definitions.push(item);
        for (const c of item.constraints ?? []) {
          const con = c.type === 'constraint' ? c.constraint : c;
          if (con.type === 'constraint_primary_key') primaryKey = [column.name];
          else if (con.type === 'constraint_unique') uniqueKeys.push([column.name]);
          else if (con.type === 'references_specification')
            foreignKeys.push(this.foreignKey(con, [column.name], c.name, item.range?.[0]));
        }
        continue;
      }
      const con = item.type === 'constraint' ? item.constraint : item;
      const cols = this.columnList(con.columns);
      if (con.type === 'constraint_primary_key') primaryKey = cols;
      else if (con.type === 'constraint_unique') uniqueKeys.push(cols);
      else if (con.type === 'constraint_foreign_key')
        foreignKeys.push(this.foreignKey(con.references, cols, item.name, item.range?.[0]));
    }
    this.trailingComments(columns, definitions);
    // SQLite virtual tables (`USING fts5(title, body)`): plain identifier arguments are columns.
    const using = s.clauses?.find((c: any) => c.type === 'create_table_using_clause');
    for (const arg of using?.module?.args?.expr?.args?.items ?? []) {
      if (arg.type === 'identifier')
        columns.push({ name: this.d.foldColumn(arg.name), source: this.loc(arg.range[0]) });
    }
    const op: Extract<CatalogOp, { op: 'create-table' }> = {
      op: 'create-table',
      at,
      name,
      columns,
      uniqueKeys,
      foreignKeys,
    };
    if (primaryKey) op.primaryKey = primaryKey;
    if (s.ifNotExistsKw) op.ifNotExists = true;
    const comment = description(s.clauses) ?? mysqlComment(s.options?.items);
    if (comment !== undefined) op.comment = comment.value;
    if (s.orReplaceKw) this.ops.push({ op: 'drop-relation', at, names: [name], kind: 'table' });
    this.ops.push(op);
    this.relations.set(
      nameKey(name),
      columns.map((c) => c.name),
    );
  }

  /** `kjn_no TEXT, -- 個人番号`: the column's comment where OPTIONS(description=…) gives none. */
  private trailingComments(columns: Column[], definitions: any[]): void {
    if (definitions.some((d) => d.range === undefined)) return;
    const syntax =
      this.d.name === 'bigquery'
        ? COMMENT_SYNTAX.bigquery
        : this.d.name === 'mysql'
          ? COMMENT_SYNTAX.mysql
          : COMMENT_SYNTAX.sqlite;
    trailingColumnComments(
      this.original ?? this.text,
      definitions.map((d) => ({ offset: d.range[0] })),
      { syntax },
    ).forEach((c, i) => {
      if (!c || nth(columns, i).comment !== undefined) return;
      nth(columns, i).comment = c.text;
      nth(columns, i).commentSource = this.loc(c.offset);
    });
  }

  private column(def: any): Column {
    const column: Column = { name: this.d.foldColumn(namePath(def.name)[0] ?? '') };
    if (def.dataType?.range) column.type = this.text.slice(def.dataType.range[0], def.dataType.range[1]);
    if (def.range) column.source = this.loc(def.range[0]);
    const comment = description(def.constraints) ?? mysqlComment(def.constraints);
    if (comment) {
      column.comment = comment.value;
      column.commentSource = this.loc(comment.offset);
    }
    return column;
  }

  private columnList(node: any): string[] {
    return (node?.expr?.items ?? []).map((i: any) =>
      this.d.foldColumn(namePath(i.type === 'index_specification' ? i.expr : i)[0] ?? ''),
    );
  }

  private foreignKey(ref: any, columns: string[], constraintName: any, offset?: number): ForeignKey {
    const fk: ForeignKey = {
      columns,
      references: this.name(ref.table),
      referencedColumns: this.columnList(ref.columns),
    };
    const n = namePath(constraintName?.name)[0];
    if (n) fk.name = this.d.foldColumn(n);
    if (offset !== undefined) fk.source = this.loc(offset);
    return fk;
  }

  private createView(s: any, at: ReturnType<Reader['loc']>): void {
    if (isTemporary(s)) return;
    const name = this.name(s.name);
    const query = s.clauses?.find((c: any) => c.type === 'as_clause')?.expr;
    const lineage = this.lineage();
    let columns = lineage.query(query, undefined, new Map());
    const declared = s.columns?.expr?.items;
    if (Array.isArray(declared))
      columns = columns.map((c, i) => ({
        ...c,
        name: this.d.foldColumn(namePath(declared[i]?.name ?? declared[i])[0] ?? c.name),
      }));
    for (const rel of new Set(lineage.unknownStars)) {
      this.diag('warning', 'SPIF-SQL-UNSUPPORTED', said('diag.cst.viewStarUnknown', rel), s.range?.[0] ?? 0);
    }
    const op: Extract<CatalogOp, { op: 'create-view' }> = {
      op: 'create-view',
      at,
      name,
      // SQLite and BigQuery never run a view with its owner's rights (BigQuery authorized views
      // aside); MySQL does unless SQL SECURITY INVOKER.
      view: {
        securityInvoker: !this.d.definerViews || sqlSecurityInvoker(s),
        columns,
        reads: lineage.reads(),
        readsColumns: lineage.readsColumns(),
      },
    };
    if (s.orReplaceKw) op.orReplace = true;
    this.ops.push(op);
    this.relations.set(
      nameKey(name),
      columns.map((c) => c.name),
    );
    const comment = description(s.clauses);
    if (comment) this.ops.push({ op: 'comment-relation', at, name, text: comment.value });
  }

  private alterTable(s: any, at: ReturnType<Reader['loc']>): void {
    let table = this.name(s.table);
    const known = this.relations.get(nameKey(table));
    for (const a of s.actions?.items ?? []) {
      switch (a.type) {
        case 'alter_action_add_column': {
          const column = this.column(a.column);
          this.ops.push({ op: 'add-column', at, table, column });
          known?.push(column.name);
          break;
        }
        case 'alter_action_drop_column':
          this.ops.push({ op: 'drop-column', at, table, column: this.d.foldColumn(namePath(a.column)[0] ?? '') });
          break;
        case 'alter_action_rename_column':
          this.ops.push({
            op: 'rename-column',
            at,
            table,
            from: this.d.foldColumn(namePath(a.oldName)[0] ?? ''),
            to: this.d.foldColumn(namePath(a.newName)[0] ?? ''),
          });
          break;
        case 'alter_action_rename': {
          const path = namePath(a.newName);
          const to = this.d.foldRelation(path.at(-1) ?? '');
          if (to !== table.name) this.ops.push({ op: 'rename-relation', at, from: table, to });
          table = { ...table, name: to };
          // MySQL `RENAME AS db.t` moves the table to another database.
          const schema = path.length >= 2 ? this.d.qualify(path).schema : undefined;
          if (schema !== undefined && schema !== table.schema) {
            this.ops.push({ op: 'set-schema', at, name: table, schema });
            table = { ...table, schema };
          }
          break;
        }
        case 'alter_action_alter_column': {
          const comment = description([a.action?.options]);
          if (comment)
            this.ops.push({
              op: 'comment-column',
              at,
              table,
              column: this.d.foldColumn(namePath(a.column)[0] ?? ''),
              text: comment.value,
            });
          break;
        }
        case 'alter_action_set_bigquery_options': {
          const comment = description([a.options]);
          if (comment) this.ops.push({ op: 'comment-relation', at, name: table, text: comment.value });
          break;
        }
        case 'alter_action_add_constraint': {
          const con = a.constraint?.type === 'constraint' ? a.constraint.constraint : a.constraint;
          const cols = this.columnList(con?.columns);
          if (con?.type === 'constraint_primary_key')
            this.ops.push({ op: 'add-primary-key', at, table, columns: cols });
          else if (con?.type === 'constraint_unique') this.ops.push({ op: 'add-unique', at, table, columns: cols });
          else if (con?.type === 'constraint_foreign_key')
            this.ops.push({
              op: 'add-foreign-key',
              at,
              table,
              foreignKey: this.foreignKey(con.references, cols, a.constraint?.name, a.range?.[0]),
            });
          break;
        }
        // other actions (defaults, data types, drop constraint…): irrelevant or not modelled
      }
    }
  }
}

function isTemporary(s: any): boolean {
  const kinds = [s.kind, ...(s.kinds ?? [])].filter(Boolean);
  return kinds.some((k: any) => /^TEMP/.test(k.kindKw?.name ?? k.name ?? ''));
}

/** `OPTIONS(description="…")` among a node's clauses or constraints (BigQuery). */
function description(list: any[] | undefined): { value: string; offset: number } | undefined {
  for (const c of list ?? []) {
    if (c?.type !== 'bigquery_options') continue;
    for (const o of c.options?.expr?.items ?? []) {
      if (namePath(o.left)[0]?.toLowerCase() === 'description' && typeof o.right?.value === 'string') {
        return { value: o.right.value, offset: c.range?.[0] ?? 0 };
      }
    }
  }
  return undefined;
}

/** MySQL `COMMENT 'x'` on a column, or `COMMENT='x'` among table options. */
function mysqlComment(list: any[] | undefined): { value: string; offset: number } | undefined {
  for (const c of list ?? []) {
    const isComment =
      c?.type === 'constraint_comment' ||
      (c?.type === 'table_option' && namePath(c.name)[0] === undefined && c.name?.name === 'COMMENT');
    if (isComment && typeof c.value?.value === 'string') return { value: c.value.value, offset: c.range?.[0] ?? 0 };
  }
  return undefined;
}

function sqlSecurityInvoker(s: any): boolean {
  return JSON.stringify(s.kinds ?? s.kind ?? s.clauses ?? null).includes('"INVOKER"');
}

function nameKey(q: QualifiedName): string {
  return `${q.schema ?? ''}.${q.name}`;
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

/**
 * sql-parser-cst backtracks over every level of parentheses that are neither a call nor a
 * subquery: on a statement with an error inside (or `(((…)))` around nothing) its time doubles
 * with each level — 20 levels take half a minute. Real schemas stay far below this depth.
 */
export const MAX_BARE_PAREN_DEPTH = 12;

/** Deepest nesting of bare parentheses (not `name(` calls written without a space, not `(SELECT`/`(WITH`), quotes and comments skipped. */
export function bareParenDepth(text: string): { depth: number; at: number } {
  const stack: boolean[] = [];
  let bare = 0;
  let best = { depth: 0, at: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const end = text.indexOf(close, i + 1);
      if (end < 0) break;
      i = end;
    } else if (c === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (c === '(') {
      const isBare =
        !/[\w$`\]"]$/.test(text.slice(Math.max(0, i - 1), i)) &&
        !/^\(\s*(?:SELECT|WITH)\b/i.test(text.slice(i, i + 16));
      stack.push(isBare);
      if (isBare && ++bare > best.depth) best = { depth: bare, at: i };
    } else if (c === ')') {
      if (stack.pop()) bare--;
    }
  }
  return best;
}

/**
 * One statement at `start` in the file (a reader's fallback when its own parser rejects it):
 * the same ops a script of that statement alone would give.
 */
export function readCstStatement(
  source: SourceText,
  dialect: CstDialect,
  lines: LineIndex,
  start: number,
  text: string,
  original?: string,
): ReadResult {
  const reader = new Reader(source, dialect, lines);
  reader.statement(start, text, original);
  return { ops: reader.ops, diagnostics: reader.diagnostics };
}

/** A dialect whose whole scripts sql-parser-cst reads (the MySQL reader only falls back to it per statement). */
export type CstScriptDialect = CstDialect & { name: CstScriptDialectName };

export function readCstScript(source: SourceText, dialect: CstScriptDialect): ReadResult {
  const lines = new LineIndex(source.text);
  const reader = new Reader(source, dialect, lines);
  for (const stmt of splitScript(source.text, dialect.name)) {
    // Checked before data statements are skipped unparsed: an INSERT with an open quote swallows the file too.
    const unterminated = stmt.unterminatedComment ?? stmt.unterminatedQuote ?? stmt.unterminatedBlock;
    if (unterminated !== undefined) {
      const what = part(
        stmt.unterminatedComment !== undefined
          ? 'diag.cst.what.comment'
          : stmt.unterminatedQuote !== undefined
            ? 'diag.cst.what.quote'
            : 'diag.cst.what.block',
      );
      reader.diagnostics.push({
        severity: 'error',
        code: 'SPIF-SQL-SYNTAX',
        file: source.path,
        ...lines.at(unterminated),
        ...said('diag.cst.unterminated', what),
      });
      continue;
    }
    const deep = bareParenDepth(stmt.text);
    if (deep.depth > MAX_BARE_PAREN_DEPTH) {
      reader.diagnostics.push({
        severity: 'error',
        code: 'SPIF-SQL-SYNTAX',
        file: source.path,
        ...lines.at(stmt.start + deep.at),
        ...said('diag.cst.parenDepth', deep.depth, MAX_BARE_PAREN_DEPTH),
      });
      continue;
    }
    reader.statement(stmt.start, stmt.text);
  }
  return { ops: reader.ops, diagnostics: reader.diagnostics };
}

/** A SELECT of these expressions [FROM over], for sql-parser-cst's shape, so one lineage reads values. */
function selectOf(exprs: any[], over?: any): any {
  const clauses: any[] = [{ type: 'select_clause', columns: { type: 'list_expr', items: exprs } }];
  if (over) clauses.push({ type: 'from_clause', expr: over });
  return { type: 'select_stmt', clauses };
}
