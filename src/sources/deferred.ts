/**
 * Statements that name a relation which a later file of the same database creates are applied
 * once it exists (issue 12.2). Install scripts commonly ship `comment_set.sql`, `grant.sql` or
 * `views.sql` beside `create_table.sql`, and natural order puts some of them first; the DBA runs
 * them in the right order by hand. Instead of dropping each such statement with a warning, the
 * statement is moved to just after the CREATE it needs, and one info diagnostic per database
 * says which files were applied in which order.
 *
 * Moves are conservative: only across files (within one file, naming a relation before its
 * CREATE is an error in the engine too, which the catalog builder reports), never DROP
 * statements, and only where the session state that resolves names and owners (USE / search_path,
 * SET ROLE, SET SESSION AUTHORIZATION) is the same at both places.
 */
import type { QualifiedName } from '../catalog/model.js';
import type { CatalogOp } from '../catalog/ops.js';
import { type Diagnostic, type TextArg, listOf, part, said } from '../diagnostics.js';
import { nth } from '../indexed.js';

/** Relations an op needs to exist (not the ones it creates). */
function needs(op: CatalogOp): QualifiedName[] {
  switch (op.op) {
    case 'comment-relation':
    case 'view-options':
    case 'set-schema':
      return [op.name];
    case 'set-owner':
      return op.kind === 'relation' ? [op.name] : [];
    case 'comment-column':
    case 'add-column':
    case 'drop-column':
    case 'rename-column':
    case 'add-primary-key':
    case 'add-unique':
    case 'add-foreign-key':
    case 'add-named-constraint':
    case 'create-index':
    case 'row-security':
    case 'create-policy':
    case 'drop-policy':
    case 'column-values':
      return [op.table];
    case 'rename-relation':
      return [op.from];
    case 'grant':
    case 'revoke':
      return op.target.kind === 'relations' ? op.target.names : [];
    case 'create-view':
      return op.view.reads;
    default:
      return [];
  }
}

function created(op: CatalogOp): QualifiedName | undefined {
  return op.op === 'create-table' || op.op === 'create-view' ? op.name : undefined;
}

/** Same relation as far as the text says: names equal, schemas equal where both are written. */
function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.name === b.name && (a.schema === undefined || b.schema === undefined || a.schema === b.schema);
}

/** The session state that decides what an unqualified name and the acting role are, per op. */
function sessionStates(ops: CatalogOp[]): string[] {
  let schema = '';
  let role = '';
  let session = '';
  return ops.map((op) => {
    if (op.op === 'use-schema') schema = op.schema;
    else if (op.op === 'set-role') role = op.role ?? '';
    else if (op.op === 'set-session-authorization') session = op.role ?? '';
    return `${schema}\0${role}\0${session}`;
  });
}

/** One pass: each op that needs a relation only a later file creates goes right after that CREATE. */
function pass(ops: CatalogOp[]): { ops: CatalogOp[]; moved: CatalogOp[]; targets: string[] } {
  const states = sessionStates(ops);
  const creations = new Map<string, number[]>();
  ops.forEach((op, i) => {
    const name = created(op);
    if (name) creations.set(name.name, [...(creations.get(name.name) ?? []), i]);
  });
  const after = new Map<number, CatalogOp[]>();
  const moved: CatalogOp[] = [];
  const targets: string[] = [];
  const stays = ops.map((op, i) => {
    let target = -1;
    for (const q of needs(op)) {
      const at = (creations.get(q.name) ?? []).filter((c) => sameName(q, created(nth(ops, c))!));
      if (at.some((c) => c < i)) continue; // exists already
      const later = at.find((c) => c > i && nth(ops, c).at.file !== op.at.file);
      if (later === undefined) continue; // defined nowhere later: the builder reports it
      if (states[later] !== states[i]) return true; // names would resolve differently there
      target = Math.max(target, later);
    }
    if (target < 0) return true;
    after.set(target, [...(after.get(target) ?? []), op]);
    moved.push(op);
    targets.push(nth(ops, target).at.file);
    return false;
  });
  const out: CatalogOp[] = [];
  ops.forEach((op, i) => {
    if (stays[i]) out.push(op);
    for (const m of after.get(i) ?? []) out.push(m);
  });
  return { ops: out, moved, targets };
}

/**
 * The database's ops with every statement that needs a later file's relation applied after it,
 * and the info diagnostic saying so. A few passes reach views over views over such tables.
 */
export function createsFirst(ops: CatalogOp[], database: string, diagnostics: Diagnostic[]): CatalogOp[] {
  let current = uncheckedWhereOrderUncertain(ops);
  const moved = new Set<CatalogOp>();
  const targets = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const r = pass(current);
    if (r.moved.length === 0) break;
    for (const m of r.moved) moved.add(m);
    for (const t of r.targets) targets.add(t);
    current = r.ops;
  }
  if (moved.size === 0) return current;
  const from = [...new Set([...moved].map((m) => m.at.file))];
  const n = moved.size;
  diagnostics.push({
    severity: 'info',
    code: 'SPIF-SOURCE-DEFERRED',
    ...(n === 1
      ? said('diag.source.deferred.one', database, list(from), list([...targets]))
      : said('diag.source.deferred.many', database, n, list(from), list([...targets]))),
  });
  // A moved view runs where spif put it, not where the DBA ran it: its columns are not checked.
  return current.map((op) => (moved.has(op) ? uncheckedColumns(op) : op));
}

/**
 * A view's column references are checked against its bases (PostgreSQL refuses a view naming a
 * column the base lacks). When another file, read later, adds or renames a column to a name the
 * view uses, the files may be run in another order than spif reads them: that view is not checked.
 */
function uncheckedWhereOrderUncertain(ops: CatalogOp[]): CatalogOp[] {
  // From the last op back: column name → the files that add or rename a column to it later on,
  // so each view asks a map instead of scanning every later op (views × ops at 50k tables).
  const addedLater = new Map<string, Set<string>>();
  const out = new Array<CatalogOp>(ops.length);
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = nth(ops, i);
    out[i] =
      op.op === 'create-view' &&
      op.columnRefs?.some((r) => {
        const files = addedLater.get(r.column);
        return !!files && (files.size > 1 || !files.has(op.at.file));
      })
        ? uncheckedColumns(op)
        : op;
    const name = op.op === 'add-column' ? op.column.name : op.op === 'rename-column' ? op.to : undefined;
    if (name !== undefined) {
      let files = addedLater.get(name);
      if (!files) addedLater.set(name, (files = new Set()));
      files.add(op.at.file);
    }
  }
  return out;
}

function uncheckedColumns(op: CatalogOp): CatalogOp {
  if (op.op !== 'create-view' || !op.columnRefs) return op;
  const { columnRefs: _, ...rest } = op;
  return rest;
}

function list(files: string[]): TextArg {
  return files.length > 4 ? part('diag.source.moreFiles', listOf(files.slice(0, 4)), files.length - 4) : listOf(files);
}
