/**
 * Writes docs/config.schema.json from the zod schema. Run: `npx tsx src/config/write-json-schema.ts`.
 * A test fails when the committed file differs from a fresh generation.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configJsonSchemaText } from './json-schema.js';

export function writeConfigJsonSchema(file: string): void {
  writeFileSync(file, configJsonSchemaText());
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const target = process.argv[2] ?? path.join(repo, 'docs', 'config.schema.json');
  writeConfigJsonSchema(target);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
