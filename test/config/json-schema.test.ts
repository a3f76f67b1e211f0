import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText, starterConfig } from '../../src/config/index.js';
import { writeConfigJsonSchema } from '../../src/config/write-json-schema.js';

const repo = path.resolve(__dirname, '../..');

describe('docs/config.schema.json', () => {
  it('is the committed output of the generator (regenerate: npx tsx src/config/write-json-schema.ts)', () => {
    const committed = readFileSync(path.join(repo, 'docs/config.schema.json'), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });

  it('writeConfigJsonSchema writes the same text', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spif-schema-'));
    try {
      const file = path.join(dir, 'config.schema.json');
      writeConfigJsonSchema(file);
      expect(readFileSync(file, 'utf8')).toBe(configJsonSchemaText());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('validates the spec example and the starter, and rejects unknown keys', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(configJsonSchema);
    const example = parse(readFileSync(path.join(repo, 'fixtures/config/spec-example/spif.config.yaml'), 'utf8'));
    expect(validate(example)).toBe(true);
    expect(validate(parse(starterConfig()))).toBe(true);
    expect(validate({ version: 1, princpals: [] })).toBe(false);
    expect(validate({ dialect: 'mysql' })).toBe(false);
    expect(validate({ version: 1, links: [['a.b.c.d']] })).toBe(false);
  });
});
