/**
 * Deterministic generator of a large, realistic PostgreSQL schema repository, shaped like the
 * core systems of a national insurer or a municipality: several databases (番号管理, 資格, 給付,
 * 賦課・収納, 中間サーバー連携, 宛名, …), a few schemas each, ~10 columns per table with romanised
 * Japanese names, foreign keys inside table families, shared business keys (atena_no,
 * hihokensha_no, setai_no) that imply links, a few number columns (kojin_bango, kikanbetsu_fugo),
 * views, and 50–500 roles with memberships, schema, table and column grants.
 *
 * Everything comes from one seeded PRNG, so the same (tables, seed) always writes the same bytes.
 * Usage: tsx bench/generate.ts --tables 10000 [--seed 7] [--views] [--out bench/out/10000]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nth } from '../src/indexed.js';

/** Bumped whenever the output changes, so cached bench/out trees are regenerated. */
export const GENERATOR_VERSION = 3;

export interface GenerateOptions {
  tables: number;
  seed?: number;
  /** Tables per DDL file: real repositories split schemas into many migration files. */
  tablesPerFile?: number;
  /**
   * A view-heavy estate (`bench --views`): about one more view per table, so about half the
   * relations are views — `SELECT *` of a table, joins (a table with its family head on the
   * foreign key, or with the 宛名 master on atena_no), and views on views (stacks several deep).
   * They are written to extra files from a PRNG of their own, so every other file is byte for
   * byte the default estate's: the two scans compare views against the same tables.
   */
  views?: boolean;
}

export interface GeneratedRepo {
  dir: string;
  tables: number;
  views: number;
  roles: number;
  files: number;
  bytes: number;
  databases: number;
}

/** mulberry32: tiny, fast, good enough for shaping test data, and identical on every platform. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DbSpec {
  name: string;
  label: string;
  schemas: string[];
  /** Share of all tables that live here. */
  weight: number;
  /** Per-table chance of a number column (the 番号管理 DB holds most of them). */
  numberRate: number;
  numberColumn: 'kojin_bango' | 'kikanbetsu_fugo';
}

const DATABASES: DbSpec[] = [
  {
    name: 'bango',
    label: '番号管理',
    schemas: ['public', 'bango_rireki'],
    weight: 0.06,
    numberRate: 0.05,
    numberColumn: 'kojin_bango',
  },
  {
    name: 'atena',
    label: '宛名管理',
    schemas: ['public', 'juki', 'gaikokujin'],
    weight: 0.14,
    numberRate: 0.002,
    numberColumn: 'kojin_bango',
  },
  {
    name: 'shikaku',
    label: '資格管理',
    schemas: ['public', 'kokuho', 'koki'],
    weight: 0.2,
    numberRate: 0.001,
    numberColumn: 'kojin_bango',
  },
  {
    name: 'kyufu',
    label: '給付',
    schemas: ['public', 'ryoyohi', 'kogaku', 'kenshin'],
    weight: 0.25,
    numberRate: 0,
    numberColumn: 'kojin_bango',
  },
  {
    name: 'fuka',
    label: '賦課・収納',
    schemas: ['public', 'choshu', 'nofu'],
    weight: 0.2,
    numberRate: 0,
    numberColumn: 'kojin_bango',
  },
  {
    name: 'chukan',
    label: '中間サーバー連携',
    schemas: ['public', 'renkei'],
    weight: 0.05,
    numberRate: 0.04,
    numberColumn: 'kikanbetsu_fugo',
  },
  {
    name: 'master',
    label: 'コードマスタ',
    schemas: ['public'],
    weight: 0.1,
    numberRate: 0,
    numberColumn: 'kojin_bango',
  },
];

