/**
 * `spif diff`: what changed between the base ref and now, in terms a PIA reviewer cares about —
 * relations that became or stopped being specific, paths to the number that appeared or went,
 * blocking controls added or removed, new or removed number columns, named files that changed,
 * and renamed databases — each with its evidence from the side where it holds.
 */
import type { SuppressionConfig } from '../config/index.js';
import type { Block, Reach, RelationReport, Report } from '../report/model.js';
import { t } from '../report/messages.js';
import { relationEvidence } from './evidence.js';
import type { Change, Evidence } from './model.js';
import { ruleMessage } from './messages.js';
import { renameDatabases } from './renames.js';
import { CHANGE_KINDS, DIFF_RULES, type ChangeKind } from './rules.js';
import { applySuppressions } from './suppress.js';
import { diagnosticFindings } from './check.js';

export interface DiffOptions {
  /** base database name → head name. */
  renames?: Map<string, string>;
  /** Change kinds that fail the gate. */
  failOn: ReadonlySet<ChangeKind>;
  suppressions?: SuppressionConfig[];
}

export interface DiffComparison {
  changes: Change[];
  failed: boolean;
}

type Side = Pick<RelationReport, 'classification' | 'basis'>;

export function compareReports(baseReport: Report, head: Report, options: DiffOptions): DiffComparison {
  const renames = options.renames ?? new Map<string, string>();
  const base = renameDatabases(baseReport, renames);
  const changes: Change[] = [];
  const make = (kind: ChangeKind, rest: Omit<Change, 'rule' | 'kind' | 'code' | 'level' | 'fails'>): Change => {
    const def = DIFF_RULES[kind];
    const fails = options.failOn.has(kind);
    const level = fails ? 'error' : def.level === 'error' ? 'warning' : def.level;
    return { rule: kind, kind, code: def.code, level, fails, ...rest };
  };

  for (const [from, to] of [...renames].sort()) {
    changes.push(
      make('database-renamed', {
        message: ruleMessage('en', 'database-renamed', from, to),
        renamed: { from, to },
        evidence: [],
      }),
    );
  }

  const baseById = new Map(base.relations.map((r) => [r.id, r]));
  const headById = new Map(head.relations.map((r) => [r.id, r]));
  const ids = [...new Set([...baseById.keys(), ...headById.keys()])].sort();
  for (const id of ids) changes.push(...relationChanges(id, baseById.get(id), headById.get(id), make));

  const baseFiles = new Map(base.files.map((f) => [f.name, f]));
  for (const f of head.files) {
    const was = baseFiles.get(f.name)?.classification === 'specific';
    const is = f.classification === 'specific';
    if (was === is) continue;
    const specificMembers = head.relations.filter((r) => f.relations.includes(r.id) && r.classification === 'specific');
    changes.push(
      make(is ? 'file-became-specific' : 'file-stopped-specific', {
        message: ruleMessage('en', is ? 'file-became-specific' : 'file-stopped-specific', f.name),
        file: f.name,
        evidence: specificMembers.map((r) => ({
          kind: 'member' as const,
          relation: r.id,
          classification: r.classification,
          basis: r.basis,
        })),
      }),
    );
  }

  // The head's diagnostics at their own severity: an error fails whatever changed (a gate never
  // passes on input it could not read); a warning is listed when the base did not have it.
  const before = new Set(baseReport.diagnostics.map(diagnosticKey));
  const fresh = head.diagnostics.filter((d) => d.severity === 'error' || !before.has(diagnosticKey(d)));
  changes.push(...diagnosticFindings(fresh, false).map((f) => ({ ...f, kind: f.rule })));

  const { findings, unused } = applySuppressions(changes, options.suppressions ?? [], 'diff', false);
  const all: Change[] = [...findings, ...unused.map((u) => ({ ...u, kind: u.rule }))];
  return { changes: all, failed: all.some((c) => c.fails) };
}

/** What identifies a diagnostic across the two sides: never its line (an edit above moves it). */
function diagnosticKey(d: Report['diagnostics'][number]): string {
  return `${d.code}\u0000${d.file ?? ''}\u0000${d.message}`;
}

function sideOf(r: RelationReport | undefined): Side | undefined {
  return r ? { classification: r.classification, basis: r.basis } : undefined;
}

function basisText(r: RelationReport | undefined, fallback: string): string {
  return r ? t('en', `basis.${r.basis}`) : fallback;
}

/** Who reads or reaches the number from r: principal → reach. */
function reachByPrincipal(r: RelationReport | undefined): Map<string, Reach> {
  return new Map((r?.reachable ?? []).map((x) => [x.principal, x]));
}

function blockKey(b: Block): string {
  return `${b.principal}\u0000${b.control}\u0000${b.at}`;
}

