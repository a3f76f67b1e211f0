/**
 * SQL Server keeps a name's case as written and compares names by the database collation, which
 * is case-insensitive by default (Microsoft Learn, "Collation and Unicode support": SQL Server's
 * default collations are `_CI_`, case-insensitive). spif matches on the lower-cased name and
 * reports the name as written: the relation and column of the CREATE TABLE, in the JSON
 * (`writtenName`, an added field), the text summary and the 評価書's 別添2 物理名.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { runBin } from '../../helpers/bin.js';

const SCRIPT = `CREATE TABLE [dbo].[KojinBango](
	[AtenaNo] [char](15) NOT NULL,
	[MyNo] [char](12) NOT NULL,
 CONSTRAINT [PK_KojinBango] PRIMARY KEY CLUSTERED ([AtenaNo] ASC)
) ON [PRIMARY]
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'個人番号' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'KOJINBANGO', @level2type=N'COLUMN',@level2name=N'MYNO'
GO
CREATE TABLE [dbo].[atena_log]([atena_no] [char](15) NOT NULL) ON [PRIMARY]
GO
CREATE ROLE [app_kyufu]
GO
GRANT SELECT ON [DBO].[kojinbango] ([atenano]) TO [APP_KYUFU]
GO
`;

describe('SQL Server names as written', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'spif-written-'));
    mkdirSync(path.join(dir, 'db'));
    writeFileSync(path.join(dir, 'db', 'bango.sql'), SCRIPT);
    writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      'version: 1\ndialect: sqlserver\ndatabases:\n  - name: bango\n    sources: ["db/*.sql"]\nfiles:\n  - name: 個人番号管理ファイル\n    relations: ["bango.dbo.*"]\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the JSON keeps the lower-cased id and name, with the written name beside them', async () => {
    const r = await runBin(['scan', '.', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics).toEqual([]);
    const k = report.relations.find((x: { id: string }) => x.id === 'bango.dbo.kojinbango');
    expect(k).toMatchObject({ name: 'kojinbango', writtenName: 'KojinBango' });
    expect(k.columns).toEqual([
      { name: 'atenano', writtenName: 'AtenaNo', type: 'char(15)' },
      { name: 'myno', writtenName: 'MyNo', type: 'char(12)', comment: '個人番号' },
    ]);
    // resolution stays case-insensitive: the 論理名 for KOJINBANGO.MYNO and the GRANT on
    // [DBO].[kojinbango] ([atenano]) to [APP_KYUFU] apply (no diagnostic above)
    expect(k.numberColumns.map((n: { column: string }) => n.column)).toEqual(['myno']);
    expect(report.principals.map((p: { name: string }) => p.name)).toContain('app_kyufu');
    // a name written in lower case has nothing to add
    const log = report.relations.find((x: { id: string }) => x.id === 'bango.dbo.atena_log');
    expect(log.writtenName).toBeUndefined();
    expect(log.columns).toEqual([{ name: 'atena_no', type: 'char(15)' }]);
  });

  it('the text summary and the 評価書 show the names as written', async () => {
    const text = await runBin(['scan', '.'], dir);
    expect(text.stdout).toContain('bango.dbo.KojinBango');
    expect(text.stdout).not.toContain('bango.dbo.kojinbango ');
    const md = await runBin(['scan', '.', '--format', 'markdown', '--lang', 'ja'], dir);
    expect(md.stdout).toMatch(/\|\s*\d+\s*\|\s*個人番号\s*\|\s*`MyNo`\s*\|/);
    expect(md.stdout).toContain('`bango.dbo.KojinBango`');
  });
});

/**
 * Every name a person reads is shown as the export wrote it, the same way in every place: schemas,
 * views, procedures, columns reached through a view, users and roles, the paths and blocks, the
 * assumptions and the diagnostics. A config's `roles: [KyufuApp]` names the user `CREATE USER
 * [KyufuApp]` made: SQL Server compares user names by the database collation, case-insensitive by
 * default ("Collation and Unicode support", https://learn.microsoft.com/sql/relational-databases/collations/collation-and-unicode-support).
 */
