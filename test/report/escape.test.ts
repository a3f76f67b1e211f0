import { describe, expect, it } from 'vitest';
import {
  dotLines,
  dotString,
  escapeHtml,
  escapeMarkdown,
  markdownCode,
  mermaidLabel,
  sarifText,
} from '../../src/report/escape.js';

describe('escaping per output language', () => {
  it('HTML: & < > " \' become entities; control characters become visible', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
    expect(escapeHtml('a\u001b[31mb\u202ec')).toBe('a\\u001b[31mb\\u202ec');
  });
  it('Markdown text: no cell split, no raw HTML, no code span, no line break', () => {
    const out = escapeMarkdown('a|b `c` <i>d</i>\n| e');
    expect(out).toBe('a\\|b \\`c\\` &lt;i&gt;d&lt;/i&gt; \\| e');
    expect(out).not.toMatch(/(?<!\\)\|/);
  });
  it('Markdown code span: a longer fence than any backtick run inside, pipes escaped', () => {
    expect(markdownCode('plain')).toBe('`plain`');
    expect(markdownCode('x`y``z')).toBe('```x`y``z```');
    expect(markdownCode('`edge')).toBe('`` `edge ``');
    expect(markdownCode('a|b\nc')).toBe('`a\\|b c`');
  });
  it('DOT: quotes and backslashes escaped, newlines are our line breaks', () => {
    expect(dotString('x" -- n0 [label="p"]; //\\')).toBe('"x\\" -- n0 [label=\\"p\\"]; //\\\\"');
    expect(dotString('\\N\\G')).toBe('"\\\\N\\\\G"');
    expect(dotString('a\nb')).toBe('"a\\nb"');
    expect(dotLines(['a"b', 'c\nd'])).toBe('"a\\"b\\nc d"');
  });
  it('Mermaid: ASCII syntax characters become entity codes, Japanese stays', () => {
    expect(mermaidLabel('a"]; click n0 call alert() %%')).toBe('"a#34;#93;#59; click n0 call alert() #37;#37;"');
    expect(mermaidLabel('<b>&#`|')).toBe('"#60;b#62;#38;#35;#96;#124;"');
    expect(mermaidLabel('個人番号 ★')).toBe('"個人番号 ★"');
  });
  it('SARIF text: braces doubled, brackets and backslashes escaped', () => {
    expect(sarifText('[x](https://e) {0} a\\b')).toBe('\\[x\\](https://e) {{0}} a\\\\b');
  });
});
