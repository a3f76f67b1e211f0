/**
 * The readers' and the pipeline's diagnostic messages, Japanese and English: entries of the one
 * message catalogue (report/messages.ts spreads them in). A `Diagnostic` keeps its English
 * rendering as `message` (the JSON contract) and the entry as `text`, so every reporter can show
 * it in the user's language. Words are the PIA author's: テーブル・ビュー (not リレーション),
 * 評価書のファイル (not 名前付きファイル). One file per reader or stage, merged here.
 */
import { POSTGRESQL_DIAGNOSTICS } from './postgresql.js';

export { fill } from './fill.js';

export const DIAGNOSTIC_MESSAGES = {
  ...POSTGRESQL_DIAGNOSTICS,
} as const satisfies Record<string, { ja: string; en: string }>;

export type DiagnosticKey = keyof typeof DIAGNOSTIC_MESSAGES;
