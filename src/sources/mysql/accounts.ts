/**
 * Account statements, read by hand: GRANT, REVOKE, CREATE/DROP/RENAME USER, CREATE/DROP ROLE,
 * SET DEFAULT ROLE, ALTER USER … DEFAULT ROLE, and `activate_all_roles_on_login`.
 *
 * No library reads these forms exactly (docs/parsers.md lists the measured failures:
 * node-sql-parser 5.4 rejects `GRANT ALL PRIVILEGES ON *.*`, every REVOKE, CREATE ROLE, DROP
 * USER/ROLE and SET DEFAULT ROLE; sql-parser-cst's mysql dialect rejects all of them).
 *
 * Role semantics (MySQL and MariaDB alike): a granted role is not active until the user runs
 * SET ROLE, so `GRANT r TO u` is a membership the user may SET (`inherit:false, set:true`); it
 * becomes inherited (`inherit:true`) once it is a default role (`SET DEFAULT ROLE`, `ALTER USER
 * … DEFAULT ROLE`, `CREATE USER … DEFAULT ROLE`) or when `activate_all_roles_on_login` is ON.
 */
import type { PrivilegeName } from '../../catalog/model.js';
import type { CatalogOp, GrantTarget, PrivilegeSpec } from '../../catalog/ops.js';
import { type Said, type TextArg, part, said } from '../../diagnostics.js';
import type { StatementContext } from './context.js';
import { tokens, type Token } from './lexer.js';
import { accountName, foldColumn, foldRelation, foldSchema } from './names.js';

/** A statement the reader cannot follow: reported as SPIF-SQL-SYNTAX at `offset`. */
export class StatementSyntaxError extends Error {
  readonly said: Said;
  constructor(
    said: Said,
    readonly offset: number,
  ) {
    super(said.message);
    this.said = said;
  }
}

const PRIVILEGES: Record<string, PrivilegeName> = {
  SELECT: 'SELECT',
  INSERT: 'INSERT',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  REFERENCES: 'REFERENCES',
  TRIGGER: 'TRIGGER',
  CREATE: 'CREATE',
  USAGE: 'USAGE',
  // Running a stored routine: a definer routine reads with its definer's rights (access/mysql.ts).
  EXECUTE: 'EXECUTE',
  ALL: 'ALL',
  'ALL PRIVILEGES': 'ALL',
  'CREATE TEMPORARY TABLES': 'TEMPORARY',
};

/** The server's own schemas: grants on them (every users dump has some) hold no application data. */
const SYSTEM_SCHEMAS = new Set(['mysql', 'sys', 'performance_schema', 'information_schema']);

/** Clauses that end an account list (after `TO`/`FROM`, or in CREATE USER). */
const ACCOUNT_LIST_END = new Set([
  'REQUIRE',
  'WITH',
  'AS',
  'DEFAULT',
  'PASSWORD',
  'ACCOUNT',
  'COMMENT',
  'ATTRIBUTE',
  'FAILED_LOGIN_ATTEMPTS',
  'PASSWORD_LOCK_TIME',
  'IGNORE',
  'RESOURCE',
  'MAX_QUERIES_PER_HOUR',
  'MAX_UPDATES_PER_HOUR',
  'MAX_CONNECTIONS_PER_HOUR',
  'MAX_USER_CONNECTIONS',
  'MAX_STATEMENT_TIME',
]);

