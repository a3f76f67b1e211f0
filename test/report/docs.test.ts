/** docs/reports.md names every record-item rule and SARIF rule: a new rule cannot go undocumented. */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { RECORD_ITEM_RULES } from '../../src/report/record-items-rules.js';
import { SARIF_RULES } from '../../src/report/sarif.js';

const doc = fs.readFileSync('docs/reports.md', 'utf8');

it('documents every record-item rule', () => {
  for (const r of RECORD_ITEM_RULES) expect(doc, r.id).toContain(`\`${r.id}\``);
});
it('documents every SARIF rule', () => {
  for (const id of Object.values(SARIF_RULES)) expect(doc, id).toContain(`\`${id}\``);
});
it('shows the rendered picture of the sample graph', () => {
  expect(doc).toContain('](img/insurer-graph.png)');
  expect(fs.statSync('docs/img/insurer-graph.png').size).toBeGreaterThan(10_000);
});
it('shows the rendered 評価書 section Ⅱ of the sample', () => {
  expect(doc).toContain('](img/insurer-hyoukasho.png)');
  expect(fs.statSync('docs/img/insurer-hyoukasho.png').size).toBeGreaterThan(10_000);
});
