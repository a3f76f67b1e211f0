/**
 * The one-way pipeline: sources → catalog → number columns → access → link graph →
 * classification → report. The CLI and tests call `scan`; each stage is its own module.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, Dialect } from './catalog/model.js';
import type { CatalogOp } from './catalog/ops.js';
import { buildCatalog } from './catalog/build.js';
import type { Diagnostic } from './diagnostics.js';
import { UserError } from './diagnostics.js';
import { defaultConfig, findConfigFile, loadConfigFile, matchesRef, type LoadedConfig, type SpifConfig } from './config/index.js';
import { detectColumns, type CandidateColumn, type NumberColumnHit } from './detect/index.js';
import { createAccessResolver } from './access/resolver.js';
import { PrincipalAccess, resolvePrincipals, type PrincipalSet } from './access/principals.js';
import { buildLinkGraph, type LinkGraph } from './graph/links.js';
import { classify, type RelationDecision } from './classify/classify.js';
import { Analysis } from './classify/analysis.js';
import { buildReport } from './report/build.js';
import { findUnknownPaths, unknownPathAssumptions } from './access/unknown-paths.js';
import type { Report } from './report/model.js';
import { readDatabaseFiles } from './sources/parallel.js';
import { readProjectGuarded } from './sources/guard.js';
import { DEFAULT_MAX_FILE_BYTES, readFileWithin } from './sources/limits.js';
import { type DatabaseSources, discoverFromGlobs, discoverFromPaths } from './sources/discover.js';
import { isLiveUrl, redactUrl } from './sources/live-postgres/url.js';

export interface ScanOptions {
  paths?: string[];
  configFile?: string;
  /** Overrides the config's dialect for sources found from paths. */
  dialect?: Dialect;
  cwd?: string;
  /** Already-loaded config (e.g. read from a git ref by `spif diff`). */
  config?: LoadedConfig;
  /** Reads a file's bytes; `spif diff` reads from git objects instead of the working tree. */
  readFile?: (absPath: string) => Uint8Array;
  /** Lists files for databases from globs (git tree for `spif diff`). */
  discover?: (config: LoadedConfig, diagnostics: Diagnostic[]) => DatabaseSources[];
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Worker threads for parsing (1: main thread only). Default: one per core beyond the first. */
  jobs?: number;
  /** Parse-cache directory: unchanged files are not parsed again. */
  cacheDir?: string;
  /** `--sample N`: live PostgreSQL sources read at most N values of each candidate column (counts only). */
  sample?: number;
  /** Text size from which files are parsed on worker threads (tests and benchmarks; default parallel.ts). */
  parallelMinBytes?: number;
}

export interface ScanResult {
  /** The one read-only analysis every reporter and command reads (the fields below are parts of it). */
  analysis: Analysis;
  report: Report;
  catalog: Catalog;
  graph: LinkGraph;
  decisions: Map<string, RelationDecision>;
  numbers: Map<string, NumberColumnHit>;
  /** Columns to review (要確認), decided by the config or not. */
  candidates: CandidateColumn[];
  principals: PrincipalSet;
  config: SpifConfig;
  configFile?: string;
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths?.length ? options.paths : ['.'];
  const diagnostics: Diagnostic[] = [];
  const loaded = options.config ?? loadConfig(paths, cwd, options.configFile);
  const config = loaded.config;

  const databases = options.discover
    ? options.discover(loaded, diagnostics)
    : config.databases
      ? config.databases.map((db) => discoverFromGlobs(
          { name: db.name, dialect: (db.dialect ?? config.dialect) as Dialect, sources: db.sources, url: db.url },
          loaded.baseDir, config.allowOutsideRoot, diagnostics))
      : fromPaths(paths, cwd, options.dialect ?? (config.dialect as Dialect), diagnostics);

