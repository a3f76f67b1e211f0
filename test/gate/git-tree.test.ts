/** Reading a commit from git objects: listing, bytes (batched and single), symlinks, bad refs. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitTree } from '../../src/git/index.js';
import { TempRepo, git } from './repo.js';

const sjis = Buffer.from([0x83, 0x7d, 0x83, 0x43, 0x83, 0x69, 0x83, 0x93, 0x83, 0x6f, 0x81, 0x5b]); // マイナンバー in Shift_JIS
const repo = new TempRepo({ 'a.sql': 'CREATE TABLE a (x int);\n', 'dir/b.sql': '', 'dir/sub/c.sql': 'x\ny\n' });
fs.writeFileSync(path.join(repo.dir, 'dir/sjis.sql'), sjis);
fs.symlinkSync('../a.sql', path.join(repo.dir, 'dir/link.sql'));
repo.commit('more');
fs.writeFileSync(path.join(repo.dir, 'a.sql'), 'changed in the working tree\n');
afterAll(() => repo.cleanup());

describe('GitTree', () => {
  const tree = GitTree.open(repo.dir, 'HEAD');

  it('lists files and directories of the commit, not of the working tree', () => {
    expect(tree.commit).toBe(git(repo.dir, 'rev-parse', 'HEAD').trim());
    expect(
      tree
        .filesUnder('dir')
        .map((e) => e.path)
        .sort(),
    ).toEqual(['dir/b.sql', 'dir/link.sql', 'dir/sjis.sql', 'dir/sub/c.sql']);
    expect(tree.isDirectory('dir/sub')).toBe(true);
    expect(tree.isFile('dir/sub')).toBe(false);
    expect(tree.isSymlink('dir/link.sql')).toBe(true);
    expect(tree.read('a.sql').toString()).toBe('CREATE TABLE a (x int);\n');
  });

  it('reads the same bytes batched as one by one, binary and empty files included', () => {
    const rels = ['a.sql', 'dir/b.sql', 'dir/sjis.sql', 'dir/sub/c.sql'];
    const single = rels.map((r) => Buffer.from(GitTree.open(repo.dir, 'HEAD').read(r)));
    const batched = GitTree.open(repo.dir, 'HEAD');
    batched.prefetch(rels);
    expect(rels.map((r) => Buffer.from(batched.read(r)))).toEqual(single);
    expect(Buffer.from(batched.read('dir/sjis.sql')).equals(sjis)).toBe(true);
    expect(batched.read('dir/b.sql').length).toBe(0);
  });

  it('resolves earlier commits and rejects refs that are not commits', () => {
    const first = GitTree.open(repo.dir, 'HEAD~1');
    expect(first.isFile('dir/sjis.sql')).toBe(false);
    expect(() => GitTree.open(repo.dir, '--output=/tmp/x')).toThrow(/not a git ref/);
    expect(() => GitTree.open(repo.dir, 'HEAD~9')).toThrow(/not a commit/);
    expect(() => tree.read('missing.sql')).toThrow(/does not exist at HEAD/);
  });
});

describe('a --base that is not fetched', () => {
  it('hints `git fetch origin main` for origin/main, and says a shallow clone needs no more', () => {
    const upstream = new TempRepo({ 'a.sql': 'CREATE TABLE a (x int);\n' });
    upstream.commit('second');
    const clone = fs.mkdtempSync(path.join(path.dirname(upstream.dir), 'spif-shallow-'));
    try {
      // A CI checkout: shallow, one branch, no remote-tracking ref for main yet.
      git(path.dirname(clone), 'clone', '-q', '--depth', '1', '--no-single-branch', `file://${upstream.dir}`, clone);
      git(clone, 'update-ref', '-d', 'refs/remotes/origin/main');
      let message = '';
      let ja: string[] = [];
      try {
        GitTree.open(clone, 'origin/main');
      } catch (e) {
        message = [(e as Error).message, ...((e as { details?: string[] }).details ?? [])].join('\n');
        ja = (e as { detailsIn?: (lang: 'ja' | 'en') => string[] }).detailsIn?.('ja') ?? [];
      }
      // Under --lang ja (or a Japanese locale) the hint is Japanese, with the same command.
      expect(ja).toEqual([
        '先に取得する。例: git fetch origin main（このクローンは shallow。spif diff は基準コミットのファイルだけを読むので、1 コミットで足りる）',
      ]);
      expect(message).toMatch(/--base origin\/main: not a commit/);
      expect(message).toContain('git fetch origin main');
      expect(message).not.toContain('origin origin/main');
      expect(message).toContain('shallow');
      git(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main');
      expect(GitTree.open(clone, 'origin/main').isFile('a.sql')).toBe(true);
    } finally {
      upstream.cleanup();
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });
});
