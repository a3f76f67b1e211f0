/** JSON Schema of the config, generated from the zod schema (for editors and docs/config.schema.json). */
import { z } from 'zod';
import { configObjectSchema } from './schema.js';

/**
 * `io: 'input'` describes what a user may write (keys with defaults are optional). Cross-reference
 * checks (declared names, duplicates) cannot be expressed in JSON Schema; spif reports them.
 */
export const configJsonSchema = z.toJSONSchema(configObjectSchema, { io: 'input', target: 'draft-2020-12' });

/** The schema as the text committed to docs/config.schema.json. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema, null, 2)}\n`;
}
