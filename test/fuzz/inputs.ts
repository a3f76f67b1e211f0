/**
 * Hostile inputs as fast-check arbitraries: random bytes, token soup, mutated fixtures (truncated,
 * spliced, bytes flipped), deep nesting, huge identifiers, NUL bytes, invalid UTF-8 and mixed
 * encodings. Inputs stay small (a few KB) so that 100 000 runs finish in minutes; the 100 MB and
 * deep-nesting extremes have their own tests (test/fuzz/regressions.test.ts, test/security/).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import type { FuzzTarget } from './targets.js';
import { nth } from '../../src/indexed.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
}

/** Byte sequences that are not valid UTF-8, or valid in one Japanese encoding only. */
const ODD_BYTES: Uint8Array[] = [
  Uint8Array.of(0xff),
  Uint8Array.of(0xc3),
  Uint8Array.of(0xe3, 0x81),
  Uint8Array.of(0xed, 0xa0, 0x80),
  Uint8Array.of(0xf4, 0x90, 0x80, 0x80),
  Uint8Array.of(0xc0, 0xaf),
  Uint8Array.of(0),
  Uint8Array.of(0xef, 0xbb, 0xbf),
  new Uint8Array(iconv.encode('個人番号', 'cp932')),
  new Uint8Array(iconv.encode('被保険者', 'euc-jp')),
  new Uint8Array(iconv.encode('①㈱', 'cp932')),
  Uint8Array.of(0x1b, 0x5b, 0x32, 0x4a),
];

const oddBytes = fc.constantFrom(...ODD_BYTES);

/** A string of the target's tokens, sometimes with odd bytes between them. */
function tokenSoup(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  const piece = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...target.tokens).map(utf8) },
    { weight: 1, arbitrary: oddBytes },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map(utf8) },
  );
  return fc
    .array(piece, { maxLength: 60 })
    .chain((parts) => fc.constantFrom(' ', '', '\n').map((sep) => concat(parts.flatMap((p) => [p, utf8(sep)]))));
}

type Mutation = (b: Uint8Array) => Uint8Array;

/** One edit of a byte string; positions are fractions so they fit any length. */
function mutation(target: FuzzTarget): fc.Arbitrary<Mutation> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  const pos = (b: Uint8Array, f: number) => Math.min(b.length, Math.floor(f * b.length));
  return fc.oneof(
    at.map(
      (f): Mutation =>
        (b) =>
          b.subarray(0, pos(b, f)),
    ), // truncate
    fc.tuple(at, at).map(([f, g]): Mutation => (b) => {
      // delete a range
      const [i, j] = [pos(b, Math.min(f, g)), pos(b, Math.max(f, g))];
      return concat([b.subarray(0, i), b.subarray(j)]);
    }),
    fc.tuple(at, fc.oneof(oddBytes, fc.constantFrom(...target.tokens).map(utf8), fc.uint8Array({ maxLength: 8 }))).map(
      ([f, ins]): Mutation =>
        (b) =>
          concat([b.subarray(0, pos(b, f)), ins, b.subarray(pos(b, f))]),
    ), // insert
    fc.tuple(at, at, at).map(([f, g, h]): Mutation => (b) => {
      // copy a range elsewhere
      const [i, j] = [pos(b, Math.min(f, g)), pos(b, Math.max(f, g))];
      const k = pos(b, h);
      return concat([b.subarray(0, k), b.subarray(i, Math.min(j, i + 1024)), b.subarray(k)]);
    }),
    fc.tuple(at, fc.integer({ min: 0, max: 255 })).map(([f, v]): Mutation => (b) => {
      // set a byte
      const out = new Uint8Array(b);
      if (out.length) out[Math.min(out.length - 1, pos(b, f))] = v;
      return out;
    }),
  );
}

