/**
 * Turns collected TypeORM declarations into catalog operations, naming everything as TypeORM's
 * DefaultNamingStrategy would store it: entity and view tables, inherited and embedded columns,
 * join columns of owning ManyToOne/OneToOne relations, and junction tables of ManyToMany.
 */
import type { CatalogOp } from '../../catalog/ops.js';
import {
  defaultSchema,
  type Column,
  type ForeignKey,
  type SourceLocation,
  type ViewDefinition,
} from '../../catalog/model.js';
import type { Dialect } from '../../dialect.js';
import { type Diagnostic, type Said, listOf, part, said, shortList } from '../../diagnostics.js';
import {
  declaredClass,
  dedupeKeys,
  diagnosticAt,
  literalString,
  locate,
  pgTypeName,
  type TsUnit,
  type ViewLineage,
} from '../ts-project.js';
import type { ReadContext } from '../types.js';
import {
  UNSUPPORTED,
  type ClassModel,
  type ColumnDecl,
  type JoinColumnSpec,
  type Mark,
  type RelationDecl,
} from './declarations.js';
import { naming } from './naming.js';
import { closureTable, treeColumns } from './trees.js';
import { Node } from 'ts-morph';
import { nth } from '../../indexed.js';

export interface ResolvedColumn {
  propertyName: string;
  /** The declaring decorator (for join columns, the relation's property has none). */
  decorator?: string;
  databaseName: string;
  type?: string;
  /** The type a column referencing this one gets (serial → int4). */
  refType?: string;
  comment?: string;
  mark?: Mark;
  primary: boolean;
  unique: boolean;
  viewColumn: boolean;
  at: SourceLocation;
  /** Declared by a decorator spif could not follow (declarations.ts), in class `owner`. */
  unresolved?: NonNullable<ColumnDecl['unresolved']> & { owner?: string };
}

export const UNRESOLVED_DECORATOR = 'SPIF-ORM-DECORATOR-UNRESOLVED';
export const EMBEDDED_EMPTY = 'SPIF-ORM-EMBEDDED-EMPTY';

interface ResolvedEntity {
  cls: ClassModel;
  table: string;
  schema: string;
  columns: ResolvedColumn[];
  foreignKeys: ForeignKey[];
  uniqueKeys: string[][];
}

export interface BuildOptions {
  ctx: ReadContext;
  viewLineage?: ViewLineage;
  /** Every parsed file, entities' and companions', for classes that declare no TypeORM member. */
  units?: TsUnit[];
}

export async function buildOps(
  classes: ClassModel[],
  options: BuildOptions,
  diagnostics: Diagnostic[],
): Promise<CatalogOp[]> {
  const builder = new EntityBuilder(classes, options, diagnostics);
  return builder.ops();
}

class EntityBuilder {
  private readonly byName = new Map<string, ClassModel[]>();
  private readonly byNode = new Map<Node, ClassModel>();
  /** Properties under decorators spif cannot follow, one diagnostic per decorator and reason. */
  private readonly unresolved = new Map<string, { first: ResolvedColumn; uses: Map<string, string> }>();
  /** Embedded classes found but declaring no column (custom-field classes filled at runtime). */
  private readonly emptyEmbeddeds = new Map<string, { cls: ClassModel; node: Node }>();
  private readonly resolved = new Map<ClassModel, ResolvedEntity>();
  private readonly inProgress = new Set<ClassModel>();
  /** A @ChildEntity's single-table-inheritance parent (undefined: none found, reported). */
  private readonly roots = new Map<ClassModel, ClassModel | undefined>();
  private readonly schema: string;

  constructor(
    private readonly classes: ClassModel[],
    private readonly options: BuildOptions,
    private readonly diagnostics: Diagnostic[],
  ) {
    for (const cls of classes) {
      this.byNode.set(cls.node, cls);
      if (!cls.name) continue;
      const list = this.byName.get(cls.name) ?? [];
      list.push(cls);
      this.byName.set(cls.name, list);
    }
    this.schema = defaultSchema(options.ctx.dialect);
  }

