/**
 * The report: one model that every reporter renders. Its zod schema is the JSON report contract
 * (`--format json`, schemaVersion 1; ../shared/spec/interface.md) and generates
 * docs/report.schema.json. Extend it only by adding fields.
 */
import { z } from 'zod';
import type { RelationId } from '../catalog/model.js';
import {
  basisSchema,
  blockSchema,
  numberColumnSchema,
  reachSchema,
  sourceRefSchema,
} from '../classify/evidence-schema.js';

export {
  CONTROLS,
  blockSchema,
  numberColumnSchema,
  pathStepSchema,
  sourceRefSchema,
} from '../classify/evidence-schema.js';
export type { Block, NumberColumnReport, PathStep, Reach } from '../classify/evidence-schema.js';

export const candidateColumnSchema = z
  .object({
    column: z.string().describe('column name'),
    kind: z.enum(['individual-number', 'substitute-code']).describe('what it would be if decided a number column'),
    rule: z.string().describe('detection rule id that made it a candidate'),
    evidence: z.string().describe('what showed it'),
    reason: z.string().describe('why it may be the number'),
    settle: z.string().describe('what would settle it'),
    source: sourceRefSchema.optional(),
    decision: z
      .object({
        verdict: z.enum(['number', 'not-number']),
        pattern: z.string().describe('the numberColumns entry that decided it'),
        reason: z.string().optional().describe('the reason written with the decision'),
      })
      .optional()
      .describe('set when numberColumns.include/substitute/exclude decided it; absent: undecided (要確認)'),
  })
  .meta({ description: 'a column that may hold the number (要確認): not a number column until the config decides it' });

/**
 * A relation id in the report: a plain JSON string (the schema and its JSON Schema are z.string()'s),
 * typed as the analysis' branded RelationId, since every id in a report is one the analysis built.
 */
const relationIdSchema = z.string() as unknown as z.ZodType<RelationId>;

export const relationReportSchema = z.object({
  id: relationIdSchema,
  database: z.string(),
  schema: z.string(),
  name: z.string(),
  writtenName: z
    .string()
    .optional()
    .describe(
      'the name as written, where the dialect compares names case-insensitively (SQL Server) and `name` is its lower-cased form; absent when they are the same',
    ),
  writtenSchema: z
    .string()
    .optional()
    .describe(
      'the schema name as written (SQL Server), where `schema` is its lower-cased form; absent when they are the same',
    ),
  kind: z
    .enum(['table', 'view', 'function'])
    .describe('function: a function or procedure whose results carry columns (read with EXECUTE)'),
  source: sourceRefSchema,
  classification: z.enum(['specific', 'not-specific']),
  basis: basisSchema,
  numberColumns: z.array(numberColumnSchema),
  candidates: z
    .array(candidateColumnSchema)
    .optional()
    .describe('columns to review (要確認), decided or not; absent when none'),
  reachable: z.array(reachSchema),
  blocked: z.array(blockSchema),
  assumptions: z.array(z.string()),
  columns: z
    .array(
      z.object({
        name: z.string(),
        writtenName: z.string().optional().describe('the name as written (see the relation’s writtenName)'),
        type: z.string().optional(),
        comment: z.string().optional(),
      }),
    )
    .optional()
    .describe('all columns (記録項目), in order'),
  comment: z.string().optional(),
  suppressed: z.object({ reason: z.string() }).optional().describe('set when a suppression in the config matches'),
});

export const fileReportSchema = z.object({
  name: z.string(),
  classification: z.enum(['specific', 'not-specific']),
  relations: z.array(relationIdSchema),
  description: z.string().optional(),
});

export const databaseReportSchema = z.object({
  name: z.string(),
  classification: z.enum(['specific', 'not-specific']),
  dialect: z.string().optional(),
  relations: z.number().int().optional(),
  specific: z.number().int().optional(),
});

export const principalReportSchema = z.object({
  name: z.string(),
  writtenName: z
    .string()
    .optional()
    .describe(
      'a SQL role or user as written (SQL Server), where `name` is its lower-cased form; absent when they are the same',
    ),
  kind: z.enum(['system', 'role', 'public', 'unrestricted', 'administrator']),
  roles: z.array(z.string()),
  connects: z.array(z.string()).optional(),
  reason: z.string().optional().describe('for administrators: owner | superuser | db_owner (SQL Server)'),
});

/** A message as an entry of the catalogue; an argument may be an entry itself (a reason, a part). */
const messageTextSchema = z
  .object({
    key: z.string().describe("the entry's key in spif's message catalogue"),
    get args() {
      return z
        .array(z.union([z.string(), z.number(), messageTextSchema]))
        .describe('its arguments, in order: text from the sources or a parser as it is, a number, or an entry');
    },
  })
  .meta({ id: 'MessageText' });

export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string().describe('the message in English'),
  text: messageTextSchema
    .optional()
    .describe(
      'the message as an entry of the message catalogue, which the human-facing formats render in the language of --lang; message is its English text',
    ),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});

export const configUsedSchema = z.object({
  file: z
    .string()
    .optional()
    .describe('the config file used (relative to the working directory when below it); absent when none was found'),
  source: z
    .enum(['option', 'discovered', 'none', 'disabled', 'git-ref'])
    .describe('--config, found by looking upward from the paths, none found, --no-config, or read at a git ref'),
  searched: z.array(z.string()).optional().describe('folders looked in when none was found'),
});

export const reportSchema = z
  .object({
    schemaVersion: z.literal(1),
    tool: z.object({ name: z.literal('spif'), version: z.string() }),
    summary: z.object({
      relations: z.number().int(),
      specific: z.number().int(),
      notSpecific: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
      files: z.number().int().optional().describe('source files read (K in "N of M statements in K files read")'),
      filesFound: z.number().int().optional().describe('source files found; those not read have a diagnostic'),
      statements: z.number().int().optional().describe('statements (ORM: declarations) found in the files read'),
      statementsRead: z.number().int().optional().describe('statements read without an error or warning of their own'),
      candidates: z.number().int().optional().describe('candidate columns the config has not decided (要確認)'),
    }),
    relations: z.array(relationReportSchema),
    files: z.array(fileReportSchema),
    databases: z.array(databaseReportSchema),
    principals: z.array(principalReportSchema),
    assumptions: z.array(z.string()).optional().describe('assumptions that hold for the whole scan'),
    assumptionReasons: z
      .record(z.string(), messageTextSchema)
      .optional()
      .describe(
        'the reasons inside unknown-path and cross-database-unknown assumption codes (keyed by the reason as the code writes it, in English) as entries of the message catalogue, which the human-facing formats render in the language of --lang; absent when no assumption has one',
      ),
    diagnostics: z.array(diagnosticSchema),
    config: configUsedSchema
      .optional()
      .describe('which config the scan used, or that none was found and what was assumed'),
  })
  .meta({ title: 'spif report', description: 'spif --format json, schemaVersion 1' });

export type Report = z.infer<typeof reportSchema>;
export type RelationReport = z.infer<typeof relationReportSchema>;

/** A relation's id with its name as written (SQL Server: the case of the CREATE), for people to read. */
export function writtenId(
  r: Pick<RelationReport, 'database' | 'schema' | 'name' | 'writtenName' | 'writtenSchema'>,
): string {
  return `${r.database}.${r.writtenSchema ?? r.schema}.${r.writtenName ?? r.name}`;
}
export type PrincipalReport = z.infer<typeof principalReportSchema>;
export type CandidateColumnReport = z.infer<typeof candidateColumnSchema>;
export type Basis = RelationReport['basis'];
export type Classification = RelationReport['classification'];
