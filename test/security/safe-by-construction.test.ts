/**
 * Scanning a repository is safe by construction: scanned code is never run (no import, require,
 * eval, TypeScript plugin, Prisma generator or prisma-ast config), symbolic links and globs do not
 * lead out of the scanned root unless the config allows it, nothing touches the network unless a
 * live `url` is configured, and the scanned tree is never written.
 */
import crypto from 'node:crypto';
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runBinSync } from '../helpers/bin.js';
import { main } from '../../src/cli/run.js';
import { ConfigError } from '../../src/config/index.js';
import { scan } from '../../src/pipeline.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-safety-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ids = (r: Awaited<ReturnType<typeof scan>>) => r.report.relations.map((x) => x.id);

describe('scanned code is never executed', () => {
  const fixture = path.join(REPO, 'fixtures/hostile/orm-exec');
  let markers: string;
  let previous: string | undefined;
  beforeEach(() => {
    markers = fs.mkdtempSync(path.join(tmp, 'markers-'));
    previous = process.env.SPIF_HOSTILE_MARKER_DIR;
    process.env.SPIF_HOSTILE_MARKER_DIR = markers;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env.SPIF_HOSTILE_MARKER_DIR;
    else process.env.SPIF_HOSTILE_MARKER_DIR = previous;
  });

  it('in-process: TypeORM, Drizzle and Prisma traps are read statically; no marker is written, no process spawned', async () => {
    const r = await scan({ paths: [fixture], cwd: fixture, jobs: 1 });
    expect(fs.readdirSync(markers)).toEqual([]);
    // Read, not skipped: the tables come from the syntax tree.
    expect(ids(r)).toEqual(['app.public.trap_drizzle', 'app.public.trap_prisma', 'app.public.trap_typeorm']);
    // The column whose name is computed by a call is reported, not evaluated.
    expect(
      r.report.diagnostics.some((d) => d.file?.endsWith('trap.entity.ts') && d.message.includes('sideEffect()')),
    ).toBe(true);
  });

  it('the real bin, run from inside the hostile directory (tsconfig plugins, .prisma-astrc.cjs, generator): nothing runs', () => {
    const r = runBinSync(['scan', '.', '--format', 'json', '--jobs', '1'], fixture, {
      SPIF_HOSTILE_MARKER_DIR: markers,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.readdirSync(markers)).toEqual([]);
    expect(JSON.parse(r.stdout).relations.map((x: { id: string }) => x.id)).toHaveLength(3);
  });
});

describe('nothing outside the scanned root', () => {
  // root/db/in.sql, root/db/link.sql → outside/secret.sql, root/linkdir → outside/dir
  const root = path.join(tmp, 'links/root');
  const outside = path.join(tmp, 'links/outside');
  beforeEach(() => {
    fs.rmSync(path.join(tmp, 'links'), { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'db'), { recursive: true });
    fs.mkdirSync(path.join(outside, 'dir'), { recursive: true });
    fs.writeFileSync(path.join(outside, 'secret.sql'), 'CREATE TABLE secret_file (kojin_bango char(12));\n');
    fs.writeFileSync(path.join(outside, 'dir/x.sql'), 'CREATE TABLE secret_dir (kojin_bango char(12));\n');
    fs.writeFileSync(path.join(root, 'db/in.sql'), 'CREATE TABLE inside (a int);\n');
    fs.symlinkSync(path.join(outside, 'secret.sql'), path.join(root, 'db/link.sql'));
    fs.symlinkSync(path.join(outside, 'dir'), path.join(root, 'linkdir'), 'dir');
  });

  it('a directory scan does not follow a symlinked file or a symlinked directory', async () => {
    expect(ids(await scan({ paths: ['.'], cwd: root, jobs: 1 }))).toEqual(['default.public.inside']);
  });

  it('a symlink given as a path is reported, not followed', async () => {
    const r = await scan({ paths: ['db/link.sql', 'db/in.sql'], cwd: root, jobs: 1 });
    expect(ids(r)).toEqual(['default.public.inside']);
    expect(r.report.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'SPIF-SOURCE-SYMLINK', file: 'db/link.sql' }),
    );
  });

  it('config globs: matches through symlinks that lead outside are reported and not read', async () => {
    fs.writeFileSync(
      path.join(root, 'spif.config.yaml'),
      'version: 1\ndatabases:\n  - name: d\n    sources: ["**/*.sql", "linkdir/*.sql", "db/link.sql"]\n',
    );
    const r = await scan({ paths: ['.'], cwd: root, jobs: 1 });
    expect(ids(r)).toEqual(['d.public.inside']);
    const outsideRoot = r.report.diagnostics
      .filter((d) => d.code === 'SPIF-SOURCE-OUTSIDE-ROOT')
      .map((d) => path.basename(d.file!));
    expect(outsideRoot.length).toBeGreaterThan(0);
    // The linked file, and the link to a folder outside (not entered).
    expect(outsideRoot.every((f) => ['x.sql', 'link.sql', 'linkdir'].includes(f))).toBe(true);
  });

  it("a glob with '..' is a config error unless allowOutsideRoot is set", async () => {
    fs.writeFileSync(
      path.join(root, 'spif.config.yaml'),
      'version: 1\ndatabases:\n  - name: d\n    sources: ["../outside/*.sql"]\n',
    );
    const err = await scan({ paths: ['.'], cwd: root, jobs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).details).toEqual([
      expect.stringMatching(
        /spif\.config\.yaml:4: databases\.0\.sources\.0: '\.\.\/outside\/\*\.sql' reaches outside the config directory; set allowOutsideRoot: true to scan it$/,
      ),
    ]);
    fs.writeFileSync(
      path.join(root, 'spif.config.yaml'),
      'version: 1\nallowOutsideRoot: true\ndatabases:\n  - name: d\n    sources: ["../outside/*.sql", "linkdir/*.sql"]\n',
    );
    expect(ids(await scan({ paths: ['.'], cwd: root, jobs: 1 }))).toEqual([
      'd.public.secret_dir',
      'd.public.secret_file',
    ]);
  });
});

