/**
 * The MariaDB differential harness: generated MySQL-family schemas (tables, DEFINER / INVOKER
 * views over tables and views, definer / invoker procedures and functions, users, roles granted
 * to users and roles, a role as DEFINER, table / column / `db.*` SELECT and EXECUTE grants,
 * REVOKEs, PUBLIC) are loaded into a real MariaDB and read by spif's real reader, catalog builder
 * and access resolver; for every (account, relation, column) spif's verdict must equal whether
 * MariaDB lets the account read it, after `SET ROLE` to any role granted to it.
 */
import { buildCatalog } from '../../src/catalog/build.js';
import { createAccessResolver } from '../../src/access/resolver.js';
import { mysqlReader } from '../../src/sources/mysql/reader.js';
import type { ReadResult } from '../../src/sources/types.js';
import type { Catalog } from '../../src/catalog/model.js';
import type { MariaDb, Probe } from './server.js';
import { nth } from '../../src/indexed.js';
import { asRelationId } from '../../src/catalog/model.js';

/** A small deterministic PRNG (mulberry32): the same seed gives the same case everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ReadTarget {
  /** The relation as spif names it (`default.db.name`, a routine `default.db.name()`). */
  relation: string;
  column: string;
  /** What MariaDB runs to read it. */
  sql: string;
}

export interface MariaCase {
  name: string;
  /** The script: root loads it, spif reads it. */
  sql: string;
  /** Accounts probed (user names without host; every one is `name@%`). */
  accounts: string[];
  /** account → roles granted to it directly (each is tried with SET ROLE). */
  roles: Map<string, string[]>;
  targets: ReadTarget[];
}

const COLUMNS = ['id', 'kojin_bango', 'shimei'];

