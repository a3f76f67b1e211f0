/**
 * Terminal report: grouped by classification, one line per relation with its reason, evidence
 * indented below. Colour only when asked (a TTY). Names and comments from the sources are
 * stripped of control characters so a hostile identifier cannot drive the terminal.
 */
import { candidateReason, candidateSettle, evidenceText } from '../detect/explain.js';
import pc from 'picocolors';
import { writtenId, type Block, type Reach, type RelationReport, type Report } from './model.js';
import { type Lang, adminReason, diagnosticMessage, t } from './messages.js';
import { withKey } from './path-key.js';
import { visible } from '../visible.js';
import { readingLines } from './reading.js';
import { blockDetail } from './evidence-text.js';
import { DisplayNames } from './display-names.js';
import { refParts } from '../config/refs.js';

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** Reaching principals listed per relation before "N more". */
  maxEvidence?: number;
  /** `--quiet`: diagnostics other than errors are left out (their number is still shown). */
  quiet?: boolean;
  /** `--diagnostics-first`: the diagnostics section before the relations. */
  diagnosticsFirst?: boolean;
}

export function renderText(report: Report, options: TextOptions): string {
  const { lang } = options;
  const c = pc.createColors(options.color);
  const maxEvidence = options.maxEvidence ?? 3;
  const names = DisplayNames.of(report);
  const out: string[] = [];
  const s = report.summary;
  out.push(c.bold(`spif ${report.tool.version} — ${t(lang, 'title')}`));
  // Counts of diagnostics on the first lines: on a long report the reader knows at once whether to scroll.
  out.push(
    `${t(lang, 'label.summary', s.relations, s.specific, s.notSpecific)}${t(lang, 'doc.sep.clause')}${t(lang, 'label.diagnosticsSummary', s.errors, s.warnings)}`,
  );
  if (s.candidates) out.push(c.yellow(t(lang, 'label.candidatesSummary', s.candidates)));
  out.push(...readingLines(report, lang).map((l) => c.dim(clean(l))));
  out.push('');
  if (options.diagnosticsFirst) out.push(...diagnosticLines(report, options, c), '');

  const specific = report.relations.filter((r) => r.classification === 'specific');
  const notSpecific = report.relations.filter((r) => r.classification === 'not-specific');
  out.push(c.bold(c.red(`■ ${t(lang, 'section.specific')} (${specific.length})`)));
  for (const r of specific) out.push(...relationLines(r, lang, c, maxEvidence, names));
  out.push('');
  out.push(c.bold(c.green(`■ ${t(lang, 'section.notSpecific')} (${notSpecific.length})`)));
  for (const r of notSpecific) out.push(...relationLines(r, lang, c, maxEvidence, names));

  const candidates = report.relations.flatMap((r) => (r.candidates ?? []).map((cand) => ({ r, cand })));
  if (candidates.length) {
    out.push(
      '',
      c.bold(
        c.yellow(`■ ${t(lang, 'section.candidates')} (${candidates.filter(({ cand }) => !cand.decision).length})`),
      ),
    );
    for (const { r, cand } of candidates) {
      const where = cand.source ? c.dim(`  ${clean(cand.source.file)}:${cand.source.line}`) : '';
      if (cand.decision) {
        const why = cand.decision.reason ? `; ${t(lang, 'label.decisionReason')}: ${clean(cand.decision.reason)}` : '';
        out.push(
          `  ${c.green('✓')} ${clean(writtenId(r))}.${c.bold(clean(writtenColumn(r, cand.column)))} — ${t(lang, 'label.candidateDecided')}: ${t(lang, `verdict.${cand.decision.verdict}`)} ${c.dim(`(${clean(cand.decision.pattern)}${why})`)}${where}`,
        );
        continue;
      }
      out.push(
        `  ${c.yellow('?')} ${clean(writtenId(r))}.${c.bold(clean(writtenColumn(r, cand.column)))} — ${t(lang, `kind.${cand.kind}`)}? ${c.dim(`(${clean(evidenceText(lang, cand.evidence))}; ${cand.rule})`)}${where}`,
      );
      out.push(`      ${clean(candidateReason(lang, cand))}`);
      out.push(`      ${t(lang, 'label.candidateSettle')}: ${clean(candidateSettle(lang, cand))}`);
    }
  }

  if (report.files.length) {
    out.push('', c.bold(`■ ${t(lang, 'section.files')}`));
    for (const f of report.files) {
      const mark = f.classification === 'specific' ? c.red('●') : c.green('○');
      out.push(
        `  ${mark} ${clean(f.name)}  ${t(lang, `classification.${f.classification}`)}  (${t(lang, 'label.relationCount', f.relations.length)})`,
      );
    }
  }
  out.push('', c.bold(`■ ${t(lang, 'section.databases')}`));
  for (const d of report.databases) {
    const mark = d.classification === 'specific' ? c.red('●') : c.green('○');
    out.push(
      `  ${mark} ${clean(d.name)}  ${t(lang, `classification.${d.classification}`)}  (${d.specific ?? 0}/${d.relations ?? 0})`,
    );
  }
  const users = report.principals.filter((p) => p.kind !== 'administrator');
  const admins = report.principals.filter((p) => p.kind === 'administrator');
  out.push('', c.bold(`■ ${t(lang, 'section.principals')}`));
  for (const p of users) {
    const roles =
      p.kind === 'system' && p.roles.length
        ? ` ${t(lang, 'label.roles')}: ${p.roles.map((r) => clean(names.role(r))).join(', ')}`
        : '';
    const connects = p.connects ? ` ${t(lang, 'label.connects')}: ${p.connects.map(clean).join(', ')}` : '';
    out.push(`  ${clean(p.writtenName ?? p.name)} ${c.dim(`(${t(lang, `principal.${p.kind}`)})${roles}${connects}`)}`);
  }
  if (admins.length) {
    out.push('', c.bold(`■ ${t(lang, 'section.administrators')}`));
    out.push(
      `  ${admins.map((a) => `${clean(a.writtenName ?? a.name)} (${clean(adminReason(lang, a.reason))})`).join(', ')}`,
    );
  }
  if (report.assumptions?.length) {
    out.push('', c.bold(`■ ${t(lang, 'section.assumptions')}`));
    for (const a of report.assumptions) out.push(`  - ${clean(names.assumption(lang, a))}`);
  }
  if (!options.diagnosticsFirst) out.push('', ...diagnosticLines(report, options, c));
  // Relation and column ids in every sentence (paths, blocks, assumptions, diagnostics) as written.
  return out.map((l) => names.text(l)).join('\n') + '\n';
}

