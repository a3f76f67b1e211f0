/**
 * What the HTML explorer reads: the report, packed small enough to ship 20,000 relations in one
 * page. Every string (ids, column ids, principals, details) is stored once in a string table and
 * referred to by index; enum values are small numbers. The page's script rebuilds everything from
 * this, on demand — nothing is laid out at report time, so the report's cost stays linear.
 *
 * The JSON goes into a `<script type="application/json">` block, which the browser never runs;
 * `<`, `>`, `&` and the two JavaScript line separators are written as \u escapes so no source
 * string can close the block.
 */
import { type Report, writtenId } from './model.js';
import { DisplayNames } from './display-names.js';
import { CONTROLS } from './model.js';
import type { DeclaredOnlyBlock } from './graph-model.js';
import { type Lang, diagnosticMessage } from './messages.js';
import { blockDetail } from './evidence-text.js';

export const KINDS = ['table', 'view'] as const;
export const CLASSES = ['specific', 'not-specific'] as const;
export const BASES = ['holds-number', 'reachable', 'access-controlled', 'unlinked'] as const;
export const VIAS = ['foreign-key', 'implied-key', 'declared-link', 'view'] as const;
export const NUMBER_KINDS = ['individual-number', 'substitute-code'] as const;
export const PRINCIPAL_KINDS = ['system', 'role', 'public', 'unrestricted', 'administrator'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** One relation: [id, database, kind, class, basis, file, line, numberColumns, reach, blocks, suppressed?] */
export type PackedRelation = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  /** [column, kind] */
  [number, number][],
  /** [principal, numberColumn, steps [from, to, via][]] */
  [number, number, [number, number, number][]][],
  /** [principal (-1: every principal), at, control, detail, declaredOnly 0|1] */
  [number, number, number, number, number][],
  number?,
];

export interface ExplorerData {
  s: string[];
  relations: PackedRelation[];
  /** [name, class, relation indexes] */
  files: [number, number, number[]][];
  /** [name, class, relations, specific] */
  databases: [number, number, number, number][];
  /** [name, kind, roles, connects or null] */
  principals: [number, number, number[], number[] | null][];
  /** [severity, code, message, file (-1), line, column] */
  diagnostics: [number, number, number, number, number, number][];
  summary: Report['summary'];
  /**
   * Names shown otherwise than the catalog spells them (SQL Server keeps the written case):
   * [relation id, column id (`id.column`) or principal, as written]. Ids stay the keys.
   */
  w?: [number, number][];
}

export function packReport(report: Report, declaredOnly: DeclaredOnlyBlock[], lang: Lang = 'en'): ExplorerData {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const s = (x: string): number => {
    let i = index.get(x);
    if (i === undefined) {
      i = strings.length;
      strings.push(x);
      index.set(x, i);
    }
    return i;
  };
  const at = <T extends string>(list: readonly T[], v: T) => list.indexOf(v);
  const declared = new Set(declaredOnly.map((d) => `${d.relation}\u0000${d.principal}`));
  const relIndex = new Map(report.relations.map((r, i) => [r.id, i]));
  const names = DisplayNames.of(report);
  const written: [number, number][] = [];
  for (const r of report.relations) {
    const id = writtenId(r);
    if (id !== r.id) written.push([s(r.id), s(id)]);
    for (const c of r.columns ?? [])
      if (c.writtenName || id !== r.id) written.push([s(`${r.id}.${c.name}`), s(`${id}.${c.writtenName ?? c.name}`)]);
  }
  for (const p of report.principals) if (p.writtenName) written.push([s(p.name), s(p.writtenName)]);
  const relations: PackedRelation[] = report.relations.map((r) => {
    const packed: PackedRelation = [
      s(r.id),
      s(r.database),
      at(KINDS, r.kind),
      at(CLASSES, r.classification),
      at(BASES, r.basis),
      s(r.source.file),
      r.source.line,
      r.numberColumns.map((n) => [s(n.column), at(NUMBER_KINDS, n.kind)]),
      r.reachable.map((x) => [
        s(x.principal),
        s(x.numberColumn),
        x.path.map((p) => [s(p.from), s(p.to), at(VIAS, p.via)]),
      ]),
      r.blocked.map((b) => [
        b.principal === '*' ? -1 : s(b.principal),
        s(b.at),
        at(CONTROLS, b.control),
        s(names.text(blockDetail(lang, names.blockOf(b)))),
        declared.has(`${r.id}\u0000${b.principal}`) ? 1 : 0,
      ]),
    ];
    if (r.suppressed) packed.push(s(r.suppressed.reason));
    return packed;
  });
  return {
    s: strings,
    relations,
    files: report.files.map((f) => [
      s(f.name),
      at(CLASSES, f.classification),
      f.relations.map((id) => relIndex.get(id)).filter((i): i is number => i !== undefined),
    ]),
    databases: report.databases.map((d) => [
      s(d.name),
      at(CLASSES, d.classification),
      d.relations ?? 0,
      d.specific ?? 0,
    ]),
    principals: report.principals.map((p) => [
      s(p.name),
      at(PRINCIPAL_KINDS, p.kind),
      p.roles.map(s),
      p.connects ? p.connects.map(s) : null,
    ]),
    diagnostics: report.diagnostics.map((d) => [
      at(SEVERITIES, d.severity),
      s(d.code),
      s(names.text(diagnosticMessage(lang, d))),
      d.file === undefined ? -1 : s(d.file),
      d.line ?? 0,
      d.column ?? 0,
    ]),
    summary: report.summary,
    ...(written.length ? { w: written } : {}),
  };
}

/** JSON for a `<script type="application/json">` block: nothing in it can end the block or the line. */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
