/**
 * Parsing `schema.prisma` with @mrleebo/prisma-ast, with locations. The parser stops at the first
 * syntax error, so on an error the file is cut into top-level blocks and each block is parsed on
 * its own: a broken model costs only itself (and is reported with its line and column).
 */
import { createRequire } from 'node:module';
import type * as PrismaAst from '@mrleebo/prisma-ast';
import type { Block, PrismaParser, Schema, VisitorClassFactory } from '@mrleebo/prisma-ast';
import { type Diagnostic, part, said } from '../../diagnostics.js';
import type { SourceText } from '../types.js';
import { nth } from '../../indexed.js';

export const SYNTAX = 'SPIF-PRISMA-SYNTAX';

const require = createRequire(import.meta.url);

/**
 * Loads @mrleebo/prisma-ast without letting it run code. On load it searches for its own config
 * with lilconfig from the working directory upwards, and lilconfig `require`s any
 * `.prisma-astrc.js` / `prisma-ast.config.js` it finds: scanning a repository from inside it
 * would execute that repository's code. The search is switched off for that one load.
 */
function loadPrismaAst(): typeof PrismaAst {
  const lilconfig = createRequire(require.resolve('@mrleebo/prisma-ast'))('lilconfig') as {
    lilconfigSync: (name: string, options?: unknown) => unknown;
  };
  const original = lilconfig.lilconfigSync;
  lilconfig.lilconfigSync = (name, options) =>
    name === 'prisma-ast'
      ? { search: () => null, load: () => null, clearLoadCache() {}, clearSearchCache() {}, clearCaches() {} }
      : original(name, options);
  try {
    return require('@mrleebo/prisma-ast') as typeof PrismaAst;
  } finally {
    lilconfig.lilconfigSync = original;
  }
}

let tools:
  | {
      ast: typeof PrismaAst;
      parser: PrismaParser;
      visitor: InstanceType<ReturnType<typeof VisitorClassFactory>>;
    }
  | undefined;

function parseWithLocations(text: string): Schema {
  if (!tools) {
    const ast = loadPrismaAst();
    const parser = new ast.PrismaParser({ nodeLocationTracking: 'full' });
    const Visitor = ast.VisitorClassFactory(parser);
    tools = { ast, parser, visitor: new Visitor() };
  }
  return tools.ast.getSchema(text, { parser: tools.parser, visitor: tools.visitor });
}

interface ParserError {
  message?: string;
  token?: { startLine?: number; startColumn?: number; image?: string };
  previousToken?: { endLine?: number; endColumn?: number };
}

function syntaxDiagnostic(source: SourceText, error: unknown): Diagnostic {
  const e = error as ParserError;
  const token = e.token;
  const line = Number.isFinite(token?.startLine) ? token!.startLine! : (e.previousToken?.endLine ?? 1);
  const column = Number.isFinite(token?.startColumn) ? token!.startColumn! : (e.previousToken?.endColumn ?? 0) + 1;
  const found = token?.image ? `'${token.image}'` : part('diag.prisma.endOfFile');
  const expected = /Expecting[^]*?(?=but found)/
    .exec(e.message ?? '')?.[0]
    .replace(/\s+/g, ' ')
    .replace(/-->|<--/g, '')
    .trim();
  return {
    severity: 'error',
    code: SYNTAX,
    file: source.path,
    line,
    column,
    ...said(
      'diag.prisma.syntax',
      found,
      expected ? part('diag.prisma.expected', expected.replace(/^Expecting/, 'expected')) : '',
    ),
  };
}

const BLOCK_START = /^(?:model|view|enum|type|datasource|generator)\s+\S+\s*\{/;

/** Top-level blocks of a file, each with the doc comment lines right above it. */
function blocks(text: string): { start: number; text: string }[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (BLOCK_START.test(line)) {
      let s = i;
      while (s > 0 && /^\s*\/\//.test(nth(lines, s - 1))) s--;
      starts.push(s);
    }
  });
  if (!starts.length || starts[0] !== 0) starts.unshift(0);
  return starts.map((s, i) => ({ start: s, text: lines.slice(s, starts[i + 1] ?? lines.length).join('\n') }));
}

/** Parses one file; on syntax errors, each top-level block is parsed separately. */
export function parsePrisma(source: SourceText): { blocks: Block[]; diagnostics: Diagnostic[] } {
  try {
    return { blocks: parseWithLocations(source.text).list, diagnostics: [] };
  } catch {
    // fall through: recover block by block
  }
  const out: Block[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const block of blocks(source.text)) {
    // leading newlines keep the parser's line numbers those of the file
    const padded = '\n'.repeat(block.start) + block.text;
    try {
      out.push(...parseWithLocations(padded).list);
    } catch (e) {
      diagnostics.push(syntaxDiagnostic(source, e));
    }
  }
  return { blocks: out, diagnostics };
}
