/**
 * The language of the CLI itself: `--help`, commander's headings and errors, and usage errors.
 * Decided once per run, before commander parses anything (help is printed while parsing): `--lang`
 * on the command line, else the locale (LC_ALL, LC_MESSAGES, LANG), as the reports do.
 */
import { Help, type Command, type Option } from 'commander';
import { type Lang, type MessageKey, defaultLang, t } from '../report/messages.js';
import { capture } from '../indexed.js';

let current: Lang = 'en';

/** `--lang ja|en` (or `--lang=ja`) anywhere in argv, else the locale. */
export function cliLang(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (const [i, a] of argv.entries()) {
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v === 'ja' || v === 'en') return v;
  }
  return defaultLang(env);
}

export function setCliLang(lang: Lang): void {
  current = lang;
}

export function cliLanguage(): Lang {
  return current;
}

/** A CLI text in the run's language. */
export function cli(key: MessageKey, ...args: (string | number)[]): string {
  return t(current, key, ...args);
}

const TITLES: Record<string, MessageKey> = {
  'Usage:': 'cli.title.usage',
  'Arguments:': 'cli.title.arguments',
  'Options:': 'cli.title.options',
  'Commands:': 'cli.title.commands',
  'Global Options:': 'cli.title.globalOptions',
};

/** commander's help in the run's language: headings, and the (choices, default) notes. */
export function localHelp(): Partial<Help> {
  const base = new Help();
  return {
    styleTitle: (title: string) => (TITLES[title] ? cli(TITLES[title]) : title),
    optionDescription(option: Option): string {
      const text = base.optionDescription(option);
      if (current === 'en') return text;
      return text
        .replace(
          / ?\(choices: ([^)]*?)(, default: ([^)]*))?\)$/,
          (_, choices: string, __, def?: string) =>
            `（${cli('cli.choices', choices)}${def ? `、${cli('cli.default', def)}` : ''}）`,
        )
        .replace(/ ?\(default: ([^)]*)\)$/, (_, def: string) => `（${cli('cli.default', def)}）`);
    },
    commandUsage: (cmd) => placeholders(base.commandUsage(cmd)),
    subcommandTerm: (cmd) => placeholders(base.subcommandTerm(cmd)),
    argumentDescription(argument) {
      const text = base.argumentDescription(argument);
      if (current === 'en') return text;
      return text.replace(/ ?\(default: ([^)]*)\)$/, (_, def: string) => `（${cli('cli.default', def)}）`);
    },
  };
}

/** `[options]` and `[command]` in usage lines. */
function placeholders(usage: string): string {
  if (current === 'en') return usage;
  return usage.replace('[options]', cli('cli.usage.options')).replace('[command]', cli('cli.usage.command'));
}

/**
 * commander's error messages (a fixed set of its own sentences) in the run's language. English is
 * passed through unchanged; an error commander adds later is shown as it writes it.
 */
export function localCommanderError(message: string): string {
  if (current === 'en') return message;
  const q = (s: string) => `'${s}'`;
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown option '(.*)'/, (m) => cli('cli.err.unknownOption', q(capture(m, 1)))],
    [/^error: unknown command '(.*)'/, (m) => cli('cli.err.unknownCommand', q(capture(m, 1)))],
    [/^error: missing required argument '(.*)'/, (m) => cli('cli.err.missingArgument', q(capture(m, 1)))],
    [/^error: option '(.*)' argument missing/, (m) => cli('cli.err.optionArgumentMissing', q(capture(m, 1)))],
    [/^error: required option '(.*)' not specified/, (m) => cli('cli.err.requiredOption', q(capture(m, 1)))],
    [
      /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\./,
      (m) => cli('cli.err.invalidArgument', q(capture(m, 1)), q(capture(m, 2)), capture(m, 3)),
    ],
    [
      /^error: too many arguments.*Expected (\d+) arguments? but got (\d+)\./,
      (m) => cli('cli.err.tooManyArguments', capture(m, 1), capture(m, 2)),
    ],
  ];
  const lines = message.replace(/\n$/, '').split('\n');
  const out = lines.map((line) => {
    for (const [re, render] of patterns) {
      const m = re.exec(line);
      if (m) return cli('cli.error', render(m));
    }
    const dym = /^\(Did you mean (?:one of )?(.*)\?\)$/.exec(line);
    if (dym) return cli('cli.err.didYouMean', capture(dym, 1));
    return line;
  });
  return `${out.join('\n')}\n`;
}

/** The texts commander writes for its own --help and --version options. */
export function localBuiltins(program: Command, version: string): Command {
  return program
    .version(version, '-V, --version', cli('cli.version'))
    .helpOption('-h, --help', cli('cli.help'))
    .helpCommand('help [command]', cli('cli.help'));
}
