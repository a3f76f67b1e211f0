/**
 * Escaping for every output language a reporter writes. Names and comments come from the sources,
 * which may be hostile (a COMMENT holding `<img onerror=…>`, a quoted identifier holding `"` or a
 * newline): each format passes every source string through exactly one function here.
 */

/** Control and bidi-override characters become visible `\uXXXX`; they never reach a viewer raw. */
export function stripControls(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this finds
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Line breaks become spaces: one table cell, one label line. */
export function oneLine(s: string): string {
  return s.replace(/\r\n?|\n/g, ' ');
}

/** HTML text and attribute values (quoted with `"` or `'`). */
export function escapeHtml(s: string): string {
  return stripControls(s).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch] ?? ch);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Markdown running text and table cells: markup characters are backslash-escaped, `<` and `>`
 * become entities (no raw HTML), `|` cannot split a cell, and a newline cannot end a table row.
 */
export function escapeMarkdown(s: string): string {
  return stripControls(oneLine(s))
    .replace(/[\\`*_[\]|~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A Markdown code span holding any text: backticks inside are answered by a longer fence, `|` is
 * escaped (GFM tables split cells on it even in code spans), newlines become spaces.
 */
export function markdownCode(s: string): string {
  const text = stripControls(oneLine(s)).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A Graphviz DOT quoted string (an ID or a label). Inside quotes only `"` and `\` are special to
 * the lexer; `\` is doubled so escString sequences (`\N`, `\G`, `\l`) cannot be smuggled in, and
 * line breaks become the label line break `\n` under our control.
 */
export function dotString(s: string): string {
  return `"${dotBody(s)}"`;
}

/** A DOT label of several lines we choose: each escaped, joined by the DOT line break `\n`. */
export function dotLines(lines: string[]): string {
  return `"${lines.map((l) => dotBody(oneLine(l))).join('\\n')}"`;
}

function dotBody(s: string): string {
  return s
    .split(/\r\n?|\n/)
    .map((line) => stripControls(line).replace(/\\/g, '\\\\').replace(/"/g, '\\"'))
    .join('\\n');
}

/**
 * A Mermaid label in double quotes. Mermaid decodes `#NNN;` entity codes in labels, so every
 * ASCII character that could mean something to Mermaid, Markdown or HTML (quotes, brackets, `<`,
 * `&`, `#`, `;`, `|`, backticks…) is written as one; letters, digits and non-ASCII text pass.
 */
export function mermaidLabel(s: string): string {
  const body = [...stripControls(oneLine(s))]
    .map((ch) => (/^[A-Za-z0-9 _.,:/=+*()-]$/.test(ch) || ch.codePointAt(0)! > 0xa0 ? ch : `#${ch.codePointAt(0)};`))
    .join('');
  return `"${body}"`;
}

/**
 * SARIF plain-text message content (SARIF 2.1.0 §3.11.5–3.11.6): `{`/`}` are doubled so they are
 * not placeholders, and `\`, `[`, `]` are backslash-escaped so a name cannot form an embedded link.
 */
export function sarifText(s: string): string {
  return stripControls(s)
    .replace(/[{}]/g, (ch) => ch + ch)
    .replace(/[\\[\]]/g, (ch) => `\\${ch}`);
}
