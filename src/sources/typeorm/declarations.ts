/**
 * Collects what TypeORM decorators declare, statically, from the syntax tree: entity classes,
 * their columns, embedded columns, relations, join columns and join tables. Names are resolved
 * later (build.ts), once every file of the database has been collected.
 */
import { Node, type ClassDeclaration, type Decorator, type Expression, type ObjectLiteralExpression } from 'ts-morph';
import { type Diagnostic, type Said, type TextArg, part, said } from '../../diagnostics.js';
import {
  diagnosticAt,
  importAliases,
  importedName,
  importsFrom,
  jsDocBefore,
  joinComments,
  literalBoolean,
  literalString,
  objectProps,
  staticString,
  stringConstants,
  unwrap,
  type DocComment,
  type ModuleImports,
  type TsUnit,
} from '../ts-project.js';
import type { DecoratorIndex } from './wrappers.js';
import { nth } from '../../indexed.js';

export const UNSUPPORTED = 'SPIF-ORM-UNSUPPORTED';

export type Mark = DocComment['mark'];

export interface EntityDecl {
  /** 'child': a @ChildEntity, stored in its single-table-inheritance parent's table. */
  kind: 'table' | 'view' | 'child';
  givenName?: string;
  schema?: string;
  comment?: string;
  /** The view's `expression` option. */
  expression?: Expression;
  node: Node;
}

export interface ColumnDecl {
  propertyName: string;
  givenName?: string;
  /** The decorator (`Column`, `PrimaryGeneratedColumn`, `CreateDateColumn`, …). */
  decorator: string;
  /** The `type` option or type argument, as written. */
  type?: string;
  /** For PrimaryGeneratedColumn: 'increment' (default), 'uuid', 'identity', 'rowid'. */
  strategy?: string;
  length?: number;
  precision?: number;
  scale?: number;
  /** The property's TypeScript type, which TypeORM maps when no type is given. */
  tsType?: string;
  comment?: string;
  mark?: Mark;
  primary: boolean;
  unique: boolean;
  /** Declared with @ViewColumn (read only for view entities). */
  viewColumn: boolean;
  node: Node;
  /**
   * Declared by a decorator spif could not follow (issue 12.8): the property is still a column,
   * named by TypeORM's default and typed from TypeScript; build.ts reports it where it is used.
   */
  unresolved?: { decorator: string; reason: Said; assumedPrimary: boolean };
}

export interface EmbeddedDecl {
  propertyName: string;
  target: string;
  /** The `prefix` option: undefined/true → property name, ''/false → none, string → itself. */
  prefix?: string | boolean;
  node: Node;
}

export interface JoinColumnSpec {
  name?: string;
  referencedColumnName?: string;
}

export interface JoinTableSpec {
  name?: string;
  schema?: string;
  joinColumns?: JoinColumnSpec[];
  inverseJoinColumns?: JoinColumnSpec[];
}

export type RelationKind = 'many-to-one' | 'one-to-one' | 'one-to-many' | 'many-to-many';

export interface RelationDecl {
  kind: RelationKind;
  propertyName: string;
  /** Target entity: a class name (or an entity name given as a string). */
  target?: string;
  /** Present when @JoinColumn is on the property (an empty list for `@JoinColumn()`). */
  joinColumns?: JoinColumnSpec[];
  joinTable?: JoinTableSpec;
  createForeignKeyConstraints: boolean;
  primary: boolean;
  comment?: string;
  mark?: Mark;
  node: Node;
}

/** @Unique / @Index({ unique: true }) over property names. */
export interface UniqueDecl {
  properties: string[];
  node: Node;
}

/** @TableInheritance: the table also holds the columns of the entity's @ChildEntity subclasses. */
export interface InheritanceDecl {
  /** The discriminator column (`column` option); TypeORM adds none without it. */
  column?: ColumnDecl;
  node: Node;
}

export type TreeType = 'adjacency-list' | 'closure-table' | 'nested-set' | 'materialized-path';

/** How a closure table names a column from the entity's primary column (`ancestorColumnName`). */
export type ColumnNamer = ({ text: string } | { of: 'propertyName' | 'databaseName' })[];

