/**
 * The SQL Server reader: scripts and SSMS "Generate Scripts" output (`[dbo].[T]`, GO batches,
 * `ON [PRIMARY]`, IDENTITY, `WITH CHECK ADD CONSTRAINT`), UTF-16 or UTF-8. Tables, views and keys
 * are the shared vendor DDL (../vendor/ddl.ts); this file reads what is SQL Server's own:
 * - the column 論理名 stored as `EXEC sys.sp_addextendedproperty @name = N'MS_Description', …`;
 * - CREATE USER [FOR LOGIN l], CREATE ROLE, ALTER ROLE … ADD/DROP MEMBER, sp_addrolemember,
 *   CREATE SCHEMA … AUTHORIZATION, ALTER AUTHORIZATION;
 * - GRANT / DENY / REVOKE of SELECT, CONTROL and UNMASK on objects, columns, `SCHEMA::` and the
 *   database, in source order (see src/access/products/sqlserver.ts for their meaning);
 * - Dynamic Data Masking (`MASKED WITH (FUNCTION = …)`, `ALTER COLUMN … ADD/DROP MASKED`) and
 *   row-level security (CREATE/ALTER/DROP SECURITY POLICY … FILTER PREDICATE).
 * Documentation: Microsoft Learn, Transact-SQL reference (GRANT, DENY, REVOKE and their Object /
 * Schema / Database permission pages, CREATE USER, ALTER ROLE, sp_addextendedproperty, CREATE
 * SECURITY POLICY, Dynamic Data Masking).
 */
import { said } from '../../diagnostics.js';
import type { QualifiedName } from '../../catalog/model.js';
import type { CatalogOp, GrantTarget } from '../../catalog/ops.js';
import { PUBLIC } from '../../catalog/privileges.js';
import type { RuleTarget } from '../../catalog/product-rules.js';
import type { Cursor } from '../vendor/cursor.js';
import { readAlterTable, readCreateIndex, readCreateTable, readCreateView, readDrop } from '../vendor/ddl.js';
import { foldStringName, type Token } from '../vendor/lexer.js';
import { readCreateRoutine, readDropRoutine } from '../vendor/routine.js';
import { type ProductStatements, type StatementOutcome, vendorReader } from '../vendor/reader.js';
import { nth } from '../../indexed.js';

const IRRELEVANT_FIRST = new Set([
  'SET',
  'USE',
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'SELECT',
  'WITH',
  'PRINT',
  'DECLARE',
  'IF',
  'ELSE',
  'BEGIN',
  'END',
  'COMMIT',
  'ROLLBACK',
  'SAVE',
  'TRUNCATE',
  'RAISERROR',
  'THROW',
  'RETURN',
  'WAITFOR',
  'DBCC',
  'BACKUP',
  'RESTORE',
  'CHECKPOINT',
  'RECONFIGURE',
  'SHUTDOWN',
  'KILL',
  'BULK',
  'OPEN',
  'CLOSE',
  'FETCH',
  'DEALLOCATE',
  'ENABLE',
  'DISABLE',
  'UPDATE',
  ':SETVAR',
  ':ON',
  ':R',
  'GOTO',
  'WHILE',
  'BREAK',
  'CONTINUE',
]);
const IRRELEVANT_OBJECTS = new Set([
  'PROCEDURE',
  'PROC',
  'FUNCTION',
  'TRIGGER',
  'SEQUENCE',
  'TYPE',
  'SYNONYM',
  'LOGIN',
  'DEFAULT',
  'RULE',
  'STATISTICS',
  'FULLTEXT',
  'XML',
  'ASSEMBLY',
  'CERTIFICATE',
  'ASYMMETRIC',
  'SYMMETRIC',
  'MASTER',
  'CREDENTIAL',
  'PARTITION',
  'QUEUE',
  'SERVICE',
  'CONTRACT',
  'MESSAGE',
  'ROUTE',
  'ENDPOINT',
  'EVENT',
  'SERVER',
  'DATABASE',
  'COLUMNSTORE',
  'SPATIAL',
  'AGGREGATE',
  'EXTERNAL',
  'WORKLOAD',
  'RESOURCE',
  'AVAILABILITY',
  'BROKER',
  'COLUMN',
  'SEARCH',
  'SELECTIVE',
  'PRIMARY',
]);
/** Permissions that decide reading: SELECT, CONTROL (implies it), ALL (includes it on tables/views). */
const READ_PERMISSIONS = new Set(['SELECT', 'CONTROL', 'ALL']);