  // The size limit is checked before a file is loaded, so a huge file never fills memory.
  const readBytes = options.readFile ?? ((p: string) => readFileWithin(p, config.limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES));
  const inputs: { database: string; dialect: Dialect; ops: CatalogOp[] }[] = [];
  const total = databases.reduce((n, d) => n + d.files.length, 0);
  let done = 0;
  // Files are read (from the parse cache, or parsed on worker threads) before live databases;
  // results are assembled per database in the original order.
  const { results: read } = await readDatabaseFiles(databases, {
    cwd, readBytes, maxFileBytes: config.limits.maxFileBytes, jobs: options.jobs, cacheDir: options.cacheDir,
    parallelMinBytes: options.parallelMinBytes,
    onFileRead: () => options.onProgress?.('read', ++done, total),
  });
  for (const [i, db] of databases.entries()) {
    const ops: CatalogOp[] = [];
    if (db.url) {
      const { readLivePostgres } = await import('./sources/live-postgres/index.js');
      const live = await readLivePostgres(db.url, { database: db.database, ...(options.sample ? { sample: options.sample } : {}) });
      ops.push(...live.ops);
      diagnostics.push(...live.diagnostics);
    }
    // ORM models first: the database's SQL files (grants, owners, views) refer to their tables.
    for (const [reader, sources] of read[i].batches) {
      const result = await readProjectGuarded(reader, sources, { dialect: db.dialect });
      ops.push(...result.ops);
      diagnostics.push(...result.diagnostics);
    }
    for (const op of read[i].ops) ops.push(op);
    diagnostics.push(...read[i].diagnostics);
    inputs.push({ database: db.database, dialect: db.dialect, ops });
  }

  // Each stage says when it starts (total 0: no count to show), so a progress line never shows
  // a finished stage while the next one runs; the stages with a count move with it.
  const stage = (name: string, done = 0, total = 0) => options.onProgress?.(name, done, total);
  stage('catalog');
  const built = buildCatalog(inputs, { postgresVersion: config.postgresVersion });
  diagnostics.push(...built.diagnostics);
  const catalog = built.catalog;
  stage('detect');
  const { numbers, candidates } = detectColumns(catalog, config.numberColumns, matchesRef);
  stage('access');
  const resolver = createAccessResolver(catalog, { postgresVersion: config.postgresVersion });
  const principals = resolvePrincipals(catalog, config.principals);
  const access = new PrincipalAccess(catalog, resolver);
  stage('links');
  const graph = buildLinkGraph(catalog, {
    links: config.links as [string, string][], linkKeys: config.linkKeys, inferLinks: config.inferLinks,
  }, diagnostics);
  const classified = classify({
    catalog, graph, numbers, principals: principals.principals, access, resolver,
    onPrincipal: (n, t) => stage('reach', n, t),
    onBlocks: (n, t) => stage('blocks', n, t),
  });
  stage('report');
  const analysis = new Analysis({ catalog, config, graph, numbers, principals, resolver, access, classified });
  const { decisions } = classified;
  const unknownPaths = unknownPathAssumptions(findUnknownPaths(catalog, resolver, principals.principals));
  const report = buildReport({ catalog, decisions, principals, config, diagnostics, candidates, unknownPaths });
  return { analysis, report, catalog, graph, decisions, numbers, candidates, principals, config, configFile: loaded.file };
}

/**
 * Without databases in the config, the scanned paths form the database `default`. A
 * `postgres://` path is a live server: alone it is `default`; with other paths or servers, each
 * server is a database named after the database in its URL.
 */
function fromPaths(paths: string[], cwd: string, dialect: Dialect, diagnostics: Diagnostic[]): DatabaseSources[] {
  const urls = paths.filter(isLiveUrl);
  const files = paths.filter((p) => !isLiveUrl(p));
  if (urls.length === 0) return [discoverFromPaths(files, cwd, dialect, diagnostics)];
  if (urls.length === 1 && files.length === 0) return [{ database: 'default', dialect: 'postgresql', files: [], url: urls[0] }];
  const live = urls.map((url) => ({ database: liveDatabaseName(url), dialect: 'postgresql' as Dialect, files: [], url }));
  return files.length ? [discoverFromPaths(files, cwd, dialect, diagnostics), ...live] : live;
}

function liveDatabaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    throw new UserError(`${redactUrl(url)}: not a valid postgres:// URL`);
  }
}

function loadConfig(paths: string[], cwd: string, explicit?: string): LoadedConfig {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new UserError(`--config ${explicit}: no such file`);
    return loadConfigFile(file);
  }
  const found = findConfigFile(paths, cwd);
  if (found) return loadConfigFile(found);
  return { config: defaultConfig(), baseDir: cwd };
}
