/**
 * The PIA document (評価書の下書き): what `--format markdown` and `--format html` both show, built
 * once as plain blocks (headings, paragraphs, lists, tables) so the two formats cannot drift. Text
 * from the sources stays data here (`Inline` pieces); each renderer escapes it for its language.
 *
 * Per named file (or per database when the config names none): ファイル名, relations, 主な記録項目,
 * where the number is held, how each user reaches it or what stops it, assumptions; then the
 * relations judged not specific with the reason, all relations, the graph, users, diagnostics.
 */
import type { ScanResult } from './scan-result.js';
import { readingLines } from './reading.js';
import { candidateReason, candidateSettle, evidenceText } from '../detect/explain.js';
import type { Block, Reach, RelationReport, Report } from './model.js';
import { type Lang, type MessageKey, adminReason, diagnosticMessage, t } from './messages.js';
import { withKey } from './path-key.js';
import { DisplayNames } from './display-names.js';
import { type DeclaredOnlyBlock, declaredOnlyBlocks } from './graph-model.js';
import { nth } from '../indexed.js';

/** A piece of running text: plain, an identifier from the sources (shown as code), or emphasis. */
export type Inline = string | { code: string } | { strong: string };
export type Text = Inline[];

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: Text; anchor?: string }
  | { kind: 'paragraph'; text: Text }
  | { kind: 'list'; items: Text[]; role?: 'evidence' }
  /**
   * How HTML shows a long table (Markdown always writes every row): `relations`, the table of every
   * relation, is the explorer's list; `evidence` repeats per relation what the explorer shows, so
   * HTML keeps its first rows and points there; `record-items` (別添2) is the form's own content,
   * paged in HTML.
   */
  | { kind: 'table'; head: string[]; rows: Text[][]; role?: TableRole }
  /** The link graph: each format draws it its own way (Mermaid, SVG). */
  | { kind: 'graph' }
  /** The 評価書 itself (hyoukasho.ts): the form's sections, rendered by pia-html.ts in HTML. */
  | { kind: 'form'; blocks: DocBlock[] };

export type TableRole = 'relations' | 'evidence' | 'record-items';

export interface PiaDocument {
  title: string;
  blocks: DocBlock[];
}

const BASES = ['holds-number', 'reachable', 'access-controlled', 'unlinked'] as const;

