/**
 * Values through MySQL/MariaDB `CALL` chains. A routine's body is read once, on its own: a value
 * that comes from one of its parameters is `#parameter.name` in its lineage, and a variable a CALL
 * passes to a callee holds `#call:k:i`, "what the k-th callee sets in its i-th parameter". Here,
 * with every earlier routine built, both are put in terms of real columns:
 *
 * - "CALL can pass back values to its caller using parameters that are declared as OUT or INOUT
 *   parameters … from another stored program you can use user-defined variables, local variables
 *   or routine's parameters" (MariaDB Knowledge Base, CALL; MySQL 8.0 Reference Manual 15.2.1 CALL
 *   Statement), while for an IN parameter "the procedure might modify the value, but the
 *   modification is not visible to the caller when the procedure returns" (MySQL 8.0 Reference
 *   Manual 15.1.17 CREATE PROCEDURE). So `#call:k:i` is what the callee's i-th parameter carries
 *   when it is OUT / INOUT, and nothing when it is IN. (An OUT argument is overwritten — "if no
 *   value is assigned to an OUT parameter, NULL is assigned", MariaDB CALL — but variables are
 *   followed flow-insensitively: what it held before is kept, an over-statement at most);
 * - what a callee's result sets, OUT parameters and writes take from its parameters is the
 *   lineage of the arguments the caller passes.
 *
 * A callee's return values are read through the callee (its relation's column, so EXECUTE and its
 * SQL SECURITY are checked on the way); a copy is a fact about where the value ends up, so writes
 * take the callee's base columns directly. What is still a parameter of the routine being built
 * is kept, as its own `parameterFlows` and parametric `writes`, for its callers.
 */
import {
  type CallSite,
  type QualifiedName,
  type Relation,
  ROUTINE_PARAMETER,
  type RoutineDefinition,
  type ViewColumn,
} from './model.js';

type Origin = { relation: QualifiedName; column: string };
type Write = NonNullable<RoutineDefinition['writes']>[number];

export interface CallFlowContext {
  /** The routine relation `CALL q` runs (built from an earlier source), if any. */
  callee(q: QualifiedName): Relation | undefined;
  qualify(q: QualifiedName): QualifiedName;
}

const CALL_ARGUMENT = /^#call:(\d+):(\d+)$/;

export function isParameter(o: Origin): boolean {
  return o.relation.name === ROUTINE_PARAMETER;
}

export class CallFlows {
  constructor(
    private readonly ctx: CallFlowContext,
    private readonly calls: CallSite[],
  ) {}

  /** The calls whose routine no earlier source defines. */
  undefinedCallees(): QualifiedName[] {
    return this.calls.filter((c) => !this.ctx.callee(c.routine)).map((c) => c.routine);
  }

  /**
   * Origins with each `#call:k:i` replaced by what call k's callee sets in its i-th parameter:
   * `through` its relation's column (a returned value), or `direct`ly its base columns (a copy).
   */
  resolve(from: Origin[], mode: 'through' | 'direct', seen = new Set<string>()): Origin[] {
    return dedupe(
      from.flatMap((o) => {
        const m = CALL_ARGUMENT.exec(o.column);
        if (!m || !o.relation.name.endsWith('()')) return [o];
        const key = `${m[1]}:${m[2]}`;
        if (seen.has(key)) return []; // a variable passed again to the call that set it
        const next = new Set(seen).add(key);
        return this.setByCall(Number(m[1]), Number(m[2]), mode, next);
      }),
    );
  }

  /** What call k's callee passes back in its i-th parameter (nothing for an IN parameter). */
  private setByCall(k: number, i: number, mode: 'through' | 'direct', seen: Set<string>): Origin[] {
    const call = this.calls[k];
    const callee = call && this.ctx.callee(call.routine);
    const p = callee?.routine?.parameterModes?.[i];
    if (!call || !callee || !p || p.mode === 'in') return [];
    const own: Origin[] =
      mode === 'through'
        ? [{ relation: this.ctx.qualify({ ...call.routine, name: `${call.routine.name}()` }), column: p.name }]
        : (callee.view?.columns.find((c) => c.name === p.name)?.from ?? []);
    return [...own, ...this.fromParameters(k, callee.routine?.parameterFlows?.[p.name] ?? [], mode, seen)];
  }

  /** The lineage call k passes for the callee's parameters `names`. */
  private fromParameters(k: number, names: string[], mode: 'through' | 'direct', seen: Set<string>): Origin[] {
    const call = this.calls[k];
    const params = (call && this.ctx.callee(call.routine)?.routine?.parameterModes) ?? [];
    return names.flatMap((n) => {
      const i = params.findIndex((p) => p.name === n);
      return i < 0 ? [] : this.resolve(call?.args[i] ?? [], mode, seen);
    });
  }

  /**
   * What a returned column taken from a callee's column (`{q(), c}`: a result set or an OUT
   * parameter) also carries: the arguments each call of q passes for the parameters c returns.
   */
  returned(o: Origin): Origin[] {
    const out: Origin[] = [];
    this.calls.forEach((call, k) => {
      const callee = this.ctx.callee(call.routine);
      if (!callee || !sameName(this.ctx.qualify({ ...call.routine, name: `${call.routine.name}()` }), o.relation))
        return;
      out.push(...this.fromParameters(k, callee.routine?.parameterFlows?.[o.column] ?? [], 'through', new Set()));
    });
    return dedupe(out);
  }

  /** Each callee's writes of its parameters, with the call's arguments in their place. */
  calleeWrites(): Write[] {
    return this.calls.flatMap((call, k) =>
      (this.ctx.callee(call.routine)?.routine?.writes ?? []).map((w) => ({
        ...w,
        values: w.values.map((v) => ({
          name: v.name,
          from: dedupe(
            v.from.flatMap((o) => (isParameter(o) ? this.fromParameters(k, [o.column], 'direct', new Set()) : [o])),
          ),
        })),
      })),
    );
  }

  /** The body's own writes (resolved) and its callees': `concrete` are copies now, `parametric` wait for a caller. */
  writes(own: Write[]): { concrete: Write[]; parametric: Write[] } {
    const all = [
      ...own.map((w) => ({ ...w, values: w.values.map((v) => ({ ...v, from: this.resolve(v.from, 'direct') })) })),
      ...this.calleeWrites(),
    ];
    const part = (keep: (o: Origin) => boolean) =>
      all
        .map((w) => ({ ...w, values: w.values.map((v): ViewColumn => ({ name: v.name, from: v.from.filter(keep) })) }))
        .filter((w) => w.values.some((v) => v.from.length));
    return { concrete: part((o) => !isParameter(o)), parametric: part(isParameter) };
  }
}

function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.name === b.name && a.schema === b.schema && (a.database ?? '') === (b.database ?? '');
}

function dedupe(list: Origin[]): Origin[] {
  const seen = new Map<string, Origin>();
  for (const o of list)
    seen.set(`${o.relation.database ?? ''}.${o.relation.schema ?? ''}.${o.relation.name}.${o.column}`, o);
  return [...seen.values()];
}
