/**
 * Extremes the fuzzer's small inputs do not reach: a 1 MB identifier, bytes that are no text at
 * all, a file mixing encodings, and the same through the real bin. (The 100 MB file is part of
 * `npm run fuzz -- --big`; limits.maxFileBytes refuses it before loading, see reader-limits.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../src/pipeline.js';
import { decodeSource } from '../../src/sources/text.js';
import { runBin } from '../fuzz/cli-sample.js';
import { nth } from '../../src/indexed.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-hostile-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function project(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = path.join(tmp, name);
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  }
  return dir;
}

describe('huge identifiers', () => {
  it.each(['postgresql', 'mysql', 'sqlite', 'bigquery'] as const)(
    '%s: a 1 MB table name is read or reported, in bounded time',
    async (dialect) => {
      const name = 'x'.repeat(1_000_000);
      const dir = project(`huge-${dialect}`, {
        'a.sql': `CREATE TABLE ${name} (kojin_bango char(12));\nCREATE TABLE ok (a int);\n`,
      });
      const t0 = Date.now();
      const r = await scan({ paths: [dir], cwd: dir, dialect, jobs: 1 });
      expect(Date.now() - t0).toBeLessThan(60_000);
      // Read whole, or (PostgreSQL truncates identifiers to 63 bytes, as the server does) read as it would be.
      expect(r.report.relations.map((x) => x.name)).toContain('ok');
      for (const d of r.report.diagnostics)
        expect(d).toMatchObject({ file: 'a.sql', line: expect.any(Number), column: expect.any(Number) });
    },
  );
});

describe('bytes that are not text', () => {
  it('invalid UTF-8 that is no Japanese encoding either: decoded lossily and said so', () => {
    const bytes = Uint8Array.of(0x43, 0x52, 0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x80, 0x81, 0xfd);
    const d = decodeSource(bytes);
    expect(d.lossy).toBe(true);
    expect(d.text).toContain('\uFFFD');
  });

  it('the pipeline reports SPIF-SOURCE-ENCODING at 1:1 and still reads the statements it can', async () => {
    const bad = Buffer.concat([
      Buffer.from('CREATE TABLE ok (a int);\n-- '),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80, 0x81, 0xfd, 0xfe]),
      Buffer.from('\n'),
    ]);
    const dir = project('lossy', { 'a.sql': bad });
    const r = await scan({ paths: [dir], cwd: dir, jobs: 1 });
    expect(r.report.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'SPIF-SOURCE-ENCODING', file: 'a.sql', line: 1, column: 1 }),
    );
    expect(r.report.relations.map((x) => x.name)).toEqual(['ok']);
  });

  it('mixed encodings in one file (UTF-8 and Shift_JIS comments): read, with the encoding problem reported', async () => {
    const mixed = Buffer.concat([
      Buffer.from('CREATE TABLE a (kojin_bango char(12)); -- 個人番号\n'),
      iconv.encode("COMMENT ON TABLE a IS '被保険者';\n", 'cp932'),
    ]);
    const dir = project('mixed', { 'a.sql': mixed });
    const r = await scan({ paths: [dir], cwd: dir, jobs: 1 });
    expect(r.report.relations.map((x) => x.name)).toEqual(['a']);
    // Both halves decoded right: the Shift_JIS comment, and (before the fix, mojibake) the UTF-8 line.
    expect(nth(r.report.relations, 0).comment).toBe('被保険者');
    expect(r.report.diagnostics).toEqual([
      expect.objectContaining({
        code: 'SPIF-SOURCE-ENCODING',
        file: 'a.sql',
        line: 1,
        column: 1,
        message: 'mixes UTF-8 lines with Shift_JIS (CP932) lines; each line was decoded on its own',
      }),
    ]);
    const decoded = decodeSource(new Uint8Array(mixed));
    expect(decoded).toMatchObject({ encoding: 'cp932', lossy: false, mixed: true });
    expect(decoded.text).toContain('-- 個人番号');
  });

  it('the bin on a tree of random bytes in every kind of source (and config): exit 0/1/2, no stack', () => {
    const noise = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7919 + 13) % 256);
    const dir = project('noise', {
      'db/a.sql': noise(4096),
      'src/a.entity.ts': noise(2048),
      'prisma/schema.prisma': noise(2048),
      'spif.config.yaml': 'version: 1\n',
    });
    const r = runBin(dir, ['scan', '.', '--format', 'json']);
    expect(r.problems, r.stderr).toEqual([]);
    fs.writeFileSync(path.join(dir, 'spif.config.yaml'), noise(512));
    const bad = runBin(dir, ['scan', '.']);
    expect(bad.problems, bad.stderr).toEqual([]);
    expect(bad.code).toBe(2); // an unreadable config is a usage error
    expect(bad.stderr).toMatch(/^spif: invalid config spif\.config\.yaml/);
  });
});