export const sqlServerStatements: ProductStatements = {
  dialect: 'sqlserver',
  read(c, words) {
    const [w0 = '', w1 = ''] = words; // an absent word matches no keyword
    if (w0 === 'EXEC' || w0 === 'EXECUTE') return readExec(c);
    if (IRRELEVANT_FIRST.has(w0)) return 'irrelevant';
    if (w0 === 'GRANT' || w0 === 'DENY' || w0 === 'REVOKE') return readPermission(c, w0);
    if ((w0 === 'CREATE' || w0 === 'ALTER') && isRoutine(words)) return readCreateRoutine(c);
    if (w0 === 'DROP' && (w1 === 'PROCEDURE' || w1 === 'PROC' || w1 === 'FUNCTION')) return readDropRoutine(c);
    if (w0 === 'ALTER') {
      if (w1 === 'TABLE') return readAlterTable(c, (table) => alterTableClause(c, table));
      if (w1 === 'ROLE') return readAlterRole(c);
      if (w1 === 'AUTHORIZATION') return readAlterAuthorization(c);
      if (w1 === 'SECURITY') return readSecurityPolicy(c);
      if (w1 === 'VIEW') return readCreateView(c);
      if (w1 === 'USER') return readAlterUser(c);
      if (w1 === 'SCHEMA' || w1 === 'INDEX' || IRRELEVANT_OBJECTS.has(w1)) return 'irrelevant';
      return undefined;
    }
    if (w0 === 'DROP') {
      if (w1 === 'TABLE' || w1 === 'VIEW') return readDrop(c);
      if (w1 === 'USER' || w1 === 'ROLE') {
        c.i = 2;
        c.accept('IF', 'EXISTS');
        return [{ op: 'drop-role', at: c.at, names: [c.ident()] }];
      }
      if (w1 === 'SECURITY') return readSecurityPolicy(c);
      if (w1 === 'INDEX' || w1 === 'SCHEMA' || IRRELEVANT_OBJECTS.has(w1)) return 'irrelevant';
      return undefined;
    }
    if (w0 === 'CREATE') {
      const objects = words.slice(1, 5);
      if (w1 === 'TABLE') return readTableWithMasks(c);
      if (objects.includes('VIEW') && !objects.includes('MATERIALIZED')) return readCreateView(c);
      if (
        objects.includes('INDEX') &&
        !objects.includes('XML') &&
        !objects.includes('SPATIAL') &&
        !objects.includes('FULLTEXT')
      )
        return readCreateIndex(c);
      if (w1 === 'USER') return readCreateUser(c);
      if (w1 === 'ROLE') return readCreateRole(c);
      if (w1 === 'APPLICATION' && words[2] === 'ROLE') return readCreateRole(c);
      if (w1 === 'SCHEMA') return readCreateSchema(c);
      if (w1 === 'SECURITY') return readSecurityPolicy(c);
      if (objects.some((w) => IRRELEVANT_OBJECTS.has(w))) return 'irrelevant';
      return undefined;
    }
    return undefined;
  },
};

export const sqlServerReader = vendorReader('sqlserver', sqlServerStatements);

/** `CREATE | ALTER | CREATE OR ALTER  PROC[EDURE] | FUNCTION` (not TRIGGER, not an aggregate). */
function isRoutine(words: string[]): boolean {
  const k = words[1] === 'OR' ? 3 : 1;
  return words[k] === 'PROCEDURE' || words[k] === 'PROC' || words[k] === 'FUNCTION';
}

