/**
 * The Db2 (LUW) reader: scripts and db2look output (`IN "USERSPACE1"`, `WITH DEFAULT`, `OCTETS`,
 * `ORGANIZE BY ROW`, `CONNECT TO`, `--#SET TERMINATOR`). Tables, views, keys and comments are the
 * shared vendor DDL (../vendor/ddl.ts); this file reads what is Db2's own:
 * - GRANT/REVOKE of table privileges to USER / GROUP / ROLE / PUBLIC, of database authorities
 *   (DATAACCESS, DBADM [WITH|WITHOUT DATAACCESS]), of roles; CREATE ROLE;
 * - CREATE [PUBLIC] ALIAS (resolved for later GRANTs and views, as Oracle synonyms are);
 * - row and column access control: CREATE PERMISSION, CREATE MASK, ALTER TABLE … ACTIVATE|DEACTIVATE
 *   ROW|COLUMN ACCESS CONTROL;
 * - SET SCHEMA / SET CURRENT SCHEMA: where unqualified names go.
 * Documentation: IBM Db2 11.5 SQL Reference (GRANT (table, view, or nickname privileges), GRANT
 * (database authorities), GRANT (role), CREATE ALIAS, CREATE PERMISSION, CREATE MASK, ALTER TABLE).
 */
import type { PrivilegeName, QualifiedName } from '../../catalog/model.js';
import type { CatalogOp, GrantTarget, PrivilegeSpec, RoutineRef } from '../../catalog/ops.js';
import { PUBLIC } from '../../catalog/privileges.js';
import { PUBLIC_SYNONYM_SCHEMA } from '../../catalog/synonyms.js';
import { said } from '../../diagnostics.js';
import { expected } from '../vendor/cursor.js';
import type { Cursor } from '../vendor/cursor.js';
import {
  readAlterTable,
  readComment,
  readCreateIndex,
  readCreateTable,
  readCreateView,
  readDrop,
} from '../vendor/ddl.js';
import { type ProductStatements, type StatementOutcome, vendorReader } from '../vendor/reader.js';
import { db2ArgTypes, readCreateRoutine, readDropRoutine } from '../vendor/routine.js';
import { nth } from '../../indexed.js';

const IRRELEVANT_FIRST = new Set([
  'CONNECT',
  'TERMINATE',
  'COMMIT',
  'ROLLBACK',
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'SELECT',
  'WITH',
  'VALUES',
  'CALL',
  'RUNSTATS',
  'REORG',
  'LOAD',
  'IMPORT',
  'EXPORT',
  'DECLARE',
  'LOCK',
  'TRUNCATE',
  'REFRESH',
  'ECHO',
  'BEGIN',
  'SAVEPOINT',
  'RELEASE',
  'UPDATE',
  'QUIESCE',
  'UNQUIESCE',
  'BACKUP',
  'RESTORE',
  'AUDIT',
  'TRANSFER',
]);
const IRRELEVANT_OBJECTS = new Set([
  'PROCEDURE',
  'FUNCTION',
  'TRIGGER',
  'SEQUENCE',
  'TABLESPACE',
  'BUFFERPOOL',
  'STOGROUP',
  'TYPE',
  'VARIABLE',
  'MODULE',
  'EVENT',
  'WORKLOAD',
  'THRESHOLD',
  'SERVICE',
  'WORK',
  'HISTOGRAM',
  'DATABASE',
  'NICKNAME',
  'SERVER',
  'WRAPPER',
  'USER',
  'SECURITY',
  'TRUSTED',
  'AUDIT',
  'USAGE',
  'GLOBAL',
  'TRANSFORM',
  'METHOD',
  'SPECIFIC',
]);

const TABLE_PRIVILEGES: Record<string, PrivilegeName | 'OTHER'> = {
  SELECT: 'SELECT',
  CONTROL: 'ALL',
  ALL: 'ALL',
  INSERT: 'INSERT',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  REFERENCES: 'REFERENCES',
  ALTER: 'OTHER',
  INDEX: 'OTHER',
};

