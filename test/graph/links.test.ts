/** The link graph: which column pairs join, and how views carry links. */
import { describe, expect, it } from 'vitest';
import { arcWeight, buildLinkGraph, type GraphNode, isHub, type LinkGraph } from '../../src/graph/links.js';
import { catalogFromSql } from '../helpers/catalog.js';

const defaults = { links: [] as [string, string][], linkKeys: [] as string[], inferLinks: true };

function edges(g: LinkGraph): string[] {
  return g
    .edges()
    .map((l) => {
      type End = { node: string; column?: string; columns?: string[] };
      const cols = (x: End) => (x.columns ? `(${x.columns.join(',')})` : x.column);
      const end = (x: End) => `${x.node.replace(/^default\.public\./, '')}${x.column ? `.${cols(x)}` : ''}`;
      return [end(l.a), end(l.b)].sort().join(' ~ ') + ` (${l.via})`;
    })
    .sort();
}

/**
 * Every pair of relation columns one join apart: a plain edge, or a way through hubs (link keys,
 * lineage) that costs one edge — what the old copied view links listed edge by edge.
 */
function joins(g: LinkGraph): string[] {
  type End = { node: string; column?: string; columns?: string[] };
  const cols = (x: End) => (x.columns ? `(${x.columns.join(',')})` : x.column);
  const end = (x: End) => `${x.node.replace(/^default\.public\./, '')}${x.column ? `.${cols(x)}` : ''}`;
  const out = new Set<string>();
  const pair = (a: End, b: End, via: string) => {
    if (a.node !== b.node) out.add([end(a), end(b)].sort().join(' ~ ') + ` (${via})`);
  };
  for (const node of g.nodes()) {
    if (isHub(node)) continue;
    for (const e of g.successors(node)) {
      if (!isHub(e.b.node)) {
        pair(e.a, e.b, e.via);
        continue;
      }
      // Through hubs, at the cost of one edge in all.
      const stack: { at: GraphNode; cost: number; via: string }[] = [{ at: e.b.node, cost: arcWeight(e), via: e.via }];
      while (stack.length) {
        const { at, cost, via } = stack.pop()!;
        for (const f of g.successors(at)) {
          const c = cost + arcWeight(f);
          const v = via === 'view' ? f.via : via;
          if (c > 1) continue;
          if (isHub(f.b.node)) stack.push({ at: f.b.node, cost: c, via: v });
          else if (c === 1) pair(e.a, f.b, v);
        }
      }
    }
  }
  return [...out].sort();
}

