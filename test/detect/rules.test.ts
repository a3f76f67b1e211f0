/** Every rule's own examples, from the data tables: a rule cannot be added without them holding. */
import { describe, expect, it } from 'vitest';
import {
  classifyColumn,
  classifyColumnName,
  CONTEXT_RULES,
  EXCLUSION_RULES,
  NUMBER_RULES,
} from '../../src/detect/index.js';
import type { ColumnClass, ExclusionExample } from '../../src/detect/index.js';

/** A column name that says nothing, to test a comment on its own. */
const PLAIN = 'col';

function classify(target: 'name' | 'comment', text: string) {
  return target === 'name' ? classifyColumnName(text) : classifyColumnName(PLAIN, text);
}

function classifyExample(example: string | ExclusionExample) {
  return typeof example === 'string'
    ? classifyColumnName(example)
    : classifyColumn({ name: example.name ?? PLAIN, comment: example.comment, type: example.type });
}

function outcome(found: ColumnClass | undefined): 'number' | 'candidate' | 'not' {
  if (!found || 'excludedBy' in found) return 'not';
  return found.candidate ? 'candidate' : 'number';
}

describe('number rules', () => {
  it('have unique ids and at least three positives and negatives each', () => {
    const ids = [...NUMBER_RULES, ...EXCLUSION_RULES, ...CONTEXT_RULES].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of NUMBER_RULES) {
      expect(rule.positives.length, rule.id).toBeGreaterThanOrEqual(2);
      expect(rule.negatives.length, rule.id).toBeGreaterThanOrEqual(3);
    }
  });

  for (const rule of NUMBER_RULES) {
    describe(rule.id, () => {
      it.each(rule.positives)(`hits %s`, (text) => {
        const found = classify(rule.target, text);
        expect(found).toEqual(expect.objectContaining({ rule: rule.id, kind: rule.kind }));
        // A candidate rule's example is a candidate unless the text itself raises it.
        if (rule.candidate && rule.candidate.raise !== 'says-number') expect(outcome(found)).toBe('candidate');
        if (!rule.candidate) expect(outcome(found)).toBe('number');
      });
      it.each(rule.negatives)(`does not hit %s`, (text) => {
        expect(outcome(classify(rule.target, text)), text).toBe('not');
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
      // Issue 15, point 2: a veto word vetoes only as the head of a name; the one front-reading
      // pattern is for English predicates, which put the head first (is_…, num_of_…, non_…).
      it('reads the front of a name only for an English head-first predicate', () => {
        if (rule.wholeName) expect(rule.wholeName.source).toMatch(/^\^\(\?:[a-z|?]+\)_/);
      });
      it.each(rule.vetoes.map((v) => [JSON.stringify(v), v] as const))('vetoes %s', (_label, example) => {
        // A review rule makes the column a candidate 要確認 with its own reason instead of vetoing it.
        if (rule.review)
          expect(classifyExample(example)).toEqual(
            expect.objectContaining({
              rule: rule.id,
              candidate: { reason: rule.review.reason, settle: rule.review.settle },
            }),
          );
        else expect(classifyExample(example)).toEqual({ excludedBy: rule.id });
      });
      it.each(rule.allows.map((v) => [JSON.stringify(v), v] as const))('leaves %s a hit', (_label, example) => {
        expect(outcome(classifyExample(example))).toBe('number');
      });
    });
  }
});

describe('context rules', () => {
  for (const rule of CONTEXT_RULES) {
    describe(rule.id, () => {
      it('has examples of at least two outcomes', () => {
        expect(new Set(rule.examples.map((e) => e.expect)).size).toBeGreaterThanOrEqual(2);
      });
      it.each(rule.examples.map((e) => [JSON.stringify(e.column), e] as const))('%s', (_label, example) => {
        const found = classifyColumn(example.column);
        expect(outcome(found), JSON.stringify(found)).toBe(example.expect);
      });
    });
  }
});
