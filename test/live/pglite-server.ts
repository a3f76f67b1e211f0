/**
 * A real PostgreSQL (PGlite: PostgreSQL 18 compiled to WASM) behind a real socket, on 127.0.0.1
 * and a free port, so the live reader is tested over the wire with the `pg` client exactly as it
 * talks to a production server. One PGlite instance is one database.
 *
 * Creating a PGlite instance takes seconds; cloning a fresh one takes a fraction of that, so
 * tests make one template per file and clone it per case.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface TestServer {
  db: PGlite;
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  port: number;
  stop(): Promise<void>;
}

let template: Promise<PGlite> | undefined;

/** A fresh, empty PostgreSQL (a clone of this process's template instance). */
export async function freshPglite(): Promise<PGlite> {
  template ??= PGlite.create();
  // clone() is typed as the interface; it returns a full PGlite instance.
  return (await (await template).clone()) as PGlite;
}

/** Serves a fresh database loaded with `ddl` (statements run as the superuser `postgres`). */
export async function startPgliteServer(ddl?: string): Promise<TestServer> {
  const db = await freshPglite();
  if (ddl) await db.exec(ddl);
  return serve(db);
}

export async function serve(db: PGlite): Promise<TestServer> {
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  return {
    db,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Closes the template (call from afterAll). */
export async function closeTemplate(): Promise<void> {
  const t = template;
  template = undefined;
  if (t) await (await t).close();
}
