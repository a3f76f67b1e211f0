/**
 * fixtures/malicious: names and comments built to break out of each output language. Each
 * reporter must keep them as text: Markdown cells do not split and carry no raw HTML, DOT gets no
 * extra node, edge or attribute, Mermaid labels stay closed, SARIF forms no link or placeholder.
 * (The HTML report is opened in a real browser in html-browser.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { instance } from '@viz-js/viz';
import { scan, type ScanResult } from '../../src/pipeline.js';
import { renderReport } from '../../src/report/formats.js';
import { capture, nth } from '../../src/indexed.js';

let result: ScanResult;
const render = (format: string) => renderReport(format, result.report, { lang: 'en', color: false, scan: result });
const EVIL_TABLE = "evil<script>__pwned='table'</script>";
const DOT_BREAKER = 'x" -- n0 [label="pwned" URL="javascript:alert(1)"]; //\\';

beforeAll(async () => {
  result = await scan({ paths: ['fixtures/malicious'] });
});

it('the fixture really carries the hostile names', () => {
  const ids = result.report.relations.map((r) => r.name);
  expect(ids).toEqual([EVIL_TABLE, DOT_BREAKER]);
  const cols = nth(result.report.relations, 0).columns!.map((c) => c.name);
  expect(cols).toContain('line\nbreak');
  expect(nth(result.report.relations, 0).columns!.find((c) => c.name === 'a"b\\c')!.comment).toContain('onerror');
});

describe('markdown', () => {
  let md: string;
  beforeAll(async () => {
    md = await render('markdown');
  });
  /** Unescaped pipes split GFM cells, inside code spans too. */
  const cells = (line: string) => line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length - 2;
  it('every table row has as many cells as its header', () => {
    const lines = md.split('\n');
    let expected = -1;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        expected = -1;
        continue;
      }
      if (expected < 0) expected = cells(line);
      else expect(cells(line), line).toBe(expected);
    }
  });
  it('has no raw HTML outside code spans and no line broken by a name', () => {
    const outsideCode = md.replace(/```mermaid[\s\S]*?```/g, '').replace(/(`+)[\s\S]*?\1/g, '');
    expect(outsideCode).not.toMatch(/<[a-z/!]/i);
    expect(md).toContain('&lt;/td&gt;&lt;script&gt;');
    expect(md).not.toMatch(/^break/m);
  });
  it('code spans hold backtick names whole', () => {
    // 別添2: the column and its relation, each one whole code span in its own cell.
    expect(md).toMatch(
      /\| ``` x\\\|y`z`` ``` \| `text` \| to review \| `evil\.evil<script>__pwned='table'<\/script>` \|/,
    );
  });
});

describe('dot', () => {
  it('parses to exactly the two relations and one link, labels intact', async () => {
    const dot = await render('dot');
    const viz = await instance();
    const json = JSON.parse(viz.renderString(dot, { format: 'json' })) as {
      objects: { name: string; label?: string; URL?: string; tooltip?: string; nodes?: number[] }[];
      edges: { tail: number; head: number; label?: string }[];
    };
    const nodes = json.objects.filter((o) => o.nodes === undefined);
    expect(nodes.map((n) => n.name)).toEqual(['n0', 'n1']);
    // Graphviz keeps `\\` as written (escString, read when drawing); `\"` is read back as `"`.
    const raw = (s: string) => s.replace(/\\/g, '\\\\');
    expect(nodes.map((n) => n.tooltip)).toEqual([raw(`evil.public.${EVIL_TABLE}`), raw(`evil.public.${DOT_BREAKER}`)]);
    expect(nth(nodes, 1).label).toBe(raw(DOT_BREAKER));
    expect(nodes.some((n) => n.URL)).toBe(false);
    expect(json.edges).toHaveLength(1);
  });
});

describe('mermaid', () => {
  it('keeps every label closed: no quote, bracket or directive from a name', async () => {
    const mmd = await render('mermaid');
    const labels = [...mmd.matchAll(/"([^"]*)"/g)].map((m) => capture(m, 1));
    // `<br/>` is ours (the line break); nothing else may be markup or Mermaid syntax.
    for (const l of labels) expect(l.replace(/<br\/>/g, '')).not.toMatch(/[<>[\]{}|`]|%%/);
    expect(mmd).toContain('x#34; -- n0 #91;label=#34;pwned#34;');
    // Outside labels only our own syntax remains: node ids, link operators, class lines.
    const skeleton = mmd.replace(/"[^"]*"/g, '""');
    expect(skeleton).not.toMatch(/click|javascript|pwned|%%/);
  });
});

describe('sarif', () => {
  it('forms no embedded link or placeholder from names, and stays valid JSON', async () => {
    const text = await render('sarif');
    const sarif = JSON.parse(text) as { runs: { results: { message: { text: string } }[] }[] };
    const messages = nth(sarif.runs, 0).results.map((r) => r.message.text);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      // SARIF §3.11.6: an unescaped `[text](target)` is a link; §3.11.5: a single `{n}` is a placeholder.
      expect(m).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
      expect(m.replace(/\{\{|\}\}/g, '')).not.toMatch(/[{}]/);
    }
    expect(messages.join('\n')).toContain('x" -- n0 \\[label="pwned" URL="javascript:alert(1)"\\]; //\\\\');
  });
});
