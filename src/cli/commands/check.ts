/** `spif check [paths...]`: the gate — do the specific relations match the PIA's inventory? */
import { cli } from '../i18n.js';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { checkEvidenceScope, runCheck } from '../../gate/check.js';
import { loadCurrentConfig } from '../../gate/load.js';
import { CHECK_FORMATS, renderCheck, warningCount } from '../../gate/render.js';
import { scanWithProgress } from '../scan-with-progress.js';
import { DisplayNames } from '../../report/display-names.js';
import { prepareOutput, writeOutput } from '../output.js';
import { type CommonFlags, addScanFlags, pickFormat, pickLang, useColor } from '../options.js';
import { EXIT } from '../exit-codes.js';
import { addLinterFlags, applyMaxWarnings } from '../conventions.js';

export interface CheckFlags extends CommonFlags {
  strict?: boolean;
}

export interface CommandOutcome {
  code: number;
  output: string;
  /** A line for stderr (e.g. why --max-warnings failed the run). */
  message?: string;
}

/** The command without commander: used by the CLI and by tests in-process. */
export async function checkCommand(paths: string[], flags: CheckFlags, cwd = process.cwd()): Promise<CommandOutcome> {
  const loaded = loadCurrentConfig(paths, cwd, flags.config);
  const result = await scanWithProgress(paths, flags, cwd, {
    lang: pickLang(flags),
    config: loaded,
    evidenceFor: checkEvidenceScope,
  });
  const check = runCheck(result.report, result.config, { strict: flags.strict || result.config.check.strict });
  const configFile = loaded.file ? path.relative(cwd, loaded.file).split(path.sep).join('/') : undefined;
  const lang = pickLang(flags);
  const output = renderCheck(check, pickFormat(flags), {
    lang,
    color: useColor(flags),
    configFile,
    quiet: flags.quiet,
    names: DisplayNames.of(result.report),
  });
  return {
    ...applyMaxWarnings(check.passed ? EXIT.ok : EXIT.gateFailed, warningCount(check.findings), flags, lang),
    output,
  };
}

export function registerCheck(program: Command): void {
  addLinterFlags(
    addScanFlags(program.command('check').description(cli('cli.check')).argument('[paths...]', cli('cli.arg.paths')), [
      ...CHECK_FORMATS,
    ]),
  )
    .addOption(new Option('--strict', cli('cli.check.strict')))
    .action(async (paths: string[], flags: CheckFlags) => {
      prepareOutput(flags.out);
      const { code, output, message } = await checkCommand(paths, flags);
      writeOutput(output, flags.out);
      if (message) process.stderr.write(message);
      process.exitCode = code;
    });
}
