/**
 * What TypeORM's tree entities add to the schema (typeorm src/metadata-builder/EntityMetadataBuilder.ts
 * and ClosureJunctionEntityMetadataBuilder.ts, DefaultNamingStrategy): `mpath` for a materialized
 * path, `nsleft`/`nsright` for a nested set, and for a closure table a `<table>_closure` table of
 * ancestor/descendant columns, each a foreign key to the entity's primary key. @TreeParent is the
 * many-to-one join column (`parentId`) of every tree type, read with the other relations.
 */
import type { CatalogOp } from '../../catalog/ops.js';
import type { Column, SourceLocation } from '../../catalog/model.js';
import type { ColumnDecl, ColumnNamer, TreeDecl } from './declarations.js';
import { nth } from '../../indexed.js';

/** The columns a tree type adds to the entity's own table, as declarations to resolve. */
export function treeColumns(tree: TreeDecl): ColumnDecl[] {
  const column = (propertyName: string, tsType: string): ColumnDecl => ({
    propertyName,
    decorator: 'Column',
    tsType,
    primary: false,
    unique: false,
    viewColumn: false,
    node: tree.node,
  });
  // DefaultNamingStrategy.materializedPathColumnName, .nestedSetColumnNames
  if (tree.type === 'materialized-path') return [column('mpath', 'string')];
  if (tree.type === 'nested-set') return [column('nsleft', 'number'), column('nsright', 'number')];
  return [];
}

export interface KeyColumn {
  propertyName: string;
  databaseName: string;
  refType?: string;
}

export interface ClosureOwner {
  schema: string;
  table: string;
  primaryKey: KeyColumn[];
  /** The entity has a @TreeLevelColumn: the closure table gets `level` too. */
  level: boolean;
}

/** The closure table of a `@Tree('closure-table')` entity. */
export function closureTable(
  tree: TreeDecl,
  owner: ClosureOwner,
  at: SourceLocation,
  levelType: string | undefined,
): CatalogOp {
  const name = (namer: ColumnNamer | undefined, pk: KeyColumn, suffix: string) =>
    namer ? namer.map((p) => ('text' in p ? p.text : pk[p.of])).join('') : `${pk.propertyName}_${suffix}`;
  const ancestors = owner.primaryKey.map((pk) => name(tree.ancestorColumnName, pk, 'ancestor'));
  const descendants = owner.primaryKey.map((pk) => name(tree.descendantColumnName, pk, 'descendant'));
  const columns: Column[] = owner.primaryKey.flatMap((pk, i) => [
    { name: nth(ancestors, i), type: pk.refType, source: at },
    { name: nth(descendants, i), type: pk.refType, source: at },
  ]);
  if (owner.level) columns.push({ name: 'level', type: levelType, source: at });
  const references = { schema: owner.schema, name: owner.table };
  const referencedColumns = owner.primaryKey.map((pk) => pk.databaseName);
  return {
    op: 'create-table',
    at,
    // DefaultNamingStrategy.closureJunctionTableName(closureTableName ?? the entity's table)
    name: { schema: tree.closureTableSchema ?? owner.schema, name: `${tree.closureTableName ?? owner.table}_closure` },
    columns,
    primaryKey: owner.primaryKey.flatMap((_, i) => [nth(ancestors, i), nth(descendants, i)]),
    uniqueKeys: [],
    foreignKeys: [
      { columns: ancestors, references, referencedColumns, source: at },
      { columns: descendants, references, referencedColumns, source: at },
    ],
  };
}
