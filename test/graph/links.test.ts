/** The link graph: which column pairs join, and how views carry links. */
import { describe, expect, it } from 'vitest';
import { buildLinkGraph, type LinkGraph } from '../../src/graph/links.js';
import { catalogFromSql } from '../helpers/catalog.js';

const defaults = { links: [] as [string, string][], linkKeys: [] as string[], inferLinks: true };

function edges(g: LinkGraph): string[] {
  return g.graph.edges().map((e) => {
    const l = g.graph.edge(e) as { a: { node: string; column?: string }; b: { node: string; column?: string }; via: string };
    const end = (x: { node: string; column?: string }) => `${x.node.replace(/^default\.public\./, '')}${x.column ? `.${x.column}` : ''}`;
    return [end(l.a), end(l.b)].sort().join(' ~ ') + ` (${l.via})`;
  }).sort();
}

describe('link graph', () => {
  it('links foreign keys, including REFERENCES to a primary key without columns', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE p (k int PRIMARY KEY);
CREATE TABLE c (k2 int REFERENCES p, x int);
CREATE TABLE d (y int, FOREIGN KEY (y) REFERENCES p (k));`);
    expect(edges(buildLinkGraph(catalog, { ...defaults, inferLinks: false }))).toEqual([
      'c.k2 ~ p.k (foreign-key)', 'd.y ~ p.k (foreign-key)',
    ]);
  });

  it('infers implied keys from single-column keys shared by name, never from generic ids or composite keys', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE a (id int PRIMARY KEY, hihokensha_no text UNIQUE);
CREATE TABLE b (id int PRIMARY KEY, hihokensha_no text);
CREATE TABLE c (id int, hihokensha_no text);
CREATE TABLE d (x int, y int, PRIMARY KEY (x, y));
CREATE TABLE e (x int, y int);`);
    expect(edges(buildLinkGraph(catalog, defaults))).toEqual([
      'a.hihokensha_no ~ b.hihokensha_no (implied-key)',
      'a.hihokensha_no ~ c.hihokensha_no (implied-key)',
    ]);
    expect(edges(buildLinkGraph(catalog, { ...defaults, inferLinks: false }))).toEqual([]);
  });

  it('joins linkKeys wherever they occur through one hub per name, across databases', async () => {
    const { catalog } = await catalogFromSql({ one: 'CREATE TABLE a (atena_no text);', two: 'CREATE TABLE b (atena_no text); CREATE TABLE c (atena_no text);' });
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
    const g = buildLinkGraph(catalog, { ...defaults, links: [['one.public.a.k', 'two.public.b.k'], ['one.public.a.k', 'two.public.b.nope']] }, diagnostics);
    expect(edges(g)).toEqual(['one.public.a.k ~ two.public.b.k (declared-link)']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'SPIF-LINK-UNKNOWN-COLUMN' })]);
  });

  it('links a view column to its base column and copies the base column links, through views on views', async () => {
    const { catalog } = await catalogFromSql(`
CREATE TABLE p (k int PRIMARY KEY, n text);
CREATE TABLE c (pk int REFERENCES p (k), z text);
CREATE VIEW v1 AS SELECT pk AS renamed, z FROM c;
CREATE VIEW v2 AS SELECT renamed FROM v1;`);
    expect(edges(buildLinkGraph(catalog, { ...defaults, inferLinks: false }))).toEqual([
      'c.pk ~ p.k (foreign-key)',
      'c.pk ~ v1.renamed (view)',
      'c.pk ~ v2.renamed (view)',
      'c.z ~ v1.z (view)',
      'p.k ~ v1.renamed (foreign-key)',
      'p.k ~ v2.renamed (foreign-key)',
      'v1.renamed ~ v2.renamed (view)',
    ]);
  });
});