/** `form`: the 評価書's own sections (hyoukasho.ts builds them), placed before spif's evidence. */
export function buildPiaDocument(report: Report, lang: Lang, scan?: ScanResult, form: DocBlock[] = []): PiaDocument {
  const L = (key: MessageKey, ...args: (string | number)[]) => t(lang, key, ...args);
  const byId = new Map(report.relations.map((r) => [r.id, r]));
  const declaredOnly = scan ? declaredOnlyBlocks(report, scan) : [];
  const names = DisplayNames.of(report);
  const blocks: DocBlock[] = [];
  const s = report.summary;
  const title = t(lang, 'form.title');
  blocks.push({ kind: 'heading', level: 1, text: [title] });
  blocks.push({
    kind: 'paragraph',
    text: [
      t(lang, 'form.note', report.tool.version),
      ' ',
      L('label.summary', s.relations, s.specific, s.notSpecific),
      ...(s.candidates ? [' ', { strong: L('label.candidatesSummary', s.candidates) }] : []),
    ],
  });
  // The 評価書 in the form's words first; spif's evidence for it follows.
  const reading = readingLines(report, lang);
  if (reading.length) blocks.push({ kind: 'list', items: reading.map((l) => [l]) });
  if (form.length) blocks.push({ kind: 'form', blocks: form });

  blocks.push({ kind: 'heading', level: 2, text: [t(lang, 'ev.heading')], anchor: 'evidence' });
  blocks.push({ kind: 'paragraph', text: [t(lang, 'ev.note')] });
  blocks.push({ kind: 'heading', level: 2, text: [L('doc.section.rules')], anchor: 'rules' });
  blocks.push({ kind: 'paragraph', text: [L('doc.rules.law')] });
  blocks.push({
    kind: 'list',
    items: BASES.map((b) => [L('doc.rules.item', L(`basis.${b}`), b, L(`basis.explain.${b}`))]),
  });

  // ── one section per named file, or per database ──────────────────────────────────────────
  const units = report.files.length
    ? report.files.map((f) => ({
        kind: 'file' as const,
        name: f.name,
        classification: f.classification,
        description: f.description,
        relations: f.relations,
      }))
    : report.databases.map((d) => ({
        kind: 'database' as const,
        name: d.name,
        classification: d.classification,
        description: undefined,
        relations: report.relations.filter((r) => r.database === d.name).map((r) => r.id),
      }));
  blocks.push({
    kind: 'heading',
    level: 2,
    text: [report.files.length ? L('section.files') : L('doc.section.units.databases')],
    anchor: 'files',
  });
  units.forEach((u, i) => {
    const rels = u.relations.map((id) => byId.get(id)).filter((r): r is RelationReport => !!r);
    blocks.push({ kind: 'heading', level: 3, text: [`${i + 1}. `, u.name], anchor: `unit-${i + 1}` });
    const firstSpecific = rels.find((r) => r.classification === 'specific');
    const why: Text =
      rels.length === 0
        ? [L('doc.judgement.unit.empty')]
        : firstSpecific
          ? fill(L('doc.judgement.unit.specific', '\u0000'), [{ code: firstSpecific.id }])
          : [L('doc.judgement.unit.notSpecific')];
    const fields: Text[][] = [
      [[u.kind === 'file' ? L('doc.field.fileName') : L('doc.field.database')], [{ strong: u.name }]],
      [[L('doc.field.judgement')], [{ strong: L(`classification.${u.classification}`) }, ' — ', ...why]],
    ];
    if (u.description) fields.push([[L('doc.field.description')], [u.description]]);
    blocks.push({ kind: 'table', head: [L('doc.field.item'), L('doc.field.value')], rows: fields });

    blocks.push({ kind: 'heading', level: 4, text: [L('doc.sub.relations')] });
    blocks.push({
      kind: 'table',
      role: 'evidence',
      head: [
        L('doc.col.relation'),
        L('doc.col.kind'),
        L('doc.field.judgement'),
        L('doc.col.basis'),
        L('doc.col.source'),
      ],
      rows: rels.map((r) => relationRow(r, L)),
    });

    blocks.push({ kind: 'heading', level: 4, text: [L('doc.sub.numberHeld')] });
    const held = rels.flatMap((r) => r.numberColumns.map((n) => ({ r, n })));
    if (held.length) {
      blocks.push({
        kind: 'table',
        head: [L('doc.col.column'), L('doc.col.kind'), L('doc.col.rule'), L('doc.col.evidence'), L('doc.col.source')],
        rows: held.map(({ r, n }) => [
          [{ code: `${shortRelation(r.id)}.${n.column}` }],
          [L(`kind.${n.kind}`)],
          [{ code: n.rule }],
          [n.evidence ? names.evidence(lang, r.id, n) : ''],
          [{ code: n.source ? `${n.source.file}:${n.source.line}` : `${r.source.file}:${r.source.line}` }],
        ]),
      });
    } else {
      const reached = [...new Set(rels.flatMap((r) => r.reachable.map((x) => x.numberColumn)))];
      blocks.push({
        kind: 'paragraph',
        text: reached.length
          ? [L('doc.numberHeld.reached', ''), ...joinInline(reached.map((c) => ({ code: c })))]
          : [L('doc.numberHeld.none')],
      });
    }

    const assumptions = [...new Set(rels.flatMap((r) => r.assumptions))];
    if (assumptions.length) {
      blocks.push({ kind: 'heading', level: 4, text: [L('section.assumptions')] });
      blocks.push({ kind: 'list', items: assumptions.map((a) => [names.assumption(lang, a)]) });
    }
  });

  // ── candidates (要確認): columns the PIA author must decide, and those the config decided ──────
  const candidates = report.relations.flatMap((r) => (r.candidates ?? []).map((c) => ({ r, c })));
  if (candidates.length) {
    blocks.push({ kind: 'heading', level: 2, text: [L('section.candidates')], anchor: 'candidates' });
    blocks.push({
      kind: 'table',
      head: [
        L('doc.col.column'),
        L('doc.col.kind'),
        L('doc.col.evidence'),
        L('doc.col.reason'),
        L('label.candidateSettle'),
        L('doc.col.source'),
      ],
      rows: candidates.map(({ r, c }) => [
        [{ code: `${shortRelation(r.id)}.${c.column}` }],
        [`${L(`kind.${c.kind}`)}?`],
        [evidenceText(lang, c.evidence), ' (', { code: c.rule }, ')'],
        [candidateReason(lang, c)],
        c.decision
          ? [
              { strong: `${L('label.candidateDecided')}: ${L(`verdict.${c.decision.verdict}`)}` },
              ' ',
              { code: c.decision.pattern },
              c.decision.reason ? ` — ${c.decision.reason}` : '',
            ]
          : [{ strong: L('label.candidate') }, ' ', candidateSettle(lang, c)],
        [{ code: c.source ? `${c.source.file}:${c.source.line}` : `${r.source.file}:${r.source.line}` }],
      ]),
    });
  }

  // ── not specific, with the reason ──────────────────────────────────────────────────────
  const notSpecific = report.relations.filter((r) => r.classification === 'not-specific');
  blocks.push({ kind: 'heading', level: 2, text: [L('doc.section.notSpecific')], anchor: 'not-specific' });
  blocks.push({
    kind: 'table',
    role: 'evidence',
    head: [L('doc.col.relation'), L('doc.col.basis'), L('doc.col.reason')],
    rows: notSpecific.map((r) => [[{ code: r.id }], [L(`basis.${r.basis}`)], reasonText(r, declaredOnly, L)]),
  });

  // ── every relation (searchable in HTML) ──────────────────────────────────────────────────
  const fileOf = new Map<string, string[]>();
  for (const f of report.files) for (const id of f.relations) fileOf.set(id, [...(fileOf.get(id) ?? []), f.name]);
  blocks.push({ kind: 'heading', level: 2, text: [L('doc.section.allRelations')], anchor: 'all-relations' });
  blocks.push({
    kind: 'table',
    role: 'relations',
    head: [
      L('doc.col.relation'),
      L('doc.col.kind'),
      L('doc.field.judgement'),
      L('doc.col.basis'),
      L('doc.col.numberColumns'),
      L('doc.col.file'),
      L('doc.col.source'),
    ],
    rows: report.relations.map((r) => [
      [{ code: r.id }],
      [L(`doc.kind.${r.kind}`)],
      [L(`classification.${r.classification}`)],
      [L(`basis.${r.basis}`)],
      joinInline(r.numberColumns.map((n) => ({ code: n.column }))),
      joinInline((fileOf.get(r.id) ?? []).map((f) => f)),
      [{ code: `${r.source.file}:${r.source.line}` }],
    ]),
  });

  blocks.push({ kind: 'heading', level: 2, text: [L('doc.section.graph')], anchor: 'graph' });
  blocks.push({ kind: 'paragraph', text: [L('doc.graph.legend')] });
  blocks.push({ kind: 'graph' });

  const users = report.principals.filter((p) => p.kind !== 'administrator');
  blocks.push({ kind: 'heading', level: 2, text: [L('section.principals')], anchor: 'principals' });
  blocks.push({
    kind: 'table',
    head: [L('doc.col.principal'), L('doc.col.kind'), L('doc.col.roles'), L('doc.col.connects')],
    rows: users.map((p) => [
      [{ code: p.name }],
      [L(`principal.${p.kind}`)],
      joinInline(p.roles.map((r) => ({ code: r }))),
      p.connects ? joinInline(p.connects.map((c) => ({ code: c }))) : ['—'],
    ]),
  });
  const admins = report.principals.filter((p) => p.kind === 'administrator');
  if (admins.length) {
    blocks.push({
      kind: 'paragraph',
      text: [
        { strong: L('section.administrators') },
        ': ',
        ...joinInline(
          admins.map((a) => ({
            code: `${a.writtenName ?? a.name} (${adminReason(lang, a.reason)})`,
          })),
        ),
      ],
    });
  }
  if (report.assumptions?.length) {
    blocks.push({ kind: 'heading', level: 2, text: [L('section.assumptions')], anchor: 'assumptions' });
    blocks.push({
      kind: 'list',
      items: report.assumptions.map((a) => [names.assumption(lang, a)]),
    });
  }
  blocks.push({
    kind: 'heading',
    level: 2,
    text: [`${L('section.diagnostics')} (${L('label.diagnosticsSummary', s.errors, s.warnings)})`],
    anchor: 'diagnostics',
  });
  if (report.diagnostics.length) {
    blocks.push({
      kind: 'table',
      head: [L('doc.col.severity'), L('doc.col.code'), L('doc.col.location'), L('doc.col.message')],
      rows: report.diagnostics.map((d) => [
        [d.severity === 'info' ? L('label.severity.info') : L(`gate.level.${d.severity}`)],
        [{ code: d.code }],
        d.file ? [{ code: `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}` }] : [''],
        [diagnosticMessage(lang, d)],
      ]),
    });
  } else blocks.push({ kind: 'paragraph', text: [L('label.none')] });
  return { title, blocks };
}

