/** `spif scan [paths...]`: classify every relation and print the report. */
import type { Command } from 'commander';
import { scan } from '../../pipeline.js';
import { renderReport } from '../../report/formats.js';
import { writeOutput } from '../output.js';
import { type CommonFlags, addScanFlags, pickFormat, pickLang, scanTuning, useColor } from '../options.js';
import { createProgress } from '../progress.js';

export function registerScan(program: Command): void {
  addScanFlags(
    program
      .command('scan')
      .description('classify every table and view: is it a 特定個人情報ファイル, and why')
      .argument('[paths...]', 'schema files or directories (default: .)'),
  ).action(async (paths: string[], flags: CommonFlags) => {
    const progress = createProgress();
    const result = await scan({ paths, configFile: flags.config, dialect: flags.dialect, ...scanTuning(flags), onProgress: progress.update });
    progress.finish();
    const format = pickFormat(flags);
    writeOutput(await renderReport(format, result.report, { lang: pickLang(flags, format), color: useColor(flags), scan: result }), flags.out);
  });
}
