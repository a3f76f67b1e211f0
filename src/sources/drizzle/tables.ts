/**
 * Collects Drizzle table declarations statically: `pgTable` / `mysqlTable` / `sqliteTable`
 * (and `pgSchema('s').table`), their column builders and chained modifiers, the table-level
 * extra config (primaryKey, foreignKey, unique, uniqueIndex) and `relations()`. Table variables
 * used by `.references(() => t.col)` are resolved later, across all files of the database.
 */
import { Node, type CallExpression, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import { type Diagnostic, type Said, said } from '../../diagnostics.js';
import {
  diagnosticAt,
  importAliases,
  importedName,
  importsFrom,
  jsDocBefore,
  literalString,
  objectProps,
  stringConstants,
  unwrap,
  type DocComment,
  type ModuleImports,
  type TsUnit,
} from '../ts-project.js';

export const UNSUPPORTED = 'SPIF-ORM-UNSUPPORTED';

export type DrizzleDialect = 'pg' | 'mysql' | 'sqlite';

const TABLE_BUILDERS: Record<string, DrizzleDialect> = {
  pgTable: 'pg',
  mysqlTable: 'mysql',
  sqliteTable: 'sqlite',
  singlestoreTable: 'mysql',
};
const SCHEMA_BUILDERS: Record<string, DrizzleDialect> = {
  pgSchema: 'pg',
  mysqlSchema: 'mysql',
  singlestoreSchema: 'mysql',
};
const TABLE_CREATORS = new Set([
  'pgTableCreator',
  'mysqlTableCreator',
  'sqliteTableCreator',
  'singlestoreTableCreator',
]);
const VIEW_BUILDERS = new Set(['pgView', 'pgMaterializedView', 'mysqlView', 'sqliteView']);

/** `t.col`, `schema.t.col` as written: a table variable and a column key. */
export interface ColumnRef {
  table: string;
  column: string;
  node: Node;
}

export interface ColumnDecl {
  key: string;
  name: string;
  /** The builder function (`varchar`, `bigserial`, a customType variable). */
  type: string;
  /** Literal numbers and flags of the builder's config object (`{ length: 12 }`). */
  typeConfig: Record<string, number | boolean | string>;
  comment?: string;
  mark?: DocComment['mark'];
  primary: boolean;
  unique: boolean;
  references?: ColumnRef;
  node: Node;
  /** The file the column is written in (a spread object may live in another file). */
  unit: TsUnit;
}

export interface TableDecl {
  variable: string;
  name: string;
  schema?: string;
  dialect: DrizzleDialect;
  kind: 'table' | 'view';
  comment?: string;
  columns: ColumnDecl[];
  primaryKey?: string[];
  /** Column keys. */
  uniqueKeys: string[][];
  foreignKeys: { columns: string[]; references: ColumnRef[]; node: Node }[];
  /** A view's `sql` text, when written without substitutions. */
  viewSql?: string;
  unit: TsUnit;
  node: Node;
}

/** `relations(table, ({ one }) => ({ x: one(other, { fields: [...], references: [...] }) }))` */
export interface RelationDecl {
  table: string;
  fields: ColumnRef[];
  references: ColumnRef[];
  unit: TsUnit;
  node: Node;
}

export interface FileDeclarations {
  tables: TableDecl[];
  relations: RelationDecl[];
}

export function isDrizzleModule(specifier: string): boolean {
  return specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/');
}

/** Top-level object literals by variable name, across files: shared column sets to spread. */
export type SharedObjects = Map<string, { object: ObjectLiteralExpression; unit: TsUnit }[]>;

export function sharedObjects(units: TsUnit[]): SharedObjects {
  const out: SharedObjects = new Map();
  for (const unit of units) {
    for (const decl of unit.file.getVariableDeclarations()) {
      const init = decl.getInitializer();
      const expr = init ? unwrap(init) : undefined;
      if (expr && Node.isObjectLiteralExpression(expr)) {
        out.set(decl.getName(), [...(out.get(decl.getName()) ?? []), { object: expr, unit }]);
      }
    }
  }
  return out;
}

/** Top-level functions by name, across files: the project's helpers (`id()`) and table wrappers (`createTable(…)`). */
export type SharedFunctions = Map<string, { params: string[]; returns: Expression; unit: TsUnit }[]>;

export function sharedFunctions(units: TsUnit[]): SharedFunctions {
  const out: SharedFunctions = new Map();
  const add = (name: string, fn: Node, unit: TsUnit) => {
    if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isFunctionDeclaration(fn))) return;
    const body = fn.getBody();
    let returns: Expression | undefined;
    if (body && Node.isBlock(body)) {
      const ret = body.getStatements().filter((st) => Node.isReturnStatement(st));
      if (ret.length === 1 && Node.isReturnStatement(ret[0])) returns = ret[0].getExpression();
    } else if (body) returns = body as Expression;
    if (!returns) return;
    const params = fn.getParameters().map((p) => p.getName());
    out.set(name, [...(out.get(name) ?? []), { params, returns, unit }]);
  };
  for (const unit of units) {
    for (const f of unit.file.getFunctions()) if (f.getName()) add(f.getName()!, f, unit);
    for (const decl of unit.file.getVariableDeclarations()) {
      const init = decl.getInitializer();
      if (init) add(decl.getName(), unwrap(init), unit);
    }
  }
  return out;
}

