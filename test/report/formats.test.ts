/** Every format for the bundled sample: produced through the CLI's render path, with its content. */
import { beforeAll, describe, expect, it } from 'vitest';
import { instance } from '@viz-js/viz';
import { scan, type ScanResult } from '../../src/pipeline.js';
import { formatNames, renderOutput, renderReport } from '../../src/report/formats.js';
import { buildGraphView } from '../../src/report/graph-model.js';
import { capture } from '../../src/indexed.js';

let result: ScanResult;
const render = (format: string, lang: 'ja' | 'en' = 'ja') =>
  renderReport(format, result.report, { lang, color: false, scan: result });

beforeAll(async () => {
  result = await scan({ paths: ['fixtures/insurer'] });
});

describe('formats', () => {
  it('are all registered for --format', () => {
    expect(formatNames()).toEqual(
      expect.arrayContaining(['text', 'json', 'sarif', 'markdown', 'html', 'dot', 'mermaid', 'csv', 'xlsx']),
    );
  });
  it('each produces output for the sample', async () => {
    for (const f of formatNames())
      expect(
        (await renderOutput(f, result.report, { lang: 'ja', color: false, scan: result })).length,
        f,
      ).toBeGreaterThan(500);
  });
});

describe('markdown (評価書の下書き)', () => {
  it("has section Ⅱ per specific file in the form's words, then spif's evidence", async () => {
    const md = await render('markdown');
    expect(md.startsWith('# 特定個人情報保護評価書（全項目評価書）の下書き\n')).toBe(true);
    const two = md.slice(md.indexOf('## Ⅱ 特定個人情報ファイルの概要'), md.indexOf('## （別添2）'));
    // Only the specific files are in Ⅱ; 給付ファイル (access-controlled) goes to the annex.
    expect(two.match(/^### \(\d\) .*$/gm)).toEqual([
      '### (1) 個人番号管理ファイル',
      '### (2) 被保険者資格ファイル',
      '### (3) 中間サーバー連携ファイル',
    ]);
    expect(two).toMatch(/\| 連絡先等情報 \| ☑ ４情報（氏名、性別、生年月日、住所） \| `shikaku\.hihokensha\.shimei`/);
    expect(two).toMatch(/\| 識別情報 \| ☑ 個人番号対応符号 \| `chukan\.fugo_kanri\.kikanbetsu_fugo` \|/);
    expect(md).toContain('#### 個人番号の保持');
    const annex = md.slice(
      md.indexOf('## （参考）特定個人情報ファイルに該当しないと判断したファイル'),
      md.indexOf('## 判定の根拠（spif）'),
    );
    expect(annex).toMatch(/^### 給付ファイル$/m);
    expect(annex).toMatch(/\| `kyufu-system` \| `kyufu\.kyufu_jisseki` \| 遮断 \| データベースに接続不可 — `bango` \|/);
    expect(md).toContain('番号法第2条第8項・第9項');
    expect(md.indexOf('## 判定の根拠（spif）')).toBeGreaterThan(
      md.indexOf('## Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策'),
    );
  });
  it('explains each relation judged not specific, citing the rule', async () => {
    const md = await render('markdown');
    const section = md.slice(
      md.indexOf('## 特定個人情報ファイルに該当しないと判定したテーブル・ビュー'),
      md.indexOf('## テーブル・ビュー一覧'),
    );
    expect(section.match(/^\| `/gm)).toHaveLength(6);
    expect(section).toMatch(/`master\.public\.code_master` \| 個人番号へのリンクなし \| .*（規則 unlinked）/);
    expect(section).toMatch(
      /`shikaku\.public\.shikaku_rireki` .*`shikaku-system` は `bango\.public\.bango_kanri\.kojin_bango` で遮断される（列の参照権限なし）/,
    );
  });
  it('names the hops and the number column of one path the same way', async () => {
    const md = await render('markdown');
    const row = md.split('\n').find((l) => l.startsWith('| `bango-system` | `shikaku.hihokensha` |'))!;
    expect(row).toContain(
      '`shikaku.hihokensha.atena_no →(設定で宣言したリンク) bango.bango_kanri.atena_no` ⇒ `bango.bango_kanri.kojin_bango`',
    );
    expect(row).not.toContain('bango.public.');
  });
  it('embeds the Mermaid graph', async () => {
    const md = await render('markdown');
    expect(md).toMatch(/```mermaid\nflowchart LR\n[\s\S]*```/);
  });
  it('is English with --lang en, with the same structure', async () => {
    const [ja, en] = [await render('markdown', 'ja'), await render('markdown', 'en')];
    expect(en).toContain('## II Outline of the specific personal information files');
    expect(en).not.toMatch(/特定個人情報ファイルではない/);
    const shape = (s: string) =>
      s
        .split('\n')
        .map((l) => l.match(/^#+ |^\| |^- |^```/)?.[0] ?? '')
        .join('');
    expect(shape(en)).toBe(shape(ja));
  });
  it('falls back to one section per database when no file is named', async () => {
    const noFiles = { ...result, report: { ...result.report, files: [] } };
    const md = await renderReport('markdown', noFiles.report, { lang: 'ja', color: false, scan: noFiles });
    expect(md).toContain('## データベースごとの判定');
    for (const db of ['bango', 'chukan', 'kyufu', 'master', 'shikaku'])
      expect(md).toMatch(new RegExp(`### \\d+\\. ${db}\\n`));
    // The 評価書 then treats each database as a file: the specific ones in Ⅱ, the others in the annex.
    expect(md).toContain('設定 files に評価書のファイル名がないため、データベースごとにまとめた。');
    expect(md).toMatch(/^### \(\d\) shikaku$/m);
    expect(md.slice(md.indexOf('## （参考）'))).toMatch(/^### master$/m);
  });
});

describe('graph view (dot, mermaid, html)', () => {
  it('marks number columns and the edges where principals are stopped', () => {
    const view = buildGraphView(result.report, result);
    const node = (id: string) => view.nodes.find((n) => n.id === id)!;
    expect(node('bango.public.bango_kanri').numberColumns).toEqual([
      { column: 'kojin_bango', kind: 'individual-number', stopped: ['shikaku-system'] },
    ]);
    const link = view.edges.find(
      (e) => e.from === node('shikaku.public.hihokensha').key && e.to === node('bango.public.bango_kanri').key,
    )!;
    expect(link.via).toBe('declared-link');
    expect(link.state).toBe('partly-blocked');
    expect(link.crossing.sort()).toEqual(['bango-system', 'shikaku-system']);
    expect(link.stopped).toEqual([{ principal: 'kyufu-system', control: 'database-not-connectable', at: 'bango' }]);
    // The FK inside kyufu leads toward the number and kyufu-system crosses it.
    const fk = view.edges.find((e) => e.from === node('kyufu.public.kogaku_ryoyohi').key)!;
    expect(fk.state).toBe('open');
  });
  it('dot is valid Graphviz input with one node per relation', async () => {
    const dot = await render('dot');
    const viz = await instance();
    const json = JSON.parse(viz.renderString(dot, { format: 'json' })) as {
      objects: { name: string; label?: string; nodes?: number[] }[];
      edges: unknown[];
    };
    const nodes = json.objects.filter((o) => o.nodes === undefined);
    expect(nodes).toHaveLength(result.report.relations.length);
    expect(json.edges.length).toBeGreaterThan(5);
    expect(dot).toMatch(/n\d+ -- n\d+ \[label="設定で宣言したリンク: atena_no\\n✕ kyufu-system", color="#ef6c00"/);
  });
  it('mermaid has a subgraph per database and styles blocked links', async () => {
    const mmd = await render('mermaid');
    expect(mmd.startsWith('flowchart LR\n')).toBe(true);
    expect(mmd.match(/^ {2}subgraph /gm)).toHaveLength(5);
    expect(mmd).toMatch(/---\|"設定で宣言したリンク: atena_no<br\/>✕ kyufu-system"\|/);
    expect(mmd).toMatch(/^ {2}linkStyle \d+ stroke:#ef6c00/m);
  });
  it('html embeds the explorer (data, cytoscape.js, script), the relation table and makes no network reference', async () => {
    const html = await render('html');
    const data = JSON.parse(
      capture(/<script type="application\/json" id="spif-data">([\s\S]*?)<\/script>/.exec(html)!, 1),
    );
    expect(data.relations).toHaveLength(result.report.relations.length);
    expect(data.s).toContain('shikaku.public.hihokensha');
    expect(html).toContain('The Cytoscape Consortium'); // its licence notice travels with it
    expect(html).toContain('<table id="relations">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//);
    expect(html).not.toMatch(/<link\b|@import|url\(/);
  });
});
