/**
 * Turning what goes wrong with a live server into one clear sentence: what spif tried, what the
 * server (or the network) said, and what to do. Messages never carry the password.
 */
import { type DiagnosticText, type TextArg, UserError, part } from '../../diagnostics.js';
import { type DiagnosticKey, renderText } from '../../diagnostic-text/index.js';
import { describeServer, redactUrl, scrubSecrets } from './url.js';

interface PgLikeError {
  code?: string;
  message?: string;
  errno?: number;
  syscall?: string;
  hostname?: string;
}

/** SQLSTATE classes and network error codes spif explains. */
export function liveReadError(error: unknown, url: string, stage: 'connect' | 'read', what?: string): UserError {
  const e = (error ?? {}) as PgLikeError;
  const server = describeServer(url);
  const where = `${server.host}:${server.port}`;
  const shown = redactUrl(url);
  const said = scrubSecrets(String(e.message ?? error), url);
  /** The error as a catalogue entry (the English is its message), its details too, all scrubbed. */
  const fail = (key: DiagnosticKey, args: TextArg[], ...details: DiagnosticText[]) => {
    const render = (lang: 'ja' | 'en', text: DiagnosticText) => scrubSecrets(renderText(lang, text) ?? '', url);
    const main = { key, args };
    const error = new UserError(
      render('en', main),
      details.map((d) => render('en', d)),
    );
    error.text = { key, args: args.map((a) => (typeof a === 'object' ? render('ja', a) : a)) };
    error.detailsIn = (lang) => details.map((d) => render(lang, d));
    return error;
  };
  const reading = part('live.err.whileReading', shown);
  const code = e.code ? ` (${e.code})` : '';

  switch (e.code) {
    case 'ECONNREFUSED':
      return fail('live.err.refused', [where], reading);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail('live.err.hostNotFound', [server.host], reading);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return fail('live.err.network', [where, e.code], reading);
    case '28P01':
      return fail('live.err.password', [where, server.user ?? '?'], part('live.err.passwordHelp'));
    case '28000':
      return fail('live.err.hba', [where, server.user ?? '?', said], part('live.err.hbaHelp'));
    case '3D000':
      return fail('live.err.noDatabase', [where, server.database]);
    case '42501':
      return fail(
        'live.err.privilege',
        [what ?? part('live.err.systemCatalogs'), said],
        part('live.err.privilegeHelp'),
      );
    case '57014':
      return fail('live.err.statementTimeout', [shown], part('live.err.statementTimeoutHelp'));
    case '55P03':
      return fail('live.err.lock', [shown, what ?? part('live.err.aCatalogObject')]);
  }
  if (/timeout/i.test(said) && stage === 'connect') return fail('live.err.timedOut', [where], reading);
  if (/password must be a string|SASL|no password/i.test(said))
    return fail('live.err.noPassword', [where], part('live.err.noPasswordHelp'));
  return stage === 'connect'
    ? fail('live.err.connect', [shown, `${said}${code}`])
    : fail('live.err.read', [what ?? part('live.err.theCatalogs'), shown, `${said}${code}`]);
}