const SUBJECTS = [
  'hihokensha',
  'shikaku',
  'kyufu',
  'ryoyohi',
  'kogaku',
  'hokenryo',
  'choshu',
  'nofu',
  'menjo',
  'gengaku',
  'kenshin',
  'hokenshido',
  'setai',
  'atena',
  'juki',
  'kazei',
  'shotoku',
  'nenkin',
  'kaigo',
  'nintei',
  'jukyusha',
  'kofu',
  'shomeisho',
  'tokutei',
  'iryokikan',
  'shinryo',
  'chosei',
  'kanpu',
  'tokusoku',
  'taino',
];
const SUFFIXES = [
  'kanri',
  'rireki',
  'meisai',
  'joho',
  'shinsei',
  'kettei',
  'tsuchi',
  'ichiran',
  'kekka',
  'shokai',
  'ido',
  'shukei',
  'renkei',
  'work',
  'hozon',
  'yoyaku',
  'kakunin',
  'daicho',
  'jisseki',
  'sansho',
];
/** Ordinary columns: name, type, Japanese comment. */
const PLAIN_COLUMNS: [string, string, string][] = [
  ['shimei_kana', 'varchar(60)', '氏名カナ'],
  ['shimei_kanji', 'varchar(60)', '氏名漢字'],
  ['seinengappi', 'date', '生年月日'],
  ['seibetsu_cd', 'char(1)', '性別コード'],
  ['yubin_no', 'char(7)', '郵便番号'],
  ['jusho', 'varchar(200)', '住所'],
  ['denwa_no', 'varchar(15)', '電話番号'],
  ['kaishi_ymd', 'date', '開始年月日'],
  ['shuryo_ymd', 'date', '終了年月日'],
  ['kingaku', 'numeric(12)', '金額'],
  ['shori_kbn', 'char(2)', '処理区分'],
  ['jotai_cd', 'char(2)', '状態コード'],
  ['nendo', 'smallint', '年度'],
  ['biko', 'text', '備考'],
  ['toroku_user', 'varchar(20)', '登録者'],
  ['toroku_date', 'timestamp', '登録日時'],
  ['koshin_user', 'varchar(20)', '更新者'],
  ['koshin_date', 'timestamp', '更新日時'],
  ['sakujo_flg', 'boolean', '削除フラグ'],
  ['tsuchi_no', 'varchar(20)', '通知番号'],
  ['kofu_ymd', 'date', '交付年月日'],
  ['riyu_cd', 'char(3)', '理由コード'],
  ['kensu', 'integer', '件数'],
  ['futan_wariai', 'smallint', '負担割合'],
  ['iryokikan_cd', 'char(10)', '医療機関コード'],
];

const pad = (n: number, w = 4) => String(n).padStart(w, '0');

