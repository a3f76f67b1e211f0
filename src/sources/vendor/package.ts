/**
 * Oracle packages: `CREATE [OR REPLACE] [EDITIONABLE] PACKAGE p [AUTHID CURRENT_USER | DEFINER]
 * IS|AS <declarations> END;` and `CREATE [OR REPLACE] PACKAGE BODY p IS|AS <declarations>
 * <subprogram bodies> [BEGIN <initialization>] END;` (PL/SQL Language Reference 19c, "Packages":
 * "CREATE PACKAGE Statement", "CREATE PACKAGE BODY Statement").
 * - Each subprogram of the body is a routine of its own, `PKG.NAME(types)`, its body read by the
 *   vendor routine-body reader: overloads ("Overloaded Subprograms": same name, different formal
 *   parameters) are told apart by their parameter types and analysed separately.
 * - EXECUTE is granted on the package, never on one subprogram ("GRANT", object privileges: a
 *   package is the object), so every subprogram has the package's EXECUTE (catalog/build.ts).
 * - The rights are the specification's AUTHID ("The AUTHID property … is specified in the package
 *   specification"; the body has none): read here when the specification is in the same file,
 *   else taken from it by the catalog builder (`rightsFromSpec`).
 * - Only what the specification declares is callable from outside ("Package Body": items declared
 *   only in the body are private); the catalog builder drops the private ones.
 * - A subprogram's call statement of another subprogram of the package (private ones too) is a
 *   call of `PKG.NAME`, followed as any call (catalog/routine-calls.ts). One that reads a
 *   package-level variable or cursor, or uses a subprogram otherwise (a function in an
 *   expression), reads state or code this reader does not follow: it is unanalysed, with that
 *   reason (never a guess).
 */
import type { QualifiedName } from '../../catalog/model.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { Cursor } from './cursor.js';
import { foldIdent, type Token } from './lexer.js';
import { readRoutineBody, writeCopies } from './routine-body.js';
import { nth } from '../../indexed.js';
import { bodyNotRead, vendorCallsOf } from './routine-op.js';
import { type Said, said } from '../../diagnostics.js';

/** Where a subprogram of a package starts and ends (token indexes, end exclusive); `body`: not only declared. */
interface Member {
  kind: 'function' | 'procedure';
  name: string;
  from: number;
  to: number;
  body: boolean;
}

/** The PROCEDURE / FUNCTION names a specification declares (at its top level). */
export function specMembers(tokens: Token[], from: number): string[] {
  return [...new Set(topLevelMembers(tokens, from).map((m) => m.name))];
}

/** Subprograms at the top level of a package (specification or body), from the token after IS/AS. */
function topLevelMembers(tokens: Token[], from: number): Member[] {
  const out: Member[] = [];
  let k = from;
  while (k < tokens.length) {
    const w = word(tokens[k]);
    if ((w === 'PROCEDURE' || w === 'FUNCTION') && isName(tokens[k + 1])) {
      const { end, body } = memberEnd(tokens, k);
      const kind = w === 'FUNCTION' ? 'function' : 'procedure';
      out.push({ kind, name: foldIdent(nth(tokens, k + 1), 'oracle'), from: k, to: end, body });
      k = end;
      continue;
    }
    const end = declarationEnd(tokens, k);
    k = end > k ? end : k + 1;
  }
  return out;
}

function word(t: Token | undefined): string | undefined {
  return t && (t.kind === 'word' || t.kind === 'punct') ? t.upper : undefined;
}

function isName(t: Token | undefined): boolean {
  return !!t && (t.kind === 'word' || t.kind === 'ident');
}

/** The index after a top-level declaration or statement (`… ;`), or after the initialization block. */
function declarationEnd(tokens: Token[], k: number): number {
  if (word(tokens[k]) === 'BEGIN') return blockEnd(tokens, k);
  let depth = 0;
  for (; k < tokens.length; k++) {
    const t = nth(tokens, k);
    if (t.value === '(' && t.kind === 'punct') depth++;
    if (t.value === ')' && t.kind === 'punct') depth--;
    if (depth === 0 && word(t) === ';') return k + 1;
  }
  return k;
}

/**
 * The index after a subprogram: its forward declaration (`FUNCTION f (…) RETURN t;`) or its
 * body (`… IS|AS <declarations> BEGIN … END [f];`).
 */
function memberEnd(tokens: Token[], k: number): { end: number; body: boolean } {
  let depth = 0;
  for (k += 2; k < tokens.length; k++) {
    const t = nth(tokens, k);
    if (t.value === '(' && t.kind === 'punct') depth++;
    if (t.value === ')' && t.kind === 'punct') depth--;
    if (depth > 0) continue;
    const w = word(t);
    if (w === ';') return { end: k + 1, body: false }; // a declaration only
    if (w === 'IS' || w === 'AS') break;
  }
  // the declare section, then the block; nested subprograms end where theirs do
  for (k++; k < tokens.length; k++) {
    const w = word(tokens[k]);
    if (w === 'BEGIN') return { end: blockEnd(tokens, k), body: true };
    if ((w === 'PROCEDURE' || w === 'FUNCTION') && isName(tokens[k + 1])) k = memberEnd(tokens, k).end - 1;
    if (w === 'LANGUAGE' || w === 'EXTERNAL') return { end: declarationEnd(tokens, k), body: true }; // a call specification
  }
  return { end: k, body: true };
}

