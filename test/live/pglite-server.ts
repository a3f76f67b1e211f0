/**
 * A real PostgreSQL (PGlite: PostgreSQL 18 compiled to WASM) behind a real socket, on 127.0.0.1
 * and a free port, so the live reader is tested over the wire with the `pg` client exactly as it
 * talks to a production server. One PGlite instance is one database.
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

export async function startPgliteServer(ddl?: string): Promise<TestServer> {
  const db = await PGlite.create();
  if (ddl) await db.exec(ddl);
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
