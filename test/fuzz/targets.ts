/**
 * What the fuzzer feeds: every source reader and the config loader, called in-process the way the
 * pipeline calls them (bytes → decodeSource → reader), each with the fixtures its mutations start
 * from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../../src/dialect.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { validateConfigText } from '../../src/config/index.js';
import { decodeSource } from '../../src/sources/text.js';
import { loadPostgresParser, postgresqlReader } from '../../src/sources/postgresql/reader.js';
import { mysqlReader } from '../../src/sources/mysql/reader.js';
import { sqliteReader } from '../../src/sources/sqlite/reader.js';
import { bigqueryReader } from '../../src/sources/bigquery/reader.js';
import { typeOrmReader } from '../../src/sources/typeorm/reader.js';
import { drizzleReader } from '../../src/sources/drizzle/reader.js';
import { prismaReader } from '../../src/sources/prisma/reader.js';
import { oracleReader } from '../../src/sources/oracle/reader.js';
import { sqlServerReader } from '../../src/sources/sqlserver/reader.js';
import { db2Reader } from '../../src/sources/db2/reader.js';
import type { SourceReader } from '../../src/sources/types.js';
import { readGuarded } from '../../src/sources/guard.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What one call of a target gave back, in the shape the properties check. */
export interface Outcome {
  /** The decoded text the reader saw (for line/column bounds). */
  text: string;
  /** Path the reader was told; every diagnostic must name it. */
  path: string;
  diagnostics: Diagnostic[];
  /** Config targets: the `file:line: …` problem lines. */
  problems?: string[];
  /** Tables the reader created (unqualified names). */
  tables: string[];
}

export interface FuzzTarget {
  name: string;
  kind: 'sql' | 'orm' | 'config';
  /** Fixture texts that mutations start from. */
  seeds: () => Uint8Array[];
  /** Tokens the "token soup" generator strings together. */
  tokens: string[];
  run(bytes: Uint8Array): Promise<Outcome>;
}

const SQL_TOKENS = [
  'CREATE',
  'TABLE',
  'VIEW',
  'OR',
  'REPLACE',
  'AS',
  'SELECT',
  'FROM',
  'WHERE',
  'JOIN',
  'ON',
  'GRANT',
  'REVOKE',
  'ALL',
  'PRIVILEGES',
  'TO',
  'PUBLIC',
  'ROLE',
  'USER',
  'ALTER',
  'ADD',
  'COLUMN',
  'CONSTRAINT',
  'PRIMARY',
  'KEY',
  'FOREIGN',
  'REFERENCES',
  'COMMENT',
  'IS',
  'NOT',
  'NULL',
  'DEFAULT',
  'UNIQUE',
  'CHECK',
  'POLICY',
  'USING',
  'WITH',
  'BEGIN',
  'END',
  'CASE',
  'WHEN',
  'THEN',
  'DELIMITER',
  'FUNCTION',
  'TRIGGER',
  'RETURNS',
  'LANGUAGE',
  'SCHEMA',
  'DATABASE',
  'USE',
  'SET',
  'IDENTIFIED',
  'BY',
  'INSERT',
  'INTO',
  'VALUES',
  'OPTIONS',
  'PARTITION',
  'STRUCT',
  'ARRAY',
  'int',
  'varchar(20)',
  'text',
  'bigint',
  'char(12)',
  'kojin_bango',
  'hihokensha_no',
  'public.t',
  'a.b.c',
  '"q""x"',
  '`bq-proj.ds.t`',
  '[x]',
  "'it''s'",
  "E'\\''",
  '$$',
  '$tag$',
  '(',
  ')',
  ',',
  ';',
  '.',
  '*',
  '=',
  '--',
  '/*',
  '*/',
  '#',
  '\\',
  '\n',
  '\t',
  '\0',
  "'",
  '"',
  '`',
  '[',
  ']',
  '{',
  '}',
  '个人番号',
  '個人番号',
  '\u202e',
  '\x1b[31m',
  '\\connect other',
  '\\.',
  'COPY t FROM stdin;',
  '/*!40101 SET x=1 */',
  '\r\n',
];