/** @Tree(type, options) */
export interface TreeDecl {
  /** Undefined when the type is not a literal (reported). */
  type?: TreeType;
  closureTableName?: string;
  closureTableSchema?: string;
  ancestorColumnName?: ColumnNamer;
  descendantColumnName?: ColumnNamer;
  node: Node;
}

export interface ClassModel {
  name: string;
  unit: TsUnit;
  node: ClassDeclaration;
  entity?: EntityDecl;
  inheritance?: InheritanceDecl;
  tree?: TreeDecl;
  /** The class it extends (original name, import alias undone). */
  baseName?: string;
  columns: ColumnDecl[];
  embeddeds: EmbeddedDecl[];
  relations: RelationDecl[];
  uniques: UniqueDecl[];
  /** Member order, so columns keep the order they are written in. */
  order: (ColumnDecl | EmbeddedDecl)[];
}

const COLUMN_DECORATORS = new Set([
  'Column',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'CreateDateColumn',
  'UpdateDateColumn',
  'DeleteDateColumn',
  'VersionColumn',
  'ObjectIdColumn',
  'ViewColumn',
  'TreeLevelColumn',
]);
const RELATION_DECORATORS: Record<string, RelationKind> = {
  ManyToOne: 'many-to-one',
  OneToOne: 'one-to-one',
  OneToMany: 'one-to-many',
  ManyToMany: 'many-to-many',
};
/** TypeORM decorators that add nothing to the catalog (no column, key or link). */
const IRRELEVANT = new Set([
  'Generated',
  'RelationId',
  'RelationCount',
  'VirtualColumn',
  'Check',
  'Exclusion',
  'EventSubscriber',
  'AfterLoad',
  'AfterInsert',
  'AfterUpdate',
  'AfterRemove',
  'AfterSoftRemove',
  'AfterRecover',
  'BeforeInsert',
  'BeforeUpdate',
  'BeforeRemove',
  'BeforeSoftRemove',
  'BeforeRecover',
  'EntityRepository',
  'DeleteDateColumnOptions',
  'ForeignKey',
]);
/** @TreeParent is a many-to-one, @TreeChildren a one-to-many, to the class that declares them. */
const TREE_RELATIONS: Record<string, RelationKind> = { TreeParent: 'many-to-one', TreeChildren: 'one-to-many' };
const TREE_TYPES = new Set<string>(['adjacency-list', 'closure-table', 'nested-set', 'materialized-path']);

export function isTypeOrmModule(specifier: string): boolean {
  return specifier === 'typeorm' || specifier.startsWith('typeorm/');
}

/** Collects the decorated classes of one file. */
export function collectClasses(unit: TsUnit, diagnostics: Diagnostic[], index?: DecoratorIndex): ClassModel[] {
  const imports = importsFrom(unit.file, isTypeOrmModule);
  const collector = new FileCollector(unit, imports, diagnostics, index);
  return unit.file
    .getClasses()
    .map((cls) => collector.classModel(cls))
    .filter((c): c is ClassModel => !!c);
}

interface DecoratorCall {
  /** TypeORM's exported name (`Column`), or undefined when not from 'typeorm'. */
  name?: string;
  /** The name as written, for messages. */
  written: string;
  args: Node[];
  node: Decorator;
  /** Spreads of a wrapper's parameters in its options (`{ …, ...options }`): the call site's options are read instead. */
  quietSpreads?: Set<string>;
  /** For a call a wrapper makes: the wrapper, for messages. */
  via?: string;
  /** For a call a wrapper makes: its parameters, as the call site passes them. */
  parameters?: Map<string, Node | undefined>;
}

class FileCollector {
  private readonly aliases: Map<string, string>;
  private readonly constants: Map<string, string>;

  constructor(
    private readonly unit: TsUnit,
    private readonly imports: ModuleImports,
    private readonly diagnostics: Diagnostic[],
    private readonly index?: DecoratorIndex,
  ) {
    this.aliases = importAliases(unit.file);
    this.constants = stringConstants(unit.file);
  }

