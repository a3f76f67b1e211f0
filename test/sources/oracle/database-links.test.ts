/**
 * Oracle database links as cross-database paths (src/catalog/cross-database.ts; access in
 * src/access/resolver.ts checkLinks and src/access/products/oracle.ts), on small scripts of two
 * databases built through the real reader and builder. Each expectation cites the Oracle page its
 * rule comes from:
 * - SQL Language Reference 19c, "CREATE DATABASE LINK" (PUBLIC / private, CONNECT TO user,
 *   CONNECT TO CURRENT_USER, USING): https://docs.oracle.com/en/database/oracle/oracle-database/19/sqlrf/CREATE-DATABASE-LINK.html
 * - Administrator's Guide 19c, "Users of Database Links" (fixed, connected and current user):
 *   https://docs.oracle.com/en/database/oracle/oracle-database/19/admin/managing-a-distributed-database.html
 * The rule fixture fixtures/rules/oracle-database-link checks the same through the CLI's scan.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../../src/catalog/build.js';
import { matchLink, parseConnectString } from '../../../src/catalog/cross-database.js';
import { createAccessResolver } from '../../../src/access/resolver.js';
import { oracleReader } from '../../../src/sources/oracle/reader.js';
import { productAssumptions } from '../../../src/access/products/index.js';
import { asRelationId } from '../../../src/catalog/model.js';

const REMOTE = `
CREATE USER BANGO IDENTIFIED BY x;
CREATE USER BANGO_READER IDENTIFIED BY x;
CREATE USER MADO IDENTIFIED BY x;
CREATE TABLE BANGO.KOJIN (ATENA_NO VARCHAR2(15) PRIMARY KEY, KOJIN_BANGO CHAR(12));
GRANT SELECT ON BANGO.KOJIN TO BANGO_READER;
`;

async function build(local: string, aliases: string[] = ['BANGODB']) {
  const read = async (text: string) => (await oracleReader.read({ path: 'x.sql', text }, { dialect: 'oracle' })).ops;
  return buildCatalog(
    [
      { database: 'madoguchi', dialect: 'oracle', ops: await read(local) },
      { database: 'bango', dialect: 'oracle', ops: await read(REMOTE) },
    ],
    { remotes: [{ name: 'madoguchi' }, { name: 'bango', aliases }] },
  );
}

const VIEW = `CREATE USER APP IDENTIFIED BY x;
CREATE USER BANGO_READER IDENTIFIED BY x;
CONNECT MADO/x
CREATE VIEW MADO.V AS SELECT K.ATENA_NO, K.KOJIN_BANGO FROM BANGO.KOJIN@L K;
GRANT SELECT ON MADO.V TO APP;
`;

describe('Oracle database links', () => {
  it('reads the three kinds of link, and never keeps the password', async () => {
    const r = await oracleReader.read(
      {
        path: 'x.sql',
        text: `CREATE PUBLIC DATABASE LINK A CONNECT TO U1 IDENTIFIED BY "secret" USING 'BANGODB';
CONNECT MADO/x
CREATE DATABASE LINK B CONNECT TO CURRENT_USER USING 'h:1521/S';
CREATE SHARED DATABASE LINK C AUTHENTICATED BY U2 IDENTIFIED BY y;
DROP PUBLIC DATABASE LINK A;
`,
      },
      { dialect: 'oracle' },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.ops.filter((o) => o.op === 'database-link').map(({ at: _at, ...o }) => o)).toEqual([
      {
        op: 'database-link',
        action: 'create',
        name: 'A',
        public: true,
        connect: 'fixed',
        user: 'U1',
        using: 'BANGODB',
      },
      {
        op: 'database-link',
        action: 'create',
        name: 'B',
        public: false,
        connect: 'current-user',
        using: 'h:1521/S',
        owner: 'MADO',
      },
      { op: 'database-link', action: 'create', name: 'C', public: false, connect: 'connected-user', owner: 'MADO' },
      { op: 'database-link', action: 'drop', name: 'A', public: true, connect: 'connected-user' },
    ]);
    expect(JSON.stringify(r.ops)).not.toContain('secret');
  });

  it('matches a connect string to a configured database: aliases, Easy Connect, descriptor, the link name', () => {
    const remotes = [
      { name: 'bango', aliases: ['BANGODB'] },
      { name: 'kyufu', dbname: 'KYUFUSVC', host: 'db2.example', port: '1521' },
      { name: 'jumin' },
    ];
    expect(matchLink({ name: 'X', using: 'bangodb' }, remotes)).toEqual({ database: 'bango' });
    expect(matchLink({ name: 'BANGODB.EXAMPLE.JP' }, remotes)).toEqual({ database: 'bango' });
    expect(matchLink({ name: 'X', using: '//db2.example:1521/KYUFUSVC' }, remotes)).toEqual({ database: 'kyufu' });
    expect(
      matchLink(
        {
          name: 'X',
          using:
            '(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db2.example)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=KYUFUSVC)))',
        },
        remotes,
      ),
    ).toEqual({ database: 'kyufu' });
    expect(matchLink({ name: 'X', using: 'other:1521/KYUFUSVC' }, remotes)).toHaveProperty('reason');
    expect(matchLink({ name: 'JUMIN' }, remotes)).toEqual({ database: 'jumin' });
    expect(parseConnectString('JUMINDB')).toEqual({ alias: 'JUMINDB' });
  });

  it('a fixed-user link: a view over t@link reads the remote table as the link user (Users of Database Links)', async () => {
    const { catalog, diagnostics } = await build(
      `CREATE PUBLIC DATABASE LINK L CONNECT TO BANGO_READER IDENTIFIED BY x USING 'BANGODB';\n${VIEW}`,
    );
    expect(diagnostics).toEqual([]);
    const link = catalog.relations.get(asRelationId('madoguchi.BANGO.KOJIN@L'))!;
    expect(link.foreign).toMatchObject({ via: 'database-link', remote: 'bango.BANGO.KOJIN' });
    expect(link.columns.find((c) => c.name === 'KOJIN_BANGO')?.copiedFrom).toEqual([
      expect.objectContaining({
        relation: { database: 'bango', schema: 'BANGO', name: 'KOJIN' },
        via: 'foreign-table',
      }),
    ]);
    expect(
      createAccessResolver(catalog).canSelect('APP', asRelationId('madoguchi.MADO.V'), 'KOJIN_BANGO').allowed,
    ).toBe(true);
  });

  it('a fixed user without the remote privilege: refused by the remote database, with its reason', async () => {
    const { catalog } = await build(
      `CREATE PUBLIC DATABASE LINK L CONNECT TO MADO IDENTIFIED BY x USING 'BANGODB';\n${VIEW}`,
    );
    const v = createAccessResolver(catalog).canSelect('APP', asRelationId('madoguchi.MADO.V'), 'KOJIN_BANGO');
    expect(v).toMatchObject({
      allowed: false,
      control: 'remote-access-denied',
      reason: { key: 'link-remote-denied', role: 'MADO', via: 'madoguchi.MADO.V', server: 'L' },
    });
  });

  it('CONNECT TO CURRENT_USER in a view connects as the view owner (a stored object runs with its owner’s rights)', async () => {
    const { catalog } = await build(`CREATE PUBLIC DATABASE LINK L CONNECT TO CURRENT_USER USING 'BANGODB';\n${VIEW}`);
    const v = createAccessResolver(catalog).canSelect('APP', asRelationId('madoguchi.MADO.V'), 'KOJIN_BANGO');
    expect(v).toMatchObject({ allowed: false, reason: { key: 'link-remote-denied', role: 'MADO' } });
  });

  it('a connected-user link in a view connects as the session user (no CONNECT TO)', async () => {
    const { catalog } = await build(
      `CREATE PUBLIC DATABASE LINK L USING 'BANGODB';\n${VIEW}GRANT SELECT ON MADO.V TO BANGO_READER;\n`,
    );
    const r = createAccessResolver(catalog);
    expect(r.canSelect('APP', asRelationId('madoguchi.MADO.V'), 'KOJIN_BANGO')).toMatchObject({
      allowed: false,
      reason: { key: 'link-remote-denied', role: 'APP' },
    });
    expect(r.canSelect('BANGO_READER', asRelationId('madoguchi.MADO.V'), 'KOJIN_BANGO').allowed).toBe(true);
  });

  // CREATE DATABASE LINK: "If you omit this clause, then the database link uses the user name and
  // password of each user who is connected to the database" (a connected-user link); CONNECT TO
  // CURRENT_USER needs a global user. Either way the remote user is the local user's name there:
  // spif checks the remote side as that user and says so on the verdict.
  it('a connected-user or current-user link states its same-name assumption on what reads through it; a fixed user none', async () => {
    const assumed = async (link: string) => {
      const { catalog } = await build(`${link}
${VIEW}`);
      return productAssumptions(catalog, catalog.relations.get(asRelationId('madoguchi.MADO.V'))!);
    };
    expect(await assumed(`CREATE PUBLIC DATABASE LINK L USING 'BANGODB';`)).toEqual([
      'database-link-same-user:L:connected-user',
    ]);
    expect(await assumed(`CREATE PUBLIC DATABASE LINK L CONNECT TO CURRENT_USER USING 'BANGODB';`)).toEqual([
      'database-link-same-user:L:current-user',
    ]);
    expect(
      await assumed(`CREATE PUBLIC DATABASE LINK L CONNECT TO BANGO_READER IDENTIFIED BY x USING 'BANGODB';`),
    ).toEqual([]);
  });

  // SELECT * names every column of the table it reads (SQL Language Reference, SELECT: "*"), here the
  // remote table's: the view's columns are those of the configured remote database's table.
  it('SELECT * from t@link expands to the remote table’s columns; a link that does not resolve is reported', async () => {
    const star = `CREATE USER APP IDENTIFIED BY x;\nCONNECT MADO/x\nCREATE VIEW MADO.V AS SELECT * FROM BANGO.KOJIN@L;\nGRANT SELECT ON MADO.V TO APP;\n`;
    const { catalog, diagnostics } = await build(
      `CREATE PUBLIC DATABASE LINK L CONNECT TO BANGO_READER IDENTIFIED BY x USING 'BANGODB';\n${star}`,
    );
    expect(diagnostics).toEqual([]);
    const v = catalog.relations.get(asRelationId('madoguchi.MADO.V'))!;
    expect(v.columns.map((c) => c.name)).toEqual(['ATENA_NO', 'KOJIN_BANGO']);
    expect(v.view!.columns.find((c) => c.name === 'KOJIN_BANGO')!.from).toEqual([
      { relation: expect.objectContaining({ schema: 'BANGO', name: 'KOJIN@L' }), column: 'KOJIN_BANGO' },
    ]);
    // APP reads V, and through the fixed-user link the remote table as BANGO_READER
    expect(
      createAccessResolver(catalog).canSelect('APP', asRelationId('madoguchi.MADO.V'), 'KOJIN_BANGO').allowed,
    ).toBe(true);
    const lost = await build(`CREATE PUBLIC DATABASE LINK L USING 'NOWHERE';\n${star}`);
    expect(lost.diagnostics.map((d) => d.code)).toContain('SPIF-DBLINK-UNRESOLVED');
    expect(lost.diagnostics.map((d) => d.message).join('\n')).toMatch(/selects \* from the remote object/);
    expect(lost.catalog.relations.get(asRelationId('madoguchi.MADO.V'))!.columns).toEqual([]);
  });

  it('a private link serves its owner only; another user naming it is refused (CREATE DATABASE LINK, PUBLIC)', async () => {
    const { catalog } = await build(
      `CONNECT MADO/x\nCREATE DATABASE LINK L CONNECT TO BANGO_READER IDENTIFIED BY x USING 'BANGODB';\nCREATE SYNONYM MADO.K FOR BANGO.KOJIN@L;\nCREATE USER APP IDENTIFIED BY x;\n`,
    );
    const r = createAccessResolver(catalog);
    expect(r.canSelect('MADO', asRelationId('madoguchi.MADO.K'), 'KOJIN_BANGO').allowed).toBe(true);
    expect(r.canSelect('APP', asRelationId('madoguchi.MADO.K'), 'KOJIN_BANGO')).toMatchObject({
      allowed: false,
      control: 'remote-access-denied',
      reason: { key: 'link-private', principal: 'MADO', server: 'L' },
    });
  });

  it('an unresolved link, or a link not in the sources, is a located SPIF-DBLINK-UNRESOLVED', async () => {
    const { catalog, diagnostics } = await build(
      `CREATE PUBLIC DATABASE LINK L CONNECT TO BANGO_READER IDENTIFIED BY x USING 'NOWHERE';\n${VIEW}CREATE VIEW MADO.W AS SELECT ATENA_NO FROM BANGO.KOJIN@MISSING;\n`,
    );
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['SPIF-DBLINK-UNRESOLVED', 7],
      ['SPIF-DBLINK-UNRESOLVED', 1],
    ]);
    expect(catalog.relations.get(asRelationId('madoguchi.BANGO.KOJIN@L'))!.foreign!.unresolved?.message).toMatch(
      /NOWHERE/,
    );
    expect(catalog.relations.get(asRelationId('madoguchi.BANGO.KOJIN@MISSING'))!.foreign!.unresolved?.message).toMatch(
      /not created in the sources/,
    );
  });
});