export function collectFile(
  unit: TsUnit,
  shared: SharedObjects,
  diagnostics: Diagnostic[],
  functions: SharedFunctions = new Map(),
): FileDeclarations {
  return new FileCollector(unit, shared, diagnostics, functions).collect();
}

class FileCollector {
  private readonly imports: ModuleImports;
  private readonly aliases: Map<string, string>;
  private readonly constants: Map<string, string>;
  /** Local variables holding `pgSchema('x')`. */
  private readonly schemas = new Map<string, { name: string; dialect: DrizzleDialect }>();
  private readonly out: FileDeclarations = { tables: [], relations: [] };

  constructor(
    private readonly unit: TsUnit,
    /** Object literals of all files, so `...timestamps` spreads can be read. */
    private readonly shared: SharedObjects,
    private readonly diagnostics: Diagnostic[],
    /** Functions of all files: helpers returning a column builder, wrappers returning a table. */
    private readonly functions: SharedFunctions = new Map(),
  ) {
    this.imports = importsFrom(unit.file, isDrizzleModule);
    this.aliases = importAliases(unit.file);
    this.constants = stringConstants(unit.file);
  }

  collect(): FileDeclarations {
    const file: SourceFile = this.unit.file;
    for (const stmt of file.getVariableStatements()) {
      for (const decl of stmt.getDeclarations()) {
        const init = decl.getInitializer();
        if (!init) continue;
        const expr = unwrap(init);
        if (Node.isCallExpression(expr)) this.topLevelCall(decl.getName(), expr, stmt);
      }
    }
    // casing: 'snake_case' / 'camelCase' renames keys at runtime; spif reads keys as written
    file.forEachDescendant((node) => {
      if (Node.isPropertyAssignment(node) && node.getName() === 'casing' && this.imports.named.size) {
        this.unsupported(node, said('diag.drizzle.casing'));
      }
    });
    return this.out;
  }

