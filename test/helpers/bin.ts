/**
 * The real bin (`node dist/cli/main.js`, built by test/setup/build.ts), run as a user runs it:
 * one helper for every test that checks exit codes, stdout and stderr through the process.
 * `env` is added to the test's own environment (so PATH and HOME stay), never replacing it.
 */
import { execFile, spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const BIN = path.resolve(import.meta.dirname, '../../dist/cli/main.js');

/** English, no colour: what most bin tests compare against. */
export const PLAIN_ENV: NodeJS.ProcessEnv = { LANG: 'C', NO_COLOR: '1' };

export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

const execFileAsync = promisify(execFile);

/** Runs `spif ...args` in `cwd`; resolves with the exit code and output, also when spif exits 1 or 2. */
export async function runBin(args: string[], cwd: string, env: NodeJS.ProcessEnv = PLAIN_ENV): Promise<BinResult> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as BinResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * Runs `spif ...args` in `cwd` and waits; the result is spawnSync's (`status`, `signal`, `stdout`,
 * `stderr`). Without `env` the bin inherits the test's environment unchanged.
 */
export function runBinSync(
  args: string[],
  cwd: string,
  env?: NodeJS.ProcessEnv,
  options: Omit<SpawnSyncOptionsWithStringEncoding, 'cwd' | 'env' | 'encoding'> = {},
) {
  return spawnSync(process.execPath, [BIN, ...args], {
    ...options,
    cwd,
    encoding: 'utf8',
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
}
