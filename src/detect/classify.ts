/**
 * Classify one column from its name, comment, type and the relation around it: is it the
 * 個人番号 or a substitute code (a number column), a candidate to review (要確認), something
 * about the number (vetoed), or unrelated? Pure: no catalog, no config.
 */
import { judgeValues, statsText, type ColumnValueStats } from './check-digit.js';
import { fitsTwelve } from './column-type.js';
import { candidateText, evidence } from './explain.js';
import {
  CARD_NUMBER,
  CODE_LIST,
  CONTACT_TABLE,
  CONTEXT_RULES,
  BARE_ENGLISH_NUMBER,
  FOREIGN_SCRIPT,
  KOKUHO_IDENTIFIER,
  OBJECT_TABLE,
  PERSON_ID_NAME,
  NUMBER_OR_CORPORATE,
  SAYS_MY_NUMBER,
  PHONE_COMMENT,
  PHONE_SIBLING,
  PHONE_TABLE,
  PHONE_TYPE,
  SPLIT_PART,
  contextCandidate,
  japaneseContext,
} from './context.js';
import { EXCLUSION_RULES, type ExclusionRule } from './exclusions.js';
import {
  canonical,
  commentSegments,
  firstSentence,
  glosses,
  nameSegments,
  stripAsides,
  type Segment,
} from './normalise.js';
import { NUMBER_RULES, type NumberKind, type NumberRule, type RuleTarget } from './rules.js';

/** Why a column is a candidate and what would settle it. */
export interface CandidateInfo {
  reason: string;
  settle: string;
}

export type ColumnClass =
  { kind: NumberKind; rule: string; evidence: string; candidate?: CandidateInfo } | { excludedBy: string };

/** A column and what is known around it. Only `name` is required. */
export interface ColumnContext {
  name: string;
  comment?: string;
  /** The declared type as written (`CHAR(12)`, `varchar2(12 byte)`). */
  type?: string;
  /** The relation's name and comment: context for generic names (`fugo` in a 符号 table). */
  table?: string;
  tableComment?: string;
  /** The other columns of the relation: the parts of a split number are read together. */
  siblings?: { name: string; comment?: string }[];
  /** Counts of the column's values in data rows of the sources (never the values). */
  values?: ColumnValueStats;
  /** Some other relation of the scanned schema has Japanese names or comments (see japaneseContext). */
  japaneseSchema?: boolean;
}

/** What the rules found in one name or one comment. */
interface TextFindings {
  /** The first number rule that matched and was not vetoed. */
  hit?: NumberRule;
  /** The hit's mention is followed by a part marker (`_3`, `上4桁`): one part of a split number. */
  part: boolean;
  /** A number rule matched somewhere (vetoed or not). */
  mentioned: boolean;
  /** Exclusions that vetoed a mention, or that apply to text not mentioning the number. */
  vetoes: ExclusionRule[];
}

/** Rules reading English phrases that are also ordinary English ("my number", "personal number"). */
const ENGLISH_NAME_RULES = new Set([
  'name-my-number',
  'name-personal-number',
  'name-individual-number',
  'comment-my-number',
  'comment-individual-number',
]);

/** A comment written in ASCII only (an English description). */
const ENGLISH_TEXT = /^[\x20-\x7e]*$/;

/** English text: romanised words anywhere in it are not its head ("AES encrypted, stored as text type"). */
const ENGLISH = /^[a-z0-9_]*$/;

/** Each rule pattern's global copy (matchAll needs one), made once. */
const globalOf = new WeakMap<RegExp, RegExp>();

/** Does `pattern` match `text` at its end, its head word (trailing digits and `_` aside)? */
function matchesHead(pattern: RegExp, text: string): boolean {
  const trimmed = text.replace(/[_0-9]+$/, '');
  let global = globalOf.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globalOf.set(pattern, global);
  }
  for (const m of trimmed.matchAll(global)) {
    if (m.index + m[0].length === trimmed.length) return true;
  }
  return false;
}

