/**
 * The real `spif` bin on hostile trees: a few fuzzed sources of every kind plus a fuzzed config,
 * written to a temporary directory and scanned. The exit code must be 0, 1 or 2 and stderr must
 * carry no "internal error" and no stack trace, whatever the bytes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { inputFor } from './inputs.js';
import { targetNamed } from './targets.js';
import { BIN } from '../helpers/bin.js';

export interface CliOutcome {
  code: number | null;
  stderr: string;
  problems: string[];
}

const STACK_FRAME = /\n\s+at .+[(:]\d+:\d+\)?/;

/** Checks one finished run of the bin. */
export function cliProblems(code: number | null, stderr: string, signal: NodeJS.Signals | null): string[] {
  const problems: string[] = [];
  if (signal) problems.push(`killed by ${signal} (time limit of the sample run, or a crash)`);
  else if (code === null || ![0, 1, 2].includes(code)) problems.push(`exit code ${code}`);
  if (/internal error/i.test(stderr)) problems.push('stderr says "internal error"');
  if (STACK_FRAME.test(stderr)) problems.push('stack trace on stderr');
  return problems;
}

/** Runs `spif scan` (or `check`) in `dir`. */
export function runBin(dir: string, args: string[], timeoutMs = 120_000): CliOutcome {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stderr: r.stderr ?? '', problems: cliProblems(r.status, r.stderr ?? '', r.signal) };
}

interface TreeFile {
  rel: string;
  target: string;
}

/** Where each fuzzed source goes; the config decides which dialect the .sql files are read as. */
const TREE: TreeFile[] = [
  { rel: 'db/001.sql', target: 'postgresql' },
  { rel: 'db/002.sql', target: 'postgresql' },
  { rel: 'src/a.entity.ts', target: 'typeorm' },
  { rel: 'src/schema.ts', target: 'drizzle' },
  { rel: 'prisma/schema.prisma', target: 'prisma' },
];

const DIALECTS = ['postgresql', 'mysql', 'mariadb', 'sqlite', 'bigquery'] as const;

/** A hostile tree: fuzzed files of every kind; the config is a valid one or a fuzzed one. */
export function treeArbitrary(): fc.Arbitrary<{ files: Record<string, Uint8Array>; args: string[] }> {
  const file = (t: TreeFile) => inputFor(targetNamed(t.target)).map((b) => [t.rel, b] as const);
  return fc
    .tuple(
      fc.tuple(...TREE.map(file)),
      fc.constantFrom(...DIALECTS),
      fc.oneof(fc.constant(undefined), inputFor(targetNamed('config'))),
      fc.constantFrom(['scan', '.', '--format', 'json'], ['scan', '.', '--format', 'text'], ['check', '.']),
    )
    .map(([entries, dialect, config, args]) => {
      const files: Record<string, Uint8Array> = Object.fromEntries(entries);
      files['spif.config.yaml'] = config ?? new Uint8Array(Buffer.from(`version: 1\ndialect: ${dialect}\n`));
      return { files, args: [...args] };
    });
}

/** Writes the tree to a fresh temporary directory, runs the bin, removes the directory. */
export function runTree(tree: { files: Record<string, Uint8Array>; args: string[] }): CliOutcome {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-fuzz-cli-'));
  try {
    for (const [rel, bytes] of Object.entries(tree.files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), bytes);
    }
    return runBin(dir, [...tree.args, '--jobs', '1']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
