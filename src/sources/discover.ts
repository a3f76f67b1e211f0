/**
 * Finding schema sources, once for the working tree and for a git ref (tree.ts): the config's
 * globs per database, or every source file below the scanned paths, in the order they are
 * applied (migrations.ts). Symbolic links are not followed and globs do not leave the root
 * unless the config allows it, so a scanned repository cannot make spif read files elsewhere.
 *
 * Order: paths in the order given, globs in the order of `sources:`; within a folder or a glob,
 * natural order with the migration tools' conventions. A file found twice is read once, where it
 * was first found.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { Dialect } from '../dialect.js';
import type { Diagnostic } from '../diagnostics.js';
import { type TextArg, UserError, listOf, part, said } from '../diagnostics.js';
import { describeOrder, newOrderNotes, orderFound, type OrderNotes } from './migrations.js';
import { SOURCE_EXTENSIONS } from './registry.js';
import { isSeedDataPath } from './seed-data/paths.js';
import type { SourceTree } from './tree.js';
import { NO_IGNORE, type IgnoreRules } from './ignore.js';

export interface DatabaseSources {
  database: string;
  dialect: Dialect;
  /** Absolute file paths, in the order they are applied. */
  files: string[];
  /** Files named on the command line: one that no reader takes is reported, not skipped silently. */
  explicit?: Set<string>;
  /** Live connection string, when the database is read from a server. */
  url?: string;
}

const SOURCE_FILE = new RegExp(`\\.(${SOURCE_EXTENSIONS.join('|')})$`, 'i');
const TEST_OR_DECLARATION = /\.(d|test|spec)\.[cm]?ts$/i;

/** Whether a directory scan reads this file (by name: readers decide by content later). */
export function isSourceName(file: string): boolean {
  return (SOURCE_FILE.test(file) || isSeedDataPath(file)) && !TEST_OR_DECLARATION.test(file);
}

/** A glob of `sources:` that matched nothing (a config error on the working tree). */
export interface EmptyGlob {
  database: number;
  source: number;
  pattern: string;
}

export function discoverFromPaths(
  tree: SourceTree,
  paths: string[],
  cwd: string,
  dialect: Dialect,
  diagnostics: Diagnostic[],
  ignored: IgnoreRules = NO_IGNORE,
): DatabaseSources {
  const files: string[] = [];
  const explicit = new Set<string>();
  const left = new Set<string>();
  const notes = newOrderNotes();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    if (!tree.contains(abs)) {
      diagnostics.push({
        severity: 'warning',
        code: 'SPIF-GIT-OUTSIDE',
        file: p,
        ...said('diag.discover.outsideGit', atRef(tree)),
      });
      continue;
    }
    const kind = tree.kind(abs);
    if (kind === undefined) {
      if (tree.at) {
        diagnostics.push({
          severity: 'info',
          code: 'SPIF-GIT-PATH-ABSENT',
          file: p,
          ...said('diag.discover.absent', atRef(tree)),
        });
        continue;
      }
      throw new UserError(`${p}: no such file or directory`).as('cli.err.noSuchPath', p);
    }
    if (kind === 'symlink') {
      diagnostics.push({
        severity: 'warning',
        code: 'SPIF-SOURCE-SYMLINK',
        file: p,
        ...said('diag.discover.symlink'),
      });
    } else if (kind === 'directory') {
      const found = tree
        .list(abs)
        .filter((f) => !f.symlink && isSourceName(f.path))
        .map((f) => path.normalize(f.path));
      files.push(...orderFound(leaveOut(found, ignored, left), tree, notes, dialect));
    } else {
      // A file named on the command line is read even when an ignore rule matches it.
      files.push(abs);
      explicit.add(abs);
    }
  }
  noteOrder('default', notes, cwd, diagnostics);
  noteIgnored('default', left, ignored, cwd, diagnostics);
  return { database: 'default', dialect, files: unique(files), explicit };
}

export function discoverFromGlobs(
  tree: SourceTree,
  db: { name: string; dialect: Dialect; sources: string[]; url?: string },
  baseDir: string,
  allowOutsideRoot: boolean,
  diagnostics: Diagnostic[],
  empty?: (pattern: string, index: number) => void,
  ignored: IgnoreRules = NO_IGNORE,
): DatabaseSources {
  const files: string[] = [];
  const notes = newOrderNotes();
  const left = new Set<string>();
  db.sources.forEach((pattern, index) => {
    const globbed = globFiles(tree, pattern, baseDir, allowOutsideRoot, diagnostics, db.name);
    const found = leaveOut(globbed.found, ignored, left);
    const refused = globbed.refused;
    // A glob whose every match is ignored is no config error: the ignore rule says why.
    if (globbed.found.length === 0 && refused === 0) {
      if (empty) empty(pattern, index);
      else
        diagnostics.push({
          severity: 'warning',
          code: 'SPIF-SOURCE-NONE',
          ...said('diag.discover.noMatch', db.name, pattern, atRef(tree)),
        });
    }
    files.push(...orderFound(found, tree, notes, db.dialect));
  });
  noteOrder(db.name, notes, baseDir, diagnostics);
  noteIgnored(db.name, left, ignored, baseDir, diagnostics);
  return { database: db.name, dialect: db.dialect, files: unique(files), url: db.url };
}

