/**
 * `spif check`, `diff` and `explain` name SQL Server relations, columns and users as the export
 * wrote them (`[dbo].[KojinBango]`), as scan's text report does (src/report/display-names.ts):
 * SQL Server compares names case-insensitively under its default _CI_ collations, so spif matches on
 * folded names, but a person reads what the vendor wrote. JSON keeps the folded ids (they are keys).
 * Through the real bin, in a temporary git repository.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { runBin } from '../helpers/bin.js';
import { TempRepo } from './repo.js';

const CONFIG = `version: 1
dialect: sqlserver
databases:
  - name: kyufu
    sources: ["db/*.sql"]
`;
const SCHEMA = `CREATE TABLE [dbo].[KojinJoho] ([AtenaNo] NVARCHAR(15) NOT NULL PRIMARY KEY, [KojinBango] NCHAR(12));
GO
CREATE USER [KyufuApp] WITHOUT LOGIN;
GO
GRANT SELECT ON [dbo].[KojinJoho] TO [KyufuApp];
GO
`;

describe('check, diff and explain show SQL Server names as written', () => {
  const repos: TempRepo[] = [];
  afterEach(() => {
    for (const r of repos.splice(0)) fs.rmSync(r.dir, { recursive: true, force: true });
  });

  it('check and explain (text and Markdown) name KojinJoho.KojinBango and KyufuApp as written; JSON keeps the ids', async () => {
    const repo = new TempRepo({ 'spif.config.yaml': CONFIG, 'db/01.sql': SCHEMA });
    repos.push(repo);
    const check = await runBin(['check'], repo.dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('kyufu.dbo.KojinJoho is specific');
    expect(check.stdout).toContain('kyufu.dbo.KojinJoho.KojinBango');
    // the detection evidence quotes the column as written too
    expect(check.stdout).toContain("column name 'KojinBango'");
    expect(check.stdout).toContain('KyufuApp: reads it directly kyufu.dbo.KojinJoho.KojinBango');
    expect(check.stdout).not.toMatch(/kojinjoho|kojinbango|kyufuapp/);
    const md = await runBin(['check', '-f', 'markdown'], repo.dir);
    expect(md.stdout).toContain('kyufu.dbo.KojinJoho');
    expect(md.stdout).toContain('`KyufuApp`');
    expect(md.stdout).not.toMatch(/kojinjoho|kyufuapp/);
    const json = await runBin(['check', '-f', 'json'], repo.dir);
    expect(json.stdout).toContain('"kyufu.dbo.kojinjoho"');
    const explain = await runBin(['explain', 'kyufu.dbo.kojinjoho'], repo.dir);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/^kyufu\.dbo\.KojinJoho — /m);
    expect(explain.stdout).toContain('KyufuApp');
    expect(explain.stdout).not.toMatch(/kyufuapp|kojinjoho/);
  });

  it('diff names the relation that became specific as the head wrote it', async () => {
    const repo = new TempRepo({
      'spif.config.yaml': CONFIG,
      'db/01.sql': SCHEMA.replace(', [KojinBango] NCHAR(12)', ''),
    });
    repos.push(repo);
    repo.write('db/01.sql', SCHEMA);
    const diff = await runBin(['diff', '--base', 'HEAD'], repo.dir);
    expect(diff.stdout).toContain('kyufu.dbo.KojinJoho');
    expect(diff.stdout).not.toMatch(/kojinjoho/);
    const json = await runBin(['diff', '--base', 'HEAD', '-f', 'json'], repo.dir);
    expect(json.stdout).toContain('kyufu.dbo.kojinjoho');
  });
});
