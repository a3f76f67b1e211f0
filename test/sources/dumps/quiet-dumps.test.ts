/**
 * Standard dump output is quiet (issue 12.4): pg_dump (a Rails db/structure.sql, and
 * `pg_dump --clean --if-exists` with owners and grants) and mysqldump files, scanned with the real
 * bin, print no warning; what their statements do that matters (DROP CONSTRAINT, DROP SCHEMA,
 * set_config of search_path) is modelled; a statement kind that is neither modelled nor listed
 * with its reason still warns; docs/parsers.md lists exactly the kinds passed over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBinSync } from '../../helpers/bin.js';
import { buildCatalog } from '../../../src/catalog/build.js';
import { loadPostgresParser, readPostgresSql } from '../../../src/sources/postgresql/reader.js';
import { MYSQL_KINDS_BEGIN, MYSQL_KINDS_END, renderMysqlKindsMarkdown } from '../../../src/sources/mysql/classify.js';
import {
  IRRELEVANT_STATEMENTS,
  STATEMENT_KINDS_BEGIN,
  STATEMENT_KINDS_END,
  renderStatementKindsMarkdown,
} from '../../../src/sources/postgresql/statement-kinds.js';
import { nth } from '../../../src/indexed.js';
import { asRelationId } from '../../../src/catalog/model.js';

const repo = path.resolve(__dirname, '../../..');
const dumps = path.join(repo, 'fixtures/dumps');

interface Json {
  relations: { id: string; classification: string; kind?: string; columns?: { name: string }[] }[];
  diagnostics: { severity: string; code: string; file: string; line: number; message: string }[];
  summary: Record<string, unknown>;
}

function scanJson(args: string[], cwd = repo): { code: number | null; json: Json; stderr: string } {
  const r = runBinSync(['scan', ...args, '--format', 'json'], cwd, { LANG: 'C', NO_COLOR: '1' });
  return { code: r.status, json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

const noisy = (j: Json) => j.diagnostics.filter((d) => d.severity !== 'info');
const verdict = (j: Json, id: string) => j.relations.find((r) => r.id === id)?.classification;

describe('pg_dump output through the real bin', () => {
  it('a Rails db/structure.sql (extensions, types, domains, aggregates, sequences, partitions, ATTACH PARTITION) prints no warning', () => {
    // From the app's own folder, as a user runs it.
    const { code, json } = scanJson(['db/structure.sql', '--dialect', 'postgresql'], path.join(dumps, 'rails-app'));
    expect(code).toBe(0);
    expect(noisy(json)).toEqual([]);
    expect(verdict(json, 'default.public.jumin')).toBe('specific');
    // The partition and its parent reach the number through the Rails foreign key.
    expect(verdict(json, 'default.public.shinsei')).toBe('specific');
    expect(verdict(json, 'default.public.shinsei_2024')).toBe('specific');
    expect(verdict(json, 'default.public.schema_migrations')).toBe('not-specific');
    expect(json.summary).toMatchObject({ files: 1 });
  });

  it('pg_dump --clean --if-exists with owners and grants prints no warning, and its grants still decide', () => {
    const { json } = scanJson(['fixtures/dumps/pg-clean', '--dialect', 'postgresql']);
    expect(noisy(json)).toEqual([]);
    expect(verdict(json, 'default.kyufu.atena')).toBe('specific');
    // kyufu_madoguchi reads shikyu but not atena: the link is blocked at atena.
    expect(verdict(json, 'default.kyufu.shikyu')).toBe('not-specific');
  });

  it('a statement kind neither modelled nor listed still warns, with its location', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-quiet-'));
    fs.writeFileSync(
      path.join(dir, 'extra.sql'),
      [
        'CREATE TABLE public.t (id int PRIMARY KEY, kojin_bango char(12));',
        'CREATE TABLE public.log (id int, v char(12));',
        'CREATE RULE t_copy AS ON INSERT TO public.t DO ALSO INSERT INTO public.log VALUES (NEW.id, NEW.kojin_bango);',
        'ALTER LARGE OBJECT 16401 OWNER TO app;',
        'DROP TYPE IF EXISTS public.kubun CASCADE;',
        // UPDATE … SET (a, b) = (SELECT …) is followed as a copy now (test/paths/update-copies); REASSIGN OWNED is not applied.
        'REASSIGN OWNED BY app TO postgres;',
        // GRANT USAGE ON FOREIGN SERVER is read now (dblink through a server: test/paths/dblink-connections.test.ts).
        'ALTER LARGE OBJECT 16402 OWNER TO app;',
      ].join('\n'),
    );
    const { json } = scanJson(['extra.sql', '--dialect', 'postgresql'], dir);
    expect(noisy(json).map((d) => [d.code, d.line])).toEqual([
      ['SPIF-SQL-UNSUPPORTED', 3],
      ['SPIF-SQL-UNSUPPORTED', 4],
      ['SPIF-SQL-UNSUPPORTED', 5],
      ['SPIF-SQL-UNSUPPORTED', 6],
      ['SPIF-SQL-UNSUPPORTED', 7],
    ]);
    expect(nth(noisy(json), 0).message).toMatch(/CREATE RULE t_copy ON public\.t: rules are not modelled/);
    expect(nth(noisy(json), 1).message).toMatch(/OWNER TO of a largeobject is not read/);
  });
});

describe('mysqldump output through the real bin', () => {
  it('a mysqldump 8.0 file prints no warning; with its teardown script, the one error says everything was dropped', () => {
    const dump = scanJson(['fixtures/dumps/mysqldump/kokuho.sql', '--dialect', 'mysql']);
    expect(noisy(dump.json)).toEqual([]);
    expect(verdict(dump.json, 'default.kokuho.kyufu_rireki')).toBe('specific');
    const both = scanJson(['fixtures/dumps/mysqldump', '--dialect', 'mysql']);
    // Dropping keys by name is quiet; leaving nothing is not (a gate must not pass on 0 relations).
    expect(noisy(both.json).map((d) => [d.severity, d.code])).toEqual([['error', 'SPIF-SOURCE-ALL-DROPPED']]);
    // The teardown drops every table and view the dump created (routines are the MySQL routine reader's).
    expect(both.json.relations.filter((r) => !('kind' in r) || r.kind !== 'function')).toEqual([]);
  });
});

describe('what the dump statements do is modelled', () => {
  beforeAll(loadPostgresParser);
  const build = (sql: string) => {
    const read = readPostgresSql({ path: 'x.sql', text: sql });
    expect(read.diagnostics).toEqual([]);
    return buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
  };

  it('DROP CONSTRAINT drops the key or foreign key of that name, written or by default; other names are CHECKs', () => {
    const { catalog, diagnostics } = build(`
CREATE TABLE a (id int PRIMARY KEY, code text UNIQUE, kojin_bango char(12));
CREATE TABLE b (id int, a_id int REFERENCES a (id), a_code text, CONSTRAINT b_code_link FOREIGN KEY (a_code) REFERENCES a (code), CONSTRAINT b_pk PRIMARY KEY (id), CHECK (id > 0));
ALTER TABLE b DROP CONSTRAINT b_a_id_fkey;
ALTER TABLE b RENAME CONSTRAINT b_code_link TO b_code_fk;
ALTER TABLE b DROP CONSTRAINT b_code_fk;
ALTER TABLE b DROP CONSTRAINT b_pk;
ALTER TABLE b DROP CONSTRAINT b_id_check;
ALTER TABLE a DROP CONSTRAINT a_code_key;
ALTER TABLE IF EXISTS ONLY not_yet DROP CONSTRAINT IF EXISTS not_yet_pkey;
`);
    expect(diagnostics).toEqual([]);
    const b = catalog.relations.get(asRelationId('default.public.b'))!;
    expect(b.foreignKeys).toEqual([]);
    expect(b.primaryKey).toBeUndefined();
    const a = catalog.relations.get(asRelationId('default.public.a'))!;
    expect(a.primaryKey).toEqual(['id']);
    expect(a.uniqueKeys).toEqual([]);
  });

  it('a trigger running a pg_catalog trigger function (pagila’s tsvector_update_trigger) is quiet', () => {
    const { diagnostics } = build(`CREATE TABLE film (film_id int PRIMARY KEY, title text, fulltext tsvector);
CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR UPDATE ON film FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(fulltext, 'pg_catalog.english', title);
CREATE TRIGGER film_same BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION pg_catalog.suppress_redundant_updates_trigger();`);
    expect(diagnostics).toEqual([]);
    // A trigger function no source defines and PostgreSQL does not ship is still reported.
    expect(
      build(
        'CREATE TABLE t (a int);\nCREATE TRIGGER x BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION nai();',
      ).diagnostics.map((d) => d.code),
    ).toEqual(['SPIF-SQL-UNKNOWN-RELATION']);
  });

  it('DROP CONSTRAINT on a table never defined, without IF EXISTS, is a located warning', () => {
    const { diagnostics } = build('ALTER TABLE ONLY nowhere DROP CONSTRAINT nowhere_pkey;');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-SQL-UNKNOWN-RELATION', 1]]);
  });

  it('DROP SCHEMA … CASCADE drops what the schema holds; without CASCADE PostgreSQL rejects it', () => {
    const kept = build('CREATE SCHEMA s; CREATE TABLE s.t (kojin_bango char(12));\nDROP SCHEMA s;');
    expect([...kept.catalog.relations.keys()]).toEqual(['default.s.t']);
    expect(kept.diagnostics.map((d) => [d.code, d.line])).toEqual([['SPIF-SQL-REJECTED', 2]]);
    const gone = build('CREATE SCHEMA s; CREATE TABLE s.t (kojin_bango char(12));\nDROP SCHEMA s CASCADE;');
    expect([...gone.catalog.relations.keys()]).toEqual([]);
    expect(gone.diagnostics).toEqual([]);
  });

  it("set_config('search_path', …) sets the schema of unqualified names; pg_dump's empty path does not", () => {
    const { catalog } = build(
      "SELECT pg_catalog.set_config('search_path', '', false);\nCREATE SCHEMA app;\nSELECT set_config('search_path', 'app, public', false);\nCREATE TABLE t (x int);",
    );
    expect([...catalog.relations.keys()]).toEqual(['default.app.t']);
  });

  it('ALTER TABLE <sequence> OWNER TO is quiet for CREATE SEQUENCE and serial sequences, a warning for an unknown name', () => {
    const { diagnostics } = build(
      'CREATE SEQUENCE s1;\nCREATE TABLE t (id serial);\nALTER TABLE s1 OWNER TO app;\nALTER TABLE t_id_seq OWNER TO app;',
    );
    expect(diagnostics).toEqual([]);
    const read = readPostgresSql({ path: 'x.sql', text: 'ALTER TABLE nothing_seq OWNER TO app;' });
    const built = buildCatalog([{ database: 'default', dialect: 'postgresql', ops: read.ops }]);
    expect(built.diagnostics.map((d) => d.code)).toEqual(['SPIF-SQL-UNKNOWN-RELATION']);
  });
});

describe('docs/parsers.md lists exactly what the readers pass over', () => {
  const docs = fs.readFileSync(path.join(repo, 'docs/parsers.md'), 'utf8');
  const between = (begin: string, end: string) => {
    const from = docs.indexOf(begin);
    expect(from, `${begin} missing from docs/parsers.md (run npm run docs:parsers)`).toBeGreaterThanOrEqual(0);
    return docs.slice(from, docs.indexOf(end, from) + end.length);
  };

  it('PostgreSQL: the generated tables, verbatim', () => {
    expect(between(STATEMENT_KINDS_BEGIN, STATEMENT_KINDS_END)).toBe(renderStatementKindsMarkdown());
  });

  it('MySQL: the generated tables, verbatim', () => {
    expect(between(MYSQL_KINDS_BEGIN, MYSQL_KINDS_END)).toBe(renderMysqlKindsMarkdown());
  });

  it('every PostgreSQL statement kind passed over is a real libpg-query node type', () => {
    const types = fs.readFileSync(path.join(repo, 'node_modules/@pgsql/types/types.d.ts'), 'utf8');
    for (const kind of Object.keys(IRRELEVANT_STATEMENTS)) expect(types, kind).toContain(`export interface ${kind} {`);
  });
});