describe('link graph', () => {
  it('links foreign keys, including REFERENCES to a primary key without columns', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE p (k int PRIMARY KEY);
CREATE TABLE c (k2 int REFERENCES p, x int);
CREATE TABLE d (y int, FOREIGN KEY (y) REFERENCES p (k));`);
    expect(edges(buildLinkGraph(catalog, { ...defaults, inferLinks: false }))).toEqual([
      'c.k2 ~ p.k (foreign-key)',
      'd.y ~ p.k (foreign-key)',
    ]);
  });

  it('infers implied keys from single-column keys shared by name, never from generic ids', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE a (id int PRIMARY KEY, hihokensha_no text UNIQUE);
CREATE TABLE b (id int PRIMARY KEY, hihokensha_no text);
CREATE TABLE c (id int, hihokensha_no text);
CREATE TABLE d (x int, y int, PRIMARY KEY (x, y));
CREATE TABLE e (x int, y int);`);
    expect(edges(buildLinkGraph(catalog, defaults))).toEqual([
      'a.hihokensha_no ~ b.hihokensha_no (implied-key)',
      'a.hihokensha_no ~ c.hihokensha_no (implied-key)',
      'd.(x,y) ~ e.(x,y) (implied-key)', // a composite key: linked on the whole key only
    ]);
    expect(edges(buildLinkGraph(catalog, { ...defaults, inferLinks: false }))).toEqual([]);
  });

  it('joins linkKeys wherever they occur through one hub per name, across databases', async () => {
    const { catalog } = await catalogFromSql({
      one: 'CREATE TABLE a (atena_no text);',
      two: 'CREATE TABLE b (atena_no text); CREATE TABLE c (atena_no text);',
    });
    const g = buildLinkGraph(catalog, { ...defaults, linkKeys: ['atena_no'] });
    expect(edges(g)).toEqual([
      '#key:atena_no ~ one.public.a.atena_no (implied-key)',
      '#key:atena_no ~ two.public.b.atena_no (implied-key)',
      '#key:atena_no ~ two.public.c.atena_no (implied-key)',
    ]);
  });

  it('adds declared links and reports links to undefined columns', async () => {
    const { catalog } = await catalogFromSql({ one: 'CREATE TABLE a (k text);', two: 'CREATE TABLE b (k text);' });
    const diagnostics: never[] = [];
    const g = buildLinkGraph(
      catalog,
      {
        ...defaults,
        links: [
          ['one.public.a.k', 'two.public.b.k'],
          ['one.public.a.k', 'two.public.b.nope'],
        ],
      },
      diagnostics,
    );
    expect(edges(g)).toEqual(['one.public.a.k ~ two.public.b.k (declared-link)']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SPIF-LINK-UNKNOWN-COLUMN' })]);
  });

  it('links a view column to its base column and joins it to every link of the base column, through views on views', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE p (k int PRIMARY KEY, n text);
CREATE TABLE c (pk int REFERENCES p (k), z text);
CREATE VIEW v1 AS SELECT pk AS renamed, z FROM c;
CREATE VIEW v2 AS SELECT renamed FROM v1;`);
    const g = buildLinkGraph(catalog, { ...defaults, inferLinks: false });
    // What a principal may follow in one join: the view columns carry the base column's links.
    expect(joins(g)).toEqual([
      'c.pk ~ p.k (foreign-key)',
      'c.pk ~ v1.renamed (view)',
      'c.pk ~ v2.renamed (view)',
      'c.z ~ v1.z (view)',
      'p.k ~ v1.renamed (foreign-key)',
      'p.k ~ v2.renamed (foreign-key)',
      'v1.renamed ~ v2.renamed (view)',
    ]);
    // What is drawn: the links and what each view is read from, not a copy per pair.
    expect(edges(g)).toEqual([
      'c.pk ~ p.k (foreign-key)',
      'c.pk ~ v1.renamed (view)',
      'c.z ~ v1.z (view)',
      'v1.renamed ~ v2.renamed (view)',
    ]);
  });

  it('never joins two links of a base column to each other through its views', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE p (k int PRIMARY KEY);
CREATE TABLE c (pk int REFERENCES p (k));
CREATE TABLE d (pk int REFERENCES p (k));
CREATE VIEW v AS SELECT k FROM p;`);
    expect(joins(buildLinkGraph(catalog, { ...defaults, inferLinks: false }))).toEqual([
      'c.pk ~ p.k (foreign-key)',
      'c.pk ~ v.k (foreign-key)',
      'd.pk ~ p.k (foreign-key)',
      'd.pk ~ v.k (foreign-key)',
      'p.k ~ v.k (view)',
    ]);
  });

  it('stays linear in view columns: a 300-deep stack of views over a linked column', async () => {
    const views = Array.from({ length: 300 }, (_, i) => `CREATE VIEW v${i + 1} AS SELECT * FROM ${i ? `v${i}` : 'p'};`);
    const { catalog } = await catalogFromSql(`
CREATE TABLE p (k int PRIMARY KEY, n text);
CREATE TABLE c (pk int REFERENCES p (k));
${views.join('\n')}`);
    const g = buildLinkGraph(catalog, { ...defaults, inferLinks: false });
    // Copied links made it a clique: 300 · 301 / 2 pairs on k alone.
    expect(g.size.edges + g.size.arcs).toBeLessThan(10 * 301 * 2);
    // …and every pair of the 301 columns holding k (p.k and the views'), and of n, still joins; c.pk joins the 301.
    expect(joins(g)).toHaveLength(2 * ((301 * 300) / 2) + 301);
  });
});