  classModel(cls: ClassDeclaration): ClassModel | undefined {
    const name = cls.getName();
    const model: ClassModel = {
      name: name ?? '',
      unit: this.unit,
      node: cls,
      columns: [],
      embeddeds: [],
      relations: [],
      uniques: [],
      order: [],
    };
    let typeorm = false;
    for (const dec of cls.getDecorators()) {
      const written = this.decoratorCall(dec);
      for (const call of written ? this.expand(written, true) : []) {
        if (!call.name) continue;
        typeorm = true;
        if (call.name === 'Entity' || call.name === 'ViewEntity') model.entity = this.entityDecl(call, cls);
        else if (call.name === 'ChildEntity') model.entity = { kind: 'child', node: call.node };
        else if (call.name === 'TableInheritance') model.inheritance = this.inheritanceDecl(call);
        else if (call.name === 'Tree') model.tree = this.treeDecl(call);
        else if (call.name === 'Unique' || call.name === 'Index') this.classUnique(call, model);
      }
    }
    const ext = cls.getExtends()?.getExpression();
    if (ext) {
      // TypeORM's own base classes (BaseEntity) declare no columns
      if (Node.isIdentifier(ext)) {
        if (!importedName(ext, this.imports)) model.baseName = this.aliases.get(ext.getText()) ?? ext.getText();
      } else if (model.entity) this.unsupported(ext, said('diag.typeorm.baseNotClass', ext.getText()));
    }
    for (const prop of cls.getProperties()) {
      if (this.propertyMembers(prop.getName(), prop, model)) typeorm = true;
    }
    if (!typeorm && !model.columns.length) return undefined;
    if (!name) {
      this.unsupported(cls, said('diag.typeorm.anonymous'));
    }
    return model;
  }

  private decoratorCall(dec: Decorator): DecoratorCall | undefined {
    const expr = dec.getExpression();
    let callee: Node;
    let args: Node[] = [];
    if (Node.isCallExpression(expr)) {
      callee = expr.getExpression();
      args = expr.getArguments();
    } else {
      callee = expr;
    }
    if (!Node.isIdentifier(callee) && !Node.isPropertyAccessExpression(callee)) {
      this.unsupported(dec, said('diag.typeorm.computedDecorator', expr.getText()));
      return undefined;
    }
    return { name: importedName(callee, this.imports), written: callee.getText(), args, node: dec };
  }

  private entityDecl(call: DecoratorCall, cls: ClassDeclaration): EntityDecl {
    const decl: EntityDecl = { kind: call.name === 'ViewEntity' ? 'view' : 'table', node: call.node };
    const [first, second] = call.args;
    let options: ObjectLiteralExpression | undefined;
    if (first && Node.isObjectLiteralExpression(unwrap(first))) {
      options = unwrap(first) as ObjectLiteralExpression;
    } else if (first) {
      decl.givenName = this.nameValue(first, `@${call.written} name`);
      if (second && Node.isObjectLiteralExpression(unwrap(second))) options = unwrap(second) as ObjectLiteralExpression;
    }
    if (options) {
      const { props } = this.options(options, `@${call.written}`);
      const name = props.get('name');
      if (name) decl.givenName = this.nameValue(name.value, `@${call.written} name`);
      const schema = props.get('schema');
      if (schema) decl.schema = this.nameValue(schema.value, `@${call.written} schema`);
      const comment = props.get('comment');
      if (comment) decl.comment = staticString(comment.value, this.constants);
      const expression = props.get('expression');
      if (expression) decl.expression = expression.value;
    }
    decl.comment = joinComments(decl.comment, jsDocBefore(cls)?.text);
    return decl;
  }

