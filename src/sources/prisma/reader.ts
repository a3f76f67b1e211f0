/**
 * Prisma schemas (`schema.prisma`, or a folder of `.prisma` files) as a schema source. Models are
 * tables named by `@@map` (else the model name), fields are columns named by `@map` (else the
 * field name); relation fields are not columns: their `fields`/`references` make foreign keys,
 * and an implicit many-to-many relation makes Prisma's `_AToB` junction table.
 */
import type {
  Attribute,
  AttributeArgument,
  Block,
  BlockAttribute,
  Field,
  Model,
  Value,
  View,
} from '@mrleebo/prisma-ast';
import { defaultSchema, type Column, type ForeignKey, type SourceLocation } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { type Diagnostic, type Said, said } from '../../diagnostics.js';
import { dedupeDiagnostics, parseDocText, pgTypeName, type BatchSourceReader, type DocComment } from '../ts-project.js';
import type { ReadContext, ReadResult, SourceText } from '../types.js';
import { parsePrisma } from './parse.js';
import { isPrismaFile } from '../model-files.js';
import { nth } from '../../indexed.js';

export const UNSUPPORTED = 'SPIF-ORM-UNSUPPORTED';

const SCALAR_TYPES = new Set([
  'String',
  'Boolean',
  'Int',
  'BigInt',
  'Float',
  'Decimal',
  'DateTime',
  'Json',
  'Bytes',
  'Unsupported',
]);

const PROVIDER_DIALECT: Record<string, ReadContext['dialect']> = {
  postgresql: 'postgresql',
  postgres: 'postgresql',
  cockroachdb: 'postgresql',
  mysql: 'mysql',
  sqlite: 'sqlite',
};

interface ModelInfo {
  block: Model | View;
  source: SourceText;
  doc?: DocComment;
  /** Doc comments of fields, by field name. */
  fieldDocs: Map<string, DocComment>;
  table: string;
  schema?: string;
}

export function createPrismaReader(): BatchSourceReader {
  const reader: BatchSourceReader = {
    name: 'prisma',
    accepts: (path: string) => isPrismaFile(path),
    read: (source: SourceText, ctx: ReadContext) => reader.readProject([source], ctx),
    async readProject(sources: SourceText[], ctx: ReadContext): Promise<ReadResult> {
      const diagnostics: Diagnostic[] = [];
      const models: ModelInfo[] = [];
      const enums = new Set<string>();
      const types = new Set<string>();
      for (const source of sources) {
        const parsed = parsePrisma(source);
        diagnostics.push(...parsed.diagnostics);
        let pendingDoc: string[] = [];
        for (const block of parsed.blocks) {
          if (block.type === 'comment') {
            if (block.text.startsWith('///')) pendingDoc.push(block.text.slice(3));
            continue;
          }
          const doc = pendingDoc.length ? parseDocText(pendingDoc) : undefined;
          pendingDoc = [];
          if (block.type === 'break') continue;
          if (block.type === 'enum') enums.add(block.name);
          else if (block.type === 'type') types.add(block.name);
          else if (block.type === 'datasource') checkProvider(block, source, ctx, diagnostics);
          else if (block.type === 'model' || block.type === 'view')
            models.push(modelInfo(block, source, doc, diagnostics));
        }
      }
      const ops = new PrismaBuilder(models, enums, types, ctx, diagnostics).ops();
      return { ops, diagnostics: dedupeDiagnostics(diagnostics) };
    },
  };
  return reader;
}

export const prismaReader = createPrismaReader();

function checkProvider(
  block: Extract<Block, { type: 'datasource' }>,
  source: SourceText,
  ctx: ReadContext,
  diagnostics: Diagnostic[],
): void {
  for (const a of block.assignments) {
    if (a.type !== 'assignment' || a.key !== 'provider') continue;
    const provider = typeof a.value === 'string' ? unquote(a.value) : undefined;
    const at = located(source, (a as { location?: Loc }).location ?? block.location);
    if (provider === 'mongodb') {
      diagnostics.push({
        severity: 'warning',
        code: UNSUPPORTED,
        ...said('diag.prisma.mongodb'),
        ...at,
      });
    } else if (provider && PROVIDER_DIALECT[provider] && PROVIDER_DIALECT[provider] !== ctx.dialect) {
      diagnostics.push({
        severity: 'info',
        code: 'SPIF-ORM-DIALECT',
        ...said('diag.prisma.provider', provider, ctx.dialect),
        ...at,
      });
    }
  }
}

