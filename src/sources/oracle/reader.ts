/**
 * The Oracle Database reader: scripts and the exports of Oracle's own tools (SQL Developer's
 * "Export DDL", DBMS_METADATA.GET_DDL, Data Pump `impdp … SQLFILE=`, PL/SQL Developer's "Export
 * User Objects"). Tables, views, keys and comments are the shared vendor DDL (../vendor/ddl.ts);
 * this file reads what is Oracle's own:
 * - CREATE USER / CREATE ROLE, GRANT/REVOKE of object privileges, of roles and of the system
 *   privileges that read data (SELECT ANY TABLE, EXEMPT ACCESS POLICY); `ALTER USER … DEFAULT ROLE`.
 *   Oracle has no column-level SELECT (column lists are allowed for INSERT, UPDATE and REFERENCES
 *   only): `GRANT SELECT (c) ON t` fails in the database and is reported, not applied.
 * - CREATE [PUBLIC] SYNONYM: grants nothing; a GRANT on a synonym grants on its object.
 * - CREATE / DROP [PUBLIC] DATABASE LINK and `t@link` names (cross-database paths, resolved in
 *   src/catalog/cross-database.ts); DBMS_RLS.ADD_POLICY / DROP_POLICY / ENABLE_POLICY calls
 *   (Virtual Private Database), in `BEGIN … END;` blocks or SQL*Plus `EXEC`.
 * - `ALTER SESSION SET CURRENT_SCHEMA = s` and SQL*Plus `CONNECT user/…`: unqualified names go there.
 * Documentation: Oracle Database SQL Language Reference 19c (GRANT, REVOKE, CREATE SYNONYM,
 * CREATE DATABASE LINK, ALTER USER) and PL/SQL Packages and Types Reference (DBMS_RLS).
 */
import { listOf, said } from '../../diagnostics.js';
import type { PrivilegeName, QualifiedName } from '../../catalog/model.js';
import type { CatalogOp, PrivilegeSpec } from '../../catalog/ops.js';
import { PUBLIC } from '../../catalog/privileges.js';
import type { ReadAuthority } from '../../catalog/product-rules.js';
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
import { isSuppliedOracleObject, readCreateRoutine, readDropRoutine } from '../vendor/routine.js';
import { readPlsqlCalls } from './plsql-calls.js';
import { nth } from '../../indexed.js';

const OBJECT_PRIVILEGES: Record<string, PrivilegeName | 'READ' | 'OTHER'> = {
  SELECT: 'SELECT',
  READ: 'SELECT',
  INSERT: 'INSERT',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  REFERENCES: 'REFERENCES',
  ALL: 'ALL',
  ALTER: 'OTHER',
  INDEX: 'OTHER',
  EXECUTE: 'OTHER',
  DEBUG: 'OTHER',
  'ON COMMIT REFRESH': 'OTHER',
  'QUERY REWRITE': 'OTHER',
  FLASHBACK: 'OTHER',
  UNDER: 'OTHER',
  WRITE: 'OTHER',
  'INHERIT PRIVILEGES': 'OTHER',
  'KEEP SEQUENCE': 'OTHER',
  MERGE: 'OTHER',
  'MERGE VIEW': 'OTHER',
  USE: 'OTHER',
};

/** System privileges that read every table (the rest — CREATE SESSION, CREATE TABLE … — decide nothing here). */
const READ_SYSTEM_PRIVILEGES: Record<string, ReadAuthority> = {
  'SELECT ANY TABLE': 'SELECT ANY TABLE',
  'READ ANY TABLE': 'SELECT ANY TABLE',
  'EXEMPT ACCESS POLICY': 'EXEMPT ACCESS POLICY',
};