function relationChanges(
  id: string,
  b: RelationReport | undefined,
  h: RelationReport | undefined,
  make: (kind: ChangeKind, rest: Omit<Change, 'rule' | 'kind' | 'code' | 'level' | 'fails'>) => Change,
): Change[] {
  const out: Change[] = [];
  const location = h?.source ?? b?.source;
  const common = { relation: id, ...(location ? { location } : {}), before: sideOf(b), after: sideOf(h) };
  const wasSpecific = b?.classification === 'specific';
  const isSpecific = h?.classification === 'specific';
  if (!wasSpecific && isSpecific) {
    out.push(
      make('became-specific', {
        ...common,
        message: ruleMessage('en', 'became-specific', id, basisText(h, ''), basisText(b, t('en', 'gate.absent'))),
        evidence: relationEvidence(h),
      }),
    );
  } else if (wasSpecific && !isSpecific) {
    out.push(
      make('stopped-specific', {
        ...common,
        message: ruleMessage('en', 'stopped-specific', id, basisText(h, t('en', 'gate.removed')), basisText(b, '')),
        evidence: h ? relationEvidence(h) : [],
      }),
    );
  }

  const baseCols = new Map((b?.numberColumns ?? []).map((c) => [c.column, c]));
  const headCols = new Map((h?.numberColumns ?? []).map((c) => [c.column, c]));
  for (const [name, c] of headCols) {
    if (baseCols.has(name)) continue;
    out.push(
      make('number-column-added', {
        ...common,
        ...(c.source ? { location: c.source } : {}),
        message: ruleMessage('en', 'number-column-added', `${id}.${name}`, t('en', `kind.${c.kind}`)),
        evidence: [{ kind: 'number-column', relation: id, numberColumn: c }],
      }),
    );
  }
  for (const [name, c] of baseCols) {
    if (headCols.has(name)) continue;
    out.push(
      make('number-column-removed', {
        ...common,
        message: ruleMessage('en', 'number-column-removed', `${id}.${name}`),
        evidence: [{ kind: 'number-column', relation: id, numberColumn: c }],
      }),
    );
  }

  const baseReach = reachByPrincipal(b);
  const headReach = reachByPrincipal(h);
  const headBlocks = h?.blocked ?? [];
  for (const [principal, x] of headReach) {
    if (baseReach.has(principal)) continue;
    out.push(
      make('path-added', {
        ...common,
        principal,
        message: ruleMessage('en', 'path-added', id, principal),
        evidence: [{ kind: 'path', relation: id, principal, numberColumn: x.numberColumn, path: x.path }],
      }),
    );
  }
  for (const [principal, x] of baseReach) {
    if (headReach.has(principal)) continue;
    const now: Evidence[] = headBlocks
      .filter((bl) => bl.principal === principal)
      .map((block) => ({ kind: 'block', relation: id, block }));
    out.push(
      make('path-removed', {
        ...common,
        principal,
        message: ruleMessage('en', 'path-removed', id, principal),
        evidence: [{ kind: 'path', relation: id, principal, numberColumn: x.numberColumn, path: x.path }, ...now],
      }),
    );
  }

  const baseBlocks = new Map((b?.blocked ?? []).map((x) => [blockKey(x), x]));
  const headBlockMap = new Map(headBlocks.map((x) => [blockKey(x), x]));
  for (const [k, block] of headBlockMap) {
    if (baseBlocks.has(k)) continue;
    out.push(
      make('block-added', {
        ...common,
        principal: block.principal,
        message: ruleMessage('en', 'block-added', id, block.principal, t('en', `control.${block.control}`), block.at),
        evidence: [{ kind: 'block', relation: id, block }],
      }),
    );
  }
  for (const [k, block] of baseBlocks) {
    if (headBlockMap.has(k)) continue;
    // What replaced the control: the path the principal now has, if any.
    const reach = headReach.get(block.principal);
    out.push(
      make('block-removed', {
        ...common,
        principal: block.principal,
        message: ruleMessage('en', 'block-removed', id, block.principal, t('en', `control.${block.control}`), block.at),
        evidence: [
          { kind: 'block', relation: id, block },
          ...(reach
            ? [
                {
                  kind: 'path' as const,
                  relation: id,
                  principal: reach.principal,
                  numberColumn: reach.numberColumn,
                  path: reach.path,
                },
              ]
            : []),
        ],
      }),
    );
  }
  return out;
}

/** Parses `--fail-on a,b` (or `none`); unknown kinds are a usage error for the caller to raise. */
export function parseFailOn(text: string): { kinds: ChangeKind[]; unknown: string[] } {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 1 && parts[0] === 'none') return { kinds: [], unknown: [] };
  const kinds = parts.filter((p): p is ChangeKind => (CHANGE_KINDS as string[]).includes(p));
  return { kinds, unknown: parts.filter((p) => !(CHANGE_KINDS as string[]).includes(p)) };
}