function modelInfo(
  block: Model | View,
  source: SourceText,
  doc: DocComment | undefined,
  diagnostics: Diagnostic[],
): ModelInfo {
  const fieldDocs = new Map<string, DocComment>();
  let pending: string[] = [];
  for (const p of block.properties) {
    if (p.type === 'comment') {
      if (p.text.startsWith('///')) pending.push(p.text.slice(3));
      continue;
    }
    if (p.type === 'field') {
      const trailing = p.comment?.startsWith('///') ? [p.comment.slice(3)] : [];
      const lines = [...pending, ...trailing];
      if (lines.length) {
        const d = parseDocText(lines);
        if (d.unknownTag) {
          diagnostics.push({
            severity: 'warning',
            code: UNSUPPORTED,
            ...said('diag.prisma.unknownTag', d.unknownTag),
            ...located(source, p.location),
          });
        }
        fieldDocs.set(p.name, d);
      }
    }
    if (p.type !== 'break') pending = [];
  }
  const map = blockAttribute(block, 'map');
  const schema = blockAttribute(block, 'schema');
  return {
    block,
    source,
    doc,
    fieldDocs,
    table: (map && stringArg(map.args[0])) ?? block.name,
    schema: schema ? stringArg(schema.args[0]) : undefined,
  };
}

class PrismaBuilder {
  private readonly byName = new Map<string, ModelInfo>();

  constructor(
    private readonly models: ModelInfo[],
    private readonly enums: Set<string>,
    private readonly types: Set<string>,
    private readonly ctx: ReadContext,
    private readonly diagnostics: Diagnostic[],
  ) {
    for (const m of models) {
      if (this.byName.has(m.block.name)) {
        this.warn(m, m.block.location, said('diag.prisma.modelTwice', m.block.name));
      } else {
        this.byName.set(m.block.name, m);
      }
    }
  }

  ops(): CatalogOp[] {
    const ops: CatalogOp[] = [];
    for (const m of this.models) ops.push(m.block.type === 'model' ? this.table(m) : this.view(m));
    ops.push(...this.implicitManyToMany());
    return ops;
  }

  private qualified(m: ModelInfo) {
    return { schema: m.schema ?? defaultSchema(this.ctx.dialect), name: m.table };
  }

  private fields(m: ModelInfo): Field[] {
    return m.block.properties.filter((p): p is Field => p.type === 'field');
  }

  /** A scalar or enum field: a column. Relation fields (to models/views) and composite types are not. */
  private isColumn(f: Field): boolean {
    const type = typeof f.fieldType === 'string' ? f.fieldType : f.fieldType.name;
    return SCALAR_TYPES.has(type) || this.enums.has(type) || (!this.byName.has(type) && !this.types.has(type));
  }

  private columnName(m: ModelInfo, fieldName: string): string | undefined {
    const f = this.fields(m).find((x) => x.name === fieldName);
    if (!f) return undefined;
    const map = fieldAttribute(f, 'map');
    return (map && stringArg(map.args?.[0])) ?? f.name;
  }

  private table(m: ModelInfo): CatalogOp {
    const columns: Column[] = [];
    const primaryKey: string[] = [];
    const uniqueKeys: string[][] = [];
    const foreignKeys: ForeignKey[] = [];
    for (const f of this.fields(m)) {
      const type = typeof f.fieldType === 'string' ? f.fieldType : f.fieldType.name;
      if (this.types.has(type)) {
        this.warn(m, f.location, said('diag.prisma.compositeField', f.name));
        continue;
      }
      if (!this.isColumn(f)) {
        const fk = this.relationForeignKey(m, f);
        if (fk) foreignKeys.push(fk);
        continue;
      }
      const name = this.columnName(m, f.name)!;
      const at = located(m.source, f.location);
      const doc = m.fieldDocs.get(f.name);
      const column: Column = { name, type: columnType(f, this.ctx.dialect), source: at };
      if (doc?.text) {
        column.comment = doc.text;
        column.commentSource = at;
      }
      if (doc?.mark) column.mark = doc.mark;
      columns.push(column);
      if (fieldAttribute(f, 'id')) primaryKey.push(name);
      if (fieldAttribute(f, 'unique')) uniqueKeys.push([name]);
    }
    for (const attr of blockAttributes(m.block)) {
      if (attr.name !== 'id' && attr.name !== 'unique') continue;
      const fields = fieldList(attr.args);
      const names = fields?.map((f) => this.columnName(m, f));
      if (!names || names.some((n) => n === undefined)) {
        this.warn(m, attr.location, said('diag.prisma.keyFields', attr.name, m.block.name));
        continue;
      }
      if (attr.name === 'id') primaryKey.splice(0, primaryKey.length, ...(names as string[]));
      else uniqueKeys.push(names as string[]);
    }
    return {
      op: 'create-table',
      at: located(m.source, m.block.location),
      name: this.qualified(m),
      columns,
      primaryKey: primaryKey.length ? primaryKey : undefined,
      uniqueKeys,
      foreignKeys,
      ...(m.doc?.text ? { comment: m.doc.text } : {}),
    };
  }