export const db2Statements: ProductStatements = {
  dialect: 'db2',
  read(c, words) {
    const [w0 = '', w1 = ''] = words; // an absent word matches no keyword
    if (IRRELEVANT_FIRST.has(w0)) return 'irrelevant';
    if (w0 === 'SET') return readSet(c);
    if (w0 === 'GRANT' || w0 === 'REVOKE') return readGrant(c, w0 === 'GRANT');
    if (w0 === 'COMMENT') return readComment(c);
    if (w0 === 'ALTER') {
      if (w1 === 'TABLE') return readAlterTable(c, (table) => accessControlClause(c, table));
      if (w1 === 'PERMISSION' || w1 === 'MASK') return readAlterRcac(c);
      if (w1 === 'VIEW' || w1 === 'INDEX' || IRRELEVANT_OBJECTS.has(w1)) return 'irrelevant';
      return undefined;
    }
    if (w0 === 'DROP') {
      if (w1 === 'TABLE' || w1 === 'VIEW') return readDrop(c);
      if (w1 === 'ROLE') {
        c.i = 2;
        return [{ op: 'drop-role', at: c.at, names: [c.ident()] }];
      }
      if (w1 === 'ALIAS' || w1 === 'PUBLIC') return dropAlias(c);
      if (w1 === 'PERMISSION' || w1 === 'MASK') {
        c.ctx.warn(said('diag.db2.dropRcac', w1), c.stmt.start);
        return [];
      }
      if (w1 === 'PROCEDURE' || w1 === 'FUNCTION' || (w1 === 'SPECIFIC' && words[2] !== 'INDEX'))
        return readDropRoutine(c);
      if (w1 === 'INDEX' || w1 === 'SCHEMA' || IRRELEVANT_OBJECTS.has(w1)) return 'irrelevant';
      return undefined;
    }
    if (w0 === 'CREATE') {
      const objects = words.slice(1, 5);
      if (
        w1 === 'PROCEDURE' ||
        w1 === 'FUNCTION' ||
        (w1 === 'OR' && (words[3] === 'PROCEDURE' || words[3] === 'FUNCTION'))
      )
        return readCreateRoutine(c);
      if (objects.includes('ALIAS') || objects.includes('SYNONYM')) return readAlias(c);
      if (w1 === 'TABLE' || (objects.includes('TABLE') && !objects.includes('FUNCTION'))) return readCreateTable(c).ops;
      if (objects.includes('VIEW')) return readCreateView(c);
      if (objects.includes('INDEX')) return readCreateIndex(c);
      if (w1 === 'ROLE') {
        c.i = 2;
        return [{ op: 'create-role', at: c.at, name: c.ident('a role name'), login: false }];
      }
      if (w1 === 'SCHEMA') return readCreateSchema(c);
      if (objects.includes('PERMISSION')) return readPermission(c);
      if (objects.includes('MASK')) return readMask(c);
      if (objects.some((w) => IRRELEVANT_OBJECTS.has(w))) return 'irrelevant';
      return undefined;
    }
    return undefined;
  },
};

export const db2Reader = vendorReader('db2', db2Statements);

/** `SET SCHEMA x`, `SET CURRENT SCHEMA = x`, `SET CURRENT SQLID = 'X'`; other SET statements are session settings. */
function readSet(c: Cursor): StatementOutcome {
  c.i = 1;
  if (!(
    c.accept('SCHEMA') ||
    c.accept('CURRENT', 'SCHEMA') ||
    c.accept('CURRENT_SCHEMA') ||
    c.accept('CURRENT', 'SQLID')
  ))
    return 'irrelevant';
  c.accept('=');
  const t = c.peek();
  if (!t) c.fail(expected('a schema name'));
  let schema: string;
  if (t.kind === 'string') {
    schema = t.value; // a string names the schema exactly as written
    c.i++;
  } else schema = c.ident('a schema name');
  c.ctx.state.schema = schema;
  return [{ op: 'use-schema', at: c.at, schema }];
}

function readCreateSchema(c: Cursor): StatementOutcome {
  c.i = 2;
  let schema: string | undefined;
  let owner: string | undefined;
  if (!c.is('AUTHORIZATION')) schema = c.ident('a schema name');
  if (c.accept('AUTHORIZATION')) owner = c.ident('an authorization name');
  schema ??= owner;
  if (!schema) c.fail(expected('a schema name'));
  return [{ op: 'create-schema', at: c.at, schema, ...(owner ? { owner } : {}) }];
}

/** `CREATE [OR REPLACE] [PUBLIC] ALIAS a FOR [TABLE] t`: an alias grants nothing; GRANTs on it grant on t. */
function readAlias(c: Cursor): StatementOutcome {
  c.i = 1;
  c.accept('OR', 'REPLACE');
  const isPublic = c.accept('PUBLIC');
  if (!c.accept('ALIAS')) c.expect('SYNONYM');
  const parts = c.nameParts();
  c.expect('FOR');
  c.accept('TABLE');
  c.accept('MODULE');
  const target = c.relationName();
  const schema = isPublic ? PUBLIC_SYNONYM_SCHEMA.db2 : c.qualify(parts).schema;
  const name = nth(parts, parts.length - 1);
  c.ctx.state.synonyms.define(schema, name, target, isPublic);
  // An alias grants nothing: only the name, for GRANTs and views of this file and the others.
  return [
    {
      op: 'synonym',
      at: c.at,
      action: 'create',
      name: { name, ...(schema ? { schema } : {}) },
      public: isPublic,
      target,
    },
  ];
}