function diagnosticLines(report: Report, options: TextOptions, c: Colors): string[] {
  const { lang } = options;
  const s = report.summary;
  const out = [
    c.bold(`■ ${t(lang, 'section.diagnostics')} (${t(lang, 'label.diagnosticsSummary', s.errors, s.warnings)})`),
  ];
  const shown = options.quiet ? report.diagnostics.filter((d) => d.severity === 'error') : report.diagnostics;
  for (const d of shown) {
    const where = d.file ? `${clean(d.file)}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
    const sev =
      d.severity === 'error'
        ? c.red(t(lang, 'gate.level.error'))
        : d.severity === 'warning'
          ? c.yellow(t(lang, 'gate.level.warning'))
          : c.dim(t(lang, 'label.severity.info'));
    out.push(`  ${where}${sev} ${c.dim(d.code)} ${clean(diagnosticMessage(lang, d))}`);
  }
  const hidden = report.diagnostics.length - shown.length;
  if (hidden) out.push(c.dim(`  ${t(lang, 'label.hiddenByQuiet', hidden)}`));
  return out;
}

type Colors = ReturnType<typeof pc.createColors>;

function relationLines(r: RelationReport, lang: Lang, c: Colors, maxEvidence: number, names: DisplayNames): string[] {
  const lines: string[] = [];
  const basis = t(lang, `basis.${r.basis}`);
  const tag = r.classification === 'specific' ? c.red(`[${basis}]`) : c.green(`[${basis}]`);
  const kind = r.kind === 'view' ? c.dim(` (${t(lang, 'doc.kind.view')})`) : '';
  const suppressed = r.suppressed ? c.yellow(` [${t(lang, 'label.suppressed')}: ${clean(r.suppressed.reason)}]`) : '';
  lines.push(
    `  ${clean(writtenId(r))}${kind}  ${tag}  ${c.dim(`${clean(r.source.file)}:${r.source.line}`)}${suppressed}`,
  );
  for (const n of r.numberColumns) {
    lines.push(
      `      ${t(lang, 'label.numberColumn')}: ${c.bold(clean(writtenColumn(r, n.column)))} — ${t(lang, `kind.${n.kind}`)} ${c.dim(`(${clean(names.evidence(lang, r.id, n))}; ${n.rule})`)}`,
    );
  }
  for (const cand of r.candidates ?? []) {
    if (cand.decision) continue;
    lines.push(
      `      ${c.yellow(t(lang, 'label.candidate'))}: ${c.bold(clean(writtenColumn(r, cand.column)))} — ${t(lang, `kind.${cand.kind}`)}? ${c.dim(`(${clean(evidenceText(lang, cand.evidence))}; ${cand.rule})`)}`,
    );
  }
  const reach = r.reachable.slice(0, maxEvidence);
  for (const x of reach) lines.push(`      ${reachLine(x, lang, c, names)}`);
  if (r.reachable.length > maxEvidence)
    lines.push(c.dim(`      … ${t(lang, 'label.andMore', r.reachable.length - maxEvidence)}`));
  const blocks = r.blocked.slice(0, maxEvidence);
  for (const b of blocks) lines.push(`      ${blockLine(names.blockOf(b), lang, c)}`);
  if (r.blocked.length > maxEvidence)
    lines.push(c.dim(`      … ${t(lang, 'label.andMore', r.blocked.length - maxEvidence)}`));
  for (const a of r.assumptions)
    if (a !== 'no-access-control-declared')
      lines.push(c.dim(`      ${t(lang, 'section.assumptions')}: ${clean(names.assumption(lang, a))}`));
  return lines;
}

function reachLine(x: Reach, lang: Lang, c: Colors, names: DisplayNames): string {
  const who = names.role(x.principal);
  if (x.path.length === 0) return `${c.bold(clean(who))}: ${t(lang, 'label.directRead')} ${short(x.numberColumn)}`;
  const hops = x.path
    .map((s) => `${withKey(short(s.from), s, 'from')} →(${t(lang, `via.${s.via}`)}) ${withKey(short(s.to), s, 'to')}`)
    .join(' ⇒ ');
  return `${c.bold(clean(who))}: ${hops} ⇒ ${c.red(short(x.numberColumn))}`;
}

function blockLine(b: Block, lang: Lang, c: Colors): string {
  const who = b.principal === '*' ? t(lang, 'principal.everyone') : clean(b.principal);
  return `${c.bold(who)}: ${c.yellow(t(lang, `control.${b.control}`))} ${t(lang, 'label.blockedAt')} ${clean(b.at)} ${c.dim(`— ${clean(blockDetail(lang, b))}`)}`;
}

/** A column of `r` by its name, as written. */
function writtenColumn(r: RelationReport, column: string): string {
  return r.columns?.find((x) => x.name === column)?.writtenName ?? column;
}

/** database.schema.relation.column → relation.column, for readable paths. */
function short(columnId: string): string {
  const parts = refParts(clean(columnId)); // a routine's name keeps its dots (`PKG.F(T)`)
  if (parts.length < 4) return parts.join('.');
  // Keep the database when there are several: a path may cross databases.
  return parts[0] === 'default' ? parts.slice(-2).join('.') : `${parts[0]}:${parts.slice(-2).join('.')}`;
}

/** Control and invisible characters (ESC, BEL, CR, bidi overrides, …) from source names never reach the terminal. */
export function clean(s: string): string {
  return visible(s, { keepLines: true });
}
