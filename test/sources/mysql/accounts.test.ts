import { describe, expect, it } from 'vitest';
import { at, ops, read } from './helpers.js';

describe('mysql reader: users, roles and grants', () => {
  it('reads accounts as user@host role names (a role without host is r@%)', () => {
    expect(
      ops(
        "CREATE USER 'app'@'%' IDENTIFIED BY 'x', `b`@`10.0.0.%` IDENTIFIED WITH caching_sha2_password BY 'y' PASSWORD EXPIRE;\nCREATE ROLE IF NOT EXISTS 'r1', r2;\nDROP USER IF EXISTS 'app'@'%';\nDROP ROLE r2;\nRENAME USER b@'10.0.0.%' TO c@LOCALHOST;",
      ),
    ).toEqual([
      { op: 'create-role', name: 'app@%', login: true },
      { op: 'create-role', name: 'b@10.0.0.%', login: true },
      { op: 'create-role', name: 'r1@%', login: false },
      { op: 'create-role', name: 'r2@%', login: false },
      { op: 'drop-role', names: ['app@%'] },
      { op: 'drop-role', names: ['r2@%'] },
      { op: 'alter-role', name: 'b@10.0.0.%', rename: 'c@localhost' },
    ]);
  });

  it('reads GRANT at *.*, db.*, db.tbl, tbl and column level, with GRANT OPTION', () => {
    const sql = [
      'USE kyufu;',
      "GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION;",
      "GRANT SELECT, INSERT, EXECUTE, SHOW VIEW ON kyufu.* TO 'app'@'%', r1;",
      "GRANT SELECT ON `bango`.`kanri` TO 'app'@'%';",
      'GRANT UPDATE ON TABLE t TO r1;',
      "GRANT SELECT (`a`, B), UPDATE (c) ON kyufu.t TO 'app'@'10.0.0.%' IDENTIFIED BY PASSWORD '*AB' REQUIRE NONE WITH MAX_QUERIES_PER_HOUR 10;",
      'GRANT EXECUTE ON PROCEDURE kyufu.p TO r1;',
    ].join('\n');
    const r = read(sql);
    expect(r.diagnostics).toEqual([]);
    expect(r.ops).toEqual([
      { op: 'use-schema', at: at(1, 1), schema: 'kyufu' },
      {
        op: 'grant',
        at: at(2, 1),
        privileges: [{ privilege: 'ALL' }],
        target: { kind: 'database' },
        grantees: ['root@localhost'],
        grantOption: true,
      },
      {
        op: 'grant',
        at: at(3, 1),
        privileges: [{ privilege: 'SELECT' }, { privilege: 'INSERT' }, { privilege: 'EXECUTE' }],
        target: { kind: 'schema-tables', schema: 'kyufu' },
        grantees: ['app@%', 'r1@%'],
        grantOption: false,
      },
      {
        op: 'grant',
        at: at(4, 1),
        privileges: [{ privilege: 'SELECT' }],
        target: { kind: 'relations', names: [{ schema: 'bango', name: 'kanri' }] },
        grantees: ['app@%'],
        grantOption: false,
      },
      {
        op: 'grant',
        at: at(5, 1),
        privileges: [{ privilege: 'UPDATE' }],
        target: { kind: 'relations', names: [{ schema: 'kyufu', name: 't' }] },
        grantees: ['r1@%'],
        grantOption: false,
      },
      {
        op: 'grant',
        at: at(6, 1),
        privileges: [
          { privilege: 'SELECT', columns: ['a', 'b'] },
          { privilege: 'UPDATE', columns: ['c'] },
        ],
        target: { kind: 'relations', names: [{ schema: 'kyufu', name: 't' }] },
        grantees: ['app@10.0.0.%'],
        grantOption: false,
      },
      {
        op: 'grant',
        at: at(7, 1),
        privileges: [{ privilege: 'EXECUTE' }],
        target: {
          kind: 'routines',
          refs: [{ name: { schema: 'kyufu', name: 'p' } }],
          routineKind: 'procedure',
        },
        grantees: ['r1@%'],
        grantOption: false,
      },
    ]);
  });

  it('reads REVOKE of privileges, grant option, roles and admin option', () => {
    expect(
      ops(
        "REVOKE SELECT ON db.t FROM 'app'@'%';\nREVOKE GRANT OPTION ON *.* FROM u;\nREVOKE r1, 'r2'@'%' FROM u@h;\nREVOKE ADMIN OPTION FOR r1 FROM u;",
        'mariadb',
      ),
    ).toEqual([
      {
        op: 'revoke',
        privileges: [{ privilege: 'SELECT' }],
        target: { kind: 'relations', names: [{ schema: 'db', name: 't' }] },
        grantees: ['app@%'],
        grantOptionOnly: false,
        cascade: false,
      },
      {
        op: 'revoke',
        privileges: [{ privilege: 'ALL' }],
        target: { kind: 'database' },
        grantees: ['u@%'],
        grantOptionOnly: true,
        cascade: false,
      },
      { op: 'revoke-role', roles: ['r1@%', 'r2@%'], members: ['u@h'] },
      { op: 'revoke-role', roles: ['r1@%'], members: ['u@%'], optionOnly: 'admin' },
    ]);
  });

  it('a granted role may be SET but is inherited only once it is a default role', () => {
    const sql = [
      "GRANT r1, r2 TO 'app'@'%' WITH ADMIN OPTION;",
      "SET DEFAULT ROLE r1 TO 'app'@'%';",
      "SET DEFAULT ROLE r2 FOR 'app'@'%';", // MariaDB spelling; r1 stops being default
      "ALTER USER 'app'@'%' DEFAULT ROLE NONE;",
      'CREATE USER u DEFAULT ROLE r3;',
    ].join('\n');
    expect(ops(sql)).toEqual([
      { op: 'grant-role', roles: ['r1@%', 'r2@%'], members: ['app@%'], inherit: false, set: true, admin: true },
      { op: 'grant-role', roles: ['r1@%'], members: ['app@%'], inherit: true, set: true },
      { op: 'grant-role', roles: ['r2@%'], members: ['app@%'], inherit: true, set: true },
      { op: 'grant-role', roles: ['r1@%'], members: ['app@%'], inherit: false, set: true },
      { op: 'grant-role', roles: ['r2@%'], members: ['app@%'], inherit: false, set: true },
      { op: 'create-role', name: 'u@%', login: true },
      { op: 'grant-role', roles: ['r3@%'], members: ['u@%'], inherit: true, set: true },
    ]);
  });

  it('activate_all_roles_on_login makes every granted role inherited', () => {
    expect(
      ops(
        'GRANT r1 TO a;\nSET PERSIST activate_all_roles_on_login = ON;\nGRANT r2 TO a;\nSET GLOBAL activate_all_roles_on_login=OFF;',
      ),
    ).toEqual([
      { op: 'grant-role', roles: ['r1@%'], members: ['a@%'], inherit: false, set: true },
      { op: 'grant-role', roles: ['r1@%'], members: ['a@%'], inherit: true, set: true },
      { op: 'grant-role', roles: ['r2@%'], members: ['a@%'], inherit: true, set: true },
      { op: 'grant-role', roles: ['r1@%', 'r2@%'], members: ['a@%'], inherit: false, set: true },
    ]);
  });

  it('CURRENT_USER is reported as info, PROXY beyond the anonymous account as a warning', () => {
    const r = read(
      "GRANT r TO CURRENT_USER();\nGRANT PROXY ON ''@'%' TO root@localhost;\nGRANT PROXY ON 'admin'@'%' TO 'app'@'%';",
    );
    expect(r.ops).toEqual([]);
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['info', 'SPIF-SQL-CURRENT-USER', 1],
      ['warning', 'SPIF-SQL-UNSUPPORTED', 3],
    ]);
  });

  it('a malformed GRANT is a located syntax error', () => {
    const r = read("USE a;\nGRANT SELECT ON db.t 'app';");
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'SPIF-SQL-SYNTAX', line: 2, column: 22 }),
    ]);
  });
});