  /** `author User @relation(fields: [authorId], references: [id])` → FK (authorId) → User(id). */
  private relationForeignKey(m: ModelInfo, f: Field): ForeignKey | undefined {
    const relation = fieldAttribute(f, 'relation');
    if (!relation) return undefined;
    const args = relation.args ?? [];
    const fields = keyedList(args, 'fields');
    const references = keyedList(args, 'references');
    if (!fields && !references) return undefined; // the other side of the relation
    const targetName = typeof f.fieldType === 'string' ? f.fieldType : f.fieldType.name;
    const target = this.byName.get(targetName)!;
    const columns = fields?.map((x) => this.columnName(m, x));
    const referencedColumns = references?.map((x) => this.columnName(target, x));
    if (
      !columns ||
      !referencedColumns ||
      columns.some((c) => !c) ||
      referencedColumns.some((c) => !c) ||
      columns.length !== referencedColumns.length
    ) {
      this.warn(
        m,
        relation.location ?? f.location,
        said('diag.prisma.relationFields', f.name, m.block.name, targetName),
      );
      return undefined;
    }
    return {
      columns: columns as string[],
      references: this.qualified(target),
      referencedColumns: referencedColumns as string[],
      source: located(m.source, relation.location ?? f.location),
    };
  }

  /**
   * Lists on both sides and no `fields`: Prisma keeps the relation in `_<name>` (default name
   * `<A>To<B>`, models sorted), with column A referencing the first model's id and B the second's.
   */
  private implicitManyToMany(): CatalogOp[] {
    const ops: CatalogOp[] = [];
    const done = new Set<string>();
    for (const m of this.models) {
      if (m.block.type !== 'model') continue;
      for (const f of this.fields(m)) {
        const targetName = typeof f.fieldType === 'string' ? f.fieldType : f.fieldType.name;
        const target = this.byName.get(targetName);
        if (!f.array || !target || target.block.type !== 'model') continue;
        const relName = relationName(f);
        const back = this.fields(target).find(
          (g) => g !== f && g.array && g.fieldType === m.block.name && relationName(g) === relName,
        );
        if (!back || keyedList(fieldAttribute(f, 'relation')?.args ?? [], 'fields')) continue;
        // models sorted by name (the same name keeps this one first)
        const [a, b] = target.block.name < m.block.name ? [target, m] : [m, target];
        const name = relName ?? `${a.block.name}To${b.block.name}`;
        if (done.has(name)) continue;
        done.add(name);
        const idA = this.singleId(a);
        const idB = this.singleId(b);
        const at = located(m.source, f.location);
        if (!idA || !idB) {
          this.warn(m, f.location, said('diag.prisma.manyToMany', f.name));
          continue;
        }
        ops.push({
          op: 'create-table',
          at,
          name: { schema: a.schema ?? defaultSchema(this.ctx.dialect), name: `_${name}` },
          columns: [
            { name: 'A', type: idA.type, source: at },
            { name: 'B', type: idB.type, source: at },
          ],
          primaryKey: ['A', 'B'],
          uniqueKeys: [],
          foreignKeys: [
            { columns: ['A'], references: this.qualified(a), referencedColumns: [idA.column], source: at },
            { columns: ['B'], references: this.qualified(b), referencedColumns: [idB.column], source: at },
          ],
        });
      }
    }
    return ops;
  }

  private singleId(m: ModelInfo): { column: string; type?: string } | undefined {
    const id = this.fields(m).filter((f) => fieldAttribute(f, 'id'));
    if (id.length !== 1) return undefined;
    return {
      column: this.columnName(m, nth(id, 0).name)!,
      type: referencedType(columnType(nth(id, 0), this.ctx.dialect)),
    };
  }

  private view(m: ModelInfo): CatalogOp {
    this.warn(m, m.block.location, said('diag.prisma.viewNoSql', m.block.name));
    return {
      op: 'create-view',
      at: located(m.source, m.block.location),
      name: this.qualified(m),
      view: {
        securityInvoker: false,
        columns: this.fields(m)
          .filter((f) => this.isColumn(f))
          .map((f) => ({ name: this.columnName(m, f.name)!, from: [] })),
        reads: [],
        readsColumns: [],
      },
    };
  }

  private warn(m: ModelInfo, loc: Loc | undefined, message: Said): void {
    this.diagnostics.push({
      severity: 'warning',
      code: UNSUPPORTED,
      ...said('diag.prisma', message.text),
      ...located(m.source, loc),
    });
  }
}

// ---- AST helpers ---------------------------------------------------------------------------------

type Loc = { startLine?: number; startColumn?: number } | undefined;

function located(source: SourceText, loc: Loc): SourceLocation {
  return { file: source.path, line: loc?.startLine ?? 1, column: loc?.startColumn ?? 1 };
}

