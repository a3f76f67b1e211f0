/**
 * Shared, static reading of TypeScript sources for the ORM readers (TypeORM, Drizzle).
 *
 * Scanned code is only parsed, never imported or run: files are added to an in-memory ts-morph
 * project (nothing is read from disk, no tsconfig, no plugins, no dependency resolution), and
 * every value the readers need (names, options) is taken from literals in the syntax tree.
 */
import path from 'node:path';
import { Node, Project, ts, type Expression, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';
import type { SourceLocation, ViewDefinition } from '../catalog/model.js';
import { type Diagnostic, type Said, coded } from '../diagnostics.js';
import type { CodeOf, Severity } from '../diagnostic-codes.js';
import { loadPostgresParser, readPostgresSql } from './postgresql/reader.js';
import { LineIndex } from './text.js';
import type { ReadContext, ReadResult, SourceReader, SourceText } from './types.js';
import { capture, nth } from '../indexed.js';

/**
 * A reader that can also take all files of a database at once, so that names used in one file
 * and declared in another (entity classes, table variables, Prisma models) resolve.
 * The pipeline should call `readProject` with every file this reader accepts for one database.
 */
export interface BatchSourceReader extends SourceReader {
  readProject(sources: SourceText[], ctx: ReadContext): Promise<ReadResult>;
}

/** One scanned file, parsed. */
export interface TsUnit {
  source: SourceText;
  file: SourceFile;
  lines: LineIndex;
}

/** Parses the given files into one in-memory project. Nothing outside `sources` is loaded. */
export function parseTypeScript(sources: SourceText[]): TsUnit[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: { experimentalDecorators: true, noLib: true, noResolve: true },
  });
  // Each file at its own path, so ts-morph resolves relative imports and re-exports (barrels)
  // between the scanned files; a path met twice gets a numbered folder of its own.
  const used = new Set<string>();
  return sources.map((source, i) => {
    let at = path.posix.join(
      '/scan',
      source.path
        .split(path.sep)
        .join('/')
        .replace(/^(\.\.\/)+|^\//, ''),
    );
    if (!/\.(ts|tsx|mts|cts)$/i.test(at)) at += '.ts';
    if (used.has(at)) at = `/scan-${i}${at}`;
    used.add(at);
    const file = project.createSourceFile(at, source.text, { overwrite: true });
    return { source, file, lines: new LineIndex(source.text) };
  });
}

export function locate(unit: TsUnit, node: Node): SourceLocation {
  return { file: unit.source.path, ...unit.lines.at(node.getStart()) };
}

export function diagnosticAt<S extends Severity>(
  unit: TsUnit,
  node: Node,
  severity: S,
  code: CodeOf<S>,
  message: Said,
): Diagnostic {
  const at = locate(unit, node);
  return { ...coded(severity, code), ...message, file: at.file, line: at.line, column: at.column };
}

/** Names a file imports from modules matching `fromModule`: local name → exported name. */
export interface ModuleImports {
  named: Map<string, string>;
  /** `import * as orm from 'typeorm'` */
  namespaces: Set<string>;
}

export function importsFrom(file: SourceFile, fromModule: (specifier: string) => boolean): ModuleImports {
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const decl of file.getImportDeclarations()) {
    // In a half-written file the specifier may be no string literal; ts-morph's value getter throws then.
    const specifier = decl.compilerNode.moduleSpecifier;
    if (!ts.isStringLiteral(specifier) || !fromModule(specifier.text)) continue;
    for (const spec of decl.getNamedImports()) {
      named.set(spec.getAliasNode()?.getText() ?? spec.getName(), spec.getName());
    }
    const ns = decl.getNamespaceImport();
    if (ns) namespaces.add(ns.getText());
  }
  return { named, namespaces };
}

/**
 * The exported name a callee refers to when it comes from the imported module
 * (`Column`, `C` imported as `Column as C`, `orm.Column`), else undefined.
 */