/** Statements that cannot change who reads what (data, sessions, storage, code). */
const IRRELEVANT_FIRST = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'SELECT',
  'WITH',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'LOCK',
  'TRUNCATE',
  'ANALYZE',
  'EXPLAIN',
  'CALL',
  'PURGE',
  'FLASHBACK',
  'AUDIT',
  'NOAUDIT',
  'ASSOCIATE',
  'DISASSOCIATE',
  'PROMPT',
  'REM',
  'REMARK',
  'SPOOL',
  'WHENEVER',
  'DEFINE',
  'UNDEFINE',
  'COLUMN',
  'COL',
  'TTITLE',
  'BTITLE',
  'SHOW',
  'EXIT',
  'QUIT',
  'PAUSE',
  'ACCEPT',
  'HOST',
  'VARIABLE',
  'VAR',
  'PRINT',
  'DESC',
  'DESCRIBE',
  '@',
]);
const IRRELEVANT_OBJECTS = new Set([
  'SEQUENCE',
  'PROCEDURE',
  'FUNCTION',
  'PACKAGE',
  'TRIGGER',
  'TYPE',
  'LIBRARY',
  'JAVA',
  'DIRECTORY',
  'TABLESPACE',
  'CLUSTER',
  'DIMENSION',
  'OPERATOR',
  'INDEXTYPE',
  'CONTEXT',
  'PROFILE',
  'OUTLINE',
  'EDITION',
  'AUDIT',
  'RESTORE',
  'FLASHBACK',
  'LOCKDOWN',
  'PLUGGABLE',
  'DISKGROUP',
  'SPFILE',
  'PFILE',
  'CONTROLFILE',
  'ROLLBACK',
]);

export const oracleStatements: ProductStatements = {
  dialect: 'oracle',
  read(c, words) {
    const [w0 = '', w1 = ''] = words; // an absent word matches no keyword
    if (IRRELEVANT_FIRST.has(w0)) return 'irrelevant';
    if (w0 === 'SET') return 'irrelevant'; // SET ROLE acts in a session only; SQL*Plus SET …
    if (w0 === 'CONNECT' || w0 === 'CONN') return readConnect(c);
    if (w0 === 'BEGIN' || w0 === 'DECLARE' || w0 === 'EXEC' || w0 === 'EXECUTE') return readPlsqlCalls(c);
    if (w0 === 'GRANT') return readGrant(c);
    if (w0 === 'REVOKE') return readRevoke(c);
    if (w0 === 'COMMENT') return readComment(c);
    if (w0 === 'RENAME') return readRename(c);
    if (w0 === 'ALTER') {
      if (w1 === 'TABLE') return readAlterTable(c);
      if (w1 === 'SESSION') return readAlterSession(c);
      if (w1 === 'USER') return readAlterUser(c);
      if (
        w1 === 'VIEW' ||
        w1 === 'INDEX' ||
        w1 === 'ROLE' ||
        IRRELEVANT_OBJECTS.has(w1) ||
        w1 === 'SYSTEM' ||
        w1 === 'DATABASE' ||
        w1 === 'MATERIALIZED' ||
        w1 === 'SYNONYM'
      )
        return 'irrelevant';
      return undefined;
    }
    if (w0 === 'DROP') {
      if (w1 === 'TABLE' || w1 === 'VIEW') return readDrop(c);
      if (w1 === 'USER' || w1 === 'ROLE') {
        c.i = 2;
        return [{ op: 'drop-role', at: c.at, names: [c.ident()] }];
      }
      if ((w1 === 'PUBLIC' && words[2] === 'DATABASE') || w1 === 'DATABASE') {
        if (words[w1 === 'PUBLIC' ? 3 : 2] === 'LINK') return readDatabaseLink(c, 'drop');
      }
      if (w1 === 'SYNONYM' || w1 === 'PUBLIC') return readDropSynonym(c);
      if (w1 === 'PROCEDURE' || w1 === 'FUNCTION' || w1 === 'PACKAGE') return readDropRoutine(c);
      if (w1 === 'INDEX' || w1 === 'DATABASE' || IRRELEVANT_OBJECTS.has(w1) || w1 === 'MATERIALIZED')
        return 'irrelevant';
      return undefined;
    }
    if (w0 === 'CREATE') {
      const objects = words.slice(1);
      const routine = objects.slice(0, 4).find((w) => w === 'PROCEDURE' || w === 'FUNCTION' || w === 'PACKAGE');
      if (routine && objects.indexOf(routine) <= objects.findIndex((w) => IRRELEVANT_OBJECTS.has(w)))
        return readCreateRoutine(c, (name) => name.schema ?? c.ctx.state.schema);
      if (objects.includes('SYNONYM')) return readSynonym(c);
      if (objects.includes('LINK') && objects.includes('DATABASE')) return readDatabaseLink(c, 'create');
      if (objects.includes('TABLE')) return readTable(c);
      if (objects.includes('VIEW')) return readCreateView(c);
      if (objects.includes('INDEX')) return readCreateIndex(c);
      if (w1 === 'USER') return readCreateUser(c);
      if (w1 === 'ROLE') return readCreateRole(c);
      if (w1 === 'SCHEMA') return 'irrelevant'; // CREATE SCHEMA AUTHORIZATION u …: its statements are read alone
      if (objects.slice(0, 4).some((w) => IRRELEVANT_OBJECTS.has(w))) return 'irrelevant';
      return undefined;
    }
    return undefined;
  },
};

