/**
 * Small schemas, one construct each, shared by the live-equality and snapshot round-trip tests.
 * Each case checks one fact of the catalog read live, so a reader that returned nothing (and a DDL
 * reader that did the same) could not pass.
 */
import { expect } from 'vitest';
import type { Catalog } from '../../src/catalog/model.js';
import { nth } from '../../src/indexed.js';
import { asRelationId } from '../../src/catalog/model.js';

export interface Case {
  name: string;
  sql: string;
  /** The oldest server_version_num whose grammar takes this SQL (membership options: 16). */
  minVersion?: number;
  check: (live: Catalog) => void;
}

const rel = (c: Catalog, id: string) => {
  const r = c.relations.get(asRelationId(`kyufu.${id}`));
  if (!r) throw new Error(`no relation ${id}`);
  return r;
};
/** Named roles (and PUBLIC) that hold the read privilege on matching objects; the bootstrap owner ('') left out. */
const selectors = (c: Catalog, scope: string) =>
  c.grants
    .filter(
      (g) =>
        g.grantee !== '' &&
        JSON.stringify(g.scope).includes(scope) &&
        ['SELECT', 'USAGE', 'CONNECT'].includes(g.privilege),
    )
    .map((g) => g.grantee)
    .sort();

export const CASES: Case[] = [
  {
    name: 'tables, keys, foreign keys, comments, types',
    sql: `
      CREATE SCHEMA bango;
      CREATE TABLE bango.kojin (
        atena_no integer PRIMARY KEY,
        kojin_bango char(12) UNIQUE,
        shimei varchar(100),
        seinengappi date,
        kingaku numeric(10,2),
        tags text[],
        koshin timestamptz
      );
      CREATE TABLE public.jukyusha (
        id bigserial PRIMARY KEY,
        atena_no integer NOT NULL REFERENCES bango.kojin (atena_no),
        hihokensha_no text,
        UNIQUE (hihokensha_no, atena_no)
      );
      CREATE TABLE "MixedCase" ("Col" int, "select" int);
      COMMENT ON TABLE bango.kojin IS '個人情報';
      COMMENT ON COLUMN bango.kojin.kojin_bango IS '個人番号（マイナンバー）';
      COMMENT ON COLUMN public.jukyusha.hihokensha_no IS 'It''s the 被保険者番号';`,
    check: (c) => {
      expect(rel(c, 'bango.kojin').columns.find((x) => x.name === 'kojin_bango')?.comment).toBe(
        '個人番号（マイナンバー）',
      );
      expect(nth(rel(c, 'public.jukyusha').foreignKeys, 0).references).toMatchObject({
        schema: 'bango',
        name: 'kojin',
      });
      expect(rel(c, 'public.MixedCase').columns.map((x) => x.name)).toEqual(['Col', 'select']);
    },
  },
  {
    name: 'roles, attributes and memberships with INHERIT/SET/ADMIN',
    minVersion: 160000,
    sql: `
      CREATE ROLE app_group NOLOGIN;
      CREATE ROLE auditor NOLOGIN NOINHERIT;
      CREATE USER kyufu_app;
      CREATE ROLE dba SUPERUSER;
      CREATE ROLE batch LOGIN BYPASSRLS;
      GRANT app_group TO kyufu_app;
      GRANT app_group TO auditor WITH INHERIT TRUE, SET FALSE;
      GRANT app_group TO batch WITH ADMIN OPTION, INHERIT FALSE;
      CREATE ROLE member_of IN ROLE app_group;`,
    check: (c) => {
      expect(c.roles.get('batch')).toMatchObject({ login: true, bypassRls: true });
      expect(c.roles.get('dba')?.superuser).toBe(true);
      expect(c.memberships.find((m) => m.member === 'batch')).toMatchObject({ admin: true, inherit: false });
      expect(c.memberships.find((m) => m.member === 'auditor')).toMatchObject({ set: false, inherit: true });
    },
  },
  {
    name: 'roles and memberships (PostgreSQL 15 syntax)',
    sql: `
      CREATE ROLE app_group NOLOGIN;
      CREATE ROLE auditor NOLOGIN NOINHERIT;
      CREATE USER kyufu_app;
      CREATE ROLE batch LOGIN BYPASSRLS;
      GRANT app_group TO kyufu_app, auditor;
      GRANT app_group TO batch WITH ADMIN OPTION;`,
    check: (c) => {
      expect(c.memberships.find((m) => m.member === 'batch')).toMatchObject({ admin: true, inherit: true });
      expect(c.memberships.find((m) => m.member === 'auditor')).toMatchObject({ admin: false, inherit: false });
    },
  },
  {
    name: 'table and column privileges, grant options, revokes',
    sql: `
      CREATE ROLE clerk; CREATE ROLE reader; CREATE ROLE helper;
      CREATE TABLE t (a int, b int, kojin_bango text);
      CREATE TABLE u (x int);
      GRANT SELECT ON t TO reader WITH GRANT OPTION;
      GRANT SELECT (a, b), UPDATE (b) ON t TO clerk;
      GRANT SELECT, INSERT ON u TO PUBLIC;
      REVOKE SELECT ON u FROM PUBLIC;
      GRANT ALL ON u TO helper;
      REVOKE GRANT OPTION FOR SELECT ON t FROM reader;
      GRANT SELECT ON t TO helper WITH GRANT OPTION;
      SET ROLE helper;
      GRANT SELECT ON t TO clerk;
      RESET ROLE;`,
    check: (c) => {
      expect(c.grants.some((g) => g.scope.kind === 'column' && g.grantee === 'clerk' && g.scope.column === 'b')).toBe(
        true,
      );
      expect(c.grants.find((g) => g.scope.kind === 'relation' && g.grantee === 'clerk')?.grantor).toBe('helper');
      expect(selectors(c, 'public.u')).not.toContain('PUBLIC');
    },
  },
  {
    name: 'owners: ALTER OWNER, schema AUTHORIZATION, objects created under SET ROLE',
    sql: `
      CREATE ROLE owner_a; CREATE ROLE owner_b; CREATE ROLE reader;
      CREATE SCHEMA kyufu AUTHORIZATION owner_a;
      CREATE TABLE kyufu.t1 (id int);
      ALTER TABLE kyufu.t1 OWNER TO owner_b;
      GRANT SELECT ON kyufu.t1 TO reader;
      GRANT CREATE, USAGE ON SCHEMA public TO owner_a;
      SET ROLE owner_a;
      CREATE TABLE public.t2 (id int);
      GRANT SELECT ON public.t2 TO reader;
      RESET ROLE;
      ALTER SCHEMA kyufu OWNER TO owner_b;`,
    check: (c) => {
      expect(rel(c, 'kyufu.t1').owner).toBe('owner_b');
      expect(rel(c, 'public.t2').owner).toBe('owner_a');
      expect(c.databases.get('kyufu')?.schemas.get('kyufu')?.owner).toBe('owner_b');
    },
  },
  {
    name: 'owner privileges revoked, and partly given back',
    sql: `
      CREATE ROLE app;
      CREATE TABLE t (a int) ; ALTER TABLE t OWNER TO app;
      REVOKE ALL ON t FROM app;
      CREATE TABLE t2 (a int); ALTER TABLE t2 OWNER TO app;
      REVOKE ALL ON t2 FROM app; GRANT SELECT ON t2 TO app;`,
    check: (c) => {
      expect(selectors(c, 'public.t"')).not.toContain('app');
      expect(selectors(c, 'public.t2')).toContain('app');
    },
  },
  {
    name: 'schema USAGE and database CONNECT',
    sql: `
      CREATE ROLE app; CREATE ROLE other;
      CREATE SCHEMA hidden;
      CREATE SCHEMA shared;
      GRANT USAGE ON SCHEMA shared TO app, other;
      REVOKE USAGE ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO app;
      REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
      GRANT CONNECT ON DATABASE postgres TO app;
      CREATE TABLE hidden.t (a int);
      GRANT SELECT ON hidden.t TO other;`,
    check: (c) => {
      expect(selectors(c, '"schema":"shared"')).toEqual(expect.arrayContaining(['app', 'other']));
      expect(selectors(c, '"kind":"database"')).toEqual(['app']);
    },
  },
  {
    name: 'row level security and policies',
    sql: `
      CREATE ROLE clerk; CREATE ROLE auditor;
      CREATE TABLE t (a int, kojin_bango text);
      GRANT SELECT ON t TO clerk, auditor;
      ALTER TABLE t ENABLE ROW LEVEL SECURITY;
      ALTER TABLE t FORCE ROW LEVEL SECURITY;
      CREATE POLICY deny_all ON t FOR SELECT TO auditor USING (false);
      CREATE POLICY all_rows ON t AS RESTRICTIVE TO clerk USING (true);
      CREATE POLICY some_rows ON t FOR SELECT USING (a > 10);
      CREATE POLICY ins ON t FOR INSERT TO clerk WITH CHECK (a > 0);
      CREATE TABLE u (a int);
      ALTER TABLE u ENABLE ROW LEVEL SECURITY;`,
    check: (c) => {
      const t = rel(c, 'public.t');
      expect(t).toMatchObject({ rowSecurity: true, forceRowSecurity: true });
      expect(t.policies.find((p) => p.name === 'deny_all')).toMatchObject({
        usingFalse: true,
        roles: ['auditor'],
        command: 'select',
      });
      expect(t.policies.find((p) => p.name === 'all_rows')).toMatchObject({ usingTrue: true, permissive: false });
      expect(t.policies.find((p) => p.name === 'some_rows')).toMatchObject({
        usingTrue: false,
        usingFalse: false,
        roles: ['PUBLIC'],
      });
      expect(rel(c, 'public.u').policies).toEqual([]);
    },
  },
  {
    name: 'views: lineage, joins, aliases, security_invoker, views on views, materialized views',
    sql: `
      CREATE ROLE viewer; CREATE ROLE view_owner;
      CREATE SCHEMA bango;
      CREATE TABLE bango.kojin (atena_no int PRIMARY KEY, kojin_bango text, shimei text);
      CREATE TABLE jukyusha (id int, atena_no int, hihokensha_no text);
      CREATE VIEW v_join AS
        SELECT j.hihokensha_no, k.kojin_bango AS number, upper(k.shimei) AS name
        FROM jukyusha j JOIN bango.kojin k ON k.atena_no = j.atena_no
        WHERE j.id > 0;
      CREATE VIEW v_invoker WITH (security_invoker = true) AS SELECT atena_no, kojin_bango FROM bango.kojin;
      CREATE VIEW v_cols (a, b) AS SELECT atena_no, shimei FROM bango.kojin;
      CREATE VIEW v_on_view AS SELECT number FROM v_join;
      CREATE VIEW v_sub AS SELECT s.x FROM (SELECT kojin_bango AS x FROM bango.kojin) s;
      CREATE MATERIALIZED VIEW mv AS SELECT atena_no, kojin_bango FROM bango.kojin;
      ALTER VIEW v_join OWNER TO view_owner;
      GRANT SELECT ON v_join, v_on_view TO viewer;
      COMMENT ON VIEW v_cols IS 'ビュー';
      COMMENT ON COLUMN v_cols.a IS '宛名番号';`,
    check: (c) => {
      const v = rel(c, 'public.v_join');
      expect(v.kind).toBe('view');
      expect(v.owner).toBe('view_owner');
      expect(v.view?.columns.find((x) => x.name === 'number')?.from).toEqual([
        { relation: { database: 'kyufu', schema: 'bango', name: 'kojin' }, column: 'kojin_bango' },
      ]);
      expect(rel(c, 'public.v_invoker').view?.securityInvoker).toBe(true);
      expect(rel(c, 'public.v_cols').columns.map((x) => x.name)).toEqual(['a', 'b']);
      expect(rel(c, 'public.mv').view?.materialized).toBe(true);
    },
  },
  {
    // Functions (PostgreSQL 18 docs, CREATE FUNCTION: SECURITY DEFINER; GRANT: "PUBLIC … EXECUTE
    // privilege for functions and procedures" by default), triggers (CREATE TRIGGER), partitions
    // (5.12 Table Partitioning: ATTACH PARTITION) and inheritance (5.11 Inheritance).
    name: 'functions with EXECUTE privileges and owners, triggers, partitions, inheritance',
    sql: `
      CREATE ROLE fn_owner; CREATE ROLE caller;
      CREATE TABLE kojin (atena_no int PRIMARY KEY, kojin_bango char(12), shimei text);
      CREATE FUNCTION get_bango(p_atena int) RETURNS char(12) LANGUAGE sql SECURITY DEFINER
        AS $$ SELECT kojin_bango FROM kojin WHERE atena_no = p_atena $$;
      CREATE FUNCTION open_names() RETURNS SETOF text LANGUAGE sql AS $$ SELECT shimei FROM kojin $$;
      ALTER FUNCTION get_bango(int) OWNER TO fn_owner;
      REVOKE EXECUTE ON FUNCTION get_bango(int) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION get_bango(int) TO caller WITH GRANT OPTION;
      CREATE PROCEDURE touch(p int) LANGUAGE sql AS $$ UPDATE kojin SET shimei = shimei WHERE atena_no = p $$;
      CREATE TABLE rireki (atena_no int, bango char(12));
      CREATE FUNCTION copy_bango() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO rireki (atena_no, bango) VALUES (NEW.atena_no, NEW.kojin_bango); RETURN NEW; END $$;
      CREATE TRIGGER kojin_rireki AFTER INSERT ON kojin FOR EACH ROW EXECUTE FUNCTION copy_bango();
      CREATE TABLE kyufu (atena_no int, nendo int, kojin_bango char(12)) PARTITION BY LIST (nendo);
      CREATE TABLE kyufu_2024 PARTITION OF kyufu FOR VALUES IN (2024);
      CREATE TABLE kyufu_2025 (atena_no int, nendo int, kojin_bango char(12));
      ALTER TABLE kyufu ATTACH PARTITION kyufu_2025 FOR VALUES IN (2025);
      CREATE TABLE kyufu_other PARTITION OF kyufu DEFAULT;
      CREATE TABLE base_t (atena_no int, kojin_bango char(12));
      CREATE TABLE child_t (extra text) INHERITS (base_t);`,
    check: (c) => {
      const f = rel(c, 'public.get_bango(int4)');
      expect(f.kind).toBe('function');
      expect(f.owner).toBe('fn_owner');
      expect(f.routine).toMatchObject({ securityDefiner: true, analysed: true, argTypes: ['int4'] });
      const execute = (scope: string) =>
        c.grants
          .filter((g) => g.privilege === 'EXECUTE' && JSON.stringify(g.scope).includes(scope))
          .map((g) => `${g.grantee}${g.grantOption ? '+' : ''}`)
          .sort();
      expect(execute('get_bango')).toEqual(['caller+', 'fn_owner+']);
      expect(execute('open_names')).toContain('PUBLIC');
      expect(rel(c, 'public.open_names()').routine?.securityDefiner).toBe(false);
      expect(rel(c, 'public.rireki').columns.find((x) => x.name === 'bango')?.copiedFrom?.[0]).toMatchObject({
        relation: { name: 'kojin' },
        column: 'kojin_bango',
      });
      for (const p of ['kyufu_2024', 'kyufu_2025', 'kyufu_other'])
        expect(rel(c, `public.${p}`).parents).toEqual([{ relation: 'kyufu.public.kyufu', kind: 'partition' }]);
      expect(rel(c, 'public.child_t').parents).toEqual([{ relation: 'kyufu.public.base_t', kind: 'inherits' }]);
      expect(rel(c, 'public.child_t').columns.map((x) => x.name)).toEqual(['atena_no', 'kojin_bango', 'extra']);
    },
  },
];
