/**
 * `postgresVersion: 15`: membership inheritance is decided by the member role's INHERIT attribute
 * as it is *now* (PostgreSQL ≤ 15), not by an option captured on each grant (16+). PGlite is
 * PostgreSQL 18, so there is no PostgreSQL 15 to compare with: these cases are pinned by reasoning
 * from PostgreSQL 15's roles_is_member_of() (a NOINHERIT role passes on no membership; every
 * membership allows SET ROLE), and each is run against the real PostgreSQL 18 as well to show
 * where the two versions part.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgOracle } from './pg-runner.js';
import { runSpif } from './spif-side.js';
import { sqlToUnits, verdictsOf } from './fixtures.js';
import { asRelationId } from '../../src/catalog/model.js';

let pg: PgOracle;
beforeAll(async () => {
  pg = await PgOracle.start();
});
afterAll(async () => {
  await pg?.close();
});

interface VersionCase {
  name: string;
  sql: string;
  /** role → reads default.public.t.x ? */
  pg15: Record<string, boolean>;
  pg16: Record<string, boolean>;
}

const BASE = `CREATE ROLE readers NOLOGIN;
CREATE TABLE public.t (x integer);
GRANT SELECT ON public.t TO readers;
`;

const CASES: VersionCase[] = [
  {
    name: 'INHERIT switched on after the grant: 15 follows the attribute, 16 keeps the captured option',
    sql: `${BASE}CREATE ROLE u LOGIN NOINHERIT;
GRANT readers TO u;
ALTER ROLE u INHERIT;
`,
    pg15: { u: true, readers: true },
    pg16: { u: false, readers: true },
  },
  {
    name: 'NOINHERIT set after the grant: 15 stops inheriting, 16 still inherits',
    sql: `${BASE}CREATE ROLE u LOGIN INHERIT;
GRANT readers TO u;
ALTER ROLE u NOINHERIT;
`,
    pg15: { u: false, readers: true },
    pg16: { u: true, readers: true },
  },
  {
    name: 'a NOINHERIT role in the middle of a chain passes nothing on in 15',
    sql: `${BASE}CREATE ROLE mid NOLOGIN INHERIT;
CREATE ROLE u LOGIN INHERIT;
GRANT readers TO mid;
GRANT mid TO u;
ALTER ROLE mid NOINHERIT;
`,
    pg15: { u: false, mid: false, readers: true },
    pg16: { u: true, mid: true, readers: true },
  },
  {
    name: 'WITH INHERIT FALSE (16 syntax) is not what 15 reads: the attribute decides',
    sql: `${BASE}CREATE ROLE u LOGIN INHERIT;
GRANT readers TO u WITH INHERIT FALSE;
`,
    pg15: { u: true, readers: true },
    pg16: { u: false, readers: true },
  },
];

describe('postgresVersion 15 (INHERIT read from the member role)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const spif15 = await runSpif(c.sql, { postgresVersion: 15 });
      const spif16 = await runSpif(c.sql, { postgresVersion: 16 });
      const mine = (side: typeof spif15, expected: Record<string, boolean>) =>
        Object.fromEntries(
          Object.keys(expected).map((r) => [
            r,
            side.resolver.canSelect(r, asRelationId('default.public.t'), 'x').allowed,
          ]),
        );
      expect(mine(spif15, c.pg15)).toEqual(c.pg15);
      expect(mine(spif16, c.pg16)).toEqual(c.pg16);
      // The 16+ expectation is PostgreSQL's own answer (PGlite is PostgreSQL 18).
      const real = verdictsOf(await pg.run(sqlToUnits(c.sql), { probePublic: false }));
      expect(Object.fromEntries(Object.keys(c.pg16).map((r) => [r, real[`${r} default.public.t x`]]))).toEqual(c.pg16);
    });
  }

  it('every membership allows SET ROLE in 15; WITH SET FALSE only counts from 16', async () => {
    const sql = `${BASE}CREATE ROLE u LOGIN;
GRANT readers TO u WITH SET FALSE;
`;
    expect((await runSpif(sql, { postgresVersion: 15 })).resolver.settableRoles('u').has('readers')).toBe(true);
    expect((await runSpif(sql, { postgresVersion: 16 })).resolver.settableRoles('u').has('readers')).toBe(false);
    const real = await pg.run(sqlToUnits(sql));
    expect(real.settable.get('u|readers')).toBe(false);
  });

  it("REVOKE removes a membership whoever granted it in 15; in 16 only the revoking grantor's row", async () => {
    const sql = `${BASE}CREATE ROLE boss NOLOGIN;
CREATE ROLE u LOGIN;
GRANT readers TO boss WITH ADMIN OPTION, INHERIT FALSE;
SET ROLE boss;
GRANT readers TO u;
RESET ROLE;
REVOKE readers FROM u;
`;
    expect(
      (await runSpif(sql, { postgresVersion: 15 })).resolver.canSelect('u', asRelationId('default.public.t'), 'x')
        .allowed,
    ).toBe(false);
    expect(
      (await runSpif(sql, { postgresVersion: 16 })).resolver.canSelect('u', asRelationId('default.public.t'), 'x')
        .allowed,
    ).toBe(true);
    const real = verdictsOf(await pg.run(sqlToUnits(sql)));
    expect(real['u default.public.t x']).toBe(true);
  });
});