  async ops(): Promise<CatalogOp[]> {
    const ops: CatalogOp[] = [];
    for (const cls of this.classes) {
      if (cls.entity?.kind === 'table') {
        const e = this.entity(cls);
        const primaryKey = e.columns.filter((c) => c.primary);
        ops.push({
          op: 'create-table',
          at: locate(cls.unit, cls.entity.node),
          name: { schema: e.schema, name: e.table },
          columns: e.columns.map(toColumn),
          primaryKey: keyOrUndefined(primaryKey.map((c) => c.databaseName)),
          uniqueKeys: e.uniqueKeys,
          foreignKeys: e.foreignKeys,
          ...(cls.entity.comment ? { comment: cls.entity.comment } : {}),
        });
        if (cls.tree?.type === 'closure-table') ops.push(this.closure(cls, e, primaryKey));
      } else if (cls.entity?.kind === 'child') {
        this.childWithoutRoot(cls);
        if (cls.tree) this.warn(cls, cls.tree.node, said('diag.typeorm.treeOnChild', cls.name));
      } else if (cls.entity?.kind === 'view') {
        ops.push(await this.view(cls));
      }
    }
    for (const cls of this.classes) {
      if (cls.entity?.kind === 'table') ops.push(...this.junctions(cls));
    }
    this.reportUnresolved();
    this.reportEmptyEmbeddeds();
    return ops;
  }

  // ---- entities -------------------------------------------------------------------------------

  private tableName(cls: ClassModel): { schema: string; table: string } {
    const owner = this.tableOwner(cls);
    return {
      schema: owner.entity?.schema ?? this.schema,
      table: naming.tableName(owner.name, owner.entity?.givenName),
    };
  }

  private entity(cls: ClassModel): ResolvedEntity {
    const done = this.resolved.get(cls);
    if (done) return done;
    const owner = this.tableOwner(cls);
    if (owner !== cls) return this.entity(owner);
    this.inProgress.add(cls);
    const { schema, table } = this.tableName(cls);
    const columns = this.tableColumns(cls);
    this.unresolvedColumns(cls, columns);
    const entity: ResolvedEntity = { cls, schema, table, columns, foreignKeys: [], uniqueKeys: [] };
    for (const rel of this.tableRelations(cls)) this.owningRelation(entity, rel.rel, rel.owner);
    entity.uniqueKeys = this.uniqueKeys(entity);
    this.inProgress.delete(cls);
    this.resolved.set(cls, entity);
    return entity;
  }

  // ---- single-table inheritance and trees -----------------------------------------------------

  /**
   * The entity whose table holds this class: for a @ChildEntity, the nearest base class that is an
   * @Entity with @TableInheritance (TypeORM's parentEntityMetadata); otherwise the class itself.
   */
  private tableOwner(cls: ClassModel): ClassModel {
    return cls.entity?.kind === 'child' ? (this.stiRoot(cls) ?? cls) : cls;
  }

  private stiRoot(cls: ClassModel): ClassModel | undefined {
    if (!this.roots.has(cls)) {
      const root = this.lineage(cls)
        .reverse()
        .find((c) => c !== cls && c.entity?.kind === 'table' && c.inheritance);
      this.roots.set(cls, root);
    }
    return this.roots.get(cls);
  }

  /** The root and its @ChildEntity classes, in the order they were read: one table. */
  private tableClasses(root: ClassModel): ClassModel[] {
    if (!root.inheritance) return [root];
    return [root, ...this.classes.filter((c) => c.entity?.kind === 'child' && this.stiRoot(c) === root)];
  }

  /**
   * The table's columns: the entity's own and inherited, every child entity's (single-table
   * inheritance stores them all in the parent's table), the discriminator, and a tree's columns.
   */
  private tableColumns(root: ClassModel): ResolvedColumn[] {
    const columns = this.columns(root, [], new Set());
    const add = (c: ResolvedColumn) => {
      if (!columns.some((x) => x.propertyName === c.propertyName)) columns.push(c);
    };
    for (const child of this.tableClasses(root).slice(1)) this.columns(child, [], new Set()).forEach(add);
    // TypeORM keeps a property of the same name as the discriminator, or adds the column
    const discriminator = root.inheritance?.column;
    if (discriminator) add(this.column(root, discriminator, []));
    if (root.tree) treeColumns(root.tree).forEach((decl) => add(this.column(root, decl, [])));
    return columns;
  }

