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
import { part, type Said, said } from '../diagnostics.js';
import type { Synonyms } from './synonyms.js';
import {
  ROUTINE_PARAMETER,
  type QualifiedName,
  type Relation,
  type RelationId,
  relationId,
  relationIdOf,
  type VendorCall,
  type ViewColumn,
} from './model.js';

/** What a call names and passes: a trigger's (op `routine-call`) or a routine's (`VendorCall`). */
export interface CallSpec {
  names: QualifiedName[];
  args: VendorCall['args'];
  /** The first name's first part was written without a schema: a public synonym may stand for it. */
  bare?: boolean;
  /** A function named in an expression (a name no routine has is a built-in: passed over). */
  value?: true;
}

export interface CallWrite {
  table: QualifiedName;
  columns?: string[];
  values: ViewColumn[];
  via?: 'insert-select' | 'update' | 'merge';
}

export type CallResolution =
  /**
   * `ambiguous`: more than one overload could take the call (each is followed). `handsBack`: what
   * the callees hand back to the caller (an OUT parameter the call passes a variable to, a result
   * set, a returned value), which is not followed.
   */
  | { kind: 'resolved'; writes: CallWrite[]; callees: Relation[]; ambiguous: boolean; handsBack: string[] }
  | { kind: 'undefined' }
  | { kind: 'unanalysed'; callee: Relation }
  | { kind: 'no-match'; candidates: Relation[] };

/** The catalog's routines, by database, schema and name without the signature, for call lookups. */
export class RoutineIndex {
  private readonly byName = new Map<string, Relation[]>();
  private readonly specs = new Map<string, Relation[]>();

  /**
   * `synonymsOf(database)`: the Oracle synonyms a called name may go through (undefined for the
   * other products: a Db2 alias names a table, view, sequence or module, never a procedure).
   */
  constructor(
    readonly relations: ReadonlyMap<RelationId, Relation>,
    private readonly synonymsOf?: (database: string) => Synonyms | undefined,
  ) {
    for (const r of relations.values()) {
      if (!r.routine) continue;
      const base = r.name.slice(0, r.name.indexOf('('));
      this.add(this.byName, `${r.database}\u0000${r.schema}\u0000${base}`, r);
      if (r.routine.packageSpec) this.add(this.specs, `${r.database}\u0000${r.schema}\u0000${base}`, r);
    }
  }

  private add(map: Map<string, Relation[]>, key: string, r: Relation): void {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  }

  /** The routines named `name` (a package subprogram's `PKG.P`) in its database and schema. */
  named(q: QualifiedName): Relation[] {
    const at = `${q.database}\u0000${q.schema}\u0000`;
    const out = [...(this.byName.get(at + q.name) ?? [])];
    // an Oracle package whose body is not read: the specification stands for its subprograms
    const dot = q.name.indexOf('.');
    if (dot > 0) for (const spec of this.specs.get(at + q.name.slice(0, dot)) ?? []) out.push(spec);
    return out;
  }

  /**
   * The routines `q` names through an Oracle synonym when no object has its name: the first piece
   * (`P`, or package `PKG` of `PKG.P`) is looked up as a private synonym of its schema, then (a
   * name written without a schema) as a public synonym, a synonym of a synonym followed ("How
   * Oracle Database Resolves Schema Object References", SQL Language Reference; CREATE SYNONYM:
   * "Oracle Database uses a public synonym only if the object is not prefaced by a schema").
   */
  throughSynonym(q: QualifiedName, bare: boolean): Relation[] {
    const database = q.database ?? '';
    const synonyms = this.synonymsOf?.(database);
    if (!synonyms?.size) return [];
    const dot = q.name.indexOf('.');
    const head = dot > 0 ? q.name.slice(0, dot) : q.name;
    const rest = dot > 0 ? q.name.slice(dot) : '';
    const exists = (x: QualifiedName) =>
      this.byName.has(`${x.database ?? database}\u0000${x.schema}\u0000${x.name}`) ||
      this.relations.has(relationId(x.database ?? database, x.schema ?? '', x.name));
    const target = synonyms.resolve({ database, schema: q.schema, name: head }, exists, bare);
    if (!target) return [];
    return this.named({ database: target.database ?? database, schema: target.schema, name: target.name + rest });
  }
}

