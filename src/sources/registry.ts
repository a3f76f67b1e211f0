/**
 * Which reader takes which file. SQL files go to the reader of their database's dialect; ORM
 * models are recognised by file name or content (model-files.ts) and their readers are loaded
 * only when such a file is found, so a SQL-only scan never loads ts-morph. Every reader comes from
 * the reader table (readers.ts): to add a source kind, add its row there.
 */
import type { Dialect } from '../dialect.js';
import type { ReadContext, SourceReader, SourceText } from './types.js';
import { isDrizzleFile, isPrismaFile, isTypeOrmFile } from './model-files.js';
import { isSeedDataPath } from './seed-data/paths.js';
import { READERS, type ReaderRow } from './readers.js';

/** Readers that decide by name or content, not by the database's dialect and the file's ending. */
const BY_CONTENT: Record<string, SourceReader['accepts']> = {
  typeorm: isTypeOrmFile,
  drizzle: isDrizzleFile,
  prisma: (path) => isPrismaFile(path),
  'seed-data': (path) => isSeedDataPath(path),
};

/** The content test of a reader that decides by content: every such row of the table has one. */
function contentTest(name: string): SourceReader['accepts'] {
  const accepts = BY_CONTENT[name];
  if (!accepts) throw new Error(`internal error: reader ${name} has no content test`);
  return accepts;
}

/** A SQL reader takes a file of its dialects with one of its endings. */
function sqlAccepts(row: ReaderRow): SourceReader['accepts'] {
  const ending = new RegExp(`\\.(${row.extensions.join('|')})$`, 'i');
  return (path, _t, ctx) => row.dialects.includes(ctx.dialect) && ending.test(path);
}

const readable = READERS.filter((r): r is ReaderRow & { load: () => Promise<SourceReader> } => !!r.load);

/** SQL readers by dialect (MySQL's reads MariaDB too), from the reader table. */
const SQL_READERS: Partial<Record<Dialect, SourceReader>> = {};
for (const row of readable.filter((r) => r.mode === 'file' && !BY_CONTENT[r.name])) {
  const reader = lazyReader(row.name, sqlAccepts(row), row.load);
  for (const d of row.dialects) SQL_READERS[d] ??= reader;
}

/**
 * A reader whose module is imported on first use. `batch` readers read all of a database's files
 * at once (ORM models refer to each other across files); the others one file at a time.
 */
function lazyReader(
  name: string,
  accepts: SourceReader['accepts'],
  load: () => Promise<SourceReader>,
  batch = false,
): SourceReader {
  let loaded: Promise<SourceReader> | undefined;
  const get = () => (loaded ??= load());
  const reader: SourceReader = {
    name,
    accepts,
    read: async (source: SourceText, ctx: ReadContext) => (await get()).read(source, ctx),
  };
  if (!batch) return reader;
  return {
    ...reader,
    readProject: async (sources: SourceText[], ctx: ReadContext) => {
      const loadedReader = await get();
      return loadedReader.readProject
        ? loadedReader.readProject(sources, ctx)
        : mergeReads(await Promise.all(sources.map(async (s) => loadedReader.read(s, ctx))));
    },
  };
}

function mergeReads(results: Awaited<ReturnType<SourceReader['read']>>[]) {
  return { ops: results.flatMap((r) => r.ops), diagnostics: results.flatMap((r) => r.diagnostics) };
}

/** Readers that are not tied to a SQL dialect (ORM models); they read a database's files at once. */
export const MODEL_READERS: SourceReader[] = readable
  .filter((r) => r.mode === 'project')
  .map((r) => lazyReader(r.name, contentTest(r.name), r.load, true));

/** Seed data beside the schema (seeds/*.csv, fixtures/*.json): read for check-digit counts only. */
const SEED_DATA_READER = ((row) => lazyReader(row.name, contentTest(row.name), row.load))(
  readable.find((r) => r.name === 'seed-data')!,
);

/** File endings worth opening when a directory is scanned. */
export const SOURCE_EXTENSIONS = [...new Set(READERS.flatMap((r) => r.extensions))];

export function readerFor(path: string, text: string, dialect: Dialect): SourceReader | undefined {
  const sql = SQL_READERS[dialect];
  if (sql?.accepts(path, text, { dialect })) return sql;
  return (
    MODEL_READERS.find((r) => r.accepts(path, text, { dialect })) ??
    (isSeedDataPath(path) ? SEED_DATA_READER : undefined)
  );
}
