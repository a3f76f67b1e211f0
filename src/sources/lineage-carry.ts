/**
 * Which parts of a value expression pass their value on to the result, for the readers whose
 * parsers give no resolved names (MySQL/MariaDB and the vendor views on node-sql-parser; SQLite,
 * BigQuery and MySQL's second parser on sql-parser-cst). The rules are PostgreSQL's reader's
 * (src/sources/postgresql/lineage.ts, valueSources): a derived value — a cast, a function of a
 * column, concatenation, arithmetic, COALESCE, a CASE result, an aggregate or window function
 * over it, a scalar subquery's column — carries its source columns, because a transformed or
 * encrypted number is still the number (docs/rules.md, "view"). What yields a fact about a value
 * instead of the value carries nothing: `count(…)`, `EXISTS`, comparisons and other predicates,
 * `NOT`, a CASE's conditions (and IF/IIF's), a window's PARTITION BY / ORDER BY. Those columns are still read.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- parser ASTs are walked generically */

/** A child of an expression node and whether its value reaches the node's value. */
export interface Part {
  node: unknown;
  carries: boolean;
}

/** Functions whose result says something about the rows, not their values. */
export const NON_CARRYING_FUNCTIONS = new Set(['count', 'count_big', 'exists', 'approx_count_distinct']);

/** Functions whose first argument only chooses between the others: MySQL `IF(c, a, b)`, SQLite/T-SQL `IIF`. */
export const CHOOSING_FUNCTIONS = new Set(['if', 'iif']);

/** The parts of a function's argument list: a choosing function's condition carries nothing, like a CASE's. */
export function argumentParts(name: string, args: unknown[], carries: boolean): Part[] {
  const choosing = CHOOSING_FUNCTIONS.has(name);
  return args.map((node, i) => ({ node, carries: carries && !(choosing && i === 0) }));
}

/**
 * Binary operators that yield a truth value (upper case, words joined by one space). `||` is not
 * among them: it concatenates in SQLite, BigQuery, Oracle, Db2 and under MySQL's
 * PIPES_AS_CONCAT / ANSI modes; where it is MySQL's logical OR, carrying over-states (the safe side).
 */
export const PREDICATE_OPERATORS = new Set([
  '=',
  '==',
  '<>',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '<=>',
  '!<',
  '!>',
  'LIKE',
  'NOT LIKE',
  'ILIKE',
  'NOT ILIKE',
  'RLIKE',
  'NOT RLIKE',
  'REGEXP',
  'NOT REGEXP',
  'GLOB',
  'NOT GLOB',
  'MATCH',
  'NOT MATCH',
  'SIMILAR TO',
  'NOT SIMILAR TO',
  'IN',
  'NOT IN',
  'BETWEEN',
  'NOT BETWEEN',
  'IS',
  'IS NOT',
  'IS DISTINCT FROM',
  'IS NOT DISTINCT FROM',
  'MEMBER OF',
  'SOUNDS LIKE',
  'AND',
  'OR',
  'XOR',
  '&&',
]);

/** Prefix operators that yield a truth value. */
export const PREDICATE_PREFIXES = new Set(['NOT', '!', 'EXISTS']);

/** An operator as one upper-case string: `'='`, `'NOT LIKE'`. */
export function operatorText(op: unknown): string {
  if (typeof op === 'string') return op.toUpperCase().replace(/\s+/g, ' ');
  if (Array.isArray(op)) return op.map(operatorText).join(' ');
  if (op && typeof op === 'object') {
    const o = op as { name?: unknown; text?: unknown; value?: unknown };
    return operatorText(o.name ?? o.text ?? o.value ?? '');
  }
  return '';
}

/** A node-sql-parser function's name, lower case (`{name: [{value}]}` or a plain string). */
function nspFunctionName(name: any): string {
  if (typeof name === 'string') return name.toLowerCase();
  const parts: any[] = Array.isArray(name?.name) ? name.name : [];
  const last = parts[parts.length - 1];
  return String(last?.value ?? '').toLowerCase();
}

/** Every object-valued child but locations: for a node with no rule of its own, all of them carry. */
function allParts(node: any, carries: boolean): Part[] {
  const out: Part[] = [];
  for (const [key, value] of Object.entries(node))
    if (key !== 'loc' && key !== 'range' && value && typeof value === 'object') out.push({ node: value, carries });
  return out;
}

/**
 * The parts of a node-sql-parser expression node (column references and subqueries are the
 * caller's): `binary_expr`, `unary_expr`, `function` / `window_func`, `aggr_func`, `case`, `cast`,
 * the rest generic.
 */
export function nspParts(node: any): Part[] {
  switch (node.type) {
    case 'binary_expr': {
      const carries = !PREDICATE_OPERATORS.has(operatorText(node.operator));
      return [
        { node: node.left, carries },
        { node: node.right, carries },
      ];
    }
    case 'unary_expr':
      return [{ node: node.expr, carries: !PREDICATE_PREFIXES.has(operatorText(node.operator)) }];
    case 'function':
    case 'window_func': {
      const name = nspFunctionName(node.name);
      const carries = !NON_CARRYING_FUNCTIONS.has(name);
      const list: unknown = node.args?.value;
      return [
        ...(Array.isArray(list) ? argumentParts(name, list, carries) : [{ node: node.args, carries }]),
        { node: node.over, carries: false },
      ];
    }
    case 'aggr_func': {
      const carries = !NON_CARRYING_FUNCTIONS.has(nspFunctionName(node.name));
      const args = node.args ?? {};
      // GROUP_CONCAT(x ORDER BY y SEPARATOR ','): x is the value, y only orders it.
      return [
        { node: args.expr, carries },
        ...allParts({ ...args, expr: undefined }, false),
        { node: node.over, carries: false },
        { node: node.filter, carries: false },
      ];
    }
    case 'case':
      return [
        { node: node.expr, carries: false },
        ...(Array.isArray(node.args) ? node.args : []).flatMap((arm: any) => [
          { node: arm?.cond, carries: false },
          { node: arm?.result, carries: true },
        ]),
      ];
    case 'cast':
      return [{ node: node.expr, carries: true }];
    default:
      return allParts(node, true);
  }
}
