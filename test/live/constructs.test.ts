/**
 * One construct at a time (cases.ts): each schema is loaded into a real PostgreSQL (PGlite over a
 * socket) and read back live.
 * - The catalog built from the live ops equals the catalog built from the DDL itself.
 * - `spif snapshot` round trip: the script written from the live read, read back by spif's
 *   PostgreSQL reader, builds the same catalog; loaded into a fresh PostgreSQL and read live
 *   again, it builds it once more (the script is real, loadable DDL).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { readLivePostgres } from '../../src/sources/live-postgres/index.js';
import { snapshotLive } from '../../src/snapshot/live.js';
import { CASES } from './cases.js';
import { DATABASE, catalogOf, comparable, ddlCatalog, ddlOps, liveCatalog } from './equality.js';
import { closeTemplate, startPgliteServer } from './pglite-server.js';

afterAll(closeTemplate);

describe('live PostgreSQL read equals DDL read, and its snapshot rebuilds it', () => {
  for (const c of CASES) {
    test(c.name, async () => {
      const server = await startPgliteServer(c.sql);
      let live: ReturnType<typeof catalogOf>;
      let snapshot: string;
      try {
        live = catalogOf((await readLivePostgres(server.url, { database: DATABASE })).ops);
        ({ sql: snapshot } = await snapshotLive(server.url, { database: DATABASE }));
      } finally {
        await server.stop();
      }
      c.check(live);
      expect(comparable(live)).toEqual(comparable(await ddlCatalog(c.sql)));

      expect(comparable(catalogOf(await ddlOps(snapshot)))).toEqual(comparable(live));
      const again = await startPgliteServer(snapshot);
      try {
        const reread = await liveCatalog(again.url);
        c.check(reread);
        expect(comparable(reread)).toEqual(comparable(live));
      } finally {
        await again.stop();
      }
    });
  }
});