  /** `@TableInheritance({ column: { type: 'varchar', name: 'type' } })` or `{ column: 'type' }` */
  private inheritanceDecl(call: DecoratorCall): InheritanceDecl {
    const decl: InheritanceDecl = { node: call.node };
    const arg = call.args[0];
    if (!arg) return decl;
    const expr = unwrap(arg);
    if (!Node.isObjectLiteralExpression(expr)) {
      this.unsupported(arg, said('diag.typeorm.inheritanceOptions', call.written, arg.getText()));
      return decl;
    }
    const { props } = this.options(expr, `@${call.written}`);
    const pattern = props.get('pattern');
    if (pattern && literalString(pattern.value) !== 'STI')
      this.unsupported(pattern.node, said('diag.typeorm.inheritancePattern', call.written, pattern.value.getText()));
    const column = props.get('column');
    if (!column) return decl;
    const value = unwrap(column.value);
    const name = staticString(value, this.constants);
    if (name !== undefined) {
      decl.column = {
        propertyName: name,
        givenName: name,
        decorator: 'Column',
        primary: false,
        unique: false,
        viewColumn: false,
        node: column.node,
      };
    } else if (Node.isObjectLiteralExpression(value)) {
      const c = this.columnDecl(
        { name: 'Column', written: `${call.written} column`, args: [value], node: call.node },
        'type',
        undefined,
        undefined,
      );
      // TypeORM names the discriminator's property after the column's `name`, 'type' by default
      decl.column = { ...c, propertyName: c.givenName ?? 'type', node: column.node };
    } else {
      this.unsupported(column.node, said('diag.typeorm.discriminatorColumn', call.written, column.value.getText()));
    }
    return decl;
  }

  /** `@Tree('closure-table', { closureTableName, ancestorColumnName: (c) => … })` */
  private treeDecl(call: DecoratorCall): TreeDecl {
    const decl: TreeDecl = { node: call.node };
    const [type, options] = call.args;
    const written = type ? literalString(type) : undefined;
    if (written !== undefined && TREE_TYPES.has(written)) decl.type = written as TreeType;
    else {
      this.unsupported(
        type ?? call.node,
        said('diag.typeorm.treeType', call.written, type ? `\`${type.getText()}\`` : part('diag.typeorm.none')),
      );
      return decl;
    }
    const expr = options ? unwrap(options) : undefined;
    if (decl.type !== 'closure-table' || !expr) return decl; // TypeORM keeps options for closure tables only
    if (!Node.isObjectLiteralExpression(expr)) {
      this.unsupported(expr, said('diag.typeorm.treeOptions', call.written, expr.getText()));
      return decl;
    }
    const { props } = this.options(expr, `@${call.written}`);
    const name = props.get('closureTableName');
    if (name) decl.closureTableName = this.nameValue(name.value, `@${call.written} closureTableName`);
    const schema = props.get('closureTableSchema');
    if (schema) decl.closureTableSchema = this.nameValue(schema.value, `@${call.written} closureTableSchema`);
    for (const key of ['ancestorColumnName', 'descendantColumnName'] as const) {
      const p = props.get(key);
      if (!p) continue;
      const namer = columnNamer(p.value);
      if (namer) decl[key] = namer;
      else this.unsupported(p.node, said('diag.typeorm.closureNamer', call.written, key, p.value.getText()));
    }
    return decl;
  }

  private classUnique(call: DecoratorCall, model: ClassModel): void {
    let args = call.args;
    if (args[0] && literalString(args[0]) !== undefined) args = args.slice(1); // constraint/index name
    const [fields, options] = args;
    if (call.name === 'Index') {
      const opts =
        options && Node.isObjectLiteralExpression(unwrap(options))
          ? objectProps(unwrap(options) as ObjectLiteralExpression)
          : undefined;
      const unique = opts?.props.get('unique');
      if (!unique || literalBoolean(unique.value) !== true) return; // a plain index adds no key
    }
    if (!fields) return;
    const properties = this.propertyList(fields);
    if (properties) model.uniques.push({ properties, node: call.node });
    else this.unsupported(fields, said('diag.typeorm.uniqueColumns', call.written, fields.getText()));
  }

  /** `['a', 'b']` or `(e) => [e.a, e.b]` / `(e) => ({ a: e.a })` */
  private propertyList(node: Node): string[] | undefined {
    const expr = unwrap(node);
    if (Node.isArrayLiteralExpression(expr)) {
      const names = expr.getElements().map((e) => literalString(e));
      return names.every((n): n is string => n !== undefined) ? names : undefined;
    }
    if (Node.isArrowFunction(expr)) {
      const body = unwrap(expr.getBody());
      const items = Node.isArrayLiteralExpression(body)
        ? body.getElements()
        : Node.isObjectLiteralExpression(body)
          ? body.getProperties().map((p) => (Node.isPropertyAssignment(p) ? p.getInitializer() : undefined))
          : undefined;
      if (!items) return undefined;
      const names = items.map((e) =>
        e && Node.isPropertyAccessExpression(unwrap(e))
          ? (unwrap(e) as import('ts-morph').PropertyAccessExpression).getName()
          : undefined,
      );
      return names.every((n): n is string => n !== undefined) ? names : undefined;
    }
    return undefined;
  }

