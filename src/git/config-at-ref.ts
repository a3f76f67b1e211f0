/**
 * The config as it was at a git ref, found by the same lookup as in the working tree
 * (config/find.ts) but in the ref's tree, so a config that was added, removed or renamed between
 * the ref and now is handled: each side uses its own.
 */
import path from 'node:path';
import {
  ConfigError,
  defaultConfig,
  locateConfig,
  parseConfigText,
  type ConfigChoice,
  type LoadedConfig,
} from '../config/index.js';
import { decodeSource } from '../sources/text.js';
import { GitSourceTree } from './source-tree.js';
import type { GitTree } from './tree.js';

export interface ConfigAtRef {
  loaded: LoadedConfig;
  /** Repository-relative path of the config at the ref; undefined when there was none. */
  file?: string;
  /** Problems of a config that existed at the ref but was invalid there (the base then uses the current config). */
  invalid?: string[];
}

export function configAtRef(
  tree: GitTree,
  paths: string[],
  cwd: string,
  explicit: ConfigChoice,
  current: LoadedConfig,
): ConfigAtRef {
  const where = locateConfig(new GitSourceTree(tree), paths, cwd, explicit);
  const rel = where.file === undefined ? undefined : tree.relative(where.file);
  if (rel === undefined) return { loaded: { config: defaultConfig(), baseDir: cwd, used: where.used } };
  const abs = tree.absolute(rel);
  const shown = `${tree.ref}:${rel}`;
  try {
    const parsed = parseConfigText(decodeSource(tree.read(rel)).text, shown);
    return {
      loaded: {
        config: parsed.config,
        file: shown,
        baseDir: path.dirname(abs),
        used: { source: 'git-ref', file: shown },
      },
      file: rel,
    };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // An invalid old config must not block the change that fixes it: compare with today's rules.
    return { loaded: current, file: rel, invalid: [e.message, ...e.details] };
  }
}