describe('multi-column keys (市区町村コード + 納税義務者番号)', () => {
  it('links a multi-column foreign key as one edge on the whole key', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE gimusha (shichoson_cd char(6), gimusha_no char(10), PRIMARY KEY (shichoson_cd, gimusha_no));
CREATE TABLE tsuchi (t_id int PRIMARY KEY, cd char(6), no2 char(10),
  FOREIGN KEY (cd, no2) REFERENCES gimusha (shichoson_cd, gimusha_no));
CREATE TABLE tsuchi2 (cd char(6), gno char(10), FOREIGN KEY (cd, gno) REFERENCES gimusha);`);
    expect(edges(buildLinkGraph(catalog, { ...defaults, inferLinks: false }))).toEqual([
      'gimusha.(shichoson_cd,gimusha_no) ~ tsuchi.(cd,no2) (foreign-key)',
      'gimusha.(shichoson_cd,gimusha_no) ~ tsuchi2.(cd,gno) (foreign-key)',
    ]);
  });

  it('reports a foreign key whose column count differs from the referenced key, instead of linking half of it', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (a int REFERENCES p);`);
    const diagnostics: { code: string; message: string }[] = [];
    expect(edges(buildLinkGraph(catalog, { ...defaults, inferLinks: false }, diagnostics as never))).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'SPIF-LINK-UNKNOWN-TARGET',
        'foreign key on default.public.c(a) references default.public.p(a, b): the column counts differ, so the link is not followed',
      ],
    ]);
  });

  it('infers a link from a multi-column primary or unique key whose columns all appear in another table', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE gimusha (shichoson_cd char(6), gimusha_no char(10), kjn_no char(12), PRIMARY KEY (shichoson_cd, gimusha_no));
CREATE TABLE kazei (shichoson_cd char(6), gimusha_no char(10), nendo int, PRIMARY KEY (shichoson_cd, gimusha_no, nendo));
CREATE TABLE shotoku (shichoson_cd char(6), gimusha_no char(10), kingaku int);
CREATE TABLE only_cd (shichoson_cd char(6), x int);
CREATE TABLE setai (setai_no char(10), zokugara_cd char(2), gimusha_no char(10), UNIQUE (setai_no, zokugara_cd));
CREATE TABLE setai_in (setai_no char(10), zokugara_cd char(2));
CREATE TABLE tenant_t (tenant_id int, id int, PRIMARY KEY (tenant_id, id));
CREATE TABLE tenant_u (tenant_id int, id int);
CREATE TABLE soshiki_closure (id_ancestor int, id_descendant int, PRIMARY KEY (id_ancestor, id_descendant));
CREATE TABLE chiiki_closure (id_ancestor int, id_descendant int, PRIMARY KEY (id_ancestor, id_descendant));
CREATE TABLE bunrui_paths (ancestor_id int, descendant_id int, PRIMARY KEY (ancestor_id, descendant_id));
CREATE TABLE busho_paths (ancestor_id int, descendant_id int, PRIMARY KEY (ancestor_id, descendant_id));`);
    expect(edges(buildLinkGraph(catalog, defaults))).toEqual([
      // kazei's own key (with nendo) is in no other table; gimusha's key is in kazei and shotoku.
      'gimusha.(shichoson_cd,gimusha_no) ~ kazei.(shichoson_cd,gimusha_no) (implied-key)',
      'gimusha.(shichoson_cd,gimusha_no) ~ shotoku.(shichoson_cd,gimusha_no) (implied-key)',
      'setai.(setai_no,zokugara_cd) ~ setai_in.(setai_no,zokugara_cd) (implied-key)',
      // only_cd holds part of the key: no link. (tenant_id, id) has a generic column: no link.
      // Closure tables (TypeORM's id_ancestor/id_descendant, ancestor_id/descendant_id) each hold
      // their own entity's ids: no link between two of them.
    ]);
  });

  it('a view carries a multi-column key edge only when it carries every column of the key', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE gimusha (shichoson_cd char(6), gimusha_no char(10), kjn_no char(12), PRIMARY KEY (shichoson_cd, gimusha_no));
CREATE TABLE kazei (shichoson_cd char(6), gimusha_no char(10), kingaku int);
CREATE VIEW v_all AS SELECT shichoson_cd AS cd, gimusha_no AS gno, kingaku FROM kazei;
CREATE VIEW v_half AS SELECT shichoson_cd, kingaku FROM kazei;`);
    const all = edges(buildLinkGraph(catalog, defaults));
    expect(all).toContain('gimusha.(shichoson_cd,gimusha_no) ~ v_all.(cd,gno) (implied-key)');
    expect(all.filter((e) => e.includes('v_half') && e.includes('gimusha'))).toEqual([]);
  });
});
