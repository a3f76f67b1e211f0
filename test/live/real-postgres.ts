/**
 * A real PostgreSQL server for the tests that PGlite cannot stand in for (password checks,
 * statement timeouts, PostgreSQL 15 catalogs): started from the machine's own installation when
 * there is one (Debian's postgresql package: /usr/lib/postgresql/<v>/bin), on 127.0.0.1 and a
 * free port, with a fresh data directory and password authentication. Tests that need it are
 * skipped, and say so, where there is none. As root it runs as the `postgres` system user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { nth } from '../../src/indexed.js';

export interface RealPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (no password: it is in `password`). */
  url(database?: string): string;
  password: string;
  port: number;
  version: number;
  stop(): void;
}

function findBinDir(): string | undefined {
  const fromPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  const candidates = [
    ...(fromPath ? [path.dirname(fs.realpathSync(fromPath))] : []),
    ...(fs.existsSync('/usr/lib/postgresql')
      ? fs
          .readdirSync('/usr/lib/postgresql')
          .sort()
          .reverse()
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ];
  return candidates.find((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')));
}

const isRoot = process.getuid?.() === 0;

function asServerUser(bin: string, args: string[]): string[] {
  return isRoot ? ['runuser', '-u', 'postgres', '--', bin, ...args] : [bin, ...args];
}

/** Why a real server cannot be started here, or undefined when it can. */
export function realPostgresUnavailable(): string | undefined {
  if (process.env.SPIF_TEST_NO_REAL_POSTGRES) return 'SPIF_TEST_NO_REAL_POSTGRES is set';
  if (process.platform === 'win32') return 'not on Windows';
  if (!findBinDir()) return 'no PostgreSQL installation (initdb, pg_ctl) found';
  if (isRoot) {
    if (spawnSync('id', ['postgres']).status !== 0) return 'running as root and there is no postgres user';
    if (spawnSync('sh', ['-c', 'command -v runuser']).status !== 0) return 'running as root without runuser';
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** `settings`: extra server settings (`wal_level=logical` …), passed as `-c name=value`. */
export async function startRealPostgres(settings: string[] = []): Promise<RealPostgres> {
  const bin = findBinDir()!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-pg-'));
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(path.join(dir, 'pw'), `${password}\n`);
  if (isRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const run = (argv: string[]) => {
    const [cmd = '', ...args] = argv;
    execFileSync(cmd, args, { stdio: 'pipe' });
  };
  const data = path.join(dir, 'data');
  run(
    asServerUser(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'scram-sha-256',
      `--pwfile=${path.join(dir, 'pw')}`,
      '--no-sync',
    ]),
  );
  const port = await freePort();
  run(
    asServerUser(path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      'start',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${settings.map((x) => ` -c ${x}`).join('')}`,
    ]),
  );
  const version = Number(/(\d+)/.exec(path.basename(path.dirname(bin)))?.[1] ?? 0) * 10000;
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    password,
    version,
    stop() {
      spawnSync(
        nth(asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']), 0),
        asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']).slice(1),
        { stdio: 'pipe' },
      );
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
