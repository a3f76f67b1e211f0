/**
 * Preparing a PostgreSQL script for the parser without losing offsets: pg_dump's COPY data blocks
 * and psql meta-commands (`\connect`, `\restrict`) are not SQL, so they are blanked out (replaced by
 * spaces, newlines kept) and reported separately. Splitting into statements uses PostgreSQL's own
 * lexer (libpg-query `scanSync`), so quotes, comments and `$$` bodies are handled as the server does.
 */
import { scanSync } from 'libpg-query';
import { nth } from '../../indexed.js';

export interface MetaCommand {
  offset: number;
  text: string;
}

export interface PreparedScript {
  /** Same length as the input; non-SQL parts replaced by spaces. */
  text: string;
  metaCommands: MetaCommand[];
  /** Offset of a `COPY … FROM stdin;` whose data is never ended by `\.` (the rest was blanked). */
  unterminatedCopy?: number;
  /**
   * The data lines of each `COPY … FROM stdin`, by the COPY line's offset: read by the reader
   * into value counts for number detection, then dropped (values never leave the reader).
   */
  copyData: Map<number, string[]>;
}

const COPY_FROM_STDIN = /^\s*COPY\b[^;]*\bFROM\s+stdin\b[^;]*;\s*$/i;

export function prepareScript(text: string): PreparedScript {
  if (!text.includes('\\') && !/\bstdin\b/i.test(text)) return { text, metaCommands: [], copyData: new Map() };
  const lines = text.split('\n');
  const metaCommands: MetaCommand[] = [];
  let offset = 0;
  let inCopy = false;
  let inDollar = false;
  let copyAt = 0;
  const copyData = new Map<number, string[]>();
  const out: string[] = [];
  for (const line of lines) {
    let kept = line;
    if (inCopy) {
      if (line.replace(/\r$/, '') === '\\.') inCopy = false;
      else copyData.get(copyAt)!.push(line.replace(/\r$/, ''));
      kept = blank(line);
    } else if (!inDollar && /^\s*\\/.test(line)) {
      metaCommands.push({ offset, text: line.trim() });
      kept = blank(line);
    } else if (!inDollar && COPY_FROM_STDIN.test(line)) {
      inCopy = true;
      copyAt = offset;
      copyData.set(offset, []);
    }
    // `$$` bodies may contain lines starting with a backslash; track them roughly (odd count toggles).
    const dollars = line.match(/\$[A-Za-z_0-9]*\$/g);
    if (dollars && dollars.length % 2 === 1) inDollar = !inDollar;
    out.push(kept);
    offset += line.length + 1;
  }
  const prepared: PreparedScript = { text: out.join('\n'), metaCommands, copyData };
  if (inCopy) prepared.unterminatedCopy = copyAt;
  return prepared;
}

function blank(line: string): string {
  return line.replace(/[^\r]/g, ' ');
}

export interface StatementSpan {
  /** Character offsets into the script. */
  start: number;
  end: number;
}

/**
 * Statement spans by the server's lexer. Falls back to a plain split on `;` when the lexer itself
 * fails (e.g. an unterminated quote), so one broken statement still never loses the others.
 */
export function splitStatements(text: string): StatementSpan[] {
  // eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
  const ascii = !/[^\x00-\x7f]/.test(text);
  const toChar = ascii ? (b: number) => b : byteToCharMapper(text);
  let semicolons: number[];
  try {
    semicolons = scanSync(text)
      .tokens.filter((t) => t.text === ';')
      .map((t) => toChar(t.start));
  } catch {
    semicolons = naiveSemicolons(text);
  }
  const spans: StatementSpan[] = [];
  let start = 0;
  for (const semi of [...semicolons, text.length]) {
    if (text.slice(start, semi).trim() !== '') spans.push({ start, end: semi });
    start = semi + 1;
  }
  return spans;
}

function naiveSemicolons(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === ';') out.push(i);
  return out;
}

/** Maps UTF-8 byte offsets of `text` to character offsets (monotonic queries are cheap). */
export function byteToCharMapper(text: string): (byte: number) => number {
  const buf = Buffer.from(text, 'utf8');
  // charAt[byte] for every byte boundary: built once, O(n).
  const charAt = new Uint32Array(buf.length + 1);
  let ch = 0;
  for (let b = 0; b < buf.length;) {
    const lead = nth(buf, b);
    const size = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    for (let k = 0; k < size && b + k <= buf.length; k++) charAt[b + k] = ch;
    ch += size === 4 ? 2 : 1; // astral characters are two UTF-16 units
    b += size;
  }
  charAt[buf.length] = ch;
  return (byte: number) => nth(charAt, Math.max(0, Math.min(byte, buf.length)));
}
