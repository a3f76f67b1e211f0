/** The `spif` command: commander wiring only. Each command lives in ./commands. */
import { Command, CommanderError } from 'commander';
import { UserError } from '../diagnostics.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';
import { EXIT } from './exit-codes.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('spif')
    .description('Finds 特定個人情報ファイル (My Number PIA) in schema sources, with the evidence')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      process.stderr.write(`spif: ${e.message}\n`);
      for (const d of e.details) process.stderr.write(`  ${d}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}
