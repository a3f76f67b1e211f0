/**
 * Temporary git repositories for the gate tests: a small 給付 system committed as the base, then
 * changed in the working tree (or in a further commit) per scenario.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BASE_SCHEMA = `-- 番号と給付（テスト用）
CREATE TABLE bango (
    atena_no    varchar(15) PRIMARY KEY,
    kojin_bango char(12)    NOT NULL
);
CREATE TABLE jukyu (
    jukyu_id     bigint PRIMARY KEY,
    atena_no_ref varchar(15),
    kingaku      integer
);
CREATE TABLE shiharai (
    shiharai_id bigint PRIMARY KEY,
    jukyu_id    bigint REFERENCES jukyu (jukyu_id),
    gaku        integer
);
CREATE TABLE soudan (
    soudan_id bigint PRIMARY KEY,
    atena_no  varchar(15) NOT NULL REFERENCES bango (atena_no),
    naiyo     text
);
`;

export const BASE_GRANTS = `CREATE ROLE app_bango LOGIN;
CREATE ROLE app_kyufu LOGIN;
CREATE ROLE app_soudan LOGIN;
GRANT SELECT ON bango TO app_bango;
GRANT SELECT ON bango, jukyu, shiharai TO app_kyufu;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO app_soudan;
REVOKE SELECT ON bango FROM app_soudan;
GRANT SELECT (atena_no) ON bango TO app_soudan;
`;

export const BASE_CONFIG = `version: 1
databases:
  - name: kyufu
    sources: ["db/*.sql"]
principals:
  - name: bango-system
    connects: [kyufu]
    roles: [app_bango]
  - name: kyufu-system
    connects: [kyufu]
    roles: [app_kyufu]
  - name: soudan-system
    connects: [kyufu]
    roles: [app_soudan]
files:
  - name: 番号ファイル
    relations: ["kyufu.public.bango"]
  - name: 給付ファイル
    relations: ["kyufu.public.jukyu", "kyufu.public.shiharai"]
  - name: 相談ファイル
    relations: ["kyufu.public.soudan"]
inventory: [番号ファイル]
`;

const GIT_ID = [
  '-c',
  'user.name=spif test',
  '-c',
  'user.email=spif@example.invalid',
  '-c',
  'commit.gpgsign=false',
  '-c',
  'init.defaultBranch=main',
];

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', [...GIT_ID, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export class TempRepo {
  readonly dir: string;

  constructor(
    files: Record<string, string> = {
      'db/001_tables.sql': BASE_SCHEMA,
      'db/002_grants.sql': BASE_GRANTS,
      'spif.config.yaml': BASE_CONFIG,
    },
  ) {
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'spif-gate-')));
    git(this.dir, 'init', '-q');
    for (const [rel, text] of Object.entries(files)) this.write(rel, text);
    this.commit('base');
  }

  write(rel: string, text: string): this {
    const file = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return this;
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  append(rel: string, text: string): this {
    return this.write(rel, this.read(rel) + text);
  }

  /** Replaces text in a file; fails the test when the text is not there. */
  replace(rel: string, from: string, to: string): this {
    const text = this.read(rel);
    if (!text.includes(from)) throw new Error(`${rel} does not contain ${from}`);
    return this.write(rel, text.replace(from, to));
  }

  remove(rel: string): this {
    fs.rmSync(path.join(this.dir, rel));
    return this;
  }

  rename(from: string, to: string): this {
    fs.renameSync(path.join(this.dir, from), path.join(this.dir, to));
    return this;
  }

  commit(message: string): string {
    git(this.dir, 'add', '-A');
    git(this.dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(this.dir, 'rev-parse', 'HEAD').trim();
  }

  /** `git status --porcelain`: what the working tree holds that HEAD does not. */
  status(): string {
    return git(this.dir, 'status', '--porcelain');
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