/** The files one `sources` glob matches, relative to the config's folder. */
function globFiles(
  tree: SourceTree,
  pattern: string,
  baseDir: string,
  allowOutsideRoot: boolean,
  diagnostics: Diagnostic[],
  database: string,
): { found: string[]; refused: number } {
  const absolute = path.isAbsolute(pattern);
  const { base } = picomatch.scan(pattern);
  const root = path.resolve(baseDir, base || '.');
  if (!allowOutsideRoot && !isInside(baseDir, root)) {
    diagnostics.push({
      severity: 'warning',
      code: 'SPIF-SOURCE-OUTSIDE-ROOT',
      ...said('diag.discover.globOutside', database, pattern, atRef(tree)),
    });
    return { found: [], refused: 1 };
  }
  const match = picomatch(pattern.replace(/\\/g, '/'), { dot: false });
  const rel = (f: string) => (absolute ? f : path.relative(baseDir, f)).split(path.sep).join('/');
  const kind = tree.kind(root);
  // With allowOutsideRoot a link to a folder is entered like the folder (readdir follows it).
  const listed =
    kind === 'directory' || (kind === 'symlink' && allowOutsideRoot)
      ? tree.list(root, { followLinks: allowOutsideRoot })
      : [];
  const candidates = listed.length
    ? listed
    : kind && kind !== 'directory'
      ? [{ path: root, symlink: kind === 'symlink' }]
      : [];
  const out: string[] = [];
  let refused = 0;
  const realBase = tree.realpath(baseDir) ?? baseDir;
  for (const f of candidates) {
    const abs = path.normalize(f.path);
    // A link to a folder the glob goes into (`linkdir/*.sql` with linkdir a link) is not entered.
    const into = f.symlink && abs === root && !match(rel(abs));
    if (!into && !match(rel(abs))) continue;
    if (f.symlink && !allowOutsideRoot) {
      const real = tree.realpath(abs);
      if (real === undefined) continue; // a link in a git tree: not followed
      if (into || !isInside(realBase, real)) {
        refused++;
        const why = part(isInside(realBase, real) ? 'diag.discover.folderLink' : 'diag.discover.outsideRoot');
        diagnostics.push({
          severity: 'warning',
          code: 'SPIF-SOURCE-OUTSIDE-ROOT',
          file: abs,
          ...said('diag.discover.allowOutsideRoot', why),
        });
        continue;
      }
    }
    out.push(abs);
  }
  return { found: out, refused };
}

function noteOrder(database: string, notes: OrderNotes, cwd: string, diagnostics: Diagnostic[]): void {
  const text = describeOrder(notes);
  if (!text) return;
  const skipped = notes.skipped.slice(0, 5).map((s) => displayPath(s.file, cwd));
  const more = notes.skipped.length > 5 ? part('diag.order.more', notes.skipped.length - 5) : '';
  diagnostics.push({
    severity: 'info',
    code: 'SPIF-SOURCE-ORDER',
    ...said('diag.order', database, text, skipped.length ? part('diag.order.files', listOf(skipped), more) : ''),
  });
}

function leaveOut(found: string[], ignored: IgnoreRules, left: Set<string>): string[] {
  return found.filter((f) => {
    if (!ignored.ignores(f)) return true;
    left.add(f);
    return false;
  });
}

/** What the ignore rules left out, said once per database (never silently). */
function noteIgnored(
  database: string,
  left: Set<string>,
  ignored: IgnoreRules,
  cwd: string,
  diagnostics: Diagnostic[],
) {
  if (!left.size) return;
  const shown = [...left].slice(0, 5).map((f) => displayPath(f, cwd));
  const more = left.size > 5 ? part('diag.order.more', left.size - 5) : '';
  const by = part(
    'diag.list.and',
    ...ignored.origins.map((o) => (o === 'ignore:' ? part('diag.discover.configIgnore') : displayPath(o, cwd))),
  );
  diagnostics.push({
    severity: 'info',
    code: 'SPIF-SOURCE-IGNORED',
    ...said(
      left.size === 1 ? 'diag.discover.ignored.one' : 'diag.discover.ignored.many',
      database,
      left.size,
      by,
      part('diag.order.files', listOf(shown), more),
    ),
  });
}

function unique(files: string[]): string[] {
  return [...new Set(files)];
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Path as shown to users: relative to the working directory when below it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}

/** " at <ref>" of a git tree's messages, as an entry; nothing for the working tree. */
function atRef(tree: SourceTree): TextArg {
  return tree.ref === undefined ? '' : part('diag.discover.atRef', tree.ref);
}
