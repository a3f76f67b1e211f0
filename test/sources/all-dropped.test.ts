/**
 * An install folder scanned with its uninstall script (issue 12, teardown): every relation the
 * install creates is dropped again, 0 relations are left. A user reading "0 relations, 0 specific"
 * would take it for a clean result, so it is an error naming the dropping file, and `spif check`
 * exits 1 on it (the gate never passes on input it could not assess).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBinSync } from '../helpers/bin.js';
import { nth } from '../../src/indexed.js';

const DIR = path.resolve(__dirname, '../../fixtures/dumps/install-with-teardown');

describe('a teardown script that drops everything', () => {
  it('scan says which file dropped the relations, as an error', () => {
    const r = runBinSync(['scan', '.', '--format', 'json', '--no-config'], DIR, { LANG: 'C' });
    const json = JSON.parse(r.stdout) as {
      summary: { relations: number; errors: number };
      diagnostics: { code: string; severity: string; file: string; line: number; message: string }[];
    };
    expect(json.summary.relations).toBe(0);
    const found = json.diagnostics.filter((d) => d.code === 'SPIF-SOURCE-ALL-DROPPED');
    expect(found.map((d) => [d.severity, d.file, d.line])).toEqual([['error', 'drop_table.sql', 2]]);
    expect(nth(found, 0).message).toMatch(
      /create 3 relations and drop every one again.*dropped by drop_table\.sql \(3 DROP statements\)/,
    );
    expect(json.summary.errors).toBeGreaterThan(0);
  });

  it('check fails on it; the install script alone passes the same gate', () => {
    const all = runBinSync(['check', '.', '--no-config'], DIR, { LANG: 'C' });
    expect(all.status).toBe(1);
    expect(all.stdout + all.stderr).toMatch(/SPIF-SOURCE-ALL-DROPPED/);
    const install = runBinSync(['check', 'create_table.sql', '--no-config'], DIR, { LANG: 'C' });
    expect(install.stdout + install.stderr).not.toMatch(/SPIF-SOURCE-ALL-DROPPED/);
  });
});
