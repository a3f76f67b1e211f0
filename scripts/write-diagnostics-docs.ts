/**
 * Regenerates docs/diagnostics.md from src/diagnostic-codes.ts (`npm run docs:diagnostics`);
 * test/diagnostic-codes.test.ts fails when the two differ.
 */
import { writeFileSync } from 'node:fs';
import { renderDiagnosticsMarkdown } from '../src/diagnostic-codes.js';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), renderDiagnosticsMarkdown());
console.log('docs/diagnostics.md regenerated');
