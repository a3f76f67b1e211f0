/**
 * `spif explain`'s smallest access change where the number is read below a view with its owner's
 * rights, through the real bin; each suggestion is applied to the sources and the analysis is run
 * again, which must no longer find the principal reaching the number.
 * - PostgreSQL: "access to tables referenced in the view is determined by permissions of the view
 *   owner" (CREATE VIEW), and a foreign table read through a view uses the view owner's user
 *   mapping, "exactly parallel to the handling of SQL permissions for the foreign table" (Tom Lane,
 *   pgsql-bugs 2019-07-21, message 8095.1563679637@sss.pgh.pa.us; postgres_fdw's regression test
 *   expects "user mapping not found for user regress_view_owner_another, the view owner"). So the
 *   changes that close it are the owner's mapping, or the remote user's grant, not the caller's.
 * - Oracle: a fixed-user database link connects as its `CONNECT TO` user (Administrator's Guide,
 *   "Users of Database Links"); SELECT is granted on a whole table only (column privileges are
 *   INSERT, UPDATE and REFERENCES), so the remote revoke keeps no column grant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExplainResult } from '../../src/gate/model.js';
import { runBinSync } from '../helpers/bin.js';

const repoRoot = path.resolve(__dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function copy(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-explain-definer-'));
  dirs.push(dir);
  fs.cpSync(path.join(repoRoot, fixture), dir, { recursive: true });
  return dir;
}

function explain(dir: string, relation: string, principal: string) {
  const r = runBinSync(['explain', relation, '--format', 'json'], dir, { LANG: 'C' });
  const result = JSON.parse(r.stdout) as ExplainResult;
  return result.principals.find((p) => p.principal === principal)!;
}

function reachers(dir: string, relation: string): string[] {
  const r = runBinSync(['scan', '--format', 'json'], dir, { LANG: 'C' });
  const report = JSON.parse(r.stdout) as { relations: { id: string; reachable: { principal: string }[] }[] };
  return report.relations.find((x) => x.id === relation)!.reachable.map((x) => x.principal);
}

describe('explain below a definer view', () => {
  const RELATION = 'kyufu.public.v_jumin';

  it('a foreign table read with the view owner’s mapping: drop that mapping, or revoke from its remote user', () => {
    const base = copy('fixtures/explain/definer-view-foreign-table');
    expect(reachers(base, RELATION)).toEqual(['kyufu-system']);
    const p = explain(base, RELATION, 'kyufu-system');
    expect(p.status).toBe('reaches');
    const mapping = p.suggestions?.find((s) => s.kind === 'drop-user-mapping');
    expect(mapping).toMatchObject({
      grantee: 'view_owner',
      verified: true,
      sql: 'DROP USER MAPPING FOR view_owner SERVER jumin_srv;',
    });
    const remote = p.suggestions?.find((s) => s.kind === 'revoke-remote');
    expect(remote).toMatchObject({
      grantee: 'fdw_reader',
      target: 'jumin.public.jumin_kihon.kojin_bango',
      verified: true,
    });
    // Applied, each closes the path (the caller's own roles have no mapping to drop).
    const dropped = copy('fixtures/explain/definer-view-foreign-table');
    fs.writeFileSync(path.join(dropped, 'kyufu/099_fix.sql'), `${mapping!.sql}\n`);
    expect(reachers(dropped, RELATION)).toEqual([]);
    const revoked = copy('fixtures/explain/definer-view-foreign-table');
    fs.writeFileSync(path.join(revoked, 'jumin/099_fix.sql'), `${remote!.sql}\n`);
    expect(reachers(revoked, RELATION)).toEqual([]);
    expect(reachers(revoked, 'jumin.public.jumin_kihon')).toEqual([]);
  });

  it('an Oracle database link read by a view: revoke the table from the link’s fixed user, remotely', () => {
    const fixture = 'fixtures/rules/oracle-database-link';
    const relation = 'madoguchi.MADO.V_KOJIN';
    const base = copy(fixture);
    expect(reachers(base, relation)).toEqual(['madoguchi-system']);
    const p = explain(base, relation, 'madoguchi-system');
    const remote = p.suggestions?.find((s) => s.kind === 'revoke-remote');
    expect(remote).toMatchObject({
      grantee: 'BANGO_READER',
      target: 'bango.BANGO.KOJIN.KOJIN_BANGO',
      verified: true,
      sql: '-- in database bango\nREVOKE SELECT ON BANGO.KOJIN FROM BANGO_READER;',
    });
    const revoked = copy(fixture);
    fs.writeFileSync(path.join(revoked, 'db/bango/99_fix.sql'), `${remote!.sql}\n`);
    expect(reachers(revoked, relation)).toEqual([]);
  });
});