/** The parameter each argument binds to, or undefined when the routine takes no such arguments. */
function bind(routine: Relation, args: CallSpec['args']): Map<string, ViewColumn['from']> | undefined {
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

/** `names` and the arguments' relations are qualified (database and schema set). */
export function resolveCall(call: CallSpec, index: RoutineIndex): CallResolution {
  let candidates: Relation[] = [];
  for (const [k, q] of call.names.entries()) {
    candidates = index.named(q);
    if (!candidates.length) candidates = index.throughSynonym(q, k === 0 && !!call.bare);
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
  const typed = matching.filter(({ r, bound }) => typesFit(r, bound, index.relations));
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
  const handsBack: string[] = [];
  for (const { r, bound } of matching) {
    for (const w of r.routine!.writes ?? []) {
      const values = w.values.map((v) => ({
        name: v.name,
        from: v.from.flatMap((o) => (o.relation.name === ROUTINE_PARAMETER ? (bound.get(o.column) ?? []) : [])),
      }));
      if (values.some((v) => v.from.length))
        writes.push({
          table: w.table,
          ...(w.columns ? { columns: w.columns } : {}),
          values,
          ...(w.via ? { via: w.via } : {}),
        });
    }
    // An OUT parameter is handed back only where the call passes something to it; a result set or
    // a returned value always is.
    // (only what carries values from the callee's rows: a constant handed back moves no number)
    const params = new Set(r.routine!.parameters ?? []);
    for (const c of r.view?.columns ?? [])
      if (!r.columns.some((x) => x.name === c.name && x.parameter) && c.from.length)
        if (!params.has(c.name) || bound.has(c.name)) handsBack.push(`${r.name}.${c.name}`);
  }
  return { kind: 'resolved', writes, callees: matching.map(({ r }) => r), ambiguous, handsBack };
}

const isParameter = (o: ViewColumn['from'][number]) => o.relation.name === ROUTINE_PARAMETER;

/** A call's argument values for the report: `PERSON.KOJIN_BANGO`, a parameter by its name. */
function passedValues(call: CallSpec): string {
  const names = call.args.flatMap((a) =>
    a.from.map((o) => (isParameter(o) ? o.column : `${o.relation.name}.${o.column}`)),
  );
  return [...new Set(names)].join(', ') || '-';
}

/** What makes a routine's call unfollowable, as its unanalysed reason; undefined when it is followed. */
function unfollowed(caller: Relation, call: VendorCall, r: CallResolution): Said | undefined {
  const why = callProblem(call, r);
  if (!why) return undefined;
  const routine = caller.routine!;
  return said(
    'diag.vendor.bodyNotFollowed',
    part(`diag.catalog.routine.${routine.kind}`),
    why.text,
    routine.rights ?? '-',
  );
}

function callProblem(call: VendorCall, r: CallResolution): Said | undefined {
  if (call.value && r.kind === 'undefined') return undefined; // a built-in function
  const passed = passedValues(call);
  switch (r.kind) {
    case 'undefined':
      return said('diag.vendor.callUndefined', call.written, passed);
    case 'no-match':
      return said('diag.vendor.callNoMatch', call.written, passed, call.args.length);
    case 'unanalysed':
      return said(
        'diag.vendor.callUnanalysed',
        call.written,
        passed,
        r.callee.id,
        r.callee.routine?.unanalysedText ?? r.callee.routine?.unanalysedReason ?? part('diag.catalog.bodyNotRead'),
      );
    case 'resolved':
      return r.handsBack.length ? said('diag.vendor.callHandsBack', call.written, r.handsBack.join(', ')) : undefined;
  }
}

export interface ChainOutcome {
  /** Copies the calls make: a callee writes a value its caller took from a table. */
  copies: { caller: Relation; write: CallWrite }[];
  /** Routines left unanalysed by one of their calls, with why. */
  unanalysed: { caller: Relation; why: Said }[];
}

const writeKey = (w: CallWrite) => JSON.stringify([w.table, w.columns, w.values]);

/**
 * Vendor routines calling procedures (PL/SQL `p2(x)`, T-SQL `EXEC dbo.p2 @x`, Db2 `CALL p2(x)`):
 * each callee's writes of its parameters become the caller's, with the caller's values in their
 * place, to a fixpoint (a chain p1 → p2 → p3 is followed whatever the order the routines were
 * created in; a cycle adds nothing new and stops). A write whose value the caller took from a table
 * is a copy; one of the caller's own parameter stays a write of the caller, for its callers (a
 * trigger, another routine). A call that cannot be followed — the callee is not defined, takes
 * other arguments, is itself unanalysed, or hands values back (OUT parameters, result sets) —
 * leaves the caller unanalysed with that reason (SPIF-FUNCTION-UNANALYSED, an unknown path when it
 * runs with rights other than the caller's): never silently dropped. `index` is kept current:
 * the callers' routines are replaced in its relations.
 */
export function resolveRoutineCalls(index: RoutineIndex): ChainOutcome {
  const callers = [...index.relations.values()].filter((r) => r.routine?.vendorCalls?.length);
  const unanalysed: ChainOutcome['unanalysed'] = [];
  const seen = new Map(callers.map((r) => [r.id, new Set((r.routine!.writes ?? []).map(writeKey))]));
  // A worklist: a caller is read again when a routine it calls gains a write or becomes
  // unanalysed (each callee's callers are known once they were read). Each change adds a write
  // or marks a routine unanalysed, and both are finite: it ends, a cycle included.
  const callersOf = new Map<RelationId, Set<Relation>>();
  const queue = [...callers];
  const queued = new Set(queue.map((r) => r.id));
  const changed = (r: Relation) => {
    for (const c of callersOf.get(r.id) ?? [])
      if (!queued.has(c.id)) {
        queued.add(c.id);
        queue.push(c);
      }
  };
  for (let r = queue.shift(); r; r = queue.shift()) {
    queued.delete(r.id);
    if (!r.routine!.analysed) continue;
    let grew = false;
    for (const call of r.routine!.vendorCalls!) {
      const res = resolveCall(call, index);
      const callees = res.kind === 'resolved' ? res.callees : res.kind === 'unanalysed' ? [res.callee] : [];
      for (const callee of callees) {
        const set = callersOf.get(callee.id) ?? new Set<Relation>();
        set.add(r);
        callersOf.set(callee.id, set);
      }
      const why = unfollowed(r, call, res);
      if (why) {
        r.routine = { ...r.routine!, analysed: false, unanalysedReason: why.message, unanalysedText: why.text };
        unanalysed.push({ caller: r, why });
        grew = true;
        break;
      }
      if (res.kind !== 'resolved') continue;
      for (const w of res.writes) {
        if (!w.values.some((v) => v.from.some(isParameter))) continue;
        const key = writeKey(w);
        if (seen.get(r.id)!.has(key)) continue;
        seen.get(r.id)!.add(key);
        r.routine = { ...r.routine!, writes: [...(r.routine!.writes ?? []), w] };
        grew = true;
      }
    }
    if (grew) changed(r);
  }
  const copies: ChainOutcome['copies'] = [];
  for (const r of callers) {
    if (!r.routine!.analysed) continue;
    for (const call of r.routine!.vendorCalls!) {
      const res = resolveCall(call, index);
      if (res.kind !== 'resolved') continue;
      for (const w of res.writes) {
        const values = w.values.map((v) => ({ ...v, from: v.from.filter((o) => !isParameter(o)) }));
        if (values.some((v) => v.from.length)) copies.push({ caller: r, write: { ...w, values } });
      }
    }
  }
  return { copies, unanalysed };
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
function typesFit(
  r: Relation,
  bound: Map<string, ViewColumn['from']>,
  byId: ReadonlyMap<RelationId, Relation>,
): boolean {
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
export function passedColumns(call: CallSpec): string[] {
  return [...new Set(call.args.flatMap((a) => a.from.map((o) => `${o.relation.name}.${o.column}`)))];
}