type Labeler = (key: MessageKey, ...args: (string | number)[]) => string;

function relationRow(r: RelationReport, L: Labeler): Text[] {
  return [
    [{ code: r.id }],
    [L(`doc.kind.${r.kind}`)],
    [L(`classification.${r.classification}`)],
    [L(`basis.${r.basis}`)],
    [{ code: `${r.source.file}:${r.source.line}` }],
  ];
}

export function accessRowsFor(r: RelationReport, declaredOnly: DeclaredOnlyBlock[], L: Labeler): Text[][] {
  const rows: Text[][] = [];
  for (const x of r.reachable) {
    rows.push([
      [{ code: x.principal }],
      [{ code: shortRelation(r.id) }],
      [x.path.length ? L('doc.result.reaches') : L('label.directRead')],
      pathText(x, L),
    ]);
  }
  for (const b of r.blocked) {
    const declared = declaredOnly.some((d) => d.relation === r.id && d.principal === b.principal);
    rows.push([
      [b.principal === '*' ? L('principal.everyone') : { code: b.principal }],
      [{ code: shortRelation(r.id) }],
      [declared ? L('doc.result.declaredOnly') : L('doc.result.blocked')],
      [L(`control.${b.control}`), ' — ', { code: b.at }],
    ]);
  }
  return rows;
}