export class Cursor {
  private i = 0;
  constructor(
    readonly toks: Token[],
    readonly endOffset: number,
  ) {}
  /** How many tokens have been consumed. */
  get position(): number {
    return this.i;
  }
  peek(k = 0): Token | undefined {
    return this.toks[this.i + k];
  }
  next(): Token {
    const t = this.toks[this.i++];
    if (!t) throw new StatementSyntaxError(said('diag.mysql.unexpectedEnd'), this.endOffset);
    return t;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }
  isWord(...words: string[]): boolean {
    const t = this.peek();
    return !!t && t.kind === 'word' && words.includes(t.upper);
  }
  isPunct(p: string): boolean {
    const t = this.peek();
    return !!t && t.kind === 'punct' && t.value === p;
  }
  accept(...words: string[]): boolean {
    if (!this.isWord(...words)) return false;
    this.i++;
    return true;
  }
  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.i++;
    return true;
  }
  expect(word: string): void {
    if (!this.accept(word)) this.fail(word);
  }
  /** Stops at the next token: `expected` (a keyword, or an entry naming what) is not there. */
  fail(expected: TextArg): never {
    const t = this.peek();
    throw new StatementSyntaxError(
      said('diag.mysql.expected', expected, t ? part('diag.mysql.found', t.value) : part('diag.mysql.atEnd')),
      t?.start ?? this.endOffset,
    );
  }
}

type Account = { kind: 'account'; name: string } | { kind: 'current-user' } | { kind: 'public' };

/** `'app'@'%'`, `app@localhost`, `` `r` ``, `CURRENT_USER[()]`, `PUBLIC`. */
export function account(c: Cursor): Account {
  const t = c.next();
  if (t.kind === 'word' && t.upper === 'CURRENT_USER') {
    if (c.acceptPunct('(')) c.acceptPunct(')');
    return { kind: 'current-user' };
  }
  if (t.kind === 'word' && t.upper === 'PUBLIC') return { kind: 'public' };
  if (t.kind === 'punct') c.fail(part('diag.mysql.what.account'));
  if (!c.isPunct('@')) return { kind: 'account', name: accountName(t.value) };
  c.next();
  // An unquoted host may lex as several adjacent tokens (`10.0.0.1`): join those.
  let host = '';
  let prevEnd = -1;
  while (!c.done()) {
    const h = c.peek()!;
    if (prevEnd >= 0 && h.start !== prevEnd) break;
    if (h.kind === 'punct' && (h.value === ',' || h.value === ';' || h.value === '(')) break;
    c.next();
    host += h.value;
    prevEnd = h.end;
    if (h.kind === 'string' || h.kind === 'ident') break;
  }
  return { kind: 'account', name: accountName(t.value, host) };
}

/** `IDENTIFIED BY …`, `IDENTIFIED VIA plugin USING '…' OR unix_socket`, `IDENTIFIED WITH …`. */
function skipAuthentication(c: Cursor): void {
  while (c.accept('IDENTIFIED')) {
    if (c.accept('WITH', 'VIA')) c.next(); // the plugin name
    while (!c.done() && !c.isPunct(',') && !(c.isWord(...ACCOUNT_LIST_END) && !c.isWord('AS', 'PASSWORD'))) {
      if (c.isWord('AND') && c.peek(1)?.upper === 'IDENTIFIED') {
        c.next();
        break;
      }
      c.next();
    }
  }
}

export class AccountReader {
  private readonly ops: CatalogOp[] = [];

  constructor(private readonly ctx: StatementContext) {}

  read(): CatalogOp[] {
    const toks = [...tokens(this.ctx.text)];
    const c = new Cursor(toks, this.ctx.text.trimEnd().length);
    const first = c.next().upper;
    if (first === 'GRANT') this.grant(c);
    else if (first === 'REVOKE') this.revoke(c);
    else if (first === 'CREATE') this.create(c);
    else if (first === 'DROP') this.drop(c);
    else if (first === 'RENAME') this.rename(c);
    else if (first === 'ALTER') this.alterUser(c);
    else if (first === 'SET') this.set(c);
    return this.ops;
  }

  // ── GRANT ────────────────────────────────────────────────────────────────────────────────
  private grant(c: Cursor): void {
    if (!hasTopLevelOn(c.toks)) return this.grantRoles(c);
    if (c.isWord('PROXY')) return this.proxy(c, 'GRANT');
    const privs = this.privileges(c);
    c.expect('ON');
    const target = this.target(c);
    c.expect('TO');
    const grantees = this.accounts(c, true);
    let grantOption = privs.grantOption;
    while (!c.done()) {
      if (c.accept('WITH')) {
        if (c.accept('GRANT')) {
          c.expect('OPTION');
          grantOption = true;
        }
      } else c.next(); // REQUIRE …, resource limits, AS user: not about reading data
    }
    if (!target || grantees.length === 0 || privs.specs.length === 0) return;
    this.ops.push({ op: 'grant', at: this.ctx.at, privileges: privs.specs, target, grantees, grantOption });
  }