const TS_TOKENS = [
  "import { Entity, Column, PrimaryColumn, ManyToOne, ViewEntity } from 'typeorm';\n",
  "import { pgTable, text, integer, varchar, pgView, pgSchema } from 'drizzle-orm/pg-core';\n",
  "import { relations } from 'drizzle-orm';\n",
  '@Entity(',
  '@Entity',
  '@Column(',
  '@PrimaryColumn(',
  '@ManyToOne(',
  '@ViewEntity(',
  '@JoinColumn(',
  'export',
  'class',
  'const',
  'x',
  '=',
  'pgTable(',
  'pgView(',
  'relations(',
  '.references(() => ',
  '.as(sql`',
  '`',
  '${',
  '}',
  '{',
  '(',
  ')',
  '[',
  ']',
  ',',
  ';',
  ':',
  "'t'",
  '"c"',
  'name:',
  "{ name: 'kojin_bango' }",
  'string',
  'number',
  '=>',
  '...',
  '/**',
  '*/',
  '//',
  '\n',
  '\0',
  '个人番号',
  '\u202e',
  "require('child_process').execSync('touch /tmp/pwned')",
  'eval(',
  'new Function(',
  'import(',
];

const PRISMA_TOKENS = [
  'model',
  'view',
  'enum',
  'type',
  'datasource',
  'generator',
  'db',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '@id',
  '@map(',
  '@@map(',
  '@@id(',
  '@relation(',
  'fields:',
  'references:',
  'String',
  'Int',
  'DateTime',
  '?',
  '[]',
  '"x"',
  'provider = "postgresql"',
  'url = env("X")',
  '///',
  '//',
  '@db.VarChar(12)',
  '@default(',
  'autoincrement()',
  '\n',
  '\0',
  'kojin_bango',
  '个人番号',
  '\u202e',
  '=',
  ',',
  '.',
  '@@schema("s")',
];

const CONFIG_TOKENS = [
  'version: 1\n',
  'version:',
  'dialect:',
  'postgresql',
  'mysql',
  'databases:\n',
  '  - name: ',
  'sources: [',
  ']',
  '"db/**/*.sql"',
  '../**',
  '/etc/*',
  'principals:\n',
  'connects:',
  'roles:',
  'links:',
  'linkKeys:',
  'files:',
  'inventory:',
  'limits:',
  'maxFileBytes:',
  'allowOutsideRoot: true',
  'numberColumns:',
  'include:',
  '&a',
  '*a',
  '<<: *a',
  '!!js/function',
  '!!binary',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '-',
  '\n',
  '  ',
  '\t',
  '"',
  "'",
  '#',
  '|',
  '>',
  '? ',
  '%YAML 1.2\n',
  '---\n',
  '...\n',
  '\0',
  '\ufeff',
  'null',
  '~',
  '1e400',
  '0x1F',
  '.inf',
  'a.b.c.d',
];

function readFixtures(rel: string[]): () => Uint8Array[] {
  let cached: Uint8Array[] | undefined;
  return () => (cached ??= rel.map((r) => new Uint8Array(fs.readFileSync(path.join(REPO, r)))));
}

function listFixtures(dir: string, ending: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(path.join(REPO, d), { withFileTypes: true })) {
      const rel = path.join(d, e.name);
      if (e.isDirectory()) walk(rel);
      else if (ending.test(e.name)) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}

function readerTarget(
  name: string,
  kind: 'sql' | 'orm',
  reader: SourceReader,
  dialect: Dialect,
  file: string,
  seeds: string[],
  tokens: string[],
  before?: () => Promise<void>,
): FuzzTarget {
  return {
    name,
    kind,
    tokens,
    seeds: readFixtures(seeds),
    async run(bytes) {
      await before?.();
      const { text } = decodeSource(bytes);
      // As the pipeline reads: an exception that escapes the reader becomes a diagnostic.
      const result = await readGuarded(reader, { path: file, text }, { dialect });
      // Oracle and Db2 fold unquoted names to upper case, SQL Server to lower case: the probe is compared folded.
      const tables = result.ops.flatMap((op) => (op.op === 'create-table' ? [op.name.name.toLowerCase()] : []));
      return { text, path: file, diagnostics: result.diagnostics, tables };
    },
  };
}

