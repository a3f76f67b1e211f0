/**
 * The one-way pipeline: sources → catalog → number columns → access → link graph →
 * classification → report. The CLI and tests call `scan`; each stage is its own module.
 */
import path from 'node:path';
import type { Dialect } from './dialect.js';
import { buildCatalog } from './catalog/build.js';
import type { Catalog } from './catalog/model.js';
import { allDroppedDiagnostics } from './catalog/all-dropped.js';
import type { RemoteDatabase } from './catalog/cross-database.js';
import fs from 'node:fs';
import type { Diagnostic } from './diagnostics.js';
import { decodeSource } from './sources/text.js';
import { UserError, said } from './diagnostics.js';
import {
  ConfigError,
  loadConfigFor,
  matchesRef,
  type ConfigChoice,
  type LoadedConfig,
  type SpifConfig,
} from './config/index.js';
import { ConfigDocument } from './config/locate.js';
import { inConfigLang, say, type ConfigLang } from './config/texts.js';
import { detectColumns } from './detect/index.js';
import { createAccessResolver } from './access/resolver.js';
import { PrincipalAccess, resolvePrincipals } from './access/principals.js';
import { buildLinkGraph } from './graph/links.js';
import { type EvidenceScope, classify } from './classify/classify.js';
import { Analysis } from './classify/analysis.js';
import { buildReport } from './report/build.js';
import { findUnknownPaths, unknownPathAssumptions, unknownPathReasons } from './access/unknown-paths.js';
import type { Report } from './report/model.js';
import { type Lang, diagnosticMessage, t } from './report/messages.js';
import type { ScanResult } from './report/scan-result.js';
import { dialectHint } from './sources/dialect-hints.js';
import { DEFAULT_MAX_FILE_BYTES, readFileWithin } from './sources/limits.js';
import { type DatabaseSources, type EmptyGlob, discoverFromGlobs, discoverFromPaths } from './sources/discover.js';
import { loadIgnoreRules, type IgnoreRules } from './sources/ignore.js';
import { DiskTree, type SourceTree } from './sources/tree.js';
import { isLiveUrl, redactUrl } from './sources/live-postgres/url.js';
import { tallySummary, type ReadTally } from './sources/statements.js';
import { readSources } from './sources/read-sources.js';
import type { ReadMemo } from './cache/read-memo.js';

export interface ScanOptions {
  paths?: string[];
  /** `--config FILE`; false: `--no-config`; unset: looked for upward from the paths (config/find.ts). */
  configFile?: ConfigChoice;
  /** Overrides the config's dialect for sources found from paths. */
  dialect?: Dialect;
  cwd?: string;
  /** Already-loaded config (e.g. read from a git ref by `spif diff`). */
  config?: LoadedConfig;
  /** Where sources are found and read: the working tree (default), or a git ref's tree for `spif diff`. */
  tree?: SourceTree;
  /** Called with what discovery found, before reading (`spif diff` batches its git reads). */
  onDiscovered?: (databases: DatabaseSources[]) => void;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** Worker threads for parsing (1: main thread only). Default: one per core beyond the first. */
  jobs?: number;
  /** Parse-cache directory: unchanged files are not parsed again. */
  cacheDir?: string;
  /** Reader results shared between the two scans of one run (`spif diff`: base, then head). */
  memo?: ReadMemo;
  /** `--sample N`: live PostgreSQL sources read at most N values of each candidate column (counts only). */
  sample?: number;
  /** Only these access-controlled relations get their blocks (classify.ts `evidenceFor`): `spif check`. */
  evidenceFor?: (config: SpifConfig) => EvidenceScope;
  /** Text size from which files are parsed on worker threads (tests and benchmarks; default parallel.ts). */
  parallelMinBytes?: number;
}

