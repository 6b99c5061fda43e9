/**
 * Text normalization for search, shared by the index builder and the query parser so both sides fold
 * words the same way: lower case, accents removed, British spellings and plurals folded, adjective
 * forms brought to their noun stem ("diabetic" / "diabetes", "asthmatic" / "asthma").
 */

/** Words that carry no meaning for search: dropped from documents and queries alike. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'to',
  'for',
  'by',
  'at',
  'as',
  'with',
  'from',
  'into',
  'is',
  'was',
  'be',
  'its',
  'it',
  'this',
  'that',
  'patient',
  'pt',
  'encounter',
  'due',
  'type',
]);

/**
 * Words a document may hold without the query asking for them: they mark the default choice
 * ("unspecified", "NOS"), so a code whose title differs from the query only by these is preferred.
 */
const FREE_WORD_LIST = ['unspecified', 'unsp', 'nos', 'nec', 'site'];

const BRITISH: readonly (readonly [RegExp, string])[] = [
  [/ae/g, 'e'],
  [/oe(?=[a-z])/g, 'e'],
];

// A negated clause runs to the next comma, parenthesis, "with", or the site it qualifies ("without
// foreign body of left hand": the site stays); a listed one ("without A, B, and C") to the list's end.
const NEGATED_LIST =
  /\b(without|not)\b(?:[^,;()]*,)+[^,;()]*\b(?:and|or)\b[^,;()]*?(?=,|;|\(|\)|\bwith\b|$)/gi;
const NEGATED = /\b(without|not)\b[^,;()]*?(?=,|;|\(|\)|\b(?:with|of|in|at)\b|$)/gi;

/**
 * Removes negated clauses ("without complications", "not having achieved remission"): what a title
 * rules out is neither a match for the query nor an unmatched word to penalize, and what a query rules
 * out must not match the titles that have it. This makes the default code ("... without
 * complications") the best fit when the query says nothing more.
 */
export function dropNegated(text: string): { text: string; negated: boolean } {
  let negated = false;
  const drop = (): string => {
    negated = true;
    return ' ';
  };
  const kept = text.replace(NEGATED_LIST, drop).replace(NEGATED, drop);
  return { text: kept, negated };
}

/** Lower case, accents removed, every run of characters other than a-z and 0-9 replaced by one space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Splits normalized text into words, separating letters from digits ("t2dm" stays whole, "3b" too). */
export function splitWords(text: string): string[] {
  const norm = normalizeText(text);
  return norm === '' ? [] : norm.split(' ');
}

const PLURALS: readonly (readonly [string, string, number])[] = [
  // [suffix, replacement, minimum stem length]
  ['ities', 'ity', 3],
  ['ies', 'y', 3],
  ['sses', 'ss', 2],
  ['xes', 'x', 2],
  ['ches', 'ch', 2],
  ['shes', 'sh', 2],
  ['es', '', 5],
  ['s', '', 3],
];

const ENDINGS: readonly (readonly [string, string, number])[] = [
  ['ed', '', 4],
  ['ically', 'ic', 3],
  ['atic', '', 4],
  ['ary', '', 4],
  ['ian', 'y', 3],
  ['ic', '', 4],
  ['ia', '', 4],
  ['al', '', 5],
  ['e', '', 4],
  ['a', '', 4],
];

const ROMAN: Readonly<Record<string, string>> = { ii: '2', iii: '3', iv: '4', vi: '6' };

/** Adjectives whose noun the release writes as another word ("venous" thrombosis, "vein" thrombosis). */
const SAME_AS: Readonly<Record<string, string>> = { venous: 'vein', arterial: 'artery' };

/** Words whose ending is part of what they mean ("secondary" is not "second"). */
const NO_STEM: ReadonlySet<string> = new Set([
  'secondary',
  'series',
  'species',
  'herpes',
  'rabies',
  'scabies',
]);

function strip(w: string, rules: readonly (readonly [string, string, number])[]): string {
  for (const [suffix, to, min] of rules) {
    if (w.endsWith(suffix) && w.length - suffix.length >= min)
      return w.slice(0, w.length - suffix.length) + to;
  }
  return w;
}

/**
 * Folds a word to its search stem, the same way on both sides. Deliberately light: -itis and -osis
 * stay distinct from their organ ("appendicitis" is not "appendix"); plurals, British spellings and
 * adjective endings fold ("urinary" / "urine", "pleural" / "pleura", "diabetic" / "diabetes").
 */
export function stem(word: string): string {
  const roman = ROMAN[word] ?? SAME_AS[word];
  if (roman !== undefined) return roman;
  if (word.length <= 3 || /\d/.test(word) || NO_STEM.has(word)) return word;
  let w = word;
  for (const [re, to] of BRITISH) w = w.replace(re, to);
  if (w === 'diabetes') return 'diabet';
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('os')) return w;
  return strip(strip(w, PLURALS), ENDINGS);
}

/** Stems of the free words (documents and the vocabulary hold stems). */
export const FREE_WORDS: ReadonlySet<string> = new Set(FREE_WORD_LIST.map((w) => stem(w)));
