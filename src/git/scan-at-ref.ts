/** Scanning the schema sources as they were at a git ref, from git objects only. */
import fs from 'node:fs';
import type { Dialect } from '../catalog/model.js';
import type { LoadedConfig } from '../config/index.js';
import { scan, type ScanResult } from '../pipeline.js';
import { configAtRef, type ConfigAtRef } from './config-at-ref.js';
import { discoverInTree } from './discover.js';
import { GitTree } from './tree.js';

export interface ScanAtRefOptions {
  ref: string;
  paths: string[];
  cwd: string;
  configFile?: string;
  dialect?: Dialect;
  /** The working tree's config: used at the ref when the ref's config is invalid. */
  current: LoadedConfig;
  /** Parse cache and threads (the cache is keyed by content, so it is shared safely with the working tree). */
  tuning?: { cacheDir?: string; jobs?: number };
}

export interface ScanAtRef {
  result: ScanResult;
  tree: GitTree;
  config: ConfigAtRef;
}

export async function scanAtRef(options: ScanAtRefOptions): Promise<ScanAtRef> {
  // Real paths: the repository root from git is real, so the working directory must be too.
  const cwd = fs.realpathSync(options.cwd);
  const tree = GitTree.open(cwd, options.ref);
  const paths = options.paths.length ? options.paths : ['.'];
  const config = configAtRef(tree, paths, cwd, options.configFile, options.current);
  const result = await scan({
    paths, cwd, config: config.loaded, dialect: options.dialect, ...options.tuning,
    readFile: (abs) => tree.readAbsolute(abs),
    discover: discoverInTree(tree, paths, cwd, options.dialect),
  });
  return { result, tree, config };
}
