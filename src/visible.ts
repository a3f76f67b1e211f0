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
/** Also every space but the ASCII one (figure, no-break, ideographic spaces; line separators). */
// eslint-disable-next-line no-control-regex
const HIDDEN_AND_SPACES = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu;

function escape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * `spaces`: also show non-ASCII spaces as `\uXXXX` — for names that must be told apart exactly
 * (config keys), not for prose such as Japanese comments, where U+3000 is ordinary.
 */
export function visible(s: string, options: { keepLines?: boolean; spaces?: boolean } = {}): string {
  const pattern = options.spaces ? HIDDEN_AND_SPACES : options.keepLines ? HIDDEN_KEEP_LINES : HIDDEN;
  return s.replace(pattern, escape);
}
