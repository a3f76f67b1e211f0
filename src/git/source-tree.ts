/**
 * A commit's tree as a SourceTree (src/sources/tree.ts): the same discovery, order and config
 * lookup as on disk, over git objects. Paths are working-tree absolute paths, so both sides of
 * `spif diff` name files alike.
 */
import { isIgnoredName, type EntryKind, type SourceTree, type TreeFile } from '../sources/tree.js';
import type { GitTree } from './tree.js';

export class GitSourceTree implements SourceTree {
  readonly at: string;
  readonly ref: string;

  constructor(readonly git: GitTree) {
    this.at = ` at ${git.ref}`;
    this.ref = git.ref;
  }

  kind(abs: string): EntryKind | undefined {
    const rel = this.git.relative(abs);
    if (rel === undefined) return undefined;
    if (this.git.isSymlink(rel)) return 'symlink';
    if (this.git.isFile(rel)) return 'file';
    return this.git.isDirectory(rel) ? 'directory' : undefined;
  }

  list(absDir: string): TreeFile[] {
    const rel = this.git.relative(absDir);
    if (rel === undefined) return [];
    const out: TreeFile[] = [];
    for (const e of this.git.filesUnder(rel)) {
      const below = rel === '' ? e.path : e.path.slice(rel.length + 1);
      if (below.split('/').some(isIgnoredName)) continue;
      out.push({ path: this.git.absolute(e.path), symlink: e.mode === '120000' });
    }
    return out;
  }

  read(abs: string): Uint8Array {
    return this.git.readAbsolute(abs);
  }

  /** A link's target is a blob's text at the ref; where it leads is not resolved. */
  realpath(): string | undefined {
    return undefined;
  }

  isRepositoryRoot(absDir: string): boolean {
    return this.git.relative(absDir) === '';
  }

  contains(abs: string): boolean {
    return this.git.relative(abs) !== undefined;
  }
}