/** A window of a fixture (up to 2 KB) with a few edits. */
function mutatedFixture(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  const seeds = target.seeds();
  return fc
    .tuple(
      fc.nat({ max: seeds.length - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.boolean(),
      fc.array(mutation(target), { minLength: 1, maxLength: 4 }),
    )
    .map(([i, f, whole, edits]) => {
      const seed = nth(seeds, i);
      const start = whole ? 0 : Math.floor(f * seed.length);
      let bytes = seed.subarray(start, start + 2048);
      for (const edit of edits) bytes = edit(bytes);
      return bytes;
    });
}

const OPEN_CLOSE: Record<FuzzTarget['kind'], [string, string, string, string][]> = {
  // prefix, open, close, suffix
  sql: [
    ['CREATE VIEW v AS SELECT ', '(', ')', ' FROM t;'],
    ['SELECT ', 'f(', ')', ';'],
    ['CREATE TABLE t (a int CHECK ', '(', ')', ');'],
    ['CREATE VIEW v AS SELECT a FROM ', '(SELECT a FROM ', ') s', ';'],
    ['SELECT ', 'CASE WHEN 1 THEN ', ' END', ';'],
    ['SELECT 1 ', '+ -', '', ';'],
    ['SELECT ', 'ARRAY[', ']', ';'],
  ],
  orm: [
    ['const x = ', '(', ')', ';'],
    ['export const t = pgTable("t", ', '{ a: ', ' }', ');'],
    ["@Entity({ name: 't' }) class A { @Column(", '{ x: ', ' }', ') a: string }'],
    ['const y = ', '[', ']', ';'],
    ['const z = ', '() => ', '', ';'],
  ],
  config: [
    ['version: 1\nlinkKeys: ', '[', ']', '\n'],
    ['version: 1\nlimits: ', '{ a: ', ' }', '\n'],
    ['version: 1\nx:\n', '- ', '', '\n'],
  ],
};

/** Nesting a few levels up to a few thousand deep: parser recursion limits. */
function deepNesting(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  const shapes =
    target.name === 'prisma'
      ? [['model M { a String @default(', 'f(', ')', ') }'] as [string, string, string, string]]
      : OPEN_CLOSE[target.kind];
  return fc
    .tuple(fc.constantFrom(...shapes), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('1', 'a', ''))
    .map(([[pre, open, close, post], depth, inner]) =>
      utf8(pre + open.repeat(depth) + inner + close.repeat(depth) + post),
    );
}

/** Identifiers and strings of up to 5 000 characters (a 1 MB identifier: test/security/hostile-input.test.ts). */
function hugeNames(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  const shapes: Record<FuzzTarget['kind'], (n: string) => string> = {
    sql: (n) => `CREATE TABLE ${n} (${n} int, kojin_bango char(12)); COMMENT ON TABLE ${n} IS '${n}';`,
    orm: (n) =>
      `import { pgTable, text } from 'drizzle-orm/pg-core';\nimport { Entity, Column } from 'typeorm';\nexport const ${n} = pgTable('${n}', { ${n}: text('${n}') });\n@Entity('${n}') export class ${n}X { @Column() ${n}: string; }`,
    config: (n) => `version: 1\nlinkKeys: [${n}]\n${n}: 1\n`,
  };
  const shape =
    target.name === 'prisma' ? (n: string) => `model ${n} {\n  ${n} String @id @map("${n}")\n}\n` : shapes[target.kind];
  return fc
    .tuple(fc.integer({ min: 64, max: 5_000 }), fc.constantFrom('a', 'x9_', '番', '"'))
    .map(([n, unit]) => utf8(shape(unit.repeat(Math.ceil(n / unit.length)))));
}

/** All input kinds for a target, weighted towards mutated fixtures. */
export function inputFor(target: FuzzTarget): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 6, arbitrary: mutatedFixture(target) },
    { weight: 3, arbitrary: tokenSoup(target) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 512 }) },
    { weight: 1, arbitrary: deepNesting(target) },
    { weight: 1, arbitrary: hugeNames(target) },
  );
}