const JINJI = `CREATE SCHEMA [Jinji]
GO
CREATE TABLE [Jinji].[KojinBango](
	[AtenaNo] [varchar](15) NOT NULL,
	[MyNo] [char](12) NULL,
 CONSTRAINT [PK_KojinBango] PRIMARY KEY CLUSTERED ([AtenaNo] ASC)
) ON [PRIMARY]
GO
CREATE TABLE [Jinji].[Kyufu]([KyufuId] [int] NOT NULL, [AtenaNo] [varchar](15) NOT NULL) ON [PRIMARY]
GO
ALTER TABLE [Jinji].[Kyufu] ADD CONSTRAINT [FK_Kyufu_KojinBango] FOREIGN KEY ([AtenaNo]) REFERENCES [Jinji].[KojinBango]([AtenaNo])
GO
CREATE VIEW [Jinji].[vKojin] AS SELECT b.AtenaNo, b.MyNo FROM JINJI.KOJINBANGO b
GO
CREATE ROLE [KyufuReaders]
GO
CREATE USER [KyufuApp] WITHOUT LOGIN
GO
ALTER ROLE [KyufuReaders] ADD MEMBER [KYUFUAPP]
GO
GRANT SELECT ON [Jinji].[vKojin] TO [KyufuReaders]
GO
GRANT SELECT ON [Jinji].[Kyufu] TO [kyufureaders]
GO
DENY SELECT ON [Jinji].[KojinBango] TO [KyufuReaders]
GO
CREATE PROCEDURE [Jinji].[GetBango] @AtenaNo varchar(15) AS EXEC('SELECT 1')
GO
GRANT EXECUTE ON [Jinji].[GetBango] TO [KyufuReaders]
GO
`;