/**
 * The index after `BEGIN … END [label];`: BEGIN and CASE open, END closes (END IF and END LOOP
 * close what no BEGIN opened).
 */
function blockEnd(tokens: Token[], k: number): number {
  let depth = 0;
  for (; k < tokens.length; k++) {
    const w = word(tokens[k]);
    if (w === 'BEGIN' || (w === 'CASE' && word(tokens[k - 1]) !== 'END')) depth++;
    else if (w === 'END' && word(tokens[k + 1]) !== 'IF' && word(tokens[k + 1]) !== 'LOOP') {
      depth--;
      if (depth === 0) {
        k++;
        if (isName(tokens[k]) && word(tokens[k]) !== ';') k++; // END name
        if (word(tokens[k]) === ';') k++;
        return k;
      }
    }
  }
  return k;
}

/** Names a package body declares outside its subprograms: its variables, constants and cursors. */
function packageState(tokens: Token[], from: number, members: Member[]): Set<string> {
  const names = new Set<string>();
  let k = from;
  for (const m of [...members, { from: tokens.length, to: tokens.length }]) {
    while (k < m.from) {
      const w = word(tokens[k]);
      if (w === 'CURSOR' && isName(tokens[k + 1])) names.add(foldIdent(nth(tokens, k + 1), 'oracle'));
      else if (!['BEGIN', 'END', 'PRAGMA', 'TYPE', 'SUBTYPE'].includes(w ?? '') && isName(tokens[k]))
        names.add(foldIdent(nth(tokens, k), 'oracle'));
      const end = declarationEnd(tokens, k);
      k = end > k ? end : k + 1;
    }
    k = m.to;
  }
  return names;
}

/** Oracle `PACKAGE [BODY]` rights and members the file declares, by `schema.name`. */
export interface PackageSpec {
  definer: boolean;
  how: Said;
  members: string[];
}

/**
 * `CREATE … PACKAGE BODY p IS|AS …`, the cursor just after BODY: one routine op per subprogram
 * the body defines.
 */
export function readPackageBody(
  c: Cursor,
  spec: (q: QualifiedName) => PackageSpec | undefined,
  owner: (name: QualifiedName) => string | undefined,
): CatalogOp[] {
  const pkg = c.relationName();
  while (!c.done && !c.is('IS') && !c.is('AS')) c.next();
  c.next();
  const tokens = c.tokens;
  const all = topLevelMembers(tokens, c.i);
  const members = all.filter((m) => m.body);
  const state = packageState(tokens, c.i, all);
  const rights = spec(pkg);
  const names = new Set(members.map((m) => m.name));
  const ops: CatalogOp[] = [];
  for (const m of members) {
    const stmt = {
      tokens: tokens.slice(m.from, m.to),
      start: nth(tokens, m.from).start,
      end: nth(tokens, m.to - 1).end,
    };
    const mc = new Cursor(stmt, c.ctx);
    mc.i = 2; // after PROCEDURE | FUNCTION name
    const outer = new Set([...state, ...[...names].filter((n) => n !== m.name)]);
    const siblings = { names, prefix: [...(pkg.schema ? [pkg.schema] : []), pkg.name] };
    const body = readRoutineBody(mc, m.name, m.kind, { outer, package: pkg.name, siblings });
    const definer = rights ? rights.definer : true;
    const how = rights ? rights.how : said('diag.vendor.rights.fromSpec');
    const name: QualifiedName = { ...pkg, name: `${pkg.name}.${m.name}` };
    const op: Extract<CatalogOp, { op: 'create-function' }> = {
      op: 'create-function',
      at: mc.at,
      name,
      columns: [
        ...body.outputs.map((o) => ({ name: o.name, source: mc.at })),
        ...body.parameters.map((p) => ({ name: p.name, source: mc.at, parameter: true })),
      ],
      routine: {
        kind: m.kind,
        securityDefiner: definer,
        language: 'plsql',
        argTypes: body.argTypes,
        analysed: body.reason === undefined,
        parameters: body.parameterNames,
        ...(body.writes.length ? { writes: body.writes } : {}),
        ...vendorCallsOf(mc, body.calls, how),
        package: pkg.name,
        ...(rights ? {} : { rightsFromSpec: true }),
        ...(body.reason ? bodyNotRead(m.kind, body.reason, how) : {}),
      },
      view: {
        securityInvoker: !definer,
        columns: [...body.outputs, ...body.parameters],
        reads: body.reads,
        readsColumns: body.readsColumns,
      },
      orReplace: true,
    };
    const o = owner(pkg);
    if (o) op.owner = o;
    ops.push(op, ...writeCopies(mc, body));
  }
  return ops;
}
