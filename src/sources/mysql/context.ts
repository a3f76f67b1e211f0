/** What the statement readers share: where the statement is, and the reader's running state. */
import type { QualifiedName, SourceLocation } from '../../catalog/model.js';
import type { Dialect } from '../../dialect.js';
import { type Diagnostic, type Said, coded } from '../../diagnostics.js';
import type { CodeOf } from '../../diagnostic-codes.js';
import type { LineIndex } from '../text.js';
import { nameKey } from './names.js';

/** A table or view declared earlier in the same file: used to expand `*` and place bare columns. */
export interface KnownRelation {
  kind: 'table' | 'view';
  columns: string[];
  /** Names of its UNIQUE keys, to tell a dropped unique key from a dropped plain index. */
  uniqueKeyNames: Set<string>;
}

/** The reader's state across statements of one file. */
export class FileState {
  /** Database of the last `USE`, else `main`. */
  schema = 'main';
  readonly relations = new Map<string, KnownRelation>();
  /** member → role → whether it is a default (active at login) role. */
  readonly memberships = new Map<string, Map<string, boolean>>();
  /** `activate_all_roles_on_login`: every granted role is active at login. */
  activateAllRoles = false;
  /** Accounts created by CREATE USER in this file (for `mandatory_roles`). */
  readonly accounts = new Set<string>();
  /** `mandatory_roles` as last set in this file: granted to every account. */
  mandatoryRoles: string[] = [];

  relation(q: QualifiedName): KnownRelation | undefined {
    return this.relations.get(nameKey(q));
  }
  setRelation(q: QualifiedName, r: KnownRelation): void {
    this.relations.set(nameKey(q), r);
  }
  dropRelation(q: QualifiedName): void {
    this.relations.delete(nameKey(q));
  }
}

export class StatementContext {
  constructor(
    readonly file: string,
    readonly lines: LineIndex,
    /** Offset of the statement in the file. */
    readonly base: number,
    /** The statement text (comments blanked; offsets match the file from `base`). */
    readonly text: string,
    readonly dialect: Dialect,
    readonly state: FileState,
    readonly diagnostics: Diagnostic[],
  ) {}

  /** Location of an offset inside the statement. */
  loc(offset = 0): SourceLocation {
    const { line, column } = this.lines.at(this.base + offset);
    return { file: this.file, line, column };
  }

  get at(): SourceLocation {
    return this.loc(0);
  }

  warn(message: Said, offset = 0): void {
    this.diagnostics.push({ severity: 'warning', code: 'SPIF-SQL-UNSUPPORTED', ...message, ...this.loc(offset) });
  }

  info(code: CodeOf<'info'>, message: Said, offset = 0): void {
    this.diagnostics.push({ ...coded('info', code), ...message, ...this.loc(offset) });
  }

  syntaxError(message: Said, offset?: number): void {
    this.diagnostics.push({ severity: 'error', code: 'SPIF-SQL-SYNTAX', ...message, ...this.loc(offset ?? 0) });
  }

  get schema(): string {
    return this.state.schema;
  }
}

/** node-sql-parser writes an identifier as a string, `{ value }`, or `{ expr: { value } }`. */
export function identText(x: unknown): string | undefined {
  if (x == null) return undefined;
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return String(x);
  if (typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if ('value' in o && (typeof o.value === 'string' || typeof o.value === 'number')) return String(o.value);
    if ('expr' in o) return identText(o.expr);
    if ('column' in o) return identText(o.column);
  }
  return undefined;
}

export function columnsOf(defs: unknown): string[] {
  if (!Array.isArray(defs)) return [];
  return defs.map((d) => identText((d as { column?: unknown }).column ?? d)).filter((s): s is string => !!s);
}