/** CREATE TABLE, with `[col] … MASKED WITH (FUNCTION = 'partial(0,"XXX",4)')` on its columns. */
function readTableWithMasks(c: Cursor): CatalogOp[] {
  const { ops, masks } = readCreateTable(c);
  const created = ops[0];
  if (!created || (created.op !== 'create-table' && created.op !== 'create-view')) return ops;
  const table = created.name;
  return [
    ...ops,
    ...masks.map((m): CatalogOp => ({
      op: 'product-rule',
      at: c.at,
      rule: { kind: 'mask', table, column: m.column, product: 'ddm', expression: m.expression },
    })),
  ];
}

/** `ALTER COLUMN c ADD MASKED WITH (FUNCTION = '…')` / `ALTER COLUMN c DROP MASKED`. */
function alterTableClause(c: Cursor, table: QualifiedName): CatalogOp[] | undefined {
  if (!c.is('ALTER') || !c.is('COLUMN', 1)) return undefined;
  const save = c.i;
  c.i += 2;
  const column = c.ident('a column name');
  if (c.accept('ADD', 'MASKED', 'WITH')) {
    c.expect('(');
    c.expect('FUNCTION');
    c.expect('=');
    const expression = c.string('the masking function');
    c.expect(')');
    return [{ op: 'product-rule', at: c.at, rule: { kind: 'mask', table, column, product: 'ddm', expression } }];
  }
  if (c.accept('DROP', 'MASKED'))
    return [{ op: 'product-rule', at: c.at, rule: { kind: 'mask', table, column, product: 'ddm', drop: true } }];
  c.i = save;
  return undefined;
}

function principal(c: Cursor): string {
  const name = c.ident('a principal');
  return name === 'public' ? PUBLIC : name;
}

/** `CREATE USER u [FOR|FROM LOGIN l | WITHOUT LOGIN | FROM EXTERNAL PROVIDER] [WITH DEFAULT_SCHEMA = s]`. */
function readCreateUser(c: Cursor): StatementOutcome {
  c.i = 2;
  const user = c.ident('a user name');
  const ops: CatalogOp[] = [{ op: 'create-role', at: c.at, name: user, login: true }];
  let login: string | undefined;
  if (c.accept('FOR', 'LOGIN') || c.accept('FROM', 'LOGIN')) login = c.ident('a login');
  else if (!c.is('WITHOUT') && !c.is('WITH') && !c.is('FROM') && !c.is('FOR')) login = user; // `CREATE USER x` maps login x
  if (login) ops.push({ op: 'product-rule', at: c.at, rule: { kind: 'login-user', user, login } });
  return ops;
}

function readAlterUser(c: Cursor): StatementOutcome {
  c.i = 2;
  const user = c.ident('a user name');
  if (c.accept('WITH')) {
    const ops: CatalogOp[] = [];
    do {
      if (c.accept('NAME', '=')) ops.push({ op: 'alter-role', at: c.at, name: user, rename: c.ident() });
      else if (c.accept('LOGIN', '='))
        ops.push({ op: 'product-rule', at: c.at, rule: { kind: 'login-user', user, login: c.ident() } });
      else c.skipUntil(',');
    } while (c.accept(','));
    return ops;
  }
  return 'irrelevant';
}

function readCreateRole(c: Cursor): StatementOutcome {
  c.i = 2;
  if (c.is('ROLE')) c.i++; // APPLICATION ROLE
  const name = c.ident('a role name');
  return [{ op: 'create-role', at: c.at, name, login: false }];
}