function dropAlias(c: Cursor): StatementOutcome {
  c.i = 1;
  const isPublic = c.accept('PUBLIC');
  c.expect('ALIAS');
  const parts = c.nameParts();
  const schema = isPublic ? PUBLIC_SYNONYM_SCHEMA.db2 : c.qualify(parts).schema;
  const name = nth(parts, parts.length - 1);
  c.ctx.state.synonyms.drop(schema, name, isPublic);
  return [{ op: 'synonym', at: c.at, action: 'drop', name: { name, ...(schema ? { schema } : {}) }, public: isPublic }];
}

function aliasOf(c: Cursor, q: QualifiedName, bare: boolean): QualifiedName {
  return c.ctx.state.throughSynonyms(q, bare);
}

/** `USER u`, `GROUP g`, `ROLE r`, `PUBLIC`, or a bare name. */
function grantees(c: Cursor): string[] {
  const out: string[] = [];
  do {
    if (c.accept('PUBLIC')) {
      out.push(PUBLIC);
      continue;
    }
    if (!c.accept('USER')) if (!c.accept('GROUP')) c.accept('ROLE');
    out.push(c.ident('a user, group or role'));
  } while (c.accept(','));
  return out;
}

function readGrant(c: Cursor, isGrant: boolean): StatementOutcome {
  c.i = 1;
  const at = c.at;
  if (c.accept('ROLE')) {
    const roles: string[] = [];
    do roles.push(c.ident('a role'));
    while (c.accept(','));
    if (!c.accept('TO')) c.expect('FROM');
    const members = grantees(c);
    return isGrant
      ? [
          {
            op: 'grant-role',
            at,
            roles,
            members,
            admin: c.accept('WITH', 'ADMIN', 'OPTION'),
            inherit: true,
            set: false,
          },
        ]
      : [{ op: 'revoke-role', at, roles, members }];
  }
  const items: { words: string; columns?: string[]; offset: number }[] = [];
  do {
    const offset = c.offset;
    const words: string[] = [];
    while (!c.done && !c.is(',') && !c.is('ON') && !c.is('TO') && !c.is('FROM') && !c.is('('))
      words.push(c.next().upper);
    const columns = c.is('(') ? c.identList() : undefined;
    items.push({ words: words.join(' ').replace(/ PRIVILEGES$/, ''), columns, offset });
  } while (c.accept(','));
  if (c.accept('ON', 'DATABASE')) {
    if (!c.accept('TO')) c.expect('FROM');
    const principals = grantees(c);
    const withoutData = /WITHOUT\s+DATAACCESS/i.test(c.ctx.text.slice(c.stmt.start, c.stmt.end));
    const ops: CatalogOp[] = [];
    for (const item of items) {
      const name = item.words.split(' ')[0];
      // GRANT DBADM gives DATAACCESS too unless WITHOUT DATAACCESS is written (GRANT (database authorities))
      if (name === 'DATAACCESS' || (name === 'DBADM' && !withoutData)) {
        ops.push({
          op: 'product-rule',
          at,
          rule: { kind: 'authority', authority: 'DATAACCESS', principals, revoke: !isGrant },
        });
      }
    }
    return ops;
  }
  if (!c.accept('ON')) return 'irrelevant'; // GRANT SETSESSIONUSER …, system privileges
  if (items.some((i) => i.words === 'EXECUTE') && (c.is('PROCEDURE') || c.is('FUNCTION') || c.is('SPECIFIC'))) {
    // GRANT EXECUTE ON [SPECIFIC] FUNCTION | PROCEDURE name [(types)] | schema.*: a routine runs as its definer (routine.ts).
    // Db2 names one overload by its signature `name(types)` or `SPECIFIC name`; a bare name must be unique (SQLSTATE 42725: build.ts)
    const specific = c.accept('SPECIFIC');
    const routineKind = c.next().upper === 'FUNCTION' ? 'function' : 'procedure';
    const parts = c.nameParts();
    const all = c.accept('.', '*') || c.accept('*');
    const q = c.qualify(parts);
    const ref: RoutineRef = specific ? { name: q, specific: q.name } : { name: q };
    if (c.is('(')) ref.argTypes = db2ArgTypes(c);
    if (!c.accept('TO')) c.expect('FROM');
    const to = grantees(c);
    const target: GrantTarget = all
      ? { kind: 'all-routines-in-schema', schemas: [nth(parts, parts.length - 1)], routineKind }
      : { kind: 'routines', refs: [ref], routineKind };
    const privileges = [{ privilege: 'EXECUTE' as const }];
    return isGrant
      ? [{ op: 'grant', at, privileges, target, grantees: to, grantOption: c.accept('WITH', 'GRANT', 'OPTION') }]
      : [{ op: 'revoke', at, privileges, target, grantees: to, grantOptionOnly: false, cascade: false }];
  }
  if (c.accept('TABLE') || c.accept('VIEW') || c.accept('NICKNAME')) {
    /* the object kind word is optional */
  } else if (
    c.isIdent() &&
    [
      'INDEX',
      'SCHEMA',
      'PACKAGE',
      'PROCEDURE',
      'FUNCTION',
      'SEQUENCE',
      'TABLESPACE',
      'VARIABLE',
      'MODULE',
      'SERVER',
      'WORKLOAD',
      'SPECIFIC',
    ].includes(c.peek()!.upper) &&
    c.isIdent(1)
  ) {
    return 'irrelevant';
  }
  const parts = c.nameParts();
  const object = aliasOf(c, c.qualify(parts), parts.length === 1);
  if (!c.accept('TO')) c.expect('FROM');
  const to = grantees(c);
  const privileges: PrivilegeSpec[] = [];
  for (const item of items) {
    const p = TABLE_PRIVILEGES[item.words];
    if (p === undefined) c.fail(said('diag.db2.notTablePrivilege', item.words));
    if (p === 'OTHER') continue;
    if (item.columns && p === 'SELECT') {
      c.ctx.warn(said('diag.db2.columnSelect'), item.offset, 'SPIF-DB2-COLUMN-SELECT');
      continue;
    }
    privileges.push(item.columns ? { privilege: p, columns: item.columns } : { privilege: p });
  }
  if (privileges.length === 0) return [];
  const target = { kind: 'relations' as const, names: [object] };
  return isGrant
    ? [{ op: 'grant', at, privileges, target, grantees: to, grantOption: c.accept('WITH', 'GRANT', 'OPTION') }]
    : [{ op: 'revoke', at, privileges, target, grantees: to, grantOptionOnly: false, cascade: false }];
}

