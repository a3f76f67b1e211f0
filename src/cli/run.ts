/** The `spif` command: commander wiring only. Each command lives in ./commands. */
import { Command, CommanderError } from 'commander';
import { UserError } from '../diagnostics.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';

/**
 * Exit codes (interface.md, docs/cli.md): 0 ok, 1 gate failed, 2 usage or unreadable input,
 * 70 an internal error of spif (EX_SOFTWARE of sysexits.h): a bug to report, never a user mistake.
 */
export const EXIT = { ok: 0, gateFailed: 1, usage: 2, internal: 70 } as const;

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