export function generateRepo(dir: string, options: GenerateOptions): GeneratedRepo {
  const random = rng(options.seed ?? 20240501);
  /** The view-heavy estate's own PRNG: the default estate's draws stay as they are. */
  const vrandom = rng((options.seed ?? 20240501) ^ 0x5eed);
  const pick = <T>(xs: readonly T[]): T => nth(xs, Math.floor(random() * xs.length));
  const chance = (p: number) => random() < p;
  const perFile = options.tablesPerFile ?? 200;
  const total = options.tables;
  // 50 roles at 1k tables, 100 at 10k, 500 at 50k: big estates have more systems and staff groups.
  const roleCount = Math.max(50, Math.min(500, Math.round(total / 100)));

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  // Roles: group roles per database and schema (read/write), application login roles that are
  // members of some groups, and staff login roles with a direct grant or two.
  const groups: string[] = [];
  for (const db of DATABASES)
    for (const s of db.schemas) groups.push(`grp_${db.name}_${s}_ref`, `grp_${db.name}_${s}_upd`);
  const apps: string[] = [];
  const staff: string[] = [];
  for (let i = 0; apps.length + staff.length + groups.length < roleCount; i++) {
    if (i % 4 === 0) apps.push(`app_${pick(SUBJECTS)}_${pad(i, 3)}`);
    else staff.push(`staff_${pick(SUBJECTS)}_${pad(i, 3)}`);
  }
  const roleSql: string[] = [
    '-- ロール: グループロール・アプリケーションロール・職員ロール',
    'CREATE ROLE bench_owner NOLOGIN;',
  ];
  for (const g of groups) roleSql.push(`CREATE ROLE ${g} NOLOGIN;`);
  for (const a of apps) roleSql.push(`CREATE ROLE ${a} LOGIN;`);
  for (const s of staff) roleSql.push(`CREATE ROLE ${s} LOGIN;`);
  const memberships = new Map<string, string[]>();
  for (const login of [...apps, ...staff]) {
    const n = login.startsWith('app_') ? 1 + Math.floor(random() * 4) : Math.floor(random() * 2);
    const of = new Set<string>();
    for (let i = 0; i < n; i++) of.add(pick(groups.filter((g) => g.endsWith('_ref') || chance(0.3))));
    memberships.set(login, [...of]);
    for (const g of of) roleSql.push(`GRANT ${g} TO ${login};`);
  }

  let tableCount = 0;
  let viewCount = 0;
  const configDbs: string[] = [];
  const links: [string, string][] = [];
  const dbOrder = [...DATABASES];
  for (let d = 0; d < dbOrder.length; d++) {
    const db = nth(dbOrder, d);
    const count = d === dbOrder.length - 1 ? total - tableCount : Math.round(total * db.weight);
    configDbs.push(db.name);
    const ddl: string[][] = [];
    let current: string[] = [];
    const grants: string[] = [`-- ${db.label} DB の権限`, `REVOKE CONNECT ON DATABASE ${db.name} FROM PUBLIC;`];
    const views: string[] = [];
    const moreViews: string[] = [];
    const moreGrants: string[] = [];
    /** Views made so far in this database (for views on views). */
    const viewNames: string[] = [];
    // Who connects: the groups of this database, and so their members.
    for (const g of groups.filter((x) => x.startsWith(`grp_${db.name}_`)))
      grants.push(`GRANT CONNECT ON DATABASE ${db.name} TO ${g};`);
    for (const s of db.schemas) {
      if (s !== 'public') current.push(`CREATE SCHEMA ${s} AUTHORIZATION bench_owner;`);
      grants.push(`GRANT USAGE ON SCHEMA ${s} TO grp_${db.name}_${s}_ref, grp_${db.name}_${s}_upd;`);
    }
    // The masters that own the shared business keys, one per database (implied-key holders).
    const masters = [
      `CREATE TABLE public.atena_kihon (\n    atena_no varchar(15) PRIMARY KEY,\n    setai_no varchar(15),\n    shimei_kana varchar(60),\n    shimei_kanji varchar(60),\n    seinengappi date,\n    jusho varchar(200)\n);`,
      `COMMENT ON TABLE public.atena_kihon IS '宛名基本';`,
      `CREATE TABLE public.hihokensha_kihon (\n    hihokensha_no varchar(12) PRIMARY KEY,\n    atena_no varchar(15) NOT NULL REFERENCES public.atena_kihon (atena_no),\n    shikaku_shutoku_ymd date,\n    shikaku_soshitsu_ymd date\n);`,
      `COMMENT ON TABLE public.hihokensha_kihon IS '被保険者基本';`,
    ];
    current.push(...masters);
    tableCount += 2;
    let made = 2;
    let family: { name: string; number: boolean; columns: string[] }[] = [];
    const usedNames = new Set<string>();
    while (made < count) {
      const schema = pick(db.schemas);
      let base = `${pick(SUBJECTS)}_${pick(SUFFIXES)}`;
      if (usedNames.has(`${schema}.${base}`)) base = `${base}_${pad(made)}`;
      usedNames.add(`${schema}.${base}`);
      const name = `${schema}.${base}`;
      const cols: string[] = ['    id bigserial PRIMARY KEY'];
      const comments: string[] = [];
      // Table families: the first table is the head, the rest refer to it (FK on <head>_id).
      if (family.length === 0 || family.length > 8 || chance(0.1)) family = [];
      const head = family[0];
      if (head) cols.push(`    ${nth(head.name.split('.'), 1).slice(0, 40)}_id bigint REFERENCES ${head.name} (id)`);
      if (chance(0.45)) cols.push('    atena_no varchar(15)');
      if (chance(0.3)) cols.push('    hihokensha_no varchar(12)');
      if (chance(0.1)) cols.push('    setai_no varchar(15)');
      const hasNumber = chance(db.numberRate);
      if (hasNumber) {
        cols.push(`    ${db.numberColumn} char(${db.numberColumn === 'kojin_bango' ? 12 : 17})`);
        comments.push(
          `COMMENT ON COLUMN ${name}.${db.numberColumn} IS '${db.numberColumn === 'kojin_bango' ? '個人番号' : '機関別符号'}';`,
        );
      }
      const plain = new Set<number>();
      while (cols.length + plain.size < 10) plain.add(Math.floor(random() * PLAIN_COLUMNS.length));
      for (const i of plain) {
        const [c, type, label] = nth(PLAIN_COLUMNS, i);
        cols.push(`    ${c} ${type}`);
        if (chance(0.15)) comments.push(`COMMENT ON COLUMN ${name}.${c} IS '${label}';`);
      }
      current.push(`CREATE TABLE ${name} (\n${cols.join(',\n')}\n);`);
      current.push(`COMMENT ON TABLE ${name} IS '${db.label} ${base}';`, ...comments);
      current.push(`ALTER TABLE ${name} OWNER TO bench_owner;`);
      family.push({ name, number: hasNumber, columns: cols.map((c) => nth(c.trim().split(' '), 0)) });
      made++;
      tableCount++;

      // Grants: the schema's read group on most tables; the number columns only to some roles.
      const ref = `grp_${db.name}_${schema}_ref`;
      const upd = `grp_${db.name}_${schema}_upd`;
      if (hasNumber) {
        const allowed = pick(apps);
        const others = cols.map((c) => c.trim().split(' ')[0]).filter((c) => c !== db.numberColumn);
        grants.push(`GRANT SELECT (${others.join(', ')}) ON ${name} TO ${ref};`);
        grants.push(`GRANT SELECT ON ${name} TO ${allowed};`);
        grants.push(`REVOKE ALL ON ${name} FROM PUBLIC;`);
      } else if (chance(0.85)) {
        grants.push(`GRANT SELECT ON ${name} TO ${ref};`);
      }
      if (chance(0.5)) grants.push(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${name} TO ${upd};`);
      if (chance(0.05))
        grants.push(
          `GRANT SELECT (id, ${
            nth(cols, cols.length - 1)
              .trim()
              .split(' ')[0]
          }) ON ${name} TO ${pick(staff)};`,
        );

      // Views over about one table in twelve, sometimes carrying the number column.
      if (chance(0.08)) {
        const vname = `${schema}.v_${base}`;
        const picked = cols.slice(0, 4).map((c) => c.trim().split(' ')[0]);
        if (hasNumber && chance(0.5)) picked.push(db.numberColumn);
        views.push(
          `CREATE VIEW ${vname} AS\n    SELECT ${picked.map((c) => `t.${c}`).join(', ')}\n    FROM ${name} t;`,
        );
        views.push(`ALTER VIEW ${vname} OWNER TO bench_owner;`);
        grants.push(`GRANT SELECT ON ${vname} TO ${pick([ref, ...staff.slice(0, 20)])};`);
        viewCount++;
      }
      if (options.views) {
        const more = viewsOver(name, base, schema, cols, head, viewNames, vrandom);
        moreViews.push(...more.sql);
        for (const v of more.names) {
          if (vrandom() < 0.85) moreGrants.push(`GRANT SELECT ON ${v} TO ${ref};`);
          if (vrandom() < 0.1)
            moreGrants.push(`GRANT SELECT ON ${v} TO ${staff[Math.floor(vrandom() * staff.length)]};`);
        }
        viewCount += more.names.length;
      }
      if (made % perFile === 0) {
        ddl.push(current);
        current = [];
      }
    }
    if (current.length) ddl.push(current);
    ddl.forEach((stmts, i) =>
      write(
        `db/${db.name}/${pad(i + 1)}_tables.sql`,
        `-- ${db.label} DB テーブル定義 (${i + 1})\n${stmts.join('\n')}\n`,
      ),
    );
    if (d === 0) write(`db/${db.name}/0000_roles.sql`, roleSql.join('\n') + '\n');
    write(`db/${db.name}/8000_views.sql`, `-- ${db.label} DB ビュー\n${views.join('\n')}\n`);
    write(`db/${db.name}/9000_grants.sql`, grants.join('\n') + '\n');
    if (options.views) {
      write(
        `db/${db.name}/8100_views_more.sql`,
        `-- ${db.label} DB ビュー（ビューの多い版）\n${moreViews.join('\n')}\n`,
      );
      write(`db/${db.name}/9100_view_grants.sql`, moreGrants.join('\n') + '\n');
    }
    if (db.name !== 'bango')
      links.push([`${db.name}.public.atena_kihon.atena_no`, 'bango.public.atena_kihon.atena_no']);
  }

  // Config: databases, a dozen declared systems acting as application roles (the other roles
  // are principals of their own), cross-database links on 宛名番号, and files per database.
  const systems = apps.slice(0, 12).map((a, i) => {
    const groupsOf = memberships.get(a) ?? [];
    const connects = [...new Set(groupsOf.map((g) => g.split('_')[1]))];
    return [
      `  - name: system-${pad(i + 1, 2)}`,
      `    description: 業務システム ${i + 1}`,
      `    connects: [${(connects.length ? connects : ['master']).join(', ')}]`,
      `    roles: [${a}]`,
    ].join('\n');
  });
  const config = [
    '# spif bench: generated by bench/generate.ts (deterministic; do not edit)',
    'version: 1',
    'dialect: postgresql',
    'databases:',
    ...configDbs.map((n) => `  - name: ${n}\n    sources: ["db/${n}/*.sql"]`),
    'principals:',
    ...systems,
    'links:',
    ...links.map(([a, b]) => `  - [${a}, ${b}]`),
    'files:',
    ...configDbs.map((n) => `  - name: ${n} ファイル\n    relations: ["${n}.*.*"]`),
    '',
  ].join('\n');
  write('spif.config.yaml', config);
  return {
    dir,
    tables: tableCount,
    views: viewCount,
    roles: groups.length + apps.length + staff.length + 1,
    files,
    bytes,
    databases: configDbs.length,
  };
}

/**
 * The extra views over one table (bench --views): `SELECT *` of it (one table in two), a join
 * (one in four: with its family head on the foreign key, else with the 宛名 master on atena_no),
 * and a view over an earlier view of the database (one in six, so stacks grow several deep).
 */
function viewsOver(
  table: string,
  base: string,
  schema: string,
  cols: string[],
  head: { name: string; columns: string[] } | undefined,
  earlier: string[],
  random: () => number,
): { sql: string[]; names: string[] } {
  const sql: string[] = [];
  const names: string[] = [];
  const add = (name: string, query: string) => {
    sql.push(`CREATE VIEW ${name} AS\n    ${query};`, `ALTER VIEW ${name} OWNER TO bench_owner;`);
    names.push(name);
    earlier.push(name);
  };
  const names0 = cols.map((c) => c.trim().split(' ')[0]);
  if (random() < 0.5) add(`${schema}.va_${base}`, `SELECT * FROM ${table}`);
  if (random() < 0.25) {
    if (head) {
      const fk = `${nth(head.name.split('.'), 1).slice(0, 40)}_id`;
      add(
        `${schema}.vj_${base}`,
        `SELECT t.*, h.id AS head_id, h.${head.columns[head.columns.length - 1]} AS head_value\n    FROM ${table} t JOIN ${head.name} h ON h.id = t.${fk}`,
      );
    } else if (names0.includes('atena_no')) {
      add(
        `${schema}.vj_${base}`,
        `SELECT t.*, a.shimei_kana AS atena_shimei_kana, a.setai_no AS atena_setai_no\n    FROM ${table} t JOIN public.atena_kihon a ON a.atena_no = t.atena_no`,
      );
    }
  }
  if (earlier.length && random() < 1 / 6) {
    const over = earlier[Math.floor(random() * earlier.length)];
    add(`${schema}.vv_${base}`, `SELECT * FROM ${over}`);
  }
  return { sql, names };
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const tables = Number(arg('tables') ?? 1000);
  const seed = Number(arg('seed') ?? 20240501);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const views = argv.includes('--views');
  const out = path.resolve(arg('out') ?? path.join(here, 'out', `${tables}${views ? '-views' : ''}`));
  const r = generateRepo(out, { tables, seed, views });
  console.log(
    `${r.dir}: ${r.tables} tables, ${r.views} views, ${r.roles} roles, ${r.databases} databases, ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main(process.argv.slice(2));

/**
 * t0 ← v1 ← … ← v(depth): each view `SELECT *` of the one below; holder.t0_id references t0 and
 * holds the number. app and clerk may read the top view; clerk may read holder but the number,
 * and with `appReadsHolder` app may read all of holder. The deep-stack benchmark and the bin test
 * of issue 16 scan the same script.
 */
export function viewStackSql(depth: number, appReadsHolder = false): string {
  const lines = [
    'CREATE TABLE t0 (id integer PRIMARY KEY, name text);',
    'CREATE TABLE holder (id integer PRIMARY KEY, t0_id integer REFERENCES t0 (id), kojin_bango char(12));',
    'CREATE VIEW v1 AS SELECT * FROM t0;',
  ];
  for (let i = 2; i <= depth; i++) lines.push(`CREATE VIEW v${i} AS SELECT * FROM v${i - 1};`);
  lines.push(
    'CREATE ROLE app LOGIN;',
    'CREATE ROLE clerk LOGIN;',
    `GRANT SELECT ON v${depth} TO app, clerk;`,
    ...(appReadsHolder ? ['GRANT SELECT ON holder TO app;'] : []),
    'GRANT SELECT (id, t0_id) ON holder TO clerk;',
  );
  return `${lines.join('\n')}\n`;
}