/** `ALTER ROLE r ADD MEMBER m` / `DROP MEMBER m` / `WITH NAME = n`. */
function readAlterRole(c: Cursor): StatementOutcome {
  c.i = 2;
  const role = c.ident('a role name');
  if (c.accept('ADD', 'MEMBER'))
    return [{ op: 'grant-role', at: c.at, roles: [role], members: [principal(c)], inherit: true, set: false }];
  if (c.accept('DROP', 'MEMBER')) return [{ op: 'revoke-role', at: c.at, roles: [role], members: [principal(c)] }];
  if (c.accept('WITH', 'NAME', '=')) return [{ op: 'alter-role', at: c.at, name: role, rename: c.ident() }];
  return 'irrelevant';
}

/** `CREATE SCHEMA s [AUTHORIZATION o]`: o owns the schema and, by default, every object in it. */
function readCreateSchema(c: Cursor): StatementOutcome {
  c.i = 2;
  const schema = c.ident('a schema name');
  const owner = c.accept('AUTHORIZATION') ? c.ident('an owner') : 'dbo';
  if (!c.done) c.ctx.warn(said('diag.sqlserver.schemaElements'), c.offset);
  return [{ op: 'create-schema', at: c.at, schema, owner }];
}

/** `ALTER AUTHORIZATION ON [OBJECT:: | SCHEMA::] x TO p | SCHEMA OWNER`. */
function readAlterAuthorization(c: Cursor): StatementOutcome {
  c.i = 2;
  c.expect('ON');
  let kind: 'relation' | 'schema' = 'relation';
  if (c.accept('SCHEMA', '::')) kind = 'schema';
  else if (c.accept('OBJECT', '::')) kind = 'relation';
  else if (c.isIdent() && c.is('::', 1)) return 'irrelevant'; // DATABASE::, ASSEMBLY::, …
  const parts = c.nameParts();
  c.expect('TO');
  if (c.accept('SCHEMA', 'OWNER')) {
    return kind === 'relation'
      ? [{ op: 'set-owner', at: c.at, name: c.qualify(parts), owner: '', kind: 'relation' }]
      : 'irrelevant';
  }
  const owner = c.ident('an owner');
  if (kind === 'schema')
    return [{ op: 'set-owner', at: c.at, name: { name: nth(parts, parts.length - 1) }, owner, kind: 'schema' }];
  return [{ op: 'set-owner', at: c.at, name: c.qualify(parts), owner, kind: 'relation' }];
}

/**
 * GRANT/DENY/REVOKE `perm [(cols)] [, …] [ON [class::]securable [(cols)]] TO|FROM principal [, …]`.
 * SELECT, CONTROL and ALL decide reading; UNMASK unmasks; EXECUTE (on a routine, a schema or the
 * database) lets the grantee run routines that read with other rights (../vendor/routine.ts); the
 * rest is irrelevant.
 */
