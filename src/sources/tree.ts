/**
 * Where sources are read from: the working tree on disk, or a commit's tree read from git objects
 * (`spif diff`). Discovery (discover.ts), the migration-order conventions (order.ts) and the
 * config lookup (config/find.ts) are written once against this interface, so the two sides of a
 * diff find the same files, in the same order, with the same config rules.
 */
import fs from 'node:fs';
import path from 'node:path';

export type EntryKind = 'file' | 'directory' | 'symlink';

export interface TreeFile {
  /** Absolute path (for a git tree: the path the file has in the working tree). */
  path: string;
  symlink: boolean;
}

export interface SourceTree {
  /** Where the files come from, for messages: '' for the working tree, else ` at <ref>`. */
  readonly at: string;
  /** The git ref the files come from (`spif diff --base`), undefined for the working tree. */
  readonly ref?: string;
  /** What is at an absolute path (symbolic links are not followed), or undefined. */
  kind(abs: string): EntryKind | undefined;
  /**
   * Every file at or below a directory, in no particular order. Dot files and dot folders, and
   * build or dependency folders (node_modules, dist, build, coverage), are not entered; symbolic
   * links are listed (symlink: true) but never followed, unless `followLinks`.
   */
  list(absDir: string, options?: { followLinks?: boolean }): TreeFile[];
  read(abs: string): Uint8Array;
  /** Where a symbolic link leads (absolute, real), or undefined when that cannot be known. */
  realpath(abs: string): string | undefined;
  /** Whether `absDir` is the top of a repository: the config lookup goes no further up. */
  isRepositoryRoot(absDir: string): boolean;
  /** Whether an absolute path is inside this tree at all (a git tree holds one repository). */
  contains(abs: string): boolean;
}

/** Folders a directory scan never enters: dependencies, build output, version control. */
export const IGNORED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);

export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || IGNORED_FOLDERS.has(name);
}

/** The working tree. Reads go through `readBytes` (which checks the size limit first). */
export class DiskTree implements SourceTree {
  readonly at = '';

  constructor(private readonly readBytes: (abs: string) => Uint8Array = (p) => fs.readFileSync(p)) {}

  kind(abs: string): EntryKind | undefined {
    try {
      const s = fs.lstatSync(abs);
      return s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'directory' : s.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  list(absDir: string, options: { followLinks?: boolean } = {}): TreeFile[] {
    const out: TreeFile[] = [];
    const seen = new Set<string>();
    // Iterative: a deep folder tree cannot exhaust the stack.
    const stack = [absDir];
    while (stack.length) {
      const dir = stack.pop()!;
      if (options.followLinks) {
        const real = this.realpath(dir) ?? dir;
        if (seen.has(real)) continue; // a link cycle
        seen.add(real);
      }
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (isIgnoredName(e.name)) continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) stack.push(p);
        else if (e.isFile()) out.push({ path: p, symlink: false });
        else if (e.isSymbolicLink()) {
          if (options.followLinks && this.followedKind(p) === 'directory') stack.push(p);
          else out.push({ path: p, symlink: true });
        }
      }
    }
    return out;
  }

  private followedKind(p: string): EntryKind | undefined {
    try {
      return fs.statSync(p).isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  }

  read(abs: string): Uint8Array {
    return this.readBytes(abs);
  }

  realpath(abs: string): string | undefined {
    try {
      return fs.realpathSync(abs);
    } catch {
      return undefined;
    }
  }

  isRepositoryRoot(absDir: string): boolean {
    // `.git` is a folder in a clone, a file in a worktree or submodule.
    return this.kind(path.join(absDir, '.git')) !== undefined;
  }

  contains(): boolean {
    return true;
  }
}
