/** JSON Schema of the JSON report, generated from its zod schema (docs/report.schema.json). */
import { z } from 'zod';
import { reportSchema } from './model.js';

export const reportJsonSchema = z.toJSONSchema(reportSchema, { io: 'output', target: 'draft-2020-12' });

/** The schema as the text committed to docs/report.schema.json. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema, null, 2)}\n`;
}
