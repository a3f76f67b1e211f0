/**
 * The one scan of `spif scan`, `check` and `explain`: the shared flags turned into scan options,
 * with progress on stderr unless `--quiet`. check and explain load the config first (they name
 * its file in their output); scan lets the pipeline find it.
 */
import type { LoadedConfig } from '../config/index.js';
import { type ScanOptions, type ScanResult, scan } from '../pipeline.js';
import type { Lang } from '../report/messages.js';
import { type CommonFlags, scanTuning } from './options.js';
import { type Progress, createProgress } from './progress.js';

export async function scanWithProgress(
  paths: string[],
  flags: CommonFlags,
  cwd: string,
  options: ScanProgressOptions,
): Promise<ScanResult> {
  const { result, progress } = await scanKeepingProgress(paths, flags, cwd, options);
  progress?.finish();
  return result;
}

type ScanProgressOptions = { lang: Lang; config?: LoadedConfig; evidenceFor?: ScanOptions['evidenceFor'] };

/**
 * The same scan, with the progress line left up for the command's own long step (writing a
 * large report): the caller updates it and finishes it.
 */
export async function scanKeepingProgress(
  paths: string[],
  flags: CommonFlags,
  cwd: string,
  options: ScanProgressOptions,
): Promise<{ result: ScanResult; progress?: Progress }> {
  const progress = flags.quiet ? undefined : createProgress(process.stderr, { lang: options.lang });
  const result = await scan({
    paths,
    cwd,
    ...(options.config ? { config: options.config } : { configFile: flags.config }),
    dialect: flags.dialect,
    ...scanTuning(flags),
    onProgress: progress?.update,
    ...(options.evidenceFor ? { evidenceFor: options.evidenceFor } : {}),
  });
  return { result, ...(progress ? { progress } : {}) };
}
