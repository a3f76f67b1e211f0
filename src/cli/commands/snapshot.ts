/** `spif snapshot <url>`: archive what a live PostgreSQL's catalogs say, as a script spif can scan offline. */
import { cli, cliLanguage } from '../i18n.js';
import type { Command } from 'commander';
import { UserError } from '../../diagnostics.js';
import { diagnosticMessage } from '../../report/messages.js';
import { snapshotLive } from '../../snapshot/live.js';
import { isLiveUrl, redactUrl } from '../../sources/live-postgres/index.js';
import { prepareOutput, writeOutput } from '../output.js';

interface SnapshotFlags {
  out?: string;
  database?: string;
  statementTimeout?: string;
  role?: string;
}

export function registerSnapshot(program: Command): void {
  program
    .command('snapshot')
    .description(cli('cli.snapshot'))
    .argument('<url>', cli('cli.snapshot.url'))
    .option('-o, --out <file>', cli('cli.snapshot.out'))
    .option('--database <name>', cli('cli.snapshot.database'), 'default')
    .option('--statement-timeout <ms>', cli('cli.snapshot.timeout'), '30000')
    .option('--role <role>', cli('cli.snapshot.role'))
    .action(async (url: string, flags: SnapshotFlags) => {
      prepareOutput(flags.out);
      if (!isLiveUrl(url)) throw new UserError(cli('cli.err.snapshotUrl', redactUrl(url)));
      const timeout = Number(flags.statementTimeout);
      if (!Number.isInteger(timeout) || timeout <= 0)
        throw new UserError(cli('cli.err.statementTimeout', String(flags.statementTimeout)));
      const { sql, diagnostics } = await snapshotLive(url, {
        database: flags.database,
        statementTimeoutMs: timeout,
        role: flags.role,
      });
      for (const d of diagnostics)
        process.stderr.write(`spif: ${d.severity}: ${diagnosticMessage(cliLanguage(), d)} [${d.code}]\n`);
      writeOutput(sql, flags.out);
    });
}