function vetoOf(
  tail: string,
  before: string,
  segment: Segment,
  target: RuleTarget,
  mentioned: boolean,
): ExclusionRule | undefined {
  // A comment that does not name the number says what the column is by its head: the end of a
  // Japanese phrase (read as a tail), the front of an English one (read by `wholeComment`).
  const readTail = mentioned || target === 'name' || !ENGLISH.test(segment.text);
  return EXCLUSION_RULES.find(
    (rule) =>
      (mentioned ? !rule.withoutMention : rule.standalone) &&
      ((readTail &&
        rule.tail !== undefined &&
        (mentioned || rule.identity ? rule.tail.test(tail) : matchesHead(rule.tail, tail))) ||
        (mentioned && rule.before?.test(before)) ||
        (target === 'name' && mentioned && rule.wholeName?.test(segment.whole)) ||
        (target === 'name' && !mentioned && rule.identityName?.test(segment.whole)) ||
        (target === 'name' && !mentioned && rule.headPrefix?.test(segment.whole)) ||
        (target === 'comment' && rule.wholeComment?.test(segment.whole)) ||
        rule.wholeText?.test(segment.whole)),
  );
}

/**
 * analyse() of texts already seen, per target (a pure function of the two; its findings are only
 * read): a name recurs in many tables and in every view column carrying it, and each column's
 * siblings are analysed again for every column of the relation. Bounded like canonical()'s.
 */
const analysed = { name: new Map<string, TextFindings>(), comment: new Map<string, TextFindings>() };
const ANALYSED_MAX = 100_000;

function analyse(text: string, target: RuleTarget): TextFindings {
  const seen = analysed[target];
  let known = seen.get(text);
  if (!known) {
    known = analyseText(text, target);
    if (seen.size >= ANALYSED_MAX) seen.clear();
    seen.set(text, known);
  }
  return known;
}

function analyseText(text: string, target: RuleTarget): TextFindings {
  const segments = target === 'name' ? nameSegments(text) : commentSegments(text);
  const rules = NUMBER_RULES.filter((rule) => rule.target === target);
  const findings: TextFindings = { mentioned: false, part: false, vetoes: [] };
  const unmentioned: Segment[] = [];
  for (const segment of segments) {
    const match = rules.map((rule) => ({ rule, m: rule.pattern.exec(segment.text) })).find(({ m }) => m !== null);
    if (!match?.m) {
      unmentioned.push(segment);
      continue;
    }
    findings.mentioned = true;
    const tail = segment.text.slice(match.m.index + match.m[0].length);
    const before = segment.text.slice(0, match.m.index);
    const veto = vetoOf(tail, before, segment, target, true);
    if (veto) findings.vetoes.push(veto);
    else if (!findings.hit) {
      findings.hit = match.rule;
      findings.part = SPLIT_PART.test(tail);
    }
  }
  // An aside that is itself a name of the number glosses the text before it: `12桁の番号（個人番号）`.
  // Only a bare name (nothing after the mention) counts: `住民票コード（個人番号の生成元）` does not.
  if (!findings.mentioned) {
    for (const gloss of glosses(text, target)) {
      const rule = rules.find((r) => {
        const m = r.pattern.exec(gloss);
        return m !== null && m.index + m[0].length === gloss.length;
      });
      if (!rule) continue;
      findings.mentioned = true;
      const veto = vetoOf('', '', { text: gloss, whole: segments[0]?.whole ?? gloss }, target, true);
      if (veto) findings.vetoes.push(veto);
      else findings.hit ??= rule;
    }
  }
  // Text that does not name the number can still say what the column is (a name `kofu_date`,
  // a comment `交付日`). A comment part beside one that names the number is only detail.
  if (target === 'name' || !findings.mentioned) {
    for (const segment of unmentioned) {
      const veto = vetoOf(segment.text, '', segment, target, false);
      if (veto) findings.vetoes.push(veto);
    }
  }
  return findings;
}

/** The whole text, bracketed asides included, names the 個人番号: `住民票の写し（個人番号記載）`. */
function saysNumber(text: string | undefined): boolean {
  return text !== undefined && /個人番号|マイナンバー|my_?number|kojin_?bang/.test(canonical(text));
}

/** Rules for a 個人番号 qualified by the system that numbers it (内部, 国保, 住基, 宛名). */
const SYSTEM_QUALIFIED = new Set(['name-naibu-kojin-bango', 'comment-naibu-kojin-bango']);

/** The name, comment or declared type says the My Number of the Act (マイナンバー, 番号法, 12桁). */
function saysMyNumber(column: ColumnContext): boolean {
  return [column.name, column.comment, column.type].some((t) => t !== undefined && SAYS_MY_NUMBER.test(canonical(t)));
}

