/**
 * `npm run screenshot [-- <paths...>] [--lang ja|en] [--out-dir docs/img]`: renders the HTML
 * report of a scan (default: the bundled sample) in headless Chromium and saves pictures of its
 * explorer's picture for a named file, of the 評価書's section Ⅱ and of the overview. Needs Chromium at /usr/bin/chromium (Debian: `apt-get install
 * chromium`; for Japanese labels also a Japanese font such as fonts-ipafont-gothic) or at
 * $CHROMIUM_PATH.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { scan } from '../src/pipeline.js';
import { renderHtml } from '../src/report/html.js';
import type { Lang } from '../src/report/messages.js';
import { nth } from '../src/indexed.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function main(argv: string[]): Promise<void> {
  const paths: string[] = [];
  let lang: Lang = 'ja';
  let outDir = 'docs/img';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') lang = argv[++i] === 'en' ? 'en' : 'ja';
    else if (argv[i] === '--out-dir') outDir = argv[++i] ?? outDir;
    else paths.push(nth(argv, i));
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`no Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
    process.exit(2);
  }
  const target = paths.length ? paths : ['fixtures/insurer'];
  const result = await scan({ paths: target });
  const html = await renderHtml(result.report, { lang, scan: result });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-shot-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html);
  fs.mkdirSync(outDir, { recursive: true });
  const stem = path.basename(path.resolve(nth(target, 0))) + (lang === 'en' ? '-en' : '');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1.5 });
    // The explorer on a named file: its paths to the number and the controls that stop each user.
    const files = result.report.files;
    const chosen =
      files.find(
        (f) =>
          f.classification === 'specific' &&
          result.report.relations.some((r) => f.relations.includes(r.id) && r.blocked.length),
      ) ?? files[0];
    await page.goto(pathToFileURL(file).href + (chosen ? `#file=${encodeURIComponent(chosen.name)}` : ''));
    await page.waitForSelector('html[data-ready="1"]');
    const graph = page.locator('#graph-figure');
    await graph.scrollIntoViewIfNeeded();
    const graphPng = path.join(outDir, `${stem}-graph.png`);
    await graph.screenshot({ path: graphPng });
    // The 評価書's Ⅱ for the first specific file: 2．基本情報 and 主な記録項目.
    const formPng = path.join(outDir, `${stem}-hyoukasho.png`);
    await page.click('#tab-document');
    await page.evaluate(() => document.getElementById('form-2-1')?.scrollIntoView());
    await page.screenshot({ path: formPng });
    const pagePng = path.join(outDir, `${stem}-report.png`);
    await page.click('#tab-overview');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: pagePng });
    console.log(`wrote ${graphPng}, ${formPng} and ${pagePng}`);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run only as a script (bench-html.ts imports the Chromium settings from here).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
