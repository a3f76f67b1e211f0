/**
 * The readers' and the pipeline's diagnostic messages, Japanese and English: entries of the one
 * message catalogue (report/messages.ts spreads them in). A `Diagnostic` keeps its English
 * rendering as `message` (the JSON contract) and the entry as `text`, so every reporter can show
 * it in the user's language. Words are the PIA author's: テーブル・ビュー (not リレーション),
 * 評価書のファイル (not 名前付きファイル). One file per reader or stage, merged here.
 */
import { CATALOG_DIAGNOSTICS } from './catalog.js';
import { CST_DIAGNOSTICS } from './cst.js';
import { DRIZZLE_DIAGNOSTICS } from './drizzle.js';
import { LIVE_DIAGNOSTICS } from './live.js';
import { PRISMA_DIAGNOSTICS } from './prisma.js';
import { TYPEORM_DIAGNOSTICS } from './typeorm.js';
import { fill } from './fill.js';
import { MYSQL_DIAGNOSTICS } from './mysql.js';
import { POSTGRESQL_DIAGNOSTICS } from './postgresql.js';
import { SOURCES_DIAGNOSTICS } from './sources.js';
import { VENDOR_DIAGNOSTICS } from './vendor.js';

export { fill } from './fill.js';

export const DIAGNOSTIC_MESSAGES = {
  ...POSTGRESQL_DIAGNOSTICS,
  ...CATALOG_DIAGNOSTICS,
  ...SOURCES_DIAGNOSTICS,
  ...MYSQL_DIAGNOSTICS,
  ...CST_DIAGNOSTICS,
  ...LIVE_DIAGNOSTICS,
  ...TYPEORM_DIAGNOSTICS,
  ...DRIZZLE_DIAGNOSTICS,
  ...PRISMA_DIAGNOSTICS,
  ...VENDOR_DIAGNOSTICS,
} as const satisfies Record<string, { ja: string; en: string }>;

export type DiagnosticKey = keyof typeof DIAGNOSTIC_MESSAGES;

/**
 * An argument: text from the sources, a parser or a server (shown as it is), a number, or a part
 * of the message that is itself an entry (a reason, a list's "and 3 more"), rendered in the same
 * language.
 */
export type TextArg = string | number | DiagnosticText;

/** A message as an entry of the catalogue: its key and arguments. */
export type DiagnosticText = { key: DiagnosticKey; args: TextArg[] };

/** A JSON report's entry, whose key may be one this version does not know. */
type StoredText = { key: string; args: (string | number | StoredText)[] };

/** The entry in `lang`, or undefined when a key (or a nested one) is not in the catalogue. */
export function renderText(lang: 'ja' | 'en', text: StoredText): string | undefined {
  if (!Object.hasOwn(DIAGNOSTIC_MESSAGES, text.key)) return undefined;
  const args: (string | number)[] = [];
  for (const a of text.args) {
    const s = typeof a === 'object' ? renderText(lang, a) : a;
    if (s === undefined) return undefined;
    args.push(s);
  }
  if (text.key === 'diag.list') return args.join(lang === 'ja' ? '、' : ', ');
  if (text.key === 'diag.list.semi') return args.join(lang === 'ja' ? '、' : '; ');
  if (text.key === 'diag.list.and') return args.join(lang === 'ja' ? '及び' : ' and ');
  return fill(DIAGNOSTIC_MESSAGES[text.key as DiagnosticKey][lang], args);
}

/** A list, its items joined with ", " (Japanese: "、"). */
export function listOf(items: readonly TextArg[]): DiagnosticText {
  return { key: 'diag.list', args: [...items] };
}

/** A list of its first `shown` items, then "and N more". */
export function shortList(items: readonly string[], shown = 3): DiagnosticText {
  return items.length > shown
    ? { key: 'diag.list.more', args: [listOf(items.slice(0, shown)), items.length - shown] }
    : listOf(items);
}
