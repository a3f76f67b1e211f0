/**
 * One small fixture per classification rule (fixtures/rules/<rule>/): scan it as the CLI would
 * (the fixture directory as the working directory) and compare the report with expect.yaml
 * exactly: every relation listed, basis, number columns, reaching principals and paths,
 * blocking principal + control + place, assumptions; and no diagnostic that is not expected.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import type { RelationReport, Report } from '../../src/report/model.js';
import { reachEntries, readExpect, type RelationExpect } from './expect.js';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures/rules');
const fixtures = fs
  .readdirSync(ROOT)
  .filter((d) => fs.existsSync(path.join(ROOT, d, 'expect.yaml')))
  .sort();

const step = (s: { from: string; to: string; via: string }) => `${s.from} -> ${s.to} (${s.via})`;
const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

function checkRelation(actual: RelationReport, want: RelationExpect): void {
  expect(actual.basis).toBe(want.basis);
  const specific = want.basis === 'holds-number' || want.basis === 'reachable';
  expect(actual.classification).toBe(specific ? 'specific' : 'not-specific');
  expect(sorted(actual.numberColumns.map((n) => [n.column, n.kind, n.rule]))).toEqual(sorted(want.numberColumns));

  const wantReach = reachEntries(want);
  expect(actual.reachable.map((r) => r.principal).sort()).toEqual(wantReach.map((r) => r.principal).sort());
  for (const w of wantReach) {
    const got = actual.reachable.find((r) => r.principal === w.principal)!;
    if (w.path) expect(got.path.map(step), `path for ${w.principal}`).toEqual(w.path);
    // A reached path ends at the number column it names.
    if (got.path.length)
      expect(got.numberColumn.startsWith(`${got.path.at(-1)!.to.split('.').slice(0, 3).join('.')}.`)).toBe(true);
    else expect(got.numberColumn.startsWith(`${actual.id}.`)).toBe(true);
  }

  expect(sorted(actual.blocked.map((b) => [b.principal, b.control, b.at]))).toEqual(sorted(want.blocked));
  for (const b of actual.blocked) expect(b.detail.length, 'a block explains itself').toBeGreaterThan(0);
  expect([...actual.assumptions].sort()).toEqual([...want.assumptions].sort());
}

for (const name of fixtures) {
  describe(`rule fixture ${name}`, () => {
    const dir = path.join(ROOT, name);
    const want = readExpect(path.join(dir, 'expect.yaml'));
    let report: Report;
    beforeAll(async () => {
      report = (await scan({ paths: ['.'], cwd: dir })).report;
    });

    it('lists exactly the relations of expect.yaml', () => {
      expect(report.relations.map((r) => r.id)).toEqual(Object.keys(want.relations).sort());
    });

    for (const [id, rel] of Object.entries(want.relations)) {
      // `fails`: the expectation is right and spif is not yet (a known bug, named in the reason).
      const test = rel.fails ? it.fails : it;
      test(`${id}: ${rel.basis}${rel.fails ? ` (known bug: ${rel.fails})` : ''}`, () => {
        const actual = report.relations.find((r) => r.id === id);
        expect(actual, `${id} is in the report`).toBeDefined();
        checkRelation(actual!, rel);
      });
    }

    it('reports exactly the expected diagnostics', () => {
      expect(report.diagnostics.map((d) => [d.severity, d.code, `${d.file}:${d.line}:${d.column}`])).toEqual(
        want.diagnostics,
      );
    });

    it('makes exactly the expected scan-wide assumptions', () => {
      expect(report.assumptions ?? []).toEqual(want.assumptions);
    });

    if (want.principals) {
      it('names the principals and administrators', () => {
        expect(report.principals.map((p) => [p.name, p.kind])).toEqual(want.principals);
      });
    }
    if (want.files) {
      it('rolls up named files', () => {
        expect(Object.fromEntries(report.files.map((f) => [f.name, f.classification]))).toEqual(want.files);
      });
    }
    if (want.databases) {
      it('rolls up databases', () => {
        expect(Object.fromEntries(report.databases.map((d) => [d.name, d.classification]))).toEqual(want.databases);
      });
    }
  });
}

it('has a fixture for every rule directory', () => {
  const dirs = fs
    .readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  expect(fixtures).toEqual(dirs);
  expect(fixtures.length).toBeGreaterThanOrEqual(30);
});
