/**
 * Regenerates the rules section of docs/detection.md from the rule tables in src/detect/
 * (`npm run docs:detection`); test/detect/docs.test.ts fails when the two differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES_BEGIN, RULES_END, renderRulesMarkdown } from '../src/detect/render.js';

const file = new URL('../docs/detection.md', import.meta.url);
const docs = readFileSync(file, 'utf8');
const begin = docs.indexOf(RULES_BEGIN);
const end = docs.indexOf(RULES_END, begin);
if (begin < 0 || end < 0) throw new Error(`docs/detection.md: markers ${RULES_BEGIN} … ${RULES_END} not found`);
writeFileSync(file, docs.slice(0, begin) + renderRulesMarkdown() + docs.slice(end + RULES_END.length));
console.log('docs/detection.md: rules section regenerated');
