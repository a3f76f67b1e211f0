/**
 * The access rewrite memoises each subtree's answer (access/resolver.ts rewrite), and canSelect
 * caches whole answers. A memo is only right when its key holds every input that changes the
 * answer; otherwise the answer to a question depends on which questions were asked before it.
 * So: on catalogs built to make a missing input show, every question is asked of one resolver
 * in order, of another in reverse order, and of a fresh resolver alone — the three must agree.
 *
 * The foreign-table loop is the case the visiting set exists for: kyufu.fa reads jumin.fb, which
 * reads kyufu.fa back (column_name maps col1 → colx → col2, col2 → coly → col1). Asked first,
 * "x reads fa.col1" visits fa as ub and reaches "ua reads fa.col2" inside the loop, where the loop
 * is cut as allowed; asked alone, "ua reads fa.col2" needs ub to read fb.coly, which ub may not.
 * A cache keyed without the visiting set answers the second question from the first's visit.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog/build.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { asRelationId } from '../../src/catalog/model.js';

async function catalogOf(databases: Record<string, string>) {
  const inputs = [];
  for (const [database, sql] of Object.entries(databases)) {
    const read = await postgresqlReader.read({ path: `${database}.sql`, text: sql }, { dialect: 'postgresql' });
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    inputs.push({ database, dialect: 'postgresql' as const, ops: read.ops });
  }
  return buildCatalog(inputs, { postgresVersion: 160000 }).catalog;
}

type Question = [role: string, relation: string, column: string];

/** Every question answered three ways: in order, in reverse order, alone. */
async function answers(databases: Record<string, string>, questions: Question[]) {
  const catalog = await catalogOf(databases);
  const ask = (r: ReturnType<typeof createAccessResolver>, [role, rel, col]: Question) => {
    const v = r.canSelect(role, asRelationId(rel), col);
    return v.allowed ? 'allowed' : `${v.control} at ${v.at}`;
  };
  const inOrder = createAccessResolver(catalog);
  const forward = questions.map((q) => ask(inOrder, q));
  const reversed = createAccessResolver(catalog);
  const backward = [...questions]
    .reverse()
    .map((q) => ask(reversed, q))
    .reverse();
  const alone = questions.map((q) => ask(createAccessResolver(catalog), q));
  return { forward, backward, alone };
}

const FDW = `CREATE EXTENSION postgres_fdw;`;

