/**
 * Complete output through a pipe (issue 12.1): the real bin, its stdout a pipe that the reader
 * leaves unread for a moment (as `| jq` or `| less` do while they start), on reports of more than
 * 1 MB, for every command and format that writes one. Before the fix the process exited with the
 * pipe's first 64 KiB delivered.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNames } from '../../src/report/formats.js';
import { CHECK_FORMATS, DIFF_FORMATS } from '../../src/gate/render.js';
import { EXPLAIN_FORMATS } from '../../src/gate/render-explain.js';
import { BIN } from '../helpers/bin.js';

const MB = 1_000_000;

/** Runs the bin with stdout a pipe nobody reads for `delayMs`, then reads it to the end. */
function throughSlowPipe(
  args: string[],
  cwd: string,
  delayMs = 400,
): Promise<{ code: number | null; bytes: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, LANG: 'C', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      child.stdout.resume();
    }, delayMs);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, bytes: Buffer.concat(chunks), stderr }));
  });
}

let dir: string;
const wide = (i: number) => `spalte_mit_einem_sehr_langen_namen_fuer_die_ausgabe_${String(i).padStart(4, '0')}`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-pipe-'));
  // scan / check / diff: 300 tables with 55 number columns each (every format, the graphs too,
  // gets past 1 MB; the analysis stays about a second of CPU).
  const numberCols = Array.from(
    { length: 55 },
    (_, j) => `kojin_bango_rireki_no_nagai_namae_no_koumoku_tsuika_bubun_${String(j).padStart(3, '0')} char(12)`,
  ).join(', ');
  const many = Array.from(
    { length: 300 },
    (_, i) => `CREATE TABLE kojin_${String(i).padStart(4, '0')} (id int PRIMARY KEY, ${numberCols}, shimei text);`,
  );
  fs.mkdirSync(path.join(dir, 'db'));
  fs.writeFileSync(path.join(dir, 'db/base.sql'), 'CREATE TABLE settei (id int PRIMARY KEY);\n');
  const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'add', '.');
  git('-c', 'user.email=t@example.invalid', '-c', 'user.name=t', 'commit', '-qm', 'base');
  fs.writeFileSync(path.join(dir, 'db/schema.sql'), `${many.join('\n')}\n`);
  // html (an explorer: its size follows the relations, not their columns): 800 small tables.
  fs.mkdirSync(path.join(dir, 'many'));
  fs.writeFileSync(
    path.join(dir, 'many/schema.sql'),
    Array.from(
      { length: 800 },
      (_, i) =>
        `CREATE TABLE kojin_joho_daichou_${String(i).padStart(4, '0')} (id int PRIMARY KEY, kojin_bango char(12), shimei text);\n`,
    ).join(''),
  );
  // explain: one number table with 1,000 long column names read by 20 roles: each principal's
  // smallest change lists the columns it keeps.
  const cols = Array.from({ length: 1000 }, (_, i) => `${wide(i)} text`).join(', ');
  const roles = Array.from(
    { length: 20 },
    (_, i) => `CREATE ROLE app_${i} LOGIN;\nGRANT SELECT ON bango TO app_${i};`,
  ).join('\n');
  fs.mkdirSync(path.join(dir, 'wide'));
  fs.writeFileSync(
    path.join(dir, 'wide/schema.sql'),
    `CREATE TABLE bango (id int PRIMARY KEY, kojin_bango char(12), ${cols});\n${roles}\n`,
  );
});

describe('every command delivers all of a report of more than 1 MB to a slow pipe', () => {
  for (const format of formatNames()) {
    it(`scan --format ${format}`, async () => {
      const r = await throughSlowPipe(['scan', format === 'html' ? 'many' : 'db', '--format', format], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      if (format === 'xlsx') {
        // A workbook is a zip: compressed below 1 MB, so check it arrived whole instead — its
        // last record is the zip's end-of-central-directory (PK\x05\x06, 22 bytes from the end).
        expect(r.bytes.length).toBeGreaterThan(100_000);
        expect(r.bytes.readUInt32LE(r.bytes.length - 22)).toBe(0x06054b50);
        return;
      }
      expect(r.bytes.length).toBeGreaterThan(MB);
      if (format === 'json') {
        expect(JSON.parse(r.bytes.toString('utf8')).relations).toHaveLength(301);
        const file = path.join(dir, 'scan.json');
        await throughSlowPipe(['scan', 'db', '--format', format, '-o', file], dir, 0);
        expect(r.bytes.equals(fs.readFileSync(file))).toBe(true);
      }
    });
  }

  for (const format of CHECK_FORMATS) {
    it(`check --format ${format} (gate fails: exit 1 after all output)`, async () => {
      const r = await throughSlowPipe(['check', 'db', '--format', format], dir);
      expect(r.code).toBe(1);
      expect(r.bytes.length).toBeGreaterThan(MB);
      if (format === 'json') expect(JSON.parse(r.bytes.toString('utf8')).passed).toBe(false);
      if (format === 'text') expect(r.bytes.toString('utf8')).toContain('kojin_0299');
    });
  }

  for (const format of DIFF_FORMATS) {
    it(`diff --format ${format}`, async () => {
      const r = await throughSlowPipe(['diff', '--base', 'HEAD', 'db', '--format', format], dir);
      expect(r.code).toBe(1); // 300 relations became specific
      expect(r.bytes.length).toBeGreaterThan(MB);
      if (format === 'json') expect(JSON.parse(r.bytes.toString('utf8'))).toBeTypeOf('object');
    });
  }

  for (const format of EXPLAIN_FORMATS) {
    it(`explain --format ${format}`, async () => {
      const r = await throughSlowPipe(['explain', 'bango', 'wide', '--format', format], dir);
      expect(r.code).toBe(0);
      expect(r.bytes.length).toBeGreaterThan(MB);
      expect(r.bytes.toString('utf8')).toContain('app_19');
      if (format === 'json') expect(JSON.parse(r.bytes.toString('utf8'))).toBeTypeOf('object');
    });
  }
});

describe('output paths and closed pipes are user matters, never internal errors', () => {
  it('-o into a missing folder creates the folder before the work', async () => {
    const out = path.join(dir, 'out/sub/r.json');
    const r = await throughSlowPipe(['scan', 'wide', '--format', 'json', '-o', out], dir, 0);
    expect(r.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).summary.relations).toBe(1);
  });

  it('-o naming a directory is exit 2 with what to give instead', async () => {
    const r = await throughSlowPipe(['check', 'wide', '-o', dir], dir, 0);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*: is a directory/);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  it('a reader that closes the pipe early (| head) gets no EPIPE trace', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" scan db --format json | head -c 100`], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stdout).toMatch(/^\{/);
    expect(r.stdout.length).toBe(100);
    expect(r.stderr).toBe('');
  });
});