  private topLevelCall(variable: string, call: CallExpression, stmt: Node): void {
    const callee = call.getExpression();
    const name = importedName(callee, this.imports);
    if (name && SCHEMA_BUILDERS[name]) {
      const [first] = call.getArguments();
      const schema = first ? literalString(first) : undefined;
      if (schema === undefined)
        this.unsupported(call, said('diag.drizzle.schemaName', call.getArguments()[0]?.getText() ?? '', variable));
      else this.schemas.set(variable, { name: schema, dialect: SCHEMA_BUILDERS[name] });
      return;
    }
    if (name && TABLE_BUILDERS[name]) {
      this.table(variable, call, TABLE_BUILDERS[name], undefined, stmt);
      return;
    }
    if (name && TABLE_CREATORS.has(name)) {
      this.unsupported(call, said('diag.drizzle.tableCreator', name, variable));
      return;
    }
    if (name && VIEW_BUILDERS.has(name)) {
      this.view(
        variable,
        call,
        name.startsWith('pg') ? 'pg' : name.startsWith('mysql') ? 'mysql' : 'sqlite',
        undefined,
        stmt,
      );
      return;
    }
    if (name === 'relations') {
      this.relations(call);
      return;
    }
    if (name === 'defineRelations') {
      this.unsupported(call, said('diag.drizzle.defineRelations'));
      return;
    }
    // schemaVar.table(...) / schemaVar.view(...); view builders end in .as(...) / .existing()
    const root = rootCall(call);
    const rootCallee = root.getExpression();
    if (Node.isPropertyAccessExpression(rootCallee) && Node.isIdentifier(rootCallee.getExpression())) {
      const schema = this.schemas.get(rootCallee.getExpression().getText());
      if (schema && rootCallee.getName() === 'table') this.table(variable, root, schema.dialect, schema.name, stmt);
      else if (schema && (rootCallee.getName() === 'view' || rootCallee.getName() === 'materializedView'))
        this.view(variable, call, schema.dialect, schema.name, stmt);
      return;
    }
    const rootName = importedName(rootCallee, this.imports);
    if (rootName && TABLE_BUILDERS[rootName]) {
      this.table(variable, root, TABLE_BUILDERS[rootName], undefined, stmt); // pgTable(…).enableRLS()
    } else if (!rootName && Node.isIdentifier(rootCallee)) {
      this.wrappedTable(variable, root, stmt);
    } else if (rootName && VIEW_BUILDERS.has(rootName)) {
      this.view(
        variable,
        call,
        rootName.startsWith('pg') ? 'pg' : rootName.startsWith('mysql') ? 'mysql' : 'sqlite',
        undefined,
        stmt,
      );
    }
  }

  /**
   * `export const users = createTable('users', { … })` where the project declares
   * `const createTable = (name, columns) => pgTable(name, { ...columns, ...timestamps })`: the
   * wrapper's table, with its parameters replaced by the call's arguments. A call that passes
   * column builders to a function spif cannot follow is reported, never passed over.
   */
  private wrappedTable(variable: string, call: CallExpression, stmt: Node): void {
    const name = this.original(call.getExpression().getText());
    // A variable of this file (e.g. `pgTableCreator(…)`'s result) is read, or reported, where it is declared.
    if (this.unit.file.getVariableDeclaration(name)?.getInitializer() && !this.functions.get(name)?.length) return;
    const [fn] = this.functions.get(name) ?? [];
    const inner = fn ? unwrap(fn.returns) : undefined;
    const innerCallee = inner && Node.isCallExpression(inner) ? inner.getExpression() : undefined;
    const builder =
      fn && innerCallee ? importedName(innerCallee, importsFrom(fn.unit.file, isDrizzleModule)) : undefined;
    if (fn && inner && Node.isCallExpression(inner) && builder && TABLE_BUILDERS[builder]) {
      const subst = new Map<string, Node | undefined>(fn.params.map((p, i) => [p, call.getArguments()[i]]));
      const args = inner.getArguments().map((a) => {
        const e = unwrap(a);
        return Node.isIdentifier(e) && subst.has(e.getText()) ? subst.get(e.getText()) : a;
      });
      this.table(variable, call, TABLE_BUILDERS[builder], undefined, stmt, args, subst);
      return;
    }
    const passesColumns = call
      .getArguments()
      .some((a) => Node.isObjectLiteralExpression(unwrap(a)) || Node.isArrowFunction(unwrap(a)));
    if (passesColumns)
      this.unsupported(
        call,
        said(fn ? 'diag.drizzle.factoryUnread' : 'diag.drizzle.factoryUndeclared', variable, name),
      );
  }

