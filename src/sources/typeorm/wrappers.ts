/**
 * A project's own decorators that wrap TypeORM's (issue 12.8): `export function EntityId() {
 * return PrimaryGeneratedColumn('uuid') }`, `@Money()` returning `Column({ type: 'numeric', … })`,
 * NestJS's `applyDecorators(Column(…), Index())`, and functions that apply decorators by hand
 * (`(target, key) => { Column(…)(target, key) }`). The decorator's declaration is followed
 * through the scanned files (the import's module path, then a unique exported name, so path
 * aliases such as `@app/common` work too) and its body read statically; the TypeORM calls it
 * makes are read as if written on the property. What cannot be followed is said so: the caller
 * keeps the property as a column with a diagnostic, never drops it.
 */
import path from 'node:path';
import {
  Node,
  type CallExpression,
  type Expression,
  type FunctionDeclaration,
  type ObjectLiteralExpression,
  type SourceFile,
} from 'ts-morph';
import { type Said, said } from '../../diagnostics.js';
import { importedName, importsFrom, unwrap, type ModuleImports, type TsUnit } from '../ts-project.js';
import { nth } from '../../indexed.js';

/** One TypeORM decorator call a wrapper makes, with the wrapper's parameters replaced by the call's arguments. */
export interface ExpandedCall {
  /** TypeORM's exported name (`Column`, `PrimaryGeneratedColumn`, `Index`, …). */
  name: string;
  args: Node[];
  /** Object spreads of the wrapper's own parameters (`{ type: 'numeric', ...options }`): read from the call site. */
  spreadParameters: Set<string>;
  /** The wrapper's parameters and what the call passes for each (`Column({ length })` with `length` = 15). */
  parameters: Map<string, Node | undefined>;
}

export type WrapperResolution =
  | { kind: 'typeorm'; calls: ExpandedCall[]; declaredIn: string }
  /** From a package whose decorators declare no columns (validation, serialisation, API docs). */
  | { kind: 'foreign'; module: string }
  | { kind: 'unresolved'; reason: Said };

/**
 * Packages whose property decorators never declare a column: they are passed over quietly.
 * A decorator from any other package that is not among the scanned files is unresolved.
 */
export const NON_COLUMN_PACKAGES: Readonly<Record<string, string>> = {
  'class-validator': 'input validation',
  'class-transformer': 'serialisation',
  '@nestjs/swagger': 'API documentation',
  '@nestjs/graphql': 'GraphQL schema',
  'type-graphql': 'GraphQL schema',
  '@nestjs/common': 'NestJS framework decorators (applyDecorators is followed)',
  '@nestjs/mapped-types': 'DTO mapping',
  'typeorm-transformer': 'value transformers',
};

const MAX_DEPTH = 6;

interface FunctionLike {
  params: string[];
  /** Expressions the function returns (arrow expression body or `return` statements). */
  returns: Expression[];
  /** Statements of a block body, for decorators applied by hand. */
  statements: Node[];
  unit: TsUnit;
}

/** Every scanned TypeScript file, indexed for following decorator declarations. */
export class DecoratorIndex {
  private readonly byPath = new Map<string, TsUnit>();
  private readonly byFile = new Map<SourceFile, TsUnit>();
  private readonly exported = new Map<string, TsUnit[]>();
  private readonly typeormImports = new Map<TsUnit, ModuleImports>();

  constructor(units: TsUnit[]) {
    for (const unit of units) {
      this.byPath.set(normal(unit.source.path), unit);
      this.byFile.set(unit.file, unit);
      for (const name of unit.file.getExportedDeclarations().keys()) {
        this.exported.set(name, [...(this.exported.get(name) ?? []), unit]);
      }
    }
  }

  unitOf(node: Node): TsUnit | undefined {
    return this.byFile.get(node.getSourceFile());
  }

  private typeorm(unit: TsUnit): ModuleImports {
    let imports = this.typeormImports.get(unit);
    if (!imports) {
      imports = importsFrom(unit.file, (s) => s === 'typeorm' || s.startsWith('typeorm/'));
      this.typeormImports.set(unit, imports);
    }
    return imports;
  }

  /** What the decorator `callee(args)` written in `unit` does, followed through the scanned files. */
  resolve(callee: Node, args: Node[], unit: TsUnit): WrapperResolution {
    return this.resolveCall(callee, args, unit, 0, new Map());
  }

