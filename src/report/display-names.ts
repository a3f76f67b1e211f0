/**
 * Names as the sources wrote them, for the human-facing formats (text, Markdown, HTML, the 評価書).
 * SQL Server compares names case-insensitively, so the catalog matches on folded (lower-case) names
 * and keeps what the export wrote (`[dbo].[KojinBango]`, `[MyNo]`, `CREATE USER [KyufuApp]`) as
 * `writtenName` / `writtenSchema` in the report. Ids, paths and the JSON's own fields stay folded
 * (they are keys); this layer only changes what a person reads, the same way everywhere:
 * relation and column ids in any sentence (`db.schema.name[.column]`, `schema.name[.column]`,
 * `name.column`), and role names where a role is named (principals, arguments of assumptions).
 * Oracle and Db2 already keep the case their dictionary stores (upper-case unless quoted), and the
 * other dialects fold nothing spif shows, so for them this is the identity.
 */
import { numberEvidence } from './evidence-text.js';
import { type Lang, assumptionText } from './messages.js';
import type { Block, NumberColumnReport, Report } from './model.js';
import type { DocBlock, Inline, Text } from './pia-document.js';

/** A dotted name in running text; a routine's part may carry its `(args)` (`dbo.f()`, `f().col`). */
const DOTTED = /[\p{L}\p{N}_$#@]+(?:\([^()\s]*\))?(?:\.[\p{L}\p{N}_$#@]+(?:\([^()\s]*\))?)+/gu;

export class DisplayNames {
  private constructor(
    private readonly ids: Map<string, string>,
    private readonly roles: Map<string, string>,
    private readonly columns: Map<string, string>,
    /** Relation id → column → the column's written name, where the export wrote it otherwise. */
    private readonly byRelation: Map<string, Map<string, string>>,
    /** The reasons inside assumption codes, as catalogue entries (Report.assumptionReasons). */
    private readonly reasons: Report['assumptionReasons'] = {},
  ) {}

  /** The names of several reports (a diff's head, then its base): the first that spells a name wins. */
  static ofAll(reports: Report[]): DisplayNames {
    // later entries overwrite earlier ones in a Map: the first report's go last
    const lastFirst = reports.map((r) => DisplayNames.of(r)).reverse();
    const merged = <T>(pick: (n: DisplayNames) => Map<string, T>) => new Map(lastFirst.flatMap((n) => [...pick(n)]));
    return new DisplayNames(
      merged((n) => n.ids),
      merged((n) => n.roles),
      merged((n) => n.columns),
      merged((n) => n.byRelation),
      Object.assign({}, ...lastFirst.map((n) => n.reasons)) as Report['assumptionReasons'],
    );
  }

  static of(report: Report): DisplayNames {
    const ids = new Map<string, string>();
    const roles = new Map<string, string>();
    const columns = new Map<string, string>();
    const byRelation = new Map<string, Map<string, string>>();
    for (const r of report.relations) {
      const schema = r.writtenSchema ?? r.schema;
      const name = r.writtenName ?? r.name;
      const forms: [string, string][] = [
        [r.id, `${r.database}.${schema}.${name}`],
        [`${r.schema}.${r.name}`, `${schema}.${name}`],
      ];
      for (const [folded, written] of forms) if (folded !== written) ids.set(folded, written);
      for (const c of r.columns ?? []) {
        const column = c.writtenName ?? c.name;
        if (c.writtenName && !columns.has(c.name)) columns.set(c.name, c.writtenName);
        if (c.writtenName) {
          let own = byRelation.get(r.id);
          if (!own) byRelation.set(r.id, (own = new Map<string, string>()));
          own.set(c.name, c.writtenName);
        }
        if (column === c.name && name === r.name && schema === r.schema) continue;
        for (const [folded, written] of forms) ids.set(`${folded}.${c.name}`, `${written}.${column}`);
        ids.set(`${r.name}.${c.name}`, `${name}.${column}`);
      }
    }
    for (const p of report.principals) if (p.writtenName) roles.set(p.name, p.writtenName);
    return new DisplayNames(ids, roles, columns, byRelation, report.assumptionReasons);
  }

  /** A relation id (`db.schema.name`), as written. */
  relation(id: string): string {
    return this.ids.get(id) ?? id;
  }

  /** A relation's column, as written. */
  column(relation: string, column: string): string {
    return this.byRelation.get(relation)?.get(column) ?? column;
  }

  /**
   * A number column's evidence in the reader's language, naming the column as written: detection
   * quotes the catalog's (folded) name (`column name 'myno'`, 列名「myno」), which is the column's.
   */
  evidence(lang: Lang, relation: string, n: Pick<NumberColumnReport, 'column' | 'evidence' | 'rule'>): string {
    const text = numberEvidence(lang, n);
    const written = this.column(relation, n.column);
    const quoted =
      written === n.column
        ? text
        : text.replaceAll(`'${n.column}'`, `'${written}'`).replaceAll(`「${n.column}」`, `「${written}」`);
    return this.text(quoted);
  }

  /** Every principal of a list, as written. */
  roleList(list: readonly string[]): string[] {
    return list.map((x) => this.role(x));
  }

  /** Whether any name is shown otherwise than the catalog spells it. */
  get any(): boolean {
    return this.ids.size > 0 || this.roles.size > 0;
  }

  /** A role or user name (or a comma-separated list of them), as written. */
  role(name: string): string {
    if (!this.roles.size) return name;
    return name
      .split(/(,\s*)/)
      .map((part) => this.roles.get(part) ?? part)
      .join('');
  }

  /**
   * Bare names in `text` (a suggested statement, a quoted column) as written: the principals', and
   * the columns of `relation`, matched as whole words spelt as the catalog folds them.
   */
  words(text: string, relation: string): string {
    const own = this.byRelation.get(relation);
    if (!own?.size && !this.roles.size) return text;
    // ids first (`db.dbo.t.c` as a whole), then the bare words left
    return this.text(text).replace(/[\p{L}\p{N}_$#@]+/gu, (w) => own?.get(w) ?? this.roles.get(w) ?? w);
  }

  /**
   * A gate line as written: its ids, and a column name quoted by a detection rule's evidence
   * (`column name 'myno'`, 列名「myno」), which is the folded name of a column the sources wrote otherwise.
   */
  line(text: string): string {
    const ids = this.text(text)
      // a principal heading its path (`kyufuapp: reads it directly …`), or a name in Markdown code
      .replace(/^(\s*(?:- )?)([^\s:`]+):/u, (whole: string, lead: string, name: string) =>
        this.roles.has(name) ? `${lead}${this.role(name)}:` : whole,
      )
      .replace(/`([^`\s]+)`/gu, (whole: string, name: string) =>
        this.roles.has(name) ? `\`${this.role(name)}\`` : whole,
      );
    if (!this.columns.size) return ids;
    return ids.replace(/'([^'\s]+)'|「([^」\s]+)」/gu, (whole: string, a?: string, b?: string) => {
      const written = this.columns.get(a ?? b ?? '');
      return written ? (a ? `'${written}'` : `「${written}」`) : whole;
    });
  }

  /** Every relation or column id in `text`, as written. */
  text(text: string): string {
    if (!this.ids.size) return text;
    return text.replace(DOTTED, (whole: string) => {
      const exact = this.ids.get(whole);
      if (exact) return exact;
      const args = /\([^()]*\)$/.exec(whole)?.[0]; // a name with arguments the ids do not spell
      const named = args && this.ids.get(whole.slice(0, -args.length));
      return named ? `${named}${args}` : whole;
    });
  }

  /** An argument of an assumption or a diagnostic: a list of roles, else text with ids. */
  arg(value: string): string {
    return this.text(this.role(value));
  }

  /** An assumption code (`code:arg:arg`) in `lang`, its arguments as written, its reason in `lang` too. */
  assumption(lang: Lang, code: string): string {
    return assumptionText(lang, code, { arg: (a) => this.arg(a), ...(this.reasons ? { reasons: this.reasons } : {}) });
  }

  /** A block with the roles it names as written (its sentence is rendered from this data). */
  blockOf(b: Block): Block {
    if (!this.roles.size) return b;
    const role = (x: string | undefined) => (x === undefined ? undefined : this.role(x));
    const out: Block = { ...b, principal: this.role(b.principal) };
    if (b.role !== undefined) out.role = this.role(b.role);
    if (b.reason) {
      const reason = { ...b.reason };
      if (reason.principal !== undefined) reason.principal = role(reason.principal);
      if (reason.principals) reason.principals = reason.principals.map((p) => this.role(p));
      if (reason.remote?.role !== undefined) reason.remote = { ...reason.remote, role: this.role(reason.remote.role) };
      out.reason = reason;
    }
    return out;
  }

  /** A document's text pieces as written: the 評価書 and the PIA document of Markdown and HTML. */
  document(blocks: DocBlock[]): DocBlock[] {
    if (!this.any) return blocks;
    return blocks.map((b) => this.block(b));
  }

  private block(b: DocBlock): DocBlock {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        return { ...b, text: this.inlines(b.text) };
      case 'list':
        return { ...b, items: b.items.map((i) => this.inlines(i)) };
      case 'table':
        return { ...b, rows: b.rows.map((row) => row.map((cell) => this.inlines(cell))) };
      case 'form':
        return { ...b, blocks: b.blocks.map((x) => this.block(x)) };
      case 'graph':
        return b;
    }
  }

  private inlines(text: Text): Text {
    return text.map((x): Inline => {
      if (typeof x === 'string') return this.arg(x);
      // A code piece is one name: a bare column name is shown as its relation's export wrote it.
      if ('code' in x) return { code: this.columns.get(x.code) ?? this.arg(x.code) };
      return { strong: this.arg(x.strong) };
    });
  }
}
