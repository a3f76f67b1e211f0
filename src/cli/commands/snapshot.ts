/** `spif snapshot <url>`: archive what a live PostgreSQL's catalogs say, as a script spif can scan offline. */
import type { Command } from 'commander';
import { UserError } from '../../diagnostics.js';
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
    .description('read a live PostgreSQL (read-only) and write its tables, views, roles and grants as DDL')
    .argument('<url>', 'postgres://user@host:port/database (password from PGPASSWORD or ~/.pgpass)')
    .option('-o, --out <file>', 'write the script to a file instead of stdout')
    .option('--database <name>', 'the spif database name the script stands for', 'default')
    .option('--statement-timeout <ms>', 'cancel any catalog query that runs longer', '30000')
    .option('--role <role>', 'read as this role (SET ROLE), like pg_dump --role')
    .action(async (url: string, flags: SnapshotFlags) => {
      prepareOutput(flags.out);
      if (!isLiveUrl(url))
        throw new UserError(
          `'${redactUrl(url)}' is not a PostgreSQL URL (expected postgres://user@host:port/database)`,
        );
      const timeout = Number(flags.statementTimeout);
      if (!Number.isInteger(timeout) || timeout <= 0)
        throw new UserError(
          `--statement-timeout ${flags.statementTimeout}: expected a positive number of milliseconds`,
        );
      const { sql, diagnostics } = await snapshotLive(url, {
        database: flags.database,
        statementTimeoutMs: timeout,
        role: flags.role,
      });
      for (const d of diagnostics) process.stderr.write(`spif: ${d.severity}: ${d.message} [${d.code}]\n`);
      writeOutput(sql, flags.out);
    });
}
