/**
 * The zod schema of spif.config.yaml. Checks that look at one value live here; checks that
 * compare values (names referenced elsewhere, duplicates) live in cross-check.ts.
 */
import { z } from 'zod';
import { crossCheck } from './cross-check.js';
import { globSyntaxProblem } from './globs.js';
import { COLUMN_PARTS, RELATION_PARTS, refProblem } from './refs.js';
import { say } from './texts.js';

import { DIALECTS } from './dialects.js';

export const dialectSchema = z.enum(DIALECTS);

const text = z.string().min(1);

/** A name used as the first part of relation ids, so it cannot contain a dot. */
const databaseName = text.refine((s) => !s.includes('.') && s !== '*', {
  error: () => say('databaseName'),
});

/** A reference or pattern with a fixed number of parts; see refs.ts. */
function ref(parts: number, wildcards: boolean, description: string) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const problem = refProblem(value, parts, wildcards);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
    })
    .describe(description);
}
const columnPattern = ref(COLUMN_PARTS, true, 'database.schema.relation.column; `*` matches one part');
const relationPattern = ref(RELATION_PARTS, true, 'database.schema.relation; `*` matches one part');
const columnRef = ref(COLUMN_PARTS, false, 'database.schema.relation.column, no wildcards');
/** A numberColumns entry: a column pattern, or the pattern with the reason for the decision (shown in reports). */
const numberColumnEntry = z.union(
  [
    columnPattern,
    z.strictObject({
      column: columnPattern,
      reason: z.string().trim().min(1).optional().describe('why: shown in reports as the basis of the verdict'),
    }),
  ],
  { error: () => say('numberColumnEntry') },
);

const sourceGlob = z
  .string()
  .superRefine((value, ctx) => {
    const problem = globSyntaxProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  })
  .describe('glob of schema source files, relative to the config file');

/**
 * A connection string for live scans. Passwords stay out of config files (they get committed);
 * libpq's own PGPASSWORD and ~/.pgpass supply them instead.
 */
const postgresUrl = z
  .string()
  .superRefine((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    if (!url || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')) {
      ctx.addIssue({ code: 'custom', message: say('postgresUrl') });
      return;
    }
    // Never echo the value: it may hold the secret we are warning about.
    if (url.password !== '' || url.searchParams.has('password')) {
      ctx.addIssue({
        code: 'custom',
        message: say('urlPassword'),
      });
    }
  })
  .describe('postgres:// connection string for a live scan, without a password (use PGPASSWORD or ~/.pgpass)');

export const databaseSchema = z
  .strictObject({
    name: databaseName.describe('database name: the first part of relation ids'),
    dialect: dialectSchema.optional().describe('dialect of this database; defaults to the top-level dialect'),
    sources: z.array(sourceGlob).default([]).describe('globs of schema sources, relative to the config file'),
    url: postgresUrl.optional(),
    connection: z
      .strictObject({
        dbname: text
          .optional()
          .describe("the database name servers and subscriptions use (default: its url's, else `name`)"),
        host: text.optional().describe('host name other databases connect to (tells apart same-named databases)'),
        port: z.union([z.number().int().positive(), text]).optional().describe('port other databases connect to'),
      })
      .optional()
      .describe(
        'how other databases reach this one: postgres_fdw servers, dblink calls, subscriptions and Oracle database links are matched to it by these',
      ),
    aliases: z
      .array(text)
      .optional()
      .describe(
        'other names that reach this database: Oracle TNS aliases (net service names) and database link names; a CREATE DATABASE LINK whose USING string or name is listed here reaches it (case-insensitive)',
      ),
  })
  .superRefine((db, ctx) => {
    if (db.sources.length === 0 && db.url === undefined) {
      ctx.addIssue({ code: 'custom', message: say('databaseNeedsSources'), path: [] });
    }
  });

export const principalSchema = z.strictObject({
  name: text.describe('name of the system or staff group'),
  connects: z.array(text).optional().describe('databases it can connect to (names from `databases`); omitted: all'),
  roles: z.array(text).optional().describe('SQL roles it acts as; omitted: it reads every relation it can connect to'),
  description: z.string().optional(),
  users: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('使用者数: people who use the files as this principal (評価書 Ⅱ-3 ⑦)'),
});

export const fileSchema = z.strictObject({
  name: text.describe('name of the 特定個人情報ファイル as written in the 評価書'),
  relations: z.array(relationPattern).min(1).describe('relations in the file: database.schema.relation patterns'),
  description: z.string().optional(),
  // 評価書 Ⅱ 2.基本情報 of this file (docs/reports.md); omitted keys are left for the author to fill in.
  fileType: z
    .enum(['system', 'other-electronic'])
    .optional()
    .describe(
      '①ファイルの種類: system = システム用ファイル, other-electronic = その他の電子ファイル（表計算ファイル等）; default system',
    ),
  persons: z.number().int().nonnegative().optional().describe("②対象となる本人の数 (chooses the form's band)"),
  personScope: z.string().optional().describe('③対象となる本人の範囲'),
  personScopeReason: z.string().optional().describe('③その必要性'),
  heldSince: z.string().optional().describe('⑤保有開始日, as written in the 評価書 (e.g. 平成27年10月5日)'),
  department: z.string().optional().describe('⑥事務担当部署'),
  principals: z
    .array(text)
    .optional()
    .describe(
      'Ⅱ-3 ⑦使用の主体: principals of this 事務; others that read the file are listed as 提供・移転 candidates',
    ),
});

