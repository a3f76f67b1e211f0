/**
 * Regenerates docs/config.schema.json and docs/report.schema.json from the zod schemas
 * (`npm run schemas`). Tests fail when the committed files differ from a fresh generation.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from '../src/config/index.js';
import { reportJsonSchemaText } from '../src/report/json-schema.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(repo, 'docs/config.schema.json'), configJsonSchemaText());
writeFileSync(path.join(repo, 'docs/report.schema.json'), reportJsonSchemaText());
console.log('wrote docs/config.schema.json, docs/report.schema.json');
