/**
 * The 評価書 itself (全項目評価書 様式), built from the analysis as document blocks that Markdown,
 * HTML, CSV and xlsx all render: しきい値判断, Ⅱ 特定個人情報ファイルの概要 per specific file,
 * （別添2）特定個人情報ファイル記録項目, Ⅲ リスク対策 (紐付け and アクセス権限), and the files
 * judged not specific with the reason. Every entry the analysis cannot know is marked for the
 * author to fill in (「（記入）」) with the config key that fills it; every proposal is marked 「（案）」.
 */
import { type RelationId, splitColumnId } from '../catalog/model.js';
import { candidateSettle } from '../detect/explain.js';
import type { ScanResult } from './scan-result.js';
import type { FileConfig, PrincipalConfig } from '../config/index.js';
import { writtenId, type RelationReport, type Report } from './model.js';
import { DisplayNames } from './display-names.js';
import { type Lang, type MessageKey, t } from './messages.js';
import { canonical } from '../detect/normalise.js';
import { type GraphNode, isHub } from '../graph/links.js';
import { proposeRecordItems, type RecordItemCategory, type RecordItemProposal } from './record-items.js';
import { type Band, ITEM_BANDS, PERSON_BANDS, USER_BANDS, bandOf, bandOptions } from './hyoukasho-messages.js';
import { thresholdAssessment } from './threshold.js';
import { standardTypeName } from './sql-type.js';
import {
  type DocBlock,
  type Inline,
  type PiaDocument,
  type Text,
  accessRowsFor,
  buildPiaDocument,
  joinInline,
  reasonText,
  shortColumn,
  shortRelation,
} from './pia-document.js';
import { type DeclaredOnlyBlock, declaredOnlyBlocks } from './graph-model.js';
import { nth } from '../indexed.js';

/** A 特定個人情報ファイル of the document: a named file of the config, or a database when none is named. */
export interface FormUnit {
  kind: 'file' | 'database';
  name: string;
  classification: 'specific' | 'not-specific';
  relations: RelationReport[];
  config?: FileConfig;
}

export function formUnits(report: Report, scan?: ScanResult): FormUnit[] {
  const byId = new Map<string, RelationReport>(report.relations.map((r) => [r.id, r]));
  const rels = (ids: string[]) => ids.map((id) => byId.get(id)).filter((r): r is RelationReport => !!r);
  if (report.files.length) {
    return report.files.map((f) => ({
      kind: 'file',
      name: f.name,
      classification: f.classification,
      relations: rels(f.relations),
      config: scan?.config.files.find((c) => c.name === f.name),
    }));
  }
  return report.databases.map((d) => ({
    kind: 'database',
    name: d.name,
    classification: d.classification,
    relations: report.relations.filter((r) => r.database === d.name),
  }));
}

// ── 別添2: every column ─────────────────────────────────────────────────────────────────────

export interface RecordRow {
  no: number;
  relation: string;
  column: string;
  /** The relation id and column name as written (SQL Server keeps case; ids are lower-cased). */
  written?: { relation: string; column: string };
  /** 論理名: the column comment. */
  logicalName?: string;
  /** The SQL-standard type name (sql-type.ts), e.g. character(12) for PostgreSQL's bpchar(12). */
  type?: string;
  category?: RecordItemCategory;
  /** The base column a view column passes through unchanged (counted once). */
  passesThrough?: string;
  number?: { kind: 'individual-number' | 'substitute-code'; rule: string };
  /** A column that may hold the number, not decided in numberColumns (要確認, detection). */
  candidate?: { kind: 'individual-number' | 'substitute-code'; settle: string; rule?: string };
}

export interface RecordList {
  rows: RecordRow[];
  /** ④記録される項目: distinct columns, pass-through view columns once. */
  count: number;
  proposal: RecordItemProposal;
}

export function recordList(unit: FormUnit, scan?: ScanResult): RecordList {
  const proposal = proposeRecordItems(unit.relations);
  const categoryOf = new Map<string, RecordItemCategory>();
  for (const c of proposal.categories)
    for (const x of c.columns) categoryOf.set(`${x.relation}.${x.column}`, c.category);
  const inUnit = new Set(unit.relations.map((r) => r.id));
  const rows: RecordRow[] = [];
  let count = 0;
  for (const r of unit.relations) {
    const numbers = new Map(r.numberColumns.map((n) => [n.column, n]));
    const candidates = new Map((r.candidates ?? []).filter((c) => !c.decision).map((c) => [c.column, c]));
    for (const col of r.columns ?? []) {
      const key = `${r.id}.${col.name}`;
      const cand = candidates.get(col.name);
      const base = r.kind === 'view' ? passThroughBase(scan, r.id, col.name, inUnit) : undefined;
      if (!base) count++;
      const n = numbers.get(col.name);
      rows.push({
        no: rows.length + 1,
        relation: r.id,
        column: col.name,
        ...(r.writtenName || col.writtenName
          ? { written: { relation: writtenId(r), column: col.writtenName ?? col.name } }
          : {}),
        ...(col.comment ? { logicalName: col.comment } : {}),
        ...(col.type ? { type: standardTypeName(col.type) } : {}),
        ...(categoryOf.has(key) ? { category: categoryOf.get(key) } : {}),
        ...(base ? { passesThrough: base } : {}),
        ...(n ? { number: { kind: n.kind, rule: n.rule } } : {}),
        ...(cand && !n ? { candidate: { kind: cand.kind, settle: cand.settle, rule: cand.rule } } : {}),
      });
    }
  }
  return { rows, count, proposal };
}