function readPermission(c: Cursor, verb: 'GRANT' | 'DENY' | 'REVOKE'): StatementOutcome {
  c.i = 1;
  if (verb === 'REVOKE') c.accept('GRANT', 'OPTION', 'FOR');
  const perms: { name: string; columns?: string[] }[] = [];
  do {
    const words: string[] = [];
    while (!c.done && !c.is(',') && !c.is('ON') && !c.is('TO') && !c.is('FROM') && !c.is('('))
      words.push(c.next().upper);
    const columns = c.is('(') ? c.identList() : undefined;
    perms.push({ name: words.join(' ').replace(/ PRIVILEGES$/, ''), columns });
  } while (c.accept(','));
  let target: RuleTarget = { kind: 'database' };
  let columns: string[] | undefined;
  if (c.accept('ON')) {
    if (c.accept('SCHEMA', '::')) target = { kind: 'schema', schema: c.ident('a schema') };
    else if (c.accept('DATABASE', '::')) {
      c.ident();
      target = { kind: 'database' };
    } else if (c.isIdent() && c.is('::', 1) && !c.is('OBJECT')) {
      return 'irrelevant'; // TYPE::, ASSEMBLY::, XML SCHEMA COLLECTION::, CERTIFICATE::, …
    } else {
      c.accept('OBJECT', '::');
      target = { kind: 'relation', name: c.relationName() };
      if (c.is('(')) columns = c.identList();
    }
  }
  if (!c.accept('TO')) c.expect('FROM');
  const principals: string[] = [];
  do principals.push(principal(c));
  while (c.accept(','));
  const at = c.at;
  const ops: CatalogOp[] = [];
  for (const perm of perms) {
    const cols = perm.columns ?? columns;
    const state = verb === 'GRANT' ? ('grant' as const) : verb === 'DENY' ? ('deny' as const) : ('revoke' as const);
    if (perm.name === 'UNMASK') {
      const rule =
        target.kind === 'relation'
          ? {
              kind: 'unmask' as const,
              principals,
              table: target.name,
              ...(cols?.[0] ? { column: cols[0] } : {}),
              state,
            }
          : { kind: 'unmask' as const, principals, state };
      if (target.kind === 'schema') c.ctx.warn(said('diag.sqlserver.unmaskSchema'), c.stmt.start);
      if (cols && cols.length > 1)
        for (const column of cols.slice(1)) ops.push({ op: 'product-rule', at, rule: { ...rule, column } });
      ops.push({ op: 'product-rule', at, rule });
      continue;
    }
    if (perm.name === 'EXECUTE' || perm.name === 'ALL') {
      // EXECUTE on a procedure or function (or on its schema, or the database): a path with other
      // rights than the caller's (routine.ts). The neutral grant/revoke says who is granted (a DENY
      // replaces the principal's own GRANT); the product rule lets a DENY anywhere in a user's
      // roles win over every GRANT (access/products/sqlserver.ts).
      const execute = [{ privilege: 'EXECUTE' as const }];
      const routineTarget: GrantTarget =
        target.kind === 'relation'
          ? { kind: 'routines', refs: [{ name: target.name }], routineKind: 'routine' }
          : target.kind === 'schema'
            ? { kind: 'schema-tables', schema: target.schema }
            : { kind: 'database' };
      if (perm.name === 'EXECUTE')
        ops.push(
          verb === 'GRANT'
            ? { op: 'grant', at, privileges: execute, target: routineTarget, grantees: principals, grantOption: false }
            : {
                op: 'revoke',
                at,
                privileges: execute,
                target: routineTarget,
                grantees: principals,
                grantOptionOnly: false,
                cascade: true,
              },
        );
      if (perm.name === 'EXECUTE') {
        ops.push({ op: 'product-rule', at, rule: { kind: 'execute-permission', state, target, principals } });
        continue;
      }
    }
    if (!READ_PERMISSIONS.has(perm.name)) continue;
    if (perm.name === 'CONTROL' && target.kind === 'database') {
      ops.push({
        op: 'product-rule',
        at,
        rule: { kind: 'authority', authority: 'CONTROL', principals, revoke: verb !== 'GRANT' },
      });
    }
    const ruleTarget: RuleTarget = target.kind === 'relation' && cols ? { ...target, columns: cols } : target;
    ops.push({ op: 'product-rule', at, rule: { kind: 'permission', state, target: ruleTarget, principals } });
    if (verb === 'DENY') continue;
    // GRANT/REVOKE also go to the neutral privileges, so that grantees are known principals.
    const neutral: GrantTarget =
      target.kind === 'relation'
        ? { kind: 'relations', names: [target.name] }
        : target.kind === 'schema'
          ? { kind: 'schema-tables', schema: target.schema }
          : { kind: 'database' };
    const privileges = [{ privilege: 'SELECT' as const, ...(cols ? { columns: cols } : {}) }];
    ops.push(
      verb === 'GRANT'
        ? { op: 'grant', at, privileges, target: neutral, grantees: principals, grantOption: false }
        : {
            op: 'revoke',
            at,
            privileges,
            target: neutral,
            grantees: principals,
            grantOptionOnly: false,
            cascade: true,
          },
    );
  }
  return ops;
}