export const oracleReader = vendorReader('oracle', oracleStatements);

function readTable(c: Cursor): StatementOutcome {
  const { ops } = readCreateTable(c);
  return ops;
}

/** SQL*Plus `CONNECT user[/password][@db] [AS SYSDBA]`: later unqualified names are that user's. */
function readConnect(c: Cursor): StatementOutcome {
  c.i = 1;
  if (!c.isIdent()) return 'irrelevant';
  const user = c.ident();
  if (user === 'SYS' || user === '/') return 'irrelevant';
  c.ctx.state.schema = user;
  return [{ op: 'use-schema', at: c.at, schema: user }];
}

/** `ALTER SESSION SET CURRENT_SCHEMA = s`; other session settings are irrelevant. */
function readAlterSession(c: Cursor): StatementOutcome {
  c.i = 2;
  if (!c.accept('SET', 'CURRENT_SCHEMA')) return 'irrelevant';
  c.expect('=');
  const schema = c.ident('a schema name');
  c.ctx.state.schema = schema;
  return [{ op: 'use-schema', at: c.at, schema }];
}

/** `CREATE USER u IDENTIFIED BY … [DEFAULT TABLESPACE …] …`: a user is a schema that can log in. */
function readCreateUser(c: Cursor): StatementOutcome {
  c.i = 2;
  const name = c.ident('a user name');
  return [
    { op: 'create-role', at: c.at, name, login: true },
    { op: 'create-schema', at: c.at, schema: name, owner: name },
  ];
}

/** `CREATE ROLE r [NOT IDENTIFIED | IDENTIFIED BY pw | USING pkg | EXTERNALLY | GLOBALLY]`. */
function readCreateRole(c: Cursor): StatementOutcome {
  c.i = 2;
  const name = c.ident('a role name');
  if (c.accept('IDENTIFIED')) {
    c.ctx.info('SPIF-ORACLE-SECURE-ROLE', said('diag.oracle.secureRole', name), c.stmt.start);
  }
  return [{ op: 'create-role', at: c.at, name, login: false }];
}

/**
 * `ALTER USER u DEFAULT ROLE { r [, r] | ALL [EXCEPT r [, r]] | NONE }`: which granted roles are
 * enabled at login. A role outside the default set can still be enabled with SET ROLE (SQL
 * Language Reference, ALTER USER, DEFAULT ROLE clause), so it changes the path, not the verdict.
 */
function readAlterUser(c: Cursor): StatementOutcome {
  c.i = 2;
  const user = c.ident('a user name');
  c.skipUntil('DEFAULT');
  if (!c.accept('DEFAULT', 'ROLE')) return 'irrelevant';
  if (c.accept('NONE'))
    return [
      {
        op: 'product-rule',
        at: c.at,
        rule: { kind: 'default-role', user, all: false, roles: [], except: [], none: true },
      },
    ];
  if (c.accept('ALL')) {
    const except: string[] = [];
    if (c.accept('EXCEPT'))
      do except.push(c.ident());
      while (c.accept(','));
    return [{ op: 'product-rule', at: c.at, rule: { kind: 'default-role', user, all: true, roles: [], except } }];
  }
  const roles: string[] = [];
  do roles.push(c.ident());
  while (c.accept(','));
  return [{ op: 'product-rule', at: c.at, rule: { kind: 'default-role', user, all: false, roles, except: [] } }];
}

