/**
 * The order migration tools apply their files in, so spif applies statements in the same order
 * (docs/parsers.md, "Reading order"):
 * - every folder in natural order: numbers in names compared as numbers (`V2__` before `V10__`,
 *   `9_` before `10_`);
 * - Flyway (`V<version>__*.sql`): versioned migrations by version, then repeatable `R__*.sql` by
 *   description; undo migrations (`U<version>__`) are not applied by `migrate` and are not read;
 * - golang-migrate / dbmate-style pairs: only `*.up.sql` (a folder with `.up.sql` files has its
 *   `.down.sql` files skipped);
 * - dbmate / goose / sql-migrate single files: the `-- migrate:down` / `-- +goose Down` /
 *   `-- +migrate Down` section is blanked (lines kept, so locations stay true);
 * - drizzle-kit: the order of `meta/_journal.json` beside the SQL files;
 * - Prisma `migrations/<timestamp>_<name>/migration.sql` and Rails `db/structure.sql` need nothing
 *   beyond natural order (timestamps are fixed-width).
 */
import path from 'node:path';
import type { Dialect } from '../dialect.js';
import { type DiagnosticText, listOf, part } from '../diagnostics.js';
import type { SourceTree } from './tree.js';
import { capture, nth } from '../indexed.js';

/** What the conventions did, for the one info diagnostic per database. */
export interface OrderNotes {
  conventions: Set<string>;
  /** Files found but not read, with why. */
  skipped: { file: string; why: DiagnosticText }[];
}

export function newOrderNotes(): OrderNotes {
  return { conventions: new Set(), skipped: [] };
}

/** Natural order, so 2_x.sql comes before 10_x.sql as migration tools apply them. */
export function compareNatural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

