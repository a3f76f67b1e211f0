/**
 * The config as it was at a git ref. Found the way `spif` finds it in the working tree (the
 * `--config` path, else a config file in the first path, else in the working directory), but in
 * the ref's tree, so a config that was added, removed or renamed between the ref and now is
 * handled: each side uses its own.
 */
import path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, defaultConfig, parseConfigText, type LoadedConfig } from '../config/index.js';
import { decodeSource } from '../sources/text.js';
import type { GitTree } from './tree.js';

export interface ConfigAtRef {
  loaded: LoadedConfig;
  /** Repository-relative path of the config at the ref; undefined when there was none. */
  file?: string;
  /** Problems of a config that existed at the ref but was invalid there (the base then uses the current config). */
  invalid?: string[];
}

export function configAtRef(
  tree: GitTree, paths: string[], cwd: string, explicit: string | undefined, current: LoadedConfig,
): ConfigAtRef {
  const rel = findAtRef(tree, paths, cwd, explicit);
  if (rel === undefined) return { loaded: { config: defaultConfig(), baseDir: cwd } };
  const abs = tree.absolute(rel);
  const shown = `${tree.ref}:${rel}`;
  try {
    const parsed = parseConfigText(decodeSource(tree.read(rel)).text, shown);
    return { loaded: { config: parsed.config, file: shown, baseDir: path.dirname(abs) }, file: rel };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // An invalid old config must not block the change that fixes it: compare with today's rules.
    return { loaded: current, file: rel, invalid: [e.message, ...e.details] };
  }
}

function findAtRef(tree: GitTree, paths: string[], cwd: string, explicit: string | undefined): string | undefined {
  if (explicit) {
    const rel = tree.relative(path.resolve(cwd, explicit));
    if (rel !== undefined && tree.isFile(rel)) return rel;
    // Renamed or added since the ref: fall through to the usual places.
  }
  const dirs: string[] = [];
  if (paths.length > 0) {
    const first = tree.relative(path.resolve(cwd, paths[0]));
    if (first !== undefined && tree.isDirectory(first)) dirs.push(first);
  }
  const here = tree.relative(cwd);
  if (here !== undefined) dirs.push(here);
  for (const dir of dirs) {
    for (const name of CONFIG_FILE_NAMES) {
      const rel = dir === '' ? name : `${dir}/${name}`;
      if (tree.isFile(rel)) return rel;
    }
  }
  return undefined;
}
