/** Scanning the schema sources as they were at a git ref, from git objects only. */
import fs from 'node:fs';
import type { Dialect } from '../dialect.js';
import type { ConfigChoice, LoadedConfig } from '../config/index.js';
import type { ReadMemo } from '../cache/read-memo.js';
import { scan, type ScanResult } from '../pipeline.js';
import { configAtRef, type ConfigAtRef } from './config-at-ref.js';
import { GitSourceTree } from './source-tree.js';
import { GitTree } from './tree.js';

export interface ScanAtRefOptions {
  ref: string;
  paths: string[];
  cwd: string;
  configFile?: ConfigChoice;
  dialect?: Dialect;
  /** The working tree's config: used at the ref when the ref's config is invalid. */
  current: LoadedConfig;
  /** Parse cache and threads (the cache is keyed by content, so it is shared safely with the working tree). */
  tuning?: { cacheDir?: string; jobs?: number; memo?: ReadMemo };
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
    paths,
    cwd,
    config: config.loaded,
    dialect: options.dialect,
    ...options.tuning,
    tree: new GitSourceTree(tree),
    // One `git cat-file --batch` for every file found, instead of a process per file.
    onDiscovered: (found) => tree.prefetch(found.flatMap((d) => d.files.map((f) => tree.relative(f)!))),
  });
  return { result, tree, config };
}