/** The base column (in the same file) a view column carries unchanged, from the link graph's view edges. */
function passThroughBase(
  scan: ScanResult | undefined,
  view: RelationId,
  column: string,
  inUnit: Set<string>,
): string | undefined {
  if (!scan) return undefined;
  const edge = scan.graph
    .edgesAtColumn(view, column)
    .find((e) => e.via === 'view' && !isHub(e.b.node) && inUnit.has(e.b.node) && e.b.node !== view);
  return edge ? `${edge.b.node}.${edge.b.column}` : undefined;
}

// ── the document ─────────────────────────────────────────────────────────────────────────

type FL = (key: MessageKey, ...args: (string | number)[]) => string;

interface FormContext {
  report: Report;
  lang: Lang;
  scan?: ScanResult;
  declaredOnly: DeclaredOnlyBlock[];
  /** Indexes built once, so that every look-up below is O(1) and the document stays linear in size. */
  relationById: Map<string, RelationReport>;
  unitOfRelation: Map<string, FormUnit>;
  /** Relations with a declared-only block (Ⅲ リスク2's note). */
  declaredOnlyRelations: Set<string>;
  linksOut: Map<FormUnit, LinkOut[]>;
  recordLists: Map<FormUnit, RecordList>;
}

function formContext(report: Report, lang: Lang, units: FormUnit[], scan?: ScanResult): FormContext {
  const declaredOnly = scan ? declaredOnlyBlocks(report, scan) : [];
  const unitOfRelation = new Map<string, FormUnit>();
  // The first unit that holds a relation names it, as Array.find did.
  for (const u of units) for (const r of u.relations) if (!unitOfRelation.has(r.id)) unitOfRelation.set(r.id, u);
  return {
    report,
    lang,
    scan,
    declaredOnly,
    relationById: new Map(report.relations.map((r) => [r.id, r])),
    unitOfRelation,
    declaredOnlyRelations: new Set(declaredOnly.map((d) => d.relation)),
    linksOut: new Map(),
    recordLists: new Map(),
  };
}

/** recordList, once per unit (Ⅱ and 別添2 both need it). */
function unitRecords(u: FormUnit, ctx: FormContext): RecordList {
  let list = ctx.recordLists.get(u);
  if (!list) ctx.recordLists.set(u, (list = recordList(u, ctx.scan)));
  return list;
}

/** The whole document of `--format markdown` and `html`: the 評価書, then spif's evidence. */
export function buildHyoukashoDocument(report: Report, lang: Lang, scan?: ScanResult): PiaDocument {
  const doc = buildPiaDocument(report, lang, scan, buildFormBlocks(report, lang, scan));
  // Names as the sources wrote them (SQL Server), in every section alike.
  return { ...doc, blocks: DisplayNames.of(report).document(doc.blocks) };
}

/** Per specific file, its section Ⅱ and its 別添2 table: what `--format xlsx` and `csv` write. */
export function formFiles(
  report: Report,
  lang: Lang,
  scan?: ScanResult,
): { unit: FormUnit; section: DocBlock[]; annex: Extract<DocBlock, { kind: 'table' }>; list: RecordList }[] {
  const F: FL = (key, ...args) => t(lang, key, ...args);
  const units = formUnits(report, scan);
  const ctx = formContext(report, lang, units, scan);
  return units
    .filter((u) => u.classification === 'specific')
    .map((u, i) => {
      const list = unitRecords(u, ctx);
      return { unit: u, section: sectionTwo(u, i, ctx, F), annex: annexTable(list, ctx), list };
    });
}