/** A privilege or role list item: words up to `,`, `(`, `ON` or `TO`/`FROM`. */
function listItem(c: Cursor, end: string): { words: string; columns?: string[]; offset: number } {
  const offset = c.offset;
  const parts: string[] = [];
  while (!c.done && !c.is(',') && !c.is('ON') && !c.is(end) && !c.is('(')) {
    const t = c.next();
    parts.push(t.kind === 'ident' ? t.value : t.upper);
  }
  const columns = c.is('(') ? c.identList() : undefined;
  return { words: parts.join(' '), columns, offset };
}

function grantees(c: Cursor): string[] {
  const out: string[] = [];
  do {
    const name = c.ident('a user or role');
    out.push(name === 'PUBLIC' ? PUBLIC : name);
  } while (c.accept(','));
  return out;
}

/** A granted object: `[schema.]name`, through this file's synonyms. */
function grantObject(c: Cursor): QualifiedName {
  const parts = c.nameParts();
  return c.ctx.state.throughSynonyms(c.qualify(parts), parts.length === 1);
}

function readGrant(c: Cursor): StatementOutcome {
  c.i = 1;
  const items: ReturnType<typeof listItem>[] = [];
  do items.push(listItem(c, 'TO'));
  while (c.accept(','));
  if (c.accept('ON')) {
    if (
      c.accept('DIRECTORY') ||
      c.accept('EDITION') ||
      c.accept('MINING', 'MODEL') ||
      c.accept('JAVA') ||
      c.accept('SQL', 'TRANSLATION')
    )
      return 'irrelevant';
    const object = grantObject(c);
    c.expect('TO');
    const to = grantees(c);
    const grantOption = c.accept('WITH', 'GRANT', 'OPTION');
    return objectGrant(c, items, object, to, grantOption, true);
  }
  c.expect('TO');
  const to = grantees(c);
  const admin = c.accept('WITH', 'ADMIN', 'OPTION') || c.accept('WITH', 'DELEGATE', 'OPTION');
  return systemOrRoleGrant(c, items, to, admin, true);
}

function readRevoke(c: Cursor): StatementOutcome {
  c.i = 1;
  const items: ReturnType<typeof listItem>[] = [];
  do items.push(listItem(c, 'FROM'));
  while (c.accept(','));
  if (c.accept('ON')) {
    if (
      c.accept('DIRECTORY') ||
      c.accept('EDITION') ||
      c.accept('MINING', 'MODEL') ||
      c.accept('JAVA') ||
      c.accept('SQL', 'TRANSLATION')
    )
      return 'irrelevant';
    const object = grantObject(c);
    c.expect('FROM');
    return objectGrant(c, items, object, grantees(c), false, false);
  }
  c.expect('FROM');
  return systemOrRoleGrant(c, items, grantees(c), false, false);
}

