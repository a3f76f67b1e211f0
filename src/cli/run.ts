/** The `spif` command: commander wiring only. Each command lives in ./commands. */
import { Command, CommanderError } from 'commander';
import { UserError } from '../diagnostics.js';
import type { MessageKey } from '../report/messages.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './commands/index.js';
import { cli, cliLang, cliLanguage, localBuiltins, localCommanderError, localHelp, setCliLang } from './i18n.js';
import { EXIT } from './exit-codes.js';

export async function main(argv: string[]): Promise<number> {
  // --help is printed while parsing, so its language is decided from argv first.
  setCliLang(cliLang(argv.slice(2)));
  const program = localBuiltins(new Command().name('spif').description(cli('cli.program')), VERSION)
    .exitOverride()
    .configureHelp(localHelp())
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(localCommanderError(s)),
    });
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      process.stderr.write(`spif: ${userErrorText(e)}\n`);
      for (const d of e.detailsIn?.(cliLanguage()) ?? e.details) process.stderr.write(`  ${d}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

/** A user error in the run's language: its catalogue entry when it has one, else its message. */
function userErrorText(e: UserError): string {
  // English is the message itself; the entry's arguments may hold Japanese words.
  return e.text && cliLanguage() !== 'en' ? cli(e.text.key as MessageKey, ...e.text.args) : e.message;
}
