/**
 * Checks between parts of the config: names referenced elsewhere must be declared, names must be
 * unique. They read the raw parsed document defensively (anything may have the wrong type), so
 * they can run together with the schema and every problem is reported in one go.
 */
import { isDialect } from '../dialect.js';
import { globLeavesRoot } from './globs.js';
import { COLUMN_PARTS } from './refs.js';
import { say, sayDidYouMean } from './texts.js';
import { nth } from '../indexed.js';

export type ConfigPath = (string | number)[];

export interface ConfigProblem {
  path: ConfigPath;
  message: string;
}

/** How to refer to another place in the config in a message, e.g. "line 4". */
export type Describe = (path: ConfigPath) => string;

const byPath: Describe = (path) => path.join('.');

type Entry = { index: number; value: Record<string, unknown> };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function entries(v: unknown): Entry[] {
  return Array.isArray(v) ? v.flatMap((value, index) => (isRecord(value) ? [{ index, value }] : [])) : [];
}

function strings(v: unknown): { index: number; value: string }[] {
  return Array.isArray(v) ? v.flatMap((value, index) => (typeof value === 'string' ? [{ index, value }] : [])) : [];
}

/** Declared names, each once, in order. */
function names(list: unknown): string[] {
  return [...new Set(entries(list).flatMap(({ value }) => (typeof value.name === 'string' ? [value.name] : [])))];
}

type Kind = 'kind.database' | 'kind.principal' | 'kind.file';

function unknownName(kind: Kind, name: string, declared: string[], where: string): string {
  if (declared.length === 0) return say('unknownNoneDeclared', say(kind), name, where);
  const hint = sayDidYouMean(name, declared);
  return hint
    ? say('unknownName', say(kind), name, hint)
    : say('unknownDeclared', say(kind), name, declared.join(', '));
}

/** Names must be unique within `databases`, `principals` and `files`. */
function duplicates(raw: Record<string, unknown>, key: string, kind: Kind, describe: Describe): ConfigProblem[] {
  const seen = new Map<string, number>();
  const problems: ConfigProblem[] = [];
  for (const { index, value } of entries(raw[key])) {
    if (typeof value.name !== 'string') continue;
    const first = seen.get(value.name);
    if (first === undefined) seen.set(value.name, index);
    else {
      problems.push({
        path: [key, index, 'name'],
        message: say('duplicateName', say(kind), value.name, describe([key, first, 'name'])),
      });
    }
  }
  return problems;
}

export function crossCheck(raw: unknown, describe: Describe = byPath): ConfigProblem[] {
  if (!isRecord(raw)) return [];
  const problems: ConfigProblem[] = [
    ...duplicates(raw, 'databases', 'kind.database', describe),
    ...duplicates(raw, 'principals', 'kind.principal', describe),
    ...duplicates(raw, 'files', 'kind.file', describe),
  ];

  const databasesGiven = Array.isArray(raw.databases);
  const databaseNames = names(raw.databases);
  const topDialect = raw.dialect === undefined ? 'postgresql' : raw.dialect;

  for (const { index, value: db } of entries(raw.databases)) {
    // Globs that climb out of the project would scan files nobody asked for.
    if (raw.allowOutsideRoot !== true) {
      for (const { index: j, value: glob } of strings(db.sources)) {
        if (globLeavesRoot(glob)) {
          problems.push({
            path: ['databases', index, 'sources', j],
            message: say('globOutsideRoot', glob),
          });
        }
      }
    }
    const dialect = db.dialect === undefined ? topDialect : db.dialect;
    // An invalid dialect is already reported by the schema.
    if (db.url !== undefined && isDialect(dialect) && dialect !== 'postgresql') {
      problems.push({
        path: ['databases', index, 'url'],
        message: say('urlNotPostgres', dialect),
      });
    }
  }

  // Without `databases` every source is in database "default", and any name may be meant for a
  // live scan; names are only checked against an explicit list.
  if (databasesGiven) {
    for (const { index, value: principal } of entries(raw.principals)) {
      for (const { index: j, value: name } of strings(principal.connects)) {
        if (!databaseNames.includes(name)) {
          problems.push({
            path: ['principals', index, 'connects', j],
            message: unknownName('kind.database', name, databaseNames, 'databases'),
          });
        }
      }
    }
    if (Array.isArray(raw.links)) {
      raw.links.forEach((link, index) => {
        strings(link).forEach(({ index: j, value: ref }) => {
          const parts = ref.split('.');
          const database = nth(parts, 0);
          if (parts.length !== COLUMN_PARTS || databaseNames.includes(database)) return;
          problems.push({
            path: ['links', index, j],
            message: unknownName('kind.database', database, databaseNames, 'databases') + say('inRef', ref),
          });
        });
      });
    }
  }

  // files[].principals (評価書 ⑦使用の主体) name declared principals.
  const principalNames = names(raw.principals);
  for (const { index, value: file } of entries(raw.files)) {
    for (const { index: j, value: name } of strings(file.principals)) {
      if (!principalNames.includes(name)) {
        problems.push({
          path: ['files', index, 'principals', j],
          message: unknownName('kind.principal', name, principalNames, 'principals'),
        });
      }
    }
  }

  if (raw.inventory !== undefined) {
    const fileNames = names(raw.files);
    for (const { index, value: name } of strings(raw.inventory)) {
      if (!fileNames.includes(name)) {
        problems.push({ path: ['inventory', index], message: unknownName('kind.file', name, fileNames, 'files') });
      }
    }
  }
  return problems;
}
