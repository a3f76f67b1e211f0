/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning accepts it).
 *
 * One rule per finding kind; results sit on the DDL line that defines the relation (or the number
 * column); `partialFingerprints` hash (rule, relation[, column or principal]) — never a line — so a
 * re-run after an edit above the table updates the same alert instead of opening a new one.
 * Source strings go into message text through `sarifText` (no placeholders, no embedded links).
 */
import { createHash } from 'node:crypto';
import { readingLines } from './reading.js';
import path from 'node:path';
import type { Report, RelationReport } from './model.js';
import { type Lang, type MessageKey, diagnosticMessage, t } from './messages.js';
import type { ScanResult } from './scan-result.js';
import { sarifText } from './escape.js';
import { DisplayNames } from './display-names.js';
import { declaredOnlyBlocks } from './graph-model.js';
import { type DocRef, RULE_DOCS, codeDoc, helpMarkdown, helpUri } from './help-uri.js';
import { CODES, codeInfo, sarifLevel } from '../diagnostic-codes.js';
import { nth } from '../indexed.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const FINGERPRINT_KEY = 'spifFinding/v1';

/**
 * The finding kinds. Rule ids are part of the interface (alerts are matched on them) and follow
 * the one scheme of every spif code — `SPIF-<AREA>-<WHAT>`, as in check, diff and diagnostics.
 * The ids of spif 0.1 (`spif/holds-number` …) are kept as SARIF `deprecatedIds`, and fingerprints
 * are still hashed from them, so existing alerts carry over.
 */
export const SARIF_RULES = {
  holdsNumber: 'SPIF-SCAN-HOLDS-NUMBER',
  reachable: 'SPIF-SCAN-REACHABLE',
  declaredOnly: 'SPIF-SCAN-DECLARED-ONLY',
  notInInventory: 'SPIF-SCAN-FILE-NOT-IN-INVENTORY',
  candidate: 'SPIF-SCAN-CANDIDATE',
} as const satisfies Record<string, keyof typeof CODES>;

const DEPRECATED_IDS: Record<string, string> = {
  [SARIF_RULES.holdsNumber]: 'spif/holds-number',
  [SARIF_RULES.reachable]: 'spif/reachable',
  [SARIF_RULES.declaredOnly]: 'spif/link-blocked-only-by-declaration',
  [SARIF_RULES.notInInventory]: 'spif/file-not-in-inventory',
};

type Level = 'error' | 'warning' | 'note';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  deprecatedIds?: string[];
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; precision: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations?: {
    physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'external'; justification: string }[];
  properties?: Record<string, unknown>;
}

export function renderSarif(report: Report, ctx: { lang: Lang; scan?: ScanResult; cwd?: string }): string {
  return `${JSON.stringify(buildSarif(report, ctx), null, 2)}\n`;
}

