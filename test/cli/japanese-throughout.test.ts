/**
 * Japanese throughout (issue 19.4): with `--lang ja`, what a PIA author reads of the sample
 * repositories — scan in text, Markdown and HTML, check, explain and diff — has no English word
 * left, through the real bin under the C locale. Allowed: the names the sources and the config
 * use (taken from the JSON report of the same scan), config keys (from docs/config.schema.json),
 * SQL and its type names, codes (SPIF-…, rule ids with '-' or '_'), paths and command names.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/bin.js';

const repo = path.resolve(import.meta.dirname, '../..');
const C = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_COLOR: '1' };

/** The sample and its twins: the same insurer in ORM models, plus the path and municipal samples. */
const FIXTURES = ['insurer', 'insurer-typeorm', 'insurer-prisma', 'insurer-drizzle', 'paths', 'municipal-tax'];
/** The twins' explanations are the sample's (the same catalog from other sources): explained once. */
const EXPLAINED = new Set(['insurer', 'paths', 'municipal-tax']);

/** Words that are not English prose in a Japanese report: SQL type names and the products' names. */
const ALLOWED = new Set(
  [
    'character varying double precision with time zone without bigint integer smallint numeric text date',
    'timestamp timestamptz boolean bytea serial bigserial jsonb json uuid',
    'spif scan check diff explain PostgreSQL MySQL MariaDB Oracle Flyway Liquibase Prisma TypeORM Drizzle libpq',
    'dblink postgres_fdw dbname',
  ]
    .join(' ')
    .split(' ')
    .map((w) => w.toLowerCase()),
);

function configKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object')
      for (const [k, v] of Object.entries(o)) {
        if (k === 'properties' && v && typeof v === 'object') for (const p of Object.keys(v)) keys.add(p.toLowerCase());
        walk(v);
      }
  };
  walk(JSON.parse(fs.readFileSync(path.join(repo, 'docs/config.schema.json'), 'utf8')));
  return keys;
}

/** Every word of the names a JSON report holds: relations, columns, roles, principals, files, databases. */
function namesOf(json: string): Set<string> {
  const out = new Set<string>();
  const fields = new Set(['id', 'database', 'schema', 'name', 'column', 'principal', 'roles', 'connects', 'file']);
  const walk = (o: unknown, key: string): void => {
    if (Array.isArray(o)) o.forEach((x) => walk(x, key));
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, k);
    else if (typeof o === 'string' && fields.has(key))
      for (const w of o.split(/[^A-Za-z0-9]+/)) if (w) out.add(w.toLowerCase());
  };
  walk(JSON.parse(json), '');
  return out;
}

