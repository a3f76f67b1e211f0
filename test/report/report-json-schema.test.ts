/**
 * docs/report.schema.json (the JSON Schema of `--format json`, issue 15.1: candidates are a field
 * of it) is the committed output of `npm run schemas`, and a real report with candidates, decided
 * and undecided, validates against the committed file, not only against the zod schema.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { reportJsonSchemaText } from '../../src/report/json-schema.js';
import { runBin } from '../helpers/bin.js';
import { nth } from '../../src/indexed.js';

const repo = path.resolve(__dirname, '../..');
const committed = fs.readFileSync(path.join(repo, 'docs/report.schema.json'), 'utf8');
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(committed) as object);

describe('docs/report.schema.json', () => {
  it('is the committed output of the generator (regenerate: npm run schemas)', () => {
    expect(committed).toBe(reportJsonSchemaText());
  });

  it('validates a report with candidates (undecided and decided), and rejects one whose candidate lacks its reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-report-schema-'));
    fs.cpSync(path.join(repo, 'fixtures/candidates'), dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'spif.config.yaml'),
      'version: 1\nnumberColumns:\n  exclude: [{ column: "*.*.*.naibu_kojin_bango", reason: 旧システムの内部番号 }]\n',
    );
    const report = JSON.parse((await runBin(['scan', '.', '--format', 'json'], dir)).stdout) as {
      summary: { candidates: number };
      relations: { candidates?: { reason?: string; decision?: unknown }[] }[];
    };
    const candidates = report.relations.flatMap((r) => r.candidates ?? []);
    expect(candidates.some((c) => c.decision !== undefined)).toBe(true);
    expect(report.summary.candidates).toBe(candidates.filter((c) => c.decision === undefined).length);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    delete nth(candidates, 0).reason;
    expect(validate(report)).toBe(false);
  });
});