  private table(
    variable: string,
    call: CallExpression,
    dialect: DrizzleDialect,
    schema: string | undefined,
    stmt: Node,
    wrappedArgs?: (Node | undefined)[],
    subst?: Map<string, Node | undefined>,
  ): void {
    const [nameArg, columnsArg, extraArg] = wrappedArgs ?? call.getArguments();
    const name = nameArg ? this.staticName(nameArg) : undefined;
    if (name === undefined) {
      this.unsupported(nameArg ?? call, said('diag.drizzle.tableName', nameArg?.getText() ?? '', variable));
      return;
    }
    const table: TableDecl = {
      variable,
      name,
      schema,
      dialect,
      kind: 'table',
      comment: jsDocBefore(stmt)?.text,
      columns: [],
      uniqueKeys: [],
      foreignKeys: [],
      unit: this.unit,
      node: call,
    };
    const columns = columnsArg ? this.columnsObject(columnsArg) : undefined;
    if (!columns) {
      this.unsupported(columnsArg ?? call, said('diag.drizzle.columnsNotObject', name));
    } else {
      this.columns(table, columns, this.unitOf(columns), new Set(), subst);
    }
    if (extraArg) this.extraConfig(table, extraArg);
    this.out.tables.push(table);
  }

  /** `{ … }` or `(t) => ({ … })` (the callback form passes the column builders). */
  private columnsObject(arg: Node): ObjectLiteralExpression | undefined {
    const expr = unwrap(arg);
    if (Node.isObjectLiteralExpression(expr)) return expr;
    if (Node.isArrowFunction(expr)) {
      const body = unwrap(expr.getBody());
      if (Node.isObjectLiteralExpression(body)) return body;
    }
    return undefined;
  }

  private columns(
    table: TableDecl,
    obj: ObjectLiteralExpression,
    unit: TsUnit = this.unit,
    seen = new Set<ObjectLiteralExpression>(),
    subst?: Map<string, Node | undefined>,
  ): void {
    seen.add(obj);
    for (const prop of obj.getProperties()) {
      if (Node.isSpreadAssignment(prop)) {
        const spread = unwrap(prop.getExpression());
        // `...columns` of a table wrapper: the call's own columns object.
        const passed =
          Node.isIdentifier(spread) && subst?.has(spread.getText()) ? subst.get(spread.getText()) : undefined;
        if (passed && this.columnsObject(passed)) {
          const object = this.columnsObject(passed)!;
          if (!seen.has(object)) this.columns(table, object, this.unitOf(object), seen);
          continue;
        }
        const source = this.spreadObject(spread, unit);
        if (source && !seen.has(source.object)) this.columns(table, source.object, source.unit, seen);
        else if (!source)
          this.unsupported(
            prop,
            Node.isCallExpression(spread)
              ? said('diag.drizzle.spreadCall', prop.getText(), table.name)
              : said('diag.drizzle.spreadOther', prop.getText(), table.name),
          );
        continue;
      }
      if (!Node.isPropertyAssignment(prop)) {
        this.unsupported(prop, said('diag.drizzle.notBuilder', prop.getText(), table.name));
        continue;
      }
      const key = objectKey(prop);
      if (key === undefined) {
        this.unsupported(prop, said('diag.drizzle.computedKey', prop.getNameNode().getText(), table.name));
        continue;
      }
      const column = this.column(table, key, prop.getInitializerOrThrow(), prop, unit);
      if (column) table.columns.push(column);
    }
  }