  /** Relations of the root and of its child entities, each once. */
  private tableRelations(root: ClassModel): { rel: RelationDecl; owner: ClassModel }[] {
    const seen = new Set<RelationDecl>();
    return this.tableClasses(root)
      .flatMap((c) => this.relations(c))
      .filter(({ rel }) => !seen.has(rel) && !!seen.add(rel));
  }

  private closure(cls: ClassModel, e: ResolvedEntity, primaryKey: ResolvedColumn[]): CatalogOp {
    const tree = cls.tree!;
    const at = locate(cls.unit, tree.node);
    const level = e.columns.find((c) => c.decorator === 'TreeLevelColumn');
    if (!primaryKey.length) this.warn(cls, tree.node, said('diag.typeorm.closureNoPrimary', e.table, cls.name));
    return closureTable(tree, { schema: e.schema, table: e.table, primaryKey, level: !!level }, at, level?.type);
  }

  /** A @ChildEntity with no single-table-inheritance parent: TypeORM has no table for it. */
  private childWithoutRoot(cls: ClassModel): void {
    if (this.stiRoot(cls)) return;
    const names = cls.columns.map((c) => naming.columnName(c.propertyName, c.givenName, []));
    this.warn(
      cls,
      cls.entity!.node,
      names.length
        ? said('diag.typeorm.childNoRoot.columns', cls.name, listOf(names))
        : said('diag.typeorm.childNoRoot.none', cls.name),
    );
  }

  /**
   * Columns under a decorator spif could not follow: kept, and said so once per entity. Without
   * any other primary key, an unresolved `id` is taken as the primary key (TypeORM entities need
   * one, and the many-to-one links to the entity reference it).
   */
  private unresolvedColumns(cls: ClassModel, columns: ResolvedColumn[]): void {
    const noKey = !columns.some((c) => c.primary && !c.unresolved);
    for (const c of columns) {
      if (!c.unresolved) continue;
      const primary = c.unresolved.assumedPrimary || (noKey && c.propertyName === 'id');
      if (noKey && primary) c.primary = true;
      else if (!c.unresolved.assumedPrimary) c.primary = false;
      const key = `${c.unresolved.decorator}\u0000${c.unresolved.reason.message}`;
      const group = this.unresolved.get(key) ?? { first: c, uses: new Map<string, string>() };
      this.unresolved.set(key, group);
      const at = `${c.at.file}:${c.at.line}:${c.at.column}`;
      if (!group.uses.has(at))
        group.uses.set(
          at,
          `\`${c.propertyName}\` of ${c.unresolved.owner ?? cls.name} as column ${c.databaseName}${c.type ? ` (${c.type}, from the TypeScript type)` : ''}${c.primary ? ', assumed the primary key' : ''}`,
        );
    }
  }

  /**
   * One warning per decorator (and reason), where it is first used, naming every property it
   * covers with its place: a runtime id strategy on fifty entities is one finding, not fifty.
   */
  private reportUnresolved(): void {
    for (const { first, uses } of this.unresolved.values()) {
      const list = [...uses].map(([at, what]) => part('diag.typeorm.use', what, at));
      const shown =
        list.length > 6
          ? part('diag.list.more', part('diag.list.semi', ...list.slice(0, 6)), list.length - 6)
          : part('diag.list.semi', ...list);
      this.diagnostics.push({
        severity: 'warning',
        code: UNRESOLVED_DECORATOR,
        ...first.at,
        ...(uses.size === 1
          ? said(
              'diag.typeorm.unresolvedProperties.one',
              first.unresolved!.decorator,
              first.unresolved!.reason.text,
              shown,
            )
          : said(
              'diag.typeorm.unresolvedProperties.many',
              first.unresolved!.decorator,
              first.unresolved!.reason.text,
              uses.size,
              shown,
            )),
      });
    }
  }

  private reportEmptyEmbeddeds(): void {
    const all = [...this.emptyEmbeddeds];
    if (!all.length) return;
    const [, first] = nth(all, 0);
    const names = all.map(([name]) => name);
    const shown = shortList(names, 8);
    this.diagnostics.push(
      diagnosticAt(
        first.cls.unit,
        first.node,
        'info',
        EMBEDDED_EMPTY,
        names.length === 1
          ? said('diag.typeorm.emptyEmbedded.one', shown)
          : said('diag.typeorm.emptyEmbedded.many', names.length, shown),
      ),
    );
  }

