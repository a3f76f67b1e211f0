/**
 * Evidence as data: every block carries the refusal as data (role, via, reason), its English
 * detail is rendered from that data, it renders in Japanese too, and a class member's block is
 * the representative's data with the member's names — never a text rewrite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reasonText } from '../../src/access/evidence.js';
import { blockReason, blockText } from '../../src/classify/blocks.js';
import { scan } from '../../src/pipeline.js';
import { reportSchema } from '../../src/report/model.js';

const repo = path.resolve(__dirname, '../..');
const rules = path.join(repo, 'fixtures/rules');
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('evidence as data', () => {
  it('renders every block detail of every rule fixture and the sample from its data', async () => {
    let n = 0;
    for (const dir of [...fs.readdirSync(rules).map((d) => path.join(rules, d)), path.join(repo, 'fixtures/insurer')]) {
      const { report } = await scan({ cwd: dir, paths: ['.'], jobs: 1 });
      reportSchema.parse(report);
      for (const r of report.relations) {
        for (const b of r.blocked) {
          const reason = blockReason(b);
          expect(reason, `${r.id} ${b.principal} ${b.control}`).toBeDefined();
          expect(b.detail).toBe(reasonText('en', reason!));
          expect(blockText('ja', b)).not.toBe(b.detail);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(15);
  });

  it("gives a class member its own names, without touching a relation whose name contains the representative's", async () => {
    // staff_a and staff_b have equal rights (one class); the view's schema is named staff_a.
    const dir = estate(`
CREATE TABLE bango (id integer PRIMARY KEY, kojin_bango char(12));
CREATE SCHEMA staff_a;
CREATE TABLE staff_a.kyufu (id integer PRIMARY KEY, bango_id integer REFERENCES public.bango (id));
CREATE ROLE staff_a LOGIN;
CREATE ROLE staff_b LOGIN;
GRANT USAGE ON SCHEMA staff_a TO staff_a, staff_b;
GRANT SELECT ON staff_a.kyufu TO staff_a, staff_b;
GRANT SELECT (id) ON bango TO staff_a, staff_b;
`);
    {
      const { report } = await scan({ cwd: dir, paths: ['.'], jobs: 1 });
      const kyufu = report.relations.find((r) => r.id === 'default.staff_a.kyufu')!;
      expect(kyufu.basis).toBe('access-controlled');
      const b = kyufu.blocked.find((x) => x.principal === 'staff_b')!;
      expect(b).toMatchObject({
        role: 'staff_b',
        at: 'default.public.bango.kojin_bango',
        reason: { key: 'some-columns', columns: ['kojin_bango'] },
      });
      expect(b.detail).toBe('staff_b may SELECT some columns of default.public.bango but not kojin_bango');
      expect(blockText('ja', b)).toBe(
        'staff_b は default.public.bango の一部の列は SELECT できるが kojin_bango はできない',
      );
    }
  });

  it('keeps the view whose owner is refused as data (via)', async () => {
    const dir = estate(`
CREATE TABLE bango (id integer PRIMARY KEY, kojin_bango char(12));
CREATE ROLE owner_v;
CREATE ROLE app LOGIN;
CREATE VIEW v_bango AS SELECT id, kojin_bango FROM bango;
ALTER VIEW v_bango OWNER TO owner_v;
GRANT SELECT ON v_bango TO app;
CREATE TABLE kyufu (id integer PRIMARY KEY, bango_id integer REFERENCES bango (id));
GRANT SELECT ON kyufu TO app;
`);
    const { report } = await scan({ cwd: dir, paths: ['.'], jobs: 1 });
    const b = report.relations
      .find((r) => r.id === 'default.public.kyufu')!
      .blocked.find((x) => x.control === 'view-owner-lacks-privilege')!;
    expect(b).toMatchObject({
      principal: 'app',
      role: 'owner_v',
      via: 'default.public.v_bango',
      reason: { key: 'no-select', relation: 'default.public.bango' },
    });
    expect(b.detail).toBe(
      "view default.public.v_bango reads default.public.bango with its owner's rights, and owner_v has no SELECT on default.public.bango",
    );
    expect(blockText('ja', b)).toBe(
      'ビュー default.public.v_bango は所有者の権限で default.public.bango を読むが、owner_v は default.public.bango の SELECT 権限を持たない',
    );
  });
});

function estate(sql: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-evidence-'));
  cleanup.push(dir);
  fs.writeFileSync(path.join(dir, 'schema.sql'), sql);
  return dir;
}
