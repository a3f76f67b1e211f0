/**
 * TypeORM's DefaultNamingStrategy and StringUtils, restated: the names TypeORM stores when the
 * entity does not give them (typeorm src/naming-strategy/DefaultNamingStrategy.ts,
 * src/util/StringUtils.ts). A project with a custom naming strategy is not modelled.
 */

/** StringUtils.camelCase: drops `_`, `-` and spaces before a word character, uppercasing it. */
export function camelCase(str: string): string {
  return str.replace(/^([A-Z])|[\s\-_](\w)/g, (_m, first: string | undefined, next: string | undefined) =>
    next ? next.toUpperCase() : (first ?? '').toLowerCase(),
  );
}

/** StringUtils.snakeCase */
export function snakeCase(str: string): string {
  return str
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** StringUtils.titleCase: every word capitalised, the rest of it lower-cased. */
export function titleCase(str: string): string {
  return str.replace(/\w\S*/g, (word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase());
}

export const naming = {
  tableName(className: string, given: string | undefined): string {
    return given ? given : snakeCase(className);
  },
  columnName(propertyName: string, given: string | undefined, embeddedPrefixes: string[]): string {
    const name = given || propertyName;
    return embeddedPrefixes.length ? camelCase(embeddedPrefixes.join('_')) + titleCase(name) : name;
  },
  joinColumnName(relationName: string, referencedPropertyName: string): string {
    return camelCase(`${relationName}_${referencedPropertyName}`);
  },
  joinTableName(firstTable: string, secondTable: string, firstPropertyPath: string): string {
    return snakeCase(`${firstTable}_${firstPropertyPath.replace(/\./g, '_')}_${secondTable}`);
  },
  joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return camelCase(`${tableName}_${columnName ?? propertyName}`);
  },
  joinTableColumnDuplicationPrefix(columnName: string, index: number): string {
    return `${columnName}_${index}`;
  },
};
