/** `spif scan [paths...]`: classify every relation and print the report. */
import { cli } from '../i18n.js';
import type { Command } from 'commander';
import { scanKeepingProgress } from '../scan-with-progress.js';
import { renderForWriting } from '../../report/formats.js';
import { prepareOutput, writeOutput } from '../output.js';
import { type CommonFlags, addScanFlags, pickFormat, pickLang, useColor } from '../options.js';
import { addLinterFlags, applyMaxWarnings } from '../conventions.js';

interface ScanFlags extends CommonFlags {
  diagnosticsFirst?: boolean;
}

export function registerScan(program: Command): void {
  addLinterFlags(
    addScanFlags(program.command('scan').description(cli('cli.scan')).argument('[paths...]', cli('cli.arg.paths'))),
  )
    .option('--diagnostics-first', cli('cli.scan.diagnosticsFirst'))
    .action(async (paths: string[], flags: ScanFlags) => {
      prepareOutput(flags.out);
      const lang = pickLang(flags, pickFormat(flags));
      const { result, progress } = await scanKeepingProgress(paths, flags, process.cwd(), { lang });
      const format = pickFormat(flags);
      const ctx = {
        lang,
        color: useColor(flags),
        scan: result,
        quiet: flags.quiet,
        diagnosticsFirst: flags.diagnosticsFirst,
      };
      progress?.update('write', 0, 0);
      const rendered = await renderForWriting(format, result.report, ctx);
      // Each batch written moves the line (no total: the report's length is known only at the end).
      writeOutput(rendered, flags.out, (bytes) => progress?.update('write', bytes, 0));
      progress?.finish();
      const limited = applyMaxWarnings(0, result.report.summary.warnings, flags, lang);
      if (limited.message) process.stderr.write(limited.message);
      process.exitCode = limited.code;
    });
}