describe('the access memo answers every question as if it were asked alone', () => {
  it('a loop of foreign tables: the visiting set is part of the key', async () => {
    const kyufu = `${FDW}
CREATE SERVER to_jumin FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'h', port '5432', dbname 'jumin');
CREATE ROLE x NOLOGIN;
CREATE ROLE ua NOLOGIN;
CREATE FOREIGN TABLE fa (col1 text OPTIONS (column_name 'colx'), col2 text OPTIONS (column_name 'coly'))
  SERVER to_jumin OPTIONS (schema_name 'public', table_name 'fb');
GRANT SELECT ON fa TO x, ua;
CREATE USER MAPPING FOR PUBLIC SERVER to_jumin OPTIONS (user 'ub', password 'p');`;
    const jumin = `${FDW}
CREATE SERVER to_kyufu FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'h', port '5432', dbname 'kyufu');
CREATE ROLE ub NOLOGIN;
CREATE FOREIGN TABLE fb (colx text OPTIONS (column_name 'col2'), coly text OPTIONS (column_name 'col1'))
  SERVER to_kyufu OPTIONS (schema_name 'public', table_name 'fa');
GRANT SELECT (colx) ON fb TO ub;
CREATE USER MAPPING FOR ub SERVER to_kyufu OPTIONS (user 'ua', password 'p');`;
    const questions: Question[] = [
      ['x', 'kyufu.public.fa', 'col1'],
      ['ua', 'kyufu.public.fa', 'col2'],
      ['ub', 'jumin.public.fb', 'colx'],
      ['ub', 'jumin.public.fb', 'coly'],
    ];
    const { forward, backward, alone } = await answers({ kyufu, jumin }, questions);
    // Alone, ua's read of fa.col2 runs as ub on fb.coly, which ub may not read.
    expect(alone[1]).toBe('remote-access-denied at jumin.public.fb.coly');
    expect(alone[3]).toBe('no-column-privilege at jumin.public.fb.coly');
    expect(forward).toEqual(alone);
    expect(backward).toEqual(alone);
  });

  it('one view checked as different roles, callers and through different views', async () => {
    const sql = `
CREATE ROLE owner_a NOLOGIN;
CREATE ROLE owner_b NOLOGIN;
CREATE ROLE clerk NOLOGIN;
CREATE ROLE auditor NOLOGIN;
CREATE TABLE jumin (atena_no text PRIMARY KEY, kojin_bango char(12), shimei text);
GRANT SELECT (atena_no, shimei) ON jumin TO owner_a;
GRANT SELECT ON jumin TO owner_b;
GRANT SELECT (atena_no) ON jumin TO clerk;
GRANT SELECT ON jumin TO auditor;
-- An invoker view: checked as whoever reaches it.
CREATE VIEW inner_v WITH (security_invoker = true) AS SELECT atena_no, kojin_bango, shimei FROM jumin;
GRANT SELECT ON inner_v TO owner_a, owner_b, clerk, auditor;
-- Two definer views over it, owned by roles with different rights.
CREATE VIEW via_a AS SELECT * FROM inner_v;
ALTER VIEW via_a OWNER TO owner_a;
CREATE VIEW via_b AS SELECT * FROM inner_v;
ALTER VIEW via_b OWNER TO owner_b;
GRANT SELECT ON via_a, via_b TO clerk, auditor;
-- An invoker view over a definer one, over the invoker one.
CREATE VIEW top_v WITH (security_invoker = true) AS SELECT * FROM via_a;
GRANT SELECT ON top_v TO clerk, auditor;
-- A definer view that owner_b may read and owner_a may not, under a view of each.
CREATE VIEW def_v AS SELECT atena_no, kojin_bango, shimei FROM jumin;
GRANT SELECT ON def_v TO owner_b;
CREATE VIEW wrap_a AS SELECT * FROM def_v;
ALTER VIEW wrap_a OWNER TO owner_a;
CREATE VIEW wrap_b AS SELECT * FROM def_v;
ALTER VIEW wrap_b OWNER TO owner_b;
GRANT SELECT ON wrap_a, wrap_b TO clerk;`;
    const questions: Question[] = [];
    for (const rel of ['inner_v', 'via_a', 'via_b', 'top_v', 'jumin', 'def_v', 'wrap_a', 'wrap_b'])
      for (const col of ['atena_no', 'kojin_bango', 'shimei'])
        for (const role of ['clerk', 'auditor', 'owner_a', 'owner_b'])
          questions.push([role, `default.public.${rel}`, col]);
    const { forward, backward, alone } = await answers({ default: sql }, questions);
    const at = (role: string, rel: string, col: string) =>
      alone[questions.findIndex((q) => q[0] === role && q[1] === `default.public.${rel}` && q[2] === col)];
    // def_v's subtree is checked as the owner of the view above it: owner_a may not read it, owner_b may.
    expect(at('clerk', 'wrap_a', 'kojin_bango')).toBe('view-owner-lacks-privilege at default.public.def_v');
    expect(at('clerk', 'wrap_b', 'kojin_bango')).toBe('allowed');
    // inner_v's subtree (an invoker view) is checked as the caller, through via_a too.
    expect(at('clerk', 'via_a', 'kojin_bango')).toBe('no-column-privilege at default.public.jumin.kojin_bango');
    expect(at('auditor', 'via_a', 'kojin_bango')).toBe('allowed');
    expect(at('owner_b', 'via_a', 'kojin_bango')).toBe('no-table-privilege at default.public.via_a');
    expect(forward).toEqual(alone);
    expect(backward).toEqual(alone);
  });
});
