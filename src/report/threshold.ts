/**
 * しきい値判断 (threshold assessment): which 特定個人情報保護評価 an 事務 must carry out, from
 * 対象人数, 取扱者数 and whether a 重大事故 occurred in the past year (特定個人情報保護評価指針
 * 第5の2; the bands as the PPC's guidance summarises them, cited in docs/reports.md).
 *
 *   対象人数 1,000人未満                 → 義務付けられない
 *   1,000人以上 1万人未満                → 基礎項目評価
 *   1万人以上 10万人未満                 → 取扱者数500人以上 又は 重大事故あり: 基礎項目評価＋重点項目評価
 *                                          それ以外: 基礎項目評価
 *   10万人以上 30万人未満                → 取扱者数500人以上 又は 重大事故あり: 基礎項目評価＋全項目評価
 *                                          それ以外: 基礎項目評価＋重点項目評価
 *   30万人以上                           → 基礎項目評価＋全項目評価
 *
 * The 1万人以上10万人未満 row is the one not yet confirmed against the 指針 text (docs/reports.md).
 * An unknown input that the band needs is never guessed: the result says which key to set.
 */

export interface ThresholdInput {
  /** 対象人数: people whose 特定個人情報 the 事務 handles. */
  targetPersons?: number;
  /** 取扱者数: staff (and contractors' staff) who handle the files. */
  handlers?: number;
  /** 重大事故 (特定個人情報に関する重大事故) in the year before the assessment. */
  seriousIncident?: boolean;
}

export type Assessment = 'none' | 'basic' | 'basic+focused' | 'basic+full';

export type ThresholdResult =
  | { kind: 'decided'; assessment: Assessment; band: PersonsBand; because: ThresholdReason[] }
  /** `missing` lists the config keys the band needs; `band` is set when 対象人数 is known. */
  | { kind: 'undecided'; missing: ('targetPersons' | 'handlers' | 'seriousIncident')[]; band?: PersonsBand };

export type PersonsBand = 'under-1000' | '1000-10000' | '10000-100000' | '100000-300000' | '300000-';

export type ThresholdReason =
  'handlers-500-or-more' | 'handlers-under-500' | 'serious-incident' | 'no-serious-incident' | 'persons-only';

const HANDLERS_THRESHOLD = 500;

function personsBand(n: number): PersonsBand {
  if (n < 1_000) return 'under-1000';
  if (n < 10_000) return '1000-10000';
  if (n < 100_000) return '10000-100000';
  if (n < 300_000) return '100000-300000';
  return '300000-';
}

export function thresholdAssessment(input: ThresholdInput): ThresholdResult {
  if (input.targetPersons === undefined) return { kind: 'undecided', missing: ['targetPersons'] };
  const band = personsBand(input.targetPersons);
  if (band === 'under-1000') return { kind: 'decided', assessment: 'none', band, because: ['persons-only'] };
  if (band === '1000-10000') return { kind: 'decided', assessment: 'basic', band, because: ['persons-only'] };
  if (band === '300000-') return { kind: 'decided', assessment: 'basic+full', band, because: ['persons-only'] };
  // 1万人以上30万人未満: 取扱者数 and 重大事故 decide. Either one raises the assessment, so a known
  // "yes" decides even when the other is unknown.
  const many = input.handlers === undefined ? undefined : input.handlers >= HANDLERS_THRESHOLD;
  const incident = input.seriousIncident;
  const [lower, higher]: [Assessment, Assessment] =
    band === '10000-100000' ? ['basic', 'basic+focused'] : ['basic+focused', 'basic+full'];
  if (many === true) return { kind: 'decided', assessment: higher, band, because: ['handlers-500-or-more'] };
  if (incident === true) return { kind: 'decided', assessment: higher, band, because: ['serious-incident'] };
  const missing: ('handlers' | 'seriousIncident')[] = [];
  if (many === undefined) missing.push('handlers');
  if (incident === undefined) missing.push('seriousIncident');
  if (missing.length) return { kind: 'undecided', missing, band };
  return { kind: 'decided', assessment: lower, band, because: ['handlers-under-500', 'no-serious-incident'] };
}
