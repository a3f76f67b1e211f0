/**
 * Values with the check digit (rule data-check-digit): the check digits of the 個人番号 and the
 * 法人番号, and data rows read from the sources through the real bin (COPY … FROM stdin and
 * INSERT … VALUES in a pg_dump-style file). Only counts leave the reader: no value appears in any
 * output format or in the parse cache.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHojinBango, isKojinBango, judgeValues } from '../../src/detect/check-digit.js';
import { runBin } from '../helpers/bin.js';
import { nth } from '../../src/indexed.js';

const repo = path.resolve(__dirname, '../..');

/** The check digit of 11 digits by the formula of the 総務省令 (written out independently of the code under test). */
function withCheckDigit(eleven: string): string {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]; // Q_n for n = 11 … 1, left to right
  const sum = [...eleven].reduce((acc, d, i) => acc + Number(d) * nth(weights, i), 0);
  const r = sum % 11;
  return eleven + String(r <= 1 ? 0 : 11 - r);
}

/** A 法人番号: check digit 9 − (Σ P_n·Q_n mod 9), Q_n alternating 1, 2 from the right, put first. */
function hojin(twelve: string): string {
  const sum = [...twelve].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 2), 0);
  return String(9 - (sum % 9)) + twelve;
}

const eleven = fc.stringMatching(/^\d{11}$/);

describe('check digits', () => {
  it('accepts a number with its check digit and rejects every other last digit', () => {
    expect(isKojinBango('123456789018')).toBe(true); // a published example
    expect(isKojinBango('123456789019')).toBe(false);
    fc.assert(
      fc.property(eleven, (e) => {
        const good = withCheckDigit(e);
        expect(isKojinBango(good)).toBe(true);
        for (let d = 0; d <= 9; d++) if (String(d) !== good[11]) expect(isKojinBango(e + d)).toBe(false);
      }),
      { numRuns: 200, seed: 15 },
    );
  });

  it('tells 13-digit 法人番号 apart by their own check digit', () => {
    expect(isHojinBango('7000012050002')).toBe(true); // 国税庁's own 法人番号
    expect(isHojinBango('7000012050003')).toBe(false);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (t) => {
        expect(isHojinBango(hojin(t))).toBe(true);
        expect(isKojinBango(hojin(t))).toBe(false);
      }),
      { numRuns: 200, seed: 15 },
    );
  });

  it('guards against chance: random 12-digit values (about 1 in 11 pass) do not make a number column', () => {
    const rng = fc.sample(fc.stringMatching(/^\d{12}$/), { numRuns: 200, seed: 15 });
    const stats = {
      values: rng.length,
      twelveDigits: rng.length,
      kojinBango: rng.filter(isKojinBango).length,
      hojinBango: 0,
    };
    expect(stats.kojinBango).toBeGreaterThan(5);
    expect(judgeValues(stats)).toBeUndefined();
    expect(judgeValues({ values: 2, twelveDigits: 2, kojinBango: 2, hojinBango: 0 })).toBe('candidate');
    expect(judgeValues({ values: 3, twelveDigits: 3, kojinBango: 3, hojinBango: 0 })).toBe('number');
  });
});

describe('data rows through the real bin', () => {
  const numbers = fc.sample(eleven, { numRuns: 6, seed: 7 }).map(withCheckDigit);
  const corporate = fc.sample(fc.stringMatching(/^\d{12}$/), { numRuns: 4, seed: 8 }).map(hojin);

  function dump(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spif-cd-'));
    fs.writeFileSync(
      path.join(dir, 'dump.sql'),
      [
        '--',
        '-- PostgreSQL database dump',
        '--',
        '',
        'CREATE TABLE public.t_jumin (atena_no character(15) NOT NULL, col07 character varying(20), biko text, kojin_no character varying(20));',
        'CREATE TABLE public.t_hojin (hojin_cd character varying(20), kojin_no character varying(13));',
        'CREATE TABLE public.t_misc (x character varying(20));',
        '',
        '--',
        '-- Data for Name: t_jumin; Type: TABLE DATA; Schema: public; Owner: -',
        '--',
        '',
        'COPY public.t_jumin (atena_no, col07, biko, kojin_no) FROM stdin;',
        ...numbers.slice(0, 4).map((n, i) => `00000000000000${i}\t${n}\t\\N\t00${i}`),
        '\\.',
        '',
        ...corporate.map((c, i) => `INSERT INTO public.t_hojin (hojin_cd, kojin_no) VALUES ('H${i}', '${c}');`),
        `INSERT INTO public.t_misc VALUES ('${numbers[4]}'), ('${numbers[5]}'::text);`,
        '',
      ].join('\n'),
    );
    return dir;
  }

  it('makes col07 a number column by rule data-check-digit, with counts as evidence and no value anywhere', async () => {
    const dir = dump();
    const cache = path.join(dir, 'cache');
    const outputs: string[] = [];
    for (const format of ['json', 'text', 'sarif', 'markdown', 'html']) {
      const { stdout } = await runBin(['scan', dir, '--format', format, '--cache', cache], repo, { LANG: 'C' });
      outputs.push(stdout);
    }
    const report = JSON.parse(nth(outputs, 0));
    const jumin = report.relations.find((r: { name: string }) => r.name === 't_jumin');
    expect(jumin.numberColumns).toEqual([
      expect.objectContaining({
        column: 'col07',
        rule: 'data-check-digit',
        kind: 'individual-number',
        evidence: expect.stringMatching(
          /^data rows: 4 of 4 values are 12-digit numbers with a valid 個人番号 check digit \(rows from .*dump\.sql:13\)$/,
        ),
      }),
    ]);
    // kojin_no with 法人番号 values is no longer a candidate; two valid values (INSERT, no column list) make one.
    const hojinRel = report.relations.find((r: { name: string }) => r.name === 't_hojin');
    expect(hojinRel.numberColumns).toEqual([]);
    expect(hojinRel.candidates).toBeUndefined();
    const misc = report.relations.find((r: { name: string }) => r.name === 't_misc');
    expect(misc.candidates).toEqual([
      expect.objectContaining({
        column: 'x',
        rule: 'data-check-digit',
        evidence: expect.stringContaining('2 of 2 values'),
      }),
    ]);
    expect(jumin.candidates).toEqual([expect.objectContaining({ column: 'kojin_no', rule: 'name-abbreviation' })]);
    const cached = fs.existsSync(cache)
      ? fs
          .readdirSync(cache, { recursive: true })
          .map((f) => String(f))
          .filter((f) => fs.statSync(path.join(cache, f)).isFile())
          .map((f) => fs.readFileSync(path.join(cache, f), 'latin1'))
      : [];
    expect(cached.length, 'the parse cache was written').toBeGreaterThan(0);
    for (const value of [...numbers, ...corporate]) {
      for (const text of [...outputs, ...cached]) expect(text.includes(value)).toBe(false);
    }
  });
});