  private resolveCall(
    callee: Node,
    args: Node[],
    unit: TsUnit,
    depth: number,
    substitutions: Map<string, Node | undefined>,
  ): WrapperResolution {
    if (depth > MAX_DEPTH) return { kind: 'unresolved', reason: said('diag.typeorm.why.tooDeep') };
    if (!Node.isIdentifier(callee))
      return { kind: 'unresolved', reason: said('diag.typeorm.why.notName', callee.getText()) };
    const found = this.declaration(callee.getText(), unit);
    if ('kind' in found) return found;
    const fn = functionLike(found.node, found.unit);
    if (!fn)
      return {
        kind: 'unresolved',
        reason: said('diag.typeorm.why.notFunction', callee.getText(), found.unit.source.path),
      };
    const own = new Map<string, Node | undefined>();
    fn.params.forEach((p, i) => own.set(p, args[i] && substitute(args[i], substitutions)));
    const calls: ExpandedCall[] = [];
    for (const expr of fn.returns) {
      const r = this.expression(expr, fn, depth, own);
      if (r.kind !== 'typeorm') return r;
      calls.push(...r.calls);
    }
    // `(target, key) => { Column(…)(target, key) }` returned from the wrapper, or the wrapper itself.
    if (!fn.returns.length)
      return { kind: 'unresolved', reason: said('diag.typeorm.why.noDecorator', callee.getText()) };
    return { kind: 'typeorm', calls, declaredIn: found.unit.source.path };
  }

  /** A returned expression: a TypeORM call, applyDecorators(…), another wrapper, or a hand-written decorator. */
  private expression(
    expr: Expression,
    fn: FunctionLike,
    depth: number,
    own: Map<string, Node | undefined>,
  ): WrapperResolution {
    const e = unwrap(expr);
    if (Node.isCallExpression(e)) return this.call(e, fn.unit, depth, own);
    if (Node.isArrowFunction(e) || Node.isFunctionExpression(e)) {
      // A decorator written by hand: every `X(…)(target, key)` in its body is applied.
      const body = e.getBody();
      const applied = Node.isBlock(body) ? body.getStatements() : [body];
      const calls: ExpandedCall[] = [];
      for (const stmt of applied) {
        const inner = Node.isExpressionStatement(stmt) ? stmt.getExpression() : stmt;
        const call = unwrap(inner);
        if (!Node.isCallExpression(call) || !Node.isCallExpression(unwrap(call.getExpression()))) {
          return {
            kind: 'unresolved',
            reason: said('diag.typeorm.why.doesMore', truncate(stmt.getText())),
          };
        }
        const r = this.call(unwrap(call.getExpression()) as CallExpression, fn.unit, depth, own);
        if (r.kind !== 'typeorm') return r;
        calls.push(...r.calls);
      }
      return { kind: 'typeorm', calls, declaredIn: fn.unit.source.path };
    }
    return { kind: 'unresolved', reason: said('diag.typeorm.why.returnsOther', truncate(e.getText())) };
  }

  private call(
    call: CallExpression,
    unit: TsUnit,
    depth: number,
    own: Map<string, Node | undefined>,
  ): WrapperResolution {
    const callee = call.getExpression();
    const args = call.getArguments();
    const name = importedName(callee, this.typeorm(unit));
    if (name) {
      const spreadParameters = new Set<string>();
      const expanded = args.map((a) => {
        const inner = unwrap(a);
        if (Node.isObjectLiteralExpression(inner))
          for (const p of parameterSpreads(inner, own)) spreadParameters.add(p);
        return substitute(a, own);
      });
      // `Column({ …, ...options })`: the call site's options object is read after the wrapper's own.
      const extra = [...spreadParameters].map((p) => own.get(p)).filter((n): n is Node => !!n);
      return {
        kind: 'typeorm',
        calls: [
          { name, args: [...expanded.filter((a): a is Node => !!a), ...extra], spreadParameters, parameters: own },
        ],
        declaredIn: unit.source.path,
      };
    }
    if (Node.isIdentifier(callee) && callee.getText() === 'applyDecorators') {
      const calls: ExpandedCall[] = [];
      for (const a of args) {
        const inner = unwrap(substitute(a, own) ?? a);
        if (!Node.isCallExpression(inner))
          return { kind: 'unresolved', reason: said('diag.typeorm.why.applyNotCall', truncate(a.getText())) };
        const r = this.call(inner, this.unitOf(inner) ?? unit, depth + 1, own);
        if (r.kind !== 'typeorm') return r;
        calls.push(...r.calls);
      }
      return { kind: 'typeorm', calls, declaredIn: unit.source.path };
    }
    return this.resolveCall(callee, args, unit, depth + 1, own);
  }

