/** The explorer's packed data: every relation and its evidence survive packing, and no string can end its script block. */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { BASES, CLASSES, jsonForScriptBlock, packReport } from '../../src/report/html-data.js';
import { nth } from '../../src/indexed.js';

describe('packReport', () => {
  it('keeps every relation, path and control, with each string stored once', async () => {
    const { report } = await scan({ paths: ['fixtures/insurer'] });
    const data = packReport(report, []);
    expect(new Set(data.s).size).toBe(data.s.length);
    expect(data.relations).toHaveLength(report.relations.length);
    report.relations.forEach((r, i) => {
      const p = nth(data.relations, i);
      expect(data.s[p[0]]).toBe(r.id);
      expect(CLASSES[p[3]]).toBe(r.classification);
      expect(BASES[p[4]]).toBe(r.basis);
      expect(
        p[8].map((x) => [data.s[x[0]], data.s[x[1]], x[2].map((st) => `${data.s[st[0]]}>${data.s[st[1]]}`)]),
      ).toEqual(r.reachable.map((x) => [x.principal, x.numberColumn, x.path.map((st) => `${st.from}>${st.to}`)]));
      expect(p[9].map((b) => [b[0] < 0 ? '*' : data.s[b[0]], data.s[b[1]]])).toEqual(
        r.blocked.map((b) => [b.principal, b.at]),
      );
    });
    expect(data.files.map((f) => data.s[f[0]])).toEqual(report.files.map((f) => f.name));
  });
});

describe('jsonForScriptBlock', () => {
  it('writes nothing that closes the block or breaks a line, and parses back to the same value', () => {
    const hostile = ['</script><script>alert(1)</script>', '<!--', 'a\u2028b\u2029c', '&amp;'];
    const text = jsonForScriptBlock(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(hostile);
  });
});