function buildFormBlocks(report: Report, lang: Lang, scan?: ScanResult): DocBlock[] {
  const F: FL = (key, ...args) => t(lang, key, ...args);
  const units = formUnits(report, scan);
  const ctx = formContext(report, lang, units, scan);
  const specific = units.filter((u) => u.classification === 'specific');
  const blocks: DocBlock[] = [];
  blocks.push(...thresholdBlocks(ctx, F));

  // Ⅱ
  blocks.push({ kind: 'heading', level: 2, text: [F('f2.heading')], anchor: 'form-2' });
  if (!report.files.length) blocks.push({ kind: 'paragraph', text: [F('f2.byDatabase')] });
  if (!specific.length) blocks.push({ kind: 'paragraph', text: [F('f2.none')] });
  else {
    blocks.push({ kind: 'heading', level: 3, text: [F('f2.1')] });
    blocks.push({ kind: 'list', items: specific.map((u, i) => [`(${i + 1}) `, { strong: u.name }]) });
    specific.forEach((u, i) => blocks.push(...sectionTwo(u, i, ctx, F)));
  }

  // 別添2
  blocks.push({ kind: 'heading', level: 2, text: [F('a2.heading')], anchor: 'annex-2' });
  blocks.push({ kind: 'paragraph', text: [F('a2.note')] });
  specific.forEach((u, i) => {
    blocks.push({ kind: 'heading', level: 3, text: [`(${i + 1}) `, u.name], anchor: `annex-2-${i + 1}` });
    blocks.push(annexTable(unitRecords(u, ctx), ctx));
  });

  // Ⅲ
  blocks.push({ kind: 'heading', level: 2, text: [F('f3.heading')], anchor: 'form-3' });
  specific.forEach((u, i) => blocks.push(...sectionThree(u, i, ctx, F)));

  // 参考: not specific
  const notSpecific = units.filter((u) => u.classification === 'not-specific');
  blocks.push({ kind: 'heading', level: 2, text: [F('ns.heading')], anchor: 'not-specific-files' });
  blocks.push({ kind: 'paragraph', text: [F('ns.note')] });
  if (!notSpecific.length) blocks.push({ kind: 'paragraph', text: [F('ns.none')] });
  const L = (key: Parameters<typeof t>[1], ...args: (string | number)[]) => t(lang, key, ...args);
  notSpecific.forEach((u) => {
    blocks.push({ kind: 'heading', level: 3, text: [u.name] });
    blocks.push({
      kind: 'table',
      role: 'evidence',
      head: [L('doc.col.relation'), L('doc.col.basis'), L('doc.col.reason')],
      rows: u.relations.map((r) => [[{ code: r.id }], [L(`basis.${r.basis}`)], reasonText(r, ctx.declaredOnly, L)]),
    });
    const access = u.relations.flatMap((r) => accessRowsFor(r, ctx.declaredOnly, L));
    if (access.length)
      blocks.push({
        kind: 'table',
        role: 'evidence',
        head: [L('doc.col.principal'), L('doc.col.relation'), L('doc.col.result'), L('doc.col.detail')],
        rows: access,
      });
  });
  return blocks;
}

function thresholdBlocks(ctx: FormContext, F: FL): DocBlock[] {
  const a = ctx.scan?.config.assessment ?? {};
  const out: DocBlock[] = [{ kind: 'heading', level: 2, text: [F('th.heading')], anchor: 'threshold' }];
  out.push({ kind: 'paragraph', text: [F('th.cite')] });
  const persons = (n?: number, key = '') =>
    n === undefined ? F('form.fillKey', key) : F('th.persons', n.toLocaleString('en-US'));
  out.push({
    kind: 'table',
    head: [F('form.col.item'), F('form.col.entry')],
    rows: [
      [[F('th.targetPersons')], [persons(a.targetPersons, 'assessment.targetPersons')]],
      [[F('th.handlers')], [persons(a.handlers, 'assessment.handlers')]],
      [
        [F('th.seriousIncident')],
        [
          a.seriousIncident === undefined
            ? F('form.fillKey', 'assessment.seriousIncident')
            : F(a.seriousIncident ? 'th.yes' : 'th.no'),
        ],
      ],
    ],
  });
  const r = thresholdAssessment(a);
  if (r.kind === 'decided') {
    const why = [
      F(`th.band.${r.band}`),
      ...r.because.filter((b) => b !== 'persons-only').map((b) => F(`th.reason.${b}`)),
    ].join(ctx.lang === 'ja' ? '・' : ', ');
    out.push({
      kind: 'paragraph',
      text: [{ strong: F('th.result') }, ': ', F('th.because', why, F(`th.assessment.${r.assessment}`))],
    });
  } else {
    out.push({
      kind: 'paragraph',
      text: [{ strong: F('th.result') }, ': ', F('th.undecided', r.missing.map((m) => `assessment.${m}`).join(', '))],
    });
  }
  out.push({ kind: 'paragraph', text: [F('th.table'), ' ', F('th.full.optional')] });
  return out;
}