function objectGrant(
  c: Cursor,
  items: ReturnType<typeof listItem>[],
  object: QualifiedName,
  to: string[],
  grantOption: boolean,
  isGrant: boolean,
): CatalogOp[] {
  const privileges: PrivilegeSpec[] = [];
  const ops: CatalogOp[] = [];
  for (const item of items) {
    const words = item.words === 'ALL PRIVILEGES' ? 'ALL' : item.words;
    const p = OBJECT_PRIVILEGES[words];
    if (p === undefined) c.fail(said('diag.oracle.notObjectPrivilege', words));
    if (words === 'EXECUTE' && !isSuppliedOracleObject(object)) {
      // EXECUTE on a procedure, function or package: a definer's-rights one reads as its owner.
      const target = { kind: 'routines' as const, refs: [{ name: object }], routineKind: 'routine' as const };
      const execute = [{ privilege: 'EXECUTE' as const }];
      ops.push(
        isGrant
          ? { op: 'grant', at: c.at, privileges: execute, target, grantees: to, grantOption }
          : {
              op: 'revoke',
              at: c.at,
              privileges: execute,
              target,
              grantees: to,
              grantOptionOnly: false,
              cascade: true,
            },
      );
      continue;
    }
    if (p === 'OTHER') continue;
    if (item.columns && p === 'SELECT') {
      // SQL Language Reference, GRANT: a column list is allowed "only when granting the INSERT,
      // REFERENCES, or UPDATE privilege". The database rejects this grant (ORA-00969).
      c.ctx.warn(
        said('diag.oracle.columnSelect', words, listOf(item.columns)),
        item.offset,
        'SPIF-ORACLE-COLUMN-SELECT',
      );
      continue;
    }
    privileges.push(
      item.columns ? { privilege: p as PrivilegeName, columns: item.columns } : { privilege: p as PrivilegeName },
    );
  }
  if (privileges.length === 0) return ops;
  const target = { kind: 'relations' as const, names: [object] };
  if (isGrant) return [...ops, { op: 'grant', at: c.at, privileges, target, grantees: to, grantOption }];
  // Oracle revokes object privileges in cascade: grants the revokee made with its grant option go too.
  return [...ops, { op: 'revoke', at: c.at, privileges, target, grantees: to, grantOptionOnly: false, cascade: true }];
}

function systemOrRoleGrant(
  c: Cursor,
  items: ReturnType<typeof listItem>[],
  to: string[],
  admin: boolean,
  isGrant: boolean,
): CatalogOp[] {
  const ops: CatalogOp[] = [];
  const roles: string[] = [];
  for (const item of items) {
    const authority = READ_SYSTEM_PRIVILEGES[item.words];
    if (authority) {
      ops.push({
        op: 'product-rule',
        at: c.at,
        rule: { kind: 'authority', authority, principals: to, revoke: !isGrant },
      });
      continue;
    }
    if (
      /\bANY\b|^(CREATE|ALTER|DROP|BECOME|EXECUTE|UNLIMITED|RESTRICTED|SYSDBA|SYSOPER|ADMINISTER|ANALYZE|AUDIT|COMMENT|DEBUG|FLASHBACK|FORCE|GRANT|LOGMINING|MANAGE|ON COMMIT|QUERY|RESUMABLE|SET|SYSBACKUP|SYSDG|SYSKM|INHERIT|KEEP|PURGE|TEXT|EXEMPT|SELECT|READ|TRANSLATE|USE|EM|CHANGE)\b/.test(
        item.words,
      ) ||
      item.words.includes(' ')
    ) {
      continue; // a system privilege that does not read table data
    }
    roles.push(item.words);
  }
  if (roles.length) {
    ops.push(
      isGrant
        ? { op: 'grant-role', at: c.at, roles, members: to, admin, inherit: true, set: true }
        : { op: 'revoke-role', at: c.at, roles, members: to },
    );
  }
  return ops;
}

