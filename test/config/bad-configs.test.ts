/**
 * Every kind of config mistake, with the exact message and line a user sees. Each case lists all
 * problems the text has, so a missing or extra message fails the test.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText, validateConfigText } from '../../src/config/index.js';
import { UserError } from '../../src/diagnostics.js';

const F = 'spif.config.yaml';

interface Case {
  name: string;
  text: string;
  problems: string[];
}

const cases: Case[] = [
  // --- types and values ---
  {
    name: 'boolean written as yes',
    text: 'version: 1\ninferLinks: yes\n',
    problems: [`${F}:2: inferLinks: expected true or false, got the text 'yes'`],
  },
  {
    name: 'list written as a single value',
    text: 'version: 1\nprincipals:\n  - name: kyufu-system\n    roles: app_kyufu\n',
    problems: [`${F}:4: principals.0.roles: expected a list, got the text 'app_kyufu'`],
  },
  {
    name: 'empty key value',
    text: 'version: 1\nlinkKeys:\n',
    problems: [`${F}:2: linkKeys: expected a list, got nothing (null)`],
  },
  {
    name: 'dialect misspelt',
    text: 'version: 1\ndialect: postgres\n',
    problems: [
      `${F}:2: dialect: expected one of 'postgresql', 'mysql', 'mariadb', 'sqlite', 'bigquery', 'oracle', 'sqlserver', 'db2'; got the text 'postgres'; did you mean 'postgresql'?`,
    ],
  },
  {
    name: 'postgresVersion out of range and not whole',
    text: 'version: 1\npostgresVersion: 19\nlimits:\n  maxFileBytes: 1.5\n',
    problems: [
      `${F}:2: postgresVersion: must be at most 18, got the number 19`,
      `${F}:4: limits.maxFileBytes: expected a whole number, got the number 1.5`,
    ],
  },
  {
    name: 'root is a list',
    text: '- version: 1\n',
    problems: [`${F}:1: expected a mapping (key: value), got a list`],
  },
  {
    name: 'empty file',
    text: '# only a comment\n',
    problems: [`${F}:1: the config is empty; it needs at least 'version: 1'`],
  },
  // --- version ---
  {
    name: 'missing version',
    text: 'dialect: mysql\n',
    problems: [`${F}:1: version: required; write 'version: 1' at the top of the file`],
  },
  {
    name: 'unsupported version',
    text: 'version: 2\n',
    problems: [`${F}:1: version: unsupported config version 2; this spif reads version: 1`],
  },
  // --- unknown keys ---
  {
    name: 'unknown top-level key, did you mean',
    text: 'version: 1\nprincpals:\n  - name: kyufu-system\n',
    problems: [`${F}:2: princpals: unknown key; did you mean 'principals'?`],
  },
  {
    name: 'snake_case key',
    text: 'version: 1\ninfer_links: false\n',
    problems: [`${F}:2: infer_links: unknown key; did you mean 'inferLinks'?`],
  },
  {
    name: 'unknown nested key, did you mean',
    text: 'version: 1\ndatabases:\n  - name: bango\n    source: ["db/**/*.sql"]\n',
    problems: [
      `${F}:3: databases.0: a database needs sources (globs of schema files) or a url`,
      `${F}:4: databases.0.source: unknown key; did you mean 'sources'?`,
    ],
  },
  {
    name: 'unknown nested key without a close match lists the keys',
    text: 'version: 1\nprincipals:\n  - name: kyufu-system\n    team: 給付課\n',
    problems: [`${F}:4: principals.0.team: unknown key; expected one of: name, connects, roles, description, users`],
  },
  {
    name: 'unknown key under numberColumns',
    text: 'version: 1\nnumberColumns:\n  includes: ["*.*.*.kojin_bango"]\n',
    problems: [`${F}:3: numberColumns.includes: unknown key; did you mean 'include'?`],
  },
  // --- names referenced elsewhere ---
  {
    name: 'principal connects to an undeclared database',
    text: [
      'version: 1',
      'databases:',
      '  - name: bango',
      '    sources: ["db/bango/*.sql"]',
      '  - name: kyufu',
      '    sources: ["db/kyufu/*.sql"]',
      'principals:',
      '  - name: kyufu-system',
      '    connects:',
      '      - kyufu',
      '      - kyfu',
      '      - chukan',
      '',
    ].join('\n'),
    problems: [
      `${F}:11: principals.0.connects.1: unknown database 'kyfu'; did you mean 'kyufu'?`,
      `${F}:12: principals.0.connects.2: unknown database 'chukan'; declared databases: bango, kyufu`,
    ],
  },
  {
    name: 'inventory names an undeclared file',
    text: [
      'version: 1',
      'files:',
      '  - name: 被保険者情報ファイル',
      '    relations: ["default.public.*"]',
      'inventory: [被保険者情報ファイル, 被保険者ファイル, 宛名ファイル]',
      '',
    ].join('\n'),
    problems: [
      `${F}:5: inventory.1: unknown file '被保険者ファイル'; did you mean '被保険者情報ファイル'?`,
      `${F}:5: inventory.2: unknown file '宛名ファイル'; declared files: 被保険者情報ファイル`,
    ],
  },
  {
    name: 'inventory without files',
    text: 'version: 1\ninventory: [宛名ファイル]\n',
    problems: [`${F}:2: inventory.0: unknown file '宛名ファイル'; no files are declared under 'files'`],
  },
  {
    name: '評価書 keys: unknown principal in files[].principals, a negative count, a wrong file type',
    text: [
      'version: 1',
      'principals:',
      '  - name: kyufu-system',
      '    users: -3',
      'files:',
      '  - name: 給付ファイル',
      '    relations: ["kyufu.public.*"]',
      '    principals: [kyufu-sytem]',
      '    fileType: spreadsheet',
      'assessment:',
      '  handlers: many',
    ].join('\n'),
    problems: [
      `${F}:4: principals.0.users: must be at least 0, got the number -3`,
      `${F}:8: files.0.principals.0: unknown principal 'kyufu-sytem'; did you mean 'kyufu-system'?`,
      `${F}:9: files.0.fileType: expected one of 'system', 'other-electronic'; got the text 'spreadsheet'`,
      `${F}:11: assessment.handlers: expected a number, got the text 'many'`,
    ],
  },
  {
    name: 'duplicate database, principal and file names',
    text: [
      'version: 1',
      'databases:',
      '  - name: bango',
      '    sources: ["a/*.sql"]',
      '  - name: bango',
      '    sources: ["b/*.sql"]',
      'principals:',
      '  - name: staff',
      '  - name: staff',
      'files:',
      '  - name: 宛名ファイル',
      '    relations: ["bango.public.*"]',
      '  - name: 宛名ファイル',
      '    relations: ["bango.public.atena"]',
      '',
    ].join('\n'),
    problems: [
      `${F}:5: databases.1.name: duplicate database name 'bango' (first declared at line 3)`,
      `${F}:9: principals.1.name: duplicate principal name 'staff' (first declared at line 8)`,
      `${F}:13: files.1.name: duplicate file name '宛名ファイル' (first declared at line 11)`,
    ],
  },
  {
    name: 'database name with a dot',
    text: 'version: 1\ndatabases:\n  - name: my.db\n    sources: ["*.sql"]\n',
    problems: [`${F}:3: databases.0.name: a database name cannot contain '.' or be '*'`],
  },
  {
    name: 'databases given but empty',
    text: 'version: 1\ndatabases: []\n',
    problems: [`${F}:2: databases: must list at least 1 item`],
  },
  // --- globs ---
  {
    name: 'bad glob syntax',
    text: 'version: 1\ndatabases:\n  - name: bango\n    sources:\n      - "db/*.sql"\n      - "db/[abc.sql"\n      - "db/{a,b.sql"\n',
    problems: [
      `${F}:6: databases.0.sources.1: bad glob 'db/[abc.sql': '[' is never closed by ']' (write '\\[' to match a literal '[')`,
      `${F}:7: databases.0.sources.2: bad glob 'db/{a,b.sql': '{' is never closed by '}' (write '\\{' to match a literal '{')`,
    ],
  },
  {
    name: 'glob outside the config directory',
    text: 'version: 1\ndatabases:\n  - name: bango\n    sources: ["../shared/*.sql", "/etc/*.sql"]\n',
    problems: [
      `${F}:4: databases.0.sources.0: '../shared/*.sql' reaches outside the config directory; set allowOutsideRoot: true to scan it`,
      `${F}:4: databases.0.sources.1: '/etc/*.sql' reaches outside the config directory; set allowOutsideRoot: true to scan it`,
    ],
  },
  // --- links and patterns ---
  {
    name: 'link refs: parts, wildcard, pair, undeclared database',
    text: [
      'version: 1',
      'databases:',
      '  - name: bango',
      '    sources: ["db/bango/*.sql"]',
      '  - name: kyufu',
      '    sources: ["db/kyufu/*.sql"]',
      'links:',
      '  - [kyufu.public.jukyusha, bango.public.bango_kanri.hihokensha_no]',
      '  - [kyufu.public.*.hihokensha_no, bango.public.bango_kanri.hihokensha_no]',
      '  - [kyufu.public.jukyusha.hihokensha_no]',
      '  - [kyuhu.public.jukyusha.hihokensha_no, bango.public.bango_kanri.hihokensha_no]',
      '',
    ].join('\n'),
    problems: [
      `${F}:8: links.0.0: expected database.schema.relation.column (4 parts separated by '.'), got 3 parts in 'kyufu.public.jukyusha'`,
      `${F}:9: links.1.0: a link names one column exactly; '*' is not allowed ('kyufu.public.*.hihokensha_no')`,
      `${F}:10: links.2: a link is a pair of columns: [db.schema.relation.column, db.schema.relation.column]`,
      `${F}:11: links.3.0: unknown database 'kyuhu'; did you mean 'kyufu'? (in 'kyuhu.public.jukyusha.hihokensha_no')`,
    ],
  },
  {
    name: 'patterns with the wrong number of parts or a partial wildcard',
    text: [
      'version: 1',
      'numberColumns:',
      '  include: ["bango_kanri.kojin_bango"]',
      '  exclude: ["*.*.*.kojin_*"]',
      'files:',
      '  - name: 宛名ファイル',
      '    relations: ["public.atena"]',
      'suppressions:',
      '  - relation: default.public.atena.kojin_bango',
      '    reason: reviewed',
      '',
    ].join('\n'),
    problems: [
      `${F}:3: numberColumns.include.0: expected database.schema.relation.column (4 parts separated by '.'), got 2 parts in 'bango_kanri.kojin_bango'`,
      `${F}:4: numberColumns.exclude.0: '*' stands for a whole part, not part of a name ('kojin_*' in '*.*.*.kojin_*')`,
      `${F}:7: files.0.relations.0: expected database.schema.relation (3 parts separated by '.'), got 2 parts in 'public.atena'`,
      `${F}:9: suppressions.0.relation: expected database.schema.relation (3 parts separated by '.'), got 4 parts in 'default.public.atena.kojin_bango'`,
    ],
  },
  {
    name: 'empty part in a pattern',
    text: 'version: 1\nnumberColumns:\n  include: ["bango..kanri.kojin_bango"]\n',
    problems: [
      `${F}:3: numberColumns.include.0: 'bango..kanri.kojin_bango' has an empty part; expected database.schema.relation.column`,
    ],
  },
  // --- live scan urls ---
  {
    name: 'password in url',
    text: 'version: 1\ndatabases:\n  - name: bango\n    url: postgres://spif:s3cret@db.example.lg.jp:5432/bango\n',
    problems: [
      `${F}:4: databases.0.url: the connection string must not contain a password; remove it and set PGPASSWORD or use a ~/.pgpass file`,
    ],
  },
  {
    name: 'password in url query',
    text: 'version: 1\ndatabases:\n  - name: bango\n    url: "postgresql://spif@localhost/bango?password=s3cret"\n',
    problems: [
      `${F}:4: databases.0.url: the connection string must not contain a password; remove it and set PGPASSWORD or use a ~/.pgpass file`,
    ],
  },
  {
    name: 'url that is not postgres, and url on a mysql database',
    text: 'version: 1\ndatabases:\n  - name: a\n    url: mysql://root@localhost/a\n  - name: b\n    dialect: mysql\n    url: postgres://spif@localhost/b\n',
    problems: [
      `${F}:4: databases.0.url: expected a connection string like postgres://user@host:5432/dbname`,
      `${F}:7: databases.1.url: a url is for live PostgreSQL scans, but this database's dialect is mysql`,
    ],
  },
  // --- suppressions ---
  {
    name: 'suppression without reason, blank reason, nothing to suppress',
    text: [
      'version: 1',
      'suppressions:',
      '  - relation: default.public.audit_log',
      '  - rule: SPIF-SQL-UNSUPPORTED',
      '    reason: "  "',
      '  - reason: just because',
      '',
    ].join('\n'),
    problems: [
      `${F}:3: suppressions.0.reason: required`,
      `${F}:5: suppressions.1.reason: must not be empty`,
      `${F}:6: suppressions.2: a suppression needs a relation, a rule, or both`,
    ],
  },
  // --- YAML syntax ---
  {
    name: 'YAML syntax error has line and column',
    text: 'version: 1\nlinkKeys: [atena_no\ninferLinks: true\n',
    problems: [`${F}:3:1: Flow sequence in block collection must be sufficiently indented and end with a ]`],
  },
  {
    name: 'duplicate key',
    text: 'version: 1\ndialect: mysql\ndialect: sqlite\n',
    problems: [`${F}:3:1: Map keys must be unique`],
  },
  // --- everything at once, sorted by line ---
  {
    name: 'several problems are all listed',
    text: 'dialect: informix\nprincpals: []\ninferLinks: 1\n',
    problems: [
      `${F}:1: dialect: expected one of 'postgresql', 'mysql', 'mariadb', 'sqlite', 'bigquery', 'oracle', 'sqlserver', 'db2'; got the text 'informix'`,
      `${F}:1: version: required; write 'version: 1' at the top of the file`,
      `${F}:2: princpals: unknown key; did you mean 'principals'?`,
      `${F}:3: inferLinks: expected true or false, got the number 1`,
    ],
  },
];

describe('bad configs', () => {
  it.each(cases)('$name', ({ text, problems }) => {
    expect(validateConfigText(text, F)).toEqual({ problems });
    let thrown: unknown;
    try {
      parseConfigText(text, F);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as ConfigError).details).toEqual(problems);
    expect((thrown as ConfigError).message).toBe(
      `invalid config ${F} (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
    );
  });

  it('never echoes a password from a url', () => {
    const { problems } = validateConfigText(
      'version: 1\ndatabases:\n  - name: bango\n    url: postgres://spif:s3cret@host/bango\n',
      F,
    );
    expect(problems).toHaveLength(1);
    expect(problems.join('\n')).not.toContain('s3cret');
  });
});