  /** Columns of a class: inherited first, then its own in written order, embeddeds expanded. */
  private columns(cls: ClassModel, prefixes: string[], visiting: Set<ClassModel>): ResolvedColumn[] {
    if (visiting.has(cls)) return [];
    visiting.add(cls);
    const base = cls.baseName
      ? this.findClass(cls.baseName, cls, cls.node.getExtends() ?? cls.node, 'base class')
      : undefined;
    const inherited = base ? this.columns(base, prefixes, visiting) : [];
    const own: ResolvedColumn[] = [];
    for (const member of cls.order) {
      if ('target' in member) {
        if (!member.target) continue;
        const type = this.findClass(member.target, cls, member.node, 'embedded class');
        if (!type) continue;
        const partial =
          member.prefix === undefined || member.prefix === true
            ? [member.propertyName]
            : member.prefix === '' || member.prefix === false
              ? []
              : [member.prefix];
        own.push(...this.columns(type, [...prefixes, ...partial], new Set(visiting)));
      } else {
        own.push(this.column(cls, member, prefixes));
      }
    }
    const overridden = new Set(own.map((c) => c.propertyName));
    visiting.delete(cls);
    return [...inherited.filter((c) => !overridden.has(c.propertyName)), ...own];
  }

  private column(cls: ClassModel, decl: ColumnDecl, prefixes: string[]): ResolvedColumn {
    const type = columnType(decl, this.options.ctx.dialect);
    return {
      propertyName: decl.propertyName,
      decorator: decl.decorator,
      databaseName: naming.columnName(decl.propertyName, decl.givenName, prefixes),
      type: type.type,
      refType: type.refType,
      comment: decl.comment,
      mark: decl.mark,
      primary: decl.primary,
      unique: decl.unique,
      viewColumn: decl.viewColumn,
      at: locate(cls.unit, decl.node),
      ...(decl.unresolved ? { unresolved: { ...decl.unresolved, owner: cls.name } } : {}),
    };
  }

  /** Relations of a class and its base classes (base first). */
  private relations(cls: ClassModel, visiting = new Set<ClassModel>()): { rel: RelationDecl; owner: ClassModel }[] {
    if (visiting.has(cls)) return [];
    visiting.add(cls);
    const base = cls.baseName ? this.quietClass(cls.baseName, cls) : undefined;
    const inherited = base ? this.relations(base, visiting) : [];
    for (const emb of cls.embeddeds) {
      const type = emb.target ? this.quietClass(emb.target, cls) : undefined;
      if (type?.relations.length) {
        this.warn(cls, emb.node, said('diag.typeorm.embeddedRelations', type.name));
      }
    }
    return [...inherited, ...cls.relations.map((rel) => ({ rel, owner: cls }))];
  }

  /** ManyToOne, and OneToOne with @JoinColumn: join columns on this table and a foreign key. */
  private owningRelation(entity: ResolvedEntity, rel: RelationDecl, owner: ClassModel): void {
    const owning = rel.kind === 'many-to-one' || (rel.kind === 'one-to-one' && rel.joinColumns !== undefined);
    if (!owning || !rel.target) return;
    const found = this.findEntity(rel.target, owner, rel.node);
    if (!found) return;
    const target = this.tableOwner(found);
    const targetColumns = this.inProgress.has(target)
      ? this.columns(target, [], new Set())
      : this.entity(target).columns;
    const referenced = this.referencedColumns(rel.joinColumns ?? [], targetColumns, target, owner, rel);
    if (!referenced) return;
    const names: string[] = [];
    for (const ref of referenced) {
      const spec = (rel.joinColumns ?? []).find(
        (j) => (!j.referencedColumnName || j.referencedColumnName === ref.propertyName) && j.name,
      );
      const name = spec?.name ?? naming.joinColumnName(rel.propertyName, ref.propertyName);
      names.push(name);
      if (!entity.columns.some((c) => c.databaseName === name)) {
        // TypeORM creates the join column with the referenced column's type and comment
        entity.columns.push({
          propertyName: rel.propertyName,
          databaseName: name,
          type: ref.refType,
          refType: ref.refType,
          comment: ref.comment ?? rel.comment,
          mark: rel.mark ?? ref.mark,
          primary: rel.primary,
          unique: false,
          viewColumn: false,
          at: locate(owner.unit, rel.node),
        });
      }
    }
    if (!rel.createForeignKeyConstraints) return;
    const t = this.tableName(target);
    entity.foreignKeys.push({
      columns: names,
      references: { schema: t.schema, name: t.table },
      referencedColumns: referenced.map((r) => r.databaseName),
      source: locate(owner.unit, rel.node),
    });
    const joinCols = entity.columns.filter((c) => names.includes(c.databaseName));
    if (rel.kind === 'one-to-one' && !joinCols.every((c) => c.primary)) entity.uniqueKeys.push(names);
  }