describe('SQL Server names as written, everywhere a person reads them', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'spif-written-all-'));
    writeFileSync(path.join(dir, 'jinji.sql'), JINJI);
    writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      'version: 1\ndialect: sqlserver\ndatabases:\n  - name: Jinji\n    sources: ["jinji.sql"]\nprincipals:\n  - name: kyufu-system\n    connects: [Jinji]\n    roles: [KyufuApp]\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a config role written in another case is the user of that name (not an undefined role)', async () => {
    const r = await runBin(['scan', '.', '--format', 'json'], dir);
    const report = JSON.parse(r.stdout);
    expect(report.assumptions ?? []).not.toContainEqual(expect.stringContaining('principal-role-undefined'));
    const kyufu = report.relations.find((x: { id: string }) => x.id === 'Jinji.jinji.kyufu');
    expect(kyufu.reachable.map((x: { principal: string }) => x.principal)).toContain('kyufu-system');
    // the JSON keeps its keys folded and adds the written forms
    expect(kyufu).toMatchObject({ schema: 'jinji', writtenSchema: 'Jinji', name: 'kyufu', writtenName: 'Kyufu' });
    const view = report.relations.find((x: { id: string }) => x.id === 'Jinji.jinji.vkojin');
    expect(view.writtenName).toBe('vKojin');
    expect(view.columns.map((c: { writtenName?: string }) => c.writtenName)).toEqual(['AtenaNo', 'MyNo']);
    const proc = report.relations.find((x: { kind: string }) => x.kind === 'function');
    expect(proc).toMatchObject({ name: 'getbango()', writtenName: 'GetBango()' });
    const readers = report.principals.find((p: { name: string }) => p.name === 'kyufureaders');
    expect(readers.writtenName).toBe('KyufuReaders');
    expect(report.principals.find((p: { name: string }) => p.name === 'kyufu-system').roles).toEqual(['KyufuApp']);
  });

  it('text and 評価書 show no folded name of an object the export wrote otherwise', async () => {
    const text = (await runBin(['scan', '.', '--lang', 'en'], dir)).stdout;
    expect(text).toContain('Jinji.Jinji.vKojin (view)');
    expect(text).toContain('Jinji:Kyufu.AtenaNo →(foreign key) Jinji:vKojin.AtenaNo ⇒ Jinji:vKojin.MyNo');
    expect(text).toContain('KyufuReaders (role)');
    expect(text).toContain('function Jinji.Jinji.GetBango() could not be analysed'); // assumption
    expect(text).toMatch(/SPIF-FUNCTION-UNANALYSED procedure Jinji\.Jinji\.GetBango\(\)/); // diagnostic
    expect(text).toMatch(/\(kyufu-system, KyufuReaders\)/);
    const md = (await runBin(['scan', '.', '--format', 'markdown', '--lang', 'ja'], dir)).stdout;
    for (const out of [text, md]) {
      expect(out).not.toMatch(/\bjinji\.(kojinbango|kyufu|vkojin|getbango)\b/);
      expect(out).not.toMatch(/\bkyufureaders\b/);
    }
    expect(md).toContain(
      '`Jinji.Jinji.Kyufu.AtenaNo →(外部キー) Jinji.Jinji.vKojin.AtenaNo` ⇒ `Jinji.Jinji.vKojin.MyNo`',
    );
    expect(md).toMatch(/\|\s*`Jinji\.Jinji\.vKojin`\s*\|\s*ビュー/);
  });

  it('SARIF messages, the dot and mermaid pictures and the detection evidence name objects as written', async () => {
    const sarif = JSON.parse((await runBin(['scan', '.', '--format', 'sarif', '--lang', 'en'], dir)).stdout);
    const results = sarif.runs[0].results as {
      ruleId: string;
      message: { text: string };
      properties?: { relation: string };
    }[];
    const holds = results.find(
      (x) => x.ruleId === 'SPIF-SCAN-HOLDS-NUMBER' && x.properties?.relation === 'Jinji.jinji.kojinbango',
    )!;
    // the evidence quotes the column as written too (detection reads the folded catalog name)
    expect(holds.message.text).toBe(
      "column MyNo of Jinji.Jinji.KojinBango holds the individual number (column name 'MyNo', type char(12)); Jinji.Jinji.KojinBango is a specific personal information file",
    );
    const reach = results.find((x) => x.ruleId === 'SPIF-SCAN-REACHABLE')!;
    expect(reach.message.text).toContain(
      'Jinji.Jinji.Kyufu.AtenaNo →(foreign-key) Jinji.Jinji.vKojin.AtenaNo to Jinji.Jinji.vKojin.MyNo',
    );
    expect(reach.properties!.relation).toBe('Jinji.jinji.kyufu'); // keys stay folded: alerts carry over
    const unanalysed = results.find((x) => x.ruleId === 'SPIF-FUNCTION-UNANALYSED')!;
    expect(unanalysed.message.text).toContain('procedure Jinji.Jinji.GetBango()');
    const ja = (await runBin(['scan', '.', '--lang', 'ja'], dir)).stdout;
    expect(ja).toContain('列名「MyNo」');
    const dot = (await runBin(['scan', '.', '--format', 'dot', '--lang', 'en'], dir)).stdout;
    expect(dot).toContain('label="Jinji.KojinBango\\n★ MyNo"');
    expect(dot).toContain('tooltip="Jinji.Jinji.KojinBango"');
    expect(dot).toContain('label="foreign key: AtenaNo\\n✕ every user"');
    const mermaid = (await runBin(['scan', '.', '--format', 'mermaid', '--lang', 'en'], dir)).stdout;
    expect(mermaid).toContain('n1["Jinji.KojinBango<br/>★ MyNo"]');
    for (const out of [dot, mermaid, ...results.map((x) => x.message.text)]) {
      expect(out).not.toMatch(/\b(kojinbango|vkojin|getbango|kyufureaders|myno|atenano)\b/);
    }
  });

  const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  it.skipIf(!existsSync(CHROMIUM))('the HTML explorer lists and draws the names as written (Chromium)', async () => {
    const out = path.join(dir, 'report.html');
    expect((await runBin(['scan', '.', '--format', 'html', '--lang', 'en', '-o', out], dir)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('"Jinji.Jinji.KojinBango.myno"');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${pathToFileURL(out).href}#rel=Jinji.jinji.kyufu`, { waitUntil: 'load' });
      await page.waitForSelector('html[data-ready="1"]');
      expect(await page.locator('#detail-title').textContent()).toBe('Jinji.Jinji.Kyufu');
      const drawn = await page.evaluate(() =>
        (
          globalThis as unknown as {
            spifGraph: { nodes: () => { map: (f: (n: { data: (k: string) => string }) => string) => string[] } };
          }
        ).spifGraph
          .nodes()
          .map((n) => n.data('label')),
      );
      expect(drawn.sort()).toEqual(['Jinji.Jinji.Kyufu', 'Jinji.Jinji.vKojin\n★ MyNo']);
      const lines = await page.$$eval('#graph-edges li', (lis) => lis.map((li) => li.textContent ?? ''));
      expect(lines).toEqual([
        'Jinji.Jinji.Kyufu → Jinji.Jinji.vKojin — foreign key: AtenaNo = AtenaNo (kyufu-system, KyufuReaders)',
      ]);
      const access = await page.locator('#detail table.access').textContent();
      expect(access).toContain(
        'Jinji.Jinji.Kyufu.AtenaNo →(foreign key) Jinji.Jinji.vKojin.AtenaNo ⇒ Jinji.Jinji.vKojin.MyNo',
      );
      expect(access).toContain('KyufuReaders');
      await page.fill('#relation-search', 'vKojin');
      expect(await page.locator('#relations-body tr button').allTextContents()).toEqual(['Jinji.Jinji.vKojin']);
    } finally {
      await browser.close();
    }
  });
});
