/**
 * Text from scanned files shown to people: control characters and invisible format characters
 * (bidi overrides, zero-width characters, BOMs: Unicode category Cf) are shown as `\uXXXX`, so a
 * hostile name cannot move the cursor, rewrite a terminal line, reorder what is read, or hide
 * itself. Newlines and tabs may be kept where the output is multi-line.
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\p{Cf}]/gu;
// eslint-disable-next-line no-control-regex
const HIDDEN_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}]/gu;

function escape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function visible(s: string, options: { keepLines?: boolean } = {}): string {
  return s.replace(options.keepLines ? HIDDEN_KEEP_LINES : HIDDEN, escape);
}
