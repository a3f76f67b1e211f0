/**
 * Where the documentation of each SARIF rule lives (`helpUri`), one scheme for scan, check and
 * diff. SARIF wants an absolute URI. When package.json says where spif is published (`homepage`,
 * else `repository`, a GitHub/GitLab-style web address), the URI is that repository's docs at the
 * release tag (`…/blob/v0.1.0/docs/ci.md#spif-check`), which a code-scanning viewer can open.
 * Until then (spif 0.1 has no published address) it points at the copy of the docs shipped in the
 * package (package.json `files`: `file:///…/docs/ci.md#spif-check`), which exists wherever spif
 * runs. Each rule also carries `help.markdown` with a repository-relative link, which GitHub code
 * scanning shows whatever the URI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIAGNOSTICS_PAGE, codeAnchor } from '../diagnostic-codes.js';

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
  candidate: { page: 'detection.md', anchor: 'three-outcomes-per-column' },
} as const satisfies Record<string, DocRef>;

/** Where a diagnostic code is documented: its heading in docs/diagnostics.md. */
export function codeDoc(code: string): DocRef {
  return { page: DIAGNOSTICS_PAGE, anchor: codeAnchor(code) };
}

/** The package root: two levels above this module (src/report or dist/report). */
const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface PackageInfo {
  version?: string;
  homepage?: string;
  repository?: string | { type?: string; url?: string };
}

/**
 * The web address of the docs folder at the release tag, from package.json, or undefined when
 * the package names no web repository. `git+https://host/o/r.git`, `https://host/o/r#readme` and
 * `github:o/r` are understood.
 */
export function publishedDocsBase(pkg: PackageInfo): string | undefined {
  const raw = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const candidates = [pkg.homepage, raw].filter((x): x is string => !!x);
  for (const c of candidates) {
    const short = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(c);
    const web = short
      ? `https://github.com/${short[1]}/${short[2]}`
      : /^(?:git\+)?(https:\/\/[^#?]+?)(?:\.git)?(?:[#?].*)?$/.exec(c)?.[1];
    if (!web || !/^https:\/\/[^/]+\/[^/]+\/[^/]+$/.test(web)) continue;
    return `${web}/blob/${pkg.version ? `v${pkg.version}` : 'HEAD'}/docs/`;
  }
  return undefined;
}

let base: string | null | undefined;
function docsBase(): string | undefined {
  if (base === undefined) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as PackageInfo;
      base = publishedDocsBase(pkg) ?? null;
    } catch {
      base = null;
    }
  }
  return base ?? undefined;
}

export function helpUri(doc: DocRef, published = docsBase()): string {
  if (published) return `${published}${doc.page}#${doc.anchor}`;
  return `${pathToFileURL(path.join(PACKAGE_DIR, 'docs', doc.page)).href}#${doc.anchor}`;
}

/** The same place as a repository-relative link, for `help.markdown`. */
export function helpMarkdown(text: string, doc: DocRef): string {
  return `${text}\n\nSee [docs/${doc.page}](docs/${doc.page}#${doc.anchor}).`;
}
