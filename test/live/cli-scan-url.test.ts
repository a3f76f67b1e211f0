/** `spif scan postgres://…` and `spif snapshot` through the real bin, against a PGlite server. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/report/model.js';
import { closeTemplate, startPgliteServer, type TestServer } from './pglite-server.js';
import { BIN as bin } from '../helpers/bin.js';

const run = promisify(execFile);
const DDL = `
CREATE TABLE bango_kanri (atena_no varchar(15) PRIMARY KEY, kojin_bango char(12));
CREATE TABLE jukyusha (hihokensha_no varchar(8) PRIMARY KEY, atena_no varchar(15) REFERENCES bango_kanri (atena_no));
CREATE ROLE app_kyufu LOGIN;
GRANT SELECT ON jukyusha TO app_kyufu;
GRANT SELECT (atena_no) ON bango_kanri TO app_kyufu;
`;

let server: TestServer;
beforeAll(async () => {
  server = await startPgliteServer(DDL);
});
afterAll(async () => {
  await server?.stop();
  await closeTemplate();
});

describe('live URLs on the command line', () => {
  it('scans a live server as the database "default" and classifies it like the DDL', async () => {
    const live = await run(process.execPath, [bin, 'scan', server.url, '--format', 'json']);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-live-'));
    fs.writeFileSync(path.join(dir, 'schema.sql'), DDL);
    const ddl = await run(process.execPath, [bin, 'scan', dir, '--format', 'json']);
    const strip = (text: string) =>
      reportSchema.parse(JSON.parse(text)).relations.map(({ source: _s, numberColumns, ...r }) => ({
        ...r,
        numberColumns: numberColumns.map(({ source: _x, ...n }) => n),
        columns: r.columns?.map((c) => c.name),
      }));
    const liveRelations = strip(live.stdout);
    expect(liveRelations.map((r) => [r.id, r.basis])).toEqual([
      ['default.public.bango_kanri', 'holds-number'],
      ['default.public.jukyusha', 'access-controlled'],
    ]);
    expect(liveRelations).toEqual(strip(ddl.stdout));
  });

  it('writes a snapshot that scans offline to the same classification', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-snap-'));
    const out = path.join(dir, 'schema.sql');
    await run(process.execPath, [bin, 'snapshot', server.url, '--out', out]);
    expect(fs.readFileSync(out, 'utf8')).toContain('GRANT SELECT (atena_no)');
    const offline = await run(process.execPath, [bin, 'scan', out, '--format', 'json']);
    const report = reportSchema.parse(JSON.parse(offline.stdout));
    expect(report.relations.map((r) => [r.id, r.basis])).toEqual([
      ['default.public.bango_kanri', 'holds-number'],
      ['default.public.jukyusha', 'access-controlled'],
    ]);
  });

  it('exits 2 with a clear message, and no password, when the server cannot be reached', async () => {
    const err = await run(process.execPath, [bin, 'scan', 'postgres://app:s3cret@127.0.0.1:1/db']).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('cannot reach the PostgreSQL server at 127.0.0.1:1');
    expect(err.stderr).not.toContain('s3cret');
  });
});
