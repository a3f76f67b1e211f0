/**
 * The BigQuery source reader (sql-parser-cst, dialect 'bigquery').
 *
 * Names: `project.dataset.table` → schema = dataset, name = table; the project is ignored (the
 * database comes from the config, as for every dialect). Datasets and tables are
 * case-sensitive in BigQuery and keep their case; column names are not and are lower-cased.
 * Column and table `OPTIONS(description="…")` are their comments. BigQuery access control is
 * IAM: `GRANT \`roles/…\` ON … TO "user:…"` and row access policies are reported as unsupported.
 */
import type { QualifiedName } from '../../catalog/model.js';
import { said } from '../../diagnostics.js';
import { readCstScript, type CstScriptDialect } from '../cst/catalog.js';
import type { SourceReader } from '../types.js';

const bigquery: CstScriptDialect = {
  name: 'bigquery',
  foldColumn: (s) => s.toLowerCase(),
  foldRelation: (s) => s,
  qualify(path: string[]): QualifiedName {
    return { schema: path.length >= 2 ? path[path.length - 2] : 'main', name: path.at(-1) ?? '' };
  },
  unsupported(type) {
    if (/^(grant|revoke)_/.test(type)) {
      return said('diag.bigquery.iam');
    }
    if (/row_access_policy/.test(type)) return said('diag.bigquery.rowAccessPolicy');
    return undefined;
  },
};

export const bigqueryReader: SourceReader = {
  name: 'bigquery',
  accepts(path, _text, ctx) {
    return ctx.dialect === 'bigquery' && /\.(sql|ddl)$/i.test(path);
  },
  read(source) {
    return readCstScript(source, bigquery);
  },
};