/** The page's text and the strings of its JSON data (labels, the 評価書, the explorer's data), markup left out. */
function htmlText(html: string): string {
  const strings: string[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') Object.values(o).forEach(walk);
    else if (typeof o === 'string') strings.push(o.replace(/<[^>]*>/g, ' '));
  };
  for (const m of html.matchAll(/<script type="application\/json" id="[^"]+">([\s\S]*?)<\/script>/g))
    walk(JSON.parse(m[1] ?? 'null'));
  return [html.replace(/<script[\s\S]*?<\/script>|<style>[\s\S]*?<\/style>|<[^>]*>/g, ' '), ...strings].join('\n');
}

/**
 * The English words left in `text`, each with its line: after code (``…``, fenced blocks), config
 * keys after 設定, identifiers (anything with _ . / : @ - [ ] or a digit), upper-case words (SQL,
 * codes) and the allowed names are taken out.
 */
function englishLeft(text: string, names: Set<string>, keys: Set<string>): string[] {
  const out: string[] = [];
  const prose = text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/規則 [a-z-]+/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
  for (const line of prose.split('\n')) {
    const words = line.replace(/[\w]*[_./:@\\[\]0-9-][\w./:@\\[\]-]*/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
    const left = words.filter((w) => {
      const lower = w.toLowerCase();
      return !/^[A-Z]+$/.test(w) && !names.has(lower) && !keys.has(lower) && !ALLOWED.has(lower);
    });
    if (left.length) out.push(`[${left.join(' ')}] ${line.trim().slice(0, 200)}`);
  }
  return out;
}

const keys = configKeys();

async function ja(args: string[], cwd = repo): Promise<string> {
  const r = await runBin([...args, '--lang', 'ja'], cwd, C);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBeLessThan(2);
  return r.stdout;
}

describe('--lang ja leaves no English word in what a PIA author reads', () => {
  for (const fixture of FIXTURES) {
    it(`fixtures/${fixture}: scan (text, Markdown, HTML), check${EXPLAINED.has(fixture) ? ' and explain' : ''}`, async () => {
      const dir = `fixtures/${fixture}`;
      const report = (await runBin(['scan', dir, '--format', 'json'], repo, C)).stdout;
      const known = namesOf(report);
      const json = JSON.parse(report) as { relations: { id: string; basis: string }[] };
      // One relation of each basis: the explanations differ by basis.
      const relations = EXPLAINED.has(fixture) ? [...new Map(json.relations.map((r) => [r.basis, r.id])).values()] : [];
      const runs: [string, string[]][] = [
        ['scan text', ['scan', dir]],
        ['scan markdown', ['scan', dir, '--format', 'markdown']],
        ['scan html', ['scan', dir, '--format', 'html']],
        ['check text', ['check', dir]],
        ['check markdown', ['check', dir, '--format', 'markdown']],
        ...relations.flatMap((id): [string, string[]][] => [
          [`explain ${id}`, ['explain', id, dir]],
          [`explain ${id} markdown`, ['explain', id, dir, '--format', 'markdown']],
        ]),
      ];
      const outputs = await Promise.all(
        runs.map(async ([what, args]) => {
          const out = await ja(args);
          return [what, what === 'scan html' ? htmlText(out) : out] as const;
        }),
      );
      for (const [what, text] of outputs) expect(text.length, what).toBeGreaterThan(100);
      const left = outputs.map(([what, text]) => [what, englishLeft(text, known, keys)] as const);
      expect(Object.fromEntries(left.filter(([, words]) => words.length))).toEqual({});
    });
  }

  describe('diff against a git ref', () => {
    let dir = '';
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-ja-diff-'));
      fs.cpSync(path.join(repo, 'fixtures/insurer'), dir, { recursive: true });
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.jp', ...args], { cwd: dir });
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'base');
      // A path added (kyufu-system may now connect to bango), a control removed (a column grant
      // widened to the table) and a new number column.
      const config = path.join(dir, 'spif.config.yaml');
      fs.writeFileSync(
        config,
        fs
          .readFileSync(config, 'utf8')
          .replace('connects: [kyufu, shikaku, master]', 'connects: [kyufu, shikaku, master, bango]'),
      );
      const roles = path.join(dir, 'db/bango/002_roles.sql');
      fs.writeFileSync(
        roles,
        fs
          .readFileSync(roles, 'utf8')
          .replace(
            'GRANT SELECT (atena_no, kojin_bango_kakunin_date) ON bango_kanri TO app_shikaku;',
            'GRANT SELECT ON bango_kanri TO app_shikaku;',
          ),
      );
      fs.appendFileSync(
        path.join(dir, 'db/master/001_codes.sql'),
        'CREATE TABLE kojin_master (id int PRIMARY KEY, kojin_bango char(12));\n',
      );
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('text and Markdown', async () => {
      const known = namesOf((await runBin(['scan', '.', '--format', 'json'], dir, C)).stdout);
      for (const format of ['text', 'markdown']) {
        const text = await ja(['diff', '--base', 'HEAD', '.', '--format', format], dir);
        expect(text, format).toContain('特定個人情報ファイルに該当するようになった');
        expect(englishLeft(text, known, keys), format).toEqual([]);
      }
    });
  });

  it('a live PostgreSQL that cannot be reached: the error and its detail in Japanese, exit 2', async () => {
    // Port 1 on the loopback: nothing listens there, the connection is refused at once.
    const url = 'postgres://app@127.0.0.1:1/kyufu';
    for (const args of [
      ['scan', url, '--lang', 'ja'],
      ['snapshot', url],
    ]) {
      const r = await runBin(args, repo, { ...C, LANG: args[0] === 'snapshot' ? 'ja_JP.UTF-8' : 'C' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(
        'spif: 127.0.0.1:1 の PostgreSQL サーバーに接続できない: 接続を拒否された（起動していて、そのポートで待ち受けているか）\n' +
          `  読み込んでいたもの: ${url}\n`,
      );
    }
  });

  it('the checker itself finds an English sentence, and not a name', () => {
    const known = new Set(['bango', 'kanri']);
    expect(englishLeft('前提: サーバー jumin_srv: dbname matches no configured database', known, keys)).toEqual([
      '[matches no configured database] 前提: サーバー jumin_srv: dbname matches no configured database',
    ]);
    expect(englishLeft('bango.public.bango_kanri は `SELECT x` 設定 principals 参照できる', known, keys)).toEqual([]);
  });
});
