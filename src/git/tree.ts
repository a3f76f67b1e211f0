/**
 * The files of a commit, read from git objects: `git ls-tree -r -z` once for the listing,
 * `git cat-file blob` per file on demand (cached). Paths are repository-relative, with `/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostics.js';
import { type Lang, t } from '../report/messages.js';
import { GitError, gitBytes, gitText } from './run.js';

export interface TreeEntry {
  /** Repository-relative path with `/`. */
  path: string;
  mode: string;
  /** Blob object id. */
  oid: string;
}

export class GitTree {
  private readonly entries = new Map<string, TreeEntry>();
  private readonly dirs = new Set<string>(['']);
  private readonly blobs = new Map<string, Buffer>();

  private constructor(
    /** Absolute, real path of the repository's top directory. */
    readonly root: string,
    /** The ref as the user wrote it. */
    readonly ref: string,
    /** The commit it resolves to. */
    readonly commit: string,
    entries: TreeEntry[],
  ) {
    for (const e of entries) {
      this.entries.set(e.path, e);
      const parts = e.path.split('/');
      for (let i = 1; i < parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
    }
  }

  /** The tree of `ref` in the repository that contains `cwd`. Throws UserError for a bad ref. */
  static open(cwd: string, ref: string): GitTree {
    const root = repositoryRoot(cwd);
    if (ref.startsWith('-')) throw new UserError(`--base ${ref}: not a git ref`);
    let commit: string;
    try {
      commit = gitText(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
    } catch {
      const hint = fetchHint(root, ref);
      const error = new UserError(`--base ${ref}: not a commit in ${root}`, [hint('en')]).as(
        'cli.err.notACommit',
        ref,
        root,
      );
      error.detailsIn = (lang) => [hint(lang)];
      throw error;
    }
    const out = gitBytes(root, ['ls-tree', '-r', '-z', '--full-tree', commit]).toString('utf8');
    const entries: TreeEntry[] = [];
    for (const line of out.split('\0')) {
      if (!line) continue;
      // <mode> SP <type> SP <object> TAB <path>
      const tab = line.indexOf('\t');
      const [mode, type, oid] = line.slice(0, tab).split(' ');
      if (type !== 'blob') continue; // submodules (commit) are not followed
      if (mode === undefined || oid === undefined)
        throw new Error(`internal error: git ls-tree wrote ${JSON.stringify(line)}`);
      entries.push({ path: line.slice(tab + 1), mode, oid });
    }
    return new GitTree(root, ref, commit, entries);
  }

  /** Repository-relative path of an absolute path, or undefined when it is outside the repository. */
  relative(abs: string): string | undefined {
    const rel = path.relative(this.root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return rel.split(path.sep).join('/');
  }

  absolute(rel: string): string {
    return path.join(this.root, ...rel.split('/'));
  }

  entry(rel: string): TreeEntry | undefined {
    return this.entries.get(rel);
  }

  isFile(rel: string): boolean {
    return this.entries.has(rel);
  }

  isDirectory(rel: string): boolean {
    return this.dirs.has(rel);
  }

  isSymlink(rel: string): boolean {
    return this.entries.get(rel)?.mode === '120000';
  }

  /** Files at or below a directory ('' for all). */
  filesUnder(dir: string): TreeEntry[] {
    const prefix = dir === '' ? '' : `${dir}/`;
    return [...this.entries.values()].filter((e) => e.path.startsWith(prefix));
  }

  /** A file's bytes. Throws (like fs.readFileSync) when the path is not a file at the ref. */
  read(rel: string): Buffer {
    const cached = this.blobs.get(rel);
    if (cached) return cached;
    const e = this.entries.get(rel);
    if (!e) throw Object.assign(new Error(`${rel} does not exist at ${this.ref}`), { code: 'ENOENT' });
    const bytes = gitBytes(this.root, ['cat-file', 'blob', e.oid]);
    this.blobs.set(rel, bytes);
    return bytes;
  }

  /**
   * Reads many files with one `git cat-file --batch` instead of one process per file (a schema
   * directory can hold thousands of migrations).
   */
  prefetch(rels: string[]): void {
    const wanted = rels.filter((r) => this.entries.has(r) && !this.blobs.has(r));
    if (wanted.length < 2) return;
    const oids = wanted.map((r) => this.entries.get(r)!.oid);
    const out = gitBytes(this.root, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
    let at = 0;
    for (const rel of wanted) {
      // <oid> SP <type> SP <size> LF <contents> LF
      const eol = out.indexOf(0x0a, at);
      const header = out.subarray(at, eol).toString('latin1').split(' ');
      const size = Number(header[2]);
      if (header[1] !== 'blob' || !Number.isFinite(size)) return; // fall back to one read per file
      this.blobs.set(rel, out.subarray(eol + 1, eol + 1 + size));
      at = eol + 1 + size + 1;
    }
  }

  /** Reads by absolute working-tree path (the pipeline's readFile hook). */
  readAbsolute(abs: string): Uint8Array {
    const rel = this.relative(abs);
    if (rel === undefined) throw new Error(`${abs} is outside the repository`);
    return this.read(rel);
  }
}

/** The real path of the top directory of the repository containing `cwd`. */
export function repositoryRoot(cwd: string): string {
  let top: string;
  try {
    top = gitText(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch (e) {
    if (e instanceof GitError && /not installed/.test(e.message)) throw e;
    throw new UserError(`${cwd} is not inside a git repository; \`spif diff\` compares with a git ref`).as(
      'cli.err.notGit',
      cwd,
    );
  }
  return fs.realpathSync(top);
}

/**
 * How to make `ref` available: `origin/main` is fetched as `git fetch origin main` (not
 * `git fetch origin origin/main`). A shallow clone (CI's default) needs no more than that.
 */
export function fetchHint(root: string, ref: string): (lang: Lang) => string {
  let remotes: string[] = [];
  let shallow = false;
  try {
    remotes = gitText(root, ['remote']).split('\n').filter(Boolean);
    shallow = gitText(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  } catch {
    /* not fatal: the generic hint below still helps */
  }
  const slash = ref.indexOf('/');
  const remote =
    slash > 0 && remotes.includes(ref.slice(0, slash))
      ? ref.slice(0, slash)
      : remotes.includes('origin')
        ? 'origin'
        : (remotes[0] ?? 'origin');
  const branch = slash > 0 && ref.slice(0, slash) === remote ? ref.slice(slash + 1) : ref;
  // spif diff reads only the base commit's files, so one fetched commit is enough even when shallow.
  return (lang) => t(lang, 'cli.err.fetchFirst', remote, branch) + (shallow ? t(lang, 'cli.err.fetchShallow') : '');
}
