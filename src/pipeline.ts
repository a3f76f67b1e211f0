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
import { detectNumberColumns, type NumberColumnHit } from './detect/index.js';
import { createAccessResolver } from './access/resolver.js';
import { PrincipalAccess, resolvePrincipals, type PrincipalSet } from './access/principals.js';
import { buildLinkGraph, type LinkGraph } from './graph/links.js';
import { classifyRelations, type RelationDecision } from './classify/classify.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/model.js';
import { decodeSource } from './sources/text.js';
import { readerFor } from './sources/registry.js';
import type { SourceReader, SourceText } from './sources/types.js';
import { type DatabaseSources, discoverFromGlobs, discoverFromPaths, displayPath } from './sources/discover.js';

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
}

export interface ScanResult {
  report: Report;
  catalog: Catalog;
  graph: LinkGraph;
  decisions: Map<string, RelationDecision>;
  numbers: Map<string, NumberColumnHit>;
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
      : [discoverFromPaths(paths, cwd, options.dialect ?? (config.dialect as Dialect), diagnostics)];

  const readBytes = options.readFile ?? ((p: string) => fs.readFileSync(p));
  const inputs: { database: string; dialect: Dialect; ops: CatalogOp[] }[] = [];
  const total = databases.reduce((n, d) => n + d.files.length, 0);
  let done = 0;
  for (const db of databases) {
    const ops: CatalogOp[] = [];
    if (db.url) {
      const { readLivePostgres } = await import('./sources/live-postgres/index.js');
      const live = await readLivePostgres(db.url, { database: db.database });
      ops.push(...live.ops);
      diagnostics.push(...live.diagnostics);
    }
    const batches = new Map<SourceReader, SourceText[]>();
    for (const file of db.files) {
      const shown = displayPath(file, cwd);
      const source = readSource(file, shown, readBytes, config, diagnostics);
      options.onProgress?.('read', ++done, total);
      if (!source) continue;
      const reader = readerFor(file, source.text, db.dialect);
      if (!reader) {
        if (/\.(sql|ddl|pgsql|psql)$/i.test(file)) {
          diagnostics.push({ severity: 'warning', code: 'SPIF-SOURCE-DIALECT', file: shown, message: `no reader for dialect '${db.dialect}' SQL files yet; file not read` });
        }
        continue; // a .ts file without ORM models is not a schema source
      }
      if (reader.readProject) {
        let list = batches.get(reader);
        if (!list) batches.set(reader, (list = []));
        list.push(source);
        continue;
      }
      const result = await reader.read(source, { dialect: db.dialect });
      ops.push(...result.ops);
      diagnostics.push(...result.diagnostics);
    }
    for (const [reader, sources] of batches) {
      const result = await reader.readProject!(sources, { dialect: db.dialect });
      ops.push(...result.ops);
      diagnostics.push(...result.diagnostics);
    }
    inputs.push({ database: db.database, dialect: db.dialect, ops });
  }

  options.onProgress?.('analyse', 0, 1);
  const built = buildCatalog(inputs, { postgresVersion: config.postgresVersion });
  diagnostics.push(...built.diagnostics);
  const catalog = built.catalog;
  const numbers = detectNumberColumns(catalog, config.numberColumns, matchesRef);
  const resolver = createAccessResolver(catalog, { postgresVersion: config.postgresVersion });
  const principals = resolvePrincipals(catalog, config.principals, resolver);
  const access = new PrincipalAccess(catalog, resolver);
  const graph = buildLinkGraph(catalog, {
    links: config.links as [string, string][], linkKeys: config.linkKeys, inferLinks: config.inferLinks,
  }, diagnostics);
  const decisions = classifyRelations({
    catalog, graph, numbers, principals: principals.principals, access,
    onPrincipal: (n, t) => options.onProgress?.('classify', n, t),
  });
  const report = buildReport({ catalog, decisions, principals, config, diagnostics });
  return { report, catalog, graph, decisions, numbers, principals, config, configFile: loaded.file };
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

function readSource(
  file: string, shown: string, readBytes: (p: string) => Uint8Array, config: SpifConfig, diagnostics: Diagnostic[],
): SourceText | undefined {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (e) {
    diagnostics.push({ severity: 'error', code: 'SPIF-SOURCE-UNREADABLE', file: shown, message: `cannot read: ${(e as Error).message}` });
    return undefined;
  }
  const max = config.limits.maxFileBytes;
  if (max !== undefined && bytes.length > max) {
    diagnostics.push({ severity: 'error', code: 'SPIF-SOURCE-TOO-LARGE', file: shown, message: `${bytes.length} bytes is over limits.maxFileBytes (${max}); file not read` });
    return undefined;
  }
  const decoded = decodeSource(bytes);
  if (decoded.lossy) {
    diagnostics.push({ severity: 'warning', code: 'SPIF-SOURCE-ENCODING', file: shown, line: 1, column: 1, message: 'not valid UTF-8, Shift_JIS/CP932 or EUC-JP; undecodable bytes were replaced' });
  }
  return { path: shown, text: decoded.text };
}