/** Ⅱ 2–5 for one specific file. */
function sectionTwo(u: FormUnit, i: number, ctx: FormContext, F: FL): DocBlock[] {
  const { lang } = ctx;
  const L = (key: Parameters<typeof t>[1], ...args: (string | number)[]) => t(lang, key, ...args);
  const list = unitRecords(u, ctx);
  const c = u.config;
  const fill = (key: string) => [F('form.fillKey', key)];
  const head = [F('form.col.item'), F('form.col.entry'), F('form.col.basis')];
  const out: DocBlock[] = [{ kind: 'heading', level: 3, text: [`(${i + 1}) `, u.name], anchor: `form-2-${i + 1}` }];

  // 2．基本情報
  out.push({ kind: 'heading', level: 4, text: [F('f2.2')] });
  const rows: Text[][] = [];
  const fileType = c?.fileType ?? 'system';
  rows.push([
    [F('f2.2.1')],
    [
      `［${F(`f2.fileType.${fileType}`)}］ `,
      F('form.options', `1) ${F('f2.fileType.system')} 2) ${F('f2.fileType.other-electronic')}`),
    ],
    [c?.fileType ? F('f2.fileType.config') : F('f2.fileType.basis')],
  ]);
  rows.push([
    [F('f2.2.2')],
    c?.persons === undefined
      ? [...fill('files[].persons'), ' ', F('form.options', bandOptions(PERSON_BANDS, lang))]
      : bandEntry(PERSON_BANDS, c.persons, lang, F),
    c?.persons === undefined ? [''] : [F('f2.2.2.basis', c.persons.toLocaleString('en-US'))],
  ]);
  const hints = scopeHints(u, lang);
  rows.push([
    [F('f2.2.3')],
    c?.personScope ? [c.personScope] : fill('files[].personScope'),
    hints.length ? joinText(hints, '; ') : [''],
  ]);
  rows.push([
    [F('f2.2.3.need')],
    c?.personScopeReason ? [c.personScopeReason] : fill('files[].personScopeReason'),
    [''],
  ]);
  rows.push([[F('f2.2.4')], bandEntry(ITEM_BANDS, list.count, lang, F), [F('f2.2.4.basis', list.count)]]);
  out.push({ kind: 'table', head, rows });

  // 主な記録項目: every box of the form, ticked from the proposal.
  out.push({ kind: 'paragraph', text: [{ strong: F('f2.main') }, ' ', F('f2.main.basis')] });
  const links = u.relations.some((r) => r.numberColumns.length) ? [] : linkNotes(u, ctx);
  const candidatesByKind = new Map<string, RecordRow[]>();
  for (const row of list.rows)
    if (row.candidate)
      candidatesByKind.set(row.candidate.kind, [...(candidatesByKind.get(row.candidate.kind) ?? []), row]);
  const ticked = new Set(list.proposal.categories.filter((x) => x.columns.length).map((x) => x.category));
  if (links.length) ticked.add('individual-number');
  out.push({
    kind: 'table',
    head: [t(lang, 'doc.col.group'), t(lang, 'doc.col.item'), F('form.col.basis')],
    rows: list.proposal.categories.map((x) => {
      const box = `${ticked.has(x.category) ? '☑' : '☐'} `;
      const label = x.category === 'business-other' ? F('f2.main.other') : L(`recordItem.${x.category}`);
      let basis: Text = x.columns.length
        ? joinInline(x.columns.map((col) => ({ code: `${shortRelation(col.relation)}.${col.column}` })))
        : [''];
      if (x.category === 'individual-number' && links.length)
        basis = [F('f2.main.link', links.join(lang === 'ja' ? '、' : '; '))];
      // Columns that may hold the number (要確認) are not ticked: the author decides them in numberColumns.
      const review = candidatesByKind.get(x.category) ?? [];
      if (review.length) {
        basis = [
          ...(basis.length === 1 && basis[0] === '' ? [] : [...basis, ' ']),
          ...splitFill(F('f2.main.candidates', '\u0000'), [
            { code: review.map((row) => `${shortRelation(row.relation)}.${row.column}`).join(', ') },
          ]),
        ];
      }
      if (x.category === 'business-other' && list.proposal.unclassified.length)
        basis = [F('f2.main.otherNote', list.proposal.unclassified.length)];
      return [[L(`recordItem.group.${x.group}`)], [box, label], basis];
    }),
  });
  const valid = validity(list, links.length > 0, lang);
  out.push({
    kind: 'table',
    head,
    rows: [
      [
        [F('f2.valid')],
        valid.length
          ? joinText(
              valid.map((v) => `${v}${F('form.draft')}`),
              ' ',
            )
          : fill('files[]'),
        [F('f2.main.basis')],
      ],
      [[F('f2.all')], [F('f2.all.entry')], ['']],
      [[F('f2.2.5')], c?.heldSince ? [c.heldSince] : fill('files[].heldSince'), ['']],
      [[F('f2.2.6')], c?.department ? [c.department] : fill('files[].department'), ['']],
    ],
  });

  // 3．特定個人情報の入手・使用: ⑦ and ⑧ (①–⑥ and ⑨ are for the author).
  out.push({ kind: 'heading', level: 4, text: [F('f2.3')] });
  const users = unitUsers(u);
  const principalCfg = new Map((ctx.scan?.config.principals ?? []).map((p) => [p.name, p]));
  const usersRows: Text[][] = [];
  usersRows.push([
    [`${F('f2.3.7')} ${F('f2.3.7.dept')}`],
    users.names.length
      ? joinText(
          users.names.map((n) => describePrincipal(n, principalCfg.get(n))),
          lang === 'ja' ? '、' : ', ',
        ).concat(c?.principals ? [] : [F('form.draft')])
      : [F('f2.3.7.none')],
    [c?.principals ? F('f2.3.7.deptBasisConfig') : F('f2.3.7.deptBasis')],
  ]);
  const counts = users.names.map((n) => ({ n, users: principalCfg.get(n)?.users }));
  const missing = counts.filter((x) => x.users === undefined).map((x) => x.n);
  const total = counts.reduce((s, x) => s + (x.users ?? 0), 0);
  usersRows.push([
    [`${F('f2.3.7')} ${F('f2.3.7.users')}`],
    users.names.length && !missing.length
      ? bandEntry(USER_BANDS, total, lang, F)
      : [...fill('principals[].users'), ' ', F('form.options', bandOptions(USER_BANDS, lang))],
    missing.length
      ? [F('f2.3.7.usersMissing', missing.join(', '))]
      : users.names.length
        ? [F('f2.3.7.usersBasis', total, counts.map((x) => `${x.n} ${x.users}`).join(', '))]
        : [''],
  ]);
  const matches = matchLines(u, ctx);
  usersRows.push([
    [`${F('f2.3.8')} ${F('f2.3.8.match')}`],
    matches.length
      ? joinText(
          matches.map((m) => `${F('f2.3.8.matchLine', m.key, m.other)}${F('form.draft')}`),
          ' ',
        )
      : [F('f2.3.8.matchNone')],
    [F('f2.3.8.matchBasis')],
  ]);
  out.push({ kind: 'table', head, rows: usersRows });

  // 5．提供・移転
  out.push({ kind: 'heading', level: 4, text: [F('f2.5')] });
  out.push({ kind: 'paragraph', text: [{ strong: F('f2.5.has') }, ': ', F('f2.5.options'), ' ', F('form.fill')] });
  const candidates = transferCandidates(u, users.names, ctx, F);
  out.push({ kind: 'paragraph', text: [{ strong: F('f2.5.candidates') }] });
  out.push({ kind: 'list', items: candidates.length ? candidates : [[F('f2.5.none')]] });
  out.push({ kind: 'paragraph', text: [F('f2.5.note')] });
  return out;
}

