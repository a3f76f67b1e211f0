/** Loading the working tree's config the way `spif scan` does (config/find.ts: `--config`, `--no-config`, else upward from the paths). */
import { loadConfigFor, type ConfigChoice, type LoadedConfig } from '../config/index.js';

export function loadCurrentConfig(paths: string[], cwd: string, choice?: ConfigChoice): LoadedConfig {
  return loadConfigFor(paths.length ? paths : ['.'], cwd, choice);
}
