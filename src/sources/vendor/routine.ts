/**
 * Stored routines of the three vendor dialects: their rights, and their bodies as far as
 * routine-body.ts reads them (what they return, with the columns it carries). A body it cannot
 * read leaves the routine unanalysed: one that runs with other rights than the caller's is then an
 * explicit unknown path on every relation those rights may read (access/unknown-paths.ts, as
 * PostgreSQL's unread SECURITY DEFINER functions are: SPIF-FUNCTION-UNANALYSED), never ignored;
 * one that runs with the caller's rights is no path of its own.
 * - Oracle `CREATE [OR REPLACE] [EDITIONABLE] PROCEDURE | FUNCTION | PACKAGE p … [AUTHID
 *   CURRENT_USER | DEFINER] IS|AS …`: definer's rights unless AUTHID CURRENT_USER (PL/SQL Language
 *   Reference 19c, "Invoker's Rights and Definer's Rights (AUTHID Property)"). A package's rights
 *   are its specification's; its PACKAGE BODY's subprograms are routines of their own (package.ts).
 *   A standalone procedure or function cannot be overloaded (only packaged and nested
 *   subprograms can: "Overloaded Subprograms"): one routine per name.
 * - SQL Server `CREATE [OR ALTER] PROC[EDURE] | FUNCTION p … [WITH EXECUTE AS CALLER | SELF |
 *   OWNER | 'user'] AS …`: with EXECUTE AS CALLER (the default) ownership chaining still reads
 *   the owner's objects without checking the caller (Microsoft Learn, "Ownership Chains"); with
 *   another EXECUTE AS the body runs as that user ("EXECUTE AS Clause (Transact-SQL)"). Either way
 *   it reads with rights other than the caller's.
 * - Db2 `CREATE [OR REPLACE] PROCEDURE | FUNCTION p …`: static SQL in a routine runs with the
 *   authorization of its package owner, the definer (Db2 11.5, "Authorization IDs and routines";
 *   dynamic SQL by the DYNAMICRULES bind option).
 */
import type { QualifiedName } from '../../catalog/model.js';
import type { CatalogOp, RoutineRef } from '../../catalog/ops.js';
import { db2ParameterType } from '../db2/signature.js';
import { foldIdent } from './lexer.js';
import type { Cursor } from './cursor.js';
import { readRoutineBody, writeCopies } from './routine-body.js';
import { bodyNotRead, vendorCallsOf } from './routine-op.js';
import { readPackageBody, specMembers } from './package.js';
import { nth } from '../../indexed.js';
import { type Said, said } from '../../diagnostics.js';

const ROUTINE_WORDS = new Set(['PROCEDURE', 'PROC', 'FUNCTION', 'PACKAGE']);

/** Where a routine of each product gets its rights, for the warning and the unknown path's reason. */
function rightsOf(c: Cursor): { definer: boolean; runAs?: string; how: Said; asOwner?: boolean } {
  const words = c.tokens.map((t) => (t.kind === 'string' ? `'${t.value}` : t.upper));
  const at = (...seq: string[]) =>
    words.findIndex((_, k) => seq.every((w, j) => words[k + j] === w || (w === '*' && words[k + j] !== undefined)));
  switch (c.ctx.dialect) {
    case 'oracle':
      if (at('AUTHID', 'CURRENT_USER') >= 0) return { definer: false, how: said('diag.vendor.rights.invoker') };
      return { definer: true, how: said('diag.vendor.rights.oracleDefiner') };
    case 'sqlserver': {
      const k = at('EXECUTE', 'AS', '*');
      const who = k >= 0 ? nth(words, k + 2) : 'CALLER';
      if (who.startsWith("'")) {
        const user = nth(c.tokens, k + 2).value;
        return { definer: true, runAs: user, how: said('diag.vendor.rights.executeAsUser', user), asOwner: true };
      }
      if (who === 'OWNER' || who === 'SELF')
        return { definer: true, how: said('diag.vendor.rights.executeAs', who), asOwner: true };
      return {
        definer: true,
        how: said('diag.vendor.rights.caller'),
      };
    }
    case 'db2':
      return { definer: true, how: said('diag.vendor.rights.db2') };
  }
}

/** `CREATE … PROCEDURE | FUNCTION | PACKAGE name …` (and SQL Server `ALTER PROCEDURE`): undefined when it is no routine of these kinds. */
export function readCreateRoutine(
  c: Cursor,
  owner?: (name: QualifiedName) => string | undefined,
): CatalogOp[] | 'irrelevant' {
  c.i = 1;
  while (!c.done && !ROUTINE_WORDS.has(c.peek()!.upper)) c.next(); // OR REPLACE, OR ALTER, EDITIONABLE …
  const word = c.next().upper;
  if (word === 'PACKAGE' && c.accept('BODY'))
    return readPackageBody(
      c,
      (q) => c.ctx.state.packages.get(c.ctx.state.key(q)),
      (q) => owner?.(q),
    );
  const name = c.relationName();
  const kind = word === 'FUNCTION' ? 'function' : 'procedure';
  const rights = rightsOf(c);
  if (word === 'PACKAGE') return [packageSpec(c, name, rights, owner?.(name))];
  const body = readRoutineBody(c, name.name, kind);
  const specific = c.ctx.dialect === 'db2' ? specificName(c) : undefined;
  const op: Extract<CatalogOp, { op: 'create-function' }> = {
    op: 'create-function',
    at: c.at,
    name,
    columns: [
      ...body.outputs.map((o) => ({ name: o.name, source: c.at })),
      ...body.parameters.map((p) => ({ name: p.name, source: c.at, parameter: true })),
    ],
    routine: {
      kind,
      securityDefiner: rights.definer,
      language: c.ctx.dialect === 'oracle' ? 'plsql' : c.ctx.dialect === 'sqlserver' ? 'tsql' : 'sql',
      // Oracle and SQL Server routines are one per name (neither can overload a standalone one); Db2
      // overloads them: its routines are told apart by their parameter types (db2/signature.ts)
      argTypes: c.ctx.dialect === 'db2' ? body.argTypes.map(db2ParameterType) : [],
      ...(specific ? { specificName: specific } : {}),
      analysed: body.reason === undefined,
      parameters: body.parameterNames,
      ...(body.writes.length ? { writes: body.writes } : {}),
      ...vendorCallsOf(c, body.calls, rights.how),
      ...(rights.asOwner ? { executeAsOwner: true } : {}),
      ...(body.reason ? bodyNotRead(kind, body.reason, rights.how) : {}),
    },
    view: {
      securityInvoker: !rights.definer,
      columns: [...body.outputs, ...body.parameters],
      reads: body.reads,
      readsColumns: body.readsColumns,
    },
    orReplace: true,
  };
  const o = rights.runAs ?? owner?.(name);
  if (o) op.owner = o;
  return [op, ...writeCopies(c, body)];
}