  /**
   * What a spread in a columns object stands for: an object literal written there, a top-level
   * object of the scanned files (`...timestamps`), or what a top-level function returns
   * (`...timestamps()`, `...auditColumns('jumin')`), followed through a few calls.
   */
  private spreadObject(
    expr: Node,
    unit: TsUnit,
    depth = 0,
  ): { object: ObjectLiteralExpression; unit: TsUnit } | undefined {
    const e = unwrap(expr);
    if (Node.isObjectLiteralExpression(e)) return { object: e, unit };
    if (Node.isIdentifier(e)) return this.spreadSource(this.original(e.getText()), unit);
    if (!Node.isCallExpression(e) || depth > 4) return undefined;
    const callee = e.getExpression();
    if (!Node.isIdentifier(callee)) return undefined;
    const found = this.functions.get(this.original(callee.getText())) ?? [];
    const fn = found.find((f) => f.unit === unit) ?? found[0];
    return fn ? this.spreadObject(fn.returns, fn.unit, depth + 1) : undefined;
  }

  private spreadSource(name: string, from: TsUnit) {
    const found = this.shared.get(name) ?? [];
    return found.find((o) => o.unit === from) ?? found[0];
  }

  private column(table: TableDecl, key: string, init: Expression, prop: Node, unit: TsUnit): ColumnDecl | undefined {
    const chain = this.helperChain(builderChain(init), unit);
    if (!chain) {
      this.unsupported(init, said('diag.drizzle.notBuilderCall', key, table.name));
      return undefined;
    }
    const doc = jsDocBefore(prop);
    if (doc?.unknownTag) this.unsupported(prop, said('diag.drizzle.unknownTag', doc.unknownTag));
    const firstArg = chain.root.getArguments()[0];
    let name = key;
    if (firstArg && !Node.isObjectLiteralExpression(unwrap(firstArg))) {
      const given = this.staticName(firstArg);
      if (given === undefined) this.unsupported(firstArg, said('diag.drizzle.columnName', firstArg.getText(), key));
      else name = given;
    }
    const column: ColumnDecl = {
      key,
      name,
      type: calleeName(chain.root.getExpression()),
      typeConfig: builderConfig(chain.root),
      comment: doc?.text,
      mark: doc?.mark,
      primary: false,
      unique: false,
      node: prop,
      unit,
    };
    for (const m of chain.methods) {
      if (m.name === 'primaryKey') column.primary = true;
      else if (m.name === 'unique') column.unique = true;
      else if (m.name === 'references') {
        const ref = m.call.getArguments()[0];
        const target = ref ? this.thunkColumn(ref) : undefined;
        if (target) column.references = target;
        else this.unsupported(m.call, said('diag.drizzle.referencesForm', m.call.getText()));
      }
    }
    return column;
  }

