import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, matchesRef, refProblem } from '../../src/config/index.js';

const find = path.resolve(__dirname, '../../fixtures/config/find');

describe('findConfigFile', () => {
  it('prefers yaml, then yml, then json', () => {
    expect(findConfigFile([path.join(find, 'all-three')], '/')).toBe(path.join(find, 'all-three/spif.config.yaml'));
    expect(findConfigFile([path.join(find, 'yml-and-json')], '/')).toBe(
      path.join(find, 'yml-and-json/spif.config.yml'),
    );
    expect(findConfigFile([path.join(find, 'json-only')], '/')).toBe(path.join(find, 'json-only/spif.config.json'));
  });

  it('looks in the first path before the working directory', () => {
    expect(findConfigFile(['json-only', 'all-three'], find)).toBe(path.join(find, 'json-only/spif.config.json'));
    // relative paths are resolved against the working directory
    expect(findConfigFile(['../json-only'], path.join(find, 'all-three'))).toBe(
      path.join(find, 'json-only/spif.config.json'),
    );
  });

  it('falls back to the working directory', () => {
    // first path has no config
    expect(findConfigFile([path.join(find, 'none')], path.join(find, 'yml-and-json'))).toBe(
      path.join(find, 'yml-and-json/spif.config.yml'),
    );
    // first path is a file, not a directory: only the working directory is searched
    expect(findConfigFile([path.join(find, 'none/sub/README.txt')], path.join(find, 'json-only'))).toBe(
      path.join(find, 'json-only/spif.config.json'),
    );
    // later paths are not searched
    expect(findConfigFile(['none', 'all-three'], path.join(find, 'none/sub'))).toBeUndefined();
    expect(findConfigFile([], path.join(find, 'all-three'))).toBe(path.join(find, 'all-three/spif.config.yaml'));
  });

  it('is undefined when there is none', () => {
    expect(findConfigFile(['.'], path.join(find, 'none/sub'))).toBeUndefined();
  });
});

describe('matchesRef', () => {
  it.each([
    ['bango.public.bango_kanri.kojin_bango', 'bango.public.bango_kanri.kojin_bango', true],
    ['*.*.*.kojin_bango', 'kyufu.public.jukyusha.kojin_bango', true],
    ['*.*.*.kojin_bango', 'kyufu.public.jukyusha.kojin_bango_kofu_date', false],
    ['kyufu.public.*', 'kyufu.public.jukyusha', true],
    ['kyufu.public.*', 'kyufu.other.jukyusha', false],
    // `*` is one part only: segment counts must match
    ['kyufu.*', 'kyufu.public.jukyusha', false],
    ['kyufu.public.*', 'kyufu.public.jukyusha.kojin_bango', false],
    ['*.*.*', 'a.b.c', true],
    // literal otherwise, case-sensitive (ids are already folded)
    ['kyufu.public.Jukyusha', 'kyufu.public.jukyusha', false],
    ['kyufu.public.juky_sha', 'kyufu.public.jukyusha', false],
    ['kyufu.public.juky%sha', 'kyufu.public.juky%sha', true],
    ['kyufu.public.juky%sha', 'kyufu.public.jukyusha', false],
    ['kyufu.public.a@b', 'kyufu.public.a@b', true],
    ['kyufu.public.j?kyusha', 'kyufu.public.jukyusha', false],
    // Japanese identifiers
    ['住基.public.住民.個人番号', '住基.public.住民.個人番号', true],
    ['*.*.*.個人番号', '住基.public.住民.個人番号', true],
    ['*.*.*.個人番号', '住基.public.住民.個人番号カード交付日', false],
    ['住基.*.住民', '住基.main.住民', true],
    ['住基.*.住民', '住基.main.世帯', false],
  ])('%s ~ %s → %s', (pattern, id, expected) => {
    expect(matchesRef(pattern, id)).toBe(expected);
  });
});

describe('refProblem', () => {
  it('accepts well-formed references and names the problem otherwise', () => {
    expect(refProblem('a.b.c.d', 4, true)).toBeUndefined();
    expect(refProblem('*.*.*.個人番号', 4, true)).toBeUndefined();
    expect(refProblem('a.b.*', 3, true)).toBeUndefined();
    expect(refProblem('a.b.c', 4, true)).toBe(
      "expected database.schema.relation.column (4 parts separated by '.'), got 3 parts in 'a.b.c'",
    );
    expect(refProblem('abc', 3, true)).toBe(
      "expected database.schema.relation (3 parts separated by '.'), got 1 part in 'abc'",
    );
    expect(refProblem('a.b.c.*', 4, false)).toBe("a link names one column exactly; '*' is not allowed ('a.b.c.*')");
    expect(refProblem('a.b.c*', 3, true)).toBe("'*' stands for a whole part, not part of a name ('c*' in 'a.b.c*')");
  });
});