function numberHit(rule: NumberRule, evidence: string): ColumnClass {
  return { kind: rule.kind, rule: rule.id, evidence };
}

/**
 * Classify a column.
 * - a number: `kind`, the rule and the text that showed it;
 * - a candidate (要確認): the same, plus `candidate` with the reason and what would settle it;
 * - `excludedBy`: the number is mentioned, but an exclusion says the column is about it;
 * - `undefined`: nothing suggests the number.
 * Any veto, in the name or the comment, wins over any mention: `kojin_bango_flg` commented
 * `個人番号` is a flag with a loose comment, and `kojin_bango` commented `交付日` is a date. A
 * number found in the comment wins over a candidate in the name: `KJN_NO` commented 個人番号.
 */
export function classifyColumn(column: ColumnContext): ColumnClass | undefined {
  const byText = classifyText(column);
  const verdict = judgeValues(column.values);
  if (!verdict || !column.values) return byText;
  const isNumber = byText !== undefined && !('excludedBy' in byText) && !byText.candidate;
  const evidence = statsText(column.values);
  const rule = CONTEXT_RULES.find((r) => r.id === 'data-check-digit')!;
  // Values with the check digit make a column the number, whatever its name says (a veto included).
  if (verdict === 'number') return isNumber ? byText : { kind: 'individual-number', rule: rule.id, evidence };
  if (verdict === 'candidate') {
    if (isNumber || (byText && !('excludedBy' in byText))) return byText;
    return {
      kind: 'individual-number',
      rule: rule.id,
      evidence,
      candidate: { reason: rule.reason, settle: rule.settle! },
    };
  }
  // 法人番号 values settle a candidate: the column is the corporate number.
  if (byText && !('excludedBy' in byText) && byText.candidate) return { excludedBy: 'data-hojin-bango' };
  return byText;
}