export function importedName(callee: Node, imports: ModuleImports): string | undefined {
  if (Node.isIdentifier(callee)) return imports.named.get(callee.getText());
  if (Node.isPropertyAccessExpression(callee)) {
    const target = callee.getExpression();
    if (Node.isIdentifier(target) && imports.namespaces.has(target.getText())) return callee.getName();
  }
  return undefined;
}

/** Local name → original exported name, for every named import of a file (any module). */
export function importAliases(file: SourceFile): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const decl of file.getImportDeclarations()) {
    for (const spec of decl.getNamedImports()) {
      const alias = spec.getAliasNode()?.getText();
      if (alias) aliases.set(alias, spec.getName());
    }
  }
  return aliases;
}

/** Top-level `const X = 'literal'` of a file, so that `@Entity(TABLE)` still reads statically. */
export function stringConstants(file: SourceFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const stmt of file.getVariableStatements()) {
    for (const decl of stmt.getDeclarations()) {
      const init = decl.getInitializer();
      const value = init ? literalString(init) : undefined;
      if (value !== undefined && Node.isIdentifier(decl.getNameNode())) out.set(decl.getName(), value);
    }
  }
  return out;
}

/** A string written literally ('x', "x", `x` without substitutions, `'x' as const`). */
export function literalString(expr: Node): string | undefined {
  const inner = unwrap(expr);
  if (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) return inner.getLiteralValue();
  return undefined;
}

/** A string literal, or an identifier naming a string constant of the same file. */
export function staticString(expr: Node, constants: Map<string, string>): string | undefined {
  const literal = literalString(expr);
  if (literal !== undefined) return literal;
  const inner = unwrap(expr);
  if (Node.isIdentifier(inner)) return constants.get(inner.getText());
  return undefined;
}

