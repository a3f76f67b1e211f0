/**
 * What `spif check`, `spif diff` and `spif explain` return (`--format json`). Evidence reuses the
 * report's shapes (paths, blocks, number columns) so a script reads both the same way.
 */
import { z } from 'zod';
import { configUsedSchema } from '../report/model.js';
import {
  blockSchema,
  candidateColumnSchema,
  diagnosticSchema,
  numberColumnSchema,
  pathStepSchema,
  sourceRefSchema,
} from '../report/model.js';

export const evidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number-column'), relation: z.string(), numberColumn: numberColumnSchema }),
  z.object({ kind: z.literal('candidate-column'), relation: z.string(), candidate: candidateColumnSchema }),
  z.object({
    kind: z.literal('path'),
    relation: z.string(),
    principal: z.string(),
    numberColumn: z.string(),
    path: z.array(pathStepSchema),
  }),
  z.object({ kind: z.literal('block'), relation: z.string(), block: blockSchema }),
  z.object({
    kind: z.literal('member'),
    relation: z.string(),
    classification: z.enum(['specific', 'not-specific']),
    basis: z.enum(['holds-number', 'reachable', 'access-controlled', 'unlinked']),
  }),
  z.object({
    kind: z.literal('files'),
    relation: z.string(),
    files: z.array(z.string()).describe('named files that contain the relation (none in the inventory)'),
  }),
  z.object({ kind: z.literal('more'), count: z.number().int().describe('further evidence left out') }),
  z.object({
    kind: z.literal('text'),
    text: z.string(),
    entry: diagnosticSchema.shape.text.describe(
      "for an error diagnostic: its message as a catalogue entry (the report's diagnostics[].text)",
    ),
  }),
]);

export const suppressedSchema = z.object({
  reason: z.string(),
  rule: z.string().optional(),
  relation: z.string().optional(),
});

export const findingSchema = z.object({
  rule: z.string().describe('rule id (CHECK_RULES / DIFF_RULES)'),
  code: z.string().describe('stable code, e.g. SPIF-CHECK-UNCOVERED; the diagnostic code for error-diagnostic'),
  level: z.enum(['error', 'warning', 'note']),
  fails: z.boolean().describe('whether it fails the gate (false when suppressed)'),
  message: z.string().describe('one line, English'),
  relation: z.string().optional(),
  file: z.string().optional().describe('named file (files[].name)'),
  principal: z.string().optional(),
  location: sourceRefSchema.optional(),
  evidence: z.array(evidenceSchema),
  suppressed: suppressedSchema.optional(),
});

const gateHeader = {
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('spif'), version: z.string() }),
};

export const checkResultSchema = z
  .object({
    ...gateHeader,
    command: z.literal('check'),
    passed: z.boolean(),
    strict: z.boolean(),
    inventory: z
      .array(
        z.object({
          name: z.string(),
          classification: z.enum(['specific', 'not-specific']),
          relations: z.array(z.string()),
        }),
      )
      .describe('the inventory files and what spif finds for them'),
    inventoryDeclared: z.boolean().describe('false when the config has no `inventory` (then nothing is covered)'),
    summary: z
      .object({
        relations: z.number().int(),
        specific: z.number().int(),
        errors: z.number().int(),
        warnings: z.number().int(),
        failing: z.number().int(),
        suppressed: z.number().int(),
        files: z.number().int().optional(),
        filesFound: z.number().int().optional(),
        statements: z.number().int().optional(),
        statementsRead: z.number().int().optional(),
      })
      .describe('files, filesFound, statements, statementsRead: as in the scan report'),
    findings: z.array(findingSchema),
    config: configUsedSchema.optional().describe('which config the check used, or that none was found'),
  })
  .meta({ title: 'spif check result' });

export const changeSchema = findingSchema.extend({
  kind: z.string().describe('change kind (same as rule)'),
  before: z.object({ classification: z.enum(['specific', 'not-specific']), basis: z.string() }).optional(),
  after: z.object({ classification: z.enum(['specific', 'not-specific']), basis: z.string() }).optional(),
  renamed: z.object({ from: z.string(), to: z.string() }).optional(),
});

export const diffResultSchema = z
  .object({
    ...gateHeader,
    command: z.literal('diff'),
    passed: z.boolean(),
    base: z.object({
      ref: z.string(),
      commit: z.string(),
      config: z.string().optional(),
      summary: z.object({ relations: z.number().int(), specific: z.number().int() }),
    }),
    head: z.object({
      config: z.string().optional(),
      summary: z.object({ relations: z.number().int(), specific: z.number().int() }),
    }),
    failOn: z.array(z.string()),
    databaseRenames: z.array(z.object({ from: z.string(), to: z.string() })),
    notes: z.array(z.string()).describe('how the two sides were read (config added, renamed, invalid at the base …)'),
    changes: z.array(changeSchema),
  })
  .meta({ title: 'spif diff result' });

export const suggestionSchema = z.object({
  kind: z.enum([
    'revoke-column',
    'revoke-table',
    'revoke-schema',
    'revoke-membership',
    'remove-connect',
    'revoke-execute',
    'drop-user-mapping',
    'revoke-remote',
  ]),
  summary: z.string().describe('the change in one line, English'),
  sql: z.string().optional().describe('the statement(s) that make the change'),
  config: z.string().optional().describe('the config edit that makes the change'),
  target: z.string().describe('column, relation, schema or database the change applies to'),
  grantee: z.string().optional(),
  server: z.string().optional().describe('drop-user-mapping: the foreign server'),
  columnsLost: z
    .number()
    .int()
    .describe('columns this principal can no longer read after the change (smaller is better)'),
  verified: z.boolean().describe('reachability was re-run on the changed catalog and the path is gone'),
  alsoAffects: z.array(z.string()).describe('other principals that lose access with this change'),
});

export const explainResultSchema = z
  .object({
    ...gateHeader,
    command: z.literal('explain'),
    relation: z.string(),
    classification: z.enum(['specific', 'not-specific']),
    basis: z.string(),
    numberColumns: z.array(numberColumnSchema),
    principals: z.array(
      z.object({
        principal: z.string(),
        kind: z.string(),
        status: z.enum(['reaches', 'blocked', 'cannot-read', 'no-path']),
        numberColumn: z.string().optional(),
        path: z.array(pathStepSchema).optional(),
        through: z
          .array(
            z.object({
              kind: z.enum(['foreign-table']),
              relation: z.string().describe('the foreign table on the path'),
              server: z.string(),
              role: z.string().describe('the local role it is read as'),
              mapping: z.string().describe("the user mapping used: the role's own or PUBLIC"),
              remoteUser: z.string().optional(),
              remote: z.string().optional().describe('the remote relation the query reads'),
            }),
          )
          .optional()
          .describe('reads on the path that cross into another database (postgres_fdw)'),
        blocks: z.array(blockSchema).optional(),
        suggestions: z
          .array(suggestionSchema)
          .optional()
          .describe('changes that stop every path; the first is the smallest'),
        note: z.string().optional(),
      }),
    ),
    assumptions: z
      .array(z.string())
      .optional()
      .describe("the relation's assumption codes, as in the scan report's relations[].assumptions; absent when none"),
    suppressed: suppressedSchema.optional(),
  })
  .meta({ title: 'spif explain result' });

export type Evidence = z.infer<typeof evidenceSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type CheckResult = z.infer<typeof checkResultSchema>;
export type Change = z.infer<typeof changeSchema>;
export type DiffResult = z.infer<typeof diffResultSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type ExplainResult = z.infer<typeof explainResultSchema>;
export type PrincipalExplanation = ExplainResult['principals'][number];