  /** Reads the TypeORM decorators of one property. Returns whether any was found. */
  private propertyMembers(
    propertyName: string,
    prop: Node & { getDecorators(): Decorator[] },
    model: ClassModel,
  ): boolean {
    const calls = prop
      .getDecorators()
      .map((d) => this.decoratorCall(d))
      .filter((c): c is DecoratorCall => !!c);
    const unresolved: { decorator: string; reason: Said }[] = [];
    const typeormCalls = calls.flatMap((c) => this.expand(c, false, unresolved)).filter((c) => c.name);
    if (!typeormCalls.length) {
      if (!unresolved.length) return false;
      // Never dropped: a property under a decorator spif cannot follow is still a column.
      const first = nth(unresolved, 0);
      const tsType = Node.isPropertyDeclaration(prop) ? prop.getTypeNode()?.getText() : undefined;
      const doc = jsDocBefore(prop);
      const decl: ColumnDecl = {
        propertyName,
        decorator: first.decorator,
        tsType,
        primary: false,
        unique: false,
        viewColumn: false,
        mark: doc?.mark,
        comment: doc?.text,
        node: calls.find((c) => c.written === first.decorator)?.node ?? prop,
        unresolved: { ...first, assumedPrimary: /primary/i.test(first.decorator) },
      };
      decl.primary = decl.unresolved!.assumedPrimary;
      model.columns.push(decl);
      model.order.push(decl);
      return false; // not a TypeORM class on this alone: kept for the entities that extend or embed it
    }
    const doc = jsDocBefore(prop);
    if (doc?.unknownTag) this.unsupported(prop, said('diag.typeorm.unknownTag', doc.unknownTag));
    const tsType = Node.isPropertyDeclaration(prop) ? prop.getTypeNode()?.getText() : undefined;

    let column: ColumnDecl | undefined;
    let relation: RelationDecl | undefined;
    const joinColumns: JoinColumnSpec[] = [];
    let hasJoinColumn = false;
    let joinTable: JoinTableSpec | undefined;
    let unique = false;
    for (const call of typeormCalls) {
      const name = call.name!;
      if (COLUMN_DECORATORS.has(name)) {
        const embedded = name === 'Column' ? this.embedded(call, propertyName) : undefined;
        if (embedded) {
          model.embeddeds.push(embedded);
          model.order.push(embedded);
        } else {
          column = this.columnDecl(call, propertyName, doc, tsType);
        }
      } else if (RELATION_DECORATORS[name]) {
        relation = this.relationDecl(call, RELATION_DECORATORS[name], propertyName, doc);
      } else if (TREE_RELATIONS[name]) {
        // its options (onDelete, cascade) name no target
        const rel = this.relationDecl({ ...call, args: [] }, TREE_RELATIONS[name], propertyName, doc);
        relation = { ...rel, target: model.name };
      } else if (name === 'JoinColumn') {
        hasJoinColumn = true;
        joinColumns.push(...this.joinColumnSpecs(call.args[0], '@JoinColumn'));
      } else if (name === 'JoinTable') {
        joinTable = this.joinTableSpec(call);
      } else if (name === 'Unique') {
        unique = true;
      } else if (name === 'Index') {
        const opts = call.args.find((a) => Node.isObjectLiteralExpression(unwrap(a)));
        const u = opts ? objectProps(unwrap(opts) as ObjectLiteralExpression).props.get('unique') : undefined;
        if (u && literalBoolean(u.value) === true) unique = true;
      } else if (!IRRELEVANT.has(name)) {
        this.unsupported(call.node, said('diag.typeorm.decoratorNotRead', call.written));
      }
    }
    if (column) {
      column.unique ||= unique;
      model.columns.push(column);
      model.order.push(column);
    }
    if (relation) {
      if (hasJoinColumn) relation.joinColumns = joinColumns;
      if (joinTable) relation.joinTable = joinTable;
      model.relations.push(relation);
    } else if (hasJoinColumn || joinTable) {
      this.unsupported(prop, said('diag.typeorm.joinWithoutRelation', propertyName));
    }
    return true;
  }