/** Ⅲ 3．特定個人情報の使用, リスク1 and リスク2 for one specific file. */
function sectionThree(u: FormUnit, i: number, ctx: FormContext, F: FL): DocBlock[] {
  const L = (key: Parameters<typeof t>[1], ...args: (string | number)[]) => t(ctx.lang, key, ...args);
  const out: DocBlock[] = [{ kind: 'heading', level: 3, text: [`(${i + 1}) `, u.name], anchor: `form-3-${i + 1}` }];
  out.push({ kind: 'paragraph', text: [{ strong: F('f3.1') }, ': ', u.name] });
  out.push({ kind: 'heading', level: 4, text: [F('f3.3')] });

  out.push({ kind: 'paragraph', text: [{ strong: F('f3.risk1') }] });
  out.push({ kind: 'paragraph', text: [F('f3.risk1.measures'), F('form.draft'), ':'] });
  const risk1 = risk1Lines(u, ctx, F);
  out.push({ kind: 'list', role: 'evidence', items: risk1.length ? risk1 : [[F('f3.risk1.none')]] });

  out.push({ kind: 'paragraph', text: [{ strong: F('f3.risk2') }] });
  const rows = u.relations.flatMap((r) => accessRowsFor(r, ctx.declaredOnly, L));
  const noControl = ctx.report.assumptions?.includes('no-access-control-declared');
  out.push({
    kind: 'paragraph',
    text: [
      `${F('f3.risk2.access')} ［${F('form.fill')}］ `,
      F('form.options', ctx.lang === 'ja' ? '1) 行っている 2) 行っていない' : '1) yes 2) no'),
    ],
  });
  out.push({
    kind: 'paragraph',
    text: [`${F('f3.risk2.method')}${F('form.draft')}: `, noControl ? F('f3.risk2.noControl') : F('f3.risk2.draft')],
  });
  if (rows.length)
    out.push({
      kind: 'table',
      role: 'evidence',
      head: [L('doc.col.principal'), L('doc.col.relation'), L('doc.col.result'), L('doc.col.detail')],
      rows,
    });
  if (u.relations.some((r) => ctx.declaredOnlyRelations.has(r.id)))
    out.push({ kind: 'paragraph', text: [F('f3.risk2.declaredOnly')] });
  return out;
}