export const TARGETS: FuzzTarget[] = [
  readerTarget(
    'postgresql',
    'sql',
    postgresqlReader,
    'postgresql',
    'db/fuzz.sql',
    listFixtures('fixtures/insurer/db', /\.sql$/),
    SQL_TOKENS,
    loadPostgresParser,
  ),
  readerTarget(
    'mysql',
    'sql',
    mysqlReader,
    'mysql',
    'db/fuzz.sql',
    listFixtures('fixtures/mysql', /\.sql$/),
    SQL_TOKENS,
  ),
  readerTarget(
    'mariadb',
    'sql',
    mysqlReader,
    'mariadb',
    'db/fuzz.sql',
    ['fixtures/mysql/mariadb-dump.sql', 'fixtures/mysql/mariadb-users.sql'],
    SQL_TOKENS,
  ),
  readerTarget(
    'sqlite',
    'sql',
    sqliteReader,
    'sqlite',
    'db/fuzz.sql',
    listFixtures('fixtures/sqlite', /\.sql$/),
    SQL_TOKENS,
  ),
  readerTarget(
    'bigquery',
    'sql',
    bigqueryReader,
    'bigquery',
    'db/fuzz.sql',
    listFixtures('fixtures/bigquery', /\.sql$/),
    SQL_TOKENS,
  ),
  readerTarget(
    'oracle',
    'sql',
    oracleReader,
    'oracle',
    'db/fuzz.sql',
    [...listFixtures('fixtures/oracle-db', /\.sql$/), ...listFixtures('fixtures/insurer-oracle', /\.sql$/)],
    [...SQL_TOKENS, '/', '\n/\n', 'DBMS_RLS.ADD_POLICY(', '=>', 'PROMPT', 'SYNONYM', "q'[x]'", '@link'],
  ),
  readerTarget(
    'sqlserver',
    'sql',
    sqlServerReader,
    'sqlserver',
    'db/fuzz.sql',
    [...listFixtures('fixtures/sqlserver', /\.sql$/), ...listFixtures('fixtures/insurer-sqlserver', /\.sql$/)],
    [...SQL_TOKENS, '\nGO\n', 'DENY', 'SCHEMA::', 'EXEC sp_addextendedproperty', "N'x'", '@name=', 'MASKED'],
  ),
  readerTarget('db2', 'sql', db2Reader, 'db2', 'db/fuzz.sql', listFixtures('fixtures/db2', /\.sql$/), [
    ...SQL_TOKENS,
    '--#SET TERMINATOR @\n',
    '@',
    'MASK',
    'PERMISSION',
    'ACTIVATE',
    'ALIAS',
    'RETURN',
  ]),
  readerTarget(
    'typeorm',
    'orm',
    typeOrmReader,
    'postgresql',
    'src/fuzz.entity.ts',
    listFixtures('fixtures/insurer-typeorm/src', /\.ts$/),
    TS_TOKENS,
  ),
  readerTarget(
    'drizzle',
    'orm',
    drizzleReader,
    'postgresql',
    'src/schema/fuzz.ts',
    listFixtures('fixtures/insurer-drizzle/src', /\.ts$/),
    TS_TOKENS,
  ),
  readerTarget(
    'prisma',
    'orm',
    prismaReader,
    'postgresql',
    'prisma/schema.prisma',
    listFixtures('fixtures/insurer-prisma/prisma', /\.prisma$/),
    PRISMA_TOKENS,
  ),
  {
    name: 'config',
    kind: 'config',
    tokens: CONFIG_TOKENS,
    seeds: readFixtures([
      ...listFixtures('fixtures/config', /\.(ya?ml|json)$/),
      'fixtures/insurer/spif.config.yaml',
      'fixtures/insurer-prisma/spif.config.yaml',
    ]),
    async run(bytes) {
      const file = 'spif.config.yaml';
      const { text } = decodeSource(bytes);
      const { problems } = validateConfigText(text, file);
      return { text, path: file, diagnostics: [], problems, tables: [] };
    },
  },
];

/**
 * Appended to some SQL inputs: whatever came before, this table must be read, or the reader must
 * have said why not (an error or warning). Catches input that silently swallows the rest of a file.
 */
export const PROBE_SQL = '\n;\nCREATE TABLE zz_spif_probe (a int);\n';
export const PROBE_TABLE = 'zz_spif_probe';

export function targetNamed(name: string): FuzzTarget {
  const t = TARGETS.find((x) => x.name === name);
  if (!t) throw new Error(`no fuzz target '${name}' (have: ${TARGETS.map((x) => x.name).join(', ')})`);
  return t;
}