  private grantRoles(c: Cursor): void {
    const roles = this.roleNames(c, 'TO');
    c.expect('TO');
    const members = this.accounts(c, true);
    let admin = false;
    if (c.accept('WITH')) {
      c.expect('ADMIN');
      c.expect('OPTION');
      admin = true;
    }
    this.grantRoleOps(roles, members, admin);
  }

  private grantRoleOps(roles: string[], members: string[], admin: boolean): void {
    const state = this.ctx.state;
    for (const member of members) {
      const held = state.memberships.get(member) ?? new Map<string, boolean>();
      state.memberships.set(member, held);
      // Group by whether the role is already active at login (default role or activate-all).
      const byInherit = new Map<boolean, string[]>();
      for (const role of roles) {
        const isDefault = held.get(role) ?? false;
        held.set(role, isDefault);
        const inherit = isDefault || state.activateAllRoles;
        byInherit.set(inherit, [...(byInherit.get(inherit) ?? []), role]);
      }
      for (const [inherit, rs] of byInherit) {
        // A GRANT without WITH ADMIN OPTION keeps an admin option granted before: say nothing.
        this.ops.push({
          op: 'grant-role',
          at: this.ctx.at,
          roles: rs,
          members: [member],
          inherit,
          set: true,
          ...(admin ? { admin } : {}),
        });
      }
    }
  }

  private proxy(c: Cursor, verb: 'GRANT' | 'REVOKE'): void {
    c.expect('PROXY');
    c.expect('ON');
    const proxied = account(c);
    // Every MySQL/MariaDB install grants root PROXY on the anonymous account ''@'%'.
    if (proxied.kind === 'account' && proxied.name === '@%') return;
    this.ctx.warn(
      said('diag.mysql.proxy', verb, proxied.kind === 'account' ? proxied.name : part('diag.mysql.anotherAccount')),
    );
  }

  /** `SELECT, INSERT (a, b), ALL PRIVILEGES, GRANT OPTION` up to `ON`. */
  private privileges(c: Cursor): { specs: PrivilegeSpec[]; grantOption: boolean; ignored: string[] } {
    const specs: PrivilegeSpec[] = [];
    const ignored: string[] = [];
    let grantOption = false;
    for (;;) {
      const words: string[] = [];
      while (!c.done() && !c.isWord('ON') && !c.isPunct(',') && !c.isPunct('(')) {
        const t = c.next();
        if (t.kind !== 'word') c.fail(part('diag.mysql.what.privilege'));
        words.push(t.upper);
      }
      if (words.length === 0) c.fail(part('diag.mysql.what.privilege'));
      let columns: string[] | undefined;
      if (c.acceptPunct('(')) {
        columns = [];
        while (!c.acceptPunct(')')) {
          const t = c.next();
          if (t.kind !== 'punct') columns.push(foldColumn(t.value));
        }
      }
      const name = words.join(' ');
      if (name === 'GRANT OPTION') grantOption = true;
      else if (PRIVILEGES[name])
        specs.push(columns ? { privilege: PRIVILEGES[name], columns } : { privilege: PRIVILEGES[name] });
      else ignored.push(name); // ALTER, DROP, INDEX, SHOW VIEW…: confer no reading of data
      if (!c.acceptPunct(',')) break;
    }
    return { specs, grantOption, ignored };
  }

