/** Finding, reading and validating spif.config.{yaml,yml,json}. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostics.js';
import { decodeSource } from '../sources/text.js';
import { crossCheck, type ConfigProblem } from './cross-check.js';
import { ConfigDocument } from './locate.js';
import { configErrorMap, issuesToProblems } from './messages.js';
import { configObjectSchema, configSchema, type SpifConfig } from './schema.js';
import { inConfigLang, say, type ConfigLang } from './texts.js';
import { visible } from '../visible.js';

/** Looked for in this order. */
export const CONFIG_FILE_NAMES = ['spif.config.yaml', 'spif.config.yml', 'spif.config.json'] as const;

export interface LoadedConfig {
  config: SpifConfig;
  /** The config file, when there was one. */
  file?: string;
  /** Directory that `sources` globs are relative to: the config file's directory. */
  baseDir: string;
  /** How the config was found, for the report's header (set by the lookup). */
  used?: ConfigUsed;
}

/** Which config a scan used: the report's `config` field. */
export interface ConfigUsed {
  file?: string;
  source: 'option' | 'discovered' | 'none' | 'disabled' | 'git-ref';
  searched?: string[];
}

/** An invalid or unreadable config; `details` lists every problem as `file:line: key: message`. */
export class ConfigError extends UserError {
  constructor(message: string, details: string[] = []) {
    super(message, details);
    this.name = 'ConfigError';
  }
}

/** Paths in messages: relative to the working directory when the file is below it. */
function displayPath(file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function loadConfigFile(file: string): LoadedConfig {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new ConfigError(`cannot read config file ${displayPath(file)}: ${why}`).as(
      'cli.err.cannotReadConfig',
      displayPath(file),
      code === 'ENOENT' ? 'ファイルがない' : code === 'EISDIR' ? 'ディレクトリである' : why,
    );
  }
  // Config files written on Japanese Windows may be Shift_JIS; decode like any source.
  const loaded = parseConfigText(decodeSource(bytes).text, displayPath(file));
  return { ...loaded, baseDir: path.dirname(path.resolve(file)) };
}

export interface ConfigValidation {
  config?: SpifConfig;
  /** Every problem, sorted by line: `file:line: key.path: message` (`file:line:column:` for syntax). */
  problems: string[];
}

/** Validates config text without throwing, with messages in `lang`. `file` is only used in messages. */
export function validateConfigText(text: string, file: string, lang: ConfigLang = 'en'): ConfigValidation {
  return inConfigLang(lang, () => validate(text, file));
}

function validate(text: string, file: string): ConfigValidation {
  const { document, syntaxErrors } = ConfigDocument.parse(text);
  if (syntaxErrors.length > 0) {
    // The tree after a syntax error is a guess; schema messages about it would mislead.
    return {
      problems: syntaxErrors.map((e) => `${file}:${e.line}:${e.column}: ${say('yamlSyntax', visible(e.message))}`),
    };
  }
  let raw: unknown;
  try {
    raw = document.toJS();
  } catch (e) {
    return { problems: [`${file}:1: ${visible((e as Error).message)}`] };
  }
  if (raw === null || raw === undefined) {
    return { problems: [`${file}:1: ${say('emptyConfig')}`] };
  }

  const parsed = configObjectSchema.safeParse(raw, { error: configErrorMap });
  const problems: ConfigProblem[] = [
    ...(parsed.success ? [] : issuesToProblems(parsed.error.issues, configObjectSchema)),
    ...crossCheck(raw, (p) => say('atLine', document.lineOf(p))),
  ];
  const located = problems
    .map((p) => ({ line: document.lineOf(p.path), key: p.path.join('.'), message: p.message }))
    .sort((a, b) => a.line - b.line || a.key.localeCompare(b.key, 'en', { numeric: true }));
  const lines = located.map(
    ({ line, key, message }) =>
      `${file}:${line}: ${key ? `${visible(key, { spaces: true })}: ` : ''}${visible(message)}`,
  );
  return lines.length === 0 && parsed.success ? { config: parsed.data, problems: [] } : { problems: lines };
}

/** Parses and validates config text (e.g. read from a git ref). Throws ConfigError listing every problem. */
export function parseConfigText(text: string, file: string): LoadedConfig {
  const { config, problems } = validateConfigText(text, file);
  if (!config) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    const error = new ConfigError(`invalid config ${file} (${count})`, problems).as(
      'cli.err.invalidConfig',
      file,
      `${problems.length} 件の問題`,
    );
    // The CLI prints the problems in its own language: the same validation, written in that language.
    error.detailsIn = (lang) => validateConfigText(text, file, lang).problems;
    throw error;
  }
  return { config, file, baseDir: path.dirname(path.resolve(file)) };
}

/** The config used when there is no file: every source forms one database named "default". */
export function defaultConfig(): SpifConfig {
  return configSchema.parse({ version: 1 });
}
