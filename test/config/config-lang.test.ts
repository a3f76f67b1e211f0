/**
 * The config checker's messages in Japanese (issue 19.4): every problem `validateConfigText` writes
 * under 'ja' is Japanese, also for the zod issue kinds spif does not word itself (zod's own ja
 * locale, https://zod.dev/error-customization#internationalization) and for YAML syntax errors,
 * whose parser text is quoted inside a Japanese sentence.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateConfigText } from '../../src/config/index.js';
import { configErrorMap } from '../../src/config/messages.js';
import { inConfigLang } from '../../src/config/texts.js';

const F = 'spif.config.yaml';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const PORT = 'version: 1\ndatabases:\n  - name: a\n    sources: ["*.sql"]\n    connection: {port: true}\n';

describe('config problems under ja', () => {
  it('names both types of a union (a port is a number or text) in either language', () => {
    expect(validateConfigText(PORT, F, 'ja').problems).toEqual([
      `${F}:5: databases.0.connection.port: 数値又は文字列を書きます（trueが書かれています）`,
    ]);
    expect(validateConfigText(PORT, F, 'en').problems).toEqual([
      `${F}:5: databases.0.connection.port: expected a number or text, got true`,
    ]);
  });

  it('quotes a YAML syntax error inside a Japanese sentence, and leaves it as yaml wrote it in English', () => {
    const text = 'version: 1\ndatabases: [\n  - a: b: c\n';
    const ja = validateConfigText(text, F, 'ja').problems;
    const en = validateConfigText(text, F, 'en').problems;
    expect(ja.length).toBeGreaterThan(0);
    expect(ja).toHaveLength(en.length);
    for (const [i, p] of ja.entries()) {
      expect(p).toMatch(/^spif\.config\.yaml:\d+:\d+: YAML の構文が正しくありません（yaml ライブラリの説明: .+）$/);
      // The same parser words, located the same way.
      expect(p).toContain(en[i]!.replace(/^\S+ /, ''));
    }
  });

  it("falls back to zod's Japanese for an issue kind spif has no words for", () => {
    const schema = z.string().regex(/^[a-z]+$/);
    const issue = (lang: 'ja' | 'en') =>
      inConfigLang(lang, () => schema.safeParse('ABC', { error: configErrorMap }).error!.issues[0]!.message);
    expect(issue('ja')).toMatch(JAPANESE);
    expect(issue('en')).not.toMatch(JAPANESE);
    expect(issue('en')).toMatch(/invalid/i);
  });
});
