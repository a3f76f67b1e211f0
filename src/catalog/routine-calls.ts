/**
 * A vendor trigger's calls of procedures (`p(:NEW.kojin_no)`, `EXEC p @v`, `CALL p(N.col)`),
 * resolved once every source is read (a procedure may be created after the trigger that calls
 * it): each parameter receives what its argument carries, so a table the procedure writes the
 * parameter into holds the trigger row's column (PL/SQL Language Reference 19c, "Subprogram
 * Parameters": the actual parameter's value is assigned to the formal one; Transact-SQL "EXECUTE";
 * Db2 11.5 "CALL statement"). Arguments bind by position, then by name (`p => x`, `@p = x`).
 * A callee that is not defined, whose body is not read, or that no routine of that name takes these
 * arguments is reported on the trigger with the columns it passes: never silently dropped.
 */
import { ROUTINE_PARAMETER, type QualifiedName, type Relation, relationIdOf, type ViewColumn } from './model.js';
import type { CatalogOp } from './ops.js';

type Call = Extract<CatalogOp, { op: 'routine-call' }>;

export interface CallWrite {
  table: QualifiedName;
  columns?: string[];
  values: ViewColumn[];
}

export type CallResolution =
  /** `ambiguous`: more than one overload could take the call (each is followed). */
  | { kind: 'resolved'; writes: CallWrite[]; callees: Relation[]; ambiguous: boolean }
  | { kind: 'undefined' }
  | { kind: 'unanalysed'; callee: Relation }
  | { kind: 'no-match'; candidates: Relation[] };

/** The routines named `name` (a package subprogram's `PKG.P`) in its database and schema. */
function named(relations: Iterable<Relation>, q: QualifiedName): Relation[] {
  const out: Relation[] = [];
  for (const r of relations)
    if (
      r.routine &&
      r.database === q.database &&
      r.schema === q.schema &&
      (r.name.slice(0, r.name.indexOf('(')) === q.name ||
        // an Oracle package whose body is not read: the specification stands for its subprograms
        (!!r.routine.packageSpec && q.name.startsWith(`${r.name.slice(0, -2)}.`)))
    )
      out.push(r);
  return out;
}

/** The parameter each argument binds to, or undefined when the routine takes no such arguments. */
function bind(routine: Relation, args: Call['args']): Map<string, ViewColumn['from']> | undefined {
  const params = routine.routine?.parameters;
  if (!params) return undefined;
  const bound = new Map<string, ViewColumn['from']>();
  let position = 0;
  for (const a of args) {
    const p = a.name ?? params[position++];
    if (p === undefined || !params.includes(p) || bound.has(p)) return undefined;
    bound.set(p, a.from);
  }
  return bound;
}

/** `names` and `call.table` are qualified (database and schema set). */
export function resolveCall(call: Call, relations: Iterable<Relation>): CallResolution {
  const all = [...relations];
  let candidates: Relation[] = [];
  for (const q of call.names) {
    candidates = named(all, q);
    if (candidates.length) break;
  }
  if (!candidates.length) return { kind: 'undefined' };
  const spec = candidates.find((r) => r.routine?.packageSpec);
  if (spec && candidates.length === 1) return { kind: 'unanalysed', callee: spec };
  const matching = candidates.flatMap((r) => {
    const bound = bind(r, call.args);
    return bound ? [{ r, bound }] : [];
  });
  if (!matching.length) return { kind: 'no-match', candidates };
  const byId = new Map(all.map((r) => [r.id, r]));
  const typed = matching.filter(({ r, bound }) => typesFit(r, bound, byId));
  const chosen = typed.length ? typed : matching;
  return follow(chosen, chosen.length > 1);
}

function follow(
  matching: { r: Relation; bound: Map<string, ViewColumn['from']> }[],
  ambiguous: boolean,
): CallResolution {
  const unread = matching.find(({ r }) => !r.routine!.analysed);
  if (unread) return { kind: 'unanalysed', callee: unread.r };
  const writes: CallWrite[] = [];
  for (const { r, bound } of matching)
    for (const w of r.routine!.writes ?? []) {
      const values = w.values.map((v) => ({
        name: v.name,
        from: v.from.flatMap((o) => (o.relation.name === ROUTINE_PARAMETER ? (bound.get(o.column) ?? []) : [])),
      }));
      if (values.some((v) => v.from.length))
        writes.push({ table: w.table, ...(w.columns ? { columns: w.columns } : {}), values });
    }
  return { kind: 'resolved', writes, callees: matching.map(({ r }) => r), ambiguous };
}

type Family = 'text' | 'number' | 'time';

/** A data type's family, where the name says it (`VARCHAR2`, `CHAR(12)`, `NUMBER`, `DATE`); undefined for `%TYPE` and others. */
function family(type: string | undefined): Family | undefined {
  const t = type?.toUpperCase();
  if (!t || t.includes('%')) return undefined;
  if (/CHAR|CLOB|TEXT|GRAPHIC|STRING/.test(t)) return 'text';
  if (
    /^(NUMBER|INT|INTEGER|SMALLINT|BIGINT|TINYINT|DEC|DECIMAL|NUMERIC|FLOAT|DOUBLE|REAL|BINARY_(FLOAT|DOUBLE))\b/.test(
      t,
    )
  )
    return 'number';
  if (/^(DATE|TIME|TIMESTAMP|DATETIME)/.test(t)) return 'time';
  return undefined;
}

/**
 * Whether each argument whose type is known (a column of the trigger's row) fits the family of
 * the overload's parameter type: overload resolution by type where the types say it (PL/SQL
 * "Overloaded Subprograms"; Db2 "Function resolution"), else every overload of the arity stays.
 */
function typesFit(r: Relation, bound: Map<string, ViewColumn['from']>, byId: Map<string, Relation>): boolean {
  const params = r.routine?.parameters ?? [];
  for (const [p, from] of bound) {
    const want = family(r.routine?.argTypes[params.indexOf(p)]);
    const have = new Set(
      from.map((o) => family(byId.get(relationIdOf(o.relation))?.columns.find((c) => c.name === o.column)?.type)),
    );
    if (!want || have.size !== 1) continue;
    const [got] = have;
    if (got && got !== want) return false;
  }
  return true;
}

/** The trigger row's columns the call passes, for the report (`KOJIN.KOJIN_NO`). */
export function passedColumns(call: Call): string[] {
  return [...new Set(call.args.flatMap((a) => a.from.map((o) => `${o.relation.name}.${o.column}`)))];
}
