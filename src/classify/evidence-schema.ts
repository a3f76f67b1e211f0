/**
 * The evidence classify produces, as the zod schemas of the JSON report (issue 13.6): number
 * columns, path steps, reaches, blocks and the basis of a verdict. classify owns them so that it
 * does not import the report; report/model.ts builds the report schema from them and re-exports
 * them, so the JSON contract and docs/report.schema.json are unchanged.
 */
import { z } from 'zod';
import { REASON_KEYS } from '../access/evidence.js';

export const sourceRefSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int().optional(),
});

export const numberColumnSchema = z.object({
  column: z.string().describe('column name'),
  kind: z.enum(['individual-number', 'substitute-code']),
  rule: z.string().describe('detection rule id, or config-include | config-substitute | source-mark | view-lineage'),
  evidence: z.string().optional().describe('what showed it'),
  source: sourceRefSchema.optional(),
  reason: z
    .string()
    .optional()
    .describe('the reason given with the config decision (numberColumns.include/substitute), the basis of the verdict'),
});

export const pathStepSchema = z.object({
  from: z.string().describe('column id database.schema.relation.column'),
  to: z.string().describe('column id database.schema.relation.column'),
  via: z
    .enum(['foreign-key', 'implied-key', 'declared-link', 'view', 'copy'])
    .describe(
      "copy: the column holds the other's values (partition, inheritance, LIKE, INSERT … SELECT, trigger, foreign table, logical replication)",
    ),
  key: z
    .object({ from: z.array(z.string()), to: z.array(z.string()) })
    .optional()
    .describe('column names of a multi-column key the step joins on (from and to are its first columns)'),
});

export const reachSchema = z.object({
  principal: z.string(),
  numberColumn: z.string().describe('column id of the number column reached'),
  path: z.array(pathStepSchema).describe('from this relation to the number column; empty when the relation holds it'),
});

export const CONTROLS = [
  'no-table-privilege',
  'no-column-privilege',
  'no-schema-usage',
  'database-not-connectable',
  'row-security-denies',
  'view-owner-lacks-privilege',
  'unknown-relation',
  'denied',
  'masked',
  'no-execute-privilege',
  'no-user-mapping',
  'remote-access-denied',
] as const;

/** What a refusal names, here and in the remote database's own refusal nested in it. */
const refusalFields = {
  key: z.enum(REASON_KEYS).describe('which check refused (docs/output.md)'),
  relation: z.string().optional(),
  columns: z.array(z.string()).optional(),
  schema: z.string().optional(),
  database: z.string().optional(),
  policy: z.string().optional(),
  routine: z.string().optional(),
};

export const blockSchema = z.object({
  principal: z.string().describe("principal name, or '*' when no principal can read the relation at all"),
  at: z.string().describe('the column, relation, schema or database where access stops'),
  control: z.enum(CONTROLS),
  detail: z.string().describe('the reason in English words, rendered from role, via and reason where they are given'),
  role: z
    .string()
    .optional()
    .describe('the SQL role whose privileges the refusing check used (a view owner when read through a view)'),
  via: z.string().optional().describe("the view or function whose owner's rights the check used"),
  reason: z
    .object({
      ...refusalFields,
      principal: z.string().optional(),
      principals: z.array(z.string()).optional(),
      server: z
        .string()
        .optional()
        .describe(
          'the foreign server (no-user-mapping, remote-denied) or Oracle database link (link-private, link-remote-denied)',
        ),
      remote: z
        .object({ ...refusalFields, role: z.string().optional(), via: z.string().optional() })
        .optional()
        .describe(
          "remote-denied, link-remote-denied, dblink-remote-denied: the remote database's own refusal of the mapped, link or dblink connection user",
        ),
    })
    .optional()
    .describe('the refusal as data (with role and via), from which detail is rendered in English and Japanese'),
});

/** Why a relation is (not) specific. */
export const basisSchema = z.enum(['holds-number', 'reachable', 'access-controlled', 'unlinked']);

export type PathStep = z.infer<typeof pathStepSchema>;
export type Reach = z.infer<typeof reachSchema>;
export type Block = z.infer<typeof blockSchema>;
export type NumberColumnReport = z.infer<typeof numberColumnSchema>;
export type Basis = z.infer<typeof basisSchema>;