  /** Where a name used in `unit` is declared: its import's module, a unique export of that name, or the file itself. */
  private declaration(name: string, unit: TsUnit): { node: Node; unit: TsUnit } | WrapperResolution {
    for (const decl of unit.file.getImportDeclarations()) {
      if (!Node.isStringLiteral(decl.getModuleSpecifier())) continue; // a half-written import
      const imported = decl.getNamedImports().find((n) => (n.getAliasNode()?.getText() ?? n.getName()) === name);
      if (!imported) continue;
      const module = decl.getModuleSpecifierValue();
      const original = imported.getName();
      if (!module.startsWith('.')) {
        const pkg = packageName(module);
        if (pkg in NON_COLUMN_PACKAGES && original !== 'applyDecorators') return { kind: 'foreign', module: pkg };
      }
      const target = module.startsWith('.') ? this.moduleUnit(unit, module) : undefined;
      const node = target ? exportedNode(target, original) : undefined;
      if (node && target) return { node, unit: target };
      // A path alias (`@app/common`) or a barrel: the one scanned file that exports the name.
      const candidates = (this.exported.get(original) ?? [])
        .map((u) => ({ unit: u, node: exportedNode(u, original) }))
        .filter((c): c is { unit: TsUnit; node: Node } => !!c.node && functionLike(c.node, c.unit) !== undefined);
      const [only] = candidates;
      if (candidates.length === 1 && only) return only;
      return {
        kind: 'unresolved',
        reason:
          candidates.length > 1
            ? said('diag.typeorm.why.exportedBySeveral', original, candidates.length, module)
            : said('diag.typeorm.why.importedFromOther', module),
      };
    }
    const local = localNode(unit, name);
    if (local) return { node: local, unit };
    return { kind: 'unresolved', reason: said('diag.typeorm.why.declaredNowhere', name) };
  }

  private moduleUnit(from: TsUnit, specifier: string): TsUnit | undefined {
    const base = path.posix.join(path.posix.dirname(normal(from.source.path)), specifier);
    for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base.replace(/\.js$/, '.ts')]) {
      const unit = this.byPath.get(path.posix.normalize(candidate));
      if (unit) return unit;
    }
    return undefined;
  }
}

function normal(p: string): string {
  return p.split(path.sep).join('/');
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : nth(parts, 0);
}

function truncate(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}…` : one;
}

/** The node declaring an exported name of a file (following `export { x } from`/`export *` via ts-morph). */
function exportedNode(unit: TsUnit, name: string): Node | undefined {
  const decls = unit.file.getExportedDeclarations().get(name);
  return decls?.[0];
}

function localNode(unit: TsUnit, name: string): Node | undefined {
  return unit.file.getFunction(name) ?? unit.file.getVariableDeclaration(name) ?? undefined;
}

function functionLike(node: Node, unit: TsUnit): FunctionLike | undefined {
  let fn: Node | undefined = node;
  if (Node.isVariableDeclaration(node)) fn = node.getInitializer() && unwrap(node.getInitializer()!);
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)))
    return undefined;
  const f = fn as FunctionDeclaration;
  const params = f.getParameters().map((p) => p.getName());
  const body = f.getBody();
  if (!body) return undefined;
  if (!Node.isBlock(body)) return { params, returns: [body as Expression], statements: [], unit };
  const returns = body
    .getStatements()
    .filter((s) => Node.isReturnStatement(s))
    .map((s) => s.getExpression())
    .filter((e): e is Expression => !!e);
  return { params, returns, statements: body.getStatements(), unit };
}

/** A wrapper's parameter written as an argument is the call site's argument (undefined: not passed). */
function substitute(arg: Node, own: Map<string, Node | undefined>): Node | undefined {
  const inner = unwrap(arg);
  if (Node.isIdentifier(inner) && own.has(inner.getText())) return own.get(inner.getText());
  return arg;
}

function parameterSpreads(obj: ObjectLiteralExpression, own: Map<string, Node | undefined>): string[] {
  return obj
    .getProperties()
    .filter((p) => Node.isSpreadAssignment(p))
    .map((p) => unwrap(p.getExpression()))
    .filter((e) => Node.isIdentifier(e) && own.has(e.getText()))
    .map((e) => e.getText());
}
