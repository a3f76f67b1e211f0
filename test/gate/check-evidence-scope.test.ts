/**
 * `spif check` asks the scan for blocks (what stops each user) only on the members of inventory
 * files (gate/check.ts checkEvidenceScope): its findings must be exactly those of a full scan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEvidenceScope, runCheck } from '../../src/gate/check.js';
import { scan } from '../../src/pipeline.js';

const root = path.resolve(__dirname, '../..');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The sample with 給付ファイル (not 被保険者資格ファイル) (access-controlled: kyufu-system never connects to bango) in the inventory. */
function sampleWithControlledInventory(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-scope-'));
  temps.push(dir);
  fs.cpSync(path.join(root, 'fixtures/insurer'), dir, { recursive: true });
  const file = path.join(dir, 'spif.config.yaml');
  const text = fs.readFileSync(file, 'utf8');
  // 被保険者資格ファイル leaves the inventory, so its access-controlled shikaku_rireki is outside the scope.
  fs.writeFileSync(
    file,
    text.replace(/^inventory: .*$/m, 'inventory: [個人番号管理ファイル, 中間サーバー連携ファイル, 給付ファイル]'),
  );
  return dir;
}

async function bothWays(dir: string) {
  const full = await scan({ paths: [dir], cwd: dir });
  const scoped = await scan({ paths: [dir], cwd: dir, evidenceFor: checkEvidenceScope });
  return { full, scoped };
}

describe('check evidence scope', () => {
  const folders = [
    'insurer',
    'insurer-oracle',
    'insurer-sqlserver',
    'insurer-prisma',
    'insurer-drizzle',
    'insurer-typeorm',
  ];
  it.each(folders)('fixtures/%s: the same check result as over a full scan', async (name) => {
    const dir = path.join(root, 'fixtures', name);
    const { full, scoped } = await bothWays(dir);
    expect(runCheck(scoped.report, scoped.config)).toEqual(runCheck(full.report, full.config));
  });

  it('keeps the blocks of a not-specific inventory file and skips the others', async () => {
    const dir = sampleWithControlledInventory();
    const { full, scoped } = await bothWays(dir);
    const scopedCheck = runCheck(scoped.report, scoped.config);
    expect(scopedCheck).toEqual(runCheck(full.report, full.config));
    const notSpecific = scopedCheck.findings.filter((f) => f.rule === 'inventory-not-specific');
    expect(notSpecific.map((f) => f.file)).toEqual(['給付ファイル']);
    expect(notSpecific[0]!.evidence.some((e) => e.kind === 'block')).toBe(true);

    // Outside the inventory, blocks were really not computed (so the scope saves work)…
    // The members of inventory files that are not specific, read from the full report.
    const inventory = full.config.inventory ?? [];
    const members = new Set<string>(
      full.report.files
        .filter((f) => inventory.includes(f.name) && f.classification !== 'specific')
        .flatMap((f) => f.relations),
    );
    const inScope = (id: string) => members.has(id);
    const scopedById = new Map(scoped.report.relations.map((r) => [r.id, r]));
    const outside = full.report.relations.filter((r) => r.blocked.length > 0 && !inScope(r.id));
    expect(outside.length).toBeGreaterThan(0);
    for (const r of outside) expect(scopedById.get(r.id)!.blocked).toEqual([]);
    const inside = full.report.relations.filter((r) => r.blocked.length > 0 && inScope(r.id));
    expect(inside.length).toBeGreaterThan(0);
    for (const r of inside) expect(scopedById.get(r.id)!.blocked).toEqual(r.blocked);
    // …and the verdicts are the same everywhere.
    expect(scoped.report.relations.map((r) => [r.id, r.classification, r.basis])).toEqual(
      full.report.relations.map((r) => [r.id, r.classification, r.basis]),
    );
  });
});
