/**
 * Finding schema sources in a git tree, the same way src/sources/discover.ts finds them on disk:
 * the config's globs per database, or every source file below the scanned paths. Files are named
 * by their working-tree absolute path, so reports at the ref and now use the same file names.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { Dialect } from '../catalog/model.js';
import type { LoadedConfig } from '../config/index.js';
import type { Diagnostic } from '../diagnostics.js';
import type { DatabaseSources } from '../sources/discover.js';
import { SOURCE_EXTENSIONS } from '../sources/registry.js';
import type { GitTree } from './tree.js';

const IGNORED_DIR = /(^|\/)(node_modules|\.git|dist|build|coverage)\//;
const TEST_OR_DECL = /\.(d|test|spec)\.ts$/;
const SOURCE_FILE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join('|')})$`);

function compareFiles(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The pipeline's `discover` hook for a tree: globs per database, else the scanned paths. */
export function discoverInTree(
  tree: GitTree, paths: string[], cwd: string, overrideDialect: Dialect | undefined,
): (loaded: LoadedConfig, diagnostics: Diagnostic[]) => DatabaseSources[] {
  return (loaded, diagnostics) => {
    const found = discover(tree, paths, cwd, overrideDialect, loaded, diagnostics);
    tree.prefetch(found.flatMap((d) => d.files.map((f) => tree.relative(f)!)));
    return found;
  };
}

function discover(
  tree: GitTree, paths: string[], cwd: string, overrideDialect: Dialect | undefined, loaded: LoadedConfig, diagnostics: Diagnostic[],
): DatabaseSources[] {
  const config = loaded.config;
  if (!config.databases) {
    return [fromPaths(tree, paths, cwd, overrideDialect ?? (config.dialect as Dialect), diagnostics)];
  }
  return config.databases.map((db) => {
    if (db.url) {
      diagnostics.push({ severity: 'warning', code: 'SPIF-GIT-LIVE-SKIPPED', message: `databases.${db.name}.url: a live database has no state at ${tree.ref}; only its source files are compared` });
    }
    return fromGlobs(tree, { name: db.name, dialect: (db.dialect ?? config.dialect) as Dialect, sources: db.sources }, loaded.baseDir, config.allowOutsideRoot, diagnostics);
  });
}

function fromPaths(tree: GitTree, paths: string[], cwd: string, dialect: Dialect, diagnostics: Diagnostic[]): DatabaseSources {
  const files = new Set<string>();
  for (const p of paths) {
    const rel = tree.relative(path.resolve(cwd, p));
    if (rel === undefined) {
      diagnostics.push({ severity: 'warning', code: 'SPIF-GIT-OUTSIDE', file: p, message: `outside the git repository; not read at ${tree.ref}` });
      continue;
    }
    if (tree.isSymlink(rel)) {
      diagnostics.push({ severity: 'warning', code: 'SPIF-SOURCE-SYMLINK', file: p, message: 'symbolic link not followed' });
    } else if (tree.isFile(rel)) {
      files.add(tree.absolute(rel));
    } else if (tree.isDirectory(rel)) {
      for (const e of tree.filesUnder(rel)) {
        const below = rel === '' ? e.path : e.path.slice(rel.length + 1);
        // Like the disk walk: no dot files or dot directories, no build output, no tests.
        if (below.split('/').some((s) => s.startsWith('.')) || IGNORED_DIR.test(`/${below}`)) continue;
        if (!SOURCE_FILE.test(e.path) || TEST_OR_DECL.test(e.path) || e.mode === '120000') continue;
        files.add(tree.absolute(e.path));
      }
    } else {
      diagnostics.push({ severity: 'info', code: 'SPIF-GIT-PATH-ABSENT', file: p, message: `does not exist at ${tree.ref}` });
    }
  }
  return { database: 'default', dialect, files: [...files].sort(compareFiles) };
}

function fromGlobs(
  tree: GitTree, db: { name: string; dialect: Dialect; sources: string[] }, baseDir: string, allowOutsideRoot: boolean, diagnostics: Diagnostic[],
): DatabaseSources {
  const files = new Set<string>();
  const baseRel = tree.relative(baseDir) ?? '';
  for (const pattern of db.sources) {
    // Globs are relative to the config's directory; anchor them at the repository root.
    const anchored = path.posix.normalize(baseRel === '' ? pattern : `${baseRel}/${pattern}`);
    if (anchored.startsWith('../') && !allowOutsideRoot) {
      diagnostics.push({ severity: 'warning', code: 'SPIF-SOURCE-OUTSIDE-ROOT', message: `databases.${db.name}.sources: '${pattern}' leads outside the repository; not read at ${tree.ref}` });
      continue;
    }
    const match = picomatch(anchored, { dot: false });
    let found = 0;
    for (const e of tree.filesUnder('')) {
      if (!match(e.path) || IGNORED_DIR.test(`/${e.path}`)) continue;
      if (e.mode === '120000' && !allowOutsideRoot) continue;
      files.add(tree.absolute(e.path));
      found++;
    }
    if (found === 0) {
      diagnostics.push({ severity: 'warning', code: 'SPIF-SOURCE-NONE', message: `databases.${db.name}.sources: '${pattern}' matches no file at ${tree.ref}` });
    }
  }
  return { database: db.name, dialect: db.dialect, files: [...files].sort(compareFiles) };
}
