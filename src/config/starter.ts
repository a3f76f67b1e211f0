/**
 * The commented starter config written by `spif init`. Settings with safe defaults are active;
 * the rest are commented-out examples of the bundled insurer sample (保険者), ready to adapt.
 */

interface Section {
  /** Explanation, one comment line each. */
  notes: string[];
  /** YAML that is active in the starter. */
  active?: string;
  /** YAML that is commented out in the starter (an example to adapt). */
  example?: string;
}

const SECTIONS: Section[] = [
  {
    notes: [
      'spif configuration: which schema sources form which databases, who uses them, and which',
      '特定個人情報ファイル the PIA (特定個人情報保護評価書) declares. Every key: docs/config.md',
      'Lines that start with "# " followed by a key are examples: remove the "# " to use them.',
    ],
    active: 'version: 1',
  },
  {
    notes: ['SQL dialect of the sources: postgresql | mysql | mariadb | sqlite | bigquery'],
    active: 'dialect: postgresql',
  },
  {
    notes: ['PostgreSQL major version whose access rules (grants, RLS, views) spif applies: 15-18'],
    active: 'postgresVersion: 16',
  },
  {
    notes: [
      'Databases and their schema sources (globs relative to this file). Without this list, all',
      'sources under the scanned paths form one database named "default".',
    ],
    example: `databases:
  - name: bango
    sources: ["db/bango/**/*.sql"]
  - name: kyufu
    dialect: mysql
    sources: ["db/kyufu/**/*.sql", "src/entities/**/*.ts"]
  - name: jumin
    dialect: oracle
    sources: ["db/jumin/**/*.sql"]
    aliases: [JUMINDB]   # TNS aliases / database link names that reach it (CREATE DATABASE LINK … USING 'JUMINDB')`,
  },
  {
    notes: ['Systems or staff groups that use the files: the databases they connect to, the SQL roles they act as.'],
    example: `principals:
  - name: kyufu-system
    connects: [kyufu]
    roles: [app_kyufu]
    description: 給付システム
    users: 40            # 使用者数 (評価書 Ⅱ-3 ⑦)`,
  },
  {
    notes: ['Joins not visible in the DDL, also across databases: pairs of database.schema.relation.column.'],
    example: `links:
  - [kyufu.public.jukyusha.hihokensha_no, bango.public.bango_kanri.hihokensha_no]`,
  },
  {
    notes: ['Column names that join wherever they occur.'],
    example: 'linkKeys: [hihokensha_no, atena_no]',
  },
  {
    notes: ['Link relations on shared keys of the same name, single- or multi-column (implied keys).'],
    active: 'inferLinks: true',
  },
  {
    notes: [
      'Number columns named explicitly; they win over the detection rules. `*` matches one part.',
      'include: holds the 個人番号; substitute: a code used in its place (機関別符号); exclude: never the number.',
    ],
    example: `numberColumns:
  include: ["bango.public.bango_kanri.kojin_bango"]
  substitute: ["chukan.public.fugo.kikanbetsu_fugo"]
  exclude: ["*.*.*.kojin_bango_kofu_date"]`,
  },
  {
    notes: [
      '特定個人情報ファイル by the names written in the 評価書, and the relations in each. The other keys fill',
      'the 評価書 Ⅱ 2.基本情報 of the file (--format markdown/html/xlsx); keys left out stay 「（記入）」.',
    ],
    example: `files:
  - name: 被保険者情報ファイル
    relations: ["kyufu.public.*"]
    fileType: system                     # ①ファイルの種類: system (システム用ファイル) | other-electronic
    persons: 120000                      # ②対象となる本人の数 (spif picks the form's band)
    personScope: 被保険者                 # ③対象となる本人の範囲
    personScopeReason: 給付の事務において本人を特定するため   # ③その必要性
    heldSince: 平成28年1月1日             # ⑤保有開始日
    department: 保険年金課                # ⑥事務担当部署
    principals: [kyufu-system]           # ⑦使用の主体 (others that read the file: 提供・移転 candidates)`,
  },
  {
    notes: [
      'しきい値判断 (特定個人情報保護評価指針 第5の2): 対象人数, 取扱者数 and whether a 重大事故 occurred',
      'in the past year decide which assessment is required (基礎項目評価 / 重点項目評価 / 全項目評価).',
    ],
    example: `assessment:
  targetPersons: 120000                # 対象人数
  handlers: 80                         # 取扱者数
  seriousIncident: false               # 過去1年以内の重大事故`,
  },
  {
    notes: ['Files the current PIA declares; `spif check` compares them with what it finds.'],
    example: 'inventory: [被保険者情報ファイル]',
  },
  {
    notes: ['Findings accepted on purpose. A reason is required and shown in reports.'],
    example: `suppressions:
  - relation: kyufu.public.audit_log
    reason: 監査ログは閲覧権限を持つ者がいない (reviewed 2025-04)`,
  },
  {
    notes: ['Files no scan reads (gitignore syntax, relative to this file); a .spifignore file works the same.'],
    example: `ignore:
  - legacy/
  - "**/*_backup.sql"`,
  },
  {
    notes: ['Gate settings for `spif check` and `spif diff`.'],
    example: `check:
  strict: false
  failOnBecameSpecific: true`,
  },
];

function comment(line: string): string {
  return line === '' ? '#' : `# ${line}`;
}

function render(uncommentExamples: boolean): string {
  const blocks = SECTIONS.map((s) => {
    const lines = s.notes.map(comment);
    if (s.active) lines.push(s.active);
    if (s.example) lines.push(...s.example.split('\n').map((l) => (uncommentExamples ? l : comment(l))));
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** Commented YAML written by `spif init`; valid as it is. */
export function starterConfig(): string {
  return render(false);
}

/** The starter with every example switched on (tests check this is valid too). */
export function starterConfigWithExamples(): string {
  return render(true);
}
