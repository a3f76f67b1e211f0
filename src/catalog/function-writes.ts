/**
 * What PostgreSQL functions and procedures write when they run, through the routines they call.
 *
 * A routine's body is read once, on its own (sources/postgresql/routine.ts): its INSERT, UPDATE
 * and MERGE are writes whose values name base columns, the trigger row (`#trigger-row`) or one of
 * its own parameters (`#parameter.name`: what a caller passes); its calls `f(x)` / `CALL p(x)`
 * list what each argument carries. "The argument values are assigned to the parameters" (PostgreSQL
 * 15 docs, 38.5.1 and 43.3.1): so a callee's write of its parameter writes what the caller passes.
 * Here, with every source read, each routine's writes are closed over its calls (a call of a call
 * of …, to a fixpoint; a call of a routine no source defines — a built-in such as `upper(x)` — is
 * not followed: its writes, if any, are not the sources'). Calls are resolved by name (the schema
 * written, else the body's search path, else the schema current at CREATE) and by number of
 * arguments, every overload taking at least that many followed (parameters with defaults; types
 * are not compared: an over-statement at most).
 *
 * A static analyser cannot know whether a routine is ever called: a routine that may run is taken
 * to have run (its writes are copies), as a trigger's are.
 */
import { ROUTINE_PARAMETER, type QualifiedName, type RoutineDefinition, type ViewColumn } from './model.js';

export type Write = NonNullable<RoutineDefinition['writes']>[number];
type Origin = ViewColumn['from'][number];

/** A PostgreSQL routine as created (qualified names), by its schema and its name without arguments. */
export interface CreatedRoutine {
  id: string;
  database: string;
  schema: string;
  /** The name without its argument list. */
  name: string;
  routine: RoutineDefinition;
}

const isParameter = (o: Origin) => o.relation.name === ROUTINE_PARAMETER;

/** Where call names resolve: the schemas a name is looked up in, in order. */
function lookupSchemas(q: QualifiedName): string[] {
  if (q.schema) return [q.schema];
  return (q.searchPath ?? []).filter((s) => s !== '$user' && s !== 'pg_temp' && !s.startsWith('pg_temp_'));
}

export class FunctionWrites {
  private readonly byName = new Map<string, CreatedRoutine[]>();
  private readonly closed = new Map<string, Write[]>();

  /** `routines`' calls name their database, and a schema or a search path (the builder qualified them). */
  constructor(private readonly routines: CreatedRoutine[]) {
    for (const r of routines) {
      const key = `${r.database}.${r.schema}.${r.name}`;
      this.byName.set(key, [...(this.byName.get(key) ?? []), r]);
    }
    this.close();
  }

  /** A routine's writes, its callees' included: those naming a parameter wait for a caller. */
  writes(id: string): Write[] {
    return this.closed.get(id) ?? [];
  }

  /** The routines a call may run: by name along its schemas, taking that many arguments. */
  callees(q: QualifiedName, args: number): CreatedRoutine[] {
    for (const s of lookupSchemas(q)) {
      const found = (this.byName.get(`${q.database ?? ''}.${s}.${q.name}`) ?? []).filter(
        (r) => (r.routine.parameters?.length ?? 0) >= args,
      );
      if (found.length) return found;
    }
    return [];
  }

  private close(): void {
    for (const r of this.routines) this.closed.set(r.id, dedupeWrites(r.routine.writes ?? []));
    // Each round adds what callees write of their parameters (one call deeper); writes only grow.
    for (let changed = true, round = 0; changed && round <= this.routines.length; round++) {
      changed = false;
      for (const r of this.routines) {
        const before = this.closed.get(r.id) ?? [];
        const next = dedupeWrites([...before, ...this.throughCalls(r)]);
        if (next.length !== before.length) {
          this.closed.set(r.id, next);
          changed = true;
        }
      }
    }
  }

  /** The writes r makes by calling: each callee's writes with its parameters replaced by r's arguments. */
  private throughCalls(r: CreatedRoutine): Write[] {
    const out: Write[] = [];
    for (const call of r.routine.functionCalls ?? [])
      for (const callee of this.callees(call.name, call.args.length)) {
        const params = callee.routine.parameters ?? [];
        for (const w of this.closed.get(callee.id) ?? []) {
          const values = w.values.map((v) => ({
            name: v.name,
            from: v.from.flatMap((o) => {
              if (!isParameter(o)) return [o];
              const i = params.indexOf(o.column);
              return i < 0 ? [] : (call.args[i] ?? []);
            }),
          }));
          if (values.some((v) => v.from.length)) out.push({ ...w, values });
        }
      }
    return out;
  }
}

/** Writes with only the origins `keep` accepts, those left with none dropped. */
export function writesWith(writes: Write[], keep: (o: Origin) => boolean): Write[] {
  return writes
    .map((w) => ({ ...w, values: w.values.map((v) => ({ name: v.name, from: v.from.filter(keep) })) }))
    .filter((w) => w.values.some((v) => v.from.length));
}

export const concreteOrigin = (o: Origin): boolean => !isParameter(o);

function originKey(o: Origin): string {
  return `${o.relation.database ?? ''}.${o.relation.schema ?? ''}.${o.relation.name}.${o.column}`;
}

function dedupeWrites(writes: Write[]): Write[] {
  const seen = new Map<string, Write>();
  for (const w of writes) {
    const key = JSON.stringify([
      w.table.database,
      w.table.schema,
      w.table.name,
      w.columns ?? null,
      w.via ?? null,
      w.values.map((v) => v.from.map(originKey).sort()),
    ]);
    if (!seen.has(key)) seen.set(key, w);
  }
  return [...seen.values()];
}
