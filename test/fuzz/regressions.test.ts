/**
 * Inputs the fuzzer found (or that its generators aim at) that once broke a reader, each with the
 * behaviour fixed: a located diagnostic instead of a silent loss, a crash, or noise on stderr.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Dialect } from '../../src/dialect.js';
import type { CatalogOp } from '../../src/catalog/ops.js';
import { validateConfigText } from '../../src/config/index.js';
import { NESTED_TOO_DEEP } from '../../src/sources/guard.js';
import { loadPostgresParser, postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { mysqlReader } from '../../src/sources/mysql/reader.js';
import { sqliteReader } from '../../src/sources/sqlite/reader.js';
import { bigqueryReader } from '../../src/sources/bigquery/reader.js';
import type { SourceReader } from '../../src/sources/types.js';

const READERS: [Dialect, SourceReader][] = [
  ['postgresql', postgresqlReader],
  ['mysql', mysqlReader],
  ['mariadb', mysqlReader],
  ['sqlite', sqliteReader],
  ['bigquery', bigqueryReader],
];

async function read(dialect: Dialect, text: string) {
  if (dialect === 'postgresql') await loadPostgresParser();
  const reader = READERS.find(([d]) => d === dialect)![1];
  const r = await reader.read({ path: 'x.sql', text }, { dialect });
  const tables = r.ops.flatMap((op: CatalogOp) => (op.op === 'create-table' ? [op.name.name] : []));
  return { tables, diagnostics: r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`) };
}

describe('PostgreSQL: NUL bytes (libpg-query reads C strings)', () => {
  it('a NUL between statements no longer ends the file: the statements after it are read', async () => {
    const r = await read(
      'postgresql',
      'CREATE TABLE a (x int);\0CREATE TABLE b (y int);\n-- \0 in a comment\nCREATE TABLE c (z int);\n',
    );
    expect(r).toEqual({ tables: ['a', 'b', 'c'], diagnostics: [] });
  });

  it('a NUL inside a statement skips that statement with a located error; the rest is read', async () => {
    const r = await read(
      'postgresql',
      'CREATE TABLE a (x int);\nCREATE TABLE "b\0c" (y int);\nCREATE TABLE d (z int);\n',
    );
    expect(r).toEqual({
      tables: ['a', 'd'],
      diagnostics: [
        '2:16 SPIF-SQL-SYNTAX NUL byte (0x00) in this statement; PostgreSQL does not accept NUL in SQL text; statement skipped',
      ],
    });
  });
});

describe('deeply nested statements: a located diagnostic that says so, then the next statement', () => {
  const deep = (n: number) =>
    `CREATE VIEW v AS SELECT a FROM ${'(SELECT a FROM '.repeat(n)}t${') s'.repeat(n)};\nCREATE TABLE ok (a int);\n`;

  it('PostgreSQL (Bison stack limit)', async () => {
    const r = await read('postgresql', deep(12_000));
    expect(r.tables).toEqual(['ok']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatch(/^1:\d+ SPIF-SQL-SYNTAX nested too deeply for the parser \(memory exhausted/);
  });

  it.each(['mysql', 'mariadb', 'sqlite', 'bigquery'] as const)('%s (JavaScript stack)', async (dialect) => {
    const r = await read(dialect, deep(5_000));
    expect(r.tables).toEqual(['ok']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toContain(NESTED_TOO_DEEP);
    expect(r.diagnostics[0]).toMatch(/^1:1 SPIF-SQL-SYNTAX /);
  });
});

describe('config: yaml warnings', () => {
  it('a mapping used as a key is a config problem, not a warning printed on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const log = vi.spyOn(console, 'warn');
    try {
      const { problems } = validateConfigText('{ { "version": 1 }: 2 }\n', 'spif.config.yaml');
      expect(problems[0]).toMatch(/^spif\.config\.yaml:1: \{ "version": 1 \}: unknown key/);
      expect(warn).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });
});

describe('an unterminated /* comment swallowed the rest of the file without a word', () => {
  const text = 'CREATE TABLE a (x int);\n/* never closed\nCREATE TABLE b (y int);\n';

  it.each(['mysql', 'mariadb'] as const)('%s: located error at the comment', async (dialect) => {
    expect(await read(dialect, text)).toEqual({
      tables: ['a'],
      diagnostics: [
        '2:1 SPIF-SQL-SYNTAX unterminated /* comment: everything after it is part of it, to the end of the file',
      ],
    });
  });

  it.each(['sqlite', 'bigquery'] as const)('%s: located error at the comment', async (dialect) => {
    expect(await read(dialect, text)).toEqual({
      tables: ['a'],
      diagnostics: [
        '2:1 SPIF-SQL-SYNTAX unterminated /* comment: everything after it is part of it, to the end of the file; not read',
      ],
    });
  });

  it('mysql: an open quote in an INSERT (a statement spif skips) is reported too', async () => {
    const r = await read('mysql', "INSERT INTO t VALUES ('abc);\nCREATE TABLE b (y int);\n");
    expect(r.tables).toEqual([]);
    expect(r.diagnostics).toEqual([
      '1:23 SPIF-SQL-SYNTAX unterminated quoted string or identifier: everything after it is part of it, to the end of the file',
    ]);
  });
});

describe('PostgreSQL: COPY … FROM stdin whose data never ends', () => {
  it('is reported at the COPY, instead of silently taking the rest of the file as data', async () => {
    const r = await read('postgresql', 'CREATE TABLE a (x int);\nCOPY a FROM stdin;\n1\n2\nCREATE TABLE b (y int);\n');
    expect(r).toEqual({
      tables: ['a'],
      diagnostics: [
        "2:1 SPIF-SQL-SYNTAX the data of this COPY … FROM stdin is never ended by a line '\\.'; the rest of the file was taken as its data and not read",
      ],
    });
  });

  it('a terminated COPY is still skipped quietly', async () => {
    const r = await read(
      'postgresql',
      'CREATE TABLE a (x int);\nCOPY a FROM stdin;\n1\n\\.\nCREATE TABLE b (y int);\n',
    );
    expect(r).toEqual({ tables: ['a', 'b'], diagnostics: [] });
  });
});

describe('config: YAML alias expansion ("billion laughs")', () => {
  it('is cut off at 100 aliases and reported as a config problem, quickly', () => {
    const lines = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const t0 = Date.now();
    const { problems } = validateConfigText(`${lines.join('\n')}\n`, 'spif.config.yaml');
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^spif\.config\.yaml:1: .*alias/i);
  });
});

describe('sqlite/bigquery: sql-parser-cst takes exponential time on deep bare parentheses with an error', () => {
  it.each(['sqlite', 'bigquery'] as const)(
    '%s: 40 levels around nothing are refused at once, located; the next statement is read',
    async (dialect) => {
      const t0 = Date.now();
      const r = await read(
        dialect,
        `CREATE VIEW v AS SELECT ${'('.repeat(40)}${')'.repeat(40)} FROM t;\nCREATE TABLE ok (a int);\n`,
      );
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(r.tables).toEqual(['ok']);
      expect(r.diagnostics).toEqual([
        expect.stringMatching(
          /^1:64 SPIF-SQL-SYNTAX parentheses nested 40 deep \(more than 12, not counting function calls and subqueries\)/,
        ),
      ]);
    },
  );

  it.each(['sqlite', 'bigquery'] as const)('%s: deep calls and subqueries are still read', async (dialect) => {
    const r = await read(
      dialect,
      `CREATE VIEW v AS SELECT ${'coalesce('.repeat(20)}a${')'.repeat(20)} AS b FROM ${'(SELECT a FROM '.repeat(15)}t${') s'.repeat(15)};\n`,
    );
    expect(r.diagnostics).toEqual([]);
  });

  it.each(['sqlite', 'bigquery'] as const)(
    '%s: an open quote in an INSERT (skipped unparsed) is reported',
    async (dialect) => {
      const r = await read(dialect, "INSERT INTO t VALUES ('abc);\nCREATE TABLE b (y int);\n");
      expect(r.diagnostics).toEqual([
        '1:23 SPIF-SQL-SYNTAX unterminated quoted string or identifier: everything after it is part of it, to the end of the file; not read',
      ]);
    },
  );
});

describe('ORM readers: a half-written import', () => {
  it('a module specifier that is no string literal no longer throws (ts-morph getter); the file is still read', async () => {
    const { drizzleReader } = await import('../../src/sources/drizzle/reader.js');
    const text =
      "import { sql } from 'drizzle-orm';\nimport { big\nimport { char, pgTable } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t', { a: char('kojin_bango', { length: 12 }) });\n";
    const r = await drizzleReader.readProject([{ path: 'a.ts', text }], { dialect: 'postgresql' });
    expect(r.diagnostics.map((d) => d.code)).not.toContain('SPIF-READER-FAILED');
  });
});

describe('config: control characters from the file in messages', () => {
  it('are shown as \\uXXXX, so a config cannot rewrite the terminal line', () => {
    const { problems } = validateConfigText('version: 1\n\rersion: 1\n"\u001b[2Jx": 1\n', 'spif.config.yaml');
    expect(problems).toEqual([
      "spif.config.yaml:2: \\u000dersion: unknown key; did you mean 'version'?",
      expect.stringMatching(/^spif\.config\.yaml:3: \\u001b\[2Jx: unknown key/),
    ]);
  });
});

describe('config: an unresolved alias quoting control characters', () => {
  it('is shown with \\uXXXX too', () => {
    const { problems } = validateConfigText('version: 1\nx: *a\u0017\n', 'spif.config.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^spif\.config\.yaml:1: .*\\u0017/);
  });
});

describe('sqlite/bigquery: a BEGIN or CASE block that never ENDs swallowed the rest of the file without a word', () => {
  it.each(['sqlite', 'bigquery'] as const)(
    '%s: reported at the BEGIN, also inside a data statement skipped unparsed',
    async (dialect) => {
      const r = await read(dialect, 'REPLACE x BEGIN CREATE\n;\nCREATE TABLE b (y int);\n');
      expect(r.tables).toEqual([]);
      expect(r.diagnostics).toEqual([
        '1:11 SPIF-SQL-SYNTAX unterminated BEGIN/CASE block (no matching END): everything after it is part of it, to the end of the file; not read',
      ]);
    },
  );

  it.each(['sqlite', 'bigquery'] as const)('%s: a closed block still ends at its END', async (dialect) => {
    const r = await read(dialect, "SELECT CASE WHEN 1 THEN 'a' END;\nCREATE TABLE b (y int);\n");
    expect(r.tables).toEqual(['b']);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('config: invisible format characters from the file in messages', () => {
  it('a BOM or zero-width character inside a key is shown as \\uXXXX, so the key is never blank', () => {
    const problems = validateConfigText('version: 1\n\ufeff: 1\na\u200bb: 2\n', 'spif.config.yaml').problems;
    expect(problems.map((p) => p.split(': ').slice(0, 2).join(': '))).toEqual([
      'spif.config.yaml:2: \\ufeff',
      'spif.config.yaml:3: a\\u200bb',
    ]);
  });
});

describe('config: a key that starts with a non-ASCII space', () => {
  it('shows the space as \\uXXXX, so the key is told apart from `version`', () => {
    const problems = validateConfigText('\u2007_version: 1\n', 'spif.config.yaml').problems;
    expect(problems[0]).toMatch(/^spif\.config\.yaml:1: \\u2007_version: unknown key; did you mean 'version'\?/);
  });
});