  /**
   * A decorator as TypeORM sees it: TypeORM's own as written, a project wrapper as the TypeORM
   * calls it makes (wrappers.ts), nothing for validation/serialisation packages. A wrapper that
   * cannot be followed is recorded in `unresolved` (for properties) or reported (for classes).
   */
  private expand(
    call: DecoratorCall,
    onClass: boolean,
    unresolved?: { decorator: string; reason: Said }[],
  ): DecoratorCall[] {
    if (call.name || !this.index) return [call];
    const expr = call.node.getExpression();
    const callee = Node.isCallExpression(expr) ? expr.getExpression() : expr;
    const r = this.index.resolve(callee, call.args, this.unit);
    if (r.kind === 'foreign') return [];
    if (r.kind === 'unresolved') {
      if (onClass) {
        if (/Entity|Table/.test(call.written))
          this.unsupported(call.node, said('diag.typeorm.classDecoratorUnresolved', call.written, r.reason.text));
      } else unresolved?.push({ decorator: call.written, reason: r.reason });
      return [];
    }
    return r.calls.map((c) => ({
      name: c.name,
      written: `${call.written} → ${c.name}`,
      args: c.args,
      node: call.node,
      quietSpreads: c.spreadParameters,
      parameters: c.parameters,
      via: call.written,
    }));
  }

  private embedded(call: DecoratorCall, propertyName: string): EmbeddedDecl | undefined {
    const [first, second] = call.args;
    if (!first) return undefined;
    const fn = unwrap(first);
    if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return undefined;
    const target = this.thunkTarget(fn);
    if (!target) {
      this.unsupported(first, said('diag.typeorm.embeddedType', first.getText(), propertyName));
      return { propertyName, target: '', node: call.node };
    }
    const decl: EmbeddedDecl = { propertyName, target, node: call.node };
    if (second && Node.isObjectLiteralExpression(unwrap(second))) {
      const prefix = this.options(unwrap(second) as ObjectLiteralExpression, '@Column').props.get('prefix');
      if (prefix) {
        const s = literalString(prefix.value);
        const b = literalBoolean(prefix.value);
        if (s !== undefined) decl.prefix = s;
        else if (b !== undefined) decl.prefix = b;
        else this.unsupported(prefix.node, said('diag.typeorm.embeddedPrefix', prefix.value.getText()));
      }
    }
    return decl;
  }

  private columnDecl(
    call: DecoratorCall,
    propertyName: string,
    doc: DocComment | undefined,
    tsType: string | undefined,
  ): ColumnDecl {
    const name = call.name!;
    const decl: ColumnDecl = {
      propertyName,
      decorator: name,
      tsType,
      primary: name === 'PrimaryColumn' || name === 'PrimaryGeneratedColumn',
      unique: false,
      viewColumn: name === 'ViewColumn',
      mark: doc?.mark,
      node: call.node,
    };
    let commentOption: string | undefined;
    for (const arg of call.args) {
      const expr = unwrap(arg);
      if (Node.isObjectLiteralExpression(expr)) {
        const { props } = this.substituted(this.options(expr, `@${call.written}`, call.quietSpreads), call);
        const given = props.get('name');
        if (given) decl.givenName = this.nameValue(given.value, part('diag.typeorm.columnNameOf', propertyName));
        const type = props.get('type');
        if (type) decl.type = literalString(type.value) ?? type.value.getText();
        for (const key of ['length', 'precision', 'scale'] as const) {
          const v = props.get(key);
          const n = v ? Number(literalString(v.value) ?? v.value.getText()) : NaN;
          if (Number.isFinite(n)) decl[key] = n;
        }
        const comment = props.get('comment');
        if (comment) {
          commentOption = staticString(comment.value, this.constants);
          if (commentOption === undefined)
            this.unsupported(comment.node, said('diag.typeorm.commentNotLiteral', comment.value.getText()));
        }
        const unique = props.get('unique');
        if (unique && literalBoolean(unique.value) === true) decl.unique = true;
        const primary = props.get('primary');
        if (primary && literalBoolean(primary.value) === true) decl.primary = true;
      } else {
        const type = literalString(expr);
        if (type !== undefined) {
          // PrimaryGeneratedColumn('uuid') names a strategy, other decorators a column type
          if (name === 'PrimaryGeneratedColumn') decl.strategy = type;
          else decl.type = type;
        } else {
          decl.type = expr.getText();
        }
      }
    }
    decl.comment = joinComments(commentOption, doc?.text);
    return decl;
  }

