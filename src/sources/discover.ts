/**
 * Finding schema sources: the config's globs per database, or every source file below the scanned
 * paths. Symbolic links are not followed and globs do not leave the root unless the config allows
 * it, so a scanned repository cannot make spif read files elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { Dialect } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics.js';
import { UserError } from '../diagnostics.js';
import { SOURCE_EXTENSIONS } from './registry.js';

export interface DatabaseSources {
  database: string;
  dialect: Dialect;
  /** Absolute file paths, sorted: files are applied in this order. */
  files: string[];
  /** Live connection string, when the database is read from a server. */
  url?: string;
}

const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/coverage/**'];

export function discoverFromPaths(paths: string[], cwd: string, dialect: Dialect, diagnostics: Diagnostic[]): DatabaseSources {
  const files = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(abs);
    } catch {
      throw new UserError(`${p}: no such file or directory`);
    }
    if (stat.isSymbolicLink()) {
      diagnostics.push({ severity: 'warning', code: 'SPIF-SOURCE-SYMLINK', file: p, message: 'symbolic link not followed' });
    } else if (stat.isDirectory()) {
      for (const f of globSync(SOURCE_EXTENSIONS.map((e) => `**/*.${e}`), {
        cwd: abs, absolute: true, ignore: [...IGNORED_DIRS, '**/*.d.ts', '**/*.test.ts', '**/*.spec.ts'],
        followSymbolicLinks: false, dot: false,
      })) files.add(path.normalize(f));
    } else {
      files.add(abs);
    }
  }
  return { database: 'default', dialect, files: [...files].sort(compareFiles) };
}

export function discoverFromGlobs(
  db: { name: string; dialect: Dialect; sources: string[]; url?: string },
  baseDir: string, allowOutsideRoot: boolean, diagnostics: Diagnostic[],
): DatabaseSources {
  const files = new Set<string>();
  for (const pattern of db.sources) {
    const found = globSync(pattern, { cwd: baseDir, absolute: true, followSymbolicLinks: allowOutsideRoot, ignore: IGNORED_DIRS });
    if (found.length === 0) {
      diagnostics.push({ severity: 'warning', code: 'SPIF-SOURCE-NONE', message: `databases.${db.name}.sources: '${pattern}' matches no file` });
    }
    for (const f of found) {
      const abs = path.normalize(f);
      if (!allowOutsideRoot && !isInside(baseDir, realpathOr(abs))) {
        diagnostics.push({ severity: 'warning', code: 'SPIF-SOURCE-OUTSIDE-ROOT', file: abs, message: 'leads outside the config directory; not read (set allowOutsideRoot: true to allow)' });
        continue;
      }
      files.add(abs);
    }
  }
  return { database: db.name, dialect: db.dialect, files: [...files].sort(compareFiles), url: db.url };
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(realpathOr(root), p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Natural order, so 2_x.sql comes before 10_x.sql as migration tools apply them. */
function compareFiles(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Path as shown to users: relative to the working directory when below it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}
