/**
 * Where the config is: written once for the working tree and for a git ref (SourceTree).
 * Like ESLint and Biome, spif looks upward from each scanned path (a folder, or a file's folder)
 * to the top of the repository, nearest folder first; outside a repository up to the file-system
 * root. `--config FILE` names it; `--no-config` reads none. Paths that would be governed by two
 * different configs are a usage error: one scan has one config.
 */
import path from 'node:path';
import { UserError } from '../diagnostics.js';
import { isLiveUrl } from '../sources/live-postgres/url.js';
import { DiskTree, type SourceTree } from '../sources/tree.js';
import { CONFIG_FILE_NAMES, defaultConfig, loadConfigFile, type ConfigUsed, type LoadedConfig } from './load.js';
import { nth } from '../indexed.js';

export interface ConfigLocation {
  /** Absolute path of the config file, when one is used. */
  file?: string;
  used: ConfigUsed;
}

/** `--config FILE`, `--no-config` (false), or undefined to look for one. */
export type ConfigChoice = string | false | undefined;

export function locateConfig(tree: SourceTree, paths: string[], cwd: string, choice: ConfigChoice): ConfigLocation {
  if (choice === false) return { used: { source: 'disabled' } };
  if (choice) {
    const file = path.resolve(cwd, choice);
    if (tree.kind(file) === 'file') return { file, used: { source: 'option', file: shown(file, cwd) } };
    if (!tree.at) throw new UserError(`--config ${choice}: no such file`).as('cli.err.noConfigFile', choice);
    // At a git ref the file may have been added or renamed since: look for one as usual.
  }
  const starts = startFolders(tree, paths, cwd);
  const found = new Map<string, string[]>();
  const searched: string[] = [];
  for (const start of starts) {
    const chain: string[] = [];
    const hit = lookUpward(tree, start, chain);
    if (hit) found.set(hit, [...(found.get(hit) ?? []), start]);
    // "db … /repo": where one lookup started and where it stopped.
    if (chain.length)
      searched.push(
        chain.length === 1
          ? shown(nth(chain, 0), cwd)
          : `${shown(nth(chain, 0), cwd)} … ${shown(nth(chain, chain.length - 1), cwd)}`,
      );
  }
  if (found.size > 1) {
    const which = [...found].map(
      ([file, from]) => `${from.map((f) => shown(f, cwd)).join(', ')} → ${shown(file, cwd)}`,
    );
    throw new UserError(
      'the scanned paths are governed by different configs; scan them separately or name one with --config',
      which,
    ).as('cli.err.manyConfigs');
  }
  const [file] = found.keys();
  if (file) return { file, used: { source: 'discovered', file: shown(file, cwd) } };
  return { used: { source: 'none', searched: [...new Set(searched)] } };
}

/** The folder each path's lookup starts in: the path itself, or a file's folder; the cwd without paths. */
function startFolders(tree: SourceTree, paths: string[], cwd: string): string[] {
  const local = paths.filter((p) => !isLiveUrl(p));
  if (local.length === 0) return [path.resolve(cwd)];
  const out = new Set<string>();
  for (const p of local) {
    const abs = path.resolve(cwd, p);
    out.add(tree.kind(abs) === 'directory' ? abs : path.dirname(abs));
  }
  return [...out];
}

function lookUpward(tree: SourceTree, start: string, searched: string[]): string | undefined {
  let dir = start;
  for (;;) {
    if (!tree.contains(dir)) return undefined;
    searched.push(dir);
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (tree.kind(candidate) === 'file') return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || tree.isRepositoryRoot(dir)) return undefined;
    dir = parent;
  }
}

/** Relative to the working directory (`../spif.config.yaml` too): the same on every machine. */
function shown(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  if (rel === '') return '.';
  return path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

/** The working tree's config for a scan of `paths`: what scan, check, explain and diff's head use. */
export function loadConfigFor(
  paths: string[],
  cwd: string,
  choice: ConfigChoice,
  tree: SourceTree = new DiskTree(),
): LoadedConfig {
  const where = locateConfig(tree, paths, cwd, choice);
  if (!where.file) return { config: defaultConfig(), baseDir: cwd, used: where.used };
  return { ...loadConfigFile(where.file), used: where.used };
}