  private relationDecl(
    call: DecoratorCall,
    kind: RelationKind,
    propertyName: string,
    doc: DocComment | undefined,
  ): RelationDecl {
    const decl: RelationDecl = {
      kind,
      propertyName,
      createForeignKeyConstraints: true,
      primary: false,
      node: call.node,
      comment: doc?.text,
      mark: doc?.mark,
    };
    const [target, ...rest] = call.args;
    if (target) {
      const expr = unwrap(target);
      const name =
        literalString(expr) ??
        (Node.isArrowFunction(expr) || Node.isFunctionExpression(expr) ? this.thunkTarget(expr) : undefined) ??
        (Node.isIdentifier(expr) ? (this.aliases.get(expr.getText()) ?? expr.getText()) : undefined);
      if (name) decl.target = name;
      else this.unsupported(target, said('diag.typeorm.targetNotClass', target.getText(), propertyName));
    }
    const options = rest.map(unwrap).find((a) => Node.isObjectLiteralExpression(a));
    if (options) {
      const { props } = this.options(options, `@${call.written}`);
      const fk = props.get('createForeignKeyConstraints');
      if (fk && literalBoolean(fk.value) === false) decl.createForeignKeyConstraints = false;
      const primary = props.get('primary');
      if (primary && literalBoolean(primary.value) === true) decl.primary = true;
    }
    return decl;
  }

  /** `() => Target`, `(type) => Target`, `function () { return Target }` → 'Target' */
  private thunkTarget(fn: Node): string | undefined {
    let body: Node | undefined;
    if (Node.isArrowFunction(fn)) body = fn.getBody();
    else if (Node.isFunctionExpression(fn)) body = fn.getBody();
    if (body && Node.isBlock(body)) {
      const ret = body.getStatements().find((s) => Node.isReturnStatement(s));
      body = ret && Node.isReturnStatement(ret) ? ret.getExpression() : undefined;
    }
    if (!body) return undefined;
    const expr = unwrap(body);
    if (Node.isIdentifier(expr)) return this.aliases.get(expr.getText()) ?? expr.getText();
    if (Node.isPropertyAccessExpression(expr) && Node.isIdentifier(expr.getExpression())) return expr.getName(); // ns.Target
    return literalString(expr);
  }

  private joinColumnSpecs(arg: Node | undefined, what: string): JoinColumnSpec[] {
    if (!arg) return [];
    const expr = unwrap(arg);
    if (Node.isArrayLiteralExpression(expr)) return expr.getElements().flatMap((e) => this.joinColumnSpecs(e, what));
    if (!Node.isObjectLiteralExpression(expr)) {
      this.unsupported(arg, said('diag.typeorm.joinOptions', what, arg.getText()));
      return [];
    }
    const { props } = this.options(expr, what);
    const spec: JoinColumnSpec = {};
    const name = props.get('name');
    if (name) spec.name = this.nameValue(name.value, `${what} name`);
    const ref = props.get('referencedColumnName');
    if (ref) spec.referencedColumnName = this.nameValue(ref.value, `${what} referencedColumnName`);
    return [spec];
  }