/**
 * `CREATE|ALTER SECURITY POLICY p ADD [FILTER|BLOCK] PREDICATE fn(args) ON t [, …] [WITH (STATE = ON|OFF)]`
 * and `DROP SECURITY POLICY p`. FILTER predicates hide rows from SELECT; BLOCK predicates only stop writes.
 */
function readSecurityPolicy(c: Cursor): StatementOutcome {
  c.i = 0;
  const verb = c.next().upper;
  c.expect('SECURITY');
  c.expect('POLICY');
  if (verb === 'DROP') c.accept('IF', 'EXISTS');
  const name = c.nameParts().join('.');
  const at = c.at;
  const ops: CatalogOp[] = [];
  const stateOff = /\bSTATE\s*=\s*OFF\b/i.test(c.ctx.text.slice(c.stmt.start, c.stmt.end));
  while (!c.done) {
    if (c.accept('ADD') || c.accept('ALTER')) {
      const filter = c.accept('FILTER');
      if (!filter) c.accept('BLOCK');
      c.expect('PREDICATE');
      const fnStart = c.i;
      c.nameParts();
      c.skipParens();
      const predicate = c.textBetween(fnStart, c.i);
      c.expect('ON');
      const table = c.relationName();
      while (!c.done && !c.is(',') && !c.is('WITH') && !c.is('ADD') && !c.is('DROP')) c.next(); // AFTER INSERT …
      if (filter)
        ops.push({
          op: 'product-rule',
          at,
          rule: { kind: 'row-filter', table, name, product: 'mssql-security-policy', predicate, enabled: !stateOff },
        });
    } else if (c.accept('DROP')) {
      const filter = c.accept('FILTER');
      if (!filter) c.accept('BLOCK');
      c.expect('PREDICATE');
      c.expect('ON');
      const table = c.relationName();
      if (filter)
        ops.push({
          op: 'product-rule',
          at,
          rule: { kind: 'row-filter', table, name, product: 'mssql-security-policy', enabled: false, drop: true },
        });
    } else {
      c.next();
    }
  }
  if (verb === 'DROP') c.ctx.warn(said('diag.sqlserver.dropSecurityPolicy', name), c.stmt.start);
  return ops;
}

/** EXEC of the system procedures that change names, comments or role membership; sp_executesql is reported. */
function readExec(c: Cursor): StatementOutcome {
  c.i = 1;
  if (c.is('(')) {
    c.ctx.warn(said('diag.sqlserver.execDynamic'), c.stmt.start, 'SPIF-SQL-DYNAMIC');
    return [];
  }
  if (c.isIdent() && c.is('=', 1)) c.i += 2; // EXEC @rc = proc
  const proc = c.nameParts().filter(Boolean).pop()!;
  const args = readProcArgs(c);
  switch (proc) {
    case 'sp_addextendedproperty':
    case 'sp_updateextendedproperty':
      return extendedProperty(c, args);
    case 'sp_addrolemember': {
      const [role, member] = [arg(args, 'rolename', 0), arg(args, 'membername', 1)];
      if (!role || !member) c.fail(said('diag.sqlserver.roleMemberArgs', 'sp_addrolemember'));
      return [
        {
          op: 'grant-role',
          at: c.at,
          roles: [foldStringName(role, 'sqlserver')],
          members: [memberName(member)],
          inherit: true,
          set: false,
        },
      ];
    }
    case 'sp_droprolemember': {
      const [role, member] = [arg(args, 'rolename', 0), arg(args, 'membername', 1)];
      if (!role || !member) c.fail(said('diag.sqlserver.roleMemberArgs', 'sp_droprolemember'));
      return [
        { op: 'revoke-role', at: c.at, roles: [foldStringName(role, 'sqlserver')], members: [memberName(member)] },
      ];
    }
    case 'sp_rename': {
      const [from, to, type] = [arg(args, 'objname', 0), arg(args, 'newname', 1), arg(args, 'objtype', 2)];
      if (!from || !to) c.fail(said('diag.sqlserver.renameArgs'));
      const parts = from.split('.').map((p) => foldStringName(p.replace(/^\[|\]$/g, ''), 'sqlserver'));
      if (type?.toUpperCase() === 'COLUMN') {
        return [
          {
            op: 'rename-column',
            at: c.at,
            table: c.qualify(parts.slice(0, -1)),
            from: nth(parts, parts.length - 1),
            to: foldStringName(to, 'sqlserver'),
          },
        ];
      }
      return [{ op: 'rename-relation', at: c.at, from: c.qualify(parts), to: foldStringName(to, 'sqlserver') }];
    }
    case 'sp_executesql':
      c.ctx.warn(said('diag.sqlserver.executesql'), c.stmt.start, 'SPIF-SQL-DYNAMIC');
      return [];
    default:
      return 'irrelevant'; // other procedures: their effects are data, or reported where they are defined
  }
}

