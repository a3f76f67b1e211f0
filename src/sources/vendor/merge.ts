/**
 * `MERGE` of the three vendor dialects, read as the copies its actions make: each `WHEN MATCHED
 * THEN UPDATE SET c = expr, …` and `WHEN NOT MATCHED THEN INSERT [(cols)] VALUES (expr, …)` writes
 * what its expressions carry into the target's columns, as an UPDATE or an INSERT … SELECT over
 * the target and the source would (PostgreSQL's reader reads its MERGE the same way):
 * - Oracle `MERGE INTO t [a] USING {t | v | (subquery)} [a] ON (cond) WHEN MATCHED THEN UPDATE SET
 *   … [WHERE …] [DELETE WHERE …] WHEN NOT MATCHED THEN INSERT [(cols)] VALUES (…) [WHERE …]`
 *   (SQL Language Reference 19c, MERGE,
 *   https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/MERGE.html);
 * - SQL Server `MERGE [INTO] t [WITH (hints)] [[AS] a] USING src [[AS] a] ON cond WHEN MATCHED [AND
 *   …] THEN UPDATE SET … | DELETE WHEN NOT MATCHED [BY TARGET] [AND …] THEN INSERT [(cols)]
 *   VALUES (…) | DEFAULT VALUES WHEN NOT MATCHED BY SOURCE [AND …] THEN UPDATE SET … | DELETE
 *   [OUTPUT …];` ("MERGE (Transact-SQL)",
 *   https://learn.microsoft.com/en-us/sql/t-sql/statements/merge-transact-sql);
 * - Db2 `MERGE INTO t [[AS] a] USING {t | (fullselect)} [[AS] a [(cols)]] ON cond WHEN [NOT]
 *   MATCHED [AND …] THEN UPDATE SET … | DELETE | INSERT [(cols)] VALUES (…) | SIGNAL … [ELSE
 *   IGNORE]` (Db2 11.5, MERGE statement,
 *   https://www.ibm.com/docs/en/db2/11.5?topic=statements-merge).
 * An UPDATE of matched rows reads the target and the source row; an INSERT of unmatched ones
 * only the source row ("the source row" has no target: NOT MATCHED [BY TARGET]); a NOT MATCHED BY
 * SOURCE update only the target row. `UPDATE SET (a, b) = (…)` is reported, never guessed.
 */
import type { QualifiedName } from '../../catalog/model.js';
import { type DiagnosticText, part } from '../../diagnostics.js';
import type { Cursor } from './cursor.js';
import type { Token } from './lexer.js';
import { nth } from '../../indexed.js';

export interface MergeAction {
  kind: 'update' | 'insert';
  /** The target's columns written, in order (undefined: an INSERT without a list, all of them). */
  columns?: string[];
  /** Each value written, as tokens of the statement. */
  values: Token[][];
  /** The FROM list its values are read over: the target and the source, or one of them. */
  over: string;
}

export type MergeRead =
  { ok: true; table: QualifiedName; actions: MergeAction[] } | { ok: false; what: DiagnosticText };

/** Reads the MERGE statement the cursor holds (tokens from `MERGE`). */
export function readMerge(c: Cursor): MergeRead {
  c.i = 1;
  c.accept('INTO');
  const targetStart = c.i;
  const table = c.relationName();
  if (c.lastLink) return { ok: false, what: part('diag.vendor.write.mergeRemote') };
  const targetName = c.textBetween(targetStart, c.i);
  if (c.is('WITH') && c.is('(', 1)) {
    c.i++;
    c.skipParens(); // SQL Server table hints
  }
  c.accept('AS');
  let target = targetName;
  if (c.isIdent() && !c.is('USING')) target = `${targetName} ${c.next().value}`;
  c.expect('USING');
  const sourceStart = c.i;
  if (c.is('(')) c.skipParens();
  else c.relationName();
  c.accept('AS');
  if (c.isIdent() && !c.is('ON')) c.next();
  // Db2 / SQL Server `AS s (a, b)`: the source's columns renamed, which the view reader does not map
  if (c.is('(')) return { ok: false, what: part('diag.vendor.write.mergeRenamed') };
  const source = c.textBetween(sourceStart, c.i);
  c.expect('ON');
  skipClause(c);
  const actions: MergeAction[] = [];
  while (c.accept('WHEN')) {
    const not = c.accept('NOT');
    c.expect('MATCHED');
    const bySource = not && c.accept('BY', 'SOURCE');
    if (!bySource) c.accept('BY', 'TARGET');
    while (!c.done && !c.is('THEN')) c.next(); // AND condition
    c.expect('THEN');
    const over = bySource ? target : not ? source : `${target}, ${source}`;
    if (c.accept('UPDATE')) {
      c.expect('SET');
      if (c.is('(')) return { ok: false, what: part('diag.vendor.write.mergeSetList') };
      const columns: string[] = [];
      const values: Token[][] = [];
      for (;;) {
        const parts = c.nameParts();
        columns.push(nth(parts, parts.length - 1));
        c.expect('=');
        const from = c.i;
        skipExpression(c);
        values.push(c.tokens.slice(from, c.i));
        if (!c.accept(',')) break;
      }
      actions.push({ kind: 'update', columns, values, over });
    } else if (c.accept('INSERT')) {
      let columns: string[] | undefined;
      if (c.is('(')) columns = c.identList();
      if (c.accept('DEFAULT', 'VALUES')) {
        skipClause(c);
        continue;
      }
      c.expect('VALUES');
      const open = c.i;
      c.skipParens();
      const values = splitTopLevel(c.tokens.slice(open + 1, c.i - 1));
      actions.push({ kind: 'insert', ...(columns ? { columns } : {}), values, over });
    }
    skipClause(c); // WHERE, DELETE WHERE, a DELETE or SIGNAL action, ELSE IGNORE
  }
  return { ok: true, table, actions };
}

/** To the next top-level `WHEN` of the MERGE (or its end), past parentheses and CASE … END. */
function skipClause(c: Cursor): void {
  let depth = 0;
  let cases = 0;
  for (; !c.done; c.i++) {
    const t = c.peek()!;
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t.kind === 'word') {
      if (t.upper === 'CASE') cases++;
      else if (t.upper === 'END' && cases > 0) cases--;
      else if (t.upper === 'WHEN' && cases === 0) return;
      else if (t.upper === 'OUTPUT' || t.upper === 'OPTION') {
        c.i = c.tokens.length;
        return;
      }
    }
  }
}

/** One SET expression: to the next top-level `,`, `WHEN`, `WHERE`, `DELETE`, `OUTPUT` or the end. */
function skipExpression(c: Cursor): void {
  let depth = 0;
  let cases = 0;
  for (; !c.done; c.i++) {
    const t = c.peek()!;
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    if (depth > 0) continue;
    if (t.kind === 'punct' && t.value === ',' && cases === 0) return;
    if (t.kind !== 'word') continue;
    if (t.upper === 'CASE') cases++;
    else if (t.upper === 'END' && cases > 0) cases--;
    else if (cases === 0 && ['WHEN', 'WHERE', 'DELETE', 'OUTPUT', 'OPTION', 'ELSE'].includes(t.upper)) return;
  }
}

function splitTopLevel(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    if (depth === 0 && t.kind === 'punct' && t.value === ',') {
      out.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** The tokens' text in the statement (`text` is the file's). */
export function tokensText(text: string, tokens: Token[]): string {
  return tokens.length ? text.slice(nth(tokens, 0).start, nth(tokens, tokens.length - 1).end) : 'NULL';
}
