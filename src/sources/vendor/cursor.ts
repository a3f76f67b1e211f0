/**
 * What the vendor statement readers share: the statement's place in the file, the file's running
 * state (current schema, relations declared so far, Oracle synonyms), and a cursor over the
 * statement's tokens with the few moves a DDL/DCL reader needs.
 */
import type { QualifiedName, SourceLocation } from '../../catalog/model.js';
import { PUBLIC_SYNONYM_SCHEMA, Synonyms } from '../../catalog/synonyms.js';
import { type Diagnostic, type Said, coded, part, said } from '../../diagnostics.js';
import type { DiagnosticKey } from '../../diagnostic-text/index.js';
import type { CodeOf } from '../../diagnostic-codes.js';
import type { LineIndex } from '../text.js';
import { foldIdent, type Token } from './lexer.js';
import type { VendorDialect } from '../../dialect.js';
import type { Statement } from './split.js';
import type { PackageSpec } from './package.js';
import { nth } from '../../indexed.js';

/** A statement that does not read: what was expected (a catalogue entry) and where. */
export class StatementSyntaxError extends Error {
  constructor(
    readonly said: Said,
    readonly offset: number,
  ) {
    super(said.message);
  }
}

/** What a name or string read by the cursor is, for "expected …" (diagnostic-text/vendor.ts). */
const WHAT = {
  'a name': 'diag.vendor.what.name',
  'a column name': 'diag.vendor.what.columnName',
  'a constraint name': 'diag.vendor.what.constraintName',
  'the masking function': 'diag.vendor.what.maskingFunction',
  'the comment': 'diag.vendor.what.comment',
  'a schema name': 'diag.vendor.what.schemaName',
  'a user name': 'diag.vendor.what.userName',
  'a role name': 'diag.vendor.what.roleName',
  'a user or role': 'diag.vendor.what.userOrRole',
  'a user': 'diag.vendor.what.user',
  'the connect string': 'diag.vendor.what.connectString',
  'a principal': 'diag.vendor.what.principal',
  'a login': 'diag.vendor.what.login',
  'an owner': 'diag.vendor.what.owner',
  'a schema': 'diag.vendor.what.schema',
  'an authorization name': 'diag.vendor.what.authorizationName',
  'a user, group or role': 'diag.vendor.what.userGroupOrRole',
  'a role': 'diag.vendor.what.role',
  'a string': 'diag.vendor.what.string',
} as const satisfies Record<string, DiagnosticKey>;
type Expected = keyof typeof WHAT;

/** "expected a schema name" and the like, for `Cursor.fail`. */
export function expected(what: Expected): Said {
  return said('diag.vendor.syntax.expected', part(WHAT[what]));
}

/** A relation declared earlier in the same file (to expand `*` and place bare columns in views). */
export interface KnownRelation {
  kind: 'table' | 'view';
  columns: string[];
}

export class FileState {
  /** `ALTER SESSION SET CURRENT_SCHEMA`, `SET SCHEMA`, `CONNECT user`: where unqualified names go. */
  schema?: string;
  readonly relations = new Map<string, KnownRelation>();
  /** Oracle synonyms and Db2 aliases of this file (the catalog builder resolves those of other files). */
  readonly synonyms: Synonyms;

  constructor(dialect: VendorDialect) {
    this.synonyms = new Synonyms(dialect === 'db2' ? PUBLIC_SYNONYM_SCHEMA.db2 : PUBLIC_SYNONYM_SCHEMA.oracle);
  }

  /** `q` through this file's synonyms (a relation declared earlier in the file is itself). */
  throughSynonyms(q: QualifiedName, bare: boolean): QualifiedName {
    return this.synonyms.resolve(q, (x) => this.relation(x) !== undefined, bare) ?? q;
  }
  /**
   * Oracle `name@link` in a view's query, rewritten to one identifier for the SQL parser
   * (`NAME$LINK`, same length): the placeholder → the name and link as written.
   */
  readonly linkNames = new Map<string, { name: string; link: string }>();
  /** Oracle package specifications of this file, by `schema.name`: their rights and public subprograms (package.ts). */
  readonly packages = new Map<string, PackageSpec>();
  /** SQL Server: each name the statements' readers read, as first written, by its folded form (op `written-names` keeps those that differ). */
  readonly written = new Map<string, string>();

  key(q: QualifiedName): string {
    return `${q.schema ?? this.schema ?? ''}.${q.name}`;
  }
  relation(q: QualifiedName): KnownRelation | undefined {
    return this.relations.get(this.key(q));
  }
}

export class VendorContext {
  constructor(
    readonly file: string,
    readonly lines: LineIndex,
    readonly dialect: VendorDialect,
    readonly state: FileState,
    readonly diagnostics: Diagnostic[],
    readonly text: string,
  ) {}

  loc(offset: number): SourceLocation {
    const { line, column } = this.lines.at(offset);
    return { file: this.file, line, column };
  }

  /** `message`: a catalogue entry (`said(…)`, diagnostic-text/vendor.ts), shown in the user's language. */
  warn(message: Said, offset: number, code: CodeOf<'warning'> = 'SPIF-SQL-UNSUPPORTED'): void {
    this.diagnostics.push({ ...coded('warning', code), ...message, ...this.loc(offset) });
  }

  info(code: CodeOf<'info'>, message: Said, offset: number): void {
    this.diagnostics.push({ ...coded('info', code), ...message, ...this.loc(offset) });
  }

