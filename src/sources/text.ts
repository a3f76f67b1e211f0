/**
 * Reading source files as text: encoding detection (UTF-8 with or without BOM, Shift_JIS/CP932,
 * EUC-JP) and mapping offsets to line:column.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'cp932' | 'euc-jp';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Set when bytes could not be decoded cleanly in any supported encoding. */
  lossy: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Valid UTF-8 wins (legacy Japanese encodings are rarely valid UTF-8 by accident). Otherwise ask
 * chardet which Japanese encoding the bytes look like; Shift_JIS is decoded as CP932, its
 * superset used by Windows tools (NEC/IBM extensions such as ①, ㈱).
 */
export function decodeSource(bytes: Uint8Array): DecodedText {
  let body = bytes;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return { text: strictUtf8.decode(body), encoding: 'utf-8', lossy: false };
  } catch {
    // not UTF-8: fall through to the legacy encodings
  }
  const candidates = analyse(body).map((m) => m.name);
  const sjisRank = rank(candidates, 'Shift_JIS');
  const eucRank = rank(candidates, 'EUC-JP');
  const order: TextEncoding[] = eucRank < sjisRank ? ['euc-jp', 'cp932'] : ['cp932', 'euc-jp'];
  for (const encoding of order) {
    const text = iconv.decode(Buffer.from(body), encoding);
    if (!text.includes('\uFFFD')) return { text, encoding, lossy: false };
  }
  // Nothing decodes cleanly: keep going with replacement characters, and say so.
  return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', lossy: true };
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
    return { line: line + 1, column: offset - this.lineStarts[line] + 1 };
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
    const within = Buffer.from(lineText, 'utf8').subarray(0, byteOffset - this.byteStarts[line]).toString('utf8');
    return this.lineStarts[line] + within.length;
  }

  atByte(byteOffset: number): { line: number; column: number } {
    return this.at(this.charOffsetOfByte(byteOffset));
  }

  private lineOf(starts: number[], offset: number): number {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
