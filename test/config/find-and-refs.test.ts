import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateConfig, matchesRef, refProblem } from '../../src/config/index.js';
import { UserError } from '../../src/diagnostics.js';
import { DiskTree } from '../../src/sources/tree.js';

const find = path.resolve(__dirname, '../../fixtures/config/find');

/** The config file a scan of `paths` from `cwd` uses (config/find.ts), or undefined. */
function findConfigFile(paths: string[], cwd: string): string | undefined {
  return locateConfig(new DiskTree(), paths, cwd, undefined).file;
}

describe('config lookup (upward from each path, like ESLint and Biome)', () => {
  it('prefers yaml, then yml, then json', () => {
    expect(findConfigFile([path.join(find, 'all-three')], '/')).toBe(path.join(find, 'all-three/spif.config.yaml'));
    expect(findConfigFile([path.join(find, 'yml-and-json')], '/')).toBe(
      path.join(find, 'yml-and-json/spif.config.yml'),
    );
    expect(findConfigFile([path.join(find, 'json-only')], '/')).toBe(path.join(find, 'json-only/spif.config.json'));
  });

  it('resolves relative paths against the working directory', () => {
    expect(findConfigFile(['../json-only'], path.join(find, 'all-three'))).toBe(
      path.join(find, 'json-only/spif.config.json'),
    );
  });

  it('looks upward from the path, not in the working directory', () => {
    // The path has no config and neither have its parents up to the repository root.
    expect(findConfigFile([path.join(find, 'none')], path.join(find, 'yml-and-json'))).toBeUndefined();
    // From a file, the lookup starts in its folder and goes up.
    expect(findConfigFile([path.join(find, 'none/sub/README.txt')], path.join(find, 'json-only'))).toBeUndefined();
    // Without paths: from the working directory.
    expect(findConfigFile([], path.join(find, 'all-three'))).toBe(path.join(find, 'all-three/spif.config.yaml'));
  });

  it('paths governed by different configs are a usage error naming each', () => {
    const err = (() => {
      try {
        return findConfigFile(['json-only', 'all-three'], find);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).details.join('\n')).toMatch(/json-only → json-only\/spif\.config\.json/);
  });

  it('is undefined when there is none, and says where it looked', () => {
    expect(findConfigFile(['.'], path.join(find, 'none/sub'))).toBeUndefined();
    const where = locateConfig(new DiskTree(), ['.'], path.join(find, 'none/sub'), undefined);
    expect(where.used.source).toBe('none');
    // From none/sub up to the repository root, where it stops.
    expect(where.used.searched).toEqual(['. … ../../../../..']);
  });

  it('--no-config reads none, --config names one', () => {
    expect(locateConfig(new DiskTree(), ['.'], path.join(find, 'all-three'), false)).toEqual({
      used: { source: 'disabled' },
    });
    expect(locateConfig(new DiskTree(), ['.'], find, 'json-only/spif.config.json')).toEqual({
      file: path.join(find, 'json-only/spif.config.json'),
      used: { source: 'option', file: 'json-only/spif.config.json' },
    });
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
    // a routine's name is one part, dots included (an Oracle package subprogram, a qualified argument type)
    ['jumin.JUMIN.*', 'jumin.JUMIN.PKG_BANGO.GET_BANGO(VARCHAR2)', true],
    ['*.*.*.GET_BANGO', 'jumin.JUMIN.PKG_BANGO.GET_BANGO(VARCHAR2).GET_BANGO', true],
    ['jumin.JUMIN.PKG_BANGO.GET_BANGO(VARCHAR2)', 'jumin.JUMIN.PKG_BANGO.GET_BANGO(VARCHAR2)', true],
    ['jumin.JUMIN.*', 'jumin.JUMIN.PKG_BANGO.GET_BANGO(VARCHAR2).GET_BANGO', false],
    ['db.public.*', 'db.public.f(public.t)', true],
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