export function literalBoolean(expr: Node): boolean | undefined {
  const inner = unwrap(expr);
  if (inner.getKind() === ts.SyntaxKind.TrueKeyword) return true;
  if (inner.getKind() === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** Strips `( )`, `as T`, `satisfies T` and `!` around an expression. */
export function unwrap(expr: Node): Node {
  let node = expr;
  for (;;) {
    if (
      Node.isParenthesizedExpression(node) ||
      Node.isAsExpression(node) ||
      Node.isSatisfiesExpression(node) ||
      Node.isNonNullExpression(node) ||
      Node.isTypeAssertion(node)
    ) {
      node = node.getExpression();
    } else {
      return node;
    }
  }
}

/** The properties of an object literal by name; spreads and computed keys are returned apart. */
export interface ObjectProps {
  props: Map<string, { value: Expression; node: Node }>;
  /** Spread elements and computed or shorthand-only keys: not statically known. */
  dynamic: Node[];
}

export function objectProps(obj: ObjectLiteralExpression): ObjectProps {
  const props = new Map<string, { value: Expression; node: Node }>();
  const dynamic: Node[] = [];
  for (const p of obj.getProperties()) {
    if (Node.isPropertyAssignment(p)) {
      const nameNode = p.getNameNode();
      const name = Node.isComputedPropertyName(nameNode)
        ? literalString(nameNode.getExpression())
        : Node.isStringLiteral(nameNode)
          ? nameNode.getLiteralValue()
          : nameNode.getText();
      const init = p.getInitializer();
      if (name === undefined || !init) dynamic.push(p);
      else props.set(name, { value: init, node: p });
    } else if (Node.isShorthandPropertyAssignment(p)) {
      props.set(p.getName(), { value: p.getNameNode(), node: p });
    } else {
      dynamic.push(p); // spread, method, accessor
    }
  }
  return { props, dynamic };
}

/** What a JSDoc block says to spif: its description and an explicit `@spif` mark. */
export interface DocComment {
  text?: string;
  mark?: 'individual-number' | 'substitute-code';
  /** The value of an `@spif` tag that is neither `number` nor `substitute`. */
  unknownTag?: string;
}

/** The JSDoc block (`/** … *\/`) right before a node, if any. */
export function jsDocBefore(node: Node): DocComment | undefined {
  const text = node.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(text, node.getPos()) ?? [];
  const docs = ranges.filter((r) => text.startsWith('/**', r.pos) && !text.startsWith('/**/', r.pos));
  const last = docs[docs.length - 1];
  if (!last) return undefined;
  return parseDocText(
    text
      .slice(last.pos + 3, last.end - 2)
      .split('\n')
      .map((l) => l.replace(/^\s*\*?\s?/, '')),
  );
}

/**
 * Parses doc comment lines (JSDoc body or Prisma `///` lines). The description is every line
 * before the first block tag; a `@spif number` / `@spif substitute` tag (also inline) marks the
 * column and is removed from the text.
 */
export function parseDocText(lines: string[]): DocComment {
  const doc: DocComment = {};
  const description: string[] = [];
  let inTags = false;
  for (const raw of lines) {
    let line = raw;
    line = line.replace(/@spif\s+([\w-]+)/g, (_m, value: string) => {
      const mark = spifMark(value);
      if (mark) doc.mark = mark;
      else doc.unknownTag = value;
      return '';
    });
    if (/^\s*@\w/.test(line)) inTags = true;
    if (!inTags) description.push(line.trimEnd());
  }
  const text = description.join('\n').trim();
  if (text) doc.text = text;
  return doc;
}

function spifMark(value: string): DocComment['mark'] {
  switch (value.toLowerCase()) {
    case 'number':
    case 'individual-number':
      return 'individual-number';
    case 'substitute':
    case 'substitute-code':
      return 'substitute-code';
    default:
      return undefined;
  }
}

/** Joins the comment texts a column has (e.g. an ORM `comment` option and a JSDoc description). */
export function joinComments(...texts: (string | undefined)[]): string | undefined {
  const parts = [...new Set(texts.filter((t): t is string => !!t && t.trim() !== ''))];
  return parts.length ? parts.join('\n') : undefined;
}

/** Turns a view's SQL text into lineage, when the dialect's parser is available. */
export type ViewLineage = (
  sql: string,
  name: { schema: string; name: string },
) => Promise<ViewDefinition | undefined> | ViewDefinition | undefined;

/**
 * Lineage of an ORM view written as SQL text: the text is read by the PostgreSQL reader as the
 * body of a CREATE VIEW, so ORM views link exactly like SQL views. Undefined when it does not parse.
 */
export async function postgresViewLineage(
  sql: string,
  name: { schema: string; name: string },
): Promise<ViewDefinition | undefined> {
  await loadPostgresParser();
  const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
  const text = `CREATE VIEW ${quote(name.schema)}.${quote(name.name)} AS ${sql.trim().replace(/;\s*$/, '')}`;
  const result = readPostgresSql({ path: '<view expression>', text });
  if (result.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const views = result.ops.filter((o) => o.op === 'create-view');
  return views.length === 1 && nth(views, 0).op === 'create-view' ? nth(views, 0).view : undefined;
}

/** Drops repeated diagnostics (the same problem reached twice while resolving). */
export function dedupeDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const PG_TYPE_ALIASES: Record<string, string> = {
  'character varying': 'varchar',
  varchar: 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  bpchar: 'bpchar',
  integer: 'int4',
  int: 'int4',
  int4: 'int4',
  smallint: 'int2',
  int2: 'int2',
  bigint: 'int8',
  int8: 'int8',
  boolean: 'bool',
  bool: 'bool',
  'double precision': 'float8',
  doubleprecision: 'float8',
  float8: 'float8',
  real: 'float4',
  float4: 'float4',
  decimal: 'numeric',
  numeric: 'numeric',
  'timestamp without time zone': 'timestamp',
  timestamp: 'timestamp',
  'timestamp with time zone': 'timestamptz',
  timestamptz: 'timestamptz',
  'time without time zone': 'time',
  time: 'time',
  'time with time zone': 'timetz',
  timetz: 'timetz',
};

/**
 * A PostgreSQL type as the PostgreSQL reader spells it (the server's internal names:
 * `int4`, `bpchar(12)`, `varchar(15)`), so that ORM and SQL twins describe columns alike.
 */
export function pgTypeName(type: string, modifiers: (number | undefined)[] = []): string {
  const base = type.trim().toLowerCase().replace(/\s+/g, ' ');
  const name = PG_TYPE_ALIASES[base] ?? base;
  const mods = modifiers.filter((m): m is number => m !== undefined);
  return mods.length ? `${name}(${mods.join(',')})` : name;
}

/** Keys (column lists) without repeats, in first-seen order. */
export function dedupeKeys(keys: string[][]): string[][] {
  return [...new Map(keys.map((k) => [JSON.stringify(k), k])).values()];
}

/**
 * The class a name used in `file` stands for: declared there, or imported (through re-exports
 * and barrels, which ts-morph follows between the scanned files). Undefined when neither.
 */
export function declaredClass(file: SourceFile, name: string): Node | undefined {
  const local = file.getClass(name);
  if (local) return local;
  for (const decl of file.getImportDeclarations()) {
    const imported = decl.getNamedImports().find((n) => n.getName() === name || n.getAliasNode()?.getText() === name);
    if (!imported) continue;
    const target = decl.getModuleSpecifierSourceFile();
    const found = target?.getExportedDeclarations().get(imported.getName())?.[0];
    return found && Node.isClassDeclaration(found) ? found : undefined;
  }
  return undefined;
}

const RELATIVE_IMPORT = /\b(?:from|import)\s*['"](\.{1,2}(?:\/[^'"]*)?)['"]/g;
const EXPORTED_NAME = /\bexport\s+(?:abstract\s+|declare\s+)*(?:class|function|const|let)\s+(\w+)/g;
const NAMED_IMPORT = /\bimport\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]([^.'"][^'"]*)['"]/g;

/**
 * The companions (files no reader took) that `sources` import, directly or through other
 * companions: by relative path, or by a name a path alias (`@app/x`) imports that exactly one
 * companion exports. Only these are parsed, so a large repository's other code costs nothing.
 */
export function importedCompanions(sources: readonly SourceText[], companions: readonly SourceText[]): SourceText[] {
  const byPath = new Map(companions.map((c) => [path.posix.normalize(c.path.split(path.sep).join('/')), c]));
  const exporters = new Map<string, SourceText[]>();
  for (const c of companions)
    for (const m of c.text.matchAll(EXPORTED_NAME))
      exporters.set(capture(m, 1), [...(exporters.get(capture(m, 1)) ?? []), c]);
  const reached = new Set<SourceText>();
  const queue = [...sources];
  while (queue.length) {
    const from = queue.pop()!;
    const dir = path.posix.dirname(from.path.split(path.sep).join('/'));
    const found: SourceText[] = [];
    for (const m of from.text.matchAll(RELATIVE_IMPORT)) {
      const base = path.posix.join(dir, capture(m, 1));
      for (const p of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')]) {
        const c = byPath.get(path.posix.normalize(p));
        if (c) found.push(c);
      }
    }
    for (const m of from.text.matchAll(NAMED_IMPORT)) {
      for (const raw of capture(m, 1).split(',')) {
        const owners = exporters.get(
          nth(
            raw
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/),
            0,
          ),
        );
        if (owners?.length === 1) found.push(nth(owners, 0));
      }
    }
    for (const c of found) {
      if (reached.has(c)) continue;
      reached.add(c);
      queue.push(c);
    }
  }
  return companions.filter((c) => reached.has(c));
}
