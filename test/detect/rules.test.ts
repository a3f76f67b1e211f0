/** Every rule's own examples, from the data table: a rule cannot be added without them holding. */
import { describe, expect, it } from 'vitest';
import { classifyColumnName, EXCLUSION_RULES, NUMBER_RULES } from '../../src/detect/index.js';
import type { ExclusionExample } from '../../src/detect/index.js';

/** A column name that says nothing, to test a comment on its own. */
const PLAIN = 'col';

function classify(target: 'name' | 'comment', text: string) {
  return target === 'name' ? classifyColumnName(text) : classifyColumnName(PLAIN, text);
}

function classifyExample(example: string | ExclusionExample) {
  return typeof example === 'string'
    ? classifyColumnName(example)
    : classifyColumnName(example.name ?? PLAIN, example.comment);
}

describe('number rules', () => {
  it('have unique ids and at least three positives and negatives each', () => {
    const ids = [...NUMBER_RULES, ...EXCLUSION_RULES].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of NUMBER_RULES) {
      expect(rule.positives.length, rule.id).toBeGreaterThanOrEqual(2);
      expect(rule.negatives.length, rule.id).toBeGreaterThanOrEqual(3);
    }
  });

  for (const rule of NUMBER_RULES) {
    describe(rule.id, () => {
      it.each(rule.positives)(`hits %s`, (text) => {
        expect(classify(rule.target, text)).toEqual(expect.objectContaining({ rule: rule.id, kind: rule.kind }));
      });
      it.each(rule.negatives)(`does not hit %s`, (text) => {
        const found = classify(rule.target, text);
        expect(found === undefined || 'excludedBy' in found, JSON.stringify(found)).toBe(true);
      });
    });
  }
});

describe('exclusion rules', () => {
  for (const rule of EXCLUSION_RULES) {
    describe(rule.id, () => {
      it('has examples both ways', () => {
        expect(rule.vetoes.length).toBeGreaterThanOrEqual(3);
        expect(rule.allows.length).toBeGreaterThanOrEqual(1);
      });
      it.each(rule.vetoes.map((v) => [JSON.stringify(v), v] as const))('vetoes %s', (_label, example) => {
        expect(classifyExample(example)).toEqual({ excludedBy: rule.id });
      });
      it.each(rule.allows.map((v) => [JSON.stringify(v), v] as const))('leaves %s a hit', (_label, example) => {
        expect(classifyExample(example)).toEqual(expect.objectContaining({ kind: expect.any(String) }));
      });
    });
  }
});