export function generateCase(seed: number, index: number): MariaCase {
  const rnd = prng(seed * 100_003 + index);
  const pick = <T>(xs: readonly T[]): T => nth(xs, Math.floor(rnd() * xs.length));
  const chance = (p: number) => rnd() < p;
  const p = `c${seed}_${index}_`;
  const db = `${p}db`;
  const users = [0, 1, 2].map((i) => `${p}u${i}`);
  const definers = [0, 1].map((i) => `${p}d${i}`);
  const roles = [0, 1, 2].map((i) => `${p}r${i}`);
  const lines: string[] = [`CREATE DATABASE \`${db}\`;`, `USE \`${db}\`;`];
  const targets: ReadTarget[] = [];
  const relations: { name: string; columns: string[] }[] = [];
  for (const t of ['t0', 't1']) {
    lines.push(`CREATE TABLE ${t} (id INT PRIMARY KEY, kojin_bango CHAR(12), shimei VARCHAR(20)) ENGINE=MyISAM;`);
    lines.push(`INSERT INTO ${t} VALUES (1, '123456789012', 'x');`);
    relations.push({ name: t, columns: COLUMNS });
  }
  for (const a of [...users, ...definers]) lines.push(`CREATE USER '${a}'@'%';`);
  for (const r of roles) lines.push(`CREATE ROLE ${r};`);
  const granted = new Map<string, string[]>();
  for (const a of [...users, ...definers]) {
    const mine = roles.filter(() => chance(0.35));
    // MariaDB grants one role per statement (`GRANT role TO grantee`).
    for (const r of mine) lines.push(`GRANT ${r} TO '${a}'@'%';`);
    granted.set(a, mine);
  }
  // Roles granted to roles (acyclic: a higher role to a lower one).
  for (let i = 1; i < roles.length; i++) if (chance(0.3)) lines.push(`GRANT ${roles[i]} TO ${roles[i - 1]};`);
  for (const a of definers) {
    const mine = granted.get(a)!;
    if (mine.length && chance(0.5)) lines.push(`SET DEFAULT ROLE ${mine[0]} FOR '${a}'@'%';`);
  }
  const grantees = [...users.map(acc), ...definers.map(acc), ...roles, 'PUBLIC'];
  const grantee = () => (chance(0.08) ? 'PUBLIC' : pick(grantees.slice(0, -1)));

  // Views over tables and earlier views.
  const viewCount = 1 + Math.floor(rnd() * 3);
  for (let v = 0; v < viewCount; v++) {
    const base = pick(relations);
    const cols = base.columns.filter(() => chance(0.6));
    if (cols.length === 0) cols.push(pick(base.columns));
    const filter = chance(0.3) ? pick(base.columns) : undefined;
    const invoker = chance(0.5);
    const definer = chance(0.15) ? `root@localhost` : chance(0.12) ? pick(roles) : acc(pick(definers));
    const name = `v${v}`;
    lines.push(
      `CREATE DEFINER=${definer} SQL SECURITY ${invoker ? 'INVOKER' : 'DEFINER'} VIEW ${name} AS SELECT ${cols.join(', ')} FROM ${base.name}${filter ? ` WHERE ${filter} IS NOT NULL` : ''};`,
    );
    relations.push({ name, columns: cols });
  }
  // Routines reading one column of a relation.
  const routines: { name: string; kind: 'PROCEDURE' | 'FUNCTION'; output: string }[] = [];
  const routineCount = Math.floor(rnd() * 3);
  for (let k = 0; k < routineCount; k++) {
    const base = pick(relations);
    const col = pick(base.columns);
    const kind = chance(0.5) ? 'PROCEDURE' : 'FUNCTION';
    const security = chance(0.5) ? 'INVOKER' : 'DEFINER';
    const definer = chance(0.15) ? `root@localhost` : acc(pick(definers));
    const name = `${kind === 'PROCEDURE' ? 'p' : 'f'}${k}`;
    const where = base.columns.includes('id') ? ' WHERE id = a' : '';
    lines.push('DELIMITER //');
    if (kind === 'PROCEDURE')
      lines.push(
        `CREATE DEFINER=${definer} PROCEDURE ${name}(IN a INT) SQL SECURITY ${security} BEGIN SELECT ${col} FROM ${base.name}${where}; END//`,
      );
    else
      lines.push(
        `CREATE DEFINER=${definer} FUNCTION ${name}(a INT) RETURNS VARCHAR(20) READS SQL DATA SQL SECURITY ${security} RETURN (SELECT ${col} FROM ${base.name}${where} LIMIT 1)//`,
      );
    lines.push('DELIMITER ;');
    routines.push({ name, kind, output: kind === 'PROCEDURE' ? col : name });
  }
  // Grants (and a few revokes) on everything.
  const grantCount = 4 + Math.floor(rnd() * 8);
  for (let g = 0; g < grantCount; g++) {
    const roll = rnd();
    const to = grantee();
    if (roll < 0.45) {
      const rel = pick(relations);
      lines.push(`GRANT SELECT ON \`${db}\`.${rel.name} TO ${to};`);
    } else if (roll < 0.75) {
      const rel = pick(relations);
      const cols = rel.columns.filter(() => chance(0.5));
      if (cols.length) lines.push(`GRANT SELECT (${cols.join(', ')}) ON \`${db}\`.${rel.name} TO ${to};`);
    } else if (roll < 0.8) {
      lines.push(`GRANT SELECT ON \`${db}\`.* TO ${to};`);
    } else if (roll < 0.92 && routines.length) {
      const r = pick(routines);
      lines.push(`GRANT EXECUTE ON ${r.kind} \`${db}\`.${r.name} TO ${to};`);
    } else {
      lines.push(`GRANT EXECUTE ON \`${db}\`.* TO ${to};`);
    }
  }
  if (chance(0.3)) {
    const rel = pick(relations);
    lines.push(`REVOKE SELECT ON \`${db}\`.${rel.name} FROM ${pick(grantees.slice(0, -1))};`);
  }

  for (const rel of relations)
    for (const c of rel.columns)
      targets.push({
        relation: `default.${db}.${rel.name}`,
        column: c,
        sql: `SELECT COUNT(${c}) INTO @x FROM \`${db}\`.${rel.name}`,
      });
  for (const r of routines)
    targets.push({
      relation: `default.${db}.${r.name}()`,
      column: r.output,
      sql: r.kind === 'PROCEDURE' ? `CALL \`${db}\`.${r.name}(1)` : `SELECT \`${db}\`.${r.name}(1) INTO @x`,
    });
  return {
    name: `seed ${seed} case ${index}`,
    sql: lines.join('\n') + '\n',
    accounts: [...users, ...definers],
    roles: granted,
    targets,
  };
}

