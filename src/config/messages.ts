/** Turning zod issues into short messages a config author can act on. */
import { z } from 'zod';
import type { ConfigPath, ConfigProblem } from './cross-check.js';
import { configLang, say, sayDidYouMean, type ConfigTextKey } from './texts.js';

/**
 * zod's own messages in the config's language, for the issue kinds spif does not word itself
 * (zod v4 ships them: https://zod.dev/error-customization#internationalization).
 */
const ZOD_LOCALE = { ja: z.locales.ja().localeError, en: z.locales.en().localeError };

const EXPECTED = new Set(['string', 'number', 'int', 'boolean', 'array', 'tuple', 'object']);

/** How a value from the file reads in a message. */
function describeValue(v: unknown): string {
  if (v === null) return say('value.null');
  if (Array.isArray(v)) return say('value.list');
  if (typeof v === 'object') return say('value.mapping');
  if (typeof v === 'string') return say('value.text', v);
  if (typeof v === 'number') return say('value.number', v);
  return typeof v === 'boolean' || v === undefined ? String(v) : typeof v;
}

function literal(v: unknown): string {
  return typeof v === 'string' ? `'${v}'` : String(v);
}

/** Per-parse error map: schema-level messages (version, links) still win over it. */
export const configErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return say('required');
      const want = EXPECTED.has(issue.expected) ? say(`type.${issue.expected}` as ConfigTextKey) : issue.expected;
      return say('expected', want, describeValue(issue.input));
    }
    case 'invalid_value': {
      const values = issue.values;
      const got = describeValue(issue.input);
      if (values.length === 1) return say('expected', literal(values[0]), got);
      const hint =
        typeof issue.input === 'string'
          ? sayDidYouMean(
              issue.input,
              values.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      return say('expectedOneOf', values.map(literal).join(', '), got, hint);
    }
    case 'too_small':
      if (issue.origin === 'string') return say('notEmpty');
      if (issue.origin === 'array') return say('atLeastItems', String(issue.minimum));
      return say(issue.inclusive ? 'atLeast' : 'greaterThan', String(issue.minimum), describeValue(issue.input));
    case 'too_big':
      if (issue.origin === 'array') return say('atMostItems', String(issue.maximum));
      return say(issue.inclusive ? 'atMost' : 'lessThan', String(issue.maximum), describeValue(issue.input));
    case 'invalid_union': {
      // A value of none of the union's types (e.g. a port, a number or text): name the types.
      const wanted = [
        ...new Set(
          issue.errors.flatMap((branch) =>
            branch.flatMap((i) =>
              i.code === 'invalid_type' && EXPECTED.has(i.expected) && i.path.length === 0
                ? [say(`type.${i.expected}` as ConfigTextKey)]
                : [],
            ),
          ),
        ),
      ];
      if (wanted.length === issue.errors.length && wanted.length > 1 && issue.input !== undefined) {
        const want = wanted.reduce((a, b) => say('either', a, b));
        return say('expected', want, describeValue(issue.input));
      }
      return localised(issue);
    }
    default:
      return localised(issue);
  }
};

/** zod's message for `issue` in the validation's language. */
function localised(issue: Parameters<z.core.$ZodErrorMap>[0]): string | undefined {
  const m = ZOD_LOCALE[configLang()](issue);
  return typeof m === 'string' ? m : m?.message;
}

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
        const hint = sayDidYouMean(key, allowed) || (allowed.length ? say('allowedKeys', allowed.join(', ')) : '');
        problems.push({ path: [...path, key], message: say('unknownKey', hint) });
      }
    } else {
      problems.push({ path, message: issue.message });
    }
  }
  return problems;
}
