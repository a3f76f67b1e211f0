// Import-structure gate (npm run lint:imports): no import cycle between its stage folders of src/
// (sources → catalog → detect → access → graph → classify → report, with gate/ and cli/ on top),
// and no run-time import cycle between files. madge reads the imports.
// - Folders: type-only imports count too: a type cycle still means two folders cannot be
//   understood apart.
// - Files: only imports that exist at run time count (a cycle there makes module initialisation
//   order matter). Inside one folder a plug-in may import the interface type its folder's index
//   declares while the index imports the plug-in (access/products/*), which is erased at run time.
import madge from 'madge';
import { Graph, alg } from '@dagrejs/graphlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { nth } from '../src/indexed.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The stage folder of a file under src/ ("cli/run.ts" → "cli"); top-level files are their own stage. */
export function stageOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 1 ? nth(parts, 0) : file.replace(/\.ts$/, '');
}

/** Cycles between folders in a file graph ({file: [imported files]}), each as the folders it joins. */
export function folderCycles(files: Record<string, string[]>): string[][] {
  const g = new Graph();
  for (const [from, tos] of Object.entries(files)) {
    for (const to of tos) {
      const a = stageOf(from);
      const b = stageOf(to);
      if (a !== b) g.setEdge(a, b);
    }
  }
  return alg.findCycles(g).map((c) => [...c].sort());
}

function importGraph(skipTypeImports: boolean) {
  return madge(path.join(root, 'src'), {
    fileExtensions: ['ts'],
    tsConfig: path.join(root, 'tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports } },
  });
}

async function main(): Promise<number> {
  const [result, runtime] = await Promise.all([importGraph(false), importGraph(true)]);
  const fileCycles = runtime.circular();
  const folders = folderCycles(result.obj());
  for (const c of fileCycles) console.log(`file cycle: ${c.join(' → ')}`);
  for (const c of folders) console.log(`folder cycle: ${c.join(' ⇄ ')}`);
  if (fileCycles.length === 0 && folders.length === 0) {
    console.log(`no import cycles (${Object.keys(result.obj()).length} files)`);
    return 0;
  }
  return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main();
}