function acc(user: string): string {
  return `'${user}'@'%'`;
}

export interface Disagreement {
  account: string;
  relation: string;
  column: string;
  mariadb: boolean;
  spif: boolean;
  detail?: string;
}

export interface CaseReport {
  comparisons: number;
  disagreements: Disagreement[];
  /** Error diagnostics spif gave on the script (each one is a failure too). */
  errors: string[];
  readable: number;
  /** spif reads where MariaDB refuses for its database-access quirk (see runCase). */
  tolerated: number;
}

/** Loads the case into MariaDB, asks every probe as every account (and role), and compares with spif. */
export async function runCase(server: MariaDb, c: MariaCase): Promise<CaseReport> {
  // Statements MariaDB refuses (a column grant on a view its definer cannot read…) are left out
  // of what spif reads, as the PostgreSQL oracle keeps only the units PostgreSQL accepted.
  const refused = await server.execForce(c.sql);
  const accepted = c.sql
    .split('\n')
    .map((line, i) => (refused.has(i + 1) ? '' : line))
    .join('\n');
  const spif = spifSide(accepted);
  const report: CaseReport = { comparisons: 0, disagreements: [], errors: spif.errors, readable: 0, tolerated: 0 };
  const probes: Probe[] = c.targets.map((t, i) => ({ id: `probe-${i}`, sql: t.sql }));
  for (const account of c.accounts) {
    const reads = new Array<boolean>(probes.length).fill(false);
    const errors = probes.map(() => new Set<number>());
    for (const role of [undefined, ...(c.roles.get(account) ?? [])]) {
      const out = await server.probe(account, probes, role);
      probes.forEach((p, i) => {
        const code = out.get(p.id);
        if (code === 0) reads[i] = true;
        else nth(errors, i).add(code ?? -1);
      });
    }
    c.targets.forEach((t, i) => {
      // A view or routine over a relation MariaDB refused to create fails there at run time; spif
      // reports an undefined relation and assumes the read (it may be defined elsewhere): not compared.
      if (readsMissing(spif.catalog, t.relation)) return;
      const v = spif.resolver.canSelect(`${account}@%`, asRelationId(t.relation), t.column);
      report.comparisons++;
      if (reads[i]) report.readable++;
      // MariaDB 10.11 refuses a routine call (1044 "access denied … to database") to a session that
      // holds no privilege of its own in the routine's database, even when PUBLIC may EXECUTE it.
      // spif counts PUBLIC's EXECUTE: it over-states reading there (docs/access-control.md).
      if (v.allowed && !reads[i] && nth(errors, i).size === 1 && nth(errors, i).has(1044)) {
        report.tolerated++;
        return;
      }
      if (v.allowed !== reads[i])
        report.disagreements.push({
          account,
          relation: t.relation,
          column: t.column,
          mariadb: nth(reads, i),
          spif: v.allowed,
          ...(v.allowed ? {} : { detail: v.detail }),
        });
    });
  }
  return report;
}

function readsMissing(catalog: Catalog, id: string, seen = new Set<string>()): boolean {
  const rel = catalog.relations.get(asRelationId(id));
  if (!rel) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  return (rel.view?.reads ?? []).some((q) => readsMissing(catalog, `${q.database}.${q.schema}.${q.name}`, seen));
}

export function spifSide(sql: string) {
  const read = mysqlReader.read({ path: 'case.sql', text: sql }, { dialect: 'mariadb' }) as ReadResult;
  const built = buildCatalog([{ database: 'default', dialect: 'mariadb', ops: read.ops }]);
  const errors = [...read.diagnostics, ...built.diagnostics]
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`);
  return { catalog: built.catalog, resolver: createAccessResolver(built.catalog), errors };
}

export function formatDisagreement(d: Disagreement): string {
  return `${d.account} ${d.relation}.${d.column}: MariaDB ${d.mariadb ? 'reads' : 'refuses'}, spif ${d.spif ? 'reads' : `refuses (${d.detail})`}`;
}