  private extraConfig(table: TableDecl, arg: Node): void {
    const fn = unwrap(arg);
    if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) {
      this.unsupported(arg, said('diag.drizzle.extraNotFunction', table.name));
      return;
    }
    const self = fn.getParameters()[0]?.getName();
    let body: Node | undefined = fn.getBody();
    if (Node.isBlock(body)) {
      const ret = body.getStatements().find((s) => Node.isReturnStatement(s));
      body = ret && Node.isReturnStatement(ret) ? ret.getExpression() : undefined;
    }
    if (!body) return;
    const items = flattenItems(unwrap(body));
    if (!items) {
      this.unsupported(body, said('diag.drizzle.extraNotList', table.name));
      return;
    }
    for (const item of items) this.extraItem(table, item, self);
  }

  private extraItem(table: TableDecl, item: Node, self: string | undefined): void {
    const expr = unwrap(item);
    if (!Node.isCallExpression(expr)) {
      this.unsupported(item, said('diag.drizzle.extraItem', item.getText(), table.name));
      return;
    }
    const root = rootCall(expr);
    const name = importedName(root.getExpression(), this.imports);
    const own = (node: Node): string | undefined => {
      const ref = columnRef(node, this.aliases);
      return ref && (ref.table === self || ref.table === table.variable) ? ref.column : undefined;
    };
    const ownList = (nodes: Node[]): string[] | undefined => {
      const keys = nodes.map(own);
      return keys.every((k): k is string => k !== undefined) ? keys : undefined;
    };
    if (name === 'primaryKey') {
      const [first] = root.getArguments();
      const config =
        first && Node.isObjectLiteralExpression(unwrap(first))
          ? objectProps(unwrap(first) as ObjectLiteralExpression).props.get('columns')
          : undefined;
      const nodes = config ? arrayItems(config.value) : root.getArguments();
      const keys = nodes ? ownList(nodes) : undefined;
      if (keys) table.primaryKey = keys;
      else this.unsupported(expr, said('diag.drizzle.primaryKey', table.name, self ?? 't'));
    } else if (name === 'unique' || name === 'uniqueIndex') {
      const on = methodCalls(expr).find((m) => m.name === 'on' || m.name === 'onOnly');
      const keys = on ? ownList(on.call.getArguments()) : undefined;
      // A partial (`.where(…)`) or expression (sql`lower(…)`) unique index is no key of the table:
      // no foreign key can reference it, so it links nothing (docs/orm-sources.md).
      const partial = methodCalls(expr).some((m) => m.name === 'where');
      const expression = on?.call.getArguments().some((a) => Node.isTaggedTemplateExpression(unwrap(a)));
      if (keys && !partial) table.uniqueKeys.push(keys);
      else if (partial || expression) return;
      else this.unsupported(expr, said('diag.drizzle.unique', name, table.name, self ?? 't'));
    } else if (name === 'foreignKey') {
      const [first] = root.getArguments();
      const props =
        first && Node.isObjectLiteralExpression(unwrap(first))
          ? objectProps(unwrap(first) as ObjectLiteralExpression).props
          : undefined;
      const cols = props?.get('columns') ? arrayItems(props.get('columns')!.value) : undefined;
      const foreign = props?.get('foreignColumns') ? arrayItems(props.get('foreignColumns')!.value) : undefined;
      const keys = cols ? ownList(cols) : undefined;
      const refs = foreign?.map((n) => columnRef(n, this.aliases));
      if (keys && refs && refs.every((r): r is ColumnRef => !!r) && refs.length === keys.length) {
        table.foreignKeys.push({ columns: keys, references: refs, node: expr });
      } else {
        this.unsupported(expr, said('diag.drizzle.foreignKey', table.name));
      }
    }
    // index(), check(), pgPolicy(): no key or link
  }

  private view(
    variable: string,
    call: CallExpression,
    dialect: DrizzleDialect,
    schema: string | undefined,
    stmt: Node,
  ): void {
    const root = rootCall(call);
    const nameArg = root.getArguments()[0];
    const name = nameArg ? this.staticName(nameArg) : undefined;
    if (name === undefined) {
      this.unsupported(nameArg ?? call, said('diag.drizzle.viewName', variable));
      return;
    }
    const view: TableDecl = {
      variable,
      name,
      schema,
      dialect,
      kind: 'view',
      comment: jsDocBefore(stmt)?.text,
      columns: [],
      uniqueKeys: [],
      foreignKeys: [],
      unit: this.unit,
      node: call,
    };
    const columnsArg = root.getArguments()[1];
    const columns = columnsArg ? this.columnsObject(columnsArg) : undefined;
    if (columns) this.columns(view, columns);
    const as = methodCalls(call).find((m) => m.name === 'as');
    const sqlArg = as?.call.getArguments()[0];
    const tagged = sqlArg ? unwrap(sqlArg) : undefined;
    if (tagged && Node.isTaggedTemplateExpression(tagged) && tagged.getTag().getText() === 'sql') {
      const template = tagged.getTemplate();
      if (Node.isNoSubstitutionTemplateLiteral(template)) view.viewSql = template.getLiteralValue();
    }
    this.out.tables.push(view);
  }

  private relations(call: CallExpression): void {
    const [tableArg, fnArg] = call.getArguments();
    const table =
      tableArg && Node.isIdentifier(unwrap(tableArg)) ? this.original(unwrap(tableArg).getText()) : undefined;
    const fn = fnArg ? unwrap(fnArg) : undefined;
    if (!table || !fn || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) {
      this.unsupported(call, said('diag.drizzle.relationsForm'));
      return;
    }
    const body = fn.getBody();
    const obj = Node.isBlock(body) ? undefined : unwrap(body);
    if (!obj || !Node.isObjectLiteralExpression(obj)) {
      this.unsupported(body, said('diag.drizzle.relationsNotObject'));
      return;
    }
    for (const prop of objectProps(obj).props.values()) {
      const value = unwrap(prop.value);
      if (!Node.isCallExpression(value)) continue;
      const [, config] = value.getArguments();
      if (!config) continue; // many(x) / one(x) without fields: the other side declares the link
      const props = Node.isObjectLiteralExpression(unwrap(config))
        ? objectProps(unwrap(config) as ObjectLiteralExpression).props
        : undefined;
      const fields = props?.get('fields')
        ? arrayItems(props.get('fields')!.value)?.map((n) => columnRef(n, this.aliases))
        : undefined;
      const references = props?.get('references')
        ? arrayItems(props.get('references')!.value)?.map((n) => columnRef(n, this.aliases))
        : undefined;
      if (
        fields &&
        references &&
        fields.every((f): f is ColumnRef => !!f) &&
        references.every((r): r is ColumnRef => !!r) &&
        fields.length === references.length
      ) {
        this.out.relations.push({ table, fields, references, unit: this.unit, node: value });
      } else if (props?.get('fields') || props?.get('references')) {
        this.unsupported(value, said('diag.drizzle.relationFieldsForm', value.getText()));
      }
    }
  }

  /** `() => t.col` */
  private thunkColumn(arg: Node): ColumnRef | undefined {
    const fn = unwrap(arg);
    if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return undefined;
    let body: Node | undefined = fn.getBody();
    if (Node.isBlock(body)) {
      const ret = body.getStatements().find((s) => Node.isReturnStatement(s));
      body = ret && Node.isReturnStatement(ret) ? ret.getExpression() : undefined;
    }
    return body ? columnRef(body, this.aliases) : undefined;
  }

  private staticName(expr: Node): string | undefined {
    const literal = literalString(expr);
    if (literal !== undefined) return literal;
    const inner = unwrap(expr);
    return Node.isIdentifier(inner) ? this.constants.get(inner.getText()) : undefined;
  }

  /** The file a node is written in (a wrapper's or a call site's), among the scanned files. */
  private unitOf(node: Node): TsUnit {
    if (node.getSourceFile() === this.unit.file) return this.unit;
    for (const list of this.functions.values())
      for (const f of list) if (f.unit.file === node.getSourceFile()) return f.unit;
    for (const list of this.shared.values())
      for (const o of list) if (o.unit.file === node.getSourceFile()) return o.unit;
    return this.unit;
  }

  /**
   * `id: id()` with `const id = () => uuid('id').primaryKey().defaultRandom()`: the helper's
   * builder chain, with the methods chained at the call site after it.
   */
  private helperChain(chain: ReturnType<typeof builderChain>, unit: TsUnit): ReturnType<typeof builderChain> {
    for (let depth = 0; chain && depth < 4; depth++) {
      const callee = chain.root.getExpression();
      if (!Node.isIdentifier(callee) || importedName(callee, importsFrom(unit.file, isDrizzleModule))) return chain;
      const [fn] = this.functions.get(this.original(callee.getText())) ?? [];
      const inner = fn ? builderChain(fn.returns) : undefined;
      if (!fn || !inner) return chain;
      chain = { root: inner.root, methods: [...inner.methods, ...chain.methods] };
      unit = fn.unit;
    }
    return chain;
  }

  private original(local: string): string {
    return this.aliases.get(local) ?? local;
  }

  private unsupported(node: Node, message: Said): void {
    this.diagnostics.push(diagnosticAt(this.unit, node, 'warning', UNSUPPORTED, said('diag.drizzle', message.text)));
  }
}

