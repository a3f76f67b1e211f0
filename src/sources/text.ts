/**
 * Reading source files as text: encoding detection (UTF-8 with or without BOM, Shift_JIS/CP932,
 * EUC-JP) and mapping offsets to line:column.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { nth } from '../indexed.js';

export type TextEncoding = 'utf-8' | 'cp932' | 'euc-jp' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Set when bytes could not be decoded cleanly in any supported encoding. */
  lossy: boolean;
  /** Set when some lines are UTF-8 and others a legacy encoding; each line was decoded on its own. */
  mixed?: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Valid UTF-8 wins (legacy Japanese encodings are rarely valid UTF-8 by accident). Otherwise ask
 * chardet which Japanese encoding the bytes look like; Shift_JIS is decoded as CP932, its
 * superset used by Windows tools (NEC/IBM extensions such as ①, ㈱).
 */
export function decodeSource(bytes: Uint8Array): DecodedText {
  const utf16 = decodeUtf16(bytes);
  if (utf16) return utf16;
  let body = bytes;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return { text: strictUtf8.decode(body), encoding: 'utf-8', lossy: false };
  } catch {
    // not UTF-8: fall through to the legacy encodings
  }
  const mixed = decodeMixedLines(body);
  if (mixed) return mixed;
  for (const encoding of legacyOrder(body)) {
    const text = iconv.decode(Buffer.from(body), encoding);
    if (!text.includes('\uFFFD')) return { text, encoding, lossy: false };
  }
  // Nothing decodes cleanly: keep going with replacement characters, and say so.
  return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', lossy: true };
}

/**
 * UTF-16, as SSMS writes scripts by default ("Unicode"): with a byte-order mark, or without one
 * when the bytes look like it (ASCII-range text puts a zero in every other byte, which no UTF-8 or
 * Shift_JIS SQL file has).
 */
function decodeUtf16(bytes: Uint8Array): DecodedText | undefined {
  let encoding: 'utf-16le' | 'utf-16be' | undefined;
  let body = bytes;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, body] = ['utf-16le', bytes.subarray(2)];
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    [encoding, body] = ['utf-16be', bytes.subarray(2)];
  else if (bytes.length >= 8 && bytes.length % 2 === 0) {
    let oddZeros = 0;
    let evenZeros = 0;
    const n = Math.min(bytes.length, 4096);
    for (let i = 0; i < n; i++) {
      if (bytes[i] !== 0) continue;
      if (i % 2) oddZeros++;
      else evenZeros++;
    }
    if (oddZeros > n / 4 && evenZeros === 0) encoding = 'utf-16le';
    else if (evenZeros > n / 4 && oddZeros === 0) encoding = 'utf-16be';
  }
  if (!encoding) return undefined;
  const text = new TextDecoder(encoding).decode(body);
  return { text, encoding, lossy: text.includes('\uFFFD') };
}

function legacyOrder(bytes: Uint8Array): TextEncoding[] {
  const candidates = analyse(bytes).map((m) => m.name);
  return rank(candidates, 'EUC-JP') < rank(candidates, 'Shift_JIS') ? ['euc-jp', 'cp932'] : ['cp932', 'euc-jp'];
}

/**
 * A file edited over the years with different tools may hold UTF-8 lines next to Shift_JIS ones.
 * Decoded whole as Shift_JIS, the UTF-8 lines would turn into plausible but wrong kanji without a
 * replacement character; so when some non-ASCII lines are valid UTF-8 and others are not, each line
 * is decoded on its own (the others in the legacy encoding they look like), and the file is marked.
 */
function decodeMixedLines(body: Uint8Array): DecodedText | undefined {
  const lines: Uint8Array[] = [];
  for (let start = 0; start <= body.length;) {
    const nl = body.indexOf(10, start);
    const end = nl < 0 ? body.length : nl;
    lines.push(body.subarray(start, end));
    start = end + 1;
  }
  const isUtf8 = lines.map((line) => {
    try {
      strictUtf8.decode(line);
      return true;
    } catch {
      return false;
    }
  });
  const utf8NonAscii = lines.some((line, i) => isUtf8[i] && line.some((b) => b >= 0x80));
  const legacy = lines.filter((_, i) => !isUtf8[i]);
  if (!utf8NonAscii || legacy.length === 0) return undefined;
  const joined = Buffer.concat(legacy.map((l) => Buffer.from(l.buffer, l.byteOffset, l.byteLength)));
  const encoding =
    legacyOrder(joined).find((e) => !iconv.decode(joined, e).includes('\uFFFD')) ?? nth(legacyOrder(joined), 0);
  const text = lines
    .map((line, i) => (isUtf8[i] ? strictUtf8.decode(line) : iconv.decode(Buffer.from(line), encoding)))
    .join('\n');
  return { text, encoding, lossy: text.includes('\uFFFD'), mixed: true };
}

function rank(names: string[], name: string): number {
  const i = names.indexOf(name);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** Maps character offsets (and UTF-8 byte offsets, as libpg-query reports them) to line:column. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  private byteStarts?: number[];
  private readonly ascii: boolean;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(text);
  }

  /** 1-based line and column of a character offset. */
  at(offset: number): { line: number; column: number } {
    const line = this.lineOf(this.lineStarts, offset);
    return { line: line + 1, column: offset - nth(this.lineStarts, line) + 1 };
  }

  /** Character offset of a UTF-8 byte offset. */
  charOffsetOfByte(byteOffset: number): number {
    if (this.ascii) return byteOffset;
    if (!this.byteStarts) {
      this.byteStarts = [];
      let bytes = 0;
      let prev = 0;
      for (const start of this.lineStarts) {
        bytes += Buffer.byteLength(this.text.slice(prev, start), 'utf8');
        this.byteStarts.push(bytes);
        prev = start;
      }
    }
    const line = this.lineOf(this.byteStarts, byteOffset);
    const lineText = this.text.slice(this.lineStarts[line], this.lineStarts[line + 1] ?? this.text.length);
    const within = Buffer.from(lineText, 'utf8')
      .subarray(0, byteOffset - nth(this.byteStarts, line))
      .toString('utf8');
    return nth(this.lineStarts, line) + within.length;
  }

  atByte(byteOffset: number): { line: number; column: number } {
    return this.at(this.charOffsetOfByte(byteOffset));
  }

  private lineOf(starts: number[], offset: number): number {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (nth(starts, mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
