/**
 * Writing a rendered report to stdout or `--out FILE`, and leaving the process only once that
 * output has been delivered. Node writes to a pipe asynchronously: `process.exit()` right after
 * `stdout.write()` cuts a large report at the pipe's buffer (64 KiB), so the bin waits for
 * stdout and stderr to drain (exitWhenFlushed) instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../diagnostics.js';

/** Pieces of text are written in batches of about this many characters. */
const BATCH = 1 << 20;

/**
 * Text, bytes (xlsx), or text in pieces (the JSON report: never joined into one string, which
 * V8 caps at ~512 M characters); bytes are never written to a terminal.
 */
export function writeOutput(
  text: string | Uint8Array | Iterable<string>,
  out?: string,
  /** Called after each batch of pieces, with the characters written so far (for progress). */
  onBatch?: (written: number) => void,
): void {
  if (typeof text !== 'string' && !(text instanceof Uint8Array)) {
    writePieces(text, out, onBatch);
    return;
  }
  if (!out) {
    if (typeof text !== 'string' && process.stdout.isTTY)
      throw new UserError('this format is a binary file: write it with --out FILE (or redirect stdout to a file)');
    process.stdout.write(text);
    return;
  }
  try {
    fs.writeFileSync(out, text);
  } catch (e) {
    throw new UserError(`--out ${out}: cannot write the report (${describeFsError(e)})`);
  }
}

function writePieces(pieces: Iterable<string>, out?: string, onBatch?: (written: number) => void): void {
  let fd: number | undefined;
  const write = (chunk: string) => {
    if (fd === undefined) process.stdout.write(chunk);
    else fs.writeSync(fd, chunk);
  };
  try {
    if (out) fd = fs.openSync(out, 'w');
    let batch: string[] = [];
    let size = 0;
    let written = 0;
    for (const piece of pieces) {
      batch.push(piece);
      size += piece.length;
      if (size >= BATCH) {
        write(batch.join(''));
        written += size;
        onBatch?.(written);
        batch = [];
        size = 0;
      }
    }
    if (batch.length) write(batch.join(''));
  } catch (e) {
    if (fd === undefined) throw e;
    throw new UserError(`--out ${out}: cannot write the report (${describeFsError(e)})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Checks `--out FILE` before the analysis runs, so a typo costs nothing: the folder is created
 * when missing (like `mkdir -p`), and a path that is a directory or cannot be written is a
 * usage error (exit 2), not an internal error after the work.
 */
export function prepareOutput(out: string | undefined, cwd = process.cwd()): void {
  if (!out) return;
  const file = path.resolve(cwd, out);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory())
    throw new UserError(`--out ${out}: is a directory; give a file name (e.g. ${path.join(out, 'report.json')})`);
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    if (stat) fs.accessSync(file, fs.constants.W_OK);
  } catch (e) {
    throw new UserError(`--out ${out}: cannot write there (${describeFsError(e)})`);
  }
}

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return err.code ?? err.message;
  }
}

/** Resolves once everything written to the stream so far has been handed to the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (stream.destroyed || stream.writableLength === 0) return Promise.resolve();
  // Writes complete in order: the callback of an empty write runs after every earlier chunk.
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * Ends the process with `code` after stdout and stderr have drained. A reader that closes the
 * pipe early (`spif scan | head`) is not an error of spif: EPIPE ends the process quietly with
 * the code decided. Worker threads or sockets left open cannot keep the process alive.
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  const quit = () => process.exit(code);
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') quit();
    });
  }
  Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(quit, quit);
}
