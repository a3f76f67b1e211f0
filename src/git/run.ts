/**
 * Running git. Only read-only plumbing commands (rev-parse, ls-tree, cat-file): `spif diff` reads
 * a ref from git objects and never checks out, stashes or touches the working tree or index.
 * Synchronous because the pipeline's readFile/discover hooks are synchronous.
 */
import { execFileSync } from 'node:child_process';
import { UserError } from '../diagnostics.js';

const MAX_BUFFER = 512 * 1024 * 1024;

export class GitError extends UserError {}

/** Runs `git -C dir …` and returns stdout as bytes. Throws GitError with git's own message. */
export function gitBytes(dir: string, args: string[], input?: string): Buffer {
  try {
    return execFileSync('git', ['-C', dir, '-c', 'core.quotepath=off', ...args], {
      maxBuffer: MAX_BUFFER,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(input === undefined ? {} : { input }),
      // A hook or pager must never run; LC_ALL=C keeps git's messages parseable.
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer; message: string };
    if (err.code === 'ENOENT') throw new GitError('git is not installed or not on PATH; `spif diff` needs it');
    const msg = err.stderr?.toString('utf8').trim().split('\n')[0] || err.message;
    throw new GitError(`git ${args[0]}: ${msg}`);
  }
}

export function gitText(dir: string, args: string[]): string {
  return gitBytes(dir, args).toString('utf8');
}