function classifyText(column: ColumnContext): ColumnClass | undefined {
  const { name, comment, type } = column;
  const byName = analyse(name, 'name');
  const byComment = comment !== undefined && comment.trim() !== '' ? analyse(comment, 'comment') : undefined;
  if (!byName.mentioned && !byComment?.mentioned) return contextCandidate(column);
  // A comment listing coded values (01：… 02：…) under a heading that does not name the number: a code.
  if (!byName.mentioned && comment !== undefined) {
    const text = comment.normalize('NFKC');
    const list = CODE_LIST.exec(text);
    if (list && !analyse(text.slice(0, list.index), 'comment').mentioned) return { excludedBy: 'code-list-comment' };
  }
  const nameEvidence = evidence('en', 'name', { text: name });
  const commentEvidence = evidence('en', 'comment', { text: comment ?? '' });

  // Rule number-or-corporate: a comment naming the 個人番号 as one of the values held (個人番号又は
  // 法人番号) says what the column is; a name read as another identifier does not veto it.
  const holdsEither =
    byComment?.hit !== undefined && NUMBER_OR_CORPORATE.test(canonical(stripAsides(firstSentence(comment!))));
  const vetoes = [...byName.vetoes, ...(byComment?.vetoes ?? [])].filter(
    (v) => !(holdsEither && v.id === 'other-identifier'),
  );
  // A real veto (a date, a flag) wins over a review rule (a file of the number, a lone part of it).
  const veto = vetoes.find((v) => !v.review) ?? vetoes[0];
  if (veto) {
    // Q&A 9-3: the last part of a number split over columns (下4桁 beside 上4桁, 中4桁) is a part, not a mask.
    if (veto.id === 'masked-partial' && splitSiblings(column) > 0) {
      return {
        kind: 'individual-number',
        rule: 'split-number-part',
        evidence: evidence('en', 'name-split', { text: name }),
      };
    }
    // The card bears no number but the 個人番号: "the card's number" may well be the number itself.
    if (
      veto.id === 'card-or-notice' &&
      (CARD_NUMBER.test(canonical(name)) || (comment !== undefined && CARD_NUMBER.test(canonical(comment))))
    ) {
      const rule = CONTEXT_RULES.find((r) => r.id === 'card-number')!;
      return {
        kind: rule.kind,
        rule: rule.id,
        evidence: comment ? evidence('en', 'name-comment', { name, text: comment }) : nameEvidence,
        candidate: { reason: rule.reason, settle: rule.settle! },
      };
    }
    if (veto.review) return reviewCandidate(veto, veto.review, column, nameEvidence, commentEvidence);
    return { excludedBy: veto.id };
  }
  const part = byName.hit ? byName.part : (byComment?.part ?? false);
  const found = [
    byName.hit && !byName.hit.candidate
      ? { rule: byName.hit, evidence: nameEvidence, text: name, on: 'name' as const }
      : undefined,
    byComment?.hit && !byComment.hit.candidate
      ? { rule: byComment.hit, evidence: commentEvidence, text: comment!, on: 'comment' as const }
      : undefined,
    byName.hit ? { rule: byName.hit, evidence: nameEvidence, text: name, on: 'name' as const } : undefined,
    byComment?.hit
      ? { rule: byComment.hit, evidence: commentEvidence, text: comment!, on: 'comment' as const }
      : undefined,
  ].find((f) => f !== undefined);
  if (!found) return undefined;

  const typeRule = EXCLUSION_RULES.find((rule) => rule.typeVeto?.(type));
  if (typeRule && found.rule.kind === 'individual-number' && !part) {
    // A plain name of the number in a type too short for it: the two disagree, so a reviewer settles it
    // (要確認), never a silent veto. An abbreviation (itself only a candidate) is outweighed by the type.
    if (typeRule.id === 'type-too-short' && !found.rule.candidate) {
      // An English "my number" on a short type in a schema with nothing Japanese: two signs against it.
      if (ENGLISH_NAME_RULES.has(found.rule.id) && ENGLISH_TEXT.test(found.text) && !japaneseContext(column))
        return { excludedBy: 'english-name-short-type' };
      return shortTypeCandidate(found, type!);
    }
    return { excludedBy: typeRule.id };
  }
  if (part && found.rule.kind === 'individual-number') {
    return {
      kind: 'individual-number',
      rule: 'split-number-part',
      evidence: evidence('en', found.on === 'name' ? 'name-split' : 'comment-split', { text: found.text }),
    };
  }

  // An English "my number" in a call or phone relation is the subscriber's own phone number.
  if (
    found.rule.id === 'name-my-number' &&
    !byComment?.hit &&
    ((column.table !== undefined && PHONE_TABLE.test(canonical(column.table))) ||
      (comment !== undefined && ENGLISH_TEXT.test(comment) && PHONE_COMMENT.test(canonical(comment))))
  ) {
    return { excludedBy: 'phone-context' };
  }
  // An English name (my_number, personal_number, individual_number) with no comment naming the number.
  const englishName =
    ENGLISH_NAME_RULES.has(found.rule.id) && found.on === 'name' && ENGLISH_TEXT.test(found.text) && !byComment?.hit;
  if (englishName) {
    // A telephone format in the declaration (`regex(/^\+?[0-9]{6,14}$/)`, PhoneNumberField): a phone number.
    if (type !== undefined && PHONE_TYPE.test(type)) return { excludedBy: 'phone-context' };
  }
  // A comment in another script (Мой номер, 我的编号) that does not name the number: not the Japanese number.
  const abbreviation = found.rule.id === 'name-abbreviation' && found.on === 'name' && !byComment?.hit;
  if (
    (englishName || abbreviation) &&
    comment !== undefined &&
    FOREIGN_SCRIPT.test(comment) &&
    !/[\u3040-\u30ff]/u.test(comment)
  )
    return { excludedBy: 'foreign-comment' };
  // A bare English number name in a relation of things (orders, products, cattle): the thing's own number.
  if (
    englishName &&
    BARE_ENGLISH_NUMBER.test(canonical(name)) &&
    column.table !== undefined &&
    OBJECT_TABLE.test(canonical(column.table))
  )
    return { excludedBy: 'object-relation' };
  if (found.rule.id === 'name-my-number' && !byComment?.hit && myPrefixSiblings(column) >= 2)
    return { excludedBy: 'my-prefix-convention' };
  // "contacts" is an address book (my number: a phone) or an お問い合わせ form (the My Number sent in): a
  // reviewer settles it, unless the relation already lists phone numbers beside it (one more of them).
  if (englishName && column.table !== undefined && CONTACT_TABLE.test(canonical(column.table))) {
    if (phoneSiblings(column)) return { excludedBy: 'phone-context' };
    const rule = CONTEXT_RULES.find((r) => r.id === 'contact-relation')!;
    return {
      kind: rule.kind,
      rule: rule.id,
      evidence: evidence('en', 'relation-context', { name, relation: column.table }),
      candidate: { reason: rule.reason, settle: rule.settle! },
    };
  }
  // A system-qualified 個人番号 (国保個人番号) in the name or the comment: a plain 個人番号 beside it does
  // not say which number it is, so the column stays a candidate unless something says the My Number.
  const qualified = [byName.hit, byComment?.hit].find((r) => r !== undefined && SYSTEM_QUALIFIED.has(r.id));
  if (qualified && found.rule.kind === 'individual-number' && !found.rule.candidate) {
    if (!saysMyNumber(column)) {
      const onName = qualified === byName.hit;
      return {
        kind: qualified.kind,
        rule: qualified.id,
        evidence: onName ? nameEvidence : commentEvidence,
        candidate: { reason: qualified.candidate!.reason, settle: qualified.candidate!.settle },
      };
    }
    return numberHit(found.rule, found.evidence);
  }
  // A person id of a system (personNo, employee_id) commented only 個人番号: the id or the My Number.
  if (
    found.on === 'comment' &&
    found.rule.id === 'comment-kojin-bango' &&
    !byName.mentioned &&
    PERSON_ID_NAME.test(canonical(name)) &&
    !saysMyNumber(column) &&
    !fitsTwelve(type)
  ) {
    const rule = CONTEXT_RULES.find((r) => r.id === 'person-id-comment')!;
    return {
      kind: rule.kind,
      rule: rule.id,
      evidence: evidence('en', 'name-comment', { name, text: comment! }),
      candidate: { reason: rule.reason, settle: rule.settle! },
    };
  }
  // A plain 個人番号 among 国保 identifiers, with no other 個人番号 beside it: the 国保 個人番号 or the My Number.
  if (PLAIN_KOJIN_BANGO.has(found.rule.id) && !saysMyNumber(column) && kokuhoRelation(column)) {
    const rule = CONTEXT_RULES.find((r) => r.id === 'kokuho-relation')!;
    return {
      kind: rule.kind,
      rule: rule.id,
      evidence: evidence('en', 'relation-context', { name, relation: column.table ?? '' }),
      candidate: { reason: rule.reason, settle: rule.settle! },
    };
  }
  const candidate = found.rule.candidate;
  if (!candidate) return numberHit(found.rule, found.evidence);
  if (candidate.raise === 'says-my-number' && saysMyNumber(column)) return numberHit(found.rule, found.evidence);
  if (candidate.raise === 'type-fits' && fitsTwelve(type))
    return numberHit(
      found.rule,
      evidence('en', found.on === 'name' ? 'name-type' : 'comment-type', { text: found.text, type: type! }),
    );
  // An abbreviation beside a column plainly named the number is the internal person number.
  if (found.rule.id === 'name-abbreviation' && plainNumberSibling(column))
    return { excludedBy: 'abbreviation-beside-number' };
  if (candidate.raise === 'says-number' && (saysNumber(found.text) || saysNumber(comment)))
    return numberHit(found.rule, found.evidence);
  return {
    kind: found.rule.kind,
    rule: found.rule.id,
    evidence: found.evidence,
    candidate: { reason: candidate.reason, settle: candidate.settle },
  };
}

