/**
 * Text normalisation for number-column detection.
 *
 * Every name and comment is brought to one canonical form before any rule looks at it, so a rule
 * is written once and still matches `kojin_bango`, `KojinBango`, `KOJIN_BANGO`,
 * `ｋｏｊｉｎ＿ｂａｎｇｏ`, `ｺｼﾞﾝ…`/`ﾏｲﾅﾝﾊﾞｰ` (half-width kana) and `個人番号（暗号化）`.
 *
 * The canonical form: NFKC (full-width ASCII and half-width kana folded), camelCase split into
 * snake_case, lower case, every run of other characters turned into one `_`, and `_` dropped where
 * it touches Japanese text (so `個人番号 取得日` and `個人番号_取得日` read as `個人番号取得日`).
 */

/** Characters that stay as they are: ASCII letters and digits, and Japanese script. */
const KEEP = /[^a-z0-9\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+/gu;

/** Split camelCase/PascalCase before lower-casing: `myNumberHash` → `my_Number_Hash`, `IDNumber` → `ID_Number`. */
function splitCamel(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2');
}

/**
 * canonical() of texts already seen: names repeat across tables and every view column repeats
 * its base column's (bounded, so a long-running process does not keep every comment).
 */
const canonicalSeen = new Map<string, string>();
const CANONICAL_SEEN_MAX = 200_000;

/** The canonical form of a piece of text (see the module comment). */
export function canonical(text: string): string {
  let known = canonicalSeen.get(text);
  if (known === undefined) {
    known = canonicalOf(text);
    if (canonicalSeen.size >= CANONICAL_SEEN_MAX) canonicalSeen.clear();
    canonicalSeen.set(text, known);
  }
  return known;
}

/**
 * Simplified Chinese forms of the kanji the rules read: Chinese-speaking teams in Japan write
 * 个人番号 for 個人番号 (the simplified 个 for 個), and the rules compare the Japanese form.
 */
const SIMPLIFIED = /个/g;

function canonicalOf(text: string): string {
  return (
    splitCamel(text.normalize('NFKC').replace(SIMPLIFIED, '個'))
      .toLowerCase()
      .replace(KEEP, '_')
      .replace(/_+/g, '_')
      .replace(/^_|_$/g, '')
      // `_` is a word separator only between ASCII words; next to Japanese text it carries nothing.
      .replace(/_(?=[^a-z0-9_])|(?<=[^a-z0-9_])_/g, '')
  );
}

/**
 * Remove bracketed asides: `個人番号（暗号化済）` → `個人番号`. An aside qualifies the thing named
 * before it and never changes what the column is, so what a column *is* is read without them.
 * Nested brackets are removed from the inside out; an unclosed bracket is left alone.
 */
export function stripAsides(text: string): string {
  let out = text.normalize('NFKC');
  for (;;) {
    const next = out.replace(ASIDE, ' ');
    if (next === out) return out.replace(/[「」『』"']/g, '');
    out = next;
  }
}

const ASIDE = /\(([^()]*)\)|\[([^[\]]*)\]|【([^【】]*)】|〔([^〔〕]*)〕|<([^<>]*)>/g;

/** The canonical contents of the innermost bracketed asides: `番号（個人番号）` → [`個人番号`]. */
export function asides(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(ASIDE)]
    .map((m) => canonical(m.slice(1).find((group) => group !== undefined) ?? ''))
    .filter((aside) => aside.length > 0);
}

/**
 * The part of a comment that says what the column is: its first sentence. Later sentences add
 * detail ("取得日は別テーブル") that must not veto or trigger anything.
 */
export function firstSentence(comment: string): string {
  const text = comment.normalize('NFKC').trim();
  const end = text.search(/[。\n\r;]|\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end);
}

/** The listed parts of a sentence: `個人番号、暗号化済` → [`個人番号`, `暗号化済`]. */
export function sentenceParts(sentence: string): string[] {
  return (
    sentence
      // 社会保障・税番号 is one term (the number's name in the bills), not a list of two.
      .replace(/社会保障・税/g, '社会保障と税')
      .split(/[、,/・:|]/)
      .map((part) => part.trim())
      .filter((part) => part.length > 0)
  );
}

/** One piece of text a rule looks at, in canonical form. */
export interface Segment {
  /** Canonical text with bracketed asides removed: what rules and tail exclusions read. */
  text: string;
  /** Canonical text of the whole sentence the segment comes from, asides included. */
  whole: string;
}

/** A column name is a single segment. */
export function nameSegments(name: string): Segment[] {
  return [{ text: canonical(stripAsides(name)), whole: canonical(name) }];
}

/** The asides of a name, or of a comment's first sentence. */
export function glosses(text: string, target: 'name' | 'comment'): string[] {
  return asides(target === 'name' ? text : firstSentence(text));
}

/** A comment's first sentence, asides removed, split into its listed parts. */
export function commentSegments(comment: string): Segment[] {
  const sentence = firstSentence(comment);
  const whole = canonical(sentence);
  return sentenceParts(stripAsides(sentence))
    .map((part) => ({ text: canonical(part), whole }))
    .filter((segment) => segment.text.length > 0);
}
