/**
 * The HTML report in a real Chromium (Debian package, driven by playwright-core): it renders, the
 * graph is visible, the relation table filters and sorts, nothing is fetched from the network,
 * and the malicious fixture injects no element and runs no script.
 * Skipped, with a message, when /usr/bin/chromium (or $CHROMIUM_PATH) is not installed.
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
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const available = fs.existsSync(CHROMIUM);
if (!available) console.warn(`html-browser.test.ts SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

describe.skipIf(!available)('HTML report in Chromium', () => {
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

  /** Writes the report of `fixture`, opens it, and records requests, console errors and dialogs. */
  async function open(fixture: string, lang: 'ja' | 'en') {
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
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests, problems, url: pathToFileURL(file).href, result };
  }

  const visibleIds = (page: Page) => page.$$eval('#relations tbody tr:not([hidden]) td:first-child', (tds) => tds.map((td) => td.textContent));

  describe('the bundled sample', () => {
    let page: Page;
    let requests: string[];
    let problems: string[];
    beforeAll(async () => {
      ({ page, requests, problems } = await open('fixtures/insurer', 'ja'));
    });

    it('renders with no network request and no error (the script passes the CSP)', async () => {
      expect(await page.title()).toBe('特定個人情報保護評価書（全項目評価書）の下書き');
      expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
      expect(problems).toEqual([]);
      expect(await page.locator('#relation-count').textContent()).toBe('12 / 12 件を表示');
    });

    it('shows the 評価書: section Ⅱ per specific file with the form\'s items as row headings, in the table of contents', async () => {
      const form = page.locator('#hyoukasho');
      expect(await form.isVisible()).toBe(true);
      expect(await page.locator('#hyoukasho h3[id^="form-2-"]').allTextContents()).toEqual(['(1) 個人番号管理ファイル', '(2) 被保険者資格ファイル', '(3) 中間サーバー連携ファイル']);
      const first = page.locator('#form-2-1 ~ table.form').first();
      await first.scrollIntoViewIfNeeded();
      expect(await first.isVisible()).toBe(true);
      const items = await first.locator('tbody th[scope="row"]').allTextContents();
      expect(items.slice(0, 3)).toEqual(['①ファイルの種類 ※', '②対象となる本人の数', '③対象となる本人の範囲 ※']);
      expect(await first.locator('tbody tr').nth(1).locator('td').first().textContent()).toContain('［10万人以上100万人未満］');
      const toc = await page.locator('nav a').allTextContents();
      expect(toc.slice(0, 5)).toEqual(['しきい値判断', 'Ⅱ 特定個人情報ファイルの概要', '（別添2）特定個人情報ファイル記録項目', 'Ⅲ 特定個人情報ファイルの取扱いプロセスにおけるリスク対策', '（参考）特定個人情報ファイルに該当しないと判断したファイル']);
      // A form table fits the page: no horizontal scrolling of the main column.
      const overflow = await page.evaluate(() => document.querySelector('main')!.scrollWidth - document.querySelector('main')!.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    it('shows the graph: one SVG node per relation, number columns and a blocked link marked', async () => {
      const svg = page.locator('#graph-figure svg');
      await svg.scrollIntoViewIfNeeded();
      expect(await svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(400);
      expect(box!.height).toBeGreaterThan(150);
      expect(await page.locator('#graph-figure g.node').count()).toBe(12);
      const text = await svg.textContent();
      expect(text).toContain('★ kojin_bango');
      expect(text).toContain('✕ kyufu-system');
    });

    it('search filters the relation table', async () => {
      await page.fill('#relation-search', 'kyufu');
      expect(await visibleIds(page)).toEqual(['kyufu.public.kogaku_ryoyohi', 'kyufu.public.kyufu_jisseki', 'kyufu.public.v_kyufu_shukei']);
      expect(await page.locator('#relation-count').textContent()).toBe('3 / 12 件を表示');
      await page.fill('#relation-search', 'ビュー 個人番号を保持');
      expect(await visibleIds(page)).toEqual(['bango.public.v_bango_shokai']);
      await page.fill('#relation-search', '');
      expect(await visibleIds(page)).toHaveLength(12);
    });

    it('a heading click sorts, a second click reverses', async () => {
      const judgement = page.locator('#relations thead th').nth(3).locator('button');
      await judgement.click();
      const asc = await page.$$eval('#relations tbody tr td:nth-child(4)', (tds) => tds.map((td) => td.textContent ?? ''));
      expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
      expect(new Set(asc.slice(0, 2)).size).toBe(1);
      const id = page.locator('#relations thead th').nth(0);
      await id.locator('button').click();
      await id.locator('button').click();
      expect(await id.getAttribute('aria-sort')).toBe('descending');
      expect((await visibleIds(page))[0]).toBe('shikaku.public.shikaku_rireki');
    });
  });

  describe('the malicious fixture', () => {
    it('injects no element, runs no script, and shows the names as text', async () => {
      const { page, problems } = await open('fixtures/malicious', 'en');
      expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(problems.filter((p) => p.startsWith('dialog'))).toEqual([]);
      // Independent of the CSP: the DOM holds only what the reporter wrote.
      expect(await page.evaluate(() => document.scripts.length)).toBe(1);
      expect(await page.locator('img, iframe, object, embed, a[href^="javascript"]').count()).toBe(0);
      expect(await page.locator('main > svg, td svg, p svg').count()).toBe(0);
      expect(await page.evaluate(() => [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on'))))).toBe(false);
      const table = await page.locator('#relations').innerText();
      expect(table).toContain("evil.public.evil<script>__pwned='table'</script>");
      expect(table).toContain('</td><script>__pwned=\'file\'</script>|`x`');
      const graph = await page.locator('#graph-figure svg').textContent();
      expect(graph).toContain('x" -- n0 [label="pwned" URL="javascript:alert(1)"]; //\\');
      expect(await page.locator('#graph-figure g.node').count()).toBe(2);
    });
  });
});
