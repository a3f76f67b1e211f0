/** Flags shared by several commands, and turning them into scan options. */
import { Option, type Command } from 'commander';
import { DIALECTS, type Dialect } from '../catalog/model.js';
import { UserError } from '../diagnostics.js';
import { didYouMean } from '../config/did-you-mean.js';
import { type Lang, defaultLang } from '../report/messages.js';
import { DOCUMENT_FORMATS, formatNames } from '../report/formats.js';
import { type LinterFlags, addColorFlags, colorWanted } from './conventions.js';

export interface CommonFlags extends LinterFlags {
  /** `--config FILE`; false with `--no-config`. */
  config?: string | false;
  dialect?: Dialect;
  format?: string;
  out?: string;
  lang?: Lang;
  cache?: string;
  jobs?: number;
  sample?: number;
}

export function addScanFlags(cmd: Command, formats: string[] = formatNames()): Command {
  cmd
    .option(
      '-c, --config <file>',
      'configuration file (default: the nearest spif.config.yaml, .yml or .json found upward from each path, up to the repository root)',
    )
    .option('--no-config', 'read no config file: every source is one database "default" (the report says so)')
    .addOption(
      new Option(
        '--dialect <dialect>',
        `dialect of SQL sources found from paths: ${DIALECTS.join(', ')} (postgres and pg also mean postgresql)`,
      ).argParser(parseDialect),
    )
    .addOption(new Option('-f, --format <format>', 'output format (default: text)').choices(formats))
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option(
        '--lang <lang>',
        'language of labels and messages (default: ja for markdown, html, csv, xlsx; else from the locale)',
      ).choices(['ja', 'en']),
    )
    .option('--cache <dir>', 'keep parse results in DIR; unchanged files are not parsed again')
    .addOption(
      new Option('--jobs <n>', 'threads that parse files (default: CPU count − 1; 1: no worker threads)').argParser(
        parseJobs,
      ),
    )
    .addOption(
      new Option(
        '--sample <n>',
        'live PostgreSQL: read at most N values of each candidate column (要確認) in the read-only transaction; only counts of valid check digits are kept, values are never printed, logged or cached',
      ).argParser(parseSample),
    );
  return addColorFlags(cmd);
}

/** Names users type for a dialect, as psql, pg_dump and ORMs spell them. */
const DIALECT_ALIASES: Record<string, Dialect> = {
  postgres: 'postgresql',
  pg: 'postgresql',
  pgsql: 'postgresql',
  sqlite3: 'sqlite',
  maria: 'mariadb',
};

export function parseDialect(value: string): Dialect {
  const v = value.toLowerCase();
  if ((DIALECTS as readonly string[]).includes(v)) return v as Dialect;
  if (DIALECT_ALIASES[v]) return DIALECT_ALIASES[v];
  throw new UserError(
    `--dialect ${value}: unknown dialect${didYouMean(v, [...DIALECTS, ...Object.keys(DIALECT_ALIASES)])}`,
    [`expected one of: ${DIALECTS.join(', ')}`],
  );
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(`--jobs ${value}: expected a whole number of threads, 1 or more`);
  return n;
}

function parseSample(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UserError(`--sample ${value}: expected a whole number of rows, 1 or more`);
  return n;
}

/** The scan options that only change speed, never the report; and `--sample` (live servers only). */
export function scanTuning(flags: CommonFlags): { cacheDir?: string; jobs?: number; sample?: number } {
  return { cacheDir: flags.cache, jobs: flags.jobs, ...(flags.sample ? { sample: flags.sample } : {}) };
}

export function pickFormat(flags: CommonFlags): string {
  return flags.format ?? 'text';
}

/** `--lang`, else the format's default (the 評価書 formats are Japanese whatever the locale), else the locale. */
export function pickLang(flags: CommonFlags, format?: string): Lang {
  return flags.lang ?? (format && DOCUMENT_FORMATS.has(format) ? 'ja' : defaultLang());
}

export function useColor(flags: CommonFlags): boolean {
  return colorWanted(flags);
}