function memberName(s: string): string {
  const m = foldStringName(s, 'sqlserver');
  return m === 'public' ? PUBLIC : m;
}

type ProcArgs = { named: Map<string, Token>; positional: Token[] };

function readProcArgs(c: Cursor): ProcArgs {
  const named = new Map<string, Token>();
  const positional: Token[] = [];
  while (!c.done) {
    let name: string | undefined;
    if (c.peek()!.kind === 'word' && c.peek()!.value.startsWith('@') && c.is('=', 1)) {
      name = c.next().value.slice(1).toLowerCase();
      c.i++;
    }
    const start = c.i;
    c.skipUntil(',');
    const value = c.tokens[start];
    if (value && c.i === start + 1) {
      if (name) named.set(name, value);
      else positional.push(value);
    } else if (!name) positional.push({ kind: 'punct', value: '', upper: '', start: 0, end: 0, lineStart: false });
    if (!c.accept(',')) break;
  }
  return { named, positional };
}

function arg(args: ProcArgs, name: string, position: number): string | undefined {
  const t = args.named.get(name) ?? (args.named.size ? undefined : args.positional[position]);
  if (!t || t.kind !== 'string') return t && t.upper === 'NULL' ? undefined : t?.kind === 'word' ? t.value : undefined;
  return t.value;
}

/**
 * `sp_addextendedproperty @name, @value, @level0type, @level0name, @level1type, @level1name,
 * @level2type, @level2name`: MS_Description on a table/view (level 1) or a column (level 2) is its
 * 論理名; other properties (MS_DiagramPane …) say nothing spif reads.
 */
function extendedProperty(c: Cursor, args: ProcArgs): StatementOutcome {
  const keys = ['name', 'value', 'level0type', 'level0name', 'level1type', 'level1name', 'level2type', 'level2name'];
  const get = (k: string) => arg(args, k, keys.indexOf(k));
  if (get('name')?.toUpperCase() !== 'MS_DESCRIPTION') return 'irrelevant';
  const text = get('value') ?? '';
  const level0 = get('level0type')?.toUpperCase();
  const level1 = get('level1type')?.toUpperCase();
  const level2 = get('level2type')?.toUpperCase();
  if ((level0 !== 'SCHEMA' && level0 !== 'USER') || !['TABLE', 'VIEW'].includes(level1 ?? '')) return 'irrelevant';
  const table = {
    schema: foldStringName(get('level0name') ?? 'dbo', 'sqlserver'),
    name: foldStringName(get('level1name') ?? '', 'sqlserver'),
  };
  if (!table.name) c.fail(said('diag.sqlserver.extPropTable'));
  if (level2 === 'COLUMN') {
    const column = get('level2name');
    if (!column) c.fail(said('diag.sqlserver.extPropColumn'));
    return [{ op: 'comment-column', at: c.at, table, column: foldStringName(column, 'sqlserver'), text: text || null }];
  }
  if (level2 !== undefined) return 'irrelevant'; // an index, constraint or trigger
  return [{ op: 'comment-relation', at: c.at, name: table, text: text || null }];
}