/** What a scan returns, and what every reporter reads (src/report/scan-result.ts). */
export type { ScanResult };

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const cwd = options.cwd ?? process.cwd();
  const paths = options.paths?.length ? options.paths : ['.'];
  const diagnostics: Diagnostic[] = [];
  const loaded = options.config ?? loadConfig(paths, cwd, options.configFile);
  const config = loaded.config;

  // The size limit is checked before a file is loaded, so a huge file never fills memory.
  const maxBytes = config.limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const tree = options.tree ?? new DiskTree((p) => readFileWithin(p, maxBytes));
  const databases = discoverDatabases(tree, loaded, paths, cwd, options.dialect, diagnostics);
  options.onDiscovered?.(databases);
  // Each stage says when it starts (total 0: no count to show), so a progress line never shows
  // a finished stage while the next one runs; the stages with a count move with it.
  const stage = (name: string, done = 0, total = 0) => options.onProgress?.(name, done, total);
  const { catalog, tally } = await readIntoCatalog(databases, tree, config, options, diagnostics, stage, (read) => {
    if (!tree.at && read.accepted === 0 && !databases.some((d) => d.url))
      throw noSources(paths, loaded, read.filesFound, diagnostics);
  });

  stage('detect');
  const { numbers, candidates } = detectColumns(catalog, config.numberColumns, matchesRef, (n, t) =>
    stage('detect', n, t),
  );
  stage('access');
  const resolver = createAccessResolver(catalog, { postgresVersion: config.postgresVersion });
  const principals = resolvePrincipals(catalog, config.principals);
  const access = new PrincipalAccess(catalog, resolver);
  stage('links');
  const graph = buildLinkGraph(
    catalog,
    {
      links: config.links,
      linkKeys: config.linkKeys,
      inferLinks: config.inferLinks,
    },
    diagnostics,
    (n, t) => stage('links', n, t),
  );
  const classified = classify({
    catalog,
    graph,
    numbers,
    principals: principals.principals,
    access,
    resolver,
    onPrincipal: (n, t) => stage('reach', n, t),
    onBlocks: (n, t) => stage('blocks', n, t),
    onDecisions: (n, t) => stage('decide', n, t),
    ...(options.evidenceFor ? { evidenceFor: options.evidenceFor(config) } : {}),
  });
  stage('report');
  const analysis = new Analysis({ catalog, config, graph, numbers, principals, resolver, access, classified });
  const { decisions } = classified;
  const unknown = findUnknownPaths(catalog, resolver, principals.principals);
  const unknownPaths = unknownPathAssumptions(unknown);
  const built0 = buildReport({
    catalog,
    decisions,
    principals,
    config,
    diagnostics,
    candidates,
    unknownPaths,
    unknownPathReasons: unknownPathReasons(unknown),
    onRelations: (n, t) => stage('report', n, t),
  });
  // How much was read, and which config: added to the report's summary and header (issue 12.10, 19.1).
  const report: Report = {
    ...built0,
    summary: { ...built0.summary, ...tallySummary(tally) },
    ...(loaded.used ? { config: loaded.used } : {}),
  };
  return {
    analysis,
    report,
    catalog,
    graph,
    decisions,
    numbers,
    candidates,
    principals,
    config,
    configFile: loaded.file,
  };
}

/**
 * Reading and the catalog. The readers' ops live only in here: once the catalog is built they
 * are garbage, instead of held (a scan's frame keeps its locals) through the whole analysis —
 * at 50,000 tables they are a large part of the heap.
 */
async function readIntoCatalog(
  databases: DatabaseSources[],
  tree: SourceTree,
  config: SpifConfig,
  options: ScanOptions,
  diagnostics: Diagnostic[],
  stage: (name: string, done?: number, total?: number) => void,
  /** Throws when nothing could be read (before the catalog is built). */
  refuseEmpty: (tally: ReadTally) => void,
): Promise<{ catalog: Catalog; tally: ReadTally }> {
  const total = databases.reduce((n, d) => n + d.files.length, 0);
  let done = 0;
  const read = await readSources(databases, {
    cwd: options.cwd ?? process.cwd(),
    readBytes: (p: string) => tree.read(p),
    maxFileBytes: config.limits.maxFileBytes,
    jobs: options.jobs,
    cacheDir: options.cacheDir,
    memo: options.memo,
    parallelMinBytes: options.parallelMinBytes,
    ...(options.sample ? { sample: options.sample } : {}),
    onFileRead: () => options.onProgress?.('read', ++done, total),
  });
  for (const d of read.diagnostics) diagnostics.push(d);
  const { inputs, tally } = read;
  refuseEmpty(tally);
  stage('catalog');
  const built = buildCatalog(inputs, {
    postgresVersion: config.postgresVersion,
    remotes: remoteDatabases(config),
    onOps: (n, t) => stage('catalog', n, t),
  });
  diagnostics.push(...built.diagnostics);
  diagnostics.push(...allDroppedDiagnostics(inputs, built.catalog));
  return { catalog: built.catalog, tally };
}

