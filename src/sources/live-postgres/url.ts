/**
 * Connection URLs of live PostgreSQL servers: recognising them among scan paths, and showing them
 * without their secrets. Every message spif prints about a live server goes through `redactUrl`.
 */

const LIVE_URL = /^postgres(?:ql)?:\/\//i;

/** Whether a scan path names a live server (`postgres://…` or `postgresql://…`) rather than a file. */
export function isLiveUrl(path: string): boolean {
  return LIVE_URL.test(path.trim());
}

/** Query parameters that carry secrets (libpq names). */
const SECRET_PARAMS = new Set(['password', 'sslpassword', 'sslkey', 'passfile']);

/**
 * The URL with any password removed: `postgres://app:s3cret@db:5432/kyufu?password=x` →
 * `postgres://app@db:5432/kyufu`. Works on malformed URLs too (best effort, never leaks).
 */
export function redactUrl(url: string): string {
  const trimmed = url.trim();
  try {
    const u = new URL(trimmed);
    u.password = '';
    for (const key of [...u.searchParams.keys()]) {
      if (SECRET_PARAMS.has(key.toLowerCase())) u.searchParams.delete(key);
    }
    return u.toString();
  } catch {
    // Not parseable as a URL: drop everything between "://user:" and "@".
    return trimmed
      .replace(/^(postgres(?:ql)?:\/\/[^:/@?#]*):[^@/?#]*@/i, '$1@')
      .replace(/([?&](?:password|sslpassword)=)[^&#]*/gi, '$1***');
  }
}

/** Removes every occurrence of the secrets found in `url` from a message (server errors may echo them). */
export function scrubSecrets(message: string, url: string): string {
  let out = message.split(url).join(redactUrl(url));
  for (const secret of secretsOf(url)) {
    if (secret.length >= 3) out = out.split(secret).join('***');
  }
  return out;
}

function secretsOf(url: string): string[] {
  const out: string[] = [];
  try {
    const u = new URL(url.trim());
    if (u.password) out.push(u.password, decodeURIComponent(u.password));
    for (const [k, v] of u.searchParams) if (SECRET_PARAMS.has(k.toLowerCase()) && v) out.push(v);
  } catch {
    const m = /^postgres(?:ql)?:\/\/[^:/@?#]*:([^@/?#]*)@/i.exec(url.trim());
    if (m?.[1]) out.push(m[1]);
  }
  if (process.env.PGPASSWORD) out.push(process.env.PGPASSWORD);
  return out;
}

/** `host:port/db` for messages, from the redacted URL. */
export function describeServer(url: string): { host: string; port: string; database: string; user?: string } {
  try {
    const u = new URL(url.trim());
    return {
      host: decodeURIComponent(u.hostname) || process.env.PGHOST || 'localhost',
      port: u.port || process.env.PGPORT || '5432',
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || process.env.PGDATABASE || '',
      user: decodeURIComponent(u.username) || process.env.PGUSER || undefined,
    };
  } catch {
    return { host: '?', port: '?', database: '?' };
  }
}
