/**
 * The header lines every format carries (issue 12.10, 19.1): how much of the sources was read
 * ("N of M statements in K files read") and which config was used, or that none was found and
 * what was assumed. One function, so every format says the same.
 */
import type { Report } from './model.js';
import { type Lang, t } from './messages.js';

type Counts = Partial<Pick<Report['summary'], 'files' | 'filesFound' | 'statements' | 'statementsRead'>>;

export function readingLines(report: { summary: Counts; config?: Report['config'] }, lang: Lang): string[] {
  const lines: string[] = [];
  const s = report.summary;
  if (s.statements !== undefined && s.statementsRead !== undefined && s.files !== undefined) {
    lines.push(t(lang, 'label.read', s.statementsRead, s.statements, s.files));
    if (s.filesFound !== undefined && s.filesFound > s.files)
      lines.push(t(lang, 'label.filesUnread', s.filesFound, s.filesFound - s.files));
  }
  const c = report.config;
  if (c) {
    if (c.file) lines.push(t(lang, 'label.config', c.file));
    else if (c.source === 'disabled') lines.push(t(lang, 'label.configDisabled'));
    else lines.push(t(lang, 'label.configNone', (c.searched ?? []).join(', ') || '.'));
  }
  return lines;
}