  /** The target's primary columns, or the columns named by `referencedColumnName` (property names). */
  private referencedColumns(
    specs: JoinColumnSpec[],
    targetColumns: ResolvedColumn[],
    target: ClassModel,
    owner: ClassModel,
    rel: RelationDecl,
  ): ResolvedColumn[] | undefined {
    if (!specs.some((s) => s.referencedColumnName)) {
      const pk = targetColumns.filter((c) => c.primary);
      if (!pk.length) {
        this.warn(owner, rel.node, said('diag.typeorm.targetNoPrimary', target.name, rel.propertyName));
        return undefined;
      }
      return pk;
    }
    const out: ResolvedColumn[] = [];
    for (const spec of specs) {
      const col = targetColumns.find((c) => c.propertyName === spec.referencedColumnName);
      if (!col) {
        this.warn(
          owner,
          rel.node,
          said('diag.typeorm.referencedNotProperty', String(spec.referencedColumnName), target.name),
        );
        return undefined;
      }
      out.push(col);
    }
    return out;
  }

  private uniqueKeys(entity: ResolvedEntity): string[][] {
    const keys: string[][] = [
      ...entity.uniqueKeys,
      ...entity.columns.filter((c) => c.unique).map((c) => [c.databaseName]),
    ];
    const owners = new Set(this.tableClasses(entity.cls).flatMap((c) => this.lineage(c)));
    for (const owner of owners) {
      for (const u of owner.uniques) {
        const cols: string[] = [];
        for (const p of u.properties) {
          const byProp = entity.columns.filter((c) => c.propertyName === p);
          const byName = entity.columns.filter((c) => c.databaseName === p);
          const match = byProp.length ? byProp : byName;
          if (!match.length) {
            this.warn(owner, u.node, said('diag.typeorm.uniqueNotColumn', p, entity.cls.name));
            cols.length = 0;
            break;
          }
          cols.push(...match.map((c) => c.databaseName));
        }
        if (cols.length) keys.push(cols);
      }
    }
    return dedupeKeys(keys);
  }

  private lineage(cls: ClassModel): ClassModel[] {
    const out: ClassModel[] = [];
    for (
      let c: ClassModel | undefined = cls;
      c && !out.includes(c);
      c = c.baseName ? this.quietClass(c.baseName, c) : undefined
    )
      out.push(c);
    return out.reverse();
  }

  // ---- many-to-many ---------------------------------------------------------------------------

