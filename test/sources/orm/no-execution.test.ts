/**
 * Scanning must never run scanned code. The fixtures' top-level code would write a marker file
 * and throw if it were imported or evaluated; the readers must still read their tables.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { drizzleReader } from '../../../src/sources/drizzle/reader.js';
import { typeOrmReader } from '../../../src/sources/typeorm/reader.js';
import { columnNames, readFixtures, table } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'spif-noexec-'));
  dirs.push(d);
  return d;
}

describe('scanning never executes scanned code', () => {
  it('reads TypeORM and Drizzle files whose top-level code would write a file and throw', async () => {
    const marker = path.join(tempDir(), 'executed');
    const previous = process.env.SPIF_EXECUTION_MARKER;
    process.env.SPIF_EXECUTION_MARKER = marker;
    try {
      const t = await readFixtures(typeOrmReader, ['typeorm/never-executed.ts']);
      const d = await readFixtures(drizzleReader, ['drizzle/never-executed.ts']);
      expect(columnNames(table(t, 'trap'))).toEqual(['id', 'note']);
      expect(columnNames(table(d, 'trap'))).toEqual(['id']);
      // the comment computed by a function call is reported, not evaluated
      expect(t.diagnostics.map((m) => m.message)).toEqual([expect.stringContaining('sideEffect()')]);
    } finally {
      if (previous === undefined) delete process.env.SPIF_EXECUTION_MARKER;
      else process.env.SPIF_EXECUTION_MARKER = previous;
    }
    expect(existsSync(marker)).toBe(false);
  });

  it("does not run a scanned repository's .prisma-astrc.js / prisma-ast.config.js (prisma-ast's config search)", () => {
    const repo = tempDir();
    const marker = path.join(repo, 'EXECUTED');
    const trap = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = {};\n`;
    for (const f of ['.prisma-astrc.js', '.prisma-astrc.cjs', 'prisma-ast.config.js', 'prisma-ast.config.cjs'])
      writeFileSync(path.join(repo, f), trap);
    writeFileSync(
      path.join(repo, 'schema.prisma'),
      'model Hihokensha {\n  id Int @id\n  /// 個人番号\n  kojinBango String @map("kojin_bango")\n}\n',
    );
    const require = createRequire(import.meta.url);
    const tsx = pathToFileURL(require.resolve('tsx/esm')).href;
    const reader = pathToFileURL(path.resolve(import.meta.dirname, '../../../src/sources/prisma/reader.ts')).href;
    const script = `
      import { readFileSync } from 'node:fs';
      const { prismaReader } = await import(${JSON.stringify(reader)});
      const r = await prismaReader.read({ path: 'schema.prisma', text: readFileSync('schema.prisma', 'utf8') }, { dialect: 'postgresql' });
      process.stdout.write(JSON.stringify(r.ops.map((o) => o.columns.map((c) => c.name))));
    `;
    // the scan runs from inside the scanned repository, where the config search starts
    const out = execFileSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([['id', 'kojin_bango']]);
    expect(existsSync(marker)).toBe(false);

    // control: loading prisma-ast plainly from there does run the trap, so the check above can fail
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(require.resolve('@mrleebo/prisma-ast'))})`], {
      cwd: repo,
    });
    expect(existsSync(marker)).toBe(true);
  });
});
