/**
 * Linter conventions shared by every command that reports (scan, check, diff, explain), as ESLint
 * and Biome users expect them: `--quiet` (errors only), `--max-warnings N` (exit 1 above N),
 * `--color` / `--no-color` (default: on a terminal, off under NO_COLOR or with --out).
 */
import { cli } from './i18n.js';
import { Option, type Command } from 'commander';
import { UserError } from '../diagnostics.js';
import { type Lang, t } from '../report/messages.js';

export interface LinterFlags {
  quiet?: boolean;
  maxWarnings?: number;
  /** true: --color, false: --no-color, undefined: decide from the terminal. */
  color?: boolean;
  out?: string;
}

/** `--color` / `--no-color`: every command that prints text. */
export function addColorFlags(cmd: Command): Command {
  return cmd.option('--color', cli('cli.opt.color')).option('--no-color', cli('cli.opt.noColor'));
}

/** `--quiet` and `--max-warnings`: the commands that report findings (scan, check, diff). */
export function addLinterFlags(cmd: Command): Command {
  return cmd
    .option('-q, --quiet', cli('cli.opt.quiet'))
    .addOption(new Option('--max-warnings <n>', cli('cli.opt.maxWarnings')).argParser(parseMaxWarnings));
}

function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(cli('cli.err.maxWarnings', value));
  return n;
}

/** Whether the text written to `stream` (stdout unless --out) gets ANSI colours. */
export function colorWanted(
  flags: LinterFlags,
  stream: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flags.color === true) return true;
  if (flags.color === false) return false;
  if (flags.out || env.NO_COLOR) return false;
  return !!stream.isTTY || !!env.FORCE_COLOR;
}

/**
 * The exit code after `--max-warnings`: a passing run with more warnings than allowed fails (1),
 * with a line for stderr that says why; a failed gate stays failed.
 */
export function applyMaxWarnings(
  code: number,
  warnings: number,
  flags: LinterFlags,
  lang: Lang,
): { code: number; message?: string } {
  if (flags.maxWarnings === undefined || warnings <= flags.maxWarnings) return { code };
  return { code: code === 0 ? 1 : code, message: `spif: ${t(lang, 'cli.maxWarnings', warnings, flags.maxWarnings)}\n` };
}