/**
 * `CREATE PACKAGE p … IS|AS <declarations> END;`: the package's rights and the subprograms it
 * declares. It returns nothing itself; the catalog builder makes it the unread routine when no
 * body of it is read, and drops it for the body's subprograms otherwise.
 */
function packageSpec(
  c: Cursor,
  name: QualifiedName,
  rights: ReturnType<typeof rightsOf>,
  owner: string | undefined,
): CatalogOp {
  let k = c.i;
  while (k < c.tokens.length && !['IS', 'AS'].includes(c.tokens[k]?.upper ?? '')) k++;
  const members = specMembers(c.tokens, k + 1);
  c.ctx.state.packages.set(c.ctx.state.key(name), { definer: rights.definer, how: rights.how, members });
  const op: Extract<CatalogOp, { op: 'create-function' }> = {
    op: 'create-function',
    at: c.at,
    name,
    columns: [],
    routine: {
      kind: 'procedure',
      securityDefiner: rights.definer,
      language: 'plsql',
      argTypes: [],
      analysed: true,
      packageSpec: { members, rights: rights.how.message },
      rights: rights.how.text,
    },
    view: { securityInvoker: !rights.definer, columns: [], reads: [], readsColumns: [] },
    orReplace: true,
  };
  if (owner) op.owner = owner;
  return op;
}

/**
 * Db2 `SPECIFIC name` among a routine's options (before its body): the name GRANT, REVOKE and DROP
 * SPECIFIC use for one overload.
 */
function specificName(c: Cursor): string | undefined {
  let depth = 0;
  for (let k = c.i; k < c.tokens.length; k++) {
    const t = nth(c.tokens, k);
    if (t.value === '(') depth++;
    if (t.value === ')') depth--;
    if (depth > 0 || t.kind !== 'word') continue;
    if (t.upper === 'BEGIN' || t.upper === 'RETURN') return undefined;
    const next = c.tokens[k + 1];
    if (t.upper === 'SPECIFIC' && next && (next.kind === 'word' || next.kind === 'ident'))
      return foldIdent(next, c.ctx.dialect);
  }
  return undefined;
}

/** A Db2 routine reference's parameter types, `(VARCHAR(15), INT)` → `['VARCHAR', 'INTEGER']`, the cursor on `(`. */
export function db2ArgTypes(c: Cursor): string[] {
  const open = c.i;
  c.skipParens();
  const types: string[] = [];
  let item: string[] = [];
  let depth = 0;
  for (let k = open + 1; k < c.i - 1; k++) {
    const t = nth(c.tokens, k);
    if (t.value === '(') depth++;
    if (t.value === ')') depth--;
    if (depth === 0 && t.value === ',') {
      types.push(db2ParameterType(item.join(' ')));
      item = [];
    } else item.push(t.value);
  }
  if (item.length) types.push(db2ParameterType(item.join(' ')));
  return types;
}

/** `DROP PROCEDURE | FUNCTION | PACKAGE [IF EXISTS] name [, …]`. */
export function readDropRoutine(c: Cursor): CatalogOp[] | 'irrelevant' {
  c.i = 1;
  const specific = c.accept('SPECIFIC'); // Db2 DROP SPECIFIC PROCEDURE | FUNCTION
  const word = c.next().upper;
  if (!ROUTINE_WORDS.has(word)) return 'irrelevant';
  if (word === 'PACKAGE' && c.is('BODY')) return 'irrelevant';
  c.accept('IF', 'EXISTS');
  const refs: RoutineRef[] = [];
  do {
    const name = c.relationName();
    if (specific) refs.push({ name, specific: name.name });
    else if (c.ctx.dialect === 'db2' && c.is('(')) refs.push({ name, argTypes: db2ArgTypes(c) });
    else refs.push({ name });
  } while (c.accept(',') && c.isIdent());
  const kind = c.ctx.dialect === 'db2' ? (word === 'FUNCTION' ? 'function' : 'procedure') : undefined;
  return [{ op: 'drop-function', at: c.at, refs, ifExists: true, ...(kind ? { routineKind: kind } : {}) }];
}

/** Oracle-supplied packages and schemas: their EXECUTE cannot be in the sources, nor read application data as its owner. */
export function isSuppliedOracleObject(q: QualifiedName): boolean {
  return (
    ['SYS', 'SYSTEM', 'CTXSYS', 'MDSYS', 'XDB', 'ORDSYS'].includes(q.schema ?? '') ||
    /^(DBMS_|UTL_|OWA|HTP$|HTF$|CTX_|SDO_|APEX_)/.test(q.name)
  );
}
