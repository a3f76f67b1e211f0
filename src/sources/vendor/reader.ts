/**
 * The reader shell the three vendor dialects share: decode-independent text in, ops and located
 * diagnostics out. The file is tokenized once (lexer.ts), split the way the product's own tool
 * splits it (split.ts), and each statement goes to the product's `read`, which returns the ops it
 * means, `'irrelevant'` for a statement that cannot change a verdict (data, session settings,
 * routines, storage — listed in docs/parsers.md), or `undefined` for a kind it does not know, which
 * is reported. A statement that fails to read becomes one diagnostic; reading goes on.
 */
import { insertRowsOp } from '../data-rows/rows-op.js';
import { readVendorTrigger, readVendorWrite } from './copies.js';
import type { CatalogOp } from '../../catalog/ops.js';
import { type Diagnostic, said } from '../../diagnostics.js';
import { LineIndex } from '../text.js';
import type { ReadContext, ReadResult, SourceReader, SourceText } from '../types.js';
import { Cursor, FileState, StatementSyntaxError, VendorContext } from './cursor.js';
import { foldIdent, lex, type Token } from './lexer.js';
import type { VendorDialect } from '../../dialect.js';
import { leading, splitStatements } from './split.js';
import { nth } from '../../indexed.js';

export type StatementOutcome = CatalogOp[] | 'irrelevant' | undefined;

export interface ProductStatements {
  dialect: VendorDialect;
  read(c: Cursor, words: string[]): StatementOutcome;
}

const SQL_FILE = /\.(sql|ddl)$/i;

export function vendorReader(name: string, product: ProductStatements): SourceReader {
  return {
    name,
    accepts: (path, _text, ctx) => ctx.dialect === product.dialect && SQL_FILE.test(path),
    read: (source, ctx) => readVendor(source, ctx, product),
  };
}

function readVendor(source: SourceText, _ctx: ReadContext, product: ProductStatements): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(source.text);
  const state = new FileState(product.dialect);
  const ctx = new VendorContext(source.path, lines, product.dialect, state, diagnostics, source.text);
  const lexed = lex(source.text, product.dialect);
  if (lexed.unterminated !== undefined) {
    ctx.error(said('diag.vendor.unterminatedQuote'), lexed.unterminated);
  }
  const ops: CatalogOp[] = [];
  for (const stmt of splitStatements(lexed.tokens, lexed.comments, source.text, product.dialect)) {
    if (stmt.unterminatedBlock) {
      ctx.warn(
        said(stmt.unterminatedBlock === 'plsql' ? 'diag.vendor.unterminatedPlsql' : 'diag.vendor.unterminatedBegin'),
        stmt.start,
        'SPIF-SQL-UNTERMINATED',
      );
    }
    const c = new Cursor(stmt, ctx);
    const words = leading(stmt.tokens, 0, 8);
    try {
      const outcome = product.read(c, words);
      if (outcome === 'irrelevant') {
        // INSERT rows are counted for check digits (src/sources/data-rows): counts only, never values.
        if (words[0] === 'INSERT') {
          const op = insertRowsOp(
            source.text.slice(stmt.start, stmt.end),
            { backslashEscapes: false },
            {
              qualify: (parts) => c.qualify(parts),
              foldRelation: (p) =>
                foldIdent({ kind: p.quoted ? 'ident' : 'word', value: p.text } as Token, product.dialect),
              foldColumn: (p) =>
                foldIdent({ kind: p.quoted ? 'ident' : 'word', value: p.text } as Token, product.dialect),
            },
            c.at,
          );
          if (op) ops.push(op);
        }
        // A write that reads other rows copies their values (copies.ts); literal rows copy nothing.
        if (['INSERT', 'UPDATE', 'SELECT', 'MERGE'].includes(nth(words, 0)))
          ops.push(...readVendorWrite(c, nth(words, 0)));
        else if ((words[0] === 'CREATE' || words[0] === 'ALTER') && words.slice(1, 5).includes('TRIGGER'))
          ops.push(...readVendorTrigger(c));
        continue;
      }
      if (outcome === undefined) {
        ctx.warn(
          said(
            'diag.vendor.notRead',
            words
              .slice(0, 3)
              .filter((w) => !w.startsWith('\u0000'))
              .join(' '),
          ),
          stmt.start,
        );
        continue;
      }
      ops.push(...outcome);
    } catch (e) {
      if (e instanceof StatementSyntaxError) ctx.error(e.said, e.offset);
      else ctx.error(said('diag.vendor.couldNotRead', (e as Error).message), stmt.start);
    }
  }
  const written = [...state.written].filter(([folded, as]) => folded !== as);
  if (written.length) ops.push({ op: 'written-names', at: ctx.loc(0), names: written });
  return { ops, diagnostics };
}
