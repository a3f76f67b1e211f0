/**
 * The registry of codes (src/diagnostic-codes.ts) is the whole truth: docs/diagnostics.md is its
 * generated page, every registered code is emitted somewhere in src/, every code src/ emits is
 * registered, every code the docs name is registered, and each code has one severity, the same in
 * scan's and check's SARIF. (That a reader cannot pair a code with another severity is checked by
 * the type checker: see the @ts-expect-error lines below.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES, codeAnchor, renderDiagnosticsMarkdown, type SpifCode } from '../src/diagnostic-codes.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { coded } from '../src/diagnostics.js';
import { CHECK_RULES, DIFF_RULES } from '../src/gate/rules.js';
import { SARIF_RULES } from '../src/report/sarif.js';
import { capture } from '../src/indexed.js';

const repo = path.resolve(__dirname, '..');
const registered = Object.keys(CODES) as SpifCode[];

function filesUnder(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

/** Every quoted code literal in src/, outside the registry itself. */
function emittedInSource(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of filesUnder(path.join(repo, 'src'), '.ts')) {
    if (file.endsWith(path.join('src', 'diagnostic-codes.ts'))) continue;
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`](SPIF-[A-Z0-9]+(?:-[A-Z0-9]+)*)['"`]/g))
      if (!out.has(capture(m, 1))) out.set(capture(m, 1), path.relative(repo, file));
  }
  return out;
}

describe('diagnostic codes', () => {
  it('docs/diagnostics.md is the page generated from the registry (npm run docs:diagnostics)', () => {
    const page = fs.readFileSync(path.join(repo, 'docs/diagnostics.md'), 'utf8');
    expect(page).toBe(renderDiagnosticsMarkdown());
    const headings = new Set(
      page
        .split('\n')
        .filter((l) => l.startsWith('### '))
        .map((l) => l.slice(4)),
    );
    for (const code of registered) {
      expect(headings, code).toContain(code);
      expect(codeAnchor(code)).toBe(code.toLowerCase());
      expect(CODES[code].en.length, code).toBeGreaterThan(10);
      expect(CODES[code].ja, code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('every registered code is emitted somewhere, and every code src/ names is registered', () => {
    const emitted = emittedInSource();
    expect(registered.filter((c) => !emitted.has(c))).toEqual([]);
    const unregistered = [...emitted].filter(([c]) => !Object.hasOwn(CODES, c)).map(([c, f]) => `${c} (${f})`);
    expect(unregistered).toEqual([]);
  });

  it('every code the docs name is registered (a prefix such as SPIF-SOURCE-* names a family)', () => {
    const pages = [...filesUnder(path.join(repo, 'docs'), '.md'), path.join(repo, 'README.md')];
    const unknown: string[] = [];
    for (const page of pages) {
      for (const m of fs.readFileSync(page, 'utf8').matchAll(/SPIF-[A-Z0-9]+(?:-[A-Z0-9]+)*(-?[*…])?/g)) {
        const family = m[1] !== undefined || m[0].endsWith('-');
        const ok = family
          ? registered.some((c) => c.startsWith(m[0].replace(/[*…]$/, '')))
          : Object.hasOwn(CODES, m[0]);
        if (!ok) unknown.push(`${path.relative(repo, page)}: ${m[0]}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('the gate and SARIF take their levels from the registry', () => {
    const level = (c: SpifCode) => (CODES[c].severity === 'info' ? 'note' : CODES[c].severity);
    for (const r of [...Object.values(CHECK_RULES), ...Object.values(DIFF_RULES)]) {
      expect(r.level, r.code).toBe(level(r.code));
      expect(['check', 'diff']).toContain(CODES[r.code].kind);
    }
    for (const code of Object.values(SARIF_RULES)) expect(CODES[code].kind).toBe('scan');
  });

  it('a reader cannot give a code another severity than its registered one', () => {
    const ok: Diagnostic = { severity: 'error', code: 'SPIF-SQL-SYNTAX', message: 'm' };
    // @ts-expect-error SPIF-SQL-SYNTAX is an error, never a warning
    const wrong: Diagnostic = { severity: 'warning', code: 'SPIF-SQL-SYNTAX', message: 'm' };
    // @ts-expect-error an unregistered code
    const unknown: Diagnostic = { severity: 'warning', code: 'SPIF-NOT-A-CODE', message: 'm' };
    // @ts-expect-error a warning helper takes warning codes only
    coded('warning', 'SPIF-SOURCE-ORDER');
    expect(coded('info', 'SPIF-SOURCE-ORDER')).toEqual({ severity: 'info', code: 'SPIF-SOURCE-ORDER' });
    expect([ok, wrong, unknown].map((d) => CODES[d.code as SpifCode]?.severity)).toEqual(['error', 'error', undefined]);
  });
});