/** `ACTIVATE|DEACTIVATE ROW|COLUMN ACCESS CONTROL` in ALTER TABLE. */
function accessControlClause(c: Cursor, table: QualifiedName): CatalogOp[] | undefined {
  const activate = c.is('ACTIVATE');
  if (!activate && !c.is('DEACTIVATE')) return undefined;
  c.i++;
  const row = c.accept('ROW');
  if (!row) c.expect('COLUMN');
  c.expect('ACCESS', 'CONTROL');
  return [
    {
      op: 'product-rule',
      at: c.at,
      rule: { kind: 'access-control', table, ...(row ? { row: activate } : { column: activate }) },
    },
  ];
}

/** `CREATE [OR REPLACE] PERMISSION p ON t [[AS] x] FOR ROWS WHERE cond ENFORCED FOR ALL ACCESS [ENABLE|DISABLE]` (default DISABLE). */
function readPermission(c: Cursor): StatementOutcome {
  c.i = 1;
  c.accept('OR', 'REPLACE');
  c.expect('PERMISSION');
  const name = c.nameParts().join('.');
  c.expect('ON');
  const table = c.relationName();
  c.skipUntil('WHERE');
  c.expect('WHERE');
  const from = c.i;
  c.skipUntil('ENFORCED');
  const predicate = c.textBetween(from, c.i);
  const enabled = c.tokens.slice(c.i).some((t) => t.upper === 'ENABLE');
  return [
    {
      op: 'product-rule',
      at: c.at,
      rule: { kind: 'row-filter', table, name, product: 'db2-permission', predicate, enabled },
    },
  ];
}

/** `CREATE [OR REPLACE] MASK m ON t [[AS] x] FOR COLUMN c RETURN case-expression [ENABLE|DISABLE]` (default DISABLE). */
function readMask(c: Cursor): StatementOutcome {
  c.i = 1;
  c.accept('OR', 'REPLACE');
  c.expect('MASK');
  const name = c.nameParts().join('.');
  c.expect('ON');
  const table = c.relationName();
  c.skipUntil('FOR');
  c.expect('FOR', 'COLUMN');
  const column = c.ident('a column name');
  c.expect('RETURN');
  let end = c.tokens.length;
  const last = c.tokens[end - 1]?.upper;
  if (last === 'ENABLE' || last === 'DISABLE') end--;
  const expression = c.textBetween(c.i, end);
  return [
    {
      op: 'product-rule',
      at: c.at,
      rule: { kind: 'mask', table, column, name, product: 'db2-mask', expression, drop: last !== 'ENABLE' },
    },
  ];
}

/** `ALTER PERMISSION|MASK name ENABLE|DISABLE`: by name only; the table is not in the statement. */
function readAlterRcac(c: Cursor): StatementOutcome {
  c.ctx.warn(said('diag.db2.alterRcac'), c.stmt.start);
  return [];
}