  /** `*.*`, `*`, `db.*`, `db.tbl`, `tbl`, optionally after TABLE; `FUNCTION | PROCEDURE [db.]name`. */
  private target(c: Cursor): GrantTarget | undefined {
    let routine: 'function' | 'procedure' | 'package' | undefined;
    if (c.accept('TABLE')) routine = undefined;
    else if (c.isWord('FUNCTION', 'PROCEDURE', 'PACKAGE')) {
      routine = c.next().upper.toLowerCase() as 'function' | 'procedure' | 'package';
      c.accept('BODY');
    }
    const first = c.next();
    let target: GrantTarget;
    if (first.kind === 'punct' && first.value === '*') {
      if (c.acceptPunct('.')) {
        const star = c.next();
        if (star.value !== '*') c.fail('*.*');
        target = { kind: 'database' };
      } else target = { kind: 'schema-tables', schema: this.ctx.schema };
    } else if (first.kind === 'punct') {
      c.fail(part('diag.mysql.what.level'));
    } else if (c.acceptPunct('.')) {
      const second = c.next();
      target =
        second.kind === 'punct' && second.value === '*'
          ? { kind: 'schema-tables', schema: foldSchema(first.value) }
          : { kind: 'relations', names: [{ schema: foldSchema(first.value), name: foldRelation(second.value) }] };
    } else {
      target = { kind: 'relations', names: [{ schema: this.ctx.schema, name: foldRelation(first.value) }] };
    }
    if (target.kind === 'schema-tables' && SYSTEM_SCHEMAS.has(target.schema.toLowerCase())) return undefined;
    if (target.kind === 'relations' && target.names.every((n) => SYSTEM_SCHEMAS.has((n.schema ?? '').toLowerCase())))
      return undefined;
    if (routine === 'package') return undefined; // MariaDB's Oracle mode: packages are not read
    if (routine && target.kind === 'relations')
      return { kind: 'routines', refs: target.names.map((name) => ({ name })), routineKind: routine };
    return routine ? undefined : target;
  }

  /** Accounts after TO/FROM; with `auth`, each may carry an IDENTIFIED clause (MariaDB GRANT). */
  private accounts(c: Cursor, auth: boolean): string[] {
    const out: string[] = [];
    for (;;) {
      const a = account(c);
      if (a.kind === 'account') out.push(a.name);
      else if (a.kind === 'public') out.push('PUBLIC');
      else this.ctx.info('SPIF-SQL-CURRENT-USER', said('diag.mysql.currentUser'));
      if (auth) skipAuthentication(c);
      if (!c.acceptPunct(',')) break;
    }
    if (!c.done() && !c.isWord(...ACCOUNT_LIST_END) && !c.isWord('IDENTIFIED'))
      c.fail(part('diag.mysql.what.accountListEnd'));
    return out;
  }

  /** Role names up to `stop` (TO/FROM). */
  private roleNames(c: Cursor, stop: string): string[] {
    const out: string[] = [];
    do {
      if (c.isWord(stop)) break;
      const a = account(c);
      if (a.kind === 'account') out.push(a.name);
    } while (c.acceptPunct(','));
    return out;
  }

  // ── REVOKE ───────────────────────────────────────────────────────────────────────────────
  private revoke(c: Cursor): void {
    if (c.isWord('IF') && c.peek(1)?.upper === 'EXISTS') {
      c.next();
      c.next();
    }
    if (c.accept('ADMIN')) {
      c.expect('OPTION');
      c.expect('FOR');
      const roles = this.roleNames(c, 'FROM');
      c.expect('FROM');
      const members = this.accounts(c, false);
      this.ops.push({ op: 'revoke-role', at: this.ctx.at, roles, members, optionOnly: 'admin' });
      return;
    }
    if (!hasTopLevelOn(c.toks)) {
      if (c.isWord('ALL')) {
        this.ctx.warn(said('diag.mysql.revokeAll'));
        return;
      }
      const roles = this.roleNames(c, 'FROM');
      c.expect('FROM');
      const members = this.accounts(c, false);
      for (const m of members) for (const r of roles) this.ctx.state.memberships.get(m)?.delete(r);
      this.ops.push({ op: 'revoke-role', at: this.ctx.at, roles, members });
      return;
    }
    if (c.isWord('PROXY')) return this.proxy(c, 'REVOKE');
    const privs = this.privileges(c);
    c.expect('ON');
    const target = this.target(c);
    c.expect('FROM');
    const grantees = this.accounts(c, false);
    if (!target || grantees.length === 0) return;
    const grantOptionOnly = privs.specs.length === 0 && privs.grantOption;
    if (privs.specs.length === 0 && !grantOptionOnly) return;
    this.ops.push({
      op: 'revoke',
      at: this.ctx.at,
      privileges: grantOptionOnly ? [{ privilege: 'ALL' }] : privs.specs,
      target,
      grantees,
      grantOptionOnly,
      cascade: false,
    });
  }

