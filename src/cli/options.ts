/** Flags shared by several commands, and turning them into scan options. */
import { cli } from './i18n.js';
import { Option, type Command } from 'commander';
import { DIALECTS, DIALECT_ALIASES, type Dialect, isDialect } from '../dialect.js';
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
    .option('-c, --config <file>', cli('cli.opt.config'))
    .option('--no-config', cli('cli.opt.noConfig'))
    .addOption(new Option('--dialect <dialect>', cli('cli.opt.dialect', DIALECTS.join(', '))).argParser(parseDialect))
    .addOption(new Option('-f, --format <format>', cli('cli.opt.format')).choices(formats))
    .option('-o, --out <file>', cli('cli.opt.out'))
    .addOption(new Option('--lang <lang>', cli('cli.opt.lang')).choices(['ja', 'en']))
    .option('--cache <dir>', cli('cli.opt.cache'))
    .addOption(new Option('--jobs <n>', cli('cli.opt.jobs')).argParser(parseJobs))
    .addOption(new Option('--sample <n>', cli('cli.opt.sample')).argParser(parseSample));
  return addColorFlags(cmd);
}

export function parseDialect(value: string): Dialect {
  const v = value.toLowerCase();
  if (isDialect(v)) return v;
  const alias = Object.hasOwn(DIALECT_ALIASES, v) ? DIALECT_ALIASES[v] : undefined;
  if (alias) return alias;
  throw new UserError(cli('cli.err.dialect', value, didYouMean(v, [...DIALECTS, ...Object.keys(DIALECT_ALIASES)])), [
    cli('cli.err.dialectExpected', DIALECTS.join(', ')),
  ]);
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(cli('cli.err.jobs', value));
  return n;
}

function parseSample(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(cli('cli.err.sample', value));
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
