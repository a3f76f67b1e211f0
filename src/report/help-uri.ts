/**
 * Where the documentation of each SARIF rule lives (`helpUri`), one scheme for scan, check and
 * diff. SARIF wants an absolute URI; spif ships its docs in the package (package.json `files`),
 * so the URI points at the installed copy (`file:///…/docs/ci.md#spif-check`), which exists
 * wherever spif runs. Each rule also carries `help.markdown`, so viewers that cannot open a local
 * file (GitHub code scanning) still show the help text.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A docs page and a heading anchor (GitHub's slug of the heading). */
export interface DocRef {
  page: string;
  anchor: string;
}

/** The page that documents each kind of rule. */
export const RULE_DOCS = {
  holdsNumber: { page: 'rules.md', anchor: 'number-columns-the-sinks' },
  reachable: { page: 'rules.md', anchor: 'the-test-in-one-paragraph' },
  declaredOnly: { page: 'reports.md', anchor: 'link-blocked-only-by-an-application-level-declaration' },
  check: { page: 'ci.md', anchor: 'spif-check' },
  diff: { page: 'ci.md', anchor: 'spif-diff---base-ref' },
  suppressions: { page: 'ci.md', anchor: 'suppressions' },
  diagnostic: { page: 'output.md', anchor: 'diagnostic-codes' },
  candidate: { page: 'detection.md', anchor: 'three-outcomes-per-column' },
} as const satisfies Record<string, DocRef>;

/** docs/ of the installed package: two levels above this module (src/report or dist/report). */
const DOCS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs');

export function helpUri(doc: DocRef): string {
  return `${pathToFileURL(path.join(DOCS_DIR, doc.page)).href}#${doc.anchor}`;
}

/** The same place as a repository-relative link, for `help.markdown`. */
export function helpMarkdown(text: string, doc: DocRef): string {
  return `${text}\n\nSee [docs/${doc.page}](docs/${doc.page}#${doc.anchor}).`;
}