export function buildSarif(report: Report, ctx: { lang: Lang; scan?: ScanResult; cwd?: string }): object {
  const L = (key: MessageKey, ...args: (string | number)[]) => t(ctx.lang, key, ...args);
  const rules: SarifRule[] = [
    rule(
      SARIF_RULES.holdsNumber,
      'HoldsIndividualNumber',
      L('sarif.rule.holds-number'),
      L('basis.explain.holds-number'),
      sarifLevel(CODES[SARIF_RULES.holdsNumber].severity),
      RULE_DOCS.holdsNumber,
    ),
    rule(
      SARIF_RULES.reachable,
      'ReachesIndividualNumber',
      L('sarif.rule.reachable'),
      L('basis.explain.reachable'),
      sarifLevel(CODES[SARIF_RULES.reachable].severity),
      RULE_DOCS.reachable,
    ),
    rule(
      SARIF_RULES.declaredOnly,
      'LinkBlockedOnlyByDeclaration',
      L('sarif.rule.declared-only'),
      L('finding.declaredOnly', '<relation>', '<principal>', '<database>'),
      sarifLevel(CODES[SARIF_RULES.declaredOnly].severity),
      RULE_DOCS.declaredOnly,
    ),
    rule(
      SARIF_RULES.notInInventory,
      'SpecificFileNotInInventory',
      L('sarif.rule.not-in-inventory'),
      L('finding.notInInventory', '<file>'),
      sarifLevel(CODES[SARIF_RULES.notInInventory].severity),
      RULE_DOCS.check,
    ),
    rule(
      SARIF_RULES.candidate,
      'ColumnMayHoldIndividualNumber',
      L('sarif.rule.candidate'),
      L('sarif.rule.candidate'),
      sarifLevel(CODES[SARIF_RULES.candidate].severity),
      RULE_DOCS.candidate,
    ),
  ];
  const diagnosticCodes = [...new Set(report.diagnostics.map((d) => d.code))].sort();
  for (const code of diagnosticCodes) {
    // The code's one registered severity; a code read back from an older cache entry keeps its own.
    const severity = codeInfo(code)?.severity ?? report.diagnostics.find((d) => d.code === code)!.severity;
    rules.push(
      rule(
        code,
        code.replace(/[^A-Za-z0-9]+/g, ''),
        L('sarif.rule.diagnostic', code),
        L('sarif.rule.diagnostic', code),
        sarifLevel(severity),
        codeDoc(code),
      ),
    );
  }
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Messages name objects as the export wrote them; fingerprints and properties keep the folded ids (keys).
  const names = DisplayNames.of(report);
  const results: SarifResult[] = [];
  const result = (
    ruleId: string,
    level: Level,
    text: string,
    loc: Location | undefined,
    key: string[],
    r?: RelationReport,
  ): void => {
    results.push({
      ruleId,
      ruleIndex: index.get(ruleId)!,
      level,
      message: { text },
      ...(loc ? { locations: [location(loc)] } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint([DEPRECATED_IDS[ruleId] ?? ruleId, ...key]) },
      ...(r?.suppressed ? { suppressions: [{ kind: 'external' as const, justification: r.suppressed.reason }] } : {}),
      ...(r ? { properties: { relation: r.id, classification: r.classification, basis: r.basis } } : {}),
    });
  };

  for (const r of report.relations) {
    if (r.basis === 'holds-number') {
      for (const n of r.numberColumns) {
        result(
          SARIF_RULES.holdsNumber,
          'note',
          L(
            'sarif.msg.holds-number',
            sarifText(names.relation(r.id)),
            sarifText(names.column(r.id, n.column)),
            L(`kind.${n.kind}`),
            sarifText(names.evidence(ctx.lang, r.id, n)),
          ),
          n.source ?? r.source,
          [r.id, n.column],
          r,
        );
      }
    } else if (r.basis === 'reachable') {
      const x = nth(r.reachable, 0);
      // English keeps the link kinds' ids (as before); Japanese names them.
      const via = (v: string) => (ctx.lang === 'en' ? v : L(`via.${v}` as MessageKey));
      const route = names.text(x.path.map((s) => `${s.from} →(${via(s.via)}) ${s.to}`).join(' ⇒ '));
      result(
        SARIF_RULES.reachable,
        'note',
        L(
          'sarif.msg.reachable',
          sarifText(names.relation(r.id)),
          L(
            'doc.reason.reaches',
            sarifText(names.role(x.principal)),
            sarifText(route),
            sarifText(names.text(x.numberColumn)),
          ),
        ),
        r.source,
        [r.id],
        r,
      );
    }
  }
  for (const r of report.relations) {
    for (const cand of r.candidates ?? []) {
      if (cand.decision) continue;
      result(
        SARIF_RULES.candidate,
        'warning',
        L(
          'sarif.msg.candidate',
          sarifText(names.relation(r.id)),
          sarifText(names.column(r.id, cand.column)),
          L(`kind.${cand.kind}`),
          sarifText(names.text(cand.evidence)),
          sarifText(cand.reason),
          sarifText(cand.settle),
        ),
        cand.source ?? r.source,
        [r.id, cand.column],
        r,
      );
    }
  }
  if (ctx.scan) {
    const byId = new Map(report.relations.map((r) => [r.id, r]));
    for (const d of declaredOnlyBlocks(report, ctx.scan)) {
      const r = byId.get(d.relation)!;
      result(
        SARIF_RULES.declaredOnly,
        'warning',
        L(
          'finding.declaredOnly',
          sarifText(names.relation(d.relation)),
          sarifText(names.role(d.principal)),
          sarifText(d.databases.join(', ')),
        ),
        r.source,
        [d.relation, d.principal],
        r,
      );
    }
    const inventory = new Set(ctx.scan.config.inventory ?? []);
    if (ctx.scan.config.inventory) {
      const configFile = ctx.scan.configFile ? path.relative(ctx.cwd ?? process.cwd(), ctx.scan.configFile) : undefined;
      for (const f of report.files) {
        if (f.classification !== 'specific' || inventory.has(f.name)) continue;
        result(
          SARIF_RULES.notInInventory,
          'warning',
          L('finding.notInInventory', sarifText(f.name)),
          configFile ? { file: configFile, line: 1 } : undefined,
          [f.name],
        );
      }
    }
  }
  for (const d of report.diagnostics) {
    result(
      d.code,
      sarifLevel(d.severity),
      sarifText(names.text(diagnosticMessage(ctx.lang, d))),
      d.file ? { file: d.file, line: d.line ?? 1, column: d.column } : undefined,
      [d.file ?? '', d.message],
    );
  }

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'spif', version: report.tool.version, semanticVersion: report.tool.version, rules } },
        columnKind: 'unicodeCodePoints',
        results,
        // How much was read and which config (issue 12.10, 19.1); SARIF's property bag for tools.
        properties: {
          summary: report.summary,
          ...(report.config ? { config: report.config } : {}),
          header: readingLines(report, 'en'),
        },
      },
    ],
  };
}

interface Location {
  file: string;
  line: number;
  column?: number;
}

function rule(id: string, name: string, short: string, full: string, level: Level, doc: DocRef): SarifRule {
  return {
    id,
    name,
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: { text: full, markdown: helpMarkdown(full, doc) },
    helpUri: helpUri(doc),
    ...(DEPRECATED_IDS[id] ? { deprecatedIds: [DEPRECATED_IDS[id]] } : {}),
    defaultConfiguration: { level },
    properties: { tags: ['privacy', 'my-number', 'pia'], precision: 'high' },
  };
}

function location(loc: Location): NonNullable<SarifResult['locations']>[number] {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(loc.file) },
      region: { startLine: Math.max(1, loc.line), ...(loc.column ? { startColumn: Math.max(1, loc.column) } : {}) },
    },
  };
}

/** A report path (relative to the working directory, `/` or `\`) as a URI reference. */
export function fileUri(file: string): string {
  const posix = file.replace(/\\/g, '/');
  const encoded = posix
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
  if (/^[A-Za-z]:\//.test(posix)) return `file:///${encoded.replace(/^([A-Za-z])%3A/, '$1:')}`;
  return posix.startsWith('/') ? `file://${encoded}` : encoded;
}

/** Stable across runs and edits that move lines: only what identifies the finding is hashed. */
export function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
