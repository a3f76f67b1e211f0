/**
 * What a reader made of each file, kept in memory from one scan for the next scan of the same run:
 * `spif diff` reads the base ref and then the working tree, and most files are the same on both
 * sides, so the head takes the base's result instead of parsing the file again. Keyed like the
 * parse cache (parse-cache.ts `readKey`: text, shown path, reader, dialect, version), so a result
 * is only ever reused for identical input.
 *
 * Results are shared, not copied: the stages after reading treat ops and diagnostics as read-only
 * (test/cache/read-memo.test.ts freezes every result the base scan makes and runs the head scan
 * and the diff on them).
 */
import type { ReadResult } from '../catalog/read-result.js';

export class ReadMemo {
  private readonly results = new Map<string, ReadResult>();
  private filling = true;

  /** Kept while the first scan fills the memo; ignored once it is sealed. */
  put(key: string, result: ReadResult): void {
    if (this.filling) this.results.set(key, result);
  }

  /** Stops filling: from now on results are only taken (the second scan adds nothing). */
  seal(): void {
    this.filling = false;
  }

  /** The result for this key, handed over once (the memo lets go of it). */
  take(key: string): ReadResult | undefined {
    if (this.filling) return undefined;
    const result = this.results.get(key);
    if (result) this.results.delete(key);
    return result;
  }

  get size(): number {
    return this.results.size;
  }
}
