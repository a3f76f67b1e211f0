/**
 * Files a scan leaves out on purpose: a `.spifignore` (gitignore syntax) and the config's
 * `ignore:` globs (issue 19.6). Applied by discovery (discover.ts) to directory scans and to
 * `sources:` globs alike, on the working tree and on a git tree (`spif diff` reads the
 * `.spifignore` of the ref it compares). Gitignore semantics (negation, anchoring, `dir/`,
 * `**`) come from the `ignore` package, the implementation ESLint and Prettier use.
 */
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { SourceTree } from './tree.js';

export const IGNORE_FILE = '.spifignore';

export interface IgnoreRules {
  /** Whether an absolute path is left out; paths outside both roots are never left out. */
  ignores(abs: string): boolean;
  /** Where the rules come from, for the diagnostic that counts what they left out. */
  readonly origins: string[];
}

interface Scope {
  root: string;
  rules: Ignore;
}

/** No rules: nothing is left out. */
export const NO_IGNORE: IgnoreRules = { ignores: () => false, origins: [] };

/**
 * The `.spifignore` nearest to `start` (its folder, then up to the repository root), and the
 * config's `ignore:` globs, relative to `configDir`.
 */
export function loadIgnoreRules(
  tree: SourceTree,
  start: string,
  configDir: string | undefined,
  globs: string[] | undefined,
): IgnoreRules {
  const scopes: Scope[] = [];
  const origins: string[] = [];
  const file = findIgnoreFile(tree, start);
  if (file) {
    const text = Buffer.from(tree.read(file)).toString('utf8');
    scopes.push({ root: path.dirname(file), rules: ignore().add(text) });
    origins.push(file);
  }
  if (globs?.length) {
    scopes.push({ root: configDir ?? start, rules: ignore().add(globs) });
    origins.push('ignore:');
  }
  if (!scopes.length) return NO_IGNORE;
  return {
    origins,
    ignores(abs: string): boolean {
      return scopes.some(({ root, rules }) => {
        const rel = path.relative(root, abs);
        if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
        return rules.ignores(rel.split(path.sep).join('/'));
      });
    },
  };
}

function findIgnoreFile(tree: SourceTree, start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, IGNORE_FILE);
    if (tree.contains(candidate) && tree.kind(candidate) === 'file') return candidate;
    if (tree.isRepositoryRoot(dir)) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
