import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  configSchema,
  defaultConfig,
  loadConfigFile,
  parseConfigText,
  starterConfig,
  validateConfigText,
} from '../../src/config/index.js';
import { starterConfigWithExamples } from '../../src/config/starter.js';
import { nth } from '../../src/indexed.js';

const fixtures = path.resolve(__dirname, '../../fixtures/config');

describe('good configs', () => {
  it('loads the interface spec example verbatim, with defaults applied', () => {
    const file = path.join(fixtures, 'spec-example/spif.config.yaml');
    const loaded = loadConfigFile(file);
    expect(loaded.file).toBe(path.relative(process.cwd(), file));
    expect(loaded.baseDir).toBe(path.join(fixtures, 'spec-example'));
    const c = loaded.config;
    expect(c.version).toBe(1);
    expect(c.dialect).toBe('postgresql');
    expect(c.databases).toEqual([
      { name: 'bango', sources: ['db/bango/**/*.sql'] },
      { name: 'kyufu', dialect: 'mysql', sources: ['db/kyufu/**/*.sql', 'src/entities/**/*.ts'] },
    ]);
    expect(c.principals).toEqual([{ name: 'kyufu-system', connects: ['kyufu'], roles: ['app_kyufu'] }]);
    expect(c.links).toEqual([['kyufu.public.jukyusha.hihokensha_no', 'bango.public.bango_kanri.hihokensha_no']]);
    expect(c.linkKeys).toEqual(['hihokensha_no', 'atena_no']);
    expect(c.inferLinks).toBe(true);
    expect(c.numberColumns).toEqual({
      include: ['bango.public.bango_kanri.kojin_bango'],
      substitute: ['chukan.public.fugo.kikanbetsu_fugo'],
      exclude: ['*.*.*.kojin_bango_kofu_date'],
    });
    expect(c.files).toEqual([{ name: '被保険者情報ファイル', relations: ['kyufu.public.*'] }]);
    expect(c.inventory).toEqual(['被保険者情報ファイル']);
    // additions other stages rely on, with their defaults
    expect(c.postgresVersion).toBe(16);
    expect(c.suppressions).toEqual([]);
    expect(c.check).toEqual({ strict: false, failOnCandidates: true, failOnBecameSpecific: true });
    expect(c.limits).toEqual({});
    expect(c.allowOutsideRoot).toBe(false);
  });

  it('reads the same config from JSON', () => {
    const yaml = loadConfigFile(path.join(fixtures, 'spec-example/spif.config.yaml')).config;
    const { $schema, ...json } = loadConfigFile(path.join(fixtures, 'spec-example/spif.config.json')).config;
    expect($schema).toBe('../../../docs/config.schema.json');
    expect(json).toEqual(yaml);
  });

  it('reports JSON problems on the JSON line', () => {
    const file = path.join(fixtures, 'bad/spif.config.json');
    const rel = path.relative(process.cwd(), file);
    expect(() => loadConfigFile(file)).toThrow(ConfigError);
    try {
      loadConfigFile(file);
    } catch (e) {
      expect((e as ConfigError).details).toEqual([
        `${rel}:7: principals.0.connects.1: unknown database 'kyufu'; declared databases: bango`,
        `${rel}:9: princpals: unknown key; did you mean 'principals'?`,
      ]);
    }
  });

  it('reads a Shift_JIS config with Japanese names', () => {
    const c = loadConfigFile(path.join(fixtures, 'sjis/spif.config.yaml')).config;
    expect(nth(c.files, 0).name).toBe('被保険者情報ファイル');
    expect(c.inventory).toEqual(['被保険者情報ファイル']);
  });

  it('says which file cannot be read', () => {
    expect(() => loadConfigFile(path.join(fixtures, 'nope/spif.config.yaml'))).toThrow(
      /^cannot read config file fixtures\/config\/nope\/spif\.config\.yaml: no such file$/,
    );
  });

  it('the starter config written by spif init is valid, also with every example switched on', () => {
    const plain = parseConfigText(starterConfig(), 'spif.config.yaml').config;
    expect(plain).toEqual(defaultConfig());
    expect(starterConfig()).toContain('# databases:');
    const full = parseConfigText(starterConfigWithExamples(), 'spif.config.yaml').config;
    expect(full.databases?.map((d) => d.name)).toEqual(['bango', 'kyufu', 'jumin']);
    expect(full.databases?.[2]?.aliases).toEqual(['JUMINDB']);
    expect(full.inventory).toEqual(['被保険者情報ファイル']);
    expect(full.suppressions).toHaveLength(1);
    // every top-level key is shown, active or as an example, except the rarely needed escape hatches
    for (const key of Object.keys(configSchema.shape)) {
      if (['$schema', 'limits', 'allowOutsideRoot'].includes(key)) continue;
      expect(starterConfig()).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
    }
  });

  it('default config: one implicit database, defaults applied', () => {
    expect(defaultConfig()).toEqual({
      version: 1,
      dialect: 'postgresql',
      postgresVersion: 16,
      principals: [],
      links: [],
      linkKeys: [],
      inferLinks: true,
      numberColumns: { include: [], substitute: [], exclude: [] },
      files: [],
      suppressions: [],
      check: { strict: false, failOnCandidates: true, failOnBecameSpecific: true },
      limits: {},
      allowOutsideRoot: false,
    });
    expect(defaultConfig().databases).toBeUndefined();
  });

  it('accepts the optional additions', () => {
    const text = [
      'version: 1',
      'postgresVersion: 18',
      'allowOutsideRoot: true',
      'databases:',
      '  - name: bango',
      '    sources: ["../shared/bango/*.sql"]',
      '  - name: live',
      '    url: postgres://spif_reader@db.example.lg.jp:5432/bango?sslmode=require',
      'principals:',
      '  - name: 窓口端末',
      '    connects: [bango]',
      '    description: 市民課の窓口',
      'suppressions:',
      '  - relation: bango.public.*',
      '    rule: SPIF-SQL-UNSUPPORTED',
      '    reason: 移行用の一時テーブル',
      'check: { strict: true, failOnBecameSpecific: false }',
      'limits: { maxFileBytes: 10000000 }',
      '',
    ].join('\n');
    const c = parseConfigText(text, 'spif.config.yaml').config;
    expect(c.postgresVersion).toBe(18);
    expect(c.databases?.[1]).toEqual({
      name: 'live',
      sources: [],
      url: 'postgres://spif_reader@db.example.lg.jp:5432/bango?sslmode=require',
    });
    expect(c.check).toEqual({ strict: true, failOnCandidates: true, failOnBecameSpecific: false });
    expect(c.limits).toEqual({ maxFileBytes: 10000000 });
    expect(nth(c.suppressions, 0).reason).toBe('移行用の一時テーブル');
  });

  it('reads tab-indented JSON and CRLF line ends, with the right lines', () => {
    const json = '{\n\t"version": 1,\n\t"linkKeys": [\n\t\t"atena_no"\n\t]\n}\n';
    expect(parseConfigText(json, 'spif.config.json').config.linkKeys).toEqual(['atena_no']);
    expect(validateConfigText('version: 1\r\n\r\ninferLinks: yes\r\n', 'x.yaml').problems).toEqual([
      "x.yaml:3: inferLinks: expected true or false, got the text 'yes'",
    ]);
  });

  it('expands YAML anchors', () => {
    const text = 'version: 1\nlinkKeys: &keys [atena_no]\nprincipals:\n  - name: a\n    roles: *keys\n';
    expect(nth(parseConfigText(text, 'x.yaml').config.principals, 0).roles).toEqual(['atena_no']);
  });

  it('configSchema alone also runs the cross-reference checks', () => {
    const r = configSchema.safeParse({
      version: 1,
      databases: [{ name: 'bango', sources: ['*.sql'] }],
      principals: [{ name: 'p', connects: ['kyufu'] }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['principals.0.connects.0', "unknown database 'kyufu'; declared databases: bango"],
    ]);
  });

  it('docs/config.md mentions every top-level key', () => {
    const doc = readFileSync(path.resolve(__dirname, '../../docs/config.md'), 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(doc).toContain(`\`${key}\``);
  });
});
