/** Loading the working tree's config the way `spif scan` does (`--config`, first path, cwd). */
import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig, findConfigFile, loadConfigFile, type LoadedConfig } from '../config/index.js';
import { UserError } from '../diagnostics.js';

export function loadCurrentConfig(paths: string[], cwd: string, explicit?: string): LoadedConfig {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new UserError(`--config ${explicit}: no such file`);
    return loadConfigFile(file);
  }
  const found = findConfigFile(paths.length ? paths : ['.'], cwd);
  return found ? loadConfigFile(found) : { config: defaultConfig(), baseDir: cwd };
}
