/**
 * Drizzle ORM schemas as a schema source. Table variables are resolved across all files of a
 * database, so `.references(() => other.id)` and `relations()` may name tables of other files.
 */
import type { CatalogOp } from '../../catalog/ops.js';
import type { Column, ForeignKey, ViewDefinition } from '../../catalog/model.js';
import { type Diagnostic, type Said, said } from '../../diagnostics.js';
import {
  dedupeDiagnostics,
  dedupeKeys,
  diagnosticAt,
  locate,
  parseTypeScript,
  pgTypeName,
  postgresViewLineage,
  type BatchSourceReader,
  type ViewLineage,
} from '../ts-project.js';
import type { ReadContext, ReadResult, SourceText } from '../types.js';
import { isDrizzleFile } from '../model-files.js';
import {
  UNSUPPORTED,
  collectFile,
  sharedObjects,
  sharedFunctions,
  type ColumnDecl,
  type ColumnRef,
  type DrizzleDialect,
  type RelationDecl,
  type TableDecl,
} from './tables.js';

/** Schema modules import column builders from a dialect core (shared column sets too). */

export interface DrizzleReaderOptions {
  viewLineage?: ViewLineage;
}

export function createDrizzleReader(options: DrizzleReaderOptions = {}): BatchSourceReader {
  const reader: BatchSourceReader = {
    name: 'drizzle',
    accepts(path: string, text: string): boolean {
      return isDrizzleFile(path, text);
    },
    read(source: SourceText, ctx: ReadContext): Promise<ReadResult> {
      return reader.readProject([source], ctx);
    },
    async readProject(sources: SourceText[], ctx: ReadContext): Promise<ReadResult> {
      const diagnostics: Diagnostic[] = [];
      const tables: TableDecl[] = [];
      const relations: RelationDecl[] = [];
      const units = parseTypeScript(sources);
      const shared = sharedObjects(units);
      const functions = sharedFunctions(units);
      for (const unit of units) {
        const found = collectFile(unit, shared, diagnostics, functions);
        tables.push(...found.tables);
        relations.push(...found.relations);
      }
      const viewLineage = options.viewLineage ?? (ctx.dialect === 'postgresql' ? postgresViewLineage : undefined);
      const ops = await new SchemaBuilder(tables, relations, ctx, viewLineage, diagnostics).ops();
      return { ops, diagnostics: dedupeDiagnostics(diagnostics) };
    },
  };
  return reader;
}

export const drizzleReader = createDrizzleReader();

const DIALECT_FAMILY: Record<ReadContext['dialect'], DrizzleDialect | undefined> = {
  postgresql: 'pg',
  mysql: 'mysql',
  mariadb: 'mysql',
  sqlite: 'sqlite',
  bigquery: undefined,
  oracle: undefined,
  sqlserver: undefined,
  db2: undefined,
};

class SchemaBuilder {
  private readonly byVariable = new Map<string, TableDecl[]>();

  constructor(
    private readonly tables: TableDecl[],
    private readonly relations: RelationDecl[],
    private readonly ctx: ReadContext,
    private readonly viewLineage: ViewLineage | undefined,
    private readonly diagnostics: Diagnostic[],
  ) {
    for (const t of tables) {
      const list = this.byVariable.get(t.variable) ?? [];
      list.push(t);
      this.byVariable.set(t.variable, list);
    }
  }

  async ops(): Promise<CatalogOp[]> {
    const ops: CatalogOp[] = [];
    for (const table of this.tables) {
      if (DIALECT_FAMILY[this.ctx.dialect] !== table.dialect) {
        this.warn(
          table,
          table.node,
          'info',
          said('diag.drizzle.otherDialect', table.name, table.dialect, this.ctx.dialect),
        );
      }
      ops.push(table.kind === 'table' ? this.createTable(table) : await this.createView(table));
    }
    return ops;
  }

  private qualified(table: TableDecl) {
    return { schema: table.schema ?? (table.dialect === 'pg' ? 'public' : 'main'), name: table.name };
  }