/** Rules for a plain 個人番号 (not qualified by a system, not the English My Number). */
const PLAIN_KOJIN_BANGO = new Set(['name-kojin-bango', 'comment-kojin-bango']);

/**
 * The relation's other columns include an identifier qualified by 国保 and none names a 個人番号 or the
 * My Number: nothing tells this 個人番号 from the 国保 system's own (rule kokuho-relation).
 */
function kokuhoRelation(column: ColumnContext): boolean {
  const others = (column.siblings ?? []).filter((s) => s.name !== column.name);
  const texts = (s: { name: string; comment?: string }) =>
    [s.name, s.comment].filter((t): t is string => t !== undefined).map(canonical);
  if (!others.some((s) => texts(s).some((t) => KOKUHO_IDENTIFIER.test(t)))) return false;
  return !others.some((s) => texts(s).some((t) => /個人番号|マイナンバー/.test(t) || SAYS_MY_NUMBER.test(t)));
}

/** The back of a card or document, as a name says it (`_back`, `_ura`, 裏面). */
const BACK_SIDE = /_?(?:back|ura|uramen|reverse)(?![a-z])|裏面|裏側/g;

/**
 * A review rule's candidate (a file of the number, a lone part of it), unless the column is plainly
 * not one: a boolean holds nothing of the number, and a file named like a `*_back` sibling without
 * the side is the front of the card, which bears no number (rule front-beside-back).
 */
