/**
 * Generated cases: small random schemas with roles, memberships, grants, revokes, owners, row
 * security, policies, renames and drops (the access-control oracle's generator, fixed seed).
 * PostgreSQL runs each statement group; the groups it accepts are the case's DDL. The catalog
 * built from that DDL must equal the catalog built from a live read of the database it left, and
 * the snapshot of that database read back must equal both.
 *
 * SPIF_LIVE_CASES raises the number of cases (default 20, about a minute).
 */
import type { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, test } from 'vitest';
import { readLivePostgres } from '../../src/sources/live-postgres/index.js';
import { snapshotLive } from '../../src/snapshot/live.js';
import { generateCase, type Unit } from '../oracle/generator.js';
import { DATABASE, catalogOf, comparable, ddlCatalog, ddlOps } from './equality.js';
import { closeTemplate, freshPglite, serve } from './pglite-server.js';
import { nth } from '../../src/indexed.js';

const SEED = 20_250_808;
const CASES = Number(process.env.SPIF_LIVE_CASES ?? 20);

/** Runs each unit atomically (a savepoint), keeping the ones PostgreSQL accepts. */
async function applyUnits(db: PGlite, units: Unit[]): Promise<Unit[]> {
  const accepted: Unit[] = [];
  await db.exec('BEGIN');
  for (const unit of units) {
    await db.exec('SAVEPOINT unit');
    try {
      await db.exec(unit.map((s) => `${s};`).join('\n'));
      await db.exec('RELEASE SAVEPOINT unit');
      accepted.push(unit);
    } catch {
      await db.exec('ROLLBACK TO SAVEPOINT unit');
      await db.exec('RELEASE SAVEPOINT unit');
      // A failed unit may have left SET ROLE in force inside it; the rollback undid that too.
    }
  }
  await db.exec('COMMIT');
  return accepted;
}

afterAll(closeTemplate);

/** What the live reads held across the cases: functions, triggers, partitions and inheritance included. */
const seen = new Map<string, number>();

describe(`generated cases (seed ${SEED})`, () => {
  for (let i = 0; i < CASES; i++) {
    test(`case ${i}`, async () => {
      const generated = generateCase(SEED, i);
      const db = await freshPglite();
      const accepted = await applyUnits(db, generated.units);
      const sql = accepted.map((u) => u.map((s) => `${s};`).join('\n')).join('\n');
      // What the server holds, to check that the live read saw all of it.
      const held = nth(
        (
          await db.query<{ relations: number; roles: number }>(`select
          (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'p', 'v') and (n.nspname = 'public' or n.nspname ~ '^s[0-9]')) as relations,
          (select count(*)::int from pg_roles where rolname ~ '^r[0-9]') as roles`)
        ).rows,
        0,
      );
      const server = await serve(db);
      let liveOps;
      let snapshot: string;
      try {
        liveOps = (await readLivePostgres(server.url, { database: DATABASE })).ops;
        ({ sql: snapshot } = await snapshotLive(server.url, { database: DATABASE }));
      } finally {
        await server.stop();
      }
      for (const o of liveOps) {
        const what =
          o.op === 'attach-child'
            ? `attach-child ${o.kind}`
            : o.op === 'grant' || o.op === 'revoke'
              ? `${o.op} ${o.target.kind}`
              : o.op;
        seen.set(what, (seen.get(what) ?? 0) + 1);
      }
      const live = comparable(catalogOf(liveOps));
      expect(liveOps.filter((o) => o.op === 'create-table' || o.op === 'create-view')).toHaveLength(held.relations);
      expect(liveOps.filter((o) => o.op === 'create-role')).toHaveLength(held.roles);
      expect(held.roles).toBeGreaterThan(0);
      expect(live, `DDL:\n${sql}`).toEqual(comparable(await ddlCatalog(sql)));
      expect(comparable(catalogOf(await ddlOps(snapshot))), `snapshot:\n${snapshot}`).toEqual(live);
    });
  }

  // The cases run in order: by now the comparison above has met every kind of object the
  // generator makes, read from the server (this fails if the generator or the reader loses one).
  test.runIf(CASES >= 20)('read functions, EXECUTE privileges, partitions and inheritance from the server', () => {
    for (const what of [
      'create-function',
      'attach-child partition',
      'attach-child inherits',
      'grant routines',
      'revoke routines',
    ])
      expect(seen.get(what) ?? 0, what).toBeGreaterThan(0);
    expect(
      [...seen.keys()].some((k) => k === 'alter-function'),
      'an owner or security change of a function',
    ).toBe(true);
  });
});