/** `CREATE [OR REPLACE] [EDITIONABLE] [PUBLIC] SYNONYM [schema.]name FOR [schema.]object[@link]`. */
function readSynonym(c: Cursor): StatementOutcome {
  c.i = 0;
  while (!c.is('SYNONYM') && !c.is('PUBLIC')) c.next();
  const isPublic = c.accept('PUBLIC');
  c.expect('SYNONYM');
  const parts = c.nameParts();
  c.expect('FOR');
  const targetParts = c.nameParts();
  const link = c.lastLink;
  const schema = isPublic ? 'PUBLIC' : c.qualify(parts).schema;
  const name = nth(parts, parts.length - 1);
  const synonym: QualifiedName = { name, ...(schema ? { schema } : {}) };
  if (link === undefined) {
    // A synonym grants nothing (SQL Language Reference, CREATE SYNONYM): only the name, for later
    // GRANTs and views of this file (here) and of the others (the catalog builder).
    const target = c.qualify(targetParts);
    c.ctx.state.synonyms.define(schema, name, target, isPublic);
    return [{ op: 'synonym', at: c.at, action: 'create', name: synonym, public: isPublic, target }];
  }
  // A synonym for a remote object (`FOR schema.t@link`): the synonym names the remote object,
  // read through the link as the link's user (Administrator's Guide, "Users of Database Links").
  const local = synonym;
  c.ctx.state.synonyms.define(schema, name, local, isPublic);
  const remote: QualifiedName = {
    name: nth(targetParts, targetParts.length - 1),
    ...(targetParts.length >= 2 ? { schema: targetParts[targetParts.length - 2] } : {}),
  };
  return [
    { op: 'remote-relation', at: c.at, name: local, link, remote, columns: [], ...(schema ? { owner: schema } : {}) },
    { op: 'synonym', at: c.at, action: 'create', name: local, public: isPublic, target: local },
  ];
}

function readDropSynonym(c: Cursor): StatementOutcome {
  c.i = 1;
  const isPublic = c.accept('PUBLIC');
  c.expect('SYNONYM');
  const parts = c.nameParts();
  const schema = isPublic ? 'PUBLIC' : c.qualify(parts).schema;
  const name = nth(parts, parts.length - 1);
  c.ctx.state.synonyms.drop(schema, name, isPublic);
  return [{ op: 'synonym', at: c.at, action: 'drop', name: { name, ...(schema ? { schema } : {}) }, public: isPublic }];
}

/**
 * `CREATE [SHARED] [PUBLIC] DATABASE LINK name [CONNECT TO { CURRENT_USER | user IDENTIFIED BY pw }]
 * [AUTHENTICATED BY …] [USING 'connect string']` and `DROP [PUBLIC] DATABASE LINK name` (SQL
 * Language Reference, CREATE / DROP DATABASE LINK): a fixed-user link connects as `user`, a
 * current-user link as the current user, a link without CONNECT TO as the connected user. A
 * private link belongs to the user creating it.
 */
function readDatabaseLink(c: Cursor, action: 'create' | 'drop'): StatementOutcome {
  c.i = 1;
  if (action === 'create') c.accept('SHARED');
  const isPublic = c.accept('PUBLIC');
  c.expect('DATABASE', 'LINK');
  const name = c.nameParts().join('.');
  const how = action === 'create' ? linkConnection(c) : { connect: 'connected-user' as const };
  const owner = isPublic ? undefined : c.ctx.state.schema;
  return [{ op: 'database-link', at: c.at, action, name, public: isPublic, ...how, ...(owner ? { owner } : {}) }];
}

/** The clauses after a CREATE DATABASE LINK's name: whom the link connects as, and where. */
function linkConnection(c: Cursor): {
  connect: 'fixed' | 'current-user' | 'connected-user';
  user?: string;
  using?: string;
} {
  let connect: 'fixed' | 'current-user' | 'connected-user' = 'connected-user';
  let user: string | undefined;
  let using: string | undefined;
  while (!c.done) {
    if (c.accept('CONNECT', 'TO')) {
      if (c.accept('CURRENT_USER')) connect = 'current-user';
      else {
        connect = 'fixed';
        user = c.ident('a user');
      }
    } else if (c.accept('AUTHENTICATED', 'BY')) {
      c.ident('a user'); // SHARED links: who authenticates, not whose rights the session has
    } else if (c.accept('IDENTIFIED', 'BY')) {
      c.next(); // the password: never kept
    } else if (c.accept('USING')) using = c.string('the connect string');
    else c.next();
  }
  return { connect, ...(user ? { user } : {}), ...(using !== undefined ? { using } : {}) };
}

/** `RENAME old TO new` (tables, views, synonyms of the current schema). */
function readRename(c: Cursor): StatementOutcome {
  c.i = 1;
  const from = c.relationName();
  c.expect('TO');
  return [{ op: 'rename-relation', at: c.at, from, to: c.ident() }];
}