function reviewCandidate(
  veto: ExclusionRule,
  review: { reason: string; settle: string },
  column: ColumnContext,
  nameEvidence: string,
  commentEvidence: string,
): ColumnClass {
  const typeRule = EXCLUSION_RULES.find((rule) => rule.id === 'boolean-type')!;
  if (typeRule.typeVeto?.(column.type)) return { excludedBy: typeRule.id };
  if (veto.id === 'file-reference' && frontBesideBack(column)) return { excludedBy: 'front-beside-back' };
  const onComment = !analyse(column.name, 'name').vetoes.includes(veto);
  return {
    kind: 'individual-number',
    rule: veto.id,
    evidence: onComment ? commentEvidence : nameEvidence,
    candidate: { reason: review.reason, settle: review.settle },
  };
}

/** Another column of the relation is this one's name with a back-side word (`photo_url` beside `photo_url_back`). */
function frontBesideBack(column: ColumnContext): boolean {
  const own = canonical(column.name);
  if (own.replace(BACK_SIDE, '') !== own) return false;
  return (column.siblings ?? []).some((s) => {
    const other = canonical(s.name);
    return other !== own && other.replace(BACK_SIDE, '') === own;
  });
}

const SHORT_TYPE_RULE = CONTEXT_RULES.find((r) => r.id === 'name-type-conflict')!;

/** A candidate for a column whose name or comment says the number but whose type cannot hold 12 digits. */
function shortTypeCandidate(
  found: { rule: NumberRule; text: string; on: 'name' | 'comment' },
  type: string,
): ColumnClass {
  return {
    kind: found.rule.kind,
    rule: SHORT_TYPE_RULE.id,
    evidence: evidence('en', found.on === 'name' ? 'name-type' : 'comment-type', { text: found.text, type }),
    candidate: {
      reason: candidateText('en', 'short-type-reason', { on: found.on === 'name' ? 'column name' : 'comment', type }),
      settle: SHORT_TYPE_RULE.settle!,
    },
  };
}

/** How many other columns of the relation are parts of a split number (`個人番号上4桁`, `kojin_bango_1`). */
function splitSiblings(column: ColumnContext): number {
  return (column.siblings ?? []).filter(
    (s) =>
      s.name !== column.name &&
      (analyse(s.name, 'name').part || (s.comment !== undefined && analyse(s.comment, 'comment').part)),
  ).length;
}

/** Another column of the relation is a telephone or fax number (phone_number_1, fax, tel). */
function phoneSiblings(column: ColumnContext): boolean {
  return (column.siblings ?? []).some((s) => s.name !== column.name && PHONE_SIBLING.test(canonical(s.name)));
}

/** How many other columns of the relation start with the English `my` (myName, my_email), not counting the number's own names. */
function myPrefixSiblings(column: ColumnContext): number {
  return (column.siblings ?? []).filter((s) => {
    const n = canonical(s.name);
    return s.name !== column.name && /^my_(?!num|no(?![a-z]))/.test(n);
  }).length;
}

/** Another column of the relation is plainly the 個人番号 (a number rule, not a candidate, by its own text). */
function plainNumberSibling(column: ColumnContext): boolean {
  return (column.siblings ?? []).some((s) => {
    if (s.name === column.name) return false;
    const c = classifyColumn({ name: s.name, comment: s.comment });
    return c !== undefined && !('excludedBy' in c) && !c.candidate && c.kind === 'individual-number';
  });
}

/** Classify a column by its name and comment alone (no type, no relation). */
export function classifyColumnName(name: string, comment?: string): ColumnClass | undefined {
  return classifyColumn({ name, comment });
}

export { CONTEXT_RULES };