const FLYWAY_VERSIONED = /^V(\d+(?:[._]\d+)*)__.*\.sql$/i;
const FLYWAY_REPEATABLE = /^R__.*\.sql$/i;
const FLYWAY_UNDO = /^U\d+(?:[._]\d+)*__.*\.sql$/i;
const UP = /[._]up\.sql$/i;
const DOWN = /[._]down\.sql$/i;

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[._]/).map(Number);
  const pb = b.split(/[._]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Files found below one folder or by one glob, in the order they are applied: natural order of
 * their paths, each folder's own files rearranged by the convention that folder follows.
 */
export function orderFound(files: string[], tree: SourceTree, notes: OrderNotes, dialect?: Dialect): string[] {
  const sorted = [...new Set(files)].sort(compareNatural);
  const byDir = new Map<string, number[]>();
  sorted.forEach((f, i) => {
    const dir = path.dirname(f);
    let list = byDir.get(dir);
    if (!list) byDir.set(dir, (list = []));
    list.push(i);
  });
  const out: (string | undefined)[] = [...sorted];
  for (const [dir, indices] of byDir) {
    const own = indices.map((i) => nth(sorted, i));
    const ordered = orderFolder(dir, own, tree, notes, dialect);
    indices.forEach((slot, k) => (out[slot] = ordered[k]));
  }
  return out.filter((f): f is string => f !== undefined);
}

/** One folder's files (already in natural order) in the order its tool applies them. */
function orderFolder(dir: string, files: string[], tree: SourceTree, notes: OrderNotes, dialect?: Dialect): string[] {
  const name = (f: string) => path.basename(f);
  let kept = dialect ? forDialect(files, dialect, notes) : files;
  if (kept.some((f) => UP.test(name(f)))) {
    notes.conventions.add('up-down');
    for (const f of kept.filter((x) => DOWN.test(name(x))))
      notes.skipped.push({ file: f, why: part('diag.order.down') });
    kept = kept.filter((f) => !DOWN.test(name(f)));
  }
  if (kept.some((f) => FLYWAY_VERSIONED.test(name(f)))) {
    notes.conventions.add('flyway');
    for (const f of kept.filter((x) => FLYWAY_UNDO.test(name(x))))
      notes.skipped.push({ file: f, why: part('diag.order.flywayUndo') });
    const versioned = kept
      .filter((f) => FLYWAY_VERSIONED.test(name(f)))
      .sort(
        (a, b) =>
          compareVersions(capture(FLYWAY_VERSIONED.exec(name(a))!, 1), capture(FLYWAY_VERSIONED.exec(name(b))!, 1)) ||
          compareNatural(a, b),
      );
    const repeatable = kept.filter((f) => FLYWAY_REPEATABLE.test(name(f)));
    const other = kept.filter(
      (f) => !FLYWAY_VERSIONED.test(name(f)) && !FLYWAY_REPEATABLE.test(name(f)) && !FLYWAY_UNDO.test(name(f)),
    );
    kept = [...other, ...versioned, ...repeatable];
  }
  const journal = drizzleJournal(dir, tree);
  if (journal) {
    notes.conventions.add('drizzle');
    const rank = new Map(journal.map((tag, i) => [`${tag}.sql`, i]));
    const inJournal = kept.filter((f) => rank.has(name(f))).sort((a, b) => rank.get(name(a))! - rank.get(name(b))!);
    kept = [...inJournal, ...kept.filter((f) => !rank.has(name(f)))];
  }
  // Same number of slots as files: skipped files leave holes that orderFound drops.
  return [...kept, ...Array<undefined>(files.length - kept.length).fill(undefined)] as string[];
}

/** Dialect words in file names (`create_table_pgsql.sql`, `…_networks.mysql.up.sql`). */
const DIALECT_WORDS: Record<string, Dialect | 'cockroachdb'> = {
  pgsql: 'postgresql',
  postgres: 'postgresql',
  postgresql: 'postgresql',
  mysql: 'mysql',
  mysqli: 'mysql',
  mariadb: 'mariadb',
  sqlite: 'sqlite',
  sqlite3: 'sqlite',
  cockroach: 'cockroachdb',
  cockroachdb: 'cockroachdb',
  mssql: 'sqlserver',
  sqlserver: 'sqlserver',
  oracle: 'oracle',
  db2: 'db2',
};

function dialectWord(file: string): Dialect | 'cockroachdb' | undefined {
  const words = path
    .basename(file)
    .toLowerCase()
    .replace(/\.sql$/, '')
    .split(/[._-]/);
  const found = new Set(words.map((w) => DIALECT_WORDS[w]).filter((d) => d !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * One schema written for several dialects in one folder (EC-CUBE's `create_table_pgsql.sql` /
 * `_mysqli.sql` / `_sqlite3.sql`, ory/pop's `*.postgres.up.sql` / `*.mysql.up.sql` / …): only the
 * files for the database's dialect are read (MySQL and MariaDB take each other's), and files
 * without a dialect word stay. A folder with a single dialect word, or none for this dialect, is
 * left as it is.
 */
function forDialect(files: string[], dialect: Dialect, notes: OrderNotes): string[] {
  const words = files.map(dialectWord);
  const kinds = new Set(words.filter((w) => w !== undefined));
  const mine = (w: string) =>
    w === dialect || (['mysql', 'mariadb'].includes(w) && ['mysql', 'mariadb'].includes(dialect));
  if (kinds.size < 2 || ![...kinds].some(mine)) return files;
  notes.conventions.add('dialect-files');
  return files.filter((f, i) => {
    const w = words[i];
    if (w === undefined || mine(w)) return true;
    notes.skipped.push({ file: f, why: part('diag.order.otherDialect', w) });
    return false;
  });
}

/** drizzle-kit's `meta/_journal.json`: the migrations' tags in the order they were generated. */
function drizzleJournal(dir: string, tree: SourceTree): string[] | undefined {
  const file = path.join(dir, 'meta', '_journal.json');
  if (tree.kind(file) !== 'file') return undefined;
  try {
    const json = JSON.parse(Buffer.from(tree.read(file)).toString('utf8')) as {
      entries?: { idx?: number; tag?: string }[];
    };
    const entries = (json.entries ?? []).filter((e) => typeof e.tag === 'string');
    return entries.sort((a, b) => (a.idx ?? 0) - (b.idx ?? 0)).map((e) => e.tag!);
  } catch {
    return undefined; // an unreadable journal: natural order (the tags begin with their index)
  }
}

const DOWN_MARKER = /^--\s*(?:migrate:down|\+goose\s+down|\+migrate\s+down)\b.*$/im;
const UP_MARKER = /^--\s*(?:migrate:up|\+goose\s+up|\+migrate\s+up)\b/i;

/**
 * A dbmate / goose / sql-migrate file with its down sections blanked: the schema is what the up
 * sections build. Lines are kept (as empty lines) so that every location stays true.
 */
export function upSectionsOnly(text: string): { text: string; blanked: boolean; line?: number } {
  if (!DOWN_MARKER.test(text)) return { text, blanked: false };
  const lines = text.split('\n');
  let down = false;
  let first: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = nth(lines, i);
    if (/^--\s*(?:migrate:down|\+goose\s+down|\+migrate\s+down)\b/i.test(line)) {
      down = true;
      first ??= i + 1;
    } else if (UP_MARKER.test(line)) down = false;
    else if (down) lines[i] = line.endsWith('\r') ? '\r' : '';
  }
  return { text: lines.join('\n'), blanked: true, line: first };
}

/** The info diagnostic's text: which order was used, and what was left out. */
export function describeOrder(notes: OrderNotes): DiagnosticText | undefined {
  const parts: DiagnosticText[] = [];
  const c = notes.conventions;
  if (c.has('flyway')) parts.push(part('diag.order.flyway'));
  if (c.has('up-down')) parts.push(part('diag.order.upDown'));
  if (c.has('drizzle')) parts.push(part('diag.order.drizzle'));
  if (c.has('dialect-files')) parts.push(part('diag.order.dialectFiles'));
  if (parts.length === 0 && notes.skipped.length === 0) return undefined;
  const whys = [...new Map(notes.skipped.map((s) => [JSON.stringify(s.why), s.why])).values()];
  const n = notes.skipped.length;
  const skipped = !n
    ? ''
    : n === 1
      ? part('diag.order.skipped.one', listOf(whys))
      : part('diag.order.skipped.many', n, listOf(whys));
  return part(
    'diag.order.natural',
    parts.length ? { key: 'diag.list.semi', args: parts } : part('diag.order.noConvention'),
    skipped,
  );
}
