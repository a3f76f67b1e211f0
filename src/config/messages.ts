/** Turning zod issues into short messages a config author can act on. */
import type { z } from 'zod';
import type { ConfigPath, ConfigProblem } from './cross-check.js';
import { didYouMean } from './did-you-mean.js';

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping (key: value)',
};

/** How a value from the file reads in a message. */
export function describeValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text '${v}'`;
  if (typeof v === 'number') return `the number ${v}`;
  return typeof v === 'boolean' || v === undefined ? String(v) : typeof v;
}

function literal(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** Per-parse error map: schema-level messages (version, links) still win over it. */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'required';
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    }
    case 'invalid_value': {
      const values = issue.values;
      const got = describeValue(issue.input);
      if (values.length === 1) return `expected ${literal(values[0])}, got ${got}`;
      const hint =
        typeof issue.input === 'string'
          ? didYouMean(
              issue.input,
              values.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      return `expected one of ${values.map(literal).join(', ')}; got ${got}${hint}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `must list at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}, got ${describeValue(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must list at most ${issue.maximum} items`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, got ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
};

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  while (current) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return current;
  }
  return undefined;
}

/** Keys the schema allows for the object at `path` (for did-you-mean on unknown keys). */
export function allowedKeys(schema: AnySchema, path: ConfigPath): string[] {
  let current = unwrap(schema);
  for (const segment of path) {
    const def = current?._zod.def as
      { type: string; shape?: Record<string, AnySchema>; element?: AnySchema; items?: AnySchema[] } | undefined;
    if (!def) return [];
    if (def.type === 'object') current = unwrap(def.shape?.[String(segment)]);
    else if (def.type === 'array') current = unwrap(def.element);
    else if (def.type === 'tuple') current = unwrap(def.items?.[Number(segment)]);
    else return [];
  }
  const def = current?._zod.def as { type: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Zod issues as problems; an unknown-keys issue becomes one problem per key, at that key. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], schema: AnySchema): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, path);
      for (const key of issue.keys) {
        const hint = didYouMean(key, allowed) || (allowed.length ? `; expected one of: ${allowed.join(', ')}` : '');
        problems.push({ path: [...path, key], message: `unknown key${hint}` });
      }
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}
