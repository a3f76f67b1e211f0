/**
 * `spif explain` through a dblink call (fixtures/rules/dblink-remote-access, through the real bin):
 * the number column's evidence names the cross-database copy, and the smallest changes include the
 * remote one, in the remote database, taking the column from the connection string's user (the
 * call then fails: PostgreSQL 15 docs F.12 dblink; measured in test/paths/dblink-access.test.ts),
 * verified by running reachability again. Where the remote user is refused, explain names the
 * remote refusal. scan and explain agree on this fixture (test/gate/scan-explain-agree.test.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExplainResult } from '../../src/gate/model.js';
import { runBinSync } from '../helpers/bin.js';

const cwd = path.resolve(__dirname, '../../fixtures/rules/dblink-remote-access');
const explain = (relation: string, ...args: string[]) => runBinSync(['explain', relation, ...args], cwd);

describe('explain through dblink', () => {
  it('proposes revoking the remote column from the connection user, verified', () => {
    const r = JSON.parse(explain('v_bango', '--format', 'json').stdout) as ExplainResult;
    const p = r.principals.find((x) => x.principal === 'kyufu-system')!;
    expect(p.status).toBe('reaches');
    const remote = p.suggestions?.find((s) => s.kind === 'revoke-remote');
    expect(remote).toMatchObject({
      target: 'jumin.public.jumin.kojin_bango',
      grantee: 'dbl_reader',
      verified: true,
      sql: '-- in database jumin\nREVOKE SELECT ON public.jumin FROM dbl_reader;\nGRANT SELECT (atena_no, shimei) ON public.jumin TO dbl_reader;',
    });
    const text = explain('v_bango', '--lang', 'ja').stdout;
    expect(text).toContain(
      'データベース jumin で、外部テーブルまたは dblink が接続するリモートユーザ dbl_reader から jumin.public.jumin.kojin_bango の SELECT を取り消す',
    );
    expect(text).toContain('jumin.public.jumin.kojin_bango の値を持つ（外部テーブル');
  });

  it('names the remote refusal where the connection user may not read the number', () => {
    const r = JSON.parse(explain('v_none', '--format', 'json').stdout) as ExplainResult;
    const p = r.principals.find((x) => x.principal === 'kyufu-system')!;
    expect(p.status).not.toBe('reaches');
    expect(p.blocks?.[0]).toMatchObject({
      control: 'remote-access-denied',
      at: 'jumin.public.jumin.kojin_bango',
      role: 'dbl_none',
      via: 'kyufu.public.v_none',
      reason: { key: 'dblink-remote-denied', database: 'jumin', remote: { key: 'some-columns' } },
    });
  });
});