function objectKey(prop: Node): string | undefined {
  if (!Node.isPropertyAssignment(prop)) return undefined;
  const nameNode = prop.getNameNode();
  if (Node.isComputedPropertyName(nameNode)) return literalString(nameNode.getExpression());
  if (Node.isStringLiteral(nameNode) || Node.isNoSubstitutionTemplateLiteral(nameNode))
    return nameNode.getLiteralValue();
  return nameNode.getText();
}

/** `varchar('x').notNull().references(…)` → root call `varchar('x')` and the chained methods. */
function builderChain(
  init: Node,
): { root: CallExpression; methods: { name: string; call: CallExpression }[] } | undefined {
  const expr = unwrap(init);
  if (!Node.isCallExpression(expr)) return undefined;
  return { root: rootCall(expr), methods: methodCalls(expr) };
}

/** The innermost call of a method chain. */
function rootCall(call: CallExpression): CallExpression {
  let current = call;
  for (;;) {
    const callee = current.getExpression();
    if (Node.isPropertyAccessExpression(callee)) {
      const target = unwrap(callee.getExpression());
      if (Node.isCallExpression(target)) {
        current = target;
        continue;
      }
    }
    return current;
  }
}

/** Methods chained on the root call, innermost first. */
function methodCalls(call: CallExpression): { name: string; call: CallExpression }[] {
  const out: { name: string; call: CallExpression }[] = [];
  let current: CallExpression = call;
  for (;;) {
    const callee = current.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) break;
    const target = unwrap(callee.getExpression());
    if (!Node.isCallExpression(target)) break;
    out.unshift({ name: callee.getName(), call: current });
    current = target;
  }
  return out;
}

