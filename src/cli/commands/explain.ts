/** `spif explain RELATION [paths...]`: every principal's path to the number, or what stops it. */
import { cli } from '../i18n.js';
import type { Command } from 'commander';
import { explainRelation } from '../../gate/explain.js';
import { loadCurrentConfig } from '../../gate/load.js';
import { EXPLAIN_FORMATS, renderExplain } from '../../gate/render-explain.js';
import { scanWithProgress } from '../scan-with-progress.js';
import { DisplayNames } from '../../report/display-names.js';
import { prepareOutput, writeOutput } from '../output.js';
import { type CommonFlags, addScanFlags, pickFormat, pickLang, useColor } from '../options.js';
import { EXIT } from '../exit-codes.js';
import type { CommandOutcome } from './check.js';

export async function explainCommand(
  relation: string,
  paths: string[],
  flags: CommonFlags,
  cwd = process.cwd(),
): Promise<CommandOutcome> {
  const loaded = loadCurrentConfig(paths, cwd, flags.config);
  const result = await scanWithProgress(paths, flags, cwd, { lang: pickLang(flags), config: loaded });
  const explained = explainRelation(result, relation);
  return {
    code: EXIT.ok,
    output: renderExplain(explained, pickFormat(flags), {
      lang: pickLang(flags),
      color: useColor(flags),
      names: DisplayNames.of(result.report),
    }),
  };
}

export function registerExplain(program: Command): void {
  addScanFlags(
    program
      .command('explain')
      .description(cli('cli.explain'))
      .argument('<relation>', cli('cli.explain.relation'))
      .argument('[paths...]', cli('cli.arg.paths')),
    [...EXPLAIN_FORMATS],
  ).action(async (relation: string, paths: string[], flags: CommonFlags) => {
    prepareOutput(flags.out);
    const { code, output } = await explainCommand(relation, paths, flags);
    writeOutput(output, flags.out);
    process.exitCode = code;
  });
}