/** The 事務 the 評価書 covers, for しきい値判断 (特定個人情報保護評価指針 第5の2). */
export const assessmentSchema = z.strictObject({
  targetPersons: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('対象人数: people whose 特定個人情報 the 事務 handles'),
  handlers: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('取扱者数: staff, contractors included, who handle the files'),
  seriousIncident: z
    .boolean()
    .optional()
    .describe('重大事故: a serious incident involving 特定個人情報 in the past year'),
});

export const suppressionSchema = z
  .strictObject({
    relation: relationPattern.optional(),
    rule: text.optional().describe('rule or diagnostic code to suppress'),
    reason: z.string().trim().min(1).describe('why this is suppressed (required, shown in reports)'),
  })
  .superRefine((s, ctx) => {
    if (s.relation === undefined && s.rule === undefined) {
      ctx.addIssue({ code: 'custom', message: say('suppressionNeedsTarget'), path: [] });
    }
  });

/** The config as written; `configSchema` adds the cross-reference checks on top. */
export const configObjectSchema = z
  .strictObject({
    $schema: z.string().optional().describe('path or URL of config.schema.json, for editors'),
    version: z.literal(1, {
      error: (issue) =>
        issue.input === undefined ? say('versionRequired') : say('versionUnsupported', JSON.stringify(issue.input)),
    }),
    dialect: dialectSchema.default('postgresql').describe('default dialect of the sources'),
    postgresVersion: z
      .number()
      .int()
      .min(15)
      .max(18)
      .default(16)
      .describe('PostgreSQL major version whose access semantics are applied'),
    databases: z
      .array(databaseSchema)
      .min(1)
      .optional()
      .describe('databases and their sources; omitted: all sources form one database "default"'),
    principals: z.array(principalSchema).default([]).describe('systems or staff groups that use the files'),
    links: z
      .array(z.tuple([columnRef, columnRef], { error: () => say('linkPair') }))
      .default([])
      .describe('joins not visible in the DDL, also across databases'),
    linkKeys: z.array(text).default([]).describe('column names that join wherever they occur'),
    inferLinks: z
      .boolean()
      .default(true)
      .describe(
        'link relations on shared keys: a single-column key name, or every column of a multi-column key (implied keys)',
      ),
    numberColumns: z
      .strictObject({
        include: z.array(numberColumnEntry).default([]).describe('columns that hold the 個人番号'),
        substitute: z.array(numberColumnEntry).default([]).describe('columns holding a substitute code (機関別符号 …)'),
        exclude: z.array(numberColumnEntry).default([]).describe('columns that never hold the number'),
      })
      .prefault({})
      .describe('explicit number columns; wins over detection rules'),
    files: z.array(fileSchema).default([]).describe('named 特定個人情報ファイル'),
    assessment: assessmentSchema
      .optional()
      .describe('しきい値判断 inputs of the 評価書 (対象人数, 取扱者数, 重大事故)'),
    inventory: z.array(text).optional().describe('file names the current PIA declares; used by `spif check`'),
    suppressions: z.array(suppressionSchema).default([]).describe('findings deliberately accepted, with a reason'),
    check: z
      .strictObject({
        strict: z.boolean().default(false).describe('make `spif check` stricter (see docs/config.md)'),
        failOnCandidates: z
          .boolean()
          .default(true)
          .describe(
            '`spif check` fails on candidate columns (要確認) that numberColumns has not decided (SPIF-CHECK-CANDIDATE)',
          ),
        failOnBecameSpecific: z.boolean().default(true).describe('`spif diff` fails when a relation became specific'),
      })
      .prefault({}),
    limits: z
      .strictObject({
        maxFileBytes: z.number().int().positive().optional().describe('skip source files larger than this'),
      })
      .prefault({}),
    allowOutsideRoot: z
      .boolean()
      .default(false)
      .describe('follow symlinks and globs that lead outside the config directory'),
    ignore: z
      .array(text)
      .optional()
      .describe(
        'gitignore-style patterns, relative to the config directory, of files no scan reads (beside a .spifignore file)',
      ),
  })
  .meta({ title: 'spif configuration', description: 'spif.config.yaml: see docs/config.md' });

/** The full schema: shape and values, then names referenced across the config. */
export const configSchema = configObjectSchema.superRefine((config, ctx) => {
  for (const p of crossCheck(config)) ctx.addIssue({ code: 'custom', message: p.message, path: p.path });
});

/** The config with defaults applied. */
export type SpifConfig = z.infer<typeof configSchema>;
export type PrincipalConfig = z.infer<typeof principalSchema>;
export type FileConfig = z.infer<typeof fileSchema>;
export type SuppressionConfig = z.infer<typeof suppressionSchema>;
