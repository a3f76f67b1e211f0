/**
 * Where the password comes from, in libpq's order: the URL, then `PGPASSWORD`, then the password
 * file (`PGPASSFILE`, else `~/.pgpass`). It is handed to the client only when the server asks for
 * one, and never printed.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { nth } from '../../indexed.js';

export interface PasswordLookup {
  host: string;
  port: string;
  database: string;
  user: string;
}

export function passwordFromEnvironment(
  target: PasswordLookup,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (env.PGPASSWORD) return env.PGPASSWORD;
  const file = env.PGPASSFILE || (env.HOME || homedir() ? join(env.HOME || homedir(), '.pgpass') : undefined);
  if (!file) return undefined;
  let text: string;
  try {
    const st = statSync(file);
    // libpq ignores a password file that others can read; so do we.
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return lookupPgpass(text, target);
}

/** First matching line of a `.pgpass` file: `host:port:database:user:password`, `*` matches anything. */
export function lookupPgpass(text: string, target: PasswordLookup): string | undefined {
  for (const raw of text.split(/\r?\n/)) {
    if (!raw || raw.startsWith('#')) continue;
    const fields = splitPgpassLine(raw);
    if (fields.length < 5) continue;
    const [host, port, database, user, password] = fields;
    const wanted = [target.host, target.port, target.database, target.user];
    const matches = [host, port, database, user].every(
      (f, i) =>
        f === '*' ||
        f === wanted[i] ||
        // libpq: "localhost" also matches a Unix-socket connection to the default directory.
        (i === 0 && f === 'localhost' && nth(wanted, 0).startsWith('/')),
    );
    if (matches) return password;
  }
  return undefined;
}

function splitPgpassLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
    } else if (ch === ':' && out.length < 4) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}
