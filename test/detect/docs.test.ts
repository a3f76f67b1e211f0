/** docs/detection.md carries the rules tables generated from the code, so the docs cannot drift. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCLUSION_RULES, NUMBER_RULES, renderRulesMarkdown } from '../../src/detect/index.js';
import { nth } from '../../src/indexed.js';

const docs = readFileSync(new URL('../../docs/detection.md', import.meta.url), 'utf8');

describe('docs/detection.md', () => {
  it('contains the generated rules tables verbatim', () => {
    const generated = renderRulesMarkdown();
    const begin = docs.indexOf(nth(generated.split('\n'), 0));
    expect(begin, 'rules:begin marker missing from docs/detection.md').toBeGreaterThanOrEqual(0);
    const end = docs.indexOf('<!-- rules:end -->', begin) + '<!-- rules:end -->'.length;
    // On failure: regenerate with renderRulesMarkdown() (see the docs) and paste between the markers.
    expect(docs.slice(begin, end)).toBe(generated);
  });

  it('names every rule, with one table row each', () => {
    const generated = renderRulesMarkdown();
    for (const rule of [...NUMBER_RULES, ...EXCLUSION_RULES]) {
      expect(generated.split('\n').filter((line) => line.startsWith(`| \`${rule.id}\` |`))).toHaveLength(1);
    }
  });
});
