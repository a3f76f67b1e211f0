/** `spif init [dir]`: write a commented starter config. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { starterConfig } from '../../config/index.js';
import { UserError } from '../../diagnostics.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('write a commented starter spif.config.yaml')
    .argument('[dir]', 'directory to write it in', '.')
    .option('--force', 'overwrite an existing config')
    .action((dir: string, flags: { force?: boolean }) => {
      const file = path.resolve(dir, 'spif.config.yaml');
      if (fs.existsSync(file) && !flags.force)
        throw new UserError(`${path.relative(process.cwd(), file) || file} already exists (use --force to overwrite)`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, starterConfig());
      process.stdout.write(`wrote ${path.relative(process.cwd(), file) || file}\n`);
    });
}