// ── drafts from the analysis ─────────────────────────────────────────────────────────────

function bandEntry(bands: readonly Band[], n: number, lang: Lang, F: FL): Text {
  return [`［${bandOf(bands, n)[lang]}］ `, F('form.options', bandOptions(bands, lang))];
}

function joinText(items: (string | Inline)[] | Text[], sep: string): Text {
  const out: Text = [];
  items.forEach((x, i) => {
    if (i) out.push(sep);
    if (Array.isArray(x)) out.push(...x);
    else out.push(x);
  });
  return out;
}

function unitOf(relation: string, ctx: FormContext): FormUnit | undefined {
  return ctx.unitOfRelation.get(relation);
}

function relationOf(columnId: string): RelationId {
  return splitColumnId(columnId).relation;
}

function columnLabel(columnId: string, ctx: FormContext): { logical: string; name: string } {
  const rel = relationOf(columnId);
  const name = columnId.slice(rel.length + 1);
  const r = ctx.relationById.get(rel);
  const comment = r?.columns?.find((c) => c.name === name)?.comment;
  return { logical: comment ?? name, name };
}

/** 「宛名番号（atena_no）で個人番号管理ファイルと紐付け」: the hop where each path leaves the file. */
function linkNotes(u: FormUnit, ctx: FormContext): string[] {
  const notes = new Set<string>();
  const inUnit = new Set(u.relations.map((r) => r.id));
  for (const r of u.relations) {
    for (const x of r.reachable) {
      const hop = x.path.find((s) => !inUnit.has(relationOf(s.to)));
      if (!hop) continue;
      const { logical, name } = columnLabel(hop.from, ctx);
      const target = unitOf(relationOf(hop.to), ctx)?.name ?? shortRelation(relationOf(hop.to));
      notes.add(t(ctx.lang, 'f2.main.linkNote', logical, name, target));
    }
  }
  return [...notes];
}

interface LinkOut {
  from: string;
  to: string;
  via: string;
}

/** Links from this file's relations to relations outside it (hubs of linkKeys expanded), views' lineage excluded. */
function linksOut(u: FormUnit, ctx: FormContext): LinkOut[] {
  let links = ctx.linksOut.get(u);
  if (!links) ctx.linksOut.set(u, (links = findLinksOut(u, ctx)));
  return links;
}

