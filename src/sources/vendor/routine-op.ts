/**
 * What a vendor routine's create-function op says about its body beyond its lineage: why it was
 * not read (in both languages), and the procedures it calls, named as the product resolves them.
 */
import type { QualifiedName, VendorCall } from '../../catalog/model.js';
import { part, reasonOf, type Said, said } from '../../diagnostics.js';
import type { Cursor } from './cursor.js';
import type { BodyCall } from './routine-body.js';
import { nth } from '../../indexed.js';

/** A routine's unanalysed reason: "the procedure body is not read: <why> (<rights>)". */
export function bodyNotRead(kind: 'function' | 'procedure', why: Said, how: Said) {
  return reasonOf(said('diag.vendor.bodyNotFollowed', part(`diag.catalog.routine.${kind}`), why.text, how.text));
}

/** The body's calls (followed when the catalog is built: catalog/routine-calls.ts), with the routine's rights for a reason given then. */
export function vendorCallsOf(
  c: Cursor,
  calls: BodyCall[],
  how: Said,
): { vendorCalls?: VendorCall[]; rights?: Said['text'] } {
  if (!calls.length) return {};
  return {
    rights: how.text,
    vendorCalls: calls.map((call) => ({
      names: calleeNames(c, call.parts),
      written: call.parts.join('.'),
      ...(bareCall(c, call.parts) ? { bare: true } : {}),
      args: call.args,
      ...(call.value ? { value: true as const } : {}),
    })),
  };
}

/** Whether the called name's first part has no schema before it: `p`, Oracle `pkg.p`. */
export function bareCall(c: Cursor, parts: string[]): boolean {
  return parts.length === 1 || (c.ctx.dialect === 'oracle' && parts.length === 2);
}

/**
 * What a called name may denote, in the order the product resolves it: `p` is the current
 * schema's; Oracle `a.b` is package a's subprogram b in the current schema, else schema a's
 * procedure b (PL/SQL Language Reference, "Qualified Names and the Dot Notation"); `a.b.c` is
 * schema a's package b's c; Db2 and T-SQL `s.p` is schema s's, T-SQL `db.s.p` database db's.
 */
export function calleeNames(c: Cursor, parts: string[]): QualifiedName[] {
  const here = (name: string): QualifiedName => c.qualify([name]);
  if (parts.length === 1) return [here(nth(parts, 0))];
  if (c.ctx.dialect === 'oracle') {
    if (parts.length === 2) return [here(parts.join('.')), c.qualify(parts)];
    return [{ schema: nth(parts, 0), name: parts.slice(1).join('.') }];
  }
  return [c.qualify(parts)];
}