  // ── CREATE / DROP / RENAME USER and ROLE ─────────────────────────────────────────────────
  private create(c: Cursor): void {
    if (c.accept('OR')) c.expect('REPLACE');
    const kind = c.next().upper;
    if (c.isWord('IF')) {
      c.next();
      c.expect('NOT');
      c.expect('EXISTS');
    }
    const names = this.accounts(c, kind === 'USER');
    for (const name of names) this.ops.push({ op: 'create-role', at: this.ctx.at, name, login: kind === 'USER' });
    if (kind === 'USER') {
      for (const name of names) this.ctx.state.accounts.add(name);
      const mandatory = this.ctx.state.mandatoryRoles;
      if (mandatory.length) this.grantRoleOps(mandatory, names, false);
    }
    while (!c.done()) {
      if (kind === 'ROLE' && c.accept('WITH')) {
        // MariaDB: `CREATE ROLE r WITH ADMIN u` grants r to u with the admin option.
        c.expect('ADMIN');
        const admin = account(c);
        if (admin.kind === 'account') this.grantRoleOps(names, [admin.name], true);
      } else if (kind === 'USER' && c.isWord('DEFAULT') && c.peek(1)?.upper === 'ROLE') {
        c.next();
        c.next();
        const roles = this.roleNames(c, 'REQUIRE');
        for (const user of names) this.defaultRoles(user, roles);
      } else c.next();
    }
  }

  private drop(c: Cursor): void {
    c.next(); // USER | ROLE
    if (c.isWord('IF')) {
      c.next();
      c.expect('EXISTS');
    }
    const names = this.accounts(c, false);
    for (const n of names) this.ctx.state.memberships.delete(n);
    for (const held of this.ctx.state.memberships.values()) for (const n of names) held.delete(n);
    if (names.length) this.ops.push({ op: 'drop-role', at: this.ctx.at, names });
  }

  private rename(c: Cursor): void {
    c.expect('USER');
    do {
      const from = account(c);
      c.expect('TO');
      const to = account(c);
      if (from.kind === 'account' && to.kind === 'account') {
        this.ops.push({ op: 'alter-role', at: this.ctx.at, name: from.name, rename: to.name });
      }
    } while (c.acceptPunct(','));
  }

  /** `ALTER USER u DEFAULT ROLE …` (MySQL 8); other ALTER USER clauses (passwords, locks): skipped. */
  private alterUser(c: Cursor): void {
    c.expect('USER');
    if (c.isWord('IF')) {
      c.next();
      c.expect('EXISTS');
    }
    const users = this.accounts(c, true);
    while (!c.done()) {
      if (c.isWord('DEFAULT') && c.peek(1)?.upper === 'ROLE') {
        c.next();
        c.next();
        for (const u of users) this.defaultRoles(u, this.roleSpec(c, 'REQUIRE'));
      } else c.next();
    }
  }

