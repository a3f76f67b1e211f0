/** `spif diff --base REF [paths...]`: what changed since a git ref, read from git objects. */
import { cli } from '../i18n.js';
import type { Command } from 'commander';
import { Option } from 'commander';
import { UserError } from '../../diagnostics.js';
import { parseFailOn } from '../../gate/diff.js';
import { DIFF_FORMATS, renderDiff, warningCount } from '../../gate/render.js';
import { runDiffWithNames } from '../../gate/run-diff.js';
import { CHANGE_KINDS } from '../../gate/rules.js';
import { prepareOutput, writeOutput } from '../output.js';
import { type CommonFlags, addScanFlags, pickFormat, pickLang, scanTuning, useColor } from '../options.js';
import { EXIT } from '../exit-codes.js';
import { addLinterFlags, applyMaxWarnings } from '../conventions.js';
import type { CommandOutcome } from './check.js';

export interface DiffFlags extends CommonFlags {
  base: string;
  failOn?: string;
}

export async function diffCommand(paths: string[], flags: DiffFlags, cwd = process.cwd()): Promise<CommandOutcome> {
  let failOn;
  if (flags.failOn !== undefined) {
    const parsed = parseFailOn(flags.failOn);
    if (parsed.unknown.length) {
      throw new UserError(cli('cli.err.failOn', parsed.unknown.join(', ')), [
        cli('cli.err.failOnExpected', CHANGE_KINDS.join(', ')),
      ]);
    }
    failOn = parsed.kinds;
  }
  const lang = pickLang(flags);
  const format = pickFormat(flags);
  const { result, names } = await runDiffWithNames({
    base: flags.base,
    paths,
    cwd,
    configFile: flags.config,
    dialect: flags.dialect,
    failOn,
    tuning: scanTuning(flags),
    lang: format === 'json' || format === 'sarif' ? 'en' : lang,
  });
  const output = renderDiff(result, format, {
    lang,
    color: useColor(flags),
    configFile: result.head.config,
    quiet: flags.quiet,
    names,
  });
  return {
    ...applyMaxWarnings(result.passed ? EXIT.ok : EXIT.gateFailed, warningCount(result.changes), flags, lang),
    output,
  };
}

export function registerDiff(program: Command): void {
  addLinterFlags(
    addScanFlags(program.command('diff').description(cli('cli.diff')).argument('[paths...]', cli('cli.arg.paths')), [
      ...DIFF_FORMATS,
    ]),
  )
    .requiredOption('--base <ref>', cli('cli.diff.base'))
    .addOption(new Option('--fail-on <kinds>', cli('cli.diff.failOn', CHANGE_KINDS.join(', '))))
    .action(async (paths: string[], flags: DiffFlags) => {
      prepareOutput(flags.out);
      const { code, output, message } = await diffCommand(paths, flags);
      writeOutput(output, flags.out);
      if (message) process.stderr.write(message);
      process.exitCode = code;
    });
}