function unquote(value: string): string {
  return /^".*"$/s.test(value) ? (JSON.parse(value) as string) : value;
}

function stringArg(arg: AttributeArgument | undefined): string | undefined {
  if (!arg) return undefined;
  const v = arg.value;
  if (typeof v === 'string') return unquote(v);
  if (
    typeof v === 'object' &&
    v &&
    !Array.isArray(v) &&
    v.type === 'keyValue' &&
    (v.key === 'name' || v.key === 'map')
  ) {
    return typeof v.value === 'string' ? unquote(v.value) : undefined;
  }
  return undefined;
}

function fieldAttribute(f: Field, name: string): Attribute | undefined {
  return f.attributes?.find((a) => a.name === name && !a.group);
}

function blockAttributes(block: Model | View): BlockAttribute[] {
  return block.properties.filter((p): p is BlockAttribute => p.type === 'attribute');
}

function blockAttribute(block: Model | View, name: string): BlockAttribute | undefined {
  return blockAttributes(block).find((a) => a.name === name && !a.group);
}

function arrayNames(v: Value | undefined): string[] | undefined {
  if (typeof v === 'object' && v && !Array.isArray(v) && v.type === 'array') {
    const names = v.args.map((x) =>
      typeof x === 'string'
        ? x
        : typeof x === 'object' && x && !Array.isArray(x) && x.type === 'function'
          ? x.name
          : undefined,
    );
    return names.every((n): n is string => !!n) ? names : undefined;
  }
  return undefined;
}

/** `@@id([a, b])` / `@@id(fields: [a, b])` / `@@unique([a, b], name: "x")` */
function fieldList(args: AttributeArgument[]): string[] | undefined {
  for (const arg of args) {
    const v = arg.value;
    if (typeof v === 'object' && v && !Array.isArray(v) && v.type === 'keyValue') {
      if (v.key === 'fields') return arrayNames(v.value);
      continue;
    }
    const names = arrayNames(v);
    if (names) return names;
  }
  return undefined;
}

function keyedList(args: AttributeArgument[], key: string): string[] | undefined {
  for (const arg of args) {
    const v = arg.value;
    if (typeof v === 'object' && v && !Array.isArray(v) && v.type === 'keyValue' && v.key === key)
      return arrayNames(v.value);
  }
  return undefined;
}

/** `@relation("Name")` / `@relation(name: "Name")` */
function relationName(f: Field): string | undefined {
  const rel = fieldAttribute(f, 'relation');
  for (const arg of rel?.args ?? []) {
    const v = arg.value;
    if (typeof v === 'string') return unquote(v);
    if (
      typeof v === 'object' &&
      v &&
      !Array.isArray(v) &&
      v.type === 'keyValue' &&
      v.key === 'name' &&
      typeof v.value === 'string'
    )
      return unquote(v.value);
  }
  return undefined;
}

/** Prisma's default PostgreSQL type of each scalar (without a `@db.` native type). */
const PG_SCALAR: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Boolean: 'bool',
  DateTime: 'timestamp(3)',
  Float: 'float8',
  Decimal: 'numeric(65,30)',
  Json: 'jsonb',
  Bytes: 'bytea',
};
const SERIAL_OF: Record<string, string> = { int2: 'smallserial', int4: 'serial', int8: 'bigserial' };

/**
 * The column type. For PostgreSQL, in the PostgreSQL reader's spelling (`@db.VarChar(15)` →
 * `varchar(15)`, `Int @default(autoincrement())` → `serial`); otherwise the native or Prisma type.
 */
function columnType(f: Field, dialect: ReadContext['dialect']): string {
  const native = f.attributes?.find((a) => a.group === 'db');
  const scalar = typeof f.fieldType === 'string' ? f.fieldType : f.fieldType.name;
  const args = (native?.args ?? [])
    .map((a) => (typeof a.value === 'number' || typeof a.value === 'string' ? Number(a.value) : NaN))
    .filter(Number.isFinite);
  if (dialect !== 'postgresql') return native ? `${native.name}${args.length ? `(${args.join(',')})` : ''}` : scalar;
  const type = native
    ? pgTypeName(native.name === 'DoublePrecision' ? 'double precision' : native.name, args)
    : (PG_SCALAR[scalar] ?? scalar);
  const autoincrement = f.attributes?.some(
    (a) =>
      a.name === 'default' &&
      a.args?.some(
        (x) =>
          typeof x.value === 'object' &&
          x.value &&
          !Array.isArray(x.value) &&
          x.value.type === 'function' &&
          x.value.name === 'autoincrement',
      ),
  );
  return autoincrement && SERIAL_OF[type] ? SERIAL_OF[type] : type;
}

/** A serial column is referenced by its integer type. */
function referencedType(type: string): string {
  return Object.entries(SERIAL_OF).find(([, serial]) => serial === type)?.[0] ?? type;
}
