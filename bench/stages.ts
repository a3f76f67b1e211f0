/**
 * Where a scan's time goes, stage by stage: runs `spif scan DIR` under `node --cpu-prof` and sums
 * the profile's inclusive time of each pipeline stage's entry function.
 * Usage: tsx bench/stages.ts bench/out/10000 [--jobs 1]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const STAGES: [string, string][] = [
  ['read: PostgreSQL reader (parse + ops)', 'readPostgresSql'],
  ['  libpg-query parseSync', 'parseSync'],
  ['catalog build', 'buildCatalog'],
  ['number-column detection', 'detectNumberColumns'],
  ['principals', 'resolvePrincipals'],
  ['link graph (FK, implied keys, lineage)', 'buildLinkGraph'],
  ['classify (reach + blocked evidence)', 'classifyRelations'],
  ['  per-principal reachability', 'reachFor'],
  ['  blocked evidence', 'blockedEvidence'],
  ['report model', 'buildReport'],
  ['garbage collector', '(garbage collector)'],
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string };
  children?: number[];
}

export function stageTimes(profileFile: string): Map<string, number> {
  const p = JSON.parse(fs.readFileSync(profileFile, 'utf8')) as {
    nodes: ProfileNode[];
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const wanted = new Set(STAGES.map(([, fn]) => fn));
  const totals = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const fn = byId.get(cur)!.callFrame.functionName;
      if (wanted.has(fn) && !seen.has(fn)) {
        seen.add(fn);
        totals.set(fn, (totals.get(fn) ?? 0) + us);
      }
    }
  }
  return totals;
}

function main(): void {
  const [dirArg = '', ...rest] = process.argv.slice(2);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-prof-'));
  try {
    execFileSync(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${profDir}`,
        path.join(here, '../dist/cli/main.js'),
        'scan',
        path.resolve(dirArg),
        '-f',
        'json',
        '-o',
        path.join(profDir, 'report.json'),
        ...rest,
      ],
      { stdio: 'inherit' },
    );
    const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'))!;
    const totals = stageTimes(path.join(profDir, file));
    console.log('| stage | main-thread CPU s |\n|---|---:|');
    for (const [label, fn] of STAGES) console.log(`| ${label} | ${((totals.get(fn) ?? 0) / 1e6).toFixed(2)} |`);
  } finally {
    fs.rmSync(profDir, { recursive: true, force: true });
  }
}

main();
