/** Checks on the `sources` globs of a database. Globs are matched with picomatch/tinyglobby. */
import path from 'node:path';
import picomatch from 'picomatch';
import { say } from './texts.js';

const OPENING: Record<string, string> = { ']': '[', '}': '{', ')': '(' };

/** Syntax problem in a glob (unbalanced brackets, braces or parentheses), or undefined. */
export function globSyntaxProblem(glob: string): string | undefined {
  if (glob.trim() === '') return say('globEmpty');
  try {
    // strictBrackets makes picomatch reject `[abc`, `{a,b` and `(a|b` instead of matching them literally.
    picomatch.makeRe(glob, { strictBrackets: true });
  } catch (e) {
    const closing = /Missing closing: "(.)"/.exec((e as Error).message)?.[1];
    const opening = closing ? OPENING[closing] : undefined;
    return opening && closing
      ? say('globUnclosed', glob, opening, closing)
      : say('globBad', glob, (e as Error).message);
  }
  return undefined;
}

/**
 * Whether a glob can match files outside the directory it is resolved against: an absolute
 * path, or a `..` part. Such globs need `allowOutsideRoot: true`.
 */
export function globLeavesRoot(glob: string): boolean {
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  if (path.posix.isAbsolute(body) || path.win32.isAbsolute(body)) return true;
  return body.split(/[\\/]/).includes('..');
}
