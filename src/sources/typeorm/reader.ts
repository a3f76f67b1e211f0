/**
 * TypeORM entities as a schema source. Reads decorators statically (see declarations.ts) and
 * names tables and columns the way TypeORM's DefaultNamingStrategy stores them (build.ts).
 */
import type { Diagnostic } from '../../diagnostics.js';
import {
  dedupeDiagnostics,
  importedCompanions,
  parseTypeScript,
  postgresViewLineage,
  type BatchSourceReader,
  type ViewLineage,
} from '../ts-project.js';
import type { ReadContext, ReadResult, SourceText } from '../types.js';
import { isTypeOrmFile } from '../model-files.js';
import { buildOps } from './build.js';
import { collectClasses, type ClassModel } from './declarations.js';
import { DecoratorIndex } from './wrappers.js';

export interface TypeOrmReaderOptions {
  /** Lineage of a view entity whose `expression` is SQL text (e.g. from the PostgreSQL reader). */
  viewLineage?: ViewLineage;
}

export function createTypeOrmReader(options: TypeOrmReaderOptions = {}): BatchSourceReader {
  const reader: BatchSourceReader = {
    name: 'typeorm',
    accepts(path: string, text: string): boolean {
      return isTypeOrmFile(path, text);
    },
    read(source: SourceText, ctx: ReadContext): Promise<ReadResult> {
      return reader.readProject([source], ctx);
    },
    async readProject(sources: SourceText[], ctx: ReadContext): Promise<ReadResult> {
      const diagnostics: Diagnostic[] = [];
      const classes: ClassModel[] = [];
      // Decorator, embedded-class and barrel files that do not import TypeORM are followed too.
      const units = parseTypeScript([...sources, ...importedCompanions(sources, ctx.companions ?? [])]);
      // Decorators the project declares itself are followed through every file of the database.
      const index = new DecoratorIndex(units);
      for (const unit of units) classes.push(...collectClasses(unit, diagnostics, index));
      // SQL view text is read with the PostgreSQL parser when the database is PostgreSQL
      const viewLineage = options.viewLineage ?? (ctx.dialect === 'postgresql' ? postgresViewLineage : undefined);
      const ops = await buildOps(classes, { ctx, viewLineage, units }, diagnostics);
      return { ops, diagnostics: dedupeDiagnostics(diagnostics) };
    },
  };
  return reader;
}

export const typeOrmReader = createTypeOrmReader();