/**
 * The databases and their files: the config's `databases` (globs, urls), else the scanned paths
 * as the database `default`. On the working tree a glob that matches nothing is a config error.
 */
function discoverDatabases(
  tree: SourceTree,
  loaded: LoadedConfig,
  paths: string[],
  cwd: string,
  dialect: Dialect | undefined,
  diagnostics: Diagnostic[],
): DatabaseSources[] {
  const config = loaded.config;
  // .spifignore beside the config (or the nearest one up to the repository root) and `ignore:`.
  const ignored = loadIgnoreRules(tree, loaded.file ? loaded.baseDir : cwd, loaded.baseDir, config.ignore);
  if (!config.databases) {
    const found = fromPaths(tree, paths, cwd, dialect ?? config.dialect, diagnostics, ignored);
    // Neither --dialect nor a config: the dialect the project's migration tool records, if one.
    const hint = dialect === undefined && !loaded.file ? dialectHint(found[0]?.files ?? [], tree) : undefined;
    if (hint && found[0] && !found[0].url && hint.dialect !== found[0].dialect) {
      found[0].dialect = hint.dialect;
      diagnostics.push({
        severity: 'info',
        code: 'SPIF-SOURCE-DIALECT-RECORDED',
        file: path.relative(cwd, hint.file) || hint.file,
        line: 1,
        column: 1,
        ...said('diag.source.dialectRecorded', hint.dialect, path.basename(hint.file)),
      });
    }
    return found;
  }
  const empty: EmptyGlob[] = [];
  const databases = config.databases.map((db, i) => {
    if (db.url && tree.at) {
      diagnostics.push({
        severity: 'warning',
        code: 'SPIF-GIT-LIVE-SKIPPED',
        ...said('diag.discover.liveSkipped', db.name, tree.ref ?? ''),
      });
    }
    return discoverFromGlobs(
      tree,
      {
        name: db.name,
        dialect: db.dialect ?? config.dialect,
        sources: db.sources,
        url: tree.at ? undefined : db.url,
      },
      loaded.baseDir,
      config.allowOutsideRoot,
      diagnostics,
      tree.at ? undefined : (pattern, source) => empty.push({ database: i, source, pattern }),
      ignored,
    );
  });
  if (empty.length) throw emptyGlobsError(loaded, empty);
  return databases;
}

/** Every `sources` glob that matched nothing, located in the config like any config problem. */
function emptyGlobsError(loaded: LoadedConfig, empty: EmptyGlob[]): ConfigError {
  const file = loaded.used?.file ?? loaded.file ?? 'spif.config.yaml';
  let doc: ConfigDocument | undefined;
  try {
    doc = loaded.file ? ConfigDocument.parse(decodeSource(fs.readFileSync(loaded.file)).text).document : undefined;
  } catch {
    doc = undefined;
  }
  const details = (lang: ConfigLang) =>
    inConfigLang(lang, () =>
      empty.map((e) => {
        const line = doc?.lineOf(['databases', e.database, 'sources', e.source]) ?? 1;
        const where = `databases.${e.database}.sources.${e.source}`;
        return `${file}:${line}: ${where}: ${say('globMatchesNothing', e.pattern, loaded.baseDir)}`;
      }),
    );
  const error = new ConfigError(
    `${empty.length} sources glob${empty.length === 1 ? '' : 's'} in ${file} match${empty.length === 1 ? 'es' : ''} no file`,
    details('en'),
  ).as('cli.err.globsMatchNothing', file, empty.length);
  error.detailsIn = details;
  return error;
}

