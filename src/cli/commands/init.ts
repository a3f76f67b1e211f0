/** `spif init [dir]`: write a commented starter config. */
import { cli } from '../i18n.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { starterConfig } from '../../config/index.js';
import { UserError } from '../../diagnostics.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(cli('cli.init'))
    .argument('[dir]', cli('cli.init.dir'), '.')
    .option('--force', cli('cli.init.force'))
    .action((dir: string, flags: { force?: boolean }) => {
      const file = path.resolve(dir, 'spif.config.yaml');
      if (fs.existsSync(file) && !flags.force)
        throw new UserError(cli('cli.err.initExists', path.relative(process.cwd(), file) || file));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, starterConfig());
      process.stdout.write(`${cli('cli.init.wrote', path.relative(process.cwd(), file) || file)}\n`);
    });
}
