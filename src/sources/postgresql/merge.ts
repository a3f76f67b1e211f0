/**
 * `MERGE INTO target USING source ON … WHEN …` as the copies it makes (PostgreSQL 15 docs, MERGE):
 * - `WHEN MATCHED [AND …] THEN UPDATE SET col = expr`: "the expression can use the old values of
 *   this and other columns in the table" and the source's columns, so col holds what expr carries,
 *   read as the select list of `SELECT expr FROM target, source`. `SET (a, b) = (SELECT …)` and
 *   `= ROW (…)` assign by position, as in UPDATE.
 * - `WHEN NOT MATCHED [AND …] THEN INSERT (cols) VALUES (exprs)`: "If no list of column names is
 *   given at all, the default is all the columns of the table in their declared order"; the values
 *   may reference only the source (the target row does not exist), so they are read over it alone.
 *   `DEFAULT VALUES` copies nothing.
 * - `DELETE` and `DO NOTHING` copy nothing.
 * A `WITH` list before MERGE is visible to every action. The join condition and each action's
 * condition are read (their columns are read), not copied.
 */
type Node = Record<string, any>;

export interface MergeCopy {
  /** Target columns, in order; undefined: the table's columns in their declared order. */
  columns?: string[];
  /** A SelectStmt whose output columns are the values, by position. */
  select: Node;
  action: 'update' | 'insert';
}

export function mergeCopies(s: Node): MergeCopy[] {
  const source = s.sourceRelation;
  const target = { RangeVar: s.relation };
  const withClause = s.withClause ? { withClause: s.withClause } : {};
  const select = (targetList: Node[], fromClause: Node[], whereClause?: Node): Node => ({
    SelectStmt: {
      targetList,
      fromClause,
      ...(whereClause ? { whereClause } : {}),
      ...withClause,
      limitOption: 'LIMIT_OPTION_DEFAULT',
      op: 'SETOP_NONE',
    },
  });
  const out: MergeCopy[] = [];
  for (const w of s.mergeWhenClauses ?? []) {
    const c = w.MergeWhenClause;
    if (c?.commandType === 'CMD_UPDATE') {
      const columns: string[] = [];
      const targets: Node[] = [];
      for (const t of c.targetList ?? []) {
        const rt = t.ResTarget;
        if (!rt?.name) continue;
        columns.push(rt.name);
        targets.push({ ResTarget: { name: rt.name, val: positional(rt.val) } });
      }
      if (columns.length)
        out.push({ columns, select: select(targets, [target, source], c.condition), action: 'update' });
    } else if (c?.commandType === 'CMD_INSERT' && c.values?.length) {
      const names: string[] = (c.targetList ?? []).map((t: Node) => t.ResTarget?.name).filter(Boolean);
      out.push({
        ...(names.length ? { columns: names } : {}),
        select: select(
          c.values.map((val: Node) => ({ ResTarget: { val } })),
          [source],
          c.condition,
        ),
        action: 'insert',
      });
    }
  }
  return out;
}

/**
 * What a MERGE reads besides its copies: the join condition over target and source (and every
 * action's condition), as a select with an empty list.
 */
export function mergeReads(s: Node): Node {
  return {
    SelectStmt: {
      targetList: [],
      fromClause: [{ RangeVar: s.relation }, s.sourceRelation],
      whereClause: s.joinCondition,
      ...(s.withClause ? { withClause: s.withClause } : {}),
      limitOption: 'LIMIT_OPTION_DEFAULT',
      op: 'SETOP_NONE',
    },
  };
}

/** `SET (a, b) = (SELECT x, y …)` / `= ROW (x, y)`: the value at this column's position. */
export function positional(val: Node | undefined): Node | undefined {
  const m = val?.MultiAssignRef;
  if (!m) return val;
  const i = (m.colno ?? 1) - 1;
  const sub = m.source?.SubLink?.subselect;
  if (sub) {
    const sel = sub.SelectStmt ?? sub;
    return {
      SubLink: {
        ...m.source.SubLink,
        subselect: { SelectStmt: { ...sel, targetList: (sel.targetList ?? []).slice(i, i + 1) } },
      },
    };
  }
  return m.source?.RowExpr?.args?.[i];
}
