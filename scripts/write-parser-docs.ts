/**
 * Regenerates the PostgreSQL "passed over" tables of docs/parsers.md from
 * src/sources/postgresql/statement-kinds.ts (`npm run docs:parsers`);
 * test/sources/postgresql/statement-kinds.test.ts fails when the two differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  STATEMENT_KINDS_BEGIN,
  STATEMENT_KINDS_END,
  renderStatementKindsMarkdown,
} from '../src/sources/postgresql/statement-kinds.js';
import { MYSQL_KINDS_BEGIN, MYSQL_KINDS_END, renderMysqlKindsMarkdown } from '../src/sources/mysql/classify.js';

const file = new URL('../docs/parsers.md', import.meta.url);
let docs = readFileSync(file, 'utf8');
/** Replaces from the line starting with the begin marker's comment to the end marker. */
function section(beginMarker: string, endMarker: string, text: string): void {
  const begin = docs.indexOf(beginMarker.slice(0, beginMarker.indexOf(' (generated')));
  const end = docs.indexOf(endMarker, begin);
  if (begin < 0 || end < 0) throw new Error(`docs/parsers.md: markers ${beginMarker} … ${endMarker} not found`);
  docs = docs.slice(0, begin) + text + docs.slice(end + endMarker.length);
}
section(STATEMENT_KINDS_BEGIN, STATEMENT_KINDS_END, renderStatementKindsMarkdown());
section(MYSQL_KINDS_BEGIN, MYSQL_KINDS_END, renderMysqlKindsMarkdown());
writeFileSync(file, docs);
console.log('docs/parsers.md: PostgreSQL and MySQL statement kinds regenerated');
