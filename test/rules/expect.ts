/**
 * The shape of `fixtures/rules/<rule>/expect.yaml`: what spif must decide for every relation of
 * the fixture, with its evidence, written the way a reviewer reads it.
 *
 * ```yaml
 * relations:
 *   default.public.kyufu:
 *     basis: access-controlled                      # holds-number | reachable | access-controlled | unlinked
 *     numberColumns: [[column, kind, rule]]
 *     reachable: [principal, {principal: ["from -> to (via)", …]}]   # the path is optional
 *     blocked: [[principal, control, at]]
 *     assumptions: [no-access-control-declared]
 *     fails: "why: a known bug, named"             # the expectation is right, spif is not (yet)
 * principals: [[name, kind]]                        # optional: the report's principals, in order
 * assumptions: [code]                               # scan-wide assumptions; default: none
 * diagnostics: [[severity, code, "file:line:column"]]  # default: none at all
 * files: {name: specific | not-specific}            # optional
 * databases: {name: specific | not-specific}        # optional
 * ```
 * Omitted evidence lists mean "empty"; every relation in the report must be listed.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { nth } from '../../src/indexed.js';

const BASES = ['holds-number', 'reachable', 'access-controlled', 'unlinked'] as const;
const classification = z.enum(['specific', 'not-specific']);

const reachEntry = z.union([
  z.string(),
  z.record(z.string(), z.array(z.string())).refine((r) => Object.keys(r).length === 1, 'one principal per entry'),
]);

export const relationExpectSchema = z.strictObject({
  basis: z.enum(BASES),
  numberColumns: z
    .array(z.tuple([z.string(), z.enum(['individual-number', 'substitute-code']), z.string()]))
    .default([]),
  reachable: z.array(reachEntry).default([]),
  blocked: z.array(z.tuple([z.string(), z.string(), z.string()])).default([]),
  assumptions: z.array(z.string()).default([]),
  fails: z.string().optional(),
});

export const expectSchema = z.strictObject({
  relations: z.record(z.string(), relationExpectSchema),
  principals: z.array(z.tuple([z.string(), z.string()])).optional(),
  /** The report's scan-wide assumptions; default: none. */
  assumptions: z.array(z.string()).default([]),
  diagnostics: z.array(z.tuple([z.enum(['error', 'warning', 'info']), z.string(), z.string()])).default([]),
  files: z.record(z.string(), classification).optional(),
  databases: z.record(z.string(), classification).optional(),
});

export type RelationExpect = z.infer<typeof relationExpectSchema>;
export type Expect = z.infer<typeof expectSchema>;

export function readExpect(file: string): Expect {
  return expectSchema.parse(YAML.parse(fs.readFileSync(file, 'utf8')));
}

/** A reachable entry as { principal, path? }: path undefined when the entry names only the principal. */
export function reachEntries(r: RelationExpect): { principal: string; path?: string[] }[] {
  return r.reachable.map((e) =>
    typeof e === 'string' ? { principal: e } : { principal: nth(Object.keys(e), 0), path: Object.values(e)[0] },
  );
}