  private createTable(table: TableDecl): CatalogOp {
    const name = (key: string) => table.columns.find((c) => c.key === key)?.name ?? key;
    const columns: Column[] = table.columns.map((c) => {
      const at = locate(c.unit, c.node);
      const col: Column = {
        name: c.name,
        type: this.ctx.dialect === 'postgresql' && table.dialect === 'pg' ? pgColumnType(c) : c.type,
        source: at,
      };
      if (c.comment) {
        col.comment = c.comment;
        col.commentSource = at;
      }
      if (c.mark) col.mark = c.mark;
      return col;
    });
    const primaryKey = table.primaryKey?.map(name) ?? table.columns.filter((c) => c.primary).map((c) => c.name);
    const uniqueKeys = dedupeKeys([
      ...table.columns.filter((c) => c.unique).map((c) => [c.name]),
      ...table.uniqueKeys.map((k) => k.map(name)),
    ]);
    const foreignKeys: ForeignKey[] = [];
    const addForeignKey = (columnNames: string[], refs: ColumnRef[], node: import('ts-morph').Node) => {
      const target = this.targetOf(refs, table, node);
      if (!target) return;
      const fk: ForeignKey = {
        columns: columnNames,
        references: this.qualified(target.table),
        referencedColumns: target.columns,
        source: locate(table.unit, node),
      };
      const same = (f: ForeignKey) =>
        JSON.stringify([f.columns, f.references, f.referencedColumns]) ===
        JSON.stringify([fk.columns, fk.references, fk.referencedColumns]);
      if (!foreignKeys.some(same)) foreignKeys.push(fk);
    };
    for (const c of table.columns) if (c.references) addForeignKey([c.name], [c.references], c.references.node);
    for (const fk of table.foreignKeys) addForeignKey(fk.columns.map(name), fk.references, fk.node);
    // relations(): the application joins on these fields; a link like a foreign key
    for (const rel of this.relations) {
      if (this.resolveTable(rel.table, rel.unit) !== table) continue;
      const own = rel.fields.map((f) =>
        this.resolveTable(f.table, rel.unit) === table ? table.columns.find((c) => c.key === f.column) : undefined,
      );
      if (!own.every((c) => c)) {
        this.warn(table, rel.node, 'warning', said('diag.drizzle.relationFields', table.name));
        continue;
      }
      addForeignKey(
        own.map((c) => c!.name),
        rel.references,
        rel.node,
      );
    }
    return {
      op: 'create-table',
      at: locate(table.unit, table.node),
      name: this.qualified(table),
      columns,
      primaryKey: primaryKey.length ? primaryKey : undefined,
      uniqueKeys,
      foreignKeys,
      ...(table.comment ? { comment: table.comment } : {}),
    };
  }

  private async createView(view: TableDecl): Promise<CatalogOp> {
    const name = this.qualified(view);
    let definition: ViewDefinition | undefined;
    if (view.viewSql !== undefined && this.viewLineage) {
      definition = await this.viewLineage(view.viewSql, name);
      if (!definition) this.warn(view, view.node, 'warning', said('diag.drizzle.viewSqlUnread', view.name));
    } else {
      this.warn(
        view,
        view.node,
        'warning',
        view.viewSql !== undefined
          ? said('diag.drizzle.viewSqlDialect', view.name)
          : said('diag.drizzle.viewBuilder', view.name),
      );
    }
    definition ??= {
      securityInvoker: false,
      columns: view.columns.map((c) => ({ name: c.name, from: [] })),
      reads: [],
      readsColumns: [],
    };
    return { op: 'create-view', at: locate(view.unit, view.node), name, view: definition };
  }

  /** All refs must name columns of one table. */
  private targetOf(
    refs: ColumnRef[],
    from: TableDecl,
    node: import('ts-morph').Node,
  ): { table: TableDecl; columns: string[] } | undefined {
    const tables = refs.map((r) => this.resolveTable(r.table, from.unit));
    const target = tables[0];
    if (!target || tables.some((t) => t !== target)) {
      const missing = refs.find((r, i) => !tables[i]);
      this.warn(
        from,
        node,
        'warning',
        missing
          ? said('diag.drizzle.targetMissing', missing.table, from.name)
          : said('diag.drizzle.targetsSeveral', from.name),
      );
      return undefined;
    }
    const columns: string[] = [];
    for (const r of refs) {
      const col = target.columns.find((c) => c.key === r.column);
      if (!col) {
        this.warn(from, node, 'warning', said('diag.drizzle.notColumnOf', `${r.table}.${r.column}`, target.name));
        return undefined;
      }
      columns.push(col.name);
    }
    return { table: target, columns };
  }

  private resolveTable(variable: string, unit: TableDecl['unit']): TableDecl | undefined {
    const found = this.byVariable.get(variable);
    if (!found?.length) return undefined;
    return found.find((t) => t.unit === unit) ?? found[0];
  }

  private warn(table: TableDecl, node: import('ts-morph').Node, severity: 'info' | 'warning', message: Said): void {
    this.diagnostics.push(
      severity === 'info'
        ? diagnosticAt(table.unit, node, 'info', 'SPIF-ORM-DIALECT', said('diag.drizzle', message.text))
        : diagnosticAt(table.unit, node, 'warning', UNSUPPORTED, said('diag.drizzle', message.text)),
    );
  }
}

const PG_BUILDERS: Record<string, string> = {
  varchar: 'varchar',
  char: 'bpchar',
  text: 'text',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  serial: 'serial',
  smallserial: 'smallserial',
  bigserial: 'bigserial',
  boolean: 'bool',
  date: 'date',
  time: 'time',
  numeric: 'numeric',
  decimal: 'numeric',
  real: 'float4',
  doublePrecision: 'float8',
  uuid: 'uuid',
  json: 'json',
  jsonb: 'jsonb',
  interval: 'interval',
  inet: 'inet',
  cidr: 'cidr',
};

/** The column type as the PostgreSQL reader spells it (`varchar(15)`, `bpchar(12)`, `int8`). */
function pgColumnType(c: ColumnDecl): string {
  const cfg = c.typeConfig;
  const num = (k: string) => (typeof cfg[k] === 'number' ? cfg[k] : undefined);
  if (c.type === 'timestamp')
    return pgTypeName(cfg.withTimezone === true ? 'timestamptz' : 'timestamp', [num('precision')]);
  const base = PG_BUILDERS[c.type];
  if (!base) return c.type;
  return pgTypeName(base, num('length') !== undefined ? [num('length')] : [num('precision'), num('scale')]);
}