/**
 * Without databases in the config, the scanned paths form the database `default`. A
 * `postgres://` path is a live server: alone it is `default`; with other paths or servers, each
 * server is a database named after the database in its URL.
 */
function fromPaths(
  tree: SourceTree,
  paths: string[],
  cwd: string,
  dialect: Dialect,
  diagnostics: Diagnostic[],
  ignored: IgnoreRules,
): DatabaseSources[] {
  const urls = tree.at ? [] : paths.filter(isLiveUrl);
  const files = paths.filter((p) => !isLiveUrl(p));
  if (urls.length === 0) return [discoverFromPaths(tree, files, cwd, dialect, diagnostics, ignored)];
  if (urls.length === 1 && files.length === 0)
    return [{ database: 'default', dialect: 'postgresql', files: [], url: urls[0] }];
  const live = urls.map((url) => ({
    database: liveDatabaseName(url),
    dialect: 'postgresql' as const,
    files: [],
    url,
  }));
  return files.length ? [discoverFromPaths(tree, files, cwd, dialect, diagnostics, ignored), ...live] : live;
}

function liveDatabaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    throw new UserError(`${redactUrl(url)}: not a valid postgres:// URL`);
  }
}

/** Nothing a reader takes: exit 2, saying what was searched, instead of a report that passes on nothing. */
function noSources(paths: string[], loaded: LoadedConfig, found: number, diagnostics: Diagnostic[]): UserError {
  const where = loaded.config.databases
    ? `the sources globs of ${loaded.used?.file ?? 'the config'}`
    : paths.map((p) => `'${p}'`).join(', ');
  const what = found ? `${found} file${found === 1 ? '' : 's'} found, none of them a schema source` : 'no file found';
  const jaWhere = loaded.config.databases
    ? `${loaded.used?.file ?? '設定'} の sources のグロブ`
    : paths.map((p) => `'${p}'`).join('、');
  const jaWhat = found ? `ファイル ${found} 個が見つかったが、スキーマのソースはない` : 'ファイルが見つからない';
  const problems = (lang: Lang) =>
    diagnostics
      .filter((d) => d.severity !== 'info')
      .map((d) => `${d.file ? `${d.file}: ` : ''}${diagnosticMessage(lang, d)} [${d.code}]`);
  const details = (lang: Lang) => [t(lang, 'cli.err.noSourcesHint'), ...problems(lang)];
  const error = new UserError(`no schema source in ${where}: ${what}`, details('en')).as(
    'cli.err.noSources',
    jaWhere,
    jaWhat,
  );
  error.detailsIn = details;
  return error;
}

/** How each configured database is reached by foreign servers and subscriptions: `connection`, else its url, else its name. */
function remoteDatabases(config: SpifConfig): RemoteDatabase[] | undefined {
  if (!config.databases) return undefined;
  return config.databases.map((db) => {
    let fromUrl: { dbname?: string; host?: string; port?: string } = {};
    if (db.url && URL.canParse(db.url)) {
      const u = new URL(db.url);
      fromUrl = {
        ...(u.pathname.length > 1 ? { dbname: decodeURIComponent(u.pathname.slice(1)) } : {}),
        ...(u.hostname ? { host: u.hostname } : {}),
        ...(u.port ? { port: u.port } : {}),
      };
    }
    const c = db.connection ?? {};
    const dbname = c.dbname ?? fromUrl.dbname;
    const host = c.host ?? fromUrl.host;
    const port = c.port !== undefined ? String(c.port) : fromUrl.port;
    return {
      name: db.name,
      ...(dbname ? { dbname } : {}),
      ...(host ? { host } : {}),
      ...(port ? { port } : {}),
      ...(db.aliases?.length ? { aliases: db.aliases } : {}),
    };
  });
}

function loadConfig(paths: string[], cwd: string, choice: ConfigChoice): LoadedConfig {
  return loadConfigFor(paths, cwd, choice);
}
