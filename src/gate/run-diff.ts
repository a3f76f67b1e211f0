/** Scans the base ref (from git objects) and the working tree, then compares them. */
import { DisplayNames } from '../report/display-names.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Dialect } from '../dialect.js';
import type { LoadedConfig } from '../config/index.js';
import { ReadMemo } from '../cache/read-memo.js';
import { scanAtRef, type ScanAtRef, type ScanAtRefOptions } from '../git/index.js';
import { scan } from '../pipeline.js';
import type { Lang } from '../report/messages.js';
import type { Report } from '../report/model.js';
import { VERSION } from '../version.js';
import { compareReports } from './diff.js';
import { loadCurrentConfig } from './load.js';
import type { DiffResult } from './model.js';
import { gt } from './messages.js';
import { contentsOf, matchRenamedDatabases } from './renames.js';
import type { ChangeKind } from './rules.js';

export interface RunDiffOptions {
  base: string;
  paths?: string[];
  cwd?: string;
  configFile?: string | false;
  dialect?: Dialect;
  /** Overrides the config's `check.failOnBecameSpecific`. */
  failOn?: ChangeKind[];
  /** Language of the notes. */
  lang?: Lang;
  /** Speed only (parse cache, threads); never changes the result. */
  tuning?: { cacheDir?: string; jobs?: number; memo?: ReadMemo };
}

/** The diff, with the names both sides' sources wrote (the head's first), for text and Markdown. */
export async function runDiffWithNames(options: RunDiffOptions): Promise<{ result: DiffResult; names: DisplayNames }> {
  const cwd = fs.realpathSync(options.cwd ?? process.cwd());
  const paths = options.paths?.length ? options.paths : ['.'];
  const lang = options.lang ?? 'en';
  const current = loadCurrentConfig(paths, cwd, options.configFile);
  // Files the same on both sides are parsed once: the head takes what the base's readers made.
  const memo = options.tuning?.memo ?? new ReadMemo();
  const tuning = { ...options.tuning, memo };
  // The base side keeps only what the comparison reads: its report, commit and config. Its
  // analysis (catalog, graph, access caches) is let go before the head is scanned, so a diff
  // holds one analysis at a time (at 50,000 tables two did not fit in the heap).
  const before = await baseSide({
    ref: options.base,
    paths,
    cwd,
    configFile: options.configFile,
    dialect: options.dialect,
    current,
    tuning,
  });
  memo.seal();
  const now = await scan({ paths, cwd, config: current, dialect: options.dialect, ...tuning });

  const sourcesOf = (loaded: LoadedConfig) => new Map((loaded.config.databases ?? []).map((d) => [d.name, d.sources]));
  const renames = matchRenamedDatabases(
    contentsOf(before.report, sourcesOf(before.config.loaded)),
    contentsOf(now.report, sourcesOf(current)),
  );
  const failOn = new Set<ChangeKind>(
    options.failOn ?? (current.config.check.failOnBecameSpecific ? ['became-specific'] : []),
  );
  const { changes, failed } = compareReports(before.report, now.report, {
    renames,
    failOn,
    suppressions: current.config.suppressions,
  });

  const headConfig = current.file ? relToRoot(before.root, current.file) : undefined;
  const baseConfig = before.config.file;
  const notes: string[] = [];
  if (!baseConfig && headConfig) notes.push(gt(lang, 'gate.note.configAdded', options.base, headConfig));
  if (baseConfig && !headConfig) notes.push(gt(lang, 'gate.note.configRemoved', options.base, baseConfig));
  if (baseConfig && headConfig && baseConfig !== headConfig)
    notes.push(gt(lang, 'gate.note.configRenamed', baseConfig, headConfig));
  if (before.config.invalid)
    notes.push(gt(lang, 'gate.note.configInvalid', options.base, before.config.invalid.join('; ')));

  const summary = (r: typeof now.report) => ({ relations: r.summary.relations, specific: r.summary.specific });
  const result: DiffResult = {
    schemaVersion: 1,
    tool: { name: 'spif', version: VERSION },
    command: 'diff',
    passed: !failed,
    base: {
      ref: options.base,
      commit: before.commit,
      ...(baseConfig ? { config: baseConfig } : {}),
      summary: summary(before.report),
    },
    head: { ...(headConfig ? { config: headConfig } : {}), summary: summary(now.report) },
    failOn: [...failOn],
    databaseRenames: [...renames].map(([from, to]) => ({ from, to })),
    notes,
    changes,
  };
  return { result, names: DisplayNames.ofAll([now.report, before.report]) };
}

interface BaseSide {
  report: Report;
  root: string;
  commit: string;
  config: ScanAtRef['config'];
}

async function baseSide(options: ScanAtRefOptions): Promise<BaseSide> {
  const { result, tree, config } = await scanAtRef(options);
  return { report: result.report, root: tree.root, commit: tree.commit, config };
}

function relToRoot(root: string, file: string): string {
  const rel = path.relative(root, fs.realpathSync(file));
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}
