/**
 * node-sql-parser, the library that reads MySQL/MariaDB DDL (CREATE TABLE with its table
 * options, CREATE VIEW with ALGORITHM/DEFINER/SQL SECURITY, ALTER TABLE, DROP, RENAME, CREATE
 * DATABASE, USE). See docs/parsers.md for what it reads and where it fails.
 *
 * We load the per-dialect builds (a few ms each) rather than the all-dialect bundle.
 */
import { isStackExhaustion, NESTED_TOO_DEEP } from '../guard.js';
import { createRequire } from 'node:module';
import { type Token, tokens } from './lexer.js';
import type { Dialect, MysqlDialect } from '../../dialect.js';
import { capture, nth } from '../../indexed.js';

type ParserModule = typeof import('node-sql-parser');
type NodeSqlParser = InstanceType<ParserModule['Parser']>;

const require = createRequire(import.meta.url);
const parsers = new Map<string, NodeSqlParser>();

function parserFor(database: MysqlDialect): NodeSqlParser {
  let p = parsers.get(database);
  if (!p) {
    const mod = require(`node-sql-parser/build/${database}.js`) as ParserModule;
    p = new mod.Parser();
    parsers.set(database, p);
  }
  return p;
}

export type ParseOutcome =
  | { ok: true; ast: any } // eslint-disable-line @typescript-eslint/no-explicit-any -- node-sql-parser's AST types are loose
  | { ok: false; message: string; offset?: number };

/**
 * Parses one statement. The dialect's own grammar first; MariaDB statements the mariadb grammar
 * rejects are retried with the mysql grammar (measured: it rejects `ALTER TABLE … ADD
 * CONSTRAINT/PRIMARY KEY/UNIQUE`, which its server accepts), and the reverse.
 */
export function parseStatement(sql: string, dialect: Dialect): ParseOutcome {
  let text = sql;
  for (let attempt = 0; ; attempt++) {
    const outcome = parseOnce(text, dialect);
    if (outcome.ok || outcome.offset === undefined || attempt >= 8) return outcome;
    // Column attributes node-sql-parser 5.4 lacks and that say nothing about data: blank them
    // (same length, so offsets hold) and try again. mysqldump 8 writes `/*!80023 INVISIBLE */`.
    const at = text.slice(outcome.offset);
    const before = text.slice(0, outcome.offset);
    // `password VARCHAR(40) BINARY`: the binary collation of the column (sakila); and the
    // index name MySQL accepts and ignores in `PRIMARY KEY \`name\` (…)` (Shopware's dump).
    const m =
      UNSUPPORTED_ATTRIBUTE.exec(at) ??
      (/\)\s*$/.test(before) ? /^BINARY\b(?!\s*\()/i.exec(at) : null) ??
      (/\bPRIMARY\s+KEY\s+$/i.test(before) ? /^(?:`(?:[^`]|``)*`|[A-Za-z_$][\w$]*)(?=\s*\()/.exec(at) : null);
    if (!m) {
      // A charset introducer (`_utf8' '`, sakila's views) only names the literal's character
      // set; the parser reports the error where the expression starts, so blank them all.
      const plain = substringCommas(blankIntroducers(text));
      if (plain === text) return outcome;
      text = plain;
      continue;
    }
    text = before + ' '.repeat(m[0].length) + text.slice(outcome.offset + m[0].length);
  }
}

function blankIntroducers(text: string): string {
  let out = text;
  let previous: Token | undefined;
  for (const t of tokens(text)) {
    if (
      t.kind === 'string' &&
      previous?.kind === 'word' &&
      previous.end === t.start &&
      /^_[A-Za-z0-9]+$/.test(previous.value)
    ) {
      out = out.slice(0, previous.start) + ' '.repeat(previous.end - previous.start) + out.slice(previous.end);
    }
    previous = t;
  }
  return out;
}

/**
 * `SUBSTRING(str FROM pos FOR len)` is "standard SQL syntax" for `SUBSTRING(str, pos, len)`
 * (MySQL 8.0 Reference Manual 14.8, String Functions; also SUBSTR and MID), which neither parser
 * reads: FROM and FOR directly inside such a call become commas (same length, offsets hold).
 */
function substringCommas(text: string): string {
  let out = text;
  const open: boolean[] = [];
  let previous: Token | undefined;
  for (const t of tokens(text)) {
    if (t.kind === 'punct' && t.value === '(') {
      open.push(previous?.kind === 'word' && ['SUBSTRING', 'SUBSTR', 'MID'].includes(previous.upper));
    } else if (t.kind === 'punct' && t.value === ')') open.pop();
    else if (t.kind === 'word' && (t.upper === 'FROM' || t.upper === 'FOR') && open[open.length - 1])
      out = out.slice(0, t.start) + ','.padEnd(t.end - t.start) + out.slice(t.end);
    previous = t;
  }
  return out;
}

const UNSUPPORTED_ATTRIBUTE = /^(?:INVISIBLE|VISIBLE|SRID\s+\d+|WITH(?:OUT)?\s+SYSTEM\s+VERSIONING)\b/i;

/**
 * node-sql-parser counts offsets from the first non-blank character: a view query whose header was
 * blanked out (view.ts) starts with blanks. Its offsets are moved back to the text's own.
 */
function shiftLocations(node: unknown, by: number): void {
  if (!by || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => shiftLocations(n, by));
  const loc = (node as { loc?: { start?: { offset?: number }; end?: { offset?: number } } }).loc;
  if (loc?.start && typeof loc.start.offset === 'number') loc.start.offset += by;
  if (loc?.end && typeof loc.end.offset === 'number') loc.end.offset += by;
  for (const [k, v] of Object.entries(node)) if (k !== 'loc') shiftLocations(v, by);
}

function parseOnce(sql: string, dialect: Dialect): ParseOutcome {
  const order: MysqlDialect[] = dialect === 'mariadb' ? ['mariadb', 'mysql'] : ['mysql', 'mariadb'];
  let first: ParseOutcome | undefined;
  for (const database of order) {
    try {
      const ast = parserFor(database).astify(sql, { database, parseOptions: { includeLocations: true } });
      const one = Array.isArray(ast) ? (ast.length === 1 ? ast[0] : ast) : ast;
      shiftLocations(one, sql.length - sql.trimStart().length);
      return { ok: true, ast: one };
    } catch (e) {
      // The other grammar would recurse just as deep: one overflow is enough.
      if (isStackExhaustion(e)) return { ok: false, message: NESTED_TOO_DEEP };
      const err = e as { message?: string; location?: { start?: { offset?: number } } };
      first ??= { ok: false, message: shortMessage(String(err.message ?? e)), offset: err.location?.start?.offset };
    }
  }
  return first!;
}

/** Peggy lists every expected token; keep the part a user can act on. */
function shortMessage(message: string): string {
  const m = /but (.+) found\.?$/s.exec(message);
  return m ? `unexpected ${capture(m, 1)}` : nth(message.split('\n'), 0).slice(0, 200);
}