  private junctions(cls: ClassModel): CatalogOp[] {
    const ops: CatalogOp[] = [];
    for (const { rel, owner } of this.tableRelations(cls)) {
      if (rel.kind !== 'many-to-many' || !rel.joinTable || !rel.target) continue;
      const target = this.findEntity(rel.target, owner, rel.node);
      if (!target) continue;
      const source = this.entity(cls);
      const inverse = this.entity(target);
      const spec = rel.joinTable;
      const ownerRefs = this.referencedColumns(spec.joinColumns ?? [], source.columns, cls, owner, rel);
      const inverseRefs = this.referencedColumns(spec.inverseJoinColumns ?? [], inverse.columns, target, owner, rel);
      if (!ownerRefs || !inverseRefs) continue;
      const columnNames = (refs: ResolvedColumn[], specs: JoinColumnSpec[] | undefined, table: string) =>
        refs.map((ref) => {
          const given = (specs ?? []).find(
            (j) => (!j.referencedColumnName || j.referencedColumnName === ref.propertyName) && j.name,
          );
          return given?.name ?? naming.joinTableColumnName(table, ref.propertyName, ref.databaseName);
        });
      const ownerNames = columnNames(ownerRefs, spec.joinColumns, source.table);
      const inverseNames = columnNames(inverseRefs, spec.inverseJoinColumns, inverse.table);
      // a self-referencing junction would name both sides alike: TypeORM suffixes _1 and _2
      ownerNames.forEach((name, i) => {
        const j = inverseNames.indexOf(name);
        if (j >= 0) {
          ownerNames[i] = naming.joinTableColumnDuplicationPrefix(name, 1);
          inverseNames[j] = naming.joinTableColumnDuplicationPrefix(name, 2);
        }
      });
      const at = locate(owner.unit, rel.node);
      const columns: Column[] = [
        ...ownerRefs.map((ref, i) => ({ name: nth(ownerNames, i), type: ref.refType, source: at })),
        ...inverseRefs.map((ref, i) => ({ name: nth(inverseNames, i), type: ref.refType, source: at })),
      ];
      const foreignKeys: ForeignKey[] = rel.createForeignKeyConstraints
        ? [
            {
              columns: ownerNames,
              references: { schema: source.schema, name: source.table },
              referencedColumns: ownerRefs.map((r) => r.databaseName),
              source: at,
            },
            {
              columns: inverseNames,
              references: { schema: inverse.schema, name: inverse.table },
              referencedColumns: inverseRefs.map((r) => r.databaseName),
              source: at,
            },
          ]
        : [];
      ops.push({
        op: 'create-table',
        at,
        name: {
          schema: spec.schema ?? source.schema,
          name: spec.name ?? naming.joinTableName(source.table, inverse.table, rel.propertyName),
        },
        columns,
        primaryKey: [...ownerNames, ...inverseNames],
        uniqueKeys: [],
        foreignKeys,
      });
    }
    return ops;
  }

  // ---- views ----------------------------------------------------------------------------------

  private async view(cls: ClassModel): Promise<CatalogOp> {
    const { schema, table } = this.tableName(cls);
    const entity = cls.entity!;
    const at = locate(cls.unit, entity.node);
    const columns = this.columns(cls, [], new Set()).filter((c) => c.viewColumn);
    let view: ViewDefinition | undefined;
    const sql = entity.expression ? literalString(entity.expression) : undefined;
    if (sql !== undefined && this.options.viewLineage) {
      view = await this.options.viewLineage(sql, { schema, name: table });
      if (!view) this.warn(cls, entity.expression!, said('diag.typeorm.viewSqlUnread', table));
    } else if (sql !== undefined) {
      this.warn(cls, entity.expression!, said('diag.typeorm.viewSqlDialect', table, this.options.ctx.dialect));
    } else if (entity.expression) {
      const builder = Node.isArrowFunction(entity.expression) || Node.isFunctionExpression(entity.expression);
      this.warn(
        cls,
        entity.expression,
        said(builder ? 'diag.typeorm.viewBuilder' : 'diag.typeorm.viewNotLiteral', table),
      );
    } else {
      this.warn(cls, entity.node, said('diag.typeorm.viewNoExpression', table));
    }
    if (!view) {
      view = {
        securityInvoker: false,
        columns: columns.map((c) => ({ name: c.databaseName, from: [] })),
        reads: [],
        readsColumns: [],
      };
    }
    return { op: 'create-view', at, name: { schema, name: table }, view };
  }

  // ---- lookups --------------------------------------------------------------------------------

  private findClass(name: string, from: ClassModel, node: Node, what: string): ClassModel | undefined {
    // The class the name stands for in that file (its import, through re-exports), then by name.
    const declared = declaredClass(from.unit.file, name);
    if (declared) {
      const model = this.byNode.get(declared);
      if (model) return model;
      if (this.options.units?.some((u) => u.file === declared.getSourceFile())) {
        // Found, with no TypeORM member: it adds no column.
        if (what === 'embedded class' && !this.emptyEmbeddeds.has(name))
          this.emptyEmbeddeds.set(name, { cls: from, node });
        return undefined;
      }
    }
    const found = this.byName.get(name);
    if (!found?.length) {
      const kind = part(what === 'embedded class' ? 'diag.typeorm.what.embeddedClass' : 'diag.typeorm.what.baseClass');
      this.warn(from, node, said('diag.typeorm.classNotDeclared', kind, name));
      return undefined;
    }
    return this.pick(found, from, node);
  }

