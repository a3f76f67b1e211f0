/**
 * The readers converted to catalogue entries in issue 19.4 (sql-parser-cst core for SQLite and
 * BigQuery, Prisma, Drizzle, TypeORM, seed data, file discovery): a project that makes each of them
 * speak, scanned through the bin. Every diagnostic carries its entry (`text`), renders in Japanese
 * under --lang ja in the text report, and keeps its English `message` in the JSON.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticMessage } from '../../src/report/messages.js';
import { runBin } from '../helpers/bin.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function write(dir: string, file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'spif-reader-texts-'));
  write(
    dir,
    'spif.config.yaml',
    [
      'version: 1',
      'databases:',
      '  - name: lite',
      '    dialect: sqlite',
      '    sources: ["lite/*.sql", "lite/seeds/*.json"]',
      '  - name: bq',
      '    dialect: bigquery',
      '    sources: ["bq/*.sql"]',
      '  - name: pg',
      '    dialect: postgresql',
      '    sources: ["pg/*.sql"]',
      '  - name: app',
      '    dialect: postgresql',
      '    sources: ["app/**/*.prisma", "app/**/*.ts"]',
      '',
    ].join('\n'),
  );
  write(
    dir,
    'lite/schema.sql',
    [
      'CREATE TABLE atena (atena_no integer PRIMARY KEY, kojin_bango text);',
      'CREATE VIEW v AS SELECT * FROM nowhere;',
      'CREATE TABLE broken (a integer,, b);',
      "SELECT 'open;",
      '',
    ].join('\n'),
  );
  write(dir, 'lite/seeds/atena.json', '[{"atena_no": 1,');
  write(
    dir,
    'pg/schema.sql',
    [
      'CREATE TABLE atena (atena_no int PRIMARY KEY, kojin_bango char(12));',
      'CREATE FUNCTION f() RETURNS int LANGUAGE plperl SECURITY DEFINER AS $$ return 1; $$;',
      '',
    ].join('\n'),
  );
  write(dir, 'lite/old.sql', 'CREATE TABLE old (a integer);\n');
  write(dir, '.spifignore', 'lite/old.sql\n');
  write(
    dir,
    'bq/schema.sql',
    [
      'CREATE TABLE ds.atena (atena_no INT64, kojin_bango STRING);',
      'GRANT `roles/bigquery.dataViewer` ON TABLE ds.atena TO "user:a@example.com";',
      'CREATE ROW ACCESS POLICY f ON ds.atena GRANT TO ("user:a@example.com") FILTER USING (TRUE);',
      '',
    ].join('\n'),
  );
  write(
    dir,
    'app/prisma/schema.prisma',
    [
      'datasource db {',
      '  provider = "mysql"',
      '  url      = env("DATABASE_URL")',
      '}',
      'model Atena {',
      '  id         Int    @id',
      '  kojinBango String',
      '  /// @spif numbr',
      '  note       String',
      '}',
      'view AtenaView {',
      '  id Int @unique',
      '}',
      'model Broken {',
      '  id Int @id',
      '  = oops',
      '}',
      '',
    ].join('\n'),
  );
  write(
    dir,
    'app/drizzle/schema.ts',
    [
      "import { pgTable, integer, text } from 'drizzle-orm/pg-core';",
      "const name = process.env.T ?? 'x';",
      'export const atena = pgTable(name, { atenaNo: integer() });',
      "export const kazoku = pgTable('kazoku', { atenaNo: integer('atena_no'), note: 5 });",
      '',
    ].join('\n'),
  );
  write(
    dir,
    'app/typeorm/entity.ts',
    [
      "import { Entity, ViewEntity, PrimaryColumn, Column } from 'typeorm';",
      '@Entity()',
      'export class Juki {',
      '  @PrimaryColumn() id!: number;',
      "  @Column({ comment: 'a' + 'b' }) kojinBango!: string;",
      '}',
      '@ViewEntity()',
      'export class JukiView {',
      '  @Column() id!: number;',
      '}',
      '',
    ].join('\n'),
  );
  return dir;
}

type Diag = { code: string; message: string; text?: { key: string; args: unknown[] }; file?: string };

describe('the converted readers under --lang ja', () => {
  const dir = project();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('give every diagnostic an entry, Japanese in the text report and English in the JSON message', async () => {
    const json = await runBin(['scan', '.', '--format', 'json', '--lang', 'ja'], dir);
    expect(json.stdout, json.stderr).not.toBe('');
    const diagnostics = JSON.parse(json.stdout).diagnostics as Diag[];
    // Each reader spoke: its file is among those with a diagnostic.
    const files = new Set(diagnostics.map((d) => d.file));
    for (const f of [
      'lite/schema.sql',
      'lite/seeds/atena.json',
      'bq/schema.sql',
      'app/prisma/schema.prisma',
      'app/drizzle/schema.ts',
      'app/typeorm/entity.ts',
    ])
      expect(files, f).toContain(f);
    const keys = new Set(diagnostics.map((d) => d.text?.key));
    for (const k of [
      'diag.cst.viewStarUnknown',
      'diag.bigquery.rowAccessPolicy',
      'diag.cst.couldNotParse',
      'diag.cst.unterminated',
      'diag.seed.json',
      'diag.bigquery.iam',
      'diag.prisma',
      'diag.prisma.provider',
      'diag.prisma.unknownTag',
      'diag.prisma.syntax',
      'diag.drizzle',
      'diag.typeorm',
      'diag.discover.ignored.one',
    ])
      expect(keys, k).toContain(k);
    for (const d of diagnostics) {
      expect(d.text, `${d.code} ${d.message}`).toBeDefined();
      expect(d.message, d.code).not.toMatch(JAPANESE);
      const ja = diagnosticMessage('ja', d as Parameters<typeof diagnosticMessage>[1]);
      expect(ja, d.message).toMatch(JAPANESE);
      expect(ja).not.toBe(d.message);
    }
    const text = await runBin(['scan', '.', '--lang', 'ja'], dir);
    expect(text.stdout).toContain('BigQuery の行アクセスポリシーはモデル化していない');
    expect(text.stdout).toContain('BigQuery IAM の GRANT／REVOKE はモデル化していない');
    expect(text.stdout).toMatch(/Prisma: 不明なタグ `@spif numbr`/);
    expect(text.stdout).toContain('本体が spif の読まない言語 plperl で書かれている');
    expect(text.stdout).toContain('データベース lite: .spifignore により 1 個のファイルを除外した [lite/old.sql]');
    expect(text.stdout).not.toMatch(/is not read|are not read|its lineage is unknown|not valid JSON/);
  });
});
