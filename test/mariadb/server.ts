/**
 * A private MariaDB server for differential tests: Debian's mariadb-server binaries, a fresh data
 * directory under the system temp folder, a Unix socket and no TCP port (`skip-networking`), so it
 * never collides with another server or test. `MariaDb.start()` answers undefined (with the
 * reason) where the binaries are missing or the server does not come up: callers skip then.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { capture, nth } from '../../src/indexed.js';

const run = promisify(execFile);

const SBIN = ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin'];

function binary(...names: string[]): string | undefined {
  for (const dir of SBIN) for (const n of names) if (existsSync(path.join(dir, n))) return path.join(dir, n);
  return undefined;
}

export interface Probe {
  /** Marker printed with the outcome. */
  id: string;
  /** The statement that reads (`SELECT COUNT(c) INTO @x FROM db.v`, `CALL db.p(1)`, `DO db.f(1)`). */
  sql: string;
}

export class MariaDb {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly socket: string,
    private readonly client: string,
    readonly version: string,
  ) {}

  /** Starts a server, or answers why it cannot. */
  static async start(): Promise<MariaDb | { skipped: string }> {
    const installDb = binary('mariadb-install-db', 'mysql_install_db');
    const server = binary('mariadbd', 'mysqld');
    const client = binary('mariadb', 'mysql');
    if (!installDb || !server || !client)
      return { skipped: 'MariaDB is not installed (apt-get install -y mariadb-server): differential test skipped' };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spif-mariadb-'));
    const datadir = path.join(dir, 'data');
    const socket = path.join(dir, 'sock');
    // Root may run the server only when it says so; anyone else runs it as themselves.
    const user = process.getuid?.() === 0 ? ['--user=root'] : [];
    try {
      await run(
        installDb,
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          ...user,
          '--auth-root-authentication-method=normal',
          '--skip-test-db',
        ],
        { timeout: 60_000 },
      );
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      return { skipped: `mariadb-install-db failed: ${firstLine(e)}` };
    }
    const child = spawn(
      server,
      [
        '--no-defaults',
        `--datadir=${datadir}`,
        `--socket=${socket}`,
        '--skip-networking',
        `--pid-file=${path.join(dir, 'pid')}`,
        `--log-error=${path.join(dir, 'error.log')}`,
        ...user,
      ],
      { stdio: 'ignore' },
    );
    const db = new MariaDb(child, dir, socket, client, '');
    for (let i = 0; i < 100; i++) {
      if (child.exitCode !== null) break;
      try {
        const { stdout } = await run(client, [
          '--no-defaults',
          '-S',
          socket,
          '-uroot',
          '-N',
          '-B',
          '-e',
          'SELECT VERSION()',
        ]);
        return new MariaDb(child, dir, socket, client, stdout.trim());
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await db.close();
    return { skipped: 'mariadbd did not start within 20 s: differential test skipped' };
  }

  /** Runs a script as root; throws with MariaDB's message when a statement fails. */
  async exec(sql: string): Promise<string> {
    return this.clientRun(['-uroot'], sql);
  }

  /**
   * Runs a script as root going on past errors (`--force`), and answers the lines where MariaDB
   * refused a statement with its message (the client reports "ERROR … at line N").
   */
  async execForce(sql: string): Promise<Map<number, string>> {
    const failed = new Map<number, string>();
    const stderr = await new Promise<string>((resolve) => {
      const p = spawn(this.client, ['--no-defaults', '-S', this.socket, '-N', '-B', '--force', '-uroot'], {
        stdio: ['pipe', 'ignore', 'pipe'],
      });
      let err = '';
      p.stderr.on('data', (d) => (err += d));
      p.on('close', () => resolve(err));
      p.stdin.end(sql);
    });
    for (const m of stderr.matchAll(/^ERROR \d+ \([^)]*\) at line (\d+): (.*)$/gm))
      failed.set(Number(m[1]), capture(m, 2));
    return failed;
  }

  /**
   * Runs each probe as `account` (after `SET ROLE role` when given) and answers, per probe, 0 when
   * it read or MariaDB's error number when it was refused.
   * Each runs in its own block whose handler catches any error, so one refusal never stops the rest.
   */
  async probe(user: string, probes: Probe[], role?: string): Promise<Map<string, number>> {
    const lines = ['DELIMITER //'];
    if (role) lines.push(`SET ROLE \`${role}\`//`);
    for (const p of probes) {
      lines.push(
        `BEGIN NOT ATOMIC DECLARE e INT DEFAULT 0; BEGIN DECLARE EXIT HANDLER FOR SQLEXCEPTION GET DIAGNOSTICS CONDITION 1 e = MYSQL_ERRNO; ${p.sql}; END; SELECT '${p.id}', e; END//`,
      );
    }
    const out = await this.clientRun([`-u${user}`], lines.join('\n') + '\n');
    const result = new Map<string, number>();
    for (const line of out.split('\n')) {
      const m = /^(probe-\d+)\t(\d+)$/.exec(line);
      if (m) result.set(capture(m, 1), Number(m[2]));
    }
    return result;
  }

  private async clientRun(args: string[], input: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const p = spawn(this.client, ['--no-defaults', '-S', this.socket, '-N', '-B', ...args], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (err += d));
      p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(err.trim() || `exit ${code}`))));
      p.stdin.end(input);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function firstLine(e: unknown): string {
  const err = e as { stderr?: string; message?: string };
  return nth(String(err.stderr || err.message || e).split('\n'), 0);
}

/**
 * One MariaDB for a test file: started before its tests and stopped after them. Without a server
 * (`MariaDb.start` could not start one) `server` stays unset and `skipped` says why, once.
 */
export function mariaDbForFile(label: string): { readonly server: MariaDb | undefined; readonly skipped: string } {
  const state: { server: MariaDb | undefined; skipped: string } = { server: undefined, skipped: '' };
  beforeAll(async () => {
    const started = await MariaDb.start();
    if (started instanceof MariaDb) state.server = started;
    else {
      state.skipped = started.skipped;
      console.warn(`${label}: ${state.skipped}`);
    }
  }, 90_000);
  afterAll(async () => {
    await state.server?.close();
  });
  return state;
}