/** The plain-language reason for a relation's judgement, with the rule it rests on. */
export function reasonText(r: RelationReport, declaredOnly: DeclaredOnlyBlock[], L: Labeler): Text {
  const out: Text = [];
  if (r.basis === 'holds-number') {
    r.numberColumns.forEach((n, i) => {
      if (i) out.push(L('doc.sep.clause'));
      out.push(...fill(L('doc.reason.holds', '\u0000', L(`kind.${n.kind}`)), [{ code: n.column }]));
    });
  } else if (r.basis === 'reachable') {
    const x = nth(r.reachable, 0);
    out.push(
      ...fill(L('doc.reason.reaches', '\u0000', '\u0000', '\u0000'), [
        { code: x.principal },
        pathInline(x, L),
        { code: shortColumn(x.numberColumn) },
      ]),
    );
  } else if (r.basis === 'access-controlled') {
    out.push(L('basis.explain.access-controlled'), L('doc.sep.sentence'));
    r.blocked.forEach((b: Block, i) => {
      if (i) out.push(L('doc.sep.clause'));
      out.push(
        ...fill(L('doc.reason.blocked', '\u0000', L(`control.${b.control}`), '\u0000'), [
          b.principal === '*' ? L('principal.everyone') : { code: b.principal },
          { code: b.at },
        ]),
      );
    });
    for (const d of declaredOnly.filter((x) => x.relation === r.id)) {
      out.push(L('doc.sep.sentence'), L('finding.declaredOnly', r.id, d.principal, d.databases.join(', ')));
    }
  } else out.push(L('basis.explain.unlinked'));
  out.push(L('doc.reason.rule', r.basis));
  return out;
}

/** Replace each `\0` placeholder in a translated sentence by an inline piece (kept as data). */
function fill(sentence: string, pieces: Inline[]): Text {
  const parts = sentence.split('\u0000');
  const out: Text = [];
  parts.forEach((p, i) => {
    if (p) out.push(p);
    const piece = pieces[i];
    if (piece && i < parts.length - 1) out.push(piece);
  });
  return out;
}

function pathText(x: Reach, L: Labeler): Text {
  // One naming in one cell: the hops and the number column are both shortened the same way.
  if (x.path.length === 0) return [{ code: shortColumn(x.numberColumn) }];
  return [pathInline(x, L), ' ⇒ ', { code: shortColumn(x.numberColumn) }];
}

/** `a.col →(外部キー) b.col ⇒ …`: the hops of a path, each with its link kind. */
function pathInline(x: Reach, L: Labeler): Inline {
  if (x.path.length === 0) return { code: x.numberColumn };
  return {
    code: x.path
      .map(
        (s) =>
          `${withKey(shortColumn(s.from), s, 'from')} →(${L(`via.${s.via}`)}) ${withKey(shortColumn(s.to), s, 'to')}`,
      )
      .join(' ⇒ '),
  };
}

export function joinInline(items: Inline[]): Text {
  const out: Text = [];
  items.forEach((x, i) => {
    if (i) out.push(', ');
    out.push(x);
  });
  return out;
}

/** database.schema.relation → database.relation (schema kept when it is not the default). */
export function shortRelation(id: string): string {
  const [db, schema, ...name] = id.split('.');
  return schema === 'public' || schema === 'main' ? `${db}.${name.join('.')}` : id;
}

export function shortColumn(columnId: string): string {
  const i = columnId.lastIndexOf('.');
  return `${shortRelation(columnId.slice(0, i))}.${columnId.slice(i + 1)}`;
}