/** Every project fixture: SQL of each dialect, the three ORMs, the hostile ones. */
const PROJECTS = [
  'fixtures/insurer',
  'fixtures/insurer-typeorm',
  'fixtures/insurer-drizzle',
  'fixtures/insurer-prisma',
  'fixtures/malicious',
  'fixtures/hostile/orm-exec',
  'fixtures/hostile/names',
];

describe('no network unless a live url is given', () => {
  it('scanning every fixture opens no socket, resolves no name and fetches nothing', async () => {
    const attempts: string[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back, never called
    const connect = net.Socket.prototype.connect;
    const lookup = dns.lookup;
    const fetch = globalThis.fetch;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      attempts.push(`connect ${JSON.stringify(args[0])}`);
      throw new Error('network use during a scan');
    };
    (dns as { lookup: unknown }).lookup = (host: string) => {
      attempts.push(`lookup ${host}`);
      throw new Error('network use during a scan');
    };
    globalThis.fetch = (input: unknown) => {
      attempts.push(`fetch ${String(input)}`);
      throw new Error('network use during a scan');
    };
    try {
      for (const p of PROJECTS) {
        const dir = path.join(REPO, p);
        const r = await scan({ paths: [dir], cwd: dir, jobs: 1 });
        expect(r.report.relations.length, p).toBeGreaterThan(0);
      }
      for (const p of ['fixtures/mysql', 'fixtures/sqlite', 'fixtures/bigquery']) {
        const dialect = p.endsWith('mysql') ? 'mysql' : p.endsWith('sqlite') ? 'sqlite' : 'bigquery';
        const r = await scan({ paths: [path.join(REPO, p)], cwd: REPO, dialect, jobs: 1 });
        expect(r.report.relations.length, p).toBeGreaterThan(0);
      }
    } finally {
      net.Socket.prototype.connect = connect;
      (dns as { lookup: unknown }).lookup = lookup;
      globalThis.fetch = fetch;
    }
    expect(attempts).toEqual([]);
  });
});

/** Names, sizes, modes and contents of everything below `dir` (symlinks by their target). */
function treeHash(dir: string): string {
  const h = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      h.update(`${path.relative(dir, p)}\0${st.mode}\0${st.size}\0${st.mtimeMs}\0`);
      if (st.isSymbolicLink()) h.update(fs.readlinkSync(p));
      else if (st.isDirectory()) walk(p);
      else h.update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

describe('the scanned tree is never written', () => {
  it('scan in every format, check, and --cache elsewhere leave the tree byte-for-byte as it was', async () => {
    const tree = path.join(tmp, 'tree');
    const projects = ['insurer', 'insurer-typeorm', 'insurer-drizzle', 'insurer-prisma'];
    for (const p of projects) fs.cpSync(path.join(REPO, 'fixtures', p), path.join(tree, p), { recursive: true });
    const cache = path.join(tmp, 'cache');
    const out = path.join(tmp, 'out');
    fs.mkdirSync(out, { recursive: true });
    const before = treeHash(tree);
    const formats = ['text', 'json', 'sarif', 'markdown', 'html', 'dot', 'mermaid', 'csv', 'xlsx'];
    const cwd = process.cwd();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      for (const project of projects) {
        // The CLI's own entry (src/cli/run.ts), in-process: the same code as the bin, without a process start each.
        process.chdir(path.join(tree, project));
        for (const format of formats) {
          const code = await main([
            'node',
            'spif',
            'scan',
            '.',
            '--format',
            format,
            '--out',
            path.join(out, `${project}.${format}`),
            '--cache',
            cache,
            '--jobs',
            '1',
          ]);
          expect(code, `${project} ${format}`).toBe(0);
        }
        expect([0, 1]).toContain(await main(['node', 'spif', 'check', '.', '--cache', cache, '--jobs', '1']));
        process.exitCode = undefined;
      }
    } finally {
      process.chdir(cwd);
      stderr.mockRestore();
    }
    // and the real bin once, with parallel reading
    const r = runBinSync(['scan', '.', '--format', 'json', '--cache', cache], path.join(tree, 'insurer'));
    expect(r.status, r.stderr).toBe(0);
    expect(treeHash(tree)).toBe(before);
    expect(fs.readdirSync(cache).length).toBeGreaterThan(0); // the cache was used, elsewhere
    expect(fs.readdirSync(out)).toHaveLength(projects.length * formats.length);
  });
});