/** `varchar('x', { length: 12 })` / `varchar({ length: 12 })` → { length: 12 } */
function builderConfig(root: CallExpression): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  const obj = root
    .getArguments()
    .map(unwrap)
    .find((a) => Node.isObjectLiteralExpression(a));
  if (!obj || !Node.isObjectLiteralExpression(obj)) return out;
  for (const [key, { value }] of objectProps(obj).props) {
    const v = unwrap(value);
    if (Node.isNumericLiteral(v)) out[key] = Number(v.getLiteralValue());
    else if (literalString(v) !== undefined) out[key] = literalString(v)!;
    else if (v.getText() === 'true' || v.getText() === 'false') out[key] = v.getText() === 'true';
  }
  return out;
}

function calleeName(callee: Node): string {
  if (Node.isPropertyAccessExpression(callee)) return callee.getName();
  return callee.getText();
}

/** `t.col` / `schema.t.col` → { table, column } (import aliases undone for the table). */
export function columnRef(node: Node, aliases: Map<string, string>): ColumnRef | undefined {
  const expr = unwrap(node);
  if (!Node.isPropertyAccessExpression(expr)) return undefined;
  const target = unwrap(expr.getExpression());
  let table: string | undefined;
  if (Node.isIdentifier(target)) table = aliases.get(target.getText()) ?? target.getText();
  else if (Node.isPropertyAccessExpression(target)) table = target.getName();
  return table ? { table, column: expr.getName(), node: expr } : undefined;
}

function arrayItems(node: Node): Node[] | undefined {
  const expr = unwrap(node);
  return Node.isArrayLiteralExpression(expr) ? expr.getElements() : undefined;
}

/** Extra config: `[a, b, [c]]` (flattened one level, as Drizzle does) or `{ k: a }`. */
function flattenItems(body: Node): Node[] | undefined {
  if (Node.isArrayLiteralExpression(body)) {
    return body.getElements().flatMap((e) => {
      const inner = unwrap(e);
      return Node.isArrayLiteralExpression(inner) ? inner.getElements() : [e];
    });
  }
  if (Node.isObjectLiteralExpression(body)) {
    return [...objectProps(body).props.values()].map((p) => p.value);
  }
  return undefined;
}
