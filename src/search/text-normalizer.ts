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
const FREE_WORD_LIST = [
  'unspecified',
  'unsp',
  'nos',
  'nec',
  'site',
  // Guidelines I.C.19.a: with no episode of care stated, the initial-encounter code is chosen; the
  // episode words are free so the tabular order (A before D before S) decides.
  'initial',
  'subsequent',
  'sequela',
  // Guidelines I.C.19.c.1: a fracture not indicated as open or closed is coded as closed.
  'closed',
];

const BRITISH: readonly (readonly [RegExp, string])[] = [
  [/ae/g, 'e'],
  [/oe(?=[a-z])/g, 'e'],
];

/** Lower case, accents removed, every run of characters other than a-z and 0-9 replaced by one space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
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

const SUFFIXES: readonly (readonly [string, string, number])[] = [
  // [suffix, replacement, minimum stem length]
  ['ically', 'ic', 3],
  ['atic', 'a', 4],
  ['ities', 'ity', 3],
  ['ies', 'y', 3],
  ['sses', 'ss', 2],
  ['xes', 'x', 2],
  ['ches', 'ch', 2],
  ['shes', 'sh', 2],
  ['es', '', 5],
  ['ic', '', 4],
  ['ia', '', 4],
  ['al', '', 5],
  ['s', '', 3],
];

const ROMAN: Readonly<Record<string, string>> = { ii: '2', iii: '3', iv: '4', vi: '6' };

const KEEP_AS_IS: ReadonlySet<string> = new Set(['diabetes', 'herpes', 'rabies', 'scabies', 'series', 'species']);

/**
 * Folds a word to its search stem. Deliberately light: -itis and -osis stay distinct from their organ
 * ("appendicitis" is not "appendix"), only plurals, British spellings and adjective endings fold.
 */
export function stem(word: string): string {
  const roman = ROMAN[word];
  if (roman !== undefined) return roman;
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  for (const [re, to] of BRITISH) w = w.replace(re, to);
  if (KEEP_AS_IS.has(w)) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('os')) return w;
  for (const [suffix, to, min] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= min) return w.slice(0, w.length - suffix.length) + to;
  }
  return w;
}

/** Stems of the free words (documents and the vocabulary hold stems). */
export const FREE_WORDS: ReadonlySet<string> = new Set(FREE_WORD_LIST.map((w) => stem(w)));