  private joinTableSpec(call: DecoratorCall): JoinTableSpec {
    const spec: JoinTableSpec = {};
    const arg = call.args[0];
    if (!arg) return spec;
    const expr = unwrap(arg);
    if (!Node.isObjectLiteralExpression(expr)) {
      this.unsupported(arg, said('diag.typeorm.joinTableOptions', arg.getText()));
      return spec;
    }
    const { props } = this.options(expr, '@JoinTable');
    const name = props.get('name');
    if (name) spec.name = this.nameValue(name.value, '@JoinTable name');
    const schema = props.get('schema');
    if (schema) spec.schema = this.nameValue(schema.value, '@JoinTable schema');
    for (const [key, field] of [
      ['joinColumn', 'joinColumns'],
      ['joinColumns', 'joinColumns'],
      ['inverseJoinColumn', 'inverseJoinColumns'],
      ['inverseJoinColumns', 'inverseJoinColumns'],
    ] as const) {
      const p = props.get(key);
      if (p) spec[field] = [...(spec[field] ?? []), ...this.joinColumnSpecs(p.value, `@JoinTable ${key}`)];
    }
    return spec;
  }

  /** Option values that name a wrapper's parameter (`{ length }`) are what the call site passes. */
  private substituted(parsed: ReturnType<typeof objectProps>, call: DecoratorCall): ReturnType<typeof objectProps> {
    if (!call.parameters?.size) return parsed;
    const props = new Map<string, { value: Expression; node: Node }>();
    for (const [key, prop] of parsed.props) {
      const v = unwrap(prop.value);
      if (Node.isIdentifier(v) && call.parameters.has(v.getText())) {
        const passed = call.parameters.get(v.getText());
        if (passed) props.set(key, { value: passed as Expression, node: prop.node });
      } else props.set(key, prop);
    }
    return { ...parsed, props };
  }

  /** Option object properties; spreads and computed keys are reported, the rest is read. */
  private options(obj: ObjectLiteralExpression, what: string, quietSpreads?: Set<string>) {
    const parsed = objectProps(obj);
    for (const d of parsed.dynamic) {
      if (quietSpreads && Node.isSpreadAssignment(d) && quietSpreads.has(unwrap(d.getExpression()).getText())) continue;
      this.unsupported(d, said('diag.typeorm.dynamicOption', what, d.getText()));
    }
    return parsed;
  }

  /** A name given as a literal or a string constant; anything else is reported. */
  private nameValue(expr: Node, what: TextArg): string | undefined {
    const value = staticString(expr, this.constants);
    if (value === undefined) {
      this.unsupported(expr, said('diag.typeorm.nameNotConstant', what, expr.getText()));
    }
    return value;
  }

  private unsupported(node: Node, message: Said): void {
    // A node of a wrapper declared in another file is located in that file.
    const unit = this.index?.unitOf(node) ?? this.unit;
    this.diagnostics.push(diagnosticAt(unit, node, 'warning', UNSUPPORTED, said('diag.typeorm', message.text)));
  }
}

/** `(column) => 'ancestor_' + column.propertyName` (or a template literal) as parts; undefined when computed otherwise. */
function columnNamer(node: Node): ColumnNamer | undefined {
  const fn = unwrap(node);
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return undefined;
  const [param] = fn.getParameters();
  let body: Node | undefined = fn.getBody();
  if (Node.isBlock(body)) {
    const statements = body.getStatements();
    body = statements.length === 1 && Node.isReturnStatement(statements[0]) ? statements[0].getExpression() : undefined;
  }
  const paramName = param?.getName();
  const parts = (expr: Node): ColumnNamer | undefined => {
    const e = unwrap(expr);
    const text = literalString(e);
    if (text !== undefined) return [{ text }];
    if (Node.isPropertyAccessExpression(e) && e.getExpression().getText() === paramName) {
      const of = e.getName();
      return of === 'propertyName' || of === 'databaseName' ? [{ of }] : undefined;
    }
    if (Node.isBinaryExpression(e) && e.getOperatorToken().getText() === '+') {
      const left = parts(e.getLeft());
      const right = parts(e.getRight());
      return left && right ? [...left, ...right] : undefined;
    }
    if (Node.isTemplateExpression(e)) {
      const out: ColumnNamer = [{ text: e.getHead().getLiteralText() }];
      for (const span of e.getTemplateSpans()) {
        const inner = parts(span.getExpression());
        if (!inner) return undefined;
        out.push(...inner, { text: span.getLiteral().getLiteralText() });
      }
      return out;
    }
    return undefined;
  };
  return paramName && body ? parts(body) : undefined;
}
