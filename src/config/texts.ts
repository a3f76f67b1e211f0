/**
 * The config checker's sentences in English and Japanese. zod calls its error functions while it
 * parses, so the language is set around one synchronous validation (`inConfigLang`) and every
 * message of that validation is written in it; nothing outside the call sees the setting.
 */
import { closest } from './did-you-mean.js';

export type ConfigLang = 'ja' | 'en';

type Text = (...args: string[]) => string;

const TEXTS = {
  required: { en: () => 'required', ja: () => '必須です' },
  expected: {
    en: (want, got) => `expected ${want}, got ${got}`,
    ja: (want, got) => `${want}を書きます（${got}が書かれています）`,
  },
  expectedOneOf: {
    en: (list, got, hint) => `expected one of ${list}; got ${got}${hint}`,
    ja: (list, got, hint) => `${list} のいずれかを書きます（${got}が書かれています）${hint}`,
  },
  notEmpty: { en: () => 'must not be empty', ja: () => '空にできません' },
  atLeastItems: {
    en: (n) => `must list at least ${n} item${n === '1' ? '' : 's'}`,
    ja: (n) => `少なくとも ${n} 個を並べます`,
  },
  atMostItems: { en: (n) => `must list at most ${n} items`, ja: (n) => `並べられるのは ${n} 個までです` },
  atLeast: {
    en: (n, got) => `must be at least ${n}, got ${got}`,
    ja: (n, got) => `${n} 以上にします（${got}が書かれています）`,
  },
  greaterThan: {
    en: (n, got) => `must be greater than ${n}, got ${got}`,
    ja: (n, got) => `${n} より大きくします（${got}が書かれています）`,
  },
  atMost: {
    en: (n, got) => `must be at most ${n}, got ${got}`,
    ja: (n, got) => `${n} 以下にします（${got}が書かれています）`,
  },
  lessThan: {
    en: (n, got) => `must be less than ${n}, got ${got}`,
    ja: (n, got) => `${n} より小さくします（${got}が書かれています）`,
  },
  unknownKey: { en: (hint) => `unknown key${hint}`, ja: (hint) => `不明なキーです${hint}` },
  didYouMean: { en: (name) => `; did you mean '${name}'?`, ja: (name) => `（もしかして: '${name}'）` },
  allowedKeys: { en: (list) => `; expected one of: ${list}`, ja: (list) => `（使えるキー: ${list}）` },
  emptyConfig: {
    en: () => "the config is empty; it needs at least 'version: 1'",
    ja: () => "設定が空です。少なくとも 'version: 1' を書きます",
  },
  versionRequired: {
    en: () => "required; write 'version: 1' at the top of the file",
    ja: () => "必須です。ファイルの先頭に 'version: 1' を書きます",
  },
  versionUnsupported: {
    en: (v) => `unsupported config version ${v}; this spif reads version: 1`,
    ja: (v) => `設定の version ${v} には対応していません。この spif が読むのは version: 1 です`,
  },
  databaseName: {
    en: () => "a database name cannot contain '.' or be '*'",
    ja: () => "データベース名には '.' を含められず、'*' にもできません",
  },
  numberColumnEntry: {
    en: () => 'expected a column pattern, or { column: pattern, reason: text }',
    ja: () => '列のパターン、または { column: パターン, reason: 理由 } を書きます',
  },
  postgresUrl: {
    en: () => 'expected a connection string like postgres://user@host:5432/dbname',
    ja: () => 'postgres://user@host:5432/dbname のような接続文字列を書きます',
  },
  urlPassword: {
    en: () => 'the connection string must not contain a password; remove it and set PGPASSWORD or use a ~/.pgpass file',
    ja: () => '接続文字列にパスワードを書けません。削除して PGPASSWORD を設定するか ~/.pgpass ファイルを使います',
  },
  databaseNeedsSources: {
    en: () => 'a database needs sources (globs of schema files) or a url',
    ja: () => 'データベースには sources（スキーマファイルの glob）か url が必要です',
  },
  suppressionNeedsTarget: {
    en: () => 'a suppression needs a relation, a rule, or both',
    ja: () => '抑止には relation か rule（または両方）が必要です',
  },
  linkPair: {
    en: () => 'a link is a pair of columns: [db.schema.relation.column, db.schema.relation.column]',
    ja: () => 'リンクは列の組です: [db.schema.relation.column, db.schema.relation.column]',
  },
  refParts: {
    en: (shape, parts, got, ref) =>
      `expected ${shape} (${parts} parts separated by '.'), got ${got} part${got === '1' ? '' : 's'} in '${ref}'`,
    ja: (shape, parts, got, ref) =>
      `${shape}（'.' で区切った ${parts} 個の部分）を書きます。'${ref}' の部分は ${got} 個です`,
  },
  refEmptyPart: {
    en: (ref, shape) => `'${ref}' has an empty part; expected ${shape}`,
    ja: (ref, shape) => `'${ref}' に空の部分があります。${shape} を書きます`,
  },
  refWildcardPart: {
    en: (part, ref) => `'*' stands for a whole part, not part of a name ('${part}' in '${ref}')`,
    ja: (part, ref) => `'*' は部分全体を表し、名前の一部には使えません（'${ref}' の '${part}'）`,
  },
  linkNoWildcard: {
    en: (ref) => `a link names one column exactly; '*' is not allowed ('${ref}')`,
    ja: (ref) => `リンクは列を一つだけ名指しします。'*' は使えません（'${ref}'）`,
  },
  globEmpty: { en: () => 'a source glob must not be empty', ja: () => 'ソースの glob は空にできません' },
  globUnclosed: {
    en: (glob, open, close) =>
      `bad glob '${glob}': '${open}' is never closed by '${close}' (write '\\${open}' to match a literal '${open}')`,
    ja: (glob, open, close) =>
      `glob '${glob}' が不正です: '${open}' が '${close}' で閉じられていません（文字の '${open}' には '\\${open}' と書きます）`,
  },
  globBad: { en: (glob, why) => `bad glob '${glob}': ${why}`, ja: (glob, why) => `glob '${glob}' が不正です: ${why}` },
  globOutsideRoot: {
    en: (glob) => `'${glob}' reaches outside the config directory; set allowOutsideRoot: true to scan it`,
    ja: (glob) => `'${glob}' は設定ファイルのディレクトリの外を指します。読むには allowOutsideRoot: true を設定します`,
  },
  urlNotPostgres: {
    en: (dialect) => `a url is for live PostgreSQL scans, but this database's dialect is ${dialect}`,
    ja: (dialect) => `url は PostgreSQL の接続スキャン用ですが、このデータベースの dialect は ${dialect} です`,
  },
  duplicateName: {
    en: (kind, name, at) => `duplicate ${kind} name '${name}' (first declared at ${at})`,
    ja: (kind, name, at) => `${kind}名 '${name}' が重複しています（最初の宣言: ${at}）`,
  },
  unknownNoneDeclared: {
    en: (kind, name, where) => `unknown ${kind} '${name}'; no ${kind}s are declared under '${where}'`,
    ja: (kind, name, where) => `不明な${kind} '${name}' です。'${where}' に${kind}が宣言されていません`,
  },
  unknownName: {
    en: (kind, name, hint) => `unknown ${kind} '${name}'${hint}`,
    ja: (kind, name, hint) => `不明な${kind} '${name}' です${hint}`,
  },
  unknownDeclared: {
    en: (kind, name, list) => `unknown ${kind} '${name}'; declared ${kind}s: ${list}`,
    ja: (kind, name, list) => `不明な${kind} '${name}' です。宣言されている${kind}: ${list}`,
  },
  globMatchesNothing: {
    en: (pattern, base) => `'${pattern}' matches no file (globs are relative to ${base})`,
    ja: (pattern, base) => `'${pattern}' に一致するファイルがありません（glob は ${base} からの相対パスです）`,
  },
  inRef: { en: (ref) => ` (in '${ref}')`, ja: (ref) => `（'${ref}' の中）` },
  atLine: { en: (n) => `line ${n}`, ja: (n) => `${n} 行目` },
  // The words the sentences above put in.
  'kind.database': { en: () => 'database', ja: () => 'データベース' },
  'kind.principal': { en: () => 'principal', ja: () => '利用主体' },
  'kind.file': { en: () => 'file', ja: () => 'ファイル' },
  'type.string': { en: () => 'text', ja: () => '文字列' },
  yamlSyntax: {
    en: (m) => m,
    ja: (m) => `YAML の構文が正しくありません（yaml ライブラリの説明: ${m}）`,
  },
  either: { en: (a, b) => `${a} or ${b}`, ja: (a, b) => `${a}又は${b}` },
  'type.number': { en: () => 'a number', ja: () => '数値' },
  'type.int': { en: () => 'a whole number', ja: () => '整数' },
  'type.boolean': { en: () => 'true or false', ja: () => 'true か false の値' },
  'type.array': { en: () => 'a list', ja: () => 'リスト' },
  'type.tuple': { en: () => 'a list', ja: () => 'リスト' },
  'type.object': { en: () => 'a mapping (key: value)', ja: () => 'マッピング（キー: 値）' },
  'value.null': { en: () => 'nothing (null)', ja: () => '空（null）' },
  'value.list': { en: () => 'a list', ja: () => 'リスト' },
  'value.mapping': { en: () => 'a mapping', ja: () => 'マッピング' },
  'value.text': { en: (v) => `the text '${v}'`, ja: (v) => `文字列 '${v}'` },
  'value.number': { en: (v) => `the number ${v}`, ja: (v) => `数値 ${v}` },
} satisfies Record<string, Record<ConfigLang, Text>>;

export type ConfigTextKey = keyof typeof TEXTS;

let current: ConfigLang = 'en';

/** Runs one validation with its messages in `lang`. */
export function inConfigLang<T>(lang: ConfigLang, run: () => T): T {
  const before = current;
  current = lang;
  try {
    return run();
  } finally {
    current = before;
  }
}

/** The language of the validation under way. */
export function configLang(): ConfigLang {
  return current;
}

/** A config message in the language of the validation under way. */
export function say(key: ConfigTextKey, ...args: (string | number)[]): string {
  const text: Text = TEXTS[key][current];
  return text(...args.map(String));
}

/** `; did you mean 'x'?` (or its Japanese), or the empty string. */
export function sayDidYouMean(input: string, candidates: readonly string[]): string {
  const hit = closest(input, candidates);
  return hit === undefined ? '' : say('didYouMean', hit);
}