  error(message: Said, offset: number): void {
    this.diagnostics.push({ severity: 'error', code: 'SPIF-SQL-SYNTAX', ...message, ...this.loc(offset) });
  }
}

export class Cursor {
  i = 0;
  readonly tokens: Token[];

  constructor(
    readonly stmt: Statement,
    readonly ctx: VendorContext,
  ) {
    this.tokens = stmt.tokens;
  }

  get at(): SourceLocation {
    return this.ctx.loc(this.stmt.start);
  }

  get done(): boolean {
    return this.i >= this.tokens.length;
  }

  peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  /** The next token is this word (upper-case) or punctuation. */
  is(value: string, k = 0): boolean {
    const t = this.tokens[this.i + k];
    return !!t && (t.kind === 'word' || t.kind === 'punct') && t.upper === value;
  }

  /** Consumes the words (all of them, in order) when they come next. */
  accept(...values: string[]): boolean {
    for (let k = 0; k < values.length; k++) if (!this.is(nth(values, k), k)) return false;
    this.i += values.length;
    return true;
  }

  expect(...values: string[]): void {
    if (!this.accept(...values)) this.fail(said('diag.vendor.syntax.expected', values.join(' ')));
  }

  /** Offset for diagnostics: the current token, else the end of the statement. */
  get offset(): number {
    return this.peek()?.start ?? this.stmt.end;
  }

  /** Stops reading the statement: `message`, then what was found instead (or the statement's end). */
  fail(message: Said): never {
    const t = this.peek();
    throw new StatementSyntaxError(
      t
        ? said('diag.vendor.syntax.found', message.text, t.kind === 'string' ? `'${t.value}'` : t.value)
        : said('diag.vendor.syntax.atEnd', message.text),
      this.offset,
    );
  }

  next(): Token {
    const t = this.tokens[this.i];
    if (!t) this.fail(said('diag.vendor.syntax.unexpectedEnd'));
    this.i++;
    return t;
  }

  /** One identifier (word or quoted), folded. */
  ident(what: Expected = 'a name'): string {
    const t = this.peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'ident')) this.fail(expected(what));
    this.i++;
    const folded = foldIdent(t, this.ctx.dialect);
    // the first writing wins (the CREATE, as a rule): a later `[DBO]` does not respell `[dbo]`
    if (this.ctx.dialect === 'sqlserver' && !this.ctx.state.written.has(folded))
      this.ctx.state.written.set(folded, t.value);
    return folded;
  }

  isIdent(k = 0): boolean {
    const t = this.peek(k);
    return !!t && (t.kind === 'word' || t.kind === 'ident');
  }

  /** The database link of the last name read (Oracle `t@link`), else undefined. */
  lastLink?: string;

  /** A dotted name: `a`, `a.b`, `a.b.c` (SQL Server: `db.schema.t`, `db..t`), with Oracle's `@dblink` (in `lastLink`). */
  nameParts(): string[] {
    this.lastLink = undefined;
    const parts = [this.ident()];
    while (this.is('.')) {
      this.i++;
      if (this.is('.')) {
        parts.push(''); // `db..t`: the default schema
        continue;
      }
      parts.push(this.ident());
    }
    if (this.is('@') && this.isIdent(1)) {
      this.i++;
      const link = this.nameParts().join('.'); // a remote object: Oracle `t@link`
      this.lastLink = link;
    }
    return parts;
  }

  /** A relation name, resolved against the file's current schema where it has none. */
  relationName(): QualifiedName {
    return this.qualify(this.nameParts());
  }

  qualify(parts: string[]): QualifiedName {
    const name = nth(parts, parts.length - 1);
    const schema = parts.length >= 2 ? parts[parts.length - 2] || undefined : undefined;
    const q: QualifiedName = { name };
    if (this.ctx.dialect === 'sqlserver' && parts.length >= 3) q.database = parts[parts.length - 3];
    const s = schema ?? this.ctx.state.schema;
    if (s) q.schema = s;
    return q;
  }

  /** `(a, b, c)`: identifiers, each optionally followed by ASC/DESC or a length. */
  identList(): string[] {
    this.expect('(');
    const out: string[] = [];
    for (;;) {
      out.push(this.ident('a column name'));
      this.skipUntil(',', ')');
      if (this.accept(',')) continue;
      this.expect(')');
      return out;
    }
  }

  /** Skips to the next top-level token among `stops` (not consumed); balanced parentheses are skipped. */
  skipUntil(...stops: string[]): void {
    let depth = 0;
    while (!this.done) {
      const t = this.peek()!;
      if (depth === 0 && (t.kind === 'word' || t.kind === 'punct') && stops.includes(t.upper)) return;
      if (t.value === '(' && t.kind === 'punct') depth++;
      if (t.value === ')' && t.kind === 'punct') {
        if (depth === 0) return;
        depth--;
      }
      this.i++;
    }
  }

  /** Skips one balanced `( … )` group. */
  skipParens(): void {
    this.expect('(');
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.kind === 'punct' && t.value === '(') depth++;
      else if (t.kind === 'punct' && t.value === ')') depth--;
    }
  }

  /** Source text from token a (inclusive) to token b (exclusive). */
  textBetween(a: number, b: number): string {
    if (b <= a) return '';
    return this.ctx.text.slice(nth(this.tokens, a).start, nth(this.tokens, b - 1).end);
  }

  string(what: Expected = 'a string'): string {
    const t = this.peek();
    if (!t || t.kind !== 'string') this.fail(expected(what));
    this.i++;
    return t.value;
  }
}
