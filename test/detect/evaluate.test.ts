/**
 * The held-out evaluation set (fixtures/detection-eval/columns.json: columns from real vendor,
 * public-sector and application schemas, apart from the rules' own examples) meets the targets of
 * issue 15. `npm run eval:detection` prints the same numbers with every miss.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXCLUSION_RULES, NUMBER_RULES } from '../../src/detect/index.js';
import { evaluateDetection, type EvalColumn } from '../../src/detect/evaluate.js';

const load = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/detection-eval/${file}`, import.meta.url), 'utf8')) as EvalColumn[];
const columns = load('columns.json');
const heldOut = load('held-out.json');
const fresh = load('fresh-2026-12.json');
const vendorDev = load('vendor-dev-2026-12.json');
const vendorTest = load('vendor-test-2026-12.json');
const unseen = load('unseen-2026-12-03.json');
const unseen2 = load('unseen-2026-12-04.json');
const sourceOf = (c: EvalColumn) => c.source.replace(/ \(.*$/, '');

describe('detection evaluation set', () => {
  it('has at least 150 labelled columns from several sources, each with its provenance', () => {
    expect(columns.length).toBeGreaterThanOrEqual(150);
    expect(columns.every((c) => c.source.length > 0 && (c.truth === 'number' || c.truth === 'not'))).toBe(true);
    expect(columns.filter((c) => c.truth === 'number').length).toBeGreaterThanOrEqual(25);
    expect(new Set(columns.map((c) => c.source.replace(/ \(.*$/, ''))).size).toBeGreaterThanOrEqual(20);
  });

  it("is kept apart from the rules' own examples", () => {
    const examples = new Set([
      ...NUMBER_RULES.flatMap((r) => [...r.positives, ...r.negatives]),
      ...EXCLUSION_RULES.flatMap((r) =>
        [...r.vetoes, ...r.allows].map((e) => (typeof e === 'string' ? e : `${e.name ?? ''}|${e.comment ?? ''}`)),
      ),
    ]);
    const shared = columns.filter(
      (c) => examples.has(`${c.name}|${c.comment ?? ''}`) || (c.comment === undefined && examples.has(c.name)),
    );
    // Plain real-world spellings (my_number, mynumber) are expected on both sides; pairs of name and comment are not.
    expect(shared.filter((c) => c.comment !== undefined).map((c) => `${c.name} 「${c.comment}」`)).toEqual([]);
  });

  it('precision ≥ 0.98 and recall ≥ 0.99, a candidate counting as found', () => {
    const r = evaluateDetection(columns);
    expect(r.falseNegatives.map((c) => `${c.table}.${c.name}`)).toEqual([]);
    expect(r.precision, r.falsePositives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.98);
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
  });

  describe('the held-out set (frozen before any rule change against it)', () => {
    it('has at least 150 columns, 60 of them number columns, each with its source', () => {
      expect(heldOut.length).toBeGreaterThanOrEqual(150);
      expect(heldOut.filter((c) => c.truth === 'number').length).toBeGreaterThanOrEqual(60);
      expect(heldOut.every((c) => c.source.length > 0 && (c.truth === 'number' || c.truth === 'not'))).toBe(true);
      expect(new Set(heldOut.map((c) => c.source.replace(/ \(.*$/, ''))).size).toBeGreaterThanOrEqual(40);
    });

    it('holds the measured level (precision 0.9067, recall 1.0; precision below the target, see docs/detection.md)', () => {
      // The precision target (0.98) is not met on this set; this guards the measured level against regressions.
      const r = evaluateDetection(heldOut);
      expect(r.recall, r.falseNegatives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.99);
      expect(r.precision, r.falsePositives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.9);
    });
  });

  describe('the fresh held-out set (collected 2026-12-02, committed before its first run, never tuned against)', () => {
    it('has at least 200 columns, 60 of them number columns, each with its source and truth', () => {
      expect(fresh.length).toBeGreaterThanOrEqual(200);
      expect(fresh.filter((c) => c.truth === 'number').length).toBeGreaterThanOrEqual(60);
      expect(fresh.every((c) => c.source.length > 0 && (c.truth === 'number' || c.truth === 'not'))).toBe(true);
      expect(fresh.filter((c) => c.truth === 'number').every((c) => c.kind !== undefined)).toBe(true);
      expect(new Set(fresh.map(sourceOf)).size).toBeGreaterThanOrEqual(40);
    });

    it('shares no source with the other two sets', () => {
      const earlier = new Set([...columns, ...heldOut].map(sourceOf));
      expect(fresh.map(sourceOf).filter((s) => earlier.has(s))).toEqual([]);
    });

    it('holds the measured level of its second run (precision 0.6824, recall 0.9667; both below the targets)', () => {
      // Measured by `npm run eval:detection` on the committed set; this guards against regressions only.
      const r = evaluateDetection(fresh);
      expect(r.recall, r.falseNegatives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.96);
      expect(r.precision, r.falsePositives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.68);
    });
    it('holds the level of the session 12 rules (precision 0.8219, no silent miss)', () => {
      const r = evaluateDetection(fresh);
      expect(r.silentMisses).toBe(0);
      expect(r.precision, r.falsePositives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.82);
    });
  });

  describe('the vendor sets (collected 2026-12-03, both committed before any run; the test set first)', () => {
    const earlier = new Set([...columns, ...heldOut, ...fresh].map(sourceOf));

    it.each([
      ['development', vendorDev, 15],
      ['test', vendorTest, 30],
    ] as const)(
      'the %s set has at least 150 columns, each with its source, truth and a reason',
      (_, set, positives) => {
        expect(set.length).toBeGreaterThanOrEqual(150);
        expect(set.filter((c) => c.truth === 'number').length).toBeGreaterThanOrEqual(positives);
        expect(set.every((c) => c.source.length > 0 && (c.truth === 'number' || c.truth === 'not'))).toBe(true);
        expect(set.every((c) => (c.note ?? '').length > 0)).toBe(true);
        expect(set.filter((c) => c.truth === 'number').every((c) => c.kind !== undefined)).toBe(true);
      },
    );

    it("are kept apart from the rules' own examples (no name-and-comment pair in common)", () => {
      const examples = new Set([
        ...NUMBER_RULES.flatMap((r) => [...r.positives, ...r.negatives]),
        ...EXCLUSION_RULES.flatMap((r) =>
          [...r.vetoes, ...r.allows].map((e) => (typeof e === 'string' ? e : `${e.name ?? ''}|${e.comment ?? ''}`)),
        ),
      ]);
      const shared = [...vendorDev, ...vendorTest].filter(
        (c) => c.comment !== undefined && examples.has(`${c.name}|${c.comment}`),
      );
      expect(shared.map((c) => `${c.name} 「${c.comment}」`)).toEqual([]);
    });

    it('share no source with the earlier sets or with each other', () => {
      expect([...vendorDev, ...vendorTest].map(sourceOf).filter((s) => earlier.has(s))).toEqual([]);
      const dev = new Set(vendorDev.map(sourceOf));
      expect(vendorTest.map(sourceOf).filter((s) => dev.has(s))).toEqual([]);
    });

    it('the development set meets the targets (precision 1.0, recall 1.0 when measured; no rule was tuned for it)', () => {
      const r = evaluateDetection(vendorDev);
      expect(r.falseNegatives.map((c) => `${c.table}.${c.name}`)).toEqual([]);
      expect(r.precision, r.falsePositives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.98);
      expect(r.recall).toBeGreaterThanOrEqual(0.99);
    });

    it('the test set, seen since its one run, holds its level after the head-word, 又は法人番号 and system-qualified rules (precision 0.7727, recall 1.0)', () => {
      // Run once at 0.7500 / 0.8824; its errors were read, so it is no longer unseen (docs/detection.md).
      // This guards the level measured after the three rules the issue text requires, against regressions only.
      const r = evaluateDetection(vendorTest);
      expect(r.falseNegatives.map((c) => `${c.table}.${c.name}`)).toEqual([]);
      expect(r.precision, r.falsePositives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.77);
      // The 国保 system's person numbers are candidates 要確認 now, not numbers (issue 15 point 4).
      expect(r.candidates).toBeGreaterThanOrEqual(9);
    });
  });

  describe('the unseen set (collected 2026-12-03 from sources no earlier set uses, committed before its first run)', () => {
    it('has at least 150 columns, 25 of them number columns, each with its source, truth, kind and reason', () => {
      expect(unseen.length).toBeGreaterThanOrEqual(150);
      expect(unseen.filter((c) => c.truth === 'number').length).toBeGreaterThanOrEqual(25);
      expect(unseen.every((c) => c.source.length > 0 && (c.note ?? '').length > 0)).toBe(true);
      expect(unseen.filter((c) => c.truth === 'number').every((c) => c.kind !== undefined)).toBe(true);
      expect(new Set(unseen.map(sourceOf)).size).toBeGreaterThanOrEqual(15);
    });

    it('shares no source and no table-and-column pair with the earlier sets', () => {
      const earlier = [...columns, ...heldOut, ...fresh, ...vendorDev, ...vendorTest];
      const sources = new Set(earlier.map(sourceOf));
      expect(unseen.map(sourceOf).filter((s) => sources.has(s))).toEqual([]);
      const pairs = new Set(earlier.map((c) => `${c.table}|${c.name}`));
      expect(unseen.filter((c) => pairs.has(`${c.table}|${c.name}`)).map((c) => `${c.table}.${c.name}`)).toEqual([]);
    });

    it('holds its level: no silent miss, precision 0.8649 after boolean-type (first run 0.8421, recall 1.0 both)', () => {
      // Measured by `npm run eval:detection`; the precision target (0.98) is not met (docs/detection.md).
      const r = evaluateDetection(unseen);
      expect(r.falseNegatives.map((c) => `${c.table}.${c.name}`)).toEqual([]);
      expect(r.silentMisses).toBe(0);
      expect(r.precision, r.falsePositives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.86);
    });
  });
  describe('the second unseen set (collected 2026-12-04 from sources no earlier set uses, committed before its first run)', () => {
    it('has at least 150 columns, 25 of them number columns, each with its source, truth, kind and reason', () => {
      expect(unseen2.length).toBeGreaterThanOrEqual(150);
      expect(unseen2.filter((c) => c.truth === 'number').length).toBeGreaterThanOrEqual(25);
      expect(unseen2.every((c) => c.source.length > 0 && (c.note ?? '').length > 0)).toBe(true);
      expect(unseen2.filter((c) => c.truth === 'number').every((c) => c.kind !== undefined)).toBe(true);
      expect(new Set(unseen2.map(sourceOf)).size).toBeGreaterThanOrEqual(25);
    });

    it('shares no source with the earlier sets', () => {
      const sources = new Set([...columns, ...heldOut, ...fresh, ...vendorDev, ...vendorTest, ...unseen].map(sourceOf));
      expect(unseen2.map(sourceOf).filter((s) => sources.has(s))).toEqual([]);
    });

    it('holds its level: no silent miss (first run 0.6923, 0.7500 after the session 12 rules; recall 1.0)', () => {
      // Its first run's errors were read before the session 12 rules, so 0.75 is not an unseen result.
      const r = evaluateDetection(unseen2);
      expect(r.falseNegatives.map((c) => `${c.table}.${c.name}`)).toEqual([]);
      expect(r.silentMisses).toBe(0);
      expect(r.precision, r.falsePositives.map((c) => `${c.table}.${c.name}`).join(', ')).toBeGreaterThanOrEqual(0.75);
    });
  });
});

describe('the metrics beside precision and recall', () => {
  const set: EvalColumn[] = [
    { source: 's1', table: 't1', name: 'kojin_bango', type: 'char(12)', truth: 'number' },
    { source: 's2', table: 't2', name: 'KOJIN_NO', type: 'VARCHAR2(20)', truth: 'not' },
    { source: 's3', table: 't3', name: 'col9', comment: '個人番号', truth: 'not' },
    { source: 's4', table: 't4', name: 'shimei', truth: 'number' },
  ];

  it('count a candidate on a column that is not the number as review work, not as a wrong number', () => {
    const r = evaluateDetection(set);
    expect(r.candidatesOnNot.map((c) => c.name)).toEqual(['KOJIN_NO']);
    expect(r.falseNumbers.map((c) => c.name)).toEqual(['col9']);
    // Precision as before counts the candidate against it; the definite numbers' precision does not.
    expect(r.precision).toBeCloseTo(1 / 3, 6);
    expect(r.numberPrecision).toBeCloseTo(1 / 2, 6);
  });

  it('count a number column neither found nor a candidate as a silent miss', () => {
    const r = evaluateDetection(set);
    expect(r.silentMisses).toBe(1);
    expect(r.silentMissRate).toBeCloseTo(0.5, 6);
    expect(r.silentMissRate).toBeCloseTo(1 - r.recall, 6);
  });
});