function findLinksOut(u: FormUnit, ctx: FormContext): LinkOut[] {
  const g = ctx.scan?.graph;
  if (!g) return [];
  const inUnit = new Set<GraphNode>(u.relations.map((r) => r.id));
  const out: LinkOut[] = [];
  const seen = new Set<string>();
  const push = (from: string, to: string, via: string) => {
    const k = `${from}|${to}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ from, to, via });
    }
  };
  // A view column passing a base column through carries the base's links (graph/links.ts joins
  // them through lineage hubs, not edges): they are the base's links again, so a link at such a
  // column is left out at either end.
  const copied = (rel: GraphNode, column: string) =>
    !isHub(rel) &&
    ctx.relationById.get(rel)?.kind === 'view' &&
    g.edgesAtColumn(rel, column).some((e) => e.via === 'view' && e.b.node !== rel);
  for (const r of u.relations) {
    for (const e of g.edgesAt(r.id)) {
      if (e.via === 'view' || e.a.column === undefined || copied(r.id, e.a.column)) continue;
      if (isHub(e.b.node)) {
        for (const h of g.edgesAt(e.b.node)) {
          if (h.b.node !== r.id && !inUnit.has(h.b.node) && h.b.column && !copied(h.b.node, h.b.column))
            push(`${r.id}.${e.a.column}`, `${h.b.node}.${h.b.column}`, e.via);
        }
      } else if (!inUnit.has(e.b.node) && e.b.column && !copied(e.b.node, e.b.column))
        push(`${r.id}.${e.a.column}`, `${e.b.node}.${e.b.column}`, e.via);
    }
  }
  return out;
}

/** ⑧情報の突合: per other file, the join keys. */
function matchLines(u: FormUnit, ctx: FormContext): { key: string; other: string }[] {
  const byOther = new Map<string, Set<string>>();
  for (const l of linksOut(u, ctx)) {
    const other = unitOf(relationOf(l.to), ctx)?.name ?? shortRelation(relationOf(l.to));
    const { logical, name } = columnLabel(l.from, ctx);
    const key = logical === name ? name : `${logical}（${name}）`;
    byOther.set(other, (byOther.get(other) ?? new Set()).add(key));
  }
  return [...byOther].map(([other, keys]) => ({ other, key: [...keys].join(ctx.lang === 'ja' ? '・' : ', ') }));
}

/** Ⅱ-5 candidates: links into other databases, and principals outside ⑦ that read the file. */
function transferCandidates(u: FormUnit, users: string[], ctx: FormContext, F: FL): Text[] {
  const out: Text[] = [];
  const L = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  const dbOf = (rel: string) => nth(rel.split('.'), 0);
  for (const l of linksOut(u, ctx)) {
    const from = relationOf(l.from);
    if (dbOf(from) === dbOf(l.to)) continue;
    const via = L(`via.${l.via as 'foreign-key'}`);
    out.push(
      splitFill(F('f2.5.crossDb', dbOf(l.to), '\u0000', '\u0000', via), [
        { code: shortRelation(relationOf(l.to)) },
        { code: `${shortColumn(l.from)} = ${shortColumn(l.to)}` },
      ]),
    );
  }
  if (u.config?.principals) {
    const own = new Set(users);
    const others = new Map<string, Set<string>>();
    for (const r of u.relations)
      for (const x of r.reachable)
        if (!own.has(x.principal))
          others.set(x.principal, (others.get(x.principal) ?? new Set()).add(shortRelation(r.id)));
    for (const [p, rels] of others)
      out.push(splitFill(F('f2.5.otherSystem', '\u0000', '\u0000'), [{ code: p }, { code: [...rels].join(', ') }]));
  }
  return out;
}

function splitFill(sentence: string, pieces: Inline[]): Text {
  const parts = sentence.split('\u0000');
  const out: Text = [];
  parts.forEach((p, i) => {
    if (p) out.push(p);
    const piece = pieces[i];
    if (i < parts.length - 1 && piece) out.push(piece);
  });
  return out;
}

/**
 * Ⅲ リスク1: each link between this file and another that leads toward the number, and per user
 * whether it follows the link to the number or is stopped (the end farther from the number is
 * where a user must stand to need the link, as in the graph's legend).
 */
function risk1Lines(u: FormUnit, ctx: FormContext, F: FL): Text[] {
  const L = (key: Parameters<typeof t>[1]) => t(ctx.lang, key);
  const rel = (id: string) => ctx.relationById.get(id);
  const out: Text[] = [];
  for (const l of linksOut(u, ctx)) {
    const from = rel(relationOf(l.from));
    const to = rel(relationOf(l.to));
    if (!from || !to) continue;
    const uses = (r: RelationReport, a: string, b: string) =>
      r.reachable.filter((x) => x.path.some((s) => s.from === a && s.to === b)).map((x) => x.principal);
    const reaches = new Set([...uses(from, l.from, l.to), ...uses(to, l.to, l.from)]);
    // The far end: the one that does not hold the number, else the one judged not specific.
    const far = from.numberColumns.length
      ? to
      : to.numberColumns.length
        ? from
        : to.classification === 'not-specific'
          ? to
          : from;
    if (!reaches.size && !far.blocked.length && far.classification === 'not-specific' && far.basis === 'unlinked')
      continue;
    const who: string[] = [...reaches].map((p) => F('f3.risk1.open', p));
    for (const b of far.blocked)
      who.push(
        F(
          'f3.risk1.stopped',
          b.principal === '*' ? L('principal.everyone') : b.principal,
          b.at,
          L(`control.${b.control}`),
        ),
      );
    const other = unitOf(to.id, ctx)?.name ?? shortRelation(to.id);
    const { logical, name } = columnLabel(l.from, ctx);
    out.push(
      splitFill(
        F(
          'f3.risk1.link',
          '\u0000',
          other,
          logical === name ? name : `${logical}（${name}）`,
          who.join(ctx.lang === 'ja' ? '。' : '; ') || F('f3.risk1.nobody'),
        ),
        [{ code: shortRelation(from.id) }],
      ),
    );
  }
  return out;
}

/** ⑦使用の主体: files[].principals, else every principal that reaches the number through the file. */
function unitUsers(u: FormUnit): { names: string[] } {
  if (u.config?.principals) return { names: u.config.principals };
  const names = new Set<string>();
  for (const r of u.relations) for (const x of r.reachable) names.add(x.principal);
  return { names: [...names] };
}

function describePrincipal(name: string, p?: PrincipalConfig): Inline[] {
  return p?.description ? [p.description, '（', { code: name }, '）'] : [{ code: name }];
}

/** ③ hints: number columns whose name or comment says they are a dependant's or spouse's. */
const SCOPE_HINTS: { pattern: RegExp; ja: string; en: string }[] = [
  { pattern: /扶養|fuyo|dependent|dependant/, ja: '扶養親族', en: 'dependants' },
  { pattern: /配偶者|haigu|spouse/, ja: '配偶者', en: 'spouses' },
  { pattern: /世帯員|世帯主|setai|household/, ja: '世帯員', en: 'household members' },
  { pattern: /代理人|dairi|proxy|agent/, ja: '代理人', en: 'agents' },
];

function scopeHints(u: FormUnit, lang: Lang): Text[] {
  const out: Text[] = [];
  for (const r of u.relations) {
    for (const n of r.numberColumns) {
      const comment = r.columns?.find((c) => c.name === n.column)?.comment ?? '';
      const text = canonical(`${n.column} ${comment}`);
      for (const h of SCOPE_HINTS) {
        if (h.pattern.test(text))
          out.push(
            splitFill(t(lang, 'f2.2.3.hint', '\u0000', h[lang]), [{ code: `${shortRelation(r.id)}.${n.column}` }]),
          );
      }
    }
  }
  return out;
}

/** その妥当性: one draft sentence per ticked box. */
const VALIDITY: Partial<Record<RecordItemCategory, { ja: string; en: string }>> = {
  'individual-number': {
    ja: '個人番号：本人を正確に特定し、番号法に基づく事務を行うため。',
    en: 'Individual number: to identify the person accurately for the 事務 under the My Number Act.',
  },
  'substitute-code': {
    ja: '個人番号対応符号：情報提供ネットワークシステムを通じた情報照会・提供を行うため。',
    en: 'Corresponding code: for queries and provision through the information provision network.',
  },
  'internal-id': {
    ja: 'その他識別情報（内部番号）：個人番号を用いずに、事務の中で対象者を識別し、関係するファイルと紐付けるため。',
    en: 'Internal numbers: to identify the person within the 事務 and link files without the individual number.',
  },
  'basic-four': {
    ja: '４情報：本人確認及び通知・連絡のため。',
    en: 'Four basic items: to verify identity and to send notices.',
  },
  contact: { ja: '連絡先：本人への連絡のため。', en: 'Contact details: to contact the person.' },
  'resident-other': {
    ja: 'その他住民票関係情報：住民基本台帳の情報により資格・世帯を確認するため。',
    en: 'Other residence information: to check eligibility and household from the resident register.',
  },
};

function validity(list: RecordList, linked: boolean, lang: Lang): string[] {
  const out: string[] = [];
  for (const c of list.proposal.categories) {
    if (!c.columns.length && !(linked && c.category === 'individual-number')) continue;
    const v = VALIDITY[c.category];
    if (v) out.push(v[lang]);
    else if (c.category !== 'business-other') {
      const label = t(lang, `recordItem.${c.category}`);
      out.push(
        lang === 'ja'
          ? `${label}：事務の対象者の資格・給付等を管理するため。`
          : `${label}: to manage the eligibility and benefits of the persons covered.`,
      );
    }
  }
  return out;
}

/** （別添2）: one table per file. */
function annexTable(list: RecordList, ctx: FormContext): Extract<DocBlock, { kind: 'table' }> {
  const F: FL = (key, ...args) => t(ctx.lang, key, ...args);
  return {
    kind: 'table',
    role: 'record-items',
    head: [
      F('a2.col.no'),
      F('a2.col.logical'),
      F('a2.col.physical'),
      F('a2.col.type'),
      F('a2.col.category'),
      F('a2.col.relation'),
      F('a2.col.note'),
    ],
    rows: list.rows.map((r) => [
      [String(r.no)],
      [r.logicalName ?? ''],
      [{ code: r.written?.column ?? r.column }],
      r.type ? [{ code: r.type }] : [''],
      [categoryLabel(r, ctx.lang)],
      [{ code: shortRelation(r.written?.relation ?? r.relation) }],
      r.candidate
        ? [F('a2.candidate', candidateSettle(ctx.lang, { rule: r.candidate.rule ?? '', settle: r.candidate.settle }))]
        : r.passesThrough
          ? [F('a2.passThrough', shortColumn(r.passesThrough))]
          : [''],
    ]),
  };
}

function categoryLabel(r: RecordRow, lang: Lang): string {
  if (r.number) return t(lang, `recordItem.${r.number.kind}`);
  return r.category ? t(lang, `recordItem.${r.category}`) : t(lang, 'form.review');
}