  /** findClass without diagnostics, for second looks at classes already reported. */
  private quietClass(name: string, from: ClassModel): ClassModel | undefined {
    const declared = declaredClass(from.unit.file, name);
    return (declared && this.byNode.get(declared)) ?? this.byName.get(name)?.[0];
  }

  /** An entity by class name, or by the name given in @Entity (string targets). */
  private findEntity(name: string, from: ClassModel, node: Node): ClassModel | undefined {
    const found = (this.byName.get(name) ?? [])
      .filter((c) => c.entity)
      .concat(this.classes.filter((c) => c.entity && c.entity.givenName === name && c.name !== name));
    if (!found.length) {
      this.warn(from, node, said('diag.typeorm.targetNotEntity', name));
      return undefined;
    }
    const picked = this.pick(found, from, node);
    if (picked.entity?.kind === 'child' && !this.stiRoot(picked)) {
      this.warn(from, node, said('diag.typeorm.targetChildNoTable', name));
      return undefined;
    }
    return picked;
  }

  /** Same-file declaration first; several candidates elsewhere are ambiguous (first one wins). */
  private pick(found: ClassModel[], from: ClassModel, node: Node): ClassModel {
    const local = found.find((c) => c.unit === from.unit);
    if (local) return local;
    if (found.length > 1) {
      this.warn(
        from,
        node,
        said('diag.typeorm.declaredTwice', nth(found, 0).name, listOf(found.map((c) => c.unit.source.path))),
      );
    }
    return nth(found, 0);
  }

  private warn(cls: ClassModel, node: Node, message: Said): void {
    this.diagnostics.push(diagnosticAt(cls.unit, node, 'warning', UNSUPPORTED, said('diag.typeorm', message.text)));
  }
}

function toColumn(c: ResolvedColumn): Column {
  const col: Column = { name: c.databaseName, source: c.at };
  if (c.type) col.type = c.type;
  if (c.comment) {
    col.comment = c.comment;
    col.commentSource = c.at;
  }
  if (c.mark) col.mark = c.mark;
  return col;
}

const SERIAL_OF: Record<string, string> = { int2: 'smallserial', int4: 'serial', int8: 'bigserial' };

/** What TypeORM's type choice is, in the PostgreSQL reader's spelling for PostgreSQL databases. */
function columnType(decl: ColumnDecl, dialect: Dialect): { type?: string; refType?: string } {
  const given = decl.type;
  if (dialect !== 'postgresql') {
    const type = given ?? (decl.strategy === 'uuid' ? 'uuid' : decl.tsType);
    return { type, refType: type };
  }
  const mods = decl.length !== undefined ? [decl.length] : [decl.precision, decl.scale];
  if (decl.decorator === 'PrimaryGeneratedColumn') {
    if (decl.strategy === 'uuid') return { type: 'uuid', refType: 'uuid' };
    const base = pgTypeName(given ?? 'integer');
    // 'increment' makes a SERIAL column of the integer size; 'identity' keeps the type
    return { type: decl.strategy === 'identity' ? base : (SERIAL_OF[base] ?? base), refType: base };
  }
  let type: string | undefined;
  if (given) type = pgTypeName(given, mods);
  else if (/DateColumn$/.test(decl.decorator)) type = 'timestamp';
  else if (decl.decorator === 'VersionColumn' || decl.decorator === 'TreeLevelColumn') type = 'int4';
  else if (decl.tsType) type = TS_TYPE_TO_PG[decl.tsType.replace(/\s*\|\s*(null|undefined)/g, '')] ?? decl.tsType;
  if (type && !given && decl.length !== undefined) type = `${type}(${decl.length})`;
  return { type, refType: type };
}

/** TypeORM's mapping of design-time types for PostgreSQL when no column type is given. */
const TS_TYPE_TO_PG: Record<string, string> = {
  string: 'varchar',
  String: 'varchar',
  number: 'int4',
  Number: 'int4',
  boolean: 'bool',
  Boolean: 'bool',
  Date: 'timestamp',
};

function keyOrUndefined(cols: string[]): string[] | undefined {
  return cols.length ? cols : undefined;
}
