/** `spif explain RELATION [paths...]`: every principal's path to the number, or what stops it. */
import { cli } from '../i18n.js';
import type { Command } from 'commander';
import { explainRelation } from '../../gate/explain.js';
import { loadCurrentConfig } from '../../gate/load.js';
import { EXPLAIN_FORMATS, renderExplain } from '../../gate/render-explain.js';
import { scan } from '../../pipeline.js';
import { prepareOutput, writeOutput } from '../output.js';
import { type CommonFlags, addScanFlags, pickFormat, pickLang, scanTuning, useColor } from '../options.js';
import { EXIT } from '../exit-codes.js';
import { createProgress } from '../progress.js';
import type { CommandOutcome } from './check.js';

export async function explainCommand(
  relation: string,
  paths: string[],
  flags: CommonFlags,
  cwd = process.cwd(),
): Promise<CommandOutcome> {
  const loaded = loadCurrentConfig(paths, cwd, flags.config);
  const progress = flags.quiet ? undefined : createProgress(process.stderr, { lang: pickLang(flags) });
  const result = await scan({
    paths,
    cwd,
    config: loaded,
    dialect: flags.dialect,
    ...scanTuning(flags),
    onProgress: progress?.update,
  });
  progress?.finish();
  const explained = explainRelation(result, relation);
  return {
    code: EXIT.ok,
    output: renderExplain(explained, pickFormat(flags), { lang: pickLang(flags), color: useColor(flags) }),
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