  // ── SET DEFAULT ROLE / activate_all_roles_on_login ───────────────────────────────────────
  private set(c: Cursor): void {
    if (c.accept('DEFAULT')) {
      c.expect('ROLE');
      const spec = this.roleSpec(c, 'TO', 'FOR');
      if (!c.accept('TO', 'FOR')) {
        this.ctx.info('SPIF-SQL-CURRENT-USER', said('diag.mysql.defaultRoleSelf'));
        return;
      }
      for (const u of this.accounts(c, false)) this.defaultRoles(u, spec);
      return;
    }
    // SET [GLOBAL|PERSIST|PERSIST_ONLY] activate_all_roles_on_login = ON, or SET @@global.…
    const words = c.toks.filter((t) => t.kind !== 'punct' || t.value === '=').map((t) => t.upper);
    const at = words.indexOf('ACTIVATE_ALL_ROLES_ON_LOGIN');
    const value = words[at + 1] === '=' ? words[at + 2] : words[at + 1];
    if (at >= 0 && value) this.activateAll(['ON', '1', 'TRUE'].includes(value));
    // SET PERSIST mandatory_roles = 'r1,`r2`@`%`': MySQL grants these roles to every account.
    const mandatory = c.toks.findIndex((t) => t.upper === 'MANDATORY_ROLES');
    const list = c.toks.slice(mandatory + 1).find((t) => t.kind === 'string');
    if (mandatory >= 0 && list) this.mandatoryRoles(list.value);
  }

  /**
   * `mandatory_roles` (MySQL 8 server variable): "roles the server treats as mandatory … granted to
   * every account". Read where a script sets it: the roles are granted to every account this file
   * creates, before and after the statement (set in my.cnf, it is not seen: see access-control.md).
   */
  private mandatoryRoles(value: string): void {
    const roles: string[] = [];
    const c = new Cursor([...tokens(value)], value.length);
    while (!c.done()) {
      const a = account(c);
      if (a.kind === 'account') roles.push(a.name);
      if (!c.acceptPunct(',')) break;
    }
    const state = this.ctx.state;
    state.mandatoryRoles = roles;
    const users = [...state.accounts].filter((u) => !roles.includes(u));
    if (users.length && roles.length) this.grantRoleOps(roles, users, false);
  }

  private roleSpec(c: Cursor, ...stop: string[]): 'all' | 'none' | string[] {
    if (c.accept('ALL')) return 'all';
    if (c.accept('NONE')) return 'none';
    const roles: string[] = [];
    do {
      if (c.isWord(...stop)) break;
      const a = account(c);
      if (a.kind === 'account') roles.push(a.name);
    } while (c.acceptPunct(','));
    return roles;
  }

  /** Make `roles` the user's default (active at login) roles; the others stop being default. */
  private defaultRoles(user: string, roles: 'all' | 'none' | string[]): void {
    const state = this.ctx.state;
    const held = state.memberships.get(user) ?? new Map<string, boolean>();
    state.memberships.set(user, held);
    const wanted = new Set(roles === 'all' ? held.keys() : roles === 'none' ? [] : roles);
    for (const role of wanted) {
      if (held.get(role) === true) continue;
      held.set(role, true);
      this.ops.push({ op: 'grant-role', at: this.ctx.at, roles: [role], members: [user], inherit: true, set: true });
    }
    for (const [role, isDefault] of held) {
      if (!isDefault || wanted.has(role)) continue;
      held.set(role, false);
      if (!state.activateAllRoles)
        this.ops.push({ op: 'grant-role', at: this.ctx.at, roles: [role], members: [user], inherit: false, set: true });
    }
  }

  private activateAll(on: boolean): void {
    const state = this.ctx.state;
    if (state.activateAllRoles === on) return;
    state.activateAllRoles = on;
    for (const [member, held] of state.memberships) {
      const changed = [...held].filter(([, isDefault]) => !isDefault).map(([role]) => role);
      if (changed.length)
        this.ops.push({ op: 'grant-role', at: this.ctx.at, roles: changed, members: [member], inherit: on, set: true });
    }
  }
}

/** GRANT/REVOKE of privileges has an `ON` before `TO`/`FROM`; of roles, none. */
function hasTopLevelOn(toks: Token[]): boolean {
  for (const t of toks) {
    if (t.kind !== 'word') continue;
    if (t.upper === 'ON') return true;
    if (t.upper === 'TO' || t.upper === 'FROM') return false;
  }
  return false;
}
