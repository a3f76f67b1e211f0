/**
 * The HTML explorer in a real Chromium (Debian package, driven by playwright-core): it renders
 * with no request and no error under its CSP; the overview lists databases and named files; the
 * relation list searches, filters and pages; choosing a relation or a file draws its paths to the
 * number and the controls that stop each user (cytoscape.js canvas, and the same as text); the
 * 評価書 document loads on demand and prints on A4; Japanese is not broken inside words; and the
 * malicious fixture injects no element and runs no script.
 * Skipped, with a message, when /usr/bin/chromium (or $CHROMIUM_PATH) is not installed.
 * Speed (20,000 tables) is measured by `npm run bench:html`, not here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page, chromium } from 'playwright-core';
import { scan } from '../../src/pipeline.js';
import { renderHtml } from '../../src/report/html.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const available = fs.existsSync(CHROMIUM);
if (!available)
  console.warn(
    `html-browser.test.ts SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );

describe.skipIf(!available)('HTML explorer in Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-html-'));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the report of `fixture`, opens it, and records requests, console problems and dialogs. */
  async function open(fixture: string, lang: 'ja' | 'en', hash = '') {
    const result = await scan({ paths: [fixture] });
    const file = path.join(dir, `${path.basename(fixture)}-${lang}.html`);
    fs.writeFileSync(file, await renderHtml(result.report, { lang, scan: result }));
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href + hash, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="1"]');
    return { page, requests, problems, file };
  }

  const listedIds = (page: Page) =>
    page.$$eval('#relations-body tr', (trs) => trs.map((tr) => tr.getAttribute('data-id')));
  const graphText = (page: Page) => page.$$eval('#graph-edges li', (lis) => lis.map((li) => li.textContent ?? ''));

  describe('the bundled sample', () => {
    let page: Page;
    let requests: string[];
    let problems: string[];
    beforeAll(async () => {
      ({ page, requests, problems } = await open('fixtures/insurer', 'ja'));
    });

    it('renders with no network request and no error (both scripts pass the CSP)', async () => {
      expect(await page.title()).toBe('特定個人情報保護評価書（全項目評価書）の下書き');
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(problems).toEqual([]);
      expect(await page.evaluate(() => typeof (globalThis as { cytoscape?: unknown }).cytoscape)).toBe('function');
      expect(await page.locator('#summary').textContent()).toContain('テーブル・ビュー 12 件: 特定 6 / 非特定 6');
    });

    it('opens on the overview: every database and named file with its judgement', async () => {
      expect(await page.locator('#panel-overview').isVisible()).toBe(true);
      expect(await page.$$eval('#overview-databases tr', (trs) => trs.map((tr) => tr.getAttribute('data-db')))).toEqual(
        ['bango', 'chukan', 'kyufu', 'master', 'shikaku'],
      );
      const files = await page.$$eval('#overview-files tr', (trs) =>
        trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)),
      );
      expect(files).toContainEqual(['給付ファイル', '特定個人情報ファイルではない', '0 / 3']);
      expect(files).toContainEqual(['被保険者資格ファイル', '特定個人情報ファイル', '1 / 2']);
    });

    it('a database in the overview lists its tables and views; search and the judgement filter narrow the list', async () => {
      await page.click('#overview-databases tr[data-db="kyufu"] button');
      expect(await page.locator('#panel-relations').isVisible()).toBe(true);
      expect(await listedIds(page)).toEqual([
        'kyufu.public.kogaku_ryoyohi',
        'kyufu.public.kyufu_jisseki',
        'kyufu.public.v_kyufu_shukei',
      ]);
      await page.click('#relation-scope button');
      expect(await page.locator('#relation-count').textContent()).toBe('12 / 12 件を表示');
      await page.fill('#relation-search', 'ビュー 個人番号を保持');
      expect(await listedIds(page)).toEqual(['bango.public.v_bango_shokai']);
      await page.fill('#relation-search', '');
      await page.selectOption('#relation-class', 'specific');
      expect(await listedIds(page)).toHaveLength(6);
      await page.selectOption('#relation-class', '2'); // access-controlled
      expect(await listedIds(page)).toEqual([
        'kyufu.public.kogaku_ryoyohi',
        'kyufu.public.kyufu_jisseki',
        'kyufu.public.v_kyufu_shukei',
        'shikaku.public.shikaku_rireki',
      ]);
      await page.selectOption('#relation-class', '');
    });

    it('choosing a relation draws its path to the number, and lists it as text', async () => {
      await page.fill('#relation-search', 'hihokensha');
      await page.click('#relations-body tr[data-id="shikaku.public.hihokensha"] button');
      expect(await page.locator('#detail-title').textContent()).toBe('shikaku.public.hihokensha');
      expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
      const box = await page.locator('#graph').boundingBox();
      expect(box!.width).toBeGreaterThan(600);
      expect(await page.locator('#graph').getAttribute('data-nodes')).toBe('2');
      expect(await graphText(page)).toEqual([
        'shikaku.hihokensha → bango.bango_kanri — 設定で宣言したリンク: atena_no = atena_no (bango-system)',
      ]);
      // The picture's nodes and edges, as cytoscape holds them.
      const drawn = await page.evaluate(() => {
        const cy = (
          globalThis as unknown as {
            spifGraph: { nodes: () => { map: (f: (n: { data: (k: string) => string }) => string) => string[] } };
          }
        ).spifGraph;
        return cy.nodes().map((n) => n.data('label'));
      });
      expect(drawn.sort()).toEqual(['bango.bango_kanri\n★ kojin_bango', 'shikaku.hihokensha']);
      expect(await page.locator('#detail table.access tr.reaches').count()).toBe(1);
      expect(page.url()).toMatch(/#rel=shikaku\.public\.hihokensha$/);
    });

    it('choosing a named file draws every control that stops its users', async () => {
      await page.click('#tab-overview');
      await page.click('#overview-files tr[data-file="被保険者資格ファイル"] button');
      expect(await page.locator('#detail-title').textContent()).toBe('被保険者資格ファイル');
      expect(await listedIds(page)).toEqual(['shikaku.public.hihokensha', 'shikaku.public.shikaku_rireki']);
      const lines = await graphText(page);
      expect(lines).toContain(
        'shikaku.shikaku_rireki → bango.bango_kanri — ✕ shikaku-system: 列の参照権限なし (bango.public.bango_kanri.kojin_bango)',
      );
      expect(lines).toContain('shikaku.shikaku_rireki → bango — ✕ kyufu-system: データベースに接続不可 (bango)');
      expect(await page.locator('#detail table.access tr.blocked').count()).toBe(3);
    });

    it('the 評価書 document loads when its tab is opened', async () => {
      expect(await page.locator('#document-body').innerHTML()).toBe('');
      await page.click('#tab-document');
      const text = await page.locator('#document-body').textContent();
      expect(text).toContain('番号法第2条第8項・第9項');
      expect(text).toContain('個人番号管理ファイル');
      expect(await page.locator('#document-body h2').count()).toBeGreaterThan(3);
    });

    it("shows the 評価書: section Ⅱ per specific file with the form's items as row headings, in the table of contents", async () => {
      await page.click('#tab-document');
      const form = page.locator('#hyoukasho');
      expect(await form.isVisible()).toBe(true);
      expect(await page.locator('#hyoukasho h3[id^="form-2-"]').allTextContents()).toEqual([
        '(1) 個人番号管理ファイル',
        '(2) 被保険者資格ファイル',
        '(3) 中間サーバー連携ファイル',
      ]);
      const first = page.locator('#form-2-1 ~ table.form').first();
      await first.scrollIntoViewIfNeeded();
      expect(await first.isVisible()).toBe(true);
      const items = await first.locator('tbody th[scope="row"]').allTextContents();
      expect(items.slice(0, 3)).toEqual(['①ファイルの種類 ※', '②対象となる本人の数', '③対象となる本人の範囲 ※']);
      expect(await first.locator('tbody tr').nth(1).locator('td').first().textContent()).toContain(
        '［10万人以上100万人未満］',
      );
      const toc = await page.locator('#document-body nav.toc a').allTextContents();
      expect(toc.slice(0, 5)).toEqual([
        'しきい値判断',
        'Ⅱ 特定個人情報ファイルの概要',
        '（別添2）特定個人情報ファイル記録項目',
        'Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策',
        '（参考）特定個人情報ファイルに該当しないと判断したファイル',
      ]);
      // A form table fits the page: no horizontal scrolling of the main column.
      const overflow = await page.evaluate(
        () => document.querySelector('main')!.scrollWidth - document.querySelector('main')!.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });

    it('does not break Japanese inside a word', async () => {
      expect(await page.evaluate(() => getComputedStyle(document.body).wordBreak)).toBe('auto-phrase');
      // In a narrow column, 特定個人情報ファイル stays on one line.
      const lines = await page.evaluate(() => {
        const p = [...document.querySelectorAll('#document-body p')].find((x) =>
          x.textContent.startsWith('特定個人情報ファイルとは'),
        )!;
        (p as HTMLElement).style.width = '340px';
        const text = p.firstChild!;
        const tops = new Set<number>();
        for (let i = 0; i < '特定個人情報ファイル'.length; i++) {
          const r = document.createRange();
          r.setStart(text, i);
          r.setEnd(text, i + 1);
          tops.add(Math.round(r.getBoundingClientRect().top));
        }
        const all = new Set<number>();
        for (let i = 0; i < text.textContent!.length; i++) {
          const r = document.createRange();
          r.setStart(text, i);
          r.setEnd(text, i + 1);
          all.add(Math.round(r.getBoundingClientRect().top));
        }
        return { word: tops.size, paragraph: all.size };
      });
      expect(lines.paragraph).toBeGreaterThan(3);
      expect(lines.word).toBe(1);
    });
  });

  it('prints the 評価書 document on A4, without the explorer controls', async () => {
    const { page } = await open('fixtures/insurer', 'ja', '#rel=bango.public.bango_kanri');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.locator('#panel-document').isVisible()).toBe(true);
    expect(await page.locator('[role=tablist]').isVisible()).toBe(false);
    expect(await page.locator('#relation-search').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(box, 'a page box in the PDF').not.toBeNull();
    expect([Math.round(Number(box![1])), Math.round(Number(box![2]))]).toEqual([595, 842]); // A4 in points
  });

  it('pages through a longer list, 50 rows at a time', async () => {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-html-big-'));
    const ddl = Array.from(
      { length: 120 },
      (_, i) =>
        `CREATE TABLE t${String(i).padStart(3, '0')} (id int PRIMARY KEY${i === 7 ? ', kojin_bango char(12)' : ''});`,
    ).join('\n');
    fs.writeFileSync(path.join(big, 'schema.sql'), `${ddl}\n`);
    try {
      const { page, problems } = await open(big, 'en');
      await page.click('#tab-relations');
      expect(await listedIds(page)).toHaveLength(50);
      expect(await page.locator('#page-label').textContent()).toBe('1–50 of 120');
      await page.click('#page-next');
      await page.click('#page-next');
      expect(await listedIds(page)).toHaveLength(20);
      expect((await listedIds(page))[0]).toBe('default.public.t100');
      expect(await page.locator('#page-next').isDisabled()).toBe(true);
      await page.fill('#relation-search', 't007');
      expect(await listedIds(page)).toEqual(['default.public.t007']);
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  it('pages 別添2 and shortens the evidence tables of a large 評価書, the rest a click away', async () => {
    const big = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-html-annex-'));
    // One specific table of 250 columns and 60 unlinked tables in one database, the one file: 別添2
    // has 310 rows (100 shown, the rest built on demand); the not-specific evidence table keeps 50
    // rows and points to the tab.
    const wide = Array.from({ length: 249 }, (_, i) => `koumoku_${String(i).padStart(3, '0')} text`);
    const ddl = [
      `CREATE TABLE bango_kanri (kojin_bango char(12) PRIMARY KEY, ${wide.join(', ')});`,
      ...Array.from(
        { length: 60 },
        (_, i) => `CREATE TABLE sonota_${String(i).padStart(2, '0')} (id int PRIMARY KEY);`,
      ),
    ].join('\n');
    fs.writeFileSync(path.join(big, 'schema.sql'), `${ddl}\n`);
    try {
      const { page, problems } = await open(big, 'ja', '#document');
      const annex = page.locator('.long-table').first();
      const physical = () =>
        annex.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.children[2]?.textContent));
      expect(await physical()).toHaveLength(100);
      expect(await annex.locator('.rows-shown').textContent()).toMatch(/^100 \/ 310 行/);
      await annex.locator('button.more-rows').click();
      expect(await physical()).toHaveLength(200);
      await annex.locator('button.all-rows').click();
      const all = await physical();
      expect(all).toEqual(['kojin_bango', ...wide.map((w) => w.split(' ')[0]), ...Array<string>(60).fill('id')]);
      expect(await annex.locator('.rows-shown').textContent()).toMatch(/^310 \/ 310 行/);
      expect(await annex.locator('button.more-rows').isVisible()).toBe(false);
      // A built row is a form row like the first page's: its number heads it, the name is code.
      expect(await annex.locator('tbody tr').nth(249).locator('th[scope=row]').textContent()).toBe('250');
      expect(await annex.locator('tbody tr').nth(249).locator('td code').first().textContent()).toBe('koumoku_248');

      const more = page.locator('#not-specific ~ p.more').first();
      expect(await more.textContent()).toContain('全 60 行のうち先頭の 50 行を示した');
      expect(await page.locator('#not-specific + table tbody tr').count()).toBe(50);
      await more.locator('a').click();
      await page.waitForFunction(() => !document.getElementById('panel-relations')?.hidden);
      expect(await page.locator('#panel-document').isVisible()).toBe(false);
      expect(problems).toEqual([]);

      // Printing builds every waiting row.
      const { page: print } = await open(big, 'ja');
      await print.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await print.locator('.long-table tbody tr').count()).toBe(310);
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  describe('the malicious fixture', () => {
    it('injects no element, runs no script, and shows the names as text', async () => {
      const { page, problems } = await open('fixtures/malicious', 'en');
      await page.click('#tab-relations');
      await page.click('#relations-body tr:first-child button');
      await page.click('#tab-document');
      expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(problems.filter((p) => p.startsWith('dialog'))).toEqual([]);
      // Independent of the CSP: the DOM holds only what the reporter wrote.
      expect(await page.evaluate(() => [...document.scripts].filter((s) => s.type !== 'application/json').length)).toBe(
        2,
      );
      expect(await page.locator('img, iframe, object, embed, a[href^="javascript"], svg').count()).toBe(0);
      expect(
        await page.evaluate(() =>
          [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))),
        ),
      ).toBe(false);
      await page.click('#tab-relations');
      const table = await page.locator('#relations').innerText();
      expect(table).toContain("evil.public.evil<script>__pwned='table'</script>");
      expect(await page.locator('#document-body').textContent()).toContain("</td><script>__pwned='file'</script>|`x`");
    });
  });
});
